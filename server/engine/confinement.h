#pragma once

#include "domain/environment.h"
#include "domain/problem.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Where environments may live and what they may never reach. Every code path, mount and service file of an
// environment is an absolute, normalised path under one of the server's environment roots
// (`--environment-root DIR`), never inside tidemarkd's own data directory (its store, repositories, staging
// and journals; only the demo's environments folder there is allowed), and never reached through a symbolic
// link: the application that is backed up controls its own files and could otherwise point them at the store
// or at /etc. Checked when a descriptor is saved, and again right before a backup or restore uses the paths.
class Confinement
{
    Q_DECLARE_TR_FUNCTIONS(Confinement)

public:
    Confinement() = default; // no roots: no environment is allowed anywhere
    Confinement(const QStringList& roots, const QString& dataDir);

    // The roots as given (absolute, cleaned) and as they resolve.
    QStringList roots() const { return m_roots; }
    bool isEmpty() const { return m_roots.isEmpty(); }

    // The descriptor's problems by JSON path under `basePath`: paths, names, and where they resolve.
    Problems checkDescriptor(const LocalDescriptor& local, const QString& basePath) const;

    // Right before use. Each returns an empty string when the path may be used, else a sentence naming `what`.
    // A directory (code root, mount) that exists and is not a link.
    QString checkDirectory(const QString& path, const QString& what) const;
    // A file (a service's database) that exists and is not a link.
    QString checkFile(const QString& path, const QString& what) const;
    // A place a restore will write to: the path, if it exists, is not a link; its parent is a real directory.
    QString checkPlace(const QString& path, const QString& what) const;

    // Mount and service names: they become file names (staging files, snapshot paths).
    static bool isSimpleName(const QString& name);

private:
    // The path with every existing part resolved (links included), the missing rest appended; empty if the
    // path is not absolute.
    static QString resolve(const QString& path);
    // Why `path` (absolute, cleaned) is not allowed, as far as its spelling and where it resolves go.
    QString whyNotAllowed(const QString& path) const;
    bool isUnderRoot(const QString& resolved) const;
    // What the three use-time checks share: not a link (`linkWords` says why that matters), allowed where it is.
    QString checkUse(const QString& clean, const QString& what, const QString& linkWords) const;
    bool isProtected(const QString& resolved) const;

    QStringList m_roots; // cleaned, as given
    QStringList m_resolvedRoots;
    QString m_dataDir; // resolved
    QString m_demoRoot; // resolved DATA_DIR/environments: the one allowed place inside the data directory
};
