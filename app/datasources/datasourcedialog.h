#pragma once

#include "datasources/datasource.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace pharos {

class DataSourceSettingsPage;

class CredentialStore;
class DataSourceRegistry;

/// Edits one data source: name, kind (Prometheus, VictoriaMetrics, Thanos, Mimir/Cortex) with
/// the flavour's own fields, URL, HTTP method, timeout, scrape interval, series limit, custom
/// query parameters, default flag; authentication (none, basic, bearer, custom headers that
/// may be secret) and TLS (CA, client certificate and key, server name, skip verification,
/// shown as a warning).
///
/// Secrets are typed into password fields and go to the keychain (CredentialStore); a stored
/// secret is never shown back, its field says "stored in keychain" and stays as it is unless
/// something new is typed. When no keychain is available the user is asked whether to keep
/// the secrets for this session only.
///
/// "Save & Test" stores the settings (DataSourceStore), the secrets, updates the registry,
/// then tests the data source asynchronously and shows the server's version and flavour or
/// exactly what failed.
class DataSourceDialog : public QDialog
{
    Q_OBJECT
public:
    DataSourceDialog(DataSourceRegistry *registry, CredentialStore *credentials,
                     QWidget *parent = nullptr);
    ~DataSourceDialog() override;

    /// Shows `settings` for editing. `isNew`: not stored yet (Save adds it).
    void setDataSource(const DataSourceSettings &settings, bool isNew);
    /// The data source as last saved (or as set).
    DataSourceSettings dataSource() const { return m_settings; }

    // The parts (tests drive them).
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    /// The page of the data source type's own settings (e.g. PrometheusSettingsPage).
    DataSourceSettingsPage *typePage() const { return m_typePage; }
    QSpinBox *timeoutEdit() const { return m_timeout; }
    /// The response size limit in MB (0: no limit).
    QSpinBox *responseLimitEdit() const { return m_responseLimit; }
    QCheckBox *defaultCheck() const { return m_default; }
    QComboBox *authCombo() const { return m_auth; }
    QLineEdit *basicUserEdit() const { return m_basicUser; }
    QLineEdit *basicPasswordEdit() const { return m_basicPassword; }
    QLineEdit *bearerTokenEdit() const { return m_bearer; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *clientCertEdit() const { return m_clientCert; }
    QLineEdit *clientKeyEdit() const { return m_clientKey; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QCheckBox *skipVerifyCheck() const { return m_skipVerify; }
    QLabel *skipVerifyWarning() const { return m_skipWarning; }
    QPushButton *saveAndTestButton() const { return m_saveTest; }

    /// Custom headers: adds a row; the row's widgets.
    int addHeader(const QString &name = {}, const QString &value = {}, bool secret = false);
    int headerCount() const { return int(m_headers.size()); }
    QLineEdit *headerNameEdit(int row) const;
    QLineEdit *headerValueEdit(int row) const;
    QCheckBox *headerSecretCheck(int row) const;
    void removeHeader(int row);

    /// The result line: "Testing…", the success text with version and flavour, or the failure.
    QString resultText() const;
    bool isTesting() const { return m_busy; }

    /// Validates and stores the form (settings and secrets), then tests. Returns false when the
    /// form is invalid (the reason is the result text); storing and testing go on
    /// asynchronously and end with testFinished().
    bool saveAndTest();

    /// Replaces the "no keychain: keep secrets for this session only?" question (tests).
    void setSessionOnlyHandler(std::function<bool(const QString &message)> handler)
    {
        m_askSessionOnly = std::move(handler);
    }

    /// Deletes the keychain entry of a removed data source (asynchronous; errors ignored
    /// beyond a warning without secret content).
    static void forgetSecrets(CredentialStore *credentials, const DataSourceSettings &settings);

Q_SIGNALS:
    /// The stored data sources (and the registry) changed.
    void dataSourcesChanged();
    /// Save & Test ended; `ok` false when saving or the test failed.
    void testFinished(bool ok, const QString &text);

private:
    struct HeaderRow
    {
        QWidget *row = nullptr;
        QLineEdit *name = nullptr;
        QLineEdit *value = nullptr;
        QCheckBox *secret = nullptr;
        bool stored = false; // a secret value for this header is in the keychain
        QString storedName;  // the header name it is stored under
    };
    bool collect(DataSourceSettings *out, QMap<QString, QString> *entered, QStringList *dropped,
                 QString *error);
    void updateVisibility();
    void storeSecrets(const DataSourceSettings &s, const QMap<QString, QString> &entered,
                      const QStringList &dropped, bool retried);
    void finishSave(const DataSourceSettings &s, const DataSourceSecrets *secrets);
    void startTest();
    void fail(const QString &text);
    void setResult(const QString &text, bool error);
    void setBusy(bool busy);
    QLineEdit *fileField(const QString &title, QWidget **row);

    DataSourceRegistry *m_registry;
    QPointer<CredentialStore> m_credentials;
    DataSourceSettings m_settings;
    bool m_isNew = true;
    bool m_busy = false;
    std::function<bool(const QString &)> m_askSessionOnly;

    QLineEdit *m_name;
    QLineEdit *m_url;
    DataSourceSettingsPage *m_typePage = nullptr;
    QVBoxLayout *m_typePageLayout;
    QCheckBox *m_default;
    QSpinBox *m_timeout;
    QSpinBox *m_responseLimit;
    QComboBox *m_auth;
    QFormLayout *m_authForm;
    QLineEdit *m_basicUser;
    QLineEdit *m_basicPassword;
    QLineEdit *m_bearer;
    QVBoxLayout *m_headerLayout;
    std::vector<HeaderRow> m_headers;
    QLineEdit *m_caFile;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QLineEdit *m_serverName;
    QCheckBox *m_skipVerify;
    QLabel *m_skipWarning;
    QLabel *m_keychainNote;
    QPushButton *m_saveTest;
    QLabel *m_result;
    QPointer<TestReply> m_reply;
};

} // namespace pharos
