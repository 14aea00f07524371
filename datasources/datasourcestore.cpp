#include "datasourcestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

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

QList<DataSourceSettings> DataSourceStore::load()
{
    QList<DataSourceSettings> list;
    QFile f(filePath());
    if (!f.open(QIODevice::ReadOnly))
        return list;
    const QJsonArray arr =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("datasources")).toArray();
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        DataSourceSettings s;
        s.uid = o.value(QLatin1String("uid")).toString();
        s.name = o.value(QLatin1String("name")).toString();
        s.type = o.value(QLatin1String("type")).toString(QStringLiteral("prometheus"));
        s.url = QUrl(o.value(QLatin1String("url")).toString());
        s.timeoutMs = o.value(QLatin1String("timeoutMs")).toInt(s.timeoutMs);
        s.scrapeIntervalMs = o.value(QLatin1String("scrapeIntervalMs")).toInt(s.scrapeIntervalMs);
        s.isDefault = o.value(QLatin1String("isDefault")).toBool(false);
        if (s.name.isEmpty() && !s.url.isValid())
            continue;
        list << s;
    }
    return list;
}

bool DataSourceStore::save(const QList<DataSourceSettings> &sources, QString *error)
{
    QJsonArray arr;
    for (const DataSourceSettings &s : sources) {
        // Never store secrets: drop any user info from the URL.
        QUrl url = s.url;
        url.setUserInfo(QString());
        arr.append(QJsonObject{{QStringLiteral("uid"), s.uid},
                               {QStringLiteral("name"), s.name},
                               {QStringLiteral("type"), s.type},
                               {QStringLiteral("url"), url.toString()},
                               {QStringLiteral("timeoutMs"), s.timeoutMs},
                               {QStringLiteral("scrapeIntervalMs"), s.scrapeIntervalMs},
                               {QStringLiteral("isDefault"), s.isDefault}});
    }
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
