#include "notificationsecrets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NotificationSecrets)
};

const QString kUrl = QStringLiteral("url");
const QString kPassword = QStringLiteral("password");

} // namespace

NotificationSecrets::NotificationSecrets(const QString& dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{ }

QString NotificationSecrets::path(const QString& projectId, const QString& name) const
{
    return m_dataDir + QStringLiteral("/notifications/") + projectId + QLatin1Char('/') + name
        + QStringLiteral(".json");
}

QString NotificationSecrets::write(const QString& projectId, const QString& name, const Values& values) const
{
    const QString file = path(projectId, name);
    const QString dir = QFileInfo(file).path();
    if (!QDir().mkpath(dir))
        return Tr::tr("Could not create the directory for the secrets of notification target %1.").arg(name);
    constexpr auto ownerDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QFile::setPermissions(m_dataDir + QStringLiteral("/notifications"), ownerDir);
    QFile::setPermissions(dir, ownerDir);
    const QByteArray bytes
        = QJsonDocument(QJsonObject {{kUrl, values.url}, {kPassword, values.password}}).toJson(QJsonDocument::Compact);
    const QString temporary = file + QLatin1String(".new");
    QFile::remove(temporary);
    QFile out(temporary);
    // Owner-only from creation: the secrets never sit in a file that others could open.
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Tr::tr("Could not store the secrets of notification target %1: %2").arg(name, out.errorString());
    if (out.write(bytes) != bytes.size() || !out.flush() || ::fsync(out.handle()) != 0) {
        out.close();
        QFile::remove(temporary);
        return Tr::tr("Could not store the secrets of notification target %1.").arg(name);
    }
    out.close();
    QFile::remove(file);
    if (!QFile::rename(temporary, file)) {
        QFile::remove(temporary);
        return Tr::tr("Could not store the secrets of notification target %1.").arg(name);
    }
    return {};
}

NotificationSecrets::Values NotificationSecrets::read(const QString& projectId, const QString& name) const
{
    QFile file(path(projectId, name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    return Values {object.value(kUrl).toString(), object.value(kPassword).toString()};
}

void NotificationSecrets::remove(const QString& projectId, const QString& name) const
{
    QFile::remove(path(projectId, name));
}
