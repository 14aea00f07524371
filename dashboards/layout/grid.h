#pragma once

#include "dashboards/layout/layout.h"
#include "dashboards/model/dashboard.h"

#include <QList>
#include <QRect>
#include <QSet>

namespace pharos {

/// Grafana's grid arithmetic (pure functions, no widgets).
namespace grid {
constexpr int Columns = layout::Columns;
constexpr int RowHeight = 30; // px per height unit
constexpr int Margin = 8;     // gutter between panels, horizontally and vertically

/// Pixel rectangle of `pos` in a grid `widthPx` wide (no outer padding): 24 columns with
/// 8 px gutters; h units are h*30 + (h-1)*8 px high; y units are 38 px apart.
QRect toPixels(const GridPos &pos, int widthPx);

/// One element of a laid-out dashboard: a row header or a panel, with its final grid position.
struct Placed
{
    int panelId = 0;
    bool isRow = false;
    int rowId = 0; // the row a panel belongs to; 0 for panels above the first row
    GridPos pos;
};

/// Lays out a dashboard's top-level panels as Grafana shows them. Rows split the dashboard
/// into sections: a row owns the panels that follow it until the next row, or, when it is
/// collapsed in the file, its `children`. A row in `collapsedRows` shows only its header
/// (its panels are not in the result). Each section floats up under its header.
/// `collapsedRows` starts as the file's collapsed rows (see initialCollapsedRows()).
QList<Placed> layoutDashboard(const QList<PanelModel> &panels, const QSet<int> &collapsedRows);
QSet<int> initialCollapsedRows(const QList<PanelModel> &panels);
/// The height in grid units of a layout (bottom of the lowest item).
int layoutHeightUnits(const QList<Placed> &layout);
/// The pixel height of `units` grid units.
int unitsToPixels(int units);
} // namespace grid

} // namespace pharos
