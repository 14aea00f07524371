#pragma once

#include "dashboards/model/dashboard.h"
#include "datasources/frame.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <limits>
#include <optional>
#include <vector>

namespace pharos {

/// Resolves a Grafana colour name or CSS colour to 0xAARRGGBB: the named palette ("green",
/// "semi-dark-orange", "super-light-blue", ...), "transparent", "#rgb", "#rrggbb",
/// "#rrggbbaa", "rgb(r, g, b)" and "rgba(r, g, b, a)". nullopt when the text is none of
/// these ("text" and CSS colour names are left to the caller).
std::optional<quint32> parseGrafanaColor(const QString &name);

/// Grafana's classic palette (0xRRGGBB), the colour of series `index` by palette-classic.
quint32 classicPaletteRgb(int index);
int classicPaletteLength();

enum class DrawStyle { Line, Bars, Points };
enum class LineInterpolation { Linear, Smooth, StepBefore, StepAfter };
enum class ShowPoints { Auto, Always, Never };
enum class StackingMode { None, Normal, Percent };
enum class AxisPlacement { Auto, Left, Right, Hidden };
enum class ThresholdsStyle { Off, Line, Dashed, Area, LineAndArea, DashedAndArea };

/// The effective field configuration of one series: fieldConfig.defaults with the matching
/// overrides applied in order (later properties win).
struct FieldConfig
{
    // standard options
    QString unit;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<int> decimals;
    QString displayName; // empty = the series' own name
    QString colorMode;   // fixed, shades, palette-classic, palette-classic-by-name, thresholds,
                         // continuous-* ; empty = palette-classic
    QString fixedColor;  // colour name for fixed / shades
    QString seriesBy;    // thresholds/continuous: last (default), min, max
    Thresholds thresholds;

    // custom (time series)
    DrawStyle drawStyle = DrawStyle::Line;
    LineInterpolation lineInterpolation = LineInterpolation::Linear;
    double lineWidth = 1;
    double fillOpacity = 0; // 0..100
    QString gradientMode;   // none, opacity, hue, scheme
    ShowPoints showPoints = ShowPoints::Auto;
    double pointSize = 5;
    QList<double> dash; // custom.lineStyle dash pattern (px); empty = solid
    bool dots = false;  // custom.lineStyle fill "dot"
    /// custom.spanNulls: -1 = false (nulls and missing steps break the line), otherwise the
    /// widest gap in ms that is bridged (max() for true).
    qint64 spanNullsMs = -1;
    /// custom.insertNulls: 0 = off, otherwise gaps wider than this many ms break the line.
    qint64 insertNullsMs = 0;
    StackingMode stacking = StackingMode::None;
    QString stackGroup = QStringLiteral("A");
    AxisPlacement axisPlacement = AxisPlacement::Auto;
    QString axisLabel;
    int logBase = 0; // custom.scaleDistribution: 0 = linear, else 2 or 10
    std::optional<double> axisSoftMin;
    std::optional<double> axisSoftMax;
    bool hideFromLegend = false;
    bool hideFromTooltip = false;
    bool hideFromViz = false;
    bool negativeY = false; // custom.transform "negative-Y"
    ThresholdsStyle thresholdsStyle = ThresholdsStyle::Off;
    double barWidthFactor = 0.6;
    double barAlignment = 0; // -1 before, 0 centre, 1 after
    /// custom.pharosPrefix: text before the formatted value. A singlestat with both a prefix
    /// and a postfix keeps the postfix as Grafana's "suffix:" unit and the prefix here, a
    /// key Grafana ignores (it has no unit with both).
    QString valuePrefix;

    /// True when any override touched this series.
    bool overridden = false;
};

/// What the matchers of an override look at.
struct FieldMatchInfo
{
    QString name;  // display name before overrides (legend format applied)
    QString refId; // the query's refId
    QString type = QStringLiteral("number");
    const Frame *frame = nullptr; // for byValue; may be null
};

/// A panel's fieldConfig: defaults and overrides, parsed once, resolved per series.
class FieldConfigResolver
{
public:
    FieldConfigResolver() = default;
    /// `fieldConfig` is the panel's "fieldConfig" object.
    explicit FieldConfigResolver(const QJsonObject &fieldConfig);
    static FieldConfigResolver fromPanel(const QJsonObject &panelJson);

    const FieldConfig &defaults() const { return m_defaults; }
    /// The configuration of the series described by `info`.
    FieldConfig resolve(const FieldMatchInfo &info) const;
    /// True when override `index` applies to `info`.
    bool matches(int index, const FieldMatchInfo &info) const;
    int overrideCount() const { return int(m_overrides.size()); }

    /// Parses a field-config object ({unit, min, ..., custom: {...}}) into `out`, setting only
    /// the keys present.
    static void apply(const QJsonObject &config, FieldConfig &out);
    /// Applies one override property (id "custom.fillOpacity", "color", "unit", ...).
    static void applyProperty(const QString &id, const QJsonValue &value, FieldConfig &out);

private:
    struct Override
    {
        QString matcher;
        QJsonValue options;
        QRegularExpression regex; // byRegexp
        QStringList names;        // byNames
        bool exclude = false;     // byNames mode exclude
        QJsonArray properties;
    };
    FieldConfig m_defaults;
    std::vector<Override> m_overrides;
};

/// A matcher pattern as Grafana writes it: "/re/flags" is a regex searched anywhere (flag i
/// makes it case-insensitive), anything else must match the whole name.
QRegularExpression grafanaRegex(const QString &pattern);

} // namespace pharos
