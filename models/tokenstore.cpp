#include "tokenstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

namespace {

Q_LOGGING_CATEGORY(lcTokenStore, "tidemark.tokenstore")

const QString kProbeKey = QStringLiteral("tidemark-keychain-probe");

} // namespace

TokenStore::TokenStore(QObject* parent)
    : TokenStore(QStringLiteral("Tidemark"), parent)
{ }

TokenStore::TokenStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{ }

QString TokenStore::noKeychainSentence()
{
    return tr("No system keychain is available: the token is kept only until Tidemark quits and is asked for again "
              "at the next start.");
}

QString TokenStore::unavailableReason() const
{
    return available() ? QString() : noKeychainSentence();
}

QString TokenStore::keyFor(const QUrl& apiUrl)
{
    QUrl url = apiUrl.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    // StripTrailingSlash keeps a lone "/", but https://host/ and https://host are the same API.
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url.toString();
}

void TokenStore::setSessionToken(const QUrl& apiUrl, const QString& token)
{
    m_sessionTokens.insert(keyFor(apiUrl), token);
}

std::optional<QString> TokenStore::sessionToken(const QUrl& apiUrl) const
{
    const auto found = m_sessionTokens.constFind(keyFor(apiUrl));
    return found != m_sessionTokens.cend() ? std::optional(*found) : std::nullopt;
}

void TokenStore::forgetSessionToken(const QUrl& apiUrl)
{
    m_sessionTokens.remove(keyFor(apiUrl));
}

void TokenStore::read(const QUrl& apiUrl)
{
    if (!available())
        return answerUnavailable(apiUrl);
    start(new QKeychain::ReadPasswordJob(m_service), Operation::Read, apiUrl);
}

void TokenStore::write(const QUrl& apiUrl, const QString& token)
{
    if (!available())
        return answerUnavailable(apiUrl);
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(token);
    start(job, Operation::Write, apiUrl);
}

void TokenStore::remove(const QUrl& apiUrl)
{
    forgetSessionToken(apiUrl);
    if (!available())
        return answerUnavailable(apiUrl);
    start(new QKeychain::DeletePasswordJob(m_service), Operation::Remove, apiUrl);
}

void TokenStore::probe()
{
    start(new QKeychain::ReadPasswordJob(m_service), Operation::Probe, {});
}

void TokenStore::start(QKeychain::Job* job, Operation operation, const QUrl& apiUrl)
{
    // Never QtKeychain's own fallback: it writes the secret in plain text into QSettings.
    job->setInsecureFallback(false);
    job->setKey(operation == Operation::Probe ? kProbeKey : keyFor(apiUrl));
    // The job has no parent and deletes itself when done, so that it can finish even if this store is gone;
    // its answer then has nobody to go to and is dropped with the connection.
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this,
        [this, operation, apiUrl](QKeychain::Job* done) { finished(done, operation, apiUrl); });
    job->start();
}

void TokenStore::finished(QKeychain::Job* job, Operation operation, const QUrl& apiUrl)
{
    const QKeychain::Error error = job->error();
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        setState(State::Available);
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what a missing Secret Service / D-Bus session looks like on Linux.
        qCInfo(lcTokenStore, "no usable keychain (error %d): %s", int(error), qPrintable(job->errorString()));
        setState(State::Unavailable);
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::CouldNotDeleteEntry:
        setState(State::Available);
        break;
    }

    if (operation == Operation::Probe) {
        emit probed(available());
        return;
    }
    if (m_state == State::Unavailable) {
        emit failed(apiUrl, noKeychainSentence());
        return;
    }
    if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
        emit failed(apiUrl, tr("Access to the system keychain was denied."));
        return;
    }
    switch (operation) {
    case Operation::Read:
        if (error == QKeychain::EntryNotFound) {
            emit tokenNotFound(apiUrl);
        } else {
            emit tokenRead(apiUrl, static_cast<QKeychain::ReadPasswordJob*>(job)->textData());
        }
        break;
    case Operation::Write:
        if (error == QKeychain::NoError)
            emit tokenWritten(apiUrl);
        else
            emit failed(apiUrl, tr("The token could not be stored in the system keychain: %1").arg(job->errorString()));
        break;
    case Operation::Remove:
        // Removing a token that was never stored leaves the keychain as wanted.
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
            emit tokenRemoved(apiUrl);
        else
            emit failed(
                apiUrl, tr("The token could not be removed from the system keychain: %1").arg(job->errorString()));
        break;
    case Operation::Probe:
        break;
    }
}

void TokenStore::answerUnavailable(const QUrl& apiUrl)
{
    QMetaObject::invokeMethod(
        this, [this, apiUrl] { emit failed(apiUrl, noKeychainSentence()); }, Qt::QueuedConnection);
}

void TokenStore::setState(State state)
{
    if (state == m_state)
        return;
    const bool wasAvailable = available();
    m_state = state;
    if (available() != wasAvailable)
        emit availabilityChanged(available());
}
