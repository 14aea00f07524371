#pragma once

#include "app/cli/commandline.h"

#include <QTextStream>

namespace pharos {

class DataSourceRegistry;

/// `pharos export`: renders the whole dashboard at options.width with live data to
/// options.output (PNG), waiting for the template variables (queried from the server over
/// the export's range; repeats expanded, titles and queries interpolated), then for every
/// panel (at most `timeoutMs` in all).
/// Returns 0 on success (prints the output path to `out`), 1 when a panel or a variable
/// failed (each failure is named on `err`; the PNG is still written), 2 when the file cannot
/// be loaded or the image cannot be written. Panels cut to the series limit
/// (PanelWidget::defaultMaxSeries()) are named on `err` as notes ("Note: panel “CPU” (id 2):
/// Showing 2,000 of 20,000 series") without changing the exit code. Needs a QApplication.
int exportDashboard(const CommandLineOptions &options, DataSourceRegistry *registry,
                    QTextStream &out, QTextStream &err, int timeoutMs = 60000);

} // namespace pharos
