#pragma once

#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/model/dashboard.h"

#include <QString>
#include <optional>

namespace pharos {

/// Reads and parses a dashboard file and migrates it to the current schema in memory (the
/// file itself is not touched until saved). On failure returns nullopt and a translated
/// *error that names the file. *report, when given, receives what the migration did.
std::optional<Dashboard> loadDashboardFile(const QString &path, QString *error = nullptr,
                                           ImportReport *report = nullptr);

/// Writes the dashboard as indented JSON, atomically (QSaveFile): the old file stays intact
/// if anything fails. Returns false with a translated *error naming the file.
bool saveDashboardFile(const QString &path, const Dashboard &dashboard, QString *error = nullptr);

/// What loadDashboardFile() does after reading the file: parse and migrate `json`. *error
/// (translated) does not name a file.
std::optional<Dashboard> loadDashboardJson(const QByteArray &json, QString *error = nullptr,
                                           ImportReport *report = nullptr);
/// The bytes saveDashboardFile() writes: the document as indented JSON.
QByteArray dashboardFileBytes(const Dashboard &dashboard);

} // namespace pharos
