#pragma once

// The pharos.app logging category, and `--verbose`.
//
// Every library has one category: pharos.datasources (datasources/datasourcelogging.h, with
// the HTTP request log), pharos.dashboards, pharos.panels and pharos.app. Info and warnings
// are shown; debug messages only after enableVerboseLogging() or through QT_LOGGING_RULES
// (which takes precedence, e.g. QT_LOGGING_RULES="pharos.panels.debug=false").

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace pharos {

/// `--verbose`: turns on the debug level of every pharos.* category. Messages go to stderr
/// with Qt's default pattern, "category: message" (QT_MESSAGE_PATTERN changes it).
void enableVerboseLogging();

} // namespace pharos
