#include "datasources/prometheus/prometheustype.h"

#include "datasources/config/provisioning.h"
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/prometheus/prometheusoptions.h"

#include <QCoreApplication>
#include <algorithm>

namespace pharos {

namespace {

bool servesPrometheus(const QString &type)
{
    // VictoriaMetrics's Grafana plugins: "victoriametrics-datasource",
    // "victoriametrics-metrics-datasource".
    return type == QLatin1String("prometheus") || type.contains(QLatin1String("victoriametrics"));
}

std::unique_ptr<DataSource> create(const DataSourceSettings &settings)
{
    return std::make_unique<PrometheusDataSource>(settings);
}

// Grafana's Prometheus jsonData: prometheusType, httpMethod, timeInterval,
// customQueryParameters; Pharos' own: seriesLimit, pathPrefix, partialResponse, dedup.
void provision(const QJsonObject &json, DataSourceSettings *s, DataSourceSecrets *secrets,
               QStringList *warnings)
{
    const auto text = [&](const char *key) { return json.value(QLatin1String(key)).toString(); };
    PrometheusOptions p;
    if (s->type.contains(QLatin1String("victoriametrics"))) {
        p.kind = DataSourceKind::VictoriaMetrics;
    } else if (const QString flavour = text("prometheusType");
               !flavour.isEmpty() && !dataSourceKindFromName(flavour, &p.kind)) {
        *warnings << QCoreApplication::translate(
                         "pharos::Provisioning",
                         "Data source \"%1\": unknown prometheusType \"%2\"; using Prometheus.")
                         .arg(s->name, flavour);
    }
    if (text("httpMethod").compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0)
        p.httpMethod = PrometheusOptions::HttpMethod::Get;
    const qint64 scrape = Provisioning::durationMs(text("timeInterval"));
    if (scrape > 0)
        p.scrapeIntervalMs = int(std::min<qint64>(scrape, 24 * 3600 * 1000));
    p.customQueryParameters = text("customQueryParameters");
    bool ok = false;
    const int limit = text("seriesLimit").toInt(&ok);
    if (ok && limit >= 0)
        p.seriesLimit = limit;
    p.pathPrefix = text("pathPrefix");
    if (p.kind == DataSourceKind::Thanos) {
        p.thanosPartialResponse =
            Provisioning::boolean(text("partialResponse"), p.thanosPartialResponse);
        p.thanosDedup = Provisioning::boolean(text("dedup"), p.thanosDedup);
    }
    if (p.kind == DataSourceKind::Mimir) {
        // Grafana sets Mimir's tenant as a custom header; Pharos keeps it as the tenant.
        QList<DataSourceHeader> &headers = s->http.headers;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it->name.compare(QLatin1String("X-Scope-OrgID"), Qt::CaseInsensitive) == 0) {
                const QString key = SecretName::header(it->name);
                p.tenantId = it->secret ? secrets->values.take(key) : it->value;
                headers.erase(it);
                break;
            }
        }
    }
    p.storeIn(s);
}

QString describe(const DataSourceSettings &settings)
{
    return dataSourceKindDisplayName(PrometheusOptions::of(settings).kind);
}

QUrl endpoint(const DataSourceSettings &settings)
{
    return PrometheusOptions::of(settings).effectiveUrl(settings.url);
}

} // namespace

DataSourceType prometheusDataSourceType()
{
    return {"prometheus",      QT_TRANSLATE_NOOP("pharos::DataSourceType", "Prometheus"),
            &servesPrometheus, &create,
            &provision,        &describe,
            &endpoint};
}

} // namespace pharos
