#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// `tidemark-cli retention:preview` end to end: the real binary on the worked-example fixture and on bad inputs.
class TestCliPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonReproducesTheWorkedExample();
    void tablePrintsHeaderAndSummary();
    void badInputs_data();
    void badInputs();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr int kTimeoutMs = 30000;

const QString kFixtures = QStringLiteral(TIDEMARK_FIXTURES_DIR "/retention/");
const QString kPolicy = kFixtures + QStringLiteral("worked-example-policy.json");
const QString kBackups = kFixtures + QStringLiteral("worked-example-backups.json");
const QString kNow = QStringLiteral("2026-11-26T12:00:00Z");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TIDEMARK_CLI_PATH), QStringList {QStringLiteral("retention:preview")} + arguments);
    if (!process.waitForStarted(kTimeoutMs))
        qFatal("tidemark-cli did not start: %s", qPrintable(process.errorString()));
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished(kTimeoutMs);
        qFatal("tidemark-cli did not finish within %d ms", kTimeoutMs);
    }
    if (process.exitStatus() != QProcess::NormalExit)
        qFatal("tidemark-cli crashed");
    return Run {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

void TestCliPreview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(TIDEMARK_CLI_PATH)), TIDEMARK_CLI_PATH);
}

void TestCliPreview::jsonReproducesTheWorkedExample()
{
    const Run run = runCli({QStringLiteral("--policy"), kPolicy, QStringLiteral("--backups"), kBackups,
        QStringLiteral("--now"), kNow, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject root = document.object();
    QCOMPARE(root.keys(),
        QStringList(
            {QStringLiteral("backups"), QStringLiteral("deleted"), QStringLiteral("kept"), QStringLiteral("now")}));
    QCOMPARE(root.value(QStringLiteral("now")).toString(), kNow);
    QCOMPARE(root.value(QStringLiteral("kept")), QJsonValue(22));
    QCOMPARE(root.value(QStringLiteral("deleted")), QJsonValue(349));

    const QJsonArray backups = root.value(QStringLiteral("backups")).toArray();
    QCOMPARE(backups.size(), 371);
    // The spec's shape, field for field: nothing missing, nothing extra.
    const QJsonObject first {
        {QStringLiteral("id"), QStringLiteral("a369")},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-26T04:00:00Z")},
        {QStringLiteral("automated"), true},
        {QStringLiteral("decision"), QStringLiteral("keep")},
        {QStringLiteral("reasons"),
            QJsonArray {QStringLiteral("1d #1/7"), QStringLiteral("1w #1/4"), QStringLiteral("1M #1/12")}},
        {QStringLiteral("expires_at"), QStringLiteral("2026-12-03T00:00:00Z")},
    };
    QCOMPARE(backups.at(0).toObject(), first);

    // The spec's deleted example (its a358 is our a362: Thursday 19 Nov, not a day, week or month's pick).
    const QJsonObject deleted {
        {QStringLiteral("id"), QStringLiteral("a362")},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-19T04:00:00Z")},
        {QStringLiteral("automated"), true},
        {QStringLiteral("decision"), QStringLiteral("delete")},
        {QStringLiteral("reasons"), QJsonArray {QStringLiteral("not kept by schedule")}},
        {QStringLiteral("expires_at"), QJsonValue::Null},
    };
    // Plan order: a369..a364 (26..21 Nov), m2 (20 Nov 15:30), a363 (20 Nov), a362.
    QCOMPARE(backups.at(8).toObject(), deleted);
    // Manual backups: any offset and fractional seconds are printed as whole seconds in UTC; no expiry.
    const QJsonObject m2 {
        {QStringLiteral("id"), QStringLiteral("m2")},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-20T15:30:00Z")},
        {QStringLiteral("automated"), false},
        {QStringLiteral("decision"), QStringLiteral("keep")},
        {QStringLiteral("reasons"), QJsonArray {QStringLiteral("manual #1/2")}},
        {QStringLiteral("expires_at"), QJsonValue::Null},
    };
    QCOMPARE(backups.at(6).toObject(), m2);

    int kept = 0;
    QDateTime previous;
    QSet<QString> ids;
    for (const QJsonValue& value : backups) {
        const QJsonObject b = value.toObject();
        QCOMPARE(b.size(), 6);
        const QString createdAt = b.value(QStringLiteral("created_at")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                     .match(createdAt)
                     .hasMatch(),
            qPrintable(createdAt));
        const QDateTime time = QDateTime::fromString(createdAt, Qt::ISODate);
        QVERIFY2(!previous.isValid() || time <= previous, qPrintable(createdAt)); // newest first
        previous = time;
        ids.insert(b.value(QStringLiteral("id")).toString());
        const bool keep = b.value(QStringLiteral("decision")).toString() == QLatin1String("keep");
        kept += keep;
        if (!keep)
            QVERIFY(b.value(QStringLiteral("expires_at")).isNull());
    }
    QCOMPARE(kept, 22);
    QCOMPARE(ids.size(), 371);
    QVERIFY(ids.contains(QStringLiteral("m1")));
}

void TestCliPreview::tablePrintsHeaderAndSummary()
{
    const Run run = runCli(
        {QStringLiteral("--policy"), kPolicy, QStringLiteral("--backups"), kBackups, QStringLiteral("--now"), kNow});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 371);

    // A header naming the columns, then one row per backup in plan order.
    const QStringList header = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(header,
        QStringList({QStringLiteral("ID"), QStringLiteral("Created"), QStringLiteral("Kind"),
            QStringLiteral("Decision"), QStringLiteral("Expires"), QStringLiteral("Reasons")}));
    const QString newest = lines.at(1).simplified();
    QCOMPARE(newest,
        QStringLiteral("a369 2026-11-26T04:00:00Z automated keep 2026-12-03T00:00:00Z 1d #1/7, 1w #1/4, 1M #1/12"));
    QVERIFY(lines.at(9).simplified().startsWith(QLatin1String("a362 2026-11-19T04:00:00Z automated delete - ")));
    QVERIFY(lines.at(9).contains(QLatin1String("not kept by schedule")));
    // Columns line up: every row has its decision where the header has "Decision".
    const qsizetype decisionColumn = lines.first().indexOf(QLatin1String("Decision"));
    for (int i = 1; i <= 371; ++i) {
        const QString cell = lines.at(i).mid(decisionColumn, 6);
        QVERIFY2(cell == QLatin1String("keep  ") || cell == QLatin1String("delete"), qPrintable(lines.at(i)));
    }

    // The summary: the time planned at and both counts.
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(
        text.trimmed().endsWith(QLatin1String("Now 2026-11-26T12:00:00Z: 22 kept, 349 deleted.")), run.out.right(200));
}

void TestCliPreview::badInputs_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QString policy = write(m_dir, QStringLiteral("policy.json"),
        "{\"default_config\": {\"schedule\": [{\"interval\": \"5x\", \"count\": 2}]}}");
    // '@' is line 2, column 18 (two spaces, "max_backups" in quotes, ':', a space).
    const QString malformed
        = write(m_dir, QStringLiteral("malformed.json"), "{\n  \"max_backups\": @,\n  \"x\": 1\n}\n");
    const QString badTime = write(m_dir, QStringLiteral("bad-time.json"),
        "[{\"id\": \"a\", \"created_at\": \"2026-11-26T04:00:00Z\", \"automated\": true},\n"
        " {\"id\": \"b\", \"created_at\": \"2026-02-30T04:00:00Z\", \"automated\": true}]");
    const QString missing = m_dir.filePath(QStringLiteral("missing.json"));

    const auto args = [](const QString& policyPath, const QString& backupsPath, const QStringList& more = {}) {
        return QStringList {QStringLiteral("--policy"), policyPath, QStringLiteral("--backups"), backupsPath,
                   QStringLiteral("--format"), QStringLiteral("json")}
        + more;
    };
    QTest::newRow("interval 5x") << args(policy, kBackups)
                                 << QStringList {QStringLiteral("default_config.schedule[0].interval"),
                                        QStringLiteral("'5x'"), policy};
    QTest::newRow("malformed policy JSON")
        << args(malformed, kBackups) << QStringList {QStringLiteral("line 2"), QStringLiteral("column 18"), malformed};
    QTest::newRow("bad created_at") << args(
        kPolicy, badTime) << QStringList {QStringLiteral("[1].created_at"), QStringLiteral("2026-02-30"), badTime};
    QTest::newRow("missing backups file")
        << args(kPolicy, missing) << QStringList {QStringLiteral("--backups"), missing};
    QTest::newRow("missing policy file") << args(missing, kBackups)
                                         << QStringList {QStringLiteral("--policy"), missing};
    QTest::newRow("bad --now") << args(kPolicy, kBackups, {QStringLiteral("--now"), QStringLiteral("yesterday")})
                               << QStringList {QStringLiteral("--now"), QStringLiteral("yesterday")};
    QTest::newRow("--now without offset")
        << args(kPolicy, kBackups, {QStringLiteral("--now"), QStringLiteral("2026-11-26T12:00:00")})
        << QStringList {QStringLiteral("--now")};
    QTest::newRow("unknown --format") << QStringList {QStringLiteral("--policy"), kPolicy, QStringLiteral("--backups"),
        kBackups, QStringLiteral("--format"), QStringLiteral("yaml")}
                                      << QStringList {QStringLiteral("--format"), QStringLiteral("yaml")};
}

void TestCliPreview::badInputs()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.left(200).constData());
    const QString err = QString::fromUtf8(run.err);
    for (const QString& mention : mentions)
        QVERIFY2(err.contains(mention), qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, err)));
}

QTEST_GUILESS_MAIN(TestCliPreview)
#include "tst_clipreview.moc"
