#include "datasources/datasourcelogging.h"

#include <QMetaEnum>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

Q_LOGGING_CATEGORY(lcDataSources, "pharos.datasources", QtInfoMsg)

namespace pharos {

bool isSecretName(const QString &name)
{
    static const char *const parts[] = {"token", "secret",     "passw",     "pwd",     "key",
                                        "auth",  "credential", "signature", "session", "cookie"};
    const QString n = name.trimmed().toLower();
    for (const char *p : parts) {
        if (n.contains(QLatin1String(p)))
            return true;
    }
    return n == QLatin1String("sig") || n == QLatin1String("pass");
}

QString redactedUrl(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (u.hasQuery()) {
        QStringList items = u.query(QUrl::FullyEncoded).split(QLatin1Char('&'));
        for (QString &item : items) {
            const qsizetype eq = item.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? item : item.left(eq);
            if (isSecretName(QUrl::fromPercentEncoding(key.toLatin1())))
                item = key + QLatin1String("=REDACTED");
        }
        u.setQuery(items.join(QLatin1Char('&')), QUrl::StrictMode);
    }
    return u.toString();
}

namespace {

QString method(const QNetworkReply &reply)
{
    switch (reply.operation()) {
    case QNetworkAccessManager::HeadOperation:
        return QStringLiteral("HEAD");
    case QNetworkAccessManager::GetOperation:
        return QStringLiteral("GET");
    case QNetworkAccessManager::PutOperation:
        return QStringLiteral("PUT");
    case QNetworkAccessManager::PostOperation:
        return QStringLiteral("POST");
    case QNetworkAccessManager::DeleteOperation:
        return QStringLiteral("DELETE");
    case QNetworkAccessManager::CustomOperation:
        return QString::fromLatin1(
            reply.request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return QStringLiteral("?");
}

// A transport error text with every form of the URLs involved replaced by the logged form
// (Qt's texts may quote the URL, which may carry user info).
QString scrubbed(QString text, const QList<QUrl> &urls)
{
    for (const QUrl &url : urls) {
        if (url.isEmpty())
            continue;
        const QString safe = redactedUrl(url);
        for (const QString &form : {url.toString(), url.toString(QUrl::FullyEncoded),
                                    url.toDisplayString(), url.toString(QUrl::RemovePassword)}) {
            if (!form.isEmpty() && form != safe)
                text.replace(form, safe);
        }
        for (const QString &secret : {url.password(), url.userName()}) {
            if (secret.size() >= 3)
                text.replace(secret, QStringLiteral("REDACTED"));
        }
    }
    return text;
}

} // namespace

void logHttpRequest(const QNetworkReply &reply, qint64 elapsedMs, qint64 bytes, bool timedOut,
                    bool aborted)
{
    if (!lcDataSources().isDebugEnabled())
        return;
    const QUrl requested = reply.request().url();
    QString line =
        method(reply) + QLatin1Char(' ') + redactedUrl(requested) + QLatin1String(" -> ");
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut) {
        line += QLatin1String("timed out");
    } else if (aborted) {
        line += QLatin1String("aborted");
    } else if (status > 0) {
        line += QString::number(status);
        const QString reason = QString::fromLatin1(
            reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        if (!reason.isEmpty())
            line += QLatin1Char(' ') + reason;
    } else {
        const QNetworkReply::NetworkError error = reply.error();
        line += QLatin1String("network error ") +
                QString::fromLatin1(
                    QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error)) +
                QLatin1String(" (") + scrubbed(reply.errorString(), {requested, reply.url()}) +
                QLatin1Char(')');
    }
    line += QStringLiteral(", %1 bytes, %2 ms").arg(bytes).arg(elapsedMs);
    if (reply.url() != requested)
        line += QLatin1String(", redirected to ") + redactedUrl(reply.url());
    QStringList names;
    for (const QByteArray &h : reply.request().rawHeaderList())
        names << QString::fromLatin1(h);
    if (!names.isEmpty())
        line += QLatin1String(" [headers: ") + names.join(QLatin1String(", ")) + QLatin1Char(']');
    qCDebug(lcDataSources).noquote() << line;
}

} // namespace pharos
