#pragma once

#include "activities/operation.h"
#include "confinement.h"
#include "directrestore.h"
#include "domain/environment.h"
#include "hookledger.h"

#include <functional>
#include <optional>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSet>

class DatabaseLoad;
class ResticJob;
class ResticRepository;

// Restores a backup into an environment (its own or another active one). Each directory is restored by restic into
// a staging directory next to its target and swapped in by rename, the old tree kept until every swap succeeded;
// databases are written back with SQLite's online-backup API. With restore_code false the code tree is untouched.
//
// Crash safety: before the first rename a journal (DATA_DIR/journal/restore-<activity>.json, written atomically)
// lists every part {target, old, staged} and every database {target, backupCopy}. Before a database is written back
// the live one is copied next to it; the journal says "saved" once every copy is complete and "committed" once every
// swap and every database write succeeded. recoverJournals() (at start-up) finishes a committed restore and rolls
// any other back, so an interrupted restore leaves the environment entirely old or entirely new.
class RestoreOperation : public Operation
{
    Q_OBJECT

public:
    RestoreOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
        const QString& snapshotId, const QJsonObject& manifest, const Environment& target, bool restoreCode,
        const QString& activityId, QObject* parent = nullptr);

    // Where the target's paths may be (the engine always sets it): start() and the swap refuse places that are
    // links, outside the roots or inside the data directory.
    void setConfinement(const Confinement& confinement) { m_confinement = confinement; }
    // Where the pause is recorded until the resume hook has run, and the hooks' process groups.
    void setLedger(const HookLedger& ledger) { m_ledger = ledger; }
    // Only some parts ("code", "mounts/<name>", "services/<name>"; code also needs restoreCode), or only some
    // paths inside parts ("mounts/uploads/a.txt"), each put back in place and everything else left as it is.
    // With `absentRemoves`, a path the backup does not hold is removed from the target (the undo of a path
    // restore takes away what that restore added); otherwise such a path fails the restore before any change.
    void setSelection(const QStringList& parts, const QStringList& paths, bool absentRemoves)
    {
        m_selectedParts = parts;
        m_selectedPaths = paths;
        m_absentRemoves = absentRemoves;
    }

    // Puts a part or path of the snapshot under a staging folder without restic (directrestore.h), calling `done` on
    // the operation's thread; the engine sets it when the backup is read from the primary repository.
    using DirectFetch = std::function<void(QObject* context, const QString& source, const QString& targetRoot,
        std::function<void(DirectRestore::Outcome outcome, const QString& error)> done)>;
    void setDirectFetch(DirectFetch fetch) { m_directFetch = std::move(fetch); }

    void start() override;
    void cancel() override;

    // Where the journals live: DATA_DIR/journal.
    static QString journalDirectory(const QString& dataDir);
    // Finishes or rolls back every restore a previous run left journalled, and deletes the journals. Synchronous;
    // call at start-up before any restore runs. Returns, per activity id, a sentence saying what was done.
    static QList<QPair<QString, QString>> recoverJournals(const QString& dataDir);
    // The previous and staged trees that the journals still on disk name (kept for the next start).
    static QSet<QString> journalledPaths(const QString& dataDir);

private:
    struct Part
    {
        QString label; // for the log: "code", "mount uploads"
        QString sourcePath; // absolute path as captured
        QString targetPath; // where it goes now
        QString stagingRoot; // next to targetPath
        QString oldPath; // targetPath's previous tree during the swap
        bool existed = false; // whether targetPath existed before the swap
        bool swapped = false;
        QString partRoot {}; // a path inside a part: the part's live root (no link may lie between it and target)
        bool removeOnly = false; // the backup lacks it (absentRemoves): the target is only moved aside
    };
    struct Database
    {
        QString name;
        QString stagedPath; // inside the snapshot
        QString targetPath;
        QString backupCopy; // the live database before the restore, next to it
        bool existed = false;
    };

    // The parts and databases of a path selection; an error sentence, empty on success.
    QString selectPaths(const QString& suffix, const QString& oldSuffix);
    // A PostgreSQL or MariaDB database: its dump, loaded by DatabaseLoad (databases/) while the environment is paused.
    struct ServerDatabase
    {
        QString stagedPath; // inside the snapshot
        LocalDescriptor::Service target;
    };
    void loadServerDatabases();
    void loadNext(int index);
    void swapNext(int index);
    void commitNext(int index);
    void finishNext(int index, QStringList problems);
    void abandonServers(const QString& error);
    void rollBackServers(int index, const QString& error, QStringList problems);
    void commitRestore();
    void succeed();

    void restoreNext();
    void pause();
    void swapIn();
    // Every place the restore writes to, confined; an empty string when all may be used.
    QString checkPlaces() const;
    void writeDatabases();
    void resume();
    void fail(const QString& message);
    void complete();
    void cleanUp();
    void rollBack();
    QJsonObject journal(const QString& state) const;
    bool writeJournal(const QString& state);

    static bool writeJournalFile(const QString& path, const QJsonObject& journal);
    // Puts back the previous trees and databases the journal lists; returns what it did, for the log.
    static QStringList rollBackJournal(const QJsonObject& journal);
    // Removes the previous trees, the staged trees and the database copies the journal lists.
    static void discardJournalled(const QJsonObject& journal);

    ResticRepository& m_repository;
    QString m_stagingDir; // for the databases
    QString m_projectId;
    QString m_snapshotId;
    QJsonObject m_manifest;
    Environment m_target;
    bool m_restoreCode;
    QString m_activityId;
    QString m_journalPath;

    QStringList m_selectedParts;
    QStringList m_selectedPaths;
    bool m_absentRemoves = false;
    QList<Part> m_parts;
    QList<Database> m_databases;
    QList<ServerDatabase> m_serverDatabases;
    QList<DatabaseLoad*> m_loads; // one per m_serverDatabases, made when the loads begin
    QList<int> m_committedLoads; // the final (PostgreSQL) commits that happened
    QString m_partialError; // a final commit failed after another one had happened
    int m_next = 0; // next restic restore to run (m_parts, then the databases)
    bool m_paused = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_committed = false; // past the point of no return: cancel no longer applies
    bool m_keepJournal = false; // a roll-back failed: leave the journal and the previous trees for a restart
    std::optional<Outcome> m_pendingOutcome;
    QPointer<ResticJob> m_job;
    std::optional<Confinement> m_confinement;
    HookLedger m_ledger;
    DirectFetch m_directFetch;
    QSet<int> m_directTried; // parts the direct fetch has seen (restic takes those it did not write)
};
