// The value mappings editor driven with real mouse and key events; the produced JSON is
// compared exactly and read back by ValueMappings, as the panels do.
#include "app/editor/options/colorbutton.h"
#include "app/editor/options/valuemappingseditor.h"
#include "dashboards/fields/valuemappings.h"

#include "widgettesting.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <cmath>

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

void type(ValueMappingsEditor &editor, const char *name, int row, const QString &text)
{
    auto *edit = editor.rowWidget<QLineEdit>(name, row);
    QVERIFY2(edit, name);
    // a closed popup leaves the offscreen window inactive
    QApplication::setActiveWindow(edit->window());
    QTRY_VERIFY(QApplication::activeWindow() == edit->window());
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Tab);
}

void chooseType(ValueMappingsEditor &editor, int row, const QString &text)
{
    chooseItem(editor.rowWidget<QComboBox>("type", row), text);
}

} // namespace

class TestValueMappingsEditor : public QObject
{
    Q_OBJECT
private slots:
    void buildEveryTypeWithMouseAndKeys();
    void reorderAndDelete();
    void loadsFileFormsAndRoundTrips();
    void badConditionsAreFlagged();
};

void TestValueMappingsEditor::buildEveryTypeWithMouseAndKeys()
{
    ValueMappingsEditor editor;
    QSignalSpy spy(&editor, &ValueMappingsEditor::changed);
    editor.resize(900, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    // value 1 -> "Up", green
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    type(editor, "value", 0, QStringLiteral("1"));
    type(editor, "text", 0, QStringLiteral("Up"));
    QTest::mouseClick(editor.rowWidget<ColorButton>("color", 0), Qt::LeftButton);
    ColorPopup *popup = editor.rowWidget<ColorButton>("color", 0)->popup();
    QVERIFY(popup);
    QTest::mouseClick(popup->findChild<QToolButton *>(QStringLiteral("swatch-green")),
                      Qt::LeftButton);
    QTRY_VERIFY(!editor.rowWidget<ColorButton>("color", 0)->popup());

    // range 10..20 -> "warm", no colour
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    chooseType(editor, 1, QStringLiteral("Range"));
    type(editor, "from", 1, QStringLiteral("10"));
    type(editor, "to", 1, QStringLiteral("20"));
    type(editor, "text", 1, QStringLiteral("warm"));

    // regex -> "$1 ms"
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    chooseType(editor, 2, QStringLiteral("Regex"));
    type(editor, "pattern", 2, QStringLiteral("(\\d+)ms"));
    type(editor, "text", 2, QStringLiteral("$1 ms"));

    // special NaN -> "no data", custom colour
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    chooseType(editor, 3, QStringLiteral("Special"));
    auto *special = editor.rowWidget<QComboBox>("special", 3);
    QVERIFY(special);
    special->setFocus();
    QTest::keyClick(special, Qt::Key_Down); // null -> nan, with the keyboard
    type(editor, "text", 3, QStringLiteral("no data"));
    QTest::mouseClick(editor.rowWidget<ColorButton>("color", 3), Qt::LeftButton);
    popup = editor.rowWidget<ColorButton>("color", 3)->popup();
    QVERIFY(popup);
    QTest::keyClicks(popup->customEdit(), QStringLiteral("#808080"));
    QTest::keyClick(popup->customEdit(), Qt::Key_Return);
    QTRY_VERIFY(!editor.rowWidget<ColorButton>("color", 3)->popup());

    const QJsonArray expected = json(R"([
        {"type": "value", "options": {"1": {"text": "Up", "color": "green", "index": 0}}},
        {"type": "range", "options": {"from": 10, "to": 20, "result": {"text": "warm", "index": 1}}},
        {"type": "regex", "options": {"pattern": "(\\d+)ms", "result": {"text": "$1 ms", "index": 2}}},
        {"type": "special", "options": {"match": "nan",
                                        "result": {"text": "no data", "color": "#808080", "index": 3}}}
    ])");
    QCOMPARE(editor.mappings(), expected);
    QVERIFY(spy.count() >= 14);

    // what panels read
    const ValueMappings m = ValueMappings::fromJson(editor.mappings());
    QCOMPARE(m.size(), 4);
    QCOMPARE(m.map(1)->text, QStringLiteral("Up"));
    QCOMPARE(m.map(1)->color, QStringLiteral("green"));
    QCOMPARE(m.map(15)->text, QStringLiteral("warm"));
    QVERIFY(m.map(15)->color.isEmpty());
    QVERIFY(!m.map(25));
    QCOMPARE(m.mapText(QStringLiteral("latency 250ms"))->text, QStringLiteral("latency 250 ms"));
    QCOMPARE(m.map(std::nan(""))->text, QStringLiteral("no data"));
    QCOMPARE(m.map(std::nan(""))->color, QStringLiteral("#808080"));

    // open range end: clearing "to"
    type(editor, "to", 1, QString());
    QCOMPARE(editor.mappings().at(1).toObject().value("options").toObject().value("to"),
             QJsonValue(QJsonValue::Null));
    QCOMPARE(ValueMappings::fromJson(editor.mappings()).map(1e9)->text, QStringLiteral("warm"));
}

void TestValueMappingsEditor::reorderAndDelete()
{
    ValueMappingsEditor editor;
    editor.setMappings(json(R"([
        {"type": "range", "options": {"from": 0, "to": 100, "result": {"text": "any", "index": 0}}},
        {"type": "value", "options": {"50": {"text": "half", "index": 1}}},
        {"type": "special", "options": {"match": "null+nan", "result": {"text": "none", "index": 2}}}
    ])"));
    QSignalSpy spy(&editor, &ValueMappingsEditor::changed);
    editor.resize(900, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(ValueMappings::fromJson(editor.mappings()).map(50)->text, QStringLiteral("any"));
    QVERIFY(!editor.rowWidget<QToolButton>("up", 0)->isEnabled());
    QVERIFY(!editor.rowWidget<QToolButton>("down", 2)->isEnabled());

    // the value row moves first: it wins now
    QTest::mouseClick(editor.rowWidget<QToolButton>("up", 1), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(editor.rowWidget<QLineEdit>("value", 0)->text(), QStringLiteral("50"));
    QCOMPARE(editor.mappings(), json(R"([
        {"type": "value", "options": {"50": {"text": "half", "index": 0}}},
        {"type": "range", "options": {"from": 0, "to": 100, "result": {"text": "any", "index": 1}}},
        {"type": "special", "options": {"match": "null+nan", "result": {"text": "none", "index": 2}}}
    ])"));
    QCOMPARE(ValueMappings::fromJson(editor.mappings()).map(50)->text, QStringLiteral("half"));

    QTest::mouseClick(editor.rowWidget<QToolButton>("down", 1), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(editor.mappings().at(2).toObject().value("type").toString(), QStringLiteral("range"));

    QTest::mouseClick(editor.rowWidget<QToolButton>("delete", 0), Qt::LeftButton);
    QCoreApplication::processEvents();
    QCOMPARE(editor.rowCount(), 2);
    QCOMPARE(editor.mappings(), json(R"([
        {"type": "special", "options": {"match": "null+nan", "result": {"text": "none", "index": 0}}},
        {"type": "range", "options": {"from": 0, "to": 100, "result": {"text": "any", "index": 1}}}
    ])"));
    QCOMPARE(spy.count(), 3);
    const ValueMappings m = ValueMappings::fromJson(editor.mappings());
    QCOMPARE(m.map(50)->text, QStringLiteral("any"));
    QCOMPARE(m.map(std::nan(""))->text, QStringLiteral("none"));
}

void TestValueMappingsEditor::loadsFileFormsAndRoundTrips()
{
    ValueMappingsEditor editor;
    // a current-form file round-trips unchanged
    const QJsonArray current = json(R"([
        {"type": "value", "options": {"0": {"text": "Down", "color": "red", "index": 0}}},
        {"type": "regex", "options": {"pattern": "/^a/i", "result": {"text": "A", "index": 1}}},
        {"type": "special", "options": {"match": "empty", "result": {"color": "blue", "index": 2}}}
    ])");
    editor.setMappings(current);
    QCOMPARE(editor.mappings(), current);
    QCOMPARE(editor.rowWidget<QComboBox>("special", 2)->currentData().toString(),
             QStringLiteral("empty"));
    QCOMPARE(editor.rowWidget<ColorButton>("color", 2)->color(), QStringLiteral("blue"));

    // several values in one mapping: one row per value, in index order
    editor.setMappings(json(R"([{"type": "value", "options": {
        "b": {"text": "B", "index": 0}, "a": {"text": "A", "index": 1}}}])"));
    QCOMPARE(editor.rowCount(), 2);
    QCOMPARE(editor.mappings(), json(R"([
        {"type": "value", "options": {"b": {"text": "B", "index": 0}}},
        {"type": "value", "options": {"a": {"text": "A", "index": 1}}}])"));

    // Grafana 7 legacy forms are converted
    editor.setMappings(json(R"([
        {"type": 1, "value": "1", "text": "on", "id": 0, "op": "="},
        {"type": 2, "from": "5", "to": "9", "text": "mid"},
        {"type": 1, "value": "null", "text": "N/A"}])"));
    const QJsonArray converted = json(R"([
        {"type": "value", "options": {"1": {"text": "on", "index": 0}}},
        {"type": "range", "options": {"from": 5, "to": 9, "result": {"text": "mid", "index": 1}}},
        {"type": "special", "options": {"match": "null", "result": {"text": "N/A", "index": 2}}}])");
    QCOMPARE(editor.mappings(), converted);
    const ValueMappings legacy = ValueMappings::fromJson(json(R"([
        {"type": 1, "value": "1", "text": "on"}, {"type": 2, "from": "5", "to": "9", "text": "mid"},
        {"type": 1, "value": "null", "text": "N/A"}])"));
    const ValueMappings now = ValueMappings::fromJson(editor.mappings());
    for (double v : {1.0, 6.0, 2.0, std::nan("")}) {
        QCOMPARE(now.map(v).has_value(), legacy.map(v).has_value());
        if (now.map(v))
            QCOMPARE(now.map(v)->text, legacy.map(v)->text);
    }
}

void TestValueMappingsEditor::badConditionsAreFlagged()
{
    ValueMappingsEditor editor;
    editor.setMappings(json(R"([
        {"type": "range", "options": {"from": 1, "to": 2, "result": {"text": "x", "index": 0}}},
        {"type": "regex", "options": {"pattern": "a+", "result": {"text": "y", "index": 1}}}])"));
    const QJsonArray before = editor.mappings();
    QSignalSpy spy(&editor, &ValueMappingsEditor::changed);
    editor.resize(900, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    type(editor, "from", 0, QStringLiteral("one"));
    QCOMPARE(editor.errorText(),
             QStringLiteral("A range end must be a number or empty (open): \"one\" is not."));
    type(editor, "pattern", 1, QStringLiteral("(unclosed"));
    QCOMPARE(editor.errorText(),
             QStringLiteral("\"(unclosed\" is not a valid regular expression."));
    QCOMPARE(editor.mappings(), before);
    QCOMPARE(spy.count(), 0);
    type(editor, "pattern", 1, QStringLiteral("(closed)"));
    QVERIFY(editor.errorText().isEmpty());
    QCOMPARE(spy.count(), 1);
    // a colour can be removed again ("No colour")
    auto *color = editor.rowWidget<ColorButton>("color", 0);
    color->setColor(QStringLiteral("red"));
    QTest::mouseClick(color, Qt::LeftButton);
    QVERIFY(color->popup());
    QTest::mouseClick(color->popup()->findChild<QPushButton *>(QStringLiteral("swatch-none")),
                      Qt::LeftButton);
    QTRY_VERIFY(!color->popup());
    QCOMPARE(editor.mappings().at(0).toObject().value("options").toObject().value("result"),
             QJsonValue(QJsonObject{{"text", "x"}, {"index", 0}}));
}

QTEST_MAIN(TestValueMappingsEditor)
#include "test_valuemappingseditor.moc"
