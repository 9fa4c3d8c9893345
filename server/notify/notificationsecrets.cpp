#include "notificationsecrets.h"

#include "engine/secretfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

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
    if (const QString error = SecretFile::write(file, bytes); !error.isEmpty())
        return Tr::tr("Could not store the secrets of notification target %1: %2").arg(name, error);
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
