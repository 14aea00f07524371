#pragma once

#include "datasources/datasourceerror.h"
#include "datasources/frame.h"

#include <QObject>
#include <functional>
#include <utility>

namespace pharos {

/// The asynchronous answer to one request. Emits `finished()` exactly once, on the thread
/// that made the request, unless aborted first. The caller owns the reply: delete it
/// (deleteLater is fine) when done. Deleting or aborting an unfinished reply cancels the
/// request and no signal follows.
///
/// A reply carries its error; what it answers is in its typed subclass (TypedReply<T>).
class DataSourceReply : public QObject
{
    Q_OBJECT
public:
    explicit DataSourceReply(QObject *parent = nullptr);
    ~DataSourceReply() override;

    void abort();
    bool isFinished() const { return m_finished; }
    bool isAborted() const { return m_aborted; }

    const DataSourceError &error() const { return m_error; }

    // For implementations: fill in the result (or the error), then call finish() once.
    void setError(const DataSourceError &error) { m_error = error; }
    void setAbortHandler(std::function<void()> handler) { m_abortHandler = std::move(handler); }
    void finish();

Q_SIGNALS:
    void finished();

private:
    bool m_finished = false;
    bool m_aborted = false;
    DataSourceError m_error;
    std::function<void()> m_abortHandler;
};

namespace detail {
/// What a reply does with its result when it goes. Large query results are freed on a worker
/// thread (datasources/frame.h, BackgroundFreeFrames); everything else inline.
template <typename T> void releaseResult(T &) {}
void releaseResult(QueryResult &result);
} // namespace detail

/// A reply whose answer is a T: a QueryResult, a list of strings, a list of label sets, ...
/// The capability interfaces (datasources/capabilities/) name one alias per answer.
template <typename T> class TypedReply : public DataSourceReply
{
public:
    using Result = T;
    explicit TypedReply(QObject *parent = nullptr) : DataSourceReply(parent) {}
    ~TypedReply() override { detail::releaseResult(m_result); }

    const T &result() const { return m_result; }
    void setResult(T result) { m_result = std::move(result); }

private:
    T m_result{};
};

} // namespace pharos
