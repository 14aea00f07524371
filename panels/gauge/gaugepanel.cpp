#include "panels/gauge/gaugepanel.h"

#include "dashboards/fields/units.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/vizscrollarea.h"

#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

constexpr double kStartDeg = 210; // lower left
constexpr double kSweepDeg = 240; // clockwise to the lower right

/// The rows and columns of a grid of `n` cells in a `w` x `h` area: side by side
/// ("horizontal"), one above the other ("vertical"), or cells as square as possible ("auto").
std::pair<int, int> gridShape(int n, double w, double h, const QString &orientation)
{
    if (orientation == QLatin1String("horizontal"))
        return {1, n};
    if (orientation == QLatin1String("vertical"))
        return {n, 1};
    const double aspect = w / std::max(1.0, h);
    int cols = std::clamp(int(std::round(std::sqrt(n * aspect))), 1, n);
    const int rows = (n + cols - 1) / cols;
    cols = (n + rows - 1) / rows;
    return {rows, cols};
}

/// gridShape(), unless its cells would be smaller than `minCell`: then as many columns of the
/// minimum width as fit, and rows below them (the view grows and the panel scrolls).
std::pair<int, int> readableGridShape(int n, double w, double h, const QString &orientation,
                                      const QSize &minCell)
{
    const auto [rows, cols] = gridShape(n, w, h, orientation);
    if (n <= 1 || (w >= cols * minCell.width() && h >= rows * minCell.height()))
        return {rows, cols};
    const int fit = std::clamp(int(w) / std::max(1, minCell.width()), 1, n);
    return {(n + fit - 1) / fit, fit};
}

/// Geometry of one gauge inside its cell.
struct GaugeGeometry
{
    QRectF nameRect;
    QPointF center;
    double outer = 0;     // outer radius of the marker ring (or of the band without markers)
    double markerIn = 0;  // inner radius of the marker ring
    double bandOuter = 0; // the value band
    double bandInner = 0;
    bool valid = false;
};

QPointF polar(QPointF c, double radius, double fraction)
{
    const double a = (kStartDeg - kSweepDeg * std::clamp(fraction, 0.0, 1.0)) * M_PI / 180.0;
    return {c.x() + radius * std::cos(a), c.y() - radius * std::sin(a)};
}

} // namespace

class GaugeView : public QWidget
{
public:
    explicit GaugeView(GaugePanel *panel) : m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(40, 30);
        setMouseTracking(true);
    }

    QRectF cellRect(int index) const
    {
        const int n = int(m_panel->m_values.size());
        if (index < 0 || index >= n)
            return {};
        const auto [rows, cols] =
            readableGridShape(n, width(), height(), m_panel->m_orientation, m_panel->m_minCell);
        const double cw = double(width()) / cols, ch = double(height()) / rows;
        return QRectF(cw * (index % cols), ch * (index / cols), cw, ch).adjusted(2, 2, -2, -2);
    }

    GaugeGeometry geometry(int index) const
    {
        GaugeGeometry g;
        QRectF cell = cellRect(index);
        if (cell.isEmpty())
            return g;
        if (m_panel->m_values.size() > 1) {
            const std::optional<int> title = m_panel->m_textSizes.title;
            const double nh = title ? *title * 1.25 : std::clamp(cell.height() * 0.12, 10.0, 18.0);
            g.nameRect = QRectF(cell.left(), cell.top(), cell.width(), nh);
            cell.setTop(cell.top() + nh + 2);
        }
        // The arc spans 240 degrees: it is 2r wide and 1.5r high.
        // Threshold labels sit outside the arc: room for one line of labelFont() around it.
        const double labelPad = m_panel->m_labels ? QFontMetricsF(labelFont()).height() * 1.3 : 0;
        double r = std::min((cell.width() - 2 * labelPad * 2.5) / 2.0,
                            (cell.height() - 2 * labelPad) / 1.5);
        r = std::max(r, 6.0);
        g.center = QPointF(cell.center().x(), cell.top() + labelPad +
                                                  (cell.height() - 2 * labelPad - 1.5 * r) / 2 + r);
        g.outer = r;
        if (m_panel->m_markers) {
            g.markerIn = r - std::max(2.0, r * 0.07);
            g.bandOuter = g.markerIn - std::max(1.5, r * 0.04);
        } else {
            g.markerIn = r;
            g.bandOuter = r;
        }
        g.bandInner = g.bandOuter - std::max(3.0, r * 0.2);
        g.valid = true;
        return g;
    }

    QFont labelFont() const
    {
        QFont f = font();
        f.setPixelSize(10);
        return f;
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const auto &values = m_panel->m_values;
        if (values.empty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF exposed = event->rect();
        for (int i = 0; i < int(values.size()); ++i) {
            if (cellRect(i).adjusted(-2, -2, 2, 2).intersects(exposed)) // the view may scroll
                drawGauge(p, i, values[size_t(i)]);
        }
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const auto &values = m_panel->m_values;
        for (int i = 0; i < int(values.size()); ++i) {
            if (cellRect(i).contains(event->position())) {
                const ReducedValue &v = values[size_t(i)];
                QToolTip::showText(event->globalPosition().toPoint(), v.tooltip(), this);
                return;
            }
        }
        QToolTip::hideText();
    }

private:
    static void arc(QPainter &p, QPointF c, double rOuter, double rInner, double f0, double f1,
                    const QColor &color)
    {
        if (f1 <= f0 || rOuter <= rInner)
            return;
        const double rm = (rOuter + rInner) / 2;
        QPen pen(color, rOuter - rInner, Qt::SolidLine, Qt::FlatCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        const QRectF rect(c.x() - rm, c.y() - rm, 2 * rm, 2 * rm);
        const int start = int(std::lround((kStartDeg - kSweepDeg * f0) * 16));
        const int span = -int(std::lround(kSweepDeg * (f1 - f0) * 16));
        if (span != 0)
            p.drawArc(rect, start, span);
    }

    void drawGauge(QPainter &p, int index, const ReducedValue &v)
    {
        const GaugeGeometry g = geometry(index);
        if (!g.valid)
            return;
        const QColor text = palette().color(QPalette::WindowText);
        if (!g.nameRect.isEmpty()) {
            QFont nf = font();
            nf.setPixelSize(
                m_panel->m_textSizes.title.value_or(std::max(8, int(g.nameRect.height() * 0.8))));
            p.setFont(nf);
            p.setPen(text);
            p.drawText(g.nameRect, Qt::AlignCenter,
                       QFontMetricsF(nf).elidedText(v.name, Qt::ElideRight, g.nameRect.width()));
        }
        // Track, then the value.
        QColor track = text;
        track.setAlphaF(0.1f);
        arc(p, g.center, g.bandOuter, g.bandInner, 0, 1, track);
        const double f = std::isfinite(v.value) ? v.fractionOf(v.value) : 0;
        arc(p, g.center, g.bandOuter, g.bandInner, 0, f, v.color);

        // Threshold markers: one segment per step, in its colour.
        const Thresholds &th = v.thresholds; // the series' own (overrides applied)
        const double lo = v.lo, hi = v.hi;
        auto stepValue = [&](const ThresholdStep &s) {
            if (!s.value)
                return lo;
            return th.mode == Thresholds::Mode::Percentage ? lo + (hi - lo) * *s.value / 100.0
                                                           : *s.value;
        };
        if (m_panel->m_markers && !th.steps.isEmpty()) {
            for (qsizetype i = 0; i < th.steps.size(); ++i) {
                const double from = stepValue(th.steps[i]);
                const double to = i + 1 < th.steps.size() ? stepValue(th.steps[i + 1]) : hi;
                QColor c = grafanaColor(th.steps[i].color);
                if (!c.isValid())
                    c = grafanaColor(QStringLiteral("green"));
                arc(p, g.center, g.outer, g.markerIn, v.fractionOf(from), v.fractionOf(to), c);
            }
        }
        if (m_panel->m_labels && !th.steps.isEmpty()) {
            const QFont lf = labelFont();
            p.setFont(lf);
            p.setPen(text);
            const QFontMetricsF fm(lf);
            QList<double> marks{lo};
            for (const ThresholdStep &s : th.steps) {
                if (s.value)
                    marks << stepValue(s);
            }
            marks << hi;
            for (double m : std::as_const(marks)) {
                if (m < lo || m > hi)
                    continue;
                const QString label = formatValueText(m, v.unit, v.decimals);
                const QPointF at = polar(g.center, g.outer + fm.height() * 0.7, v.fractionOf(m));
                const double w = fm.horizontalAdvance(label);
                p.drawText(QRectF(at.x() - w / 2, at.y() - fm.height() / 2, w, fm.height()),
                           Qt::AlignCenter, label);
            }
        }

        // The value in the middle, as large as fits inside the arc.
        const double inner = g.bandInner * 0.85;
        const QRectF textRect(g.center.x() - inner, g.center.y() - inner * 0.45, 2 * inner,
                              inner * 0.9);
        QFont vf = font();
        vf.setBold(true);
        const std::optional<int> fixed = m_panel->m_textSizes.value;
        int px = fixed.value_or(std::max(8, int(std::min(textRect.height() * 0.8, 96.0))));
        vf.setPixelSize(px);
        while (!fixed && px > 8 && QFontMetricsF(vf).horizontalAdvance(v.text) > textRect.width()) {
            px = std::max(8, int(px * 0.9));
            vf.setPixelSize(px);
        }
        p.setFont(vf);
        p.setPen(v.color);
        p.drawText(textRect, Qt::AlignCenter, v.text);
    }

    GaugePanel *m_panel;
};

GaugePanel::GaugePanel(const PanelModel &model, QWidget *parent) : ReducedPanel(model, parent)
{
    const QJsonObject options = model.options();
    m_markers = options.value(QLatin1String("showThresholdMarkers")).toBool(true);
    m_labels = options.value(QLatin1String("showThresholdLabels")).toBool(false);
    m_minCell = VizScrollArea::minCellSize(options, m_orientation, QSize(48, 48));
    m_view = new GaugeView(this);
    m_view->setObjectName(QStringLiteral("gaugeView"));
    setView(m_view, [this](const QSize &viewport) {
        const int n = int(m_values.size());
        if (n <= 1)
            return viewport;
        const auto [rows, cols] =
            readableGridShape(n, viewport.width(), viewport.height(), m_orientation, m_minCell);
        return QSize(std::max(viewport.width(), cols * m_minCell.width()),
                     std::max(viewport.height(), rows * m_minCell.height()));
    });
}

QWidget *GaugePanel::gaugeView() const
{
    return m_view;
}

QPointF GaugePanel::valueBandPoint(int index, double fraction) const
{
    const GaugeGeometry g = m_view->geometry(index);
    return g.valid ? polar(g.center, (g.bandOuter + g.bandInner) / 2, fraction) : QPointF();
}

QPointF GaugePanel::markerPoint(int index, double fraction) const
{
    const GaugeGeometry g = m_view->geometry(index);
    return g.valid ? polar(g.center, (g.outer + g.markerIn) / 2, fraction) : QPointF();
}

} // namespace pharos
