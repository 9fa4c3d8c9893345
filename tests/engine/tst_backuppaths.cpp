// Paths inside a backup (api-contract.md, "Restore with confidence") against a manifest: what each part maps to in
// the snapshot, and every spelling that must be refused before restic sees it.
#include "browse/backuppaths.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

class TestBackupPaths : public QObject
{
    Q_OBJECT

private slots:
    void parts();
    void parse_data();
    void parse();
    void refused_data();
    void refused();
    void fromSnapshotPath();

private:
    const QJsonObject m_manifest {{QStringLiteral("code_path"), QStringLiteral("/srv/env/code")},
        {QStringLiteral("mounts"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("uploads")},
                {QStringLiteral("path"), QStringLiteral("/srv/env/mounts/uploads")}}}},
        {QStringLiteral("services"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("db")},
                {QStringLiteral("path"), QStringLiteral("/srv/env/db.sqlite")},
                {QStringLiteral("staged"), QStringLiteral("/data/staging/backup-x/services/db.sqlite")}}}}};
};

void TestBackupPaths::parts()
{
    const QList<BackupPath> all = BackupPath::parts(m_manifest);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).part, QStringLiteral("code"));
    QCOMPARE(all.at(1).part, QStringLiteral("mounts/uploads"));
    QCOMPARE(all.at(1).partRoot, QStringLiteral("/srv/env/mounts/uploads"));
    QCOMPARE(all.at(2).part, QStringLiteral("services/db"));
    QCOMPARE(all.at(2).partRoot, QStringLiteral("/data/staging/backup-x/services/db.sqlite"));
}

void TestBackupPaths::parse_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("snapshotPath");
    QTest::addColumn<QString>("apiPath");
    QTest::newRow("empty") << QString() << int(BackupPath::Kind::Root) << QString() << QString();
    QTest::newRow("slash") << QStringLiteral("/") << int(BackupPath::Kind::Root) << QString() << QString();
    QTest::newRow("mounts") << QStringLiteral("mounts") << int(BackupPath::Kind::Mounts) << QString()
                            << QStringLiteral("mounts");
    QTest::newRow("services") << QStringLiteral("services") << int(BackupPath::Kind::Services) << QString()
                              << QStringLiteral("services");
    QTest::newRow("code") << QStringLiteral("code") << int(BackupPath::Kind::Code) << QStringLiteral("/srv/env/code")
                          << QStringLiteral("code");
    QTest::newRow("code folder, trailing slash") << QStringLiteral("code/src/") << int(BackupPath::Kind::Code)
                                                 << QStringLiteral("/srv/env/code/src") << QStringLiteral("code/src");
    QTest::newRow("a file of a mount") << QStringLiteral("mounts/uploads/a b/c.txt") << int(BackupPath::Kind::Mount)
                                       << QStringLiteral("/srv/env/mounts/uploads/a b/c.txt")
                                       << QStringLiteral("mounts/uploads/a b/c.txt");
    QTest::newRow("a database") << QStringLiteral("services/db") << int(BackupPath::Kind::Service)
                                << QStringLiteral("/data/staging/backup-x/services/db.sqlite")
                                << QStringLiteral("services/db");
}

void TestBackupPaths::parse()
{
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QString, snapshotPath);
    QFETCH(QString, apiPath);
    QString error;
    const auto parsed = BackupPath::parse(path, m_manifest, error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(int(parsed->kind), kind);
    if (parsed->isPart())
        QCOMPARE(parsed->snapshotPath(), snapshotPath);
    QCOMPARE(parsed->apiPath(), apiPath);
}

void TestBackupPaths::refused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("words");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("absolute");
    QTest::newRow("dot dot first") << QStringLiteral("../x") << QStringLiteral("'..'");
    QTest::newRow("dot dot inside") << QStringLiteral("code/../../etc") << QStringLiteral("'..'");
    QTest::newRow("dot") << QStringLiteral("code/./x") << QStringLiteral("'.'");
    QTest::newRow("empty segment") << QStringLiteral("code//x") << QStringLiteral("empty");
    QTest::newRow("unknown part") << QStringLiteral("secrets/x") << QStringLiteral("code, mounts/uploads, services/db");
    QTest::newRow("unknown mount") << QStringLiteral("mounts/nope/x") << QStringLiteral("no part");
    QTest::newRow("inside a database") << QStringLiteral("services/db/x") << QStringLiteral("one entry");
    QTest::newRow("NUL") << QStringLiteral("code/a") + QChar(0) + QStringLiteral("b") << QStringLiteral("NUL");
}

void TestBackupPaths::refused()
{
    QFETCH(QString, path);
    QFETCH(QString, words);
    QString error;
    QVERIFY(!BackupPath::parse(path, m_manifest, error));
    QVERIFY2(error.contains(words), qPrintable(error));
}

void TestBackupPaths::fromSnapshotPath()
{
    auto p = BackupPath::fromSnapshotPath(QStringLiteral("/srv/env/mounts/uploads/x/y"), m_manifest);
    QVERIFY(p);
    QCOMPARE(p->apiPath(), QStringLiteral("mounts/uploads/x/y"));
    p = BackupPath::fromSnapshotPath(QStringLiteral("/data/staging/backup-x/services/db.sqlite"), m_manifest);
    QVERIFY(p);
    QCOMPARE(p->apiPath(), QStringLiteral("services/db"));
    // A sibling whose name starts like a part is not inside it.
    QVERIFY(!BackupPath::fromSnapshotPath(QStringLiteral("/srv/env/code-old/x"), m_manifest));
}

QTEST_GUILESS_MAIN(TestBackupPaths)
#include "tst_backuppaths.moc"
