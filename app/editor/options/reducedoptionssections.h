#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace pharos {

class PanelOptionsSection;

/// The options sections particular to the panel types that reduce series to values and to
/// the other non-graph types (stat, gauge, bar gauge, pie chart, text, heatmap; listed
/// below). Empty for other types. The sections are created with `parent`. Every option
/// offered has a visible effect in the panel's renderer.
///
/// Every option writes Grafana's own key, and only when the user changed it (load() then
/// store() gives back the panel unchanged; an option set back to what the file had writes
/// the file's value back, or removes the key when the file had none). A value Pharos does
/// not know (a reducer, a mode) is shown as it is and kept.
///
/// Sections (title: rows as "label" → object name of the control → JSON key):
/// - "Value options" (stat, gauge, bar gauge, pie chart):
///   "Show" → "values" (QComboBox: Calculate = false, All values = true) →
///   options.reduceOptions.values;
///   "Calculation" → "reducer" (QComboBox, item data = reducer id) →
///   options.reduceOptions.calcs ([id]); enabled with Calculate;
///   "Limit" → "limit" (QSpinBox, 0 = Grafana's default of 25) → options.reduceOptions.limit;
///   enabled with All values;
///   stat only: "Fields" → "fields" (QComboBox: "" numeric fields, "/^Time$/" the time) →
///   options.reduceOptions.fields.
/// - "Stat styles": "Orientation" → "orientation"; "Text mode" → "textMode"; "Wide layout" →
///   "wideLayout" (QCheckBox; enabled with the text modes that show a name); "Color mode" →
///   "colorMode"; "Graph mode" → "graphMode"; "Text alignment" → "justifyMode" (QComboBoxes,
///   item data = the JSON value) → options.<key>; "Show percent change" →
///   "showPercentChange" (QCheckBox); "Percent change color mode" →
///   "percentChangeColorMode" (standard/inverted/same_as_value).
/// - "Gauge": "Orientation" → "orientation"; "Show threshold markers" →
///   "showThresholdMarkers" (QCheckBox); "Show threshold labels" → "showThresholdLabels".
/// - "Bar gauge": "Orientation" → "orientation"; "Display mode" → "displayMode";
///   "Show unfilled area" → "showUnfilled" (QCheckBox); "Value display" → "valueMode"
///   (color/text/hidden); "Name placement" → "namePlacement" (auto/top/left/hidden);
///   "Bar size" → "sizing" (auto/manual); "Min width" → "minVizWidth", "Min height" →
///   "minVizHeight", "Max height" → "maxVizHeight" (QSpinBox px, enabled with manual).
/// - "Text size" (stat, gauge, bar gauge): "Title" → "titleSize", "Value" → "valueSize"
///   (QSpinBox in px, 0 = auto: sized to fit) → options.text.titleSize / valueSize.
/// - "Pie chart": "Pie chart type" → "pieType"; "Labels" → "pieLabels" (a QWidget holding
///   the QCheckBoxes "pieLabelName", "pieLabelValue", "pieLabelPercent") →
///   options.displayLabels.
/// - "Tooltip" (pie chart, heatmap): "Tooltip mode" → "tooltipMode" (single, multi (pie
///   chart only), none) → options.tooltip.mode.
/// - "Legend" (pie chart): "Visibility" → "legendVisible" (QCheckBox) →
///   options.legend.showLegend; "Mode" → "legendMode" (list/table) →
///   options.legend.displayMode; "Placement" → "legendPlacement" (right/bottom) →
///   options.legend.placement; "Legend values" → "legendValues" (QWidget holding the
///   QCheckBoxes "legendValueValue", "legendValuePercent") → options.legend.values.
/// - "Text": "Mode" → "textContentMode" (markdown/html/code) → options.mode; "Show line
///   numbers" → "showLineNumbers" (QCheckBox, code mode) → options.code.showLineNumbers; "Content"
///   → "content" (QPlainTextEdit) → options.content.
/// - "Y Axis" (heatmap): "Placement" → "heatmapAxisPlacement" (left/right/hidden) →
///   options.yAxis.axisPlacement; "Unit" → "heatmapUnit" (UnitPicker) → options.yAxis.unit;
///   "Decimals" → "heatmapDecimals" (QSpinBox, -1 = auto) → options.yAxis.decimals;
///   "Reverse" → "heatmapReverseY" (QCheckBox) → options.yAxis.reverse.
/// - "Colors" (heatmap): "Mode" → "heatmapColorMode" (scheme/opacity) → options.color.mode;
///   "Scheme" → "heatmapScheme" → options.color.scheme; "Color" → "heatmapFill"
///   (ColorButton) → options.color.fill; "Scale" → "heatmapScale" (linear/exponential) →
///   options.color.scale; "Exponent" → "heatmapExponent" (QDoubleSpinBox) →
///   options.color.exponent; "Reverse" → "heatmapReverse" → options.color.reverse;
///   "Start color from" → "heatmapColorMin", "End color from" → "heatmapColorMax"
///   (QLineEdit, empty = auto) → options.color.min / max; "Steps" → "heatmapSteps"
///   (QSpinBox 2..128) → options.color.steps.
/// - "Cell display" (heatmap): "Hide cells with values ≤" → "hideBelow", "≥" → "hideAbove"
///   (QLineEdit, empty = Grafana's default: empty cells hidden / nothing) →
///   options.filterValues.le / ge; "Show values" → "showValue" (auto/always/never) →
///   options.showValue; "Cell gap" → "cellGap" (QSpinBox, px) → options.cellGap.
/// - "Legend" (heatmap): "Show legend" → "heatmapLegend" (QCheckBox) → options.legend.show.
///
/// Each type's sections, top to bottom (app/paneltypeoptions.cpp registers them):
QList<PanelOptionsSection *> statSections(QWidget *parent); // Value options, Stat styles, Text size
QList<PanelOptionsSection *> gaugeSections(QWidget *parent); // Value options, Gauge, Text size
QList<PanelOptionsSection *>
barGaugeSections(QWidget *parent); // Value options, Bar gauge, Text size
QList<PanelOptionsSection *>
pieChartSections(QWidget *parent); // Value options, Pie chart, Tooltip, Legend
QList<PanelOptionsSection *> textSections(QWidget *parent); // Text
QList<PanelOptionsSection *>
heatmapSections(QWidget *parent); // Y Axis, Colors, Cell display, Tooltip, Legend

} // namespace pharos
