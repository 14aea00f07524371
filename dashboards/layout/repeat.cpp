#include "dashboards/layout/repeat.h"
#include "dashboards/layout/layout.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/model/paneltypes.h"

#include <QSet>
#include <algorithm>

namespace pharos {

namespace {

constexpr int kColumns = layout::Columns;

struct IdAllocator
{
    QSet<int> used;
    int next = 1;
    int take()
    {
        while (used.contains(next))
            ++next;
        used.insert(next);
        return next++;
    }
};

void collectIds(const QList<PanelModel> &panels, QSet<int> &ids)
{
    for (const PanelModel &p : panels) {
        ids.insert(p.id);
        collectIds(p.children, ids);
    }
}

/// The values a repeat runs over: the scoped value if the variable is already scoped,
/// else the selection (All = every option).
QList<VariableValue> repeatValues(const QString &name, const InterpolationContext &ctx,
                                  const QHash<QString, VariableValue> &scoped)
{
    QList<VariableValue> out;
    auto s = scoped.constFind(name);
    if (s != scoped.constEnd()) {
        out.append(s.value());
        return out;
    }
    const VariableValue *v = ctx.find(name);
    if (!v)
        return out;
    QStringList values = v->isAll ? v->allValues : v->values;
    QStringList texts = v->isAll ? v->allTexts : v->texts;
    for (int i = 0; i < values.size(); ++i)
        out.append(VariableValue::single(values.at(i), texts.value(i, values.at(i))));
    return out;
}

/// Repeats the panels of one section (panels that share a row). Returns the extra height.
QList<PanelModel> repeatPanels(const QList<PanelModel> &panels, const InterpolationContext &ctx,
                               const QHash<QString, VariableValue> &scoped, IdAllocator &ids,
                               int *extraHeight)
{
    // Panels in y order, so pushing down applies to what lies below.
    QList<PanelModel> sorted = panels;
    std::stable_sort(sorted.begin(), sorted.end(), [](const PanelModel &a, const PanelModel &b) {
        return a.gridPos.y < b.gridPos.y ||
               (a.gridPos.y == b.gridPos.y && a.gridPos.x < b.gridPos.x);
    });
    QList<PanelModel> out;
    int totalExtra = 0;
    QList<std::pair<int, int>> pushes; // (y threshold in original coordinates, added height)
    for (PanelModel p : sorted) {
        const int originalY = p.gridPos.y;
        int shift = 0;
        for (const auto &[threshold, added] : pushes) {
            if (originalY >= threshold)
                shift += added;
        }
        p.gridPos.y += shift;
        for (auto it = scoped.cbegin(); it != scoped.cend(); ++it)
            p.scopedVars.insert(it.key(), it.value());
        if (p.repeat.isEmpty() || p.isRow()) {
            out.append(p);
            continue;
        }
        const QList<VariableValue> values = repeatValues(p.repeat, ctx, p.scopedVars);
        if (values.isEmpty()) {
            out.append(p); // nothing to repeat over: shown once, unscoped
            continue;
        }
        const int count = int(values.size());
        const bool vertical = p.repeatDirection == QLatin1String("v");
        const int maxPerRow = p.maxPerRow > 0 ? p.maxPerRow : 4;
        const int w =
            vertical ? p.gridPos.w
                     : std::clamp(std::max(kColumns / count, kColumns / maxPerRow), 1, kColumns);
        int x = 0;
        int y = p.gridPos.y;
        int bottom = p.gridPos.y;
        for (int i = 0; i < count; ++i) {
            PanelModel c = p;
            c.scopedVars.insert(p.repeat, values.at(i));
            if (i > 0) {
                c.id = ids.take();
                c.repeatSourceId = p.id;
            }
            if (vertical) {
                c.gridPos.y = p.gridPos.y + i * p.gridPos.h;
            } else {
                c.gridPos.w = w;
                c.gridPos.x = x;
                c.gridPos.y = y;
                x += w;
                if (x + w > kColumns && i + 1 < count) {
                    x = 0;
                    y += p.gridPos.h;
                }
            }
            bottom = std::max(bottom, c.gridPos.y + c.gridPos.h);
            out.append(c);
        }
        const int added = bottom - (p.gridPos.y + p.gridPos.h);
        if (added > 0) {
            pushes.append({originalY + p.gridPos.h, added});
            totalExtra += added;
        }
    }
    if (extraHeight)
        *extraHeight = totalExtra;
    return out;
}

int sectionBottom(const QList<PanelModel> &panels, int fallback)
{
    int bottom = fallback;
    for (const PanelModel &p : panels)
        bottom = std::max(bottom, p.gridPos.y + p.gridPos.h);
    return bottom;
}

QList<PanelModel> shifted(QList<PanelModel> panels, int dy)
{
    for (PanelModel &p : panels)
        p.gridPos.y += dy;
    return panels;
}

} // namespace

PanelModel interpolatePanel(const PanelModel &panel, const InterpolationContext &context)
{
    PanelModel p = panel;
    InterpolationContext ctx = context;
    for (auto it = panel.scopedVars.cbegin(); it != panel.scopedVars.cend(); ++it)
        ctx.scoped.insert(it.key(), it.value());
    p.title = interpolate(panel.title, ctx, InterpolationMode::Text);
    p.description = interpolate(panel.description, ctx, InterpolationMode::Plain);
    if (const PanelTypeInfo *info = paneltypes::find(p.type)) {
        for (const QString &path : info->interpolatedPaths) {
            const QJsonValue text = json::valueAt(p.json, path);
            if (text.isString())
                json::setValueAt(p.json, path,
                                 interpolate(text.toString(), ctx, InterpolationMode::Plain));
        }
    }
    for (PanelModel &c : p.children)
        c = interpolatePanel(c, context);
    return p;
}

QList<PanelModel> expandRepeats(const QList<PanelModel> &panels,
                                const InterpolationContext &context)
{
    IdAllocator ids;
    collectIds(panels, ids.used);

    // Sections: the panels above the first row, then each row with its panels.
    struct Section
    {
        bool hasRow = false;
        PanelModel row;
        QList<PanelModel> panels; // the row's children when collapsed, else the following
    };
    QList<Section> sections;
    sections.append(Section{});
    for (const PanelModel &p : panels) {
        if (p.isRow()) {
            Section s;
            s.hasRow = true;
            s.row = p;
            if (p.collapsed)
                s.panels = p.children;
            sections.append(s);
        } else {
            sections.last().panels.append(p);
        }
    }

    QList<PanelModel> out;
    int offset = 0; // added height so far
    for (const Section &s : sections) {
        if (!s.hasRow) {
            int extra = 0;
            out += shifted(repeatPanels(s.panels, context, {}, ids, &extra), offset);
            offset += extra;
            continue;
        }
        const PanelModel &row = s.row;
        QList<VariableValue> values;
        if (!row.repeat.isEmpty())
            values = repeatValues(row.repeat, context, {});
        const bool repeated = !values.isEmpty();
        if (!repeated)
            values.append(VariableValue()); // once, unscoped
        const int rowY = row.gridPos.y;
        // Height of one copy: the row header plus its (expanded) panels.
        int copyOffset = 0;
        for (int i = 0; i < values.size(); ++i) {
            QHash<QString, VariableValue> scoped;
            if (repeated)
                scoped.insert(row.repeat, values.at(i));
            PanelModel r = row;
            r.children.clear();
            r.scopedVars = scoped;
            if (repeated && i > 0) {
                r.id = ids.take();
                r.repeatSourceId = row.id;
            }
            int extra = 0;
            QList<PanelModel> inner = repeatPanels(s.panels, context, scoped, ids, &extra);
            if (repeated && i > 0) {
                for (PanelModel &p : inner) {
                    if (p.repeatSourceId == 0) {
                        p.repeatSourceId = p.id;
                        p.id = ids.take();
                    }
                }
            }
            const int height = std::max(
                1, sectionBottom(row.collapsed ? QList<PanelModel>() : inner, rowY + 1) - rowY);
            r.gridPos.y = rowY + offset + copyOffset;
            if (row.collapsed) {
                r.children = shifted(inner, offset + copyOffset);
                out.append(r);
                copyOffset += 1;
            } else {
                out.append(r);
                out += shifted(inner, offset + copyOffset);
                copyOffset += height;
            }
        }
        const int originalHeight =
            row.collapsed ? 1 : std::max(1, sectionBottom(s.panels, rowY + 1) - rowY);
        offset += copyOffset - originalHeight;
    }
    for (PanelModel &p : out)
        p = interpolatePanel(p, context);
    return out;
}

QList<PanelModel> drawablePanels(const QList<PanelModel> &expanded)
{
    return Dashboard::drawable(expanded);
}

} // namespace pharos
