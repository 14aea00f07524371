#pragma once

#include "app/editor/options/paneloptionssections.h"

#include <QList>

class QListWidget;

namespace pharos {

/// "Tooltip": mode ("tooltipMode": single, multi = All, none = Hidden; options.tooltip.mode)
/// and sort order ("tooltipSort": none, asc, desc; options.tooltip.sort).
class TooltipOptionsSection : public FormOptionsSection
{
    Q_OBJECT
public:
    explicit TooltipOptionsSection(QWidget *parent = nullptr);
};

/// "Legend": visibility ("showLegend", options.legend.showLegend), mode ("legendMode": list,
/// table; options.legend.displayMode), placement ("legendPlacement": bottom, right) and
/// values ("legendCalcs", a QListWidget of checkable reducers, item data = the reducer id;
/// options.legend.calcs). A file's legacy displayMode "hidden" shows as not visible; showing
/// the legend again writes displayMode "list" too.
class LegendOptionsSection : public FormOptionsSection
{
    Q_OBJECT
public:
    explicit LegendOptionsSection(QWidget *parent = nullptr);
    QListWidget *calcsList() const { return m_calcs; }

private:
    QListWidget *m_calcs = nullptr;
};

/// "Graph styles" (fieldConfig.defaults.custom): style ("drawStyle": line, bars, points),
/// line interpolation ("lineInterpolation": linear, smooth, stepBefore, stepAfter), line
/// width ("lineWidth", 0-10), fill opacity ("fillOpacity", 0-100), gradient mode
/// ("gradientMode": none, opacity), show points ("showPoints": auto, always, never), point
/// size ("pointSize", 1-40), connect null values ("spanNulls": false, true) and stack series
/// ("stacking": none, normal, percent; custom.stacking {mode, group: "A"}).
class GraphStylesSection : public FormOptionsSection
{
    Q_OBJECT
public:
    explicit GraphStylesSection(QWidget *parent = nullptr);
};

/// "Axis" (fieldConfig.defaults.custom): placement ("axisPlacement": auto, left, right,
/// hidden), label ("axisLabel"), soft min and max ("axisSoftMin", "axisSoftMax"; empty =
/// none), scale ("scaleType": linear, log) and log base ("logBase": 2, 10; enabled for log):
/// custom.scaleDistribution {type, log}.
class AxisOptionsSection : public FormOptionsSection
{
    Q_OBJECT
public:
    explicit AxisOptionsSection(QWidget *parent = nullptr);

protected:
    void afterLoad() override;

private:
    QComboBox *m_scale = nullptr;
    QComboBox *m_base = nullptr;
};

/// The time-series sections in Grafana's order: Tooltip, Legend, Graph styles, Axis.
QList<PanelOptionsSection *> timeSeriesSections(QWidget *parent);

} // namespace pharos
