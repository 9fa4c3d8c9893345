#pragma once

#include <optional>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

namespace QKeychain {
class Job;
}

// API tokens in the system keychain (QtKeychain), one per API URL, under the service "Tidemark". Every call
// returns at once and answers with a signal. Without a keychain (a headless machine, no Secret Service or
// KWallet) available() becomes false and nothing is stored: the console then asks for the token each time.
// There is deliberately no plain-text fallback, neither QtKeychain's nor our own.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)

public:
    explicit TokenStore(QObject* parent = nullptr);
    // Another service name keeps tests away from the user's real tokens.
    explicit TokenStore(const QString& service, QObject* parent = nullptr);

    QString service() const { return m_service; }
    // False once a keychain job found no backend; true until then.
    bool available() const { return m_state != State::Unavailable; }
    // True once a job (or probe()) has shown whether there is a keychain.
    bool availabilityKnown() const { return m_state != State::Unknown; }
    // Why tokens are not stored, for people; empty while available.
    QString unavailableReason() const;
    static QString noKeychainSentence();

    // Each ends in exactly one of the signals below, never synchronously.
    void read(const QUrl& apiUrl); // tokenRead, tokenNotFound or failed
    void write(const QUrl& apiUrl, const QString& token); // tokenWritten or failed
    void remove(const QUrl& apiUrl); // tokenRemoved or failed
    // Finds out whether there is a keychain without touching a stored token; answers with availabilityChanged
    // (if it changed) and probed().
    void probe();

    // The keychain key of an API URL: the URL without a trailing slash.
    static QString keyFor(const QUrl& apiUrl);

    // Tokens typed in this session, in memory only (never written anywhere): with a keychain they are also
    // written there; without one they are all there is. The newest typed token is used until the console closes
    // or it is refused, so a corrected token takes effect at once.
    void setSessionToken(const QUrl& apiUrl, const QString& token);
    std::optional<QString> sessionToken(const QUrl& apiUrl) const;
    void forgetSessionToken(const QUrl& apiUrl);

signals:
    void tokenRead(const QUrl& apiUrl, const QString& token);
    void tokenNotFound(const QUrl& apiUrl);
    void tokenWritten(const QUrl& apiUrl);
    void tokenRemoved(const QUrl& apiUrl);
    void failed(const QUrl& apiUrl, const QString& message);
    void availabilityChanged(bool available);
    void probed(bool available);

private:
    enum class State { Unknown, Available, Unavailable };
    enum class Operation { Read, Write, Remove, Probe };

    void start(QKeychain::Job* job, Operation operation, const QUrl& apiUrl);
    void finished(QKeychain::Job* job, Operation operation, const QUrl& apiUrl);
    // Answers a call without a keychain, queued so that callers always get their answer later.
    void answerUnavailable(const QUrl& apiUrl);
    void setState(State state);

    QString m_service;
    State m_state = State::Unknown;
    QHash<QString, QString> m_sessionTokens; // keyFor(API URL) → token
};
