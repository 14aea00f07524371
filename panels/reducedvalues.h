#pragma once

#include "dashboards/fields/valuemappings.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"

#include <QColor>
#include <QString>
#include <optional>
#include <vector>

namespace pharos {

/// One series reduced to a single value for display (gauge, bar gauge, pie chart): its name,
/// value, text (unit and decimals, or the value mapping's text) and colour (threshold, palette
/// or fixed; a value mapping's colour wins). Everything comes from the series' own field
/// configuration: fieldConfig.defaults with the overrides matching it (byName, byRegexp,
/// byFrameRefID, ...: unit, decimals, min, max, thresholds, color, displayName).
struct ReducedValue
{
    QString name;
    double value = 0;
    QString text;
    QColor color;
    bool mapped = false; // a value mapping gave the text or the colour
    const Frame *frame = nullptr;
    double lo = 0; // the range this series is drawn against (its min/max, else the panel's)
    double hi = 100;
    Thresholds thresholds;
    QString colorMode; // the effective colour mode ("thresholds", "fixed", ...)
    QString unit;
    std::optional<int> decimals;
    /// Where `v` stands in [lo, hi], clamped to 0..1 (0 for NaN or an empty range).
    double fractionOf(double v) const;
    /// What hovering it shows: "name: text", or the text alone for an unnamed value.
    QString tooltip() const { return name.isEmpty() ? text : name + QLatin1String(": ") + text; }
};

/// The first calc of `options.reduceOptions.calcs`, "lastNotNull" when none.
QString reduceCalc(const PanelModel &model);

/// options.reduceOptions.values: true when every value is shown ("All values") instead of
/// one value per series reduced with the calc.
bool showsAllValues(const PanelModel &model);
/// options.reduceOptions.limit in "All values" mode: the most values shown (25 when unset,
/// at most 5000, as Grafana).
int allValuesLimit(const PanelModel &model);

/// options.text of stat, gauge and bar gauge: fixed font sizes in pixels for the title (the
/// series name) and the value; unset = sized to fit.
struct TextSizes
{
    std::optional<int> title;
    std::optional<int> value;
    static TextSizes fromPanel(const PanelModel &model);
};

/// The range the panel's values are drawn against: fieldConfig min/max when set, else the
/// smallest and largest value of all series (an empty or flat range is widened so that it
/// has a size: [0, v] for a single positive value).
std::pair<double, double> displayRange(const PanelModel &model, const PanelData &data);

/// Every non-empty series of `data` reduced with `calc`, formatted and coloured (in "All
/// values" mode, every value of every series instead, up to allValuesLimit()). `lo`/`hi` place
/// percentage thresholds. `defaultColorMode` applies when the panel sets no colour mode.
std::vector<ReducedValue>
reduceSeries(const PanelModel &model, const PanelData &data, const QString &calc,
             const ValueMappings &mappings, double lo, double hi,
             const QString &defaultColorMode = QStringLiteral("thresholds"));

/// Applies the value mappings to an already formatted value: text and colour.
void applyMapping(const ValueMappings &mappings, double value, QString *text, QColor *color,
                  bool *mapped = nullptr);

} // namespace pharos
