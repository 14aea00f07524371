#include "datasource.h"

#include <QCoreApplication>

namespace pharos {

QString DataSourceError::message() const
{
    if (!context.isEmpty() && kind != Kind::None) {
        DataSourceError plain = *this;
        plain.context.clear();
        return QCoreApplication::translate("DataSourceError", "%1 failed: %2")
            .arg(context, plain.message());
    }
    auto tr = [](const char *text) { return QCoreApplication::translate("DataSourceError", text); };
    const QString d = detail.trimmed();
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::ConnectionRefused:
        return d.isEmpty() ? tr("Connection refused: nothing is listening at the data source URL. "
                                "Is the server running?")
                           : tr("Connection refused by %1: nothing is listening there. Is the "
                                "server running?")
                                 .arg(d);
    case Kind::HostNotFound:
        return tr("Host not found: %1").arg(d);
    case Kind::Timeout:
        return d.isEmpty() ? tr("The server did not answer in time (timeout).")
                           : tr("The server did not answer in time (timeout: %1).").arg(d);
    case Kind::Tls:
        return tr("TLS error: %1").arg(d);
    case Kind::Network:
        return tr("Network error: %1").arg(d);
    case Kind::Auth:
        return tr("HTTP %1: authentication failed or access denied.").arg(httpStatus);
    case Kind::NotFound:
        return tr("HTTP 404: the API was not found at this URL. Check the URL and path prefix.");
    case Kind::HttpStatus:
        return d.isEmpty() ? tr("HTTP error %1.").arg(httpStatus)
                           : tr("HTTP error %1: %2").arg(httpStatus).arg(d);
    case Kind::NotPrometheus:
        return tr("The server did not answer like a Prometheus API (%1).").arg(d);
    case Kind::MalformedResponse:
        return tr("The server sent a malformed or truncated response (%1).").arg(d);
    case Kind::QueryError:
        return errorType.isEmpty() ? tr("Query error: %1").arg(d)
                                   : tr("Query error (%1): %2").arg(errorType, d);
    case Kind::Unsupported:
        return tr("This data source does not support the request: %1").arg(d);
    }
    return d;
}

DataSourceReply::DataSourceReply(QObject *parent) : QObject(parent) {}

DataSourceReply::~DataSourceReply()
{
    if (!m_finished)
        abort();
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

} // namespace pharos
