#pragma once

#include "datasources/capabilities/alertmanagersource.h"
#include "datasources/capabilities/promqlsource.h"
#include "datasources/capabilities/rulessource.h"
#include "datasources/capabilities/targetssource.h"
#include "datasources/datasourceerror.h"
#include "datasources/datasourcereply.h"
#include "datasources/http/httpoptions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

namespace pharos {

/// Names of the secrets a data source can have (keys of DataSourceSecrets::values).
namespace SecretName {
inline constexpr char BasicAuthPassword[] = "basicAuthPassword";
inline constexpr char BearerToken[] = "bearerToken";
inline constexpr char TlsCaCert[] = "tlsCACert";         // PEM contents (provisioning)
inline constexpr char TlsClientCert[] = "tlsClientCert"; // PEM contents (provisioning)
inline constexpr char TlsClientKey[] = "tlsClientKey";   // PEM contents (provisioning)
/// A secret header value: "header:" + header name.
QString header(const QString &headerName);
} // namespace SecretName

/// The secret values of one data source, held in memory only (from the keychain).
struct DataSourceSecrets
{
    QMap<QString, QString> values; // SecretName -> value
    bool isEmpty() const { return values.isEmpty(); }
    QString value(const QString &name) const { return values.value(name); }
    bool operator==(const DataSourceSecrets &o) const { return values == o.values; }
};

/// What a user configures for a data source. Secrets are never held here: only the names of
/// the secrets that exist (`secretNames`) and the keychain entry holding them (`secretRef()`).
struct DataSourceSettings
{
    QString uid;                                 // stable identifier; dashboards may reference it
    QString name;                                // unique display name
    QString type = QStringLiteral("prometheus"); // Grafana plugin type (datasourcefactory.h)
    QUrl url;
    bool isDefault = false;

    /// Authentication, headers, TLS, timeout and size limit: what the shared HTTP client uses.
    HttpOptions http;

    /// The type's own settings, as Grafana keeps them in `jsonData` (e.g. PrometheusOptions).
    /// The store, provisioning, the dialog and the command line pass it through.
    QJsonObject jsonData;

    /// Which secrets exist in the keychain for this data source (names only, never values).
    QStringList secretNames;
    /// True when the data source came from a provisioning file.
    bool provisioned = false;

    /// The keychain entry holding this data source's secrets ("datasource/<uid>").
    QString secretRef() const;
    bool hasSecrets() const { return !secretNames.isEmpty(); }
};

/// How a data source is doing, as last seen by its requests.
struct DataSourceHealth
{
    enum class State { Unknown, Ok, Failing };
    State state = State::Unknown;
    DataSourceError lastError; // when Failing
    QDateTime since;           // when the state last changed
    int consecutiveFailures = 0;
    /// Refreshes wait until then after repeated failures (exponential, capped). Null = no wait.
    QDateTime backoffUntil;
    QString version; // from the last successful test or build info
    QString flavour; // "Prometheus", "VictoriaMetrics", "Thanos", "Mimir", ...
};

/// The outcome of "Save & Test" (DataSource::testConnection()).
struct ConnectionTest
{
    QString version;      // the server's version, empty when unknown
    QString flavour;      // e.g. "Prometheus", "VictoriaMetrics", "Alertmanager"
    QString message;      // "Data source is working: Prometheus 2.42.0"
    QStringList warnings; // the test passed, but the user should know these
};
using TestReply = TypedReply<ConnectionTest>;

/// One configured data source of any type (datasourcefactory.h creates them). It holds the
/// settings, the secrets and the health every type shares, and answers "Save & Test". What
/// it can answer besides is a capability (datasources/capabilities/): promql() for PromQL
/// queries and metadata, rules() and targets() for what a Prometheus evaluates and scrapes,
/// alertmanager() for Alertmanager's API; each is null when the type has none.
class DataSource : public QObject
{
    Q_OBJECT
public:
    explicit DataSource(DataSourceSettings settings, QObject *parent = nullptr);
    ~DataSource() override;

    const DataSourceSettings &settings() const { return m_settings; }
    virtual void setSettings(const DataSourceSettings &settings) { m_settings = settings; }

    /// Secret values from the keychain. While settings().hasSecrets() and no secrets were set
    /// (nor secretsUnavailable()), requests wait for them.
    virtual void setSecrets(const DataSourceSecrets &secrets);
    /// The keychain could not provide the secrets: waiting and later requests fail with
    /// Kind::SecretsUnavailable and this text.
    virtual void setSecretsUnavailable(const QString &message);
    const DataSourceSecrets &secrets() const { return m_secrets; }
    bool secretsReady() const { return m_secretsSet || !m_settings.hasSecrets(); }

    const DataSourceHealth &health() const { return m_health; }
    /// Back-off after repeated failures: the first 2 failures do not wait, then 2 s, 4 s, ...
    /// capped at maxBackoffMs(). A success resets it.
    static constexpr int BackoffFreeFailures = 2;
    static constexpr qint64 BaseBackoffMs = 2000;
    static qint64 maxBackoffMs() { return 5 * 60 * 1000; }
    /// The back-off after `failures` consecutive failures (0 = none).
    static qint64 backoffForFailures(int failures);
    /// True while refreshes should wait (health().backoffUntil is in the future).
    bool isBackingOff() const;

    /// PromQL queries and metadata lookups, or nullptr when the type answers none.
    virtual PromqlSource *promql() { return nullptr; }
    /// Recording and alerting rules with their alerts, or nullptr.
    virtual RulesSource *rules() { return nullptr; }
    /// Scrape targets and their health, or nullptr.
    virtual TargetsSource *targets() { return nullptr; }
    /// Alertmanager's alerts, alert groups, silences and status, or nullptr when the type has
    /// none.
    virtual AlertmanagerSource *alertmanager() { return nullptr; }

    /// "Save & Test": checks that the server answers as this type expects. Every call returns
    /// at once; the reply (owned by the caller) names the version on success.
    virtual TestReply *testConnection() = 0;

Q_SIGNALS:
    /// health() changed (state, error, back-off, version).
    void healthChanged();
    /// setSecrets()/setSecretsUnavailable() was called.
    void secretsChanged();

protected:
    friend class HttpClient; // records the outcome of the requests it makes for this source

    /// For implementations: record the outcome of a request. Cancelled and query errors
    /// (the server answered) do not count as failures.
    void recordSuccess();
    void recordFailure(const DataSourceError &error);
    void recordServerInfo(const QString &version, const QString &flavour);
    bool secretsUnavailable() const { return !m_secretsError.isEmpty(); }
    const QString &secretsError() const { return m_secretsError; }

private:
    DataSourceSettings m_settings;
    DataSourceSecrets m_secrets;
    bool m_secretsSet = false;
    QString m_secretsError;
    DataSourceHealth m_health;
};

} // namespace pharos
