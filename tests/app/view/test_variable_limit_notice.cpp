// A query variable whose label values pass the label-values limit: a real Prometheus 2.42
// (which ignores `limit`) behind a pushgateway holding 12 values; the variable keeps the
// first 5 and its control in the variables bar says the list was cut (ⓘ and the notice).
#include "app/view/variablesbar.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace pharos;

class TestVariableLimitNotice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cutListIsShownOnTheControl();

private:
    test::PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
};

void TestVariableLimitNotice::initTestCase()
{
    m_prom.enablePushgateway();
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    QByteArray body;
    for (int i = 0; i < 12; ++i)
        body += QStringLiteral("pharos_many{host=\"h%1\"} %1\n")
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .toUtf8();
    if (!m_prom.push(QStringLiteral("pharos_many"), body, &error))
        QFAIL(qPrintable(error));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("pharos_many"), 12));
    DataSourceSettings s;
    s.name = QStringLiteral("prom");
    s.url = m_prom.url();
    s.isDefault = true;
    s.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    m_registry.add(s);
}

void TestVariableLimitNotice::cutListIsShownOnTheControl()
{
    VariableSet set(&m_registry);
    set.setLabelValuesLimit(5);
    VariablesBar bar;
    bar.setVariables(&set);
    set.setDefinitions(QJsonArray{QJsonObject{{"name", "host"},
                                              {"type", "query"},
                                              {"query", "label_values(pharos_many, host)"},
                                              {"refresh", 1}}});
    bar.resize(800, 60);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy updated(&set, &VariableSet::updated);
    set.refresh();
    QVERIFY(updated.wait(20000));

    const Variable *v = set.find(QStringLiteral("host"));
    QVERIFY(v);
    QCOMPARE(v->options.size(), 5);
    QCOMPARE(v->options.first().value, QStringLiteral("h00"));
    QCOMPARE(v->options.last().value, QStringLiteral("h04"));
    QVERIFY2(v->notice.contains(QStringLiteral("5")), qPrintable(v->notice));

    VariableControl *c = bar.control(QStringLiteral("host"));
    QVERIFY(c);
    auto *status = c->findChild<QLabel *>(QStringLiteral("variableStatus"));
    QVERIFY(status);
    QTRY_COMPARE(status->text(), QStringLiteral("ⓘ"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->toolTip(), v->notice);
    auto *button = c->findChild<QToolButton *>(QStringLiteral("variableButton"));
    QVERIFY(button);
    QVERIFY(button->toolTip().contains(v->notice));
}

QTEST_MAIN(TestVariableLimitNotice)
#include "test_variable_limit_notice.moc"
