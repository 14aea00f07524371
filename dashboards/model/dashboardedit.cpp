#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/jsonvalue.h"

#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/layout/layout.h"
#include "dashboards/model/paneltypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <cmath>

namespace pharos::dashboardedit {

namespace {

const QLatin1String PanelsKey("panels");
const QLatin1String GridPosKey("gridPos");
const QLatin1String IdKey("id");
const QLatin1String TypeKey("type");

bool isRow(const QJsonObject &panel)
{
    return panel.value(TypeKey).toString() == QLatin1String("row");
}

bool isCollapsedRow(const QJsonObject &panel)
{
    return isRow(panel) && panel.value(QLatin1String("collapsed")).toBool(false);
}

int panelId(const QJsonObject &panel)
{
    return json::integer(panel.value(IdKey), 0);
}

QJsonObject defaultThresholds()
{
    return QJsonObject{
        {QStringLiteral("mode"), QStringLiteral("absolute")},
        {QStringLiteral("steps"),
         QJsonArray{QJsonObject{{QStringLiteral("color"), QStringLiteral("green")},
                                {QStringLiteral("value"), QJsonValue(QJsonValue::Null)}},
                    QJsonObject{{QStringLiteral("color"), QStringLiteral("red")},
                                {QStringLiteral("value"), 80}}}}};
}

/// `base` with `patch` laid over it: objects merge key by key, arrays element by element (an
/// element past the end of `base` is appended), anything else is replaced by the patch.
QJsonValue merged(const QJsonValue &base, const QJsonValue &patch)
{
    if (base.isObject() && patch.isObject()) {
        QJsonObject out = base.toObject();
        const QJsonObject p = patch.toObject();
        for (auto it = p.begin(); it != p.end(); ++it)
            out.insert(it.key(), merged(out.value(it.key()), it.value()));
        return out;
    }
    if (base.isArray() && patch.isArray()) {
        QJsonArray out = base.toArray();
        const QJsonArray p = patch.toArray();
        for (qsizetype i = 0; i < p.size(); ++i) {
            if (i < out.size())
                out[i] = merged(out.at(i), p.at(i));
            else
                out.append(p.at(i));
        }
        return out;
    }
    return patch;
}

/// Top-level panels and their positions (rows forced to full width, 1 high).
struct Grid
{
    QList<QJsonObject> panels;
    QJsonArray others; // non-object entries, kept after the panels
    QList<GridPos> positions;
};

Grid readGrid(const QJsonObject &dashboard)
{
    Grid g;
    for (const QJsonValue &v : dashboard.value(PanelsKey).toArray()) {
        if (!v.isObject()) {
            g.others.append(v);
            continue;
        }
        const QJsonObject p = v.toObject();
        g.panels.append(p);
        g.positions.append(layout::readGridPos(p));
    }
    return g;
}

/// Writes the positions back, sorted by y then x as Grafana saves them; a collapsed row's
/// panels are shifted by as much as their row moved.
QJsonObject writeGrid(QJsonObject dashboard, const Grid &g, const QList<GridPos> &positions)
{
    QJsonArray out;
    for (qsizetype i : layout::orderByPosition(positions)) {
        QJsonObject p = withGridPos(g.panels[i], positions[i]);
        const int dy = positions[i].y - g.positions[i].y;
        if (isCollapsedRow(p) && dy != 0) {
            QJsonArray kids;
            for (const QJsonValue &c : p.value(PanelsKey).toArray()) {
                if (!c.isObject()) {
                    kids.append(c);
                    continue;
                }
                GridPos cp = gridPosOf(c.toObject());
                cp.y = std::max(0, cp.y + dy);
                kids.append(withGridPos(c.toObject(), cp));
            }
            p.insert(PanelsKey, kids);
        }
        out.append(p);
    }
    for (const QJsonValue &o : g.others)
        out.append(o);
    dashboard.insert(PanelsKey, out);
    return dashboard;
}

/// Places item `fixed` at `target` and lays the others out around it (see the header).
QList<GridPos> placeFixed(const QList<GridPos> &positions, qsizetype fixed, GridPos target)
{
    target = layout::sanitized(target);
    QList<GridPos> result = positions;
    result[fixed] = target;
    QList<qsizetype> order;
    for (qsizetype i = 0; i < positions.size(); ++i) {
        if (i != fixed)
            order.append(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const GridPos &pa = positions[a];
        const GridPos &pb = positions[b];
        return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
    });
    QList<GridPos> placed{target};
    auto collides = [&](const GridPos &p) {
        return std::any_of(placed.cbegin(), placed.cend(),
                           [&](const GridPos &q) { return layout::overlaps(p, q); });
    };
    for (qsizetype i : order) {
        GridPos p = layout::sanitized(positions[i]);
        if (layout::overlaps(p, target)) {
            // Dragged down over a panel: it jumps above the dragged one when there is room.
            GridPos above = p;
            above.y = target.y - p.h;
            if (positions[fixed].y < p.y && above.y >= 0 && !collides(above))
                p = above;
        }
        while (collides(p))
            ++p.y;
        placed.append(p);
        result[i] = p;
    }
    return layout::floatUp(result);
}

QJsonObject shiftedDown(const QJsonObject &dashboard, int units)
{
    Grid g = readGrid(dashboard);
    QList<GridPos> positions = g.positions;
    for (GridPos &p : positions)
        p.y += units;
    return writeGrid(dashboard, g, positions);
}

/// A free id for `panel` in `dashboard`, and the same for a collapsed row's panels.
QJsonObject withFreshIds(QJsonObject panel, int *next)
{
    panel.insert(IdKey, (*next)++);
    if (panel.value(PanelsKey).isArray()) {
        QJsonArray kids;
        for (const QJsonValue &c : panel.value(PanelsKey).toArray()) {
            if (c.isObject())
                kids.append(withFreshIds(c.toObject(), next));
            else
                kids.append(c);
        }
        panel.insert(PanelsKey, kids);
    }
    return panel;
}

bool idTaken(const QJsonObject &dashboard, int id)
{
    return id > 0 && !findPanel(dashboard, id).isEmpty();
}

} // namespace

QJsonObject newDashboard(const QString &title)
{
    QJsonObject d;
    d.insert(QStringLiteral("title"), title);
    d.insert(QStringLiteral("uid"), QString());
    d.insert(QStringLiteral("schemaVersion"), CurrentSchemaVersion);
    d.insert(QStringLiteral("version"), 0);
    d.insert(QStringLiteral("editable"), true);
    d.insert(QStringLiteral("graphTooltip"), 0);
    d.insert(QStringLiteral("tags"), QJsonArray{});
    d.insert(QStringLiteral("timezone"), QStringLiteral("browser"));
    d.insert(QStringLiteral("time"), QJsonObject{{QStringLiteral("from"), QStringLiteral("now-6h")},
                                                 {QStringLiteral("to"), QStringLiteral("now")}});
    d.insert(QStringLiteral("refresh"), QString());
    d.insert(QStringLiteral("templating"), QJsonObject{{QStringLiteral("list"), QJsonArray{}}});
    d.insert(QStringLiteral("annotations"), QJsonObject{{QStringLiteral("list"), QJsonArray{}}});
    d.insert(QStringLiteral("links"), QJsonArray{});
    d.insert(PanelsKey, QJsonArray{});
    return d;
}

int nextPanelId(const QJsonObject &dashboard)
{
    int maxId = 0;
    for (const QJsonValue &v : dashboard.value(PanelsKey).toArray()) {
        const QJsonObject p = v.toObject();
        maxId = std::max(maxId, panelId(p));
        for (const QJsonValue &c : p.value(PanelsKey).toArray())
            maxId = std::max(maxId, panelId(c.toObject()));
    }
    return maxId + 1;
}

QJsonObject newPanel(const QString &type, int id, const QString &title)
{
    QJsonObject p;
    p.insert(IdKey, id);
    p.insert(TypeKey, type);
    p.insert(QStringLiteral("title"), title);
    p.insert(GridPosKey, QJsonObject{{QStringLiteral("x"), 0},
                                     {QStringLiteral("y"), 0},
                                     {QStringLiteral("w"), 12},
                                     {QStringLiteral("h"), 8}});
    const PanelTypeInfo *info = paneltypes::find(type);
    if (!info || info->hasQueries) {
        const QJsonObject target{{QStringLiteral("refId"), QStringLiteral("A")},
                                 {QStringLiteral("expr"), QString()},
                                 {QStringLiteral("legendFormat"), QStringLiteral("__auto")},
                                 {QStringLiteral("range"), true},
                                 {QStringLiteral("instant"), false}};
        const QJsonObject defaults{
            {QStringLiteral("thresholds"), defaultThresholds()},
            {QStringLiteral("mappings"), QJsonArray{}},
            {QStringLiteral("color"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}}}};
        p.insert(QStringLiteral("fieldConfig"),
                 QJsonObject{{QStringLiteral("defaults"), defaults},
                             {QStringLiteral("overrides"), QJsonArray{}}});
        p.insert(QStringLiteral("options"), QJsonObject{});
        p.insert(QStringLiteral("targets"), QJsonArray{target});
    }
    return info ? merged(p, info->newPanel).toObject() : p;
}

QJsonObject findPanel(const QJsonObject &dashboard, int id)
{
    for (const QJsonValue &v : dashboard.value(PanelsKey).toArray()) {
        const QJsonObject p = v.toObject();
        if (panelId(p) == id)
            return p;
        for (const QJsonValue &c : p.value(PanelsKey).toArray()) {
            if (panelId(c.toObject()) == id)
                return c.toObject();
        }
    }
    return {};
}

QJsonObject addPanel(const QJsonObject &dashboard, QJsonObject panel, int *newId)
{
    int next = nextPanelId(dashboard);
    const int wanted = panelId(panel);
    if (wanted <= 0 || idTaken(dashboard, wanted)) {
        panel = withFreshIds(panel, &next);
    } else if (panel.value(PanelsKey).isArray()) {
        // A pasted row: its own panels get fresh ids too (not the row).
        next = std::max(next, wanted + 1);
        const QJsonObject renumbered = withFreshIds(panel, &next);
        panel.insert(PanelsKey, renumbered.value(PanelsKey));
    }
    GridPos pos = gridPosOf(panel);
    if (isRow(panel))
        pos = GridPos{0, 0, layout::Columns, 1};
    pos.x = 0;
    pos.y = 0;
    panel = withGridPos(panel, pos);
    if (newId)
        *newId = panelId(panel);
    QJsonObject out = shiftedDown(dashboard, pos.h);
    QJsonArray panels = out.value(PanelsKey).toArray();
    panels.prepend(panel);
    out.insert(PanelsKey, panels);
    return compact(out);
}

QJsonObject addRow(const QJsonObject &dashboard, const QString &title, int *newId)
{
    QJsonObject row{{TypeKey, QStringLiteral("row")},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("collapsed"), false},
                    {PanelsKey, QJsonArray{}},
                    {IdKey, nextPanelId(dashboard)}};
    return addPanel(dashboard, row, newId);
}

QJsonObject movePanel(const QJsonObject &dashboard, int id, const GridPos &target)
{
    Grid g = readGrid(dashboard);
    qsizetype index = -1;
    for (qsizetype i = 0; i < g.panels.size(); ++i) {
        if (panelId(g.panels[i]) == id)
            index = i;
    }
    if (index < 0)
        return dashboard;
    GridPos t = target;
    if (isRow(g.panels[index]))
        t = GridPos{0, target.y, layout::Columns, 1};
    return writeGrid(dashboard, g, placeFixed(g.positions, index, t));
}

QJsonObject removePanel(const QJsonObject &dashboard, int id)
{
    QJsonArray out;
    bool removed = false;
    for (const QJsonValue &v : dashboard.value(PanelsKey).toArray()) {
        QJsonObject p = v.toObject();
        if (v.isObject() && panelId(p) == id) {
            removed = true;
            continue;
        }
        if (v.isObject() && p.value(PanelsKey).isArray()) {
            QJsonArray kids;
            for (const QJsonValue &c : p.value(PanelsKey).toArray()) {
                if (c.isObject() && panelId(c.toObject()) == id) {
                    removed = true;
                    continue;
                }
                kids.append(c);
            }
            if (kids.size() != p.value(PanelsKey).toArray().size()) {
                // Close the gap among the row's own panels.
                p.insert(PanelsKey, kids);
                QJsonObject inner{{PanelsKey, kids}};
                const QJsonObject laid = compact(inner);
                QJsonArray shifted;
                const int rowY = gridPosOf(p).y;
                for (const QJsonValue &c : laid.value(PanelsKey).toArray()) {
                    if (!c.isObject()) {
                        shifted.append(c);
                        continue;
                    }
                    GridPos cp = gridPosOf(c.toObject());
                    cp.y += rowY + 1;
                    shifted.append(withGridPos(c.toObject(), cp));
                }
                p.insert(PanelsKey, shifted);
            }
            out.append(p);
            continue;
        }
        out.append(v);
    }
    if (!removed)
        return dashboard;
    QJsonObject d = dashboard;
    d.insert(PanelsKey, out);
    return compact(d);
}

QJsonObject duplicatePanel(const QJsonObject &dashboard, int id, int *newId)
{
    Grid g = readGrid(dashboard);
    qsizetype index = -1;
    for (qsizetype i = 0; i < g.panels.size(); ++i) {
        if (panelId(g.panels[i]) == id && !isRow(g.panels[i]))
            index = i;
    }
    if (index < 0)
        return dashboard;
    int next = nextPanelId(dashboard);
    QJsonObject copy = withFreshIds(g.panels[index], &next);
    const GridPos src = g.positions[index];
    GridPos pos = src;
    if (src.x + 2 * src.w <= layout::Columns)
        pos.x = src.x + src.w;
    else
        pos.y = src.y + src.h;
    copy = withGridPos(copy, pos);
    if (newId)
        *newId = panelId(copy);
    g.panels.append(copy);
    g.positions.append(pos);
    return writeGrid(dashboard, g, placeFixed(g.positions, g.panels.size() - 1, pos));
}

QJsonObject replacePanel(const QJsonObject &dashboard, int id, QJsonObject panel)
{
    panel.insert(IdKey, id);
    QJsonArray out;
    bool topLevel = false;
    bool found = false;
    for (const QJsonValue &v : dashboard.value(PanelsKey).toArray()) {
        QJsonObject p = v.toObject();
        if (v.isObject() && panelId(p) == id && !found) {
            out.append(panel);
            topLevel = true;
            found = true;
            continue;
        }
        if (v.isObject() && p.value(PanelsKey).isArray() && !found) {
            QJsonArray kids = p.value(PanelsKey).toArray();
            for (qsizetype i = 0; i < kids.size(); ++i) {
                if (panelId(kids.at(i).toObject()) == id) {
                    kids[i] = panel;
                    found = true;
                    break;
                }
            }
            p.insert(PanelsKey, kids);
            out.append(p);
            continue;
        }
        out.append(v);
    }
    if (!found)
        return dashboard;
    QJsonObject d = dashboard;
    d.insert(PanelsKey, out);
    if (topLevel)
        return movePanel(d, id, gridPosOf(panel));
    return d;
}

QByteArray panelClipboardText(const QJsonObject &panel)
{
    return QJsonDocument(panel).toJson(QJsonDocument::Indented);
}

QJsonObject panelFromClipboardText(const QByteArray &text, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QJsonObject();
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QCoreApplication::translate("pharos::DashboardEdit",
                                                "The clipboard does not hold panel JSON."));
    QJsonObject o = doc.object();
    if (o.value(QLatin1String("panel")).isObject())
        o = o.value(QLatin1String("panel")).toObject();
    if (!o.contains(TypeKey) && o.value(PanelsKey).isArray()) {
        const QJsonArray panels = o.value(PanelsKey).toArray();
        if (panels.size() == 1 && panels.first().isObject())
            o = panels.first().toObject();
    }
    const QString type = o.value(TypeKey).toString();
    if (type.isEmpty() ||
        (!o.contains(GridPosKey) && !o.contains(QLatin1String("targets")) &&
         !o.contains(QLatin1String("options")) && !o.contains(QLatin1String("title"))))
        return fail(QCoreApplication::translate(
            "pharos::DashboardEdit",
            "The clipboard holds JSON, but not a panel: a panel has a \"type\"."));
    return o;
}

QJsonObject compact(const QJsonObject &dashboard)
{
    Grid g = readGrid(dashboard);
    return writeGrid(dashboard, g, layout::floatUp(g.positions));
}

} // namespace pharos::dashboardedit
