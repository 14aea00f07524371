#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "pharos.app", QtInfoMsg)

namespace pharos {

void enableVerboseLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("pharos.*.debug=true"));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    qCDebug(lcApp, "verbose logging on");
}

} // namespace pharos
