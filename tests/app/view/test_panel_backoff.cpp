// A failing data source backs off after repeated failures, and the panel says so: the
// diagnosis plus "retrying in N s". While it backs off, refreshes send nothing to it; when the
// back-off ends the panel is queried again by itself and recovers once the server answers.
// Another panel on a healthy Prometheus keeps updating meanwhile.
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "faultserver.h"
#include "panels/panelwidget.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace pharos;
using test::FaultServer;

class TestPanelBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backoffIsShownAndRecovers();

private:
    test::PrometheusFixture m_prom;
};

void TestPanelBackoff::initTestCase()
{
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

static QJsonObject panel(int id, const QString &uid, int x)
{
    return QJsonObject{{"id", id},
                       {"type", "timeseries"},
                       {"title", uid},
                       {"datasource", QJsonObject{{"type", "prometheus"}, {"uid", uid}}},
                       {"gridPos", QJsonObject{{"x", x}, {"y", 0}, {"w", 12}, {"h", 8}}},
                       {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up"}}}}};
}

void TestPanelBackoff::backoffIsShownAndRecovers()
{
    // HTTP 500 on every request: a fault a healthy Prometheus does not produce on demand.
    FaultServer flaky(FaultServer::Mode::Http500);
    QVERIFY(flaky.start());
    DataSourceRegistry registry;
    DataSourceSettings good;
    good.uid = good.name = QStringLiteral("good");
    good.url = m_prom.url();
    good.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    good.isDefault = true;
    registry.add(good);
    DataSourceSettings bad;
    bad.uid = bad.name = QStringLiteral("flaky");
    bad.url = flaky.url();
    bad.jsonData.insert(QStringLiteral("httpMethod"), QStringLiteral("GET"));
    bad.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    DataSource *flakySource = registry.add(bad);

    QString error;
    const auto dashboard = Dashboard::fromJson(
        QJsonDocument(
            QJsonObject{{"title", "backoff"},
                        {"panels", QJsonArray{panel(1, "good", 0), panel(2, "flaky", 12)}}})
            .toJson(),
        &error);
    QVERIFY2(dashboard, qPrintable(error));
    DashboardView view(&registry);
    view.resize(1200, 500);
    view.setDashboard(*dashboard);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QueryScheduler *scheduler = view.scheduler();
    TimeRange range;
    range.from = QStringLiteral("now-1m");
    scheduler->setTimeRange(range);
    PanelWidget *goodPanel = view.panelWidget(1);
    PanelWidget *flakyPanel = view.panelWidget(2);

    // Fail until the data source backs off.
    int refreshes = 0;
    while (!flakySource->isBackingOff() && refreshes < 10) {
        scheduler->refresh();
        ++refreshes;
        QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle(), 30000);
        QVERIFY2(flakyPanel->statusText().contains(QStringLiteral("HTTP error 500")),
                 qPrintable(flakyPanel->statusText()));
    }
    QVERIFY(flakySource->isBackingOff());
    QCOMPARE(refreshes, DataSource::BackoffFreeFailures + 1);
    QCOMPARE(flakySource->health().state, DataSourceHealth::State::Failing);
    QVERIFY2(flakyPanel->statusText().contains(QStringLiteral("retrying in")),
             qPrintable(flakyPanel->statusText()));

    // While it backs off, a refresh sends nothing to it; the panel keeps naming the cause and
    // the wait; the healthy panel updates.
    const int requestsBefore = flaky.requests().size();
    const quint64 goodBefore = goodPanel->data()->generation;
    scheduler->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle() && goodPanel->data()->generation > goodBefore,
                             30000);
    QCOMPARE(flaky.requests().size(), requestsBefore);
    QVERIFY(!goodPanel->hasError());
    const QString waiting = flakyPanel->statusText();
    QVERIFY2(waiting.contains(QStringLiteral("HTTP error 500")), qPrintable(waiting));
    QVERIFY2(waiting.contains(QRegularExpression(QStringLiteral("retrying in \\d+ s"))),
             qPrintable(waiting));

    // The server answers again: without another refresh, the panel recovers by itself when
    // the back-off ends.
    flaky.setMode(FaultServer::Mode::MethodNotAllowedOnPost); // valid JSON on GET
    QTRY_VERIFY_WITH_TIMEOUT(!flakyPanel->hasError(), 30000);
    QVERIFY(flaky.requests().size() > requestsBefore);
    QCOMPARE(flakySource->health().state, DataSourceHealth::State::Ok);
    QVERIFY(!flakySource->isBackingOff());
}

QTEST_MAIN(TestPanelBackoff)
#include "test_panel_backoff.moc"
