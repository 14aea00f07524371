#pragma once

#include "dashboards/variables/interpolation.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace pharos {

/// Grafana's grid: 24 columns; one height unit is 30 px plus an 8 px margin.
struct GridPos
{
    int x = 0;
    int y = 0;
    int w = 12;
    int h = 8;
    bool operator==(const GridPos &) const = default;
    /// Files may hold anything (negative, 1e9, 1.5): positions are clamped to the 24 columns,
    /// y to [0, MaxY] and h to [1, MaxHeight] grid units (200 units are about 7,600 px).
    static constexpr int MaxY = 1'000'000;
    static constexpr int MaxHeight = 200;
};

/// One query of a panel (a Grafana "target").
struct Target
{
    QString refId;
    QString expr;
    QString legendFormat;
    bool instant = false; // run as an instant query
    bool range = true;    // run as a range query
    QString interval;     // min step, e.g. "30s" or "$__rate_interval"; empty = none
    int intervalFactor = 1;
    QString format; // "time_series" (default), "table", "heatmap"
    bool hide = false;
    QJsonValue datasource; // as written: null, a name, "$var", or {type, uid}
};

struct ThresholdStep
{
    std::optional<double> value; // nullopt is the base step (-infinity)
    QString color;               // Grafana colour: name ("green", "semi-dark-red") or CSS
};

struct Thresholds
{
    enum class Mode { Absolute, Percentage };
    Mode mode = Mode::Absolute;
    QList<ThresholdStep> steps; // ascending; first is the base
};

/// The `fieldConfig.defaults` values Pharos uses.
struct FieldDefaults
{
    QString unit; // Grafana unit id; empty = "none"
    std::optional<double> min;
    std::optional<double> max;
    std::optional<int> decimals;
    Thresholds thresholds;
    QString colorMode; // fieldConfig.defaults.color.mode ("palette-classic", "thresholds", "fixed")
    QString fixedColor; // fieldConfig.defaults.color.fixedColor
};

/// Typed view of one panel. `json` is the panel object exactly as loaded; renderers read
/// their type-specific `options` and `fieldConfig.defaults.custom` from it.
struct PanelModel
{
    int id = 0;
    QString type;
    QString title;
    QString description;
    GridPos gridPos;
    QJsonValue datasource;
    QList<Target> targets;
    FieldDefaults defaults;
    QString interval;                 // panel min interval; empty = none
    std::optional<int> maxDataPoints; // unset = panel width in px
    bool collapsed = false;           // rows only
    QList<PanelModel> children;       // a collapsed row's own panels
    QJsonObject json;

    // Repeats (see repeat.h). `repeat` names the variable; clones carry its value.
    QString repeat;                           // "" = not repeated
    QString repeatDirection;                  // "h" (default) or "v"
    int maxPerRow = 0;                        // 0 = Grafana's default (4)
    QHash<QString, VariableValue> scopedVars; // values only this panel sees
    int repeatSourceId = 0; // clones: the id of the panel they repeat; 0 otherwise

    QJsonObject options() const { return json.value(QLatin1String("options")).toObject(); }
    QJsonObject customDefaults() const; // fieldConfig.defaults.custom

    /// A row: a section header of the grid, not a visualization.
    bool isRow() const { return type == QLatin1String("row"); }
};

/// A Grafana dashboard: the lossless JSON document plus a typed view of what Pharos uses.
/// Every field Pharos does not change is written back exactly as read.
class Dashboard
{
public:
    Dashboard() = default;

    /// Parses Grafana dashboard JSON. Accepts the dashboard object itself or an API
    /// envelope {"dashboard": {...}, "meta": {...}}. On failure returns nullopt and sets
    /// `error` to a translated message with the position of the problem.
    static std::optional<Dashboard> fromJson(const QByteArray &json, QString *error = nullptr);
    /// The same from a parsed object (no envelope unwrapping beyond fromJson's rules).
    static std::optional<Dashboard> fromObject(const QJsonObject &object, QString *error = nullptr);

    /// The document with Pharos's edits applied.
    QJsonObject toJson() const { return m_json; }

    QString title() const;
    QString uid() const;
    int schemaVersion() const;
    QString timeFrom() const; // "now-6h" when absent
    QString timeTo() const;   // "now" when absent
    void setTime(const QString &from, const QString &to);
    QString refresh() const; // "" = off; bool/null in old files read as ""
    void setRefresh(const QString &refresh);
    QString timezone() const;

    /// Top-level panels in document order, rows included (a collapsed row carries its
    /// panels in `children`). Legacy `rows[]` files (schema < 16) are laid out on the grid
    /// here too, without changing the document.
    const QList<PanelModel> &panels() const { return m_panels; }
    /// All panels that draw something: top level plus collapsed rows' children, no rows.
    QList<PanelModel> allPanels() const { return drawable(m_panels); }
    /// That rule for any list of top-level panels (e.g. with repeats expanded).
    static QList<PanelModel> drawable(const QList<PanelModel> &panels);

    /// `templating.list` as in the document, and its replacement (save current values).
    QJsonArray templatingList() const;
    void setTemplatingList(const QJsonArray &list);

private:
    void rebuildView();
    QJsonObject m_json;
    QList<PanelModel> m_panels;
};

} // namespace pharos
