#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

// A stand-in for the hosted Upsun / Platform.sh API on 127.0.0.1, for the client and console suites: it answers
// the hosted routes with the copies of hosted answers in tests/fixtures/hosted/ (unknown fields and all), has
// no `/tidemark` and none of tidemarkd's local routes (404), and records every request so that a test can
// check what a client sent (above all: no PATCH when it only meant to preview). It is not tidemarkd and
// stands in for nothing Tidemark ships.
class HostedStandIn : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path; // without the query
        QString query;
        QByteArray body;
    };

    explicit HostedStandIn(QObject* parent = nullptr);

    // Loads the fixtures and listens on a free port; false with a reason in error().
    bool start();
    QString url() const;
    QString error() const { return m_error; }
    QString project() const { return QStringLiteral("abcdefgh1234567"); }
    const QList<Request>& requests() const { return m_requests; }
    int count(const QByteArray& method) const;

private:
    void onData(QTcpSocket* socket);
    QByteArray answer(const Request& request) const;

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    QJsonArray m_environments;
    QJsonArray m_backups;
    QJsonObject m_activity;
    QJsonObject m_settings;
    QString m_error;
};
