#pragma once

// The recent-files list of the settings file (`recentFiles`, newest first, at most
// MaxRecentFiles absolute paths). QtCore only.

#include <QString>
#include <QStringList>

namespace pharos {

inline constexpr int MaxRecentFiles = 10;

/// The list in the settings file `settingsPath`.
QStringList recentFiles(const QString &settingsPath);
/// Puts `path` (made absolute) first, dropping an older entry of it and the oldest beyond
/// MaxRecentFiles.
void addRecentFile(const QString &settingsPath, const QString &path);
void clearRecentFiles(const QString &settingsPath);

} // namespace pharos
