#include "secretfile.h"

#include <QFile>
#include <unistd.h>

namespace SecretFile {

QString write(const QString& path, const QByteArray& bytes)
{
    const QString temporary = path + QLatin1String(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    // Owner-only from creation: the secrets never sit in a file that others could open.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return file.errorString();
    if (file.write(bytes) != bytes.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        const QString error = file.errorString();
        file.close();
        QFile::remove(temporary);
        return error.isEmpty() ? QStringLiteral("write failed") : error;
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return QStringLiteral("rename failed");
    }
    return {};
}

} // namespace SecretFile
