#include "dashboards/fields/legendformat.h"

#include <QTest>

using namespace pharos;

class TestLegendFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void format_data();
    void format();
    void autoNames();
};

void TestLegendFormat::format_data()
{
    QTest::addColumn<QString>("fmt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "{{code}}"
                           << "200";
    QTest::newRow("spaces") << "{{ code }}"
                            << "200";
    QTest::newRow("two") << "{{job}} {{instance}}"
                         << "prom localhost:9090";
    QTest::newRow("text around") << "q{{quantile}} x"
                                 << "q0.5 x";
    QTest::newRow("missing") << "a{{nope}}b"
                             << "ab";
    QTest::newRow("literal") << "5xx ratio"
                             << "5xx ratio";
    QTest::newRow("unclosed") << "x {{code"
                              << "x {{code";
    QTest::newRow("empty") << ""
                           << "up{code=\"200\", instance=\"localhost:9090\", job=\"prom\", "
                              "quantile=\"0.5\"}";
    QTest::newRow("auto") << "__auto"
                          << "up{code=\"200\", instance=\"localhost:9090\", job=\"prom\", "
                             "quantile=\"0.5\"}";
}

void TestLegendFormat::format()
{
    QFETCH(QString, fmt);
    QFETCH(QString, expected);
    const Labels labels{{"__name__", "up"},
                        {"code", "200"},
                        {"instance", "localhost:9090"},
                        {"job", "prom"},
                        {"quantile", "0.5"}};
    QCOMPARE(formatLegend(fmt, labels), expected);
}

// Grafana's Auto legend: the labels the query's series do not share.
void TestLegendFormat::autoNames()
{
    using L = Labels;
    // One differing label: its value alone.
    QCOMPARE(autoLegendNames({L{{"__name__", "up"}, {"instance", "a:1"}, {"job", "node"}},
                              L{{"__name__", "up"}, {"instance", "b:1"}, {"job", "node"}}}),
             (QStringList{"a:1", "b:1"}));
    // Several: the differing ones, as a selector without the shared metric name.
    QCOMPARE(
        autoLegendNames({L{{"__name__", "x"}, {"code", "200"}, {"instance", "a"}, {"j", "p"}},
                         L{{"__name__", "x"}, {"code", "500"}, {"instance", "b"}, {"j", "p"}},
                         L{{"__name__", "x"}, {"code", "500"}, {"instance", "a"}, {"j", "p"}}}),
        (QStringList{R"({code="200", instance="a"})", R"({code="500", instance="b"})",
                     R"({code="500", instance="a"})"}));
    // A label only some series have is not shared.
    QCOMPARE(autoLegendNames({L{{"job", "p"}}, L{{"job", "p"}, {"mode", "idle"}}}),
             (QStringList{R"({job="p"})", R"({mode="idle"})"}));
    // Different metrics: the metric name.
    QCOMPARE(
        autoLegendNames({L{{"__name__", "a"}, {"job", "p"}}, L{{"__name__", "b"}, {"job", "p"}}}),
        (QStringList{"a", "b"}));
    // A lone series, or series that differ in nothing: the full name.
    QCOMPARE(autoLegendNames({L{{"__name__", "up"}, {"job", "p"}}}), QStringList{R"(up{job="p"})"});
    QCOMPARE(autoLegendNames({L{{"__name__", "up"}}, L{{"__name__", "up"}}}),
             (QStringList{"up", "up"}));
}

QTEST_GUILESS_MAIN(TestLegendFormat)
#include "test_legendformat.moc"
