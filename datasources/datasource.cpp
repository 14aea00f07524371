#include "datasources/datasource.h"

#include <QCoreApplication>
#include <QRunnable>
#include <QThreadPool>

namespace pharos {

QString DataSourceError::message() const
{
    if (!context.isEmpty() && kind != Kind::None) {
        DataSourceError plain = *this;
        plain.context.clear();
        return QCoreApplication::translate("pharos::DataSourceError", "%1 failed: %2")
            .arg(context, plain.message());
    }
    const QString d = detail.trimmed();
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return QCoreApplication::translate("pharos::DataSourceError", "The request was cancelled.");
    case Kind::ConnectionRefused:
        return d.isEmpty() ? QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "Connection refused: nothing is listening at the data source URL. "
                                 "Is the server running?")
                           : QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "Connection refused by %1: nothing is listening there. Is the "
                                 "server running?")
                                 .arg(d);
    case Kind::HostNotFound:
        return QCoreApplication::translate("pharos::DataSourceError", "Host not found: %1").arg(d);
    case Kind::Timeout:
        return d.isEmpty()
                   ? QCoreApplication::translate("pharos::DataSourceError",
                                                 "The server did not answer in time (timeout).")
                   : QCoreApplication::translate("pharos::DataSourceError",
                                                 "The server did not answer in time (timeout: %1).")
                         .arg(d);
    case Kind::Tls:
        return QCoreApplication::translate("pharos::DataSourceError", "TLS error: %1").arg(d);
    case Kind::Network:
        return QCoreApplication::translate("pharos::DataSourceError", "Network error: %1").arg(d);
    case Kind::Auth:
        if (httpStatus == 403)
            return d.isEmpty() ? QCoreApplication::translate(
                                     "pharos::DataSourceError",
                                     "HTTP 403: access denied. The credentials are not allowed "
                                     "to use this API.")
                               : QCoreApplication::translate(
                                     "pharos::DataSourceError",
                                     "HTTP 403: access denied. The credentials are not allowed "
                                     "to use this API (%1).")
                                     .arg(d);
        return d.isEmpty() ? QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "HTTP %1: authentication failed. Check the user name and "
                                 "password, token or headers.")
                                 .arg(httpStatus)
                           : QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "HTTP %1: authentication failed. Check the user name and "
                                 "password, token or headers (%2).")
                                 .arg(httpStatus)
                                 .arg(d);
    case Kind::NotFound:
        return QCoreApplication::translate(
            "pharos::DataSourceError",
            "HTTP 404: the API was not found at this URL. Check the URL and path prefix.");
    case Kind::HttpStatus:
        return d.isEmpty()
                   ? QCoreApplication::translate("pharos::DataSourceError", "HTTP error %1.")
                         .arg(httpStatus)
                   : QCoreApplication::translate("pharos::DataSourceError", "HTTP error %1: %2")
                         .arg(httpStatus)
                         .arg(d);
    case Kind::NotPrometheus:
        return QCoreApplication::translate("pharos::DataSourceError",
                                           "The server did not answer like a Prometheus API (%1).")
            .arg(d);
    case Kind::MalformedResponse:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "The server sent a malformed or truncated response (%1).")
            .arg(d);
    case Kind::QueryError:
        return errorType.isEmpty()
                   ? QCoreApplication::translate("pharos::DataSourceError", "Query error: %1")
                         .arg(d)
                   : QCoreApplication::translate("pharos::DataSourceError", "Query error (%1): %2")
                         .arg(errorType, d);
    case Kind::NotConfigured:
        return d.isEmpty() ? QCoreApplication::translate("pharos::DataSourceError",
                                                         "No data source is configured.")
                           : d;
    case Kind::Unsupported:
        return QCoreApplication::translate("pharos::DataSourceError",
                                           "This data source does not support the request: %1")
            .arg(d);
    case Kind::TlsUnknownCa:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "TLS: the server's certificate is signed by an unknown certificate authority "
                   "(%1). Set the CA certificate of the data source.")
            .arg(d);
    case Kind::TlsHostnameMismatch:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "TLS: the server's certificate does not match the host name (%1). Check the "
                   "URL or set the server name.")
            .arg(d);
    case Kind::TlsExpired:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "TLS: the server's certificate has expired or is not valid yet (%1).")
            .arg(d);
    case Kind::HttpToTlsPort:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "The server at %1 expects TLS: use an https:// URL instead of http://.")
            .arg(d);
    case Kind::TlsToPlainPort:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "The server at %1 does not speak TLS: use an http:// URL instead of https://.")
            .arg(d);
    case Kind::SecretsUnavailable:
        return d.isEmpty() ? QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "The data source's secrets could not be read from the keychain.")
                           : QCoreApplication::translate(
                                 "pharos::DataSourceError",
                                 "The data source's secrets could not be read from the keychain: "
                                 "%1")
                                 .arg(d);
    case Kind::ResponseTooLarge:
        return QCoreApplication::translate("pharos::DataSourceError",
                                           "The response is too large: %1. Narrow the query or "
                                           "raise the response size limit of the data source.")
            .arg(d);
    case Kind::RedirectLoop:
        return QCoreApplication::translate(
                   "pharos::DataSourceError",
                   "The server redirects in a loop (%1). Check the data source URL.")
            .arg(d);
    case Kind::TooManyRedirects:
        return QCoreApplication::translate("pharos::DataSourceError",
                                           "Too many redirects (%1). Check the data source URL.")
            .arg(d);
    }
    return d;
}

DataSourceReply::DataSourceReply(QObject *parent) : QObject(parent) {}

DataSourceReply::~DataSourceReply()
{
    if (!m_finished)
        abort();
    QThreadPool *pool = QThreadPool::globalInstance(); // none during static destruction
    if (m_queryResult.frames.size() >= BackgroundFreeFrames && pool) {
        pool->start(
            QRunnable::create([r = std::move(m_queryResult)]() mutable { r = QueryResult(); }));
    }
}

void DataSourceReply::abort()
{
    if (m_finished || m_aborted)
        return;
    m_aborted = true;
    m_error.kind = DataSourceError::Kind::Cancelled;
    if (m_abortHandler) {
        auto handler = std::move(m_abortHandler);
        m_abortHandler = nullptr;
        handler();
    }
}

void DataSourceReply::finish()
{
    if (m_finished || m_aborted)
        return;
    m_finished = true;
    m_abortHandler = nullptr;
    Q_EMIT finished();
}

DataSource::DataSource(DataSourceSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
}

DataSource::~DataSource() = default;

void DataSource::setSecrets(const DataSourceSecrets &secrets)
{
    m_secrets = secrets;
    m_secretsSet = true;
    m_secretsError.clear();
    Q_EMIT secretsChanged();
}

void DataSource::setSecretsUnavailable(const QString &message)
{
    m_secrets = {};
    m_secretsSet = false;
    m_secretsError = message.isEmpty() ? QStringLiteral("?") : message;
    Q_EMIT secretsChanged();
}

qint64 DataSource::backoffForFailures(int failures)
{
    if (failures <= BackoffFreeFailures)
        return 0;
    const int doublings = std::min(failures - BackoffFreeFailures - 1, 30);
    return std::min<qint64>(BaseBackoffMs << doublings, maxBackoffMs());
}

bool DataSource::isBackingOff() const
{
    return m_health.backoffUntil.isValid() &&
           m_health.backoffUntil > QDateTime::currentDateTimeUtc();
}

void DataSource::recordSuccess()
{
    const bool changed = m_health.state != DataSourceHealth::State::Ok ||
                         m_health.consecutiveFailures != 0 || m_health.backoffUntil.isValid();
    if (m_health.state != DataSourceHealth::State::Ok)
        m_health.since = QDateTime::currentDateTimeUtc();
    m_health.state = DataSourceHealth::State::Ok;
    m_health.lastError = {};
    m_health.consecutiveFailures = 0;
    m_health.backoffUntil = {};
    if (changed)
        Q_EMIT healthChanged();
}

void DataSource::recordFailure(const DataSourceError &error)
{
    using K = DataSourceError::Kind;
    switch (error.kind) {
    case K::None:
        recordSuccess();
        return;
    case K::Cancelled:
    case K::Unsupported:
    case K::NotConfigured:
    case K::ResponseTooLarge: // the query asks for too much; the server is fine
        return;
    case K::QueryError: // the server answered: it is healthy, the query is wrong
        recordSuccess();
        return;
    default:
        break;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_health.state != DataSourceHealth::State::Failing)
        m_health.since = now;
    m_health.state = DataSourceHealth::State::Failing;
    m_health.lastError = error;
    ++m_health.consecutiveFailures;
    const qint64 wait = backoffForFailures(m_health.consecutiveFailures);
    m_health.backoffUntil = wait > 0 ? now.addMSecs(wait) : QDateTime();
    Q_EMIT healthChanged();
}

void DataSource::recordServerInfo(const QString &version, const QString &flavour)
{
    if (m_health.version == version && m_health.flavour == flavour)
        return;
    m_health.version = version;
    m_health.flavour = flavour;
    Q_EMIT healthChanged();
}

QString SecretName::header(const QString &headerName)
{
    return QStringLiteral("header:") + headerName;
}

QString DataSourceSettings::secretRef() const
{
    return QStringLiteral("datasource/") + (uid.isEmpty() ? name : uid);
}

} // namespace pharos
