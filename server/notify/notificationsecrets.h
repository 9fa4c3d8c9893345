#pragma once

#include <QString>

// Where the notification targets' secrets live (the full webhook URL, the SMTP password): never in the database or an
// answer, but in DATA_DIR/notifications/<project>/<target>.json, mode 0600, in a directory of mode 0700 — as
// CopySecrets keeps the copies' credentials.
class NotificationSecrets
{
public:
    struct Values
    {
        QString url;
        QString password;
    };

    explicit NotificationSecrets(const QString& dataDir);

    // Replaces a target's stored values (written beside and renamed, owner-only from creation). Returns an error
    // sentence, empty on success.
    QString write(const QString& projectId, const QString& name, const Values& values) const;
    Values read(const QString& projectId, const QString& name) const;
    void remove(const QString& projectId, const QString& name) const;

private:
    QString path(const QString& projectId, const QString& name) const;

    QString m_dataDir;
};
