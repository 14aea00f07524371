#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

using namespace migration;

void GrafanaMigrator::oldGaugeOptions(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject options = p.value(L("options")).toObject();
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    bool changed = false;

    auto oldThresholds = [](const QJsonArray &list) {
        // [{index, value, color}] (value null or missing for the base), any order.
        QList<QJsonObject> items;
        for (const QJsonValue &v : list)
            items.append(v.toObject());
        std::stable_sort(items.begin(), items.end(),
                         [](const QJsonObject &a, const QJsonObject &b) {
                             const auto va = toNumber(a.value(L("value")));
                             const auto vb = toNumber(b.value(L("value")));
                             if (!va || !vb)
                                 return !va && vb.has_value();
                             return *va < *vb;
                         });
        QJsonArray steps;
        for (const QJsonObject &t : std::as_const(items))
            steps.append(step(steps.isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : numberOrNull(t.value(L("value"))),
                              t.value(L("color")).toString(QStringLiteral("green"))));
        return steps;
    };

    // Grafana 6.0-6.4: options.{unit, decimals, stat, prefix, suffix, minValue, maxValue,
    // thresholds, valueMappings} or options.valueOptions{...}.
    const QJsonObject valueOptions = options.value(L("valueOptions")).toObject();
    auto take = [&](const char *key) {
        const QJsonValue v =
            valueOptions.contains(L(key)) ? valueOptions.value(L(key)) : options.value(L(key));
        return v;
    };
    if (!options.contains(L("fieldOptions")) &&
        (options.contains(L("valueOptions")) || options.contains(L("thresholds")) ||
         options.contains(L("valueMappings")) || options.contains(L("minValue")))) {
        const QString unit = take("unit").toString();
        if (!unit.isEmpty())
            defaults.insert(L("unit"), unit);
        if (const auto d = toNumber(take("decimals")))
            defaults.insert(L("decimals"), json::saturatedInt(*d));
        if (const auto v = toNumber(options.value(L("minValue"))))
            defaults.insert(L("min"), *v);
        if (const auto v = toNumber(options.value(L("maxValue"))))
            defaults.insert(L("max"), *v);
        if (options.value(L("thresholds")).isArray())
            defaults.insert(L("thresholds"), thresholdsFromSteps(oldThresholds(
                                                 options.value(L("thresholds")).toArray())));
        if (options.value(L("valueMappings")).isArray())
            defaults.insert(L("mappings"),
                            newMappings(options.value(L("valueMappings")).toArray()));
        QString calc = reducerFor(take("stat").toString());
        if (calc.isEmpty())
            calc = take("stat").toString().isEmpty() ? QStringLiteral("mean")
                                                     : take("stat").toString();
        options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                       {QStringLiteral("fields"), QString()},
                                                       {QStringLiteral("values"), false}});
        QStringList prefixNotes;
        const QString withAffixes =
            legacyPrefixSuffix(defaults, unit, take("prefix").toString().trimmed(),
                               take("suffix").toString().trimmed(), &prefixNotes);
        if (!withAffixes.isEmpty())
            defaults.insert(L("unit"), withAffixes);
        for (const QString &n : std::as_const(prefixNotes))
            note(p, n);
        for (const char *k : {"valueOptions", "unit", "decimals", "stat", "prefix", "suffix",
                              "minValue", "maxValue", "thresholds", "valueMappings", "baseColor"})
            options.remove(L(k));
        changed = true;
    }

    // Grafana 6.5-6.7: options.fieldOptions{calcs, values, limit, defaults, overrides,
    // thresholds, mappings}.
    if (options.value(L("fieldOptions")).isObject()) {
        const QJsonObject fo = options.value(L("fieldOptions")).toObject();
        QJsonObject oldDefaults = fo.value(L("defaults")).toObject();
        for (auto it = oldDefaults.begin(); it != oldDefaults.end(); ++it) {
            QString key = it.key();
            QJsonValue value = it.value();
            if (key == QLatin1String("title"))
                key = QStringLiteral("displayName");
            if (key == QLatin1String("thresholds") && value.isArray())
                value = thresholdsFromSteps(oldThresholds(value.toArray()));
            if (key == QLatin1String("mappings") && value.isArray())
                value = newMappings(value.toArray());
            if (!defaults.contains(key))
                defaults.insert(key, value);
        }
        if (fo.value(L("thresholds")).isArray() && !defaults.contains(L("thresholds")))
            defaults.insert(L("thresholds"), thresholdsFromSteps(oldThresholds(
                                                 fo.value(L("thresholds")).toArray())));
        if (fo.value(L("mappings")).isArray() && !defaults.contains(L("mappings")))
            defaults.insert(L("mappings"), newMappings(fo.value(L("mappings")).toArray()));
        if (fo.value(L("overrides")).isArray() && !fo.value(L("overrides")).toArray().isEmpty() &&
            !fc.contains(L("overrides")))
            fc.insert(L("overrides"), fo.value(L("overrides")));
        QJsonObject reduce = options.value(L("reduceOptions")).toObject();
        QJsonArray calcs = fo.value(L("calcs")).toArray();
        if (calcs.isEmpty())
            calcs.append(QStringLiteral("mean"));
        reduce.insert(L("calcs"), calcs);
        reduce.insert(L("values"), fo.value(L("values")).toBool(false));
        reduce.insert(L("fields"), fo.value(L("fields")).toString());
        if (fo.contains(L("limit")))
            reduce.insert(L("limit"), fo.value(L("limit")));
        options.insert(L("reduceOptions"), reduce);
        options.remove(L("fieldOptions"));
        changed = true;
    }
    if (!changed)
        return;
    if (!defaults.contains(L("color")) && defaults.contains(L("thresholds")))
        defaults.insert(L("color"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}});
    fc.insert(L("defaults"), defaults);
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    note(p, tr("Old %1 options (options.fieldOptions) moved to the field config.")
                .arg(p.value(L("type")).toString()));
}

} // namespace pharos
