// The thresholds editor and its colour button driven with real mouse and key events; the
// produced JSON is compared exactly and read back by FieldConfigResolver as panels do.
#include "app/editor/options/colorbutton.h"
#include "app/editor/options/thresholdseditor.h"
#include "dashboards/fields/fieldconfig.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace pharos;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &err).object();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return o;
}

void setValue(ThresholdsEditor &editor, int row, const QString &text)
{
    QLineEdit *edit = editor.valueEdit(row);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QCoreApplication::processEvents(); // old rows are deleted later
}

} // namespace

class TestThresholdsEditor : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAndRoundTrip();
    void addEditSortRemove();
    void paletteAndCustomColour();
    void badValueIsFlagged();
    void firstStepBecomesBase();
};

void TestThresholdsEditor::defaultsAndRoundTrip()
{
    ThresholdsEditor editor;
    QCOMPARE(editor.thresholds(), json(R"({"mode": "absolute", "steps": [
        {"color": "green", "value": null}, {"color": "red", "value": 80}]})"));
    const QJsonObject file = json(R"j({"mode": "percentage", "steps": [
        {"color": "#73BF69", "value": null}, {"color": "semi-dark-orange", "value": 50},
        {"color": "rgba(245, 54, 54, 0.9)", "value": 90.5}]})j");
    editor.setThresholds(file);
    QCOMPARE(editor.thresholds(), file);
    QVERIFY(editor.percentageButton()->isChecked());
    QCOMPARE(editor.stepCount(), 3);
    QCOMPARE(editor.valueEdit(0)->text(), QStringLiteral("Base"));
    QVERIFY(editor.valueEdit(0)->isReadOnly());
    QVERIFY(!editor.removeButton(0));
    QCOMPARE(editor.valueEdit(2)->text(), QStringLiteral("90.5"));
    QCOMPARE(editor.colorButton(1)->color(), QStringLiteral("semi-dark-orange"));
}

void TestThresholdsEditor::addEditSortRemove()
{
    ThresholdsEditor editor;
    QSignalSpy spy(&editor, &ThresholdsEditor::changed);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTest::mouseClick(editor.percentageButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QTest::mouseClick(editor.addButton(), Qt::LeftButton); // 90, first unused colour
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(editor.stepCount(), 3);
    QCOMPARE(editor.valueEdit(2)->text(), QStringLiteral("90"));

    // 90 -> 20 sorts the step below 80
    setValue(editor, 2, QStringLiteral("20"));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(editor.valueEdit(1)->text(), QStringLiteral("20"));
    QCOMPARE(editor.valueEdit(2)->text(), QStringLiteral("80"));
    const QJsonObject expected = json(R"({"mode": "percentage", "steps": [
        {"color": "green", "value": null}, {"color": "orange", "value": 20},
        {"color": "red", "value": 80}]})");
    QCOMPARE(editor.thresholds(), expected);

    // what panels read
    FieldConfig fc;
    FieldConfigResolver::applyProperty(QStringLiteral("thresholds"), editor.thresholds(), fc);
    QCOMPARE(fc.thresholds.mode, Thresholds::Mode::Percentage);
    QCOMPARE(fc.thresholds.steps.size(), 3);
    QVERIFY(!fc.thresholds.steps[0].value);
    QCOMPARE(fc.thresholds.steps[1].value, std::optional<double>(20));
    QCOMPARE(fc.thresholds.steps[1].color, QStringLiteral("orange"));
    QCOMPARE(fc.thresholds.steps[2].value, std::optional<double>(80));

    // remove the 20 step
    QTest::mouseClick(editor.removeButton(1), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 4);
    QCOMPARE(editor.thresholds(), json(R"({"mode": "percentage", "steps": [
        {"color": "green", "value": null}, {"color": "red", "value": 80}]})"));
    // the same value again changes nothing
    setValue(editor, 1, QStringLiteral("80"));
    QCOMPARE(spy.count(), 4);
    QTest::mouseClick(editor.absoluteButton(), Qt::LeftButton);
    QCOMPARE(editor.thresholds().value(QLatin1String("mode")).toString(),
             QStringLiteral("absolute"));
    QCOMPARE(spy.count(), 5);
}

void TestThresholdsEditor::paletteAndCustomColour()
{
    ThresholdsEditor editor;
    QSignalSpy spy(&editor, &ThresholdsEditor::changed);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    ColorButton *button = editor.colorButton(1);
    QCOMPARE(button->text(), QStringLiteral("red"));
    QTest::mouseClick(button, Qt::LeftButton);
    ColorPopup *popup = button->popup();
    QVERIFY(popup);
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    // the whole named palette: 6 hues x 5 shades
    QCOMPARE(grafanaNamedPalette().size(), 30);
    for (const QString &name : grafanaNamedPalette())
        QVERIFY2(parseGrafanaColor(name), qPrintable(name));
    auto *swatch = popup->findChild<QToolButton *>(QStringLiteral("swatch-semi-dark-purple"));
    QVERIFY(swatch);
    QVERIFY(!popup->findChild<QWidget *>(QStringLiteral("swatch-none"))); // thresholds need one
    QTest::mouseClick(swatch, Qt::LeftButton);
    QTRY_VERIFY(!button->popup());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(button->color(), QStringLiteral("semi-dark-purple"));
    // the icon shows the colour
    const QImage icon = button->icon().pixmap(16, 16).toImage();
    QCOMPARE(QColor(icon.pixel(8, 8)).rgb() & 0xFFFFFF,
             *parseGrafanaColor("semi-dark-purple") & 0xFFFFFF);

    // custom colour: a bad one is flagged, a good one taken as written
    QTest::mouseClick(editor.colorButton(0), Qt::LeftButton);
    popup = editor.colorButton(0)->popup();
    QVERIFY(popup);
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    QTest::keyClicks(popup->customEdit(), QStringLiteral("#12345"));
    QTest::keyClick(popup->customEdit(), Qt::Key_Return);
    auto *error = popup->findChild<QLabel *>(QStringLiteral("customColorError"));
    QVERIFY(error && error->isVisible());
    QVERIFY(error->text().startsWith(QLatin1String("\"#12345\" is not a colour")));
    QCOMPARE(spy.count(), 1);
    QTest::keyClick(popup->customEdit(), Qt::Key_6);
    QTest::keyClick(popup->customEdit(), Qt::Key_Return);
    QTRY_VERIFY(!editor.colorButton(0)->popup());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(editor.thresholds(), json(R"({"mode": "absolute", "steps": [
        {"color": "#123456", "value": null}, {"color": "semi-dark-purple", "value": 80}]})"));
    FieldConfig fc;
    FieldConfigResolver::applyProperty(QStringLiteral("thresholds"), editor.thresholds(), fc);
    QCOMPARE(parseGrafanaColor(fc.thresholds.steps[0].color), std::optional<quint32>(0xFF123456));
}

void TestThresholdsEditor::badValueIsFlagged()
{
    ThresholdsEditor editor;
    QSignalSpy spy(&editor, &ThresholdsEditor::changed);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    setValue(editor, 1, QStringLiteral("lots"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(editor.errorText(),
             QStringLiteral("A threshold needs a number: \"lots\" is not one."));
    QCOMPARE(editor.thresholds()
                 .value(QLatin1String("steps"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("value")),
             QJsonValue(80));
    setValue(editor, 1, QStringLiteral("-5e2"));
    QCOMPARE(spy.count(), 1);
    QVERIFY(editor.errorText().isEmpty());
    QCOMPARE(editor.valueEdit(1)->text(), QStringLiteral("-500"));
}

void TestThresholdsEditor::firstStepBecomesBase()
{
    // Grafana treats the first step as the base whatever its value; the others are sorted
    ThresholdsEditor editor;
    editor.setThresholds(json(R"({"steps": [{"color": "blue", "value": 5},
        {"color": "red", "value": 100}, {"color": "yellow", "value": 50}]})"));
    QCOMPARE(editor.thresholds(), json(R"({"mode": "absolute", "steps": [
        {"color": "blue", "value": null}, {"color": "yellow", "value": 50},
        {"color": "red", "value": 100}]})"));
    editor.setThresholds(json(R"({"mode": "absolute", "steps": []})"));
    QCOMPARE(editor.thresholds(),
             json(R"({"mode": "absolute", "steps": [{"color": "green", "value": null}]})"));
}

QTEST_MAIN(TestThresholdsEditor)
#include "test_thresholdseditor.moc"
