#include "copycheck.h"

#include "resticjob.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

CopyCheck::CopyCheck(const ResticRepository::Settings& settings, std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_timeout(timeout)
{ }

CopyCheck::~CopyCheck()
{
    // A job still running when the check goes (the server stops) is asked to stop; it deletes itself afterwards.
    if (m_job && m_job->isRunning()) {
        m_job->setParent(nullptr);
        connect(m_job, &ResticJob::finished, m_job, &QObject::deleteLater);
        m_job->cancel();
    }
}

void CopyCheck::start()
{
    const QFileInfo password(m_settings.passwordFile);
    m_hasPassword = password.isFile() && password.size() > 0;
    if (!m_hasPassword) {
        // Never the copy's own password file: a check must not decide the password that the first copy generates.
        m_scratch = std::make_unique<QTemporaryDir>();
        QFile file(m_scratch->filePath(QStringLiteral("password")));
        if (!m_scratch->isValid()
            || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(ResticRepository::generatePassword()) <= 0) {
            finish(false, tr("The check could not prepare a temporary directory."));
            return;
        }
        file.close();
        m_settings.passwordFile = file.fileName();
        m_settings.cacheDirectory = m_scratch->filePath(QStringLiteral("cache"));
    }
    m_repository = std::make_unique<ResticRepository>(m_settings);
    m_job = m_repository->catConfig(this);
    m_job->setTimeout(m_timeout);
    m_job->setKillDelay(std::chrono::milliseconds(2000));
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (result.ok()) {
            listSnapshots();
            return;
        }
        if (result.failure == ResticResult::Failure::RepositoryMissing) {
            finish(true,
                m_hasPassword ? tr("The target answers but holds no repository: the next copy creates it with the "
                                   "copy's password.")
                              : tr("The target answers and holds no repository yet: it will be created on the first "
                                   "copy, with a password of its own."));
            return;
        }
        finish(false, describeFailure(result));
    });
    m_job->start();
}

void CopyCheck::listSnapshots()
{
    if (!m_hasPassword) {
        // It opened with a password made up a moment ago: restic would never say so, but be exact.
        finish(false, tr("The target opened with a password that was never set; it cannot be a copy's repository."));
        return;
    }
    m_job = m_repository->snapshots(this);
    m_job->setTimeout(m_timeout);
    m_job->setKillDelay(std::chrono::milliseconds(2000));
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (!result.ok()) {
            finish(false, describeFailure(result));
            return;
        }
        const int count = int(result.snapshots.size());
        finish(true,
            tr("Connected: the repository opens with the copy's password and holds %n snapshot(s).", "", count), count);
    });
    m_job->start();
}

QString CopyCheck::describeFailure(const ResticResult& result) const
{
    const QString where = m_settings.repository;
    if (result.status == ResticResult::Status::TimedOut)
        return tr("The target %1 did not answer within %n second(s): the host is unreachable or too slow.", "",
            int(m_timeout.count() / 1000))
            .arg(where);
    if (result.failure == ResticResult::Failure::NotStarted)
        return tr("restic could not be run: %1").arg(result.errorString);
    if (result.failure == ResticResult::Failure::WrongPassword) {
        if (!m_hasPassword)
            return tr("A restic repository already exists at %1, and its password is not the copy's. Choose an "
                      "empty location: each copy gets a password of its own when it is created.")
                .arg(where);
        return tr("The repository at %1 does not open with the copy's password (wrong password, or its keys were "
                  "removed).")
            .arg(where);
    }
    const QString said = result.stderrText + QLatin1Char('\n') + result.errorString;
    static const QRegularExpression unreachable(
        QStringLiteral("connection refused|no such host|no route to host|network is unreachable|i/o timeout|"
                       "connection reset|unable to start the sftp session|ssh: |dial tcp"),
        QRegularExpression::CaseInsensitiveOption);
    if (unreachable.match(said).hasMatch())
        return tr("The host of %1 cannot be reached: %2").arg(where, result.errorString);
    static const QRegularExpression denied(
        QStringLiteral("access denied|permission denied|forbidden|unauthori[sz]ed|invalid ?access ?key|"
                       "signature ?does ?not ?match|401|403"),
        QRegularExpression::CaseInsensitiveOption);
    if (denied.match(said).hasMatch())
        return tr("The target %1 refused the credentials: %2").arg(where, result.errorString);
    return tr("The target %1 cannot be opened: %2").arg(where, result.errorString);
}

void CopyCheck::finish(bool ok, const QString& text, int snapshots)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(Result {ok, text, snapshots});
}
