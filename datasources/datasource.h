#pragma once

#include "frame.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>
#include <vector>

namespace pharos {

/// Why a request failed. `message()` is the one sentence a user sees: on the panel, in the
/// data-source dialog, or on the command line.
struct DataSourceError
{
    enum class Kind {
        None,
        Cancelled,         // aborted by the caller (stale refresh); never shown to users
        ConnectionRefused, // nothing listens at the address
        HostNotFound,      // DNS failure
        Timeout,           // the data source's timeout expired
        Tls,               // certificate or handshake problem
        Network,           // any other transport failure
        Auth,              // HTTP 401 or 403
        NotFound,          // HTTP 404: wrong URL path or prefix
        HttpStatus,        // any other non-2xx status without a Prometheus error body
        NotPrometheus,     // HTML or JSON that is not a Prometheus API answer
        MalformedResponse, // truncated or unparsable JSON
        QueryError,        // Prometheus `status: error` (bad_data, execution, timeout, ...)
        Unsupported,       // the data source cannot do this request
        NotConfigured,     // the dashboard names a data source that is not configured
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorType; // Prometheus `errorType`, e.g. "bad_data"
    QString detail;    // the server's error text or the transport's description
    QString context;   // optional: which step failed, e.g. "Test query (1+1)"; prefixed to message()

    bool isError() const { return kind != Kind::None; }
    /// Translated, user-facing text naming the cause, e.g.
    /// "Connection refused by 127.0.0.1:9090 — is Prometheus running?"
    QString message() const;
};

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

/// What a user configures for a data source. Secrets are never held here.
struct DataSourceSettings
{
    QString uid;  // stable identifier; dashboards may reference it
    QString name; // unique display name
    QString type = QStringLiteral("prometheus");
    QUrl url;
    int timeoutMs = 60000;
    int scrapeIntervalMs = 15000; // feeds $__rate_interval
    bool isDefault = false;
};

/// The asynchronous answer to one request. Emits `finished()` exactly once, on the thread
/// that made the request, unless aborted first. The caller owns the reply: delete it
/// (deleteLater is fine) when done. Deleting or aborting an unfinished reply cancels the
/// request and no signal follows.
class DataSourceReply : public QObject
{
    Q_OBJECT
public:
    explicit DataSourceReply(QObject *parent = nullptr);
    ~DataSourceReply() override;

    void abort();
    bool isFinished() const { return m_finished; }
    bool isAborted() const { return m_aborted; }

    const DataSourceError &error() const { return m_error; }
    const QueryResult &queryResult() const { return m_queryResult; } // query()
    const QStringList &strings() const { return m_strings; }        // labels, label values
    const std::vector<Labels> &series() const { return m_series; }   // series()
    const QJsonObject &object() const { return m_object; } // buildinfo, metadata, test

    // For implementations: fill in the result, then call finish() once.
    void setError(const DataSourceError &error) { m_error = error; }
    void setQueryResult(QueryResult result) { m_queryResult = std::move(result); }
    void setStrings(QStringList strings) { m_strings = std::move(strings); }
    void setSeries(std::vector<Labels> series) { m_series = std::move(series); }
    void setObject(QJsonObject object) { m_object = std::move(object); }
    void setAbortHandler(std::function<void()> handler) { m_abortHandler = std::move(handler); }
    void finish();

Q_SIGNALS:
    void finished();

private:
    bool m_finished = false;
    bool m_aborted = false;
    DataSourceError m_error;
    QueryResult m_queryResult;
    QStringList m_strings;
    std::vector<Labels> m_series;
    QJsonObject m_object;
    std::function<void()> m_abortHandler;
};

/// A source of PromQL answers. Prometheus-compatible HTTP servers implement it today; a
/// built-in local scraper/evaluator can implement it later. Every call returns at once
/// with a reply; no call blocks or parses on the calling thread.
class DataSource : public QObject
{
    Q_OBJECT
public:
    explicit DataSource(DataSourceSettings settings, QObject *parent = nullptr);
    ~DataSource() override;

    const DataSourceSettings &settings() const { return m_settings; }
    virtual void setSettings(const DataSourceSettings &settings) { m_settings = settings; }

    virtual DataSourceReply *query(const QueryRequest &request) = 0;
    /// Label names, optionally restricted by series selectors and a time range (0 = unset).
    virtual DataSourceReply *labelNames(const QStringList &matchers = {}, qint64 startMs = 0,
                                        qint64 endMs = 0) = 0;
    /// Values of one label; `limit` 0 means the server's default.
    virtual DataSourceReply *labelValues(const QString &label, const QStringList &matchers = {},
                                         int limit = 0) = 0;
    virtual DataSourceReply *series(const QStringList &matchers, qint64 startMs = 0,
                                    qint64 endMs = 0) = 0;
    /// Metric metadata (HELP/TYPE/UNIT): object() maps metric name -> array of entries.
    virtual DataSourceReply *metadata(const QString &metric = {}, int limit = 0) = 0;
    /// object() is the `data` of /api/v1/status/buildinfo (version, revision, ...).
    virtual DataSourceReply *buildInfo() = 0;
    /// "Save & Test": build info plus a test query. On success object() holds
    /// {"version": "...", "flavour": "Prometheus", "message": "..."}.
    virtual DataSourceReply *testConnection() = 0;

private:
    DataSourceSettings m_settings;
};

} // namespace pharos
