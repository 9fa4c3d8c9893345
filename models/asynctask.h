#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>
#include <utility>

// Runs work on the global thread pool and hands its result to a callback on the context's thread
// (KeePassXC's AsyncTask::runThenCallback). The watcher is a child of the context, so when the context
// is destroyed first the callback is dropped with it; the task itself must therefore capture values only.
namespace AsyncTask {

template<typename Task, typename Callback>
void runThenCallback(Task task, QObject* context, Callback callback)
{
    using Result = std::invoke_result_t<Task>;
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, watcher, [watcher, callback = std::move(callback)]() mutable {
            callback(watcher->result());
            watcher->deleteLater();
        });
    watcher->setFuture(QtConcurrent::run(std::move(task)));
}

} // namespace AsyncTask
