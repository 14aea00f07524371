#include "datasources/alertmanager/alertmanageroptions.h"

namespace pharos {

namespace {
constexpr char ImplementationKey[] = "implementation";
} // namespace

QString alertmanagerImplementationName(AlertmanagerOptions::Implementation implementation)
{
    switch (implementation) {
    case AlertmanagerOptions::Implementation::Prometheus:
        return QStringLiteral("prometheus");
    case AlertmanagerOptions::Implementation::Mimir:
        return QStringLiteral("mimir");
    case AlertmanagerOptions::Implementation::Cortex:
        return QStringLiteral("cortex");
    }
    return QStringLiteral("mimir");
}

bool alertmanagerImplementationFromName(const QString &name,
                                        AlertmanagerOptions::Implementation *implementation)
{
    using I = AlertmanagerOptions::Implementation;
    const QString n = name.trimmed().toLower();
    I found;
    if (n == QLatin1String("prometheus"))
        found = I::Prometheus;
    else if (n == QLatin1String("mimir"))
        found = I::Mimir;
    else if (n == QLatin1String("cortex"))
        found = I::Cortex;
    else
        return false;
    if (implementation)
        *implementation = found;
    return true;
}

QString alertmanagerImplementationDisplayName(AlertmanagerOptions::Implementation implementation)
{
    switch (implementation) {
    case AlertmanagerOptions::Implementation::Prometheus:
        return QStringLiteral("Prometheus");
    case AlertmanagerOptions::Implementation::Mimir:
        return QStringLiteral("Mimir");
    case AlertmanagerOptions::Implementation::Cortex:
        return QStringLiteral("Cortex");
    }
    return QStringLiteral("Mimir");
}

AlertmanagerOptions AlertmanagerOptions::fromJson(const QJsonObject &jsonData)
{
    AlertmanagerOptions o;
    alertmanagerImplementationFromName(jsonData.value(QLatin1String(ImplementationKey)).toString(),
                                       &o.implementation);
    return o;
}

QJsonObject AlertmanagerOptions::toJson(QJsonObject jsonData) const
{
    jsonData.insert(QLatin1String(ImplementationKey),
                    alertmanagerImplementationName(implementation));
    return jsonData;
}

AlertmanagerOptions AlertmanagerOptions::of(const DataSourceSettings &settings)
{
    return fromJson(settings.jsonData);
}

void AlertmanagerOptions::storeIn(DataSourceSettings *settings) const
{
    settings->jsonData = toJson(settings->jsonData);
}

QString AlertmanagerOptions::apiPrefix() const
{
    return implementation == Implementation::Prometheus ? QString()
                                                        : QStringLiteral("/alertmanager");
}

QUrl AlertmanagerOptions::effectiveUrl(const QUrl &url) const
{
    const QString prefix = apiPrefix();
    if (prefix.isEmpty())
        return url;
    QUrl u = url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + prefix);
    return u;
}

} // namespace pharos
