#include "notificationsender.h"

#include <cstring>
#include <curl/curl.h>
#include <mutex>
#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NotificationSender)
};

struct Upload
{
    const QByteArray* data = nullptr;
    qsizetype offset = 0;
};

size_t readBody(char* buffer, size_t size, size_t count, void* user)
{
    auto* upload = static_cast<Upload*>(user);
    const qsizetype room = qsizetype(size * count);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype n = std::min(room, left);
    memcpy(buffer, upload->data->constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

size_t discard(char*, size_t size, size_t count, void*)
{
    return size * count; // the receiver's answer is not used (and may echo what it was sent)
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* abort = static_cast<const std::atomic_bool*>(user);
    return abort && abort->load() ? 1 : 0;
}

} // namespace

void NotificationSender::initialize()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

NotificationSender::Result NotificationSender::send(const Request& request, const std::atomic_bool* abort)
{
    initialize();
    CURL* curl = curl_easy_init();
    if (!curl)
        return Result {false, Tr::tr("libcurl could not start a transfer")};
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    curl_slist* recipients = nullptr;
    Upload upload {&request.body, 0};

    curl_easy_setopt(curl, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // worker threads: no SIGALRM for resolver timeouts
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(request.timeoutMs, 10000)));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic_bool*>(abort));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, request.kind == Request::Kind::Http ? "http,https" : "smtp,smtps");
    if (!request.caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, request.caFile.constData());

    if (request.kind == Request::Kind::Http) {
        // A webhook's answer to a POST is not followed elsewhere: a redirect would resend the alert somewhere else.
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        headers = curl_slist_append(headers, QByteArray("Content-Type: " + request.contentType).constData());
        headers = curl_slist_append(headers, "Expect:");
        headers = curl_slist_append(headers, "User-Agent: tidemarkd");
        for (const auto& [name, value] : request.headers)
            headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    } else {
        if (request.requireTls)
            curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
        if (!request.user.isEmpty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, request.user.constData());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, request.password.constData());
        }
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, QByteArray('<' + request.from + '>').constData());
        for (const QByteArray& to : request.recipients)
            recipients = curl_slist_append(recipients, QByteArray('<' + to + '>').constData());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, readBody);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.size()));
    }

    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);

    Result result;
    if (code != CURLE_OK) {
        QByteArray detail = errorBuffer[0] ? QByteArray(errorBuffer) : QByteArray(curl_easy_strerror(code));
        for (const QByteArray& secret : request.secrets) {
            if (!secret.isEmpty())
                detail.replace(secret, "[redacted]");
        }
        result.error = code == CURLE_ABORTED_BY_CALLBACK ? Tr::tr("stopped: tidemarkd is shutting down")
                                                         : QString::fromUtf8(detail.trimmed());
    } else if (request.kind == Request::Kind::Http && (status < 200 || status >= 300)) {
        result.error = Tr::tr("the receiver answered HTTP %1").arg(status);
    } else {
        result.ok = true;
    }
    return result;
}
