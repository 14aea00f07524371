#include "app/cli/commanddashboard.h"

#include "dashboards/model/dashboardio.h"

namespace pharos {

std::optional<CommandDashboard> openCommandDashboard(const CommandLineOptions &options,
                                                     QTextStream &err)
{
    QString error;
    std::optional<Dashboard> dashboard = loadDashboardFile(options.file, &error);
    if (!dashboard) {
        err << error << Qt::endl;
        return std::nullopt;
    }
    CommandDashboard out{std::move(*dashboard), {}};
    out.range.from = options.from.isEmpty() ? out.dashboard.timeFrom() : options.from;
    out.range.to = options.to.isEmpty() ? out.dashboard.timeTo() : options.to;
    return out;
}

} // namespace pharos
