#pragma once

#include "environmenttype.h"
#include "links.h"
#include "problem.h"

#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a local environment is made of (api-contract.md, "(local)" descriptor).
struct LocalDescriptor
{
    struct Mount
    {
        QString name;
        QString path;
        bool operator==(const Mount&) const = default;
    };
    // A database: a SQLite file (`path`), or a PostgreSQL or MariaDB server reached over TCP (`host`, `port`) or a
    // Unix socket (`socket`), with a user whose password is read from `password_file` when it is used (the password
    // itself is never in the descriptor). "mysql" is read as "mariadb".
    struct Service
    {
        enum class Kind { Sqlite, PostgreSql, MariaDb };
        QString name;
        QString kind = QStringLiteral("sqlite");
        QString path;
        QString host;
        int port = 0; // 0: the server's default (5432, 3306)
        QString socket;
        QString database;
        QString user;
        QString passwordFile;
        Kind kindValue() const;
        bool isServer() const { return kindValue() != Kind::Sqlite; }
        int effectivePort() const;
        bool operator==(const Service&) const = default;
        // A SQLite database file.
        static Service sqlite(const QString& name, const QString& path)
        {
            Service s;
            s.name = name;
            s.path = path;
            return s;
        }
    };

    QString codePath;
    QList<Mount> mounts;
    QList<Service> services;
    QString pauseHook; // shell command, may be empty
    QString resumeHook; // shell command, may be empty
    // How long each hook may run before it is stopped and the activity fails ("hooks": {"timeout_seconds": …}).
    int hookTimeoutSeconds = kDefaultHookTimeoutSeconds;
    static constexpr int kDefaultHookTimeoutSeconds = 60;
    static constexpr int kMaxHookTimeoutSeconds = 3600;

    // Strict (the descriptor is ours): unknown keys and wrong types are problems.
    static Decoded<LocalDescriptor> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;
    bool operator==(const LocalDescriptor&) const = default;
};

// An environment as the API shows it.
struct Environment
{
    enum class Status { Active, Inactive, Paused, Dirty, Deleting };

    QString id;
    QString name;
    QString machineName;
    QString title;
    EnvironmentType type = EnvironmentType::Development;
    Status status = Status::Inactive;
    std::optional<QString> parent;
    bool isDirty = false;
    std::optional<qint64> lastBackupAtMs;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString project;
    QHash<QString, QString> attributes;
    bool isMain = false; // the project's main (default-branch) environment
    bool hasCode = false;
    std::optional<QString> headCommit; // the code's current commit, when known
    Links links;
    std::optional<LocalDescriptor> local; // only from a local server

    // Tolerant: unknown fields are ignored (the hosted API may add some); a known field with the wrong
    // type, an unknown type/status value, or a missing id is a problem.
    static Decoded<Environment> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    static QString statusToString(Status status);
    static std::optional<Status> statusFromString(const QString& text);

    bool operator==(const Environment&) const = default;
};
