#include "datasources/config/credentialstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <qt6keychain/keychain.h>

namespace pharos {

namespace {

// QtKeychain reports a missing Secret Service in several ways depending on the backend.
bool looksUnavailable(QKeychain::Error error, const QString &text)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    static const char *const markers[] = {"org.freedesktop.secrets",
                                          "org.freedesktop.DBus.Error",
                                          "D-Bus",
                                          "DBus",
                                          "dbus",
                                          "not provided by any .service",
                                          "Cannot autolaunch",
                                          "No such secret collection",
                                          "kwallet",
                                          "Could not connect",
                                          "connect to socket",
                                          "Secret Service",
                                          "Unknown error"};
    for (const char *m : markers) {
        if (text.contains(QLatin1String(m), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString unavailableText(const QString &detail)
{
    return QCoreApplication::translate(
               "pharos::CredentialStore",
               "No keychain is available to store secrets (%1). Secrets can be kept for this "
               "session only.")
        .arg(detail.trimmed().isEmpty() ? QCoreApplication::translate("pharos::CredentialStore",
                                                                      "no Secret Service on D-Bus")
                                        : detail.trimmed());
}

/// The error of a keychain job that failed (anything but "not found" for a read): the
/// keychain is missing or locked (`unavailable` is told too), access was denied, or another
/// failure, each with the keychain's own words.
void failJob(CredentialJob *job, const QKeychain::Job &kj,
             const std::function<void(const QString &)> &unavailable)
{
    const QKeychain::Error e = kj.error();
    if (looksUnavailable(e, kj.errorString())) {
        const QString msg = unavailableText(kj.errorString());
        unavailable(msg);
        job->setError(CredentialJob::Error::Unavailable, msg);
    } else if (e == QKeychain::AccessDenied || e == QKeychain::AccessDeniedByUser) {
        job->setError(CredentialJob::Error::AccessDenied,
                      QCoreApplication::translate("pharos::CredentialStore",
                                                  "Access to the keychain was denied (%1).")
                          .arg(kj.errorString()));
    } else {
        job->setError(
            CredentialJob::Error::Other,
            QCoreApplication::translate("pharos::CredentialStore", "The keychain failed: %1")
                .arg(kj.errorString()));
    }
}

} // namespace

CredentialJob::CredentialJob(QObject *parent) : QObject(parent) {}

void CredentialJob::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
}

void CredentialJob::finishLater()
{
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

CredentialStore::~CredentialStore() = default;

void CredentialStore::setSessionOnly(bool sessionOnly)
{
    m_sessionOnly = sessionOnly;
    if (!sessionOnly)
        m_memory.clear();
}

void CredentialStore::markUnavailable(const QString &message)
{
    const bool first = !m_unavailable;
    m_unavailable = true;
    m_unavailableMessage = message;
    if (first)
        Q_EMIT keychainUnavailable(message);
}

QByteArray CredentialStore::serialize(const DataSourceSecrets &secrets)
{
    QJsonObject o;
    for (auto it = secrets.values.cbegin(); it != secrets.values.cend(); ++it)
        o.insert(it.key(), it.value());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

DataSourceSecrets CredentialStore::deserialize(const QByteArray &data)
{
    DataSourceSecrets s;
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.value().isString())
            s.values.insert(it.key(), it.value().toString());
    }
    return s;
}

CredentialJob *CredentialStore::read(const QString &ref)
{
    auto *job = new CredentialJob(this); // freed with the store if still pending at exit
    job->setRef(ref);
    if (m_sessionOnly) {
        if (m_memory.contains(ref))
            job->setSecrets(m_memory.value(ref));
        else
            job->setError(CredentialJob::Error::NotFound, {});
        job->finishLater();
        return job;
    }
    auto *kj = new QKeychain::ReadPasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(ref);
    QPointer<CredentialJob> guard(job);
    connect(kj, &QKeychain::Job::finished, this, [this, kj, guard] {
        if (!guard)
            return;
        const QKeychain::Error e = kj->error();
        if (e == QKeychain::NoError) {
            guard->setSecrets(deserialize(kj->binaryData()));
        } else if (e == QKeychain::EntryNotFound) {
            guard->setError(CredentialJob::Error::NotFound, {});
        } else {
            failJob(guard, *kj, [this](const QString &msg) { markUnavailable(msg); });
        }
        guard->finishLater();
    });
    kj->start();
    return job;
}

CredentialJob *CredentialStore::write(const QString &ref, const DataSourceSecrets &secrets)
{
    if (secrets.isEmpty())
        return remove(ref);
    auto *job = new CredentialJob(this); // freed with the store if still pending at exit
    job->setRef(ref);
    job->setSecrets(secrets);
    if (m_sessionOnly) {
        m_memory.insert(ref, secrets);
        job->finishLater();
        return job;
    }
    auto *kj = new QKeychain::WritePasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(ref);
    kj->setBinaryData(serialize(secrets));
    QPointer<CredentialJob> guard(job);
    connect(kj, &QKeychain::Job::finished, this, [this, kj, guard] {
        if (!guard)
            return;
        const QKeychain::Error e = kj->error();
        if (e != QKeychain::NoError) {
            failJob(guard, *kj, [this](const QString &msg) { markUnavailable(msg); });
        }
        guard->finishLater();
    });
    kj->start();
    return job;
}

CredentialJob *CredentialStore::remove(const QString &ref)
{
    auto *job = new CredentialJob(this); // freed with the store if still pending at exit
    job->setRef(ref);
    if (m_sessionOnly) {
        m_memory.remove(ref);
        job->finishLater();
        return job;
    }
    auto *kj = new QKeychain::DeletePasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(ref);
    QPointer<CredentialJob> guard(job);
    connect(kj, &QKeychain::Job::finished, this, [this, kj, guard] {
        if (!guard)
            return;
        const QKeychain::Error e = kj->error();
        if (e != QKeychain::NoError && e != QKeychain::EntryNotFound) { // else: gone
            failJob(guard, *kj, [this](const QString &msg) { markUnavailable(msg); });
        }
        guard->finishLater();
    });
    kj->start();
    return job;
}

CredentialJob *CredentialStore::probe()
{
    auto *job = read(QStringLiteral("pharos-keychain-probe"));
    // A missing probe entry means the keychain answered: report success.
    connect(
        job, &CredentialJob::finished, job,
        [job] {
            if (job->error() == CredentialJob::Error::NotFound)
                job->setError(CredentialJob::Error::None, {});
        },
        Qt::DirectConnection);
    return job;
}

} // namespace pharos
