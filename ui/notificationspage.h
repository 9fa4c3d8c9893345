#pragma once

#include "domain/notificationtarget.h"

#include <optional>
#include <QJsonObject>
#include <QWidget>

class ApiClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTimer;

// Where tidemarkd sends its alerts (settings `notifications`): add a webhook (JSON, Slack or ntfy) or an e-mail
// target, choose its events, save, remove, send a test message to every saved target, and see what was delivered.
// The webhook URL and the SMTP password are write-only, as in the API: a saved one shows as "(stored)" and is
// replaced only when a new one is typed. Every change is saved at once with PATCH …/settings; the form shows what
// the server answered.
class NotificationsPage : public QWidget
{
    Q_OBJECT

public:
    NotificationsPage(
        ApiClient* client, const QString& project, const QList<NotificationTarget>& targets, QWidget* parent = nullptr);

    const QList<NotificationTarget>& targets() const { return m_targets; }
    // The form as a target (secrets only when new ones were typed), or the problem.
    std::optional<NotificationTarget> formTarget(QString& problem) const;

    void addTarget();
    void saveTarget();
    void removeTarget();
    void sendTest();
    // Asks the server what was sent, failed and waits (GET …/notifications).
    void refreshStatus();

signals:
    void busyChanged(bool busy);
    // The server accepted a change of `notifications`.
    void notificationsChanged(const QList<NotificationTarget>& targets);

private:
    void populateList(const QString& select);
    void showTarget(int row);
    void showKindPage();
    void updateButtons();
    void send(const QList<NotificationTarget>& targets, const QString& select, const QString& doneText);
    void setStatus(const QString& text, bool failure);
    void showDeliveryStatus(const QJsonObject& status);
    bool hasUnsavedChanges() const;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

    ApiClient* m_client;
    QString m_project;
    QList<NotificationTarget> m_targets;
    bool m_editingNew = false;
    bool m_busy = false;

    QListWidget* m_list = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QStackedWidget* m_kindStack = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QComboBox* m_formatCombo = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QComboBox* m_tlsCombo = nullptr;
    QLineEdit* m_userEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QLineEdit* m_toEdit = nullptr;
    QLineEdit* m_fromEdit = nullptr;
    QList<QCheckBox*> m_eventBoxes; // in NotificationTarget::allEvents() order
    QPushButton* m_testButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_deliveries = nullptr;
    QTimer* m_statusTimer = nullptr; // refreshes the deliveries while the page is shown
    bool m_statusInFlight = false;
};
