#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pharos {

/// The ids of the panel types Pharos draws natively: Grafana's plugin ids. Code outside the
/// migration names a type through these, never through its string.
namespace paneltype {
inline constexpr char TimeSeries[] = "timeseries";
inline constexpr char Stat[] = "stat";
inline constexpr char Gauge[] = "gauge";
inline constexpr char BarGauge[] = "bargauge";
inline constexpr char Table[] = "table";
inline constexpr char Heatmap[] = "heatmap";
inline constexpr char Text[] = "text";
inline constexpr char PieChart[] = "piechart";
} // namespace paneltype

/// What a panel type asks the scheduler for.
enum class PanelDataKind {
    None,   // nothing: the panel draws its own options (text)
    PromQL, // its targets' PromQL queries, range or instant
};

/// One panel type: the facts every layer needs without its widget. The widget factory is
/// registered by panels/ (PanelWidget::create), the option sections by app/ (paneltypeoptions).
struct PanelTypeInfo
{
    QString id;                 // Grafana's plugin id: "timeseries"
    const char *name = nullptr; // untranslated; displayName() translates it
    bool hasQueries = true;     // the panel editor shows its queries; the scheduler runs them
    bool native = true;         // drawn by Pharos (any other type gets a placeholder)
    PanelDataKind data = PanelDataKind::PromQL;
    /// What a new panel of this type holds beyond the common fields (id, type, title,
    /// gridPos and, with queries, one empty PromQL target and default field config), merged
    /// into them: objects key by key, arrays element by element (targets[0] patches the
    /// target), anything else replaced.
    QJsonObject newPanel;
    /// Dotted paths of the panel JSON whose text takes the dashboard's variables, as the
    /// title does ("options.content" of a text panel).
    QStringList interpolatedPaths;

    /// The name users read ("Time series"), translated.
    QString displayName() const;
};

namespace paneltypes {

/// Every native type, in the order the panel gallery offers them.
const QList<PanelTypeInfo> &all();
/// The type with this id, or nullptr for a type Pharos does not draw.
const PanelTypeInfo *find(const QString &id);
/// find(id)->displayName(), or the id itself for a type Pharos does not draw.
QString displayName(const QString &id);
/// Whether a panel of this type queries its data source. A type Pharos does not draw queries
/// as in Grafana, unless it is one of Grafana's panels without queries (news, dashboard
/// list, ...); rows never query.
bool hasQueries(const QString &id);
/// Whether Pharos draws panels of this type (rows count as drawn).
bool isNative(const QString &id);

} // namespace paneltypes
} // namespace pharos
