#include "app/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace pharos {

namespace {
const char *const RecentKey = "recentFiles";
} // namespace

QStringList recentFiles(const QString &settingsPath)
{
    QSettings settings(settingsPath, QSettings::IniFormat);
    return settings.value(QLatin1String(RecentKey)).toStringList();
}

void addRecentFile(const QString &settingsPath, const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings settings(settingsPath, QSettings::IniFormat);
    QStringList list = settings.value(QLatin1String(RecentKey)).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxRecentFiles)
        list.removeLast();
    settings.setValue(QLatin1String(RecentKey), list);
}

void clearRecentFiles(const QString &settingsPath)
{
    QSettings settings(settingsPath, QSettings::IniFormat);
    settings.remove(QLatin1String(RecentKey));
}

} // namespace pharos
