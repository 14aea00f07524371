#include "dashboards/query/paneldata.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace pharos {

std::shared_ptr<PanelData> makePanelData()
{
    return std::shared_ptr<PanelData>(new PanelData, [](PanelData *d) {
        size_t frames = 0;
        for (const TargetResult &t : d->targets)
            frames += t.result.frames.size();
        // The global pool is gone only during static destruction: then free here.
        QThreadPool *pool = QThreadPool::globalInstance();
        if (frames >= BackgroundFreeFrames && pool)
            pool->start([d] { delete d; });
        else
            delete d;
    });
}

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
        if (!t.error.isError() || t.error.kind == DataSourceError::Kind::Cancelled)
            continue;
        QString text = t.error.message();
        if (t.retryInMs > 0)
            text = QCoreApplication::translate("pharos::PanelData", "%1 (retrying in %2 s)")
                       .arg(text)
                       .arg((t.retryInMs + 999) / 1000);
        lines << (t.refId.isEmpty() ? text : t.refId + QLatin1String(": ") + text);
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
