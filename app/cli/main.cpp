#include "cli/cliapp.h"
#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "retention/backuparrayreader.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"
#include "translator.h"

#include <csignal>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>
#include <unistd.h>

namespace {

// Exit statuses of api-contract.md ("Command lines").
enum ExitStatus { Success = 0, ActivityFailed = 1, UsageError = 2, ServerError = 3 };

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    static int fail(const QString& message)
    {
        QTextStream(stderr) << QCoreApplication::applicationName() << QLatin1String(": ") << message << Qt::endl;
        return UsageError;
    }

    static bool openFile(QFile& file, const QString& option, QString& error)
    {
        if (file.open(QIODevice::ReadOnly))
            return true;
        error = tr("%1 %2: cannot read the file (%3)").arg(option, file.fileName(), file.errorString());
        return false;
    }

    static QString describe(const QString& option, const QString& path, const Problems& problems)
    {
        QStringList lines;
        for (const Problem& p : problems)
            lines.append(tr("%1 %2: %3").arg(option, path, p.toString()));
        return lines.join(QLatin1Char('\n'));
    }

    static int retentionPreview(const QStringList& arguments)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(tr("Preview offline which backups a retention policy keeps and deletes."));
        parser.addHelpOption();
        const QCommandLineOption policyOption(
            QStringLiteral("policy"), tr("One data_retention entry (JSON)."), tr("FILE"));
        const QCommandLineOption backupsOption(
            QStringLiteral("backups"), tr("An array of Backup objects (JSON)."), tr("FILE"));
        const QCommandLineOption nowOption(
            QStringLiteral("now"), tr("The time to plan at (RFC 3339); default: the current time."), tr("TIME"));
        const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: table (default) or json."),
            tr("FORMAT"), QStringLiteral("table"));
        parser.addOptions({policyOption, backupsOption, nowOption, formatOption});
        parser.addPositionalArgument(QStringLiteral("retention:preview"), tr("The command."));
        if (!parser.parse(arguments))
            return fail(parser.errorText());
        if (parser.isSet(QStringLiteral("help"))) {
            QTextStream(stdout) << parser.helpText();
            return Success;
        }
        if (parser.positionalArguments().size() > 1)
            return fail(tr("retention:preview takes no arguments besides its options"));
        if (!parser.isSet(policyOption))
            return fail(tr("--policy: is required (a file with one data_retention entry)"));
        if (!parser.isSet(backupsOption))
            return fail(tr("--backups: is required (a file with an array of backups)"));
        const QString format = parser.value(formatOption);
        if (format != QLatin1String("json") && format != QLatin1String("table"))
            return fail(tr("--format: '%1' is not a format (use table or json)").arg(format));

        qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (parser.isSet(nowOption)) {
            const auto parsed = Timestamp::parseMsecs(parser.value(nowOption));
            if (!parsed) {
                return fail(tr("--now: '%1' is not an RFC 3339 date-time (like 2026-11-26T12:00:00Z)")
                                .arg(parser.value(nowOption)));
            }
            nowMs = *parsed;
        }

        QString error;
        const QString policyPath = parser.value(policyOption);
        QFile policyFile(policyPath);
        if (!openFile(policyFile, QStringLiteral("--policy"), error))
            return fail(error);
        const QString backupsPath = parser.value(backupsOption);
        QFile backupsFile(backupsPath);
        if (!openFile(backupsFile, QStringLiteral("--backups"), error))
            return fail(error);

        const auto policyJson = JsonDocument::parse(policyFile.readAll());
        if (!policyJson.ok())
            return fail(describe(QStringLiteral("--policy"), policyPath, policyJson.problems));
        const auto policy = RetentionPolicy::fromJson(*policyJson.value);
        if (!policy.ok())
            return fail(describe(QStringLiteral("--policy"), policyPath, policy.problems));

        // A list of a million backups is read as it streams by, not held as one JSON document.
        BackupArrayReader reader(backupsFile);
        const auto backups = reader.read();
        backupsFile.close();
        if (!backups.ok())
            return fail(describe(QStringLiteral("--backups"), backupsPath, backups.problems));

        const RetentionPlan plan = RetentionPlanner::plan(*backups.value, *policy.value, nowMs);
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return ActivityFailed;
        if (format == QLatin1String("json"))
            PreviewReport::writeJson(plan, out);
        else
            PreviewReport::writeTable(plan, out);
        return Success;
    }
};

// SIGINT while waiting only stops the waiting; a self-pipe brings the signal into the event loop.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

void handleSigint(QCoreApplication& app, CliApp& cli)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &cli, [&cli] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        cli.interrupt();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    Translator::install(app);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == QLatin1String("retention:preview"))
        return Cli::retentionPreview(arguments);

    // The online commands run in the event loop and never block on the network.
    CliApp cli(arguments, QProcessEnvironment::systemEnvironment(), ::isatty(STDERR_FILENO) == 1);
    QObject::connect(&cli, &CliApp::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    handleSigint(app, cli);
    QMetaObject::invokeMethod(&cli, &CliApp::start, Qt::QueuedConnection);
    return app.exec();
}
