#include "panels/stat/statpanel.h"

#include "dashboards/fields/reducers.h"
#include "dashboards/fields/units.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/reducedvalues.h"
#include "panels/vizscrollarea.h"

#include <QJsonArray>
#include <QLinearGradient>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace pharos {

class StatView : public QWidget
{
public:
    explicit StatView(StatPanel *panel) : m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(40, 20);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const QList<StatPanel::Stat> &stats = m_panel->stats();
        if (stats.isEmpty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const int n = int(stats.size());
        const QSize grid = m_panel->layoutGrid(size());
        const int cols = grid.width(), rows = grid.height();
        const double cw = double(width()) / cols;
        const double ch = double(height()) / rows;
        const QString textMode = m_panel->textMode();
        const bool showName = textMode == QLatin1String("value_and_name") ||
                              textMode == QLatin1String("name") ||
                              (textMode == QLatin1String("auto") && n > 1);
        const bool showValue =
            textMode != QLatin1String("name") && textMode != QLatin1String("none");
        // justifyMode "auto": one stat is centred, several are left-aligned; "center": centred.
        const Qt::Alignment h = m_panel->justifyMode() == QLatin1String("center") || n == 1
                                    ? Qt::AlignHCenter
                                    : Qt::AlignLeft;
        const QRectF exposed = event->rect();
        for (int i = 0; i < n; ++i) {
            const QRectF cell(cw * (i % cols), ch * (i / cols), cw, ch);
            if (!cell.intersects(exposed)) // a view larger than the panel scrolls
                continue;
            drawStat(p, cell.adjusted(2, 2, -2, -2), stats[i], showName, showValue, h);
        }
    }

private:
    void drawStat(QPainter &p, const QRectF &cell, const StatPanel::Stat &s, bool showName,
                  bool showValue, Qt::Alignment h)
    {
        const QString mode = m_panel->colorMode();
        const bool background = mode.startsWith(QLatin1String("background"));
        QColor textColor = palette().color(QPalette::WindowText);
        if (mode == QLatin1String("background")) {
            // Grafana's gradient background: a little lighter at the top.
            QLinearGradient g(cell.topLeft(), cell.bottomLeft());
            g.setColorAt(0, s.color.lighter(115));
            g.setColorAt(1, s.color);
            p.fillRect(cell, g);
            textColor = s.color.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : Qt::white;
        } else if (background) {
            p.fillRect(cell, s.color);
            textColor = s.color.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : Qt::white;
        } else if (mode != QLatin1String("none")) {
            textColor = s.color;
        }
        // Sparkline in the lower part of the cell.
        if (m_panel->graphMode() == QLatin1String("area") && s.frame && s.frame->size() > 1)
            drawSparkline(p, cell, *s.frame, background ? textColor : s.color);

        QRectF textArea = cell;
        // Wide layout: in a cell much wider than tall, the name left and the value right on
        // one line (options.wideLayout, on by default).
        if (showName && showValue && m_panel->wideLayout() && cell.width() > 2.5 * cell.height()) {
            const QRectF nameRect(cell.left() + 8, cell.top(), cell.width() * 0.5 - 8,
                                  cell.height());
            QRectF valueRect(cell.center().x(), cell.top(), cell.width() * 0.5 - 8, cell.height());
            if (s.percentChange) { // under the value, right-aligned
                const QRectF band(valueRect.left(), valueRect.bottom() - valueRect.height() * 0.3,
                                  valueRect.width(), valueRect.height() * 0.3);
                drawPercentChange(p, band, s, textColor, Qt::AlignRight);
                valueRect.setBottom(band.top());
            }
            QFont nf = font();
            nf.setPixelSize(
                m_panel->textSizes().title.value_or(std::clamp(int(cell.height() * 0.3), 8, 32)));
            p.setFont(nf);
            p.setPen(textColor);
            p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(nf).elidedText(s.name, Qt::ElideRight, nameRect.width()));
            QFont vf = font();
            vf.setBold(true);
            const std::optional<int> fixed = m_panel->textSizes().value;
            int px = fixed.value_or(std::max(8, int(std::min(cell.height() * 0.55, 96.0))));
            vf.setPixelSize(px);
            while (!fixed && px > 8 &&
                   QFontMetricsF(vf).horizontalAdvance(s.text) > valueRect.width()) {
                px = std::max(8, int(px * 0.9));
                vf.setPixelSize(px);
            }
            p.setFont(vf);
            p.drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter, s.text);
            return;
        }
        if (showName && !showValue) { // textMode "name": the name takes the value's place
            QFont nf = font();
            nf.setBold(true);
            nf.setPixelSize(
                m_panel->textSizes().title.value_or(std::clamp(int(cell.height() * 0.3), 8, 48)));
            p.setFont(nf);
            p.setPen(textColor);
            p.drawText(cell.adjusted(4, 0, -4, 0), h | Qt::AlignVCenter,
                       QFontMetricsF(nf).elidedText(s.name, Qt::ElideRight, cell.width() - 8));
            return;
        }
        if (!showValue)
            return;
        if (showName) {
            QFont nf = font();
            nf.setPixelSize(
                m_panel->textSizes().title.value_or(std::clamp(int(cell.height() * 0.15), 8, 16)));
            p.setFont(nf);
            p.setPen(textColor);
            const QFontMetricsF nfm(nf);
            const QRectF nameRect(cell.left() + 4, cell.top() + 2, cell.width() - 8, nfm.height());
            p.drawText(nameRect, h | Qt::AlignTop,
                       nfm.elidedText(s.name, Qt::ElideRight, nameRect.width()));
            textArea.setTop(nameRect.bottom());
        }
        if (s.percentChange) { // a line under the value
            const double bh = std::max(12.0, textArea.height() * 0.22);
            const QRectF band(textArea.left() + 4, textArea.bottom() - bh, textArea.width() - 8,
                              bh);
            drawPercentChange(p, band, s, textColor, h);
            textArea.setBottom(band.top());
        }
        // Scale the value text to fit (unless options.text.valueSize fixes it).
        QFont vf = font();
        vf.setBold(true);
        const std::optional<int> fixed = m_panel->textSizes().value;
        int px = fixed.value_or(std::max(8, int(std::min(textArea.height() * 0.55, 96.0))));
        vf.setPixelSize(px);
        while (!fixed && px > 8 &&
               QFontMetricsF(vf).horizontalAdvance(s.text) > textArea.width() * 0.92) {
            px = std::max(8, int(px * 0.9));
            vf.setPixelSize(px);
        }
        p.setFont(vf);
        p.setPen(textColor);
        p.drawText(textArea.adjusted(4, 0, -4, 0), h | Qt::AlignVCenter, s.text);
    }

    /// The percent change: an arrow up or down and the change ("12.5%"), coloured by
    /// options.percentChangeColorMode (standard: up green, down red; inverted; same_as_value).
    void drawPercentChange(QPainter &p, const QRectF &area, const StatPanel::Stat &s,
                           const QColor &textColor, Qt::Alignment h)
    {
        const double change = *s.percentChange;
        const QString mode = m_panel->percentChangeColorMode();
        QColor color = textColor;
        if (!m_panel->colorMode().startsWith(QLatin1String("background")) && change != 0) {
            const bool up = change > 0;
            if (mode == QLatin1String("same_as_value"))
                color = s.color;
            else if (mode == QLatin1String("inverted"))
                color = grafanaColor(up ? QStringLiteral("red") : QStringLiteral("green"));
            else
                color = grafanaColor(up ? QStringLiteral("green") : QStringLiteral("red"));
        }
        QFont f = font();
        f.setPixelSize(std::clamp(int(area.height() * 0.7), 8, 24));
        const QFontMetricsF fm(f);
        const QString text = StatPanel::percentChangeText(change);
        const double arrow = change != 0 ? fm.height() * 0.55 : 0;
        const double w = arrow + (arrow > 0 ? 4 : 0) + fm.horizontalAdvance(text);
        double x = area.left();
        if (h & Qt::AlignRight)
            x = area.right() - w;
        else if (h & Qt::AlignHCenter)
            x = area.center().x() - w / 2;
        const double cy = area.center().y();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        if (change > 0)
            p.drawPolygon(QPolygonF{QPointF(x, cy + arrow / 2), QPointF(x + arrow, cy + arrow / 2),
                                    QPointF(x + arrow / 2, cy - arrow / 2)});
        else if (change < 0)
            p.drawPolygon(QPolygonF{QPointF(x, cy - arrow / 2), QPointF(x + arrow, cy - arrow / 2),
                                    QPointF(x + arrow / 2, cy + arrow / 2)});
        p.setBrush(Qt::NoBrush);
        p.setFont(f);
        p.setPen(color);
        p.drawText(QRectF(x + w - fm.horizontalAdvance(text), area.top(),
                          fm.horizontalAdvance(text) + 2, area.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, text);
    }

    static void drawSparkline(QPainter &p, const QRectF &cell, const Frame &f, const QColor &color)
    {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : f.values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (!(lo <= hi))
            return;
        if (hi == lo) {
            lo -= 1;
            hi += 1;
        }
        const qint64 t0 = f.timestamps.front(), t1 = f.timestamps.back();
        const double span = std::max<double>(1, double(t1 - t0));
        const QRectF area(cell.left(), cell.top() + cell.height() * 0.55, cell.width(),
                          cell.height() * 0.45);
        // One vertex per pixel column at most.
        QPolygonF line;
        const qsizetype n = qsizetype(std::min(f.timestamps.size(), f.values.size()));
        const qsizetype stride = std::max<qsizetype>(1, n / std::max(1, int(area.width())));
        for (qsizetype i = 0; i < n; i += stride) {
            const double v = f.values[size_t(i)];
            if (!std::isfinite(v))
                continue;
            line << QPointF(area.left() +
                                (double(f.timestamps[size_t(i)] - t0) / span) * area.width(),
                            area.bottom() - (v - lo) / (hi - lo) * area.height());
        }
        if (line.size() < 2)
            return;
        QPolygonF fill = line;
        fill << QPointF(line.last().x(), area.bottom()) << QPointF(line.first().x(), area.bottom());
        QColor fc = color;
        fc.setAlphaF(0.2f);
        p.setPen(Qt::NoPen);
        p.setBrush(fc);
        p.drawPolygon(fill);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(color, 1.5));
        p.drawPolyline(line);
    }

    StatPanel *m_panel;
};

StatPanel::StatPanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    m_calc = reduceCalc(model);
    // reduceOptions.fields naming the time field ("Time", "/^Time$/"): the stat shows a time
    // (a migrated singlestat "Time of last point"), not a value.
    const QString fields = options.value(QLatin1String("reduceOptions"))
                               .toObject()
                               .value(QLatin1String("fields"))
                               .toString();
    m_timeField =
        !fields.isEmpty() && grafanaRegex(fields).match(QStringLiteral("Time")).hasMatch();
    m_colorMode = options.value(QLatin1String("colorMode")).toString(QStringLiteral("value"));
    m_graphMode = options.value(QLatin1String("graphMode")).toString(QStringLiteral("area"));
    m_textMode = options.value(QLatin1String("textMode")).toString(QStringLiteral("auto"));
    m_orientation = options.value(QLatin1String("orientation")).toString(QStringLiteral("auto"));
    m_justifyMode = options.value(QLatin1String("justifyMode")).toString(QStringLiteral("auto"));
    m_textSizes = TextSizes::fromPanel(model);
    m_wideLayout = options.value(QLatin1String("wideLayout")).toBool(true);
    m_showPercentChange = options.value(QLatin1String("showPercentChange")).toBool(false);
    m_percentChangeColorMode =
        options.value(QLatin1String("percentChangeColorMode")).toString(QStringLiteral("standard"));
    m_fieldConfig = FieldConfigResolver::fromPanel(model.json);
    m_mappings = ValueMappings::fromPanel(model.json);
    m_minCell = VizScrollArea::minCellSize(options, m_orientation, QSize(40, 24));
    m_view = new StatView(this);
    m_scroll = new VizScrollArea(
        m_view, [this](const QSize &viewport) { return contentSizeFor(viewport); });
    setContentWidget(m_scroll);
}

QSize StatPanel::minCellSize() const
{
    return m_minCell;
}

QSize StatPanel::contentSizeFor(const QSize &viewport) const
{
    const QSize grid = layoutGrid(viewport);
    const int n = int(m_stats.size());
    if (n <= 1)
        return viewport;
    // Cells of at least the minimum size: wider or taller than the viewport when needed.
    return QSize(std::max(viewport.width(), grid.width() * m_minCell.width()),
                 std::max(viewport.height(), grid.height() * m_minCell.height()));
}

QString StatPanel::percentChangeText(double change)
{
    // Three significant digits, as Grafana: "1.23%", "12.3%", "123%".
    const double a = std::fabs(change);
    const int decimals = a == 0 ? 0 : std::clamp(2 - int(std::floor(std::log10(a))), 0, 6);
    return QString::number(a, 'f', decimals) + QLatin1Char('%');
}

QWidget *StatPanel::statView() const
{
    return m_view;
}

QSize StatPanel::layoutGrid(const QSize &size) const
{
    const int n = std::max(1, int(m_stats.size()));
    QSize grid;
    if (m_orientation == QLatin1String("horizontal")) { // side by side
        grid = QSize(n, 1);
    } else if (m_orientation == QLatin1String("vertical")) { // one above the other
        grid = QSize(1, n);
    } else {
        const double aspect = double(size.width()) / std::max(1, size.height());
        int cols = std::clamp(int(std::round(std::sqrt(n * aspect / 2.0))), 1, n);
        const int rows = (n + cols - 1) / cols;
        cols = (n + rows - 1) / rows;
        grid = QSize(cols, rows);
    }
    if (n > 1 && (size.width() < grid.width() * m_minCell.width() ||
                  size.height() < grid.height() * m_minCell.height())) {
        // Too small to read: as many columns of the minimum width as fit, rows below.
        const int cols = std::clamp(size.width() / std::max(1, m_minCell.width()), 1, n);
        return QSize(cols, (n + cols - 1) / cols);
    }
    return grid;
}

QStringList StatPanel::statTexts() const
{
    QStringList out;
    for (const Stat &s : m_stats)
        out << s.text;
    return out;
}

QList<QColor> StatPanel::statColors() const
{
    QList<QColor> out;
    for (const Stat &s : m_stats)
        out << s.color;
    return out;
}

bool StatPanel::updateContent(const PanelDataPtr &data)
{
    m_stats.clear();
    m_drawn = data;
    const std::vector<PanelSeries> series = collectSeries(model(), *data);
    const bool all = showsAllValues(model());
    const int limit = allValuesLimit(model());
    for (const PanelSeries &ps : series) {
        if (ps.frame->isEmpty())
            continue;
        // fieldConfig.defaults with this series' overrides (unit, decimals, colour, ...).
        const FieldConfig d =
            m_fieldConfig.resolve({ps.name, ps.refId, QStringLiteral("number"), ps.frame});
        // "All values": one stat per point (no sparkline); otherwise one per series.
        const size_t points = all ? ps.frame->values.size() : 1;
        for (size_t point = 0; point < points && !(all && m_stats.size() >= limit); ++point) {
            Stat s;
            s.name = d.displayName.isEmpty() ? ps.name : d.displayName;
            s.frame = all ? nullptr : ps.frame;
            if (all) {
                s.value = ps.frame->values[point];
                s.text = d.valuePrefix + formatValueText(s.value, d.unit, d.decimals);
            } else if (m_timeField) {
                // The time field reduced with the calc: lastNotNull = the last point's time.
                Frame times;
                times.timestamps = ps.frame->timestamps;
                times.values.reserve(ps.frame->timestamps.size());
                for (qint64 t : ps.frame->timestamps)
                    times.values.push_back(double(t));
                s.value = reduce(times, m_calc);
                s.text =
                    d.valuePrefix + formatValueText(s.value, isDateTimeUnit(d.unit)
                                                                 ? d.unit
                                                                 : QStringLiteral("dateTimeAsIso"));
            } else {
                s.value = reduce(*ps.frame, m_calc);
                s.text = d.valuePrefix + formatValueText(s.value, d.unit, d.decimals);
            }
            const QString mode = d.colorMode.isEmpty() ? QStringLiteral("thresholds") : d.colorMode;
            if (mode == QLatin1String("fixed") || mode == QLatin1String("shades")) {
                const QColor fixed = grafanaColor(d.fixedColor);
                s.color = fixed.isValid() ? fixed : ps.color;
            } else if (mode == QLatin1String("thresholds")) {
                // Percentage thresholds need a range: the configured one, else the data's.
                double lo = d.min ? *d.min : reduce(*ps.frame, QStringLiteral("min"));
                double hi = d.max ? *d.max : reduce(*ps.frame, QStringLiteral("max"));
                s.color = thresholdColor(s.value, d.thresholds, lo, hi);
            } else {
                s.color = ps.color;
            }
            applyMapping(m_mappings, s.value, &s.text, &s.color);
            // options.showPercentChange: the change from the series' first value to the one
            // shown.
            if (m_showPercentChange && !all && !m_timeField) {
                const double first = reduce(*ps.frame, QStringLiteral("firstNotNull"));
                if (std::isfinite(first) && first != 0 && std::isfinite(s.value))
                    s.percentChange = (s.value - first) / std::fabs(first) * 100;
            }
            m_stats << s;
        }
    }
    m_scroll->updateContentSize();
    m_view->update();
    return !m_stats.isEmpty();
}

} // namespace pharos
