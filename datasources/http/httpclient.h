#pragma once

#include "datasources/datasource.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QUrlQuery>
#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace pharos {

/// Form (and query) encoding that also escapes '+': Go servers decode '+' as a space.
QByteArray encodeForm(const QUrlQuery &query);

/// One request of an HTTP-based data source.
struct HttpRequest
{
    QString path;     // appended to the base URL's path (keeps a path prefix)
    QUrlQuery params; // the form body of a form POST, else the URL's query
    bool get = false; // GET from the start (otherwise POST, falling back to GET after a 405)
    /// Not null: POST this JSON document (Content-Type application/json) instead of a form;
    /// `params` go in the URL's query and a 405 is an error, never a GET.
    QByteArray jsonBody;
    /// DELETE instead (`params` in the URL's query; no body, no GET fallback).
    bool deleteMethod = false;
    bool bypassBackoff = false; // "Save & Test": the user asked, so it goes out while backing off
    bool recordHealth = true;   // the outcome counts for the data source's health and back-off
};

/// Runs on a worker thread with the body of a 2xx answer: returns the typed answer, or sets
/// *error.
template <typename T>
using HttpParse =
    std::function<T(const QByteArray &body, const QByteArray &contentType, DataSourceError *error)>;

/// Classifies the (capped) body of a non-2xx answer; e.g. a Prometheus error JSON.
using HttpErrorClassifier = std::function<DataSourceError(int status, const QByteArray &body,
                                                          const QByteArray &contentType)>;

/// The HTTP client every HTTP-based data source uses, on QNetworkAccessManager.
///
/// - At most MaxInFlight requests run at once; more wait in a queue (aborting a queued reply
///   removes it).
/// - Sends the configured auth (basic, bearer), custom headers and the owner's extra headers,
///   and uses the TLS settings (CA, client certificate and key, server name, skip
///   verification).
/// - Waits for the owner's secrets while it has some and they are not there yet (or fails
///   with Kind::SecretsUnavailable once the keychain could not provide them).
/// - Records the owner's health; while it backs off after repeated failures, requests answer
///   at once with the last error without touching the server (unless bypassBackoff).
/// - HttpOptions::timeoutMs bounds each request as a whole: connect, redirects and the full
///   transfer (Kind::Timeout; an abort is Kind::Cancelled).
/// - POSTs form-encoded bodies; after a 405 on such a POST it retries with GET and keeps
///   using GET. JSON POSTs (HttpRequest::jsonBody) and DELETEs are sent as they are.
/// - Follows redirects itself (at most MaxRedirects; a loop is Kind::RedirectLoop, more is
///   Kind::TooManyRedirects): 303, and 301/302 after a POST, continue with GET; 307/308 keep
///   the method and body (a DELETE stays a DELETE after 301/302 too). Basic auth, bearer tokens,
///   secret headers (and Authorization, Proxy-Authorization or Cookie headers) and the TLS server
///   name only go to the configured origin (scheme, host, port), never to another one a redirect
///   points to.
/// - Answers larger than HttpOptions::responseLimitBytes are refused as soon as the
///   Content-Length or the received bytes exceed it (Kind::ResponseTooLarge).
/// - Diagnoses failures (httpdiagnosis.h): refused, DNS, TLS (unknown CA, expired, wrong
///   name, HTTP to a TLS port and back), auth, 404, other statuses.
/// - Bodies are parsed on a worker thread; the result is delivered on the thread that made the
///   request. Answers for aborted or deleted replies are dropped.
class HttpClient : public QObject
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

    /// `owner` provides the secrets and records the health; the client is its child.
    explicit HttpClient(DataSource *owner);
    ~HttpClient() override;

    /// The base URL (with any path prefix), the options, and headers the data source type adds
    /// to every request (e.g. Mimir's X-Scope-OrgID). A new base URL forgets a GET fallback.
    void configure(const QUrl &baseUrl, const HttpOptions &options,
                   const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    void setErrorClassifier(HttpErrorClassifier classifier) { m_classify = std::move(classifier); }
    /// The owner's secrets changed (or became unavailable): TLS is set up again and waiting
    /// requests go out (or fail).
    void secretsChanged();

    /// Queues the request and returns its reply (owned by the caller), which finishes with
    /// what `parse` made of the answer, or with the error. Every call returns at once.
    template <typename T> TypedReply<T> *request(HttpRequest request, HttpParse<T> parse)
    {
        auto *reply = new TypedReply<T>;
        send(reply, std::move(request),
             [parse = std::move(parse)](const QByteArray &body, const QByteArray &contentType,
                                        DataSourceError *error) -> Apply {
                 auto value = std::make_shared<T>(parse(body, contentType, error));
                 return [value](DataSourceReply *r) {
                     static_cast<TypedReply<T> *>(r)->setResult(std::move(*value));
                 };
             });
        return reply;
    }
    /// The full URL of a path under the base URL (keeps a path prefix).
    QUrl url(const QString &path) const;
    /// "host:port" of the base URL, as error messages name it.
    QString address() const;

    /// Requests on the wire now / the most that were ever on the wire at once / waiting.
    int inFlightCount() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    int queuedCount() const { return int(m_queue.size()); }
    /// True once the server answered 405 to a POST: requests then use GET.
    bool usesGet() const { return m_useGet; }

private:
    struct Pending;
    /// The method (and body) of one transfer.
    enum class Verb { Get, PostForm, PostJson, Delete };
    static QLatin1String verbName(Verb verb);
    /// What a parse hands to the reply, on the thread that made the request.
    using Apply = std::function<void(DataSourceReply *)>;
    using Parser = std::function<Apply(const QByteArray &body, const QByteArray &contentType,
                                       DataSourceError *error)>;

    void send(DataSourceReply *reply, HttpRequest request, Parser parser);

    QNetworkRequest makeRequest(const QUrl &url);
    void prepareTls();
    void pump();
    void start(const std::shared_ptr<Pending> &p);
    void startTransfer(const std::shared_ptr<Pending> &p, const QUrl &url, Verb verb,
                       const QByteArray &payload);
    void readBody(const std::shared_ptr<Pending> &p, QNetworkReply *net);
    bool followRedirect(const std::shared_ptr<Pending> &p, QNetworkReply *net, int status,
                        DataSourceError *error);
    void onNetworkFinished(const std::shared_ptr<Pending> &p);
    DataSourceError diagnose(const std::shared_ptr<Pending> &p, QNetworkReply *net,
                             int status) const;
    void parse(const std::shared_ptr<Pending> &p, const QByteArray &contentType);
    void deliver(const std::shared_ptr<Pending> &p, const DataSourceError &error,
                 bool record = true);

    DataSource *m_owner;
    QNetworkAccessManager *m_nam;
    QThreadPool m_pool;
    QUrl m_base;
    HttpOptions m_options;
    QList<std::pair<QByteArray, QByteArray>> m_extraHeaders;
    HttpErrorClassifier m_classify;
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
