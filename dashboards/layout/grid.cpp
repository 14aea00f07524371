#include "dashboards/layout/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pharos {

namespace grid {

QRect toPixels(const GridPos &pos, int widthPx)
{
    const double colWidth = double(widthPx - Margin * (Columns - 1)) / Columns;
    const int x = int(std::lround(pos.x * (colWidth + Margin)));
    const int right = int(std::lround((pos.x + pos.w) * (colWidth + Margin) - Margin));
    const int y = pos.y * (RowHeight + Margin);
    return QRect(x, y, std::max(1, right - x), unitsToPixels(pos.h));
}

int unitsToPixels(int units)
{
    return units <= 0 ? 0 : units * RowHeight + (units - 1) * Margin;
}

QSet<int> initialCollapsedRows(const QList<PanelModel> &panels)
{
    QSet<int> collapsed;
    for (const PanelModel &p : panels) {
        if (p.isRow() && p.collapsed)
            collapsed.insert(p.id);
    }
    return collapsed;
}

QList<Placed> layoutDashboard(const QList<PanelModel> &panels, const QSet<int> &collapsedRows)
{
    struct Section
    {
        const PanelModel *row = nullptr;
        QList<const PanelModel *> panels;
    };
    QList<Section> sections;
    sections.append(Section{});
    for (const PanelModel &p : panels) {
        if (p.isRow()) {
            Section s;
            s.row = &p;
            for (const PanelModel &child : p.children)
                s.panels.append(&child);
            sections.append(s);
        } else {
            sections.last().panels.append(&p);
        }
    }

    QList<Placed> result;
    int cursor = 0;
    for (const Section &s : sections) {
        if (s.row) {
            Placed header;
            header.panelId = s.row->id;
            header.isRow = true;
            header.rowId = s.row->id;
            header.pos = GridPos{0, cursor, Columns, 1};
            result.append(header);
            cursor += 1;
            if (collapsedRows.contains(s.row->id))
                continue;
        }
        if (s.panels.isEmpty())
            continue;
        int minY = std::numeric_limits<int>::max();
        for (const PanelModel *p : s.panels)
            minY = std::min(minY, std::max(0, p->gridPos.y));
        QList<GridPos> relative;
        for (const PanelModel *p : s.panels) {
            GridPos g = p->gridPos;
            g.y = std::max(0, g.y) - minY;
            relative.append(g);
        }
        const QList<GridPos> floated = layout::floatUp(relative); // the importer's gravity
        int bottom = cursor;
        for (int i = 0; i < s.panels.size(); ++i) {
            Placed item;
            item.panelId = s.panels[i]->id;
            item.rowId = s.row ? s.row->id : 0;
            item.pos = floated[i];
            item.pos.y += cursor;
            bottom = std::max(bottom, item.pos.y + item.pos.h);
            result.append(item);
        }
        cursor = bottom;
    }
    return result;
}

int layoutHeightUnits(const QList<Placed> &layout)
{
    int bottom = 0;
    for (const Placed &p : layout)
        bottom = std::max(bottom, p.pos.y + p.pos.h);
    return bottom;
}

} // namespace grid

} // namespace pharos
