#include "datasources/datasourceerror.h"

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
    case Kind::Rejected:
        if (d.isEmpty())
            return QCoreApplication::translate("pharos::DataSourceError",
                                               "The server rejected the request (HTTP %1).")
                .arg(httpStatus);
        return httpStatus > 0
                   ? QCoreApplication::translate("pharos::DataSourceError",
                                                 "The server rejected the request (HTTP %1): %2")
                         .arg(httpStatus)
                         .arg(d)
                   : QCoreApplication::translate("pharos::DataSourceError",
                                                 "The server rejected the request: %1")
                         .arg(d);
    }
    return d;
}

} // namespace pharos
