// The overrides editor driven with real mouse and key events; the produced JSON is compared
// exactly and resolved by FieldConfigResolver for named series, as the panels do.
#include "app/editor/options/colorbutton.h"
#include "app/editor/options/overrideseditor.h"
#include "app/editor/options/unitpicker.h"
#include "dashboards/fields/fieldconfig.h"

#include "widgettesting.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

using namespace pharos;
using namespace pharos::testing;

namespace {

QJsonArray json(const char *text)
{
    QJsonParseError err;
    const QJsonArray a = QJsonDocument::fromJson(QByteArray(text), &err).array();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return a;
}

void activate(QWidget *w)
{
    w->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w->window()));
}

FieldConfig resolve(const QJsonArray &overrides, const QString &name)
{
    const FieldConfigResolver r(
        QJsonObject{{"defaults", QJsonObject{{"unit", "short"}}}, {"overrides", overrides}});
    return r.resolve(FieldMatchInfo{name, QStringLiteral("A")});
}

} // namespace

class TestOverridesEditor : public QObject
{
    Q_OBJECT
private slots:
    void byNameWithProperties();
    void byRegexAndRemoval();
    void otherMatchersAndPropertiesKept();
    void tableProperties();
};

void TestOverridesEditor::byNameWithProperties()
{
    OverridesEditor editor;
    editor.setPanelType(QStringLiteral("timeseries")); // the menu offers time-series properties
    editor.setFieldNames({"cpu", "memory", "disk"});
    QSignalSpy spy(&editor, &OverridesEditor::changed);
    editor.resize(700, 900);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(editor.overrideCount(), 1);
    chooseItem(editor.overrideWidget<QComboBox>("name", 0), QStringLiteral("memory"));
    QCOMPARE(editor.overrides(),
             json(R"([{"matcher": {"id": "byName", "options": "memory"}, "properties": []}])"));

    // unit: bytes, with the picker
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Unit"));
    auto *unit = editor.propertyWidget<UnitPicker>(0, 0);
    QVERIFY(unit);
    unit->searchEdit()->selectAll();
    QTest::keyClicks(unit->searchEdit(), QStringLiteral("bytes"));
    QTest::keyClick(unit->searchEdit(), Qt::Key_Return);
    // fixed colour
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Color (fixed)"));
    auto *color = editor.propertyWidget<ColorButton>(0, 1);
    QVERIFY(color);
    QTest::mouseClick(color, Qt::LeftButton);
    QVERIFY(color->popup());
    QTest::mouseClick(color->popup()->findChild<QToolButton *>("swatch-dark-blue"), Qt::LeftButton);
    QTRY_VERIFY(!color->popup());
    // fill opacity 40
    activate(&editor);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Fill opacity"));
    auto *fill = editor.propertyWidget<QSpinBox>(0, 2);
    QVERIFY(fill);
    fill->setFocus();
    fill->selectAll();
    QTest::keyClicks(fill, QStringLiteral("40"));
    // draw style bars, stacking percent, axis right, display name, line width, min/max, decimals
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Draw style"));
    chooseItem(editor.propertyWidget<QComboBox>(0, 3), QStringLiteral("Bars"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Stack series"));
    chooseItem(editor.propertyWidget<QComboBox>(0, 4), QStringLiteral("100%"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0),
               QStringLiteral("Axis placement"));
    chooseItem(editor.propertyWidget<QComboBox>(0, 5), QStringLiteral("Right"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Display name"));
    auto *display = editor.propertyWidget<QLineEdit>(0, 6);
    QVERIFY(display);
    QTest::keyClicks(display, QStringLiteral("RAM"));
    QTest::keyClick(display, Qt::Key_Return);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Line width"));
    auto *width = editor.propertyWidget<QSpinBox>(0, 7);
    width->setFocus();
    QTest::keyClick(width, Qt::Key_Up);
    QTest::keyClick(width, Qt::Key_Up);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Max"));
    auto *max = editor.propertyWidget<QLineEdit>(0, 8);
    max->selectAll();
    QTest::keyClicks(max, QStringLiteral("1e9"));
    QTest::keyClick(max, Qt::Key_Return);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Decimals"));
    auto *dec = editor.propertyWidget<QSpinBox>(0, 9);
    dec->setFocus();
    QTest::keyClick(dec, Qt::Key_Up);
    // the menu offers only what is not set yet
    auto *add = editor.overrideWidget<QComboBox>("addProperty", 0);
    QCOMPARE(add->count(), 2); // "+ Add override property" and Min
    QCOMPARE(add->itemText(1), QStringLiteral("Min"));

    const QJsonArray expected = json(R"([{"matcher": {"id": "byName", "options": "memory"},
        "properties": [
            {"id": "unit", "value": "bytes"},
            {"id": "color", "value": {"mode": "fixed", "fixedColor": "dark-blue"}},
            {"id": "custom.fillOpacity", "value": 40},
            {"id": "custom.drawStyle", "value": "bars"},
            {"id": "custom.stacking", "value": {"group": "A", "mode": "percent"}},
            {"id": "custom.axisPlacement", "value": "right"},
            {"id": "displayName", "value": "RAM"},
            {"id": "custom.lineWidth", "value": 3},
            {"id": "max", "value": 1000000000},
            {"id": "decimals", "value": 1}]}])");
    QCOMPARE(editor.overrides(), expected);
    QVERIFY(spy.count() >= 19);

    const FieldConfig mem = resolve(editor.overrides(), QStringLiteral("memory"));
    QVERIFY(mem.overridden);
    QCOMPARE(mem.unit, QStringLiteral("bytes"));
    QCOMPARE(mem.colorMode, QStringLiteral("fixed"));
    QCOMPARE(mem.fixedColor, QStringLiteral("dark-blue"));
    QCOMPARE(mem.fillOpacity, 40.0);
    QCOMPARE(mem.drawStyle, DrawStyle::Bars);
    QCOMPARE(mem.stacking, StackingMode::Percent);
    QCOMPARE(mem.axisPlacement, AxisPlacement::Right);
    QCOMPARE(mem.displayName, QStringLiteral("RAM"));
    QCOMPARE(mem.lineWidth, 3.0);
    QCOMPARE(mem.max, std::optional<double>(1e9));
    QCOMPARE(mem.decimals, std::optional<int>(1));
    const FieldConfig cpu = resolve(editor.overrides(), QStringLiteral("cpu"));
    QVERIFY(!cpu.overridden);
    QCOMPARE(cpu.unit, QStringLiteral("short"));

    // a name not in the list can be typed
    auto *name = editor.overrideWidget<QComboBox>("name", 0);
    name->lineEdit()->selectAll();
    QTest::keyClicks(name->lineEdit(), QStringLiteral("swap"));
    QTest::keyClick(name->lineEdit(), Qt::Key_Return);
    QCOMPARE(editor.overrides().at(0).toObject().value("matcher").toObject().value("options"),
             QJsonValue("swap"));
    QVERIFY(resolve(editor.overrides(), QStringLiteral("swap")).overridden);
}

void TestOverridesEditor::byRegexAndRemoval()
{
    OverridesEditor editor;
    editor.setFieldNames({"a"});
    editor.setOverrides(json(R"([
        {"matcher": {"id": "byName", "options": "a"},
         "properties": [{"id": "unit", "value": "ms"}, {"id": "decimals", "value": 2}]},
        {"matcher": {"id": "byName", "options": "x"}, "properties": [{"id": "min", "value": 0}]}])"));
    QSignalSpy spy(&editor, &OverridesEditor::changed);
    editor.resize(700, 900);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.propertyWidget<UnitPicker>(0, 0)->unit(), QStringLiteral("ms"));
    QCOMPARE(editor.propertyWidget<QSpinBox>(0, 1)->value(), 2);

    chooseItem(editor.overrideWidget<QComboBox>("matcher", 1),
               QStringLiteral("Fields with name matching regex"));
    auto *name = editor.overrideWidget<QComboBox>("name", 1);
    name->lineEdit()->selectAll();
    QTest::keyClicks(name->lineEdit(), QStringLiteral("/node_(cpu"));
    QTest::keyClick(name->lineEdit(), Qt::Key_Return);
    QCOMPARE(editor.errorText(),
             QStringLiteral("\"/node_(cpu\" is not a valid regular expression."));
    QTest::keyClicks(name->lineEdit(), QStringLiteral("|mem).*/"));
    QTest::keyClick(name->lineEdit(), Qt::Key_Return);
    QVERIFY(editor.errorText().isEmpty());

    QTest::mouseClick(editor.removePropertyButton(0, 0), Qt::LeftButton);
    QCoreApplication::processEvents();
    const QJsonArray expected = json(R"([
        {"matcher": {"id": "byName", "options": "a"}, "properties": [{"id": "decimals", "value": 2}]},
        {"matcher": {"id": "byRegexp", "options": "/node_(cpu|mem).*/"},
         "properties": [{"id": "min", "value": 0}]}])");
    QCOMPARE(editor.overrides(), expected);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(resolve(editor.overrides(), QStringLiteral("node_memory_bytes")).min,
             std::optional<double>(0));
    QVERIFY(!resolve(editor.overrides(), QStringLiteral("node_disk")).overridden);
    QCOMPARE(resolve(editor.overrides(), QStringLiteral("a")).unit, QStringLiteral("short"));

    QTest::mouseClick(editor.overrideWidget<QToolButton>("deleteOverride", 0), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(editor.overrideCount(), 1);
    QCOMPARE(editor.overrides(), QJsonArray{expected.at(1)});
    QCOMPARE(spy.count(), 4);
}

void TestOverridesEditor::otherMatchersAndPropertiesKept()
{
    OverridesEditor editor;
    const QJsonArray file = json(R"([
        {"matcher": {"id": "byFrameRefID", "options": "B"},
         "properties": [{"id": "custom.transform", "value": "negative-Y"},
                        {"id": "unit", "value": "bps"}]},
        {"matcher": {"id": "byNames", "options": {"mode": "exclude", "names": ["a", "b"]}},
         "properties": [{"id": "custom.hideFrom", "value": {"legend": true, "tooltip": false, "viz": true}}]}])");
    editor.setOverrides(file);
    QCOMPARE(editor.overrides(), file);
    auto *label = editor.overrideWidget<QLabel>("matcher", 0);
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Matcher byFrameRefID: [\"B\"]"));
    QCOMPARE(editor.propertyWidget<QLabel>(0, 0)->text(), QStringLiteral("[\"negative-Y\"]"));
    // editing a known property of such an override works and keeps the rest
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *unit = editor.propertyWidget<UnitPicker>(0, 1);
    unit->searchEdit()->selectAll();
    QTest::keyClicks(unit->searchEdit(), QStringLiteral("Bps"));
    QTest::keyClick(unit->searchEdit(), Qt::Key_Return);
    QJsonArray expected = file;
    QJsonObject o = expected.at(0).toObject();
    o.insert("properties", json(R"([{"id": "custom.transform", "value": "negative-Y"},
                                     {"id": "unit", "value": "Bps"}])"));
    expected.replace(0, o);
    QCOMPARE(editor.overrides(), expected);
    const FieldConfigResolver r(QJsonObject{{"overrides", editor.overrides()}});
    const FieldConfig b = r.resolve(FieldMatchInfo{QStringLiteral("x"), QStringLiteral("B")});
    QCOMPARE(b.unit, QStringLiteral("Bps"));
    QVERIFY(b.negativeY);
}

void TestOverridesEditor::tableProperties()
{
    OverridesEditor editor;
    editor.setPanelType(QStringLiteral("table"));
    editor.setFieldNames({"instance", "job", "Value"});
    editor.resize(700, 900);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QCoreApplication::processEvents();
    chooseItem(editor.overrideWidget<QComboBox>("matcher", 0),
               QStringLiteral("Fields with name matching regex"));
    auto *name = editor.overrideWidget<QComboBox>("name", 0);
    name->lineEdit()->selectAll();
    QTest::keyClicks(name->lineEdit(), QStringLiteral("/inst.*/"));
    QTest::keyClick(name->lineEdit(), Qt::Key_Return);

    // a table offers its column properties, not the time-series ones
    auto *add = editor.overrideWidget<QComboBox>("addProperty", 0);
    QVERIFY(add->findText(QStringLiteral("Column width")) > 0);
    QVERIFY(add->findText(QStringLiteral("Hide in table")) > 0);
    QCOMPARE(add->findText(QStringLiteral("Draw style")), -1);
    QCOMPARE(add->findText(QStringLiteral("Fill opacity")), -1);

    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Column width"));
    auto *width = editor.propertyWidget<QSpinBox>(0, 0);
    QVERIFY(width);
    QCOMPARE(width->value(), 150);
    activate(&editor);
    width->setFocus();
    width->selectAll();
    QTest::keyClicks(width, QStringLiteral("90"));
    QTest::keyClick(width, Qt::Key_Return);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0),
               QStringLiteral("Minimum column width"));
    auto *minWidth = editor.propertyWidget<QSpinBox>(0, 1);
    minWidth->setFocus();
    QTest::keyClick(minWidth, Qt::Key_Up); // 150 + 10
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0),
               QStringLiteral("Column alignment"));
    chooseItem(editor.propertyWidget<QComboBox>(0, 2), QStringLiteral("Right"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Cell type"));
    chooseItem(editor.propertyWidget<QComboBox>(0, 3), QStringLiteral("Colored text"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Hide in table"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Column filter"));
    auto *filter = editor.propertyWidget<QCheckBox>(0, 5);
    QVERIFY(filter && filter->isChecked());
    QTest::mouseClick(filter, Qt::LeftButton, {}, QPoint(6, filter->height() / 2));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Display name"));
    auto *display = editor.propertyWidget<QLineEdit>(0, 6);
    QTest::keyClicks(display, QStringLiteral("Instance"));
    QTest::keyClick(display, Qt::Key_Return);

    QCOMPARE(editor.overrides(), json(R"([{"matcher": {"id": "byRegexp", "options": "/inst.*/"},
        "properties": [
            {"id": "custom.width", "value": 90},
            {"id": "custom.minWidth", "value": 160},
            {"id": "custom.align", "value": "right"},
            {"id": "custom.cellOptions", "value": {"type": "color-text"}},
            {"id": "custom.hidden", "value": true},
            {"id": "custom.filterable", "value": false},
            {"id": "displayName", "value": "Instance"}]}])"));
    // the resolver (used by every panel) still reads the common ones
    QCOMPARE(resolve(editor.overrides(), QStringLiteral("instance")).displayName,
             QStringLiteral("Instance"));
    QVERIFY(!resolve(editor.overrides(), QStringLiteral("job")).overridden);
}

QTEST_MAIN(TestOverridesEditor)
#include "test_overrideseditor.moc"
