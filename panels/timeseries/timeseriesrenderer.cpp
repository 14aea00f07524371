#include "panels/timeseries/timeseriesrenderer.h"

#include "dashboards/fields/units.h"
#include "panels/colors.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPaintEngine>
#include <QPainter>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
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

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

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

// Adds the finite values `vs` (timestamps `ts`) into the running sums (T, V): the union of
// both timelines, summed where the timestamps are equal.
void mergeAdd(std::vector<qint64> &T, std::vector<double> &V, const std::vector<qint64> &ts,
              const std::vector<double> &vs, std::vector<qint64> &tmpT, std::vector<double> &tmpV)
{
    tmpT.clear();
    tmpV.clear();
    tmpT.reserve(T.size() + ts.size());
    tmpV.reserve(T.size() + ts.size());
    size_t a = 0, b = 0;
    const size_t nb = std::min(ts.size(), vs.size());
    while (a < T.size() || b < nb) {
        if (b >= nb || (a < T.size() && T[a] < ts[b])) {
            tmpT.push_back(T[a]);
            tmpV.push_back(V[a]);
            ++a;
        } else {
            const double add = std::isfinite(vs[b]) ? vs[b] : 0.0;
            if (a < T.size() && T[a] == ts[b]) {
                tmpT.push_back(T[a]);
                tmpV.push_back(V[a] + add);
                ++a;
            } else {
                tmpT.push_back(ts[b]);
                tmpV.push_back(add);
            }
            ++b;
        }
    }
    T.swap(tmpT);
    V.swap(tmpV);
}

// Monotone cubic (Fritsch-Carlson) through `pts` (x increasing), sampled every few px.
void smoothRun(std::vector<QPointF> &pts, std::vector<QPointF> &out)
{
    const size_t n = pts.size();
    if (n < 3)
        return;
    std::vector<double> m(n, 0.0), d(n - 1, 0.0);
    for (size_t i = 0; i + 1 < n; ++i) {
        const double dx = pts[i + 1].x() - pts[i].x();
        d[i] = dx > 0 ? (pts[i + 1].y() - pts[i].y()) / dx : 0.0;
    }
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for (size_t i = 1; i + 1 < n; ++i)
        m[i] = (d[i - 1] * d[i] <= 0) ? 0.0 : (d[i - 1] + d[i]) / 2;
    for (size_t i = 0; i + 1 < n; ++i) {
        if (d[i] == 0) {
            m[i] = m[i + 1] = 0;
            continue;
        }
        const double a = m[i] / d[i], b = m[i + 1] / d[i];
        const double h = a * a + b * b;
        if (h > 9) {
            const double t = 3 / std::sqrt(h);
            m[i] = t * a * d[i];
            m[i + 1] = t * b * d[i];
        }
    }
    out.clear();
    out.reserve(n * 4);
    out.push_back(pts[0]);
    for (size_t i = 0; i + 1 < n; ++i) {
        const double x0 = pts[i].x(), y0 = pts[i].y();
        const double dx = pts[i + 1].x() - x0;
        const int k = std::clamp(int(dx / 3), 1, 24);
        for (int j = 1; j <= k; ++j) {
            const double t = double(j) / k;
            const double t2 = t * t, t3 = t2 * t;
            const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t;
            const double h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
            out.emplace_back(x0 + t * dx, h00 * y0 + h10 * dx * m[i] + h01 * pts[i + 1].y() +
                                              h11 * dx * m[i + 1]);
        }
    }
    pts.swap(out);
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

void TimeSeriesRenderer::setFrames(std::vector<const Frame *> frames)
{
    m_frames = std::move(frames);
    m_derivedDirty = true;
}

void TimeSeriesRenderer::setStyles(std::vector<SeriesStyle> styles)
{
    m_styles = std::move(styles);
    m_derivedDirty = true;
}

void TimeSeriesRenderer::setOptions(const TimeSeriesRenderOptions &options)
{
    m_opt = options;
}

double TimeSeriesRenderer::timeToX(double ms) const
{
    return m_plot.left() + (ms - double(m_opt.fromMs)) * m_pxPerMs;
}

double TimeSeriesRenderer::xToTime(double x) const
{
    return m_pxPerMs > 0 ? double(m_opt.fromMs) + (x - m_plot.left()) / m_pxPerMs
                         : double(m_opt.fromMs);
}

double TimeSeriesRenderer::yAxisMin(int axis) const
{
    const Axis &a = m_axes[std::clamp(axis, 0, 1)];
    return a.fromAxis(a.min);
}

double TimeSeriesRenderer::yAxisMax(int axis) const
{
    const Axis &a = m_axes[std::clamp(axis, 0, 1)];
    return a.fromAxis(a.max);
}

double TimeSeriesRenderer::valueToY(double v, int axis) const
{
    const Axis &a = m_axes[std::clamp(axis, 0, 1)];
    return m_plot.bottom() - (a.toAxis(v) - a.min) * a.scale;
}

double TimeSeriesRenderer::yToValue(double y, int axis) const
{
    const Axis &a = m_axes[std::clamp(axis, 0, 1)];
    return a.fromAxis(a.scale > 0 ? a.min + (m_plot.bottom() - y) / a.scale : a.min);
}

bool TimeSeriesRenderer::axisShown(int axis) const
{
    return m_axes[std::clamp(axis, 0, 1)].shown;
}

const QStringList &TimeSeriesRenderer::yTickLabels(int axis) const
{
    return m_axes[std::clamp(axis, 0, 1)].labels;
}

const Frame *TimeSeriesRenderer::drawnFrame(size_t index) const
{
    if (index < m_derived.size() && m_derived[index].active)
        return &m_derived[index].top;
    return index < m_frames.size() ? m_frames[index] : nullptr;
}

int TimeSeriesRenderer::seriesAxis(size_t index) const
{
    return index < m_styles.size() ? std::clamp(m_styles[index].axis, 0, 1) : 0;
}

qsizetype TimeSeriesRenderer::nearestIndex(const Frame &frame, qint64 ms, qint64 maxDistanceMs)
{
    const auto &ts = frame.timestamps;
    if (ts.empty())
        return -1;
    auto it = std::lower_bound(ts.begin(), ts.end(), ms);
    qsizetype best = -1;
    qint64 bestDist = std::numeric_limits<qint64>::max();
    if (it != ts.end()) {
        best = it - ts.begin();
        bestDist = *it - ms;
    }
    if (it != ts.begin()) {
        const qint64 d = ms - *(it - 1);
        if (d <= bestDist) {
            best = (it - 1) - ts.begin();
            bestDist = d;
        }
    }
    return bestDist <= maxDistanceMs ? best : -1;
}

qint64 TimeSeriesRenderer::gapThresholdMs(const Frame &f) const
{
    if (m_opt.stepMs > 0)
        return m_opt.stepMs + m_opt.stepMs / 2;
    const size_t n = f.timestamps.size();
    if (n < 2)
        return std::numeric_limits<qint64>::max();
    // median of (up to) the first 1001 spacings
    std::vector<qint64> d;
    const size_t m = std::min<size_t>(n - 1, 1001);
    d.reserve(m);
    const size_t stride = std::max<size_t>(1, (n - 1) / m);
    for (size_t i = 0; i + 1 < n && d.size() < m; i += stride)
        d.push_back(f.timestamps[i + 1] - f.timestamps[i]);
    std::nth_element(d.begin(), d.begin() + qsizetype(d.size() / 2), d.end());
    const qint64 med = std::max<qint64>(1, d[d.size() / 2]);
    return med + med / 2;
}

void TimeSeriesRenderer::prepareDerived()
{
    m_derivedDirty = false;
    const size_t n = m_frames.size();
    m_derived.resize(n);
    for (Derived &d : m_derived)
        d.active = false;
    const auto styleOf = [this](size_t s) -> const SeriesStyle * {
        return s < m_styles.size() ? &m_styles[s] : nullptr;
    };
    // Negated series outside stacks.
    for (size_t s = 0; s < n; ++s) {
        const SeriesStyle *st = styleOf(s);
        if (!st || !m_frames[s] || !st->negativeY || (st->stackGroup >= 0 && st->visible))
            continue;
        Derived &d = m_derived[s];
        d.top.labels = m_frames[s]->labels;
        d.top.timestamps = m_frames[s]->timestamps;
        d.top.values.resize(m_frames[s]->values.size());
        std::transform(m_frames[s]->values.begin(), m_frames[s]->values.end(), d.top.values.begin(),
                       [](double v) { return -v; });
        d.base.clear();
        d.active = true;
    }
    // Stacks: visible members of each group in series order.
    std::vector<int> groups;
    for (size_t s = 0; s < n; ++s) {
        const SeriesStyle *st = styleOf(s);
        if (st && m_frames[s] && st->visible && st->stackGroup >= 0 &&
            std::find(groups.begin(), groups.end(), st->stackGroup) == groups.end())
            groups.push_back(st->stackGroup);
    }
    std::vector<qint64> accT, totT, tmpT;
    std::vector<double> accV, totV, tmpV, vals;
    for (int g : groups) {
        std::vector<size_t> members;
        bool percent = false;
        for (size_t s = 0; s < n; ++s) {
            const SeriesStyle *st = styleOf(s);
            if (st && m_frames[s] && st->visible && st->stackGroup == g) {
                members.push_back(s);
                percent = percent || st->stackPercent;
            }
        }
        const auto signedValues = [&](size_t s) {
            const Frame &f = *m_frames[s];
            vals.assign(f.values.begin(), f.values.end());
            if (styleOf(s)->negativeY)
                for (double &v : vals)
                    v = -v;
        };
        totT.clear();
        totV.clear();
        if (percent) {
            for (size_t s : members) {
                signedValues(s);
                mergeAdd(totT, totV, m_frames[s]->timestamps, vals, tmpT, tmpV);
            }
        }
        accT.clear();
        accV.clear();
        for (size_t s : members) {
            const Frame &f = *m_frames[s];
            signedValues(s);
            Derived &d = m_derived[s];
            d.active = true;
            d.top.labels = f.labels;
            d.top.timestamps = f.timestamps;
            const size_t m = std::min(f.timestamps.size(), vals.size());
            d.top.timestamps.resize(m);
            d.top.values.resize(m);
            d.base.resize(m);
            size_t j = 0, k = 0;
            for (size_t i = 0; i < m; ++i) {
                const qint64 t = f.timestamps[i];
                while (j < accT.size() && accT[j] < t)
                    ++j;
                const double below = (j < accT.size() && accT[j] == t) ? accV[j] : 0.0;
                double v = vals[i];
                if (percent) {
                    while (k < totT.size() && totT[k] < t)
                        ++k;
                    const double total = (k < totT.size() && totT[k] == t) ? totV[k] : 0.0;
                    v = total != 0 ? v / total : (std::isfinite(v) ? 0.0 : v);
                    vals[i] = v;
                }
                d.base[i] = below;
                d.top.values[i] = std::isfinite(v) ? below + v : v;
            }
            mergeAdd(accT, accV, f.timestamps, vals, tmpT, tmpV);
        }
    }
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

void TimeSeriesRenderer::render(QPainter *p, const QRectF &rect)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, m_opt.antialias);
    p->setFont(m_opt.font);
    if (m_opt.background.alpha() > 0)
        p->fillRect(rect, m_opt.background);
    if (m_derivedDirty)
        prepareDerived();

    // The axes and which series use them.
    Axis &left = m_axes[0];
    Axis &right = m_axes[1];
    left.opt = {m_opt.unit,     m_opt.yMin,    m_opt.yMax,      m_opt.softMin,        m_opt.softMax,
                m_opt.decimals, m_opt.logBase, m_opt.axisLabel, m_opt.leftAxisVisible};
    right.opt = m_opt.rightAxis;
    bool anyLeft = false, anyRight = false;
    left.percent = right.percent = false;
    for (size_t s = 0; s < m_frames.size(); ++s) {
        const bool visible = s >= m_styles.size() || m_styles[s].visible;
        const bool percent =
            s < m_styles.size() && m_styles[s].stackPercent && m_styles[s].stackGroup >= 0;
        Axis &a = m_axes[seriesAxis(s)];
        (seriesAxis(s) == 0 ? anyLeft : anyRight) = true;
        if (visible && percent)
            a.percent = true;
    }
    left.used = anyLeft || !anyRight;
    right.used = anyRight;
    if (left.percent)
        left.opt.unit = QStringLiteral("percentunit");
    if (right.percent)
        right.opt.unit = QStringLiteral("percentunit");

    const QFontMetricsF fm(m_opt.font);
    const double bottomH = m_opt.drawAxes ? std::ceil(fm.height()) + 6 : 0;
    const double top = m_opt.drawAxes ? std::ceil(fm.height() / 2) : 0;
    const double plotHeightGuess = rect.height() - bottomH - top;
    for (int i = 0; i < 2; ++i) {
        Axis &a = m_axes[i];
        a.shown = m_opt.drawAxes && a.used && a.opt.visible;
        a.width = 0;
        if (!a.used) {
            a.ticks.clear();
            a.labels.clear();
            continue;
        }
        computeYRange(a, i);
        computeTicks(a, plotHeightGuess);
        if (a.shown) {
            double w = 0;
            for (const QString &l : std::as_const(a.labels))
                w = std::max(w, fm.horizontalAdvance(l));
            a.width = std::ceil(w) + 8 + (a.opt.label.isEmpty() ? 0 : std::ceil(fm.height()) + 2);
        }
    }
    const double leftW = left.width;
    const double rightW = right.shown ? right.width : 4;
    m_plot =
        QRectF(rect.left() + leftW, rect.top() + top, std::max(1.0, rect.width() - leftW - rightW),
               std::max(1.0, rect.height() - bottomH - top));
    const qint64 span = std::max<qint64>(1, m_opt.toMs - m_opt.fromMs);
    m_pxPerMs = m_plot.width() / double(span);
    for (Axis &a : m_axes)
        a.scale = a.used ? m_plot.height() / (a.max - a.min) : 0;

    // Grid and axes.
    m_xLabels.clear();
    std::vector<QLineF> grid;
    if (m_opt.drawAxes) {
        // Horizontal grid lines from the left axis, else the right one.
        const Axis *gridAxis = left.shown ? &left : right.shown ? &right : nullptr;
        if (gridAxis) {
            for (double t : gridAxis->ticks) {
                const double y =
                    std::round(m_plot.bottom() - (t - gridAxis->min) * gridAxis->scale) + 0.5;
                grid.emplace_back(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
            }
        }
        // X ticks: the smallest "nice" step leaving ~100 px per label.
        static const qint64 steps[] = {
            kSecond,  2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond,
            kMinute,  2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
            kHour,    2 * kHour,   3 * kHour,   6 * kHour,    12 * kHour,   kDay,
            2 * kDay, 7 * kDay,    30 * kDay,   365 * kDay};
        const double minPx = std::max(60.0, fm.horizontalAdvance(QStringLiteral("00:00:00")) + 20);
        qint64 xStep = steps[std::size(steps) - 1];
        for (qint64 s : steps) {
            if (double(s) * m_pxPerMs >= minPx) {
                xStep = s;
                break;
            }
        }
        const qint64 offsetMs =
            qint64(QDateTime::fromMSecsSinceEpoch(m_opt.fromMs, m_opt.timeZone).offsetFromUtc()) *
            1000;
        QString fmt;
        if (xStep >= kDay)
            fmt = QStringLiteral("MM/dd");
        else if (span > kDay)
            fmt = QStringLiteral("MM/dd HH:mm");
        else if (xStep < kMinute)
            fmt = QStringLiteral("HH:mm:ss");
        else
            fmt = QStringLiteral("HH:mm");
        qint64 t = ((m_opt.fromMs + offsetMs + xStep - 1) / xStep) * xStep - offsetMs;
        std::vector<std::pair<double, QString>> labels;
        for (int guard = 0; t <= m_opt.toMs && guard < 1000; t += xStep, ++guard) {
            const double x = std::round(timeToX(double(t))) + 0.5;
            grid.emplace_back(QPointF(x, m_plot.top()), QPointF(x, m_plot.bottom()));
            labels.emplace_back(x, QDateTime::fromMSecsSinceEpoch(t, m_opt.timeZone).toString(fmt));
        }
        p->setPen(m_opt.textColor);
        for (const auto &[x, text] : labels) {
            const double w = fm.horizontalAdvance(text);
            double lx = std::clamp(x - w / 2, rect.left(), rect.right() - w);
            p->drawText(QPointF(lx, m_plot.bottom() + 3 + fm.ascent()), text);
            m_xLabels << text;
        }
        for (int i = 0; i < 2; ++i) {
            const Axis &a = m_axes[i];
            if (!a.shown)
                continue;
            for (size_t k = 0; k < a.ticks.size(); ++k) {
                const double y = m_plot.bottom() - (a.ticks[k] - a.min) * a.scale;
                const QString &text = a.labels[qsizetype(k)];
                const double x =
                    i == 0 ? m_plot.left() - 6 - fm.horizontalAdvance(text) : m_plot.right() + 6;
                p->drawText(QPointF(x, y + fm.ascent() / 2 - 1), text);
            }
            if (!a.opt.label.isEmpty()) {
                // Rotated, centred on the plot's height at the outer edge.
                const QString text = fm.elidedText(a.opt.label, Qt::ElideRight, m_plot.height());
                const double w = fm.horizontalAdvance(text);
                p->save();
                if (i == 0) {
                    p->translate(rect.left() + fm.ascent(), m_plot.center().y() + w / 2);
                    p->rotate(-90);
                } else {
                    p->translate(rect.right() - fm.ascent(), m_plot.center().y() - w / 2);
                    p->rotate(90);
                }
                p->drawText(QPointF(0, 0), text);
                p->restore();
            }
        }
    }

    // Grid lines (labels lie outside the plot, so drawing them after the labels is the
    // same picture), then thresholds and the series.
    const auto drawAll = [this, p, &grid] {
        if (!grid.empty()) {
            p->setPen(QPen(m_opt.gridColor, 0));
            p->drawLines(grid.data(), int(grid.size()));
        }
        p->setClipRect(m_plot.adjusted(-1, -1, 1, 1));
        drawThresholds(p);
        for (size_t s = 0; s < m_frames.size(); ++s) {
            const bool styled = s < m_styles.size();
            if ((styled && !m_styles[s].visible) || !m_frames[s])
                continue;
            QColor color = styled ? m_styles[s].color : QColor();
            if (!color.isValid())
                color = classicPaletteColor(int(s));
            drawSeries(p, s, color);
        }
    };
    // Qt's raster engine hands every batch of more than ~96 spans to the global thread pool
    // and waits for it, unless the painting thread is one of the pool's own: for thousands of
    // short antialiased segments that is thousands of thread hand-overs per frame. Painting
    // the lines of a QImage on a pool thread (while this one waits) makes it one.
    QThreadPool *pool = QThreadPool::globalInstance();
    if (p->device() && p->device()->devType() == QInternal::Image && p->paintEngine() &&
        p->paintEngine()->type() == QPaintEngine::Raster &&
        !pool->contains(QThread::currentThread())) {
        QSemaphore done;
        if (pool->tryStart([&drawAll, &done] {
                drawAll();
                done.release();
            })) {
            done.acquire();
        } else {
            drawAll(); // the pool is busy: draw here
        }
    } else {
        drawAll();
    }
    p->restore();
}

void TimeSeriesRenderer::drawThresholds(QPainter *p)
{
    const ThresholdsStyle style = m_opt.thresholdsStyle;
    if (style == ThresholdsStyle::Off || m_opt.thresholds.empty())
        return;
    const Axis &a = m_axes[0].used ? m_axes[0] : m_axes[1];
    const double vMin = a.fromAxis(a.min), vMax = a.fromAxis(a.max);
    const int axisIndex = &a == &m_axes[0] ? 0 : 1;
    const auto yOf = [&](const ThresholdLevel &l) {
        if (!l.value)
            return m_plot.bottom();
        double v = *l.value;
        if (m_opt.thresholdsPercent)
            v = vMin + (vMax - vMin) * v / 100.0;
        return std::clamp(valueToY(v, axisIndex), m_plot.top(), m_plot.bottom());
    };
    const bool area = style == ThresholdsStyle::Area || style == ThresholdsStyle::LineAndArea ||
                      style == ThresholdsStyle::DashedAndArea;
    const bool line = style != ThresholdsStyle::Area;
    const bool dashed = style == ThresholdsStyle::Dashed || style == ThresholdsStyle::DashedAndArea;
    const auto &levels = m_opt.thresholds;
    if (area) {
        const bool aa = p->testRenderHint(QPainter::Antialiasing);
        p->setRenderHint(QPainter::Antialiasing, false);
        for (size_t i = 0; i < levels.size(); ++i) {
            const double y0 = yOf(levels[i]);
            const double y1 = i + 1 < levels.size() ? yOf(levels[i + 1]) : m_plot.top();
            if (y0 <= y1)
                continue;
            QColor c = levels[i].color;
            c.setAlphaF(0.15f);
            p->fillRect(QRectF(m_plot.left(), y1, m_plot.width(), y0 - y1), c);
        }
        p->setRenderHint(QPainter::Antialiasing, aa);
    }
    if (line) {
        for (const ThresholdLevel &l : levels) {
            if (!l.value)
                continue;
            const double y = std::round(yOf(l)) + 0.5;
            QPen pen(l.color, 1);
            if (dashed)
                pen.setDashPattern({10, 10});
            p->setPen(pen);
            p->drawLine(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
        }
    }
}

void TimeSeriesRenderer::flushRun(QPainter *p, const QColor &color)
{
    if (m_run.empty()) {
        m_baseRun.clear();
        return;
    }
    if (m_run.size() == 1) {
        if (m_drawLine || m_drawFill) {
            const double r = m_dotRadius;
            p->setPen(Qt::NoPen);
            p->setBrush(color);
            p->drawEllipse(m_run.front(), r, r);
            p->setBrush(Qt::NoBrush);
        }
    } else {
        if (m_smooth) {
            smoothRun(m_run, m_fill);
            if (m_baseRun.size() >= 3)
                smoothRun(m_baseRun, m_fill);
        }
        if (m_drawFill) {
            // Dense runs: one vertex per pixel column. Not antialiased: the line covers the edge.
            m_fill.clear();
            m_fill.reserve(m_run.size() + m_baseRun.size() + 2);
            for (const QPointF &pt : m_run) {
                if (!m_dense || m_fill.empty() || m_fill.back().x() != pt.x())
                    m_fill.push_back(pt);
            }
            if (!m_baseRun.empty()) { // a band down to the series below
                m_fill.insert(m_fill.end(), m_baseRun.rbegin(), m_baseRun.rend());
            } else {
                m_fill.push_back(QPointF(m_run.back().x(), m_baseY));
                m_fill.push_back(QPointF(m_run.front().x(), m_baseY));
            }
            const bool aa = p->testRenderHint(QPainter::Antialiasing);
            p->setRenderHint(QPainter::Antialiasing, false);
            p->setPen(Qt::NoPen);
            if (m_gradient) {
                QLinearGradient g(0, m_plot.top(), 0, m_plot.bottom());
                QColor c0 = m_fillColor;
                c0.setAlphaF(0);
                g.setColorAt(0, m_fillColor);
                g.setColorAt(1, c0);
                p->setBrush(g);
            } else {
                p->setBrush(m_fillColor);
            }
            p->drawPolygon(m_fill.data(), int(m_fill.size()));
            p->setBrush(Qt::NoBrush);
            p->setRenderHint(QPainter::Antialiasing, aa);
        }
        if (m_drawLine) {
            p->setPen(m_pen); // no-op when already set
            p->drawPolyline(m_run.data(), int(m_run.size()));
        }
    }
    m_run.clear();
    m_baseRun.clear();
}

void TimeSeriesRenderer::drawPoints(QPainter *p, const Frame &f, const SeriesStyle &st,
                                    const QColor &color, double radius)
{
    const qsizetype n = qsizetype(std::min(f.timestamps.size(), f.values.size()));
    const qint64 *ts = f.timestamps.data();
    const double *vs = f.values.data();
    const qsizetype i0 = std::lower_bound(ts, ts + n, m_opt.fromMs) - ts;
    const qsizetype i1 = std::upper_bound(ts, ts + n, m_opt.toMs) - ts;
    const Axis &a = *m_cur;
    std::vector<QPointF> pts;
    double lastX = -1e300;
    for (qsizetype i = i0; i < i1; ++i) {
        const double v = vs[i];
        if (!std::isfinite(v) || (a.isLog() && v <= 0))
            continue;
        const double x = timeToX(double(ts[i]));
        const double y = m_plot.bottom() - (a.toAxis(v) - a.min) * a.scale;
        if (x - lastX < 1 && !pts.empty() && std::abs(pts.back().y() - y) < 1)
            continue; // dense: one point per pixel
        pts.emplace_back(x, y);
        lastX = x;
    }
    Q_UNUSED(st);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    for (const QPointF &pt : pts)
        p->drawEllipse(pt, radius, radius);
    p->setBrush(Qt::NoBrush);
}

void TimeSeriesRenderer::drawBars(QPainter *p, const Frame &f, const double *base,
                                  const SeriesStyle &st, const QColor &color)
{
    const qsizetype n = qsizetype(std::min(f.timestamps.size(), f.values.size()));
    if (n == 0)
        return;
    const qint64 *ts = f.timestamps.data();
    const double *vs = f.values.data();
    const qsizetype i0 = std::lower_bound(ts, ts + n, m_opt.fromMs) - ts;
    const qsizetype i1 = std::upper_bound(ts, ts + n, m_opt.toMs) - ts;
    const Axis &a = *m_cur;
    const double stepMs = double(gapThresholdMs(f)) / 1.5;
    const double stepPx = std::isfinite(stepMs) && stepMs < 1e15 ? stepMs * m_pxPerMs : 10;
    const double lineWidth = st.lineWidth >= 0 ? st.lineWidth : m_opt.lineWidth;
    const double opacity = (st.fillOpacity >= 0 ? st.fillOpacity : m_opt.fillOpacity) / 100.0;
    const auto yOf = [&](double v) {
        return std::clamp(m_plot.bottom() - (a.toAxis(v) - a.min) * a.scale, m_plot.top() - 10000,
                          m_plot.bottom() + 10000);
    };
    QColor fill = color;
    fill.setAlphaF(float(opacity > 0 || lineWidth <= 0 ? std::clamp(opacity, 0.0, 1.0) : 0.0));
    if (opacity <= 0 && lineWidth <= 0)
        fill.setAlphaF(1);
    const bool aa = p->testRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::Antialiasing, false);
    if (stepPx < 3) {
        // Dense: one 1 px column per pixel from the base to the column's extreme.
        std::vector<QLineF> cols;
        double lastX = -1e300;
        for (qsizetype i = i0; i < i1; ++i) {
            const double v = vs[i];
            if (!std::isfinite(v))
                continue;
            const double x = std::floor(timeToX(double(ts[i]))) + 0.5;
            const double y0 = base ? yOf(base[i]) : m_baseY;
            const double y = yOf(v);
            if (x == lastX && !cols.empty()) {
                QLineF &l = cols.back();
                if (std::abs(y - y0) > std::abs(l.y2() - l.y1()))
                    l = QLineF(x, y0, x, y);
                continue;
            }
            cols.emplace_back(x, y0, x, y);
            lastX = x;
        }
        QColor c = color;
        c.setAlphaF(float(std::max(opacity, 0.5)));
        p->setPen(QPen(c, 1));
        p->drawLines(cols.data(), int(cols.size()));
    } else {
        const double w = std::max(1.0, stepPx * std::clamp(st.barWidthFactor, 0.05, 1.0));
        const double shift = st.barWidthFactor > 0 ? -w / 2 : 0;
        std::vector<QRectF> rects;
        for (qsizetype i = i0; i < i1; ++i) {
            const double v = vs[i];
            if (!std::isfinite(v) || (a.isLog() && v <= 0))
                continue;
            const double x = timeToX(double(ts[i])) + shift;
            const double y0 = base ? yOf(base[i]) : m_baseY;
            const double y = yOf(v);
            rects.emplace_back(std::round(x), std::round(std::min(y, y0)), std::round(w),
                               std::round(std::abs(y0 - y)));
        }
        p->setBrush(fill);
        if (lineWidth > 0)
            p->setPen(QPen(color, lineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        else
            p->setPen(Qt::NoPen);
        p->drawRects(rects.data(), int(rects.size()));
        p->setBrush(Qt::NoBrush);
    }
    p->setRenderHint(QPainter::Antialiasing, aa);
}

void TimeSeriesRenderer::drawSeries(QPainter *p, size_t index, const QColor &color)
{
    static const SeriesStyle kDefaultStyle;
    const SeriesStyle &st = index < m_styles.size() ? m_styles[index] : kDefaultStyle;
    const Derived *derived =
        index < m_derived.size() && m_derived[index].active ? &m_derived[index] : nullptr;
    const Frame &f = derived ? derived->top : *m_frames[index];
    const double *baseValues = derived && !derived->base.empty() ? derived->base.data() : nullptr;
    m_cur = &m_axes[seriesAxis(index)];
    const Axis &ax = *m_cur;
    m_baseY = ax.isLog() ? m_plot.bottom()
                         : valueToY(std::clamp(0.0, ax.fromAxis(ax.min), ax.fromAxis(ax.max)),
                                    seriesAxis(index));
    if (st.drawStyle == DrawStyle::Bars) {
        drawBars(p, f, baseValues, st, color);
        return;
    }
    const double lineWidth = st.lineWidth >= 0 ? st.lineWidth : m_opt.lineWidth;
    if (st.drawStyle == DrawStyle::Points) {
        drawPoints(p, f, st, color, std::max(1.0, st.pointSize / 2));
        return;
    }
    const qsizetype n = qsizetype(std::min(f.timestamps.size(), f.values.size()));
    if (n == 0)
        return;
    const qint64 *ts = f.timestamps.data();
    const double *vs = f.values.data();
    qsizetype i0 = std::lower_bound(ts, ts + n, m_opt.fromMs) - ts;
    qsizetype iEnd = std::upper_bound(ts, ts + n, m_opt.toMs) - ts;
    if (i0 > 0)
        --i0; // keep the line running into the plot from the left
    if (iEnd < n)
        ++iEnd;
    if (i0 >= iEnd)
        return;
    const double fillOpacity = st.fillOpacity >= 0 ? st.fillOpacity : m_opt.fillOpacity;
    m_drawFill = fillOpacity > 0;
    m_fillColor = color;
    m_fillColor.setAlphaF(float(std::clamp(fillOpacity / 100.0, 0.0, 1.0)));
    m_gradient = st.gradientOpacity;
    m_drawLine = lineWidth > 0;
    m_dotRadius = std::max(1.5, lineWidth + 0.5);
    m_pen = QPen(color, std::max(lineWidth, 0.5));
    m_pen.setCapStyle(Qt::FlatCap);
    m_pen.setJoinStyle(Qt::BevelJoin);
    if (!st.dash.isEmpty()) {
        QList<qreal> pattern;
        const double w = std::max(lineWidth, 0.5);
        for (double d : st.dash)
            pattern << std::max(d / w, 0.1);
        if (pattern.size() % 2)
            pattern << pattern.last();
        m_pen.setDashPattern(pattern);
    }
    qint64 gap = gapThresholdMs(f);
    if (st.insertNullsMs > 0)
        gap = std::min(gap, st.insertNullsMs);
    const bool spanNaN = st.spanNullsMs >= 0;
    if (spanNaN)
        gap = std::max(gap, st.spanNullsMs);
    const double yLo = m_plot.top() - 10000, yHi = m_plot.bottom() + 10000;
    const double bottom = m_plot.bottom(), yMin = ax.min, yScale = ax.scale;
    const bool logScale = ax.isLog();
    const double invLogBase = logScale ? 1.0 / std::log(double(ax.opt.logBase)) : 1.0;
    const auto yOf = [=](double v) {
        const double a = logScale ? std::log(v) * invLogBase : v;
        return std::clamp(bottom - (a - yMin) * yScale, yLo, yHi);
    };
    // NaN, ±Inf (and values <= 0 on a log axis) are not drawn and break the line.
    const auto invalid = [=](double v) { return !std::isfinite(v) || (logScale && v <= 0); };
    m_run.clear();
    m_baseRun.clear();
    m_run.reserve(4096);
    m_smooth = false;

    qint64 prevT = 0;
    bool havePrev = false;
    const double columns = m_plot.width();
    m_dense = double(iEnd - i0) > 2 * columns;
    if (!m_dense) {
        // Sparse: every sample is a vertex.
        m_smooth = st.interpolation == LineInterpolation::Smooth;
        const bool stepAfter = st.interpolation == LineInterpolation::StepAfter;
        const bool stepBefore = st.interpolation == LineInterpolation::StepBefore;
        for (qsizetype i = i0; i < iEnd; ++i) {
            const double v = vs[i];
            if (invalid(v)) {
                if (!spanNaN) {
                    flushRun(p, color);
                    havePrev = false;
                }
                continue;
            }
            if (havePrev && ts[i] - prevT > gap)
                flushRun(p, color);
            const double x = timeToX(double(ts[i]));
            const double y = yOf(v);
            const double by = baseValues ? yOf(baseValues[i]) : 0;
            if (!m_run.empty() && (stepAfter || stepBefore)) {
                if (stepAfter) {
                    m_run.emplace_back(x, m_run.back().y());
                    if (baseValues)
                        m_baseRun.emplace_back(x, m_baseRun.back().y());
                } else {
                    m_run.emplace_back(m_run.back().x(), y);
                    if (baseValues)
                        m_baseRun.emplace_back(m_baseRun.back().x(), by);
                }
            }
            m_run.emplace_back(x, y);
            if (baseValues)
                m_baseRun.emplace_back(x, by);
            prevT = ts[i];
            havePrev = true;
        }
        flushRun(p, color);
        m_smooth = false;
        const qsizetype visible = std::max<qsizetype>(1, iEnd - i0);
        const bool points = st.showPoints == ShowPoints::Always ||
                            (st.showPoints == ShowPoints::Auto &&
                             columns / double(visible) >= st.pointSize * 3 && visible > 1);
        if (points)
            drawPoints(p, f, st, color, std::max(1.0, st.pointSize / 2));
        return;
    }

    drawDense(p, f, baseValues, i0, iEnd, gap, spanNaN, color);
    if (st.showPoints == ShowPoints::Always)
        drawPoints(p, f, st, color, std::max(1.0, st.pointSize / 2));
}

// The dense path (more samples than 2 per pixel column) on its own, kept small so that the
// compiler keeps its per-sample loop tight.
void TimeSeriesRenderer::drawDense(QPainter *p, const Frame &f, const double *baseValues,
                                   qsizetype i0, qsizetype iEnd, qint64 gap, bool spanNaN,
                                   const QColor &color)
{
    const Axis &ax = *m_cur;
    const qint64 *ts = f.timestamps.data();
    const double *vs = f.values.data();
    const double yLo = m_plot.top() - 10000, yHi = m_plot.bottom() + 10000;
    const double bottom = m_plot.bottom(), yMin = ax.min, yScale = ax.scale;
    const bool logScale = ax.isLog();
    const double invLogBase = logScale ? 1.0 / std::log(double(ax.opt.logBase)) : 1.0;
    const auto yOf = [=](double v) {
        const double a = logScale ? std::log(v) * invLogBase : v;
        return std::clamp(bottom - (a - yMin) * yScale, yLo, yHi);
    };
    const auto invalid = [=](double v) { return !std::isfinite(v) || (logScale && v <= 0); };
    qint64 prevT = 0;
    bool havePrev = false;
    // Dense: one column at a time; first/min/max/last of its samples.
    const qint64 from = m_opt.fromMs;
    const double msPerPx = 1.0 / m_pxPerMs;
    const double left = m_plot.left();
    bool any = false;
    double mn = 0, mx = 0;
    qsizetype imn = 0, imx = 0;
    double x = 0;
    // first and last lie within [min, max] on the same pixel column: the vertical min-max
    // stroke covers them, so two vertices per column suffice.
    const auto push = [&](double v) {
        const double y = yOf(v);
        if (!m_run.empty()) {
            const QPointF &b = m_run.back();
            if (b.x() == x && std::abs(b.y() - y) < 0.5)
                return;
        }
        m_run.emplace_back(x, y);
    };
    const auto emitColumn = [&]() {
        if (!any)
            return;
        if (imn < imx) {
            push(mn);
            push(mx);
        } else {
            push(mx);
            push(mn);
        }
        if (baseValues) // the base under the column's later extreme
            m_baseRun.emplace_back(x, yOf(baseValues[std::max(imn, imx)]));
        any = false;
    };
    qsizetype i = i0;
    while (i < iEnd) {
        // floor/ceil by hand: no libm calls in the per-column loop
        const double pos = double(ts[i] - from) * m_pxPerMs;
        double col = double(qint64(pos));
        if (col > pos)
            col -= 1;
        const double endMs = (col + 1) * msPerPx;
        qint64 colEnd = from + qint64(endMs);
        if (double(colEnd - from) < endMs)
            ++colEnd;
        x = left + col + 0.5;
        // The column's samples, scanned once: the loop reads every value anyway, so finding
        // the column end on the way costs one compare per sample.
        qsizetype k = i;
        do {
            const double v = vs[k];
            const qint64 t = ts[k];
            if (invalid(v)) [[unlikely]] {
                if (!spanNaN) {
                    emitColumn();
                    flushRun(p, color);
                    havePrev = false;
                }
            } else {
                if (havePrev && t - prevT > gap) [[unlikely]] {
                    emitColumn();
                    flushRun(p, color);
                }
                if (!any) {
                    mn = mx = v;
                    imn = imx = k;
                    any = true;
                } else if (v < mn) {
                    mn = v;
                    imn = k;
                } else if (v > mx) {
                    mx = v;
                    imx = k;
                }
                prevT = t;
                havePrev = true;
            }
            ++k;
        } while (k < iEnd && ts[k] < colEnd);
        emitColumn();
        i = k;
    }
    flushRun(p, color);
}

} // namespace pharos
