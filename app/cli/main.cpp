#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"
#include "translator.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

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

    static std::optional<QByteArray> readFile(const QString& path, const QString& option, QString& error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = tr("%1 %2: cannot read the file (%3)").arg(option, path, file.errorString());
            return std::nullopt;
        }
        return file.readAll();
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
        const auto policyText = readFile(policyPath, QStringLiteral("--policy"), error);
        if (!policyText)
            return fail(error);
        const QString backupsPath = parser.value(backupsOption);
        const auto backupsText = readFile(backupsPath, QStringLiteral("--backups"), error);
        if (!backupsText)
            return fail(error);

        const auto policyJson = JsonDocument::parse(*policyText);
        if (!policyJson.ok())
            return fail(describe(QStringLiteral("--policy"), policyPath, policyJson.problems));
        const auto policy = RetentionPolicy::fromJson(*policyJson.value);
        if (!policy.ok())
            return fail(describe(QStringLiteral("--policy"), policyPath, policy.problems));

        const auto backupsJson = JsonDocument::parse(*backupsText);
        if (!backupsJson.ok())
            return fail(describe(QStringLiteral("--backups"), backupsPath, backupsJson.problems));
        const auto backups = PreviewReport::decodeBackups(*backupsJson.value);
        if (!backups.ok())
            return fail(describe(QStringLiteral("--backups"), backupsPath, backups.problems));

        const RetentionPlan plan = RetentionPlanner::plan(*backups.value, *policy.value, nowMs);
        QTextStream out(stdout);
        if (format == QLatin1String("json"))
            out << QJsonDocument(PreviewReport::toJson(plan)).toJson(QJsonDocument::Indented);
        else
            out << PreviewReport::toTable(plan);
        return Success;
    }

    static QString usage()
    {
        return tr("Usage: tidemark-cli COMMAND [OPTIONS]\n"
                  "\n"
                  "Commands:\n"
                  "  retention:preview --policy FILE --backups FILE [--now TIME] [--format json]\n"
                  "      Preview offline which backups a retention policy keeps and deletes.\n"
                  "\n"
                  "Run 'tidemark-cli COMMAND --help' for the options of a command.\n");
    }

    static int run(const QStringList& arguments)
    {
        const QString command = arguments.value(1);
        if (command == QLatin1String("retention:preview"))
            return retentionPreview(arguments);
        if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
            || command == QLatin1String("help")) {
            QTextStream(command.isEmpty() ? stderr : stdout) << usage();
            return command.isEmpty() ? UsageError : Success;
        }
        if (command == QLatin1String("--version")) {
            QTextStream(stdout) << QLatin1String("tidemark-cli ") << QCoreApplication::applicationVersion() << Qt::endl;
            return Success;
        }
        QTextStream(stderr) << tr("tidemark-cli: '%1' is not a command.").arg(command) << QLatin1Char('\n') << usage();
        return UsageError;
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    Translator::install(app);
    return Cli::run(QCoreApplication::arguments());
}
