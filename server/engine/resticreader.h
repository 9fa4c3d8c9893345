#pragma once

#include <optional>
#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QStringList>

class ResticRepository;

// Runs one read-only restic command (ls, dump, diff) and hands its standard output on as it comes: JSON lines
// one by one, or raw bytes for dump. The caller holds the repository gate shared for as long as it runs, so the
// command runs with --no-lock (nothing in tidemarkd can forget or prune meanwhile, and a reader stopped half-way
// leaves no lock behind). Emits finished() exactly once, from the event loop.
class ResticReader : public QObject
{
    Q_OBJECT

public:
    enum class Output { Lines, Bytes };

    ResticReader(
        const ResticRepository& repository, const QStringList& arguments, Output output, QObject* parent = nullptr);
    ~ResticReader() override;

    void start();
    // Stops restic (SIGINT, then SIGKILL after a few seconds); finished() follows with ok = false.
    void stop();
    // Holds restic's output back until resumeOutput() (a client that reads slowly): its pipe is no longer read, so
    // restic waits when the pipe is full and nothing piles up in tidemarkd.
    void pauseOutput();
    void resumeOutput();

signals:
    void line(const QByteArray& line);
    void bytes(const QByteArray& data);
    // `error`: restic's diagnostics when it failed, for the answer's message (never a path of the server's own).
    void finished(bool ok, const QString& error);

private:
    void readOutput();
    // Emits finished() once restic has exited and its output has been read to the end.
    void finishIfDone();

    QProcess m_process;
    // restic's standard output: a pipe of our own rather than QProcess's, which QProcess would read without end.
    int m_outputFd = -1;
    int m_childOutputFd = -1;
    QSocketNotifier* m_outputNotifier = nullptr;
    bool m_outputEnded = false;
    std::optional<std::pair<int, QProcess::ExitStatus>> m_exit;
    Output m_output;
    QByteArray m_partial;
    QByteArray m_stderr;
    bool m_done = false;
    bool m_paused = false;
};
