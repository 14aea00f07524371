// Grafana grid geometry (pixel rects, float-up), rows (sections, collapse/expand) and which
// panels the view lets query.
#include "app/view/dashboardview.h"
#include "countingdatasource.h"
#include "dashboards/layout/layout.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace pharos;

class TestDashboardViewLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pixels_data();
    void pixels();
    void floatUp();
    void rowsLayout();
    void rowCollapseHidesAndUnqueries();
    void viewPlacesWidgets();
};

void TestDashboardViewLayout::pixels_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("width");
    QTest::addColumn<QRect>("expected");
    // width 1000: column = (1000 - 23*8) / 24 = 34 px, pitch 42 px.
    QTest::newRow("left half") << 0 << 0 << 12 << 8 << 1000 << QRect(0, 0, 496, 296);
    QTest::newRow("right half") << 12 << 0 << 12 << 8 << 1000 << QRect(504, 0, 496, 296);
    QTest::newRow("full width") << 0 << 4 << 24 << 1 << 1000 << QRect(0, 152, 1000, 30);
    QTest::newRow("one cell") << 23 << 10 << 1 << 2 << 1000 << QRect(966, 380, 34, 68);
    // width 1184: column = (1184 - 184) / 24 = 41.666..., pitch 49.666...
    QTest::newRow("fractional") << 4 << 0 << 4 << 4 << 1184 << QRect(199, 0, 190, 144);
}

void TestDashboardViewLayout::pixels()
{
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(int, width);
    QFETCH(QRect, expected);
    QCOMPARE(grid::toPixels(GridPos{x, y, w, h}, width), expected);
    QCOMPARE(grid::unitsToPixels(h), h * 30 + (h - 1) * 8);
}

void TestDashboardViewLayout::floatUp()
{
    // A floats to the top; B stays under A (they overlap in x); C (right of A) floats up
    // next to A; D overlaps C in the input and ends right under it; E sits under B and D.
    const QList<GridPos> in{
        {0, 5, 12, 4}, {2, 20, 8, 3}, {12, 30, 12, 2}, {12, 30, 6, 2}, {8, 40, 8, 1}};
    const QList<GridPos> out = layout::floatUp(in);
    QCOMPARE(out[0], (GridPos{0, 0, 12, 4}));
    QCOMPARE(out[1], (GridPos{2, 4, 8, 3}));
    QCOMPARE(out[2], (GridPos{12, 0, 12, 2}));
    QCOMPARE(out[3], (GridPos{12, 2, 6, 2}));
    QCOMPARE(out[4], (GridPos{8, 7, 8, 1})); // under B (4..7), D ends at 4
    // Out-of-range positions are clamped, not rejected.
    const QList<GridPos> clamped = layout::floatUp({{30, -3, 40, 0}});
    QCOMPARE(clamped[0], (GridPos{0, 0, 24, 1}));
}

static QJsonObject panel(int id, const QString &type, int x, int y, int w, int h,
                         const QString &expr = {})
{
    QJsonObject p{{"id", id},
                  {"type", type},
                  {"title", QStringLiteral("P%1").arg(id)},
                  {"gridPos", QJsonObject{{"x", x}, {"y", y}, {"w", w}, {"h", h}}}};
    if (!expr.isEmpty())
        p.insert("targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}}});
    return p;
}

static Dashboard rowsDashboard()
{
    QJsonObject collapsed = panel(3, "row", 0, 9, 24, 1);
    collapsed.insert("collapsed", true);
    collapsed.insert("panels", QJsonArray{panel(4, "timeseries", 0, 10, 12, 6, "q4"),
                                          panel(5, "stat", 12, 10, 12, 6, "q5")});
    QJsonObject expanded = panel(1, "row", 0, 0, 24, 1);
    expanded.insert("collapsed", false);
    expanded.insert("panels", QJsonArray{});
    QJsonObject last = panel(6, "row", 0, 10, 24, 1);
    last.insert("panels", QJsonArray{});
    const QJsonObject doc{
        {"title", "rows"},
        {"panels", QJsonArray{expanded, panel(2, "timeseries", 0, 1, 24, 8, "q2"), collapsed, last,
                              panel(7, "stat", 0, 25, 6, 4, "q7")}}};
    QString error;
    auto d = Dashboard::fromJson(QJsonDocument(doc).toJson(), &error);
    if (!d)
        qFatal("%s", qPrintable(error));
    return *d;
}

void TestDashboardViewLayout::rowsLayout()
{
    const Dashboard d = rowsDashboard();
    QSet<int> collapsed = grid::initialCollapsedRows(d.panels());
    QCOMPARE(collapsed, QSet<int>{3});

    auto find = [](const QList<grid::Placed> &l, int id) {
        for (const grid::Placed &p : l)
            if (p.panelId == id)
                return p;
        return grid::Placed{-1, false, 0, {}};
    };
    QList<grid::Placed> l = grid::layoutDashboard(d.panels(), collapsed);
    QCOMPARE(find(l, 1).pos, (GridPos{0, 0, 24, 1}));
    QVERIFY(find(l, 1).isRow);
    QCOMPARE(find(l, 2).pos, (GridPos{0, 1, 24, 8}));
    QCOMPARE(find(l, 2).rowId, 1);
    QCOMPARE(find(l, 3).pos, (GridPos{0, 9, 24, 1}));
    QCOMPARE(find(l, 4).panelId, -1); // hidden in the collapsed row
    QCOMPARE(find(l, 5).panelId, -1);
    QCOMPARE(find(l, 6).pos, (GridPos{0, 10, 24, 1}));
    QCOMPARE(find(l, 7).pos, (GridPos{0, 11, 6, 4})); // floated up from y 25 under its row
    QCOMPARE(grid::layoutHeightUnits(l), 15);

    // Expanding row 3 shows its children under it and pushes the rest down.
    collapsed.remove(3);
    l = grid::layoutDashboard(d.panels(), collapsed);
    QCOMPARE(find(l, 4).pos, (GridPos{0, 10, 12, 6}));
    QCOMPARE(find(l, 5).pos, (GridPos{12, 10, 12, 6}));
    QCOMPARE(find(l, 6).pos, (GridPos{0, 16, 24, 1}));
    QCOMPARE(find(l, 7).pos, (GridPos{0, 17, 6, 4}));

    // Collapsing the expanded row 1 hides panel 2 and moves everything up.
    collapsed = {1, 3};
    l = grid::layoutDashboard(d.panels(), collapsed);
    QCOMPARE(find(l, 2).panelId, -1);
    QCOMPARE(find(l, 3).pos, (GridPos{0, 1, 24, 1}));
}

void TestDashboardViewLayout::rowCollapseHidesAndUnqueries()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    DashboardView view(&registry);
    view.resize(1200, 3000);
    view.setDashboard(rowsDashboard());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QSignalSpy idle(view.scheduler(), &QueryScheduler::idle);
    view.scheduler()->refresh();
    QVERIFY(view.scheduler()->isIdle() || idle.wait(10000));
    QCOMPARE(source.counts.value("q2"), 1);
    QCOMPARE(source.counts.value("q7"), 1);
    QCOMPARE(source.counts.value("q4"), 0); // collapsed row: not queried
    QCOMPARE(source.counts.value("q5"), 0);
    QVERIFY(view.panelWidget(4)->isHidden());
    QVERIFY(!view.isPanelInView(4));
    QVERIFY(view.isPanelInView(2));
    QVERIFY(view.panelWidget(2)->data());

    // Expand by clicking the header: children appear and catch up with the refresh.
    QVERIFY(view.isRowCollapsed(3));
    QTest::mouseClick(view.rowHeader(3), Qt::LeftButton, {}, QPoint(200, 10));
    QVERIFY(!view.isRowCollapsed(3));
    QVERIFY(!view.panelWidget(4)->isHidden());
    QTRY_VERIFY(view.panelWidget(4)->data() != nullptr);
    QCOMPARE(source.counts.value("q4"), 1);
    QCOMPARE(view.panelWidget(4)->geometry().top(),
             DashboardView::Padding + 10 * 38); // under row 3 (y 9)

    // Collapse row 1: panel 2 is hidden and stops querying.
    view.toggleRow(1);
    QVERIFY(view.panelWidget(2)->isHidden());
    view.scheduler()->refresh();
    QVERIFY(view.scheduler()->isIdle() || idle.wait(10000));
    QCOMPARE(source.counts.value("q2"), 1);
    QCOMPARE(source.counts.value("q4"), 2);
    QCOMPARE(source.counts.value("q7"), 2);
    registry.setOverride(nullptr);
}

void TestDashboardViewLayout::viewPlacesWidgets()
{
    DataSourceRegistry registry;
    DashboardView view(&registry);
    view.setExportMode(true);
    view.setLayoutWidth(1000 + 2 * DashboardView::Padding);
    view.setDashboard(rowsDashboard());
    const int p = DashboardView::Padding;
    QCOMPARE(view.panelWidget(2)->geometry(), QRect(p, p + 38, 1000, 296));
    QCOMPARE(view.panelWidget(7)->geometry(), QRect(p, p + 11 * 38, 244, 144));
    QCOMPARE(view.contentHeight(), grid::unitsToPixels(15) + 2 * p);
    QCOMPARE(view.canvas()->height(), view.contentHeight());
    // Export mode: every laid-out panel counts as in view, whatever the viewport shows.
    QVERIFY(view.isPanelInView(7));
    QVERIFY(!view.isPanelInView(4));
}

QTEST_MAIN(TestDashboardViewLayout)
#include "test_dashboardview_layout.moc"
