#include "datasources/alertmanager/alertmanagerdatasource.h"

#include "datasources/alertmanager/alertmanagerparser.h"
#include "datasources/http/httpclient.h"

#include <QPointer>

namespace pharos {

namespace {

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QUrlQuery filterParams(const AlertFilter &filter, bool withUnprocessed)
{
    QUrlQuery q;
    for (const QString &m : filter.matchers)
        q.addQueryItem(QStringLiteral("filter"), m);
    if (!filter.receiver.isEmpty())
        q.addQueryItem(QStringLiteral("receiver"), filter.receiver);
    q.addQueryItem(QStringLiteral("active"), boolText(filter.active));
    q.addQueryItem(QStringLiteral("silenced"), boolText(filter.silenced));
    q.addQueryItem(QStringLiteral("inhibited"), boolText(filter.inhibited));
    if (withUnprocessed)
        q.addQueryItem(QStringLiteral("unprocessed"), boolText(filter.unprocessed));
    return q;
}

HttpRequest getRequest(const QString &path, QUrlQuery params = {})
{
    HttpRequest r;
    r.path = path;
    r.params = std::move(params);
    r.get = true;
    return r;
}

QString silencePath(const QString &id)
{
    return QStringLiteral("/api/v2/silence/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

AlertmanagerDataSource::AlertmanagerDataSource(DataSourceSettings settings, QObject *parent)
    : DataSource(std::move(settings), parent), m_http(new HttpClient(this))
{
    m_http->setErrorClassifier(&AlertmanagerParser::classifyHttpError);
    configureClient();
}

AlertmanagerDataSource::~AlertmanagerDataSource()
{
    delete m_http; // before this object stops being a DataSource: it calls back into it
    m_http = nullptr;
}

void AlertmanagerDataSource::configureClient()
{
    m_options = AlertmanagerOptions::of(settings());
    m_http->configure(m_options.effectiveUrl(settings().url), settings().http);
}

void AlertmanagerDataSource::setSettings(const DataSourceSettings &newSettings)
{
    DataSource::setSettings(newSettings);
    configureClient();
}

void AlertmanagerDataSource::setSecrets(const DataSourceSecrets &secrets)
{
    DataSource::setSecrets(secrets);
    m_http->secretsChanged();
}

void AlertmanagerDataSource::setSecretsUnavailable(const QString &message)
{
    DataSource::setSecretsUnavailable(message);
    m_http->secretsChanged();
}

QUrl AlertmanagerDataSource::apiUrl(const QString &path) const
{
    return m_http->url(path);
}

StatusReply *AlertmanagerDataSource::statusRequest(bool test)
{
    HttpRequest r = getRequest(QStringLiteral("/api/v2/status"));
    r.bypassBackoff = test;
    return m_http->request<AlertmanagerStatus>(
        std::move(r), [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            AlertmanagerStatus status;
            AlertmanagerParser::parseStatus(body, &status, error);
            return status;
        });
}

StatusReply *AlertmanagerDataSource::status()
{
    return statusRequest(false);
}

AlertsReply *AlertmanagerDataSource::alerts(const AlertFilter &filter)
{
    return m_http->request<std::vector<AmAlert>>(
        getRequest(QStringLiteral("/api/v2/alerts"), filterParams(filter, true)),
        [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            std::vector<AmAlert> alerts;
            AlertmanagerParser::parseAlerts(body, &alerts, error);
            return alerts;
        });
}

AlertGroupsReply *AlertmanagerDataSource::alertGroups(const AlertFilter &filter)
{
    return m_http->request<std::vector<AlertGroup>>(
        getRequest(QStringLiteral("/api/v2/alerts/groups"), filterParams(filter, false)),
        [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            std::vector<AlertGroup> groups;
            AlertmanagerParser::parseAlertGroups(body, &groups, error);
            return groups;
        });
}

SilencesReply *AlertmanagerDataSource::silences(const QStringList &filter)
{
    QUrlQuery q;
    for (const QString &m : filter)
        q.addQueryItem(QStringLiteral("filter"), m);
    return m_http->request<std::vector<Silence>>(
        getRequest(QStringLiteral("/api/v2/silences"), q),
        [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            std::vector<Silence> silences;
            AlertmanagerParser::parseSilences(body, &silences, error);
            return silences;
        });
}

SilenceReply *AlertmanagerDataSource::silence(const QString &id)
{
    return m_http->request<Silence>(
        getRequest(silencePath(id)),
        [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            Silence s;
            AlertmanagerParser::parseSilence(body, &s, error);
            return s;
        });
}

SilenceIdReply *AlertmanagerDataSource::createSilence(const Silence &silence)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/silences");
    r.jsonBody = AlertmanagerParser::silenceJson(silence);
    return m_http->request<QString>(
        std::move(r), [](const QByteArray &body, const QByteArray &, DataSourceError *error) {
            QString id;
            AlertmanagerParser::parseSilenceId(body, &id, error);
            return id;
        });
}

ExpireReply *AlertmanagerDataSource::expireSilence(const QString &id)
{
    HttpRequest r;
    r.path = silencePath(id);
    r.deleteMethod = true;
    // Alertmanager answers 200 with an empty body.
    return m_http->request<bool>(std::move(r), [](const QByteArray &, const QByteArray &,
                                                  DataSourceError *) { return true; });
}

TestReply *AlertmanagerDataSource::testConnection()
{
    auto *outer = new TestReply;
    QPointer<TestReply> guard(outer);
    StatusReply *inner = statusRequest(true);
    QPointer<StatusReply> innerGuard(inner);
    outer->setAbortHandler([innerGuard] {
        if (innerGuard) {
            innerGuard->abort();
            innerGuard->deleteLater();
        }
    });
    connect(inner, &DataSourceReply::finished, this, [this, inner, guard] {
        inner->deleteLater();
        if (!guard)
            return;
        if (inner->error().isError()) {
            DataSourceError e = inner->error();
            e.context = tr("Alertmanager status (/api/v2/status)");
            guard->setError(e);
            guard->finish();
            return;
        }
        const AlertmanagerStatus &s = inner->result();
        const QString flavour = QStringLiteral("Alertmanager");
        const QString version = s.version.isEmpty() ? tr("(version unknown)") : s.version;
        QStringList warnings;
        if (settings().http.tlsSkipVerify && apiUrl({}).scheme() == QLatin1String("https"))
            warnings << tr("TLS certificate verification is disabled: the connection is "
                           "encrypted but the server is not authenticated.");
        if (s.clusterStatus == QLatin1String("settling"))
            warnings << tr("The Alertmanager cluster is still settling.");
        recordServerInfo(s.version, flavour);
        guard->setResult(ConnectionTest{
            s.version, flavour,
            tr("Data source is working: Alertmanager %1, cluster %2, %n peer(s)", nullptr,
               int(s.peers.size()))
                .arg(version, s.clusterStatus.isEmpty() ? tr("unknown") : s.clusterStatus),
            warnings});
        guard->finish();
    });
    return outer;
}

} // namespace pharos
