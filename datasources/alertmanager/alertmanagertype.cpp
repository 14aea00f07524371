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

} // namespace

DataSourceType alertmanagerDataSourceType()
{
    return {"alertmanager",
            QT_TRANSLATE_NOOP("pharos::DataSourceType", "Alertmanager"),
            &servesAlertmanager,
            &create,
            &provision,
            &describe,
            &endpoint};
}

} // namespace pharos
