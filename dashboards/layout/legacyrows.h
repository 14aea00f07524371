#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <functional>

namespace pharos {

/// Legacy rows[] (schema < 16) on the 24-column grid: the one conversion, used by the Grafana
/// migration (GrafanaMigrator::upgradeRows) and by the dashboard view of an unmigrated file
/// (Dashboard::rebuildView).
namespace legacyrows {

/// Called for each legacy row that becomes a row panel, with the row as written;
/// `titleWasHidden` when Grafana hid its title (showTitle off, not collapsed).
using RowPanelCallback = std::function<void(const QJsonObject &row, bool titleWasHidden)>;

/// The grid panels of `rows`, laid out as Grafana's DashboardMigrator does: `panels` (grid
/// panels the file already has) stay above, then each row's panels are packed into its area
/// from the left, a panel that does not fit in the free columns at the right starting a new
/// line of the row's height. Widths are span x 2 columns (span 4 by default); heights are in
/// units of 38 px (30 px plus the gutter), at least 3, and a row is 250 px high by default.
/// Row panels exist only when a row is collapsed, titled or repeated; a collapsed row carries
/// its panels. Panels keep their keys except span and height (minSpan is doubled); rows keep
/// theirs except the legacy layout keys. Overlaps are possible (a panel taller than its row):
/// layout::layoutPanels() resolves them.
QJsonArray toGridPanels(const QJsonArray &rows, QJsonArray panels,
                        const RowPanelCallback &onRowPanel = {});

} // namespace legacyrows
} // namespace pharos
