#pragma once

#include "datasources/datasource.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace pharos {

/// Persists data-source settings in the user's configuration directory
/// ($XDG_CONFIG_HOME/pharos/, default ~/.config/pharos/). Never stores secrets.
class DataSourceStore
{
public:
    /// The directory Pharos keeps its configuration in (created on save).
    static QString configDir();
    static QList<DataSourceSettings> load();
    /// Writes atomically; returns false and sets *error on failure. Exactly one data source is
    /// saved as default (see normaliseDefaults()). Secret values never reach the file: a URL's
    /// user info is dropped, secret headers are written without value.
    static bool save(const QList<DataSourceSettings> &sources, QString *error = nullptr);

    /// Exactly one default when the list is not empty: the first marked one, else the first.
    static void normaliseDefaults(QList<DataSourceSettings> *sources);
    /// Makes `name` the only default.
    static void setDefault(QList<DataSourceSettings> *sources, const QString &name);
    /// Index of the data source called `name`, or -1.
    static qsizetype indexOf(const QList<DataSourceSettings> &sources, const QString &name);
    /// A new unique uid for a data source called `name` ("prometheus-2", ...).
    static QString makeUid(const QList<DataSourceSettings> &sources, const QString &name);

    /// One data source as stored in datasources.json (no secret values): the common fields,
    /// the HTTP options, and the type's own settings as they are in `jsonData` (the store
    /// knows no type's fields). Version 1 entries, which kept the type's settings beside the
    /// common ones, load into jsonData too.
    static QJsonObject toJson(const DataSourceSettings &settings);
    static DataSourceSettings fromJson(const QJsonObject &object);
    /// The HTTP options as stored (timeoutMs, responseLimitBytes, auth, basicAuthUser,
    /// headers, tls).
    static QJsonObject httpToJson(const HttpOptions &options);
    static HttpOptions httpFromJson(const QJsonObject &object);
};

} // namespace pharos
