#include "panels/bargauge/bargaugepanel.h"

#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/vizscrollarea.h"

#include <QLinearGradient>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

struct BarGeometry
{
    QRectF name;
    QRectF value;
    QRectF bar;
    bool valid = false;
};

constexpr double kLcdCell = 12; // px along the bar per LCD cell, gap included
constexpr double kLcdGap = 2;

} // namespace

class BarGaugeView : public QWidget
{
public:
    explicit BarGaugeView(BarGaugePanel *panel) : m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(40, 20);
        setMouseTracking(true);
    }

    bool vertical() const { return m_panel->verticalIn(m_panel->areaSize()); }

    QFont nameFont(double slot) const
    {
        QFont f = font();
        f.setPixelSize(m_panel->m_textSizes.title.value_or(std::clamp(int(slot), 8, 14)));
        return f;
    }

    QFont valueFont(double slot) const
    {
        QFont f = font();
        f.setBold(true);
        f.setPixelSize(m_panel->m_textSizes.value.value_or(std::clamp(int(slot), 8, 28)));
        return f;
    }

    /// The widest value text at `font`, so all bars end at the same place.
    double valueWidth(const QFont &f) const
    {
        const QFontMetricsF fm(f);
        double w = 0;
        for (const ReducedValue &v : m_panel->m_values)
            w = std::max(w, fm.horizontalAdvance(v.text));
        return w + 6;
    }

    BarGeometry geometry(int index) const
    {
        BarGeometry g;
        const int n = int(m_panel->m_values.size());
        if (index < 0 || index >= n)
            return g;
        const double gap = BarGaugePanel::Gap;
        if (!vertical()) {
            const double slot = m_panel->barSlot(height(), n, false);
            const double top = index * (slot + gap);
            const QFont vf = valueFont(std::min(slot * 0.6, 28.0));
            const double vw = valueHidden() ? 0 : std::min(valueWidth(vf), width() * 0.4);
            const QFont nf = nameFont(slot * 0.3);
            const QFontMetricsF nfm(nf);
            const QString &placement = m_panel->m_namePlacement;
            if (placement == QLatin1String("left")) {
                // The names in a column left of the bars.
                double nw = 0;
                for (const ReducedValue &v : m_panel->m_values)
                    nw = std::max(nw, nfm.horizontalAdvance(v.name));
                nw = std::min(nw + 8, width() * 0.3);
                g.name = QRectF(0, top, nw, slot);
                g.bar = QRectF(nw, top, width() - vw - nw, slot);
                g.value = QRectF(width() - vw, top, vw, slot);
            } else {
                double nameH = nfm.height();
                if (placement == QLatin1String("hidden") || slot < 2.2 * nameH)
                    nameH = 0; // hidden, or no room above the bar: no name line
                g.name = QRectF(0, top, width() - vw, nameH);
                g.bar = QRectF(0, top + nameH, width() - vw, slot - nameH);
                g.value = QRectF(width() - vw, top + nameH, vw, slot - nameH);
            }
        } else {
            const double slot = m_panel->barSlot(width(), n, true);
            const double left = index * (slot + gap);
            const QFont vf = valueFont(std::min(slot * 0.25, 24.0));
            const double vh = valueHidden() ? 0 : QFontMetricsF(vf).height() + 2;
            const double nh = m_panel->m_namePlacement == QLatin1String("hidden")
                                  ? 0
                                  : QFontMetricsF(nameFont(14)).height() + 2;
            g.value = QRectF(left, 0, slot, vh);
            g.bar = QRectF(left, vh, slot, std::max(1.0, height() - vh - nh));
            g.name = QRectF(left, height() - nh, slot, nh);
        }
        g.valid = g.bar.width() > 0 && g.bar.height() > 0;
        return g;
    }

    bool valueHidden() const { return m_panel->m_valueMode == QLatin1String("hidden"); }

    QRectF filled(const BarGeometry &g, double f) const
    {
        if (vertical()) {
            const double h = g.bar.height() * f;
            return QRectF(g.bar.left(), g.bar.bottom() - h, g.bar.width(), h);
        }
        return QRectF(g.bar.left(), g.bar.top(), g.bar.width() * f, g.bar.height());
    }

    int cells(const BarGeometry &g) const
    {
        const double len = vertical() ? g.bar.height() : g.bar.width();
        return std::max(1, int(len / kLcdCell));
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const auto &values = m_panel->m_values;
        if (values.empty())
            return;
        QPainter p(this);
        const QRectF exposed = event->rect();
        for (int i = 0; i < int(values.size()); ++i) {
            const BarGeometry g = geometry(i); // the view may be larger than the panel
            if (g.bar.united(g.name).united(g.value).intersects(exposed))
                drawBar(p, i, values[size_t(i)]);
        }
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const auto &values = m_panel->m_values;
        for (int i = 0; i < int(values.size()); ++i) {
            const BarGeometry g = geometry(i);
            if (g.bar.united(g.name).united(g.value).contains(event->position())) {
                const ReducedValue &v = values[size_t(i)];
                QToolTip::showText(event->globalPosition().toPoint(), v.tooltip(), this);
                return;
            }
        }
        QToolTip::hideText();
    }

private:
    QColor colorAt(double value, const ReducedValue &v) const
    {
        // With a value mapping colour or a non-threshold colour mode, the bar is one colour.
        const bool thresholds = v.colorMode == QLatin1String("thresholds");
        if (!thresholds || v.mapped)
            return v.color;
        return thresholdColor(value, v.thresholds, v.lo, v.hi);
    }

    void drawBar(QPainter &p, int index, const ReducedValue &v)
    {
        const BarGeometry g = geometry(index);
        if (!g.valid)
            return;
        const bool vert = vertical();
        const QColor text = palette().color(QPalette::WindowText);
        const double f = std::isfinite(v.value) ? v.fractionOf(v.value) : 0;
        const double lo = v.lo, hi = v.hi; // the series' own range (overrides applied)
        QColor faint = text;
        faint.setAlphaF(0.08f);
        const QString &mode = m_panel->m_displayMode;

        if (mode == QLatin1String("lcd")) {
            const int n = cells(g);
            const double len = vert ? g.bar.height() : g.bar.width();
            const double step = len / n;
            for (int c = 0; c < n; ++c) {
                const double cellValue = lo + (hi - lo) * (c + 0.5) / n;
                const bool lit = std::isfinite(v.value) && (c + 0.5) / n <= f;
                QColor col = colorAt(cellValue, v);
                if (!lit && !m_panel->m_showUnfilled)
                    continue;
                if (!lit)
                    col.setAlphaF(0.18f);
                QRectF r;
                if (vert)
                    r = QRectF(g.bar.left(), g.bar.bottom() - (c + 1) * step + kLcdGap / 2,
                               g.bar.width(), step - kLcdGap);
                else
                    r = QRectF(g.bar.left() + c * step + kLcdGap / 2, g.bar.top(), step - kLcdGap,
                               g.bar.height());
                p.fillRect(r, col);
            }
        } else {
            if (m_panel->m_showUnfilled)
                p.fillRect(g.bar, faint);
            const QRectF fill = filled(g, f);
            if (mode == QLatin1String("gradient") && !v.mapped) {
                // The threshold colours along the whole bar, shown up to the value.
                QLinearGradient grad(vert ? g.bar.bottomLeft() : g.bar.topLeft(),
                                     vert ? g.bar.topLeft() : g.bar.topRight());
                const int stops = 32;
                for (int s = 0; s <= stops; ++s) {
                    const double t = double(s) / stops;
                    QColor c = colorAt(lo + (hi - lo) * t, v);
                    // Fade the start a little, as Grafana does.
                    c.setAlphaF(float(0.55 + 0.45 * std::min(1.0, t / std::max(f, 1e-9))));
                    grad.setColorAt(t, c);
                }
                p.fillRect(fill, grad);
            } else {
                p.fillRect(fill, v.color);
            }
        }

        // Value and name.
        QFont vf = valueFont(vert ? std::min(g.bar.width() * 0.25, 24.0)
                                  : std::min(g.bar.height() * 0.6, 28.0));
        QFontMetricsF vfm(vf);
        while (!m_panel->m_textSizes.value && vf.pixelSize() > 8 &&
               vfm.horizontalAdvance(v.text) > g.value.width()) {
            vf.setPixelSize(vf.pixelSize() - 1);
            vfm = QFontMetricsF(vf);
        }
        p.setFont(vf);
        // valueMode: "color" (the value's colour), "text" (the text colour) or "hidden".
        p.setPen(m_panel->m_valueMode == QLatin1String("text") ? text : v.color);
        if (!valueHidden())
            p.drawText(g.value, (vert ? Qt::AlignHCenter : Qt::AlignRight) | Qt::AlignVCenter,
                       v.text);
        if (!g.name.isEmpty() && !v.name.isEmpty()) {
            const QFont nf = nameFont(vert ? 14 : g.name.height() * 0.8);
            p.setFont(nf);
            p.setPen(text);
            p.drawText(g.name, (vert ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter,
                       QFontMetricsF(nf).elidedText(v.name, Qt::ElideRight, g.name.width()));
        }
    }

    BarGaugePanel *m_panel;
};

BarGaugePanel::BarGaugePanel(const PanelModel &model, QWidget *parent) : ReducedPanel(model, parent)
{
    const QJsonObject options = model.options();
    m_displayMode = options.value(QLatin1String("displayMode")).toString();
    if (m_displayMode != QLatin1String("lcd") && m_displayMode != QLatin1String("basic"))
        m_displayMode = QStringLiteral("gradient");
    m_showUnfilled = options.value(QLatin1String("showUnfilled")).toBool(true);
    m_sizing = options.value(QLatin1String("sizing")).toString(QStringLiteral("auto"));
    m_minVizWidth =
        std::clamp(json::integer(options.value(QLatin1String("minVizWidth")), 8), 0, 10000);
    m_minVizHeight =
        std::clamp(json::integer(options.value(QLatin1String("minVizHeight")), 16), 0, 10000);
    m_maxVizHeight =
        std::clamp(json::integer(options.value(QLatin1String("maxVizHeight")), 300), 1, 10000);
    m_valueMode = options.value(QLatin1String("valueMode")).toString(QStringLiteral("color"));
    m_namePlacement =
        options.value(QLatin1String("namePlacement")).toString(QStringLiteral("auto"));
    m_view = new BarGaugeView(this);
    m_view->setObjectName(QStringLiteral("barGaugeView"));
    setView(m_view, [this](const QSize &viewport) {
        const int n = int(m_values.size());
        if (n <= 1)
            return viewport;
        const bool vertical = verticalIn(viewport);
        const double length = barSlot(vertical ? viewport.width() : viewport.height(), n, vertical);
        const int needed = int(std::ceil(n * length + Gap * (n - 1)));
        return vertical ? QSize(std::max(viewport.width(), needed), viewport.height())
                        : QSize(viewport.width(), std::max(viewport.height(), needed));
    });
}

QSize BarGaugePanel::areaSize() const
{
    return m_scroll ? m_scroll->maximumViewportSize() : QSize();
}

double BarGaugePanel::minBarSize(bool vertical) const
{
    // sizing "manual": minVizWidth / minVizHeight; "auto": Grafana's defaults (8 and 16 px).
    if (m_sizing == QLatin1String("manual"))
        return vertical ? m_minVizWidth : m_minVizHeight;
    return vertical ? 8 : 16;
}

double BarGaugePanel::barSlot(double length, int n, bool vertical) const
{
    n = std::max(1, n);
    double slot = (length - Gap * (n - 1)) / n;
    if (!vertical && m_sizing == QLatin1String("manual")) // at most maxVizHeight px tall
        slot = std::min(slot, double(m_maxVizHeight));
    return std::max(slot, minBarSize(vertical));
}

bool BarGaugePanel::verticalIn(const QSize &area) const
{
    if (m_orientation == QLatin1String("vertical"))
        return true;
    if (m_orientation == QLatin1String("horizontal"))
        return false;
    if (area.width() <= area.height())
        return false;
    // auto: vertical bars side by side when wider than tall, unless they would be thinner
    // than their minimum; then horizontal bars one above the other (the panel scrolls).
    const int n = std::max(1, int(m_values.size()));
    return (area.width() - Gap * (n - 1)) / n >= minBarSize(true);
}

QWidget *BarGaugePanel::barView() const
{
    return m_view;
}

bool BarGaugePanel::isVertical() const
{
    return m_view->vertical();
}

QRectF BarGaugePanel::barRect(int index) const
{
    return m_view->geometry(index).bar;
}

QRectF BarGaugePanel::nameRect(int index) const
{
    return m_view->geometry(index).name;
}

QRectF BarGaugePanel::valueRect(int index) const
{
    return m_view->geometry(index).value;
}

QRectF BarGaugePanel::filledRect(int index) const
{
    if (index < 0 || index >= int(m_values.size()))
        return {};
    const ReducedValue &r = m_values[size_t(index)];
    return m_view->filled(m_view->geometry(index),
                          std::isfinite(r.value) ? r.fractionOf(r.value) : 0);
}

int BarGaugePanel::lcdCells(int index) const
{
    return m_view->cells(m_view->geometry(index));
}

} // namespace pharos
