#include "dashboards/model/dashboardio.h"

#include "dashboards/dashboardlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace pharos {

std::optional<Dashboard> loadDashboardFile(const QString &path, QString *error,
                                           ImportReport *report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("pharos::DashboardIO", "Cannot open %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QCoreApplication::translate("pharos::DashboardIO", "Cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QString parseError;
    auto dashboard = loadDashboardJson(bytes, &parseError, report);
    if (!dashboard) {
        if (error)
            *error = QCoreApplication::translate("pharos::DashboardIO", "%1: %2")
                         .arg(QDir::toNativeSeparators(path), parseError);
        return std::nullopt;
    }
    qCDebug(lcDashboards, "loaded %s, schema %d", qPrintable(QDir::toNativeSeparators(path)),
            dashboard->schemaVersion());
    return dashboard;
}

std::optional<Dashboard> loadDashboardJson(const QByteArray &json, QString *error,
                                           ImportReport *report)
{
    auto dashboard = Dashboard::fromJson(json, error);
    if (!dashboard)
        return std::nullopt;
    MigrationResult migrated = migrateDashboard(dashboard->toJson());
    if (report)
        *report = migrated.report;
    if (migrated.changed)
        qCDebug(lcDashboards, "migrated from schema %d", dashboard->schemaVersion());
    if (!migrated.changed)
        return dashboard;
    return Dashboard::fromObject(migrated.dashboard, error);
}

QByteArray dashboardFileBytes(const Dashboard &dashboard)
{
    return QJsonDocument(dashboard.toJson()).toJson(QJsonDocument::Indented);
}

bool saveDashboardFile(const QString &path, const Dashboard &dashboard, QString *error)
{
    QSaveFile file(path);
    auto fail = [&](const QString &what) {
        if (error)
            *error = what.arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("pharos::DashboardIO", "Cannot write %1: %2"));
    const QByteArray bytes = dashboardFileBytes(dashboard);
    if (file.write(bytes) != bytes.size())
        return fail(QCoreApplication::translate("pharos::DashboardIO", "Cannot write %1: %2"));
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("pharos::DashboardIO", "Cannot save %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace pharos
