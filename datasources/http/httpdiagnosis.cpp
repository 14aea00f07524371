#include "datasources/http/httpdiagnosis.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSslCertificate>

namespace pharos::httpdiagnosis {

using Kind = DataSourceError::Kind;

Kind classifySslErrors(const QList<QSslError> &errors, QString *detail)
{
    auto has = [&](std::initializer_list<QSslError::SslError> kinds) -> const QSslError * {
        for (const QSslError &e : errors) {
            for (QSslError::SslError k : kinds) {
                if (e.error() == k)
                    return &e;
            }
        }
        return nullptr;
    };
    if (const QSslError *e =
            has({QSslError::UnableToGetLocalIssuerCertificate, QSslError::SelfSignedCertificate,
                 QSslError::SelfSignedCertificateInChain, QSslError::UnableToVerifyFirstCertificate,
                 QSslError::UnableToGetIssuerCertificate, QSslError::CertificateUntrusted,
                 QSslError::CertificateRejected})) {
        *detail = e->errorString();
        return Kind::TlsUnknownCa;
    }
    if (const QSslError *e =
            has({QSslError::CertificateExpired, QSslError::CertificateNotYetValid})) {
        *detail = e->errorString();
        if (!e->certificate().isNull())
            *detail += QLatin1String(", ") + e->certificate().expiryDate().toString(Qt::ISODate);
        return Kind::TlsExpired;
    }
    if (const QSslError *e = has({QSslError::HostNameMismatch})) {
        *detail = e->errorString();
        if (!e->certificate().isNull()) {
            QStringList names = e->certificate().subjectAlternativeNames().values();
            names += e->certificate().subjectInfo(QSslCertificate::CommonName);
            names.removeDuplicates();
            names.removeAll(QString());
            if (!names.isEmpty())
                *detail += QLatin1String(": ") + names.join(QLatin1String(", "));
        }
        return Kind::TlsHostnameMismatch;
    }
    if (!errors.isEmpty())
        *detail = errors.first().errorString();
    return Kind::Tls;
}

DataSourceError transportError(const QNetworkReply &net, const QList<QSslError> &sslErrors,
                               const QString &address, const QString &host)
{
    DataSourceError e;
    const QNetworkReply::NetworkError netError = net.error();
    const bool https = net.url().scheme() == QLatin1String("https");
    switch (netError) {
    case QNetworkReply::ConnectionRefusedError:
        e.kind = Kind::ConnectionRefused;
        e.detail = address;
        break;
    case QNetworkReply::HostNotFoundError:
        e.kind = Kind::HostNotFound;
        e.detail = host;
        break;
    case QNetworkReply::TimeoutError:
        e.kind = Kind::Timeout;
        e.detail = address;
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError:
        e.kind =
            https && netError == QNetworkReply::SslHandshakeFailedError ? Kind::Tls : Kind::Network;
        e.detail = net.errorString();
        if (e.kind == Kind::Tls && !sslErrors.isEmpty()) {
            e.kind = classifySslErrors(sslErrors, &e.detail);
        } else if (e.kind == Kind::Tls || https) {
            const QString text = net.errorString();
            if (text.contains(QLatin1String("wrong version number"), Qt::CaseInsensitive) ||
                text.contains(QLatin1String("packet length too long"), Qt::CaseInsensitive) ||
                text.contains(QLatin1String("http request"), Qt::CaseInsensitive)) {
                e.kind = Kind::TlsToPlainPort;
                e.detail = address;
            }
        }
        break;
    default:
        e.kind = Kind::Network;
        e.detail = net.errorString();
        break;
    }
    if (netError == QNetworkReply::NoError) {
        e.kind = Kind::Network;
        e.detail = QCoreApplication::translate("pharos::HttpClient", "no HTTP answer from %1")
                       .arg(address);
    }
    return e;
}

DataSourceError statusError(
    int status, const QByteArray &body, const QByteArray &contentType, const QString &address,
    const QString &url,
    const std::function<DataSourceError(int, const QByteArray &, const QByteArray &)> &classify)
{
    DataSourceError e;
    const auto classified = [&] {
        return classify ? classify(status, body, contentType) : plainStatusError(status, body);
    };
    if (status == 400 && body.contains("Client sent an HTTP request to an HTTPS server")) {
        // Go's answer to plain HTTP on a TLS port.
        e.kind = Kind::HttpToTlsPort;
        e.detail = address;
    } else if (status == 401 || status == 403) {
        e.kind = Kind::Auth;
        e.detail = classified().detail;
    } else if (status == 404) {
        e.kind = Kind::NotFound;
        e.detail = url;
    } else {
        e = classified();
    }
    e.httpStatus = status;
    return e;
}

DataSourceError plainStatusError(int status, const QByteArray &body)
{
    DataSourceError e;
    e.kind = Kind::HttpStatus;
    e.httpStatus = status;
    QString text = QString::fromUtf8(body.left(300)).simplified();
    if (body.size() > 300)
        text += QChar(0x2026);
    e.detail = text;
    return e;
}

QString byteSize(qint64 bytes)
{
    int power = 0;
    for (qint64 b = bytes; b >= 1024 && power < 4; b /= 1024)
        ++power;
    const qint64 unit = qint64(1) << (10 * power);
    return QLocale().formattedDataSize(bytes, bytes % unit == 0 ? 0 : 1,
                                       QLocale::DataSizeTraditionalFormat);
}

} // namespace pharos::httpdiagnosis
