#pragma once

#include "resticrepository.h"

#include <chrono>
#include <memory>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

class ResticJob;

// "Check connection" for a copy target: opens it with restic (cat config, then snapshots) with the target's
// credentials, bounded by a timeout, and says in one sentence what a person needs to know: reachable with so many
// snapshots, no repository there yet (the first copy creates it), a wrong password, or a host that does not answer.
// restic runs as a child process driven by its signals, so the server's thread never waits for it. A target that
// has no password yet (not saved, or never copied to) is opened with a throwaway one in a temporary directory.
class CopyCheck : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QString text;
        int snapshots = -1; // -1: not known (no repository, or it did not open)
    };

    // `settings.passwordFile` may name a missing file: the check then uses a throwaway password.
    CopyCheck(const ResticRepository::Settings& settings, std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~CopyCheck() override;

    void start();

signals:
    void finished(const CopyCheck::Result& result);

private:
    void listSnapshots();
    void finish(bool ok, const QString& text, int snapshots = -1);
    // What a failed run means for the person checking the target.
    QString describeFailure(const ResticResult& result) const;

    ResticRepository::Settings m_settings;
    std::chrono::milliseconds m_timeout;
    bool m_hasPassword = false;
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<ResticRepository> m_repository;
    QPointer<ResticJob> m_job;
    bool m_finished = false;
};
