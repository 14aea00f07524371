#pragma once

#include "datasources/datasource.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>

namespace pharos::httpdiagnosis {

/// The most specific TLS diagnosis among the certificate errors of one handshake:
/// TlsUnknownCa, TlsExpired, TlsHostnameMismatch (with the names the certificate is for) or Tls.
DataSourceError::Kind classifySslErrors(const QList<QSslError> &errors, QString *detail);

/// A transport failure (no HTTP status): refused, host not found, timeout, TLS (with the
/// handshake's certificate errors), plain HTTP to a TLS port and back, other network errors.
/// `address` is "host:port", `host` the configured host name.
DataSourceError transportError(const QNetworkReply &net, const QList<QSslError> &sslErrors,
                               const QString &address, const QString &host);

/// A non-2xx status: HttpToTlsPort (Go's answer to plain HTTP on a TLS port), Auth (401, 403),
/// NotFound (404, detail = `url`), else what `classify` makes of the body.
DataSourceError statusError(
    int status, const QByteArray &body, const QByteArray &contentType, const QString &address,
    const QString &url,
    const std::function<DataSourceError(int, const QByteArray &, const QByteArray &)> &classify);

/// The body of a non-2xx answer without a known error format: HttpStatus with a short excerpt.
DataSourceError plainStatusError(int status, const QByteArray &body);

/// "256 MB", "1.5 KB", "300 bytes" in the user's locale.
QString byteSize(qint64 bytes);

} // namespace pharos::httpdiagnosis
