#pragma once

#include "links.h"
#include "problem.h"

#include <QJsonObject>
#include <QString>

struct Project
{
    QString id;
    QString title;
    QString timezone = QStringLiteral("UTC");
    Links links;

    static Decoded<Project> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    bool operator==(const Project&) const = default;
};
