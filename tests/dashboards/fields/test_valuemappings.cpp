// Grafana value mappings: value, range, regex and special matches, first match wins, colours,
// legacy forms.
#include "dashboards/fields/valuemappings.h"

#include <QJsonDocument>
#include <QTest>
#include <cmath>

using namespace pharos;

class TestValueMappings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueMapping();
    void rangeMapping();
    void regexMapping();
    void specialMappings();
    void firstMatchWins();
    void legacyForms();
    void fromPanel();
    void badInputIgnored();
    void numberText_data();
    void numberText();
};

static ValueMappings parse(const char *json)
{
    return ValueMappings::fromJson(QJsonDocument::fromJson(json).array());
}

void TestValueMappings::valueMapping()
{
    const ValueMappings m = parse(R"J([{"type": "value", "options": {
        "0": {"text": "Down", "color": "red", "index": 1},
        "1": {"text": "Up", "color": "green", "index": 0},
        "2": {"color": "orange", "index": 2}}}])J");
    QCOMPARE(m.size(), 1);
    auto r = m.map(1);
    QVERIFY(r);
    QCOMPARE(r->text, QStringLiteral("Up"));
    QCOMPARE(r->color, QStringLiteral("green"));
    QCOMPARE(r->index, 0);
    r = m.map(0);
    QVERIFY(r);
    QCOMPARE(r->text, QStringLiteral("Down"));
    QCOMPARE(r->color, QStringLiteral("red"));
    // Colour only: the value keeps its own text.
    r = m.map(2);
    QVERIFY(r);
    QVERIFY(!r->hasText);
    QCOMPARE(r->color, QStringLiteral("orange"));
    QVERIFY(!m.map(3));
    QVERIFY(!m.map(1.5));
    QVERIFY(!m.map(std::nan("")));
    // Text values (table label cells).
    QCOMPARE(m.mapText("1")->text, QStringLiteral("Up"));
    QVERIFY(!m.mapText("one"));
}

void TestValueMappings::rangeMapping()
{
    const ValueMappings m = parse(R"J([
        {"type": "range", "options": {"from": 0, "to": 50, "result": {"text": "low", "color": "blue"}}},
        {"type": "range", "options": {"from": 50.5, "to": null, "result": {"text": "high"}}},
        {"type": "range", "options": {"from": null, "to": -10, "result": {"text": "very low"}}}])J");
    QCOMPARE(m.map(0)->text, QStringLiteral("low"));
    QCOMPARE(m.map(50)->text, QStringLiteral("low")); // inclusive
    QCOMPARE(m.map(25)->color, QStringLiteral("blue"));
    QVERIFY(!m.map(50.2));
    QCOMPARE(m.map(50.5)->text, QStringLiteral("high"));
    QCOMPARE(m.map(1e9)->text, QStringLiteral("high"));
    QCOMPARE(m.map(-11)->text, QStringLiteral("very low"));
    QVERIFY(!m.map(-5));
    QVERIFY(!m.map(std::nan("")));
    QCOMPARE(m.mapText("7")->text, QStringLiteral("low"));
    QVERIFY(!m.mapText("seven"));
}

void TestValueMappings::regexMapping()
{
    const ValueMappings m = parse(R"J([
        {"type": "regex", "options": {"pattern": "^(\\w+)-prod$", "result": {"text": "$1 (production)", "color": "red"
}
}
},
        {"type": "regex", "options": {"pattern": "/STAGING/i", "result": {"text": "stg"}}},
        {"type": "regex", "options": {"pattern": "/o/g", "result": {"text": "0"}}},
        {"type": "regex", "options": {"pattern": "^4\\d\\d$", "result": {"color": "orange"}}}])J");
    auto r = m.mapText("api-prod");
    QVERIFY(r);
    QCOMPARE(r->text, QStringLiteral("api (production)"));
    QCOMPARE(r->color, QStringLiteral("red"));
    // The matched part is replaced, the rest kept.
    QCOMPARE(m.mapText("eu-staging-2")->text, QStringLiteral("eu-stg-2"));
    // The g flag replaces every match.
    QCOMPARE(m.mapText("foo boo")->text, QStringLiteral("f00 b00"));
    // Numbers match on their text.
    r = m.map(404);
    QVERIFY(r);
    QVERIFY(!r->hasText);
    QCOMPARE(r->color, QStringLiteral("orange"));
    QVERIFY(!m.map(200));
}

void TestValueMappings::specialMappings()
{
    const ValueMappings m = parse(R"J([
        {"type": "special", "options": {"match": "null+nan", "result": {"text": "N/A", "color": "gray"}}},
        {"type": "special", "options": {"match": "true", "result": {"text": "yes"}}},
        {"type": "special", "options": {"match": "false", "result": {"text": "no"}}},
        {"type": "special", "options": {"match": "empty", "result": {"text": "(empty)"}}}])J");
    QCOMPARE(m.map(std::nan(""))->text, QStringLiteral("N/A"));
    QCOMPARE(m.map(std::nan(""))->color, QStringLiteral("gray"));
    QVERIFY(!m.map(0));
    QCOMPARE(m.mapText("true")->text, QStringLiteral("yes"));
    QCOMPARE(m.mapText("False")->text, QStringLiteral("no"));
    QCOMPARE(m.mapText("")->text, QStringLiteral("(empty)"));
    QVERIFY(!m.mapText("x"));
    // "null" alone also matches a missing value (Prometheus has no null samples).
    const ValueMappings n = parse(R"J([{"type": "special", "options": {"match": "null",
        "result": {"text": "none"}}}])J");
    QCOMPARE(n.map(std::nan(""))->text, QStringLiteral("none"));
    QVERIFY(!n.map(1));
}

void TestValueMappings::firstMatchWins()
{
    const ValueMappings m = parse(R"J([
        {"type": "value", "options": {"5": {"text": "five"}}},
        {"type": "range", "options": {"from": 0, "to": 10, "result": {"text": "small"}}}])J");
    QCOMPARE(m.map(5)->text, QStringLiteral("five"));
    QCOMPARE(m.map(6)->text, QStringLiteral("small"));
    const ValueMappings r = parse(R"J([
        {"type": "range", "options": {"from": 0, "to": 10, "result": {"text": "small"}}},
        {"type": "value", "options": {"5": {"text": "five"}}}])J");
    QCOMPARE(r.map(5)->text, QStringLiteral("small"));
}

void TestValueMappings::legacyForms()
{
    const ValueMappings m = parse(R"J([
        {"id": 0, "op": "=", "text": "OK", "type": 1, "value": "1"},
        {"id": 1, "text": "busy", "type": 2, "from": "10", "to": "20"},
        {"id": 2, "op": "=", "text": "nothing", "type": 1, "value": "null"}])J");
    QCOMPARE(m.size(), 3);
    QCOMPARE(m.map(1)->text, QStringLiteral("OK"));
    QCOMPARE(m.map(15)->text, QStringLiteral("busy"));
    QCOMPARE(m.map(std::nan(""))->text, QStringLiteral("nothing"));
    QVERIFY(!m.map(2));
}

void TestValueMappings::fromPanel()
{
    const QJsonObject panel = QJsonDocument::fromJson(R"({"type": "stat", "fieldConfig":
        {"defaults": {"mappings": [{"type": "value", "options": {"1.0": {"text": "one"}}}]}}})")
                                  .object();
    const ValueMappings m = ValueMappings::fromPanel(panel);
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.map(1)->text, QStringLiteral("one")); // "1.0" in the file matches 1
    QVERIFY(ValueMappings::fromPanel(QJsonObject()).isEmpty());
}

void TestValueMappings::badInputIgnored()
{
    const ValueMappings m = parse(R"J([null, 5, "x", {},
        {"type": "regex", "options": {"pattern": "([", "result": {"text": "bad"}}},
        {"type": "special", "options": {"match": "sometimes"}},
        {"type": "unknown", "options": {}},
        {"type": "range", "options": {"result": {"text": "no bounds"}}},
        {"type": "value", "options": {"3": {"text": "three"}}}])J");
    // Only the range without bounds (which never matches) and the value mapping are kept.
    QCOMPARE(m.size(), 2);
    QVERIFY(!m.map(1));
    QCOMPARE(m.map(3)->text, QStringLiteral("three"));
}

void TestValueMappings::numberText_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("int") << 1.0 << "1";
    QTest::newRow("negative") << -42.0 << "-42";
    QTest::newRow("fraction") << 0.5 << "0.5";
    QTest::newRow("shortest") << 0.1 << "0.1";
    QTest::newRow("big") << 123456789.0 << "123456789";
    QTest::newRow("nan") << std::nan("") << "NaN";
    QTest::newRow("inf") << HUGE_VAL << "Infinity";
}

void TestValueMappings::numberText()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(ValueMappings::numberText(value), text);
}

QTEST_GUILESS_MAIN(TestValueMappings)
#include "test_valuemappings.moc"
