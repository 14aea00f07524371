#pragma once

#include "datasources/capabilities/alertmanagersource.h"
#include "datasources/datasource.h"

#include "datasources/alertmanager/alertmanageroptions.h"

namespace pharos {

class HttpClient;
struct HttpRequest;

/// An Alertmanager (API v2) data source, on the shared HttpClient
/// (datasources/http/httpclient.h: queue, auth, TLS, timeouts, redirects, size limits,
/// diagnosis and worker-thread parsing).
///
/// - Mimir and Cortex serve the API under /alertmanager (AlertmanagerOptions::effectiveUrl).
/// - Answers are parsed with AlertmanagerParser (QJsonDocument) on a worker thread.
/// - Alertmanager's own error text (a bad silence, a bad matcher) reaches the user unchanged
///   in DataSourceError::detail (Kind::Rejected for a 4xx).
/// - testConnection() reads /api/v2/status: the version, the cluster state and its peers.
class AlertmanagerDataSource : public DataSource, public AlertmanagerSource
{
    Q_OBJECT
public:
    explicit AlertmanagerDataSource(DataSourceSettings settings, QObject *parent = nullptr);
    ~AlertmanagerDataSource() override;

    void setSettings(const DataSourceSettings &settings) override;
    void setSecrets(const DataSourceSecrets &secrets) override;
    void setSecretsUnavailable(const QString &message) override;

    AlertmanagerSource *alertmanager() override { return this; }
    TestReply *testConnection() override;

    StatusReply *status() override;
    AlertsReply *alerts(const AlertFilter &filter = {}) override;
    AlertGroupsReply *alertGroups(const AlertFilter &filter = {}) override;
    SilencesReply *silences(const QStringList &filter = {}) override;
    SilenceReply *silence(const QString &id) override;
    SilenceIdReply *createSilence(const Silence &silence) override;
    ExpireReply *expireSilence(const QString &id) override;

    const AlertmanagerOptions &options() const { return m_options; }
    /// The full URL of an API path under the configured base URL (with /alertmanager for
    /// Mimir and Cortex).
    QUrl apiUrl(const QString &path) const;

private:
    void configureClient();
    StatusReply *statusRequest(bool test);

    HttpClient *m_http;
    AlertmanagerOptions m_options; // of settings().jsonData
};

} // namespace pharos
