#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "datasources/datasourceref.h"

#include <QJsonArray>

namespace pharos {

using namespace migration;

namespace {

QString variableName(const QString &ref)
{
    QString s = ref.trimmed();
    if (s.startsWith(QLatin1String("${")))
        s = s.mid(2, s.size() - 3);
    else if (s.startsWith(QLatin1String("[[")))
        s = s.mid(2, s.size() - 4);
    else if (s.startsWith(QLatin1Char('$')))
        s = s.mid(1);
    return s.section(QLatin1Char(':'), 0, 0);
}

} // namespace

QJsonValue GrafanaMigrator::dataSourceRef(const QJsonValue &ref, bool nullForDefault) const
{
    if (ref.isObject() || ref.isUndefined())
        return ref;
    if (ref.isNull())
        return ref;
    if (!ref.isString())
        return ref;
    const QString name = ref.toString().trimmed();
    if (name.isEmpty() || name.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0)
        return nullForDefault ? QJsonValue(QJsonValue::Null) : QJsonValue(ref);
    if (datasourceref::isMixed(name))
        return datasourceref::mixed();
    if (name == QLatin1String("-- Grafana --") || name == QLatin1String("grafana"))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("grafana")},
                           {QStringLiteral("uid"), QStringLiteral("grafana")}};
    if (name == QLatin1String("-- Dashboard --"))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")},
                           {QStringLiteral("uid"), QStringLiteral("-- Dashboard --")}};
    if (datasourceref::isVariable(name)) {
        QJsonObject o{{QStringLiteral("uid"), name}};
        const QString type = m_dsVariableTypes.value(variableName(name));
        if (!type.isEmpty())
            o.insert(L("type"), type);
        return o;
    }
    if (m_options.lookupDataSource) {
        const QJsonObject found = m_options.lookupDataSource(name);
        if (!found.isEmpty())
            return found;
    }
    return QJsonObject{{QStringLiteral("uid"), name}};
}

void GrafanaMigrator::dataSources(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    if (m_from >= 36)
        return;
    const bool isRow = p.value(L("type")).toString() == QLatin1String("row");
    if (p.contains(L("datasource")))
        p.insert(L("datasource"), dataSourceRef(p.value(L("datasource")), true));
    if (isRow || p.contains(L("libraryPanel")))
        return;
    // Schema 36: a panel without queries gets an empty query A; a panel with queries on the
    // default data source names it.
    if (p.value(L("targets")).toArray().isEmpty()) {
        p.insert(L("targets"),
                 QJsonArray{QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")}}});
        return;
    }
    const QJsonValue written = p.value(L("datasource"));
    if ((written.isNull() || written.isUndefined()) && !m_options.defaultDataSource.isEmpty())
        p.insert(L("datasource"), m_options.defaultDataSource);
    // Targets name their data source; one without copies the panel's (unless Mixed).
    const QJsonValue panelDs = p.value(L("datasource"));
    const bool mixed = panelDs.isObject() && datasourceref::isMixed(panelDs);
    QJsonArray targets = p.value(L("targets")).toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!targets.at(i).isObject())
            continue;
        QJsonObject t = targets.at(i).toObject();
        const QJsonValue ds = t.value(L("datasource"));
        if (ds.isString())
            t.insert(L("datasource"), dataSourceRef(ds, true));
        else if ((ds.isUndefined() || ds.isNull()) && !mixed && panelDs.isObject())
            t.insert(L("datasource"), panelDs);
        targets[i] = t;
    }
    p.insert(L("targets"), targets);
}

} // namespace pharos
