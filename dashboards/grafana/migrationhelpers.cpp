#include "dashboards/grafana/migrationhelpers.h"

#include "dashboards/model/jsonvalue.h"

#include <QCoreApplication>
#include <QHash>
#include <cmath>

namespace pharos::migration {

std::optional<double> toNumber(const QJsonValue &v)
{
    return json::finiteNumber(v);
}

QJsonValue numberOrNull(const QJsonValue &v)
{
    if (const auto n = toNumber(v))
        return *n;
    return QJsonValue(QJsonValue::Null);
}

QString reducerFor(const QString &valueName)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("avg"), QStringLiteral("mean")},
        {QStringLiteral("current"), QStringLiteral("lastNotNull")},
        {QStringLiteral("total"), QStringLiteral("sum")},
        {QStringLiteral("min"), QStringLiteral("min")},
        {QStringLiteral("max"), QStringLiteral("max")},
        {QStringLiteral("first"), QStringLiteral("firstNotNull")},
        {QStringLiteral("delta"), QStringLiteral("delta")},
        {QStringLiteral("diff"), QStringLiteral("diff")},
        {QStringLiteral("range"), QStringLiteral("range")},
        {QStringLiteral("count"), QStringLiteral("count")},
        {QStringLiteral("last"), QStringLiteral("last")},
        {QStringLiteral("last_time"), QStringLiteral("lastNotNull")},
        {QStringLiteral("name"), QStringLiteral("lastNotNull")},
    };
    return map.value(valueName);
}

QJsonObject matcherFor(const QString &alias)
{
    QJsonObject m;
    if (alias.size() > 2 && alias.startsWith(QLatin1Char('/')) &&
        alias.lastIndexOf(QLatin1Char('/')) > 0) {
        m.insert(L("id"), QStringLiteral("byRegexp"));
        m.insert(L("options"), alias.mid(1, alias.lastIndexOf(QLatin1Char('/')) - 1));
    } else {
        m.insert(L("id"), QStringLiteral("byName"));
        m.insert(L("options"), alias);
    }
    return m;
}

QJsonObject property(const QString &id, const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("value"), value}};
}

QJsonObject fixedColor(const QString &color)
{
    return QJsonObject{{QStringLiteral("mode"), QStringLiteral("fixed")},
                       {QStringLiteral("fixedColor"), color}};
}

bool editOverrideProperties(QJsonArray *overrides,
                            const std::function<bool(QJsonObject *property)> &edit)
{
    bool changed = false;
    for (qsizetype i = 0; i < overrides->size(); ++i) {
        QJsonObject o = overrides->at(i).toObject();
        QJsonArray props = o.value(QLatin1String("properties")).toArray();
        for (qsizetype j = 0; j < props.size(); ++j) {
            QJsonObject prop = props.at(j).toObject();
            if (edit(&prop)) {
                props[j] = prop;
                changed = true;
            }
        }
        o.insert(QLatin1String("properties"), props);
        (*overrides)[i] = o;
    }
    return changed;
}

void addOverride(QJsonArray *overrides, const QJsonObject &matcher, const QJsonArray &props)
{
    if (props.isEmpty())
        return;
    for (qsizetype i = 0; i < overrides->size(); ++i) {
        QJsonObject o = overrides->at(i).toObject();
        if (o.value(L("matcher")).toObject() == matcher) {
            QJsonArray existing = o.value(L("properties")).toArray();
            for (const QJsonValue &p : props)
                existing.append(p);
            o.insert(L("properties"), existing);
            (*overrides)[i] = o;
            return;
        }
    }
    overrides->append(
        QJsonObject{{QStringLiteral("matcher"), matcher}, {QStringLiteral("properties"), props}});
}

QJsonObject thresholdsFromSteps(const QJsonArray &steps, const QString &mode)
{
    return QJsonObject{{QStringLiteral("mode"), mode.isEmpty() ? QStringLiteral("absolute") : mode},
                       {QStringLiteral("steps"), steps}};
}

QJsonObject step(const QJsonValue &value, const QString &color)
{
    return QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("color"), color}};
}

QString legacyPrefixSuffix(QJsonObject &defaults, QString unit, const QString &prefix,
                           const QString &postfix, QStringList *notes)
{
    if (prefix.isEmpty() && postfix.isEmpty())
        return unit;
    auto keepPrefix = [&] {
        QJsonObject custom = defaults.value(QLatin1String("custom")).toObject();
        // Singlestat drew the prefix in its own span before the value: keep them apart.
        custom.insert(QStringLiteral("pharosPrefix"), QString(prefix + QLatin1Char(' ')));
        defaults.insert(QStringLiteral("custom"), custom);
    };
    const bool plain =
        unit.isEmpty() || unit == QLatin1String("none") || unit == QLatin1String("short");
    if (plain) {
        if (!prefix.isEmpty() && !postfix.isEmpty()) {
            unit = QLatin1String("suffix:") + postfix;
            keepPrefix();
            *notes << QCoreApplication::translate(
                          "pharos::GrafanaMigrator",
                          "Prefix \"%1\" and postfix \"%2\" are both shown: the postfix is the "
                          "custom unit suffix, the prefix is kept in custom.pharosPrefix (Grafana "
                          "shows only the suffix).")
                          .arg(prefix, postfix);
        } else if (!prefix.isEmpty()) {
            unit = QLatin1String("prefix:") + prefix;
            *notes << QCoreApplication::translate("pharos::GrafanaMigrator",
                                                  "Prefix/postfix became a custom unit.");
        } else {
            unit = QLatin1String("suffix:") + postfix;
            *notes << QCoreApplication::translate("pharos::GrafanaMigrator",
                                                  "Prefix/postfix became a custom unit.");
        }
        return unit;
    }
    if (!prefix.isEmpty()) {
        keepPrefix();
        *notes << QCoreApplication::translate(
                      "pharos::GrafanaMigrator",
                      "Prefix \"%1\" is shown before the value (kept in custom.pharosPrefix).")
                      .arg(prefix);
    }
    if (!postfix.isEmpty())
        *notes << QCoreApplication::translate(
                      "pharos::GrafanaMigrator",
                      "Postfix \"%1\" dropped: the unit \"%2\" already formats the value.")
                      .arg(postfix, unit);
    return unit;
}

QJsonArray newMappings(const QJsonArray &old)
{
    QJsonArray out;
    QJsonObject values;
    for (const QJsonValue &v : old) {
        const QJsonObject m = v.toObject();
        if (m.contains(L("options")) && m.value(L("type")).isString()) {
            out.append(m); // already typed
            continue;
        }
        const int type = m.value(L("type")).toInt(1);
        const QString text = m.value(L("text")).toString();
        QJsonObject result{{QStringLiteral("text"), text}};
        if (m.value(L("color")).isString())
            result.insert(L("color"), m.value(L("color")));
        if (type == 2) {
            out.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("range")},
                            {QStringLiteral("options"),
                             QJsonObject{{QStringLiteral("from"), numberOrNull(m.value(L("from")))},
                                         {QStringLiteral("to"), numberOrNull(m.value(L("to")))},
                                         {QStringLiteral("result"), result}}}});
            continue;
        }
        const QJsonValue value = m.value(L("value"));
        const QString key = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
        if (key == QLatin1String("null")) {
            out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                                   {QStringLiteral("options"),
                                    QJsonObject{{QStringLiteral("match"), QStringLiteral("null")},
                                                {QStringLiteral("result"), result}}}});
            continue;
        }
        result.insert(L("index"), int(values.size()));
        values.insert(key, result);
    }
    if (!values.isEmpty())
        out.prepend(QJsonObject{{QStringLiteral("type"), QStringLiteral("value")},
                                {QStringLiteral("options"), values}});
    return out;
}

QJsonArray legacyMappings(const QJsonObject &p)
{
    // Singlestat / table-old style: valueMaps or rangeMaps chosen by mappingType.
    QJsonArray old;
    const int mappingType = p.value(L("mappingType")).toInt(1);
    if (mappingType == 2) {
        for (const QJsonValue &v : p.value(L("rangeMaps")).toArray()) {
            QJsonObject m = v.toObject();
            m.insert(L("type"), 2);
            old.append(m);
        }
    } else {
        for (const QJsonValue &v : p.value(L("valueMaps")).toArray()) {
            QJsonObject m = v.toObject();
            m.insert(L("type"), 1);
            old.append(m);
        }
    }
    QJsonArray out = newMappings(old);
    const QString nullText = p.value(L("nullText")).toString();
    if (!nullText.isEmpty())
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                               {QStringLiteral("options"),
                                QJsonObject{{QStringLiteral("match"), QStringLiteral("null")},
                                            {QStringLiteral("result"),
                                             QJsonObject{{QStringLiteral("text"), nullText}}}}}});
    return out;
}

} // namespace pharos::migration
