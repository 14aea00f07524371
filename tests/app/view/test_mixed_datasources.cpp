// Several data sources in one dashboard: a panel's and each target's `datasource` in every
// reference form Grafana writes (name, uid, {type, uid}, {type} only, null, "default"), and
// "-- Mixed --" panels whose targets each go to their own server. Runs a real Prometheus and a
// real VictoriaMetrics side by side; a mixed panel draws series of both (legend entries and
// pixels of both colours), and a target whose data source is missing is named on the panel
// while the other targets still draw.
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"
#include "tests/panels/panelfixture.h"
#include "victoriametricsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace pharos;

class TestMixedDataSources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachTargetGoesToItsDataSource();
    void mixedPanelShowsBothServers();

private:
    void fillRegistry(DataSourceRegistry &registry);
    test::PrometheusFixture m_prom;
    test::VictoriaMetricsFixture m_vm;
};

void TestMixedDataSources::initTestCase()
{
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    if (!m_vm.start(&error))
        QFAIL(qPrintable(error));
}

void TestMixedDataSources::fillRegistry(DataSourceRegistry &registry)
{
    DataSourceSettings prom;
    prom.uid = QStringLiteral("prom-uid");
    prom.name = QStringLiteral("Prometheus");
    prom.url = m_prom.url();
    prom.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    prom.http.timeoutMs = 20000;
    prom.isDefault = true;
    registry.add(prom);
    DataSourceSettings vm;
    vm.uid = QStringLiteral("vm-uid");
    vm.name = QStringLiteral("VictoriaMetrics");
    vm.type = QStringLiteral("prometheus");
    vm.url = m_vm.url();
    vm.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    vm.http.timeoutMs = 20000;
    registry.add(vm);
}

static QJsonObject target(const QString &refId, const QJsonValue &ds, const QString &expr,
                          const QString &legend = {})
{
    QJsonObject t{{"refId", refId}, {"expr", expr}};
    if (!ds.isUndefined())
        t.insert("datasource", ds);
    if (!legend.isEmpty())
        t.insert("legendFormat", legend);
    return t;
}

static QJsonObject dsRef(const QString &uid)
{
    return QJsonObject{{"type", "prometheus"}, {"uid", uid}};
}

static const QJsonObject kMixed{{"type", "datasource"}, {"uid", "-- Mixed --"}};

void TestMixedDataSources::eachTargetGoesToItsDataSource()
{
    DataSourceRegistry registry;
    fillRegistry(registry);
    const QJsonValue none = QJsonValue(QJsonValue::Undefined);
    const QJsonArray panels{
        // A panel on VictoriaMetrics by name: its targets follow it unless they say otherwise.
        QJsonObject{{"id", 1},
                    {"type", "timeseries"},
                    {"datasource", "VictoriaMetrics"},
                    {"targets", QJsonArray{target("A", none, "up"),
                                           target("B", QJsonObject{{"type", "prometheus"}}, "up"),
                                           target("C", QStringLiteral("prom-uid"), "up"),
                                           target("D", dsRef("vm-uid"), "up"),
                                           target("E", QStringLiteral("default"), "up"),
                                           target("F", QJsonValue(QJsonValue::Null), "up")}}},
        // No reference at all: the default data source.
        QJsonObject{{"id", 2},
                    {"type", "timeseries"},
                    {"datasource", QJsonValue(QJsonValue::Null)},
                    {"targets", QJsonArray{target("A", none, "up")}}},
        // Mixed, in both spellings: each target names its own; none -> the default.
        QJsonObject{{"id", 3},
                    {"type", "timeseries"},
                    {"datasource", kMixed},
                    {"targets", QJsonArray{target("A", dsRef("prom-uid"), "up"),
                                           target("B", QStringLiteral("VictoriaMetrics"), "up"),
                                           target("C", none, "up"),
                                           target("D", QStringLiteral("Missing DS"), "up"),
                                           target("E", dsRef("vm-uid"), "up")}}},
        QJsonObject{{"id", 4},
                    {"type", "timeseries"},
                    {"datasource", "-- Mixed --"},
                    {"targets", QJsonArray{target("A", QStringLiteral("vm-uid"), "up"),
                                           target("B", dsRef("gone-uid"), "up")}}},
    };
    QString error;
    const auto dashboard = Dashboard::fromJson(
        QJsonDocument(QJsonObject{{"title", "refs"}, {"panels", panels}}).toJson(), &error);
    QVERIFY2(dashboard, qPrintable(error));

    QueryScheduler scheduler(&registry);
    scheduler.setPanels(dashboard->allPanels());
    TimeRange range;
    range.from = QStringLiteral("now-1m");
    scheduler.setTimeRange(range);
    QHash<int, PanelDataPtr> results;
    connect(&scheduler, &QueryScheduler::panelDataReady, this,
            [&results](int id, PanelDataPtr data) { results.insert(id, data); });
    scheduler.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle() && results.size() == 4, 30000);

    // Which server answered: Prometheus only has job="prometheus", VictoriaMetrics only
    // job="victoriametrics" (each scrapes itself).
    auto jobsOf = [](const TargetResult &t) {
        QSet<QString> jobs;
        for (const Frame &f : t.result.frames)
            jobs.insert(labelValue(f.labels, QStringLiteral("job")));
        return jobs;
    };
    const QSet<QString> prom{QStringLiteral("prometheus")};
    const QSet<QString> vm{QStringLiteral("victoriametrics")};
    struct Expect
    {
        int panel;
        QString refId;
        QSet<QString> jobs; // empty: an error naming `missing`
        QString missing;
    };
    const QList<Expect> expectations{
        {1, "A", vm, {}},   {1, "B", vm, {}},           {1, "C", prom, {}},
        {1, "D", vm, {}},   {1, "E", prom, {}},         {1, "F", vm, {}},
        {2, "A", prom, {}}, {3, "A", prom, {}},         {3, "B", vm, {}},
        {3, "C", prom, {}}, {3, "D", {}, "Missing DS"}, {3, "E", vm, {}},
        {4, "A", vm, {}},   {4, "B", {}, "gone-uid"},
    };
    for (const Expect &e : expectations) {
        const PanelDataPtr data = results.value(e.panel);
        QVERIFY(data);
        const auto it = std::find_if(data->targets.begin(), data->targets.end(),
                                     [&](const TargetResult &t) { return t.refId == e.refId; });
        QVERIFY2(it != data->targets.end(), qPrintable(e.refId));
        const QString where = QStringLiteral("panel %1 target %2").arg(e.panel).arg(e.refId);
        if (e.jobs.isEmpty()) {
            QVERIFY2(it->error.isError(), qPrintable(where));
            QCOMPARE(it->error.kind, DataSourceError::Kind::NotConfigured);
            QVERIFY2(it->error.message().contains(e.missing),
                     qPrintable(where + ": " + it->error.message()));
            continue;
        }
        QVERIFY2(!it->error.isError(), qPrintable(where + ": " + it->error.message()));
        QVERIFY2(!it->result.frames.empty(), qPrintable(where));
        QCOMPARE(jobsOf(*it), e.jobs);
    }
    // The failed target is named in the panel's error text; the others are not.
    QVERIFY(results.value(3)->errorMessage().startsWith(QStringLiteral("D: ")));
    QVERIFY(!results.value(3)->errorMessage().contains(QLatin1Char('\n')));
}

void TestMixedDataSources::mixedPanelShowsBothServers()
{
    DataSourceRegistry registry;
    fillRegistry(registry);
    const QJsonObject panel{
        {"id", 1},
        {"type", "timeseries"},
        {"title", "Both servers"},
        {"datasource", kMixed},
        {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 24}, {"h", 12}}},
        {"fieldConfig",
         QJsonObject{{"defaults", QJsonObject{{"min", 0},
                                              {"max", 4},
                                              {"color", QJsonObject{{"mode", "palette-classic"}}}}},
                     {"overrides", QJsonArray{}}}},
        {"options",
         QJsonObject{{"legend", QJsonObject{{"displayMode", "list"}, {"showLegend", true}}}}},
        {"targets", QJsonArray{target("A", dsRef("prom-uid"), "up{job=\"prometheus\"}", "{{job}}"),
                               target("B", QStringLiteral("VictoriaMetrics"), "up * 3", "{{job}}"),
                               target("C", QStringLiteral("Thanos EU"), "up", "{{job}}")}}};
    QString error;
    const auto dashboard = Dashboard::fromJson(
        QJsonDocument(QJsonObject{{"title", "mixed"}, {"panels", QJsonArray{panel}}}).toJson(),
        &error);
    QVERIFY2(dashboard, qPrintable(error));

    DashboardView view(&registry);
    view.resize(1200, 700);
    view.setDashboard(*dashboard);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QueryScheduler *scheduler = view.scheduler();
    TimeRange range;
    range.from = QStringLiteral("now-1m");
    scheduler->setTimeRange(range);
    scheduler->refresh();
    auto *p = qobject_cast<TimeSeriesPanel *>(view.panelWidget(1));
    QVERIFY(p);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle() && p->data(), 30000);

    // Both servers' series are in the legend.
    const QStringList legend = p->legendEntries();
    QVERIFY2(legend.contains(QStringLiteral("prometheus")), qPrintable(legend.join(", ")));
    QVERIFY2(legend.contains(QStringLiteral("victoriametrics")), qPrintable(legend.join(", ")));
    QCOMPARE(legend.size(), 2);

    // The missing data source is named on the panel; the others still draw.
    QVERIFY(p->hasError());
    QVERIFY2(p->bannerText().contains(QStringLiteral("Thanos EU")), qPrintable(p->bannerText()));
    QVERIFY2(p->bannerText().contains(QStringLiteral("not configured")),
             qPrintable(p->bannerText()));
    QCOMPARE(p->statusText(), QString()); // data is drawn, the failure is a banner

    // Pixels of both colours: Prometheus's line at 1, VictoriaMetrics's at 3.
    const QImage img = p->plotImage();
    const QRect plot = p->plotRect().toRect();
    QVERIFY(!img.isNull());
    QColor promColor, vmColor;
    for (const PanelSeries &s : p->series()) {
        if (s.refId == QLatin1String("A"))
            promColor = s.color;
        else if (s.refId == QLatin1String("B"))
            vmColor = s.color;
    }
    QVERIFY(promColor.isValid() && vmColor.isValid());
    QVERIFY(promColor != vmColor);
    const int promPixels = testing::countColor(img, promColor, plot.left(), plot.right(),
                                               plot.top(), plot.bottom(), 30);
    const int vmPixels =
        testing::countColor(img, vmColor, plot.left(), plot.right(), plot.top(), plot.bottom(), 30);
    QVERIFY2(promPixels > 50, qPrintable(QString::number(promPixels)));
    QVERIFY2(vmPixels > 50, qPrintable(QString::number(vmPixels)));
    // The VictoriaMetrics line (value 3 of 0..4) lies above the Prometheus line (value 1).
    const int midY = plot.top() + plot.height() / 2;
    QVERIFY(testing::countColor(img, vmColor, plot.left(), plot.right(), plot.top(), midY, 30) >
            50);
    QVERIFY(testing::countColor(img, promColor, plot.left(), plot.right(), midY, plot.bottom(),
                                30) > 50);
}

QTEST_MAIN(TestMixedDataSources)
#include "test_mixed_datasources.moc"
