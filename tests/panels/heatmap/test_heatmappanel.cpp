// Heatmap panel: Prometheus histogram buckets (format heatmap) sorted by le with +Inf last and
// differenced into per-bucket counts, drawn as coloured cells (row order by le, colour by
// count), plain series as rows, tooltips, colour scale, No data.
#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/heatmap/heatmappanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

/// A point inside a cell away from its middle, where a count may be written (showValue).
static QPointF fillPoint(const QRectF &cell)
{
    return {cell.left() + cell.width() * 0.15 + 1, cell.top() + cell.height() * 0.8};
}

class TestHeatmapPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketsSortedAndDifferenced();
    void sameLeSummed();
    void cellsDrawnInOrder();
    void timeSeriesRows();
    void toolTip();
    void opacityMode();
    void noData();
};

static QByteArray heatmapJson(const char *format = "heatmap", const char *color = "")
{
    return QByteArray(R"({"id": 5, "type": "heatmap", "title": "H",
      "fieldConfig": {"defaults": {}},
      "options": {"yAxis": {"unit": "s"}, "color": {"mode": "scheme", "scheme": "Oranges",
                  "scale": "linear", "exponent": 0.5)") +
           color + R"(}},
      "targets": [{"refId": "A", "expr": "x_bucket",
           "format" : ")" +
           format + R"(", "legendFormat": "{{le}}"}]})";
}

// Cumulative buckets over 4 steps, sent in a scrambled order (as label sorting by text gives).
static PanelDataPtr buckets()
{
    std::vector<Frame> frames;
    // le: per-bucket counts per step are (0.1: 1,2,3,4) (0.5: 10,0,5,1) (1: 0,0,0,20) (+Inf:
    // 2,2,2,2)
    frames.push_back(makeFrame({{"le", "1"}}, kT0, 60'000, {11, 2, 8, 25}));
    frames.push_back(makeFrame({{"le", "+Inf"}}, kT0, 60'000, {13, 4, 10, 27}));
    frames.push_back(makeFrame({{"le", "0.1"}}, kT0, 60'000, {1, 2, 3, 4}));
    frames.push_back(makeFrame({{"le", "0.5"}}, kT0, 60'000, {11, 2, 8, 5}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{le}}"));
    return makeData(std::move(t), kT0 - 60'000, kT0 + 3 * 60'000, 60'000);
}

static std::unique_ptr<HeatmapPanel> makeHeatmap(const QByteArray &json)
{
    std::unique_ptr<HeatmapPanel> p(
        qobject_cast<HeatmapPanel *>(PanelWidget::create(makeModel(json))));
    if (p) {
        p->resize(500, 320);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

void TestHeatmapPanel::bucketsSortedAndDifferenced()
{
    const PanelModel model = makeModel(heatmapJson());
    const HeatmapGrid g = buildHeatmapGrid(model, *buckets());
    QVERIFY(g.fromBuckets);
    QCOMPARE(g.rowNames, (QStringList{"0.1", "0.5", "1", "+Inf"}));
    QCOMPARE(g.upper.back(), std::numeric_limits<double>::infinity());
    QCOMPARE(g.columns(), 4);
    QCOMPARE(g.stepMs, 60'000);
    const double want[4][4] = {{1, 2, 3, 4}, {10, 0, 5, 1}, {0, 0, 0, 20}, {2, 2, 2, 2}};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            QCOMPARE(g.at(r, c), want[r][c]);
    QCOMPARE(g.minValue, 0.0);
    QCOMPARE(g.maxValue, 20.0);
    // Numeric order, not text order: "10" sorts after "9".
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"le", "10"}}, kT0, 60'000, {5}));
    frames.push_back(makeFrame({{"le", "9"}}, kT0, 60'000, {3}));
    frames.push_back(makeFrame({{"le", "1e+01"}}, kT0, 60'000, {2})); // same bound as "10"
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    const HeatmapGrid n = buildHeatmapGrid(model, *makeData(std::move(t), kT0, kT0, 60'000));
    QCOMPARE(n.upper, (std::vector<double>{9, 10}));
    QCOMPARE(n.at(0, 0), 3.0);
    QCOMPARE(n.at(1, 0), 4.0); // (5 + 2) - 3
}

void TestHeatmapPanel::sameLeSummed()
{
    // Two histograms (two instances) without sum by (le): buckets with the same le add up.
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"instance", "a"}, {"le", "1"}}, kT0, 60'000, {2}));
    frames.push_back(makeFrame({{"instance", "b"}, {"le", "1"}}, kT0, 60'000, {3}));
    frames.push_back(makeFrame({{"instance", "a"}, {"le", "+Inf"}}, kT0, 60'000, {4}));
    frames.push_back(makeFrame({{"instance", "b"}, {"le", "+Inf"}}, kT0, 60'000, {7}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    const HeatmapGrid g =
        buildHeatmapGrid(makeModel(heatmapJson()), *makeData(std::move(t), kT0, kT0, 60'000));
    QCOMPARE(g.rows(), 2);
    QCOMPARE(g.at(0, 0), 5.0);
    QCOMPARE(g.at(1, 0), 6.0);
}

void TestHeatmapPanel::cellsDrawnInOrder()
{
    auto p = makeHeatmap(heatmapJson());
    QVERIFY(p);
    p->setData(buckets());
    QCOMPARE(p->statusText(), QString());
    QCOMPARE(p->yAxisLabels(), (QStringList{"100 ms", "500 ms", "1 s", "+Inf"}));
    const QImage img = p->heatmapView()->grab().toImage();
    // Lowest bucket at the bottom, +Inf at the top; columns left to right in time.
    QVERIFY(p->cellRect(0, 0).top() > p->cellRect(1, 0).top());
    QVERIFY(p->cellRect(3, 0).top() < p->cellRect(2, 0).top());
    QVERIFY(p->cellRect(0, 1).left() > p->cellRect(0, 0).left());
    // Every cell shows the colour of its own count; empty (0) cells are not drawn.
    const HeatmapGrid &g = p->grid();
    for (int r = 0; r < g.rows(); ++r) {
        for (int c = 0; c < g.columns(); ++c) {
            const QColor px = pixelAt(img, fillPoint(p->cellRect(r, c)));
            const QColor want = p->colorFor(g.at(r, c));
            if (g.at(r, c) == 0) {
                QVERIFY(!want.isValid());
                QVERIFY2(px.alpha() == 0 ||
                             px == p->heatmapView()->palette().color(QPalette::Window),
                         qPrintable(QString("%1,%2 %3").arg(r).arg(c).arg(px.name())));
            } else {
                QVERIFY2(
                    near(px, want, 3),
                    qPrintable(QString("%1,%2 %3 %4").arg(r).arg(c).arg(px.name(), want.name())));
            }
        }
    }
    // The largest count is the darkest orange, a small count is light.
    const QColor hot = pixelAt(img, fillPoint(p->cellRect(2, 3)));  // 20
    const QColor cool = pixelAt(img, fillPoint(p->cellRect(0, 0))); // 1
    QVERIFY(hot.lightness() < cool.lightness() - 60);
    QVERIFY(hot.red() > hot.blue() + 60);
    QCOMPARE(p->scaleMax(), 20.0);
}

void TestHeatmapPanel::timeSeriesRows()
{
    auto p = makeHeatmap(heatmapJson("time_series"));
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"le", "b"}}, kT0, 60'000, {1, 5}));
    frames.push_back(makeFrame({{"le", "a"}}, kT0, 60'000, {9, 3}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{le}}"));
    p->setData(makeData(std::move(t), kT0 - 60'000, kT0 + 60'000, 60'000));
    const HeatmapGrid &g = p->grid();
    QVERIFY(!g.fromBuckets);
    QCOMPARE(g.rowNames, (QStringList{"b", "a"})); // as they came, values as they are
    QCOMPARE(g.at(1, 0), 9.0);
    QCOMPARE(g.at(0, 1), 5.0);
    QCOMPARE(p->yAxisLabels(), (QStringList{"b", "a"}));
    const QImage img = p->heatmapView()->grab().toImage();
    QVERIFY(near(pixelAt(img, fillPoint(p->cellRect(1, 0))), p->colorFor(9), 3));
}

void TestHeatmapPanel::toolTip()
{
    auto p = makeHeatmap(heatmapJson());
    p->setData(buckets());
    const QRectF cell = p->cellRect(1, 2);
    QCOMPARE(p->cellAt(cell.center()), (std::pair<int, int>(1, 2)));
    QCOMPARE(p->cellAt(QPointF(-5, -5)), (std::pair<int, int>(-1, -1)));
    const QString tip = p->cellToolTip(1, 2);
    QVERIFY2(tip.contains("100 ms") && tip.contains("500 ms") && tip.contains("5"),
             qPrintable(tip));
    QVERIFY(p->cellToolTip(3, 0).contains("+Inf"));
}

void TestHeatmapPanel::opacityMode()
{
    auto p = makeHeatmap(heatmapJson("heatmap", R"(, "mode": "opacity", "fill": "blue")"));
    p->setData(buckets());
    const QColor hi = p->colorFor(20), lo = p->colorFor(1);
    QCOMPARE(hi.rgb(), grafanaColor("blue").rgb());
    QVERIFY(hi.alphaF() > lo.alphaF());
    const QImage img = p->heatmapView()->grab().toImage();
    const QColor px = pixelAt(img, fillPoint(p->cellRect(2, 3)));
    QVERIFY(px.blue() > px.red() + 80);
}

void TestHeatmapPanel::noData()
{
    auto p = makeHeatmap(heatmapJson());
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", {}));
    p->setData(makeData(std::move(t), kT0, kT0 + 1000, 1000));
    QCOMPARE(p->statusText(), QStringLiteral("No data"));
}

QTEST_MAIN(TestHeatmapPanel)
#include "test_heatmappanel.moc"
