#include "resticreader.h"

#include "resticrepository.h"

#include <cerrno>
#include <fcntl.h>
#include <QPointer>
#include <QTimer>
#include <signal.h>
#include <unistd.h>

namespace {
constexpr qint64 kMaxStderrBytes = 64 * 1024;
constexpr qint64 kReadChunkBytes = 256 * 1024;
} // namespace

ResticReader::ResticReader(
    const ResticRepository& repository, const QStringList& arguments, Output output, QObject* parent)
    : QObject(parent)
    , m_output(output)
{
    m_process.setProgram(repository.settings().program);
    // Not --quiet: restic 0.14 then leaves out the change lines of `diff --json`.
    m_process.setArguments(QStringList {QStringLiteral("--no-lock")} + arguments);
    m_process.setProcessEnvironment(repository.environment());
    m_process.setWorkingDirectory(QStringLiteral("/"));
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) == 0) {
        m_outputFd = fds[0];
        m_childOutputFd = fds[1];
        ::fcntl(m_outputFd, F_SETFL, ::fcntl(m_outputFd, F_GETFL) | O_NONBLOCK);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        // Runs in the child after QProcess has set up its channels: the pipe's end becomes restic's stdout.
        const int childFd = m_childOutputFd;
        m_process.setChildProcessModifier([childFd] { ::dup2(childFd, STDOUT_FILENO); });
        m_outputNotifier = new QSocketNotifier(m_outputFd, QSocketNotifier::Read, this);
        m_outputNotifier->setEnabled(false);
        connect(m_outputNotifier, &QSocketNotifier::activated, this, &ResticReader::readOutput);
    } else {
        m_outputEnded = true; // finished() reports the failure below
    }
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray more = m_process.readAllStandardError();
        if (m_stderr.size() < kMaxStderrBytes)
            m_stderr += more.left(kMaxStderrBytes - m_stderr.size());
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_exit = std::pair {exitCode, status};
        // What is still in the pipe is read (as the client takes it) before finished() is emitted.
        readOutput();
        finishIfDone();
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || m_done)
            return;
        m_done = true;
        QTimer::singleShot(0, this, [this] { emit finished(false, tr("restic could not be started")); });
    });
}

ResticReader::~ResticReader()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_done = true;
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    if (m_outputFd >= 0)
        ::close(m_outputFd);
    if (m_childOutputFd >= 0)
        ::close(m_childOutputFd);
}

void ResticReader::start()
{
    if (m_outputFd < 0) {
        m_done = true;
        QTimer::singleShot(0, this, [this] { emit finished(false, tr("restic's output could not be read")); });
        return;
    }
    m_process.start(QIODevice::ReadOnly);
    // The child has its copy (or none, if it did not start): ours must go, or the pipe would never end.
    ::close(m_childOutputFd);
    m_childOutputFd = -1;
    m_outputNotifier->setEnabled(!m_paused);
}

void ResticReader::finishIfDone()
{
    if (!m_exit || !m_outputEnded || m_done)
        return;
    if (m_output == Output::Lines && !m_partial.trimmed().isEmpty())
        emit line(m_partial);
    m_partial.clear();
    m_done = true;
    const auto [exitCode, status] = *m_exit;
    const bool ok = status == QProcess::NormalExit && exitCode == 0;
    QString error;
    if (!ok) {
        // restic's last words, without the usage text it adds to some errors.
        const QStringList lines = QString::fromUtf8(m_stderr).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        error = lines.isEmpty() ? tr("restic stopped (exit status %1)").arg(exitCode) : lines.first().trimmed();
    }
    emit finished(ok, error);
}

void ResticReader::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGINT);
    QTimer::singleShot(3000, this, [this] {
        if (m_process.state() != QProcess::NotRunning)
            m_process.kill();
    });
}

void ResticReader::pauseOutput()
{
    m_paused = true;
    if (m_outputNotifier)
        m_outputNotifier->setEnabled(false);
}

void ResticReader::resumeOutput()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_outputNotifier && !m_outputEnded)
        m_outputNotifier->setEnabled(true);
    readOutput();
    finishIfDone();
}

void ResticReader::readOutput()
{
    QByteArray buffer(kReadChunkBytes, Qt::Uninitialized);
    QPointer<ResticReader> self(this);
    while (!m_paused && !m_outputEnded && m_outputFd >= 0) {
        const ssize_t n = ::read(m_outputFd, buffer.data(), size_t(buffer.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // more later: the notifier says when
        if (n <= 0) {
            m_outputEnded = true; // end of the pipe: restic has closed its output
            m_outputNotifier->setEnabled(false);
            finishIfDone();
            return;
        }
        const QByteArray data(buffer.constData(), n);
        if (m_output == Output::Bytes) {
            emit bytes(data);
            if (!self)
                return;
            continue;
        }
        m_partial += data;
        qsizetype start = 0;
        for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
            const QByteArray one = m_partial.mid(start, nl - start);
            start = nl + 1;
            if (!one.trimmed().isEmpty())
                emit line(one);
            if (!self)
                return;
        }
        m_partial.remove(0, start);
    }
}
