#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The data_retention policy: strict decoding with paths, validation, defaults and the JSON shape.
class TestRetentionPolicy : public QObject
{
    Q_OBJECT

private slots:
    void parsesIntervals_data();
    void parsesIntervals();
    void rejectsBadPolicies_data();
    void rejectsBadPolicies();
    void reportsEveryProblem();
    void numbersInMessagesAreShort();
    void acceptsValidPolicies_data();
    void acceptsValidPolicies();
    void emptyPolicyTakesDefaults();
    void toJsonShape();
    void roundTrip_data();
    void roundTrip();
    void defaults();
    void validateHandBuiltPolicies_data();
    void validateHandBuiltPolicies();
    void seedDocumentExamples();
    void seedDocumentTrailingCommaIsReported();
};

namespace {

QJsonValue parse(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s: %s", text.constData(), qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QByteArray withSchedule(const QByteArray& items)
{
    return "{\"default_config\": {\"schedule\": [" + items + "]}}";
}

QByteArray withInterval(const QByteArray& interval)
{
    return withSchedule("{\"interval\": " + interval + ", \"count\": 2}");
}

QByteArray withCount(const QByteArray& count)
{
    return withSchedule("{\"interval\": \"1d\", \"count\": " + count + "}");
}

QString under(const QString& base, const QString& path)
{
    if (base.isEmpty())
        return path;
    if (path.isEmpty())
        return base;
    return base + QLatin1Char('.') + path;
}

Schedule schedule(int multiplier, Interval::Unit unit, int count)
{
    return Schedule {Interval {multiplier, unit}, count};
}

} // namespace

void TestRetentionPolicy::parsesIntervals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("multiplier");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("label");
    QTest::addColumn<qint64>("seconds");

    using U = Interval::Unit;
    QTest::newRow("d") << QStringLiteral("d") << true << 1 << int(U::Day) << QStringLiteral("1d") << qint64(86400);
    QTest::newRow("1d") << QStringLiteral("1d") << true << 1 << int(U::Day) << QStringLiteral("1d") << qint64(86400);
    QTest::newRow("6h") << QStringLiteral("6h") << true << 6 << int(U::Hour) << QStringLiteral("6h") << qint64(21600);
    QTest::newRow("2w") << QStringLiteral("2w") << true << 2 << int(U::Week) << QStringLiteral("2w") << qint64(1209600);
    QTest::newRow("3M") << QStringLiteral("3M") << true << 3 << int(U::Month) << QStringLiteral("3M")
                        << qint64(3 * 2629746);
    QTest::newRow("2y") << QStringLiteral("2y") << true << 2 << int(U::Year) << QStringLiteral("2y")
                        << qint64(2 * 31556952);
    QTest::newRow("9999d") << QStringLiteral("9999d") << true << 9999 << int(U::Day) << QStringLiteral("9999d")
                           << qint64(9999) * 86400;
    for (const char* bad : {"0d", "5x", "1.5d", "-1d", "d1", "01d", "10000d", "", "1D", "1m", "+1d", " 1d", "1 d"})
        QTest::newRow(bad) << QString::fromLatin1(bad) << false << 0 << 0 << QString() << qint64(0);
}

void TestRetentionPolicy::parsesIntervals()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<Interval> interval = Interval::parse(text);
    QCOMPARE(interval.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, multiplier);
    QFETCH(int, unit);
    QFETCH(QString, label);
    QFETCH(qint64, seconds);
    QCOMPARE(interval->multiplier, multiplier);
    QCOMPARE(int(interval->unit), unit);
    QCOMPARE(interval->label(), label);
    QCOMPARE(interval->nominalSeconds(), seconds);
}

void TestRetentionPolicy::rejectsBadPolicies_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mention"); // text the message must contain

    // Unknown keys at each level.
    QTest::newRow("unknown top-level key")
        << QByteArray(R"({"max_backup": 5})") << QStringLiteral("max_backup") << QStringLiteral("max_backups");
    QTest::newRow("unknown default_config key")
        << QByteArray(R"({"default_config": {"manual": 1}})") << QStringLiteral("default_config.manual")
        << QStringLiteral("manual_count");
    QTest::newRow("unknown schedule key")
        << withSchedule(R"({"interval": "1d", "count": 2, "keep": 1})")
        << QStringLiteral("default_config.schedule[0].keep") << QStringLiteral("interval");

    // Shapes.
    QTest::newRow("policy is an array") << QByteArray("[]") << QString() << QStringLiteral("object");
    QTest::newRow("default_config is an array")
        << QByteArray(R"({"default_config": []})") << QStringLiteral("default_config") << QStringLiteral("array");
    QTest::newRow("default_config is null")
        << QByteArray(R"({"default_config": null})") << QStringLiteral("default_config") << QStringLiteral("null");
    QTest::newRow("schedule is an object") << QByteArray(R"({"default_config": {"schedule": {}}})")
                                           << QStringLiteral("default_config.schedule") << QStringLiteral("object");
    QTest::newRow("schedule item is a string")
        << withSchedule(R"("1d")") << QStringLiteral("default_config.schedule[0]") << QStringLiteral("string");

    // count.
    const QString countPath = QStringLiteral("default_config.schedule[0].count");
    QTest::newRow("count as string") << withCount(R"("2")") << countPath << QStringLiteral("a string");
    QTest::newRow("count as bool") << withCount("true") << countPath << QStringLiteral("a boolean");
    QTest::newRow("count 1.5") << withCount("1.5") << countPath << QStringLiteral("not 1.5");
    QTest::newRow("count 0") << withCount("0") << countPath << QStringLiteral("not 0");
    QTest::newRow("count 1001") << withCount("1001") << countPath << QStringLiteral("1001");
    QTest::newRow("count -3") << withCount("-3") << countPath << QStringLiteral("-3");
    QTest::newRow("count null") << withCount("null") << countPath << QStringLiteral("null");
    QTest::newRow("count missing") << withSchedule(R"({"interval": "1d"})") << countPath << QStringLiteral("required");

    // interval.
    const QString intervalPath = QStringLiteral("default_config.schedule[0].interval");
    for (const char* bad : {"0d", "5x", "1.5d", "-1d", "d1", "01d", "10000d", ""}) {
        QTest::newRow(qPrintable(QStringLiteral("interval '%1'").arg(QLatin1String(bad)))) << withInterval(
            '"' + QByteArray(bad) + '"') << intervalPath << QStringLiteral("'%1'").arg(QLatin1String(bad));
    }
    QTest::newRow("interval as number") << withInterval("1") << intervalPath << QStringLiteral("string");
    QTest::newRow("interval missing") << withSchedule(R"({"count": 2})") << intervalPath << QStringLiteral("required");

    // Schedule list.
    QByteArray eleven;
    for (int h = 1; h <= 11; ++h)
        eleven += (h > 1 ? "," : "") + QByteArray("{\"interval\": \"") + QByteArray::number(h) + "h\", \"count\": 1}";
    QTest::newRow("11 schedules") << withSchedule(eleven) << QStringLiteral("default_config.schedule")
                                  << QStringLiteral("11");
    QTest::newRow("duplicate d and 1d") << withSchedule(
        R"({"interval": "d", "count": 2}, {"interval": "1d", "count": 3})")
                                        << QStringLiteral("default_config.schedule[1].interval")
                                        << QStringLiteral("'1d'");
    QTest::newRow("duplicate after another")
        << withSchedule(
               R"({"interval": "6h", "count": 2}, {"interval": "1w", "count": 3}, {"interval": "6h", "count": 1})")
        << QStringLiteral("default_config.schedule[2].interval") << QStringLiteral("schedule[0]");

    // manual_count.
    const QString manualPath = QStringLiteral("default_config.manual_count");
    QTest::newRow("manual_count -1") << QByteArray(R"({"default_config": {"manual_count": -1}})") << manualPath
                                     << QStringLiteral("not -1");
    QTest::newRow("manual_count 1001") << QByteArray(R"({"default_config": {"manual_count": 1001}})") << manualPath
                                       << QStringLiteral("1001");
    QTest::newRow("manual_count \"2\"") << QByteArray(R"({"default_config": {"manual_count": "2"}})") << manualPath
                                        << QStringLiteral("a string");
    QTest::newRow("manual_count null") << QByteArray(R"({"default_config": {"manual_count": null}})") << manualPath
                                       << QStringLiteral("null");
    QTest::newRow("manual_count 2.5") << QByteArray(R"({"default_config": {"manual_count": 2.5}})") << manualPath
                                      << QStringLiteral("2.5");

    // max_backups.
    const QString maxPath = QStringLiteral("max_backups");
    QTest::newRow("max_backups 0") << QByteArray(R"({"max_backups": 0})") << maxPath << QStringLiteral("not 0");
    QTest::newRow("max_backups 10001") << QByteArray(R"({"max_backups": 10001})") << maxPath << QStringLiteral("10001");
    QTest::newRow("max_backups \"5\"") << QByteArray(R"({"max_backups": "5"})") << maxPath
                                       << QStringLiteral("a string");
    QTest::newRow("max_backups false") << QByteArray(R"({"max_backups": false})") << maxPath
                                       << QStringLiteral("a boolean");
}

void TestRetentionPolicy::rejectsBadPolicies()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, mention);

    for (const QString& base : {QString(), QStringLiteral("data_retention.production")}) {
        const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(parse(json), base);
        QVERIFY2(!decoded.ok(), json.constData());
        QVERIFY(!decoded.value.has_value());
        QCOMPARE(decoded.problems.size(), 1);
        const Problem& problem = decoded.problems.first();
        QCOMPARE(problem.path, under(base, path));
        QVERIFY(!problem.message.isEmpty());
        QVERIFY2(problem.message.contains(mention), qPrintable(problem.message));
    }
}

void TestRetentionPolicy::reportsEveryProblem()
{
    const QByteArray json = R"({"max_backups": 0, "extra": 1,
        "default_config": {"manual_count": -1, "schedule": [{"interval": "5x", "count": 2}, {"interval": "1d", "count": 0}]}})";
    const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(parse(json), QStringLiteral("p"));
    QVERIFY(!decoded.ok());
    QStringList paths;
    for (const Problem& p : decoded.problems)
        paths.append(p.path);
    paths.sort();
    QCOMPARE(paths,
        QStringList(
            {QStringLiteral("p.default_config.manual_count"), QStringLiteral("p.default_config.schedule[0].interval"),
                QStringLiteral("p.default_config.schedule[1].count"), QStringLiteral("p.extra"),
                QStringLiteral("p.max_backups")}));
}

void TestRetentionPolicy::numbersInMessagesAreShort()
{
    // A JSON number is quoted back as written, not as its 17-digit binary neighbour (2.2999999999999998).
    const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(parse(withCount("2.3")));
    QCOMPARE(decoded.problems.size(), 1);
    QCOMPARE(decoded.problems.first().message, QStringLiteral("must be an integer from 1 to 1000, not 2.3"));
}

void TestRetentionPolicy::acceptsValidPolicies_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<RetentionPolicy>("expected");

    using U = Interval::Unit;
    RetentionPolicy p;
    p.schedules = {schedule(1, U::Day, 2)};
    QTest::newRow("'d' is 1d") << withSchedule(R"({"interval": "d", "count": 2})") << p;

    p.schedules
        = {schedule(6, U::Hour, 4), schedule(2, U::Week, 3), schedule(3, U::Month, 1), schedule(2, U::Year, 1000)};
    QTest::newRow("units") << withSchedule(R"({"interval": "6h", "count": 4}, {"interval": "2w", "count": 3},
        {"interval": "3M", "count": 1}, {"interval": "2y", "count": 1000})")
                           << p;

    RetentionPolicy ten;
    QByteArray items;
    for (int h = 1; h <= 10; ++h) {
        items += (h > 1 ? "," : "") + QByteArray("{\"interval\": \"") + QByteArray::number(h) + "h\", \"count\": 1}";
        ten.schedules.append(schedule(h, U::Hour, 1));
    }
    QTest::newRow("10 schedules") << withSchedule(items) << ten;

    RetentionPolicy capped;
    capped.maxBackups = 10000;
    capped.manualCount = 0;
    QTest::newRow("limits") << QByteArray(R"({"max_backups": 10000, "default_config": {"manual_count": 0}})") << capped;
    capped.maxBackups = 1;
    capped.manualCount = 1000;
    QTest::newRow("other limits") << QByteArray(R"({"max_backups": 1, "default_config": {"manual_count": 1000}})")
                                  << capped;

    QTest::newRow("max_backups null is no cap") << QByteArray(R"({"max_backups": null})") << RetentionPolicy();
    QTest::newRow("count as 7.0") << withCount("7.0") << RetentionPolicy {{schedule(1, U::Day, 7)}, 2, std::nullopt};
    QTest::newRow("empty schedule") << withSchedule("") << RetentionPolicy();
}

void TestRetentionPolicy::acceptsValidPolicies()
{
    QFETCH(QByteArray, json);
    QFETCH(RetentionPolicy, expected);
    const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(parse(json));
    QVERIFY2(decoded.ok(), qPrintable(problemStrings(decoded.problems).join(QLatin1String("; "))));
    QVERIFY(decoded.problems.isEmpty());
    QVERIFY(*decoded.value == expected);
    QVERIFY(decoded.value->validate().isEmpty());
}

void TestRetentionPolicy::emptyPolicyTakesDefaults()
{
    const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(QJsonObject());
    QVERIFY(decoded.ok());
    QVERIFY(decoded.value->schedules.isEmpty());
    QCOMPARE(decoded.value->manualCount, 2);
    QVERIFY(!decoded.value->maxBackups.has_value());
}

void TestRetentionPolicy::toJsonShape()
{
    RetentionPolicy p;
    p.schedules = {schedule(1, Interval::Unit::Day, 7), schedule(6, Interval::Unit::Hour, 4)};
    p.manualCount = 3;
    QCOMPARE(p.toJson(),
        parse(R"({"max_backups": null, "default_config": {"manual_count": 3,
            "schedule": [{"interval": "1d", "count": 7}, {"interval": "6h", "count": 4}]}})")
            .toObject());
    p.maxBackups = 21;
    QCOMPARE(p.toJson().value(QStringLiteral("max_backups")), QJsonValue(21));
}

void TestRetentionPolicy::roundTrip_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    using U = Interval::Unit;
    QTest::newRow("default") << RetentionPolicy();
    QTest::newRow("production default") << RetentionPolicy::defaultFor(EnvironmentType::Production);
    QTest::newRow("full") << RetentionPolicy {
        {schedule(1, U::Day, 7), schedule(1, U::Week, 4), schedule(1, U::Month, 12), schedule(6, U::Hour, 8),
            schedule(9999, U::Year, 1)},
        0, 21};
}

void TestRetentionPolicy::roundTrip()
{
    QFETCH(RetentionPolicy, policy);
    const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(policy.toJson());
    QVERIFY(decoded.ok());
    QVERIFY(*decoded.value == policy);
}

void TestRetentionPolicy::defaults()
{
    const RetentionPolicy production = RetentionPolicy::defaultFor(EnvironmentType::Production);
    QCOMPARE(production.schedules.size(), 1);
    QCOMPARE(production.schedules.first().interval.label(), QStringLiteral("1d"));
    QCOMPARE(production.schedules.first().count, 2);
    QCOMPARE(production.manualCount, 2);
    QVERIFY(!production.maxBackups.has_value());

    for (EnvironmentType type : {EnvironmentType::Staging, EnvironmentType::Development}) {
        const RetentionPolicy p = RetentionPolicy::defaultFor(type);
        QVERIFY(p.schedules.isEmpty());
        QCOMPARE(p.manualCount, 2);
        QVERIFY(!p.maxBackups.has_value());
        QVERIFY(p == RetentionPolicy());
    }
}

void TestRetentionPolicy::validateHandBuiltPolicies_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QStringList>("paths");

    using U = Interval::Unit;
    QTest::newRow("valid") << RetentionPolicy {{schedule(1, U::Day, 7)}, 2, 10} << QStringList();
    QTest::newRow("multiplier 0") << RetentionPolicy {{schedule(0, U::Day, 7)}, 2, {}}
                                  << QStringList {QStringLiteral("default_config.schedule[0].interval")};
    QTest::newRow("multiplier 10000") << RetentionPolicy {{schedule(1, U::Day, 7), schedule(10000, U::Hour, 1)}, 2, {}}
                                      << QStringList {QStringLiteral("default_config.schedule[1].interval")};
    QTest::newRow("count 0") << RetentionPolicy {{schedule(1, U::Day, 0)}, 2, {}}
                             << QStringList {QStringLiteral("default_config.schedule[0].count")};
    QTest::newRow("count 1001") << RetentionPolicy {{schedule(1, U::Day, 1001)}, 2, {}}
                                << QStringList {QStringLiteral("default_config.schedule[0].count")};
    QTest::newRow("duplicate") << RetentionPolicy {{schedule(1, U::Day, 1), schedule(1, U::Day, 2)}, 2, {}}
                               << QStringList {QStringLiteral("default_config.schedule[1].interval")};
    RetentionPolicy eleven;
    for (int h = 1; h <= 11; ++h)
        eleven.schedules.append(schedule(h, U::Hour, 1));
    QTest::newRow("11 schedules") << eleven << QStringList {QStringLiteral("default_config.schedule")};
    QTest::newRow("manual -1") << RetentionPolicy {{}, -1, {}}
                               << QStringList {QStringLiteral("default_config.manual_count")};
    QTest::newRow("manual 1001") << RetentionPolicy {{}, 1001, {}}
                                 << QStringList {QStringLiteral("default_config.manual_count")};
    QTest::newRow("max 0") << RetentionPolicy {{}, 2, 0} << QStringList {QStringLiteral("max_backups")};
    QTest::newRow("max 10001") << RetentionPolicy {{}, 2, 10001} << QStringList {QStringLiteral("max_backups")};
}

void TestRetentionPolicy::validateHandBuiltPolicies()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QStringList, paths);
    const QString base = QStringLiteral("data_retention.staging");
    QStringList expected;
    for (const QString& p : paths)
        expected.append(under(base, p));

    const Problems problems = policy.validate(base);
    QStringList actual;
    for (const Problem& p : problems) {
        actual.append(p.path);
        QVERIFY(!p.message.isEmpty());
    }
    QCOMPARE(actual, expected);

    // fromJson agrees with validate() where the policy can be written as JSON at all.
    if (!expected.isEmpty() && policy.schedules.size() <= RetentionPolicy::kMaxSchedules) {
        const Decoded<RetentionPolicy> decoded = RetentionPolicy::fromJson(policy.toJson(), base);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.problems.first().path, expected.first());
    }
}

void TestRetentionPolicy::seedDocumentExamples()
{
    // The data_retention entries of the PATCH examples in "Back up an environment", with the trailing commas the
    // document's first two examples carry removed.
    const QByteArray multi = R"({
       "data_retention": {
          "production": {
             "default_config": {
                "schedule": [
                  {"interval": "1d", "count": 7},
                  {"interval": "1w", "count": 4},
                  {"interval": "1M", "count": 12}
                 ]
              }
           }
        }
      })";
    const Decoded<QJsonValue> body = JsonDocument::parse(multi);
    QVERIFY(body.ok());
    const QJsonValue entry
        = body.value->toObject().value(QStringLiteral("data_retention")).toObject().value(QStringLiteral("production"));
    const Decoded<RetentionPolicy> policy
        = RetentionPolicy::fromJson(entry, QStringLiteral("data_retention.production"));
    QVERIFY(policy.ok());
    QCOMPARE(policy.value->schedules.size(), 3);
    QCOMPARE(policy.value->schedules.at(0), schedule(1, Interval::Unit::Day, 7));
    QCOMPARE(policy.value->schedules.at(1), schedule(1, Interval::Unit::Week, 4));
    QCOMPARE(policy.value->schedules.at(2), schedule(1, Interval::Unit::Month, 12));
    QCOMPARE(policy.value->manualCount, 2);
    QVERIFY(!policy.value->maxBackups);

    const Decoded<RetentionPolicy> daily
        = RetentionPolicy::fromJson(parse(R"({"default_config": {"schedule": [{"interval": "1d", "count": 7}]}})"));
    QVERIFY(daily.ok());
    QCOMPARE(daily.value->schedules, QList<Schedule> {schedule(1, Interval::Unit::Day, 7)});

    const Decoded<RetentionPolicy> capped = RetentionPolicy::fromJson(parse(R"({"max_backups": 10})"));
    QVERIFY(capped.ok());
    QCOMPARE(capped.value->maxBackups.value_or(-1), 10);

    const Decoded<RetentionPolicy> manual
        = RetentionPolicy::fromJson(parse(R"({"default_config": {"manual_count": 1}})"));
    QVERIFY(manual.ok());
    QCOMPARE(manual.value->manualCount, 1);
}

void TestRetentionPolicy::seedDocumentTrailingCommaIsReported()
{
    // Exactly as printed in the document: a trailing comma after the last schedule is not JSON.
    const QByteArray asPrinted = "{\n"
                                 "  \"data_retention\": {\n"
                                 "    \"production\": {\n"
                                 "      \"default_config\": {\n"
                                 "        \"schedule\": [\n"
                                 "          {\"interval\": \"1d\", \"count\": 7}, \n"
                                 "        ]\n"
                                 "      }\n"
                                 "    }\n"
                                 "  }\n"
                                 "}\n";
    const Decoded<QJsonValue> body = JsonDocument::parse(asPrinted, QStringLiteral("body"));
    QVERIFY(!body.ok());
    QCOMPARE(body.problems.size(), 1);
    QCOMPARE(body.problems.first().path, QStringLiteral("body"));
    QVERIFY2(
        body.problems.first().message.contains(QLatin1String("line 7")), qPrintable(body.problems.first().message));
}

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "tst_retentionpolicy.moc"
