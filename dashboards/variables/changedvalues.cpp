#include "dashboards/variables/changedvalues.h"

#include "dashboards/variables/variables.h"

#include <QJsonObject>

namespace pharos {

namespace {

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out << v.toVariant().toString();
    } else if (!value.isUndefined() && !value.isNull()) {
        out << value.toVariant().toString();
    }
    return out;
}

QList<AdhocFilter> filtersOf(const QJsonArray &array)
{
    QList<AdhocFilter> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        AdhocFilter f;
        f.key = o.value(QLatin1String("key")).toString();
        f.op = o.value(QLatin1String("operator")).toString(QStringLiteral("="));
        f.value = o.value(QLatin1String("value")).toString();
        out.append(f);
    }
    return out;
}

} // namespace

QStringList changedVariableValues(const VariableSet &variables, const QJsonArray &fileList,
                                  const QJsonArray &openedList)
{
    auto byName = [](const QJsonArray &list) {
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QLatin1String("name")).toString(), o);
        }
        return out;
    };
    const QHash<QString, QJsonObject> saved = byName(fileList);
    const QHash<QString, QJsonObject> opened = byName(openedList);
    // Does the selection of `v` differ from the one written in `o`?
    auto differs = [](const Variable &v, const QJsonObject &o) {
        if (v.type == VariableType::Adhoc)
            return filtersOf(o.value(QLatin1String("filters")).toArray()) != v.filters;
        return stringsOf(
                   o.value(QLatin1String("current")).toObject().value(QLatin1String("value"))) !=
               v.currentValues;
    };
    QStringList changed;
    for (const Variable &v : variables.variables()) {
        const auto it = saved.constFind(v.name);
        if (it == saved.constEnd() || v.type == VariableType::Constant)
            continue;
        if (!differs(v, *it))
            continue;
        const auto first = opened.constFind(v.name);
        if (first != opened.constEnd() && !differs(v, *first))
            continue; // as opened: not the user's change
        changed << v.name;
    }
    return changed;
}

} // namespace pharos
