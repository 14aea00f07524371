#include "dashboards/layout/layout.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pharos::layout {

namespace {

bool isCollapsedRow(const QJsonObject &panel)
{
    return panel.value(QLatin1String("type")).toString() == QLatin1String("row") &&
           panel.value(QLatin1String("collapsed")).toBool(false);
}

QString describe(const QJsonObject &panel, const GridPos &p)
{
    const QJsonValue id = panel.value(QLatin1String("id"));
    return QStringLiteral("panel %1 \"%2\" (x %3, y %4, w %5, h %6)")
        .arg(id.isDouble() ? QString::number(id.toDouble()) : QStringLiteral("?"),
             panel.value(QLatin1String("title")).toString())
        .arg(p.x)
        .arg(p.y)
        .arg(p.w)
        .arg(p.h);
}

void collectOverlaps(const QList<QJsonObject> &panels, const QList<GridPos> &positions,
                     QStringList *out)
{
    for (qsizetype i = 0; i < positions.size(); ++i) {
        for (qsizetype j = i + 1; j < positions.size(); ++j) {
            if (overlaps(positions[i], positions[j]))
                out->append(describe(panels[i], positions[i]) + QStringLiteral(" overlaps ") +
                            describe(panels[j], positions[j]));
        }
    }
}

} // namespace

bool overlaps(const GridPos &a, const GridPos &b)
{
    // In 64 bits: callers may pass unsanitized positions.
    auto less = [](int p, int q, int qSize) { return qint64(p) < qint64(q) + qSize; };
    return less(a.x, b.x, b.w) && less(b.x, a.x, a.w) && less(a.y, b.y, b.h) && less(b.y, a.y, a.h);
}

GridPos sanitized(GridPos p)
{
    p.w = std::clamp(p.w, 1, Columns);
    p.x = std::clamp(p.x, 0, Columns - p.w);
    p.h = std::clamp(p.h, 1, MaxHeight);
    p.y = std::clamp(p.y, 0, MaxY);
    return p;
}

QList<GridPos> floatUp(const QList<GridPos> &positions)
{
    const QList<qsizetype> order = orderByPosition(positions);
    QList<GridPos> result(positions.size());
    QList<GridPos> placed;
    placed.reserve(positions.size());
    auto collides = [&](const GridPos &p) {
        return std::any_of(placed.cbegin(), placed.cend(),
                           [&](const GridPos &q) { return overlaps(p, q); });
    };
    auto columnsOverlap = [](const GridPos &a, const GridPos &b) {
        return a.x < b.x + b.w && b.x < a.x + a.w;
    };
    for (qsizetype index : order) {
        GridPos p = sanitized(positions[index]);
        // Move up one line at a time while nothing is in the way, in one step: the first
        // line above that collides belongs to the lowest panel in these columns whose
        // collision range [q.y - p.h + 1, q.bottom - 1] reaches above p.
        int top = 0;
        for (const GridPos &q : std::as_const(placed)) {
            if (columnsOverlap(p, q) && q.y <= p.y + p.h - 2)
                top = std::max(top, std::min(p.y, q.y + q.h));
        }
        p.y = std::min(p.y, top);
        // Overlapping input: push down below what is there, jumping to the nearest bottom
        // of what it overlaps (each of those is in the way until its own bottom).
        while (collides(p)) {
            int next = std::numeric_limits<int>::max();
            for (const GridPos &q : std::as_const(placed)) {
                if (overlaps(p, q))
                    next = std::min(next, q.y + q.h);
            }
            p.y = next;
        }
        placed.append(p);
        result[index] = p;
    }
    return result;
}

bool hasOverlap(const QList<GridPos> &positions)
{
    for (qsizetype i = 0; i < positions.size(); ++i) {
        for (qsizetype j = i + 1; j < positions.size(); ++j) {
            if (overlaps(positions[i], positions[j]))
                return true;
        }
    }
    return false;
}

GridPos gridPosOf(const QJsonObject &panel)
{
    const QJsonObject g = panel.value(QLatin1String("gridPos")).toObject();
    GridPos p;
    p.x = json::integer(g.value(QLatin1String("x")), 0);
    p.y = json::integer(g.value(QLatin1String("y")), 0);
    p.w = json::integer(g.value(QLatin1String("w")), 12);
    p.h = json::integer(g.value(QLatin1String("h")), 8);
    return sanitized(p);
}

GridPos readGridPos(const QJsonObject &panel)
{
    const GridPos p = gridPosOf(panel);
    if (panel.value(QLatin1String("type")).toString() == QLatin1String("row"))
        return GridPos{0, p.y, Columns, 1};
    return p;
}

QJsonObject withGridPos(QJsonObject panel, const GridPos &p)
{
    QJsonObject g = panel.value(QLatin1String("gridPos")).toObject();
    g.insert(QLatin1String("x"), p.x);
    g.insert(QLatin1String("y"), p.y);
    g.insert(QLatin1String("w"), p.w);
    g.insert(QLatin1String("h"), p.h);
    panel.insert(QLatin1String("gridPos"), g);
    return panel;
}

QList<qsizetype> orderByPosition(const QList<GridPos> &positions)
{
    QList<qsizetype> order(positions.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const GridPos &pa = positions[a];
        const GridPos &pb = positions[b];
        return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
    });
    return order;
}

QJsonArray layoutPanels(const QJsonArray &panels)
{
    // Non-objects are kept where they are (after the panels): they are not on the grid.
    QList<QJsonObject> items;
    QJsonArray others;
    for (const QJsonValue &v : panels) {
        if (v.isObject())
            items.append(v.toObject());
        else
            others.append(v);
    }
    QList<GridPos> positions;
    positions.reserve(items.size());
    for (const QJsonObject &p : std::as_const(items))
        positions.append(readGridPos(p));
    const QList<GridPos> floated = floatUp(positions);

    const QList<qsizetype> order = orderByPosition(floated);

    QJsonArray out;
    for (qsizetype index : order) {
        QJsonObject panel = withGridPos(items[index], floated[index]);
        if (isCollapsedRow(panel)) {
            const QJsonArray children = panel.value(QLatin1String("panels")).toArray();
            QList<QJsonObject> kids;
            QJsonArray kidOthers;
            QList<GridPos> kidPos;
            for (const QJsonValue &c : children) {
                if (c.isObject()) {
                    kids.append(c.toObject());
                    kidPos.append(readGridPos(kids.last()));
                } else {
                    kidOthers.append(c);
                }
            }
            if (!kids.isEmpty()) {
                // Float among themselves from the top, then start on the row's next line.
                int minY = kidPos.first().y;
                for (const GridPos &g : std::as_const(kidPos))
                    minY = std::min(minY, g.y);
                for (GridPos &g : kidPos)
                    g.y -= minY;
                QList<GridPos> kidFloated = floatUp(kidPos);
                QList<qsizetype> kidOrder(kids.size());
                for (qsizetype i = 0; i < kidOrder.size(); ++i)
                    kidOrder[i] = i;
                std::stable_sort(kidOrder.begin(), kidOrder.end(), [&](qsizetype a, qsizetype b) {
                    const GridPos &pa = kidFloated[a];
                    const GridPos &pb = kidFloated[b];
                    return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
                });
                QJsonArray newKids;
                for (qsizetype k : kidOrder) {
                    GridPos g = kidFloated[k];
                    g.y += floated[index].y + 1;
                    newKids.append(withGridPos(kids[k], g));
                }
                for (const QJsonValue &o : std::as_const(kidOthers))
                    newKids.append(o);
                panel.insert(QLatin1String("panels"), newKids);
            }
        }
        out.append(panel);
    }
    for (const QJsonValue &o : std::as_const(others))
        out.append(o);
    return out;
}

QStringList overlapProblems(const QJsonArray &panels)
{
    QStringList out;
    QList<QJsonObject> top;
    QList<GridPos> topPos;
    for (const QJsonValue &v : panels) {
        if (!v.isObject())
            continue;
        const QJsonObject p = v.toObject();
        top.append(p);
        topPos.append(readGridPos(p));
        if (isCollapsedRow(p)) {
            QList<QJsonObject> kids;
            QList<GridPos> kidPos;
            for (const QJsonValue &c : p.value(QLatin1String("panels")).toArray()) {
                if (c.isObject()) {
                    kids.append(c.toObject());
                    kidPos.append(readGridPos(kids.last()));
                }
            }
            collectOverlaps(kids, kidPos, &out);
        }
    }
    collectOverlaps(top, topPos, &out);
    return out;
}

} // namespace pharos::layout
