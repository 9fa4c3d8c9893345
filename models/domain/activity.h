#pragma once

#include "links.h"
#include "problem.h"

#include <optional>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A unit of work on the server (backup, restore, delete) and its progress.
struct Activity
{
    enum class State { Pending, InProgress, Complete, Cancelled };
    enum class Result { Success, Failure };

    QString id;
    QString type; // environment.backup, environment.restore, environment.backup.delete
    State state = State::Pending;
    std::optional<Result> result;
    int completionPercent = 0;
    QStringList environments;
    QJsonObject payload;
    QString text;
    QString log;
    qint64 createdAtMs = 0;
    std::optional<qint64> startedAtMs;
    std::optional<qint64> completedAtMs;
    std::optional<qint64> cancelledAtMs;
    // Hosted fields (the hosted schema requires them; a local server fills what it knows).
    QString project;
    std::optional<qint64> updatedAtMs;
    QJsonObject parameters;
    std::optional<QString> failureReason; // "error" or "shell" when the activity failed
    QJsonObject timings; // seconds per phase, e.g. {"wait": 0.1, "execute": 12.5}
    std::optional<QString> description; // the hosted API's marked-up text (<user>…</user>)
    std::optional<qint64> expiresAtMs;
    QJsonArray commands;
    Links links;

    bool isFinished() const { return state == State::Complete || state == State::Cancelled; }

    // The environment named in the payload: the hosted object's id (or name), or the older plain string.
    QString payloadEnvironment() const;
    // Who started the activity: payload.user's display name (or id), or a plain string; empty when unknown.
    QString payloadUser() const;

    // restic's own output in a log ("restic: …"): kept for the record, shown by the console under Details.
    static QString toolLine(const QString& line) { return QStringLiteral("restic: ") + line; }
    static bool isToolLine(const QString& line) { return line.startsWith(QLatin1String("restic: ")); }

    // Tolerant like Environment and Backup.
    static Decoded<Activity> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    static QString stateToString(State state);
    static std::optional<State> stateFromString(const QString& text);
    static QString resultToString(Result result);
    static std::optional<Result> resultFromString(const QString& text);

    bool operator==(const Activity&) const = default;
};
