// TimeSeriesRenderer: the y axes (range from the data, soft and hard limits, log scales) and
// their ticks.
#include "panels/timeseries/timeseriesrenderer.h"

#include "dashboards/fields/units.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pharos {

namespace {

double niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1;
    const double mag = std::pow(10.0, std::floor(std::log10(rough)));
    const double f = rough / mag;
    double nice;
    if (f <= 1)
        nice = 1;
    else if (f <= 2)
        nice = 2;
    else if (f <= 2.5)
        nice = 2.5;
    else if (f <= 5)
        nice = 5;
    else
        nice = 10;
    return nice * mag;
}

// The smallest and largest finite values in v[i0, i1) (positive only on a log axis); +inf,
// -inf when there are none. A function of its own so the running bounds stay in registers.
std::pair<double, double> finiteRange(const double *v, size_t i0, size_t i1, bool positiveOnly)
{
    double l = std::numeric_limits<double>::infinity();
    double h = -l;
    if (positiveOnly) {
        for (size_t i = i0; i < i1; ++i) {
            const double x = v[i];
            if (std::isfinite(x) && x > 0) {
                l = x < l ? x : l;
                h = x > h ? x : h;
            }
        }
    } else {
        for (size_t i = i0; i < i1; ++i) {
            const double x = v[i];
            if (std::isfinite(x)) {
                l = x < l ? x : l;
                h = x > h ? x : h;
            }
        }
    }
    return {l, h};
}

} // namespace

double TimeSeriesRenderer::Axis::toAxis(double v) const
{
    if (!isLog())
        return v;
    return v > 0 ? std::log(v) / std::log(double(opt.logBase))
                 : -std::numeric_limits<double>::infinity();
}

double TimeSeriesRenderer::Axis::fromAxis(double a) const
{
    return isLog() ? std::pow(double(opt.logBase), a) : a;
}

void TimeSeriesRenderer::computeYRange(Axis &ax, int index)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    const bool log = ax.isLog();
    for (size_t s = 0; s < m_frames.size(); ++s) {
        if (s < m_styles.size() && !m_styles[s].visible)
            continue;
        if (!m_frames[s] || seriesAxis(s) != index)
            continue;
        const Frame &f = *drawnFrame(s);
        const auto &ts = f.timestamps;
        const size_t i0 = size_t(std::lower_bound(ts.begin(), ts.end(), m_opt.fromMs) - ts.begin());
        const size_t i1 =
            std::min(f.values.size(),
                     size_t(std::upper_bound(ts.begin(), ts.end(), m_opt.toMs) - ts.begin()));
        const auto [l, h] = finiteRange(f.values.data(), i0, i1, log);
        lo = std::min(lo, l);
        hi = std::max(hi, h);
    }
    const AxisOptions &o = ax.opt;
    std::optional<double> yMin = o.min, yMax = o.max;
    if (ax.percent) { // percent stacking: 0..100 % unless set
        if (!yMin)
            yMin = 0;
        if (!yMax)
            yMax = 1;
    }
    if (lo <= hi) {
        if (o.softMin && *o.softMin < lo && (!log || *o.softMin > 0))
            lo = *o.softMin;
        if (o.softMax && *o.softMax > hi)
            hi = *o.softMax;
    } else if (o.softMin && o.softMax && *o.softMin < *o.softMax) {
        lo = *o.softMin;
        hi = *o.softMax;
    }
    if (log) {
        if (!(lo <= hi)) {
            lo = 1;
            hi = double(o.logBase);
        }
        lo = ax.toAxis(yMin && *yMin > 0 ? *yMin : lo);
        hi = ax.toAxis(yMax && *yMax > 0 ? *yMax : hi);
        if (hi < lo)
            std::swap(lo, hi);
        ax.min = std::floor(lo);
        ax.max = std::max(std::ceil(hi), ax.min + 1);
        return;
    }
    if (!(lo <= hi)) { // no data
        lo = 0;
        hi = 1;
    }
    // keep hi - lo finite
    lo = std::max(lo, -1e300);
    hi = std::min(hi, 1e300);
    if (yMin)
        lo = *yMin;
    if (yMax)
        hi = *yMax;
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        if (!yMin)
            lo -= pad;
        if (!yMax)
            hi += pad;
        if (hi == lo)
            hi = lo + 1;
    }
    ax.min = lo;
    ax.max = hi;
}

void TimeSeriesRenderer::computeTicks(Axis &ax, double plotHeightGuess)
{
    ax.ticks.clear();
    ax.labels.clear();
    const AxisOptions &o = ax.opt;
    if (ax.isLog()) {
        // one tick per power of the base (every n-th when there are many)
        const int count = int(ax.max - ax.min);
        const int every = std::max(1, count / 10);
        for (int k = 0; k <= count; k += every) {
            ax.ticks.push_back(ax.min + k);
            ax.labels << formatValueText(ax.fromAxis(ax.min + k), o.unit);
        }
        return;
    }
    const bool fixedMin = o.min || ax.percent;
    const bool fixedMax = o.max || ax.percent;
    // Y ticks: ~one per 40 px; extend automatic bounds to whole ticks.
    const int targetTicks = std::max(2, int(plotHeightGuess / 40));
    // Nice steps in display units: 128 MiB steps for bytes, not 100000000.
    const double factor = unitDisplayFactor(o.unit, std::max(std::abs(ax.min), std::abs(ax.max)));
    double displayStep = niceStep((ax.max - ax.min) / factor / targetTicks);
    if (o.decimals) // no tick finer than the configured decimals can show
        displayStep = std::max(displayStep, std::pow(10.0, -std::clamp(*o.decimals, 0, 15)));
    double step = displayStep * factor;
    if (!fixedMin)
        ax.min = std::floor(ax.min / step + 1e-9) * step;
    if (!fixedMax)
        ax.max = std::ceil(ax.max / step - 1e-9) * step;
    if (ax.max <= ax.min)
        ax.max = ax.min + step;
    if (!std::isfinite(step) || step <= 0 || (ax.max - ax.min) / step > 200) {
        step = (ax.max - ax.min) / 4; // degenerate (huge or tiny) ranges: just a few ticks
        if (!std::isfinite(step) || step <= 0)
            step = std::abs(ax.max) > 0 ? std::abs(ax.max) / 4 : 1;
    }
    const double firstTick = std::ceil(ax.min / step - 1e-9) * step;
    for (int k = 0; k <= 200; ++k) {
        const double t = firstTick + k * step;
        if (!(t <= ax.max + step * 1e-9))
            break;
        ax.ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    }
    ax.labels = formatAxisTicks(ax.ticks, step, o.unit, o.decimals);
}

} // namespace pharos
