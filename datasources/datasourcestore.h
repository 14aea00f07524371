#pragma once

#include "datasource.h"

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
    /// Writes atomically; returns false and sets *error on failure.
    static bool save(const QList<DataSourceSettings> &sources, QString *error = nullptr);
};

} // namespace pharos
