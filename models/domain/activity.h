#pragma once

#include "links.h"
#include "problem.h"

#include <optional>
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
    Links links;

    bool isFinished() const { return state == State::Complete || state == State::Cancelled; }

    // Tolerant like Environment and Backup.
    static Decoded<Activity> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    static QString stateToString(State state);
    static std::optional<State> stateFromString(const QString& text);
    static QString resultToString(Result result);
    static std::optional<Result> resultFromString(const QString& text);

    bool operator==(const Activity&) const = default;
};
