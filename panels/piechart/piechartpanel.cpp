#include "panels/piechart/piechartpanel.h"

#include <QJsonArray>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <cmath>

namespace pharos {

class PieChartView : public QWidget
{
public:
    explicit PieChartView(PieChartPanel *panel) : m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(40, 30);
        setMouseTracking(true);
    }

    QFont legendFont() const
    {
        QFont f = font();
        f.setPixelSize(12);
        return f;
    }

    /// The legend's area and the pie's area.
    std::pair<QRectF, QRectF> areas() const
    {
        const QRectF all = QRectF(rect()).adjusted(2, 2, -2, -2);
        if (!m_panel->legendVisible() || m_panel->m_slices.isEmpty())
            return {QRectF(), all};
        const QFontMetricsF fm(legendFont());
        const double line = fm.height() + 4;
        const qsizetype lines = m_panel->m_slices.size() + (m_panel->isLegendTable() ? 1 : 0);
        if (m_panel->m_legendPlacement == QLatin1String("bottom")) {
            const double h = std::min(all.height() * 0.4, line * double(lines) + 4);
            return {QRectF(all.left(), all.bottom() - h, all.width(), h),
                    QRectF(all.left(), all.top(), all.width(), all.height() - h)};
        }
        const QList<double> cols = columnWidths(fm);
        double w = 0;
        for (double c : cols)
            w += c + kColumnGap;
        w = std::min(all.width() * 0.45, w + 28); // swatch, spacing and margins
        return {QRectF(all.right() - w, all.top(), w, all.height()),
                QRectF(all.left(), all.top(), all.width() - w, all.height())};
    }

    static constexpr double kColumnGap = 10;

    /// The legend's column widths: the name, then each value (header included in table mode).
    QList<double> columnWidths(const QFontMetricsF &fm) const
    {
        QList<QStringList> rows;
        for (const QString &l : m_panel->legendLines())
            rows << l.split(QLatin1Char('\t'));
        QFont bold = legendFont();
        bold.setBold(true);
        const QFontMetricsF bfm(bold);
        QList<double> widths;
        const QStringList header = m_panel->legendHeader();
        for (qsizetype j = 0; j < header.size(); ++j)
            widths << bfm.horizontalAdvance(header[j]);
        for (const QStringList &r : std::as_const(rows)) {
            for (qsizetype j = 0; j < r.size(); ++j) {
                if (j >= widths.size())
                    widths << 0;
                widths[j] = std::max(widths[j], fm.horizontalAdvance(r[j]));
            }
        }
        return widths;
    }

    /// Draws one legend row: the name left in `r`, the values right-aligned in their columns.
    static void drawColumns(QPainter &p, const QFontMetricsF &fm, const QRectF &r,
                            const QStringList &cells, const QList<double> &widths)
    {
        double right = r.right();
        for (qsizetype j = cells.size() - 1; j >= 1; --j) {
            const double w = widths.value(j);
            p.drawText(QRectF(right - w, r.top(), w, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                       cells[j]);
            right -= w + kColumnGap;
        }
        const double nameW = std::max(0.0, right - r.left() + kColumnGap - 4);
        p.drawText(QRectF(r.left(), r.top(), nameW, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(cells.value(0), Qt::ElideRight, nameW));
    }

    /// Centre and radii of the pie (inner > 0 for a donut).
    void pieGeometry(QPointF *center, double *outer, double *inner) const
    {
        const QRectF area = areas().second;
        *center = area.center();
        *outer = std::max(4.0, std::min(area.width(), area.height()) / 2 - 4);
        *inner = m_panel->m_donut ? *outer * 0.55 : 0;
    }

    int sliceAt(QPointF pos) const
    {
        QPointF c;
        double ro = 0, ri = 0;
        pieGeometry(&c, &ro, &ri);
        const double dx = pos.x() - c.x(), dy = c.y() - pos.y();
        const double r = std::hypot(dx, dy);
        if (r > ro || r < ri)
            return -1;
        double a = std::atan2(dy, dx) * 180 / M_PI; // Qt angle
        const auto &slices = m_panel->m_slices;
        for (int i = 0; i < slices.size(); ++i) {
            const auto &s = slices[i];
            // Slices run clockwise: from start down to start + span (span < 0).
            double rel = std::fmod(s.startDeg - a + 720.0, 360.0);
            if (s.spanDeg < 0 && rel <= -s.spanDeg)
                return i;
        }
        return -1;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const auto &slices = m_panel->m_slices;
        if (slices.isEmpty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QPointF c;
        double ro = 0, ri = 0;
        pieGeometry(&c, &ro, &ri);
        const QRectF outerRect(c.x() - ro, c.y() - ro, 2 * ro, 2 * ro);
        const QRectF innerRect(c.x() - ri, c.y() - ri, 2 * ri, 2 * ri);
        const QColor bg = palette().color(QPalette::Window);
        for (const auto &s : slices) {
            if (s.spanDeg == 0)
                continue;
            QPainterPath path;
            if (ri > 0) {
                path.arcMoveTo(outerRect, s.startDeg);
                path.arcTo(outerRect, s.startDeg, s.spanDeg);
                path.arcTo(innerRect, s.startDeg + s.spanDeg, -s.spanDeg);
                path.closeSubpath();
            } else {
                path.moveTo(c);
                path.arcTo(outerRect, s.startDeg, s.spanDeg);
                path.closeSubpath();
            }
            // A thin gap between slices; a lone full slice has no edge to show.
            if (std::fabs(s.spanDeg) < 359.99)
                p.setPen(QPen(bg, 1));
            else
                p.setPen(Qt::NoPen);
            p.setBrush(s.color);
            p.drawPath(path);
        }
        drawSliceLabels(p, c, ro, ri);
        drawLegend(p);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QString tip = m_panel->toolTipAt(event->position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), tip, this);
    }

private:
    void drawSliceLabels(QPainter &p, QPointF c, double ro, double ri)
    {
        const QStringList &what = m_panel->m_displayLabels;
        if (what.isEmpty())
            return;
        QFont f = font();
        f.setPixelSize(std::clamp(int(ro * 0.1), 9, 13));
        p.setFont(f);
        const QFontMetricsF fm(f);
        for (const auto &s : m_panel->m_slices) {
            if (-s.spanDeg < 12) // too thin for a label
                continue;
            QStringList parts;
            if (what.contains(QLatin1String("name")))
                parts << s.name;
            if (what.contains(QLatin1String("value")))
                parts << s.text;
            if (what.contains(QLatin1String("percent")))
                parts << s.percentText;
            const double mid = (s.startDeg + s.spanDeg / 2) * M_PI / 180;
            const double r = ri > 0 ? (ro + ri) / 2 : ro * 0.65;
            const QPointF at(c.x() + r * std::cos(mid), c.y() - r * std::sin(mid));
            const double h = fm.height() * parts.size();
            const QRectF box(at.x() - ro * 0.5, at.y() - h / 2, ro, h);
            p.setPen(s.color.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            QStringList lines;
            for (const QString &part : std::as_const(parts))
                lines << fm.elidedText(part, Qt::ElideRight, box.width());
            p.drawText(box, Qt::AlignCenter, lines.join(QLatin1Char('\n')));
        }
    }

    void drawLegend(QPainter &p)
    {
        const QRectF area = areas().first;
        if (area.isEmpty())
            return;
        const QFont f = legendFont();
        p.setFont(f);
        const QFontMetricsF fm(f);
        const double line = fm.height() + 4;
        const QColor text = palette().color(QPalette::WindowText);
        double y = area.top() + 2;
        const auto &slices = m_panel->m_slices;
        const QStringList lines = m_panel->legendLines();
        const QList<double> widths = columnWidths(fm);
        if (m_panel->isLegendTable()) {
            // Table mode: a header row naming the columns.
            QFont hf = f;
            hf.setBold(true);
            p.setFont(hf);
            p.setPen(text);
            drawColumns(p, QFontMetricsF(hf), QRectF(area.left() + 20, y, area.width() - 22, line),
                        m_panel->legendHeader(), widths);
            p.setFont(f);
            y += line;
        }
        for (int i = 0; i < slices.size() && y + line <= area.bottom() + 1; ++i) {
            const QRectF sw(area.left() + 2, y + (line - 10) / 2, 12, 10);
            p.setPen(Qt::NoPen);
            p.setBrush(slices[i].color);
            p.drawRoundedRect(sw, 2, 2);
            p.setPen(text);
            drawColumns(p, fm, QRectF(sw.right() + 6, y, area.right() - sw.right() - 8, line),
                        lines.value(i).split(QLatin1Char('\t')), widths);
            y += line;
        }
    }

    PieChartPanel *m_panel;
};

PieChartPanel::PieChartPanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    m_calc = reduceCalc(model);
    m_donut = options.value(QLatin1String("pieType")).toString() == QLatin1String("donut");
    for (const QJsonValue &v : options.value(QLatin1String("displayLabels")).toArray())
        m_displayLabels << v.toString();
    const QJsonObject legend = options.value(QLatin1String("legend")).toObject();
    m_legendMode = legend.value(QLatin1String("displayMode")).toString(QStringLiteral("list"));
    const QJsonValue show = legend.value(QLatin1String("showLegend"));
    if (!show.toBool(true))
        m_legendMode = QStringLiteral("hidden");
    else if (show.isBool() && m_legendMode == QLatin1String("hidden")) // shown again
        m_legendMode = QStringLiteral("list");
    m_tooltipMode = options.value(QLatin1String("tooltip"))
                        .toObject()
                        .value(QLatin1String("mode"))
                        .toString(QStringLiteral("single"));
    m_legendPlacement = legend.value(QLatin1String("placement")).toString(QStringLiteral("right"));
    for (const QJsonValue &v : legend.value(QLatin1String("values")).toArray())
        m_legendValues << v.toString();
    m_mappings = ValueMappings::fromPanel(model.json);
    m_view = new PieChartView(this);
    m_view->setObjectName(QStringLiteral("pieChartView"));
    setContentWidget(m_view);
}

QWidget *PieChartPanel::chartView() const
{
    return m_view;
}

QStringList PieChartPanel::legendLines() const
{
    QStringList out;
    for (const Slice &s : m_slices) {
        QStringList cols{s.name};
        if (m_legendValues.contains(QLatin1String("value")))
            cols << s.text;
        if (m_legendValues.contains(QLatin1String("percent")))
            cols << s.percentText;
        out << cols.join(QLatin1Char('\t'));
    }
    return out;
}

QString PieChartPanel::toolTipAt(QPointF pos) const
{
    const int i = m_view->sliceAt(pos);
    if (i < 0 || m_tooltipMode == QLatin1String("none"))
        return {};
    const auto line = [](const Slice &s) {
        return QStringLiteral("%1: %2 (%3)").arg(s.name, s.text, s.percentText);
    };
    if (m_tooltipMode != QLatin1String("multi"))
        return line(m_slices[i]);
    // "multi": every slice, the one under the mouse first.
    QStringList lines{line(m_slices[i])};
    for (int j = 0; j < m_slices.size(); ++j)
        if (j != i)
            lines << line(m_slices[j]);
    return lines.join(QLatin1Char('\n'));
}

bool PieChartPanel::isLegendTable() const
{
    return m_legendMode == QLatin1String("table");
}

QStringList PieChartPanel::legendHeader() const
{
    if (!isLegendTable())
        return {};
    QStringList cols{tr("Name")};
    if (m_legendValues.contains(QLatin1String("value")))
        cols << tr("Value");
    if (m_legendValues.contains(QLatin1String("percent")))
        cols << tr("Percent");
    return cols;
}

QPointF PieChartPanel::slicePoint(int index) const
{
    if (index < 0 || index >= m_slices.size())
        return {};
    QPointF c;
    double ro = 0, ri = 0;
    m_view->pieGeometry(&c, &ro, &ri);
    const Slice &s = m_slices[index];
    const double mid = (s.startDeg + s.spanDeg / 2) * M_PI / 180;
    const double r = ri > 0 ? (ro + ri) / 2 : ro * 0.5;
    // Off the label in the middle of the ring/slice: a little outwards.
    const double rr = ri > 0 ? r + (ro - ri) * 0.3 : ro * 0.88;
    return {c.x() + rr * std::cos(mid), c.y() - rr * std::sin(mid)};
}

QPointF PieChartPanel::pieCenter() const
{
    QPointF c;
    double ro = 0, ri = 0;
    m_view->pieGeometry(&c, &ro, &ri);
    return c;
}

bool PieChartPanel::updateContent(const PanelDataPtr &data)
{
    const auto [lo, hi] = displayRange(model(), *data);
    const std::vector<ReducedValue> values =
        reduceSeries(model(), *data, m_calc, m_mappings, lo, hi, QStringLiteral("palette-classic"));
    m_slices.clear();
    double total = 0;
    for (const ReducedValue &v : values) {
        if (std::isfinite(v.value) && v.value > 0)
            total += v.value;
    }
    double angle = 90; // 12 o'clock, then clockwise
    for (const ReducedValue &v : values) {
        Slice s;
        s.name = v.name;
        s.value = v.value;
        s.text = v.text;
        s.color = v.color;
        const double share =
            (total > 0 && std::isfinite(v.value) && v.value > 0) ? v.value / total : 0;
        s.percent = share * 100;
        const int decimals = v.decimals.value_or(0); // the slice's own (overrides applied)
        s.percentText =
            QString::number(s.percent, 'f', std::clamp(decimals, 0, 6)) + QLatin1Char('%');
        s.startDeg = angle;
        s.spanDeg = -share * 360;
        angle += s.spanDeg;
        m_slices << s;
    }
    m_view->update();
    return !m_slices.isEmpty();
}

} // namespace pharos
