#pragma once

#include "dashboards/model/dashboard.h"

#include <QJsonArray>
#include <QList>

namespace pharos {

/// Grafana's grid rules at the model level, shared by the importer, the import report and
/// the dashboard view so that they all agree on where a panel is.
namespace layout {

constexpr int Columns = 24;
/// Bounds for y and h: GridPos::MaxY and GridPos::MaxHeight (dashboard.h). Files may say
/// anything; within these the layout arithmetic cannot overflow and floating up stays fast.
constexpr int MaxY = GridPos::MaxY;
constexpr int MaxHeight = GridPos::MaxHeight;

bool overlaps(const GridPos &a, const GridPos &b);

/// Keeps a position inside the 24 columns with a positive size, y and h within the bounds.
GridPos sanitized(GridPos p);

/// Grafana's vertical compaction (gravity): items are taken in y-then-x order; each moves up
/// while it overlaps nothing placed before it, and moves down while it overlaps something.
/// Returns the positions in input order; no two of them overlap.
QList<GridPos> floatUp(const QList<GridPos> &positions);

/// True when two of the positions overlap.
bool hasOverlap(const QList<GridPos> &positions);

/// A panel's `gridPos` as written (Grafana's defaults 0, 0, 12, 8 for missing values),
/// sanitized.
GridPos gridPosOf(const QJsonObject &panel);
/// gridPosOf(), with rows as Grafana places them: full width, one unit high.
GridPos readGridPos(const QJsonObject &panel);
/// The panel with `gridPos` replaced (other gridPos keys kept).
QJsonObject withGridPos(QJsonObject panel, const GridPos &p);
/// Indices of `positions` in the order Grafana saves panels: by y, then x (stable).
QList<qsizetype> orderByPosition(const QList<GridPos> &positions);

/// Lays out a dashboard's `panels` array as Grafana does when it loads it, and returns the
/// array with corrected `gridPos` (other keys untouched):
///  - top-level panels are sorted by y, then x, and float up; rows are full-width, 1 high;
///  - the panels inside a collapsed row float up among themselves, starting on the line
///    below their row (as Grafana places them when the row is expanded).
/// Missing or invalid `gridPos` values get Grafana's defaults (w 12, h 8) first.
QJsonArray layoutPanels(const QJsonArray &panels);

/// Overlapping pairs in a `panels` array, described for a test or a log ("panel 3 (x 0,
/// y 4, w 12, h 8) overlaps panel 5 (...)"): among the top-level panels (collapsed rows
/// count as their 1-high header) and among each collapsed row's panels. Empty when none.
QStringList overlapProblems(const QJsonArray &panels);

} // namespace layout
} // namespace pharos
