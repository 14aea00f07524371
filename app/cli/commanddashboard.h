#pragma once

#include "app/cli/commandline.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/time/timerange.h"

#include <QTextStream>
#include <optional>

namespace pharos {

/// The dashboard a command (export, inspect) works on and the time range it asks for.
struct CommandDashboard
{
    Dashboard dashboard;
    TimeRange range; // --from/--to, else the dashboard's own
};

/// Loads and migrates the file of `options`. A file that cannot be read or parsed writes its
/// message to `err` and gives nothing: the command then exits with status 2.
std::optional<CommandDashboard> openCommandDashboard(const CommandLineOptions &options,
                                                     QTextStream &err);

} // namespace pharos
