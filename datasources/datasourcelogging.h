#pragma once

// The pharos.datasources logging category and the HTTP request log.
//
// Categories show info and warnings; debug messages are off unless `pharos --verbose` (or
// QT_LOGGING_RULES, e.g. "pharos.*.debug=true") turns them on. Nothing logged here carries a
// secret: URLs lose their user info, credential-looking query values are redacted, and of the
// request headers only the names are logged.

#include <QLoggingCategory>
#include <QString>

class QNetworkReply;
class QUrl;

Q_DECLARE_LOGGING_CATEGORY(lcDataSources)

namespace pharos {

/// `url` as it may be logged: no user name or password, and the values of query parameters
/// whose names look like credentials (token, secret, password, key, auth, signature, ...)
/// replaced by "REDACTED". Other parameters (PromQL, times, the data source's custom
/// parameters) are kept.
QString redactedUrl(const QUrl &url);

/// True for query parameter (or header) names that carry credentials.
bool isSecretName(const QString &name);

/// Logs one finished request at debug level of pharos.datasources:
///   GET http://host:9090/api/v1/query?query=up -> 200, 1234 bytes, 12 ms [headers: Accept, ...]
/// or "-> network error ConnectionRefusedError (Connection refused)", "-> timed out",
/// "-> aborted". `bytes` is the size of the body received. Call it when the reply finished.
void logHttpRequest(const QNetworkReply &reply, qint64 elapsedMs, qint64 bytes,
                    bool timedOut = false, bool aborted = false);

} // namespace pharos
