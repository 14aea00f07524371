#pragma once

#include "datasources/datasource.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace pharos {

/// The answer to one CredentialStore request. Emits finished() exactly once, on the thread
/// that made the request, then deletes itself (connect before returning to the event loop).
class CredentialJob : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        None,
        NotFound,    // read: nothing stored under this reference (not a failure for remove)
        Unavailable, // no keychain (e.g. no Secret Service on D-Bus): ask about session-only
        AccessDenied,
        Other,
    };
    Q_ENUM(Error)

    explicit CredentialJob(QObject *parent = nullptr);

    Error error() const { return m_error; }
    /// Translated, user-facing text; empty when error() is None.
    QString errorString() const { return m_errorString; }
    /// read(): the secrets found (empty on NotFound).
    const DataSourceSecrets &secrets() const { return m_secrets; }
    const QString &ref() const { return m_ref; }

    // For the store.
    void setRef(const QString &ref) { m_ref = ref; }
    void setSecrets(DataSourceSecrets secrets) { m_secrets = std::move(secrets); }
    void setError(Error error, const QString &text);
    /// Emits finished() on the next event-loop turn and deletes the job afterwards.
    void finishLater();

Q_SIGNALS:
    void finished();

private:
    Error m_error = Error::None;
    QString m_errorString;
    QString m_ref;
    DataSourceSecrets m_secrets;
};

/// Secrets of data sources in the OS keychain (QtKeychain: Secret Service on Linux, Keychain
/// on macOS, Credential Manager on Windows), one entry per data source under service "pharos"
/// and key DataSourceSettings::secretRef(). Every call is asynchronous and returns a job at
/// once: nothing blocks the calling (UI) thread.
///
/// When no keychain is available, jobs fail with Error::Unavailable and
/// keychainUnavailable() is emitted once; the UI then asks whether to keep secrets for this
/// session only and calls setSessionOnly(true): from then on secrets live in this object's
/// memory and are lost at exit. Secret values never reach files or logs.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    /// The keychain service name (default "pharos"); tests may use their own.
    void setService(const QString &service) { m_service = service; }
    QString service() const { return m_service; }

    /// Keep secrets in memory for this session instead of the keychain.
    void setSessionOnly(bool sessionOnly);
    bool isSessionOnly() const { return m_sessionOnly; }
    /// True once a job found no keychain (until setSessionOnly(true)).
    bool isKeychainUnavailable() const { return m_unavailable; }
    QString unavailableMessage() const { return m_unavailableMessage; }

    CredentialJob *read(const QString &ref);
    /// Stores `secrets` under `ref`, replacing what was there; empty secrets remove the entry.
    CredentialJob *write(const QString &ref, const DataSourceSecrets &secrets);
    /// Deletes the entry; NotFound counts as success (error() None).
    CredentialJob *remove(const QString &ref);
    /// Checks that the keychain answers (reads a probe entry): None, or Unavailable.
    CredentialJob *probe();

    /// Secrets <-> the text stored in the keychain (a JSON object).
    static QByteArray serialize(const DataSourceSecrets &secrets);
    static DataSourceSecrets deserialize(const QByteArray &data);

Q_SIGNALS:
    /// The first time a job finds no keychain (message is user-facing).
    void keychainUnavailable(const QString &message);

private:
    void markUnavailable(const QString &message);

    QString m_service = QStringLiteral("pharos");
    bool m_sessionOnly = false;
    bool m_unavailable = false;
    QString m_unavailableMessage;
    QHash<QString, DataSourceSecrets> m_memory; // session-only secrets
};

} // namespace pharos
