#pragma once

#include "datasources/datasource.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace pharos {

/// The Prometheus-compatible server behind a data source; changes how the API is used.
enum class DataSourceKind {
    Prometheus,
    VictoriaMetrics,
    Thanos, // adds partial_response and dedup to queries
    Mimir,  // Mimir or Cortex: path prefix (e.g. /prometheus) and X-Scope-OrgID
};
/// "prometheus", "victoriametrics", "thanos", "mimir" (also accepted: "cortex").
QString dataSourceKindName(DataSourceKind kind);
/// Parses a kind name (case-insensitive); false when unknown.
bool dataSourceKindFromName(const QString &name, DataSourceKind *kind);
/// Translated display name: "Prometheus", "VictoriaMetrics", "Thanos", "Mimir / Cortex".
QString dataSourceKindDisplayName(DataSourceKind kind);

/// The settings of the `prometheus` data source type (and VictoriaMetrics' plugin types),
/// kept in DataSourceSettings::jsonData under the keys named below.
struct PrometheusOptions
{
    enum class HttpMethod { Post, Get };

    DataSourceKind kind = DataSourceKind::Prometheus; // "kind": "prometheus", "thanos", ...
    HttpMethod httpMethod = HttpMethod::Post; // "httpMethod"; POST falls back to GET after a 405
    int scrapeIntervalMs = PromqlSource::DefaultScrapeIntervalMs; // "scrapeIntervalMs"
    int seriesLimit = 40000; // "seriesLimit": cap for lookups (labels, values, series); 0 = none
    /// "customQueryParameters": extra URL query parameters for every request, "a=1&b=2".
    QString customQueryParameters;
    /// "pathPrefix": appended to the URL path before /api/v1 (Mimir/Cortex: "/prometheus").
    QString pathPrefix;
    /// "tenantId": the X-Scope-OrgID header (Mimir/Cortex tenant); sent when not empty.
    QString tenantId;
    /// Thanos: the partial_response and dedup parameters ("thanosPartialResponse",
    /// "thanosDedup").
    bool thanosPartialResponse = false;
    bool thanosDedup = true;

    static PrometheusOptions fromJson(const QJsonObject &jsonData);
    QJsonObject toJson() const;
    /// The options of a data source's settings / stores them there.
    static PrometheusOptions of(const DataSourceSettings &settings);
    void storeIn(DataSourceSettings *settings) const;

    /// The URL requests go to: `url` + pathPrefix.
    QUrl effectiveUrl(const QUrl &url) const;

    bool operator==(const PrometheusOptions &o) const = default;
};

} // namespace pharos
