#include "resticjob.h"

#include "domain/activity.h"

#include <algorithm>
#include <csignal>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>

namespace {

constexpr qsizetype maxStderrLines = 400;
constexpr qsizetype maxOutputChars = 1 << 20;
// The runs that clean up after a stop cannot be cancelled; this bounds them instead.
constexpr std::chrono::milliseconds cleanupTimeout {60000};

// restic prefixes some stderr lines with terminal escapes ("\x1b[2K" before "signal interrupt received").
QString cleanLine(const QByteArray& raw)
{
    static const QRegularExpression escape(QStringLiteral("\\x1b\\[[0-9;?]*[ -/]*[@-~]"));
    QString line = QString::fromUtf8(raw);
    line.remove(escape);
    return line.trimmed();
}

std::optional<QJsonObject> jsonObject(const QString& line)
{
    if (!line.startsWith(QLatin1Char('{')))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QStringList mainWords(ResticJob::Command command)
{
    switch (command) {
    case ResticJob::Command::Version:
        return {QStringLiteral("version")};
    case ResticJob::Command::Init: // the probe: is there a repository already?
    case ResticJob::Command::CatConfig:
        return {QStringLiteral("cat"), QStringLiteral("config")};
    case ResticJob::Command::Snapshots:
        return {QStringLiteral("snapshots")};
    case ResticJob::Command::Backup:
        return {QStringLiteral("backup")};
    case ResticJob::Command::Restore:
        return {QStringLiteral("restore")};
    case ResticJob::Command::Forget:
        return {QStringLiteral("forget")};
    case ResticJob::Command::Prune:
        return {QStringLiteral("prune")};
    case ResticJob::Command::Check:
        return {QStringLiteral("check")};
    case ResticJob::Command::Unlock:
        return {QStringLiteral("unlock")};
    case ResticJob::Command::Find:
        return {QStringLiteral("find")};
    case ResticJob::Command::RebuildIndex:
        return {QStringLiteral("rebuild-index")};
    case ResticJob::Command::Ls:
        return {QStringLiteral("ls")};
    case ResticJob::Command::Stats:
        return {QStringLiteral("stats")};
    case ResticJob::Command::Copy:
        return {QStringLiteral("copy")};
    }
    return {};
}

} // namespace

ResticJob::ResticJob(Command command, const QStringList& arguments, const Context& context, QObject* parent)
    : QObject(parent)
    , m_command(command)
    , m_arguments(arguments)
    , m_context(context)
{
    m_result.command = commandName(command);
    m_timeoutTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        if (m_stop != Stop::None)
            return;
        m_stop = Stop::TimedOut;
        interrupt();
    });
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

ResticJob* ResticJob::refused(Command command, const QString& errorString, QObject* parent)
{
    auto* job = new ResticJob(command, {}, Context {}, parent);
    job->m_refusal = errorString;
    return job;
}

ResticJob::~ResticJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill(); // QProcess's destructor reaps it
    }
}

void ResticJob::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_state == State::Running && m_stop == Stop::None) {
        if (timeout.count() > 0)
            m_timeoutTimer.start(timeout);
        else
            m_timeoutTimer.stop();
    }
}

void ResticJob::setKillDelay(std::chrono::milliseconds delay)
{
    m_killDelay = delay;
}

QVersionNumber ResticJob::minimumResticVersion()
{
    return QVersionNumber(0, 14, 0); // repository format 2 (compression)
}

QString ResticJob::commandName(Command command)
{
    switch (command) {
    case Command::Init:
        return QStringLiteral("init");
    case Command::CatConfig:
        return QStringLiteral("cat config");
    default:
        return mainWords(command).join(QLatin1Char(' '));
    }
}

void ResticJob::start()
{
    if (m_state != State::Idle) {
        qWarning("ResticJob::start: the job was already started");
        return;
    }
    m_state = State::Running;
    if (m_refusal) {
        fail(ResticResult::Failure::NotStarted, *m_refusal);
        return;
    }
    if (m_timeout.count() > 0)
        m_timeoutTimer.start(m_timeout);
    if (m_command == Command::Init
        && (m_context.initFirst
            || (!m_context.localRepository.isEmpty()
                && !QFileInfo::exists(QDir(m_context.localRepository).filePath(QStringLiteral("config")))))) {
        // Nothing to probe: a local repository without a config does not exist yet (ResticRepository refuses one
        // that has keys or data without a config before a job is made). With initFirst, `init` itself is the
        // probe: it refuses an existing repository at once, and its config is read then.
        m_initTried = true;
        runPhase(Phase::InitRepository,
            QStringList {QStringLiteral("init"), QStringLiteral("--repository-version"), QStringLiteral("2")}
                + m_context.initArguments);
        return;
    }
    runPhase(Phase::Main, mainWords(m_command) + m_arguments);
}

void ResticJob::cancel()
{
    if (m_state == State::Finished || m_stop != Stop::None)
        return;
    m_stop = Stop::Cancelled;
    if (m_state == State::Idle) {
        m_state = State::Running;
        finishStopped();
        return;
    }
    interrupt();
}

void ResticJob::interrupt()
{
    // The runs that clean up after a stop are let run to their end.
    if (!m_process || isCleanupPhase())
        return;
    const qint64 pid = m_process->processId();
    if (pid > 0)
        ::kill(static_cast<pid_t>(pid), SIGINT);
    else
        m_process->kill();
    m_killTimer.start(m_killDelay);
}

void ResticJob::runPhase(Phase phase, const QStringList& words)
{
    m_phase = phase;
    m_stdout.clear();
    m_stderr.clear();
    m_stderrLines.clear();
    m_processError.clear();
    m_failedToStart = false;

    QProcessEnvironment environment = m_context.environment;
    if (!m_context.workingDirectory.isEmpty())
        environment.insert(QStringLiteral("PWD"), m_context.workingDirectory); // restic makes paths absolute with it

    ++m_result.processes;
    m_process = new QProcess(this);
    // restic must not outlive tidemarkd: a backup that went on after a crash would save a snapshot that start-up
    // recovery has already looked for. SIGINT lets restic remove its lock.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGINT); });
    m_process->setProgram(m_context.program);
    m_process->setArguments(QStringList {QStringLiteral("--json")} + m_context.globalArguments + words);
    m_process->setWorkingDirectory(m_context.workingDirectory);
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice()); // never wait for a password prompt
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ResticJob::readStandardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &ResticJob::readStandardError);
    connect(m_process, &QProcess::finished, this, &ResticJob::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ResticJob::onProcessError);
    m_process->start();
    if (m_process && isCleanupPhase()) // m_process is gone if it failed to start
        m_killTimer.start(cleanupTimeout);
}

void ResticJob::readStandardOutput()
{
    m_stdout.append(m_process->readAllStandardOutput());
    if (isDocumentPhase())
        return;
    qsizetype from = 0;
    for (qsizetype newline = m_stdout.indexOf('\n'); newline >= 0; newline = m_stdout.indexOf('\n', from)) {
        handleStdoutLine(m_stdout.mid(from, newline - from));
        from = newline + 1;
    }
    m_stdout.remove(0, from);
}

void ResticJob::readStandardError()
{
    m_stderr.append(m_process->readAllStandardError());
    qsizetype from = 0;
    for (qsizetype i = 0; i < m_stderr.size(); ++i) {
        if (m_stderr.at(i) == '\n' || m_stderr.at(i) == '\r') {
            handleStderrLine(m_stderr.mid(from, i - from));
            from = i + 1;
        }
    }
    m_stderr.remove(0, from);
}

void ResticJob::handleStdoutLine(const QByteArray& raw)
{
    const QString line = cleanLine(raw);
    if (line.isEmpty())
        return;
    if (const auto message = jsonObject(line)) {
        handleMessage(*message);
        return;
    }
    if (m_result.output.size() < maxOutputChars)
        m_result.output += line + QLatin1Char('\n');
    if (!isQuietPhase())
        emit logLine(Activity::toolLine(line));
}

void ResticJob::handleStderrLine(const QByteArray& raw)
{
    const QString line = cleanLine(raw);
    if (line.isEmpty())
        return;
    // restic 0.14 writes backup's `error` messages to stderr, one JSON object a line.
    if (const auto message = jsonObject(line)) {
        handleMessage(*message);
        return;
    }
    if (m_stderrLines.size() >= maxStderrLines)
        m_stderrLines.removeFirst();
    m_stderrLines.append(line);
    // forget: an id that matches no snapshot is skipped with exit code 0.
    if (line.startsWith(QLatin1String("Ignoring \"")))
        m_result.warnings.append(line);
    // initFirst's `init` on a repository that exists: a probe's answer, not a failure (the config is read next).
    const bool probeAnswer = m_context.initFirst && m_phase == Phase::InitRepository
        && line.contains(QLatin1String("config file already exists"));
    if (!isQuietPhase() && !probeAnswer)
        emit logLine(Activity::toolLine(line));
}

void ResticJob::handleMessage(const QJsonObject& message)
{
    const QString type = message.value(QLatin1String("message_type")).toString();
    if (type == QLatin1String("status")) {
        if (m_phase != Phase::Main || !message.contains(QLatin1String("percent_done")))
            return;
        // restic's fraction can fall back while its scanner still finds files; an activity's progress should not.
        const double fraction = std::clamp(message.value(QLatin1String("percent_done")).toDouble(), 0.0, 1.0);
        if (fraction > m_lastProgress) {
            m_lastProgress = fraction;
            emit progress(fraction);
        }
    } else if (type == QLatin1String("summary")) {
        if (m_command == Command::Backup && m_phase == Phase::Main) {
            m_result.backupSummary = ResticResult::BackupSummary::fromJson(message);
            m_shortSnapshotId = m_result.backupSummary->snapshotId;
            // restic 0.14 does not always print a last status at 100 %; the summary means everything was read.
            if (m_lastProgress < 1.0) {
                m_lastProgress = 1.0;
                emit progress(1.0);
            }
        }
    } else if (type == QLatin1String("error")) {
        const QString warning = describeErrorMessage(message);
        m_result.warnings.append(warning);
        if (!isQuietPhase())
            emit logLine(warning);
    } else if (type == QLatin1String("version")) { // restic 0.16 and later
        m_result.version = QVersionNumber::fromString(message.value(QLatin1String("version")).toString());
    }
}

QString ResticJob::describeErrorMessage(const QJsonObject& message) const
{
    QString item = message.value(QLatin1String("item")).toString();
    const QString root = m_context.workingDirectory;
    if (!root.isEmpty()) {
        for (const QString& prefix : {root, QDir(root).canonicalPath()}) {
            if (!prefix.isEmpty() && item.startsWith(prefix + QLatin1Char('/'))) {
                item = item.mid(prefix.size() + 1);
                break;
            }
        }
    }
    // restic 0.14 marshals the Go error value itself: *os.PathError becomes {"Op":"open","Path":..,"Err":13},
    // most other errors become {}. Later versions write a string.
    const QJsonValue error = message.value(QLatin1String("error"));
    QString text;
    if (error.isString()) {
        text = error.toString();
    } else if (error.isObject()) {
        const QJsonObject object = error.toObject();
        const QJsonValue err = object.value(QLatin1String("Err"));
        const QString reason = err.isDouble() ? qt_error_string(err.toInt()) : err.toString();
        const QString op = object.value(QLatin1String("Op")).toString();
        text = op.isEmpty() ? reason : reason.isEmpty() ? op : op + QLatin1String(": ") + reason;
    }
    if (text.isEmpty())
        text = tr("unknown error");
    return item.isEmpty() ? text : item + QLatin1String(": ") + text;
}

void ResticJob::onProcessError(QProcess::ProcessError error)
{
    // Only FailedToStart comes without a finished() after it.
    if (error != QProcess::FailedToStart || !m_process)
        return;
    m_processError = m_process->errorString();
    m_failedToStart = true;
    releaseProcess();
    finishPhase(-1);
}

void ResticJob::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    // What is left without a final newline.
    readStandardOutput();
    readStandardError();
    if (!isDocumentPhase() && !m_stdout.isEmpty())
        handleStdoutLine(m_stdout);
    if (!m_stderr.isEmpty())
        handleStderrLine(m_stderr);
    m_stderr.clear();
    m_killTimer.stop();
    if (exitStatus == QProcess::CrashExit)
        m_processError = m_process->errorString();
    releaseProcess();

    const int code = exitStatus == QProcess::NormalExit ? exitCode : -1;
    // A run stopped before it could remove its lock leaves it behind.
    if (m_stop != Stop::None && code != 0 && !isCleanupPhase())
        m_mayHaveLeftLock = true;
    finishPhase(code);
}

void ResticJob::finishPhase(int exitCode)
{
    switch (m_phase) {
    case Phase::Main:
        finishMain(exitCode);
        break;
    case Phase::InitRepository:
        finishInitRepository(exitCode);
        break;
    case Phase::ReadConfig:
        finishReadConfig(exitCode);
        break;
    case Phase::ResolveSnapshot:
        finishResolveSnapshot(exitCode);
        break;
    case Phase::ForgetUnwanted:
        finishForgetUnwanted(exitCode);
        break;
    case Phase::RemoveStaleLock:
        finishRemoveStaleLock(exitCode);
        break;
    }
}

void ResticJob::releaseProcess()
{
    m_process->disconnect(this);
    m_process->deleteLater(); // we may be inside one of its signals
    m_process = nullptr;
}

void ResticJob::finishMain(int exitCode)
{
    m_result.exitCode = exitCode;
    m_result.stderrText = stderrText();
    if (m_failedToStart) {
        fail(ResticResult::Failure::NotStarted, tr("Could not run %1: %2").arg(m_context.program, m_processError));
        return;
    }
    if (m_stop != Stop::None) {
        if (m_command == Command::Backup && !m_shortSnapshotId.isEmpty()) {
            // The cancel came after restic had saved the snapshot (it prints the summary only then).
            runPhase(Phase::ForgetUnwanted, {QStringLiteral("forget"), QStringLiteral("--"), m_shortSnapshotId});
            return;
        }
        finishStopped();
        return;
    }
    if (exitCode < 0) {
        fail(ResticResult::Failure::Crashed,
            tr("restic %1 stopped unexpectedly: %2").arg(m_result.command, m_processError));
        return;
    }
    if (m_command == Command::Check)
        readDamagedPacks();
    // Exit code 3: the snapshot was saved, but some source files could not be read.
    const bool incomplete = exitCode == 3 && m_command == Command::Backup && m_result.backupSummary;
    if (exitCode != 0 && !incomplete) {
        if (m_command == Command::Init && !m_initTried && isMissingRepository()) {
            m_initTried = true;
            runPhase(Phase::InitRepository,
                QStringList {QStringLiteral("init"), QStringLiteral("--repository-version"), QStringLiteral("2")}
                    + m_context.initArguments);
            return;
        }
        // A lock left by a restic that died without removing it (killed with tidemarkd, say) would block every
        // later backup: stale locks go, and the command runs again, once. A live process's lock stays.
        if (!m_lockRetried && m_command != Command::Unlock && m_stop == Stop::None
            && m_stderrLines.join(QLatin1Char('\n')).contains(QLatin1String("repository is already locked"))) {
            m_lockRetried = true;
            m_stderrLines.clear();
            runPhase(Phase::RemoveStaleLock, {QStringLiteral("unlock")});
            return;
        }
        failFromStderr(exitCode);
        return;
    }

    switch (m_command) {
    case Command::Version:
        if (!readVersion())
            return;
        break;
    case Command::Init:
    case Command::CatConfig:
        if (!readConfig())
            return;
        break;
    case Command::Snapshots:
        if (!readSnapshots())
            return;
        m_result.snapshots = m_snapshots;
        break;
    case Command::Forget: // 0.14 prints nothing when given ids; a JSON report when given a policy
        m_result.json = QJsonDocument::fromJson(m_stdout);
        break;
    case Command::Find:
    case Command::Stats: {
        QJsonParseError error;
        m_result.json = QJsonDocument::fromJson(m_stdout, &error);
        // find prints nothing at all when no blob matches.
        if (error.error != QJsonParseError::NoError && !m_stdout.trimmed().isEmpty()) {
            fail(ResticResult::Failure::UnreadableOutput,
                tr("restic %1 printed something that is not JSON.").arg(m_result.command));
            return;
        }
        break;
    }
    case Command::Ls:
        if (!readNodes())
            return;
        break;
    case Command::Backup:
        if (m_shortSnapshotId.isEmpty()) {
            fail(ResticResult::Failure::UnreadableOutput, tr("restic backup finished without naming a snapshot."));
            return;
        }
        m_result.status = incomplete ? ResticResult::Status::Incomplete : ResticResult::Status::Succeeded;
        if (incomplete)
            m_result.errorString = tr("Some files could not be read and are missing from the snapshot.");
        if (const QString full = fullSnapshotIdFromFolder(); !full.isEmpty()) {
            m_result.snapshotId = full;
            finish();
            return;
        }
        runPhase(Phase::ResolveSnapshot, {QStringLiteral("snapshots"), QStringLiteral("--"), m_shortSnapshotId});
        return;
    default:
        break;
    }
    m_result.status = ResticResult::Status::Succeeded;
    finish();
}

void ResticJob::finishInitRepository(int exitCode)
{
    m_result.exitCode = exitCode;
    m_result.stderrText = stderrText();
    if (m_stop != Stop::None) {
        finishStopped();
        return;
    }
    if (!m_failedToStart && exitCode != 0 && m_context.initFirst && m_phase == Phase::InitRepository
        && m_stderrLines.join(QLatin1Char('\n')).contains(QLatin1String("config file already exists"))) {
        // There is a repository already: what the probe would have done, read its config (a wrong password
        // fails here, as it would have in the probe).
        runPhase(Phase::Main, mainWords(m_command) + m_arguments);
        return;
    }
    if (m_failedToStart || exitCode != 0) {
        failFromStderr(exitCode);
        return;
    }
    // A repository just made with --repository-version 2 needs no `cat config` to know its version (restic 0.14
    // prints only the first characters of its id; `cat config` gives the whole config when someone needs it).
    const QJsonObject config {{QStringLiteral("version"), 2}};
    m_result.config = config;
    m_result.json = QJsonDocument(config);
    m_result.status = ResticResult::Status::Succeeded;
    finish();
}

QString ResticJob::fullSnapshotIdFromFolder() const
{
    if (m_context.localRepository.isEmpty() || m_shortSnapshotId.isEmpty())
        return {};
    const QStringList names = QDir(QDir(m_context.localRepository).filePath(QStringLiteral("snapshots")))
                                  .entryList({m_shortSnapshotId + QLatin1Char('*')}, QDir::Files);
    if (names.size() != 1 || names.first().size() != 64)
        return {};
    return names.first();
}

void ResticJob::finishReadConfig(int exitCode)
{
    m_result.exitCode = exitCode;
    m_result.stderrText = stderrText();
    if (m_stop != Stop::None) {
        finishStopped();
        return;
    }
    if (m_failedToStart || exitCode != 0) {
        failFromStderr(exitCode);
        return;
    }
    if (!readConfig())
        return;
    m_result.status = ResticResult::Status::Succeeded;
    finish();
}

void ResticJob::finishResolveSnapshot(int exitCode)
{
    if (m_stop != Stop::None) {
        runPhase(Phase::ForgetUnwanted, {QStringLiteral("forget"), QStringLiteral("--"), m_shortSnapshotId});
        return;
    }
    // The backup itself succeeded: a failure here costs only the long form of the id.
    m_result.snapshotId = m_shortSnapshotId;
    if (exitCode == 0 && readSnapshots()) {
        for (const ResticSnapshot& snapshot : std::as_const(m_snapshots)) {
            if (snapshot.id.startsWith(m_shortSnapshotId)) {
                m_result.snapshotId = snapshot.id;
                m_result.snapshots = {snapshot};
                break;
            }
        }
    }
    if (m_result.snapshotId == m_shortSnapshotId)
        m_result.warnings.append(tr("Could not learn the full id of snapshot %1.").arg(m_shortSnapshotId));
    finish();
}

void ResticJob::finishForgetUnwanted(int exitCode)
{
    if (exitCode == 0) {
        m_result.snapshotId.clear();
        m_result.snapshots.clear();
        m_result.backupSummary.reset();
    } else {
        if (m_result.snapshotId.isEmpty())
            m_result.snapshotId = m_shortSnapshotId;
        m_result.warnings.append(tr("The snapshot %1, saved before the cancel, could not be forgotten: %2")
                                     .arg(m_shortSnapshotId, stderrText()));
    }
    finishStopped();
}

void ResticJob::finishRemoveStaleLock(int exitCode)
{
    if (m_lockRetried && m_stop == Stop::None && m_state == State::Running && !m_mayHaveLeftLock) {
        runPhase(Phase::Main, mainWords(m_command) + m_arguments);
        return;
    }
    if (exitCode != 0) {
        m_result.warnings.append(
            tr("Could not remove the lock the stopped restic run left behind: %1").arg(fatalDetail()));
    }
    finishStopped();
}

bool ResticJob::readConfig()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_stdout, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        fail(ResticResult::Failure::UnreadableOutput, tr("restic printed a repository config that is not JSON."));
        return false;
    }
    m_result.json = document;
    m_result.config = document.object();
    return true;
}

bool ResticJob::readSnapshots()
{
    m_snapshots.clear();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_stdout, &error);
    // An empty repository lists as [] in 0.14; be lenient with "null" as well.
    if (error.error != QJsonParseError::NoError || !(document.isArray() || document.isNull())) {
        if (m_phase == Phase::Main)
            fail(ResticResult::Failure::UnreadableOutput, tr("restic printed a snapshot list that is not JSON."));
        return false;
    }
    if (m_phase == Phase::Main)
        m_result.json = document;
    const QJsonArray array = document.array();
    for (const QJsonValue& value : array) {
        if (const auto snapshot = ResticSnapshot::fromJson(value.toObject()))
            m_snapshots.append(*snapshot);
    }
    return true;
}

bool ResticJob::readNodes()
{
    // restic 0.14 prints the snapshot, then one node a line.
    QJsonArray nodes;
    for (const QByteArray& line : m_stdout.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject()) {
            fail(ResticResult::Failure::UnreadableOutput, tr("restic ls printed a line that is not JSON."));
            return false;
        }
        if (document.object().value(QLatin1String("struct_type")).toString() == QLatin1String("node"))
            nodes.append(document.object());
    }
    m_result.json = QJsonDocument(nodes);
    return true;
}

void ResticJob::readDamagedPacks()
{
    // restic 0.14 check --read-data: "Pack ID does not match, want <id>, got <id>" for a pack whose bytes changed,
    // "pack <id>: ..." for one it could not read or decrypt.
    static const QRegularExpression pattern(
        QStringLiteral("(?:Pack ID does not match, want |^pack |error for pack )([0-9a-f]{64})"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList lines = m_stderrLines;
    lines.append(m_result.output.split(QLatin1Char('\n')));
    for (const QString& line : std::as_const(lines)) {
        const QRegularExpressionMatch match = pattern.match(line.trimmed());
        if (match.hasMatch() && !m_result.damagedPacks.contains(match.captured(1)))
            m_result.damagedPacks.append(match.captured(1));
        static const QRegularExpression problem(
            QStringLiteral("^error|^Fatal:|not found|does not match|ciphertext verification failed|^tree [0-9a-f]+"),
            QRegularExpression::CaseInsensitiveOption);
        if (match.hasMatch() || problem.match(line.trimmed()).hasMatch())
            m_result.checkErrors.append(line.trimmed());
    }
}

bool ResticJob::readVersion()
{
    if (m_result.version.isNull()) {
        // "restic 0.14.0 compiled with go1.19.8 on linux/amd64"
        static const QRegularExpression pattern(
            QStringLiteral("^restic (\\d+\\.\\d+\\.\\d+)"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = pattern.match(m_result.output);
        if (match.hasMatch())
            m_result.version = QVersionNumber::fromString(match.captured(1));
    }
    if (m_result.version.isNull()) {
        fail(ResticResult::Failure::UnreadableOutput,
            tr("Could not read restic's version from \"%1\".").arg(m_result.output.trimmed()));
        return false;
    }
    if (m_result.version < minimumResticVersion()) {
        fail(ResticResult::Failure::UnsupportedVersion,
            tr("restic %1 is too old: Tidemark needs restic %2 or newer.")
                .arg(m_result.version.toString(), minimumResticVersion().toString()));
        return false;
    }
    return true;
}

bool ResticJob::isMissingRepository() const
{
    // restic 0.14 says "unable to open config file: <backend error>\nIs there a repository at the following
    // location?" for any failure to stat the config, so the backend's own words decide.
    const QString all = m_stderrLines.join(QLatin1Char('\n'));
    if (!all.contains(QLatin1String("unable to open config file")))
        return false;
    static const QRegularExpression missing(QStringLiteral("no such file or directory|does not exist|not found"),
        QRegularExpression::CaseInsensitiveOption);
    return missing.match(all).hasMatch();
}

void ResticJob::fail(ResticResult::Failure failure, const QString& errorString)
{
    m_result.status = ResticResult::Status::Failed;
    m_result.failure = failure;
    m_result.errorString = errorString;
    finish();
}

void ResticJob::failFromStderr(int exitCode)
{
    if (m_failedToStart) {
        fail(ResticResult::Failure::NotStarted, tr("Could not run %1: %2").arg(m_context.program, m_processError));
        return;
    }
    if (exitCode < 0) {
        fail(ResticResult::Failure::Crashed,
            tr("restic %1 stopped unexpectedly: %2").arg(m_result.command, m_processError));
        return;
    }
    const QString all = m_stderrLines.join(QLatin1Char('\n'));
    const QString detail = fatalDetail();
    const QString repository = m_context.environment.value(QStringLiteral("RESTIC_REPOSITORY"));
    if (all.contains(QLatin1String("wrong password or no key found"))) {
        fail(ResticResult::Failure::WrongPassword,
            tr("restic could not open the repository %1: wrong password or no key found.").arg(repository));
    } else if (isMissingRepository()) {
        fail(ResticResult::Failure::RepositoryMissing, tr("There is no restic repository at %1.").arg(repository));
    } else if (all.contains(QLatin1String("no space left on device"), Qt::CaseInsensitive)) {
        // Before the lock check: restic says "unable to create lock in backend" when it cannot write its lock file.
        QString line;
        for (const QString& l : std::as_const(m_stderrLines)) {
            if (l.contains(QLatin1String("no space left on device"), Qt::CaseInsensitive)) {
                line = l.trimmed();
                break;
            }
        }
        fail(ResticResult::Failure::NoSpace,
            tr("The disk that holds the repository %1 is full: restic could not write to it (%2). Free some space "
               "and try again.")
                .arg(repository, line));
    } else if (all.contains(QLatin1String("repository is already locked"))
        || all.contains(QLatin1String("unable to create lock"))) {
        fail(ResticResult::Failure::RepositoryLocked,
            tr("The repository %1 is locked by another restic process: %2").arg(repository, detail));
    } else if (all.contains(QLatin1String("no matching ID found"))
        || all.contains(QLatin1String("no snapshot found"))) {
        fail(ResticResult::Failure::SnapshotNotFound,
            tr("restic %1 found no such snapshot: %2").arg(m_result.command, detail));
    } else if (detail.isEmpty()) {
        fail(ResticResult::Failure::Other,
            tr("restic %1 failed with exit code %2.").arg(m_result.command).arg(exitCode));
    } else {
        fail(ResticResult::Failure::Other,
            tr("restic %1 failed with exit code %2: %3").arg(m_result.command).arg(exitCode).arg(detail));
    }
}

void ResticJob::finishStopped()
{
    if (m_mayHaveLeftLock && m_command != Command::Version) {
        m_mayHaveLeftLock = false;
        runPhase(Phase::RemoveStaleLock, {QStringLiteral("unlock")});
        return;
    }
    if (m_stop == Stop::TimedOut) {
        m_result.status = ResticResult::Status::TimedOut;
        m_result.errorString = tr("restic %1 did not finish within %n second(s) and was stopped.", nullptr,
            int((m_timeout.count() + 999) / 1000))
                                   .arg(m_result.command);
    } else {
        m_result.status = ResticResult::Status::Cancelled;
        m_result.errorString = tr("restic %1 was cancelled.").arg(m_result.command);
    }
    m_result.failure = ResticResult::Failure::None;
    finish();
}

void ResticJob::finish()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_timeoutTimer.stop();
    m_killTimer.stop();
    QMetaObject::invokeMethod(
        this, [this] { emit finished(m_result); }, Qt::QueuedConnection);
}

bool ResticJob::isDocumentPhase() const
{
    switch (m_phase) {
    case Phase::Main:
        return m_command == Command::Init || m_command == Command::CatConfig || m_command == Command::Snapshots
            || m_command == Command::Forget || m_command == Command::Find || m_command == Command::Ls
            || m_command == Command::Stats;
    case Phase::InitRepository:
        return false;
    case Phase::ReadConfig:
    case Phase::ResolveSnapshot:
    case Phase::ForgetUnwanted:
        return true;
    case Phase::RemoveStaleLock:
        return false;
    }
    return false;
}

bool ResticJob::isCleanupPhase() const
{
    return m_phase == Phase::ForgetUnwanted || m_phase == Phase::RemoveStaleLock;
}

bool ResticJob::isQuietPhase() const
{
    // The probe's "unable to open config file" and the follow-up runs would only confuse an activity log.
    return m_phase == Phase::Main ? m_command == Command::Init : m_phase != Phase::InitRepository;
}

QString ResticJob::fatalDetail() const
{
    QStringList fatal;
    for (const QString& line : m_stderrLines) {
        if (line.startsWith(QLatin1String("Fatal: ")))
            fatal.append(line.mid(7));
    }
    if (fatal.isEmpty())
        fatal = m_stderrLines.mid(std::max<qsizetype>(0, m_stderrLines.size() - 3));
    return fatal.join(QLatin1String("; "));
}

QString ResticJob::stderrText() const
{
    return m_stderrLines.join(QLatin1Char('\n')).trimmed();
}
