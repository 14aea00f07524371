// The unit picker and the standard options (unit, decimals, min, max) driven with real key
// and mouse events; the produced fieldConfig is read back by FieldConfigResolver and the
// unit formats values as the panels will show them.
#include "app/editor/options/unitpicker.h"
#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/units.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace pharos;

class TestUnitPicker : public QObject
{
    Q_OBJECT
private slots:
    void catalogueCoversEveryFormattedUnit();
    void searchFiltersByIdAndName();
    void enterPicksFirstMatchAndArrowsMove();
    void clickPicksUnit();
    void customUnits();
    void badUnitIsFlaggedAndNotTaken();
    void unknownUnitFromFileIsKept();
    void standardOptionsRoundTrip();
    void badMinIsFlagged();

private:
    static QTreeWidgetItem *itemFor(QTreeWidget *list, const QString &id)
    {
        const auto found = list->findItems(id, Qt::MatchExactly | Qt::MatchRecursive, 1);
        return found.isEmpty() ? nullptr : found.first();
    }
};

void TestUnitPicker::catalogueCoversEveryFormattedUnit()
{
    QStringList listed;
    for (const UnitInfo &u : unitCatalogue()) {
        QVERIFY2(isKnownUnit(u.id), qPrintable(u.id));
        QVERIFY2(!u.name.isEmpty() && !u.category.isEmpty(), qPrintable(u.id));
        QVERIFY2(!listed.contains(u.id), qPrintable(u.id));
        listed << u.id;
    }
    for (const QString &id : knownUnitIds()) {
        // every formatted id is offered, or is an alias the picker names
        QVERIFY2(listed.contains(id) || (id == QLatin1String("us") && unitInfo(id)),
                 qPrintable(id));
    }
    QCOMPARE(listed.size() + 1, knownUnitIds().size()); // + the "us" alias
    // grouped: each category is one contiguous block
    QStringList seen;
    QString last;
    for (const UnitInfo &u : unitCatalogue()) {
        if (u.category != last) {
            QVERIFY2(!seen.contains(u.category), qPrintable(u.category));
            seen << u.category;
            last = u.category;
        }
    }
    QCOMPARE(seen, (QStringList{"Misc", "Data", "Data rate", "Time", "Throughput", "Energy",
                                "Temperature", "Currency"}));
}

void TestUnitPicker::searchFiltersByIdAndName()
{
    UnitPicker picker;
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QCOMPARE(picker.visibleIds().size(), unitCatalogue().size());
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("byt"));
    QCOMPARE(picker.visibleIds(),
             (QStringList{"bytes", "decbytes", "kbytes", "deckbytes", "mbytes", "decmbytes",
                          "gbytes", "decgbytes", "binBps", "Bps", "KBs", "MBs"}));
    // the Time group is hidden, the Data group is shown
    QTreeWidgetItem *data = itemFor(picker.list(), "bytes")->parent();
    QVERIFY(!data->isHidden());
    QVERIFY(itemFor(picker.list(), "ms")->parent()->isHidden());
    // by name, case-insensitively
    picker.searchEdit()->clear();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("CELS"));
    QCOMPARE(picker.visibleIds(), QStringList{"celsius"});
    // by category name
    picker.searchEdit()->clear();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("currency"));
    QCOMPARE(picker.visibleIds(), (QStringList{"currencyUSD", "currencyEUR"}));
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("zzz"));
    QVERIFY(picker.visibleIds().isEmpty());
}

void TestUnitPicker::enterPicksFirstMatchAndArrowsMove()
{
    UnitPicker picker;
    QSignalSpy spy(&picker, &UnitPicker::changed);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("byt"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Down); // bytes -> decbytes
    QTest::keyClick(picker.searchEdit(), Qt::Key_Down); // -> kbytes
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("kbytes"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(picker.searchEdit()->text(), QStringLiteral("kbytes"));
    QCOMPARE(picker.statusLabel()->text(), QStringLiteral("Data / kibibytes"));
    // the list is whole again after a pick
    QCOMPARE(picker.visibleIds().size(), unitCatalogue().size());

    picker.searchEdit()->selectAll();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("milli"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Enter);
    QCOMPARE(picker.unit(), QStringLiteral("ms"));
    QCOMPARE(spy.count(), 2);
    // an exact id wins over the first match: "s" matches many names
    picker.searchEdit()->selectAll();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("s"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("s"));
    QCOMPARE(formatValueText(90, picker.unit()), QStringLiteral("1.50 min"));
    // Esc restores the current unit
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("xx"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Escape);
    QCOMPARE(picker.searchEdit()->text(), QStringLiteral("s"));
    QCOMPARE(spy.count(), 3);
}

void TestUnitPicker::clickPicksUnit()
{
    UnitPicker picker;
    picker.resize(400, 600);
    QSignalSpy spy(&picker, &UnitPicker::changed);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("req"));
    QTreeWidgetItem *item = itemFor(picker.list(), "reqps");
    QVERIFY(item && !item->isHidden());
    const QRect r = picker.list()->visualItemRect(item);
    QVERIFY(r.isValid());
    QTest::mouseClick(picker.list()->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(picker.unit(), QStringLiteral("reqps"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(picker.statusLabel()->text(), QStringLiteral("Throughput / requests/sec (rps)"));
    QCOMPARE(formatValueText(1500, picker.unit()), QStringLiteral("1.50 K req/s"));
}

void TestUnitPicker::customUnits()
{
    UnitPicker picker;
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("suffix: apples"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("suffix: apples"));
    QCOMPARE(picker.statusLabel()->text(), QStringLiteral("Custom unit: suffix \" apples\""));
    QCOMPARE(picker.statusLabel()->property("error").toBool(), false);
    QCOMPARE(formatValueText(3, picker.unit()), QStringLiteral("3 apples"));
    picker.searchEdit()->selectAll();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("prefix:£"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("prefix:£"));
    QCOMPARE(formatValueText(2.5, picker.unit()), QStringLiteral("£2.50"));
}

void TestUnitPicker::badUnitIsFlaggedAndNotTaken()
{
    UnitPicker picker;
    picker.setUnit(QStringLiteral("bytes"));
    QSignalSpy spy(&picker, &UnitPicker::changed);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.searchEdit()->selectAll();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("furlongs"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("bytes"));
    QCOMPARE(spy.count(), 0);
    QVERIFY(picker.statusLabel()->property("error").toBool());
    QVERIFY2(picker.statusLabel()->text().contains(QLatin1String("\"furlongs\" is not a unit")),
             qPrintable(picker.statusLabel()->text()));
    QVERIFY(picker.statusLabel()->text().contains(QLatin1String("suffix:furlongs")));
    // "suffix:" alone is not a unit either
    picker.searchEdit()->selectAll();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("suffix:"));
    QTest::keyClick(picker.searchEdit(), Qt::Key_Return);
    QCOMPARE(picker.unit(), QStringLiteral("bytes"));
    QVERIFY(picker.statusLabel()->property("error").toBool());
}

void TestUnitPicker::unknownUnitFromFileIsKept()
{
    UnitPicker picker;
    QSignalSpy spy(&picker, &UnitPicker::changed);
    picker.setUnit(QStringLiteral("lengthmm"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(picker.unit(), QStringLiteral("lengthmm"));
    QVERIFY(picker.statusLabel()->property("error").toBool());
    QVERIFY(picker.statusLabel()->text().startsWith(QLatin1String("Unknown unit \"lengthmm\"")));
    picker.setUnit(QStringLiteral("us"));
    QCOMPARE(picker.statusLabel()->text(), QStringLiteral("Time / microseconds (µs)"));
    QVERIFY(!picker.statusLabel()->property("error").toBool());
}

void TestUnitPicker::standardOptionsRoundTrip()
{
    StandardOptionsEditor editor;
    const QJsonObject defaults = QJsonDocument::fromJson(R"({
        "unit": "short", "min": 0, "custom": {"lineWidth": 2},
        "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}]}})")
                                     .object();
    editor.setConfig(defaults);
    QSignalSpy spy(&editor, &StandardOptionsEditor::changed);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.decimalsBox()->text(), QStringLiteral("auto"));
    QCOMPARE(editor.minEdit()->text(), QStringLiteral("0"));

    editor.unitPicker()->searchEdit()->selectAll();
    QTest::keyClicks(editor.unitPicker()->searchEdit(), QStringLiteral("percent (0.0"));
    QTest::keyClick(editor.unitPicker()->searchEdit(), Qt::Key_Return);
    editor.decimalsBox()->setFocus();
    editor.decimalsBox()->selectAll();
    QTest::keyClicks(editor.decimalsBox(), QStringLiteral("1"));
    editor.maxEdit()->setFocus();
    QTest::keyClicks(editor.maxEdit(), QStringLiteral("1.5"));
    QTest::keyClick(editor.maxEdit(), Qt::Key_Return);
    editor.minEdit()->setFocus();
    editor.minEdit()->selectAll();
    QTest::keyClick(editor.minEdit(), Qt::Key_Delete);
    QTest::keyClick(editor.minEdit(), Qt::Key_Tab);
    QVERIFY(spy.count() >= 4);

    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "unit": "percentunit", "decimals": 1, "max": 1.5, "custom": {"lineWidth": 2},
        "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}]}})")
                                     .object();
    QCOMPARE(editor.config(), expected);

    // what the panels read
    QJsonObject fc{{"defaults", editor.config()}, {"overrides", QJsonArray()}};
    const FieldConfigResolver resolver(fc);
    QCOMPARE(resolver.defaults().unit, QStringLiteral("percentunit"));
    QCOMPARE(resolver.defaults().decimals, std::optional<int>(1));
    QCOMPARE(resolver.defaults().max, std::optional<double>(1.5));
    QVERIFY(!resolver.defaults().min);
    QCOMPARE(resolver.defaults().lineWidth, 2.0);
    QCOMPARE(formatValueText(0.4567, resolver.defaults().unit, resolver.defaults().decimals),
             QStringLiteral("45.7%"));

    // decimals back to auto removes the key
    editor.decimalsBox()->setFocus();
    QTest::keyClick(editor.decimalsBox(), Qt::Key_Down);
    QTest::keyClick(editor.decimalsBox(), Qt::Key_Down);
    QVERIFY(!editor.config().contains(QLatin1String("decimals")));
}

void TestUnitPicker::badMinIsFlagged()
{
    StandardOptionsEditor editor;
    editor.setConfig(QJsonObject{{"min", 5}});
    QSignalSpy spy(&editor, &StandardOptionsEditor::changed);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.minEdit()->setFocus();
    editor.minEdit()->selectAll();
    QTest::keyClicks(editor.minEdit(), QStringLiteral("ten"));
    QTest::keyClick(editor.minEdit(), Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(editor.config(), (QJsonObject{{"min", 5}}));
    QCOMPARE(editor.errorText(),
             QStringLiteral("Min must be a number or empty (auto): \"ten\" is not."));
    editor.minEdit()->selectAll();
    QTest::keyClicks(editor.minEdit(), QStringLiteral("-2.5"));
    QTest::keyClick(editor.minEdit(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(editor.config(), (QJsonObject{{"min", -2.5}}));
    QVERIFY(editor.errorText().isEmpty());
}

QTEST_MAIN(TestUnitPicker)
#include "test_unitpicker.moc"
