#pragma once

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

// One unit of the user's systemd instance (`systemctl --user`), driven through QProcess: every call returns at
// once and answers with a signal, so the console's window never waits for systemd.
class SystemdUserService : public QObject
{
    Q_OBJECT

public:
    explicit SystemdUserService(const QString& unitName, QObject* parent = nullptr);

    // Tests: another systemctl (a path that does not exist stands for a machine without systemd).
    void setSystemctlProgram(const QString& program) { m_systemctl = program; }
    void setUnitName(const QString& name) { m_unitName = name; }
    QString unitName() const { return m_unitName; }
    // Where the user's units live: $XDG_CONFIG_HOME/systemd/user, else ~/.config/systemd/user.
    static QString unitDirectory();
    QString unitPath() const;
    // The unit file as it is on disk; empty when there is none.
    QByteArray installedUnit() const;

    // Asks whether a user service manager runs (`systemctl --user show --property=SystemState`; "degraded" still
    // runs units). Emits availabilityChecked().
    void checkAvailable();
    // Writes the unit (mode 0644), reloads systemd and `enable --now`s it; restarts it when the unit changed.
    // Emits installed().
    void install(const QByteArray& unitText);
    // `disable --now`, then removes the unit file. Emits removed().
    void remove();
    // `systemctl --user is-active`. Emits activeChecked().
    void checkActive();

    // The unit as the console writes it: `templateText` (resources/tidemarkd.service) with its ExecStart replaced
    // by `program` and `arguments` (quoted for systemd) and a first line that marks it as the console's.
    static QByteArray unitText(const QByteArray& templateText, const QString& program, const QStringList& arguments);
    // Whether `unit` was written by unitText() (a unit written by hand is never replaced or removed).
    static bool isOwnUnit(const QByteArray& unit);
    // The value of `--name VALUE` in the unit's ExecStart line; empty when absent.
    static QString execStartOption(const QByteArray& unit, const QString& name);

signals:
    void availabilityChecked(bool available, const QString& reason);
    void installed(bool ok, const QString& error);
    void removed(bool ok, const QString& error);
    void activeChecked(bool active);

private:
    struct Result
    {
        bool started = false; // false: systemctl could not be run at all
        int exitCode = -1;
        QString output; // stdout and stderr, trimmed
    };
    // Runs systemctl --user `arguments` (bounded); `done` runs on this object's thread.
    void run(const QStringList& arguments, std::function<void(const Result&)> done);
    // Runs each command in turn; stops at the first that fails and reports it.
    void runAll(const QList<QStringList>& commands, std::function<void(bool ok, const QString& error)> done);

    QString m_unitName;
    QString m_systemctl = QStringLiteral("systemctl");
};
