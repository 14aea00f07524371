#include "datasources/config/datasourcestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace pharos {

namespace {

QString filePath()
{
    return DataSourceStore::configDir() + QLatin1String("/datasources.json");
}

} // namespace

QString DataSourceStore::configDir()
{
    // GenericConfigLocation honours XDG_CONFIG_HOME (default ~/.config).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QLatin1String("/pharos");
}

namespace {

QString authName(HttpOptions::Auth a)
{
    switch (a) {
    case HttpOptions::Auth::Basic:
        return QStringLiteral("basic");
    case HttpOptions::Auth::Bearer:
        return QStringLiteral("bearer");
    case HttpOptions::Auth::None:
        break;
    }
    return QStringLiteral("none");
}

// The keys of the common settings and of the HTTP options. A version 1 file kept the type's
// settings beside them; whatever else an entry has is its jsonData.
const QStringList &commonKeys()
{
    static const QStringList keys{QStringLiteral("uid"),
                                  QStringLiteral("name"),
                                  QStringLiteral("type"),
                                  QStringLiteral("url"),
                                  QStringLiteral("isDefault"),
                                  QStringLiteral("provisioned"),
                                  QStringLiteral("secretRef"),
                                  QStringLiteral("secrets"),
                                  QStringLiteral("jsonData"),
                                  QStringLiteral("timeoutMs"),
                                  QStringLiteral("responseLimitBytes"),
                                  QStringLiteral("auth"),
                                  QStringLiteral("basicAuthUser"),
                                  QStringLiteral("headers"),
                                  QStringLiteral("tls")};
    return keys;
}

} // namespace

QJsonObject DataSourceStore::httpToJson(const HttpOptions &h)
{
    QJsonObject o{{QStringLiteral("timeoutMs"), h.timeoutMs},
                  {QStringLiteral("responseLimitBytes"), h.responseLimitBytes},
                  {QStringLiteral("auth"), authName(h.auth)}};
    if (!h.basicAuthUser.isEmpty())
        o.insert(QStringLiteral("basicAuthUser"), h.basicAuthUser);
    if (!h.headers.isEmpty()) {
        QJsonArray headers;
        for (const DataSourceHeader &header : h.headers) {
            QJsonObject ho{{QStringLiteral("name"), header.name}};
            if (header.secret)
                ho.insert(QStringLiteral("secret"), true);
            else
                ho.insert(QStringLiteral("value"), header.value);
            headers.append(ho);
        }
        o.insert(QStringLiteral("headers"), headers);
    }
    QJsonObject tls;
    if (!h.tlsCaFile.isEmpty())
        tls.insert(QStringLiteral("caFile"), h.tlsCaFile);
    if (!h.tlsClientCertFile.isEmpty())
        tls.insert(QStringLiteral("clientCertFile"), h.tlsClientCertFile);
    if (!h.tlsClientKeyFile.isEmpty())
        tls.insert(QStringLiteral("clientKeyFile"), h.tlsClientKeyFile);
    if (!h.tlsServerName.isEmpty())
        tls.insert(QStringLiteral("serverName"), h.tlsServerName);
    if (h.tlsSkipVerify)
        tls.insert(QStringLiteral("skipVerify"), true);
    if (!tls.isEmpty())
        o.insert(QStringLiteral("tls"), tls);
    return o;
}

HttpOptions DataSourceStore::httpFromJson(const QJsonObject &o)
{
    HttpOptions h;
    h.timeoutMs = o.value(QLatin1String("timeoutMs")).toInt(h.timeoutMs);
    h.responseLimitBytes = std::max<qint64>(
        0, o.value(QLatin1String("responseLimitBytes")).toInteger(h.responseLimitBytes));
    const QString auth = o.value(QLatin1String("auth")).toString();
    if (auth == QLatin1String("basic"))
        h.auth = HttpOptions::Auth::Basic;
    else if (auth == QLatin1String("bearer"))
        h.auth = HttpOptions::Auth::Bearer;
    h.basicAuthUser = o.value(QLatin1String("basicAuthUser")).toString();
    for (const QJsonValue &hv : o.value(QLatin1String("headers")).toArray()) {
        const QJsonObject ho = hv.toObject();
        DataSourceHeader header;
        header.name = ho.value(QLatin1String("name")).toString();
        header.secret = ho.value(QLatin1String("secret")).toBool(false);
        if (!header.secret)
            header.value = ho.value(QLatin1String("value")).toString();
        if (!header.name.isEmpty())
            h.headers << header;
    }
    const QJsonObject tls = o.value(QLatin1String("tls")).toObject();
    h.tlsCaFile = tls.value(QLatin1String("caFile")).toString();
    h.tlsClientCertFile = tls.value(QLatin1String("clientCertFile")).toString();
    h.tlsClientKeyFile = tls.value(QLatin1String("clientKeyFile")).toString();
    h.tlsServerName = tls.value(QLatin1String("serverName")).toString();
    h.tlsSkipVerify = tls.value(QLatin1String("skipVerify")).toBool(false);
    return h;
}

QJsonObject DataSourceStore::toJson(const DataSourceSettings &s)
{
    // Never store secrets: drop any user info from the URL.
    QUrl url = s.url;
    url.setUserInfo(QString());
    QJsonObject o{{QStringLiteral("uid"), s.uid},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("type"), s.type},
                  {QStringLiteral("url"), url.toString()},
                  {QStringLiteral("isDefault"), s.isDefault}};
    const QJsonObject http = httpToJson(s.http);
    for (auto it = http.begin(); it != http.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(QStringLiteral("jsonData"), s.jsonData);
    if (!s.secretNames.isEmpty()) {
        // Names and the keychain reference only; the values live in the keychain.
        o.insert(QStringLiteral("secretRef"), s.secretRef());
        o.insert(QStringLiteral("secrets"), QJsonArray::fromStringList(s.secretNames));
    }
    if (s.provisioned)
        o.insert(QStringLiteral("provisioned"), true);
    return o;
}

DataSourceSettings DataSourceStore::fromJson(const QJsonObject &o)
{
    DataSourceSettings s;
    s.uid = o.value(QLatin1String("uid")).toString();
    s.name = o.value(QLatin1String("name")).toString();
    s.type = o.value(QLatin1String("type")).toString(QStringLiteral("prometheus"));
    s.url = QUrl(o.value(QLatin1String("url")).toString());
    s.isDefault = o.value(QLatin1String("isDefault")).toBool(false);
    s.http = httpFromJson(o);
    if (o.contains(QLatin1String("jsonData"))) {
        s.jsonData = o.value(QLatin1String("jsonData")).toObject();
    } else {
        // Version 1: the type's settings sat beside the common ones.
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!commonKeys().contains(it.key()))
                s.jsonData.insert(it.key(), it.value());
        }
    }
    for (const QJsonValue &v : o.value(QLatin1String("secrets")).toArray()) {
        if (!v.toString().isEmpty())
            s.secretNames << v.toString();
    }
    s.provisioned = o.value(QLatin1String("provisioned")).toBool(false);
    return s;
}

void DataSourceStore::normaliseDefaults(QList<DataSourceSettings> *sources)
{
    bool found = false;
    for (DataSourceSettings &s : *sources) {
        if (s.isDefault && !found)
            found = true;
        else
            s.isDefault = false;
    }
    if (!found && !sources->isEmpty())
        sources->first().isDefault = true;
}

void DataSourceStore::setDefault(QList<DataSourceSettings> *sources, const QString &name)
{
    for (DataSourceSettings &s : *sources)
        s.isDefault = s.name == name;
    normaliseDefaults(sources);
}

qsizetype DataSourceStore::indexOf(const QList<DataSourceSettings> &sources, const QString &name)
{
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (sources.at(i).name == name)
            return i;
    }
    return -1;
}

QString DataSourceStore::makeUid(const QList<DataSourceSettings> &sources, const QString &name)
{
    QString base;
    for (const QChar c : name.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            base += c;
        else if (!base.isEmpty() && !base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("datasource");
    auto taken = [&](const QString &uid) {
        return std::any_of(sources.begin(), sources.end(),
                           [&](const DataSourceSettings &s) { return s.uid == uid; });
    };
    QString uid = base;
    for (int n = 2; taken(uid); ++n)
        uid = base + QLatin1Char('-') + QString::number(n);
    return uid;
}

QList<DataSourceSettings> DataSourceStore::load()
{
    QList<DataSourceSettings> list;
    QFile f(filePath());
    if (!f.open(QIODevice::ReadOnly))
        return list;
    const QJsonArray arr =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("datasources")).toArray();
    for (const QJsonValue &v : arr) {
        DataSourceSettings s = fromJson(v.toObject());
        if (s.name.isEmpty() && !s.url.isValid())
            continue;
        list << s;
    }
    return list;
}

bool DataSourceStore::save(const QList<DataSourceSettings> &sourcesIn, QString *error)
{
    QList<DataSourceSettings> sources = sourcesIn;
    normaliseDefaults(&sources);
    QJsonArray arr;
    for (const DataSourceSettings &s : std::as_const(sources))
        arr.append(toJson(s));
    const QJsonObject root{{QStringLiteral("version"), 2}, {QStringLiteral("datasources"), arr}};
    if (!QDir().mkpath(configDir())) {
        if (error)
            *error = QCoreApplication::translate("pharos::DataSourceStore",
                                                 "Cannot create the directory %1.")
                         .arg(configDir());
        return false;
    }
    QSaveFile f(filePath());
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("pharos::DataSourceStore", "Cannot write %1: %2")
                         .arg(filePath(), f.errorString());
        return false;
    }
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = QCoreApplication::translate("pharos::DataSourceStore", "Cannot write %1: %2")
                         .arg(filePath(), f.errorString());
        return false;
    }
    return true;
}

} // namespace pharos
