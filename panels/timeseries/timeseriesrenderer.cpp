#include "panels/timeseries/timeseriesrenderer.h"

#include "panels/colors.h"

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

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

} // namespace

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

} // namespace pharos
