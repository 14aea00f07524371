#pragma once

#include "datasources/datasource.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <vector>

namespace pharos {

/// One option of `pharos datasource add` that sets a type's own settings (`--kind thanos`).
struct DataSourceOption
{
    const char *name;        // without the dashes
    const char *description; // translated in the "DataSourceCommand" context
    const char *valueName;   // translated likewise; nullptr for a flag
};

/// One data source type: how it is created, how Grafana's provisioning settings become its
/// `jsonData`, and how the data source list describes it. The store, provisioning, the dialog
/// and `pharos datasource` know no type's fields: they go through this table.
struct DataSourceType
{
    /// The Grafana plugin type id new data sources of this type get ("prometheus").
    const char *id;
    /// Translated with QCoreApplication::translate("pharos::DataSourceType", name).
    const char *name;
    /// The plugin type ids it serves (e.g. VictoriaMetrics' plugins for "prometheus").
    bool (*serves)(const QString &type);
    std::unique_ptr<DataSource> (*create)(const DataSourceSettings &settings);
    /// Grafana's provisioning `jsonData` (every value as text, environment expanded) into
    /// settings->jsonData. The common HTTP keys are already in settings->http and their
    /// secrets in *secrets; a type may take some of them over (Mimir's X-Scope-OrgID header
    /// becomes its tenant). Problems that do not stop the file go to *warnings (translated).
    void (*provision)(const QJsonObject &jsonData, DataSourceSettings *settings,
                      DataSourceSecrets *secrets, QStringList *warnings);
    /// The data source list's "Kind" column ("Thanos") and the URL requests go to.
    QString (*describe)(const DataSourceSettings &settings);
    QUrl (*endpoint)(const DataSourceSettings &settings);
    /// Its own options of `pharos datasource add`, and how the values given become
    /// settings->jsonData: `values` maps each given option's name to its values (a flag to an
    /// empty list). Returns the translated reason a value is refused, or an empty string.
    std::vector<DataSourceOption> (*options)();
    QString (*applyOptions)(const QHash<QString, QStringList> &values,
                            DataSourceSettings *settings);
};

/// Every type, in the order the dialog offers them.
const std::vector<DataSourceType> &dataSourceTypes();
/// The type serving a plugin type id, or nullptr.
const DataSourceType *findDataSourceType(const QString &type);
/// The type a data source's settings belong to: its own, else the Prometheus type (as before
/// the factory existed, unknown ids got the Prometheus client).
const DataSourceType &dataSourceTypeOf(const DataSourceSettings &settings);

/// The one place data sources are constructed, keyed by Grafana's plugin type id
/// (DataSourceSettings::type).
std::unique_ptr<DataSource> createDataSource(const DataSourceSettings &settings);

} // namespace pharos
