#pragma once

#include "domain/copytarget.h"
#include "resticrepository.h"

#include <QMap>
#include <QString>

// Where a project's copies keep what must not be in the database or any answer: each copy's generated password and
// the values of its credentials (`env`), in DATA_DIR/copies/<project>/<copy>/, files with mode 0600.
class CopySecrets
{
public:
    explicit CopySecrets(const QString& dataDir);

    QString directory(const QString& projectId, const QString& copyName) const;
    // Replaces the stored credentials of a copy (written beside and renamed, owner-only from creation). Returns an
    // error sentence, empty on success.
    QString writeEnvironment(
        const QString& projectId, const QString& copyName, const QMap<QString, QString>& values) const;
    QMap<QString, QString> readEnvironment(const QString& projectId, const QString& copyName) const;
    // Forgets a copy that was removed from the settings: its credentials, password and cache.
    void remove(const QString& projectId, const QString& copyName) const;
    // How restic reaches the copy (the password file is generated on the copy's first use).
    ResticRepository::Settings settings(const QString& projectId, const CopyTarget& copy) const;

private:
    QString m_dataDir;
};
