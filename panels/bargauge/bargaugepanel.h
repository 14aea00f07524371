#pragma once

#include "panels/reducedpanel.h"

namespace pharos {

class BarGaugeView;

/// Grafana "bargauge": one bar per series with its name and value, from min to max, in the
/// threshold colours. displayMode "basic" (one colour), "gradient" (the threshold colours
/// blend along the bar) or "lcd" (cells, each in the colour of its threshold, lit up to the
/// value). showUnfilled draws the rest of the bar faint (the unlit LCD cells dimmed); without
/// it only the filled part is drawn.
/// valueMode "color" draws the value in its colour, "text" in the text colour, "hidden" not
/// at all. namePlacement "auto"/"top" puts the name above a horizontal bar, "left" in a
/// column left of the bars, "hidden" nowhere. orientation "horizontal",
/// "vertical" or "auto" (vertical bars side by side when the panel is wider than tall).
class BarGaugePanel : public ReducedPanel
{
    Q_OBJECT
public:
    explicit BarGaugePanel(const PanelModel &model, QWidget *parent = nullptr);

    const std::vector<ReducedValue> &bars() const { return m_values; }
    QStringList barNames() const { return valueNames(); }
    QStringList barTexts() const { return valueTexts(); }
    QString displayMode() const { return m_displayMode; }
    bool showUnfilled() const { return m_showUnfilled; }
    QString valueMode() const { return m_valueMode; }
    QString namePlacement() const { return m_namePlacement; }
    /// options.sizing: "auto" (the bars share the panel) or "manual" (horizontal bars
    /// minVizHeight..maxVizHeight px tall, vertical bars at least minVizWidth px wide).
    QString sizing() const { return m_sizing; }
    /// Where the name and the value of bar `index` are drawn (empty when not drawn).
    QRectF nameRect(int index) const;
    QRectF valueRect(int index) const;
    /// The orientation in use (auto resolved for the current size).
    bool isVertical() const;
    QWidget *barView() const;
    /// The whole bar (filled and unfilled) of `index` in barView() coordinates.
    QRectF barRect(int index) const;
    /// The filled part of bar `index`.
    QRectF filledRect(int index) const;
    /// LCD mode: the number of cells per bar.
    int lcdCells(int index) const;
    /// Bars never get thinner than minBarSize() (manual sizing: minVizWidth / minVizHeight;
    /// auto: 8 px wide, 16 px tall): more bars than fit make the panel scroll, and "auto"
    /// orientation then stacks horizontal bars.
    double minBarSize(bool vertical) const;
    static constexpr double Gap = 6; // px between bars

private:
    friend class BarGaugeView;
    /// The panel's drawing area (the scroll area's viewport without scroll bars).
    QSize areaSize() const;
    /// The length of one bar's slot along `length` px shared by `n` bars.
    double barSlot(double length, int n, bool vertical) const;
    bool verticalIn(const QSize &area) const;
    BarGaugeView *m_view = nullptr;
    QString m_displayMode; // gradient, lcd, basic
    bool m_showUnfilled = true;
    QString m_valueMode; // color, text, hidden
    QString m_sizing;    // auto, manual
    int m_minVizWidth = 8;
    int m_minVizHeight = 16;
    int m_maxVizHeight = 300;
    QString m_namePlacement; // auto, top, left, hidden
};

} // namespace pharos
