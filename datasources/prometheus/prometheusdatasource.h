#pragma once

#include "datasources/datasource.h"

#include <QSslConfiguration>
#include <QThreadPool>
#include <QUrlQuery>
#include <deque>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace pharos {

/// A Prometheus (or Prometheus-compatible) HTTP API client on QNetworkAccessManager.
///
/// - POSTs form-encoded requests; after a 405 on POST it retries with GET and keeps using GET.
/// - Keeps the URL's path prefix and settings().pathPrefix (http://host/prefix/api/v1/...).
/// - Sends the configured auth (basic, bearer), X-Scope-OrgID and custom headers, custom query
///   parameters, Thanos' partial_response/dedup, and uses the TLS settings (CA, client
///   certificate and key, server name, skip verification).
/// - Waits for the secrets when settings().hasSecrets() until setSecrets() (or fails with
///   Kind::SecretsUnavailable after setSecretsUnavailable()).
/// - Records health; while backing off after repeated failures, requests answer at once with
///   the last error without touching the server (testConnection() always goes out).
/// - At most MaxInFlight requests run at once; more wait in a queue (aborting a queued reply
///   removes it).
/// - settings().timeoutMs bounds each request as a whole: connect, redirects and the full
///   transfer (Kind::Timeout; an abort is Kind::Cancelled).
/// - Follows redirects itself (at most MaxRedirects; a loop is Kind::RedirectLoop, more is
///   Kind::TooManyRedirects): 303, and 301/302 after a POST, continue with GET; 307/308 keep
///   the method and body. Basic auth, bearer tokens, secret headers (and Authorization,
///   Proxy-Authorization or Cookie headers) and the TLS server name only go to the configured
///   origin (scheme, host, port), never to another one a redirect points to.
/// - Answers larger than settings().responseLimitBytes are refused as soon as the
///   Content-Length or the received bytes exceed it (Kind::ResponseTooLarge).
/// - Bodies are parsed on a worker thread; the result is delivered on the thread that made the
///   request. Answers for aborted or deleted replies are dropped.
class PrometheusDataSource : public DataSource
{
    Q_OBJECT
public:
    static constexpr int MaxInFlight = 6;
    /// What is kept of a non-2xx body to classify it (the rest is not downloaded).
    static constexpr qsizetype MaxErrorBodyBytes = 64 * 1024;
    /// Unread bytes Qt may buffer per reply before it stops reading the socket.
    static constexpr qint64 ReadBufferBytes = 4 * 1024 * 1024;
    /// Bytes copied into the body per event-loop turn. Qt may hand over far more than
    /// ReadBufferBytes at once, and copying tens of MB into fresh pages stalled the UI thread
    /// for ~50 ms (bench_huge_response, max_gap_ms); the rest is read on the next turns.
    static constexpr qint64 ReadSliceBytes = 1024 * 1024;
    /// Redirects one request follows; one more is Kind::TooManyRedirects.
    static constexpr int MaxRedirects = 10;

    explicit PrometheusDataSource(DataSourceSettings settings, QObject *parent = nullptr);
    ~PrometheusDataSource() override;

    /// A new URL forgets a GET fallback learned from the old one.
    void setSettings(const DataSourceSettings &settings) override;
    void setSecrets(const DataSourceSecrets &secrets) override;
    void setSecretsUnavailable(const QString &message) override;

    DataSourceReply *query(const QueryRequest &request) override;
    DataSourceReply *labelNames(const QStringList &matchers = {}, qint64 startMs = 0,
                                qint64 endMs = 0) override;
    DataSourceReply *labelValues(const QString &label, const QStringList &matchers = {},
                                 int limit = 0) override;
    DataSourceReply *labelValuesInRange(const QString &label, const QStringList &matchers,
                                        qint64 startMs, qint64 endMs, int limit = 0) override;
    DataSourceReply *series(const QStringList &matchers, qint64 startMs = 0,
                            qint64 endMs = 0) override;
    DataSourceReply *metadata(const QString &metric = {}, int limit = 0) override;
    DataSourceReply *buildInfo() override;
    DataSourceReply *testConnection() override;

    /// Requests on the wire now / the most that were ever on the wire at once / waiting.
    int inFlightCount() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    int queuedCount() const { return int(m_queue.size()); }
    /// True once the server answered 405 to a POST: requests then use GET.
    bool usesGet() const { return m_useGet; }

    /// The full URL of an API path under the configured base URL (keeps a path prefix).
    QUrl apiUrl(const QString &path) const;

    /// The flavour named by a buildinfo `data` object: "Prometheus", "VictoriaMetrics" (empty
    /// data; *versionElsewhere = true: the version is in /metrics), "Thanos", "Mimir", "Cortex".
    static QString detectFlavour(const QJsonObject &buildInfo, DataSourceKind configured,
                                 bool *versionElsewhere);

private:
    enum class Parse { Query, Strings, Series, Object, VmVersion };
    enum class Mode { Normal, Test };
    struct Pending;

    DataSourceReply *enqueue(const QString &path, const QUrlQuery &params, Parse parse,
                             int limit = 0, Mode mode = Mode::Normal);
    QNetworkRequest makeRequest(const QUrl &url);
    void prepareTls();
    void addCommonParams(QUrlQuery *q, const QString &path) const;
    void pump();
    void send(const std::shared_ptr<Pending> &p);
    void startTransfer(const std::shared_ptr<Pending> &p, const QUrl &url, bool get,
                       const QByteArray &form);
    void readBody(const std::shared_ptr<Pending> &p, QNetworkReply *net);
    bool followRedirect(const std::shared_ptr<Pending> &p, QNetworkReply *net, int status,
                        DataSourceError *error);
    void onNetworkFinished(const std::shared_ptr<Pending> &p);
    void deliver(const std::shared_ptr<Pending> &p, const DataSourceError &error,
                 bool record = true);
    QString address() const;

    QNetworkAccessManager *m_nam;
    QThreadPool m_pool;
    std::deque<std::shared_ptr<Pending>> m_queue;
    std::vector<std::shared_ptr<Pending>> m_active;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    bool m_useGet = false;
    bool m_tlsReady = false;
    QString m_tlsError; // CA/cert/key files that cannot be used
    QSslConfiguration m_ssl;
};

} // namespace pharos
