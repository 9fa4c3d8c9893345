#include "cliapp.h"

#include "client/activityfollower.h"
#include "client/backupdownload.h"
#include "client/logstream.h" // activityfollower.h's inline QPointer<LogStream> needs the complete type
#include "clioutput.h"
#include "domain/jsondocument.h"
#include "domain/timestamp.h"
#include "progressprinter.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"
#include "texttable.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

// One command: its synopsis, what it needs and which of the command options it takes.
struct CliApp::Command
{
    const char* name;
    const char* synopsis; // after the name
    const char* summary; // translated at use (QT_TRANSLATE_NOOP)
    bool needsEnvironment;
    int minArguments;
    int maxArguments;
    QStringList options; // command options it accepts (the global ones are always accepted)
    void (CliApp::*run)();
};

namespace {

const QString kLive = QStringLiteral("live");
const QString kNoWait = QStringLiteral("no-wait");
const QString kNoCode = QStringLiteral("no-code");
const QString kTarget = QStringLiteral("target");
const QString kSet = QStringLiteral("set");
const QString kDryRun = QStringLiteral("dry-run");
const QString kPart = QStringLiteral("part");
const QString kPath = QStringLiteral("path");
const QString kNoSafetyBackup = QStringLiteral("no-safety-backup");
const QString kAgainst = QStringLiteral("against");
const QString kTo = QStringLiteral("to");
const QString kCopy = QStringLiteral("copy");
const QString kReadData = QStringLiteral("read-data");
const QString kAllProfiles = QStringLiteral("all-profiles");
const QString kFromCopy = QStringLiteral("from-copy");

const QString kApiVariable = QStringLiteral("TIDEMARK_API_URL");
const QString kTokenUrlVariable = QStringLiteral("TIDEMARK_TOKEN_URL");
const QString kTokenVariable = QStringLiteral("TIDEMARK_TOKEN");
const QString kProjectVariable = QStringLiteral("TIDEMARK_PROJECT");
const QString kEnvironmentVariable = QStringLiteral("TIDEMARK_ENVIRONMENT");

template<typename T>
QJsonArray toJsonArray(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

CliApp::CliApp(QStringList arguments, QProcessEnvironment environment, bool stderrIsTerminal, QObject* parent)
    : QObject(parent)
    , m_argv(std::move(arguments))
    , m_environment(std::move(environment))
    , m_terminal(stderrIsTerminal)
    , m_out(stdout)
    , m_err(stderr)
{ }

CliApp::~CliApp() = default;

// --- commands and usage ---

const QList<CliApp::Command>& CliApp::commands()
{
    static const QList<CliApp::Command> list {
        {"environment:list", "", QT_TRANSLATE_NOOP("CliApp", "List the project's environments."), false, 0, 0, {},
            &CliApp::environmentList},
        {"backup:create", "[--live] [--no-wait]",
            QT_TRANSLATE_NOOP("CliApp",
                "Back up the environment (consistent, with a short pause; --live: without pause) and wait for it."),
            true, 0, 0, {kLive, kNoWait}, &CliApp::backupCreate},
        {"backup:list", "", QT_TRANSLATE_NOOP("CliApp", "List the environment's backups, newest first."), true, 0, 0,
            {}, &CliApp::backupList},
        {"backup:get", "ID", QT_TRANSLATE_NOOP("CliApp", "Show one backup."), true, 1, 1, {}, &CliApp::backupGet},
        {"backup:restore",
            "[ID] [--no-code] [--target ENV] [--part P]... [--path P]... [--no-safety-backup] [--from-copy NAME]",
            QT_TRANSLATE_NOOP("CliApp",
                "Restore a backup (default: the newest) into the environment or --target and wait for it; asks no "
                "questions. --no-code restores the data only. --part (mounts/NAME, services/NAME, code) restores only "
                "those parts, --path only those files or folders (code/..., mounts/NAME/...), leaving everything else "
                "as it is. A safety backup of the target is taken first unless --no-safety-backup; undo the restore "
                "with activity:undo. --from-copy NAME reads the backup from that copy (when the primary repository "
                "is damaged or gone)."),
            true, 0, 1, {kNoCode, kTarget, kPart, kPath, kNoSafetyBackup, kFromCopy}, &CliApp::backupRestore},
        {"backup:files", "ID [PATH]",
            QT_TRANSLATE_NOOP("CliApp",
                "List what a backup holds: its parts without PATH, else the folder PATH (code/..., mounts/NAME/...)."),
            true, 1, 2, {}, &CliApp::backupFiles},
        {"backup:download", "ID PATH [--to DIR]",
            QT_TRANSLATE_NOOP("CliApp",
                "Save one file of a backup (or a folder, as NAME.tar) into DIR (default: the current folder) without "
                "touching the environment."),
            true, 2, 2, {kTo}, &CliApp::backupDownload},
        {"backup:diff", "ID [--against ID|current]",
            QT_TRANSLATE_NOOP("CliApp",
                "Compare a backup with the environment now (the default) or with another backup: files added, changed "
                "and removed per part, the code commit then and now, database tables and row counts."),
            true, 1, 1, {kAgainst}, &CliApp::backupDiff},
        {"backup:delete", "ID", QT_TRANSLATE_NOOP("CliApp", "Delete a backup and wait for it."), true, 1, 1, {},
            &CliApp::backupDelete},
        {"activity:list", "",
            QT_TRANSLATE_NOOP("CliApp", "List the project's activities (only the environment's with -e)."), false, 0, 0,
            {}, &CliApp::activityList},
        {"activity:undo", "ID",
            QT_TRANSLATE_NOOP("CliApp",
                "Undo a finished restore: restore its safety backup into the same environment with the same parts and "
                "paths, and wait for it."),
            false, 1, 1, {}, &CliApp::activityUndo},
        {"activity:log", "ID",
            QT_TRANSLATE_NOOP("CliApp", "Print an activity's log; follow it until the end while the activity runs."),
            false, 1, 1, {}, &CliApp::activityLog},
        {"settings:retention", "[--set FILE] [--dry-run]",
            QT_TRANSLATE_NOOP("CliApp",
                "Show the effective retention policies. --set FILE applies a PATCH body {\"data_retention\": {...}}; "
                "--dry-run changes nothing and shows which backups each environment would lose."),
            false, 0, 0, {kSet, kDryRun}, &CliApp::settingsRetention},
        {"repository:info", "",
            QT_TRANSLATE_NOOP("CliApp",
                "Show the project's repositories: size, logical size, deduplication, snapshots and the last "
                "verification."),
            false, 0, 0, {}, &CliApp::repositoryInfo},
        {"repository:verify", "[--copy NAME] [--read-data PERCENT]",
            QT_TRANSLATE_NOOP("CliApp",
                "Verify the primary repository (or the copy NAME): restic check reading PERCENT of the data back "
                "(default: the project's verify setting) and a test restore; wait for it."),
            false, 0, 0, {kCopy, kReadData}, &CliApp::repositoryVerify},
        {"health", "[--all-profiles]",
            QT_TRANSLATE_NOOP("CliApp",
                "Show the health of every environment and copy: of the project -p, else of every project of the "
                "server; --all-profiles asks every connection saved in the console instead (tokens from the "
                "keychain). Exit status 0 when all is ok, 1 when anything is in warning or critical, 3 when a server "
                "could not be asked."),
            false, 0, 0, {kAllProfiles}, &CliApp::health},
        {"copy:list", "",
            QT_TRANSLATE_NOOP("CliApp",
                "List the project's copy targets: where each copies to, when, with which credentials (names only), "
                "and how many of the environment's backups it holds (all environments without -e)."),
            false, 0, 0, {}, &CliApp::copyList},
    };
    return list;
}

QString CliApp::usage()
{
    QString text = tr("Usage: tidemark-cli COMMAND [ID] [OPTIONS]\n\nCommands:\n");
    // The summary indented under its synopsis, wrapped at 100 columns.
    const auto entry = [&text](const QString& synopsis, const QString& summary) {
        text += QLatin1String("  ") + synopsis + QLatin1Char('\n');
        QString line;
        for (const QString& word : summary.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && 6 + line.size() + 1 + word.size() > 100) {
                text += QLatin1String("      ") + line + QLatin1Char('\n');
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty())
            text += QLatin1String("      ") + line + QLatin1Char('\n');
    };
    for (const Command& c : commands()) {
        QString synopsis = QString::fromLatin1(c.name);
        if (qstrlen(c.synopsis))
            synopsis += QLatin1Char(' ') + QString::fromLatin1(c.synopsis);
        entry(synopsis, tr(c.summary));
    }
    entry(QStringLiteral("retention:preview --policy FILE --backups FILE [--now TIME] [--format json]"),
        tr("Preview offline which backups a retention policy keeps and deletes."));
    text += tr(
        "\n"
        "Options (each may also come from the environment variable named after it):\n"
        "  --api URL            TIDEMARK_API_URL      the API, like http://127.0.0.1:8421 or https://api.upsun.com\n"
        "  --token-url URL      TIDEMARK_TOKEN_URL    where the API token is exchanged "
        "(default: the API URL + /oauth2/token)\n"
        "  --token TOKEN        TIDEMARK_TOKEN        the API token\n"
        "  -p, --project ID     TIDEMARK_PROJECT      the project (every online command)\n"
        "  -e, --environment ID TIDEMARK_ENVIRONMENT  the environment (backup:* commands)\n"
        "  --format json        machine output: the API's objects as JSON on stdout, nothing else there\n"
        "\n"
        "Waiting commands (backup:create, backup:restore, backup:delete) show progress and the activity's log\n"
        "on stderr and print the result when the activity has ended. Interrupting them (Ctrl+C) only stops\n"
        "the waiting: the activity keeps running on the server.\n"
        "\n"
        "Exit status:\n"
        "  0    success\n"
        "  1    the activity failed or was cancelled; health: something is in warning or critical\n"
        "  2    usage or input error, found before any request: a missing -p, -e or --token, an unknown\n"
        "       option, an unreadable or invalid --set file, no backup to restore\n"
        "  3    server or network error: the server could not be reached or did not answer in time, the API\n"
        "       token was refused, or the server refused the request (any HTTP error status, such as\n"
        "       403 for a viewer's change, 404 for an unknown backup, 409 for an inactive environment)\n"
        "  130  interrupted while waiting\n"
        "\n"
        "Run 'tidemark-cli COMMAND --help' for one command.\n");
    return text;
}

// --- parsing ---

void CliApp::start()
{
    if (!parse())
        return;
    m_client = new ApiClient(this);
    m_client->setConnection(m_connection);
    for (const Command& c : commands()) {
        if (m_options.command == QLatin1String(c.name)) {
            (this->*c.run)();
            return;
        }
    }
}

bool CliApp::parse()
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption apiOption(QStringLiteral("api"), tr("The API URL."), tr("URL"));
    const QCommandLineOption tokenUrlOption(QStringLiteral("token-url"), tr("The token URL."), tr("URL"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), tr("The API token."), tr("TOKEN"));
    const QCommandLineOption projectOption(
        {QStringLiteral("p"), QStringLiteral("project")}, tr("The project."), tr("PROJECT"));
    const QCommandLineOption environmentOption(
        {QStringLiteral("e"), QStringLiteral("environment")}, tr("The environment."), tr("ENV"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"), tr("table (default) or json."), tr("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption liveOption(kLive, tr("Back up without pausing the environment."));
    const QCommandLineOption noWaitOption(kNoWait, tr("Do not wait for the backup to finish."));
    const QCommandLineOption noCodeOption(kNoCode, tr("Restore the data only, not the code."));
    const QCommandLineOption targetOption(kTarget, tr("Restore into this environment."), tr("ENV"));
    const QCommandLineOption setOption(kSet, tr("Apply this PATCH body."), tr("FILE"));
    const QCommandLineOption dryRunOption(kDryRun, tr("Preview only."));
    const QCommandLineOption partOption(kPart, tr("Restore only this part (repeatable)."), tr("PART"));
    const QCommandLineOption pathOption(kPath, tr("Restore only this file or folder (repeatable)."), tr("PATH"));
    const QCommandLineOption noSafetyOption(kNoSafetyBackup, tr("Take no safety backup before the restore."));
    const QCommandLineOption againstOption(kAgainst, tr("Compare with this backup or current."), tr("ID"));
    const QCommandLineOption toOption(kTo, tr("Save into this folder."), tr("DIR"));
    const QCommandLineOption copyOption(kCopy, tr("The copy to verify."), tr("NAME"));
    const QCommandLineOption readDataOption(kReadData, tr("Percent of the data to read back (0-100)."), tr("PERCENT"));
    const QCommandLineOption allProfilesOption(kAllProfiles, tr("Ask every connection saved in the console."));
    const QCommandLineOption fromCopyOption(kFromCopy, tr("Restore from this copy."), tr("NAME"));
    parser.addOptions({apiOption, tokenUrlOption, tokenOption, projectOption, environmentOption, formatOption,
        helpOption, versionOption, liveOption, noWaitOption, noCodeOption, targetOption, setOption, dryRunOption,
        partOption, pathOption, noSafetyOption, againstOption, toOption, copyOption, readDataOption, allProfilesOption,
        fromCopyOption});

    if (!parser.parse(m_argv)) {
        failUsage(parser.errorText());
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    const QString commandName = positional.value(0);

    if (parser.isSet(versionOption)) {
        printOut(QLatin1String("tidemark-cli ") + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        finish(Success);
        return false;
    }
    if (commandName.isEmpty() || commandName == QLatin1String("help")) {
        const bool asked = parser.isSet(helpOption) || commandName == QLatin1String("help");
        if (asked)
            printOut(usage());
        else
            printErr(usage());
        finish(asked ? Success : UsageError);
        return false;
    }
    const Command* command = nullptr;
    for (const Command& c : commands()) {
        if (commandName == QLatin1String(c.name))
            command = &c;
    }
    if (!command) {
        if (commandName == QLatin1String("retention:preview"))
            failUsage(tr("retention:preview must be the first argument: tidemark-cli retention:preview --policy FILE "
                         "--backups FILE"));
        else
            failUsage(tr("'%1' is not a command (run 'tidemark-cli --help' for the list)").arg(commandName));
        return false;
    }
    if (parser.isSet(helpOption)) {
        QString text = QLatin1String("Usage: tidemark-cli ") + QLatin1String(command->name);
        if (qstrlen(command->synopsis))
            text += QLatin1Char(' ') + QLatin1String(command->synopsis);
        text += tr(" [-p PROJECT]") + (command->needsEnvironment ? tr(" [-e ENV]") : QString())
            + tr(" [--format json] [--api URL] [--token TOKEN]") + QLatin1String("\n\n") + tr(command->summary)
            + QLatin1String("\n\n") + tr("Run 'tidemark-cli --help' for the options and the exit statuses.\n");
        printOut(text);
        finish(Success);
        return false;
    }

    Options& o = m_options;
    o.command = commandName;
    o.arguments = positional.mid(1);
    if (o.arguments.size() < command->minArguments) {
        failUsage(tr("%1: the ID is missing (tidemark-cli %1 %2)").arg(commandName, QLatin1String(command->synopsis)));
        return false;
    }
    if (o.arguments.size() > command->maxArguments) {
        failUsage(tr("%1: unexpected argument '%2'").arg(commandName, o.arguments.value(command->maxArguments)));
        return false;
    }
    for (const QCommandLineOption* option : {&liveOption, &noWaitOption, &noCodeOption, &targetOption, &setOption,
             &dryRunOption, &partOption, &pathOption, &noSafetyOption, &againstOption, &toOption, &copyOption,
             &readDataOption, &allProfilesOption, &fromCopyOption}) {
        const QString name = option->names().constFirst();
        if (parser.isSet(*option) && !command->options.contains(name)) {
            failUsage(tr("--%1: is not an option of %2").arg(name, commandName));
            return false;
        }
    }

    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("table")) {
        failUsage(tr("--format: '%1' is not a format (use table or json)").arg(format));
        return false;
    }
    o.json = format == QLatin1String("json");
    o.live = parser.isSet(liveOption);
    o.noWait = parser.isSet(noWaitOption);
    o.noCode = parser.isSet(noCodeOption);
    o.target = parser.value(targetOption);
    o.setFile = parser.value(setOption);
    o.dryRun = parser.isSet(dryRunOption);
    o.parts = parser.values(partOption);
    o.paths = parser.values(pathOption);
    o.noSafetyBackup = parser.isSet(noSafetyOption);
    o.against = parser.isSet(againstOption) ? parser.value(againstOption) : QStringLiteral("current");
    o.to = parser.isSet(toOption) ? parser.value(toOption) : QStringLiteral(".");
    for (const QStringList* list : {&o.parts, &o.paths}) {
        for (const QString& item : *list) {
            if (item.trimmed().isEmpty() || item.startsWith(QLatin1Char('/'))) {
                failUsage(tr("--%1: '%2' is not a path inside the backup (like mounts/uploads or code/src/app.py)")
                              .arg(list == &o.parts ? kPart : kPath, item));
                return false;
            }
        }
    }
    if (!o.parts.isEmpty() && !o.paths.isEmpty()) {
        failUsage(tr("--part and --path: give one or the other"));
        return false;
    }
    if (o.against.isEmpty()) {
        failUsage(tr("--against: is empty (a backup id, or current)"));
        return false;
    }
    if (parser.isSet(targetOption) && o.target.isEmpty()) {
        failUsage(tr("--target: the environment is missing"));
        return false;
    }
    if (parser.isSet(setOption) && o.setFile.isEmpty()) {
        failUsage(tr("--set: the file is missing"));
        return false;
    }
    o.allProfiles = parser.isSet(allProfilesOption);
    o.copy = parser.value(copyOption);
    if (parser.isSet(copyOption) && o.copy.isEmpty()) {
        failUsage(tr("--copy: the copy's name is missing"));
        return false;
    }
    o.fromCopy = parser.value(fromCopyOption);
    if (parser.isSet(fromCopyOption) && o.fromCopy.isEmpty()) {
        failUsage(tr("--from-copy: the copy's name is missing"));
        return false;
    }
    if (parser.isSet(readDataOption)) {
        bool ok = false;
        o.readDataPercent = parser.value(readDataOption).toInt(&ok);
        if (!ok || o.readDataPercent < 0 || o.readDataPercent > 100) {
            failUsage(tr("--read-data: '%1' is not a percentage (use a whole number from 0 to 100)")
                          .arg(parser.value(readDataOption)));
            return false;
        }
    }

    const auto setting = [&](const QCommandLineOption& option, const QString& variable) {
        return parser.isSet(option) ? parser.value(option) : m_environment.value(variable);
    };
    const QString apiText = setting(apiOption, kApiVariable).trimmed();
    const QString tokenUrlText = setting(tokenUrlOption, kTokenUrlVariable).trimmed();
    const QString token = setting(tokenOption, kTokenVariable).trimmed();
    o.project = setting(projectOption, kProjectVariable).trimmed();
    o.environment = setting(environmentOption, kEnvironmentVariable).trimmed();

    const auto httpUrl = [](const QString& text) -> std::optional<QUrl> {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return std::nullopt;
        return url;
    };
    // health --all-profiles takes its connections from the console's profiles, not from the command line.
    if (o.allProfiles)
        return true;
    if (apiText.isEmpty()) {
        failUsage(tr("--api: is required (the API URL, like http://127.0.0.1:8421; or set TIDEMARK_API_URL)"));
        return false;
    }
    const auto apiUrl = httpUrl(apiText);
    if (!apiUrl) {
        failUsage(tr("--api: '%1' is not an http or https URL").arg(apiText));
        return false;
    }
    std::optional<QUrl> tokenUrl;
    if (tokenUrlText.isEmpty()) {
        QUrl url = *apiUrl;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QLatin1String("/oauth2/token"));
        tokenUrl = url;
    } else if (!(tokenUrl = httpUrl(tokenUrlText))) {
        failUsage(tr("--token-url: '%1' is not an http or https URL").arg(tokenUrlText));
        return false;
    }
    if (token.isEmpty()) {
        failUsage(tr("--token: is required (an API token; or set TIDEMARK_TOKEN)"));
        return false;
    }
    // health without -p asks about every project of the server.
    if (o.project.isEmpty() && o.command != QLatin1String("health")) {
        failUsage(tr("-p: is required for %1 (the project; or set TIDEMARK_PROJECT)").arg(commandName));
        return false;
    }
    if (command->needsEnvironment && o.environment.isEmpty()) {
        failUsage(tr("-e: is required for %1 (the environment; or set TIDEMARK_ENVIRONMENT)").arg(commandName));
        return false;
    }
    if (!o.setFile.isEmpty() && !readRetentionPatch())
        return false;

    m_connection.apiUrl = *apiUrl;
    m_connection.tokenUrl = *tokenUrl;
    m_connection.apiToken = token;
    return true;
}

bool CliApp::readRetentionPatch()
{
    const QString prefix = QLatin1String("--set ") + m_options.setFile + QLatin1String(": ");
    QFile file(m_options.setFile);
    if (!file.open(QIODevice::ReadOnly)) {
        failUsage(prefix + tr("cannot read the file (%1)").arg(file.errorString()));
        return false;
    }
    const auto reportProblems = [this, &prefix](const Problems& problems) {
        QStringList lines;
        for (const Problem& p : problems)
            lines.append(prefix + p.toString());
        failUsage(lines.join(QLatin1String("\ntidemark-cli: ")));
    };
    const auto json = JsonDocument::parse(file.readAll());
    if (!json.ok()) {
        reportProblems(json.problems);
        return false;
    }
    const QJsonValue retention = json.value->toObject().value(QStringLiteral("data_retention"));
    if (!json.value->isObject() || retention.isUndefined()) {
        failUsage(prefix
            + tr("must be a PATCH body with data_retention, like {\"data_retention\": {\"production\": "
                 "{\"default_config\": {\"manual_count\": 3}}}}"));
        return false;
    }
    // The server judges the patch against the current settings; checking it against the defaults here finds the
    // same mistakes in the file (unknown keys, bad intervals, counts out of range) before any request.
    ProjectSettings probe;
    if (const Problems problems = probe.applyPatch(*json.value); !problems.isEmpty()) {
        reportProblems(problems);
        return false;
    }
    m_retentionPatch = retention.toObject();
    return true;
}

// --- output ---

void CliApp::printOut(const QString& text)
{
    m_out << text;
    m_out.flush();
}

void CliApp::printErr(const QString& text)
{
    m_err << text;
    m_err.flush();
}

void CliApp::printJson(const QJsonValue& json)
{
    const QByteArray text = json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Indented)
                                           : QJsonDocument(json.toObject()).toJson(QJsonDocument::Indented);
    printOut(QString::fromUtf8(text));
}

void CliApp::failUsage(const QString& message)
{
    printErr(QLatin1String("tidemark-cli: ") + message + QLatin1Char('\n'));
    finish(UsageError);
}

void CliApp::failServer(const ApiError& error)
{
    if (m_progress)
        m_progress->finish();
    printErr(QLatin1String("tidemark-cli: ") + error.message() + QLatin1Char('\n'));
    finish(ServerError);
}

void CliApp::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_follower) {
        m_follower->disconnect(this);
        m_follower->stop();
    }
    m_out.flush();
    m_err.flush();
    emit finished(exitCode);
}

void CliApp::interrupt()
{
    if (m_finished)
        return;
    if (m_progress)
        m_progress->finish();
    if (m_downloadFile && m_downloadFile->isOpen()) {
        // No half file left behind.
        m_downloadFile->close();
        m_downloadFile->remove();
        printErr(tr("tidemark-cli: download stopped; nothing was saved.\n"));
        finish(Interrupted);
        return;
    }
    if (!m_followedActivityId.isEmpty()) {
        printErr(tr("tidemark-cli: stopped waiting; activity %1 keeps running on the server (follow it with "
                    "'tidemark-cli activity:log %1 -p %2').\n")
                     .arg(m_followedActivityId, m_options.project));
    } else {
        printErr(tr("tidemark-cli: interrupted; a request already sent may still take effect on the server.\n"));
    }
    finish(Interrupted);
}

// --- requests ---

template<typename T, typename F>
void CliApp::await(QFuture<ApiResult<T>> future, F onSuccess)
{
    future
        .then(this,
            [this, onSuccess = std::move(onSuccess)](const ApiResult<T>& result) {
                if (m_finished)
                    return;
                if (!result.ok()) {
                    failServer(result.error);
                    return;
                }
                onSuccess(*result.value);
            })
        .onCanceled(this, [this] {
            ApiError error;
            error.kind = ApiError::Kind::Cancelled;
            if (!m_finished)
                failServer(error);
        });
}

void CliApp::environmentList()
{
    await(m_client->environments(m_options.project), [this](const QList<Environment>& environments) {
        if (m_options.json)
            printJson(toJsonArray(environments));
        else
            printOut(CliOutput::environments(environments));
        finish(Success);
    });
}

void CliApp::backupList()
{
    await(m_client->backups(m_options.project, m_options.environment), [this](const QList<Backup>& backups) {
        if (m_options.json)
            printJson(toJsonArray(backups));
        else
            printOut(CliOutput::backups(backups));
        finish(Success);
    });
}

void CliApp::backupGet()
{
    await(m_client->backup(m_options.project, m_options.environment, m_options.arguments.constFirst()),
        [this](const Backup& backup) {
            if (m_options.json)
                printJson(backup.toJson());
            else
                printOut(CliOutput::backupDetails(backup));
            finish(Success);
        });
}

void CliApp::backupCreate()
{
    // The environment's type selects the policy whose manual limit tells whether the new backup replaces one.
    await(m_client->environment(m_options.project, m_options.environment),
        [this](const Environment& environment) { createAfterCheck(environment); });
}

void CliApp::createAfterCheck(const Environment& environment)
{
    await(m_client->settings(m_options.project), [this, environment](const ProjectSettings& settings) {
        const RetentionPolicy policy = settings.policyFor(environment.type);
        await(m_client->backups(m_options.project, environment.id),
            [this, policy, environment](const QList<Backup>& backups) {
                if (policy.manualCount == 0) {
                    printErr(tr("Note: manual backups are disabled for %1 environments (manual_count is 0); the server "
                                "will refuse this backup.\n")
                                 .arg(EnvironmentTypes::toString(environment.type)));
                } else {
                    QList<RetentionBackup> planned;
                    for (const Backup& b : backups) {
                        if (b.status == Backup::Status::Created)
                            planned.append({b.id, b.createdAtMs, b.automated, b.isProtected(), b.isSafety()});
                    }
                    if (const auto replaced = RetentionPlanner::manualBackupReplacedByNew(planned, policy)) {
                        printErr(
                            tr("Note: manual backups are limited to %1; this backup will replace backup %2 from %3 "
                               "once it succeeds.\n")
                                .arg(QString::number(policy.manualCount), replaced->id,
                                    CliOutput::time(replaced->createdAtMs)));
                    }
                }
                await(m_client->createBackup(m_options.project, environment.id, !m_options.live),
                    [this](const QList<Activity>& activities) { started(activities, !m_options.noWait); });
            });
    });
}

void CliApp::backupRestore()
{
    if (!m_options.arguments.isEmpty()) {
        await(m_client->backup(m_options.project, m_options.environment, m_options.arguments.constFirst()),
            [this](const Backup& backup) { restore(backup); });
        return;
    }
    await(m_client->backups(m_options.project, m_options.environment), [this](const QList<Backup>& backups) {
        // The newest backup that is not on its way out; the list is newest first, but do not rely on it.
        const Backup* newest = nullptr;
        // Safety backups (taken before restores) are undone with activity:undo, not picked here.
        for (const Backup& b : backups) {
            if (b.status == Backup::Status::Created && !b.isSafety()
                && (!newest || b.createdAtMs > newest->createdAtMs))
                newest = &b;
        }
        if (!newest) {
            failUsage(tr("backup:restore: environment %1 has no backup to restore").arg(m_options.environment));
            return;
        }
        restore(*newest);
    });
}

void CliApp::restore(const Backup& backup)
{
    const QString target = m_options.target.isEmpty() ? m_options.environment : m_options.target;
    printErr(m_options.noCode ? tr("Restoring the data of backup %1 of %2 from %3 into %4; the code stays as it is.\n")
                                    .arg(backup.id, backup.environment, CliOutput::time(backup.createdAtMs), target)
                              : tr("Restoring backup %1 of %2 from %3 into %4, code and data.\n")
                                    .arg(backup.id, backup.environment, CliOutput::time(backup.createdAtMs), target));
    if (!m_options.parts.isEmpty())
        printErr(tr("Only these parts: %1.\n").arg(m_options.parts.join(QLatin1String(", "))));
    if (!m_options.paths.isEmpty())
        printErr(tr("Only these paths: %1.\n").arg(m_options.paths.join(QLatin1String(", "))));
    ApiClient::RestoreOptions options;
    options.restoreCode = !m_options.noCode;
    options.targetEnvironment = m_options.target;
    options.parts = m_options.parts;
    options.paths = m_options.paths;
    if (m_options.noSafetyBackup)
        options.safetyBackup = false;
    options.fromCopy = m_options.fromCopy;
    if (!m_options.fromCopy.isEmpty())
        printErr(tr("Reading the backup from copy %1.\n").arg(m_options.fromCopy));
    await(m_client->restoreBackup(m_options.project, m_options.environment, backup.id, options),
        [this](const QList<Activity>& activities) { started(activities, true); });
}

void CliApp::backupDelete()
{
    await(m_client->deleteBackup(m_options.project, m_options.environment, m_options.arguments.constFirst()),
        [this](const QList<Activity>& activities) { started(activities, true); });
}

void CliApp::backupFiles()
{
    const QString path = m_options.arguments.value(1);
    await(m_client->backupFiles(m_options.project, m_options.environment, m_options.arguments.constFirst(), path),
        [this](const BackupListing& listing) {
            if (m_options.json) {
                printJson(listing.json);
            } else {
                TextTable table({tr("Type"), tr("Size"), tr("Modified"), tr("Path")});
                for (const BackupFileEntry& e : listing.entries) {
                    table.addRow({e.type, e.size ? CliOutput::size(*e.size) : QString(),
                        e.mtimeMs ? CliOutput::time(*e.mtimeMs) : QString(),
                        e.path + (e.isFolder() ? QStringLiteral("/") : QString())});
                }
                printOut(table.toString());
            }
            finish(Success);
        });
}

void CliApp::backupDownload()
{
    // What PATH is (a file, a database, a folder) comes from its folder's listing.
    const QString path = m_options.arguments.value(1);
    QString parent = path;
    while (parent.endsWith(QLatin1Char('/')))
        parent.chop(1);
    const QString wanted = parent;
    parent = parent.contains(QLatin1Char('/')) ? parent.section(QLatin1Char('/'), 0, -2) : QString();
    // The parts are listed at the top ("code", "mounts/NAME" and "services/NAME" are entries of the root).
    if (wanted.count(QLatin1Char('/')) == 1
        && (wanted.startsWith(QLatin1String("mounts/")) || wanted.startsWith(QLatin1String("services/"))))
        parent.clear();
    await(m_client->backupFiles(m_options.project, m_options.environment, m_options.arguments.constFirst(), parent),
        [this, wanted](const BackupListing& listing) {
            for (const BackupFileEntry& e : listing.entries) {
                if (e.path == wanted)
                    return download(e);
            }
            failUsage(tr("backup:download: '%1' is not in backup %2").arg(wanted, m_options.arguments.constFirst()));
        });
}

void CliApp::download(const BackupFileEntry& entry)
{
    const bool archive = entry.isFolder();
    QString name = entry.type == QLatin1String("database") ? entry.name + QStringLiteral(".sqlite") : entry.name;
    if (archive)
        name += QStringLiteral(".tar");
    const QString target = QDir(m_options.to).filePath(name);
    if (!QFileInfo(m_options.to).isDir()) {
        failUsage(tr("--to: '%1' is not a folder").arg(m_options.to));
        return;
    }
    if (QFileInfo::exists(target)) {
        failUsage(tr("backup:download: %1 exists already; nothing was overwritten").arg(target));
        return;
    }
    m_downloadFile = std::make_unique<QFile>(target);
    if (!m_downloadFile->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        failUsage(tr("backup:download: cannot create %1 (%2)").arg(target, m_downloadFile->errorString()));
        return;
    }
    printErr(tr("Saving %1 of backup %2 to %3.\n").arg(entry.path, m_options.arguments.constFirst(), target));
    BackupDownload* job = m_client->downloadBackupFiles(m_options.project, m_options.environment,
        m_options.arguments.constFirst(), entry.path, archive, m_downloadFile.get(), this);
    // Progress on stderr when the size is known (a file); an archive's size is not known before its end.
    if (entry.size && *entry.size > 0) {
        m_progress = std::make_unique<ProgressPrinter>(m_err, m_terminal, tr("download of %1").arg(entry.name));
        const qint64 total = *entry.size;
        connect(job, &BackupDownload::progress, this, [this, total](qint64 received, qint64) {
            if (m_progress)
                m_progress->setProgress(int(std::min<qint64>(100, received * 100 / total)));
        });
    }
    connect(job, &BackupDownload::finished, this, [this, job, target](const ApiError& error) {
        job->deleteLater();
        m_downloadFile->close();
        if (m_progress)
            m_progress->finish();
        if (error.isError()) {
            m_downloadFile->remove(); // no half file left behind
            failServer(error);
            return;
        }
        if (m_options.json)
            printJson(QJsonObject {{QStringLiteral("file"), QFileInfo(target).absoluteFilePath()},
                {QStringLiteral("bytes"), double(job->bytesReceived())}});
        else
            printOut(tr("Saved %1 (%2).\n").arg(target, CliOutput::size(job->bytesReceived())));
        finish(Success);
    });
    job->start();
}

void CliApp::backupDiff()
{
    await(m_client->backupDiff(
              m_options.project, m_options.environment, m_options.arguments.constFirst(), m_options.against),
        [this](const BackupDiff& diff) {
            if (m_options.json) {
                printJson(diff.json);
                finish(Success);
                return;
            }
            QString text;
            const QString against = diff.against == QLatin1String("current") ? tr("the environment now")
                                                                             : tr("backup %1").arg(diff.against);
            text += tr("Backup %1 compared with %2.\n").arg(diff.backup, against);
            text += diff.backupCommit == diff.againstCommit
                ? tr("Code commit: %1 (the same).\n").arg(diff.backupCommit.isEmpty() ? tr("none") : diff.backupCommit)
                : tr("Code commit: %1 then, %2 now.\n")
                      .arg(diff.backupCommit.isEmpty() ? tr("none") : diff.backupCommit,
                          diff.againstCommit.isEmpty() ? tr("none") : diff.againstCommit);
            for (const BackupDiff::Part& part : diff.parts) {
                text += tr("%1: %2 added, %3 changed, %4 removed (%5 then, %6 now)\n")
                            .arg(part.part)
                            .arg(part.added)
                            .arg(part.changed)
                            .arg(part.removed)
                            .arg(CliOutput::size(part.bytesBefore), CliOutput::size(part.bytesAfter));
                for (const BackupDiff::Entry& e : part.entries)
                    text += QStringLiteral("  %1 %2\n")
                                .arg(e.change.left(1) == QLatin1String("a")      ? QStringLiteral("+")
                                        : e.change.left(1) == QLatin1String("r") ? QStringLiteral("-")
                                                                                 : QStringLiteral("~"),
                                    e.path);
                if (part.truncated)
                    text += tr("  … and more\n");
            }
            for (const BackupDiff::Service& service : diff.services) {
                for (const BackupDiff::Table& table : service.tables) {
                    const QString then = table.rowsBackup ? QString::number(*table.rowsBackup) : tr("unknown");
                    const QString now = table.rowsAgainst ? QString::number(*table.rowsAgainst) : tr("unknown");
                    text += tr("services/%1 table %2: %3 rows then, %4 now\n").arg(service.name, table.name, then, now);
                }
            }
            printOut(text);
            finish(Success);
        });
}

void CliApp::activityUndo()
{
    await(m_client->undoRestore(m_options.project, m_options.arguments.constFirst()),
        [this](const QList<Activity>& activities) { started(activities, true); });
}

void CliApp::activityList()
{
    ApiClient::ActivityFilter filter;
    filter.environment = m_options.environment;
    await(m_client->activities(m_options.project, filter), [this](const QList<Activity>& activities) {
        if (m_options.json)
            printJson(toJsonArray(activities));
        else
            printOut(CliOutput::activities(activities));
        finish(Success);
    });
}

void CliApp::activityLog()
{
    await(m_client->activity(m_options.project, m_options.arguments.constFirst()), [this](const Activity& activity) {
        if (activity.isFinished()) {
            if (m_options.json) {
                printJson(activity.toJson());
            } else if (!activity.log.isEmpty()) {
                printOut(activity.log.endsWith(QLatin1Char('\n')) ? activity.log
                                                                  : QString(activity.log + QLatin1Char('\n')));
            }
            finish(Success);
            return;
        }
        // Still running: the log stream delivers what was written so far, then each line as it happens.
        m_followedActivityId = activity.id;
        m_follower = new ActivityFollower(m_client, m_options.project, activity.id, this);
        connect(m_follower, &ActivityFollower::logLine, this, [this](const QString& line) {
            if (!m_options.json)
                printOut(line + QLatin1Char('\n'));
        });
        connect(m_follower, &ActivityFollower::finished, this, [this](const Activity& last, const ApiError& error) {
            if (error.isError()) {
                failServer(error);
                return;
            }
            if (m_options.json)
                printJson(last.toJson());
            finish(Success);
        });
    });
}

void CliApp::settingsRetention()
{
    if (m_options.setFile.isEmpty() && !m_options.dryRun) {
        await(m_client->settings(m_options.project), [this](const ProjectSettings& settings) {
            if (m_options.json)
                printJson(settings.toJson());
            else
                printOut(CliOutput::policies(settings));
            finish(Success);
        });
        return;
    }
    if (m_options.dryRun) {
        retentionDryRun();
        return;
    }
    await(m_client->updateRetention(m_options.project, m_retentionPatch, false),
        [this](const ApiClient::SettingsUpdate& update) { showRetentionUpdate(update, false); });
}

void CliApp::repositoryInfo()
{
    await(m_client->serverInfo(), [this](const ServerInfo& info) {
        if (!info.has(Capability::Repository)) {
            printErr(tr("This server has no repository information (only tidemarkd has).\n"));
            finish(UsageError);
            return;
        }
        await(m_client->repository(m_options.project), [this](const RepositoryReport& report) {
            if (m_options.json)
                printJson(report.toJson());
            else
                printOut(CliOutput::repositories(report));
            finish(Success);
        });
    });
}

void CliApp::repositoryVerify()
{
    await(m_client->serverInfo(), [this](const ServerInfo& info) {
        if (!info.has(Capability::Verify)) {
            printErr(tr("This server cannot verify repositories (only tidemarkd can).\n"));
            finish(UsageError);
            return;
        }
        const QString repository = m_options.copy.isEmpty() ? QStringLiteral("primary") : m_options.copy;
        await(m_client->verifyRepository(m_options.project, repository, m_options.readDataPercent),
            [this](const QList<Activity>& activities) { started(activities, true); });
    });
}

void CliApp::copyList()
{
    await(m_client->serverInfo(), [this](const ServerInfo& info) {
        if (!info.has(Capability::Copies)) {
            printErr(tr("This server has no copies (only tidemarkd has).\n"));
            finish(UsageError);
            return;
        }
        await(m_client->settings(m_options.project), [this](const ProjectSettings& settings) {
            // The environments whose backups are counted: the one given, or every one.
            const auto count = [this, settings](const QList<Environment>& environments) {
                auto totals = std::make_shared<QHash<QString, QPair<int, int>>>(); // copy → (copied, backups)
                auto failures = std::make_shared<QHash<QString, QString>>(); // copy → last error
                auto remaining = std::make_shared<qsizetype>(environments.size());
                const auto print = [this, settings, totals, failures] {
                    if (m_options.json) {
                        QJsonArray list;
                        for (const CopyTarget& copy : settings.backupCopies) {
                            QJsonObject json = copy.toJson();
                            json.insert(QStringLiteral("backups_copied"), totals->value(copy.name).first);
                            json.insert(QStringLiteral("backups"), totals->value(copy.name).second);
                            json.insert(QStringLiteral("last_error"),
                                failures->contains(copy.name) ? QJsonValue(failures->value(copy.name))
                                                              : QJsonValue(QJsonValue::Null));
                            list.append(json);
                        }
                        printJson(list);
                        finish(Success);
                        return;
                    }
                    if (settings.backupCopies.isEmpty()) {
                        printOut(tr("The project has no copies (settings backup_copies).\n"));
                        finish(Success);
                        return;
                    }
                    TextTable table({tr("Name"), tr("Repository"), tr("When"), tr("Credentials"), tr("Upload limit"),
                        tr("Retention"), tr("Backups copied")});
                    for (const CopyTarget& copy : settings.backupCopies) {
                        table.addRow({copy.name, copy.repository,
                            copy.when == CopyTarget::When::Daily ? tr("daily") : tr("after each backup"),
                            copy.envNames.isEmpty() ? QStringLiteral("-") : copy.envNames.join(QLatin1Char(',')),
                            copy.limitUploadKib ? tr("%1 KiB/s").arg(*copy.limitUploadKib) : tr("none"),
                            copy.dataRetention ? tr("own") : tr("as the primary"),
                            tr("%1 of %2").arg(totals->value(copy.name).first).arg(totals->value(copy.name).second)});
                    }
                    QString text = table.toString();
                    for (auto it = failures->cbegin(); it != failures->cend(); ++it)
                        text += tr("%1: the last copy failed: %2").arg(it.key(), it.value()) + QLatin1Char('\n');
                    printOut(text);
                    finish(Success);
                };
                if (environments.isEmpty()) {
                    print();
                    return;
                }
                for (const Environment& e : environments) {
                    await(m_client->backups(m_options.project, e.id),
                        [totals, failures, remaining, print](const QList<Backup>& backups) {
                            for (const Backup& b : backups) {
                                if (b.status != Backup::Status::Created || !b.copies)
                                    continue;
                                for (const BackupCopy& c : *b.copies) {
                                    auto& [copied, all] = (*totals)[c.name];
                                    ++all;
                                    if (c.status == BackupCopy::Status::Copied)
                                        ++copied;
                                    else if (c.status == BackupCopy::Status::Failed && !c.error.isEmpty())
                                        failures->insert(c.name, c.error);
                                }
                            }
                            if (--*remaining == 0)
                                print();
                        });
                }
            };
            if (!m_options.environment.isEmpty()) {
                await(m_client->environment(m_options.project, m_options.environment),
                    [count](const Environment& e) { count({e}); });
                return;
            }
            await(m_client->environments(m_options.project), count);
        });
    });
}

void CliApp::retentionDryRun()
{
    await(m_client->serverInfo(), [this](const ServerInfo& info) {
        if (info.has(Capability::RetentionDryRun)) {
            await(m_client->updateRetention(m_options.project, m_retentionPatch, true),
                [this](const ApiClient::SettingsUpdate& update) { showRetentionUpdate(update, true); });
            return;
        }
        await(m_client->settings(m_options.project), [this](ProjectSettings settings) {
            const Problems problems
                = settings.applyPatch(QJsonObject {{QStringLiteral("data_retention"), m_retentionPatch}});
            if (!problems.isEmpty()) {
                failUsage(problemStrings(problems).join(QLatin1String("; ")));
                return;
            }
            await(m_client->environments(m_options.project), [this, settings](const QList<Environment>& environments) {
                localRetentionDryRun(settings, environments, QJsonObject());
            });
        });
    });
}

void CliApp::localRetentionDryRun(
    const ProjectSettings& settings, const QList<Environment>& environments, QJsonObject preview)
{
    // One environment at a time, each planned as the server would plan it.
    QList<Environment> rest = environments;
    while (!rest.isEmpty() && !m_options.environment.isEmpty() && rest.first().id != m_options.environment)
        rest.removeFirst();
    if (rest.isEmpty()) {
        ApiClient::SettingsUpdate update;
        update.settings = settings;
        update.preview = preview;
        showRetentionUpdate(update, true);
        return;
    }
    const Environment environment = rest.takeFirst();
    if (!m_options.environment.isEmpty())
        rest.clear();
    await(m_client->backups(m_options.project, environment.id),
        [this, settings, environment, rest, preview](const QList<Backup>& backups) {
            QList<RetentionBackup> planned;
            for (const Backup& b : backups) {
                if (b.status == Backup::Status::Created)
                    planned.append({b.id, b.createdAtMs, b.automated, b.isProtected(), b.isSafety()});
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QJsonObject more = preview;
            more.insert(environment.id,
                PreviewReport::toJson(RetentionPlanner::plan(planned, settings.policyFor(environment.type), now)));
            localRetentionDryRun(settings, rest, more);
        });
}

void CliApp::showRetentionUpdate(const ApiClient::SettingsUpdate& update, bool dryRun)
{
    QJsonObject preview = update.preview;
    if (!m_options.environment.isEmpty()) {
        const QJsonValue one = preview.value(m_options.environment);
        preview = QJsonObject();
        if (!one.isUndefined())
            preview.insert(m_options.environment, one);
    }
    if (m_options.json) {
        if (dryRun)
            printJson(QJsonObject {
                {QStringLiteral("settings"), update.settings.toJson()}, {QStringLiteral("preview"), preview}});
        else
            printJson(update.settings.toJson());
    } else if (dryRun) {
        printOut(tr("Dry run: nothing was changed. The retention policies would be:\n")
            + CliOutput::policies(update.settings) + QLatin1Char('\n') + CliOutput::retentionPreview(preview));
    } else {
        printOut(tr("Retention policies updated:\n") + CliOutput::policies(update.settings));
    }
    if (!dryRun)
        printErr(tr("Backups the new policies no longer keep are being deleted now (see activity:list).\n"));
    finish(Success);
}

// --- waiting for activities ---

void CliApp::started(const QList<Activity>& activities, bool wait)
{
    if (activities.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Decode;
        error.problems.append({QStringLiteral("_embedded.activities"), tr("the server started no activity")});
        failServer(error);
        return;
    }
    const Activity& activity = activities.constFirst();
    if (!wait || activity.isFinished()) {
        if (!wait) {
            if (m_options.json)
                printJson(activity.toJson());
            else
                printOut(
                    tr("Started the %1: activity %2 (%3).\n")
                        .arg(CliOutput::activityLabel(activity), activity.id, Activity::stateToString(activity.state)));
            finish(Success);
            return;
        }
        followed(activity, ApiError::none());
        return;
    }
    follow(activity);
}

void CliApp::follow(const Activity& activity)
{
    m_followedActivityId = activity.id;
    m_progress = std::make_unique<ProgressPrinter>(m_err, m_terminal, CliOutput::activityLabel(activity));
    m_progress->setProgress(activity.completionPercent);
    m_follower = new ActivityFollower(m_client, m_options.project, activity.id, this);
    connect(m_follower, &ActivityFollower::progress, this, [this](int percent) { m_progress->setProgress(percent); });
    connect(
        m_follower, &ActivityFollower::logLine, this, [this](const QString& line) { m_progress->addLogLine(line); });
    connect(m_follower, &ActivityFollower::finished, this, &CliApp::followed);
}

void CliApp::followed(const Activity& activity, const ApiError& error)
{
    if (error.isError()) {
        // The follower gave up (the server stayed away); the activity may still run there.
        if (m_progress)
            m_progress->finish();
        printErr(QLatin1String("tidemark-cli: ") + error.message() + QLatin1Char('\n'));
        printErr(tr("tidemark-cli: the end of activity %1 is unknown; it may still be running on the server.\n")
                     .arg(activity.id.isEmpty() ? m_followedActivityId : activity.id));
        finish(ServerError);
        return;
    }
    if (m_progress) {
        m_progress->setProgress(activity.completionPercent);
        m_progress->finish();
    }
    const bool success = CliOutput::succeeded(activity);
    const QString outcome = CliOutput::activityOutcome(activity);
    if (m_options.json) {
        printJson(activity.toJson());
        printErr(success ? QString(outcome + QLatin1Char('\n'))
                         : QString(QLatin1String("tidemark-cli: ") + outcome + QLatin1Char('\n')));
    } else if (success) {
        printOut(outcome + QLatin1Char('\n'));
    } else {
        printErr(QLatin1String("tidemark-cli: ") + outcome + QLatin1Char('\n'));
    }
    finish(success ? Success : ActivityFailed);
}
