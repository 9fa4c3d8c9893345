#include "systemduserservice.h"

#include <memory>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

namespace {

constexpr int kSystemctlTimeoutMs = 30000; // `enable --now` waits for the unit to start
const QByteArray kMarker = QByteArrayLiteral("# Written by the Tidemark console");

// One argument of an ExecStart line: systemd splits on white space and expands % specifiers and $ variables.
QString quoted(const QString& argument)
{
    QString escaped = argument;
    escaped.replace(QLatin1Char('%'), QStringLiteral("%%")).replace(QLatin1Char('$'), QStringLiteral("$$"));
    static const QRegularExpression special(QStringLiteral(R"([\s"'\\;])"));
    if (!escaped.contains(special) && !escaped.isEmpty())
        return escaped;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// The words of an ExecStart line, undoing quoted().
QStringList words(const QString& line)
{
    QStringList out;
    QString word;
    bool inQuotes = false;
    bool any = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && inQuotes && i + 1 < line.size()) {
            word += line.at(++i);
        } else if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            any = true;
        } else if (c.isSpace() && !inQuotes) {
            if (any || !word.isEmpty())
                out.append(word);
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        out.append(word);
    for (QString& w : out)
        w.replace(QStringLiteral("%%"), QStringLiteral("%")).replace(QStringLiteral("$$"), QStringLiteral("$"));
    return out;
}

} // namespace

SystemdUserService::SystemdUserService(const QString& unitName, QObject* parent)
    : QObject(parent)
    , m_unitName(unitName)
{ }

QString SystemdUserService::unitDirectory()
{
    // systemd's own rule, not QStandardPaths (whose test mode would point elsewhere than systemd looks).
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::home().filePath(QStringLiteral(".config"));
    return QDir(config).filePath(QStringLiteral("systemd/user"));
}

QString SystemdUserService::unitPath() const
{
    return QDir(unitDirectory()).filePath(m_unitName);
}

QByteArray SystemdUserService::installedUnit() const
{
    QFile file(unitPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1 << 20);
}

void SystemdUserService::run(const QStringList& arguments, std::function<void(const Result&)> done)
{
    auto* process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    auto* timer = new QTimer(process);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    const auto finish = [process, done, finished](const Result& result) {
        if (*finished)
            return;
        *finished = true;
        process->deleteLater();
        done(result);
    };
    connect(process, &QProcess::finished, this, [process, finish](int exitCode, QProcess::ExitStatus status) {
        Result result;
        result.started = true;
        result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
        result.output = QString::fromLocal8Bit(process->readAll()).trimmed();
        finish(result);
    });
    connect(process, &QProcess::errorOccurred, this, [process, finish](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // a crash or a kill ends in finished()
        Result result;
        result.output = process->errorString();
        finish(result);
    });
    connect(timer, &QTimer::timeout, this, [process] { process->kill(); });
    timer->start(kSystemctlTimeoutMs);
    process->start(m_systemctl, QStringList {QStringLiteral("--user")} + arguments);
}

void SystemdUserService::runAll(
    const QList<QStringList>& commands, std::function<void(bool ok, const QString& error)> done)
{
    if (commands.isEmpty()) {
        done(true, {});
        return;
    }
    const QStringList first = commands.first();
    run(first, [this, commands, first, done](const Result& result) {
        if (!result.started || result.exitCode != 0) {
            done(false,
                tr("systemctl --user %1: %2")
                    .arg(first.join(QLatin1Char(' ')),
                        result.output.isEmpty() ? tr("exit status %1").arg(result.exitCode) : result.output));
            return;
        }
        runAll(commands.mid(1), done);
    });
}

void SystemdUserService::checkAvailable()
{
    // The manager's own SystemState over its socket: `is-system-running` answers "offline" without asking wherever
    // PID 1 is not systemd, though a user manager started otherwise runs units all the same.
    run({QStringLiteral("show"), QStringLiteral("--property=SystemState"), QStringLiteral("--value")},
        [this](const Result& result) {
            if (!result.started) {
                emit availabilityChecked(false, tr("systemd is not installed (%1).").arg(result.output));
                return;
            }
            if (result.exitCode != 0) {
                emit availabilityChecked(false, tr("there is no systemd user instance for this session."));
                return;
            }
            // "degraded" (a unit failed) still runs units.
            const QString state = result.output.section(QLatin1Char('\n'), -1).trimmed();
            static const QStringList usable {QStringLiteral("running"), QStringLiteral("degraded"),
                QStringLiteral("starting"), QStringLiteral("initializing")};
            if (usable.contains(state)) {
                emit availabilityChecked(true, {});
                return;
            }
            emit availabilityChecked(false,
                state.isEmpty() || state == QLatin1String("offline") || state == QLatin1String("unknown")
                    ? tr("there is no systemd user instance for this session.")
                    : tr("the systemd user instance says \"%1\".").arg(result.output));
        });
}

void SystemdUserService::install(const QByteArray& unitText)
{
    const QByteArray before = installedUnit();
    if (!before.isEmpty() && !isOwnUnit(before)) {
        emit installed(false,
            tr("%1 exists and was not written by Tidemark; it is left as it is. Remove it to let Tidemark run "
               "this computer's server in the background.")
                .arg(unitPath()));
        return;
    }
    const bool changed = before != unitText;
    if (changed) {
        QDir().mkpath(unitDirectory());
        QSaveFile file(unitPath());
        if (!file.open(QIODevice::WriteOnly) || file.write(unitText) != unitText.size() || !file.commit()) {
            emit installed(false, tr("Cannot write %1: %2").arg(unitPath(), file.errorString()));
            return;
        }
        QFile::setPermissions(unitPath(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    QList<QStringList> commands;
    if (changed)
        commands.append({QStringLiteral("daemon-reload")});
    commands.append({QStringLiteral("enable"), QStringLiteral("--now"), m_unitName});
    // A unit that ran with the previous ExecStart is started again with the new one.
    if (changed && !before.isEmpty())
        commands.append({QStringLiteral("restart"), m_unitName});
    runAll(commands, [this](bool ok, const QString& error) { emit installed(ok, error); });
}

void SystemdUserService::remove()
{
    const QByteArray before = installedUnit();
    if (before.isEmpty() || !isOwnUnit(before)) {
        emit removed(
            before.isEmpty(), before.isEmpty() ? QString() : tr("%1 was not written by Tidemark.").arg(unitPath()));
        return;
    }
    runAll({{QStringLiteral("disable"), QStringLiteral("--now"), m_unitName}}, [this](bool ok, const QString& error) {
        if (!ok) {
            emit removed(false, error);
            return;
        }
        QFile::remove(unitPath());
        run({QStringLiteral("daemon-reload")}, [this](const Result&) { emit removed(true, {}); });
    });
}

void SystemdUserService::checkActive()
{
    run({QStringLiteral("is-active"), m_unitName},
        [this](const Result& result) { emit activeChecked(result.started && result.exitCode == 0); });
}

QByteArray SystemdUserService::unitText(
    const QByteArray& templateText, const QString& program, const QStringList& arguments)
{
    QStringList execStart {quoted(program)};
    for (const QString& a : arguments)
        execStart.append(quoted(a));
    QByteArrayList lines {kMarker + QByteArrayLiteral(" for \"This computer\" (Settings ▸ Run in the background).")};
    bool header = true; // the template's opening comment (how to install it by hand) is not this unit's
    for (const QByteArray& line : templateText.split('\n')) {
        header = header && !line.startsWith('[');
        if (line.startsWith("ExecStart="))
            lines.append(QByteArray("ExecStart=" + execStart.join(QLatin1Char(' ')).toUtf8()));
        else if (!header || !line.startsWith('#'))
            lines.append(line);
    }
    return lines.join('\n');
}

bool SystemdUserService::isOwnUnit(const QByteArray& unit)
{
    return unit.startsWith(kMarker);
}

QString SystemdUserService::execStartOption(const QByteArray& unit, const QString& name)
{
    for (const QByteArray& line : unit.split('\n')) {
        if (!line.startsWith("ExecStart="))
            continue;
        const QStringList w = words(QString::fromUtf8(line.mid(int(qstrlen("ExecStart=")))));
        const qsizetype i = w.indexOf(name);
        return i >= 0 && i + 1 < w.size() ? w.at(i + 1) : QString();
    }
    return {};
}
