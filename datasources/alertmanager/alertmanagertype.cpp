#include "datasources/alertmanager/alertmanagertype.h"

#include "datasources/alertmanager/alertmanagerdatasource.h"
#include "datasources/alertmanager/alertmanageroptions.h"

#include <QCoreApplication>

namespace pharos {

namespace {

bool servesAlertmanager(const QString &type)
{
    return type == QLatin1String("alertmanager");
}

std::unique_ptr<DataSource> create(const DataSourceSettings &settings)
{
    return std::make_unique<AlertmanagerDataSource>(settings);
}

// Grafana's Alertmanager jsonData: implementation ("prometheus", "mimir", "cortex"; Grafana's
// default is mimir). Keys Pharos does not use (handleGrafanaManagedAlerts) are kept.
void provision(const QJsonObject &json, DataSourceSettings *s, DataSourceSecrets *,
               QStringList *warnings)
{
    AlertmanagerOptions o;
    const QString implementation = json.value(QLatin1String("implementation")).toString();
    if (!implementation.isEmpty() &&
        !alertmanagerImplementationFromName(implementation, &o.implementation)) {
        *warnings << QCoreApplication::translate(
                         "pharos::Provisioning",
                         "Data source \"%1\": unknown Alertmanager implementation \"%2\"; using "
                         "Mimir.")
                         .arg(s->name, implementation);
    }
    QJsonObject kept = json;
    kept.remove(QLatin1String("implementation"));
    s->jsonData = o.toJson(kept);
}

QString describe(const DataSourceSettings &settings)
{
    const auto implementation = AlertmanagerOptions::of(settings).implementation;
    if (implementation == AlertmanagerOptions::Implementation::Prometheus)
        return QStringLiteral("Alertmanager");
    return QStringLiteral("Alertmanager (%1)")
        .arg(alertmanagerImplementationDisplayName(implementation));
}

QUrl endpoint(const DataSourceSettings &settings)
{
    return AlertmanagerOptions::of(settings).effectiveUrl(settings.url);
}

std::vector<DataSourceOption> options()
{
    return {{"implementation",
             QT_TRANSLATE_NOOP("DataSourceCommand",
                               "Alertmanager: prometheus (default), mimir or cortex."),
             QT_TRANSLATE_NOOP("DataSourceCommand", "name")}};
}

// A data source added on the command line is a plain Alertmanager unless told otherwise
// (Grafana's provisioning default, Mimir, is kept for provisioning files).
QString applyOptions(const QHash<QString, QStringList> &values, DataSourceSettings *s)
{
    AlertmanagerOptions o = AlertmanagerOptions::of(*s);
    o.implementation = AlertmanagerOptions::Implementation::Prometheus;
    const QStringList given = values.value(QStringLiteral("implementation"));
    if (!given.isEmpty() && !alertmanagerImplementationFromName(given.last(), &o.implementation))
        return QCoreApplication::translate(
                   "DataSourceCommand",
                   "datasource add: unknown implementation \"%1\" (use prometheus, mimir or "
                   "cortex).")
            .arg(given.last());
    o.storeIn(s);
    return {};
}

} // namespace

DataSourceType alertmanagerDataSourceType()
{
    return {"alertmanager",      QT_TRANSLATE_NOOP("pharos::DataSourceType", "Alertmanager"),
            &servesAlertmanager, &create,
            &provision,          &describe,
            &endpoint,           &options,
            &applyOptions};
}

} // namespace pharos
