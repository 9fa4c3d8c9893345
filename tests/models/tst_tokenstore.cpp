#include "connectionprofiles.h"
#include "tokenstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// Runs against whatever this machine has: a working keychain, or none (a headless CI box). Either way the token
// must never end up in a settings file.
class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyIsTheApiUrl();
    void writeReadRemoveOrUnavailable();
    void unavailableAnswersLater();

private:
    // Every file under the settings directory that contains `secret`.
    QStringList filesContaining(const QByteArray& secret) const;
    // Waits for one of the store's answers to arrive.
    static bool waitForAnswer(const QList<QSignalSpy*>& spies, int timeoutMs = 60000);

    QTemporaryDir m_dir;
    const QUrl m_apiUrl {QStringLiteral("https://api.tidemark-test.invalid/")};
};

void TestTokenStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tokenstore"));
    // Every QSettings the process (or QtKeychain, were it to fall back) writes lands in the temporary directory.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, m_dir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, m_dir.path());
    qputenv("XDG_CONFIG_HOME", m_dir.path().toLocal8Bit());
    // A profile, so the settings file exists and holds the API URL the token belongs to.
    ConnectionProfiles profiles;
    QVERIFY(profiles.add(ConnectionProfile {QStringLiteral("Test"), m_apiUrl,
        QUrl(QStringLiteral("https://auth.tidemark-test.invalid/oauth2/token")), QString(), false}));
}

QStringList TestTokenStore::filesContaining(const QByteArray& secret) const
{
    QStringList found;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found.append(file.fileName());
    }
    return found;
}

bool TestTokenStore::waitForAnswer(const QList<QSignalSpy*>& spies, int timeoutMs)
{
    const auto answered = [&] {
        for (QSignalSpy* spy : spies) {
            if (!spy->isEmpty())
                return true;
        }
        return false;
    };
    return QTest::qWaitFor(answered, timeoutMs);
}

void TestTokenStore::keyIsTheApiUrl()
{
    QCOMPARE(
        TokenStore::keyFor(QUrl(QStringLiteral("https://api.upsun.com/"))), QStringLiteral("https://api.upsun.com"));
    QCOMPARE(
        TokenStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:8421"))), QStringLiteral("http://127.0.0.1:8421"));
    QCOMPARE(TokenStore().service(), QStringLiteral("Tidemark"));
}

void TestTokenStore::writeReadRemoveOrUnavailable()
{
    TokenStore store(QStringLiteral("Tidemark-test"));
    QVERIFY(store.available()); // until a job says otherwise
    QVERIFY(!store.availabilityKnown());
    const QString token = QStringLiteral("tm-secret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    QSignalSpy written(&store, &TokenStore::tokenWritten);
    QSignalSpy failed(&store, &TokenStore::failed);
    QSignalSpy availability(&store, &TokenStore::availabilityChanged);
    store.write(m_apiUrl, token);
    QVERIFY(written.isEmpty() && failed.isEmpty()); // asynchronous
    QVERIFY(waitForAnswer({&written, &failed}));
    QVERIFY(store.availabilityKnown());

    if (!written.isEmpty()) {
        qInfo("a system keychain is available: round trip through it");
        QVERIFY(store.available());
        QVERIFY(store.unavailableReason().isEmpty());
        QCOMPARE(written.at(0).at(0).toUrl(), m_apiUrl);

        QSignalSpy read(&store, &TokenStore::tokenRead);
        QSignalSpy notFound(&store, &TokenStore::tokenNotFound);
        store.read(QUrl(QStringLiteral("https://api.tidemark-test.invalid"))); // the same key without the slash
        QVERIFY(waitForAnswer({&read, &notFound, &failed}));
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.at(0).at(1).toString(), token);

        QSignalSpy removed(&store, &TokenStore::tokenRemoved);
        store.remove(m_apiUrl);
        QVERIFY(waitForAnswer({&removed, &failed}));
        QCOMPARE(removed.count(), 1);
        store.read(m_apiUrl);
        QVERIFY(waitForAnswer({&notFound, &failed}));
        QCOMPARE(notFound.count(), 1);
    } else {
        qInfo("no system keychain: %s", qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(!store.available());
        QCOMPARE(availability.count(), 1);
        QCOMPARE(availability.at(0).at(0).toBool(), false);
        QCOMPARE(failed.at(0).at(0).toUrl(), m_apiUrl);
        QCOMPARE(failed.at(0).at(1).toString(),
            QStringLiteral(
                "No system keychain is available: the token is kept only until Tidemark quits and is asked for "
                "again at the next start."));
        QCOMPARE(store.unavailableReason(), failed.at(0).at(1).toString());
    }

    // In both cases: not a byte of the token in any settings file, and not in QSettings' view of them.
    QSettings settings;
    settings.sync();
    QVERIFY(QFile::exists(settings.fileName()));
    QVERIFY2(filesContaining(token.toUtf8()).isEmpty(), qPrintable(filesContaining(token.toUtf8()).join(u',')));
    for (const QString& key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(token), qPrintable(key));
}

void TestTokenStore::unavailableAnswersLater()
{
    TokenStore store(QStringLiteral("Tidemark-test"));
    QSignalSpy probed(&store, &TokenStore::probed);
    store.probe();
    QVERIFY(probed.wait(60000));
    QCOMPARE(probed.at(0).at(0).toBool(), store.available());
    if (store.available())
        QSKIP("this machine has a keychain");

    // Once known to be missing, calls answer without a job, but still not before the call returns.
    QSignalSpy failed(&store, &TokenStore::failed);
    store.read(m_apiUrl);
    store.write(m_apiUrl, QStringLiteral("tm-secret-never-stored"));
    QCOMPARE(failed.count(), 0);
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(1).toString(), TokenStore::noKeychainSentence());
    QVERIFY(filesContaining("tm-secret-never-stored").isEmpty());
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
