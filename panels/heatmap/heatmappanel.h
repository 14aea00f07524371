#pragma once

#include "panels/panelwidget.h"

#include <QColor>
#include <vector>

namespace pharos {

class HeatmapView;

/// The grid a heatmap draws: rows (y buckets, lowest first) by columns (time).
struct HeatmapGrid
{
    bool fromBuckets = false;   // Prometheus histogram buckets (`le`)
    std::vector<qint64> times;  // column timestamps (unix ms), ascending
    qint64 stepMs = 0;          // a column's width in time
    std::vector<double> upper;  // bucket mode: each row's upper bound (le), +Inf last
    QStringList rowNames;       // each row's label ("0.5", "+Inf", or the series name)
    std::vector<double> counts; // rows x columns, row-major; NaN = no value
    double minValue = 0;        // smallest and largest finite count
    double maxValue = 0;

    int rows() const { return int(rowNames.size()); }
    int columns() const { return int(times.size()); }
    double at(int row, int column) const
    {
        return counts[size_t(row) * times.size() + size_t(column)];
    }
};

/// Builds the heatmap grid of a panel's data. Targets with format "heatmap" hold cumulative
/// histogram buckets (one series per `le`): the series are sorted by `le` numerically (+Inf
/// last), series with the same `le` are added up, and each bucket's count is its cumulative
/// count minus the one below it. Other targets' series become one row each, as they are.
HeatmapGrid buildHeatmapGrid(const PanelModel &model, const PanelData &data);

/// Grafana "heatmap": coloured cells over time, a y axis of bucket bounds (or series names), a
/// colour scale (options.color: mode "scheme" with a scheme such as "Oranges", "Spectral",
/// "Viridis"..., or mode "opacity" with a fill colour; scale linear or exponential; min/max),
/// and a tooltip with the bucket and count under the mouse. Cells with no count (0 or none)
/// are left empty. yAxis.reverse puts the lowest bucket at the top, yAxis.axisPlacement puts
/// the bucket labels left, right or nowhere, and options.cellGap (1 px by default) separates
/// the cells. options.filterValues {le, ge} leaves cells at or below / at or above a value
/// empty (by default those with no count); color.steps quantises the scale. options.showValue
/// writes the counts in the cells ("auto": where they fit).
class HeatmapPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit HeatmapPanel(const PanelModel &model, QWidget *parent = nullptr);

    const HeatmapGrid &grid() const { return m_grid; }
    QWidget *heatmapView() const;
    /// The colour of a cell with count `value` (invalid when the cell is left empty).
    QColor colorFor(double value) const;
    /// The colour-scale bounds in use.
    double scaleMin() const { return m_scaleMin; }
    double scaleMax() const { return m_scaleMax; }
    /// The rectangle of a cell in heatmapView() coordinates (valid after a layout).
    QRectF cellRect(int row, int column) const;
    /// The cell under `pos` (view coordinates): {row, column}, or {-1, -1}.
    std::pair<int, int> cellAt(QPointF pos) const;
    /// The tooltip text of a cell: its time, bucket and count.
    QString cellToolTip(int row, int column) const;
    /// yAxis.reverse, yAxis.axisPlacement and options.cellGap as read.
    bool isYReversed() const { return m_reverseY; }
    QString axisPlacement() const { return m_axisPlacement; }
    int cellGap() const { return m_cellGap; }
    /// options.color.steps: how many distinct colours the scale has (2..128, 64 by default).
    int colorSteps() const { return m_steps; }
    /// False when options.tooltip hides the tooltip (mode "none", or show false).
    bool tooltipShown() const { return m_tooltip; }
    /// options.showValue: "auto" (a cell shows its count when it fits), "always", "never".
    QString showValue() const { return m_showValue; }
    /// The count as a cell shows it.
    QString cellValueText(double value) const;
    /// The y axis labels as drawn (bottom to top).
    QStringList yAxisLabels() const;

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    friend class HeatmapView;
    HeatmapView *m_view = nullptr;
    HeatmapGrid m_grid;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QString m_unit;                 // y axis unit (bucket bounds)
    bool m_reverseY = false;        // yAxis.reverse: the lowest bucket at the top
    QString m_axisPlacement;        // yAxis.axisPlacement: left, right, hidden
    int m_cellGap = 1;              // options.cellGap in px
    std::optional<double> m_hideLe; // options.filterValues.le / ge
    std::optional<double> m_hideGe;
    bool m_tooltip = true;
    int m_steps = 64;    // options.color.steps
    QString m_showValue; // options.showValue: auto, always, never
    std::optional<int> m_decimals;
    // Colour scale.
    QString m_colorMode; // scheme, opacity
    QList<QColor> m_scheme;
    QColor m_fill;
    bool m_exponential = true;
    double m_exponent = 0.5;
    bool m_reverse = false;
    std::optional<double> m_colorMin;
    std::optional<double> m_colorMax;
    double m_scaleMin = 0;
    double m_scaleMax = 1;
    bool m_showLegend = true;
};

} // namespace pharos
