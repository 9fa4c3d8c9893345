#include "clioutput.h"

#include "domain/environmenttype.h"
#include "domain/timestamp.h"
#include "texttable.h"

#include <cmath>
#include <QJsonArray>
#include <QLocale>

namespace {

const QString kDash = QStringLiteral("-");

QString payloadString(const Activity& activity, const QString& key)
{
    return activity.payload.value(key).toString();
}

QString environmentOf(const Activity& activity)
{
    if (!activity.environments.isEmpty())
        return activity.environments.join(QLatin1String(", "));
    return activity.payloadEnvironment();
}

QString schedulesText(const RetentionPolicy& policy)
{
    if (policy.schedules.isEmpty())
        return kDash;
    QStringList parts;
    for (const Schedule& s : policy.schedules)
        parts.append(s.interval.label() + QChar(0x00D7) + QString::number(s.count));
    return parts.join(QLatin1String(", "));
}

} // namespace

QString CliOutput::time(qint64 msecsSinceEpoch)
{
    return Timestamp::formatMsecs(msecsSinceEpoch);
}

QString CliOutput::duration(qint64 milliseconds)
{
    const qint64 seconds = std::max<qint64>(0, (milliseconds + 500) / 1000);
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString CliOutput::size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString CliOutput::backupKind(const Backup& backup)
{
    QString kind = backup.automated ? tr("automated") : tr("manual");
    if (backup.isProtected())
        kind += tr(", protected");
    return kind;
}

QString CliOutput::environments(const QList<Environment>& environments)
{
    TextTable table({tr("ID"), tr("Type"), tr("Status"), tr("Last backup"), tr("Title")});
    for (const Environment& e : environments) {
        QString status = Environment::statusToString(e.status);
        if (e.isDirty && e.status != Environment::Status::Dirty)
            status += tr(" (busy)");
        table.addRow({e.id, EnvironmentTypes::toString(e.type), status,
            e.lastBackupAtMs ? time(*e.lastBackupAtMs) : kDash, e.title});
    }
    if (environments.isEmpty())
        return tr("No environments.\n");
    return table.toString();
}

QString CliOutput::backups(const QList<Backup>& backups)
{
    if (backups.isEmpty())
        return tr("No backups.\n");
    TextTable table(
        {tr("ID"), tr("Created"), tr("Kind"), tr("Mode"), tr("Status"), tr("Expires"), tr("Commit"), tr("Note")});
    for (const Backup& b : backups) {
        table.addRow({b.id, time(b.createdAtMs), backupKind(b), b.safe ? tr("consistent") : tr("live"),
            Backup::statusToString(b.status), b.expiresAtMs ? time(*b.expiresAtMs) : kDash,
            b.commitId.isEmpty() ? kDash : b.commitId.left(8), b.attributes.value(QStringLiteral("note"))});
    }
    return table.toString();
}

QString CliOutput::backupDetails(const Backup& b)
{
    TextTable table({tr("Field"), tr("Value")});
    table.addRow({tr("ID"), b.id});
    table.addRow({tr("Environment"), b.environment});
    table.addRow({tr("Created"), time(b.createdAtMs)});
    table.addRow({tr("Kind"), backupKind(b)});
    table.addRow({tr("Mode"), b.safe ? tr("consistent (taken paused)") : tr("live")});
    table.addRow({tr("Status"), Backup::statusToString(b.status)});
    table.addRow({tr("Restorable"), b.restorable ? tr("yes") : tr("no")});
    table.addRow({tr("Commit"), b.commitId.isEmpty() ? kDash : b.commitId});
    table.addRow({tr("Expires"), b.expiresAtMs ? time(*b.expiresAtMs) : tr("not projected")});
    table.addRow({tr("Index"), b.index ? QString::number(*b.index) : kDash});
    table.addRow({tr("Size of volumes"), b.sizeOfVolumes ? size(*b.sizeOfVolumes) : kDash});
    table.addRow({tr("Size used"), b.sizeUsed ? size(*b.sizeUsed) : kDash});
    table.addRow({tr("Note"), b.attributes.value(QStringLiteral("note"), kDash)});
    return table.toString();
}

QString CliOutput::activities(const QList<Activity>& activities)
{
    if (activities.isEmpty())
        return tr("No activities.\n");
    TextTable table({tr("ID"), tr("Created"), tr("Type"), tr("State"), tr("Result"), tr("Progress"), tr("Environments"),
        tr("Summary")});
    for (const Activity& a : activities) {
        table.addRow({a.id, time(a.createdAtMs), a.type, Activity::stateToString(a.state),
            a.result ? Activity::resultToString(*a.result) : kDash, QString::number(a.completionPercent) + u'%',
            a.environments.join(QLatin1String(", ")), a.text});
    }
    return table.toString();
}

QString CliOutput::activityDetails(const Activity& a)
{
    TextTable table({tr("Field"), tr("Value")});
    table.addRow({tr("ID"), a.id});
    table.addRow({tr("Type"), a.type});
    table.addRow({tr("State"), Activity::stateToString(a.state)});
    table.addRow({tr("Result"), a.result ? Activity::resultToString(*a.result) : kDash});
    table.addRow({tr("Progress"), QString::number(a.completionPercent) + u'%'});
    table.addRow({tr("Environments"), a.environments.join(QLatin1String(", "))});
    table.addRow({tr("Created"), time(a.createdAtMs)});
    table.addRow({tr("Summary"), a.text});
    return table.toString();
}

QString CliOutput::policies(const ProjectSettings& settings)
{
    TextTable table({tr("Type"), tr("Manual"), tr("Max backups"), tr("Schedule")});
    for (EnvironmentType type : EnvironmentTypes::all()) {
        const RetentionPolicy policy = settings.policyFor(type);
        table.addRow({EnvironmentTypes::toString(type), QString::number(policy.manualCount),
            policy.maxBackups ? QString::number(*policy.maxBackups) : tr("no cap"), schedulesText(policy)});
    }
    return table.toString();
}

QString CliOutput::repositories(const RepositoryReport& report)
{
    TextTable table(
        {tr("Repository"), tr("Size"), tr("Logical"), tr("Dedup"), tr("Snapshots"), tr("Verified"), tr("Result")});
    for (const RepositoryStatus& r : report.repositories) {
        table.addRow({r.name, r.sizeBytes ? size(*r.sizeBytes) : tr("unknown"),
            r.logicalBytes ? size(*r.logicalBytes) : tr("unknown"),
            r.dedupRatio ? QStringLiteral("%1×").arg(*r.dedupRatio, 0, 'f', 1) : tr("unknown"),
            QString::number(r.snapshots), r.lastVerifiedAtMs ? time(*r.lastVerifiedAtMs) : tr("never"),
            r.lastVerifyResult.isEmpty() ? QStringLiteral("-") : r.lastVerifyResult});
    }
    QString text = table.toString();
    for (const RepositoryStatus& r : report.repositories) {
        if (!r.lastVerifyText.isEmpty())
            text += tr("%1: %2").arg(r.name, r.lastVerifyText) + QLatin1Char('\n');
    }
    if (report.growth.size() >= 2) {
        text += tr("Grew from %1 to %2 between %3 and %4.")
                    .arg(size(report.growth.first().sizeBytes), size(report.growth.last().sizeBytes),
                        time(report.growth.first().atMs), time(report.growth.last().atMs))
            + QLatin1Char('\n');
    }
    return text;
}

QString CliOutput::health(const QList<HealthCheck::Row>& rows, bool withProfile)
{
    QStringList headers {tr("Project"), tr("Environment"), tr("State"), tr("Newest good backup"), tr("Target"),
        tr("Missed"), tr("Next run"), tr("Reasons")};
    if (withProfile)
        headers.prepend(tr("Profile"));
    TextTable table(headers);
    QString copies;
    for (const HealthCheck::Row& row : rows) {
        if (!row.report)
            continue;
        for (const EnvironmentHealth& e : row.report->environments) {
            QString target = tr("none");
            if (e.maxAgeHours) {
                const double hours = std::round(*e.maxAgeHours * 10.0) / 10.0;
                target = tr("%1 h").arg(
                    hours == std::floor(hours) ? QString::number(qint64(hours)) : QString::number(hours, 'f', 1));
            }
            QStringList cells {row.project, e.environment, HealthStates::toString(e.state),
                e.newestGoodBackupAtMs ? time(*e.newestGoodBackupAtMs) : tr("none"), target,
                QString::number(e.missedRuns), e.nextRunAtMs ? time(*e.nextRunAtMs) : QStringLiteral("-"),
                e.reasons.isEmpty() ? QStringLiteral("-") : e.reasons.join(QLatin1String("; "))};
            if (withProfile)
                cells.prepend(row.profile);
            table.addRow(cells);
        }
        for (const CopyHealth& c : row.report->copies) {
            if (c.state == HealthState::Ok)
                continue;
            copies
                += tr("Copy %1 of %2: %3: %4\n")
                       .arg(c.name, row.project, HealthStates::toString(c.state), c.reasons.join(QLatin1String("; ")));
        }
    }
    return table.toString() + copies;
}

QString CliOutput::retentionPreview(const QJsonObject& preview)
{
    QString text;
    for (auto it = preview.begin(); it != preview.end(); ++it) {
        const QJsonObject plan = it.value().toObject();
        const int kept = plan.value(QStringLiteral("kept")).toInt();
        const int deleted = plan.value(QStringLiteral("deleted")).toInt();
        text += tr("%1: %n kept", nullptr, kept).arg(it.key());
        if (deleted == 0) {
            text += tr(", nothing deleted.\n");
            continue;
        }
        text += tr(", %n would be deleted:", nullptr, deleted) + QLatin1Char('\n');
        TextTable table({tr("  ID"), tr("Created"), tr("Kind"), tr("Reasons")});
        for (const QJsonValue& value : plan.value(QStringLiteral("backups")).toArray()) {
            const QJsonObject b = value.toObject();
            if (b.value(QStringLiteral("decision")).toString() != QLatin1String("delete"))
                continue;
            QStringList reasons;
            for (const QJsonValue& r : b.value(QStringLiteral("reasons")).toArray())
                reasons.append(r.toString());
            table.addRow({QLatin1String("  ") + b.value(QStringLiteral("id")).toString(),
                b.value(QStringLiteral("created_at")).toString(),
                b.value(QStringLiteral("automated")).toBool() ? tr("automated") : tr("manual"),
                reasons.join(QLatin1String(", "))});
        }
        text += table.toString();
    }
    if (preview.isEmpty())
        return tr("No environments.\n");
    return text;
}

QString CliOutput::activityLabel(const Activity& activity)
{
    const QString environment = environmentOf(activity);
    if (activity.type == QLatin1String("environment.backup"))
        return tr("backup of %1").arg(environment);
    if (activity.type == QLatin1String("environment.restore"))
        return tr("restore of %1").arg(environment);
    if (activity.type == QLatin1String("environment.backup.delete")) {
        const QString backup = payloadString(activity, QStringLiteral("backup_name"));
        return backup.isEmpty() ? tr("backup deletion on %1").arg(environment)
                                : tr("deletion of backup %1").arg(backup);
    }
    if (activity.type == QLatin1String("project.verify"))
        return tr("verification of the %1 repository").arg(payloadString(activity, QStringLiteral("repository")));
    if (activity.type == QLatin1String("project.backup.copy"))
        return tr("copy to %1").arg(payloadString(activity, QStringLiteral("copy")));
    return tr("%1 on %2").arg(activity.type, environment);
}

bool CliOutput::succeeded(const Activity& activity)
{
    return activity.state == Activity::State::Complete && activity.result == Activity::Result::Success;
}

QString CliOutput::activityOutcome(const Activity& a)
{
    const QString environment = environmentOf(a);
    const QString backup = payloadString(a, QStringLiteral("backup_name"));
    if (a.state == Activity::State::Cancelled)
        return tr("The %1 was cancelled (activity %2).").arg(activityLabel(a), a.id);
    if (!succeeded(a)) {
        const QString reason = a.text.isEmpty() ? tr("no reason given") : a.text;
        return tr("The %1 failed (activity %2): %3").arg(activityLabel(a), a.id, reason);
    }
    const qint64 start = a.startedAtMs.value_or(a.createdAtMs);
    const QString took = a.completedAtMs ? duration(*a.completedAtMs - start) : QString();
    if (a.type == QLatin1String("environment.backup")) {
        const bool safe = a.payload.value(QStringLiteral("safe")).toBool(true);
        return tr("Backup %1 of %2 created (%3, %4).")
            .arg(backup, environment, safe ? tr("consistent") : tr("live"), took);
    }
    if (a.type == QLatin1String("environment.restore")) {
        const bool code = a.payload.value(QStringLiteral("restore_code")).toBool(true);
        return tr("Backup %1 restored into %2 (%3, %4).")
            .arg(backup, environment, code ? tr("code and data") : tr("data only, code left as it was"), took);
    }
    if (a.type == QLatin1String("environment.backup.delete"))
        return tr("Backup %1 deleted.").arg(backup);
    // The verification's account and the copy's summary are already sentences.
    if ((a.type == QLatin1String("project.verify") || a.type == QLatin1String("project.backup.copy"))
        && !a.text.isEmpty())
        return a.text;
    return tr("Activity %1 (%2) completed.").arg(a.id, a.type);
}
