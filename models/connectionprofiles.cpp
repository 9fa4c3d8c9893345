#include "connectionprofiles.h"

#include <QHostAddress>
#include <QSettings>

namespace {

const QString kGroup = QStringLiteral("connections");
const QString kProfiles = QStringLiteral("profiles");
const QString kCurrent = QStringLiteral("current");
const QString kThisComputerProject = QStringLiteral("thisComputerProject");
const QString kName = QStringLiteral("name");
const QString kApiUrl = QStringLiteral("apiUrl");
const QString kTokenUrl = QStringLiteral("tokenUrl");
const QString kProject = QStringLiteral("project");

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

ConnectionProfiles::ConnectionProfiles(QObject* parent)
    : QObject(parent)
{
    reload();
}

ConnectionProfiles::ConnectionProfiles(const QString& organization, const QString& application, QObject* parent)
    : QObject(parent)
    , m_organization(organization)
    , m_application(application)
{
    reload();
}

std::unique_ptr<QSettings> ConnectionProfiles::openSettings() const
{
    if (m_application.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(QSettings::defaultFormat(), QSettings::UserScope, m_organization, m_application);
}

QString ConnectionProfiles::thisComputerName()
{
    return tr("This computer");
}

void ConnectionProfiles::reload()
{
    const std::unique_ptr<QSettings> owned = openSettings();
    QSettings& settings = *owned;
    settings.beginGroup(kGroup);
    QList<ConnectionProfile> profiles;
    profiles.append(
        ConnectionProfile {thisComputerName(), {}, {}, settings.value(kThisComputerProject).toString(), true});
    const int size = settings.beginReadArray(kProfiles);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings.value(kName).toString();
        p.apiUrl = QUrl(settings.value(kApiUrl).toString());
        p.tokenUrl = QUrl(settings.value(kTokenUrl).toString());
        p.project = settings.value(kProject).toString();
        // A hand-edited file may hold anything; what could not be added is not loaded either.
        if (problemAmong(profiles, p, {}).isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    const QString current = settings.value(kCurrent).toString();
    settings.endGroup();

    const ConnectionProfile before = m_profiles.isEmpty() ? ConnectionProfile {} : this->current();
    m_profiles = profiles;
    m_current = indexOf(current) > 0 ? current : QString();
    emit profilesChanged();
    if (this->current() != before)
        emit currentChanged(this->current());
}

std::optional<ConnectionProfile> ConnectionProfiles::profile(const QString& name) const
{
    const qsizetype i = indexOf(name);
    return i >= 0 ? std::optional(m_profiles.at(i)) : std::nullopt;
}

ConnectionProfile ConnectionProfiles::current() const
{
    const qsizetype i = indexOf(m_current);
    return m_profiles.at(i > 0 ? i : 0);
}

bool ConnectionProfiles::setCurrent(const QString& name)
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return false;
    const QString next = i == 0 ? QString() : m_profiles.at(i).name;
    if (next == m_current)
        return true;
    m_current = next;
    save();
    emit currentChanged(current());
    return true;
}

QString ConnectionProfiles::problem(const ConnectionProfile& profile, const QString& replacing) const
{
    return problemAmong(m_profiles, profile, replacing);
}

QString ConnectionProfiles::problemAmong(
    const QList<ConnectionProfile>& profiles, const ConnectionProfile& profile, const QString& replacing)
{
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        return tr("A connection needs a name.");
    if (name != profile.name)
        return tr("A connection name cannot begin or end with spaces.");
    if (name.compare(thisComputerName(), Qt::CaseInsensitive) == 0)
        return tr("\"%1\" is the name of the built-in connection.").arg(thisComputerName());
    for (const ConnectionProfile& other : profiles) {
        if (!other.builtIn && other.name != replacing && other.name.compare(name, Qt::CaseInsensitive) == 0)
            return tr("There is already a connection called \"%1\".").arg(other.name);
    }
    const auto urlProblem = [](const QUrl& url, const QString& what, const QString& example) -> QString {
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return tr("The %1 must be an http or https address, like %2.").arg(what, example);
        // The API token and the access tokens travel in these requests.
        if (url.scheme() == QLatin1String("http") && !isLoopback(url))
            return tr("The %1 must use https: over http the API token would cross the network unencrypted.").arg(what);
        return {};
    };
    if (QString p = urlProblem(profile.apiUrl, tr("API address"), QStringLiteral("https://api.upsun.com"));
        !p.isEmpty())
        return p;
    if (QString p
        = urlProblem(profile.tokenUrl, tr("token address"), QStringLiteral("https://auth.upsun.com/oauth2/token"));
        !p.isEmpty())
        return p;
    return {};
}

bool ConnectionProfiles::add(const ConnectionProfile& profile, QString* error)
{
    const QString why = profile.builtIn ? tr("The built-in connection exists already.") : problem(profile);
    if (error)
        *error = why;
    if (!why.isEmpty())
        return false;
    m_profiles.append(profile);
    save();
    emit profilesChanged();
    return true;
}

bool ConnectionProfiles::update(const QString& name, const ConnectionProfile& profile, QString* error)
{
    const qsizetype i = indexOf(name);
    QString why;
    if (i < 0)
        why = tr("There is no connection called \"%1\".").arg(name);
    else if (i > 0)
        why = profile.builtIn ? tr("Only the built-in connection is built in.") : problem(profile, name);
    if (error)
        *error = why;
    if (!why.isEmpty())
        return false;

    const ConnectionProfile before = current();
    if (i == 0) {
        m_profiles[0].project = profile.project;
    } else {
        m_profiles[i] = profile;
        if (m_current == name)
            m_current = profile.name;
    }
    save();
    emit profilesChanged();
    if (current() != before)
        emit currentChanged(current());
    return true;
}

bool ConnectionProfiles::remove(const QString& name)
{
    const qsizetype i = indexOf(name);
    if (i <= 0)
        return false;
    const ConnectionProfile gone = m_profiles.takeAt(i);
    const bool wasCurrent = m_current == gone.name;
    if (wasCurrent)
        m_current.clear();
    save();
    emit removed(gone);
    emit profilesChanged();
    if (wasCurrent)
        emit currentChanged(current());
    return true;
}

qsizetype ConnectionProfiles::indexOf(const QString& name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

void ConnectionProfiles::save() const
{
    const std::unique_ptr<QSettings> owned = openSettings();
    QSettings& settings = *owned;
    settings.beginGroup(kGroup);
    settings.remove(QString()); // the whole group: a shorter list must not leave old entries behind
    settings.setValue(kThisComputerProject, m_profiles.at(0).project);
    settings.setValue(kCurrent, m_current);
    settings.beginWriteArray(kProfiles, int(m_profiles.size() - 1));
    for (qsizetype i = 1; i < m_profiles.size(); ++i) {
        const ConnectionProfile& p = m_profiles.at(i);
        settings.setArrayIndex(int(i - 1));
        settings.setValue(kName, p.name);
        settings.setValue(kApiUrl, p.apiUrl.toString());
        settings.setValue(kTokenUrl, p.tokenUrl.toString());
        settings.setValue(kProject, p.project);
    }
    settings.endArray();
    settings.endGroup();
}
