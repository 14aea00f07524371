#include "datasources/prometheus/prometheusdatasource.h"

#include "datasources/http/httpclient.h"
#include "datasources/prometheus/responseparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace pharos {

using Kind = DataSourceError::Kind;

namespace {

QList<std::pair<QString, QString>> parseParams(const QString &text)
{
    QList<std::pair<QString, QString>> out;
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('?')))
        t.remove(0, 1);
    const QUrlQuery q(t);
    for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded)) {
        if (!k.isEmpty())
            out.append({k, v});
    }
    return out;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

// vm_app_version{version="victoria-metrics-20230210-...-v1.87.1",...} 1
QJsonObject vmVersion(const QByteArray &body)
{
    QJsonObject out;
    const QByteArray key = "vm_app_version{version=\"";
    const qsizetype at = body.indexOf(key);
    if (at >= 0) {
        const qsizetype from = at + key.size();
        const qsizetype to = body.indexOf('"', from);
        if (to > from) {
            QString v = QString::fromUtf8(body.mid(from, to - from));
            const qsizetype tag = v.lastIndexOf(QLatin1String("-v"));
            if (tag >= 0)
                v = v.mid(tag + 2);
            out.insert(QStringLiteral("version"), v);
        }
    }
    return out;
}

} // namespace

PrometheusDataSource::PrometheusDataSource(DataSourceSettings settings, QObject *parent)
    : DataSource(std::move(settings), parent), m_http(new HttpClient(this))
{
    m_http->setErrorClassifier(
        [](int status, const QByteArray &body, const QByteArray &contentType) {
            return ResponseParser::classifyHttpError(status, body, contentType);
        });
    configureClient();
}

PrometheusDataSource::~PrometheusDataSource()
{
    delete m_http; // before this object stops being a DataSource: it calls back into it
    m_http = nullptr;
}

void PrometheusDataSource::configureClient()
{
    m_options = PrometheusOptions::of(settings());
    QList<std::pair<QByteArray, QByteArray>> extra;
    if (!m_options.tenantId.isEmpty())
        extra.append({QByteArrayLiteral("X-Scope-OrgID"), m_options.tenantId.toUtf8()});
    m_http->configure(m_options.effectiveUrl(settings().url), settings().http, extra);
}

void PrometheusDataSource::setSettings(const DataSourceSettings &newSettings)
{
    DataSource::setSettings(newSettings);
    configureClient();
}

void PrometheusDataSource::setSecrets(const DataSourceSecrets &secrets)
{
    DataSource::setSecrets(secrets);
    m_http->secretsChanged();
}

void PrometheusDataSource::setSecretsUnavailable(const QString &message)
{
    DataSource::setSecretsUnavailable(message);
    m_http->secretsChanged();
}

int PrometheusDataSource::inFlightCount() const
{
    return m_http->inFlightCount();
}

int PrometheusDataSource::peakInFlight() const
{
    return m_http->peakInFlight();
}

int PrometheusDataSource::queuedCount() const
{
    return m_http->queuedCount();
}

bool PrometheusDataSource::usesGet() const
{
    return m_http->usesGet();
}

QUrl PrometheusDataSource::apiUrl(const QString &path) const
{
    return m_http->url(path);
}

void PrometheusDataSource::addCommonParams(QUrlQuery *q, const QString &path) const
{
    const PrometheusOptions &s = m_options;
    if (s.kind == DataSourceKind::Thanos && path.startsWith(QLatin1String("/api/v1/")) &&
        !path.startsWith(QLatin1String("/api/v1/status"))) {
        if (!q->hasQueryItem(QStringLiteral("partial_response")))
            q->addQueryItem(QStringLiteral("partial_response"), s.thanosPartialResponse
                                                                    ? QStringLiteral("true")
                                                                    : QStringLiteral("false"));
        if (!q->hasQueryItem(QStringLiteral("dedup")))
            q->addQueryItem(QStringLiteral("dedup"),
                            s.thanosDedup ? QStringLiteral("true") : QStringLiteral("false"));
    }
    for (const auto &[k, v] : parseParams(s.customQueryParameters))
        q->addQueryItem(k, v);
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

namespace {

/// The `match[]` selectors and the optional time range of the metadata endpoints (labels,
/// label values, series); 0 leaves a bound out.
QUrlQuery matchParams(const QStringList &matchers, qint64 startMs, qint64 endMs)
{
    QUrlQuery q;
    for (const QString &m : matchers)
        q.addQueryItem(QStringLiteral("match[]"), m);
    if (startMs > 0)
        q.addQueryItem(QStringLiteral("start"), seconds(startMs));
    if (endMs > 0)
        q.addQueryItem(QStringLiteral("end"), seconds(endMs));
    return q;
}

QString labelValuesPath(const QString &label)
{
    return QStringLiteral("/api/v1/label/") + QString::fromLatin1(QUrl::toPercentEncoding(label)) +
           QStringLiteral("/values");
}

} // namespace

DataSourceReply *PrometheusDataSource::labelNames(const QStringList &matchers, qint64 startMs,
                                                  qint64 endMs)
{
    QUrlQuery q = matchParams(matchers, startMs, endMs);
    return enqueue(QStringLiteral("/api/v1/labels"), q, Parse::Strings);
}

DataSourceReply *PrometheusDataSource::labelValues(const QString &label,
                                                   const QStringList &matchers, int limit)
{
    QUrlQuery q = matchParams(matchers, 0, 0);
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return enqueue(labelValuesPath(label), q, Parse::Strings, limit);
}

DataSourceReply *PrometheusDataSource::labelValuesInRange(const QString &label,
                                                          const QStringList &matchers,
                                                          qint64 startMs, qint64 endMs, int limit)
{
    QUrlQuery q = matchParams(matchers, startMs, endMs);
    if (limit > 0) // honoured by Prometheus >= 2.50; older servers are cut on the client
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return enqueue(labelValuesPath(label), q, Parse::Strings, limit);
}

DataSourceReply *PrometheusDataSource::series(const QStringList &matchers, qint64 startMs,
                                              qint64 endMs)
{
    QUrlQuery q = matchParams(matchers, startMs, endMs);
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

QString PrometheusDataSource::detectFlavour(const QJsonObject &info, DataSourceKind configured,
                                            bool *versionElsewhere)
{
    *versionElsewhere = false;
    const QString application = info.value(QLatin1String("application")).toString();
    if (application.contains(QLatin1String("Mimir"), Qt::CaseInsensitive))
        return QStringLiteral("Mimir");
    if (application.contains(QLatin1String("Cortex"), Qt::CaseInsensitive))
        return QStringLiteral("Cortex");
    if (application.contains(QLatin1String("Thanos"), Qt::CaseInsensitive))
        return QStringLiteral("Thanos");
    const QString version = info.value(QLatin1String("version")).toString();
    if (version.isEmpty()) {
        // VictoriaMetrics answers buildinfo with an empty `data`; its version is in /metrics.
        *versionElsewhere = true;
        return QStringLiteral("VictoriaMetrics");
    }
    if (configured == DataSourceKind::Thanos || version.startsWith(QLatin1String("0.")))
        return QStringLiteral("Thanos"); // Thanos answers like Prometheus, with its own version
    return QStringLiteral("Prometheus");
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
    struct Found
    {
        QString version;
        QString flavour;
    };
    auto found = std::make_shared<Found>();

    // Step 3: the test query 1+1, then the result.
    auto runQuery = [this, guard, current, fail, found] {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), QStringLiteral("1+1"));
        DataSourceReply *test =
            enqueue(QStringLiteral("/api/v1/query"), q, Parse::Query, 0, Mode::Test);
        *current = test;
        connect(test, &DataSourceReply::finished, this, [this, test, guard, fail, found] {
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
            if (found->flavour.isEmpty())
                found->flavour = QStringLiteral("Prometheus");
            const QString version =
                found->version.isEmpty() ? tr("(version unknown)") : found->version;
            QStringList warnings;
            if (settings().http.tlsSkipVerify && apiUrl({}).scheme() == QLatin1String("https"))
                warnings << tr("TLS certificate verification is disabled: the connection is "
                               "encrypted but the server is not authenticated.");
            const QString configured = dataSourceKindDisplayName(m_options.kind);
            const bool kindMatches = found->flavour.compare(dataSourceKindName(m_options.kind),
                                                            Qt::CaseInsensitive) == 0 ||
                                     (m_options.kind == DataSourceKind::Mimir &&
                                      found->flavour == QLatin1String("Cortex"));
            if (!kindMatches)
                warnings << tr("The data source is configured as %1, but the server looks like "
                               "%2.")
                                .arg(configured, found->flavour);
            recordServerInfo(found->version, found->flavour);
            guard->setObject(
                QJsonObject{{QStringLiteral("version"), found->version},
                            {QStringLiteral("flavour"), found->flavour},
                            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                            {QStringLiteral("message"),
                             tr("Data source is working: %1 %2").arg(found->flavour, version)}});
            guard->finish();
        });
    };

    // Step 1: build info (flavour and version). A 404 here is not fatal: some compatible
    // servers lack the endpoint; the test query then tells whether the path is right.
    DataSourceReply *info =
        enqueue(QStringLiteral("/api/v1/status/buildinfo"), {}, Parse::Object, 0, Mode::Test);
    *current = info;
    connect(
        info, &DataSourceReply::finished, this,
        [this, info, guard, current, fail, found, runQuery] {
            info->deleteLater();
            if (!guard)
                return;
            if (info->error().isError() && info->error().kind != Kind::NotFound) {
                fail(info->error(), tr("Build info (/api/v1/status/buildinfo)"));
                return;
            }
            if (info->error().isError()) {
                runQuery();
                return;
            }
            bool versionElsewhere = false;
            found->flavour = detectFlavour(info->object(), m_options.kind, &versionElsewhere);
            found->version = info->object().value(QLatin1String("version")).toString();
            if (!versionElsewhere) {
                runQuery();
                return;
            }
            // Step 2 (VictoriaMetrics): the version from vm_app_version in /metrics.
            DataSourceReply *metrics =
                enqueue(QStringLiteral("/metrics"), {}, Parse::VmVersion, 0, Mode::Test);
            *current = metrics;
            connect(metrics, &DataSourceReply::finished, this, [metrics, guard, found, runQuery] {
                metrics->deleteLater();
                if (!guard)
                    return;
                if (!metrics->error().isError())
                    found->version = metrics->object().value(QLatin1String("version")).toString();
                runQuery();
            });
        });
    return outer;
}

DataSourceReply *PrometheusDataSource::enqueue(const QString &path, const QUrlQuery &params,
                                               Parse parse, int limit, Mode mode)
{
    auto *reply = new DataSourceReply;
    HttpRequest request;
    request.path = path;
    request.params = params;
    if (parse != Parse::VmVersion)
        addCommonParams(&request.params, path);
    if ((parse == Parse::Strings || parse == Parse::Series) && limit <= 0 &&
        m_options.seriesLimit > 0) {
        // Lookups are capped by the data source's series limit (servers that know `limit`
        // cap on their side too).
        limit = m_options.seriesLimit;
        if (!request.params.hasQueryItem(QStringLiteral("limit")))
            request.params.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    }
    request.get =
        m_options.httpMethod == PrometheusOptions::HttpMethod::Get || parse == Parse::VmVersion;
    request.bypassBackoff = mode == Mode::Test;
    request.recordHealth = parse != Parse::VmVersion;
    m_http->send(reply, std::move(request), parser(parse, limit));
    return reply;
}

HttpParser PrometheusDataSource::parser(Parse parse, int limit)
{
    using Apply = std::function<void(DataSourceReply *)>;
    return [parse, limit](const QByteArray &body, const QByteArray &contentType,
                          DataSourceError *err) -> Apply {
        switch (parse) {
        case Parse::Query: {
            auto r = std::make_shared<QueryResult>();
            ResponseParser::parseQuery(body, r.get(), err, contentType);
            return [r](DataSourceReply *reply) { reply->setQueryResult(std::move(*r)); };
        }
        case Parse::Strings: {
            auto s = std::make_shared<QStringList>();
            QStringList warnings;
            ResponseParser::parseStringList(body, s.get(), err, contentType, &warnings);
            if (limit > 0 && s->size() > limit)
                s->resize(limit);
            return [s](DataSourceReply *reply) { reply->setStrings(std::move(*s)); };
        }
        case Parse::Series: {
            auto s = std::make_shared<std::vector<Labels>>();
            ResponseParser::parseSeries(body, s.get(), err, contentType);
            if (limit > 0 && s->size() > size_t(limit))
                s->resize(size_t(limit));
            return [s](DataSourceReply *reply) { reply->setSeries(std::move(*s)); };
        }
        case Parse::Object: {
            auto o = std::make_shared<QJsonObject>();
            ResponseParser::parseObject(body, o.get(), err, contentType);
            return [o](DataSourceReply *reply) { reply->setObject(std::move(*o)); };
        }
        case Parse::VmVersion: {
            auto o = std::make_shared<QJsonObject>(vmVersion(body));
            return [o](DataSourceReply *reply) { reply->setObject(std::move(*o)); };
        }
        }
        return {};
    };
}

} // namespace pharos
