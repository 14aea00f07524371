#include "timeseriesrenderer.h"

#include "colors.h"
#include "units.h"

#include <QDateTime>
#include <QFontMetricsF>
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

} // namespace

void TimeSeriesRenderer::setFrames(std::vector<const Frame *> frames)
{
    m_frames = std::move(frames);
}

void TimeSeriesRenderer::setStyles(std::vector<SeriesStyle> styles)
{
    m_styles = std::move(styles);
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

double TimeSeriesRenderer::toAxis(double v) const
{
    if (!isLog())
        return v;
    return v > 0 ? std::log(v) / std::log(double(m_opt.logBase))
                 : -std::numeric_limits<double>::infinity();
}

double TimeSeriesRenderer::fromAxis(double a) const
{
    return isLog() ? std::pow(double(m_opt.logBase), a) : a;
}

double TimeSeriesRenderer::valueToY(double v) const
{
    return m_plot.bottom() - (toAxis(v) - m_yMin) * m_yScale;
}

double TimeSeriesRenderer::yToValue(double y) const
{
    return fromAxis(m_yScale > 0 ? m_yMin + (m_plot.bottom() - y) / m_yScale : m_yMin);
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

void TimeSeriesRenderer::computeYRange()
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (size_t s = 0; s < m_frames.size(); ++s) {
        if (s < m_styles.size() && !m_styles[s].visible)
            continue;
        const Frame &f = *m_frames[s];
        const auto &ts = f.timestamps;
        const size_t i0 = size_t(std::lower_bound(ts.begin(), ts.end(), m_opt.fromMs) - ts.begin());
        const size_t i1 = size_t(std::upper_bound(ts.begin(), ts.end(), m_opt.toMs) - ts.begin());
        const double *v = f.values.data();
        double l = lo, h = hi;
        if (isLog()) {
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
        lo = l;
        hi = h;
    }
    if (isLog()) {
        if (!(lo <= hi)) {
            lo = 1;
            hi = double(m_opt.logBase);
        }
        lo = toAxis(m_opt.yMin && *m_opt.yMin > 0 ? *m_opt.yMin : lo);
        hi = toAxis(m_opt.yMax && *m_opt.yMax > 0 ? *m_opt.yMax : hi);
        if (hi < lo)
            std::swap(lo, hi);
        m_yMin = std::floor(lo);
        m_yMax = std::max(std::ceil(hi), m_yMin + 1);
        return;
    }
    if (!(lo <= hi)) { // no data
        lo = 0;
        hi = 1;
    }
    // keep hi - lo finite
    lo = std::max(lo, -1e300);
    hi = std::min(hi, 1e300);
    if (m_opt.yMin)
        lo = *m_opt.yMin;
    if (m_opt.yMax)
        hi = *m_opt.yMax;
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        if (!m_opt.yMin)
            lo -= pad;
        if (!m_opt.yMax)
            hi += pad;
        if (hi == lo)
            hi = lo + 1;
    }
    m_yMin = lo;
    m_yMax = hi;
}

void TimeSeriesRenderer::render(QPainter *p, const QRectF &rect)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, m_opt.antialias);
    p->setFont(m_opt.font);
    if (m_opt.background.alpha() > 0)
        p->fillRect(rect, m_opt.background);

    computeYRange();
    const QFontMetricsF fm(m_opt.font);
    std::vector<double> yTicks;
    if (isLog()) {
        // one tick per power of the base (every n-th when there are many)
        const int count = int(m_yMax - m_yMin);
        const int every = std::max(1, count / 10);
        m_yLabels.clear();
        for (int k = 0; k <= count; k += every) {
            yTicks.push_back(m_yMin + k);
            m_yLabels << formatValueText(fromAxis(m_yMin + k), m_opt.unit);
        }
    } else {

        // Y ticks: ~one per 40 px; extend automatic bounds to whole ticks.
        double plotHeightGuess = rect.height() - (m_opt.drawAxes ? fm.height() + 6 : 0);
        int targetTicks = std::max(2, int(plotHeightGuess / 40));
        // Nice steps in display units: 128 MiB steps for bytes, not 100000000.
        const double factor =
            unitDisplayFactor(m_opt.unit, std::max(std::abs(m_yMin), std::abs(m_yMax)));
        double displayStep = niceStep((m_yMax - m_yMin) / factor / targetTicks);
        if (m_opt.decimals) // no tick finer than the configured decimals can show
            displayStep =
                std::max(displayStep, std::pow(10.0, -std::clamp(*m_opt.decimals, 0, 15)));
        double step = displayStep * factor;
        if (!m_opt.yMin)
            m_yMin = std::floor(m_yMin / step + 1e-9) * step;
        if (!m_opt.yMax)
            m_yMax = std::ceil(m_yMax / step - 1e-9) * step;
        if (m_yMax <= m_yMin)
            m_yMax = m_yMin + step;
        if (!std::isfinite(step) || step <= 0 || (m_yMax - m_yMin) / step > 200) {
            step = (m_yMax - m_yMin) / 4; // degenerate (huge or tiny) ranges: just a few ticks
            if (!std::isfinite(step) || step <= 0)
                step = std::abs(m_yMax) > 0 ? std::abs(m_yMax) / 4 : 1;
        }
        const double firstTick = std::ceil(m_yMin / step - 1e-9) * step;
        for (int k = 0; k <= 200; ++k) {
            const double t = firstTick + k * step;
            if (!(t <= m_yMax + step * 1e-9))
                break;
            yTicks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
        }
        m_yLabels = formatAxisTicks(yTicks, step, m_opt.unit, m_opt.decimals);
    } // linear

    double axisW = 0;
    for (const QString &l : m_yLabels)
        axisW = std::max(axisW, fm.horizontalAdvance(l));
    const double left = m_opt.drawAxes ? std::ceil(axisW) + 8 : 0;
    const double bottomH = m_opt.drawAxes ? std::ceil(fm.height()) + 6 : 0;
    const double top = m_opt.drawAxes ? std::ceil(fm.height() / 2) : 0;
    m_plot = QRectF(rect.left() + left, rect.top() + top, std::max(1.0, rect.width() - left - 4),
                    std::max(1.0, rect.height() - bottomH - top));
    const qint64 span = std::max<qint64>(1, m_opt.toMs - m_opt.fromMs);
    m_pxPerMs = m_plot.width() / double(span);
    m_yScale = m_plot.height() / (m_yMax - m_yMin);

    // Grid and axes.
    m_xLabels.clear();
    std::vector<QLineF> grid;
    if (m_opt.drawAxes) {
        for (size_t i = 0; i < yTicks.size(); ++i) {
            const double y = std::round(m_plot.bottom() - (yTicks[i] - m_yMin) * m_yScale) + 0.5;
            grid.emplace_back(QPointF(m_plot.left(), y), QPointF(m_plot.right(), y));
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
            qint64(QDateTime::fromMSecsSinceEpoch(m_opt.fromMs).offsetFromUtc()) * 1000;
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
            labels.emplace_back(x, QDateTime::fromMSecsSinceEpoch(t).toString(fmt));
        }
        p->setPen(m_opt.textColor);
        for (const auto &[x, text] : labels) {
            const double w = fm.horizontalAdvance(text);
            double lx = std::clamp(x - w / 2, rect.left(), rect.right() - w);
            p->drawText(QPointF(lx, m_plot.bottom() + 3 + fm.ascent()), text);
            m_xLabels << text;
        }
        for (size_t i = 0; i < yTicks.size(); ++i) {
            const double y = m_plot.bottom() - (yTicks[i] - m_yMin) * m_yScale;
            const QString &text = m_yLabels[qsizetype(i)];
            p->drawText(
                QPointF(m_plot.left() - 6 - fm.horizontalAdvance(text), y + fm.ascent() / 2 - 1),
                text);
        }
    }

    // Grid lines (labels lie outside the plot, so drawing them after the labels is the
    // same picture), then the series.
    m_drawFill = m_opt.fillOpacity > 0;
    m_baseY = isLog() ? m_plot.bottom() : valueToY(std::clamp(0.0, m_yMin, m_yMax));
    const auto drawAll = [this, p, &grid] {
        if (!grid.empty()) {
            p->setPen(QPen(m_opt.gridColor, 0));
            p->drawLines(grid.data(), int(grid.size()));
        }
        p->setClipRect(m_plot.adjusted(-1, -1, 1, 1));
        for (size_t s = 0; s < m_frames.size(); ++s) {
            const bool styled = s < m_styles.size();
            if ((styled && !m_styles[s].visible) || !m_frames[s])
                continue;
            QColor color = styled ? m_styles[s].color : QColor();
            if (!color.isValid())
                color = classicPaletteColor(int(s));
            drawSeries(p, *m_frames[s], color);
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

void TimeSeriesRenderer::flushRun(QPainter *p, const QColor &color)
{
    if (m_run.empty())
        return;
    if (m_run.size() == 1) {
        const double r = std::max(1.5, m_opt.lineWidth + 0.5);
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        p->drawEllipse(m_run.front(), r, r);
        p->setBrush(Qt::NoBrush);
    } else {
        if (m_drawFill) {
            // One vertex per pixel column, not antialiased: the line covers the edge.
            m_fill.clear();
            m_fill.reserve(m_run.size() + 2);
            for (const QPointF &pt : m_run) {
                if (m_fill.empty() || m_fill.back().x() != pt.x())
                    m_fill.push_back(pt);
            }
            m_fill.push_back(QPointF(m_run.back().x(), m_baseY));
            m_fill.push_back(QPointF(m_run.front().x(), m_baseY));
            QColor fc = color;
            fc.setAlphaF(float(std::clamp(m_opt.fillOpacity / 100.0, 0.0, 1.0)));
            const bool aa = p->testRenderHint(QPainter::Antialiasing);
            p->setRenderHint(QPainter::Antialiasing, false);
            p->setPen(Qt::NoPen);
            p->setBrush(fc);
            p->drawPolygon(m_fill.data(), int(m_fill.size()));
            p->setBrush(Qt::NoBrush);
            p->setRenderHint(QPainter::Antialiasing, aa);
        }
        p->setPen(m_pen); // no-op when already set
        p->drawPolyline(m_run.data(), int(m_run.size()));
    }
    m_run.clear();
}

void TimeSeriesRenderer::drawSeries(QPainter *p, const Frame &f, const QColor &color)
{
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
    m_pen = QPen(color, m_opt.lineWidth);
    m_pen.setCapStyle(Qt::FlatCap);
    m_pen.setJoinStyle(Qt::BevelJoin);
    const qint64 gap = gapThresholdMs(f);
    const double yLo = m_plot.top() - 10000, yHi = m_plot.bottom() + 10000;
    const double bottom = m_plot.bottom(), yMin = m_yMin, yScale = m_yScale;
    const bool logScale = isLog();
    const double invLogBase = logScale ? 1.0 / std::log(double(m_opt.logBase)) : 1.0;
    const auto yOf = [=](double v) {
        const double a = logScale ? std::log(v) * invLogBase : v;
        return std::clamp(bottom - (a - yMin) * yScale, yLo, yHi);
    };
    // NaN, ±Inf (and values <= 0 on a log axis) are not drawn and break the line.
    const auto invalid = [=](double v) { return !std::isfinite(v) || (logScale && v <= 0); };
    m_run.clear();
    m_run.reserve(4096);

    qint64 prevT = 0;
    bool havePrev = false;
    const double columns = m_plot.width();
    if (double(iEnd - i0) <= 2 * columns) {
        // Sparse: every sample is a vertex.
        for (qsizetype i = i0; i < iEnd; ++i) {
            const double v = vs[i];
            if (invalid(v)) {
                flushRun(p, color);
                havePrev = false;
                continue;
            }
            if (havePrev && ts[i] - prevT > gap)
                flushRun(p, color);
            m_run.emplace_back(timeToX(double(ts[i])), yOf(v));
            prevT = ts[i];
            havePrev = true;
        }
        flushRun(p, color);
        return;
    }

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
                emitColumn();
                flushRun(p, color);
                havePrev = false;
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
