#pragma once

#include "dashboards/fields/valuemappings.h"
#include "panels/panelwidget.h"
#include "panels/reducedvalues.h"

namespace pharos {

class GaugeView;
class VizScrollArea;

/// Grafana "gauge": one arc per series (a grid when there are several) from min to max, filled
/// up to the reduced value in its threshold colour, with the threshold steps as a thin outer
/// ring (showThresholdMarkers) and their values around it (showThresholdLabels). The value is
/// formatted with the unit and decimals, or replaced by a value mapping.
class GaugePanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit GaugePanel(const PanelModel &model, QWidget *parent = nullptr);

    const std::vector<ReducedValue> &gauges() const { return m_values; }
    QStringList gaugeTexts() const;
    double rangeMin() const { return m_lo; }
    double rangeMax() const { return m_hi; }
    QString calc() const { return m_calc; }
    bool showThresholdMarkers() const { return m_markers; }
    bool showThresholdLabels() const { return m_labels; }
    /// "horizontal" (gauges side by side), "vertical" (one above the other) or "auto".
    QString orientation() const { return m_orientation; }
    /// options.text: fixed name and value font sizes (unset: sized to fit).
    const TextSizes &textSizes() const { return m_textSizes; }
    QWidget *gaugeView() const;
    /// The smallest cell of several gauges (options.minVizWidth / minVizHeight, else 75 x 75
    /// px with a fixed orientation, 48 x 48 px in the auto grid): more gauges than fit wrap
    /// into rows and the panel scrolls.
    QSize minCellSize() const { return m_minCell; }

    /// Geometry of gauge `index` in gaugeView() coordinates, for tests and tooltips: the point
    /// at `fraction` (0 = min, 1 = max) of the arc, in the middle of the value band or of the
    /// threshold marker ring.
    QPointF valueBandPoint(int index, double fraction) const;
    QPointF markerPoint(int index, double fraction) const;
    /// Where the arc of `index` stands (in value units, 0..1) for `value`.
    double fractionOf(double value) const;

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    friend class GaugeView;
    GaugeView *m_view = nullptr;
    VizScrollArea *m_scroll = nullptr;
    QSize m_minCell;
    std::vector<ReducedValue> m_values;
    PanelDataPtr m_drawn;
    ValueMappings m_mappings;
    QString m_calc;
    double m_lo = 0;
    double m_hi = 100;
    bool m_markers = true;
    bool m_labels = false;
    QString m_orientation; // auto, horizontal, vertical
    TextSizes m_textSizes;
};

} // namespace pharos
