#pragma once

#include <QString>
#include <QStringList>

class Store;

// `tidemarkd import`: rebuilds projects, environments and backups on a new machine from a repository (usually a
// copy) whose backups each have their manifest snapshot (tags tidemark-manifest, backup=<id>; see
// Engine::backupManifest). The backups' snapshots and manifests are copied into the project's new primary
// repository (DATA_DIR/repositories/<project>, with a new password and the copy's chunker parameters), so that
// restores work again without the copy. Runs synchronously: a command that exits, never the server's loop.
class Importer
{
public:
    Importer(Store& store, const QString& dataDir);

    // `projectId` empty: every project found. Returns false with the reason in error().
    bool run(const QString& location, const QString& passwordFile, const QString& projectId);
    QString error() const { return m_error; }
    // One line per project: what was imported.
    QStringList summary() const { return m_summary; }

private:
    bool restic(const QStringList& arguments, const QString& repository, const QString& passwordFile, QByteArray* out,
        const QString& cacheDir = {});
    bool fail(const QString& error);

    Store& m_store;
    QString m_dataDir;
    QString m_error;
    QStringList m_summary;
};
