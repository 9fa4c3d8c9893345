#pragma once

#include <functional>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QQueue>
#include <QStringList>

class DatabaseAccess;

// One connection to a database server held open across the steps of an operation: the server's command-line client
// (psql or mariadb) reading statements from a pipe. A transaction begun in it lasts until it is committed or the
// session ends. Each query's rows (tab-separated) come back once the client has printed a marker after them. The
// first error ends the client (ON_ERROR_STOP; mariadb in batch mode), and every pending and later query fails.
class SqlSession : public QObject
{
    Q_OBJECT

public:
    using Rows = QList<QStringList>;
    using Callback = std::function<void(const Rows& rows, const QString& error)>;

    SqlSession(const DatabaseAccess& access, QObject* parent = nullptr);
    ~SqlSession() override;

    void start();
    // Sends `statements` (one or more, ending with ';') and calls `done` with the rows they printed.
    void query(const QString& statements, Callback done);
    // Ends the session: closes the client's input (an open transaction is rolled back by the server), bounded.
    void close();
    // Ends the session at once (the server rolls back its transaction and releases its locks).
    void abort();

private:
    void onOutput();
    void failAll(const QString& error);

    struct Pending
    {
        QByteArray marker;
        Callback done;
    };

    QProcess m_process;
    bool m_postgres = false;
    QByteArray m_buffer;
    QQueue<Pending> m_pending;
    int m_next = 0;
    QString m_error;
};
