#pragma once

#include "datasources/capabilities/promqlsource.h"
#include "datasources/datasource.h"

#include "datasources/http/httpclient.h"
#include "datasources/prometheus/prometheusoptions.h"

#include <QUrlQuery>

namespace pharos {

/// A Prometheus (or Prometheus-compatible) HTTP API data source, on the shared HttpClient
/// (datasources/http/httpclient.h: queue, auth, TLS, timeouts, the POST-to-GET fallback,
/// redirects, size limits, diagnosis and worker-thread parsing).
///
/// - Keeps the URL's path prefix and PrometheusOptions::pathPrefix (http://host/prefix/api/v1/...).
/// - Adds X-Scope-OrgID (Mimir/Cortex tenant), the custom query parameters, and Thanos'
///   partial_response/dedup to its requests; caps lookups by PrometheusOptions::seriesLimit.
/// - Parses the answers with ResponseParser (simdjson) into frames, strings, label sets.
/// - testConnection() reads build info (and VictoriaMetrics' version from /metrics), then
///   checks that the query 1+1 answers 2.
class PrometheusDataSource : public DataSource,
                             public PromqlSource,
                             public RulesSource,
                             public TargetsSource
{
    Q_OBJECT
public:
    explicit PrometheusDataSource(DataSourceSettings settings, QObject *parent = nullptr);
    ~PrometheusDataSource() override;

    /// A new URL forgets a GET fallback learned from the old one.
    void setSettings(const DataSourceSettings &settings) override;
    void setSecrets(const DataSourceSecrets &secrets) override;
    void setSecretsUnavailable(const QString &message) override;

    PromqlSource *promql() override { return this; }
    RulesSource *rules() override { return this; }
    TargetsSource *targets() override { return this; }
    TestReply *testConnection() override;

    QueryReply *query(const QueryRequest &request) override;
    StringListReply *labelNames(const QStringList &matchers = {}, qint64 startMs = 0,
                                qint64 endMs = 0) override;
    StringListReply *labelValues(const QString &label, const QStringList &matchers = {},
                                 int limit = 0) override;
    StringListReply *labelValuesInRange(const QString &label, const QStringList &matchers,
                                        qint64 startMs, qint64 endMs, int limit = 0) override;
    SeriesReply *series(const QStringList &matchers, qint64 startMs = 0, qint64 endMs = 0) override;
    MetadataReply *metadata(const QString &metric = {}, int limit = 0) override;
    BuildInfoReply *buildInfo() override;
    int scrapeIntervalMs() const override { return m_options.scrapeIntervalMs; }

    /// /api/v1/rules (type=alert or record when filtered) and /api/v1/alerts.
    RuleGroupsReply *ruleGroups(RuleFilter filter = RuleFilter::All) override;
    RuleAlertsReply *ruleAlerts() override;
    /// /api/v1/targets?state=any: the active targets and the dropped count.
    TargetsReply *scrapeTargets() override;
    const PrometheusOptions &options() const { return m_options; }

    /// Requests on the wire now / the most that were ever on the wire at once / waiting.
    int inFlightCount() const;
    int peakInFlight() const;
    int queuedCount() const;
    /// True once the server answered 405 to a POST: requests then use GET.
    bool usesGet() const;

    /// The full URL of an API path under the configured base URL (keeps a path prefix).
    QUrl apiUrl(const QString &path) const;

    /// The flavour named by a buildinfo `data` object: "Prometheus", "VictoriaMetrics" (empty
    /// data; *versionElsewhere = true: the version is in /metrics), "Thanos", "Mimir", "Cortex".
    static QString detectFlavour(const BuildInfo &buildInfo, DataSourceKind configured,
                                 bool *versionElsewhere);

private:
    enum class Mode { Normal, Test };

    void configureClient();
    /// The request of an API path with the options' common parameters, method and limits.
    HttpRequest apiRequest(const QString &path, QUrlQuery params, Mode mode = Mode::Normal) const;
    /// apiRequest() for the endpoints Prometheus serves with GET only (rules, alerts, targets).
    HttpRequest getRequest(const QString &path, QUrlQuery params) const;
    /// A capped lookup: the limit sent and applied (`limit`, else the series limit; 0 = none).
    int lookupLimit(HttpRequest *request, int limit) const;
    QueryReply *testQuery();
    void addCommonParams(QUrlQuery *q, const QString &path) const;

    HttpClient *m_http;
    PrometheusOptions m_options; // of settings().jsonData
};

} // namespace pharos
