#pragma once

#include <QStringList>

class QIODevice;
class QTextStream;

namespace pharos {

/// True when the first positional argument (after any options) is `datasource`.
bool isDataSourceCommand(const QStringList &arguments);

/// `pharos [--provision FILE]... datasource list|add|test|remove ...`
///  - list: the configured data sources (name, kind, URL, auth, TLS; * marks the default).
///  - add NAME --url URL [--kind prometheus|victoriametrics|thanos|mimir] [--basic-user U]
///    [--password-stdin] [--bearer-stdin] [--header NAME=VALUE] [--secret-header NAME]
///    [--ca-file F] [--client-cert F] [--client-key F] [--server-name N] [--tls-skip-verify]
///    [--path-prefix P] [--tenant ID] [--param K=V] [--method GET|POST] [--timeout SECONDS]
///    [--scrape-interval DURATION] [--series-limit N] [--default]
///    Secrets are read from stdin only, one per line, in this order: password, bearer token,
///    then one line per --secret-header.
///  - test NAME: exit 0 and print version and flavour, or exit 1 and print the diagnosis.
///  - remove NAME: removes the data source and deletes its secrets from the keychain.
/// When no keychain is available the command prints the problem and exits 1, unless
/// --allow-no-keychain is given (secrets are then kept for this run only: not stored).
/// Usage errors exit 2. Runs an event loop while it waits; needs a QCoreApplication.
int runDataSourceCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                         QIODevice *in);

} // namespace pharos
