#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class ApiClient;
class QIODevice;
class QNetworkReply;

// One file or folder of a backup (GET …/files/content or …/files/archive) streamed into a device as it arrives,
// with the client's access token (exchanged once more on a 401). Emits progress() while bytes come and then
// exactly one finished(); abort() stops it (finished() with a Cancelled error).
class BackupDownload : public QObject
{
    Q_OBJECT

public:
    BackupDownload(ApiClient* client, const QString& pathAndQuery, QIODevice* sink, QObject* parent = nullptr);
    ~BackupDownload() override;

    void start();
    void abort();
    qint64 bytesReceived() const { return m_received; }

signals:
    // `total` is the file's size when the server says it (-1 for an archive, whose size is not known before).
    void progress(qint64 received, qint64 total);
    // No error: every byte was written to the sink.
    void finished(const ApiError& error);

private:
    void open();
    void onReadyRead();
    void onFinished();
    void finish(const ApiError& error);

    QPointer<ApiClient> m_client;
    QString m_path;
    QPointer<QIODevice> m_sink;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_errorBody;
    QString m_usedToken;
    qint64 m_received = 0;
    qint64 m_total = -1;
    bool m_reauthenticated = false;
    bool m_done = false;
};
