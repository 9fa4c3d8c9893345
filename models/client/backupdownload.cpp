#include "backupdownload.h"

#include "apiclient.h"
#include "apijob.h"

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

BackupDownload::BackupDownload(ApiClient* client, const QString& pathAndQuery, QIODevice* sink, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_path(pathAndQuery)
    , m_sink(sink)
{ }

BackupDownload::~BackupDownload()
{
    m_done = true;
    if (m_reply)
        m_reply->abort();
}

void BackupDownload::start()
{
    if (!m_client || !m_sink || !m_sink->isWritable()) {
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    open();
}

void BackupDownload::abort()
{
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    finish(error);
}

void BackupDownload::open()
{
    QPointer<BackupDownload> self(this);
    m_client->withAccessToken([self](const ApiError& error) {
        if (!self || self->m_done)
            return;
        if (error.isError())
            return self->finish(error);
        if (!self->m_client || !self->m_client->networkAccessManager()) {
            ApiError cancelled;
            cancelled.kind = ApiError::Kind::Cancelled;
            return self->finish(cancelled);
        }
        self->m_usedToken = self->m_client->m_accessToken;
        QNetworkRequest request(self->m_client->urlFor(self->m_path));
        request.setRawHeader("Authorization", "Bearer " + self->m_usedToken.toUtf8());
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        self->m_reply = self->m_client->networkAccessManager()->get(request);
        connect(self->m_reply, &QNetworkReply::readyRead, self, &BackupDownload::onReadyRead);
        connect(self->m_reply, &QNetworkReply::finished, self, &BackupDownload::onFinished);
    });
}

void BackupDownload::onReadyRead()
{
    if (!m_reply || m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = m_reply->readAll();
    if (status < 200 || status > 299) {
        if (m_errorBody.size() < 1024 * 1024)
            m_errorBody += data;
        return;
    }
    if (m_total < 0) {
        bool ok = false;
        const qint64 size = m_reply->rawHeader("X-Tidemark-Size").toLongLong(&ok);
        if (ok)
            m_total = size;
    }
    if (m_sink->write(data) != data.size()) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.networkError = tr("the download could not be written: %1").arg(m_sink->errorString());
        return finish(error);
    }
    m_received += data.size();
    emit progress(m_received, m_total);
}

void BackupDownload::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_done)
        return;
    onReadyRead();
    if (m_done)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ApiError error;
    if (status == 401 && !m_reauthenticated && m_client) {
        m_reauthenticated = true;
        m_client->invalidateAccessToken(m_usedToken);
        m_reply = nullptr;
        reply->deleteLater();
        m_errorBody.clear();
        open();
        return;
    }
    if (status >= 200 && status <= 299) {
        // A stream cut short (restic failed half-way) ends without its last chunk: a network error here.
        if (reply->error() != QNetworkReply::NoError) {
            error.kind = ApiError::Kind::Network;
            error.networkError = reply->errorString();
        }
    } else if (status == 0) {
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->errorString();
    } else {
        error = ApiJob::errorFromAnswer(
            status, m_errorBody, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), reply->url());
    }
    finish(error);
}

void BackupDownload::finish(const ApiError& error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    emit finished(error);
}
