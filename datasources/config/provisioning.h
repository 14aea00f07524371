#pragma once

#include "datasources/datasource.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace pharos {

class CredentialStore;

/// One data source from a provisioning file: its settings and the secrets that go to the
/// keychain (secureJsonData), never to settings.
struct ProvisionedDataSource
{
    DataSourceSettings settings;
    DataSourceSecrets secrets;
};

/// The content of Grafana data-source provisioning files (apiVersion: 1).
struct ProvisioningResult
{
    QList<ProvisionedDataSource> dataSources;
    QStringList deleteNames; // deleteDatasources[].name
    QStringList warnings;    // e.g. data sources of other types, skipped (translated)
};

/// Reads Grafana's data-source provisioning YAML:
///   apiVersion: 1
///   deleteDatasources: [{name, orgId}]
///   datasources: [{name, uid, type, url, access, isDefault, basicAuth, basicAuthUser,
///                  jsonData: {httpMethod, timeInterval, timeout, customQueryParameters,
///                             prometheusType, tlsSkipVerify, tlsAuth, tlsAuthWithCACert,
///                             serverName, httpHeaderName1.., seriesLimit,
///                             responseLimitBytes (0 = none)},
///                  secureJsonData: {basicAuthPassword, httpHeaderValue1.., tlsCACert,
///                                   tlsClientCert, tlsClientKey}}]
/// String values may use environment variables as Grafana does: $VAR, ${VAR}; "$$" is a "$".
/// The common fields and Grafana's HTTP keys are read here; each type's own jsonData keys by
/// its DataSourceType::provision (datasourcefactory.h), e.g. prometheus (prometheusType
/// Prometheus, Thanos, Mimir, Cortex) and VictoriaMetrics' plugin types. Other types are
/// skipped with a warning.
namespace Provisioning {

/// Parses one file's text. Returns false and sets *error (translated) on a syntax error or an
/// unsupported apiVersion. `env` maps variable names to values (default: the process's).
bool parse(const QByteArray &yaml, ProvisioningResult *result, QString *error,
           const QHash<QString, QString> *env = nullptr);
bool parseFile(const QString &path, ProvisioningResult *result, QString *error);
/// Grafana's boolean text ("true", "yes", "on", "1" / "false", "no", "off", "0"), else
/// `fallback`.
bool boolean(const QString &text, bool fallback);
/// "15s", "1m", "500ms", "1h30m", or a plain number of seconds, in ms; -1 when invalid.
qint64 durationMs(const QString &text);
/// Grafana's environment expansion of one value.
QString expandEnvironment(const QString &text, const QHash<QString, QString> *env = nullptr);
/// The provisioning folder: $XDG_CONFIG_HOME/pharos/provisioning.
QString directory();
/// The *.yaml and *.yml files in directory(), sorted by name.
QStringList defaultFiles();
/// Merges `result` into `sources`: an entry with the same uid, else name, is replaced (its uid
/// kept); new ones are appended; deleteNames are removed (their names appended to *removed).
/// A provisioned default becomes the only default.
void merge(const ProvisioningResult &result, QList<DataSourceSettings> *sources,
           QList<DataSourceSettings> *removed = nullptr);

} // namespace Provisioning

/// Applies provisioning files: parses them, writes each data source's secrets to the
/// keychain (asynchronously), then saves the settings (DataSourceStore) and deletes the
/// secrets of removed data sources. Emits finished() once; deletes itself afterwards.
class ProvisioningJob : public QObject
{
    Q_OBJECT
public:
    ProvisioningJob(QStringList files, CredentialStore *store, QObject *parent = nullptr);

    void start();
    bool ok() const { return m_error.isEmpty(); }
    /// Translated; names the file or the keychain problem.
    QString errorString() const { return m_error; }
    /// True when the failure is a missing keychain (the settings were not saved).
    bool keychainUnavailable() const { return m_keychainUnavailable; }
    QStringList warnings() const { return m_warnings; }
    /// Names of the data sources added or updated.
    QStringList provisioned() const { return m_names; }

Q_SIGNALS:
    void finished();

private:
    void writeNext();
    void finish(const QString &error);

    QStringList m_files;
    CredentialStore *m_store;
    QList<DataSourceSettings> m_sources;
    QList<DataSourceSettings> m_removed;
    QList<ProvisionedDataSource> m_pending; // secrets still to write
    QStringList m_names;
    QStringList m_warnings;
    QString m_error;
    bool m_keychainUnavailable = false;
};

} // namespace pharos
