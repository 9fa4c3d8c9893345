#include "resticreader.h"

#include "resticrepository.h"

#include <QTimer>
#include <signal.h>

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
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ResticReader::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray more = m_process.readAllStandardError();
        if (m_stderr.size() < kMaxStderrBytes)
            m_stderr += more.left(kMaxStderrBytes - m_stderr.size());
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_paused = false;
        readOutput();
        if (m_output == Output::Lines && !m_partial.trimmed().isEmpty())
            emit line(m_partial);
        m_partial.clear();
        if (m_done)
            return;
        m_done = true;
        const bool ok = status == QProcess::NormalExit && exitCode == 0;
        QString error;
        if (!ok) {
            // restic's last words, without the usage text it adds to some errors.
            const QStringList lines = QString::fromUtf8(m_stderr).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            error = lines.isEmpty() ? tr("restic stopped (exit status %1)").arg(exitCode) : lines.first().trimmed();
        }
        emit finished(ok, error);
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
}

void ResticReader::start()
{
    m_process.start(QIODevice::ReadOnly);
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
}

void ResticReader::resumeOutput()
{
    if (!m_paused)
        return;
    m_paused = false;
    readOutput();
}

void ResticReader::readOutput()
{
    while (!m_paused && m_process.bytesAvailable() > 0) {
        const QByteArray data = m_process.read(kReadChunkBytes);
        if (data.isEmpty())
            return;
        if (m_output == Output::Bytes) {
            emit bytes(data);
            continue;
        }
        m_partial += data;
        qsizetype start = 0;
        for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
            const QByteArray one = m_partial.mid(start, nl - start);
            start = nl + 1;
            if (!one.trimmed().isEmpty())
                emit line(one);
        }
        m_partial.remove(0, start);
    }
}
