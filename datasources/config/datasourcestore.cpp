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

QString methodName(DataSourceSettings::HttpMethod m)
{
    return m == DataSourceSettings::HttpMethod::Get ? QStringLiteral("GET")
                                                    : QStringLiteral("POST");
}

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

} // namespace

QJsonObject DataSourceStore::toJson(const DataSourceSettings &s)
{
    // Never store secrets: drop any user info from the URL.
    QUrl url = s.url;
    url.setUserInfo(QString());
    QJsonObject o{{QStringLiteral("uid"), s.uid},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("type"), s.type},
                  {QStringLiteral("kind"), dataSourceKindName(s.kind)},
                  {QStringLiteral("url"), url.toString()},
                  {QStringLiteral("httpMethod"), methodName(s.httpMethod)},
                  {QStringLiteral("timeoutMs"), s.http.timeoutMs},
                  {QStringLiteral("scrapeIntervalMs"), s.scrapeIntervalMs},
                  {QStringLiteral("seriesLimit"), s.seriesLimit},
                  {QStringLiteral("responseLimitBytes"), s.http.responseLimitBytes},
                  {QStringLiteral("isDefault"), s.isDefault}};
    if (!s.customQueryParameters.isEmpty())
        o.insert(QStringLiteral("customQueryParameters"), s.customQueryParameters);
    if (!s.pathPrefix.isEmpty())
        o.insert(QStringLiteral("pathPrefix"), s.pathPrefix);
    if (!s.tenantId.isEmpty())
        o.insert(QStringLiteral("tenantId"), s.tenantId);
    if (s.kind == DataSourceKind::Thanos) {
        o.insert(QStringLiteral("thanosPartialResponse"), s.thanosPartialResponse);
        o.insert(QStringLiteral("thanosDedup"), s.thanosDedup);
    }
    o.insert(QStringLiteral("auth"), authName(s.http.auth));
    if (!s.http.basicAuthUser.isEmpty())
        o.insert(QStringLiteral("basicAuthUser"), s.http.basicAuthUser);
    if (!s.http.headers.isEmpty()) {
        QJsonArray headers;
        for (const DataSourceHeader &h : s.http.headers) {
            QJsonObject ho{{QStringLiteral("name"), h.name}};
            if (h.secret)
                ho.insert(QStringLiteral("secret"), true);
            else
                ho.insert(QStringLiteral("value"), h.value);
            headers.append(ho);
        }
        o.insert(QStringLiteral("headers"), headers);
    }
    QJsonObject tls;
    if (!s.http.tlsCaFile.isEmpty())
        tls.insert(QStringLiteral("caFile"), s.http.tlsCaFile);
    if (!s.http.tlsClientCertFile.isEmpty())
        tls.insert(QStringLiteral("clientCertFile"), s.http.tlsClientCertFile);
    if (!s.http.tlsClientKeyFile.isEmpty())
        tls.insert(QStringLiteral("clientKeyFile"), s.http.tlsClientKeyFile);
    if (!s.http.tlsServerName.isEmpty())
        tls.insert(QStringLiteral("serverName"), s.http.tlsServerName);
    if (s.http.tlsSkipVerify)
        tls.insert(QStringLiteral("skipVerify"), true);
    if (!tls.isEmpty())
        o.insert(QStringLiteral("tls"), tls);
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
    dataSourceKindFromName(o.value(QLatin1String("kind")).toString(), &s.kind);
    s.url = QUrl(o.value(QLatin1String("url")).toString());
    if (o.value(QLatin1String("httpMethod"))
            .toString()
            .compare(QLatin1String("GET"), Qt::CaseInsensitive) == 0)
        s.httpMethod = DataSourceSettings::HttpMethod::Get;
    s.http.timeoutMs = o.value(QLatin1String("timeoutMs")).toInt(s.http.timeoutMs);
    s.scrapeIntervalMs = o.value(QLatin1String("scrapeIntervalMs")).toInt(s.scrapeIntervalMs);
    s.seriesLimit = o.value(QLatin1String("seriesLimit")).toInt(s.seriesLimit);
    s.http.responseLimitBytes = std::max<qint64>(
        0, o.value(QLatin1String("responseLimitBytes")).toInteger(s.http.responseLimitBytes));
    s.isDefault = o.value(QLatin1String("isDefault")).toBool(false);
    s.customQueryParameters = o.value(QLatin1String("customQueryParameters")).toString();
    s.pathPrefix = o.value(QLatin1String("pathPrefix")).toString();
    s.tenantId = o.value(QLatin1String("tenantId")).toString();
    s.thanosPartialResponse =
        o.value(QLatin1String("thanosPartialResponse")).toBool(s.thanosPartialResponse);
    s.thanosDedup = o.value(QLatin1String("thanosDedup")).toBool(s.thanosDedup);
    const QString auth = o.value(QLatin1String("auth")).toString();
    if (auth == QLatin1String("basic"))
        s.http.auth = HttpOptions::Auth::Basic;
    else if (auth == QLatin1String("bearer"))
        s.http.auth = HttpOptions::Auth::Bearer;
    s.http.basicAuthUser = o.value(QLatin1String("basicAuthUser")).toString();
    for (const QJsonValue &hv : o.value(QLatin1String("headers")).toArray()) {
        const QJsonObject ho = hv.toObject();
        DataSourceHeader h;
        h.name = ho.value(QLatin1String("name")).toString();
        h.secret = ho.value(QLatin1String("secret")).toBool(false);
        if (!h.secret)
            h.value = ho.value(QLatin1String("value")).toString();
        if (!h.name.isEmpty())
            s.http.headers << h;
    }
    const QJsonObject tls = o.value(QLatin1String("tls")).toObject();
    s.http.tlsCaFile = tls.value(QLatin1String("caFile")).toString();
    s.http.tlsClientCertFile = tls.value(QLatin1String("clientCertFile")).toString();
    s.http.tlsClientKeyFile = tls.value(QLatin1String("clientKeyFile")).toString();
    s.http.tlsServerName = tls.value(QLatin1String("serverName")).toString();
    s.http.tlsSkipVerify = tls.value(QLatin1String("skipVerify")).toBool(false);
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
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("datasources"), arr}};
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
