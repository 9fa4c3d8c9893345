#include "previewreport.h"

#include "domain/jsonread.h"
#include "domain/timestamp.h"

#include <QJsonArray>

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

QString PreviewReport::toTable(const RetentionPlan& plan)
{
    const QStringList headers {tr("ID"), tr("Created"), tr("Kind"), tr("Decision"), tr("Expires"), tr("Reasons")};
    QList<QStringList> rows;
    rows.reserve(plan.backups.size());
    for (const PlannedBackup& b : plan.backups) {
        rows.append(QStringList {
            b.backup.id,
            Timestamp::formatMsecs(b.backup.createdAtMs),
            b.backup.isProtected     ? tr("protected")
                : b.backup.automated ? tr("automated")
                                     : tr("manual"),
            b.keep ? tr("keep") : tr("delete"),
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
    // An explicit QString: with QT_USE_QSTRINGBUILDER a deduced return type would be a builder referring to `out`.
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
    text += QLatin1Char('\n') + tr("Now %1: %n kept", nullptr, plan.kept).arg(Timestamp::formatMsecs(plan.nowMs))
        + tr(", %n deleted.", nullptr, plan.deleted) + QLatin1Char('\n');
    return text;
}
