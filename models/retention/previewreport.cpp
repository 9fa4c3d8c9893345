#include "previewreport.h"

#include "domain/jsonread.h"
#include "domain/timestamp.h"

#include <cstring>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringEncoder>

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

// Bytes for a device, gathered in one buffer of fixed size (QByteArray::append goes through insert(), which shows
// at a million rows).
class Sink
{
public:
    explicit Sink(QIODevice& device)
        : m_device(device)
        , m_buffer(kFlushBytes, Qt::Uninitialized)
    { }
    ~Sink() { flush(); }

    // Room for `n` more bytes, to be filled and then committed with used().
    char* room(qsizetype n)
    {
        if (m_used + n > m_buffer.size()) {
            flush();
            if (n > m_buffer.size())
                m_buffer.resize(n);
        }
        return m_buffer.data() + m_used;
    }
    void used(qsizetype n) { m_used += n; }

    void append(const char* text, qsizetype n)
    {
        std::memcpy(room(n), text, size_t(n));
        m_used += n;
    }
    template<qsizetype N>
    void append(const char (&text)[N])
    {
        append(text, N - 1);
    }

    void flush()
    {
        if (m_used > 0)
            m_device.write(m_buffer.constData(), m_used);
        m_used = 0;
    }

private:
    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_used = 0;
};

// A JSON string exactly as QJsonDocument writes it.
void appendJsonString(Sink& out, const QString& s)
{
    out.append("\"");
    const char16_t* begin = reinterpret_cast<const char16_t*>(s.constData());
    const char16_t* end = begin + s.size();
    bool plain = true;
    for (const char16_t* c = begin; c != end && plain; ++c)
        plain = *c >= 0x20 && *c < 0x80 && *c != u'"' && *c != u'\\';
    if (plain) {
        char* d = out.room(s.size());
        for (const char16_t* c = begin; c != end; ++c)
            *d++ = char(*c);
        out.used(s.size());
    } else {
        // Escapes and non-ASCII text (unpaired surrogates included) as Qt's writer does them.
        const QByteArray quoted = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
        out.append(quoted.constData() + 2, quoted.size() - 4);
    }
    out.append("\"");
}

void appendTime(Sink& out, qint64 ms)
{
    out.used(Timestamp::formatMsecsTo(ms, out.room(Timestamp::kFormattedCapacity)));
}

} // namespace

Decoded<QList<RetentionBackup>> PreviewReport::decodeBackups(const QJsonValue& json)
{
    Problems problems;
    if (!json.isArray()) {
        return Decoded<QList<RetentionBackup>>::failure(
            {{QString(), tr("must be an array of backups, not %1").arg(JsonRead::describe(json))}});
    }
    const QJsonArray array = json.toArray();
    QList<RetentionBackup> backups;
    backups.reserve(array.size());
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (auto backup = decodeBackup(array.at(i), i, ids, problems))
            backups.append(*backup);
    }
    if (!problems.isEmpty())
        return Decoded<QList<RetentionBackup>>::failure(problems);
    return Decoded<QList<RetentionBackup>>::success(backups);
}

std::optional<RetentionBackup> PreviewReport::decodeBackup(
    const QJsonValue& json, qsizetype index, QSet<QString>& ids, Problems& problems)
{
    const QString path = JsonPath::index(QString(), index);
    const auto object = JsonRead::object(json, path, problems);
    if (!object)
        return std::nullopt;
    RetentionBackup backup;
    bool good = true;
    const auto field = [&](const QString& key) {
        const QJsonValue v = object->value(key);
        if (v.isUndefined()) {
            problems.append({JsonPath::key(path, key), tr("is required")});
            good = false;
        }
        return v;
    };
    if (const QJsonValue v = field(QStringLiteral("id")); !v.isUndefined()) {
        if (auto id = JsonRead::string(v, JsonPath::key(path, QStringLiteral("id")), problems)) {
            if (id->isEmpty()) {
                problems.append({JsonPath::key(path, QStringLiteral("id")), tr("must not be empty")});
                good = false;
            } else if (ids.contains(*id)) {
                problems.append(
                    {JsonPath::key(path, QStringLiteral("id")), tr("'%1' appears more than once").arg(id->left(64))});
                good = false;
            } else {
                ids.insert(*id);
                backup.id = *id;
            }
        } else {
            good = false;
        }
    }
    if (const QJsonValue v = field(QStringLiteral("created_at")); !v.isUndefined()) {
        if (auto ms = JsonRead::time(v, JsonPath::key(path, QStringLiteral("created_at")), problems))
            backup.createdAtMs = *ms;
        else
            good = false;
    }
    if (const QJsonValue v = field(QStringLiteral("automated")); !v.isUndefined()) {
        if (auto automated = JsonRead::boolean(v, JsonPath::key(path, QStringLiteral("automated")), problems))
            backup.automated = *automated;
        else
            good = false;
    }
    const QJsonValue attributes = object->value(QStringLiteral("attributes"));
    if (!attributes.isUndefined() && !attributes.isNull()) {
        const QString attributesPath = JsonPath::key(path, QStringLiteral("attributes"));
        if (const auto attrs = JsonRead::object(attributes, attributesPath, problems)) {
            const QJsonValue prot = attrs->value(QStringLiteral("protected"));
            const QString protPath = JsonPath::key(attributesPath, QStringLiteral("protected"));
            if (prot.isString()
                && (prot.toString() == QLatin1String("true") || prot.toString() == QLatin1String("false"))) {
                backup.isProtected = prot.toString() == QLatin1String("true");
            } else if (!prot.isUndefined()) {
                problems.append({protPath, tr("must be the string \"true\" or \"false\"")});
                good = false;
            }
        } else {
            good = false;
        }
    }
    if (!good)
        return std::nullopt;
    return backup;
}

QJsonObject PreviewReport::toJson(const RetentionPlan& plan)
{
    QJsonArray backups;
    for (const PlannedBackup& b : plan.backups) {
        backups.append(QJsonObject {
            {QStringLiteral("id"), b.backup.id},
            {QStringLiteral("created_at"), Timestamp::formatMsecs(b.backup.createdAtMs)},
            {QStringLiteral("automated"), b.backup.automated},
            {QStringLiteral("decision"), b.keep ? QStringLiteral("keep") : QStringLiteral("delete")},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(b.reasons)},
            {QStringLiteral("expires_at"),
                b.keep && b.expiresAtMs ? QJsonValue(Timestamp::formatMsecs(*b.expiresAtMs)) : QJsonValue()},
        });
    }
    return QJsonObject {
        {QStringLiteral("now"), Timestamp::formatMsecs(plan.nowMs)},
        {QStringLiteral("backups"), backups},
        {QStringLiteral("kept"), plan.kept},
        {QStringLiteral("deleted"), plan.deleted},
    };
}

void PreviewReport::writeJson(const RetentionPlan& plan, QIODevice& device)
{
    // The layout of QJsonDocument::toJson(Indented) for toJson(plan): members in key order, four-space indents.
    Sink out(device);
    out.append("{\n    \"backups\": [\n");
    for (qsizetype i = 0; i < plan.backups.size(); ++i) {
        const PlannedBackup& b = plan.backups.at(i);
        if (b.backup.automated)
            out.append("        {\n            \"automated\": true,\n            \"created_at\": \"");
        else
            out.append("        {\n            \"automated\": false,\n            \"created_at\": \"");
        appendTime(out, b.backup.createdAtMs);
        if (b.keep)
            out.append("\",\n            \"decision\": \"keep\",\n            \"expires_at\": ");
        else
            out.append("\",\n            \"decision\": \"delete\",\n            \"expires_at\": ");
        if (b.keep && b.expiresAtMs) {
            out.append("\"");
            appendTime(out, *b.expiresAtMs);
            out.append("\"");
        } else {
            out.append("null");
        }
        out.append(",\n            \"id\": ");
        appendJsonString(out, b.backup.id);
        out.append(",\n            \"reasons\": [\n");
        for (qsizetype r = 0; r < b.reasons.size(); ++r) {
            out.append("                ");
            appendJsonString(out, b.reasons.at(r));
            if (r + 1 < b.reasons.size())
                out.append(",\n");
            else
                out.append("\n");
        }
        if (i + 1 < plan.backups.size())
            out.append("            ]\n        },\n");
        else
            out.append("            ]\n        }\n");
    }
    out.append("    ],\n    \"deleted\": ");
    const QByteArray deleted = QByteArray::number(plan.deleted);
    out.append(deleted.constData(), deleted.size());
    out.append(",\n    \"kept\": ");
    const QByteArray kept = QByteArray::number(plan.kept);
    out.append(kept.constData(), kept.size());
    out.append(",\n    \"now\": \"");
    appendTime(out, plan.nowMs);
    out.append("\"\n}\n");
}

void PreviewReport::writeTable(const RetentionPlan& plan, QIODevice& device)
{
    const QStringList headers {tr("ID"), tr("Created"), tr("Kind"), tr("Decision"), tr("Expires"), tr("Reasons")};
    const QString kinds[] = {tr("protected"), tr("automated"), tr("manual")};
    const QString decisions[] = {tr("keep"), tr("delete")};
    const auto kindOf = [](const RetentionBackup& b) { return b.isProtected ? 0 : b.automated ? 1 : 2; };
    const QLatin1String noExpiry("-");

    // Every column but the last is as wide as its widest cell, header included.
    qsizetype widths[5];
    for (int c = 0; c < 5; ++c)
        widths[c] = headers.at(c).size();
    char text[Timestamp::kFormattedCapacity];
    for (const PlannedBackup& b : plan.backups) {
        widths[0] = std::max(widths[0], b.backup.id.size());
        widths[1] = std::max(widths[1], Timestamp::formatMsecsTo(b.backup.createdAtMs, text));
        widths[2] = std::max(widths[2], kinds[kindOf(b.backup)].size());
        widths[3] = std::max(widths[3], decisions[b.keep ? 0 : 1].size());
        widths[4] = std::max(
            widths[4], b.keep && b.expiresAtMs ? Timestamp::formatMsecsTo(*b.expiresAtMs, text) : noExpiry.size());
    }

    // Rows are gathered as text and written as UTF-8 in large pieces that always end with a whole row; the encoder
    // is QTextStream's, which the CLI used before (U+FFFD for an unpaired surrogate).
    QStringEncoder encoder(QStringEncoder::Utf8);
    QString out;
    out.reserve(kFlushBytes / 2 + 4096);
    const auto cell = [&](int column, auto value, qsizetype size) {
        out += value;
        out.resize(out.size() + widths[column] - size + 2, QLatin1Char(' '));
    };
    for (int c = 0; c < 5; ++c)
        cell(c, headers.at(c), headers.at(c).size());
    out += headers.at(5);
    out += QLatin1Char('\n');
    for (const PlannedBackup& b : plan.backups) {
        cell(0, b.backup.id, b.backup.id.size());
        const qsizetype created = Timestamp::formatMsecsTo(b.backup.createdAtMs, text);
        cell(1, QLatin1String(text, created), created);
        const QString& kind = kinds[kindOf(b.backup)];
        cell(2, kind, kind.size());
        const QString& decision = decisions[b.keep ? 0 : 1];
        cell(3, decision, decision.size());
        if (b.keep && b.expiresAtMs) {
            const qsizetype expires = Timestamp::formatMsecsTo(*b.expiresAtMs, text);
            cell(4, QLatin1String(text, expires), expires);
        } else {
            cell(4, noExpiry, noExpiry.size());
        }
        for (qsizetype r = 0; r < b.reasons.size(); ++r) {
            if (r > 0)
                out += QLatin1String(", ");
            out += b.reasons.at(r);
        }
        out += QLatin1Char('\n');
        if (out.size() >= kFlushBytes / 2) {
            device.write(QByteArray(encoder.encode(out)));
            out.resize(0);
        }
    }
    out += QLatin1Char('\n') + tr("Now %1: %n kept", nullptr, plan.kept).arg(Timestamp::formatMsecs(plan.nowMs))
        + tr(", %n deleted.", nullptr, plan.deleted) + QLatin1Char('\n');
    device.write(QByteArray(encoder.encode(out)));
}
