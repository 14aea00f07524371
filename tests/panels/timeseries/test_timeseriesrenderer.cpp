#include "panelfixture.h"
#include "panels/timeseries/timeseriesrenderer.h"

#include <QPainter>
#include <QTest>
#include <limits>

using namespace pharos;
using namespace pharos::testing;

class TestTimeSeriesRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seriesColourInPlot();
    void gapBreaksLine();
    void nanAndInfBreakLine();
    void isolatedPointDrawn();
    void yAxisUsesUnit();
    void millionPointsKeepSpikes();
    void extremeValuesDoNotHang();
    void logScale();

private:
    QImage render(TimeSeriesRenderer &r, const std::vector<const Frame *> &frames,
                  const std::vector<QColor> &colors, TimeSeriesRenderOptions opt,
                  QSize size = QSize(800, 300));
};

static const QColor kRed(0xE0, 0x20, 0x20);
static const QColor kBlue(0x20, 0x40, 0xE0);

QImage TestTimeSeriesRenderer::render(TimeSeriesRenderer &r,
                                      const std::vector<const Frame *> &frames,
                                      const std::vector<QColor> &colors,
                                      TimeSeriesRenderOptions opt, QSize size)
{
    r.setFrames(frames);
    std::vector<SeriesStyle> styles;
    for (const QColor &c : colors)
        styles.push_back({c, true, {}});
    r.setStyles(styles);
    r.setOptions(opt);
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    r.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    return img;
}

static QList<double> wave(int n, double base, double amp)
{
    QList<double> v;
    for (int i = 0; i < n; ++i)
        v << base + amp * std::sin(i * 0.3);
    return v;
}

void TestTimeSeriesRenderer::seriesColourInPlot()
{
    const Frame a = makeFrame({{"s", "a"}}, kT0, 10'000, wave(61, 10, 5));
    const Frame b = makeFrame({{"s", "b"}}, kT0, 10'000, wave(61, 30, 5));
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 600'000;
    opt.stepMs = 10'000;
    TimeSeriesRenderer r;
    const QImage img = render(r, {&a, &b}, {kRed, kBlue}, opt);
    const QRect plot = r.plotRect().toRect();
    QVERIFY(plot.width() > 600);
    QVERIFY(countColor(img, kRed, plot.left(), plot.right(), plot.top(), plot.bottom()) > 300);
    QVERIFY(countColor(img, kBlue, plot.left(), plot.right(), plot.top(), plot.bottom()) > 300);
    // The lower series (a) is drawn below the upper one (b).
    const int x = int(r.timeToX(double(kT0 + 300'000)));
    int yRed = -1, yBlue = -1;
    for (int y = plot.top(); y < plot.bottom(); ++y) {
        if (yRed < 0 && near(img.pixelColor(x, y), kRed))
            yRed = y;
        if (yBlue < 0 && near(img.pixelColor(x, y), kBlue))
            yBlue = y;
    }
    QVERIFY(yRed > 0 && yBlue > 0);
    QVERIFY(yBlue < yRed);
    // Nothing of the series outside the plot area.
    QCOMPARE(countColor(img, kRed, 0, plot.left() - 2, 0, img.height()), 0);
}

void TestTimeSeriesRenderer::gapBreaksLine()
{
    // Samples 0..100 s and 200..300 s every 10 s: a 100 s hole with step 10 s.
    Frame f = makeFrame({}, kT0, 10'000, wave(11, 10, 3));
    const Frame g = makeFrame({}, kT0 + 200'000, 10'000, wave(11, 10, 3));
    f.timestamps.insert(f.timestamps.end(), g.timestamps.begin(), g.timestamps.end());
    f.values.insert(f.values.end(), g.values.begin(), g.values.end());
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 300'000;
    opt.stepMs = 10'000;
    TimeSeriesRenderer r;
    const QImage img = render(r, {&f}, {kRed}, opt);
    const QRect plot = r.plotRect().toRect();
    const int gx0 = int(r.timeToX(double(kT0 + 100'000))) + 3;
    const int gx1 = int(r.timeToX(double(kT0 + 200'000))) - 3;
    QVERIFY(gx1 - gx0 > 100);
    QCOMPARE(countColor(img, kRed, gx0, gx1, plot.top(), plot.bottom()), 0);
    QVERIFY(countColor(img, kRed, plot.left(), gx0 - 6, plot.top(), plot.bottom()) > 50);
    QVERIFY(countColor(img, kRed, gx1 + 6, plot.right(), plot.top(), plot.bottom()) > 50);

    // Without a step, the median spacing decides: the same hole is still a gap.
    opt.stepMs = 0;
    TimeSeriesRenderer r2;
    const QImage img2 = render(r2, {&f}, {kRed}, opt);
    QCOMPARE(countColor(img2, kRed, gx0, gx1, plot.top(), plot.bottom()), 0);

    // A step wider than the hole connects it.
    opt.stepMs = 100'000;
    TimeSeriesRenderer r3;
    const QImage img3 = render(r3, {&f}, {kRed}, opt);
    QVERIFY(countColor(img3, kRed, gx0, gx1, plot.top(), plot.bottom()) > 50);
}

void TestTimeSeriesRenderer::nanAndInfBreakLine()
{
    QList<double> v = wave(31, 10, 3);
    const double inf = std::numeric_limits<double>::infinity();
    for (int i = 8; i <= 12; ++i)
        v[i] = std::nan("");
    for (int i = 19; i <= 23; ++i)
        v[i] = (i % 2) ? inf : -inf;
    const Frame f = makeFrame({}, kT0, 10'000, v);
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 300'000;
    opt.stepMs = 10'000;
    TimeSeriesRenderer r;
    const QImage img = render(r, {&f}, {kRed}, opt);
    const QRect plot = r.plotRect().toRect();
    // y range comes from the finite values only
    QVERIFY(std::isfinite(r.yAxisMin()) && std::isfinite(r.yAxisMax()));
    QVERIFY(r.yAxisMax() <= 20 && r.yAxisMin() >= 0);
    const auto xAt = [&](int i) { return int(r.timeToX(double(kT0 + i * 10'000))); };
    QCOMPARE(countColor(img, kRed, xAt(7) + 3, xAt(13) - 3, plot.top(), plot.bottom()), 0);
    QCOMPARE(countColor(img, kRed, xAt(18) + 3, xAt(24) - 3, plot.top(), plot.bottom()), 0);
    QVERIFY(countColor(img, kRed, xAt(13) + 3, xAt(18) - 3, plot.top(), plot.bottom()) > 20);
}

void TestTimeSeriesRenderer::isolatedPointDrawn()
{
    // 0..50 s, one sample at 150 s, 250..300 s.
    Frame f = makeFrame({}, kT0, 10'000, wave(6, 10, 2));
    f.timestamps.push_back(kT0 + 150'000);
    f.values.push_back(11);
    const Frame g = makeFrame({}, kT0 + 250'000, 10'000, wave(6, 10, 2));
    f.timestamps.insert(f.timestamps.end(), g.timestamps.begin(), g.timestamps.end());
    f.values.insert(f.values.end(), g.values.begin(), g.values.end());
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 300'000;
    opt.stepMs = 10'000;
    TimeSeriesRenderer r;
    const QImage img = render(r, {&f}, {kRed}, opt);
    const QRect plot = r.plotRect().toRect();
    const int x = int(r.timeToX(double(kT0 + 150'000)));
    const int y = int(r.valueToY(11));
    QVERIFY(countColor(img, kRed, x - 3, x + 4, y - 3, y + 4) >= 4);
    // and it stands alone: nothing between the runs and the point
    const int a = int(r.timeToX(double(kT0 + 50'000))) + 3;
    QCOMPARE(countColor(img, kRed, a, x - 4, plot.top(), plot.bottom()), 0);
    const int b = int(r.timeToX(double(kT0 + 250'000))) - 3;
    QCOMPARE(countColor(img, kRed, x + 5, b, plot.top(), plot.bottom()), 0);
}

void TestTimeSeriesRenderer::yAxisUsesUnit()
{
    const Frame f = makeFrame({}, kT0, 10'000, {1048576, 2 * 1048576.0, 5 * 1048576.0});
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 20'000;
    opt.stepMs = 10'000;
    opt.unit = QStringLiteral("bytes");
    TimeSeriesRenderer r;
    render(r, {&f}, {kRed}, opt);
    const QStringList labels = r.yTickLabels();
    QVERIFY(labels.size() >= 3);
    for (const QString &l : labels)
        QVERIFY2(l.endsWith(QLatin1String(" MiB")), qPrintable(l));
    QVERIFY(!r.xTickLabels().isEmpty());

    opt.unit = QStringLiteral("percentunit");
    opt.yMin = 0;
    opt.yMax = 1;
    const Frame p = makeFrame({}, kT0, 10'000, {0.1, 0.5, 0.9});
    TimeSeriesRenderer r2;
    render(r2, {&p}, {kRed}, opt);
    QVERIFY(r2.yTickLabels().contains(QStringLiteral("100%")));
    QVERIFY(r2.yTickLabels().contains(QStringLiteral("0%")));
    QCOMPARE(r2.yAxisMin(), 0.0);
    QCOMPARE(r2.yAxisMax(), 1.0);

    // decimals 0 on a small range: whole-number ticks, no repeated labels
    TimeSeriesRenderOptions o3;
    o3.fromMs = kT0;
    o3.toMs = kT0 + 20'000;
    o3.unit = QStringLiteral("short");
    o3.decimals = 0;
    const Frame g = makeFrame({}, kT0, 10'000, {0, 1, 2});
    TimeSeriesRenderer r3;
    render(r3, {&g}, {kRed}, o3);
    const QStringList l3 = r3.yTickLabels();
    QCOMPARE(l3, (QStringList{"0", "1", "2"}));
}

void TestTimeSeriesRenderer::millionPointsKeepSpikes()
{
    const int n = 1'000'000;
    Frame f;
    f.timestamps.resize(n);
    f.values.resize(n);
    for (int i = 0; i < n; ++i) {
        f.timestamps[size_t(i)] = kT0 + i * 10;
        f.values[size_t(i)] = 0.1 * std::sin(i * 0.0001);
    }
    f.values[400'000] = 100;  // one-sample spike
    f.values[700'000] = -100; // one-sample dip
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + qint64(n) * 10;
    opt.stepMs = 10;
    TimeSeriesRenderer r;
    const QImage img = render(r, {&f}, {kRed}, opt, QSize(1000, 400));
    QVERIFY(r.yAxisMax() >= 100);
    QVERIFY(r.yAxisMin() <= -100);
    const int xs = int(r.timeToX(double(f.timestamps[400'000])));
    const int ys = int(r.valueToY(100));
    QVERIFY(countColor(img, kRed, xs - 2, xs + 3, ys - 2, ys + 3) > 0);
    const int xd = int(r.timeToX(double(f.timestamps[700'000])));
    const int yd = int(r.valueToY(-100));
    QVERIFY(countColor(img, kRed, xd - 2, xd + 3, yd - 3, yd + 2) > 0);
    // the baseline is a continuous line across the plot
    const QRect plot = r.plotRect().toRect();
    const int y0 = int(r.valueToY(0));
    int missing = 0;
    for (int x = plot.left() + 1; x < plot.right() - 1; ++x)
        if (countColor(img, kRed, x, x + 1, y0 - 3, y0 + 4) == 0)
            ++missing;
    QCOMPARE(missing, 0);
}

void TestTimeSeriesRenderer::extremeValuesDoNotHang()
{
    const Frame f = makeFrame({}, kT0, 10'000, {-1.7e308, 1.7e308, 0, 1e-300, 2e-300});
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 40'000;
    opt.stepMs = 10'000;
    TimeSeriesRenderer r;
    render(r, {&f}, {kRed}, opt);
    QVERIFY(r.yTickLabels().size() >= 2);
    QVERIFY(r.yTickLabels().size() <= 201);
    const Frame tiny = makeFrame({}, kT0, 10'000, {1e-300, 2e-300, 3e-300});
    TimeSeriesRenderer r2;
    render(r2, {&tiny}, {kRed}, opt);
    QVERIFY(r2.yTickLabels().size() >= 2);
    // an inconsistent frame (fewer values than timestamps) is drawn up to the shorter array
    Frame bad = makeFrame({}, kT0, 10'000, {1, 2, 3, 4});
    bad.values.resize(2);
    TimeSeriesRenderer r3;
    const QImage img = render(r3, {&bad}, {kRed}, opt);
    QVERIFY(countColor(img, kRed, 0, img.width(), 0, img.height()) > 0);
}

void TestTimeSeriesRenderer::logScale()
{
    // 1, 10, 100, 1000 on a log10 axis are evenly spaced; 0 and negatives are not drawn
    const Frame f = makeFrame({}, kT0, 10'000, {1, 10, 100, 1000, 0, -5, 1000});
    TimeSeriesRenderOptions opt;
    opt.fromMs = kT0;
    opt.toMs = kT0 + 60'000;
    opt.stepMs = 10'000;
    opt.logBase = 10;
    opt.unit = QStringLiteral("short");
    TimeSeriesRenderer r;
    const QImage img = render(r, {&f}, {kRed}, opt);
    QCOMPARE(r.yTickLabels(), (QStringList{"1", "10", "100", "1 K"}));
    QCOMPARE(r.yAxisMin(), 1.0);
    QCOMPARE(r.yAxisMax(), 1000.0);
    const double d1 = r.valueToY(1) - r.valueToY(10);
    const double d2 = r.valueToY(10) - r.valueToY(100);
    QVERIFY(d1 > 20);
    QVERIFY(std::abs(d1 - d2) < 0.01);
    const QRect plot = r.plotRect().toRect();
    const auto xAt = [&](int i) { return int(r.timeToX(double(kT0 + i * 10'000))); };
    QVERIFY(countColor(img, kRed, xAt(0), xAt(3), plot.top(), plot.bottom()) > 20);
    // no line through the non-positive samples
    QCOMPARE(countColor(img, kRed, xAt(3) + 3, xAt(6) - 3, plot.top(), plot.bottom()), 0);
}

QTEST_MAIN(TestTimeSeriesRenderer)
#include "test_timeseriesrenderer.moc"
