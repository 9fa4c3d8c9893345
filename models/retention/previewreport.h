#pragma once

#include "domain/problem.h"
#include "retentionplan.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

class QIODevice;

// The offline preview of retention-spec.md ("Command-line preview"): reads a backups array, and
// renders a plan as the specified JSON or as a table for people.
class PreviewReport
{
    Q_DECLARE_TR_FUNCTIONS(PreviewReport)

public:
    // Reads `id`, `created_at`, `automated` and `attributes.protected` of each Backup object; other
    // fields are ignored. Problems are named by their path (`[3].created_at`).
    static Decoded<QList<RetentionBackup>> decodeBackups(const QJsonValue& json);
    // One element of that array, the `index`th: appends its problems, and records its id in `ids` (the ids seen so
    // far, so that a repeated one is a problem).
    static std::optional<RetentionBackup> decodeBackup(
        const QJsonValue& json, qsizetype index, QSet<QString>& ids, Problems& problems);

    static QJsonObject toJson(const RetentionPlan& plan);
    // The same JSON text as QJsonDocument(toJson(plan)).toJson(Indented), written as it is made.
    static void writeJson(const RetentionPlan& plan, QIODevice& device);
    // The plan as a table for people, in UTF-8.
    static void writeTable(const RetentionPlan& plan, QIODevice& device);
};
