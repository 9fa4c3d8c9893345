#pragma once

#include "databasedump.h"

#include <QJsonArray>
#include <QList>
#include <QObject>

// The PostgreSQL and MariaDB services of one backup, dumped one after the other: open() fixes every database's
// state (in a consistent backup, inside the pause), dump() writes them out (after the resume).
class DatabaseDumps : public QObject
{
    Q_OBJECT

public:
    DatabaseDumps(const QList<LocalDescriptor::Service>& services, QObject* parent = nullptr);

    bool isEmpty() const { return m_dumps.isEmpty(); }
    int count() const { return int(m_dumps.size()); }
    // Connects to every server (before a pause), so that open() costs only the statements that fix the state.
    void startSessions(DatabaseDump::Done done);
    // Files go to `directory`/<DatabaseDump::fileName>.
    void open(const QString& directory, bool insidePause, DatabaseDump::Done done);
    // What the log should say about the dumps (non-transactional tables).
    QStringList takeNotes();
    void dump(DatabaseDump::Done done);
    QJsonArray manifest() const;
    QStringList descriptions() const;
    void abortAll();

private:
    void startFrom(int index, DatabaseDump::Done done);
    void openFrom(int index, const QString& directory, DatabaseDump::Done done);
    void dumpFrom(int index, DatabaseDump::Done done);

    QList<LocalDescriptor::Service> m_services;
    QList<DatabaseDump*> m_dumps;
};
