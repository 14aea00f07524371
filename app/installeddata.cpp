#include "app/installeddata.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pharos {

QString applicationId()
{
    return QStringLiteral(PHAROS_APP_ID);
}

QString installedDataDir(const QString &binDir)
{
    const QString bin = binDir.isEmpty() ? QCoreApplication::applicationDirPath() : binDir;
    if (bin.isEmpty())
        return {};
    // PHAROS_DATA_DIR_FROM_BIN: the installed data folder relative to the installed executable
    // ("../share/pharos"), so that any installation prefix works.
    const QFileInfo data(QDir(bin).filePath(QStringLiteral(PHAROS_DATA_DIR_FROM_BIN)));
    return data.isDir() ? data.canonicalFilePath() : QString();
}

namespace {

QString installedOr(const QString &binDir, const QString &subdir, const QString &resource)
{
    const QString data = installedDataDir(binDir);
    if (!data.isEmpty()) {
        const QFileInfo dir(QDir(data).filePath(subdir));
        if (dir.isDir())
            return dir.absoluteFilePath();
    }
    return resource;
}

} // namespace

QString bundledDashboardsDir(const QString &binDir)
{
    return installedOr(binDir, QStringLiteral("dashboards"), QStringLiteral(":/dashboards"));
}

QString translationsDir(const QString &binDir)
{
    return installedOr(binDir, QStringLiteral("translations"), QStringLiteral(":/i18n"));
}

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(
            QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(applicationId()),
            QSize(size, size));
    return icon;
}

} // namespace pharos
