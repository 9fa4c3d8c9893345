#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

// HAL `_links`: relation → href. Action relations (`#backup`, `#restore`, `#delete`, `#cancel`, …) are
// present only when the caller may run that action now, so `has()` is how clients decide what is enabled.
struct Links
{
    QHash<QString, QString> hrefs;

    bool has(const QString& rel) const { return hrefs.contains(rel); }
    QString href(const QString& rel) const { return hrefs.value(rel); }
    void set(const QString& rel, const QString& href) { hrefs.insert(rel, href); }

    // Tolerant: entries that are not {"href": string} objects are skipped.
    static Links fromJson(const QJsonValue& json);
    // {"self": {"href": "/…"}, "#backup": {"href": "/…", "method": "POST"}}; methods for known action rels.
    QJsonObject toJson() const;

    bool operator==(const Links&) const = default;
};
