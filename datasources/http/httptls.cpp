#include "datasources/http/httptls.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace pharos {

QSslConfiguration tlsConfiguration(const HttpOptions &s, const DataSourceSecrets &secrets,
                                   QString *error)
{
    error->clear();
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    auto readFile = [error](const QString &path, const QString &what) -> QByteArray {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error->isEmpty())
                *error = QCoreApplication::translate("pharos::HttpClient",
                                                     "cannot read the %1 file %2: %3")
                             .arg(what, path, f.errorString());
            return {};
        }
        return f.readAll();
    };
    QByteArray caPem = secrets.value(QLatin1String(SecretName::TlsCaCert)).toUtf8();
    if (!s.tlsCaFile.isEmpty())
        caPem += '\n' + readFile(s.tlsCaFile, QCoreApplication::translate("pharos::HttpClient",
                                                                          "CA certificate"));
    if (!caPem.trimmed().isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (cas.isEmpty() && error->isEmpty())
            *error = QCoreApplication::translate("pharos::HttpClient",
                                                 "the CA certificate is not a PEM certificate");
        conf.addCaCertificates(cas);
    }
    QByteArray certPem = secrets.value(QLatin1String(SecretName::TlsClientCert)).toUtf8();
    if (certPem.isEmpty() && !s.tlsClientCertFile.isEmpty())
        certPem = readFile(s.tlsClientCertFile,
                           QCoreApplication::translate("pharos::HttpClient", "client certificate"));
    QByteArray keyPem = secrets.value(QLatin1String(SecretName::TlsClientKey)).toUtf8();
    if (keyPem.isEmpty() && !s.tlsClientKeyFile.isEmpty())
        keyPem = readFile(s.tlsClientKeyFile,
                          QCoreApplication::translate("pharos::HttpClient", "client key"));
    if (!certPem.isEmpty() || !keyPem.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromData(certPem, QSsl::Pem);
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Opaque, QSsl::Pem);
        if (certs.isEmpty() && error->isEmpty())
            *error = QCoreApplication::translate(
                "pharos::HttpClient", "the client certificate is missing or not a PEM certificate");
        else if (key.isNull() && error->isEmpty())
            *error = QCoreApplication::translate(
                "pharos::HttpClient", "the client key is missing or not a PEM private key");
        if (!certs.isEmpty()) {
            conf.setLocalCertificate(certs.first());
            if (certs.size() > 1)
                conf.addCaCertificates(certs.mid(1));
        }
        if (!key.isNull())
            conf.setPrivateKey(key);
    }
    if (s.tlsSkipVerify)
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    return conf;
}

} // namespace pharos
