#include "prometheusdatasource.h"

#include "responseparser.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRunnable>
#include <QTimer>

namespace pharos {

using Kind = DataSourceError::Kind;

namespace {

// Form encoding that also escapes '+' (Go decodes '+' as a space).
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

QNetworkRequest makeRequest(const QUrl &url)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    if (isLoopbackHost(url))
        req.setRawHeader("Accept-Encoding", "identity");
    return req;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

struct PrometheusDataSource::Pending
{
    QPointer<DataSourceReply> reply;
    QString path;
    QUrlQuery params;
    Parse parse = Parse::Query;
    int limit = 0; // client-side cap for string lists
    bool useGet = false;
    bool aborted = false; // by the caller
    bool timedOut = false;
    bool capped = false; // non-2xx body reached MaxErrorBodyBytes; the rest is dropped
    QPointer<QNetworkReply> net;
    QTimer *timer = nullptr;
    QByteArray body;
};

PrometheusDataSource::PrometheusDataSource(DataSourceSettings settings, QObject *parent)
    : DataSource(std::move(settings), parent), m_nam(new QNetworkAccessManager(this))
{
    m_pool.setMaxThreadCount(std::max(1, std::min(4, QThread::idealThreadCount())));
    m_pool.setExpiryTimeout(30000);
}

PrometheusDataSource::~PrometheusDataSource()
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

void PrometheusDataSource::setSettings(const DataSourceSettings &newSettings)
{
    if (newSettings.url != settings().url)
        m_useGet = false;
    DataSource::setSettings(newSettings);
}

QString PrometheusDataSource::address() const
{
    const QUrl u = settings().url;
    if (u.port() > 0)
        return u.host() + QLatin1Char(':') + QString::number(u.port());
    return u.host();
}

QUrl PrometheusDataSource::apiUrl(const QString &path) const
{
    QUrl u = settings().url;
    QString prefix = u.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    u.setPath(prefix + path);
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

DataSourceReply *PrometheusDataSource::query(const QueryRequest &request)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), request.expr);
    if (request.instant) {
        if (request.timeMs > 0)
            q.addQueryItem(QStringLiteral("time"), seconds(request.timeMs));
        return enqueue(QStringLiteral("/api/v1/query"), q, Parse::Query);
    }
    q.addQueryItem(QStringLiteral("start"), seconds(request.startMs));
    q.addQueryItem(QStringLiteral("end"), seconds(request.endMs));
    q.addQueryItem(QStringLiteral("step"), seconds(std::max<qint64>(1, request.stepMs)));
    return enqueue(QStringLiteral("/api/v1/query_range"), q, Parse::Query);
}

DataSourceReply *PrometheusDataSource::labelNames(const QStringList &matchers, qint64 startMs,
                                                  qint64 endMs)
{
    QUrlQuery q;
    for (const QString &m : matchers)
        q.addQueryItem(QStringLiteral("match[]"), m);
    if (startMs > 0)
        q.addQueryItem(QStringLiteral("start"), seconds(startMs));
    if (endMs > 0)
        q.addQueryItem(QStringLiteral("end"), seconds(endMs));
    return enqueue(QStringLiteral("/api/v1/labels"), q, Parse::Strings);
}

DataSourceReply *PrometheusDataSource::labelValues(const QString &label,
                                                   const QStringList &matchers, int limit)
{
    QUrlQuery q;
    for (const QString &m : matchers)
        q.addQueryItem(QStringLiteral("match[]"), m);
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    const QString path = QStringLiteral("/api/v1/label/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(label)) +
                         QStringLiteral("/values");
    return enqueue(path, q, Parse::Strings, limit);
}

DataSourceReply *PrometheusDataSource::series(const QStringList &matchers, qint64 startMs,
                                              qint64 endMs)
{
    QUrlQuery q;
    for (const QString &m : matchers)
        q.addQueryItem(QStringLiteral("match[]"), m);
    if (startMs > 0)
        q.addQueryItem(QStringLiteral("start"), seconds(startMs));
    if (endMs > 0)
        q.addQueryItem(QStringLiteral("end"), seconds(endMs));
    return enqueue(QStringLiteral("/api/v1/series"), q, Parse::Series);
}

DataSourceReply *PrometheusDataSource::metadata(const QString &metric, int limit)
{
    QUrlQuery q;
    if (!metric.isEmpty())
        q.addQueryItem(QStringLiteral("metric"), metric);
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return enqueue(QStringLiteral("/api/v1/metadata"), q, Parse::Object);
}

DataSourceReply *PrometheusDataSource::buildInfo()
{
    return enqueue(QStringLiteral("/api/v1/status/buildinfo"), {}, Parse::Object);
}

DataSourceReply *PrometheusDataSource::testConnection()
{
    auto *outer = new DataSourceReply;
    QPointer<DataSourceReply> guard(outer);
    auto current = std::make_shared<QPointer<DataSourceReply>>();
    outer->setAbortHandler([current] {
        if (DataSourceReply *r = current->data()) {
            r->abort();
            r->deleteLater();
        }
    });
    auto fail = [guard](DataSourceError e, const QString &step) {
        if (!guard)
            return;
        e.context = step;
        guard->setError(e);
        guard->finish();
    };
    DataSourceReply *info = buildInfo();
    *current = info;
    connect(info, &DataSourceReply::finished, this, [this, info, guard, current, fail] {
        info->deleteLater();
        if (!guard)
            return;
        if (info->error().isError()) {
            fail(info->error(), tr("Build info (/api/v1/status/buildinfo)"));
            return;
        }
        const QString version = info->object().value(QLatin1String("version")).toString();
        QueryRequest q;
        q.expr = QStringLiteral("1+1");
        q.instant = true;
        DataSourceReply *test = query(q);
        *current = test;
        connect(test, &DataSourceReply::finished, this, [test, guard, version, fail] {
            test->deleteLater();
            if (!guard)
                return;
            if (test->error().isError()) {
                fail(test->error(), tr("Test query (1+1)"));
                return;
            }
            const QueryResult &r = test->queryResult();
            if (r.frames.empty() || r.frames.front().values.empty() ||
                r.frames.front().values.front() != 2.0) {
                DataSourceError e;
                e.kind = Kind::NotPrometheus;
                e.detail = tr("the test query 1+1 did not return 2");
                fail(e, tr("Test query (1+1)"));
                return;
            }
            guard->setObject(
                QJsonObject{{QStringLiteral("version"), version},
                            {QStringLiteral("flavour"), QStringLiteral("Prometheus")},
                            {QStringLiteral("message"),
                             tr("Data source is working: Prometheus %1").arg(version)}});
            guard->finish();
        });
    });
    return outer;
}

DataSourceReply *PrometheusDataSource::enqueue(const QString &path, const QUrlQuery &params,
                                               Parse parse, int limit)
{
    auto *reply = new DataSourceReply;
    auto p = std::make_shared<Pending>();
    p->reply = reply;
    p->path = path;
    p->params = params;
    p->parse = parse;
    p->limit = limit;
    std::weak_ptr<Pending> weak = p;
    QPointer<PrometheusDataSource> self(this);
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
    if (!settings().url.isValid() || settings().url.host().isEmpty()) {
        DataSourceError e;
        e.kind = Kind::Network;
        e.detail = tr("invalid data source URL \"%1\"").arg(settings().url.toString());
        // Deliver asynchronously: callers connect after the call returns.
        QTimer::singleShot(0, this, [this, p, e] { deliver(p, e); });
        return reply;
    }
    m_queue.push_back(p);
    // Start on the next event-loop turn is not needed: send now if a slot is free.
    pump();
    return reply;
}

void PrometheusDataSource::pump()
{
    while (m_inFlight < MaxInFlight && !m_queue.empty()) {
        auto p = m_queue.front();
        m_queue.pop_front();
        if (p->aborted || !p->reply)
            continue;
        send(p);
    }
}

void PrometheusDataSource::send(const std::shared_ptr<Pending> &p)
{
    p->useGet = p->useGet || m_useGet;
    p->body.clear();
    p->capped = false;
    p->timedOut = false;
    QUrl url = apiUrl(p->path);
    const QByteArray form = encodeForm(p->params);
    QNetworkReply *net = nullptr;
    if (p->useGet) {
        if (!form.isEmpty())
            url.setQuery(QString::fromLatin1(form), QUrl::StrictMode);
        net = m_nam->get(makeRequest(url));
    } else {
        QNetworkRequest req = makeRequest(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        net = m_nam->post(req, form);
    }
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
    p->timer->start(std::max(1, settings().timeoutMs));

    connect(net, &QNetworkReply::readyRead, this, [p, net] {
        const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = status >= 200 && status < 300;
        if (ok) {
            if (p->body.isEmpty()) {
                const qint64 len = net->header(QNetworkRequest::ContentLengthHeader).toLongLong();
                if (len > 0 && len < (qint64(1) << 31))
                    p->body.reserve(qsizetype(len) + qsizetype(ResponseParser::paddingBytes()));
            }
            p->body += net->readAll();
            return;
        }
        // Error statuses: keep a bounded prefix for classification, then stop downloading.
        const qsizetype room = MaxErrorBodyBytes - p->body.size();
        if (room > 0)
            p->body += net->read(room);
        if (p->body.size() >= MaxErrorBodyBytes && !p->capped) {
            p->capped = true;
            net->abort();
        }
    });
    connect(net, &QNetworkReply::finished, this, [this, p] { onNetworkFinished(p); });
}

void PrometheusDataSource::onNetworkFinished(const std::shared_ptr<Pending> &p)
{
    QNetworkReply *net = p->net;
    if (!net)
        return;
    if (p->timer)
        p->timer->stop();
    --m_inFlight;
    m_active.erase(std::remove(m_active.begin(), m_active.end(), p), m_active.end());
    net->deleteLater();
    p->net = nullptr;
    p->timer = nullptr;

    const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = net->error();
    const QByteArray contentType = net->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!net->isOpen() || p->aborted || p->timedOut)
        ; // nothing more to read
    else if (!p->capped && status >= 200 && status < 300)
        p->body += net->readAll();
    else if (!p->capped && p->body.size() < MaxErrorBodyBytes)
        p->body += net->read(MaxErrorBodyBytes - p->body.size());

    auto next = qScopeGuard([this] { pump(); });

    if (p->aborted || !p->reply)
        return; // the caller gave up; nothing is delivered

    DataSourceError e;
    if (p->timedOut) {
        e.kind = Kind::Timeout;
        e.detail = tr("%1 after %2 s")
                       .arg(address())
                       .arg(QString::number(settings().timeoutMs / 1000.0, 'g', 3));
        deliver(p, e);
        return;
    }

    if (status == 405 && !p->useGet) {
        // The server (or a proxy) refuses POST: fall back to GET for this data source.
        m_useGet = true;
        p->useGet = true;
        m_queue.push_front(p);
        return;
    }

    if (status > 0 && (status < 200 || status >= 300)) {
        e.httpStatus = status;
        if (status == 401 || status == 403) {
            e.kind = Kind::Auth;
            e.detail = ResponseParser::classifyHttpError(status, p->body, contentType).detail;
        } else if (status == 404) {
            e.kind = Kind::NotFound;
            e.detail = apiUrl(p->path).toString();
        } else {
            e = ResponseParser::classifyHttpError(status, p->body, contentType);
        }
        deliver(p, e);
        return;
    }

    if (status == 0 || netError != QNetworkReply::NoError) {
        switch (netError) {
        case QNetworkReply::ConnectionRefusedError:
            e.kind = Kind::ConnectionRefused;
            e.detail = address();
            break;
        case QNetworkReply::HostNotFoundError:
            e.kind = Kind::HostNotFound;
            e.detail = settings().url.host();
            break;
        case QNetworkReply::TimeoutError:
            e.kind = Kind::Timeout;
            e.detail = address();
            break;
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::UnknownNetworkError:
            e.kind = net->url().scheme() == QLatin1String("https") &&
                             netError == QNetworkReply::SslHandshakeFailedError
                         ? Kind::Tls
                         : Kind::Network;
            e.detail = net->errorString();
            break;
        default:
            e.kind = Kind::Network;
            e.detail = net->errorString();
            break;
        }
        if (netError == QNetworkReply::NoError) {
            e.kind = Kind::Network;
            e.detail = tr("no HTTP answer from %1").arg(address());
        }
        deliver(p, e);
        return;
    }

    // 2xx: parse on a worker thread, deliver on this thread.
    QByteArray body = std::move(p->body);
    p->body = QByteArray();
    if (body.capacity() < body.size() + qsizetype(ResponseParser::paddingBytes()))
        body.reserve(body.size() + qsizetype(ResponseParser::paddingBytes()));
    const Parse parse = p->parse;
    const int limit = p->limit;
    struct Parsed
    {
        QueryResult query;
        QStringList strings;
        std::vector<Labels> series;
        QJsonObject object;
        DataSourceError error;
    };
    QRunnable *job = QRunnable::create(
        [p, body = std::move(body), contentType, parse, limit, receiver = this]() mutable {
            auto result = std::make_shared<Parsed>();
            DataSourceError &err = result->error;
            switch (parse) {
            case Parse::Query: {
                QueryResult r;
                ResponseParser::parseQuery(body, &r, &err, contentType);
                result->query = std::move(r);
                break;
            }
            case Parse::Strings: {
                QStringList s, warnings;
                ResponseParser::parseStringList(body, &s, &err, contentType, &warnings);
                if (limit > 0 && s.size() > limit)
                    s.resize(limit);
                result->strings = std::move(s);
                break;
            }
            case Parse::Series: {
                std::vector<Labels> s;
                ResponseParser::parseSeries(body, &s, &err, contentType);
                result->series = std::move(s);
                break;
            }
            case Parse::Object: {
                QJsonObject o;
                ResponseParser::parseObject(body, &o, &err, contentType);
                result->object = std::move(o);
                break;
            }
            }
            body = QByteArray(); // free the body on the worker
            // `receiver` outlives every job: the destructor waits for the pool.
            QMetaObject::invokeMethod(
                receiver,
                [p, result, receiver] {
                    DataSourceReply *reply = p->reply;
                    if (!reply || p->aborted || reply->isAborted())
                        return; // stale: dropped
                    reply->setQueryResult(std::move(result->query));
                    reply->setStrings(std::move(result->strings));
                    reply->setSeries(std::move(result->series));
                    reply->setObject(std::move(result->object));
                    receiver->deliver(p, result->error);
                },
                Qt::QueuedConnection);
        });
    m_pool.start(job);
}

void PrometheusDataSource::deliver(const std::shared_ptr<Pending> &p, const DataSourceError &error)
{
    DataSourceReply *reply = p->reply;
    if (!reply || p->aborted || reply->isAborted())
        return;
    reply->setAbortHandler(nullptr);
    reply->setError(error);
    reply->finish();
}

} // namespace pharos
