#include "store/store.h"
#include "tidemarkserver.h"
#include "translator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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

    static int run(QCoreApplication& app)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(tr("The Tidemark backup server.\n\n"
                                            "  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo]\n"
                                            "  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME"));
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
        parser.addOptions({dataDir, listen, demo, noScheduler, role, name});
        const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
            tr("Serve HTTPS with this certificate (PEM; intermediates may follow it). Needs --tls-key."), tr("FILE"));
        const QCommandLineOption tlsKey(
            QStringLiteral("tls-key"), tr("The private key of --tls-cert (PEM, unencrypted)."), tr("FILE"));
        const QCommandLineOption insecureHttp(QStringLiteral("insecure-http"),
            tr("Serve plain HTTP on an address other than loopback (tokens then travel in the clear)."));
        parser.addOptions({tlsCert, tlsKey, insecureHttp});
        parser.addPositionalArgument(QStringLiteral("command"), tr("Optional: token create"));
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
        if (!positional.isEmpty()) {
            if (positional != QStringList {QStringLiteral("token"), QStringLiteral("create")})
                return fail(
                    tr("'%1' is not a command (the only one is: token create)").arg(positional.join(QLatin1Char(' '))));
            QString error;
            auto store = TidemarkServer::openStore(parser.value(dataDir), error);
            if (!store)
                return fail(error);
            const QString token = TidemarkServer::createToken(*store, parser.value(role), parser.value(name), error);
            if (token.isEmpty())
                return fail(error);
            QTextStream(stdout) << token << Qt::endl;
            return 0;
        }

        TidemarkServer::Options options;
        options.dataDir = parser.value(dataDir);
        options.demo = parser.isSet(demo);
        options.scheduler = !parser.isSet(noScheduler);
        const QString hostPort = parser.value(listen);
        const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&portOk) : 0;
        QString host = colon > 0 ? hostPort.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (!portOk || port > 65535
            || !options.address.setAddress(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host))
            return fail(tr("--listen: '%1' is not HOST:PORT (for example 127.0.0.1:8421)").arg(hostPort));
        options.port = quint16(port);
        options.tlsCertificateFile = parser.value(tlsCert);
        options.tlsKeyFile = parser.value(tlsKey);
        options.insecureHttp = parser.isSet(insecureHttp);
        options.http = HttpLimits::fromEnvironment();

        auto* server = new TidemarkServer(&app);
        QString error;
        if (!server->start(options, error))
            return fail(error);
        QTextStream(stdout) << QLatin1String("listening on ") << server->url() << Qt::endl;
        return QCoreApplication::exec();
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemarkd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    Translator::install(app);
    return Daemon::run(app);
}
