#include "legendformat.h"

#include <QTest>

using namespace pharos;

class TestLegendFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void format_data();
    void format();
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

QTEST_GUILESS_MAIN(TestLegendFormat)
#include "test_legendformat.moc"
