#pragma once

#include "resticsnapshot.h"

#include <optional>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

// What one ResticJob ended with: an outcome, restic's own words, and what the command produced.
struct ResticResult
{
    enum class Status {
        Succeeded,
        Incomplete, // backup: the snapshot was saved but some source files could not be read (exit code 3)
        Failed,
        Cancelled,
        TimedOut,
    };

    // Why a job failed, for callers that react (unlock a stale lock, re-create a password file, ...).
    enum class Failure {
        None,
        NotStarted, // restic is missing or could not be executed; or a request was refused before it ran
        Crashed,
        WrongPassword,
        RepositoryMissing,
        RepositoryLocked,
        NoSpace, // the repository's (or the cache's) file system is full
        SnapshotNotFound,
        UnsupportedVersion,
        UnreadableOutput,
        Other,
    };

    // The `summary` message of `restic backup --json`.
    struct BackupSummary
    {
        QString snapshotId; // as restic prints it: the short id (8 hex digits) in 0.14
        qint64 filesNew = 0;
        qint64 filesChanged = 0;
        qint64 filesUnmodified = 0;
        qint64 dirsNew = 0;
        qint64 dirsChanged = 0;
        qint64 dirsUnmodified = 0;
        qint64 dataBlobs = 0;
        qint64 treeBlobs = 0;
        qint64 dataAdded = 0; // bytes added to the repository (before compression)
        qint64 totalFilesProcessed = 0;
        qint64 totalBytesProcessed = 0; // size of everything backed up
        double totalDurationSeconds = 0;

        static BackupSummary fromJson(const QJsonObject& json);
        bool operator==(const BackupSummary&) const = default;
    };

    QString command; // restic's subcommand: "backup", "snapshots", ...
    Status status = Status::Failed;
    Failure failure = Failure::None;
    int exitCode = -1; // -1 when restic did not run to an exit (not started, killed by a signal)
    QString errorString; // one translated sentence for people; empty on success
    QString stderrText; // restic's own diagnostics (not the JSON lines), trimmed
    QStringList warnings; // files restic could not read, snapshot ids it ignored, ...

    std::optional<BackupSummary> backupSummary; // backup
    QString snapshotId; // backup: the full id of the new snapshot
    QList<ResticSnapshot> snapshots; // snapshots
    QJsonObject config; // init, cat config: the repository config ("version", "id", "chunker_polynomial")
    QVersionNumber version; // version
    QJsonDocument json; // the whole JSON document of snapshots, forget, cat config
    QStringList damagedPacks; // check: full ids of packs whose content is damaged
    QStringList checkErrors; // check: the lines that report a problem, as restic wrote them
    QString output; // lines of plain text restic printed on stdout (check, prune, restore, copy in 0.14)
    int processes = 0; // restic processes the job started (a probe or a second run included)

    bool ok() const { return status == Status::Succeeded || status == Status::Incomplete; }
    // The repository format version (1 or 2) from `config`, 0 when unknown.
    int repositoryVersion() const { return config.value(QLatin1String("version")).toInt(); }

    static QString statusToString(Status status);
};

Q_DECLARE_METATYPE(ResticResult)
