#include "datasources/datasourcereply.h"

#include <QRunnable>
#include <QThreadPool>

namespace pharos {

DataSourceReply::DataSourceReply(QObject *parent) : QObject(parent) {}

DataSourceReply::~DataSourceReply()
{
    if (!m_finished)
        abort();
}

void DataSourceReply::abort()
{
    if (m_finished || m_aborted)
        return;
    m_aborted = true;
    m_error.kind = DataSourceError::Kind::Cancelled;
    if (m_abortHandler) {
        auto handler = std::move(m_abortHandler);
        m_abortHandler = nullptr;
        handler();
    }
}

void DataSourceReply::finish()
{
    if (m_finished || m_aborted)
        return;
    m_finished = true;
    m_abortHandler = nullptr;
    Q_EMIT finished();
}

void detail::releaseResult(QueryResult &result)
{
    QThreadPool *pool = QThreadPool::globalInstance(); // none during static destruction
    if (result.frames.size() >= BackgroundFreeFrames && pool)
        pool->start(QRunnable::create([r = std::move(result)]() mutable { r = QueryResult(); }));
}

} // namespace pharos
