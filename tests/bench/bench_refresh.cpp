// Refresh cost: a 30-panel dashboard (5 series x ~380 points each) against the real Prometheus
// fixture, refreshing every 5 s on the offscreen platform, measured for ~30 s
// (PHAROS_BENCH_SECONDS overrides). Reports the process's CPU use (user + sys, all threads)
// as a percentage of one core. Target: <= 1 %.
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "prometheusfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace pharos;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Five series per panel, evaluated by Prometheus at every step of the range (so the point
/// count does not depend on how long the fixture has been scraping).
Dashboard thirtyPanels()
{
    QJsonArray panels;
    for (int i = 0; i < 30; ++i) {
        QStringList parts;
        for (int s = 0; s < 5; ++s)
            parts << QStringLiteral("label_replace(sin(vector(time()) / %1) * %2 + %3, "
                                    "\"series\", \"s%4\", \"\", \"\")")
                         .arg(60 + 7 * s)
                         .arg(10 + i)
                         .arg(100 * s)
                         .arg(s);
        panels.append(QJsonObject{
            {"id", i + 1},
            {"type", "timeseries"},
            {"title", QStringLiteral("Panel %1").arg(i + 1)},
            {"maxDataPoints", 380},
            {"gridPos", QJsonObject{{"x", (i % 4) * 6}, {"y", (i / 4) * 6}, {"w", 6}, {"h", 6}}},
            {"targets", QJsonArray{QJsonObject{{"refId", "A"},
                                               {"expr", parts.join(QStringLiteral(" or "))},
                                               {"legendFormat", "{{series}}"}}}}});
    }
    const QJsonObject doc{{"title", "bench"},
                          {"time", QJsonObject{{"from", "now-1h"}, {"to", "now"}}},
                          {"panels", panels}};
    return *Dashboard::fromJson(QJsonDocument(doc).toJson());
}

void BM_Refresh30Panels5s(benchmark::State &state)
{
    test::PrometheusFixture prom;
    QString error;
    if (!prom.start(&error)) {
        state.SkipWithError(qPrintable(QStringLiteral("Prometheus fixture: ") + error));
        return;
    }
    const int seconds = qEnvironmentVariableIsSet("PHAROS_BENCH_SECONDS")
                            ? qEnvironmentVariableIntValue("PHAROS_BENCH_SECONDS")
                            : 30;
    for (auto _ : state) {
        DataSourceRegistry registry;
        DataSourceSettings s;
        s.name = QStringLiteral("fixture");
        s.url = prom.url();
        s.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
        registry.setOverride(registry.add(s));
        DashboardView view(&registry);
        view.resize(1600, 1900);
        const Dashboard dashboard = thirtyPanels();
        view.setDashboard(dashboard);
        view.show();
        QueryScheduler *scheduler = view.scheduler();
        TimeRange range;
        range.from = QStringLiteral("now-1h");
        scheduler->setTimeRange(range);

        // Warm up: one full refresh, all panels drawn.
        scheduler->refresh();
        QElapsedTimer warm;
        warm.start();
        while (!scheduler->isIdle() && warm.elapsed() < 30000)
            spin(20);
        spin(200);
        qint64 points = 0;
        for (PanelWidget *w : view.panelWidgets()) {
            if (w->data())
                for (const TargetResult &t : w->data()->targets)
                    points += t.result.sampleCount();
        }
        if (points == 0) {
            PanelWidget *first = view.panelWidgets().value(0);
            state.SkipWithError(qPrintable(QStringLiteral("no data: ") +
                                           (first ? first->statusText() : QString())));
            return;
        }
        int updates = 0;
        QObject::connect(scheduler, &QueryScheduler::panelDataReady, [&updates] { ++updates; });

        scheduler->setRefreshInterval(QStringLiteral("5s"));
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        spin(seconds * 1000);
        const double cpu = cpuSeconds() - cpu0;
        const double wallS = wall.elapsed() / 1000.0;
        scheduler->setRefreshInterval(QString());
        registry.setOverride(nullptr);

        state.SetIterationTime(wallS);
        state.counters["cpu_pct_of_core"] = 100.0 * cpu / wallS;
        state.counters["panel_updates"] = updates;
        state.counters["points_per_refresh"] = double(points);
        state.counters["series_points_avg"] = points / 150.0;
    }
}
BENCHMARK(BM_Refresh30Panels5s)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
