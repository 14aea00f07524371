#pragma once
// A time-series panel rendered offscreen from a panel model and series values, for the tests
// that check what the renderer draws (pixels, axes, legend).

#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"
#include "panels/timeseries/timeseriesrenderer.h"
#include "tests/panels/panelfixture.h"

#include <QCoreApplication>
#include <QImage>
#include <QTest>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace pharos::testing {

/// The panel of `model` shown at `size` with one query "A" (legend "{{s}}") returning one series
/// per entry of `series`, labelled s=<name>, with samples 10 s apart from kT0.
struct RenderedTimeSeries
{
    std::unique_ptr<PanelWidget> widget;
    TimeSeriesPanel *panel = nullptr;
    QImage img;
    QRect plot;
    const TimeSeriesRenderer *r = nullptr;

    bool make(const PanelModel &model, const std::vector<std::pair<QString, QList<double>>> &series,
              QSize size = QSize(800, 400))
    {
        widget.reset(PanelWidget::create(model));
        panel = qobject_cast<TimeSeriesPanel *>(widget.get());
        if (!panel)
            return false;
        panel->resize(size);
        panel->show();
        if (!QTest::qWaitForWindowExposed(panel))
            return false;
        std::vector<Frame> frames;
        int n = 0;
        for (const auto &[name, values] : series) {
            frames.push_back(makeFrame({{"s", name}}, kT0, 10'000, values));
            n = std::max(n, int(values.size()));
        }
        std::vector<TargetResult> t;
        t.push_back(makeTarget("A", std::move(frames), "{{s}}"));
        panel->setData(makeData(std::move(t), kT0, kT0 + (n - 1) * 10'000, 10'000));
        QCoreApplication::processEvents();
        img = panel->plotImage().convertToFormat(QImage::Format_ARGB32);
        plot = panel->plotRect().toRect();
        r = &panel->renderer();
        return true;
    }
    bool make(const QByteArray &json, const std::vector<std::pair<QString, QList<double>>> &series,
              QSize size = QSize(800, 400))
    {
        return make(makeModel(json), series, size);
    }

    /// Plot coordinates of sample `sample` and of value `v` on `axis`, and a pixel.
    int x(int sample) const { return int(r->timeToX(double(kT0 + sample * 10'000))); }
    int y(double v, int axis = 0) const { return int(std::lround(r->valueToY(v, axis))); }
    QColor at(int px, int py) const { return img.pixelColor(px, py); }
    /// Pixels of colour `c` in the plot.
    int count(const QColor &c) const
    {
        return countColor(img, c, plot.left(), plot.right(), plot.top(), plot.bottom());
    }
};

} // namespace pharos::testing
