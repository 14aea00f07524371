#include "panels/heatmap/heatmappanel.h"

#include "dashboards/fields/legendformat.h"
#include "dashboards/fields/units.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pharos {

namespace {

double parseLe(const QString &le, bool *ok)
{
    const QString t = le.trimmed();
    if (t.compare(QLatin1String("+Inf"), Qt::CaseInsensitive) == 0 ||
        t.compare(QLatin1String("Inf"), Qt::CaseInsensitive) == 0) {
        *ok = true;
        return std::numeric_limits<double>::infinity();
    }
    return t.toDouble(ok);
}

QString boundText(double v, const QString &unit, std::optional<int> decimals)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    // Plain bounds as written in `le` ("0.1", "2.5"), not padded to a common precision.
    if (!decimals && (unit.isEmpty() || unit == QLatin1String("none")))
        return QString::number(v, 'g', 6);
    return formatValueText(v, unit, decimals);
}

/// Colour stops of the schemes Grafana offers most (d3 scale-chromatic endpoints).
QList<QColor> schemeStops(QString name)
{
    if (name.startsWith(QLatin1String("interpolate")))
        name = name.mid(11); // old heatmap: "interpolateOranges"
    static const std::map<QString, std::vector<QRgb>> schemes = {
        {QStringLiteral("Oranges"), {0xfff5eb, 0xfdd0a2, 0xfd8d3c, 0xd94801, 0x7f2704}},
        {QStringLiteral("Blues"), {0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b}},
        {QStringLiteral("Greens"), {0xf7fcf5, 0xc7e9c0, 0x74c476, 0x238b45, 0x00441b}},
        {QStringLiteral("Reds"), {0xfff5f0, 0xfcbba1, 0xfb6a4a, 0xcb181d, 0x67000d}},
        {QStringLiteral("Purples"), {0xfcfbfd, 0xdadaeb, 0x9e9ac8, 0x6a51a3, 0x3f007d}},
        {QStringLiteral("Greys"), {0xffffff, 0xd9d9d9, 0x969696, 0x525252, 0x000000}},
        {QStringLiteral("YlOrRd"), {0xffffcc, 0xfed976, 0xfd8d3c, 0xe31a1c, 0x800026}},
        {QStringLiteral("YlGnBu"), {0xffffd9, 0xc7e9b4, 0x41b6c4, 0x225ea8, 0x081d58}},
        {QStringLiteral("RdYlGn"), {0xa50026, 0xf46d43, 0xfee08b, 0xa6d96a, 0x006837}},
        {QStringLiteral("RdYlBu"), {0xa50026, 0xf46d43, 0xfee090, 0x74add1, 0x313695}},
        {QStringLiteral("Spectral"), {0x9e0142, 0xf46d43, 0xfee08b, 0xe6f598, 0x66c2a5, 0x5e4fa2}},
        {QStringLiteral("Viridis"), {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725}},
        {QStringLiteral("Magma"), {0x000004, 0x51127c, 0xb73779, 0xfc8961, 0xfcfdbf}},
        {QStringLiteral("Inferno"), {0x000004, 0x56106e, 0xbb3754, 0xf98e09, 0xfcffa4}},
        {QStringLiteral("Plasma"), {0x0d0887, 0x7e03a8, 0xcc4778, 0xf89540, 0xf0f921}},
        {QStringLiteral("Cividis"), {0x00224e, 0x434e6c, 0x7d7c78, 0xbcaf6f, 0xfee838}},
        {QStringLiteral("Turbo"),
         {0x30123b, 0x4686fb, 0x1ae4b6, 0xa2fc3c, 0xfaba39, 0xe4460a, 0x7a0403}},
        {QStringLiteral("Warm"), {0x6e40aa, 0xbf3caf, 0xfe4b83, 0xff7847, 0xe2b72f, 0xaff05b}},
        {QStringLiteral("Cool"), {0x6e40aa, 0x417de0, 0x1ac7c2, 0x40f373, 0xaff05b}},
    };
    auto it = schemes.find(name);
    if (it == schemes.end())
        it = schemes.find(QStringLiteral("Oranges"));
    QList<QColor> out;
    for (QRgb c : it->second)
        out << QColor::fromRgb(c);
    return out;
}

QColor interpolate(const QList<QColor> &stops, double t)
{
    if (stops.isEmpty())
        return {};
    t = std::clamp(t, 0.0, 1.0);
    const double pos = t * double(stops.size() - 1);
    const int i = std::min(int(pos), int(stops.size()) - 2);
    if (i < 0)
        return stops.first();
    const double f = pos - i;
    const QColor a = stops[i], b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f),
                            float(a.greenF() + (b.greenF() - a.greenF()) * f),
                            float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

qint64 niceTimeStep(qint64 spanMs, int maxTicks)
{
    static const qint64 steps[] = {1000,     5000,     10000,     15000,    30000,
                                   60000,    120000,   300000,    600000,   900000,
                                   1800000,  3600000,  7200000,   10800000, 21600000,
                                   43200000, 86400000, 172800000, 604800000};
    for (qint64 s : steps) {
        if (spanMs / s <= maxTicks)
            return s;
    }
    return std::max<qint64>(1, spanMs / std::max(1, maxTicks));
}

} // namespace

HeatmapGrid buildHeatmapGrid(const PanelModel &model, const PanelData &data)
{
    HeatmapGrid g;
    QHash<QString, QString> formats;
    for (const Target &t : model.targets)
        formats.insert(t.refId, t.format);

    struct Row
    {
        QString name;
        double upper = std::numeric_limits<double>::quiet_NaN();
        std::map<qint64, double> values;
    };
    std::map<double, Row> buckets; // by le, summed
    std::vector<Row> series;
    std::set<qint64> times;

    for (const TargetResult &t : data.targets) {
        if (t.error.isError())
            continue;
        const bool heatmapFormat = formats.value(t.refId) == QLatin1String("heatmap");
        for (const Frame &f : t.result.frames) {
            if (f.isEmpty())
                continue;
            bool ok = false;
            const QString le = labelValue(f.labels, QStringLiteral("le"));
            const double upper = le.isEmpty() ? 0 : parseLe(le, &ok);
            Row *row = nullptr;
            if (heatmapFormat && ok && !std::isnan(upper)) {
                auto [it, inserted] = buckets.try_emplace(upper);
                row = &it->second;
                if (inserted) {
                    row->upper = upper;
                    row->name = le;
                }
            } else {
                series.push_back(Row());
                row = &series.back();
                row->name = formatLegend(t.legendFormat, f.labels);
            }
            const size_t n = std::min(f.timestamps.size(), f.values.size());
            for (size_t i = 0; i < n; ++i) {
                times.insert(f.timestamps[i]);
                const double v = f.values[i];
                auto [vit, inserted] = row->values.try_emplace(f.timestamps[i], v);
                if (!inserted) {
                    if (std::isnan(vit->second))
                        vit->second = v;
                    else if (!std::isnan(v))
                        vit->second += v;
                }
            }
        }
    }
    g.times.assign(times.begin(), times.end());
    if (g.times.size() >= 2) {
        qint64 step = std::numeric_limits<qint64>::max();
        for (size_t i = 1; i < g.times.size(); ++i)
            step = std::min(step, g.times[i] - g.times[i - 1]);
        g.stepMs = step;
    } else {
        g.stepMs = data.stepMs > 0 ? data.stepMs : 60000;
    }
    if (data.stepMs > 0)
        g.stepMs = std::max(g.stepMs, data.stepMs);

    const size_t cols = g.times.size();
    auto column = [&](const Row &r) {
        std::vector<double> out(cols, std::numeric_limits<double>::quiet_NaN());
        for (size_t c = 0; c < cols; ++c) {
            auto it = r.values.find(g.times[c]);
            if (it != r.values.end())
                out[c] = it->second;
        }
        return out;
    };
    g.fromBuckets = !buckets.empty();
    std::vector<double> previous;
    for (const auto &[upper, row] : buckets) { // ascending le, +Inf last
        const std::vector<double> cum = column(row);
        std::vector<double> own = cum;
        if (!previous.empty()) {
            for (size_t c = 0; c < cols; ++c) {
                if (std::isnan(cum[c]))
                    continue;
                const double below = std::isnan(previous[c]) ? 0 : previous[c];
                own[c] = std::max(0.0, cum[c] - below);
            }
        }
        previous = cum;
        g.upper.push_back(upper);
        g.rowNames << row.name;
        g.counts.insert(g.counts.end(), own.begin(), own.end());
    }
    for (const Row &row : series) {
        const std::vector<double> v = column(row);
        g.upper.push_back(std::numeric_limits<double>::quiet_NaN());
        g.rowNames << row.name;
        g.counts.insert(g.counts.end(), v.begin(), v.end());
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : g.counts) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    g.minValue = std::isfinite(lo) ? lo : 0;
    g.maxValue = std::isfinite(hi) ? hi : 0;
    return g;
}

class HeatmapView : public QWidget
{
public:
    explicit HeatmapView(HeatmapPanel *panel) : m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(60, 40);
        setMouseTracking(true);
    }

    QFont axisFont() const
    {
        QFont f = font();
        f.setPixelSize(11);
        return f;
    }

    /// The cell area: left of it the y axis, under it the time axis and the colour legend.
    QRectF plotRect() const
    {
        const QFontMetricsF fm(axisFont());
        double labelW = 0;
        for (const QString &l : m_panel->yAxisLabels())
            labelW = std::max(labelW, fm.horizontalAdvance(l));
        // yAxis.axisPlacement: the labels left (default), right, or hidden.
        const QString &placement = m_panel->m_axisPlacement;
        const double axisW =
            placement == QLatin1String("hidden") ? 0 : std::min(width() * 0.4, labelW + 8);
        const bool right = placement == QLatin1String("right");
        const double left = right ? 6 : std::max(6.0, axisW);
        double bottom = fm.height() + 6; // time axis
        if (m_panel->m_showLegend)
            bottom += fm.height() + 14;
        return QRectF(left, 4, std::max(1.0, width() - left - (right ? std::max(6.0, axisW) : 6)),
                      std::max(1.0, height() - 4 - bottom));
    }

    double timeToX(const QRectF &plot, double ms) const
    {
        const double span = std::max<double>(1, double(m_panel->m_toMs - m_panel->m_fromMs));
        return plot.left() + (ms - double(m_panel->m_fromMs)) / span * plot.width();
    }

    QRectF cell(int row, int column) const
    {
        const HeatmapGrid &g = m_panel->m_grid;
        if (row < 0 || row >= g.rows() || column < 0 || column >= g.columns())
            return {};
        const QRectF plot = plotRect();
        const double rowH = plot.height() / g.rows();
        const double t = double(g.times[size_t(column)]);
        const double x0 = std::max(plot.left(), timeToX(plot, t - double(g.stepMs)));
        const double x1 = std::min(plot.right(), timeToX(plot, t));
        if (x1 <= x0)
            return {};
        // Row 0 (the lowest bucket) at the bottom; at the top with yAxis.reverse.
        const double y0 =
            m_panel->m_reverseY ? plot.top() + row * rowH : plot.bottom() - (row + 1) * rowH;
        return QRectF(x0, y0, x1 - x0, rowH);
    }

    std::pair<int, int> cellAt(QPointF pos) const
    {
        const HeatmapGrid &g = m_panel->m_grid;
        const QRectF plot = plotRect();
        if (g.rows() == 0 || !plot.contains(pos))
            return {-1, -1};
        const double fromBottom =
            m_panel->m_reverseY ? pos.y() - plot.top() : plot.bottom() - pos.y();
        const int row = std::clamp(int(fromBottom / (plot.height() / g.rows())), 0, g.rows() - 1);
        // The column whose (t - step, t] covers the time under the mouse.
        const double span = std::max<double>(1, double(m_panel->m_toMs - m_panel->m_fromMs));
        const double ms = double(m_panel->m_fromMs) + (pos.x() - plot.left()) / plot.width() * span;
        const auto it = std::lower_bound(g.times.begin(), g.times.end(), qint64(std::ceil(ms)));
        if (it == g.times.end() || double(*it) - ms > double(g.stepMs))
            return {-1, -1};
        return {row, int(it - g.times.begin())};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const HeatmapGrid &g = m_panel->m_grid;
        if (g.rows() == 0 || g.columns() == 0)
            return;
        QPainter p(this);
        const QRectF plot = plotRect();
        const QColor text = palette().color(QPalette::WindowText);
        // Cells, snapped to whole pixels so that neighbours meet without seams.
        for (int r = 0; r < g.rows(); ++r) {
            for (int c = 0; c < g.columns(); ++c) {
                const QColor col = m_panel->colorFor(g.at(r, c));
                if (!col.isValid())
                    continue;
                const QRectF cr = cell(r, c);
                if (cr.isEmpty())
                    continue;
                QRect px(QPoint(int(std::floor(cr.left())), int(std::floor(cr.top()))),
                         QPoint(int(std::ceil(cr.right())) - 1, int(std::ceil(cr.bottom())) - 1));
                // options.cellGap: the space between cells, taken off the right and the top
                // (never the whole cell).
                const int gap = m_panel->m_cellGap;
                if (gap > 0 && px.width() > gap && px.height() > gap)
                    px.adjust(0, gap, -gap, 0);
                p.fillRect(px, col);
                drawCellValue(p, px, g.at(r, c), col);
            }
        }
        p.setFont(axisFont());
        const QFontMetricsF fm(axisFont());
        // Y axis: one label per row, skipping rows when they would overlap.
        const QStringList labels = m_panel->yAxisLabels();
        const double rowH = plot.height() / g.rows();
        const int every = std::max(1, int(std::ceil(fm.height() / std::max(1.0, rowH))));
        p.setPen(text);
        const QString &placement = m_panel->m_axisPlacement;
        for (int r = 0; r < g.rows() && placement != QLatin1String("hidden"); r += every) {
            const double yc = m_panel->m_reverseY ? plot.top() + (r + 0.5) * rowH
                                                  : plot.bottom() - (r + 0.5) * rowH;
            if (placement == QLatin1String("right"))
                p.drawText(QRectF(plot.right() + 4, yc - fm.height() / 2,
                                  width() - plot.right() - 4, fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, labels.value(r));
            else
                p.drawText(QRectF(0, yc - fm.height() / 2, plot.left() - 4, fm.height()),
                           Qt::AlignRight | Qt::AlignVCenter, labels.value(r));
        }
        // Time axis.
        const qint64 span = m_panel->m_toMs - m_panel->m_fromMs;
        if (span > 0) {
            const int maxTicks = std::max(2, int(plot.width() / 80));
            const qint64 step = niceTimeStep(span, maxTicks);
            const qint64 offset =
                qint64(QDateTime::fromMSecsSinceEpoch(m_panel->m_fromMs).offsetFromUtc()) * 1000;
            qint64 t = ((m_panel->m_fromMs + offset) / step + 1) * step - offset;
            const QString fmt =
                step >= 86400000 ? QStringLiteral("MM/dd") : QStringLiteral("HH:mm");
            for (; t < m_panel->m_toMs; t += step) {
                const double x = timeToX(plot, double(t));
                p.drawText(QRectF(x - 40, plot.bottom() + 3, 80, fm.height()), Qt::AlignCenter,
                           QDateTime::fromMSecsSinceEpoch(t).toString(fmt));
            }
        }
        // Colour legend: the scale from min to max.
        if (m_panel->m_showLegend) {
            const double y = plot.bottom() + fm.height() + 8;
            const QString lo = formatValueText(m_panel->m_scaleMin, QString());
            const QString hi = formatValueText(m_panel->m_scaleMax, QString());
            const double lw = fm.horizontalAdvance(lo) + 6, hw = fm.horizontalAdvance(hi) + 6;
            const double barW = std::min(220.0, plot.width() - lw - hw);
            if (barW > 20) {
                const QRectF bar(plot.left() + lw, y + 2, barW, fm.height() - 4);
                QLinearGradient grad(bar.topLeft(), bar.topRight());
                for (int s = 0; s <= 16; ++s) {
                    const double v = m_panel->m_scaleMin +
                                     (m_panel->m_scaleMax - m_panel->m_scaleMin) * s / 16.0;
                    QColor c =
                        m_panel->colorFor(std::max(v, m_panel->m_scaleMin + 1e-12 * std::fabs(v)));
                    if (!c.isValid())
                        c = Qt::transparent;
                    grad.setColorAt(s / 16.0, c);
                }
                p.fillRect(bar, grad);
                p.drawText(QRectF(plot.left(), y, lw, fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, lo);
                p.drawText(QRectF(bar.right() + 4, y, hw, fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, hi);
            }
        }
    }

    /// options.showValue: the count in the cell, "always", "never", or "auto" (when it fits).
    void drawCellValue(QPainter &p, const QRect &cell, double value, const QColor &fill)
    {
        const QString &mode = m_panel->m_showValue;
        if (mode == QLatin1String("never"))
            return;
        const QFont f = axisFont();
        const QFontMetricsF fm(f);
        const QString text = m_panel->cellValueText(value);
        if (mode != QLatin1String("always") &&
            (fm.horizontalAdvance(text) + 4 > cell.width() || fm.height() > cell.height()))
            return;
        // Dark text on a light cell, white on a dark one (the fill may be translucent).
        const QColor bg = fill.alphaF() < 0.5f ? palette().color(QPalette::Window) : fill;
        p.setFont(f);
        p.setPen(bg.lightnessF() > 0.55 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
        p.drawText(cell, Qt::AlignCenter, text);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const auto [row, column] = cellAt(event->position());
        if (row < 0 || !m_panel->tooltipShown()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(event->globalPosition().toPoint(), m_panel->cellToolTip(row, column),
                           this);
    }

private:
    HeatmapPanel *m_panel;
};

HeatmapPanel::HeatmapPanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    const QJsonObject yAxis = options.value(QLatin1String("yAxis")).toObject();
    m_unit = yAxis.value(QLatin1String("unit")).toString(model.defaults.unit);
    // options.tooltip: mode "none" (Grafana 9+) or, without a mode, show false (older
    // heatmaps) hides it.
    const QJsonObject tooltip = options.value(QLatin1String("tooltip")).toObject();
    m_tooltip = tooltip.contains(QLatin1String("mode"))
                    ? tooltip.value(QLatin1String("mode")).toString() != QLatin1String("none")
                    : tooltip.value(QLatin1String("show")).toBool(true);
    m_showValue = options.value(QLatin1String("showValue")).toString(QStringLiteral("auto"));
    m_reverseY = yAxis.value(QLatin1String("reverse")).toBool(false);
    m_axisPlacement = yAxis.value(QLatin1String("axisPlacement")).toString(QStringLiteral("left"));
    // Grafana draws a 1 px gap between cells unless told otherwise.
    m_cellGap = std::clamp(json::integer(options.value(QLatin1String("cellGap")), 1), 0, 25);
    if (const QJsonValue d = yAxis.value(QLatin1String("decimals")); d.isDouble())
        m_decimals = d.toInt();
    else
        m_decimals = model.defaults.decimals;

    const QJsonObject color = options.value(QLatin1String("color")).toObject();
    m_colorMode = color.value(QLatin1String("mode")).toString(QStringLiteral("scheme"));
    // Old heatmaps: "spectrum" is the scheme mode, colorScheme names the scheme.
    if (m_colorMode == QLatin1String("spectrum"))
        m_colorMode = QStringLiteral("scheme");
    const QString scheme = color.value(QLatin1String("scheme"))
                               .toString(color.value(QLatin1String("colorScheme")).toString());
    m_scheme = schemeStops(scheme);
    m_fill = grafanaColor(color.value(QLatin1String("fill"))
                              .toString(color.value(QLatin1String("cardColor")).toString()));
    if (!m_fill.isValid())
        m_fill = grafanaColor(QStringLiteral("dark-orange"));
    m_exponential = color.value(QLatin1String("scale")).toString(QStringLiteral("exponential")) ==
                    QLatin1String("exponential");
    m_exponent = color.value(QLatin1String("exponent")).toDouble(0.5);
    if (!(m_exponent > 0))
        m_exponent = 0.5;
    m_reverse = color.value(QLatin1String("reverse")).toBool(false);
    if (color.value(QLatin1String("min")).isDouble())
        m_colorMin = color.value(QLatin1String("min")).toDouble();
    if (color.value(QLatin1String("max")).isDouble())
        m_colorMax = color.value(QLatin1String("max")).toDouble();
    m_steps = std::clamp(json::integer(color.value(QLatin1String("steps")), 64), 2, 128);
    const QJsonObject filter = options.value(QLatin1String("filterValues")).toObject();
    // Without `le`, Grafana's default: empty cells (0) are not drawn.
    m_hideLe = filter.contains(QLatin1String("le"))
                   ? json::number(filter.value(QLatin1String("le")))
                   : std::optional<double>(1e-9);
    m_hideGe = json::number(filter.value(QLatin1String("ge")));
    m_showLegend =
        options.value(QLatin1String("legend")).toObject().value(QLatin1String("show")).toBool(true);
    m_view = new HeatmapView(this);
    m_view->setObjectName(QStringLiteral("heatmapView"));
    setContentWidget(m_view);
}

QWidget *HeatmapPanel::heatmapView() const
{
    return m_view;
}

QColor HeatmapPanel::colorFor(double value) const
{
    if (!std::isfinite(value) || value < m_scaleMin)
        return {};
    // options.filterValues: cells at or below `le` (empty counts by default) or at or above
    // `ge` are left empty.
    if ((m_hideLe && value <= *m_hideLe) || (m_hideGe && value >= *m_hideGe))
        return {};
    double t = m_scaleMax > m_scaleMin ? (value - m_scaleMin) / (m_scaleMax - m_scaleMin) : 1.0;
    t = std::clamp(t, 0.0, 1.0);
    if (m_exponential)
        t = std::pow(t, m_exponent);
    // color.steps: the scale in that many distinct colours.
    t = std::min(double(m_steps - 1), std::floor(t * m_steps)) / double(m_steps - 1);
    if (m_reverse)
        t = 1 - t;
    if (m_colorMode == QLatin1String("opacity")) {
        QColor c = m_fill;
        c.setAlphaF(float(0.1 + 0.9 * t));
        return c;
    }
    return interpolate(m_scheme, t);
}

QString HeatmapPanel::cellValueText(double value) const
{
    return formatValueText(value, QString());
}

QRectF HeatmapPanel::cellRect(int row, int column) const
{
    return m_view->cell(row, column);
}

std::pair<int, int> HeatmapPanel::cellAt(QPointF pos) const
{
    return m_view->cellAt(pos);
}

QStringList HeatmapPanel::yAxisLabels() const
{
    QStringList out;
    for (int r = 0; r < m_grid.rows(); ++r) {
        if (m_grid.fromBuckets && r < int(m_grid.upper.size()) &&
            !std::isnan(m_grid.upper[size_t(r)]))
            out << boundText(m_grid.upper[size_t(r)], m_unit, m_decimals);
        else
            out << m_grid.rowNames.value(r);
    }
    return out;
}

QString HeatmapPanel::cellToolTip(int row, int column) const
{
    if (row < 0 || row >= m_grid.rows() || column < 0 || column >= m_grid.columns())
        return {};
    const QString time = QDateTime::fromMSecsSinceEpoch(m_grid.times[size_t(column)])
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const double v = m_grid.at(row, column);
    const QString count = std::isnan(v) ? tr("no value") : formatValueText(v, QString());
    const double upper = row < int(m_grid.upper.size()) ? m_grid.upper[size_t(row)] : NAN;
    if (m_grid.fromBuckets && !std::isnan(upper)) {
        const double lower = row > 0 ? m_grid.upper[size_t(row - 1)] : 0;
        return tr("%1\nBucket: %2 – %3\nCount: %4")
            .arg(time, boundText(lower, m_unit, m_decimals), boundText(upper, m_unit, m_decimals),
                 count);
    }
    return tr("%1\nSeries: %2\nValue: %3").arg(time, m_grid.rowNames.value(row), count);
}

bool HeatmapPanel::updateContent(const PanelDataPtr &data)
{
    m_grid = buildHeatmapGrid(model(), *data);
    m_fromMs = data->fromMs;
    m_toMs = data->toMs;
    if (m_toMs <= m_fromMs && !m_grid.times.empty()) {
        m_fromMs = m_grid.times.front() - m_grid.stepMs;
        m_toMs = m_grid.times.back();
    }
    m_scaleMin = m_colorMin.value_or(std::min(0.0, m_grid.minValue));
    m_scaleMax = m_colorMax.value_or(m_grid.maxValue);
    m_view->update();
    bool any = false;
    for (double v : m_grid.counts)
        any = any || std::isfinite(v);
    return any;
}

} // namespace pharos
