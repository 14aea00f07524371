#include "dashboards/grafana/schemasteps.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace pharos::migration {

namespace {

/// Replaces text in every string of a JSON value.
QJsonValue replaceInStrings(const QJsonValue &v, const QList<std::pair<QString, QString>> &pairs,
                            bool *changed)
{
    if (v.isString()) {
        QString s = v.toString();
        const QString before = s;
        for (const auto &[from, to] : pairs)
            s.replace(from, to);
        if (s != before)
            *changed = true;
        return s;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = replaceInStrings(a.at(i), pairs, changed);
        return a;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = replaceInStrings(it.value(), pairs, changed);
        return o;
    }
    return v;
}

/// Replaces text in every string of a panel's links, options and fieldConfig.
void renameInStrings(QJsonObject &p, const QList<std::pair<QString, QString>> &pairs)
{
    for (const char *k : {"links", "options", "fieldConfig"}) {
        if (!p.contains(L(k)))
            continue;
        bool changed = false;
        const QJsonValue v = replaceInStrings(p.value(L(k)), pairs, &changed);
        if (changed)
            p.insert(L(k), v);
    }
}

// Schema 12: the graph's y-axis settings move from `grid` to `yaxes`.
void toV12(QJsonObject &p, const PanelNote &)
{
    const QString type = p.value(L("type")).toString();
    if (type == QLatin1String("graph") && p.value(L("grid")).isObject() &&
        !p.contains(L("yaxes"))) {
        QJsonObject grid = p.value(L("grid")).toObject();
        const QJsonArray formats = p.value(L("y_formats")).toArray();
        auto axis = [&](const char *side, int index) {
            const QString s = QLatin1String(side);
            QJsonObject a{
                {QStringLiteral("show"), true},
                {QStringLiteral("format"), formats.at(index).toString(QStringLiteral("short"))}};
            a.insert(L("min"), grid.value(s + QLatin1String("Min")));
            a.insert(L("max"), grid.value(s + QLatin1String("Max")));
            a.insert(L("logBase"), grid.value(s + QLatin1String("LogBase")).toInt(1));
            a.insert(L("label"), p.value(s + QLatin1String("YAxisLabel")));
            for (const char *k : {"Min", "Max", "LogBase"})
                grid.remove(s + QLatin1String(k));
            return a;
        };
        p.insert(L("yaxes"), QJsonArray{axis("left", 0), axis("right", 1)});
        p.insert(L("grid"), grid);
        p.remove(L("y_formats"));
        p.remove(L("leftYAxisLabel"));
        p.remove(L("rightYAxisLabel"));
    }
}

// Schema 13: graph thresholds from grid.threshold1/2.
void toV13(QJsonObject &p, const PanelNote &)
{
    const QString type = p.value(L("type")).toString();
    if (type == QLatin1String("graph") && p.value(L("grid")).isObject()) {
        QJsonObject grid = p.value(L("grid")).toObject();
        QJsonArray thresholds = p.value(L("thresholds")).toArray();
        for (const char *n : {"threshold1", "threshold2"}) {
            const QString k = QLatin1String(n);
            const auto value = toNumber(grid.value(k));
            if (value) {
                const QString color = grid.value(k + QLatin1String("Color")).toString();
                thresholds.append(
                    QJsonObject{{QStringLiteral("value"), *value},
                                {QStringLiteral("op"), QStringLiteral("gt")},
                                {QStringLiteral("colorMode"), QStringLiteral("custom")},
                                {QStringLiteral("fill"), true},
                                {QStringLiteral("fillColor"), color},
                                {QStringLiteral("line"), grid.value(L("thresholdLine")).toBool()},
                                {QStringLiteral("lineColor"), color}});
            }
            grid.remove(k);
            grid.remove(k + QLatin1String("Color"));
        }
        grid.remove(L("thresholdLine"));
        p.insert(L("grid"), grid);
        if (!thresholds.isEmpty())
            p.insert(L("thresholds"), thresholds);
    }
}

// Schema 17: minSpan (in grid columns) becomes maxPerRow, a factor of 24.
void toV17(QJsonObject &p, const PanelNote &)
{
    if (p.contains(L("minSpan"))) {
        const double minSpan = toNumber(p.value(L("minSpan"))).value_or(0);
        if (minSpan > 0) {
            const int max = json::saturatedInt(std::floor(24 / minSpan));
            int perRow = 24;
            for (int f : {1, 2, 3, 4, 6, 8, 12, 24}) {
                if (f >= max) {
                    perRow = f;
                    break;
                }
            }
            p.insert(L("maxPerRow"), perRow);
        }
        p.remove(L("minSpan"));
    }
}

// Schema 18: gauge options.
void toV18(QJsonObject &p, const PanelNote &)
{
    if (p.contains(L("options-gauge"))) {
        QJsonObject opts = p.value(L("options-gauge")).toObject();
        const QJsonObject existing = p.value(L("options")).toObject();
        for (auto it = existing.begin(); it != existing.end(); ++it)
            opts.insert(it.key(), it.value());
        p.insert(L("options"), opts);
        p.remove(L("options-gauge"));
    }
}

// Schema 19: panel links become URLs.
void toV19(QJsonObject &p, const PanelNote &)
{
    if (p.value(L("links")).isArray()) {
        QJsonArray links = p.value(L("links")).toArray();
        for (qsizetype i = 0; i < links.size(); ++i) {
            QJsonObject l = links.at(i).toObject();
            if (l.contains(L("url")) && !l.contains(L("dashUri")) && !l.contains(L("dashboard")))
                continue;
            QString url = l.value(L("url")).toString();
            if (url.isEmpty() && !l.value(L("dashUri")).toString().isEmpty())
                url = QLatin1String("dashboard/") + l.value(L("dashUri")).toString();
            else if (url.isEmpty() && !l.value(L("dashboard")).toString().isEmpty())
                url = QLatin1String("dashboard/db/") + l.value(L("dashboard")).toString();
            QStringList params;
            if (l.value(L("keepTime")).toBool())
                params << QStringLiteral("$__url_time_range");
            if (l.value(L("includeVars")).toBool())
                params << QStringLiteral("$__all_variables");
            if (!l.value(L("params")).toString().isEmpty())
                params << l.value(L("params")).toString();
            if (!params.isEmpty())
                url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                       params.join(QLatin1Char('&'));
            QJsonObject out{{QStringLiteral("url"), url},
                            {QStringLiteral("title"), l.value(L("title")).toString()}};
            if (l.value(L("targetBlank")).toBool())
                out.insert(L("targetBlank"), true);
            links[i] = out;
        }
        p.insert(L("links"), links);
    }
}

// Schema 20: renamed data-link variables.
void toV20(QJsonObject &p, const PanelNote &)
{
    renameInStrings(p, {{QStringLiteral("__series_name"), QStringLiteral("__series.name")},
                        {QStringLiteral("__value_time"), QStringLiteral("__value.time")},
                        {QStringLiteral("$__field_name"), QStringLiteral("${__field.name}")}});
}

// Schema 21: __series.labels is __field.labels in data links.
void toV21(QJsonObject &p, const PanelNote &)
{
    renameInStrings(p, {{QStringLiteral("__series.labels"), QStringLiteral("__field.labels")}});
}

// Schema 24: the Angular table (with `styles`) is "table-old".
void toV24(QJsonObject &p, const PanelNote &)
{
    const QString type = p.value(L("type")).toString();
    if (type == QLatin1String("table") && p.contains(L("styles")))
        p.insert(L("type"), QStringLiteral("table-old"));
}

// Schema 26: text2 is the text panel.
void toV26(QJsonObject &p, const PanelNote &)
{
    const QString type = p.value(L("type")).toString();
    if (type == QLatin1String("text2"))
        p.insert(L("type"), QStringLiteral("text"));
}

// Schema 27: copies left by a repeat.
void toV27(QJsonObject &p, const PanelNote &note)
{
    if (p.contains(L("repeatPanelId")) || p.contains(L("repeatedByRow")))
        note(p, QCoreApplication::translate("pharos::GrafanaMigrator",
                                            "This is a copy Grafana made for a repeated panel; "
                                            "Grafana removes it on load, Pharos keeps it."));
}

// Schema 30: value mappings get types; tooltipOptions is tooltip.
void toV30(QJsonObject &p, const PanelNote &)
{
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    bool fcChanged = false;
    if (defaults.value(L("mappings")).isArray()) {
        const QJsonArray m = newMappings(defaults.value(L("mappings")).toArray());
        if (m != defaults.value(L("mappings")).toArray()) {
            defaults.insert(L("mappings"), m);
            fc.insert(L("defaults"), defaults);
            fcChanged = true;
        }
    }
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    editOverrideProperties(&overrides, [](QJsonObject *prop) {
        if (prop->value(L("id")).toString() != QLatin1String("mappings") ||
            !prop->value(L("value")).isArray())
            return false;
        prop->insert(L("value"), newMappings(prop->value(L("value")).toArray()));
        return true;
    });
    if (!overrides.isEmpty()) {
        fc.insert(L("overrides"), overrides);
        fcChanged = true;
    }
    if (fcChanged)
        p.insert(L("fieldConfig"), fc);
    QJsonObject options = p.value(L("options")).toObject();
    if (options.contains(L("tooltipOptions"))) {
        options.insert(L("tooltip"), options.value(L("tooltipOptions")));
        options.remove(L("tooltipOptions"));
        p.insert(L("options"), options);
    }
}

// Schema 31: labelsToFields is followed by a merge.
void toV31(QJsonObject &p, const PanelNote &)
{
    if (p.value(L("transformations")).isArray()) {
        const QJsonArray in = p.value(L("transformations")).toArray();
        QJsonArray out;
        for (const QJsonValue &t : in) {
            out.append(t);
            if (t.toObject().value(L("id")).toString() == QLatin1String("labelsToFields"))
                out.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("merge")},
                                       {QStringLiteral("options"), QJsonObject()}});
        }
        p.insert(L("transformations"), out);
    }
}

// Schema 34: a CloudWatch query with several statistics becomes one query per statistic
// (the extra queries get the next free refIds).
void toV34(QJsonObject &p, const PanelNote &)
{
    if (p.value(L("targets")).isArray()) {
        const QJsonArray in = p.value(L("targets")).toArray();
        QSet<QString> used;
        for (const QJsonValue &t : in)
            used.insert(t.toObject().value(L("refId")).toString());
        auto nextRefId = [&used] {
            for (int n = 0;; ++n) {
                QString id;
                for (int k = n; k >= 0; k = k / 26 - 1)
                    id.prepend(QChar(u'A' + k % 26));
                if (!used.contains(id)) {
                    used.insert(id);
                    return id;
                }
            }
        };
        QJsonArray out;
        bool split = false;
        for (const QJsonValue &v : in) {
            const QJsonObject t = v.toObject();
            if (!t.value(L("statistics")).isArray()) {
                out.append(v);
                continue;
            }
            split = true;
            const QJsonArray stats = t.value(L("statistics")).toArray();
            for (qsizetype s = 0; s < std::max<qsizetype>(stats.size(), 1); ++s) {
                QJsonObject one = t;
                one.remove(L("statistics"));
                if (s < stats.size())
                    one.insert(L("statistic"), stats.at(s));
                if (s > 0)
                    one.insert(L("refId"), nextRefId());
                out.append(one);
            }
        }
        if (split)
            p.insert(L("targets"), out);
    }
}

// Schema 35: a time series whose axes are all hidden keeps its time (x) axis.
void toV35(QJsonObject &p, const PanelNote &)
{
    const QString type = p.value(L("type")).toString();
    if (type == QLatin1String("timeseries")) {
        QJsonObject fc = p.value(L("fieldConfig")).toObject();
        const QJsonObject custom = fc.value(L("defaults")).toObject().value(L("custom")).toObject();
        if (custom.value(L("axisPlacement")).toString() == QLatin1String("hidden")) {
            QJsonArray overrides = fc.value(L("overrides")).toArray();
            overrides.append(
                QJsonObject{{QStringLiteral("matcher"),
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("byType")},
                                         {QStringLiteral("options"), QStringLiteral("time")}}},
                            {QStringLiteral("properties"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("id"), QStringLiteral("custom.axisPlacement")},
                                 {QStringLiteral("value"), QStringLiteral("auto")}}}}});
            fc.insert(L("overrides"), overrides);
            p.insert(L("fieldConfig"), fc);
        }
    }
}

// Schema 37: a hidden legend is a list legend with showLegend off.
void toV37(QJsonObject &p, const PanelNote &)
{
    QJsonObject options = p.value(L("options")).toObject();
    if (options.value(L("legend")).isObject()) {
        QJsonObject legend = options.value(L("legend")).toObject();
        if (legend.value(L("displayMode")).toString() == QLatin1String("hidden") ||
            legend.value(L("showLegend")) == QJsonValue(false)) {
            legend.insert(L("displayMode"), QStringLiteral("list"));
            legend.insert(L("showLegend"), false);
        } else {
            legend.insert(L("showLegend"), true);
        }
        options.insert(L("legend"), legend);
        p.insert(L("options"), options);
    }
}

// Schema 38: table cell display modes are cell options.
void toV38(QJsonObject &p, const PanelNote &)
{
    if (p.value(L("type")).toString() == QLatin1String("table")) {
        auto cellOptions = [](const QString &mode) {
            if (mode == QLatin1String("basic"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("basic")}};
            if (mode == QLatin1String("gradient-gauge"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("gradient")}};
            if (mode == QLatin1String("lcd-gauge"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("lcd")}};
            if (mode == QLatin1String("color-background"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")},
                                   {QStringLiteral("mode"), QStringLiteral("gradient")}};
            if (mode == QLatin1String("color-background-solid"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")},
                                   {QStringLiteral("mode"), QStringLiteral("basic")}};
            return QJsonObject{{QStringLiteral("type"), mode}};
        };
        QJsonObject fc = p.value(L("fieldConfig")).toObject();
        QJsonObject defaults = fc.value(L("defaults")).toObject();
        QJsonObject custom = defaults.value(L("custom")).toObject();
        bool changed = false;
        if (custom.value(L("displayMode")).isString()) {
            custom.insert(L("cellOptions"), cellOptions(custom.value(L("displayMode")).toString()));
            custom.remove(L("displayMode"));
            defaults.insert(L("custom"), custom);
            fc.insert(L("defaults"), defaults);
            changed = true;
        }
        QJsonArray overrides = fc.value(L("overrides")).toArray();
        changed |= editOverrideProperties(&overrides, [&cellOptions](QJsonObject *prop) {
            if (prop->value(L("id")).toString() != QLatin1String("custom.displayMode"))
                return false;
            prop->insert(L("id"), QStringLiteral("custom.cellOptions"));
            prop->insert(L("value"), cellOptions(prop->value(L("value")).toString()));
            return true;
        });
        if (changed) {
            fc.insert(L("overrides"), overrides);
            p.insert(L("fieldConfig"), fc);
        }
    }
}

// Schema 39: timeSeriesTable's refIdToStat.
void toV39(QJsonObject &p, const PanelNote &)
{
    if (p.value(L("transformations")).isArray()) {
        QJsonArray ts = p.value(L("transformations")).toArray();
        for (qsizetype i = 0; i < ts.size(); ++i) {
            QJsonObject t = ts.at(i).toObject();
            if (t.value(L("id")).toString() != QLatin1String("timeSeriesTable"))
                continue;
            QJsonObject opts = t.value(L("options")).toObject();
            if (!opts.value(L("refIdToStat")).isObject())
                continue;
            const QJsonObject map = opts.value(L("refIdToStat")).toObject();
            opts.remove(L("refIdToStat"));
            for (auto it = map.begin(); it != map.end(); ++it)
                opts.insert(it.key(), QJsonObject{{QStringLiteral("stat"), it.value()}});
            t.insert(L("options"), opts);
            ts[i] = t;
        }
        p.insert(L("transformations"), ts);
    }
}

constexpr PanelSchemaStep Steps[] = {
    {12, toV12}, {13, toV13}, {17, toV17}, {18, toV18}, {19, toV19}, {20, toV20},
    {21, toV21}, {24, toV24}, {26, toV26}, {27, toV27}, {30, toV30}, {31, toV31},
    {34, toV34}, {35, toV35}, {37, toV37}, {38, toV38}, {39, toV39},
};

} // namespace

std::span<const PanelSchemaStep> panelSchemaSteps()
{
    return Steps;
}

} // namespace pharos::migration
