#pragma once

// The pharos.panels logging category: info and warnings shown, debug messages only with
// `pharos --verbose` (or QT_LOGGING_RULES).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPanels)
