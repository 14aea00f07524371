#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace pharos {

/// The dashboard schema version Pharos writes (Grafana 11/12's).
constexpr int CurrentSchemaVersion = 41;

/// What happened to one panel of the input (rows and panels nested in rows included).
struct ImportReportEntry
{
    enum class Status { Converted, Unsupported, Unchanged };
    QJsonValue id;    // the panel's id as written in the input (null when it had none)
    int newId = 0;    // its id in the output
    QString title;    // as written in the input
    QString fromType; // input type; legacy rows[] entries are "row"
    QString toType;   // output type
    Status status = Status::Unchanged;
    QStringList notes; // translated: what was converted, what is lost or unsupported, and why

    static QString statusName(Status s); // "converted", "unsupported", "unchanged"
    /// {"id", "title", "from_type", "to_type", "status", "notes"}
    QJsonObject toJson() const;
};

struct ImportReport
{
    int fromSchemaVersion = 0;
    int toSchemaVersion = CurrentSchemaVersion;
    QList<ImportReportEntry> panels; // one per input panel, in input order
    QStringList notes;               // dashboard-level changes (variables, links, ...)
    int count(ImportReportEntry::Status status) const;
    /// {"from_schema_version", "to_schema_version", "notes": [...], "panels": [entries]}
    QJsonObject toJson() const;
};

struct MigrationOptions
{
    /// Finds a configured data source by name; returns {"type", "uid"} or an empty object
    /// when unknown (then a name becomes {"uid": name}, which still resolves by name).
    std::function<QJsonObject(const QString &name)> lookupDataSource;
    /// {"type", "uid"} of the configured default data source. Schema 36 writes it where a
    /// query variable or a panel with queries has a null (default) reference; when empty,
    /// those references stay null (they still resolve to the default data source).
    QJsonObject defaultDataSource;
};

struct MigrationResult
{
    QJsonObject dashboard; // schemaVersion 41
    ImportReport report;
    bool changed = false; // the output differs from the input
};

/// Migrates a Grafana dashboard (the object itself or an API envelope {"dashboard": ...})
/// from any schemaVersion (14 to 41 are tested; older ones get the steps Grafana applies to
/// them that matter to what is shown) to schema 41, as Grafana does on load: legacy rows[]
/// become grid panels, Angular panels (graph, singlestat, table-old, old heatmap,
/// grafana-piechart-panel) become their React successors, old gauge/bargauge options move to
/// fieldConfig, data-source references become {type, uid} objects, and the layout floats
/// up with no overlaps. Keys it does not know are kept. No panel and no target is dropped.
MigrationResult migrateDashboard(const QJsonObject &dashboard,
                                 const MigrationOptions &options = {});

} // namespace pharos
