// Faults show a clear message on the failing panel while the app keeps running and the good
// panel keeps updating: server down, timeout, HTTP 500, an HTML page, truncated JSON (fault
// server) and a PromQL syntax error (real Prometheus).
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
#include <QSignalSpy>
#include <QtTest>

using namespace pharos;
using test::FaultServer;

class TestPanelFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void faultsStayOnTheirPanels();

private:
    test::PrometheusFixture m_prom;
};

void TestPanelFaults::initTestCase()
{
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

static QJsonObject panel(int id, const QString &title, const QString &uid, const QString &expr,
                         int x, int y)
{
    return QJsonObject{{"id", id},
                       {"type", "timeseries"},
                       {"title", title},
                       {"datasource", QJsonObject{{"type", "prometheus"}, {"uid", uid}}},
                       {"gridPos", QJsonObject{{"x", x}, {"y", y}, {"w", 8}, {"h", 6}}},
                       {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}}}}};
}

void TestPanelFaults::faultsStayOnTheirPanels()
{
    FaultServer stall(FaultServer::Mode::Stall);
    FaultServer http500(FaultServer::Mode::Http500);
    FaultServer html(FaultServer::Mode::HtmlPage200);
    FaultServer truncated(FaultServer::Mode::TruncatedJson);
    for (FaultServer *s : {&stall, &http500, &html, &truncated})
        QVERIFY(s->start());

    DataSourceRegistry registry;
    auto add = [&registry](const QString &uid, const QUrl &url, int timeoutMs = 10000) {
        DataSourceSettings s;
        s.uid = uid;
        s.name = uid;
        s.url = url;
        s.http.timeoutMs = timeoutMs;
        s.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
        s.isDefault = uid == QLatin1String("good");
        registry.add(s);
    };
    add("good", m_prom.url());
    add("down",
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::PrometheusFixture::freePort())));
    add("stall", stall.url(), 1000);
    add("http500", http500.url());
    add("html", html.url());
    add("truncated", truncated.url());

    const QJsonObject doc{
        {"title", "faults"},
        {"panels",
         QJsonArray{
             panel(1, "Good", "good", "up", 0, 0), panel(2, "Down", "down", "up", 8, 0),
             panel(3, "Stalled", "stall", "up", 16, 0), panel(4, "HTTP 500", "http500", "up", 0, 6),
             panel(5, "HTML", "html", "up", 8, 6), panel(6, "Truncated", "truncated", "up", 16, 6),
             panel(7, "Syntax", "good", "sum(rate(up[1m]", 0, 12)}}};
    QString error;
    const auto dashboard = Dashboard::fromJson(QJsonDocument(doc).toJson(), &error);
    QVERIFY2(dashboard, qPrintable(error));

    DashboardView view(&registry);
    view.resize(1400, 1000);
    view.setDashboard(*dashboard);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QueryScheduler *scheduler = view.scheduler();
    TimeRange range;
    range.from = QStringLiteral("now-1m");
    scheduler->setTimeRange(range);
    QSignalSpy idle(scheduler, &QueryScheduler::idle);
    scheduler->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle(), 30000);

    struct Expect
    {
        int id;
        QString needle;
    };
    const QList<Expect> expectations{
        {2, "Connection refused"},     {3, "timeout"},
        {4, "HTTP error 500"},         {5, "did not answer like a Prometheus API"},
        {6, "malformed or truncated"}, {7, "Query error (bad_data)"}};
    for (const Expect &e : expectations) {
        PanelWidget *w = view.panelWidget(e.id);
        QVERIFY(w);
        QVERIFY2(w->hasError(), qPrintable(w->model().title));
        const QString status = w->statusText();
        QVERIFY2(status.contains(e.needle), qPrintable(w->model().title + ": " + status));
        QVERIFY2(w->isVisible(), qPrintable(w->model().title));
    }
    PanelWidget *good = view.panelWidget(1);
    QVERIFY2(!good->hasError(), qPrintable(good->statusText()));
    QVERIFY(good->data());
    QVERIFY(!good->data()->isEmpty());

    // The good panel keeps updating on the next refreshes; the faults stay on their panels.
    quint64 last = good->data()->generation;
    for (int i = 0; i < 3; ++i) {
        scheduler->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(good->data() && good->data()->generation > last, 30000);
        QVERIFY(!good->hasError());
        last = good->data()->generation;
        QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle(), 30000);
        for (const Expect &e : expectations)
            QVERIFY2(view.panelWidget(e.id)->statusText().contains(e.needle),
                     qPrintable(view.panelWidget(e.id)->statusText()));
    }
    // The stalled server got the refreshes' requests until its data source backed off after
    // repeated failures (DataSource::backoffForFailures); the panel still names the cause.
    QVERIFY(stall.requests().size() >= DataSource::BackoffFreeFailures + 1);
}

QTEST_MAIN(TestPanelFaults)
#include "test_panel_faults.moc"
