#include "paneldata.h"

namespace pharos {

bool PanelData::hasError() const
{
    for (const TargetResult &t : targets) {
        if (t.error.isError() && t.error.kind != DataSourceError::Kind::Cancelled)
            return true;
    }
    return false;
}

QString PanelData::errorMessage() const
{
    QStringList lines;
    for (const TargetResult &t : targets) {
        if (t.error.isError() && t.error.kind != DataSourceError::Kind::Cancelled)
            lines << (t.refId.isEmpty() ? t.error.message()
                                        : t.refId + QLatin1String(": ") + t.error.message());
    }
    return lines.join(QLatin1Char('\n'));
}

bool PanelData::isEmpty() const
{
    for (const TargetResult &t : targets) {
        if (t.result.sampleCount() > 0)
            return false;
    }
    return true;
}

} // namespace pharos
