#include "connectionprofiles.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestConnectionProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void thisComputerAlwaysFirst();
    void addUpdateRemovePersist();
    void rejectsBadProfiles_data();
    void rejectsBadProfiles();
    void currentFollowsRenamesAndRemovals();
    void ignoresBrokenEntries();

private:
    QTemporaryDir m_dir;
};

namespace {

ConnectionProfile upsun(const QString& name = QStringLiteral("Upsun"))
{
    return ConnectionProfile {name, QUrl(QStringLiteral("https://api.upsun.com")),
        QUrl(QStringLiteral("https://auth.upsun.com/oauth2/token")), QStringLiteral("abc123"), false};
}

ConnectionProfile loopback()
{
    return ConnectionProfile {QStringLiteral("Lab"), QUrl(QStringLiteral("http://127.0.0.1:8421")),
        QUrl(QStringLiteral("http://127.0.0.1:8421/oauth2/token")), QString(), false};
}

QStringList names(const ConnectionProfiles& profiles)
{
    QStringList result;
    for (const ConnectionProfile& p : profiles.profiles())
        result.append(p.name);
    return result;
}

} // namespace

void TestConnectionProfiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectionprofiles"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestConnectionProfiles::init()
{
    QSettings().clear();
}

void TestConnectionProfiles::thisComputerAlwaysFirst()
{
    ConnectionProfiles profiles;
    QCOMPARE(profiles.profiles().size(), 1);
    const ConnectionProfile local = profiles.profiles().at(0);
    QVERIFY(local.builtIn);
    QCOMPARE(local.name, ConnectionProfiles::thisComputerName());
    QCOMPARE(local.name, QStringLiteral("This computer"));
    QVERIFY(local.apiUrl.isEmpty());
    QCOMPARE(profiles.current(), local);

    QVERIFY(!profiles.remove(local.name));
    QString error;
    QVERIFY(!profiles.add(ConnectionProfile {QStringLiteral("This Computer"), QUrl(QStringLiteral("https://x.org")),
                              QUrl(QStringLiteral("https://x.org/t")), {}, false},
        &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!profiles.add(local, &error));

    QVERIFY(profiles.add(upsun()));
    QCOMPARE(names(profiles), (QStringList {QStringLiteral("This computer"), QStringLiteral("Upsun")}));

    // Of the built-in profile, only the project changes.
    ConnectionProfile changed = local;
    changed.project = QStringLiteral("demo");
    changed.apiUrl = QUrl(QStringLiteral("https://elsewhere.example"));
    QVERIFY(profiles.update(local.name, changed));
    QCOMPARE(profiles.profiles().at(0).project, QStringLiteral("demo"));
    QVERIFY(profiles.profiles().at(0).apiUrl.isEmpty());
    QCOMPARE(ConnectionProfiles().profiles().at(0).project, QStringLiteral("demo"));
}

void TestConnectionProfiles::addUpdateRemovePersist()
{
    {
        ConnectionProfiles profiles;
        QSignalSpy changed(&profiles, &ConnectionProfiles::profilesChanged);
        QVERIFY(profiles.add(upsun()));
        QVERIFY(profiles.add(loopback()));
        QCOMPARE(changed.count(), 2);
        QString error;
        QVERIFY(!profiles.add(upsun(QStringLiteral("upsun")), &error)); // names are unique regardless of case
        QVERIFY2(error.contains(QStringLiteral("already")), qPrintable(error));
        QVERIFY(profiles.setCurrent(QStringLiteral("Lab")));
    }
    {
        ConnectionProfiles profiles;
        QCOMPARE(names(profiles),
            (QStringList {QStringLiteral("This computer"), QStringLiteral("Upsun"), QStringLiteral("Lab")}));
        QCOMPARE(*profiles.profile(QStringLiteral("Upsun")), upsun());
        QCOMPARE(profiles.current(), loopback());

        ConnectionProfile platform = upsun(QStringLiteral("Platform.sh"));
        platform.apiUrl = QUrl(QStringLiteral("https://api.platform.sh"));
        platform.tokenUrl = QUrl(QStringLiteral("https://auth.api.platform.sh/oauth2/token"));
        QVERIFY(profiles.update(QStringLiteral("Upsun"), platform));
        QVERIFY(!profiles.update(QStringLiteral("Nope"), platform));
        QSignalSpy removed(&profiles, &ConnectionProfiles::removed);
        QVERIFY(profiles.remove(QStringLiteral("Lab")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).value<ConnectionProfile>().apiUrl, loopback().apiUrl);
        QVERIFY(!profiles.remove(QStringLiteral("Lab")));
    }
    {
        ConnectionProfiles profiles;
        QCOMPARE(names(profiles), (QStringList {QStringLiteral("This computer"), QStringLiteral("Platform.sh")}));
        QCOMPARE(
            profiles.profile(QStringLiteral("Platform.sh"))->apiUrl, QUrl(QStringLiteral("https://api.platform.sh")));
        QVERIFY(profiles.current().builtIn); // the current one was removed
    }

    // Everything lives in the "connections" group of the settings file.
    QSettings settings;
    for (const QString& key : settings.allKeys())
        QVERIFY2(key.startsWith(QLatin1String("connections/")), qPrintable(key));
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("[connections]"));
}

void TestConnectionProfiles::rejectsBadProfiles_data()
{
    QTest::addColumn<ConnectionProfile>("profile");

    ConnectionProfile p = upsun();
    p.name.clear();
    QTest::newRow("no name") << p;
    p = upsun(QStringLiteral(" Upsun"));
    QTest::newRow("spaces around the name") << p;
    p = upsun();
    p.apiUrl = QUrl(QStringLiteral("ftp://api.upsun.com"));
    QTest::newRow("not http") << p;
    p = upsun();
    p.apiUrl = QUrl();
    QTest::newRow("no API URL") << p;
    p = upsun();
    p.tokenUrl = QUrl(QStringLiteral("not a url"));
    QTest::newRow("bad token URL") << p;
    p = upsun();
    p.apiUrl = QUrl(QStringLiteral("http://api.upsun.com"));
    QTest::newRow("plain http to another machine") << p;
    p = upsun();
    p.tokenUrl = QUrl(QStringLiteral("http://192.168.1.5/oauth2/token"));
    QTest::newRow("plain http token URL on the LAN") << p;
}

void TestConnectionProfiles::rejectsBadProfiles()
{
    QFETCH(ConnectionProfile, profile);
    ConnectionProfiles profiles;
    QString error;
    QVERIFY(!profiles.problem(profile).isEmpty());
    QVERIFY(!profiles.add(profile, &error));
    QCOMPARE(error, profiles.problem(profile));
    QCOMPARE(profiles.profiles().size(), 1);
    QCOMPARE(ConnectionProfiles().profiles().size(), 1);
}

void TestConnectionProfiles::currentFollowsRenamesAndRemovals()
{
    ConnectionProfiles profiles;
    QVERIFY(profiles.add(upsun()));
    QSignalSpy current(&profiles, &ConnectionProfiles::currentChanged);
    QVERIFY(!profiles.setCurrent(QStringLiteral("Nope")));
    QVERIFY(profiles.setCurrent(QStringLiteral("Upsun")));
    QCOMPARE(current.count(), 1);
    QVERIFY(profiles.setCurrent(QStringLiteral("Upsun")));
    QCOMPARE(current.count(), 1);

    ConnectionProfile renamed = upsun(QStringLiteral("Work"));
    QVERIFY(profiles.update(QStringLiteral("Upsun"), renamed));
    QCOMPARE(profiles.current(), renamed);
    QCOMPARE(current.count(), 2);
    QCOMPARE(ConnectionProfiles().current(), renamed);

    QVERIFY(profiles.remove(QStringLiteral("Work")));
    QVERIFY(profiles.current().builtIn);
    QCOMPARE(current.count(), 3);
}

void TestConnectionProfiles::ignoresBrokenEntries()
{
    {
        QSettings settings;
        settings.beginGroup(QStringLiteral("connections"));
        settings.beginWriteArray(QStringLiteral("profiles"), 3);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("Good"));
        settings.setValue(QStringLiteral("apiUrl"), QStringLiteral("https://api.upsun.com"));
        settings.setValue(QStringLiteral("tokenUrl"), QStringLiteral("https://auth.upsun.com/oauth2/token"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("name"), QStringLiteral("good")); // a duplicate
        settings.setValue(QStringLiteral("apiUrl"), QStringLiteral("https://api.platform.sh"));
        settings.setValue(QStringLiteral("tokenUrl"), QStringLiteral("https://auth.api.platform.sh/oauth2/token"));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("name"), QStringLiteral("No URL"));
        settings.endArray();
        settings.setValue(QStringLiteral("current"), QStringLiteral("Gone"));
    }
    ConnectionProfiles profiles;
    QCOMPARE(names(profiles), (QStringList {QStringLiteral("This computer"), QStringLiteral("Good")}));
    QVERIFY(profiles.current().builtIn);
}

QTEST_GUILESS_MAIN(TestConnectionProfiles)
#include "tst_connectionprofiles.moc"
