#pragma once

#include <QString>

namespace pharos {

/// Why a request failed. `message()` is the one sentence a user sees: on the panel, in the
/// data-source dialog, or on the command line.
struct DataSourceError
{
    enum class Kind {
        None,
        Cancelled,           // aborted by the caller (stale refresh); never shown to users
        ConnectionRefused,   // nothing listens at the address
        HostNotFound,        // DNS failure
        Timeout,             // the data source's timeout expired
        Tls,                 // certificate or handshake problem (none of the specific ones below)
        Network,             // any other transport failure
        Auth,                // HTTP 401 or 403
        NotFound,            // HTTP 404: wrong URL path or prefix
        HttpStatus,          // any other non-2xx status without a Prometheus error body
        NotPrometheus,       // HTML or JSON that is not a Prometheus API answer
        MalformedResponse,   // truncated or unparsable JSON
        QueryError,          // Prometheus `status: error` (bad_data, execution, timeout, ...)
        Unsupported,         // the data source cannot do this request
        NotConfigured,       // the dashboard names a data source that is not configured
        TlsUnknownCa,        // the server's certificate is not signed by a trusted CA
        TlsHostnameMismatch, // the certificate is for another name (see serverName)
        TlsExpired,          // the server's certificate has expired (or is not valid yet)
        HttpToTlsPort,       // plain http:// to a port that speaks TLS
        TlsToPlainPort,      // https:// to a port that speaks plain HTTP
        SecretsUnavailable,  // the keychain could not provide this data source's secrets
        ResponseTooLarge,    // the answer exceeds DataSourceSettings::responseLimitBytes
        RedirectLoop,        // the server's redirects lead back to a URL already visited
        TooManyRedirects,    // more than the redirects a request follows (10)
        Rejected, // the server refused the request with its reason in `detail` (Alertmanager's
                  // 400 for a bad silence or matcher); the server is healthy
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorType; // Prometheus `errorType`, e.g. "bad_data"
    QString detail;    // the server's error text or the transport's description
    QString context; // optional: which step failed, e.g. "Test query (1+1)"; prefixed to message()

    bool isError() const { return kind != Kind::None; }
    /// Translated, user-facing text naming the cause, e.g.
    /// "Connection refused by 127.0.0.1:9090 — is Prometheus running?"
    QString message() const;
};

} // namespace pharos
