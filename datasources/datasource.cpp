#include "datasource.h"

#include <QCoreApplication>

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
        return QCoreApplication::translate("pharos::DataSourceError",
                                           "HTTP %1: authentication failed or access denied.")
            .arg(httpStatus);
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
