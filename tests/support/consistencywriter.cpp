// A load for tst_consistency: an application that keeps one invariant across a SQLite database and a directory
// (table `files` names every regular file of the directory with its SHA-256 and size) while it changes both as fast
// as it can. Each step changes a file first and commits the matching row after it, so between the two the invariant
// is broken; only between steps does it hold. Pausing is cooperative, like an application's maintenance mode: when
// CONTROL/pause-request exists the writer finishes its step, creates CONTROL/paused and waits until the request is
// gone. CONTROL/steps holds "<steps> <pauses>", refreshed often. SIGTERM or CONTROL/stop ends it between steps.
#include <csignal>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <sys/prctl.h>
#include <vector>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onTerminate(int)
{
    g_stop = 1;
}

class Writer
{
public:
    Writer(const QString& mount, const QString& control, quint32 seed)
        : m_mount(mount)
        , m_control(control)
        , m_random(seed)
    { }

    bool open(const QString& dbPath);
    bool seed(int files);
    bool loadNames();
    bool step(bool slow);
    // Between steps: honours a pause request (blocks until it is withdrawn). False when the writer should stop.
    bool checkControl();
    void publish(); // CONTROL/steps
    qsizetype fileCount() const { return m_names.size(); }
    qint64 steps() const { return m_steps; }
    qint64 pauses() const { return m_pauses; }
    QString error() const { return m_error; }

private:
    QByteArray randomContent();
    bool writeFile(const QString& path, const QByteArray& data);
    bool upsert(const QString& name, const QByteArray& data, bool insert);
    QString newName();

    QString m_mount;
    QString m_control;
    QRandomGenerator m_random;
    QSqlDatabase m_db;
    QStringList m_names;
    int m_target = 0; // the number of files the writer hovers around
    int m_next = 0;
    qint64 m_steps = 0;
    qint64 m_pauses = 0;
    QString m_error;
};

bool Writer::open(const QString& dbPath)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
    m_db.setDatabaseName(dbPath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open()) {
        m_error = m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
             "CREATE TABLE IF NOT EXISTS files(name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL)"}) {
        if (!q.exec(QLatin1String(sql))) {
            m_error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QByteArray Writer::randomContent()
{
    const int size = int(m_random.bounded(1024u, 65537u));
    std::vector<quint32> words(size_t(size + 3) / 4);
    m_random.fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char*>(words.data()), size);
}

bool Writer::writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString Writer::newName()
{
    const int n = m_next++;
    return QStringLiteral("d%1/f%2.bin").arg(n % 4).arg(n, 6, 10, QLatin1Char('0'));
}

bool Writer::upsert(const QString& name, const QByteArray& data, bool insert)
{
    QSqlQuery q(m_db);
    q.prepare(insert ? QStringLiteral("INSERT INTO files(sha256, size, name) VALUES (?, ?, ?)")
                     : QStringLiteral("UPDATE files SET sha256 = ?, size = ? WHERE name = ?"));
    q.addBindValue(QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    q.addBindValue(data.size());
    q.addBindValue(name);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error = QStringLiteral("cannot record %1: %2").arg(name, q.lastError().text());
        return false;
    }
    return true;
}

bool Writer::seed(int files)
{
    m_target = files;
    if (!m_db.transaction())
        return false;
    for (int i = 0; i < files; ++i) {
        const QString name = newName();
        const QByteArray data = randomContent();
        if (!QDir(m_mount).mkpath(QFileInfo(name).path()) || !writeFile(m_mount + QLatin1Char('/') + name, data)
            || !upsert(name, data, true))
            return false;
        m_names.append(name);
    }
    return m_db.commit();
}

bool Writer::loadNames()
{
    QSqlQuery q(QStringLiteral("SELECT name FROM files ORDER BY name"), m_db);
    while (q.next())
        m_names.append(q.value(0).toString());
    if (m_target == 0)
        m_target = int(m_names.size());
    if (!m_names.isEmpty())
        m_next = m_names.constLast().mid(4, 6).toInt() + 1; // "dN/fNNNNNN.bin"
    return q.lastError().type() == QSqlError::NoError;
}

bool Writer::step(bool slow)
{
    // Rewrites mostly; creations and deletions keep the count between half the target and the target.
    const quint32 dice = m_random.bounded(100u);
    const int count = int(m_names.size());
    const bool create = count == 0 || (dice < 20 && count <= m_target);
    const bool remove = !create && dice >= 80 && count > m_target / 2;
    const qsizetype index = count > 0 ? qsizetype(m_random.bounded(quint32(count))) : 0;

    const auto commit = [this, slow](const auto& change) {
        if (slow) // a torn state that lasts, so live backups are likely to catch one
            QThread::usleep(1000);
        if (!m_db.transaction() || !change() || !m_db.commit()) {
            if (m_error.isEmpty())
                m_error = m_db.lastError().text();
            m_db.rollback();
            return false;
        }
        return true;
    };

    if (create) {
        const QString name = newName();
        const QByteArray data = randomContent();
        if (!QDir(m_mount).mkpath(QFileInfo(name).path()) || !writeFile(m_mount + QLatin1Char('/') + name, data))
            return false;
        if (!commit([&] { return upsert(name, data, true); }))
            return false;
        m_names.append(name);
    } else if (remove) {
        const QString name = m_names.at(index);
        if (!QFile::remove(m_mount + QLatin1Char('/') + name)) {
            m_error = QStringLiteral("cannot remove %1").arg(name);
            return false;
        }
        const bool ok = commit([&] {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("DELETE FROM files WHERE name = ?"));
            q.addBindValue(name);
            return q.exec() && q.numRowsAffected() == 1;
        });
        if (!ok)
            return false;
        m_names.removeAt(index);
    } else {
        const QString name = m_names.at(index);
        const QString path = m_mount + QLatin1Char('/') + name;
        const QByteArray data = randomContent();
        if (m_random.bounded(3u) == 0) {
            // Write to a temporary file next to it and rename over it, as careful applications do.
            const QFileInfo info(path);
            const QString temporary = info.path() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp");
            if (!writeFile(temporary, data))
                return false;
            if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
                m_error = QStringLiteral("cannot rename %1").arg(temporary);
                return false;
            }
        } else if (!writeFile(path, data)) { // in place: truncate and write
            return false;
        }
        if (!commit([&] { return upsert(name, data, false); }))
            return false;
    }
    ++m_steps;
    return true;
}

void Writer::publish()
{
    const QString path = m_control + QStringLiteral("/steps");
    QFile f(path + QStringLiteral(".tmp"));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        f.write(QByteArray::number(m_steps) + ' ' + QByteArray::number(m_pauses) + '\n');
        f.close();
        ::rename(QFile::encodeName(f.fileName()).constData(), QFile::encodeName(path).constData());
    }
}

bool Writer::checkControl()
{
    const QString request = m_control + QStringLiteral("/pause-request");
    const QString stop = m_control + QStringLiteral("/stop");
    if (g_stop || QFileInfo::exists(stop))
        return false;
    if (!QFileInfo::exists(request))
        return true;
    // At a consistent point: every file written so far has its committed row.
    ++m_pauses;
    publish();
    const QString paused = m_control + QStringLiteral("/paused");
    QFile marker(paused);
    if (!marker.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot create %1: %2").arg(paused, marker.errorString());
        return false;
    }
    marker.close();
    while (QFileInfo::exists(request) && !g_stop && !QFileInfo::exists(stop))
        QThread::usleep(1000);
    QFile::remove(paused);
    return !g_stop && !QFileInfo::exists(stop);
}

} // namespace

int main(int argc, char** argv)
{
    // Dies with the test that started it, whatever way the test ends.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes files and their SHA-256 rows until stopped."));
    parser.addHelpOption();
    const QCommandLineOption mountOption(
        QStringLiteral("mount"), QStringLiteral("The directory."), QStringLiteral("dir"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("The SQLite database."), QStringLiteral("path"));
    const QCommandLineOption controlOption(
        QStringLiteral("control"), QStringLiteral("Pause/stop requests and the step counter."), QStringLiteral("dir"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        QStringLiteral("Create this many files first (empty database only)."), QStringLiteral("n"));
    const QCommandLineOption delayOption(
        QStringLiteral("step-delay-us"), QStringLiteral("Sleep between steps (default 0)."), QStringLiteral("us"));
    const QCommandLineOption limitOption(QStringLiteral("max-seconds"),
        QStringLiteral("Stop after this long in any case (default 600)."), QStringLiteral("s"));
    parser.addOptions({mountOption, dbOption, controlOption, seedOption, delayOption, limitOption});
    parser.process(app);
    if (!parser.isSet(mountOption) || !parser.isSet(dbOption) || !parser.isSet(controlOption)) {
        std::fprintf(stderr, "consistencywriter: --mount, --db and --control are required\n");
        return 2;
    }
    const QString mount = QDir(parser.value(mountOption)).absolutePath();
    const QString control = QDir(parser.value(controlOption)).absolutePath();
    const unsigned long delayUs = parser.value(delayOption).toULong();
    const int maxSeconds = parser.isSet(limitOption) ? parser.value(limitOption).toInt() : 600;
    if (!QDir().mkpath(mount) || !QDir().mkpath(control)) {
        std::fprintf(stderr, "consistencywriter: cannot create the directories\n");
        return 1;
    }

    Writer writer(mount, control, QRandomGenerator::global()->generate());
    if (!writer.open(parser.value(dbOption)) || !writer.loadNames()) {
        std::fprintf(stderr, "consistencywriter: %s\n", qPrintable(writer.error()));
        return 1;
    }
    const int seed = parser.value(seedOption).toInt();
    if (seed > 0 && writer.fileCount() == 0 && !writer.seed(seed)) {
        std::fprintf(stderr, "consistencywriter: seeding failed: %s\n", qPrintable(writer.error()));
        return 1;
    }
    writer.publish();

    const QDeadlineTimer limit(std::chrono::seconds(std::max(1, maxSeconds)));
    QElapsedTimer sincePublished;
    sincePublished.start();
    while (writer.checkControl() && !limit.hasExpired()) {
        // About one step in twenty leaves its torn state open for a millisecond.
        if (!writer.step(QRandomGenerator::global()->bounded(20u) == 0)) {
            std::fprintf(
                stderr, "consistencywriter: step %lld failed: %s\n", writer.steps() + 1, qPrintable(writer.error()));
            writer.publish();
            return 1;
        }
        if (sincePublished.elapsed() >= 20) {
            writer.publish();
            sincePublished.restart();
        }
        if (delayUs > 0)
            QThread::usleep(delayUs);
    }
    writer.publish();
    std::printf("steps: %lld pauses: %lld\n", writer.steps(), writer.pauses());
    if (!writer.error().isEmpty()) {
        std::fprintf(stderr, "consistencywriter: %s\n", qPrintable(writer.error()));
        return 1;
    }
    return 0;
}
