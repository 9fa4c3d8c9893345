#pragma once

#include "jsonfuzzer.h"
#include "rawhttp.h"

#include <memory>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class ServerProcess;
class TestHttp;

// Runs JsonFuzzer's cases against a real tidemarkd (the demo project) that it first puts in a state where no
// valid request starts real work: one live backup of main, protected; main and staging deactivated (feature-x
// already is); two environments of its own to change and to switch. Checks every answer and, between batches,
// that the server still runs and that the state under test is as prepared. For tst_fuzzroutes and bench_fuzz.
class FuzzRunner
{
public:
    FuzzRunner(ServerProcess& server, quint32 seed);
    ~FuzzRunner();

    // Prepares the state and registers the routes (every route that takes a body, and the GET routes with their
    // queries). False with the reason in *error.
    bool prepare(QString* error);

    const JsonFuzzer& fuzzer() const { return *m_fuzzer; }
    int requestTimeoutMs() const { return m_timeoutMs; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Sends one case and returns what is wrong with the answer, empty when nothing is: an answer arrives within
    // the timeout, its status is below 500, a 4xx body has the contract's error shape ({"code", "title",
    // "message"} with code == status; the token route's 400 is {"error", "error_description"}), a 2xx JSON body
    // is JSON. The answer goes to *response when given.
    QString run(const JsonFuzzer::Case& c, RawHttp::Response* response = nullptr);

    // Each route's valid request with the role it needs, and the status it must get in the prepared state (a
    // fuzzer whose valid bodies are refused would only ever test the first check of each handler).
    QStringList checkValidRequests();

    // Between batches: the server runs and answers; environments that cases created are deleted; a settings
    // change that a case applied is undone; the protected backup, the inactive environments and the fixtures
    // are as prepared; nothing is pending or running. Returns what is wrong.
    QStringList settle();
    // Deletes the environments of its own; returns what went wrong.
    QStringList cleanup();

    bool serverRunning() const;
    // A GET that must answer within two seconds: tells a hung server from one slow request.
    bool responsive();
    // After a request the server could not answer: waits (bounded) until it answers again. False when it died or
    // stayed busy.
    bool waitUntilResponsive(int timeoutMs);
    qint64 residentKiB() const; // VmRSS
    qint64 peakResidentKiB() const; // VmHWM

    const QMap<int, qint64>& statusCounts() const { return m_statuses; }
    qint64 casesRun() const { return m_casesRun; }
    qint64 bytesSent() const { return m_bytesSent; }
    // Bytes in bodies of 256 KiB or more: what a server that kept request bodies would keep.
    qint64 largeBodyBytes() const { return m_largeBodyBytes; }
    // The slowest cases so far, slowest first: milliseconds and the case's description.
    struct Slow
    {
        qint64 ms = 0;
        QString description;
    };
    const QList<Slow>& slowest() const { return m_slowest; }

private:
    QJsonObject retention();
    void addRoutes();

    ServerProcess& m_server;
    std::unique_ptr<TestHttp> m_http;
    std::unique_ptr<RawHttp> m_raw;
    std::unique_ptr<JsonFuzzer> m_fuzzer;
    int m_timeoutMs = 10000;
    QString m_admin; // access tokens
    QString m_viewer;
    QElapsedTimer m_tokenAge;
    QString m_backupId;
    QString m_activityId;
    QStringList m_baselineEnvironments;
    QJsonObject m_baselineRetention;
    QHash<int, int> m_validStatus; // route → the status its valid request gets with an admin (or viewer) token
    QMap<int, qint64> m_statuses;
    qint64 m_casesRun = 0;
    qint64 m_bytesSent = 0;
    qint64 m_largeBodyBytes = 0;
    QList<Slow> m_slowest;
};
