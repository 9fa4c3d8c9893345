#include "demoproject.h"

#include "domain/environment.h"
#include "domain/projectsettings.h"
#include "store/store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

bool writeFile(const QString& path, const QByteArray& data, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        error = DemoProject::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool runGit(const QString& dir, const QStringList& args, QString& error)
{
    QProcess git;
    git.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Tidemark Demo"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("demo@tidemark.invalid"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Tidemark Demo"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("demo@tidemark.invalid"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("git"), args);
    // Runs once at first start, before the server listens: a bounded wait is fine here.
    if (!git.waitForFinished(30000) || git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        error = DemoProject::tr("git %1 failed: %2")
                    .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(git.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

} // namespace

bool DemoProject::createEnvironmentFiles(const QString& root, const QString& name, int seed, QString& error)
{
    QRandomGenerator random {quint32(seed)};
    const QString code = root + QStringLiteral("/code");
    const QString uploads = root + QStringLiteral("/mounts/uploads");
    const QString data = root + QStringLiteral("/data");
    for (const QString& dir : QStringList {code + QStringLiteral("/src"), uploads, data}) {
        if (!QDir().mkpath(dir)) {
            error = tr("cannot create %1").arg(dir);
            return false;
        }
    }

    // Code: a small application in a git repository with one commit.
    if (!writeFile(code + QStringLiteral("/README.md"),
            QStringLiteral("# %1\n\nThe demo application of the %1 environment.\n").arg(name).toUtf8(), error)
        || !writeFile(code + QStringLiteral("/src/app.py"),
            QByteArrayLiteral("import sqlite3\n\n\ndef orders(db):\n    return sqlite3.connect(db).execute(\n"
                              "        'SELECT count(*) FROM orders').fetchone()[0]\n"),
            error)
        || !writeFile(
            code + QStringLiteral("/.environment"), QStringLiteral("ENVIRONMENT=%1\n").arg(name).toUtf8(), error))
        return false;
    if (!runGit(
            code, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}, error)
        || !runGit(code, {QStringLiteral("add"), QStringLiteral("-A")}, error)
        || !runGit(code,
            {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("Initial version")},
            error))
        return false;

    // Mount: a few hundred files, text and binary.
    for (int i = 0; i < 300; ++i) {
        QByteArray content;
        QString fileName;
        if (i % 3 == 0) {
            content.resize(qsizetype(1024 + random.bounded(16 * 1024)));
            random.fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
            fileName = QStringLiteral("image-%1.bin").arg(i, 3, 10, QLatin1Char('0'));
        } else {
            const int lines = 5 + int(random.bounded(60));
            for (int l = 0; l < lines; ++l)
                content += QStringLiteral("%1 line %2 of upload %3: %4\n")
                               .arg(name)
                               .arg(l)
                               .arg(i)
                               .arg(random.generate())
                               .toUtf8();
            fileName = QStringLiteral("note-%1.txt").arg(i, 3, 10, QLatin1Char('0'));
        }
        const QString dir = uploads + QStringLiteral("/batch-%1").arg(i / 50);
        if (!QDir().mkpath(dir) || !writeFile(dir + QLatin1Char('/') + fileName, content, error))
            return false;
    }

    // Database: a few thousand rows.
    const QString connection = QStringLiteral("tidemark-demo-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(data + QStringLiteral("/app.sqlite"));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT NOT "
                                       "NULL, amount_cents INTEGER NOT NULL, created_at TEXT NOT NULL)"))
                && db.transaction();
            q.prepare(QStringLiteral("INSERT INTO orders (customer, amount_cents, created_at) VALUES (?, ?, ?)"));
            const qint64 start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
            for (int i = 0; ok && i < 3000; ++i) {
                q.addBindValue(QStringLiteral("customer-%1").arg(random.bounded(400)));
                q.addBindValue(qint64(random.bounded(100000)));
                q.addBindValue(QDateTime::fromSecsSinceEpoch(start + i * 3571, Qt::UTC).toString(Qt::ISODate));
                ok = q.exec();
            }
            ok = ok && db.commit();
            if (!ok)
                error = tr("cannot fill the demo database: %1").arg(q.lastError().text());
        } else {
            error = tr("cannot create the demo database: %1").arg(db.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool DemoProject::ensure(Store& store, const QString& dataDir, QString& error)
{
    const QString projectId = QLatin1String(kProjectId);
    if (store.project(projectId))
        return true;

    struct Spec
    {
        const char* name;
        const char* title;
        EnvironmentType type;
        bool active;
    };
    const Spec specs[] = {
        {"main", "Main", EnvironmentType::Production, true},
        {"staging", "Staging", EnvironmentType::Staging, true},
        {"feature-x", "Feature X", EnvironmentType::Development, false},
    };

    QList<Environment> environments;
    int seed = 1;
    for (const Spec& spec : specs) {
        const QString name = QLatin1String(spec.name);
        const QString root = dataDir + QStringLiteral("/environments/") + name;
        if (!createEnvironmentFiles(root, name, seed++, error))
            return false;
        Environment e;
        e.id = e.name = e.machineName = name;
        e.title = QLatin1String(spec.title);
        e.type = spec.type;
        e.status = spec.active ? Environment::Status::Active : Environment::Status::Inactive;
        if (name != QLatin1String("main"))
            e.parent = QStringLiteral("main");
        e.createdAtMs = e.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        LocalDescriptor local;
        local.codePath = root + QStringLiteral("/code");
        local.mounts.append({QStringLiteral("uploads"), root + QStringLiteral("/mounts/uploads")});
        local.services.append(
            LocalDescriptor::Service::sqlite(QStringLiteral("database"), root + QStringLiteral("/data/app.sqlite")));
        e.local = local;
        environments.append(e);
    }

    Project project;
    project.id = projectId;
    project.title = tr("Demo project");
    project.timezone = QStringLiteral("UTC");
    ProjectSettings settings;
    for (EnvironmentType type : EnvironmentTypes::all())
        settings.dataRetention.insert(type, RetentionPolicy::defaultFor(type));
    const bool ok = store.transaction([&] {
        if (!store.insertProject(project, settings))
            return false;
        for (const Environment& e : environments) {
            if (!store.saveEnvironment(projectId, e))
                return false;
        }
        return true;
    });
    if (!ok)
        error = tr("cannot record the demo project: %1").arg(store.error());
    return ok;
}
