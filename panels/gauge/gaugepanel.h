#pragma once

#include "panels/reducedpanel.h"

namespace pharos {

class GaugeView;

/// Grafana "gauge": one arc per series (a grid when there are several) from min to max, filled
/// up to the reduced value in its threshold colour, with the threshold steps as a thin outer
/// ring (showThresholdMarkers) and their values around it (showThresholdLabels). The value is
/// formatted with the unit and decimals, or replaced by a value mapping.
class GaugePanel : public ReducedPanel
{
    Q_OBJECT
public:
    explicit GaugePanel(const PanelModel &model, QWidget *parent = nullptr);

    const std::vector<ReducedValue> &gauges() const { return m_values; }
    QStringList gaugeTexts() const { return valueTexts(); }
    QString calc() const { return m_calc; }
    bool showThresholdMarkers() const { return m_markers; }
    bool showThresholdLabels() const { return m_labels; }
    /// "horizontal" (gauges side by side), "vertical" (one above the other) or "auto".
    QString orientation() const { return m_orientation; }
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

private:
    friend class GaugeView;
    GaugeView *m_view = nullptr;
    QSize m_minCell;
    bool m_markers = true;
    bool m_labels = false;
};

} // namespace pharos
