#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTextStream>

Q_DECLARE_METATYPE(RetentionPlan)

// The streaming writers of retention:preview print exactly what the CLI printed before them, byte for byte: the JSON
// of QJsonDocument::toJson(Indented) of PreviewReport::toJson, and the former QString table, each through a
// QTextStream.
class TestPreviewWriter : public QObject
{
    Q_OBJECT

private slots:
    void jsonAsQJsonDocument_data();
    void jsonAsQJsonDocument();
    void tableAsBefore_data();
    void tableAsBefore();
    void timesFormatAsBefore();
};

namespace {

RetentionPolicy policy(std::optional<int> maxBackups = std::nullopt)
{
    RetentionPolicy p;
    p.schedules = {Schedule {Interval {1, Interval::Unit::Day}, 7}, Schedule {Interval {1, Interval::Unit::Week}, 4},
        Schedule {Interval {1, Interval::Unit::Month}, 12}};
    p.manualCount = 2;
    p.maxBackups = maxBackups;
    return p;
}

qint64 now()
{
    return QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

RetentionPlan workedExample()
{
    QFile file(QStringLiteral(TIDEMARK_FIXTURES_DIR "/retention/worked-example-backups.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the worked example");
    const auto json = JsonDocument::parse(file.readAll());
    const auto backups = PreviewReport::decodeBackups(*json.value);
    return RetentionPlanner::plan(*backups.value, policy(), now());
}

// Ids with everything a JSON string or a table cell can trip over.
RetentionPlan oddIds()
{
    const QStringList ids {QStringLiteral("quote\"backslash\\slash/"), QStringLiteral("tab\tnewline\ncr\r"),
        QString(QChar(0x01)) + QChar(0x1f) + QChar(0x7f) + QChar(0x08) + QChar(0x0c), QStringLiteral("caf\u00e9"),
        QStringLiteral("\u65e5\u672c"), QString::fromUtf8("emoji \xF0\x9F\x98\x80"),
        QStringLiteral("lone ") + QChar(0xD800), QString(QChar(0xDC00)) + QStringLiteral(" lone"),
        QStringLiteral("\uE000 private"), QString(300, QLatin1Char('w'))};
    QList<RetentionBackup> backups;
    for (qsizetype i = 0; i < ids.size(); ++i)
        backups.append({ids.at(i), now() - i * 86400000 - 777, i % 3 != 0, i == 4});
    return RetentionPlanner::plan(backups, policy(3), now());
}

// Random backups, enough for the writers to flush several times; times reach far back and far ahead.
RetentionPlan large()
{
    QRandomGenerator rng(42);
    QList<RetentionBackup> backups;
    for (int i = 0; i < 30000; ++i) {
        const qint64 ms = now() - qint64(rng.generateDouble() * 8 * 365 * 86400000.0);
        backups.append({QStringLiteral("b%1").arg(i), ms, rng.bounded(50) != 0, rng.bounded(1000) == 0});
    }
    backups.append({QStringLiteral("ancient"), -62135596800000 + 5000, true, false}); // 0001-01-01T00:00:05Z
    backups.append({QStringLiteral("future"), 253402300799000, false, false}); // 9999-12-31T23:59:59Z
    return RetentionPlanner::plan(backups, policy(), now());
}

// PreviewReport::toTable before the streaming writer.
QString formerTable(const RetentionPlan& plan)
{
    const QStringList headers {PreviewReport::tr("ID"), PreviewReport::tr("Created"), PreviewReport::tr("Kind"),
        PreviewReport::tr("Decision"), PreviewReport::tr("Expires"), PreviewReport::tr("Reasons")};
    QList<QStringList> rows;
    for (const PlannedBackup& b : plan.backups) {
        rows.append(QStringList {
            b.backup.id,
            Timestamp::formatMsecs(b.backup.createdAtMs),
            b.backup.isProtected     ? PreviewReport::tr("protected")
                : b.backup.automated ? PreviewReport::tr("automated")
                                     : PreviewReport::tr("manual"),
            b.keep ? PreviewReport::tr("keep") : PreviewReport::tr("delete"),
            b.keep && b.expiresAtMs ? Timestamp::formatMsecs(*b.expiresAtMs) : QStringLiteral("-"),
            b.reasons.join(QLatin1String(", ")),
        });
    }
    QList<qsizetype> widths;
    for (const QString& h : headers)
        widths.append(h.size());
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size() - 1; ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto line = [&](const QStringList& cells) -> QString {
        QString out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c + 1 < cells.size())
                out += cells.at(c).leftJustified(widths[c]) + QLatin1String("  ");
            else
                out += cells.at(c);
        }
        return out + QLatin1Char('\n');
    };
    QString text = line(headers);
    for (const QStringList& row : rows)
        text += line(row);
    text += QLatin1Char('\n')
        + PreviewReport::tr("Now %1: %n kept", nullptr, plan.kept).arg(Timestamp::formatMsecs(plan.nowMs))
        + PreviewReport::tr(", %n deleted.", nullptr, plan.deleted) + QLatin1Char('\n');
    return text;
}

// What the CLI printed before: the text through a QTextStream on stdout.
template<typename Text>
QByteArray throughTextStream(const Text& text)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextStream(&buffer) << text;
    return buffer.data();
}

void addPlans()
{
    QTest::addColumn<RetentionPlan>("plan");
    QTest::newRow("worked example") << workedExample();
    QTest::newRow("no backups") << RetentionPlanner::plan({}, policy(), now());
    QTest::newRow("odd ids") << oddIds();
    QTest::newRow("30 000 backups") << large();
}

} // namespace

void TestPreviewWriter::jsonAsQJsonDocument_data()
{
    addPlans();
}

void TestPreviewWriter::jsonAsQJsonDocument()
{
    QFETCH(RetentionPlan, plan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PreviewReport::writeJson(plan, buffer);
    const QByteArray expected
        = throughTextStream(QJsonDocument(PreviewReport::toJson(plan)).toJson(QJsonDocument::Indented));
    if (buffer.data() != expected) {
        qsizetype i = 0;
        while (i < expected.size() && i < buffer.data().size() && expected.at(i) == buffer.data().at(i))
            ++i;
        QCOMPARE(
            buffer.data().mid(std::max<qsizetype>(0, i - 80), 160), expected.mid(std::max<qsizetype>(0, i - 80), 160));
    }
    QCOMPARE(buffer.data().size(), expected.size());
}

void TestPreviewWriter::tableAsBefore_data()
{
    addPlans();
}

void TestPreviewWriter::tableAsBefore()
{
    QFETCH(RetentionPlan, plan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PreviewReport::writeTable(plan, buffer);
    const QByteArray expected = throughTextStream(formerTable(plan));
    if (buffer.data() != expected) {
        qsizetype i = 0;
        while (i < expected.size() && i < buffer.data().size() && expected.at(i) == buffer.data().at(i))
            ++i;
        QCOMPARE(
            buffer.data().mid(std::max<qsizetype>(0, i - 80), 160), expected.mid(std::max<qsizetype>(0, i - 80), 160));
    }
    QCOMPARE(buffer.data().size(), expected.size());
}

void TestPreviewWriter::timesFormatAsBefore()
{
    // Timestamp::formatMsecs no longer goes through QDateTime::toString; it must still agree with it.
    QRandomGenerator rng(7);
    const qint64 edges[] = {0, -1, -999, -1000, -1001, 999, 1000, 951782400000, 951868799999, -62135596800000,
        -62135596800001, 253402300799999, 253402300800000, 4102444800000};
    QList<qint64> values(std::begin(edges), std::end(edges));
    for (int i = 0; i < 100000; ++i)
        values.append(qint64((rng.generateDouble() - 0.5) * 2 * 4.0e14));
    for (const qint64 ms : values) {
        const QString expected
            = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
            + QLatin1Char('Z');
        QCOMPARE(Timestamp::formatMsecs(ms), expected);
    }
}

QTEST_GUILESS_MAIN(TestPreviewWriter)
#include "tst_previewwriter.moc"
