// Time-series render benchmarks: 1920x600 antialiased QImage, data already in frames.
// Targets: 1 series x 1M points <= 10 ms; 100 x 10k <= 35 ms; 10 x 10k <= 10 ms.
#include "panels/colors.h"
#include "panels/timeseries/timeseriesrenderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>
#include <cmath>
#include <random>

using namespace pharos;

namespace {

constexpr qint64 kFrom = 1'700'000'000'000;
constexpr qint64 kSpanMs = 6 * 3600 * 1000; // 6 h

std::vector<Frame> makeFrames(int series, int points)
{
    std::vector<Frame> frames;
    frames.resize(size_t(series));
    std::mt19937 rng(42);
    std::normal_distribution<double> noise(0.0, 1.0);
    const qint64 step = std::max<qint64>(1, kSpanMs / points);
    for (int s = 0; s < series; ++s) {
        Frame &f = frames[size_t(s)];
        f.labels = {{QStringLiteral("series"), QString::number(s)}};
        f.timestamps.resize(size_t(points));
        f.values.resize(size_t(points));
        double v = 100 + s * 10;
        for (int i = 0; i < points; ++i) {
            v += noise(rng);
            f.timestamps[size_t(i)] = kFrom + qint64(i) * step;
            f.values[size_t(i)] = v + 20 * std::sin(i * 0.001 + s);
        }
    }
    return frames;
}

void renderCase(benchmark::State &state, int series, int points)
{
    const std::vector<Frame> frames = makeFrames(series, points);
    TimeSeriesRenderer r;
    std::vector<const Frame *> ptrs;
    std::vector<SeriesStyle> styles;
    for (int s = 0; s < series; ++s) {
        ptrs.push_back(&frames[size_t(s)]);
        styles.push_back({classicPaletteColor(s), true, QString::number(s)});
    }
    r.setFrames(ptrs);
    r.setStyles(styles);
    TimeSeriesRenderOptions opt;
    opt.fromMs = kFrom;
    opt.toMs = kFrom + kSpanMs;
    opt.stepMs = kSpanMs / points;
    opt.unit = QStringLiteral("short");
    opt.fillOpacity = state.range(0);
    opt.background = Qt::transparent; // the image is cleared per frame below
    r.setOptions(opt);
    QImage img(1920, 600, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        img.fill(Qt::white); // a full frame: clear, then draw
        QPainter p(&img);
        r.render(&p, QRectF(0, 0, 1920, 600));
        p.end();
        benchmark::DoNotOptimize(img.constBits());
    }
    state.SetItemsProcessed(state.iterations() * qint64(series) * points);
}

void BM_Render_1x1M(benchmark::State &state)
{
    renderCase(state, 1, 1'000'000);
}
void BM_Render_100x10k(benchmark::State &state)
{
    renderCase(state, 100, 10'000);
}
void BM_Render_10x10k(benchmark::State &state)
{
    renderCase(state, 10, 10'000);
}

} // namespace

// Argument: fillOpacity (0 = Grafana's default, 10 = the bundled dashboard).
// CPU time is the whole process's (Qt's raster engine may paint on pool threads), so it
// is the cost of a frame whichever thread pays it.
BENCHMARK(BM_Render_1x1M)->Arg(0)->Arg(10)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_100x10k)
    ->Arg(0)
    ->Arg(10)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_10x10k)
    ->Arg(0)
    ->Arg(10)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // fonts need a GUI application
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
