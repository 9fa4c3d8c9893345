#include "copysecrets.h"

#include "removetree.h"
#include "secretfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CopySecrets)
};

const QString kEnvironmentFile = QStringLiteral("env.json");

} // namespace

CopySecrets::CopySecrets(const QString& dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
{ }

QString CopySecrets::directory(const QString& projectId, const QString& copyName) const
{
    return m_dataDir + QStringLiteral("/copies/") + projectId + QLatin1Char('/') + copyName;
}

QString CopySecrets::writeEnvironment(
    const QString& projectId, const QString& copyName, const QMap<QString, QString>& values) const
{
    const QString dir = directory(projectId, copyName);
    if (!QDir().mkpath(dir))
        return Tr::tr("Could not create the directory for the credentials of copy %1.").arg(copyName);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QJsonObject object;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        object.insert(it.key(), it.value());
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const QString path = dir + QLatin1Char('/') + kEnvironmentFile;
    if (const QString error = SecretFile::write(path, bytes); !error.isEmpty())
        return Tr::tr("Could not store the credentials of copy %1: %2").arg(copyName, error);
    return {};
}

QMap<QString, QString> CopySecrets::readEnvironment(const QString& projectId, const QString& copyName) const
{
    QMap<QString, QString> values;
    QFile file(directory(projectId, copyName) + QLatin1Char('/') + kEnvironmentFile);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        values.insert(it.key(), it.value().toString());
    return values;
}

void CopySecrets::remove(const QString& projectId, const QString& copyName) const
{
    removeTree(directory(projectId, copyName));
}

ResticRepository::Settings CopySecrets::settings(const QString& projectId, const CopyTarget& copy) const
{
    const QString dir = directory(projectId, copy.name);
    ResticRepository::Settings settings;
    settings.repository = copy.repository;
    settings.passwordFile = dir + QStringLiteral("/password");
    settings.cacheDirectory = dir + QStringLiteral("/cache");
    settings.program = QStringLiteral("restic");
    settings.extraEnvironment = readEnvironment(projectId, copy.name);
    settings.limitUploadKib = copy.limitUploadKib;
    return settings;
}
