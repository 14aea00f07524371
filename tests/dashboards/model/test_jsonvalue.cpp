// The JSON readers shared by the model and the editors: numbers, integers, dotted paths.
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pharos;

class TestJsonValue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbers();
    void valueAtReadsNestedKeys();
    void setValueAtCreatesAndKeeps();
    void setValueAtUndefinedRemoves();
};

static QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

void TestJsonValue::numbers()
{
    QCOMPARE(json::number(QJsonValue(2.5)).value_or(-1), 2.5);
    QCOMPARE(json::number(QJsonValue(QStringLiteral(" 10 "))).value_or(-1), 10.0);
    QVERIFY(!json::number(QJsonValue(QStringLiteral("auto"))));
    QVERIFY(!json::number(QJsonValue()));
    QCOMPARE(json::integer(QJsonValue(3.9), -1), 3);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("12")), -1), 12);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("x")), -1), -1);
}

void TestJsonValue::valueAtReadsNestedKeys()
{
    const QJsonObject panel =
        parse(R"({"fieldConfig":{"defaults":{"custom":{"lineWidth":2},"unit":"s"}},"title":"A"})");
    QCOMPARE(json::valueAt(panel, QStringLiteral("fieldConfig.defaults.custom.lineWidth")).toInt(),
             2);
    QCOMPARE(json::valueAt(panel, QStringLiteral("fieldConfig.defaults.unit")).toString(),
             QStringLiteral("s"));
    QCOMPARE(json::valueAt(panel, QStringLiteral("title")).toString(), QStringLiteral("A"));
    QVERIFY(json::valueAt(panel, QStringLiteral("fieldConfig.defaults.custom.fillOpacity"))
                .isUndefined());
    // A step that is not an object ends the path.
    QVERIFY(json::valueAt(panel, QStringLiteral("title.x")).isUndefined());
    QVERIFY(json::valueAt(panel, QStringLiteral("options.legend.calcs")).isUndefined());
}

void TestJsonValue::setValueAtCreatesAndKeeps()
{
    QJsonObject panel = parse(R"({"fieldConfig":{"defaults":{"unit":"s"},"overrides":[]},"id":4})");
    json::setValueAt(panel, QStringLiteral("fieldConfig.defaults.custom.lineWidth"), 3);
    json::setValueAt(panel, QStringLiteral("options.legend.displayMode"), QStringLiteral("table"));
    QCOMPARE(panel, parse(R"({"fieldConfig":{"defaults":{"unit":"s","custom":{"lineWidth":3}},
                       "overrides":[]},"id":4,"options":{"legend":{"displayMode":"table"}}})"));
    // A step that is not an object is replaced by one.
    json::setValueAt(panel, QStringLiteral("id.x"), 1);
    QCOMPARE(panel.value(QStringLiteral("id")).toObject(), parse(R"({"x":1})"));
}

void TestJsonValue::setValueAtUndefinedRemoves()
{
    QJsonObject panel = parse(R"({"options":{"legend":{"calcs":["mean"],"showLegend":true}}})");
    json::setValueAt(panel, QStringLiteral("options.legend.calcs"), QJsonValue::Undefined);
    QCOMPARE(panel, parse(R"({"options":{"legend":{"showLegend":true}}})"));
    // Removing what is not there creates nothing.
    json::setValueAt(panel, QStringLiteral("fieldConfig.defaults.unit"), QJsonValue::Undefined);
    QCOMPARE(panel, parse(R"({"options":{"legend":{"showLegend":true}}})"));
}

QTEST_GUILESS_MAIN(TestJsonValue)
#include "test_jsonvalue.moc"
