#include "hookledger.h"

#include <csignal>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

QString pausedDir(const QString& dataDir)
{
    return dataDir + QStringLiteral("/paused");
}

QString hooksDir(const QString& dataDir)
{
    return dataDir + QStringLiteral("/hooks");
}

QString pausedFile(const QString& dataDir, const QString& project, const QString& environment)
{
    return pausedDir(dataDir) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(project))
        + QLatin1Char('@') + QString::fromLatin1(QUrl::toPercentEncoding(environment)) + QStringLiteral(".json");
}

void writeSmallFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        file.write(content);
}

} // namespace

HookLedger::HookLedger(const QString& dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{ }

void HookLedger::paused(const QString& project, const QString& environment, const QString& pausedBy) const
{
    if (!isEnabled())
        return;
    writeSmallFile(pausedFile(m_dataDir, project, environment),
        QJsonDocument(QJsonObject {{QStringLiteral("project"), project}, {QStringLiteral("environment"), environment},
                          {QStringLiteral("paused_by"), pausedBy}})
            .toJson(QJsonDocument::Compact));
}

void HookLedger::resumed(const QString& project, const QString& environment) const
{
    if (isEnabled())
        QFile::remove(pausedFile(m_dataDir, project, environment));
}

QList<HookLedger::Paused> HookLedger::pausedEnvironments() const
{
    QList<Paused> out;
    if (!isEnabled())
        return out;
    const QDir dir(pausedDir(m_dataDir));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(file.read(64 * 1024)).object();
        const Paused entry {o.value(QStringLiteral("project")).toString(),
            o.value(QStringLiteral("environment")).toString(), o.value(QStringLiteral("paused_by")).toString()};
        if (entry.project.isEmpty() || entry.environment.isEmpty())
            QFile::remove(file.fileName()); // not ours, or cut short: nothing to resume from it
        else
            out.append(entry);
    }
    return out;
}

QString HookLedger::startTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the command may hold spaces and parentheses
    if (close < 0)
        return {};
    // Fields after the command: state (3) … starttime (22).
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.size() > 19 ? QString::fromLatin1(fields.at(19)) : QString();
}

void HookLedger::hookStarted(qint64 processGroup) const
{
    if (isEnabled() && processGroup > 0)
        writeSmallFile(
            hooksDir(m_dataDir) + QLatin1Char('/') + QString::number(processGroup), startTime(processGroup).toLatin1());
}

void HookLedger::hookEnded(qint64 processGroup) const
{
    if (isEnabled() && processGroup > 0)
        QFile::remove(hooksDir(m_dataDir) + QLatin1Char('/') + QString::number(processGroup));
}

int HookLedger::killLeftoverHooks() const
{
    if (!isEnabled())
        return 0;
    int killed = 0;
    const QDir dir(hooksDir(m_dataDir));
    for (const QString& name : dir.entryList(QDir::Files)) {
        bool ok = false;
        const qint64 group = name.toLongLong(&ok);
        QFile record(dir.filePath(name));
        const QString recorded = record.open(QIODevice::ReadOnly) ? QString::fromLatin1(record.readAll()) : QString();
        record.close();
        // The leader (the hook's shell) may be gone while what it started lives on in its group. A leader with the
        // recorded start time is ours; one with another start time has recycled the id and belongs to someone else.
        const QString leader = startTime(group);
        const bool ours = leader.isEmpty() || leader == recorded;
        if (ok && group > 1 && !recorded.isEmpty() && ours && ::kill(-pid_t(group), SIGKILL) == 0)
            ++killed;
        QFile::remove(record.fileName());
    }
    return killed;
}
