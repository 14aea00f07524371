#include "dashboards/grafana/importer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace pharos {

std::optional<ImportSource> readImportSource(const QString &path, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<ImportSource> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("pharos::Importer", "Cannot open %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(QCoreApplication::translate("pharos::Importer", "Cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    QString parseError;
    const auto parsed = Dashboard::fromJson(bytes, &parseError);
    if (!parsed)
        return fail(QCoreApplication::translate("pharos::Importer", "%1: %2")
                        .arg(QDir::toNativeSeparators(path), parseError));
    ImportSource source;
    source.json = parsed->toJson();
    source.inputs = dashboardInputs(source.json);
    return source;
}

std::optional<ImportResult> importDashboard(const ImportSource &source,
                                            const QHash<QString, QString> &inputValues,
                                            const QString &defaultDataSource,
                                            const MigrationOptions &options, QString *error)
{
    QJsonObject json = source.json;
    const QStringList unresolved = applyImportInputs(&json, inputValues, defaultDataSource);
    MigrationResult migrated = migrateDashboard(json, options);
    QString why;
    auto dashboard = Dashboard::fromObject(migrated.dashboard, &why);
    if (!dashboard) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    ImportResult result{*dashboard, migrated.report, unresolved};
    return result;
}

} // namespace pharos
