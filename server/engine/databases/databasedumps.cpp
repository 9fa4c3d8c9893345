#include "databasedumps.h"

#include <QDir>

DatabaseDumps::DatabaseDumps(const QList<LocalDescriptor::Service>& services, QObject* parent)
    : QObject(parent)
{
    for (const LocalDescriptor::Service& s : services) {
        if (!s.isServer())
            continue;
        m_services.append(s);
        m_dumps.append(DatabaseDump::create(s, this));
    }
}

void DatabaseDumps::startSessions(DatabaseDump::Done done)
{
    startFrom(0, std::move(done));
}

void DatabaseDumps::startFrom(int index, DatabaseDump::Done done)
{
    if (index >= m_dumps.size())
        return done(QString());
    m_dumps.at(index)->startSession([this, index, done](const QString& error) {
        if (!error.isEmpty()) {
            abortAll();
            return done(error);
        }
        startFrom(index + 1, done);
    });
}

void DatabaseDumps::open(const QString& directory, bool insidePause, DatabaseDump::Done done)
{
    for (DatabaseDump* d : m_dumps)
        d->setInsidePause(insidePause);
    openFrom(0, directory, std::move(done));
}

void DatabaseDumps::openFrom(int index, const QString& directory, DatabaseDump::Done done)
{
    if (index >= m_dumps.size())
        return done(QString());
    const QString file = QDir(directory).filePath(DatabaseDump::fileName(m_services.at(index)));
    m_dumps.at(index)->open(file, [this, index, directory, done](const QString& error) {
        if (!error.isEmpty()) {
            abortAll(); // MariaDB's read lock must be gone before the environment resumes
            return done(error);
        }
        openFrom(index + 1, directory, done);
    });
}

void DatabaseDumps::dump(DatabaseDump::Done done)
{
    dumpFrom(0, std::move(done));
}

void DatabaseDumps::dumpFrom(int index, DatabaseDump::Done done)
{
    if (index >= m_dumps.size())
        return done(QString());
    m_dumps.at(index)->dump([this, index, done](const QString& error) {
        if (!error.isEmpty()) {
            abortAll();
            return done(error);
        }
        dumpFrom(index + 1, done);
    });
}

void DatabaseDumps::abortAll()
{
    for (DatabaseDump* d : m_dumps)
        d->abort();
}

QStringList DatabaseDumps::takeNotes()
{
    QStringList notes;
    for (DatabaseDump* d : m_dumps)
        notes += d->takeNotes();
    return notes;
}

QJsonArray DatabaseDumps::manifest() const
{
    QJsonArray result;
    for (const DatabaseDump* d : m_dumps)
        result.append(d->manifest());
    return result;
}

QStringList DatabaseDumps::descriptions() const
{
    QStringList result;
    for (const DatabaseDump* d : m_dumps)
        result.append(d->describe());
    return result;
}
