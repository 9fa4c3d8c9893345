#include "domain/timestamp.h"
#include "engine/importer.h"
#include "store/store.h"
#include "tidemarkserver.h"
#include "translator.h"

#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace {

class Daemon
{
    Q_DECLARE_TR_FUNCTIONS(Daemon)

public:
    static int fail(const QString& message)
    {
        QTextStream(stderr) << QLatin1String("tidemarkd: ") << message << Qt::endl;
        return 2;
    }

    // The commands that work on DATA_DIR's store and exit: tokens and hooks (server-side only).
    static int command(const QCommandLineParser& parser, const QStringList& positional, const QString& dataDir)
    {
        const auto value = [&parser](const char* option) { return parser.value(QLatin1String(option)); };
        QString error;
        auto store = TidemarkServer::openStore(dataDir, error);
        if (!store)
            return fail(error);
        QTextStream out(stdout);
        if (positional == QStringList {QStringLiteral("token"), QStringLiteral("create")}) {
            const QString token = TidemarkServer::createToken(*store, value("role"), value("name"), error);
            if (token.isEmpty())
                return fail(error);
            out << token << Qt::endl;
            return 0;
        }
        if (positional == QStringList {QStringLiteral("token"), QStringLiteral("list")}) {
            for (const ApiToken& token : store->apiTokens()) {
                out << token.name << QLatin1Char('\t') << token.role << QLatin1Char('\t')
                    << (token.createdAtMs > 0 ? Timestamp::formatMsecs(token.createdAtMs) : QStringLiteral("-"))
                    << Qt::endl;
            }
            return 0;
        }
        if (positional.size() == 3 && positional.at(0) == QLatin1String("token")
            && positional.at(1) == QLatin1String("revoke")) {
            const int revoked = store->revokeApiTokensNamed(positional.at(2));
            if (revoked < 0)
                return fail(store->error());
            if (revoked == 0)
                return fail(tr("token revoke: there is no API token named '%1'").arg(positional.at(2)));
            out << tr("Revoked %n API token(s) named %1.", nullptr, revoked).arg(positional.at(2)) << Qt::endl;
            return 0;
        }
        if (positional == QStringList {QStringLiteral("hooks"), QStringLiteral("set")}) {
            bool timeoutOk = true;
            const int seconds = parser.isSet(QStringLiteral("timeout")) ? value("timeout").toInt(&timeoutOk) : -1;
            if (!timeoutOk
                || (parser.isSet(QStringLiteral("timeout"))
                    && (seconds < 1 || seconds > LocalDescriptor::kMaxHookTimeoutSeconds)))
                return fail(tr("--timeout: must be a whole number of seconds from 1 to %1")
                                .arg(LocalDescriptor::kMaxHookTimeoutSeconds));
            if (!TidemarkServer::setHooks(*store, value("project"), value("environment"),
                    parser.isSet(QStringLiteral("pause")) ? std::optional(value("pause")) : std::nullopt,
                    parser.isSet(QStringLiteral("resume")) ? std::optional(value("resume")) : std::nullopt,
                    seconds > 0 ? std::optional(seconds) : std::nullopt, error))
                return fail(error);
            out << tr("Hooks of %1/%2 updated.").arg(value("project"), value("environment")) << Qt::endl;
            return 0;
        }
        if (positional == QStringList {QStringLiteral("import")}) {
            Importer importer(*store, dataDir);
            if (!importer.run(value("repository"), value("password-file"), value("project")))
                return fail(importer.error());
            for (const QString& line : importer.summary())
                out << line << Qt::endl;
            return 0;
        }
        return fail(tr("'%1' is not a command (token create, token list, token revoke NAME, hooks set, import)")
                        .arg(positional.join(QLatin1Char(' '))));
    }

    static int run(QCoreApplication& app)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(tr("The Tidemark backup server.\n\n"
                                            "  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo] "
                                            "[--environment-root DIR]... [--allow-api-hooks] "
                                            "[--metrics-listen HOST:PORT]\n"
                                            "  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME\n"
                                            "  tidemarkd --data-dir DIR token list\n"
                                            "  tidemarkd --data-dir DIR token revoke NAME\n"
                                            "  tidemarkd --data-dir DIR hooks set --project P --environment E "
                                            "[--pause CMD] [--resume CMD] [--timeout SECONDS]\n"
                                            "  tidemarkd --data-dir DIR import --repository LOCATION --password-file F "
                                            "[--project ID]"));
        parser.addHelpOption();
        parser.addVersionOption();
        const QCommandLineOption dataDir(
            QStringLiteral("data-dir"), tr("Where the database and repositories live."), tr("DIR"));
        const QCommandLineOption listen(QStringLiteral("listen"),
            tr("Address to listen on (default 127.0.0.1:8421; port 0 picks a free port)."), tr("HOST:PORT"),
            QStringLiteral("127.0.0.1:8421"));
        const QCommandLineOption demo(QStringLiteral("demo"), tr("Create the demo project on first start."));
        const QCommandLineOption noScheduler(QStringLiteral("no-scheduler"),
            tr("Take no automated backups (manual backups, restores and pruning still work)."));
        const QCommandLineOption role(
            QStringLiteral("role"), tr("Role of a new API token: admin or viewer."), tr("ROLE"));
        const QCommandLineOption name(QStringLiteral("name"), tr("Name of a new API token."), tr("NAME"));
        const QCommandLineOption environmentRoot(QStringLiteral("environment-root"),
            tr("A directory under which environments may live (repeatable; DIR/environments, the demo's, always is)."),
            tr("DIR"));
        const QCommandLineOption allowApiHooks(QStringLiteral("allow-api-hooks"),
            tr("Let admin API tokens set pause and resume hooks (shell commands this server runs)."));
        const QCommandLineOption project(QStringLiteral("project"), tr("hooks set, import: the project."), tr("ID"));
        const QCommandLineOption environment(
            QStringLiteral("environment"), tr("hooks set: the environment."), tr("NAME"));
        const QCommandLineOption pause(
            QStringLiteral("pause"), tr("hooks set: the pause hook (a shell command)."), tr("CMD"));
        const QCommandLineOption resume(
            QStringLiteral("resume"), tr("hooks set: the resume hook (a shell command)."), tr("CMD"));
        const QCommandLineOption timeout(
            QStringLiteral("timeout"), tr("hooks set: how long each hook may run (1-3600 s)."), tr("SECONDS"));
        const QCommandLineOption repository(QStringLiteral("repository"),
            tr("import: the repository (a copy) to rebuild the projects from."), tr("LOCATION"));
        const QCommandLineOption passwordFile(
            QStringLiteral("password-file"), tr("import: the file holding that repository's password."), tr("FILE"));
        parser.addOptions({dataDir, listen, demo, noScheduler, role, name, environmentRoot, allowApiHooks, project,
            environment, pause, resume, timeout, repository, passwordFile});
        const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
            tr("Serve HTTPS with this certificate (PEM; intermediates may follow it). Needs --tls-key."), tr("FILE"));
        const QCommandLineOption tlsKey(
            QStringLiteral("tls-key"), tr("The private key of --tls-cert (PEM, unencrypted)."), tr("FILE"));
        const QCommandLineOption insecureHttp(QStringLiteral("insecure-http"),
            tr("Serve plain HTTP on an address other than loopback (tokens then travel in the clear)."));
        parser.addOptions({tlsCert, tlsKey, insecureHttp});
        const QCommandLineOption metricsListen(QStringLiteral("metrics-listen"),
            tr("Also serve GET /metrics (Prometheus) here, without authentication."), tr("HOST:PORT"));
        parser.addOption(metricsListen);
        parser.addPositionalArgument(
            QStringLiteral("command"), tr("Optional: token create | token list | token revoke NAME | hooks set"));
        if (!parser.parse(QCoreApplication::arguments()))
            return fail(parser.errorText());
        if (parser.isSet(QStringLiteral("help"))) {
            QTextStream(stdout) << parser.helpText();
            return 0;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            QTextStream(stdout) << QLatin1String("tidemarkd ") << QCoreApplication::applicationVersion() << Qt::endl;
            return 0;
        }
        if (!parser.isSet(dataDir))
            return fail(tr("--data-dir: is required"));

        const QStringList positional = parser.positionalArguments();
        if (!positional.isEmpty())
            return command(parser, positional, parser.value(dataDir));

        TidemarkServer::Options options;
        options.dataDir = parser.value(dataDir);
        options.demo = parser.isSet(demo);
        options.scheduler = !parser.isSet(noScheduler);
        options.allowApiHooks = parser.isSet(allowApiHooks);
        for (const QString& root : parser.values(environmentRoot)) {
            if (!QDir::isAbsolutePath(root) || !QFileInfo(root).isDir())
                return fail(
                    tr("--environment-root: '%1' is not an existing directory given by its absolute path").arg(root));
            options.environmentRoots.append(QDir::cleanPath(root));
        }
        // HOST:PORT (an IPv6 host in brackets) into an address and a port.
        const auto hostAndPort = [](const QString& hostPort, QHostAddress& address, quint16& port) {
            const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
            bool portOk = false;
            const uint number = colon > 0 ? hostPort.mid(colon + 1).toUInt(&portOk) : 0;
            QString host = colon > 0 ? hostPort.left(colon) : QString();
            if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
                host = host.mid(1, host.size() - 2);
            if (!portOk || number > 65535
                || !address.setAddress(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host))
                return false;
            port = quint16(number);
            return true;
        };
        const QString hostPort = parser.value(listen);
        if (!hostAndPort(hostPort, options.address, options.port))
            return fail(tr("--listen: '%1' is not HOST:PORT (for example 127.0.0.1:8421)").arg(hostPort));
        if (parser.isSet(metricsListen)) {
            QHostAddress address;
            if (!hostAndPort(parser.value(metricsListen), address, options.metricsPort))
                return fail(tr("--metrics-listen: '%1' is not HOST:PORT (for example 127.0.0.1:9421)")
                                .arg(parser.value(metricsListen)));
            options.metricsAddress = address;
        }
        options.tlsCertificateFile = parser.value(tlsCert);
        options.tlsKeyFile = parser.value(tlsKey);
        options.insecureHttp = parser.isSet(insecureHttp);
        options.http = HttpLimits::fromEnvironment();

        auto* server = new TidemarkServer(&app);
        QString error;
        if (!server->start(options, error))
            return fail(error);
        // The metrics address first: whoever waits for "listening on" then has both.
        if (!server->metricsUrl().isEmpty())
            QTextStream(stdout) << QLatin1String("metrics on ") << server->metricsUrl() << Qt::endl;
        QTextStream(stdout) << QLatin1String("listening on ") << server->url() << Qt::endl;
        return QCoreApplication::exec();
    }
};

} // namespace

int main(int argc, char* argv[])
{
    TidemarkServer::configureHeap(); // an idle tidemarkd gives its memory back
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemarkd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    Translator::install(app);
    return Daemon::run(app);
}
