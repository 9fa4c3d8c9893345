#pragma once

#include <memory>
#include <optional>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

class QSettings;

// Where the console connects to. There is deliberately no token here: API tokens live in the system keychain
// (TokenStore), never in QSettings.
struct ConnectionProfile
{
    QString name;
    QUrl apiUrl; // empty for "This computer": the embedded server's address is known once it listens
    QUrl tokenUrl; // empty for "This computer"
    QString project; // empty: the first project the server lists
    bool builtIn = false; // "This computer", the embedded server

    bool operator==(const ConnectionProfile&) const = default;
};
Q_DECLARE_METATYPE(ConnectionProfile)

// The connection profiles, kept in QSettings (group "connections"). The built-in "This computer" profile (the
// embedded server) always comes first and cannot be removed or renamed; only its project can change.
class ConnectionProfiles : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionProfiles(QObject* parent = nullptr);
    // The profiles another program keeps (the CLI reads the console's): QSettings of that organization and application.
    ConnectionProfiles(const QString& organization, const QString& application, QObject* parent = nullptr);

    // "This computer" first, then the user's profiles in the order they were added.
    const QList<ConnectionProfile>& profiles() const { return m_profiles; }
    std::optional<ConnectionProfile> profile(const QString& name) const;
    ConnectionProfile current() const;
    // False for an unknown name.
    bool setCurrent(const QString& name);

    // Why the profile cannot be stored (under `replacing`'s name, for an update), or an empty string when it can.
    QString problem(const ConnectionProfile& profile, const QString& replacing = {}) const;
    bool add(const ConnectionProfile& profile, QString* error = nullptr);
    // Replaces the profile called `name`; of "This computer" only the project changes.
    bool update(const QString& name, const ConnectionProfile& profile, QString* error = nullptr);
    // False for "This computer" and unknown names. The controller should delete the profile's token too.
    bool remove(const QString& name);

    // Reads the settings again (another console window may have changed them).
    void reload();

    static QString thisComputerName();

signals:
    void profilesChanged();
    void currentChanged(const ConnectionProfile& current);
    void removed(const ConnectionProfile& profile);

private:
    static QString problemAmong(
        const QList<ConnectionProfile>& profiles, const ConnectionProfile& profile, const QString& replacing);
    qsizetype indexOf(const QString& name) const;
    void save() const;

    std::unique_ptr<QSettings> openSettings() const;

    QList<ConnectionProfile> m_profiles;
    QString m_current; // name; empty means "This computer"
    QString m_organization; // empty application: the program's own settings
    QString m_application;
};
