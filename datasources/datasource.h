#pragma once

#include "datasources/frame.h"
#include "datasources/http/httpoptions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
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
        Cancelled,           // aborted by the caller (stale refresh); never shown to users
        ConnectionRefused,   // nothing listens at the address
        HostNotFound,        // DNS failure
        Timeout,             // the data source's timeout expired
        Tls,                 // certificate or handshake problem (none of the specific ones below)
        Network,             // any other transport failure
        Auth,                // HTTP 401 or 403
        NotFound,            // HTTP 404: wrong URL path or prefix
        HttpStatus,          // any other non-2xx status without a Prometheus error body
        NotPrometheus,       // HTML or JSON that is not a Prometheus API answer
        MalformedResponse,   // truncated or unparsable JSON
        QueryError,          // Prometheus `status: error` (bad_data, execution, timeout, ...)
        Unsupported,         // the data source cannot do this request
        NotConfigured,       // the dashboard names a data source that is not configured
        TlsUnknownCa,        // the server's certificate is not signed by a trusted CA
        TlsHostnameMismatch, // the certificate is for another name (see serverName)
        TlsExpired,          // the server's certificate has expired (or is not valid yet)
        HttpToTlsPort,       // plain http:// to a port that speaks TLS
        TlsToPlainPort,      // https:// to a port that speaks plain HTTP
        SecretsUnavailable,  // the keychain could not provide this data source's secrets
        ResponseTooLarge,    // the answer exceeds DataSourceSettings::responseLimitBytes
        RedirectLoop,        // the server's redirects lead back to a URL already visited
        TooManyRedirects,    // more than the redirects a request follows (10)
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorType; // Prometheus `errorType`, e.g. "bad_data"
    QString detail;    // the server's error text or the transport's description
    QString context; // optional: which step failed, e.g. "Test query (1+1)"; prefixed to message()

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

/// Names of the secrets a data source can have (keys of DataSourceSecrets::values).
namespace SecretName {
inline constexpr char BasicAuthPassword[] = "basicAuthPassword";
inline constexpr char BearerToken[] = "bearerToken";
inline constexpr char TlsCaCert[] = "tlsCACert";         // PEM contents (provisioning)
inline constexpr char TlsClientCert[] = "tlsClientCert"; // PEM contents (provisioning)
inline constexpr char TlsClientKey[] = "tlsClientKey";   // PEM contents (provisioning)
/// A secret header value: "header:" + header name.
QString header(const QString &headerName);
} // namespace SecretName

/// The secret values of one data source, held in memory only (from the keychain).
struct DataSourceSecrets
{
    QMap<QString, QString> values; // SecretName -> value
    bool isEmpty() const { return values.isEmpty(); }
    QString value(const QString &name) const { return values.value(name); }
    bool operator==(const DataSourceSecrets &o) const { return values == o.values; }
};

/// What a user configures for a data source. Secrets are never held here: only the names of
/// the secrets that exist (`secretNames`) and the keychain entry holding them (`secretRef()`).
struct DataSourceSettings
{
    QString uid;                                 // stable identifier; dashboards may reference it
    QString name;                                // unique display name
    QString type = QStringLiteral("prometheus"); // Grafana plugin type (datasourcefactory.h)
    QUrl url;
    bool isDefault = false;

    /// Authentication, headers, TLS, timeout and size limit: what the shared HTTP client uses.
    HttpOptions http;

    /// The type's own settings, as Grafana keeps them in `jsonData` (e.g. PrometheusOptions).
    /// The store, provisioning, the dialog and the command line pass it through.
    QJsonObject jsonData;

    /// Which secrets exist in the keychain for this data source (names only, never values).
    QStringList secretNames;
    /// True when the data source came from a provisioning file.
    bool provisioned = false;

    /// The keychain entry holding this data source's secrets ("datasource/<uid>").
    QString secretRef() const;
    bool hasSecrets() const { return !secretNames.isEmpty(); }
};

/// How a data source is doing, as last seen by its requests.
struct DataSourceHealth
{
    enum class State { Unknown, Ok, Failing };
    State state = State::Unknown;
    DataSourceError lastError; // when Failing
    QDateTime since;           // when the state last changed
    int consecutiveFailures = 0;
    /// Refreshes wait until then after repeated failures (exponential, capped). Null = no wait.
    QDateTime backoffUntil;
    QString version; // from the last successful test or build info
    QString flavour; // "Prometheus", "VictoriaMetrics", "Thanos", "Mimir", ...
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
    const QStringList &strings() const { return m_strings; }         // labels, label values
    const std::vector<Labels> &series() const { return m_series; }   // series()
    const QJsonObject &object() const { return m_object; }           // buildinfo, metadata, test

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

    /// Secret values from the keychain. While settings().hasSecrets() and no secrets were set
    /// (nor secretsUnavailable()), requests wait for them.
    virtual void setSecrets(const DataSourceSecrets &secrets);
    /// The keychain could not provide the secrets: waiting and later requests fail with
    /// Kind::SecretsUnavailable and this text.
    virtual void setSecretsUnavailable(const QString &message);
    const DataSourceSecrets &secrets() const { return m_secrets; }
    bool secretsReady() const { return m_secretsSet || !m_settings.hasSecrets(); }

    /// How often the server scrapes its targets; feeds $__rate_interval.
    virtual int scrapeIntervalMs() const { return DefaultScrapeIntervalMs; }
    static constexpr int DefaultScrapeIntervalMs = 15000;

    const DataSourceHealth &health() const { return m_health; }
    /// Back-off after repeated failures: the first 2 failures do not wait, then 2 s, 4 s, ...
    /// capped at maxBackoffMs(). A success resets it.
    static constexpr int BackoffFreeFailures = 2;
    static constexpr qint64 BaseBackoffMs = 2000;
    static qint64 maxBackoffMs() { return 5 * 60 * 1000; }
    /// The back-off after `failures` consecutive failures (0 = none).
    static qint64 backoffForFailures(int failures);
    /// True while refreshes should wait (health().backoffUntil is in the future).
    bool isBackingOff() const;

    virtual DataSourceReply *query(const QueryRequest &request) = 0;
    /// Label names, optionally restricted by series selectors and a time range (0 = unset).
    virtual DataSourceReply *labelNames(const QStringList &matchers = {}, qint64 startMs = 0,
                                        qint64 endMs = 0) = 0;
    /// Values of one label; `limit` 0 means the server's default.
    virtual DataSourceReply *labelValues(const QString &label, const QStringList &matchers = {},
                                         int limit = 0) = 0;
    /// Values of one label over a time range (unix ms; 0 = unset) from
    /// /api/v1/label/<label>/values?match[]=...&start=&end=&limit=. At most `limit` values
    /// (0 = all) come back: servers that ignore `limit` (Prometheus before 2.50) are
    /// truncated on the client. The default ignores the range.
    virtual DataSourceReply *labelValuesInRange(const QString &label, const QStringList &matchers,
                                                qint64 startMs, qint64 endMs, int limit = 0)
    {
        Q_UNUSED(startMs);
        Q_UNUSED(endMs);
        return labelValues(label, matchers, limit);
    }
    virtual DataSourceReply *series(const QStringList &matchers, qint64 startMs = 0,
                                    qint64 endMs = 0) = 0;
    /// Metric metadata (HELP/TYPE/UNIT): object() maps metric name -> array of entries.
    virtual DataSourceReply *metadata(const QString &metric = {}, int limit = 0) = 0;
    /// object() is the `data` of /api/v1/status/buildinfo (version, revision, ...).
    virtual DataSourceReply *buildInfo() = 0;
    /// "Save & Test": build info plus a test query. On success object() holds
    /// {"version": "...", "flavour": "Prometheus", "message": "..."}.
    virtual DataSourceReply *testConnection() = 0;

Q_SIGNALS:
    /// health() changed (state, error, back-off, version).
    void healthChanged();
    /// setSecrets()/setSecretsUnavailable() was called.
    void secretsChanged();

protected:
    friend class HttpClient; // records the outcome of the requests it makes for this source

    /// For implementations: record the outcome of a request. Cancelled and query errors
    /// (the server answered) do not count as failures.
    void recordSuccess();
    void recordFailure(const DataSourceError &error);
    void recordServerInfo(const QString &version, const QString &flavour);
    bool secretsUnavailable() const { return !m_secretsError.isEmpty(); }
    const QString &secretsError() const { return m_secretsError; }

private:
    DataSourceSettings m_settings;
    DataSourceSecrets m_secrets;
    bool m_secretsSet = false;
    QString m_secretsError;
    DataSourceHealth m_health;
};

} // namespace pharos
