// Row panels: a collapsed row's panels (of any type) never query, across refreshes, until the
// row is opened; opened, they catch up with the current refresh and draw; collapsed again,
// they stop querying; exports leave collapsed rows closed and unqueried.
#include "app/view/dashboardview.h"
#include "countingdatasource.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/gauge/gaugepanel.h"
#include "panels/heatmap/heatmappanel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace pharos;

class TestRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void collapsedRowQueriesNothingUntilOpened();
    void exportKeepsCollapsedRowsUnqueried();
};

static QJsonObject panel(int id, const QString &type, int y, const QString &expr = {})
{
    QJsonObject p{{"id", id},
                  {"type", type},
                  {"title", QStringLiteral("P%1").arg(id)},
                  {"gridPos", QJsonObject{{"x", 0}, {"y", y}, {"w", 12}, {"h", 4}}}};
    if (!expr.isEmpty())
        p.insert("targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}}});
    return p;
}

static Dashboard dashboard()
{
    QJsonObject open = panel(1, "row", 0);
    open.insert("collapsed", false);
    QJsonObject closedB = panel(10, "row", 5);
    closedB.insert("collapsed", true);
    closedB.insert("panels",
                   QJsonArray{panel(11, "gauge", 6, "qB_gauge"),
                              panel(12, "heatmap", 10, "qB_heatmap"), panel(13, "text", 14)});
    QJsonObject closedC = panel(20, "row", 6);
    closedC.insert("collapsed", true);
    closedC.insert("panels", QJsonArray{panel(21, "bargauge", 7, "qC_bars")});
    const QJsonObject d{
        {"title", "rows"},
        {"schemaVersion", 39},
        {"panels", QJsonArray{open, panel(2, "gauge", 1, "qA_gauge"), closedB, closedC}}};
    return *Dashboard::fromJson(QJsonDocument(d).toJson());
}

static void refreshAndWait(DashboardView &view)
{
    QSignalSpy idle(view.scheduler(), &QueryScheduler::idle);
    view.scheduler()->refresh();
    QVERIFY(view.scheduler()->isIdle() || idle.wait(10000));
}

void TestRows::collapsedRowQueriesNothingUntilOpened()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    DashboardView view(&registry);
    view.resize(1200, 2000);
    view.setDashboard(dashboard());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    for (int i = 0; i < 3; ++i)
        refreshAndWait(view);
    QCOMPARE(source.counts.value("qA_gauge"), 3);
    QCOMPARE(source.counts.value("qB_gauge"), 0);
    QCOMPARE(source.counts.value("qB_heatmap"), 0);
    QCOMPARE(source.counts.value("qC_bars"), 0);
    for (int id : {11, 12, 13, 21}) {
        QVERIFY(view.panelWidget(id));
        QVERIFY(view.panelWidget(id)->isHidden());
        QVERIFY(!view.isPanelInView(id));
        QVERIFY(!view.panelWidget(id)->data());
    }
    auto *gaugeA = qobject_cast<GaugePanel *>(view.panelWidget(2));
    QVERIFY(gaugeA);
    QCOMPARE(gaugeA->gauges().size(), size_t(1));

    // Open row B: its panels appear, query once (catching up) and draw; row C stays closed.
    QTest::mouseClick(view.rowHeader(10), Qt::LeftButton, {}, QPoint(200, 10));
    QVERIFY(!view.isRowCollapsed(10));
    QVERIFY(!view.panelWidget(11)->isHidden());
    QTRY_VERIFY(view.panelWidget(11)->data() != nullptr);
    QTRY_VERIFY(view.panelWidget(12)->data() != nullptr);
    QCOMPARE(source.counts.value("qB_gauge"), 1);
    QCOMPARE(source.counts.value("qB_heatmap"), 1);
    QCOMPARE(source.counts.value("qC_bars"), 0);
    auto *gaugeB = qobject_cast<GaugePanel *>(view.panelWidget(11));
    QVERIFY(gaugeB);
    QCOMPARE(gaugeB->gauges().size(), size_t(1));
    QCOMPARE(gaugeB->statusText(), QString());
    auto *heat = qobject_cast<HeatmapPanel *>(view.panelWidget(12));
    QVERIFY(heat);
    QCOMPARE(heat->grid().rows(), 1);
    // Row C moved down under row B's panels.
    QVERIFY(view.rowHeader(20)->geometry().top() > view.panelWidget(12)->geometry().bottom());

    refreshAndWait(view);
    QCOMPARE(source.counts.value("qB_gauge"), 2);
    QCOMPARE(source.counts.value("qA_gauge"), 4);

    // Collapse row B again: no more queries for its panels.
    view.toggleRow(10);
    QVERIFY(view.panelWidget(11)->isHidden());
    refreshAndWait(view);
    refreshAndWait(view);
    QCOMPARE(source.counts.value("qB_gauge"), 2);
    QCOMPARE(source.counts.value("qB_heatmap"), 2);
    QCOMPARE(source.counts.value("qA_gauge"), 6);

    // Reopen: they catch up with the latest refresh once.
    view.toggleRow(10);
    QTRY_COMPARE(source.counts.value("qB_gauge"), 3);
    QTRY_VERIFY(view.scheduler()->isIdle());
    QCOMPARE(source.counts.value("qB_gauge"), 3);
    QCOMPARE(source.counts.value("qC_bars"), 0);
    QCOMPARE(view.panelWidget(11)->data()->generation, view.scheduler()->generation());

    // Open row C too; collapse the expanded first row: its gauge stops querying.
    view.toggleRow(20);
    QTRY_COMPARE(source.counts.value("qC_bars"), 1);
    QVERIFY(qobject_cast<BarGaugePanel *>(view.panelWidget(21)));
    view.toggleRow(1);
    QVERIFY(view.panelWidget(2)->isHidden());
    refreshAndWait(view);
    QCOMPARE(source.counts.value("qA_gauge"), 6);
    QCOMPARE(source.counts.value("qC_bars"), 2);
    registry.setOverride(nullptr);
}

void TestRows::exportKeepsCollapsedRowsUnqueried()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    DashboardView view(&registry);
    view.setExportMode(true);
    view.setLayoutWidth(1200);
    view.setDashboard(dashboard());
    view.resize(1200, view.contentHeight());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    refreshAndWait(view);
    QCOMPARE(source.counts.value("qA_gauge"), 1);
    QCOMPARE(source.counts.value("qB_gauge") + source.counts.value("qB_heatmap") +
                 source.counts.value("qC_bars"),
             0);
    QCOMPARE(source.total, 1);
    registry.setOverride(nullptr);
}

QTEST_MAIN(TestRows)
#include "test_rows.moc"
