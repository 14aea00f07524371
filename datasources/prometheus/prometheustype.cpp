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

std::vector<DataSourceOption> options()
{
    return {
        {"kind",
         QT_TRANSLATE_NOOP("DataSourceCommand", "prometheus, victoriametrics, thanos or mimir."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "kind")},
        {"path-prefix",
         QT_TRANSLATE_NOOP("DataSourceCommand", "Path before /api/v1, e.g. /prometheus."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "path")},
        {"tenant", QT_TRANSLATE_NOOP("DataSourceCommand", "X-Scope-OrgID tenant (Mimir, Cortex)."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "id")},
        {"param",
         QT_TRANSLATE_NOOP("DataSourceCommand", "Extra query parameter for every request."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "KEY=VALUE")},
        {"method",
         QT_TRANSLATE_NOOP("DataSourceCommand", "HTTP method for queries: POST (default) or GET."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "method")},
        {"scrape-interval",
         QT_TRANSLATE_NOOP("DataSourceCommand",
                           "The server's scrape interval, e.g. 15s (for $__rate_interval)."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "duration")},
        {"series-limit", QT_TRANSLATE_NOOP("DataSourceCommand", "Cap for lookups (default 40000)."),
         QT_TRANSLATE_NOOP("DataSourceCommand", "count")},
    };
}

QString applyOptions(const QHash<QString, QStringList> &values, DataSourceSettings *s)
{
    const auto value = [&](const char *name) {
        const QStringList v = values.value(QLatin1String(name));
        return v.isEmpty() ? QString() : v.last();
    };
    const auto given = [&](const char *name) { return values.contains(QLatin1String(name)); };
    PrometheusOptions p = PrometheusOptions::of(*s);
    if (given("kind") && !dataSourceKindFromName(value("kind"), &p.kind))
        return QCoreApplication::translate("DataSourceCommand",
                                           "datasource add: unknown kind \"%1\" (use prometheus, "
                                           "victoriametrics, thanos or mimir).")
            .arg(value("kind"));
    p.pathPrefix = value("path-prefix").trimmed();
    p.tenantId = value("tenant").trimmed();
    p.customQueryParameters = values.value(QStringLiteral("param")).join(QLatin1Char('&'));
    if (given("method")) {
        const QString m = value("method").trimmed().toUpper();
        if (m == QLatin1String("GET"))
            p.httpMethod = PrometheusOptions::HttpMethod::Get;
        else if (m != QLatin1String("POST"))
            return QCoreApplication::translate("DataSourceCommand",
                                               "datasource add: --method must be GET or POST.");
    }
    if (given("scrape-interval")) {
        const qint64 ms = Provisioning::durationMs(value("scrape-interval"));
        if (ms <= 0 || ms > 24 * 3600 * 1000)
            return QCoreApplication::translate(
                       "DataSourceCommand",
                       "datasource add: --scrape-interval \"%1\" is not a duration such as 15s.")
                .arg(value("scrape-interval"));
        p.scrapeIntervalMs = int(ms);
    }
    if (given("series-limit")) {
        bool ok = false;
        const int n = value("series-limit").toInt(&ok);
        if (!ok || n < 0)
            return QCoreApplication::translate("DataSourceCommand",
                                               "datasource add: --series-limit must be a number.");
        p.seriesLimit = n;
    }
    p.storeIn(s);
    return {};
}

} // namespace

DataSourceType prometheusDataSourceType()
{
    return {"prometheus",      QT_TRANSLATE_NOOP("pharos::DataSourceType", "Prometheus"),
            &servesPrometheus, &create,
            &provision,        &describe,
            &endpoint,         &options,
            &applyOptions};
}

} // namespace pharos
