#pragma once

#include "datasources/datasource.h"

#include <QSslConfiguration>

namespace pharos {

/// The TLS configuration of a data source: the CA (secret PEM and/or file), the client
/// certificate and key (secret PEM, else file) and skip-verify. Files are read now. A file
/// that cannot be read or a PEM that does not parse sets *error (translated, first problem
/// only); the configuration is returned anyway.
QSslConfiguration tlsConfiguration(const HttpOptions &options, const DataSourceSecrets &secrets,
                                   QString *error);

} // namespace pharos
