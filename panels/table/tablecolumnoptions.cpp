#include "panels/table/tablecolumnoptions.h"

#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

/// Grafana writes booleans of overrides as JSON booleans, older files as "true" strings.
bool truthy(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    if (v.isDouble())
        return v.toDouble() != 0;
    return false;
}

std::optional<int> pixels(const QJsonValue &v)
{
    const std::optional<double> n = json::number(v);
    if (!n || !std::isfinite(*n) || *n <= 0)
        return std::nullopt;
    return int(std::min(*n, 100000.0));
}

QString cellTypeOf(const QJsonValue &cellOptions)
{
    return cellOptions.toObject().value(QLatin1String("type")).toString();
}

/// Applies one table option (a key of `custom` without the prefix) to `c`. Undefined or null
/// resets the option to Grafana's default.
void applyTableOption(const QString &key, const QJsonValue &v, TableColumnOptions &c)
{
    const bool unset = v.isUndefined() || v.isNull();
    if (key == QLatin1String("width")) {
        c.width = unset ? std::nullopt : pixels(v);
    } else if (key == QLatin1String("minWidth")) {
        c.minWidth = unset ? std::nullopt : pixels(v);
    } else if (key == QLatin1String("align")) {
        const QString a = v.toString();
        c.align = (a == QLatin1String("left") || a == QLatin1String("center") ||
                   a == QLatin1String("right"))
                      ? a
                      : QStringLiteral("auto");
    } else if (key == QLatin1String("cellOptions")) {
        const QString t = cellTypeOf(v);
        const QJsonObject o = v.toObject();
        c.cellType = t.isEmpty() ? QStringLiteral("auto") : t;
        c.backgroundSolid = o.value(QLatin1String("mode")).toString() == QLatin1String("basic");
        c.applyToRow = truthy(o.value(QLatin1String("applyToRow")));
    } else if (key == QLatin1String("displayMode")) {
        // Before schema 38; "color-background-solid" is a solid background.
        const QString t = v.toString();
        c.cellType = t.isEmpty() ? QStringLiteral("auto") : t;
        c.backgroundSolid = t == QLatin1String("color-background-solid");
        c.applyToRow = false;
    } else if (key == QLatin1String("hidden")) {
        c.hidden = truthy(v);
    } else if (key == QLatin1String("filterable")) {
        c.filterable = truthy(v);
    }
}

} // namespace

int tableRowHeight(const QString &cellHeight)
{
    if (cellHeight == QLatin1String("md"))
        return 42;
    if (cellHeight == QLatin1String("lg"))
        return 48;
    return 36;
}

TableColumnOptions TableColumnOptions::resolve(const QJsonObject &panelJson,
                                               const FieldConfigResolver &resolver,
                                               const QString &name, const QString &type,
                                               const QString &refId)
{
    FieldMatchInfo info;
    info.name = name;
    info.refId = refId;
    info.type = type;
    const FieldConfig fc = resolver.resolve(info);
    TableColumnOptions c;
    c.name = name;
    c.displayName = fc.displayName;
    c.unit = fc.unit;
    c.decimals = fc.decimals;
    c.min = fc.min;
    c.max = fc.max;
    c.thresholds = fc.thresholds;
    c.colorMode = fc.colorMode;
    c.fixedColor = fc.fixedColor;

    const QJsonObject fieldConfig = panelJson.value(QLatin1String("fieldConfig")).toObject();
    const QJsonObject defaults = fieldConfig.value(QLatin1String("defaults")).toObject();
    const QJsonObject custom = defaults.value(QLatin1String("custom")).toObject();
    // displayMode first, so that cellOptions (the newer key) wins when a file has both
    if (custom.contains(QLatin1String("displayMode")))
        applyTableOption(QStringLiteral("displayMode"), custom.value(QLatin1String("displayMode")),
                         c);
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        if (it.key() != QLatin1String("displayMode"))
            applyTableOption(it.key(), it.value(), c);
    }
    QJsonArray mappings = defaults.value(QLatin1String("mappings")).toArray();
    const QJsonArray overrides = fieldConfig.value(QLatin1String("overrides")).toArray();
    for (int i = 0; i < overrides.size(); ++i) {
        if (!resolver.matches(i, info))
            continue;
        const QJsonArray props =
            overrides.at(i).toObject().value(QLatin1String("properties")).toArray();
        for (const QJsonValue &pv : props) {
            const QJsonObject p = pv.toObject();
            const QString id = p.value(QLatin1String("id")).toString();
            const QJsonValue value = p.value(QLatin1String("value"));
            if (id.startsWith(QLatin1String("custom.")))
                applyTableOption(id.mid(7), value, c);
            else if (id == QLatin1String("mappings"))
                mappings = value.toArray();
        }
    }
    c.mappings = ValueMappings::fromJson(mappings);
    return c;
}

bool TableColumnOptions::colorsText() const
{
    return cellType == QLatin1String("color-text");
}

bool TableColumnOptions::colorsBackground() const
{
    return cellType.startsWith(QLatin1String("color-background"));
}

} // namespace pharos
