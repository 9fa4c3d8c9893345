#pragma once

#include <QByteArray>
#include <QString>

namespace SecretFile {

// Replaces `path` with `bytes` in a file that is owner-only from its creation: written beside it, synced, then renamed
// over it, so that a crash leaves the old file or the new one. Returns the reason on failure, empty on success.
QString write(const QString& path, const QByteArray& bytes);

} // namespace SecretFile
