#pragma once

// Runs tidemark-cli (TIDEMARK_CLI_PATH, defined for every test) against a tidemarkd that the test started, as its
// admin, for the CLI suites. The test's own TIDEMARK_* variables are left out so that they cannot change the run.
#include "serverprocess.h"

#include <QProcess>
#include <QStringList>

struct CliRun
{
    int exitCode = -1; // -1: it crashed or did not end in time
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const ServerProcess& server, const QStringList& arguments, int timeoutMs = 180000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("TIDEMARK_")))
            environment.remove(name);
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TIDEMARK_CLI_PATH),
        QStringList {QStringLiteral("--api"), server.url(), QStringLiteral("--token"), server.adminToken()}
            + arguments);
    CliRun r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    if (r.exitCode != 0)
        qInfo("tidemark-cli %s: %d\n%s", qPrintable(arguments.join(QLatin1Char(' '))), r.exitCode, r.err.constData());
    return r;
}
