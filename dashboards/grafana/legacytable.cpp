#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

using namespace migration;

void GrafanaMigrator::tableOldToTable(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject custom = defaults.value(L("custom")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();

    auto styleProps = [&](const QJsonObject &style, bool isDefault) {
        QJsonArray props;
        const QString alias = style.value(L("alias")).toString();
        if (!alias.isEmpty() && !isDefault)
            props.append(property(QStringLiteral("displayName"), alias));
        const QString type = style.value(L("type")).toString();
        if (type == QLatin1String("date")) {
            const QString fmt = style.value(L("dateFormat")).toString();
            props.append(property(QStringLiteral("unit"),
                                  fmt.isEmpty() || fmt == QLatin1String("YYYY-MM-DD HH:mm:ss")
                                      ? QStringLiteral("dateTimeAsIso")
                                      : QLatin1String("time:") + fmt));
        } else if (type == QLatin1String("hidden")) {
            props.append(property(QStringLiteral("custom.hidden"), true));
        } else if (type == QLatin1String("number")) {
            const QString unit = style.value(L("unit")).toString();
            if (!unit.isEmpty())
                props.append(property(QStringLiteral("unit"), unit));
            if (const auto d = toNumber(style.value(L("decimals"))))
                props.append(property(QStringLiteral("decimals"), json::saturatedInt(*d)));
        }
        const QString colorMode = style.value(L("colorMode")).toString();
        const QJsonArray ths = style.value(L("thresholds")).toArray();
        QList<double> levels;
        for (const QJsonValue &t : ths) {
            if (const auto v = toNumber(t))
                levels.append(*v);
        }
        if (!colorMode.isEmpty()) {
            const QJsonArray colors = style.value(L("colors")).toArray();
            QJsonArray steps;
            auto colorAt = [&](qsizetype i) {
                return colors.at(std::min<qsizetype>(i, std::max<qsizetype>(0, colors.size() - 1)))
                    .toString(QStringLiteral("green"));
            };
            steps.append(step(QJsonValue(QJsonValue::Null), colorAt(0)));
            for (qsizetype i = 0; i < levels.size(); ++i)
                steps.append(step(levels[i], colorAt(i + 1)));
            props.append(property(QStringLiteral("thresholds"), thresholdsFromSteps(steps)));
            props.append(
                property(QStringLiteral("color"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}}));
            props.append(property(
                QStringLiteral("custom.cellOptions"),
                colorMode == QLatin1String("value")
                    ? QJsonObject{{QStringLiteral("type"), QStringLiteral("color-text")}}
                    : QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")}}));
            if (colorMode == QLatin1String("row"))
                note(p, tr("Column style \"%1\": colouring whole rows is not available; the "
                           "cell is coloured.")
                            .arg(style.value(L("pattern")).toString()));
        }
        if (style.value(L("link")).toBool() && !style.value(L("linkUrl")).toString().isEmpty()) {
            QString url = style.value(L("linkUrl")).toString();
            url.replace(QLatin1String("$__cell"), QLatin1String("${__value.text}"));
            props.append(property(
                QStringLiteral("links"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("title"), style.value(L("linkTooltip")).toString()},
                    {QStringLiteral("url"), url},
                    {QStringLiteral("targetBlank"), style.value(L("linkTargetBlank")).toBool()}}}));
        }
        const QJsonArray mappings = legacyMappings(
            QJsonObject{{QStringLiteral("mappingType"), style.value(L("mappingType")).toInt(1)},
                        {QStringLiteral("valueMaps"), style.value(L("valueMaps"))},
                        {QStringLiteral("rangeMaps"), style.value(L("rangeMaps"))}});
        if (!mappings.isEmpty())
            props.append(property(QStringLiteral("mappings"), mappings));
        const QString align = style.value(L("align")).toString();
        if (!align.isEmpty() && align != QLatin1String("auto"))
            props.append(property(QStringLiteral("custom.align"), align));
        return props;
    };

    for (const QJsonValue &sv : p.value(L("styles")).toArray()) {
        const QJsonObject style = sv.toObject();
        const QString pattern = style.value(L("pattern")).toString();
        if (pattern.isEmpty())
            continue;
        if (pattern == QLatin1String("/.*/")) {
            // The catch-all style is the default of every column.
            const QJsonArray props = styleProps(style, true);
            for (const QJsonValue &pv : props) {
                const QJsonObject prop = pv.toObject();
                const QString id = prop.value(L("id")).toString();
                if (id.startsWith(QLatin1String("custom."))) {
                    custom.insert(id.mid(7), prop.value(L("value")));
                } else {
                    defaults.insert(id, prop.value(L("value")));
                }
            }
            continue;
        }
        addOverride(&overrides, matcherFor(pattern), styleProps(style, false));
    }

    // The old table's data transform becomes a transformation.
    const QString transform = p.value(L("transform")).toString();
    QJsonArray transformations = p.value(L("transformations")).toArray();
    if (transform == QLatin1String("timeseries_aggregations")) {
        QJsonArray reducers;
        for (const QJsonValue &c : p.value(L("columns")).toArray()) {
            const QString r = reducerFor(c.toObject().value(L("value")).toString());
            if (!r.isEmpty())
                reducers.append(r);
        }
        if (reducers.isEmpty())
            reducers.append(QStringLiteral("mean"));
        transformations.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("reduce")},
            {QStringLiteral("options"), QJsonObject{{QStringLiteral("reducers"), reducers},
                                                    {QStringLiteral("includeTimeField"), false}}}});
    } else if (transform == QLatin1String("timeseries_to_columns")) {
        transformations.append(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("seriesToColumns")},
                        {QStringLiteral("options"),
                         QJsonObject{{QStringLiteral("byField"), QStringLiteral("Time")}}}});
    } else if (transform == QLatin1String("table") && p.value(L("targets")).toArray().size() > 1) {
        transformations.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("merge")},
                                           {QStringLiteral("options"), QJsonObject()}});
    } else if (transform == QLatin1String("json") || transform == QLatin1String("annotations")) {
        note(p, tr("The table's \"%1\" transform has no equivalent; the data is shown as it "
                   "comes.")
                    .arg(transform));
    }
    if (!transformations.isEmpty())
        p.insert(L("transformations"), transformations);

    const QJsonObject sort = p.value(L("sort")).toObject();
    if (sort.value(L("col")).isDouble())
        note(p, tr("The old sort (by column number) was not kept; click a header to sort."));
    options.insert(L("showHeader"), p.value(L("showHeader")).toBool(true));

    defaults.insert(L("custom"), custom);
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("table"));
    for (const char *k :
         {"styles", "columns", "transform", "sort", "showHeader", "fontSize", "pageSize", "scroll"})
        p.remove(L(k));
    note(p, tr("Old table converted: column styles became field overrides."));
}

} // namespace pharos
