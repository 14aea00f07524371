// TimeSeriesRenderer: drawing one series: runs of lines (linear, stepped, smoothed) and
// their fills, dense series by pixel column, bars and points.
#include "panels/timeseries/timeseriesrenderer.h"

#include <QLinearGradient>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

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
