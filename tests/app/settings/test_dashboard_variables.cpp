// The dashboard view with template variables, against a real Prometheus (two jobs scraping
// itself plus a pushgateway holding pharos_load for three instances): panels wait for the
// variables before they query; titles, legends and text panels are interpolated; repeated
// panels (h with maxPerRow, v) and repeated rows show one copy per value with Grafana's
// geometry, and follow the selection when it changes.
#include "app/cli/exporter.h"
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/text/textpanel.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

namespace {

QJsonObject panel(int id, const QString &type, const QString &title, GridPos pos,
                  const QString &expr = {}, const QString &legend = {})
{
    QJsonObject p{{"id", id},
                  {"type", type},
                  {"title", title},
                  {"gridPos", QJsonObject{{"x", pos.x}, {"y", pos.y}, {"w", pos.w}, {"h", pos.h}}}};
    if (!expr.isEmpty())
        p.insert("targets",
                 QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}, {"legendFormat", legend}}});
    return p;
}

QJsonObject instanceVariable(const QJsonObject &current, bool multi)
{
    return QJsonObject{{"name", "instance"},
                       {"type", "query"},
                       {"query", "label_values(pharos_load, instance)"},
                       {"refresh", 1},
                       {"sort", 1},
                       {"multi", multi},
                       {"includeAll", multi},
                       {"current", current}};
}

Dashboard makeDashboard(const QJsonArray &panels, const QJsonArray &variables)
{
    const QJsonObject d{{"title", "vars"},
                        {"schemaVersion", 39},
                        {"panels", panels},
                        {"templating", QJsonObject{{"list", variables}}}};
    QString error;
    const auto dashboard = Dashboard::fromJson(QJsonDocument(d).toJson(), &error);
    if (!dashboard)
        qFatal("%s", qPrintable(error));
    return *dashboard;
}

/// The title widgets of the panels laid out (not hidden), in layout order.
QList<PanelWidget *> shownPanels(const DashboardView &view)
{
    QList<PanelWidget *> out;
    for (PanelWidget *w : view.panelWidgets())
        if (w && !w->isHidden())
            out << w;
    std::stable_sort(out.begin(), out.end(), [](PanelWidget *a, PanelWidget *b) {
        return a->y() < b->y() || (a->y() == b->y() && a->x() < b->x());
    });
    return out;
}

QStringList titles(const QList<PanelWidget *> &panels)
{
    QStringList out;
    for (PanelWidget *w : panels)
        out << w->titleText();
    return out;
}

} // namespace

class TestDashboardVariables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void panelsWaitForVariablesAndInterpolate();
    void repeatedPanelsFollowSelection();
    void verticalRepeat();
    void repeatedRows();
    void exportExpandsRepeats();

private:
    bool refreshAndWait(DashboardView &view);
    bool waitIdle(DashboardView &view, const std::function<void()> &action);
    QRect expectedRect(const DashboardView &view, GridPos pos) const;

    test::PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
};

void TestDashboardVariables::initTestCase()
{
    m_prom.addSelfScrapeJob(QStringLiteral("prom2"));
    m_prom.enablePushgateway();
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    const QByteArray body = "pharos_load{instance=\"host-a\"} 1\n"
                            "pharos_load{instance=\"host-b\"} 2\n"
                            "pharos_load{instance=\"host-c\"} 3\n";
    if (!m_prom.push(QStringLiteral("pharos_push"), body, &error))
        QFAIL(qPrintable(error));
    // A few scrapes, so that ranges ending a step before "now" hold samples.
    QVERIFY2(m_prom.waitForSeries(QStringLiteral("count_over_time(pharos_load[1m]) >= 3"), 3),
             "the pushed series never reached Prometheus");
    DataSourceSettings s;
    s.name = QStringLiteral("prom");
    s.uid = QStringLiteral("prom-uid");
    s.url = m_prom.url();
    s.isDefault = true;
    s.jsonData.insert(QStringLiteral("scrapeIntervalMs"),
                      1000); // the fixture's: the lower limit of the query step
    m_registry.add(s);
}

bool TestDashboardVariables::waitIdle(DashboardView &view, const std::function<void()> &action)
{
    QSignalSpy idle(view.scheduler(), &QueryScheduler::idle);
    action();
    if (!idle.isEmpty() && view.scheduler()->isIdle())
        return true;
    return idle.wait(20000) && view.scheduler()->isIdle();
}

bool TestDashboardVariables::refreshAndWait(DashboardView &view)
{
    view.scheduler()->setTimeRange({QStringLiteral("now-5m"), QStringLiteral("now")});
    return waitIdle(view, [&view] { view.scheduler()->refresh(); });
}

QRect TestDashboardVariables::expectedRect(const DashboardView &view, GridPos pos) const
{
    const int gridWidth = view.viewport()->width() - 2 * DashboardView::Padding;
    return grid::toPixels(pos, gridWidth)
        .translated(DashboardView::Padding, DashboardView::Padding);
}

void TestDashboardVariables::panelsWaitForVariablesAndInterpolate()
{
    // The file's selection is not on the server: the refresh replaces it with the first
    // option before any panel queries.
    const Dashboard d = makeDashboard(
        QJsonArray{panel(1, "timeseries", "Load of $instance", {0, 0, 12, 8},
                         "pharos_load{instance=\"$instance\"}", "{{instance}} via ${instance}"),
                   [] {
                       QJsonObject t = panel(2, "text", "Notes on [[instance]]", {12, 0, 12, 8});
                       t.insert("options", QJsonObject{{"mode", "markdown"},
                                                       {"content", "Watching **$instance**"}});
                       return t;
                   }()},
        QJsonArray{instanceVariable(QJsonObject{{"text", "gone"}, {"value", "gone"}}, false)});
    DashboardView view(&m_registry);
    view.resize(1200, 800);
    view.show();
    view.setDashboard(d);
    QVERIFY(view.variables()->isBusy()); // the variables query the server asynchronously
    QCOMPARE(view.variables()->count(), 1);

    QList<PanelDataPtr> received;
    connect(view.scheduler(), &QueryScheduler::panelDataReady, this,
            [&received](int id, const PanelDataPtr &data) {
                if (id == 1)
                    received << data;
            });
    view.scheduler()->setTimeRange({QStringLiteral("now-5m"), QStringLiteral("now")});
    QSignalSpy idle(view.scheduler(), &QueryScheduler::idle);
    view.scheduler()->refresh();
    QVERIFY(view.scheduler()->isWaitingForVariables());
    QVERIFY(!view.scheduler()->isIdle());
    QVERIFY(received.isEmpty());
    QVERIFY(idle.wait(20000));

    // One answer only, already with the server's value.
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first()->targets.size(), size_t(1));
    QCOMPARE(received.first()->targets[0].expr, QStringLiteral("pharos_load{instance=\"host-a\"}"));
    QCOMPARE(view.variables()->find("instance")->currentValues, QStringList{"host-a"});
    auto *ts = qobject_cast<TimeSeriesPanel *>(view.panelWidget(1));
    QVERIFY(ts);
    QCOMPARE(ts->titleText(), QStringLiteral("Load of host-a"));
    QCOMPARE(ts->legendEntries(), QStringList{"host-a via host-a"});
    auto *text = qobject_cast<TextPanel *>(view.panelWidget(2));
    QVERIFY(text);
    QCOMPARE(text->titleText(), QStringLiteral("Notes on host-a"));
    QCOMPARE(text->renderedText().trimmed(), QStringLiteral("Watching host-a"));

    // A new selection: titles, legend, text and queries follow.
    QVERIFY(waitIdle(view, [&view] { view.variables()->setCurrent("instance", "host-c"); }));
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.last()->targets[0].expr, QStringLiteral("pharos_load{instance=\"host-c\"}"));
    QCOMPARE(ts, qobject_cast<TimeSeriesPanel *>(view.panelWidget(1))); // kept, retitled
    QCOMPARE(ts->titleText(), QStringLiteral("Load of host-c"));
    QCOMPARE(ts->legendEntries(), QStringList{"host-c via host-c"});
    text = qobject_cast<TextPanel *>(view.panelWidget(2));
    QVERIFY(text);
    QCOMPARE(text->titleText(), QStringLiteral("Notes on host-c"));
    QCOMPARE(text->renderedText().trimmed(), QStringLiteral("Watching host-c"));
}

void TestDashboardVariables::repeatedPanelsFollowSelection()
{
    QJsonObject repeated = panel(1, "timeseries", "Load on $instance", {0, 0, 8, 6},
                                 "pharos_load{instance=~\"$instance\"}", "{{instance}}");
    repeated.insert("repeat", "instance");
    repeated.insert("repeatDirection", "h");
    repeated.insert("maxPerRow", 2);
    const Dashboard d = makeDashboard(
        QJsonArray{repeated, panel(5, "timeseries", "Below", {0, 6, 24, 4},
                                   "count(pharos_load{instance=~\"$instance\"})", "count")},
        QJsonArray{instanceVariable(QJsonObject{{"text", "All"}, {"value", "$__all"}}, true)});
    DashboardView view(&m_registry);
    view.resize(1200, 900);
    view.show();
    view.setDashboard(d);
    QVERIFY(refreshAndWait(view));

    // All: three copies, max(24/3, 24/maxPerRow) = 12 columns wide, wrapping after two; the
    // panel below is pushed down by the added row.
    QList<PanelWidget *> shown = shownPanels(view);
    QCOMPARE(titles(shown),
             QStringList({"Load on host-a", "Load on host-b", "Load on host-c", "Below"}));
    QCOMPARE(shown[0]->geometry(), expectedRect(view, {0, 0, 12, 6}));
    QCOMPARE(shown[1]->geometry(), expectedRect(view, {12, 0, 12, 6}));
    QCOMPARE(shown[2]->geometry(), expectedRect(view, {0, 6, 12, 6}));
    QCOMPARE(shown[3]->geometry(), expectedRect(view, {0, 12, 24, 4}));
    QCOMPARE(shown[0]->panelId(), 1); // the first copy keeps the panel's id
    const QStringList hosts{"host-a", "host-b", "host-c"};
    for (int i = 0; i < 3; ++i) {
        auto *ts = qobject_cast<TimeSeriesPanel *>(shown[i]);
        QVERIFY(ts && ts->data());
        QCOMPARE(ts->data()->targets[0].expr,
                 QStringLiteral("pharos_load{instance=~\"%1\"}").arg(hosts[i]));
        QCOMPARE(ts->legendEntries(), QStringList{hosts[i]});
    }
    auto lastCount = [](PanelWidget *w) {
        const Frame &f = w->data()->targets[0].result.frames.at(0);
        return f.values.back();
    };
    QVERIFY(shown[3]->data() && !shown[3]->data()->targets[0].result.frames.empty());
    QCOMPARE(lastCount(shown[3]), 3.0);

    // Two values: two copies side by side, the panel below moves up.
    QSignalSpy changed(&view, &DashboardView::panelsChanged);
    QVERIFY(waitIdle(view, [&view] {
        view.variables()->setCurrent("instance", QStringList{"host-a", "host-c"});
    }));
    QCOMPARE(changed.size(), 1);
    shown = shownPanels(view);
    QCOMPARE(titles(shown), QStringList({"Load on host-a", "Load on host-c", "Below"}));
    QCOMPARE(shown[0]->geometry(), expectedRect(view, {0, 0, 12, 6}));
    QCOMPARE(shown[1]->geometry(), expectedRect(view, {12, 0, 12, 6}));
    QCOMPARE(shown[2]->geometry(), expectedRect(view, {0, 6, 24, 4}));
    QCOMPARE(qobject_cast<TimeSeriesPanel *>(shown[1])->legendEntries(), QStringList{"host-c"});
    QCOMPARE(lastCount(shown[2]), 2.0);
    QCOMPARE(view.panelWidgets().size(), 3); // the third copy is gone, not just hidden

    // One value: one copy, max(24 / 1, 24 / maxPerRow) = 24 columns wide.
    QVERIFY(waitIdle(view, [&view] { view.variables()->setCurrent("instance", "host-b"); }));
    shown = shownPanels(view);
    QCOMPARE(titles(shown), QStringList({"Load on host-b", "Below"}));
    QCOMPARE(shown[0]->geometry(), expectedRect(view, {0, 0, 24, 6}));
    QCOMPARE(lastCount(shown[1]), 1.0);
}

void TestDashboardVariables::verticalRepeat()
{
    QJsonObject repeated =
        panel(1, "stat", "Stat $instance", {4, 0, 10, 5}, "pharos_load{instance=\"$instance\"}");
    repeated.insert("repeat", "instance");
    repeated.insert("repeatDirection", "v");
    const Dashboard d = makeDashboard(
        QJsonArray{repeated},
        QJsonArray{instanceVariable(QJsonObject{{"text", "All"}, {"value", "$__all"}}, true)});
    DashboardView view(&m_registry);
    view.resize(1000, 900);
    view.show();
    view.setDashboard(d);
    QVERIFY(refreshAndWait(view));
    const QList<PanelWidget *> shown = shownPanels(view);
    QCOMPARE(titles(shown), QStringList({"Stat host-a", "Stat host-b", "Stat host-c"}));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(shown[i]->geometry(), expectedRect(view, {4, 5 * i, 10, 5}));
        QVERIFY(shown[i]->data());
        QCOMPARE(shown[i]->data()->targets[0].result.frames.at(0).values.back(), double(i + 1));
    }
}

void TestDashboardVariables::repeatedRows()
{
    QJsonObject row = panel(10, "row", "Row $instance", {0, 0, 24, 1});
    row.insert("repeat", "instance");
    row.insert("collapsed", false);
    const Dashboard d = makeDashboard(
        QJsonArray{row, panel(11, "stat", "Inside $instance", {0, 1, 6, 3},
                              "pharos_load{instance=\"$instance\"}")},
        QJsonArray{instanceVariable(QJsonObject{{"text", "All"}, {"value", "$__all"}}, true)});
    DashboardView view(&m_registry);
    view.resize(1000, 900);
    view.show();
    view.setDashboard(d);
    QVERIFY(refreshAndWait(view));
    const QList<int> rows = view.rowIds();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.first(), 10);
    QStringList rowTitles;
    for (int i = 0; i < rows.size(); ++i) {
        QWidget *header = view.rowHeader(rows[i]);
        QVERIFY(header && !header->isHidden());
        QCOMPARE(header->geometry(), expectedRect(view, {0, 4 * i, 24, 1}));
        const QList<QLabel *> labels = header->findChildren<QLabel *>();
        QVERIFY(!labels.isEmpty());
        rowTitles << labels.first()->text();
    }
    QCOMPARE(rowTitles, QStringList({"Row host-a", "Row host-b", "Row host-c"}));
    const QList<PanelWidget *> shown = shownPanels(view);
    QCOMPARE(titles(shown), QStringList({"Inside host-a", "Inside host-b", "Inside host-c"}));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(shown[i]->geometry(), expectedRect(view, {0, 4 * i + 1, 6, 3}));
        QVERIFY(shown[i]->data());
        QCOMPARE(shown[i]->data()->targets[0].result.frames.at(0).values.back(), double(i + 1));
    }

    // Collapsing a copy hides only its panel; choosing one value keeps one row.
    view.setRowCollapsed(rows[1], true);
    QVERIFY(shownPanels(view).size() == 2);
    QVERIFY(waitIdle(view, [&view] { view.variables()->setCurrent("instance", "host-c"); }));
    QCOMPARE(view.rowIds(), QList<int>{10});
    QCOMPARE(titles(shownPanels(view)), QStringList{"Inside host-c"});
}

void TestDashboardVariables::exportExpandsRepeats()
{
    // `pharos export` waits for the variables: three stacked copies, so the image is as tall
    // as 3 x 5 grid units (the file alone would be 5).
    QJsonObject repeated =
        panel(1, "stat", "Stat $instance", {0, 0, 24, 5}, "pharos_load{instance=\"$instance\"}");
    repeated.insert("repeat", "instance");
    repeated.insert("repeatDirection", "v");
    const Dashboard d = makeDashboard(
        QJsonArray{repeated},
        QJsonArray{instanceVariable(QJsonObject{{"text", "All"}, {"value", "$__all"}}, true)});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CommandLineOptions options;
    options.file = dir.filePath("repeat.json");
    options.output = dir.filePath("repeat.png");
    options.width = 800;
    options.from = QStringLiteral("now-5m");
    {
        QFile f(options.file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(d.toJson()).toJson());
    }
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(exportDashboard(options, &m_registry, out, err, 30000), 0);
    QVERIFY2(errText.isEmpty(), qPrintable(errText));
    const QImage image(options.output);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 800);
    QCOMPARE(image.height(), grid::unitsToPixels(15) + 2 * DashboardView::Padding);
}

QTEST_MAIN(TestDashboardVariables)
#include "test_dashboard_variables.moc"
