#include "verifyoperation.h"

#include "removetree.h"
#include "resticjob.h"
#include "resticrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QtConcurrent>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VerifyOperation)
};

// What a test restore put on disk, against the snapshot's own listing.
struct Comparison
{
    qint64 files = 0;
    qint64 bytes = 0;
    QStringList problems; // the first few, named by path inside the snapshot
    qint64 problemCount = 0;
};

constexpr int kNamedProblems = 5;

Comparison compareTree(const QString& root, const QJsonArray& nodes, qint64 recordedBytes)
{
    Comparison c;
    const auto problem = [&c](const QString& text) {
        if (c.problems.size() < kNamedProblems)
            c.problems.append(text);
        ++c.problemCount;
    };
    QHash<QString, qint64> expected; // path inside the snapshot → size (-1 for a symbolic link)
    for (const QJsonValue& value : nodes) {
        const QJsonObject node = value.toObject();
        const QString type = node.value(QLatin1String("type")).toString();
        if (type == QLatin1String("file"))
            expected.insert(
                node.value(QLatin1String("path")).toString(), qint64(node.value(QLatin1String("size")).toDouble()));
        else if (type == QLatin1String("symlink"))
            expected.insert(node.value(QLatin1String("path")).toString(), -1);
    }
    qint64 expectedBytes = 0;
    for (const qint64 size : std::as_const(expected))
        expectedBytes += std::max<qint64>(size, 0);

    QSet<QString> seen;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue;
        const QString path = info.filePath().mid(root.size()); // "/tmp/…/code/index.php"
        seen.insert(path);
        const auto wanted = expected.constFind(path);
        if (wanted == expected.constEnd()) {
            problem(Tr::tr("%1 was restored but is not in the snapshot").arg(path));
            continue;
        }
        if (info.isSymLink()) {
            if (*wanted >= 0)
                problem(Tr::tr("%1 was restored as a symbolic link but is a file in the snapshot").arg(path));
            continue;
        }
        ++c.files;
        c.bytes += info.size();
        if (*wanted != info.size())
            problem(Tr::tr("%1 has %2 bytes, the snapshot recorded %3").arg(path).arg(info.size()).arg(*wanted));
    }
    for (auto e = expected.constBegin(); e != expected.constEnd(); ++e) {
        if (!seen.contains(e.key()))
            problem(Tr::tr("%1 is in the snapshot but was not restored").arg(e.key()));
    }
    if (c.bytes != expectedBytes)
        problem(Tr::tr("the restored files hold %1 bytes, the snapshot lists %2").arg(c.bytes).arg(expectedBytes));
    if (recordedBytes >= 0 && c.bytes != recordedBytes)
        problem(Tr::tr("the restored files hold %1 bytes, the backup recorded %2").arg(c.bytes).arg(recordedBytes));
    return c;
}

QString shortId(const QString& id)
{
    return id.left(8);
}

} // namespace

VerifyOperation::VerifyOperation(ResticRepository& repository, const QString& scratchDir, int readDataPercent,
    const QList<TestTarget>& targets, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    , m_scratch(scratchDir)
    , m_readDataPercent(readDataPercent)
    , m_targets(targets)
{ }

ResticJob* VerifyOperation::track(ResticJob* job)
{
    m_job = job;
    connect(job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    return job;
}

void VerifyOperation::start()
{
    check();
}

void VerifyOperation::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->cancel();
}

void VerifyOperation::stop(const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    removeTree(m_scratch);
    if (m_cancelled) {
        emit finished(Outcome {Outcome::Kind::Cancelled, QString()});
        return;
    }
    emit logLine(message);
    m_result.sentences.append(message);
    emit finished(Outcome {Outcome::Kind::Failure, message});
}

void VerifyOperation::check()
{
    if (m_readDataPercent > 0)
        emit logLine(tr("Checking the repository and reading %1 % of its data back.").arg(m_readDataPercent));
    else
        emit logLine(tr("Checking the repository's structure (no data is read back)."));
    ResticJob* job
        = track(m_readDataPercent > 0 ? m_repository.checkData(m_readDataPercent, this) : m_repository.check(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled)
            return stop(QString());
        m_result.damagedPacks = result.damagedPacks;
        // restic 0.14 ends a check that found errors with "Fatal: repository contains errors" (exit code 1, which
        // a lock it could not take or a wrong password also give).
        const bool verdict = result.ok() || !result.damagedPacks.isEmpty()
            || result.stderrText.contains(QLatin1String("repository contains errors"));
        if (!verdict)
            return stop(tr("restic check could not run: %1").arg(result.errorString));
        m_result.checked = true;
        m_result.checkPassed = result.ok();
        const QString read = m_readDataPercent > 0
            ? tr("restic check read %1 % of the data back").arg(m_readDataPercent)
            : tr("restic check verified the structure");
        if (result.ok()) {
            m_result.sentences.append(tr("%1: no errors.").arg(read));
        } else if (!result.damagedPacks.isEmpty()) {
            QStringList packs;
            for (const QString& pack : result.damagedPacks)
                packs.append(pack);
            m_result.sentences.append(
                tr("%1 and found damaged pack(s): %2.").arg(read, packs.join(QLatin1String(", "))));
        } else {
            const QStringList errors = result.checkErrors.isEmpty() ? QStringList {result.errorString}
                                                                    : result.checkErrors.mid(0, kNamedProblems);
            m_result.sentences.append(tr("%1 and found errors: %2").arg(read, errors.join(QLatin1String("; "))));
        }
        for (const QString& line : result.checkErrors)
            emit logLine(line);
        emit progress(50);
        if (!m_result.damagedPacks.isEmpty())
            findDamage();
        else
            testRestore(0);
    });
    job->start();
}

void VerifyOperation::findDamage()
{
    emit logLine(tr("Looking for the backups that use the damaged pack(s)."));
    ResticJob* job = track(m_repository.findPacks(m_result.damagedPacks, this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled)
            return stop(QString());
        if (!result.ok())
            return stop(
                tr("restic find could not tell which backups use the damaged pack(s): %1").arg(result.errorString));
        for (const QJsonValue& value : result.json.array()) {
            const QJsonObject blob = value.toObject();
            const QString snapshot = blob.value(QLatin1String("snapshot")).toString();
            if (snapshot.isEmpty())
                continue;
            QStringList& paths = m_result.damagedSnapshots[snapshot];
            const QString path = blob.value(QLatin1String("path")).toString();
            if (!path.isEmpty() && !paths.contains(path))
                paths.append(path);
        }
        QStringList named;
        for (auto it = m_result.damagedSnapshots.constBegin(); it != m_result.damagedSnapshots.constEnd(); ++it)
            named.append(tr("snapshot %1 (%2)").arg(shortId(it.key()), it.value().mid(0, 3).join(QLatin1String(", "))));
        named.sort();
        if (!named.isEmpty())
            m_result.sentences.append(tr("Damaged data is used by %1.").arg(named.join(QLatin1String("; "))));
        emit progress(55);
        if (m_quarantine.isEmpty())
            testRestore(0);
        else
            quarantine();
    });
    job->start();
}

void VerifyOperation::quarantine()
{
    QStringList moved;
    for (const QString& pack : std::as_const(m_result.damagedPacks)) {
        const QString error = m_repository.quarantinePack(pack, m_quarantine);
        if (error.isEmpty())
            moved.append(shortId(pack));
        else
            emit logLine(error);
    }
    if (moved.isEmpty()) {
        testRestore(0);
        return;
    }
    emit logLine(tr("Moved the damaged pack(s) %1 to %2; rebuilding the index.")
                     .arg(moved.join(QLatin1String(", ")), m_quarantine));
    ResticJob* job = track(m_repository.rebuildIndex(this));
    connect(job, &ResticJob::finished, this, [this, job, moved](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled)
            return stop(QString());
        if (!result.ok())
            return stop(tr("The damaged pack(s) were moved aside, but the index could not be rebuilt: %1")
                            .arg(result.errorString));
        m_result.repairs.append(tr("The damaged pack(s) %1 were moved out of the repository and the index was rebuilt: "
                                   "the next backup of each environment stores that data again.")
                                    .arg(moved.join(QLatin1String(", "))));
        m_result.sentences.append(m_result.repairs.last());
        testRestore(0);
    });
    job->start();
}

void VerifyOperation::testRestore(int index)
{
    if (index >= m_targets.size()) {
        finish();
        return;
    }
    const TestTarget& target = m_targets.at(index);
    emit progress(60 + 40 * index / int(m_targets.size()));
    if (m_result.damagedSnapshots.contains(target.snapshotId)) {
        m_result.failedBackups.append(target.backupId);
        m_result.sentences.append(tr("Backup %1 of %2 was not test-restored: it uses damaged data.")
                                      .arg(target.backupId, target.environmentId));
        testRestore(index + 1);
        return;
    }
    const QString directory = m_scratch + QLatin1Char('/') + target.environmentId;
    removeTree(directory);
    emit logLine(
        tr("Test restore of backup %1 of %2 into a scratch directory.").arg(target.backupId, target.environmentId));
    ResticJob* job = track(m_repository.restoreVerified(target.snapshotId, directory, this));
    connect(job, &ResticJob::finished, this, [this, job, index, directory](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled)
            return stop(QString());
        const TestTarget& target = m_targets.at(index);
        if (!result.ok()) {
            m_result.failedBackups.append(target.backupId);
            m_result.sentences.append(tr("The test restore of backup %1 of %2 failed: %3")
                                          .arg(target.backupId, target.environmentId, result.errorString));
            removeTree(directory);
            testRestore(index + 1);
            return;
        }
        ResticJob* list = track(m_repository.list(target.snapshotId, this));
        connect(list, &ResticJob::finished, this, [this, list, index](const ResticResult& listed) {
            list->deleteLater();
            if (m_cancelled)
                return stop(QString());
            const TestTarget& target = m_targets.at(index);
            if (!listed.ok()) {
                m_result.failedBackups.append(target.backupId);
                m_result.sentences.append(tr("The snapshot of backup %1 of %2 could not be listed: %3")
                                              .arg(target.backupId, target.environmentId, listed.errorString));
                removeTree(m_scratch + QLatin1Char('/') + target.environmentId);
                testRestore(index + 1);
                return;
            }
            compareRestore(index, listed.json.array());
        });
        list->start();
    });
    job->start();
}

void VerifyOperation::compareRestore(int index, const QJsonArray& nodes)
{
    const TestTarget target = m_targets.at(index);
    const QString directory = m_scratch + QLatin1Char('/') + target.environmentId;
    // Walking a large tree is no work for the server's thread.
    auto* watcher = new QFutureWatcher<Comparison>(this);
    connect(watcher, &QFutureWatcher<Comparison>::finished, this, [this, watcher, index, directory, target] {
        const Comparison c = watcher->result();
        watcher->deleteLater();
        removeTree(directory);
        if (m_cancelled)
            return stop(QString());
        if (c.problemCount == 0) {
            m_result.sentences.append(tr("Backup %1 of %2 restored to %3 files, %4 bytes, identical to the snapshot.")
                                          .arg(target.backupId, target.environmentId)
                                          .arg(c.files)
                                          .arg(c.bytes));
        } else {
            m_result.failedBackups.append(target.backupId);
            m_result.sentences.append(
                tr("The test restore of backup %1 of %2 differs from the snapshot in %n "
                   "place(s): %3",
                    nullptr, int(c.problemCount))
                    .arg(target.backupId, target.environmentId, c.problems.join(QLatin1String("; "))));
        }
        testRestore(index + 1);
    });
    watcher->setFuture(QtConcurrent::run(compareTree, directory, nodes, target.sizeOfVolumes));
}

void VerifyOperation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    removeTree(m_scratch);
    emit progress(100);
    for (const QString& sentence : std::as_const(m_result.sentences))
        emit logLine(sentence);
    const QString text = m_result.sentences.join(QLatin1Char(' '));
    emit finished(Outcome {m_result.ok() ? Outcome::Kind::Success : Outcome::Kind::Failure, text});
}
