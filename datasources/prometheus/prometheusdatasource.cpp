#include "datasources/prometheus/prometheusdatasource.h"

#include "datasources/http/httpclient.h"
#include "datasources/prometheus/responseparser.h"
#include "datasources/prometheus/rulesparser.h"

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
QString vmVersion(const QByteArray &body)
{
    QString out;
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
            out = v;
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

HttpRequest PrometheusDataSource::apiRequest(const QString &path, QUrlQuery params, Mode mode) const
{
    HttpRequest request;
    request.path = path;
    request.params = std::move(params);
    addCommonParams(&request.params, path);
    request.get = m_options.httpMethod == PrometheusOptions::HttpMethod::Get;
    request.bypassBackoff = mode == Mode::Test;
    return request;
}

HttpRequest PrometheusDataSource::getRequest(const QString &path, QUrlQuery params) const
{
    HttpRequest request = apiRequest(path, std::move(params));
    request.get = true; // Prometheus serves these with GET only
    return request;
}

int PrometheusDataSource::lookupLimit(HttpRequest *request, int limit) const
{
    if (limit <= 0 && m_options.seriesLimit > 0) {
        // Lookups are capped by the data source's series limit (servers that know `limit`
        // cap on their side too).
        limit = m_options.seriesLimit;
        if (!request->params.hasQueryItem(QStringLiteral("limit")))
            request->params.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    }
    return limit;
}

namespace {

QueryResult parseQueryBody(const QByteArray &body, const QByteArray &contentType,
                           DataSourceError *error)
{
    QueryResult result;
    ResponseParser::parseQuery(body, &result, error, contentType);
    return result;
}

HttpParse<QStringList> stringsParser(int limit)
{
    return [limit](const QByteArray &body, const QByteArray &contentType, DataSourceError *error) {
        QStringList strings;
        ResponseParser::parseStringList(body, &strings, error, contentType);
        if (limit > 0 && strings.size() > limit)
            strings.resize(limit);
        return strings;
    };
}

} // namespace

QueryReply *PrometheusDataSource::query(const QueryRequest &request)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), request.expr);
    if (request.instant) {
        if (request.timeMs > 0)
            q.addQueryItem(QStringLiteral("time"), seconds(request.timeMs));
        return m_http->request<QueryResult>(apiRequest(QStringLiteral("/api/v1/query"), q),
                                            parseQueryBody);
    }
    q.addQueryItem(QStringLiteral("start"), seconds(request.startMs));
    q.addQueryItem(QStringLiteral("end"), seconds(request.endMs));
    q.addQueryItem(QStringLiteral("step"), seconds(std::max<qint64>(1, request.stepMs)));
    return m_http->request<QueryResult>(apiRequest(QStringLiteral("/api/v1/query_range"), q),
                                        parseQueryBody);
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

StringListReply *PrometheusDataSource::labelNames(const QStringList &matchers, qint64 startMs,
                                                  qint64 endMs)
{
    HttpRequest r =
        apiRequest(QStringLiteral("/api/v1/labels"), matchParams(matchers, startMs, endMs));
    const int limit = lookupLimit(&r, 0);
    return m_http->request<QStringList>(std::move(r), stringsParser(limit));
}

StringListReply *PrometheusDataSource::labelValues(const QString &label,
                                                   const QStringList &matchers, int limit)
{
    return labelValuesInRange(label, matchers, 0, 0, limit);
}

StringListReply *PrometheusDataSource::labelValuesInRange(const QString &label,
                                                          const QStringList &matchers,
                                                          qint64 startMs, qint64 endMs, int limit)
{
    QUrlQuery q = matchParams(matchers, startMs, endMs);
    if (limit > 0) // honoured by Prometheus >= 2.50; older servers are cut on the client
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    HttpRequest r = apiRequest(labelValuesPath(label), q);
    limit = lookupLimit(&r, limit);
    return m_http->request<QStringList>(std::move(r), stringsParser(limit));
}

SeriesReply *PrometheusDataSource::series(const QStringList &matchers, qint64 startMs, qint64 endMs)
{
    HttpRequest r =
        apiRequest(QStringLiteral("/api/v1/series"), matchParams(matchers, startMs, endMs));
    const int limit = lookupLimit(&r, 0);
    return m_http->request<std::vector<Labels>>(
        std::move(r),
        [limit](const QByteArray &body, const QByteArray &contentType, DataSourceError *error) {
            std::vector<Labels> series;
            ResponseParser::parseSeries(body, &series, error, contentType);
            if (limit > 0 && series.size() > size_t(limit))
                series.resize(size_t(limit));
            return series;
        });
}

MetadataReply *PrometheusDataSource::metadata(const QString &metric, int limit)
{
    QUrlQuery q;
    if (!metric.isEmpty())
        q.addQueryItem(QStringLiteral("metric"), metric);
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return m_http->request<MetricMetadataMap>(
        apiRequest(QStringLiteral("/api/v1/metadata"), q),
        [](const QByteArray &body, const QByteArray &contentType, DataSourceError *error) {
            MetricMetadataMap out;
            QJsonObject data;
            if (!ResponseParser::parseObject(body, &data, error, contentType))
                return out;
            for (auto it = data.begin(); it != data.end(); ++it) {
                const QJsonArray entries = it.value().toArray();
                if (entries.isEmpty())
                    continue;
                const QJsonObject e = entries.first().toObject();
                out.insert(it.key(), MetricMetadata{e.value(QLatin1String("type")).toString(),
                                                    e.value(QLatin1String("help")).toString(),
                                                    e.value(QLatin1String("unit")).toString()});
            }
            return out;
        });
}

namespace {

BuildInfo parseBuildInfo(const QByteArray &body, const QByteArray &contentType,
                         DataSourceError *error)
{
    BuildInfo info;
    QJsonObject data;
    if (!ResponseParser::parseObject(body, &data, error, contentType))
        return info;
    auto text = [&data](const char *key) { return data.value(QLatin1String(key)).toString(); };
    info.version = text("version");
    info.revision = text("revision");
    info.branch = text("branch");
    info.goVersion = text("goVersion");
    info.application = text("application");
    return info;
}

} // namespace

BuildInfoReply *PrometheusDataSource::buildInfo()
{
    return m_http->request<BuildInfo>(apiRequest(QStringLiteral("/api/v1/status/buildinfo"), {}),
                                      parseBuildInfo);
}

RuleGroupsReply *PrometheusDataSource::ruleGroups(RuleFilter filter)
{
    QUrlQuery q;
    if (filter != RuleFilter::All)
        q.addQueryItem(QStringLiteral("type"), filter == RuleFilter::Alerting
                                                   ? QStringLiteral("alert")
                                                   : QStringLiteral("record"));
    return m_http->request<QList<RuleGroup>>(getRequest(QStringLiteral("/api/v1/rules"), q),
                                             RulesParser::parseRuleGroups);
}

RuleAlertsReply *PrometheusDataSource::ruleAlerts()
{
    return m_http->request<QList<RuleAlert>>(getRequest(QStringLiteral("/api/v1/alerts"), {}),
                                             RulesParser::parseRuleAlerts);
}

TargetsReply *PrometheusDataSource::scrapeTargets()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("any"));
    return m_http->request<ScrapeTargets>(getRequest(QStringLiteral("/api/v1/targets"), q),
                                          RulesParser::parseTargets);
}

QString PrometheusDataSource::detectFlavour(const BuildInfo &info, DataSourceKind configured,
                                            bool *versionElsewhere)
{
    *versionElsewhere = false;
    const QString &application = info.application;
    if (application.contains(QLatin1String("Mimir"), Qt::CaseInsensitive))
        return QStringLiteral("Mimir");
    if (application.contains(QLatin1String("Cortex"), Qt::CaseInsensitive))
        return QStringLiteral("Cortex");
    if (application.contains(QLatin1String("Thanos"), Qt::CaseInsensitive))
        return QStringLiteral("Thanos");
    const QString &version = info.version;
    if (version.isEmpty()) {
        // VictoriaMetrics answers buildinfo with an empty `data`; its version is in /metrics.
        *versionElsewhere = true;
        return QStringLiteral("VictoriaMetrics");
    }
    if (configured == DataSourceKind::Thanos || version.startsWith(QLatin1String("0.")))
        return QStringLiteral("Thanos"); // Thanos answers like Prometheus, with its own version
    return QStringLiteral("Prometheus");
}

TestReply *PrometheusDataSource::testConnection()
{
    auto *outer = new TestReply;
    QPointer<TestReply> guard(outer);
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
        QueryReply *test = m_http->request<QueryResult>(
            apiRequest(QStringLiteral("/api/v1/query"), q, Mode::Test), parseQueryBody);
        *current = test;
        connect(test, &DataSourceReply::finished, this, [this, test, guard, fail, found] {
            test->deleteLater();
            if (!guard)
                return;
            if (test->error().isError()) {
                fail(test->error(), tr("Test query (1+1)"));
                return;
            }
            const QueryResult &r = test->result();
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
            guard->setResult(ConnectionTest{
                found->version, found->flavour,
                tr("Data source is working: %1 %2").arg(found->flavour, version), warnings});
            guard->finish();
        });
    };

    // Step 1: build info (flavour and version). A 404 here is not fatal: some compatible
    // servers lack the endpoint; the test query then tells whether the path is right.
    BuildInfoReply *info = m_http->request<BuildInfo>(
        apiRequest(QStringLiteral("/api/v1/status/buildinfo"), {}, Mode::Test), parseBuildInfo);
    *current = info;
    connect(info, &DataSourceReply::finished, this,
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
                found->flavour = detectFlavour(info->result(), m_options.kind, &versionElsewhere);
                found->version = info->result().version;
                if (!versionElsewhere) {
                    runQuery();
                    return;
                }
                // Step 2 (VictoriaMetrics): the version from vm_app_version in /metrics.
                HttpRequest r;
                r.path = QStringLiteral("/metrics");
                r.get = true;
                r.bypassBackoff = true;
                r.recordHealth = false;
                TypedReply<QString> *metrics = m_http->request<QString>(
                    std::move(r), [](const QByteArray &body, const QByteArray &,
                                     DataSourceError *) { return vmVersion(body); });
                *current = metrics;
                connect(metrics, &DataSourceReply::finished, this,
                        [metrics, guard, found, runQuery] {
                            metrics->deleteLater();
                            if (!guard)
                                return;
                            if (!metrics->error().isError())
                                found->version = metrics->result();
                            runQuery();
                        });
            });
    return outer;
}

} // namespace pharos
