#include "datasources/http/httpclient.h"

#include "datasources/datasourcelogging.h"
#include "datasources/http/httpdiagnosis.h"
#include "datasources/http/httptls.h"
#include "datasources/prometheus/responseparser.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRunnable>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace pharos {

using Kind = DataSourceError::Kind;

namespace {

// Loopback hosts (127.0.0.0/8, ::1, localhost): compressing costs more CPU than the bytes
// it saves, so ask for the body as is. Remote hosts keep Qt's default (gzip).
bool isLoopbackHost(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString redirectKey(QLatin1String method, const QUrl &url)
{
    return method + QLatin1Char(' ') +
           url.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}

// Scheme, host and port: where credentials may go.
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

// Headers that carry credentials whatever the user marked them as.
bool isCredentialHeader(const QString &name)
{
    return name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("Proxy-Authorization"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("Cookie"), Qt::CaseInsensitive) == 0;
}

// A huge body arrives in thousands of small chunks that Qt allocates on its HTTP thread and
// frees on this one; glibc keeps that memory in the HTTP thread's arena, where the parser's
// frames (allocated on a pool thread) cannot reuse it. Returning it before the parse keeps it
// out of the peak (measured with bench_huge_response: 3.3x -> 2.2x the body when chunked).
constexpr qsizetype HugeBodyBytes = qsizetype(16) * 1024 * 1024;

void releaseFreeHeapMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace

QByteArray encodeForm(const QUrlQuery &q)
{
    QByteArray out;
    const auto items = q.queryItems(QUrl::FullyDecoded);
    for (const auto &[k, v] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return out;
}

struct HttpClient::Pending
{
    QPointer<DataSourceReply> reply;
    HttpRequest request;
    Parser parser;
    bool useGet = false;
    bool aborted = false; // by the caller
    bool timedOut = false;
    bool capped = false; // non-2xx body reached MaxErrorBodyBytes; the rest is dropped
    QList<QSslError> sslErrors;
    QPointer<QNetworkReply> net;
    QTimer *timer = nullptr;
    QByteArray body;
    // The whole request, redirects included.
    QElapsedTimer started;   // the timeout runs from the first send; the request log
    QStringList hops;        // redirectKey() of every transfer, for loop detection
    Verb verb = Verb::Get;   // the method of the current transfer
    QByteArray payload;      // the body of the current POST (307/308 send it again)
    bool tooLarge = false;   // over responseLimitBytes: refused
    qint64 announced = -1;   // the Content-Length of a refused answer
    qint64 received = 0;     // 2xx body bytes received
    bool readQueued = false; // a readBody() slice is queued for the next event-loop turn
};

QLatin1String HttpClient::verbName(Verb verb)
{
    switch (verb) {
    case Verb::Get:
        return QLatin1String("GET");
    case Verb::PostForm:
    case Verb::PostJson:
        return QLatin1String("POST");
    case Verb::Delete:
        return QLatin1String("DELETE");
    }
    return QLatin1String("GET");
}

HttpClient::HttpClient(DataSource *owner)
    : QObject(owner), m_owner(owner), m_nam(new QNetworkAccessManager(this))
{
    m_pool.setMaxThreadCount(std::max(1, std::min(4, QThread::idealThreadCount())));
    m_pool.setExpiryTimeout(30000);
}

HttpClient::~HttpClient()
{
    // Nothing may call back into this object any more.
    for (auto &p : m_queue) {
        if (p->reply)
            p->reply->setAbortHandler(nullptr);
    }
    m_queue.clear();
    const auto active = m_active;
    for (auto &p : active) {
        p->aborted = true;
        if (p->reply)
            p->reply->setAbortHandler(nullptr);
        if (p->net) {
            p->net->disconnect(this);
            p->net->abort();
        }
    }
    m_active.clear();
    m_pool.waitForDone();
}

void HttpClient::configure(const QUrl &baseUrl, const HttpOptions &options,
                           const QList<std::pair<QByteArray, QByteArray>> &extraHeaders)
{
    if (baseUrl != m_base)
        m_useGet = false;
    m_base = baseUrl;
    m_options = options;
    m_extraHeaders = extraHeaders;
    m_tlsReady = false;
    pump();
}

void HttpClient::secretsChanged()
{
    m_tlsReady = false;
    pump();
}

void HttpClient::prepareTls()
{
    if (m_tlsReady)
        return;
    m_tlsReady = true;
    m_ssl = tlsConfiguration(m_options, m_owner->secrets(), &m_tlsError);
}

QUrl HttpClient::url(const QString &path) const
{
    QUrl u = m_base;
    QString prefix = u.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    u.setPath(prefix + path);
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

QString HttpClient::address() const
{
    if (m_base.port() > 0)
        return m_base.host() + QLatin1Char(':') + QString::number(m_base.port());
    return m_base.host();
}

QNetworkRequest HttpClient::makeRequest(const QUrl &url)
{
    QNetworkRequest req(url);
    // Redirects are followed by followRedirect(), which decides what goes to the new URL.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    if (isLoopbackHost(url))
        req.setRawHeader("Accept-Encoding", "identity");
    const HttpOptions &s = m_options;
    const DataSourceSecrets &secrets = m_owner->secrets();
    // Like curl and Go's net/http: basic auth, tokens and secret headers only go to the
    // configured origin (scheme, host and port), never to where a redirect points.
    const bool trusted = sameOrigin(url, m_base);
    switch (trusted ? s.auth : HttpOptions::Auth::None) {
    case HttpOptions::Auth::Basic: {
        const QString password = secrets.value(QLatin1String(SecretName::BasicAuthPassword));
        req.setRawHeader("Authorization",
                         "Basic " +
                             (s.basicAuthUser + QLatin1Char(':') + password).toUtf8().toBase64());
        break;
    }
    case HttpOptions::Auth::Bearer:
        req.setRawHeader("Authorization",
                         "Bearer " +
                             secrets.value(QLatin1String(SecretName::BearerToken)).toUtf8());
        break;
    case HttpOptions::Auth::None:
        break;
    }
    for (const auto &[name, value] : m_extraHeaders)
        req.setRawHeader(name, value);
    for (const DataSourceHeader &h : s.headers) {
        if (h.name.trimmed().isEmpty())
            continue;
        if (!trusted && (h.secret || isCredentialHeader(h.name.trimmed())))
            continue;
        const QString value = h.secret ? secrets.value(SecretName::header(h.name)) : h.value;
        req.setRawHeader(h.name.trimmed().toLatin1(), value.toUtf8());
    }
    if (url.scheme() == QLatin1String("https")) {
        prepareTls();
        req.setSslConfiguration(m_ssl);
        if (trusted && !s.tlsServerName.isEmpty())
            req.setPeerVerifyName(s.tlsServerName);
    }
    return req;
}

void HttpClient::send(DataSourceReply *reply, HttpRequest request, Parser parser)
{
    auto p = std::make_shared<Pending>();
    p->reply = reply;
    p->request = std::move(request);
    p->parser = std::move(parser);
    std::weak_ptr<Pending> weak = p;
    QPointer<HttpClient> self(this);
    reply->setAbortHandler([self, weak] {
        auto p = weak.lock();
        if (!self || !p)
            return;
        p->aborted = true;
        auto &q = self->m_queue;
        q.erase(std::remove(q.begin(), q.end(), p), q.end());
        if (p->net)
            p->net->abort(); // finished() follows, which frees the slot
    });
    if (!m_base.isValid() || m_base.host().isEmpty()) {
        DataSourceError e;
        e.kind = Kind::Network;
        e.detail = tr("invalid data source URL \"%1\"").arg(m_owner->settings().url.toString());
        QTimer::singleShot(0, this, [this, p, e] { deliver(p, e); });
        return;
    }
    if (!p->request.bypassBackoff && m_owner->isBackingOff()) {
        // Refreshes back off after repeated failures: answer with the last error at once,
        // without touching the server. The first request after the back-off goes out.
        const DataSourceError e = m_owner->health().lastError;
        QTimer::singleShot(0, this, [this, p, e] { deliver(p, e, false); });
        return;
    }
    m_queue.push_back(p);
    pump(); // send now if a slot is free
}

void HttpClient::pump()
{
    if (!m_owner->secretsReady()) {
        if (!m_owner->secretsUnavailable())
            return; // waiting for the keychain
        // The keychain could not provide the secrets: every waiting request fails.
        DataSourceError e;
        e.kind = Kind::SecretsUnavailable;
        e.detail = m_owner->secretsError();
        auto queue = std::move(m_queue);
        m_queue.clear();
        for (auto &p : queue) {
            if (!p->aborted && p->reply)
                deliver(p, e, false);
        }
        return;
    }
    while (m_inFlight < MaxInFlight && !m_queue.empty()) {
        auto p = m_queue.front();
        m_queue.pop_front();
        if (p->aborted || !p->reply)
            continue;
        start(p);
    }
}

void HttpClient::start(const std::shared_ptr<Pending> &p)
{
    // Only form POSTs fall back to GET; JSON POSTs and DELETEs keep their method.
    p->useGet = p->useGet || ((m_useGet || p->request.get) && p->request.jsonBody.isNull() &&
                              !p->request.deleteMethod);
    p->timedOut = false;
    p->tooLarge = false;
    p->received = 0;
    p->hops.clear();
    p->started.start(); // the timeout covers the whole request, redirects included
    QUrl target = url(p->request.path);
    if (target.scheme() == QLatin1String("https"))
        prepareTls();
    if (target.scheme() == QLatin1String("https") && !m_tlsError.isEmpty()) {
        DataSourceError e;
        e.kind = Kind::Tls;
        e.detail = m_tlsError;
        QTimer::singleShot(0, this, [this, p, e] { deliver(p, e); });
        return;
    }
    const QByteArray form = encodeForm(p->request.params);
    Verb verb = p->useGet ? Verb::Get : Verb::PostForm;
    if (p->request.deleteMethod)
        verb = Verb::Delete;
    else if (!p->request.jsonBody.isNull())
        verb = Verb::PostJson;
    if (verb != Verb::PostForm && !form.isEmpty())
        target.setQuery(QString::fromLatin1(form), QUrl::StrictMode);
    const QByteArray payload = verb == Verb::PostForm   ? form
                               : verb == Verb::PostJson ? p->request.jsonBody
                                                        : QByteArray();
    startTransfer(p, target, verb, payload);
}

void HttpClient::startTransfer(const std::shared_ptr<Pending> &p, const QUrl &url, Verb verb,
                               const QByteArray &payload)
{
    p->body.clear();
    p->capped = false;
    p->sslErrors.clear();
    p->verb = verb;
    p->payload = payload;
    p->hops << redirectKey(verbName(verb), url);
    QNetworkRequest request = makeRequest(url);
    QNetworkReply *net = nullptr;
    switch (verb) {
    case Verb::Get:
        net = m_nam->get(request);
        break;
    case Verb::PostForm:
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        net = m_nam->post(request, payload);
        break;
    case Verb::PostJson:
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        net = m_nam->post(request, payload);
        break;
    case Verb::Delete:
        net = m_nam->deleteResource(request);
        break;
    }
    // Flow control: Qt's HTTP thread stops reading the socket while this much is unread, so
    // a huge answer does not pile up in queued chunks ahead of readBody() (without it, about
    // the whole body sat in Qt's buffers, freed but still resident, on top of the frames).
    net->setReadBufferSize(ReadBufferBytes);
    connect(net, &QNetworkReply::sslErrors, this,
            [p](const QList<QSslError> &errors) { p->sslErrors += errors; });
    p->net = net;
    ++m_inFlight;
    m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
    m_active.push_back(p);

    p->timer = new QTimer(net);
    p->timer->setSingleShot(true);
    connect(p->timer, &QTimer::timeout, this, [p] {
        p->timedOut = true;
        if (p->net)
            p->net->abort();
    });
    p->timer->start(int(std::max<qint64>(1, m_options.timeoutMs - p->started.elapsed())));

    // A Content-Length over the limit is refused before any of the body arrives.
    connect(net, &QNetworkReply::metaDataChanged, this, [this, p, net] { readBody(p, net); });
    connect(net, &QNetworkReply::readyRead, this, [this, p, net] { readBody(p, net); });
    connect(net, &QNetworkReply::finished, this, [this, p] { onNetworkFinished(p); });
}

void HttpClient::readBody(const std::shared_ptr<Pending> &p, QNetworkReply *net)
{
    if (p->tooLarge || p->capped || !net->isOpen())
        return;
    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return; // no headers yet
    const bool ok = status >= 200 && status < 300;
    if (!ok) {
        // Error statuses: keep a bounded prefix for classification, then stop downloading.
        const qsizetype room = MaxErrorBodyBytes - p->body.size();
        if (room > 0)
            p->body += net->read(room);
        if (p->body.size() >= MaxErrorBodyBytes) {
            p->capped = true;
            if (net->isRunning())
                net->abort();
        }
        return;
    }
    const qint64 limit = m_options.responseLimitBytes;
    const QVariant lengthHeader = net->header(QNetworkRequest::ContentLengthHeader);
    const qint64 length = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;
    const qint64 unread = net->bytesAvailable();
    if (limit > 0 && (length > limit || p->received + unread > limit)) {
        // Refused: stop the download and free what was kept.
        p->tooLarge = true;
        p->announced = length > limit ? length : -1;
        p->received += unread;
        p->body = QByteArray();
        if (net->isRunning())
            net->abort();
        return;
    }
    if (unread <= 0)
        return;
    const qint64 available = std::min(unread, ReadSliceBytes);
    if (unread > available && !p->readQueued) {
        p->readQueued = true;
        QTimer::singleShot(0, net, [this, p, net] {
            p->readQueued = false;
            readBody(p, net);
        });
    }
    if (p->body.isEmpty() && length > 0 && length < (qint64(1) << 31)) {
        // The exact size (plus the parser's padding) at once: no growth, no copies.
        p->body.reserve(qsizetype(length) + qsizetype(ResponseParser::paddingBytes()));
    }
    // Read straight into the body: no temporary buffer per chunk.
    const qsizetype old = p->body.size();
    p->body.resize(old + qsizetype(available));
    const qint64 n = net->read(p->body.data() + old, available);
    p->body.resize(old + qsizetype(std::max<qint64>(0, n)));
    p->received += std::max<qint64>(0, n);
}

bool HttpClient::followRedirect(const std::shared_ptr<Pending> &p, QNetworkReply *net, int status,
                                DataSourceError *error)
{
    const QUrl from = net->url();
    const QUrl to =
        from.resolved(net->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
    const auto shown = [](const QUrl &u) {
        // The query may hold PromQL or custom parameters: never shown.
        return u.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    };
    if (!to.isValid() || to.host().isEmpty() ||
        (to.scheme() != QLatin1String("http") && to.scheme() != QLatin1String("https"))) {
        error->kind = Kind::Network;
        error->detail = tr("%1 redirects to an unsupported URL \"%2\"").arg(shown(from), shown(to));
        return false;
    }
    // 303 always continues with GET; 301 and 302 turn a POST into a GET, as browsers and curl
    // do (a DELETE stays one); 307 and 308 keep the method and the body.
    Verb verb = p->verb;
    if (status == 303 || ((status == 301 || status == 302) && verb != Verb::Delete))
        verb = Verb::Get;
    if (p->hops.contains(redirectKey(verbName(verb), to))) {
        error->kind = Kind::RedirectLoop;
        error->detail = tr("%1 redirects back to %2").arg(shown(from), shown(to));
        return false;
    }
    if (p->hops.size() > MaxRedirects) {
        error->kind = Kind::TooManyRedirects;
        error->detail = tr("more than %1 redirects, the last from %2 to %3")
                            .arg(MaxRedirects)
                            .arg(shown(from), shown(to));
        return false;
    }
    const bool post = verb == Verb::PostForm || verb == Verb::PostJson;
    startTransfer(p, to, verb, post ? p->payload : QByteArray());
    return true;
}

DataSourceError HttpClient::diagnose(const std::shared_ptr<Pending> &p, QNetworkReply *net,
                                     int status) const
{
    using httpdiagnosis::byteSize;
    DataSourceError e;
    if (p->timedOut) {
        e.kind = Kind::Timeout;
        const QString after = QString::number(m_options.timeoutMs / 1000.0, 'g', 3);
        e.detail = p->received > 0 ? tr("%1 after %2 s, with %3 of the response received")
                                         .arg(address(), after, byteSize(p->received))
                                   : tr("%1 after %2 s").arg(address(), after);
        return e;
    }
    if (p->tooLarge) {
        e.kind = Kind::ResponseTooLarge;
        const QString limit = byteSize(m_options.responseLimitBytes);
        e.detail = p->announced > 0
                       ? tr("the response is larger than the %1 limit of this data source (the "
                            "server announced %2)")
                             .arg(limit, byteSize(p->announced))
                       : tr("the response is larger than the %1 limit of this data source (%2 "
                            "received)")
                             .arg(limit, byteSize(p->received));
        return e;
    }
    if (status > 0 && (status < 200 || status >= 300)) {
        return httpdiagnosis::statusError(
            status, p->body, net->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
            address(), url(p->request.path).toString(), m_classify);
    }
    if (status == 0 || net->error() != QNetworkReply::NoError)
        return httpdiagnosis::transportError(*net, p->sslErrors, address(), m_base.host());
    return e;
}

void HttpClient::onNetworkFinished(const std::shared_ptr<Pending> &p)
{
    QNetworkReply *net = p->net;
    if (!net)
        return;
    if (p->timer)
        p->timer->stop();
    const int code = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (code >= 200 && code < 300 && net->isOpen() && !p->aborted && !p->timedOut && !p->tooLarge &&
        net->bytesAvailable() > ReadSliceBytes) {
        // A 2xx body: finish once the rest is read, a slice per event-loop turn.
        readBody(p, net);
        QTimer::singleShot(0, net, [this, p] { onNetworkFinished(p); });
        return;
    }
    --m_inFlight;
    m_active.erase(std::remove(m_active.begin(), m_active.end(), p), m_active.end());
    net->deleteLater();
    p->net = nullptr;
    p->timer = nullptr;

    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (net->isOpen() && !p->aborted && !p->timedOut)
        readBody(p, net); // what is left
    logHttpRequest(*net, p->started.elapsed(), std::max<qint64>(p->body.size(), p->received),
                   p->timedOut, p->aborted);

    auto next = qScopeGuard([this] { pump(); });

    if (p->aborted || !p->reply)
        return; // the caller gave up; nothing is delivered

    if (!p->timedOut && !p->tooLarge && isRedirect(status) &&
        net->attribute(QNetworkRequest::RedirectionTargetAttribute).isValid()) {
        // Followed here, not by Qt: credentials only go to the configured origin.
        DataSourceError e;
        if (!followRedirect(p, net, status, &e))
            deliver(p, e);
        return;
    }
    if (!p->timedOut && !p->tooLarge && status == 405 && !p->useGet &&
        p->request.jsonBody.isNull() && !p->request.deleteMethod) {
        // The server (or a proxy) refuses POST: fall back to GET for this data source.
        m_useGet = true;
        p->useGet = true;
        m_queue.push_front(p);
        return;
    }
    const DataSourceError e = diagnose(p, net, status);
    if (e.isError()) {
        deliver(p, e);
        return;
    }
    parse(p, net->header(QNetworkRequest::ContentTypeHeader).toByteArray());
}

void HttpClient::parse(const std::shared_ptr<Pending> &p, const QByteArray &contentType)
{
    // 2xx: parse on a worker thread, deliver on this thread.
    QByteArray body = std::move(p->body);
    p->body = QByteArray();
    if (body.capacity() < body.size() + qsizetype(ResponseParser::paddingBytes()))
        body.reserve(body.size() + qsizetype(ResponseParser::paddingBytes()));
    Parser parser = std::move(p->parser);
    p->parser = nullptr;
    QRunnable *job = QRunnable::create([p, body = std::move(body), contentType,
                                        parser = std::move(parser), receiver = this]() mutable {
        if (body.size() >= HugeBodyBytes)
            releaseFreeHeapMemory();
        DataSourceError error;
        std::function<void(DataSourceReply *)> apply;
        if (parser)
            apply = parser(body, contentType, &error);
        body = QByteArray(); // free the body on the worker
        // `receiver` outlives every job: the destructor waits for the pool.
        QMetaObject::invokeMethod(
            receiver,
            [p, apply = std::move(apply), error, receiver] {
                DataSourceReply *reply = p->reply;
                if (!reply || p->aborted || reply->isAborted())
                    return; // stale: dropped
                if (apply)
                    apply(reply);
                receiver->deliver(p, error);
            },
            Qt::QueuedConnection);
    });
    m_pool.start(job);
}

void HttpClient::deliver(const std::shared_ptr<Pending> &p, const DataSourceError &error,
                         bool record)
{
    DataSourceReply *reply = p->reply;
    if (!reply || p->aborted || reply->isAborted())
        return;
    if (record && p->request.recordHealth) {
        if (error.isError())
            m_owner->recordFailure(error);
        else
            m_owner->recordSuccess();
    }
    reply->setAbortHandler(nullptr);
    reply->setError(error);
    reply->finish();
}

} // namespace pharos
