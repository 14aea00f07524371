#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <memory>
#include <utility>

namespace pharos {

/// Runs `work()` on the global thread pool and calls `done(result)` on `context`'s thread
/// once it returns. When `context` is destroyed first, the result is dropped (the work
/// itself runs to its end). `work` must not touch objects that live on the UI thread.
template <typename T, typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    auto promise = std::make_shared<QPromise<T>>();
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> future = watcher->future();
                         if (future.resultCount() > 0)
                             done(future.result());
                     });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace pharos
