#include "datasources/datasource.h"

namespace pharos {

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
    case K::Rejected:
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
