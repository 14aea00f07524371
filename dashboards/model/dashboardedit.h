#pragma once

#include "dashboards/layout/layout.h"
#include "dashboards/model/dashboard.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pharos {

/// Pure edit operations on a dashboard document (QtCore only, no undo, no widgets). Each takes
/// the dashboard JSON and returns the edited JSON; keys the operation does not touch are kept
/// as they are. The undo commands and the edit mode of the main window (app/) are built on
/// these, so everything here is testable headless.
///
/// Grid rules are Grafana's: 24 columns; the top-level `panels` (rows included, as 1-high
/// full-width items) never overlap; a moved or resized panel takes the place it is dropped on,
/// the panels in its way are pushed down (a panel it is dragged down over jumps above it when
/// there is room), and then everything floats up. A collapsed row's own panels travel with it.
namespace dashboardedit {

/// A new, empty dashboard at the current schema version (panels [], last 6 hours, no
/// refresh, browser time zone). `title` may be empty.
QJsonObject newDashboard(const QString &title);

/// The next free panel id (1 + the largest id, collapsed rows' panels included).
int nextPanelId(const QJsonObject &dashboard);

/// A new panel of `type` with Grafana's defaults for that type (size, options, one empty
/// Prometheus target "A" for query panels; the rest from PanelTypeInfo::newPanel).
QJsonObject newPanel(const QString &type, int id, const QString &title = QString());

/// The grid position of a panel JSON (Grafana's defaults for missing values), and the panel
/// with `gridPos` replaced: the layout's own readers.
using layout::gridPosOf;
using layout::withGridPos;

/// Finds a top-level panel or a collapsed row's panel by id. Returns the JSON, or an empty
/// object when there is none.
QJsonObject findPanel(const QJsonObject &dashboard, int panelId);

/// Adds `panel` at the top left of the dashboard (y 0), pushing the others down, as Grafana
/// adds new panels. Its id is replaced by a free one when missing or taken; `*newId` gets it.
QJsonObject addPanel(const QJsonObject &dashboard, QJsonObject panel, int *newId = nullptr);
/// Adds an expanded row at the top (it takes the panels below it).
QJsonObject addRow(const QJsonObject &dashboard, const QString &title, int *newId = nullptr);

/// Moves and/or resizes top-level panel `panelId` to `target` (clamped to the grid), pushing
/// the panels in the way down and floating everything up. Rows keep x 0, w 24, h 1. Returns
/// the dashboard unchanged when there is no such top-level panel.
QJsonObject movePanel(const QJsonObject &dashboard, int panelId, const GridPos &target);

/// Removes a panel (top level or inside a collapsed row); the rest floats up. Removing a
/// row removes the row only: an expanded row's panels stay, a collapsed row's go with it.
QJsonObject removePanel(const QJsonObject &dashboard, int panelId);

/// Copies a top-level panel (a new id, the same size) beside it when it fits in the 24
/// columns, otherwise below it. `*newId` gets the copy's id. Rows are not duplicated.
QJsonObject duplicatePanel(const QJsonObject &dashboard, int panelId, int *newId = nullptr);

/// Replaces the JSON of panel `panelId` (top level or in a collapsed row) with `panel`,
/// keeping its id. A changed gridPos is laid out as a move.
QJsonObject replacePanel(const QJsonObject &dashboard, int panelId, QJsonObject panel);

/// The panel as Grafana's "Copy" puts it on the clipboard: the panel JSON, indented.
QByteArray panelClipboardText(const QJsonObject &panel);
/// Reads a panel pasted from Pharos or Grafana (a panel object; also accepts
/// {"panel": {...}} and a one-panel dashboard). Returns an empty object and sets *error (a
/// translated message) when the text is not a panel.
QJsonObject panelFromClipboardText(const QByteArray &text, QString *error = nullptr);

/// Lays the top-level panels out again: clamps to the grid, resolves overlaps (pushing down)
/// and floats everything up. Collapsed rows' panels move with their row.
QJsonObject compact(const QJsonObject &dashboard);

} // namespace dashboardedit
} // namespace pharos
