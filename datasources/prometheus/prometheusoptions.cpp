#include "datasources/prometheus/prometheusoptions.h"

#include <QCoreApplication>
#include <algorithm>

namespace pharos {

QString dataSourceKindName(DataSourceKind kind)
{
    switch (kind) {
    case DataSourceKind::Prometheus:
        return QStringLiteral("prometheus");
    case DataSourceKind::VictoriaMetrics:
        return QStringLiteral("victoriametrics");
    case DataSourceKind::Thanos:
        return QStringLiteral("thanos");
    case DataSourceKind::Mimir:
        return QStringLiteral("mimir");
    }
    return QStringLiteral("prometheus");
}

bool dataSourceKindFromName(const QString &name, DataSourceKind *kind)
{
    const QString n = name.trimmed().toLower();
    DataSourceKind k;
    if (n == QLatin1String("prometheus"))
        k = DataSourceKind::Prometheus;
    else if (n == QLatin1String("victoriametrics") || n == QLatin1String("victoria-metrics") ||
             n == QLatin1String("victoriametrics-datasource") || n == QLatin1String("vm"))
        k = DataSourceKind::VictoriaMetrics;
    else if (n == QLatin1String("thanos"))
        k = DataSourceKind::Thanos;
    else if (n == QLatin1String("mimir") || n == QLatin1String("cortex"))
        k = DataSourceKind::Mimir;
    else
        return false;
    if (kind)
        *kind = k;
    return true;
}

QString dataSourceKindDisplayName(DataSourceKind kind)
{
    switch (kind) {
    case DataSourceKind::Prometheus:
        return QStringLiteral("Prometheus");
    case DataSourceKind::VictoriaMetrics:
        return QStringLiteral("VictoriaMetrics");
    case DataSourceKind::Thanos:
        return QStringLiteral("Thanos");
    case DataSourceKind::Mimir:
        return QCoreApplication::translate("pharos::DataSourceKind", "Mimir / Cortex");
    }
    return QStringLiteral("Prometheus");
}

PrometheusOptions PrometheusOptions::fromJson(const QJsonObject &o)
{
    PrometheusOptions p;
    dataSourceKindFromName(o.value(QLatin1String("kind")).toString(), &p.kind);
    if (o.value(QLatin1String("httpMethod"))
            .toString()
            .compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0)
        p.httpMethod = HttpMethod::Get;
    p.scrapeIntervalMs =
        std::max(1, o.value(QLatin1String("scrapeIntervalMs")).toInt(p.scrapeIntervalMs));
    p.seriesLimit = std::max(0, o.value(QLatin1String("seriesLimit")).toInt(p.seriesLimit));
    p.customQueryParameters = o.value(QLatin1String("customQueryParameters")).toString();
    p.pathPrefix = o.value(QLatin1String("pathPrefix")).toString();
    p.tenantId = o.value(QLatin1String("tenantId")).toString();
    p.thanosPartialResponse =
        o.value(QLatin1String("thanosPartialResponse")).toBool(p.thanosPartialResponse);
    p.thanosDedup = o.value(QLatin1String("thanosDedup")).toBool(p.thanosDedup);
    return p;
}

QJsonObject PrometheusOptions::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), dataSourceKindName(kind)},
                  {QStringLiteral("httpMethod"),
                   httpMethod == HttpMethod::Get ? QStringLiteral("GET") : QStringLiteral("POST")},
                  {QStringLiteral("scrapeIntervalMs"), scrapeIntervalMs},
                  {QStringLiteral("seriesLimit"), seriesLimit}};
    if (!customQueryParameters.isEmpty())
        o.insert(QStringLiteral("customQueryParameters"), customQueryParameters);
    if (!pathPrefix.isEmpty())
        o.insert(QStringLiteral("pathPrefix"), pathPrefix);
    if (!tenantId.isEmpty())
        o.insert(QStringLiteral("tenantId"), tenantId);
    if (kind == DataSourceKind::Thanos) {
        o.insert(QStringLiteral("thanosPartialResponse"), thanosPartialResponse);
        o.insert(QStringLiteral("thanosDedup"), thanosDedup);
    }
    return o;
}

PrometheusOptions PrometheusOptions::of(const DataSourceSettings &settings)
{
    return fromJson(settings.jsonData);
}

void PrometheusOptions::storeIn(DataSourceSettings *settings) const
{
    // Keys of other tools (e.g. from a provisioning file) stay as they are.
    for (const char *key :
         {"kind", "httpMethod", "scrapeIntervalMs", "seriesLimit", "customQueryParameters",
          "pathPrefix", "tenantId", "thanosPartialResponse", "thanosDedup"})
        settings->jsonData.remove(QLatin1String(key));
    const QJsonObject o = toJson();
    for (auto it = o.begin(); it != o.end(); ++it)
        settings->jsonData.insert(it.key(), it.value());
}

QUrl PrometheusOptions::effectiveUrl(const QUrl &url) const
{
    QString prefix = pathPrefix.trimmed();
    if (prefix.isEmpty())
        return url;
    QUrl u = url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    if (!prefix.isEmpty() && !prefix.startsWith(QLatin1Char('/')))
        prefix.prepend(QLatin1Char('/'));
    u.setPath(path + prefix);
    return u;
}

} // namespace pharos
