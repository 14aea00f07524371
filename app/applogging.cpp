#include "app/applogging.h"

Q_LOGGING_CATEGORY(lcApp, "pharos.app", QtInfoMsg)

namespace pharos {

void enableVerboseLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("pharos.*.debug=true"));
    qCDebug(lcApp, "verbose logging on");
}

} // namespace pharos
