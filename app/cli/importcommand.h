#pragma once

#include "app/cli/commandline.h"
#include "dashboards/grafana/grafanamigration.h"

#include <QString>
#include <QTextStream>

namespace pharos {

class DataSourceRegistry;

/// The configured default data source's name for `__inputs` (not the --datasource
/// override, which exists only for this run); empty when none is configured.
QString defaultDataSourceName(const DataSourceRegistry *registry);

/// Migration options that look data-source names up in a snapshot of `registry` (may be
/// null): safe to use on a worker thread.
MigrationOptions migrationOptionsFor(const DataSourceRegistry *registry);

/// `pharos import IN.json [-o OUT.json] [--input NAME=VALUE ...] [--report REPORT.json]`:
/// writes the migrated dashboard to -o (or `out`), the report to --report, and a summary.
/// Returns 0 on success, 2 when the file cannot be read or parsed, an --input is invalid,
/// or an output cannot be written (each with a clear message on `err`).
int runImportCommand(const CommandLineOptions &options, const DataSourceRegistry *registry,
                     QTextStream &out, QTextStream &err);

} // namespace pharos
