#pragma once

#include "datasources/datasourcereply.h"
#include "datasources/frame.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace pharos {

/// One PromQL evaluation. Times are unix milliseconds.
struct QueryRequest
{
    QString expr;
    bool instant = false;
    qint64 startMs = 0; // range queries
    qint64 endMs = 0;
    qint64 stepMs = 0;
    qint64 timeMs = 0; // instant queries
};

/// HELP/TYPE/UNIT of one metric (the first entry /api/v1/metadata gives for it).
struct MetricMetadata
{
    QString type;
    QString help;
    QString unit;
};
using MetricMetadataMap = QHash<QString, MetricMetadata>; // metric name -> metadata

/// What /api/v1/status/buildinfo says about the server.
struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString goVersion;
    QString application; // Mimir, Cortex and Thanos name themselves here
};

using QueryReply = TypedReply<QueryResult>;
using StringListReply = TypedReply<QStringList>;     // label names, label values
using SeriesReply = TypedReply<std::vector<Labels>>; // label sets (each sorted by name)
using MetadataReply = TypedReply<MetricMetadataMap>;
using BuildInfoReply = TypedReply<BuildInfo>;

/// A data source that answers PromQL and its metadata lookups: Prometheus and the servers
/// that speak its HTTP API (VictoriaMetrics, Thanos, Mimir) today, the built-in Local source
/// next. DataSource::promql() gives it. Every call returns at once with a reply the caller
/// owns; no call blocks or parses on the calling thread.
class PromqlSource
{
public:
    virtual ~PromqlSource() = default;

    virtual QueryReply *query(const QueryRequest &request) = 0;
    /// Label names, optionally restricted by series selectors and a time range (0 = unset).
    virtual StringListReply *labelNames(const QStringList &matchers = {}, qint64 startMs = 0,
                                        qint64 endMs = 0) = 0;
    /// Values of one label; `limit` 0 means the server's default.
    virtual StringListReply *labelValues(const QString &label, const QStringList &matchers = {},
                                         int limit = 0) = 0;
    /// Values of one label over a time range (unix ms; 0 = unset). At most `limit` values
    /// (0 = all) come back: servers that ignore `limit` (Prometheus before 2.50) are truncated
    /// on the client. The default ignores the range.
    virtual StringListReply *labelValuesInRange(const QString &label, const QStringList &matchers,
                                                qint64 startMs, qint64 endMs, int limit = 0)
    {
        Q_UNUSED(startMs);
        Q_UNUSED(endMs);
        return labelValues(label, matchers, limit);
    }
    virtual SeriesReply *series(const QStringList &matchers, qint64 startMs = 0,
                                qint64 endMs = 0) = 0;
    /// Metric metadata (HELP/TYPE/UNIT), of one metric or of all (`limit` metrics, 0 = all).
    virtual MetadataReply *metadata(const QString &metric = {}, int limit = 0) = 0;
    virtual BuildInfoReply *buildInfo() = 0;

    /// How often the server scrapes its targets; feeds $__rate_interval.
    virtual int scrapeIntervalMs() const { return DefaultScrapeIntervalMs; }
    static constexpr int DefaultScrapeIntervalMs = 15000;
};

} // namespace pharos
