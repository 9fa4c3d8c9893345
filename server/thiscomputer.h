#pragma once

#include "embeddedserver.h"
#include "localserver.h"
#include "systemduserservice.h"

#include <optional>
#include <QPointer>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>

// "This computer" as the console sees it: a tidemarkd in a systemd user service when the user chose that and the
// machine has a user service manager (schedules go on with the console closed), else the embedded server. The
// service runs the installed tidemarkd with the embedded server's data directory and options; the console gets an
// admin token from `tidemarkd token create` on the same directory, named after the console's process so that two
// consoles on one service never revoke each other's. Everything here is asynchronous.
class ThisComputer : public LocalServer
{
    Q_OBJECT

public:
    // `tidemarkd`: the program the service runs (empty: none found, so no service).
    ThisComputer(const QString& dataDirectory, const QString& tidemarkd, QObject* parent = nullptr);
    // Revokes the service token this console made (another console on the same service keeps its own).
    ~ThisComputer() override;

    // Tests: another unit name and systemctl (a path that does not exist stands for a machine without systemd).
    void setUnitName(const QString& name);
    void setSystemctlProgram(const QString& program);
    // The setting (QSettings "thisComputer/runInBackground"): unset until the user answered the offer.
    static std::optional<bool> backgroundChoice();

    void start() override;
    bool isRunning() const override;
    QString dataDirectory() const override { return m_dataDirectory; }
    bool stopsWithConsole() const override { return !m_serviceRunning; }
    bool canRunInBackground() const override { return m_available.value_or(false); }
    QString backgroundUnavailableReason() const override { return m_reason; }
    void setRunInBackground(bool background) override;

    // The arguments the service's tidemarkd runs with (those of the embedded server).
    QStringList serviceArguments(quint16 port) const;
    SystemdUserService& service() { return m_service; }

private:
    void checked(bool available, const QString& reason);
    void proceed();
    void startEmbedded();
    void startService();
    // Waits (bounded) until the service's port accepts a connection, then asks for a token.
    void waitForService(const QUrl& url, int attemptsLeft);
    void createToken(const QUrl& url);
    // The service could not be used: the embedded server runs instead, and the banner says why.
    void fallBack(const QString& why);

    QString m_dataDirectory;
    QString m_tidemarkd;
    EmbeddedServer m_embedded;
    SystemdUserService m_service;
    QString m_tokenName; // the service token this console made
    std::optional<bool> m_available; // unknown until checked
    QString m_reason;
    bool m_startWanted = false;
    bool m_checking = false;
    bool m_serviceStarting = false;
    bool m_switching = false; // one server stops before the other starts
    bool m_serviceRunning = false;
    QPointer<QTcpSocket> m_probe;
};
