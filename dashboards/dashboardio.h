#pragma once

#include "dashboard.h"

#include <QString>
#include <optional>

namespace pharos {

/// Reads and parses a dashboard file. On failure returns nullopt and a translated *error
/// that names the file.
std::optional<Dashboard> loadDashboardFile(const QString &path, QString *error = nullptr);

/// Writes the dashboard as indented JSON, atomically (QSaveFile): the old file stays intact
/// if anything fails. Returns false with a translated *error naming the file.
bool saveDashboardFile(const QString &path, const Dashboard &dashboard, QString *error = nullptr);

} // namespace pharos
