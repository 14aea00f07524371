#pragma once

#include <QList>
#include <QString>

namespace pharos {

/// One extra HTTP header sent with every request.
struct DataSourceHeader
{
    QString name;
    QString value; // empty when secret: the value is in the keychain (SecretName::header(name))
    bool secret = false;
    bool operator==(const DataSourceHeader &o) const = default;
};

/// What the shared HTTP client needs of a data source's settings: authentication, headers,
/// TLS, the timeout and the response size limit. Every HTTP-based data source type has them.
struct HttpOptions
{
    enum class Auth { None, Basic, Bearer };

    /// Bounds each request as a whole: connect, redirects and the full transfer.
    int timeoutMs = 60000;
    /// Answers larger than this are refused (Kind::ResponseTooLarge); 0 = no limit.
    static constexpr qint64 DefaultResponseLimitBytes = qint64(256) * 1024 * 1024;
    qint64 responseLimitBytes = DefaultResponseLimitBytes;

    Auth auth = Auth::None;
    QString basicAuthUser; // password: SecretName::BasicAuthPassword
    QList<DataSourceHeader> headers;

    // TLS. Files are read when the client is configured; PEM contents may instead be secrets
    // (SecretName::TlsCaCert, TlsClientCert, TlsClientKey), e.g. from provisioning.
    QString tlsCaFile;
    QString tlsClientCertFile;
    QString tlsClientKeyFile;
    QString tlsServerName;      // name to verify the certificate against (and SNI)
    bool tlsSkipVerify = false; // works, but shown as a warning everywhere

    bool operator==(const HttpOptions &o) const = default;
};

} // namespace pharos
