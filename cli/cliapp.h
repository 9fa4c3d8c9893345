#pragma once

#include "client/apiclient.h"
#include "connectionprofiles.h"
#include "healthcheck.h"

#include <memory>
#include <QFile>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

class ActivityFollower;
class ProgressPrinter;

// One run of tidemark-cli's online commands (api-contract.md, "Command lines"): parses the global and the
// command's options, talks to the server through ApiClient without ever blocking, prints on stdout (tables,
// or JSON with --format json) and stderr (progress, notes, errors), and reports the exit status once through
// finished(). The offline retention:preview stays in app/cli/main.cpp.
class CliApp : public QObject
{
    Q_OBJECT

public:
    // api-contract.md: 0 success, 1 failed activity, 2 usage or input error, 3 server/network error.
    // `health`: 1 when anything is in warning or critical.
    enum ExitStatus {
        Success = 0,
        ActivityFailed = 1,
        Unhealthy = 1,
        UsageError = 2,
        ServerError = 3,
        Interrupted = 130
    };

    // `arguments` as from QCoreApplication::arguments() (program name first). `stderrIsTerminal` selects the
    // redrawn progress bar over plain progress lines.
    CliApp(QStringList arguments, QProcessEnvironment environment, bool stderrIsTerminal, QObject* parent = nullptr);
    ~CliApp() override;

    // The top-level usage text (all commands, the exit statuses).
    static QString usage();

public slots:
    void start();
    // SIGINT: stops waiting for an activity (it keeps running on the server) or for an answer.
    void interrupt();

signals:
    void finished(int exitCode);

private:
    struct Command;
    struct Options
    {
        QString command;
        QStringList arguments; // positional arguments after the command
        QString project;
        QString environment;
        bool json = false;
        bool live = false;
        bool noWait = false;
        bool noCode = false;
        QString target;
        QString setFile;
        bool dryRun = false;
        QStringList parts; // backup:restore --part
        QStringList paths; // backup:restore --path
        bool noSafetyBackup = false;
        QString against; // backup:diff
        QString to; // backup:download
        QString copy; // repository:verify --copy
        QString fromCopy; // backup:restore --from-copy
        int readDataPercent = -1; // repository:verify --read-data; -1: the project's setting
        bool allProfiles = false; // health --all-profiles
    };

    static const QList<Command>& commands();
    bool parse(); // false: finished with a usage error or after printing help
    bool readRetentionPatch(); // reads and checks --set FILE locally

    void environmentList();
    void repositoryInfo();
    void repositoryVerify();
    void copyList();
    void backupList();
    void backupGet();
    void backupCreate();
    void createAfterCheck(const Environment& environment);
    void backupRestore();
    void restore(const Backup& backup);
    void backupDelete();
    void backupFiles();
    void backupDownload();
    void download(const BackupFileEntry& entry);
    void backupDiff();
    void activityUndo();
    void activityList();
    void activityLog();
    void settingsRetention();
    // healthcommand.cpp: `health [--all-profiles]`.
    void health();
    void readProfileTokens(QList<ConnectionProfile> profiles, QList<HealthCheck::Target> targets);
    void runHealthCheck(const QList<HealthCheck::Target>& targets);
    // The server's dry run where it has one; otherwise the same plan made here (the hosted API would apply a
    // PATCH ?dry_run=1), from its settings, environments and backups.
    void retentionDryRun();
    void localRetentionDryRun(
        const ProjectSettings& settings, const QList<Environment>& environments, QJsonObject preview);
    void showRetentionUpdate(const ApiClient::SettingsUpdate& update, bool dryRun);

    // Takes the first activity of an action's answer: prints it and finishes (--no-wait) or follows it.
    void started(const QList<Activity>& activities, bool wait);
    void follow(const Activity& activity);
    void followed(const Activity& activity, const ApiError& error);

    template<typename T, typename F>
    void await(QFuture<ApiResult<T>> future, F onSuccess);

    void printOut(const QString& text);
    void printErr(const QString& text);
    void printJson(const QJsonValue& json);
    void failUsage(const QString& message);
    void failServer(const ApiError& error);
    void finish(int exitCode);

    QStringList m_argv;
    QProcessEnvironment m_environment;
    bool m_terminal = false;
    Options m_options;
    ApiClient::Connection m_connection;
    QJsonObject m_retentionPatch;
    QTextStream m_out;
    QTextStream m_err;
    ApiClient* m_client = nullptr;
    ActivityFollower* m_follower = nullptr;
    std::unique_ptr<ProgressPrinter> m_progress;
    std::unique_ptr<QFile> m_downloadFile;
    QString m_followedActivityId;
    bool m_finished = false;
};
