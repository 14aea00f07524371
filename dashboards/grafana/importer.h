#pragma once

#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/grafana/importinputs.h"
#include "dashboards/model/dashboard.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace pharos {

/// A Grafana dashboard file read as written (no migration), for import.
struct ImportSource
{
    QJsonObject json; // the dashboard object (an API envelope is unwrapped)
    QList<ImportInput> inputs;
};

/// Reads and parses `path`. On failure returns nullopt and a translated *error that names
/// the file and the problem.
std::optional<ImportSource> readImportSource(const QString &path, QString *error = nullptr);

struct ImportResult
{
    Dashboard dashboard;          // migrated, inputs applied
    ImportReport report;          // one entry per input panel
    QStringList unresolvedInputs; // inputs left as ${NAME} (they use the default data source)
};

/// Applies the input values (see applyImportInputs()) and migrates to the current schema.
/// Fails (nullopt, translated *error) only when the migrated document is not a dashboard.
std::optional<ImportResult> importDashboard(const ImportSource &source,
                                            const QHash<QString, QString> &inputValues,
                                            const QString &defaultDataSource,
                                            const MigrationOptions &options = {},
                                            QString *error = nullptr);

} // namespace pharos
