#include "engine.h"

#include "activities/activityhub.h"
#include "activities/repositorygate.h"
#include "backupoperation.h"
#include "changetracker.h"
#include "copyoperation.h"
#include "copysecrets.h"
#include "deleteoperation.h"
#include "removetree.h"
#include "repositoryreader.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "restoreoperation.h"
#include "resumeoperation.h"
#include "retention/retentionplanner.h"
#include "snapshotcomposer.h"
#include "verifyoperation.h"

#include <malloc.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>
#include <QTimer>

namespace {

const QString kBackupType = QStringLiteral("environment.backup");
const QString kRestoreType = QStringLiteral("environment.restore");
const QString kDeleteType = QStringLiteral("environment.backup.delete");
const QString kResumeType = QStringLiteral("environment.resume");
const QString kVerifyType = QStringLiteral("project.verify");
const QString kCopyType = QStringLiteral("project.backup.copy");
// The small snapshot beside each backup's that holds what the store knows of it (see backupManifest()).
const QString kManifestTag = QStringLiteral("tidemark-manifest");
const QString kManifestFile = QStringLiteral("tidemark-backup.json");
const QString kPrimary = QStringLiteral("primary");
// A backup attribute (read-only through the API): why the backup cannot be restored now.
const QString kDamagedAttribute = QStringLiteral("damaged");

// A reader nobody used for this long lets go of its index and trees: two minutes, or TIDEMARK_READER_IDLE_MS.
qint64 readerIdleMs()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("TIDEMARK_READER_IDLE_MS", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : 120000;
}

int pruneDelayMs()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("TIDEMARK_PRUNE_DELAY_MS", &ok);
    return ok ? fromEnvironment : 5000;
}

} // namespace

Engine::Engine(Store& store, ActivityHub& hub, const QString& dataDir, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_hub(hub)
    , m_dataDir(QDir(dataDir).absolutePath())
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_readPool.setMaxThreadCount(2);
    m_readPool.setExpiryTimeout(60000);
}

Engine::~Engine() = default;

QString Engine::queueKey(const QString& projectId, const QString& environmentId)
{
    return projectId + QLatin1Char('/') + environmentId;
}

void Engine::forgetEnvironment(const QString& projectId, const QString& environmentId)
{
    m_changeTrackers.remove(projectId + QLatin1Char('/') + environmentId);
}

QString Engine::stagingDir() const
{
    return m_dataDir + QStringLiteral("/staging");
}

ResticRepository* Engine::repository(const QString& projectId)
{
    auto it = m_repositories.find(projectId);
    if (it == m_repositories.end()) {
        const QString dir = m_dataDir + QStringLiteral("/repositories/") + projectId;
        it = m_repositories.insert(projectId, new ResticRepository(ResticRepository::Settings::inDirectory(dir), this));
    }
    return *it;
}

ResticReader* Engine::read(
    const QString& projectId, const QStringList& arguments, ResticReader::Output output, QObject* parent)
{
    auto* reader = new ResticReader(*repository(projectId), arguments, output, parent);
    // Released once: when restic has finished, or when the reader goes before it did.
    auto held = std::make_shared<bool>(false);
    QPointer<RepositoryGate> gateOf(&gate(projectId));
    const auto release = [gateOf, held] {
        if (*held && gateOf) {
            *held = false;
            gateOf->release(RepositoryGate::Mode::Shared);
        }
    };
    connect(reader, &ResticReader::finished, this, release);
    connect(reader, &QObject::destroyed, this, release);
    gate(projectId).acquire(RepositoryGate::Mode::Shared, reader, [reader, held] {
        *held = true;
        reader->start();
    });
    return reader;
}

std::shared_ptr<Engine::ReaderSlot> Engine::readerSlot(const QString& projectId)
{
    std::shared_ptr<ReaderSlot>& slot = m_readers[projectId];
    if (!slot)
        slot = std::make_shared<ReaderSlot>();
    slot->lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_readerSweep) {
        // Readers hold a project's index and recent trees: let go of those nobody used for a while.
        m_readerSweep = new QTimer(this);
        const qint64 idleMs = readerIdleMs();
        m_readerSweep->setInterval(int(std::max<qint64>(idleMs / 2, 1)));
        connect(m_readerSweep, &QTimer::timeout, this, [this, idleMs] {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            bool dropped = false;
            for (auto it = m_readers.begin(); it != m_readers.end();) {
                // Dropped only when no work holds it (work on the pool keeps its own pointer to the slot).
                if (now - (*it)->lastUsedMs > idleMs && it->use_count() == 1) {
                    qInfo("tidemarkd: let go of the repository reader of project %s, unused for %lld s",
                        qPrintable(it.key()), (now - (*it)->lastUsedMs) / 1000);
                    it = m_readers.erase(it);
                    dropped = true;
                } else {
                    ++it;
                }
            }
            // A large repository's index is tens of megabytes: given back to the system, not kept in malloc's pools.
            if (dropped)
                ::malloc_trim(0);
            if (m_readers.isEmpty())
                m_readerSweep->stop();
        });
    }
    if (!m_readerSweep->isActive())
        m_readerSweep->start();
    return slot;
}

void Engine::readDirect(
    const QString& projectId, QObject* context, DirectWork work, std::function<void()> then, GateHeld held)
{
    const std::shared_ptr<ReaderSlot> slot = readerSlot(projectId);
    const ResticRepository::Settings settings = repository(projectId)->settings();
    QPointer<QObject> guard(context);
    auto run
        = [this, slot, settings, guard, work = std::move(work), then = std::move(then)](std::function<void()> release) {
              auto* watcher = new QFutureWatcher<void>(this);
              connect(watcher, &QFutureWatcher<void>::finished, this, [watcher, release, guard, then] {
                  watcher->deleteLater();
                  release();
                  if (guard)
                      then();
              });
              watcher->setFuture(QtConcurrent::run(&m_readPool, [slot, settings, work] {
                  QString error;
                  const std::shared_ptr<RepositoryReader> reader
                      = slotReader(*slot, settings.repository, settings.passwordFile, &error);
                  work(reader.get(), error);
              }));
          };
    if (held == GateHeld::ByCaller)
        return run([] {});
    // Held shared, as restic readers hold it: forget and prune wait, backups and restores go on.
    QPointer<RepositoryGate> gateOf(&gate(projectId));
    gate(projectId).acquire(RepositoryGate::Mode::Shared, context, [gateOf, run] {
        run([gateOf] {
            if (gateOf)
                gateOf->release(RepositoryGate::Mode::Shared);
        });
    });
}

std::shared_ptr<RepositoryReader> Engine::slotReader(
    ReaderSlot& slot, const QString& repository, const QString& passwordFile, QString* error)
{
    QMutexLocker lock(&slot.mutex);
    if (!QFileInfo::exists(repository + QStringLiteral("/config"))) {
        *error = QStringLiteral("the repository is not a local one");
    } else if (!slot.reader) {
        // A repository that did not open is not tried again (a key derivation and a full index load each time) until
        // its index changes.
        const QStringList indexNow = RepositoryReader::indexFiles(repository);
        if (!slot.failure.isEmpty() && slot.failedIndex == indexNow) {
            *error = slot.failure;
        } else {
            slot.reader = RepositoryReader::open(repository, passwordFile, error);
            slot.failure = slot.reader ? QString() : *error;
            slot.failedIndex = slot.reader ? QStringList() : indexNow;
        }
    } else if (!slot.reader->refresh(error)) {
        slot.reader.reset();
        slot.failure = *error;
        slot.failedIndex = RepositoryReader::indexFiles(repository);
    }
    return slot.reader;
}

void Engine::warmReader(const QString& projectId)
{
    readDirect(
        projectId, this, [](RepositoryReader*, const QString&) {}, [] {});
}

ResticReader* Engine::readCopy(const QString& projectId, const QString& copyName, const QStringList& arguments,
    ResticReader::Output output, QObject* parent)
{
    std::optional<CopyTarget> copy;
    for (const CopyTarget& c : m_store.settings(projectId).backupCopies) {
        if (c.name == copyName)
            copy = c;
    }
    if (!copy)
        return nullptr;
    // restic's own lock keeps it apart from a copy being written; the primary's gate has nothing to do with it.
    auto* repository = new ResticRepository(CopySecrets(m_dataDir).settings(projectId, *copy));
    auto* reader = new ResticReader(*repository, arguments, output, parent);
    connect(reader, &QObject::destroyed, repository, &QObject::deleteLater);
    reader->start();
    return reader;
}

RepositoryGate& Engine::gate(const QString& projectId)
{
    auto it = m_gates.find(projectId);
    if (it == m_gates.end())
        it = m_gates.insert(projectId, new RepositoryGate(this));
    return **it;
}

int Engine::pendingOperations() const
{
    int n = 0;
    for (const Queue& q : m_queues)
        n += int(q.waiting.size()) + (q.runningActivity.isEmpty() ? 0 : 1);
    return n;
}

// --- requests ---

QJsonObject Engine::environmentPayload(const QString& projectId, const QString& environmentId) const
{
    QJsonObject o {{QStringLiteral("id"), environmentId}, {QStringLiteral("name"), environmentId}};
    if (const auto e = m_store.environment(projectId, environmentId)) {
        o.insert(QStringLiteral("title"), e->title);
        o.insert(QStringLiteral("type"), EnvironmentTypes::toString(e->type));
    }
    return o;
}

Engine::Request Engine::createBackup(
    const QString& projectId, const QString& environmentId, bool safe, bool automated, const Actor& actor)
{
    const auto environment = m_store.environment(projectId, environmentId);
    if (!environment)
        return {{}, 404, tr("Environment '%1' does not exist.").arg(environmentId)};
    if (environment->status != Environment::Status::Active)
        return {{}, 409, tr("Environment '%1' is inactive; activate it before backing it up.").arg(environmentId)};
    const RetentionPolicy policy = m_store.settings(projectId).policyFor(environment->type);
    if (!automated && policy.manualCount == 0) {
        return {{}, 409,
            tr("Manual backups are disabled for %1 environments (manual_count is 0).")
                .arg(EnvironmentTypes::toString(environment->type))};
    }

    return startBackup(projectId, environmentId, safe, automated, actor, {}, ActivityHub::newId());
}

Engine::Request Engine::startBackup(const QString& projectId, const QString& environmentId, bool safe, bool automated,
    const Actor& actor, const QHash<QString, QString>& attributes, const QString& backupId)
{
    QJsonObject payload {{QStringLiteral("backup_name"), backupId}, {QStringLiteral("safe"), safe},
        {QStringLiteral("automated"), automated},
        {QStringLiteral("environment"), environmentPayload(projectId, environmentId)}};
    const QString safetyFor = attributes.value(QStringLiteral("safety_for"));
    if (!safetyFor.isEmpty())
        payload.insert(QStringLiteral("safety_for"), safetyFor);
    const QString text = !safetyFor.isEmpty()
        ? tr("Safety backup of %1 before restore %2").arg(environmentId, safetyFor)
        : safe ? tr("Consistent backup of %1").arg(environmentId)
               : tr("Live backup of %1").arg(environmentId);
    const auto activity = m_hub.create(projectId, kBackupType, {environmentId}, payload, text, actor);
    if (!activity)
        return {{}, 500, tr("The activity could not be recorded.")};

    auto startedAt = std::make_shared<qint64>(0);
    Queued item;
    item.projectId = projectId;
    item.activityId = activity->activity.id;
    item.gateMode = int(RepositoryGate::Mode::Shared);
    item.needsRepository = true;
    item.make = [this, projectId, environmentId, backupId, safe, startedAt]() -> Operation* {
        const auto current = m_store.environment(projectId, environmentId);
        if (!current)
            return nullptr;
        // tidemarkd's own reader opens (derives its key) while the backup runs, so that browsing it afterwards only
        // has to learn the new index.
        bool open = false;
        if (const auto slot = m_readers.value(projectId); slot && slot->mutex.tryLock()) {
            open = slot->reader != nullptr; // else it is opening now, or not yet
            slot->mutex.unlock();
        }
        if (!open)
            warmReader(projectId);
        *startedAt = now() / 1000 * 1000; // whole seconds, as the API shows them
        // Two backups of one environment in one second would tie, and ties go by id (retention-spec.md, step 1),
        // which is random: the later one would list as the older. Backups of an environment run one at a time, so
        // each starts at least a second after the one before.
        // Only then: a previous backup far ahead of now (a clock set back, an import) does not drag every later one
        // into the future.
        const QList<BackupRecord> earlier = m_store.backups(projectId, environmentId);
        if (!earlier.isEmpty() && earlier.first().backup.createdAtMs >= *startedAt
            && earlier.first().backup.createdAtMs - *startedAt < 5000)
            *startedAt = earlier.first().backup.createdAtMs + 1000;
        auto* op = new BackupOperation(*repository(projectId), stagingDir(), projectId, *current, backupId, safe, this);
        op->setRepositoryKnownReady(m_readyRepositories.contains(projectId)); // it was ensured just before
        op->setConfinement(m_confinement);
        op->setLedger(HookLedger(m_dataDir));
        std::shared_ptr<ChangeTracker>& tracker = m_changeTrackers[projectId + QLatin1Char('/') + environmentId];
        if (!tracker)
            tracker = std::make_shared<ChangeTracker>();
        op->setChangeTracker(tracker);
        // The reader the engine keeps for browsing serves the backup too: one copy of the index, not two.
        const std::shared_ptr<ReaderSlot> slot = readerSlot(projectId);
        op->setReaderSource([slot, settings = repository(projectId)->settings()](QString* error) {
            return slotReader(*slot, settings.repository, settings.passwordFile, error);
        });
        return op;
    };
    item.done = [this, projectId, environmentId, backupId, safe, automated, startedAt, attributes,
                    activityId = activity->activity.id](
                    Operation* op, const Operation::Outcome& outcome) -> Operation::Outcome {
        const auto* backup = static_cast<BackupOperation*>(op);
        // The live pre-pass of a safe backup only served as the second pass's parent. Forgotten here, under the
        // exclusive gate, not in the operation, which holds the repository shared.
        if (backup && !backup->result().prePassSnapshotId.isEmpty())
            forgetOrphan(projectId, backup->result().prePassSnapshotId);
        if (outcome.kind != Operation::Outcome::Kind::Success) {
            if (backup && !backup->result().snapshotId.isEmpty())
                forgetOrphan(projectId, backup->result().snapshotId);
            return outcome;
        }
        m_readyRepositories.insert(projectId);
        const BackupOperation::Result& result = backup->result();
        BackupRecord record;
        record.projectId = projectId;
        record.snapshotId = result.snapshotId;
        record.manifest = result.manifest;
        Backup& b = record.backup;
        b.id = backupId;
        b.createdAtMs = *startedAt;
        b.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        b.environment = environmentId;
        b.automated = automated;
        b.safe = safe;
        b.restorable = true;
        b.commitId = result.commitId;
        b.sizeOfVolumes = result.sizeOfVolumes;
        b.sizeUsed = result.sizeUsed;
        if (result.pauseMs >= 0)
            b.attributes.insert(QStringLiteral("pause_ms"), QString::number(result.pauseMs));
        for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
            b.attributes.insert(it.key(), it.value());
        if (!m_store.saveBackup(record)) {
            // Without its record the snapshot is unreachable: the backup did not happen.
            forgetOrphan(projectId, result.snapshotId);
            const QString message = tr("The backup could not be recorded: %1").arg(m_store.error());
            m_hub.log(activityId, message);
            return {Operation::Outcome::Kind::Failure, message};
        }
        recordGrowth(projectId);
        // tidemarkd's own reader learns the new index now, off the thread, so that browsing the new backup starts at
        // once (the first opening also derives the key).
        warmReader(projectId);
        // The new backup may push out others (the manual limit, the schedules, the cap).
        applyRetention(projectId, environmentId);
        // What the store knows of the backup goes into the repository beside it (then the copies), so that
        // `tidemarkd import` can rebuild the store from any copy.
        storeBackupManifest(projectId, backupId, [this, projectId] {
            // Its own queue: a copy never delays the next backup, and its failure is not the backup's.
            copyAfterBackup(projectId);
        });
        return outcome;
    };
    enqueue(projectId, environmentId, std::move(item));
    return {{*activity}, 202, {}};
}

Engine::Request Engine::restore(const QString& projectId, const QString& backupId, const QString& targetEnvironment,
    const RestoreSelection& selection, const Actor& actor, const QJsonObject& recorded)
{
    const QString& fromCopy = selection.fromCopy;
    const auto record = m_store.backup(projectId, backupId);
    if (!record)
        return {{}, 404, tr("Backup '%1' does not exist.").arg(backupId)};
    if (record->backup.status != Backup::Status::Created || m_deleting.contains(backupId))
        return {{}, 409, tr("Backup '%1' is being deleted and cannot be restored.").arg(backupId)};
    std::optional<CopyTarget> copy;
    QString copySnapshot;
    if (!fromCopy.isEmpty()) {
        for (const CopyTarget& c : m_store.settings(projectId).backupCopies) {
            if (c.name == fromCopy)
                copy = c;
        }
        if (!copy)
            return {{}, 400, tr("from_copy: there is no copy called '%1' in backup_copies.").arg(fromCopy)};
        copySnapshot = m_store.backupCopySnapshot(backupId, fromCopy);
        if (copySnapshot.isEmpty())
            return {{}, 409, tr("Backup '%1' is not on the copy '%2'.").arg(backupId, fromCopy)};
    } else if (!record->backup.restorable) {
        return {{}, 409,
            tr("Backup '%1' cannot be restored: %2")
                .arg(backupId, record->backup.attributes.value(kDamagedAttribute, tr("it is not restorable now.")))};
    }
    const auto target = m_store.environment(projectId, targetEnvironment);
    if (!target)
        return {{}, 404, tr("Environment '%1' does not exist.").arg(targetEnvironment)};
    if (target->status != Environment::Status::Active)
        return {
            {}, 409, tr("Environment '%1' is inactive; activate it before restoring into it.").arg(targetEnvironment)};
    const Queue& queue = m_queues.value(queueKey(projectId, targetEnvironment));
    if (!queue.runningActivity.isEmpty() || !queue.waiting.isEmpty())
        return {{}, 409,
            tr("Environment '%1' is busy with another activity; restore when it has finished.").arg(targetEnvironment)};

    const bool restoreCode = selection.restoreCode;
    const QString safetyId = selection.safetyBackup ? ActivityHub::newId() : QString();
    QJsonObject payload = recorded;
    payload.insert(QStringLiteral("backup_name"), backupId);
    payload.insert(QStringLiteral("restore_code"), restoreCode);
    payload.insert(QStringLiteral("environment"), environmentPayload(projectId, record->backup.environment));
    payload.insert(QStringLiteral("environment_name"), targetEnvironment);
    if (!selection.parts.isEmpty())
        payload.insert(QStringLiteral("parts"), QJsonArray::fromStringList(selection.parts));
    if (!selection.paths.isEmpty())
        payload.insert(QStringLiteral("paths"), QJsonArray::fromStringList(selection.paths));
    payload.insert(QStringLiteral("safety_backup"), safetyId.isEmpty() ? QJsonValue() : QJsonValue(safetyId));
    if (!selection.undoOf.isEmpty())
        payload.insert(QStringLiteral("undo_of"), selection.undoOf);
    QString text;
    if (!selection.undoOf.isEmpty())
        text = tr("Undo of restore %1 in %2").arg(selection.undoOf, targetEnvironment);
    else if (!selection.paths.isEmpty())
        text = tr("Restore of %n path(s) of backup %1 into %2", nullptr, int(selection.paths.size()))
                   .arg(backupId, targetEnvironment);
    else if (!selection.parts.isEmpty())
        text = tr("Restore of %1 from backup %2 into %3")
                   .arg(selection.parts.join(QLatin1String(", ")), backupId, targetEnvironment);
    else if (restoreCode)
        text = tr("Restore of backup %1 into %2").arg(backupId, targetEnvironment);
    else
        text = tr("Restore of the data of backup %1 into %2 (code unchanged)").arg(backupId, targetEnvironment);
    if (copy)
        payload.insert(QStringLiteral("from_copy"), copy->name);
    const auto activity = m_hub.create(projectId, kRestoreType, {targetEnvironment}, payload, text, actor);
    if (!activity)
        return {{}, 500, tr("The activity could not be recorded.")};
    const QString activityId = activity->activity.id;

    Request answer {{*activity}, 202, {}};
    QString safetyActivityId;
    if (!safetyId.isEmpty()) {
        // Before anything is changed: queued ahead of the restore on the same environment.
        const Request safety = startBackup(projectId, targetEnvironment, true, false,
            Actor::server(QStringLiteral("Safety backup")), {{QStringLiteral("safety_for"), activityId}}, safetyId);
        if (!safety.ok()) {
            m_hub.log(activityId, tr("The safety backup could not be started: %1").arg(safety.error));
            m_hub.finish(projectId, activityId, Activity::Result::Failure,
                tr("No safety backup could be taken; nothing was restored"));
            return {{}, safety.status, safety.error};
        }
        answer.activities.append(safety.activities);
        if (!safety.activities.isEmpty())
            safetyActivityId = safety.activities.first().activity.id;
        m_hub.log(activityId, tr("A safety backup (%1) of %2 is taken first.").arg(safetyId, targetEnvironment));
    }

    Queued item;
    item.projectId = projectId;
    item.activityId = activityId;
    item.gateMode = int(RepositoryGate::Mode::Shared);
    if (!safetyId.isEmpty()) {
        item.precondition = [this, projectId, safetyId, safetyActivityId]() -> QString {
            const auto safety = m_store.backup(projectId, safetyId);
            if (safety && safety->backup.status == Backup::Status::Created)
                return QString();
            // Why it was not taken is what the person needs (a link where a database was, a failed hook, …).
            const auto failed = m_store.activity(projectId, safetyActivityId);
            const QString why = failed ? failed->activity.text : QString();
            return why.isEmpty()
                ? tr("The safety backup %1 was not taken; nothing was restored.").arg(safetyId)
                : tr("The safety backup %1 was not taken (%2); nothing was restored.").arg(safetyId, why);
        };
    }
    item.make
        = [this, projectId, backupId, targetEnvironment, selection, activityId, copy, copySnapshot]() -> Operation* {
        const auto current = m_store.environment(projectId, targetEnvironment);
        const auto backup = m_store.backup(projectId, backupId);
        if (!current || !backup)
            return nullptr;
        ResticRepository* source = repository(projectId);
        QString snapshot = backup->snapshotId;
        std::unique_ptr<ResticRepository> copyRepository;
        if (copy) {
            copyRepository = std::make_unique<ResticRepository>(CopySecrets(m_dataDir).settings(projectId, *copy));
            source = copyRepository.get();
            snapshot = copySnapshot;
        }
        auto* op = new RestoreOperation(*source, stagingDir(), projectId, snapshot, backup->manifest, *current,
            selection.restoreCode, activityId, this);
        op->setSelection(selection.parts, selection.paths, selection.absentRemoves);
        if (!copy) {
            op->setDirectFetch(
                [this, projectId, snapshot](QObject* context, const QString& source, const QString& targetRoot,
                    std::function<void(DirectRestore::Outcome, const QString&)> done) {
                    struct Result
                    {
                        DirectRestore::Outcome outcome = DirectRestore::Outcome::NotHandled;
                        QString error;
                    };
                    auto result = std::make_shared<Result>();
                    // The restore holds the repository (shared) while it runs: asking for it again could queue
                    // behind a prune that waits for the restore itself.
                    readDirect(
                        projectId, context,
                        [result, snapshot, source, targetRoot](RepositoryReader* reader, const QString&) {
                            if (reader)
                                result->outcome
                                    = DirectRestore::write(*reader, snapshot, source, targetRoot, &result->error);
                        },
                        [result, done] { done(result->outcome, result->error); }, GateHeld::ByCaller);
                });
        }
        if (copyRepository)
            copyRepository.release()->setParent(op); // lives as long as the restore that reads it
        op->setConfinement(m_confinement);
        op->setLedger(HookLedger(m_dataDir));
        return op;
    };
    item.done = [](Operation*, const Operation::Outcome& outcome) { return outcome; };
    enqueue(projectId, targetEnvironment, std::move(item));
    return answer;
}

Engine::Request Engine::undo(const QString& projectId, const QString& restoreActivityId, const Actor& actor)
{
    const auto record = m_store.activity(projectId, restoreActivityId);
    if (!record)
        return {{}, 404, tr("Activity '%1' does not exist.").arg(restoreActivityId)};
    const Activity& a = record->activity;
    if (a.type != kRestoreType)
        return {{}, 409, tr("Activity '%1' is not a restore; only a restore can be undone.").arg(restoreActivityId)};
    if (!a.isFinished() || a.result != Activity::Result::Success)
        return {{}, 409,
            tr("Restore '%1' has not completed successfully; there is nothing to undo.").arg(restoreActivityId)};
    const QString safetyId = a.payload.value(QStringLiteral("safety_backup")).toString();
    if (safetyId.isEmpty())
        return {
            {}, 409, tr("Restore '%1' was run without a safety backup; it cannot be undone.").arg(restoreActivityId)};
    const auto safety = m_store.backup(projectId, safetyId);
    if (!safety || safety->backup.status != Backup::Status::Created || m_deleting.contains(safetyId))
        return {{}, 409,
            tr("The safety backup %1 of restore '%2' is gone; the restore can no longer be undone.")
                .arg(safetyId, restoreActivityId)};
    RestoreSelection selection;
    selection.restoreCode = a.payload.value(QStringLiteral("restore_code")).toBool(true);
    for (const QJsonValue& v : a.payload.value(QStringLiteral("parts")).toArray())
        selection.parts.append(v.toString());
    for (const QJsonValue& v : a.payload.value(QStringLiteral("paths")).toArray())
        selection.paths.append(v.toString());
    selection.absentRemoves = true; // what the restore added where nothing was goes again
    selection.undoOf = restoreActivityId;
    const QString target = a.payload.value(QStringLiteral("environment_name")).toString();
    return restore(projectId, safetyId, target.isEmpty() ? safety->backup.environment : target, selection, actor);
}

Engine::Request Engine::deleteBackup(const QString& projectId, const QString& backupId, const Actor& actor)
{
    auto record = m_store.backup(projectId, backupId);
    if (!record)
        return {{}, 404, tr("Backup '%1' does not exist.").arg(backupId)};
    if (record->backup.isProtected())
        return {{}, 409, tr("Backup '%1' is protected; unprotect it before deleting it.").arg(backupId)};
    if (m_deleting.contains(backupId))
        return {{}, 409, tr("Backup '%1' is already being deleted.").arg(backupId)};

    const QString environmentId = record->backup.environment;
    const auto activity = m_hub.create(projectId, kDeleteType, {environmentId},
        QJsonObject {{QStringLiteral("backup_name"), backupId},
            {QStringLiteral("environment"), environmentPayload(projectId, environmentId)}},
        tr("Deletion of backup %1 of %2").arg(backupId, environmentId), actor);
    if (!activity)
        return {{}, 500, tr("The activity could not be recorded.")};
    record->backup.status = Backup::Status::Deleting;
    record->backup.restorable = false;
    record->backup.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_store.saveBackup(*record);
    m_deleting.insert(backupId);

    Queued item;
    item.projectId = projectId;
    item.activityId = activity->activity.id;
    item.gateMode = int(RepositoryGate::Mode::Exclusive);
    QStringList snapshotIds;
    if (!record->snapshotId.isEmpty())
        snapshotIds.append(record->snapshotId);
    if (const QString manifest = record->manifest.value(QStringLiteral("manifest_snapshot")).toString();
        !manifest.isEmpty())
        snapshotIds.append(manifest);
    item.make = [this, projectId, backupId, snapshotIds]() -> Operation* {
        return new DeleteOperation(*repository(projectId), backupId, snapshotIds, this);
    };
    item.done = [this, projectId, environmentId, backupId](
                    Operation*, const Operation::Outcome& outcome) -> Operation::Outcome {
        m_deleting.remove(backupId);
        if (outcome.kind == Operation::Outcome::Kind::Success) {
            m_store.deleteBackup(backupId);
            refreshExpiry(projectId, environmentId);
            schedulePrune(projectId);
        } else if (auto current = m_store.backup(projectId, backupId)) {
            current->backup.status = Backup::Status::Created;
            current->backup.restorable = !current->backup.attributes.contains(kDamagedAttribute);
            m_store.saveBackup(*current);
        }
        return outcome;
    };
    enqueue(projectId, environmentId, std::move(item));
    return {{*activity}, 202, {}};
}

Engine::Request Engine::cancel(const QString& projectId, const QString& activityId)
{
    const auto record = m_store.activity(projectId, activityId);
    if (!record)
        return {{}, 404, tr("Activity '%1' does not exist.").arg(activityId)};
    if (!isCancellable(*record))
        return {{}, 409, tr("Activity '%1' cannot be cancelled now.").arg(activityId)};
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        Queue& queue = *it;
        for (qsizetype i = 0; i < queue.waiting.size(); ++i) {
            if (queue.waiting.at(i).activityId != activityId)
                continue;
            queue.waiting.removeAt(i);
            m_hub.log(activityId, tr("Cancelled before it started."));
            m_hub.finish(projectId, activityId, std::nullopt, QString(), true);
            return {{*record}, 200, {}};
        }
        if (queue.runningActivity == activityId) {
            queue.cancelRequested = true;
            if (queue.running)
                queue.running->cancel();
            return {{*record}, 200, {}};
        }
    }
    return {{}, 409, tr("Activity '%1' cannot be cancelled now.").arg(activityId)};
}

Engine::Request Engine::verify(
    const QString& projectId, const QString& repositoryName, int readDataPercent, bool testRestore, const Actor& actor)
{
    if (!m_store.project(projectId))
        return {{}, 404, tr("Project '%1' does not exist.").arg(projectId)};
    std::optional<CopyTarget> copy;
    if (repositoryName != kPrimary) {
        for (const CopyTarget& c : m_store.settings(projectId).backupCopies) {
            if (c.name == repositoryName)
                copy = c;
        }
        if (!copy)
            return {{}, 404,
                tr("repository: there is no repository called '%1' (use primary or the name of a copy).")
                    .arg(repositoryName)};
    }
    if (readDataPercent < 0 || readDataPercent > 100)
        return {{}, 400, tr("read_data_percent: %1 is not between 0 and 100.").arg(readDataPercent)};
    if (isVerifying(projectId))
        return {{}, 409, tr("A verification of project '%1' is already queued or running.").arg(projectId)};

    const QJsonObject payload {{QStringLiteral("repository"), repositoryName},
        {QStringLiteral("read_data_percent"), readDataPercent}, {QStringLiteral("test_restore"), testRestore}};
    const auto activity = m_hub.create(projectId, kVerifyType, {}, payload,
        tr("Verification of the %1 repository of %2").arg(repositoryName, projectId), actor);
    if (!activity)
        return {{}, 500, tr("The activity could not be recorded.")};
    const QString activityId = activity->activity.id;

    Queued item;
    item.projectId = projectId;
    item.activityId = activityId;
    // restic check takes the primary's exclusive lock, and a repair rewrites its index; a copy has its own locks.
    item.gateMode = int(copy ? RepositoryGate::Mode::Shared : RepositoryGate::Mode::Exclusive);
    item.needsRepository = !copy;
    item.make = [this, projectId, activityId, readDataPercent, testRestore, copy]() -> Operation* {
        QList<VerifyOperation::TestTarget> targets;
        if (testRestore) {
            for (const Environment& e : m_store.environments(projectId)) {
                if (e.status != Environment::Status::Active)
                    continue;
                for (const BackupRecord& r : m_store.backups(projectId, e.id)) { // newest first
                    if (r.backup.status != Backup::Status::Created || m_deleting.contains(r.backup.id))
                        continue;
                    // The newest backup that the repository holds (a copy: the newest copied there).
                    const QString snapshot = copy ? m_store.backupCopySnapshot(r.backup.id, copy->name) : r.snapshotId;
                    if (snapshot.isEmpty() || (!copy && !r.backup.restorable))
                        continue;
                    targets.append({e.id, r.backup.id, snapshot, r.backup.sizeOfVolumes.value_or(-1)});
                    break;
                }
            }
        }
        ResticRepository* target = repository(projectId);
        std::unique_ptr<ResticRepository> copyRepository;
        if (copy) {
            copyRepository = std::make_unique<ResticRepository>(CopySecrets(m_dataDir).settings(projectId, *copy));
            target = copyRepository.get();
        }
        auto* op = new VerifyOperation(
            *target, stagingDir() + QStringLiteral("/verify-") + activityId, readDataPercent, targets, this);
        if (copyRepository)
            copyRepository.release()->setParent(op); // damage in a copy is reported, not repaired from here
        else
            op->setQuarantineDirectory(
                m_dataDir + QStringLiteral("/repositories/") + projectId + QStringLiteral("/quarantine"));
        return op;
    };
    item.done = [this, projectId, activityId, readDataPercent, repositoryName](
                    Operation* op, const Operation::Outcome& outcome) -> Operation::Outcome {
        recordVerification(
            projectId, repositoryName, activityId, readDataPercent, static_cast<VerifyOperation*>(op), outcome);
        return outcome;
    };
    enqueue(projectId, QString(), std::move(item));
    return {{*activity}, 202, {}};
}

QJsonObject Engine::backupManifest(const QString& projectId, const BackupRecord& record)
{
    QJsonObject settings = m_store.settings(projectId).toJson();
    settings.remove(QStringLiteral("backup_copies")); // their credentials are not in the store either
    QJsonObject project;
    if (const auto p = m_store.project(projectId))
        project = QJsonObject {{QStringLiteral("id"), p->id}, {QStringLiteral("title"), p->title},
            {QStringLiteral("timezone"), p->timezone}, {QStringLiteral("settings"), settings}};
    QJsonObject environment;
    if (const auto e = m_store.environment(projectId, record.backup.environment))
        environment = e->toJson();
    Backup backup = record.backup;
    backup.links = Links();
    backup.copies.reset();
    QJsonObject manifest = record.manifest;
    manifest.remove(QStringLiteral("manifest_snapshot"));
    return QJsonObject {{QStringLiteral("format"), 1}, {QStringLiteral("project"), project},
        {QStringLiteral("environment"), environment}, {QStringLiteral("backup"), backup.toJson()},
        {QStringLiteral("snapshot_id"), record.snapshotId}, {QStringLiteral("manifest"), manifest}};
}

void Engine::storeBackupManifest(const QString& projectId, const QString& backupId, std::function<void()> then)
{
    const auto record = m_store.backup(projectId, backupId);
    if (!record) {
        then();
        return;
    }
    const QString dir = stagingDir() + QStringLiteral("/manifest-") + backupId;
    QDir().mkpath(dir);
    QFile file(dir + QLatin1Char('/') + kManifestFile);
    const QByteArray json = QJsonDocument(backupManifest(projectId, *record)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
        qWarning("tidemarkd: the manifest of backup %s could not be written", qPrintable(backupId));
        removeTree(dir);
        then();
        return;
    }
    file.close();
    const auto saved = [this, projectId, backupId](const QString& snapshotId) {
        if (auto current = m_store.backup(projectId, backupId)) {
            current->manifest.insert(QStringLiteral("manifest_snapshot"), snapshotId);
            m_store.saveBackup(*current);
        }
    };
    const QString host = QStringLiteral("tidemark-") + projectId;
    // Not tagged `tidemark`: start-up recovery judges those snapshots by their backup records.
    const QStringList tags {kManifestTag, QStringLiteral("project=") + projectId, QStringLiteral("backup=") + backupId};
    // Written by tidemarkd itself where it can (a local repository): a restic start saved for every backup.
    auto direct = std::make_shared<QString>();
    readDirect(
        projectId, this,
        [direct, json, host, tags, dir](RepositoryReader* reader, const QString&) {
            if (!reader)
                return;
            QString error;
            const auto id = SnapshotComposer::storeFile(
                *reader, kManifestFile.toUtf8(), json, host, tags, dir + QLatin1Char('/') + kManifestFile, &error);
            if (id)
                *direct = *id;
        },
        [this, projectId, dir, direct, saved, host, tags, then] {
            if (!direct->isEmpty()) {
                removeTree(dir);
                saved(*direct);
                then();
                return;
            }
            gate(projectId).acquire(
                RepositoryGate::Mode::Shared, this, [this, projectId, dir, saved, host, tags, then] {
                    ResticRepository::BackupRequest request;
                    request.rootDirectory = dir;
                    request.paths = {kManifestFile};
                    request.host = host;
                    request.tags = tags;
                    ResticJob* job = repository(projectId)->backup(request, this);
                    connect(job, &ResticJob::finished, this,
                        [this, job, projectId, dir, saved, then](const ResticResult& r) {
                            job->deleteLater();
                            removeTree(dir);
                            gate(projectId).release(RepositoryGate::Mode::Shared);
                            if (!r.ok() || r.snapshotId.isEmpty())
                                qWarning(
                                    "tidemarkd: a backup manifest could not be stored: %s", qPrintable(r.errorString));
                            else
                                saved(r.snapshotId);
                            then();
                        });
                    job->start();
                });
        });
}

void Engine::copyAfterBackup(const QString& projectId)
{
    for (const CopyTarget& copy : m_store.settings(projectId).backupCopies) {
        if (copy.when != CopyTarget::When::AfterBackup)
            continue;
        const Request request = copyBackups(projectId, copy.name, Actor::server(QStringLiteral("Copy after backup")));
        if (!request.ok())
            qWarning("tidemarkd: copy of project %s to %s not started: %s", qPrintable(projectId),
                qPrintable(copy.name), qPrintable(request.error));
    }
}

QList<BackupCopy> Engine::copiesOf(const BackupRecord& record)
{
    const QList<BackupCopy> stored = m_store.backupCopies(record.backup.id);
    QList<BackupCopy> out;
    for (const CopyTarget& copy : m_store.settings(record.projectId).backupCopies) {
        const auto it
            = std::find_if(stored.begin(), stored.end(), [&copy](const BackupCopy& c) { return c.name == copy.name; });
        if (it == stored.end())
            out.append(BackupCopy {copy.name, BackupCopy::Status::Pending, std::nullopt, QString()});
        else if (it->status != BackupCopy::Status::Pruned)
            out.append(*it);
    }
    return out;
}

Engine::Request Engine::copyBackups(const QString& projectId, const QString& copyName, const Actor& actor)
{
    if (!m_store.project(projectId))
        return {{}, 404, tr("Project '%1' does not exist.").arg(projectId)};
    const QList<CopyTarget> copies = m_store.settings(projectId).backupCopies;
    const auto target
        = std::find_if(copies.begin(), copies.end(), [&copyName](const CopyTarget& c) { return c.name == copyName; });
    if (target == copies.end())
        return {{}, 404, tr("There is no copy called '%1' in backup_copies.").arg(copyName)};
    const QString key = queueKey(projectId, QStringLiteral("copy:") + copyName);
    // One waiting run copies everything that is not there yet: a second would have nothing left to do.
    for (const Queued& waiting : m_queues.value(key).waiting) {
        if (const auto record = m_store.activity(projectId, waiting.activityId))
            return {{*record}, 202, {}};
    }
    // The payload names the copy, never its location or credentials (a location may hold a user and password).
    const auto activity = m_hub.create(projectId, kCopyType, {}, QJsonObject {{QStringLiteral("copy"), copyName}},
        tr("Copy of the backups of %1 to %2").arg(projectId, copyName), actor);
    if (!activity)
        return {{}, 500, tr("The activity could not be recorded.")};
    const QString activityId = activity->activity.id;
    auto attempted = std::make_shared<QStringList>(); // backup ids
    Queued item;
    item.projectId = projectId;
    item.activityId = activityId;
    item.gateMode = int(RepositoryGate::Mode::Shared); // restic copy reads the primary under a shared lock
    item.needsRepository = true;
    item.make = [this, projectId, copyName, attempted]() -> Operation* {
        const QList<CopyTarget> current = m_store.settings(projectId).backupCopies;
        const auto copy = std::find_if(
            current.begin(), current.end(), [&copyName](const CopyTarget& c) { return c.name == copyName; });
        if (copy == current.end())
            return nullptr;
        QStringList snapshots;
        attempted->clear();
        for (const Environment& e : m_store.environments(projectId)) {
            for (const BackupRecord& r : m_store.backups(projectId, e.id)) {
                if (r.backup.status != Backup::Status::Created || m_deleting.contains(r.backup.id)
                    || r.snapshotId.isEmpty())
                    continue;
                const QList<BackupCopy> states = m_store.backupCopies(r.backup.id);
                const bool done = std::any_of(states.begin(), states.end(), [&copyName](const BackupCopy& c) {
                    return c.name == copyName
                        && (c.status == BackupCopy::Status::Copied || c.status == BackupCopy::Status::Pruned);
                });
                if (done)
                    continue;
                snapshots.append(r.snapshotId);
                const QString manifest = r.manifest.value(QStringLiteral("manifest_snapshot")).toString();
                if (!manifest.isEmpty())
                    snapshots.append(manifest); // what `tidemarkd import` rebuilds the store from
                attempted->append(r.backup.id);
            }
        }
        ResticRepository* primary = repository(projectId);
        ResticRepository::Settings settings = CopySecrets(m_dataDir).settings(projectId, *copy);
        // Created with the primary's chunker parameters, so that the copy deduplicates the same way.
        settings.initArguments
            = {QStringLiteral("--copy-chunker-params"), QLatin1String("--from-repo=") + primary->settings().repository,
                QLatin1String("--from-password-file=") + primary->settings().passwordFile};
        if (const QString hint = primary->fastKeyHint(); !hint.isEmpty())
            settings.initArguments.append(QLatin1String("--from-key-hint=") + hint);
        // Opened only when no marker says it was opened before: most often a new target, so `init` comes first.
        settings.initFirst = true;
        auto* copyRepository = new ResticRepository(settings);
        auto* op = new CopyOperation(*primary, *copyRepository, copyName, snapshots, this);
        op->setOpenedMarker(CopySecrets(m_dataDir).directory(projectId, copyName) + QStringLiteral("/opened"));
        copyRepository->setParent(op);
        if (copy->dataRetention) {
            const CopyTarget target = *copy;
            op->setRetentionPlan([this, projectId, target](const QHash<QString, QString>& copied) {
                QStringList forget;
                for (const Environment& e : m_store.environments(projectId)) {
                    QList<RetentionBackup> input;
                    QHash<QString, QStringList> copyOf; // backup id → its snapshots in the copy (data, manifest)
                    for (const BackupRecord& r : m_store.backups(projectId, e.id)) {
                        const QString manifest = r.manifest.value(QStringLiteral("manifest_snapshot")).toString();
                        bool data = false;
                        for (auto it = copied.constBegin(); it != copied.constEnd(); ++it) {
                            if (r.snapshotId.size() >= 8 && it.key().startsWith(r.snapshotId)) {
                                copyOf[r.backup.id].append(it.value());
                                data = true;
                            } else if (!manifest.isEmpty() && it.key() == manifest) {
                                copyOf[r.backup.id].append(it.value());
                            }
                        }
                        if (data)
                            input.append(
                                {r.backup.id, r.backup.createdAtMs, r.backup.automated, r.backup.isProtected()});
                    }
                    const RetentionPlan plan = RetentionPlanner::plan(input, target.policyFor(e.type), now());
                    for (const PlannedBackup& planned : plan.backups) {
                        if (!planned.keep)
                            forget.append(copyOf.value(planned.backup.id));
                    }
                }
                return forget;
            });
        }
        return op;
    };
    item.done = [this, projectId, copyName, attempted](
                    Operation* op, const Operation::Outcome& outcome) -> Operation::Outcome {
        recordCopy(projectId, copyName, *attempted, static_cast<CopyOperation*>(op), outcome);
        return outcome;
    };
    enqueue(projectId, QStringLiteral("copy:") + copyName, std::move(item));
    return {{*activity}, 202, {}};
}

void Engine::recordCopy(const QString& projectId, const QString& copyName, const QStringList& attempted,
    const CopyOperation* op, const Operation::Outcome& outcome)
{
    if (outcome.kind == Operation::Outcome::Kind::Cancelled)
        return;
    const qint64 at = now();
    m_store.transaction([&] {
        for (const Environment& e : m_store.environments(projectId)) {
            for (const BackupRecord& r : m_store.backups(projectId, e.id)) {
                const QList<BackupCopy> states = m_store.backupCopies(r.backup.id);
                const auto previous = std::find_if(
                    states.begin(), states.end(), [&copyName](const BackupCopy& c) { return c.name == copyName; });
                BackupCopy state {copyName, BackupCopy::Status::Pending, std::nullopt, QString()};
                if (previous != states.end())
                    state = *previous;
                bool onCopy = false;
                bool forgotten = false;
                QString copySnapshot = m_store.backupCopySnapshot(r.backup.id, copyName);
                if (op) {
                    for (auto it = op->copied().constBegin(); it != op->copied().constEnd(); ++it) {
                        if (r.snapshotId.size() >= 8 && it.key().startsWith(r.snapshotId)) {
                            onCopy = true;
                            copySnapshot = it.value();
                        }
                    }
                    // Forgotten here by the copy's retention: it is no longer in copied().
                    forgotten = !onCopy && state.status == BackupCopy::Status::Copied && !op->forgotten().isEmpty()
                        && outcome.kind == Operation::Outcome::Kind::Success;
                    if (!onCopy && !op->forgotten().isEmpty() && attempted.contains(r.backup.id)
                        && outcome.kind == Operation::Outcome::Kind::Success)
                        forgotten = true;
                }
                if (onCopy && state.status != BackupCopy::Status::Copied) {
                    state = BackupCopy {copyName, BackupCopy::Status::Copied, at, QString()};
                } else if (forgotten) {
                    state.status = BackupCopy::Status::Pruned;
                } else if (!onCopy && attempted.contains(r.backup.id)
                    && outcome.kind != Operation::Outcome::Kind::Success) {
                    state.status = BackupCopy::Status::Failed;
                    state.error = outcome.message;
                } else {
                    continue;
                }
                if (!m_store.saveBackupCopy(r.backup.id, state, onCopy ? copySnapshot : QString()))
                    return false;
            }
        }
        return true;
    });
}

bool Engine::isVerifying(const QString& projectId) const
{
    return isBusy(projectId, QString());
}

void Engine::recordVerification(const QString& projectId, const QString& repositoryName, const QString& activityId,
    int readDataPercent, const VerifyOperation* op, const Operation::Outcome& outcome)
{
    if (outcome.kind == Operation::Outcome::Kind::Cancelled)
        return;
    VerificationRecord record;
    record.activityId = activityId;
    record.projectId = projectId;
    record.repository = repositoryName;
    record.atMs = now();
    record.ok = outcome.kind == Operation::Outcome::Kind::Success;
    record.text = outcome.message;
    record.readDataPercent = readDataPercent;
    if (op)
        record.damagedPacks = op->result().damagedPacks;
    if (!m_store.saveVerification(record))
        m_hub.log(activityId, tr("The verification's result could not be recorded: %1").arg(m_store.error()));
    if (!op || repositoryName != kPrimary)
        return; // a copy's damage does not make the primary's backups unrestorable

    const VerifyOperation::Result& result = op->result();
    QList<BackupRecord> records;
    for (const Environment& e : m_store.environments(projectId))
        records.append(m_store.backups(projectId, e.id));
    const auto snapshotOf = [&result](const BackupRecord& r) -> QString {
        for (auto it = result.damagedSnapshots.constBegin(); it != result.damagedSnapshots.constEnd(); ++it) {
            if (r.snapshotId.size() >= 8 && it.key().startsWith(r.snapshotId))
                return it.key();
        }
        return {};
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.transaction([&] {
        for (BackupRecord& r : records) {
            const QString damaged = snapshotOf(r);
            if (!damaged.isEmpty()) {
                const QStringList paths = result.damagedSnapshots.value(damaged);
                r.backup.restorable = false;
                r.backup.attributes.insert(kDamagedAttribute,
                    tr("verification %1 found damaged data in it (%2)")
                        .arg(activityId, paths.mid(0, 3).join(QLatin1String(", "))));
                m_hub.log(activityId,
                    tr("Backup %1 of %2 is not restorable: it uses the damaged data.")
                        .arg(r.backup.id, r.backup.environment));
            } else if (result.checkPassed && r.backup.attributes.contains(kDamagedAttribute)
                && r.backup.status == Backup::Status::Created) {
                // restic check found every blob of every snapshot in the index: the data was stored again.
                r.backup.restorable = true;
                r.backup.attributes.remove(kDamagedAttribute);
                m_hub.log(activityId,
                    tr("Backup %1 of %2 is restorable again: all of its data is in the repository.")
                        .arg(r.backup.id, r.backup.environment));
            } else {
                continue;
            }
            r.backup.updatedAtMs = now;
            if (!m_store.saveBackup(r))
                return false;
        }
        return true;
    });
    recordGrowth(projectId);
}

void Engine::recordGrowth(const QString& projectId)
{
    GrowthWalk& walk = m_growthWalks[projectId];
    if (walk.running) {
        walk.again = true;
        return;
    }
    walk.running = true;
    walk.again = false;
    // A large repository has many files: walking them on the server's thread would hold every request meanwhile.
    const ResticRepository::Settings settings = repository(projectId)->settings();
    const qint64 atMs = QDateTime::currentMSecsSinceEpoch();
    auto* watcher = new QFutureWatcher<qint64>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, projectId, atMs] {
        watcher->deleteLater();
        growthMeasured(projectId, atMs, watcher->future().result());
    });
    watcher->setFuture(QtConcurrent::run([settings] { return ResticRepository(settings).diskUsage(); }));
}

void Engine::growthMeasured(const QString& projectId, qint64 atMs, qint64 size)
{
    if (size >= 0)
        m_store.addGrowthPoint(projectId, kPrimary, GrowthPoint {atMs, size});
    GrowthWalk& walk = m_growthWalks[projectId];
    walk.running = false;
    if (walk.again) {
        recordGrowth(projectId);
        return;
    }
    const auto waiters = std::exchange(walk.waiters, {});
    for (const auto& [context, then] : waiters) {
        if (context)
            then();
    }
}

void Engine::whenGrowthRecorded(const QString& projectId, QObject* context, std::function<void()> then)
{
    const auto it = m_growthWalks.find(projectId);
    if (it == m_growthWalks.end() || !it->running) {
        QTimer::singleShot(0, context, std::move(then));
        return;
    }
    it->waiters.append({QPointer<QObject>(context), std::move(then)});
}

bool Engine::isBusy(const QString& projectId, const QString& environmentId) const
{
    const auto it = m_queues.constFind(queueKey(projectId, environmentId));
    return it != m_queues.constEnd() && (!it->runningActivity.isEmpty() || !it->waiting.isEmpty());
}

bool Engine::isCancellable(const ActivityRecord& record) const
{
    if (record.activity.isFinished() || record.activity.type == kDeleteType)
        return false;
    for (const Queue& queue : m_queues) {
        if (queue.runningActivity == record.activity.id)
            return !queue.cancelRequested && (!queue.running || queue.running->isCancellable());
        for (const Queued& q : queue.waiting) {
            if (q.activityId == record.activity.id)
                return true;
        }
    }
    return false;
}

// --- queues ---

void Engine::enqueue(const QString& projectId, const QString& environmentId, Queued item)
{
    const QString key = queueKey(projectId, environmentId);
    m_queues[key].waiting.append(std::move(item));
    QTimer::singleShot(0, this, [this, key] { runNext(key); });
}

void Engine::runNext(const QString& key)
{
    Queue& queue = m_queues[key];
    if (!queue.runningActivity.isEmpty())
        return;
    if (queue.waiting.isEmpty()) {
        if (pendingOperations() == 0)
            emit idle();
        return;
    }
    Queued item = queue.waiting.takeFirst();
    queue.runningActivity = item.activityId;
    queue.cancelRequested = false;
    m_hub.start(item.projectId, item.activityId);
    const auto mode = RepositoryGate::Mode(item.gateMode);
    gate(item.projectId).acquire(mode, this, [this, key, item, mode] {
        Queue& q = m_queues[key];
        const auto finishWith = [this, key, item, mode](Operation* op, const Operation::Outcome& reported) {
            const Operation::Outcome outcome = item.done(op, reported);
            const std::optional<Activity::Result> result = outcome.kind == Operation::Outcome::Kind::Success
                ? std::optional(Activity::Result::Success)
                : outcome.kind == Operation::Outcome::Kind::Failure ? std::optional(Activity::Result::Failure)
                                                                    : std::nullopt;
            m_hub.finish(item.projectId, item.activityId, result, outcome.message,
                outcome.kind == Operation::Outcome::Kind::Cancelled);
            gate(item.projectId).release(mode);
            Queue& done = m_queues[key];
            done.running = nullptr;
            done.runningActivity.clear();
            done.cancelRequested = false;
            if (op)
                op->deleteLater();
            QTimer::singleShot(0, this, [this, key] { runNext(key); });
        };
        if (q.cancelRequested) {
            m_hub.log(item.activityId, tr("Cancelled before it started."));
            finishWith(nullptr, {Operation::Outcome::Kind::Cancelled, QString()});
            return;
        }
        const auto run = [this, key, item, finishWith] {
            if (item.precondition) {
                if (const QString why = item.precondition(); !why.isEmpty()) {
                    m_hub.log(item.activityId, why);
                    finishWith(nullptr, {Operation::Outcome::Kind::Failure, why});
                    return;
                }
            }
            Operation* op = item.make();
            if (!op) {
                m_hub.log(item.activityId, tr("What this activity works on no longer exists."));
                finishWith(nullptr, {Operation::Outcome::Kind::Failure, tr("Nothing to work on")});
                return;
            }
            m_queues[key].running = op;
            const QString projectId = item.projectId;
            const QString activityId = item.activityId;
            connect(op, &Operation::progress, this,
                [this, projectId, activityId](int percent) { m_hub.setProgress(projectId, activityId, percent); });
            connect(op, &Operation::logLine, this,
                [this, activityId](const QString& line) { m_hub.log(activityId, line); });
            connect(op, &Operation::finished, this,
                [op, finishWith](const Operation::Outcome& outcome) { finishWith(op, outcome); });
            op->start();
        };
        if (!item.needsRepository || m_readyRepositories.contains(item.projectId)) {
            run();
            return;
        }
        ensureRepository(item.projectId, [this, key, item, finishWith, run](const QString& error) {
            if (!error.isEmpty()) {
                m_hub.log(item.activityId, error);
                finishWith(nullptr, {Operation::Outcome::Kind::Failure, error});
            } else if (m_queues[key].cancelRequested) {
                m_hub.log(item.activityId, tr("Cancelled before it started."));
                finishWith(nullptr, {Operation::Outcome::Kind::Cancelled, QString()});
            } else {
                run();
            }
        });
    });
}

void Engine::ensureRepository(const QString& projectId, std::function<void(const QString& error)> done)
{
    if (m_readyRepositories.contains(projectId)) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(QString()); });
        return;
    }
    QList<std::function<void(const QString&)>>& waiters = m_repositoryWaiters[projectId];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return; // its creation is under way: wait for it rather than race it (two inits damage a repository)
    ResticRepository* repo = repository(projectId);
    ResticJob* job = repo->ensureInitialised(this);
    connect(job, &ResticJob::finished, this, [this, projectId, job, repo](const ResticResult& result) {
        job->deleteLater();
        QString error;
        if (result.ok())
            m_readyRepositories.insert(projectId);
        else
            error = repo->describeOpenFailure(result);
        const QList<std::function<void(const QString&)>> waiting = m_repositoryWaiters.take(projectId);
        for (const auto& waiter : waiting)
            waiter(error);
    });
    job->start();
}

// --- retention ---

QList<ActivityRecord> Engine::applyRetention(const QString& projectId, const QString& environmentId)
{
    const auto environment = m_store.environment(projectId, environmentId);
    if (!environment)
        return {};
    const RetentionPolicy policy = m_store.settings(projectId).policyFor(environment->type);
    QList<RetentionBackup> input;
    for (const BackupRecord& r : m_store.backups(projectId, environmentId)) {
        if (r.backup.status == Backup::Status::Created && !m_deleting.contains(r.backup.id))
            input.append(
                {r.backup.id, r.backup.createdAtMs, r.backup.automated, r.backup.isProtected(), r.backup.isSafety()});
    }
    const RetentionPlan plan = RetentionPlanner::plan(input, policy, now());
    QList<ActivityRecord> started;
    for (const PlannedBackup& planned : plan.backups) {
        if (planned.keep)
            continue;
        const Request request
            = deleteBackup(projectId, planned.backup.id, Actor::server(QStringLiteral("Retention policy")));
        for (const ActivityRecord& a : request.activities) {
            m_hub.log(a.activity.id,
                tr("Deleted by the retention policy: %1.").arg(planned.reasons.join(QLatin1String(", "))));
            started.append(a);
        }
    }
    refreshExpiry(projectId, environmentId);
    return started;
}

void Engine::refreshExpiry(const QString& projectId, const QString& environmentId)
{
    const auto environment = m_store.environment(projectId, environmentId);
    if (!environment)
        return;
    const RetentionPolicy policy = m_store.settings(projectId).policyFor(environment->type);
    QList<BackupRecord> records;
    QList<RetentionBackup> input;
    for (const BackupRecord& r : m_store.backups(projectId, environmentId)) {
        if (r.backup.status == Backup::Status::Created && !m_deleting.contains(r.backup.id)) {
            records.append(r);
            input.append(
                {r.backup.id, r.backup.createdAtMs, r.backup.automated, r.backup.isProtected(), r.backup.isSafety()});
        }
    }
    const RetentionPlan plan = RetentionPlanner::plan(input, policy, now());
    QHash<QString, std::optional<qint64>> expiry;
    for (const PlannedBackup& p : plan.backups)
        expiry.insert(p.backup.id, p.keep ? p.expiresAtMs : std::nullopt);
    int index = 0;
    m_store.transaction([&] {
        for (BackupRecord& r : records) { // newest first
            std::optional<int> newIndex;
            if (r.backup.automated)
                newIndex = ++index;
            const std::optional<qint64> newExpiry = expiry.value(r.backup.id);
            if (r.backup.index == newIndex && r.backup.expiresAtMs == newExpiry)
                continue;
            r.backup.index = newIndex;
            r.backup.expiresAtMs = newExpiry;
            if (!m_store.saveBackup(r))
                return false;
        }
        return true;
    });
}

void Engine::schedulePrune(const QString& projectId)
{
    QTimer*& timer = m_pruneTimers[projectId];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, projectId] {
            gate(projectId).acquire(RepositoryGate::Mode::Exclusive, this, [this, projectId] {
                ResticJob* job = repository(projectId)->prune(this);
                connect(job, &ResticJob::finished, this, [this, job, projectId](const ResticResult& result) {
                    if (!result.ok())
                        qWarning("tidemarkd: prune of project %s failed: %s", qPrintable(projectId),
                            qPrintable(result.errorString));
                    else
                        recordGrowth(projectId);
                    job->deleteLater();
                    gate(projectId).release(RepositoryGate::Mode::Exclusive);
                });
                job->start();
            });
        });
    }
    // Batched: one prune a short while after the last delete, not one per delete.
    timer->start(pruneDelayMs());
}

void Engine::forgetOrphan(const QString& projectId, const QString& snapshotId)
{
    gate(projectId).acquire(RepositoryGate::Mode::Exclusive, this, [this, projectId, snapshotId] {
        ResticJob* job = repository(projectId)->forget({snapshotId}, this);
        connect(job, &ResticJob::finished, this, [this, job, projectId](const ResticResult&) {
            job->deleteLater();
            gate(projectId).release(RepositoryGate::Mode::Exclusive);
            schedulePrune(projectId);
        });
        job->start();
    });
}

// --- start-up ---

namespace {

// Removes what an interrupted restore left next to `path`: `<name>.tidemark-restore-*`, `<name>.tidemark-old-*`,
// except what a journal that recovery had to keep still needs (`keep`).
void removeRestoreLeftovers(const QString& path, const QSet<QString>& keep)
{
    if (path.isEmpty())
        return;
    const QFileInfo target(QDir::cleanPath(QDir(path).absolutePath()));
    QDir parent = target.dir();
    if (!parent.exists())
        return;
    const QStringList patterns {target.fileName() + QStringLiteral(".tidemark-restore-*"),
        target.fileName() + QStringLiteral(".tidemark-old-*")};
    const QFileInfoList leftovers
        = parent.entryInfoList(patterns, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo& leftover : leftovers) {
        if (keep.contains(leftover.filePath()))
            continue;
        const bool removed = removeTree(leftover.filePath());
        if (removed)
            qInfo("tidemarkd: removed %s, left by an interrupted restore", qPrintable(leftover.filePath()));
        else
            qWarning("tidemarkd: could not remove %s, left by an interrupted restore", qPrintable(leftover.filePath()));
    }
}

} // namespace

void Engine::recoverAfterRestart()
{
    // Restores that were swapping trees are finished (committed) or undone, before anything else may run.
    QHash<QString, QString> journalled;
    for (const auto& [activityId, sentence] : RestoreOperation::recoverJournals(m_dataDir))
        journalled.insert(activityId, sentence);
    // A journal kept (its roll-back failed, or a database server could not tell whether it committed) still needs its
    // previous and staged trees.
    const QSet<QString> keptTrees = RestoreOperation::journalledPaths(m_dataDir);
    for (const ActivityRecord& r : m_store.unfinishedActivities()) {
        m_hub.log(r.activity.id, tr("tidemarkd stopped while this activity was running; it did not complete."));
        if (journalled.contains(r.activity.id))
            m_hub.log(r.activity.id, journalled.value(r.activity.id));
        m_hub.finish(r.projectId, r.activity.id, Activity::Result::Failure,
            tr("Interrupted: tidemarkd stopped while this activity was running"));
    }
    removeTree(stagingDir());
    // Earlier versions kept a mirror of each environment for consistent backups; nothing reads them now.
    if (const QString mirrors = m_dataDir + QStringLiteral("/mirrors"); QFileInfo::exists(mirrors))
        QThreadPool::globalInstance()->start([mirrors] { removeTree(mirrors); });
    // Hooks of the previous run that were still running die now; environments it left paused are resumed first
    // thing, before any other activity on them.
    const HookLedger ledger(m_dataDir);
    if (const int killed = ledger.killLeftoverHooks())
        qInfo("tidemarkd: stopped %d hook process group(s) left by the previous run", killed);
    for (const HookLedger::Paused& paused : ledger.pausedEnvironments())
        resumeAfterRestart(paused);
    for (const Project& project : m_store.projects()) {
        // Staged and previous trees (and database copies) of restores that never wrote a journal.
        for (const Environment& e : m_store.environments(project.id)) {
            if (!e.local)
                continue;
            removeRestoreLeftovers(e.local->codePath, keptTrees);
            for (const LocalDescriptor::Mount& m : e.local->mounts)
                removeRestoreLeftovers(m.path, keptTrees);
            for (const LocalDescriptor::Service& s : e.local->services)
                removeRestoreLeftovers(s.path, keptTrees);
        }
        const QString repo = m_dataDir + QStringLiteral("/repositories/") + project.id + QStringLiteral("/repo");
        if (QFileInfo(repo).isDir()) {
            gate(project.id).acquire(RepositoryGate::Mode::Exclusive, this, [this, projectId = project.id] {
                ResticJob* job = repository(projectId)->unlock(this);
                connect(job, &ResticJob::finished, this, [this, job, projectId](const ResticResult&) {
                    job->deleteLater();
                    forgetHalfMadeSnapshots(projectId, 1);
                });
                job->start();
            });
        }
        // Deletions that were under way are taken up again (forgetting a forgotten snapshot is harmless).
        for (const Environment& e : m_store.environments(project.id)) {
            for (BackupRecord& b : m_store.backups(project.id, e.id)) {
                if (b.backup.status != Backup::Status::Deleting)
                    continue;
                b.backup.status = Backup::Status::Created;
                m_store.saveBackup(b);
                deleteBackup(project.id, b.backup.id);
            }
        }
    }
}

void Engine::resumeAfterRestart(const HookLedger::Paused& paused)
{
    const auto environment = m_store.environment(paused.project, paused.environment);
    if (!environment) {
        HookLedger(m_dataDir).resumed(paused.project, paused.environment);
        return;
    }
    const auto activity = m_hub.create(paused.project, kResumeType, {paused.environment},
        QJsonObject {{QStringLiteral("environment"), environmentPayload(paused.project, paused.environment)},
            {QStringLiteral("paused_by"), paused.pausedBy}},
        tr("Resume of %1 after tidemarkd stopped while it was paused").arg(paused.environment),
        Actor::server(QStringLiteral("Start-up recovery")));
    if (!activity)
        return;
    m_hub.log(activity->activity.id,
        tr("tidemarkd stopped while %1 was paused (by the %2); its resume hook runs now.")
            .arg(paused.environment, paused.pausedBy));
    Queued item;
    item.projectId = paused.project;
    item.activityId = activity->activity.id;
    item.gateMode = int(RepositoryGate::Mode::Shared);
    const QString projectId = paused.project;
    const QString environmentId = paused.environment;
    item.make = [this, projectId, environmentId]() -> Operation* {
        const auto current = m_store.environment(projectId, environmentId);
        if (!current)
            return nullptr;
        return new ResumeOperation(projectId, *current, HookLedger(m_dataDir), this);
    };
    item.done = [](Operation*, const Operation::Outcome& outcome) { return outcome; };
    enqueue(paused.project, paused.environment, std::move(item));
}

// Runs under the exclusive gate that recoverAfterRestart() took, and releases it. Forgets the snapshots tagged
// `backup=<id>` that no backup in the store holds (a backup record is only written after restic saved its
// snapshot: these are half-made backups, or passes of backups that never completed), and checks that every
// listed backup still has its snapshot. Another restic process (someone's `restic snapshots`, a check) may hold a
// lock for a moment: a failure is retried a few times, the gate held in between.
void Engine::forgetHalfMadeSnapshots(const QString& projectId, int attempt)
{
    const auto release = [this, projectId, attempt](bool failed) {
        if (failed && attempt < 5) {
            QTimer::singleShot(
                2000, this, [this, projectId, attempt] { forgetHalfMadeSnapshots(projectId, attempt + 1); });
            return;
        }
        gate(projectId).release(RepositoryGate::Mode::Exclusive);
    };
    ResticJob* list = repository(projectId)->snapshots(
        ResticRepository::SnapshotFilter {QString(), {QStringLiteral("tidemark")}, {}}, this);
    connect(list, &ResticJob::finished, this, [this, list, projectId, release](const ResticResult& result) {
        list->deleteLater();
        if (!result.ok()) {
            qWarning("tidemarkd: could not list the snapshots of project %s: %s", qPrintable(projectId),
                qPrintable(result.errorString));
            release(true);
            return;
        }
        QList<BackupRecord> records;
        for (const Environment& e : m_store.environments(projectId))
            records.append(m_store.backups(projectId, e.id));
        const auto held = [&records](const QString& snapshotId) {
            return std::any_of(records.begin(), records.end(), [&snapshotId](const BackupRecord& r) {
                return r.snapshotId.size() >= 8 && snapshotId.startsWith(r.snapshotId);
            });
        };
        QStringList orphans;
        for (const ResticSnapshot& snapshot : result.snapshots) {
            const auto tag = std::find_if(snapshot.tags.begin(), snapshot.tags.end(),
                [](const QString& t) { return t.startsWith(QLatin1String("backup=")); });
            if (tag == snapshot.tags.end())
                continue; // not one of ours to judge
            const QString backupId = tag->mid(7);
            const auto record = m_store.backup(projectId, backupId);
            if (record && (record->snapshotId.isEmpty() || held(snapshot.id)))
                continue;
            qInfo("tidemarkd: forgetting snapshot %s of project %s: no backup holds it (backup %s was not completed)",
                qPrintable(snapshot.shortId), qPrintable(projectId), qPrintable(backupId));
            orphans.append(snapshot.id);
        }
        for (const BackupRecord& r : records) {
            const bool present = std::any_of(result.snapshots.begin(), result.snapshots.end(),
                [&r](const ResticSnapshot& s) { return !r.snapshotId.isEmpty() && s.id.startsWith(r.snapshotId); });
            if (!present && r.backup.status == Backup::Status::Created) {
                qWarning("tidemarkd: backup %s of project %s is listed but its snapshot %s is not in the repository",
                    qPrintable(r.backup.id), qPrintable(projectId), qPrintable(r.snapshotId));
            }
        }
        if (orphans.isEmpty()) {
            release(false);
            return;
        }
        ResticJob* forget = repository(projectId)->forget(orphans, this);
        connect(forget, &ResticJob::finished, this, [this, forget, projectId, release](const ResticResult& done) {
            forget->deleteLater();
            if (!done.ok())
                qWarning("tidemarkd: could not forget the half-made snapshots of project %s: %s", qPrintable(projectId),
                    qPrintable(done.errorString));
            release(!done.ok());
            if (done.ok())
                schedulePrune(projectId);
        });
        forget->start();
    });
    list->start();
}
