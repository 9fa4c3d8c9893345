#pragma once

#include <QString>

class RepositoryReader;

// Puts a small selection of a backup (a file, a link, a folder of a few files) on disk from tidemarkd's own reader of
// the repository, without starting restic: what a restore of one file costs is then a few reads instead of a
// process start, a key derivation and a full index load. The result is what `restic restore --include` writes:
// contents, permission bits, modification and access times, the owner when tidemarkd runs as root, and links as
// links. Anything this does not write the same way (hard links, extended attributes, device files, a selection
// above the limits) is left to restic.
namespace DirectRestore {

enum class Outcome {
    Written, // the selection is under `targetRoot`
    NotHandled, // nothing written: restic should restore it
    Failed, // `error` says why; what was written so far is under `targetRoot` and is the caller's to remove
};

struct Limits
{
    qsizetype maxEntries = 2000;
    qint64 maxBytes = 64LL * 1024 * 1024;
};

// Writes the entry at absolute `source` of snapshot `snapshotId` (and, for a folder, everything under it) to
// `targetRoot + source`, creating the folders between them as plain folders, like restic restore --target
// `targetRoot` --include `source`.
Outcome write(RepositoryReader& reader, const QString& snapshotId, const QString& source, const QString& targetRoot,
    QString* error, const Limits& limits = {});

} // namespace DirectRestore
