#include "dashboards/layout/legacyrows.h"
#include "dashboards/layout/layout.h"
#include "dashboards/model/jsonvalue.h"

#include <QString>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace pharos::legacyrows {

namespace {

QLatin1String L(const char *s)
{
    return QLatin1String(s);
}

// y + h of a gridPos as written, within the layout's bounds (file values can be anything).
int gridBottom(const QJsonObject &g)
{
    const qint64 bottom =
        qint64(g.value(QLatin1String("y")).toInt()) + g.value(QLatin1String("h")).toInt();
    return int(std::clamp<qint64>(bottom, 0, layout::MaxY + layout::MaxHeight));
}

/// A legacy height ("250px", "250", 250) in grid units, at least Grafana's 90 px minimum;
/// `fallback` when it is not a finite number.
int heightUnits(const QJsonValue &v, int fallback)
{
    double px = 0;
    if (v.isDouble()) {
        px = v.toDouble();
    } else if (v.isString()) {
        QString s = v.toString().trimmed();
        if (s.endsWith(QLatin1String("px")))
            s.chop(2);
        bool ok = false;
        px = s.trimmed().toDouble(&ok);
        if (!ok)
            return fallback;
    } else {
        return fallback;
    }
    if (!std::isfinite(px))
        return fallback;
    px = std::max(px, 90.0); // Grafana's minimum panel height
    // 30 px per unit plus the 8 px gutter.
    return std::min(json::saturatedInt(std::ceil(px / 38.0)), layout::MaxHeight);
}

} // namespace

QJsonArray toGridPanels(const QJsonArray &rows, QJsonArray panels,
                        const RowPanelCallback &onRowPanel)
{
    // Existing grid panels (rare in files that still have rows) stay above.
    int yPos = 0;
    for (const QJsonValue &v : std::as_const(panels)) {
        const QJsonObject g = v.toObject().value(L("gridPos")).toObject();
        yPos = std::max(yPos, gridBottom(g));
    }
    int maxId = 0;
    for (const QJsonValue &rv : rows) {
        for (const QJsonValue &pv : rv.toObject().value(L("panels")).toArray())
            maxId = std::max(
                maxId,
                json::saturatedInt(json::finiteNumber(pv.toObject().value(L("id"))).value_or(0)));
    }
    for (const QJsonValue &pv : std::as_const(panels))
        maxId = std::max(maxId, json::saturatedInt(
                                    json::finiteNumber(pv.toObject().value(L("id"))).value_or(0)));

    // Row panels exist only when a row is collapsed, titled or repeated (as in Grafana).
    bool showRows = false;
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        if (r.value(L("collapse")).toBool() || r.value(L("showTitle")).toBool() ||
            !r.value(L("repeat")).toString().isEmpty())
            showRows = true;
    }

    for (const QJsonValue &rv : rows) {
        if (!rv.isObject())
            continue;
        const QJsonObject r = rv.toObject();
        const bool collapsed = r.value(L("collapse")).toBool();
        const int rowHeight = heightUnits(r.value(L("height")), 7);
        QJsonObject rowPanel;
        QJsonArray rowChildren;
        if (showRows) {
            // The row keeps its unknown keys; the legacy layout keys are replaced.
            rowPanel = r;
            for (const char *k : {"panels", "collapse", "height", "showTitle", "titleSize",
                                  "repeatIteration", "repeatRowId"})
                rowPanel.remove(L(k));
            if (rowPanel.value(L("repeat")).isNull())
                rowPanel.remove(L("repeat"));
            rowPanel.insert(L("type"), QStringLiteral("row"));
            rowPanel.insert(L("id"), ++maxId);
            rowPanel.insert(L("title"), r.value(L("title")).toString());
            rowPanel.insert(L("collapsed"), collapsed);
            rowPanel.insert(L("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                      {QStringLiteral("y"), yPos},
                                                      {QStringLiteral("w"), 24},
                                                      {QStringLiteral("h"), 1}});
            if (onRowPanel)
                onRowPanel(r, !r.value(L("showTitle")).toBool() && !collapsed);
            ++yPos;
        }
        // Panels are packed into the row area from the left; a panel that does not fit in
        // the free columns at the right starts a new line of the row's height.
        std::array<int, 24> area{};
        int areaTop = yPos;
        int lastTop = yPos;
        QJsonArray rowPanels;
        for (const QJsonValue &pv : r.value(L("panels")).toArray()) {
            if (!pv.isObject())
                continue;
            QJsonObject p = pv.toObject();
            double span = json::finiteNumber(p.value(L("span"))).value_or(4);
            if (span <= 0)
                span = 4;
            const int w = std::max(1, std::clamp(json::saturatedInt(std::floor(span)), 0, 12) * 2);
            const int h =
                p.contains(L("height")) ? heightUnits(p.value(L("height")), rowHeight) : rowHeight;
            auto place = [&](int *x, int *y) {
                // Free columns at the right end (still below the row height), as far left as
                // the heights do not rise.
                int end = -1, start = -1;
                for (int i = 23; i >= 0; --i) {
                    if (rowHeight - area[i] <= 0)
                        break;
                    if (end < 0) {
                        end = i;
                        start = i;
                    } else if (area[i] <= area[i + 1]) {
                        start = i;
                    } else {
                        break;
                    }
                }
                if (end < 0 || end - start + 1 < w)
                    return false;
                *x = start;
                *y = *std::max_element(area.begin() + start, area.end());
                return true;
            };
            int x = 0, y = 0;
            if (!place(&x, &y)) {
                areaTop += rowHeight;
                area.fill(0);
                if (!place(&x, &y)) {
                    x = 0;
                    y = 0;
                }
            }
            for (int i = x; i < std::min(24, x + w); ++i)
                area[i] = y + h;
            p.insert(L("gridPos"), QJsonObject{{QStringLiteral("x"), x},
                                               {QStringLiteral("y"), areaTop + y},
                                               {QStringLiteral("w"), std::min(w, 24 - x)},
                                               {QStringLiteral("h"), h}});
            lastTop = areaTop;
            if (p.contains(L("minSpan"))) {
                const double minSpan = json::finiteNumber(p.value(L("minSpan"))).value_or(0);
                if (minSpan > 0)
                    p.insert(L("minSpan"), std::min(24.0, minSpan * 2));
            }
            p.remove(L("span"));
            p.remove(L("height"));
            rowPanels.append(p);
        }
        yPos = lastTop;
        if (showRows && collapsed) {
            rowPanel.insert(L("panels"), rowPanels);
            panels.append(rowPanel);
        } else {
            if (showRows) {
                rowPanel.insert(L("panels"), QJsonArray());
                panels.append(rowPanel);
            }
            for (const QJsonValue &p : std::as_const(rowPanels))
                panels.append(p);
            yPos += rowHeight;
            if (!rowPanels.isEmpty()) {
                // A panel taller than its row pushes the next row down (Grafana's gravity
                // would move it there anyway).
                int bottom = yPos;
                for (const QJsonValue &p : std::as_const(rowPanels)) {
                    const QJsonObject g = p.toObject().value(L("gridPos")).toObject();
                    bottom = std::max(bottom, gridBottom(g));
                }
                yPos = bottom;
            }
        }
    }
    return panels;
}

} // namespace pharos::legacyrows
