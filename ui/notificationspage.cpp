#include "notificationspage.h"

#include "client/apiclient.h"
#include "displayformat.h"
#include "domain/timestamp.h"
#include "messagebox.h"
#include "tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

enum DeliveryColumn { TargetColumn, SentColumn, FailedColumn, WaitingColumn, LastSuccessColumn, LastErrorColumn };

QString eventLabel(const QString& event)
{
    if (event == QLatin1String("backup.failed"))
        return NotificationsPage::tr("A &backup failed");
    if (event == QLatin1String("backup.missed"))
        return NotificationsPage::tr("Scheduled backups &were missed");
    if (event == QLatin1String("copy.failed"))
        return NotificationsPage::tr("A cop&y failed");
    if (event == QLatin1String("verify.failed"))
        return NotificationsPage::tr("A ver&ification failed");
    if (event == QLatin1String("restore.finished"))
        return NotificationsPage::tr("A restore finis&hed");
    return event;
}

QString storedPlaceholder(bool stored, const QString& example)
{
    return stored ? NotificationsPage::tr("(stored; type to replace)") : example;
}

QString timeText(const QJsonValue& value)
{
    const auto ms = value.isString() ? Timestamp::parseMsecs(value.toString()) : std::nullopt;
    return ms ? DisplayFormat::localTime(*ms) : QString();
}

} // namespace

NotificationsPage::NotificationsPage(
    ApiClient* client, const QString& project, const QList<NotificationTarget>& targets, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_project(project)
    , m_targets(targets)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    layout->addLayout(top, 2);

    auto* left = new QVBoxLayout;
    auto* listLabel = new QLabel(tr("Alert targets:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("notificationListWidget"));
    listLabel->setBuddy(m_list);
    m_addButton = new QPushButton(tr("&Add target"), this);
    m_addButton->setObjectName(QStringLiteral("addNotificationButton"));
    m_removeButton = new QPushButton(tr("Remove tar&get…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeNotificationButton"));
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    left->addLayout(listButtons);
    top->addLayout(left, 1);

    auto* formBox = new QGroupBox(tr("Alert target"), this);
    auto* form = new QFormLayout;
    m_nameEdit = new QLineEdit(formBox);
    m_nameEdit->setObjectName(QStringLiteral("notificationNameLineEdit"));
    m_nameEdit->setPlaceholderText(tr("ops-chat"));
    m_nameEdit->setToolTip(tr("1 to 64 lower-case letters, digits, - and _"));
    form->addRow(tr("&Name:"), m_nameEdit);
    m_kindCombo = new QComboBox(formBox);
    m_kindCombo->setObjectName(QStringLiteral("notificationKindComboBox"));
    m_kindCombo->addItem(tr("Webhook"), int(NotificationTarget::Kind::Webhook));
    m_kindCombo->addItem(tr("E-mail"), int(NotificationTarget::Kind::Email));
    form->addRow(tr("&Kind:"), m_kindCombo);

    m_kindStack = new QStackedWidget(formBox);
    auto* webhook = new QWidget(m_kindStack);
    auto* webhookForm = new QFormLayout(webhook);
    webhookForm->setContentsMargins(0, 0, 0, 0);
    m_urlEdit = new QLineEdit(webhook);
    m_urlEdit->setObjectName(QStringLiteral("notificationUrlLineEdit"));
    m_urlEdit->setToolTip(tr("The address tidemarkd posts to. It often holds a secret, so it is write-only: the "
                             "server keeps it and shows only its scheme and host."));
    webhookForm->addRow(tr("&URL:"), m_urlEdit);
    m_formatCombo = new QComboBox(webhook);
    m_formatCombo->setObjectName(QStringLiteral("notificationFormatComboBox"));
    m_formatCombo->addItem(tr("JSON"), int(NotificationTarget::Format::Json));
    m_formatCombo->addItem(tr("Slack (incoming webhook)"), int(NotificationTarget::Format::Slack));
    m_formatCombo->addItem(tr("ntfy"), int(NotificationTarget::Format::Ntfy));
    webhookForm->addRow(tr("&Format:"), m_formatCombo);
    m_kindStack->addWidget(webhook);

    auto* email = new QWidget(m_kindStack);
    auto* emailForm = new QFormLayout(email);
    emailForm->setContentsMargins(0, 0, 0, 0);
    m_hostEdit = new QLineEdit(email);
    m_hostEdit->setObjectName(QStringLiteral("smtpHostLineEdit"));
    m_hostEdit->setPlaceholderText(tr("smtp.example.org"));
    m_portSpin = new QSpinBox(email);
    m_portSpin->setObjectName(QStringLiteral("smtpPortSpinBox"));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(587);
    auto* server = new QHBoxLayout;
    server->addWidget(m_hostEdit, 1);
    server->addWidget(m_portSpin);
    auto* serverLabel = new QLabel(tr("SMTP &server:"), email);
    serverLabel->setBuddy(m_hostEdit);
    emailForm->addRow(serverLabel, server);
    m_tlsCombo = new QComboBox(email);
    m_tlsCombo->setObjectName(QStringLiteral("smtpTlsComboBox"));
    m_tlsCombo->addItem(tr("STARTTLS (required)"), int(NotificationTarget::Tls::StartTls));
    m_tlsCombo->addItem(tr("TLS from the start (SMTPS)"), int(NotificationTarget::Tls::Implicit));
    m_tlsCombo->addItem(tr("None (loopback relays only)"), int(NotificationTarget::Tls::None));
    emailForm->addRow(tr("&Encryption:"), m_tlsCombo);
    m_userEdit = new QLineEdit(email);
    m_userEdit->setObjectName(QStringLiteral("smtpUserLineEdit"));
    m_userEdit->setPlaceholderText(tr("(no login)"));
    emailForm->addRow(tr("&User:"), m_userEdit);
    m_passwordEdit = new QLineEdit(email);
    m_passwordEdit->setObjectName(QStringLiteral("smtpPasswordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setToolTip(tr("Write-only: the server keeps it and never shows it again."));
    emailForm->addRow(tr("&Password:"), m_passwordEdit);
    m_toEdit = new QLineEdit(email);
    m_toEdit->setObjectName(QStringLiteral("mailToLineEdit"));
    m_toEdit->setPlaceholderText(tr("ops@example.org, dba@example.org"));
    emailForm->addRow(tr("T&o:"), m_toEdit);
    m_fromEdit = new QLineEdit(email);
    m_fromEdit->setObjectName(QStringLiteral("mailFromLineEdit"));
    m_fromEdit->setPlaceholderText(tr("tidemarkd@this host"));
    emailForm->addRow(tr("Fro&m:"), m_fromEdit);
    m_kindStack->addWidget(email);
    form->addRow(m_kindStack);

    auto* events = new QGroupBox(tr("Send when"), formBox);
    auto* eventsLayout = new QVBoxLayout(events);
    for (const QString& event : NotificationTarget::allEvents()) {
        auto* box = new QCheckBox(eventLabel(event), events);
        box->setObjectName(QStringLiteral("event_") + QString(event).replace(QLatin1Char('.'), QLatin1Char('_')));
        box->setProperty("event", event);
        box->setToolTip(event);
        eventsLayout->addWidget(box);
        m_eventBoxes.append(box);
        connect(box, &QCheckBox::toggled, this, &NotificationsPage::updateButtons);
    }
    form->addRow(events);

    m_testButton = new QPushButton(tr("Send &test"), formBox);
    m_testButton->setObjectName(QStringLiteral("sendTestButton"));
    m_testButton->setToolTip(tr("Sends a test message to every saved target and says which ones received it."));
    m_saveButton = new QPushButton(tr("Sa&ve target"), formBox);
    m_saveButton->setObjectName(QStringLiteral("saveNotificationButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addStretch();
    actions->addWidget(m_saveButton);
    form->addRow(actions);
    m_status = new QLabel(formBox);
    m_status->setObjectName(QStringLiteral("notificationStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);
    formBox->setLayout(form);
    top->addWidget(formBox, 3);

    auto* deliveriesLabel = new QLabel(tr("&Deliveries since tidemarkd started:"), this);
    m_deliveries = new QTableWidget(0, 6, this);
    m_deliveries->setObjectName(QStringLiteral("deliveriesTableWidget"));
    m_deliveries->setHorizontalHeaderLabels(
        {tr("Target"), tr("Sent"), tr("Failed"), tr("Waiting"), tr("Last delivered"), tr("Last error")});
    m_deliveries->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_deliveries->horizontalHeader()->setStretchLastSection(true);
    m_deliveries->verticalHeader()->hide();
    m_deliveries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_deliveries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deliveries->setTabKeyNavigation(false);
    deliveriesLabel->setBuddy(m_deliveries);
    layout->addWidget(deliveriesLabel);
    m_deliveries->setMinimumHeight(m_deliveries->horizontalHeader()->sizeHint().height()
        + 4 * m_deliveries->verticalHeader()->defaultSectionSize());
    layout->addWidget(m_deliveries, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_editingNew = row >= m_targets.size();
        showTarget(row);
        updateButtons();
    });
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        showKindPage();
        updateButtons();
    });
    connect(m_addButton, &QPushButton::clicked, this, &NotificationsPage::addTarget);
    connect(m_removeButton, &QPushButton::clicked, this, &NotificationsPage::removeTarget);
    connect(m_saveButton, &QPushButton::clicked, this, &NotificationsPage::saveTarget);
    connect(m_testButton, &QPushButton::clicked, this, &NotificationsPage::sendTest);
    for (QLineEdit* edit : {m_nameEdit, m_urlEdit, m_hostEdit, m_toEdit})
        connect(edit, &QLineEdit::textChanged, this, &NotificationsPage::updateButtons);

    // What was delivered changes with every alert: asked again every few seconds while the page is shown.
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(5000);
    connect(m_statusTimer, &QTimer::timeout, this, &NotificationsPage::refreshStatus);

    populateList(m_targets.isEmpty() ? QString() : m_targets.constFirst().name);
    refreshStatus();
}

void NotificationsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshStatus();
    m_statusTimer->start();
}

void NotificationsPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_statusTimer->stop();
}

void NotificationsPage::populateList(const QString& select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int selectRow = -1;
    for (const NotificationTarget& target : std::as_const(m_targets)) {
        auto* item = new QListWidgetItem(target.name, m_list);
        item->setToolTip(
            target.kind == NotificationTarget::Kind::Webhook ? target.url : target.to.join(QLatin1String(", ")));
        if (target.name == select)
            selectRow = m_list->count() - 1;
    }
    m_editingNew = false;
    if (selectRow < 0 && !m_targets.isEmpty())
        selectRow = 0;
    m_list->setCurrentRow(selectRow);
    if (selectRow >= 0)
        showTarget(selectRow);
    updateButtons();
    if (m_targets.isEmpty())
        addTarget(); // nothing to show: the form for a first target
}

void NotificationsPage::addTarget()
{
    if (!m_editingNew) {
        const QSignalBlocker blocker(m_list);
        new QListWidgetItem(tr("(new target)"), m_list);
        m_list->setCurrentRow(m_list->count() - 1);
    }
    m_editingNew = true;
    showTarget(int(m_targets.size()));
    setStatus(tr("Give the target a name, where to send and which events, then save it and send a test."), false);
    m_nameEdit->setFocus();
    updateButtons();
}

void NotificationsPage::showTarget(int row)
{
    const bool saved = row >= 0 && row < m_targets.size();
    NotificationTarget target = saved ? m_targets.at(row) : NotificationTarget {};
    if (!saved)
        target.events = {QStringLiteral("backup.failed"), QStringLiteral("backup.missed"),
            QStringLiteral("copy.failed"), QStringLiteral("verify.failed")};
    m_nameEdit->setText(target.name);
    // A saved target keeps its name: its secrets are kept under it on the server.
    m_nameEdit->setReadOnly(saved);
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(target.kind)));
    showKindPage();
    m_urlEdit->clear();
    m_urlEdit->setPlaceholderText(saved && target.kind == NotificationTarget::Kind::Webhook
            ? tr("%1 (stored; type to replace)").arg(target.url)
            : tr("https://hooks.example.org/…"));
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(target.format)));
    m_hostEdit->setText(target.smtpHost);
    m_portSpin->setValue(target.smtpPort);
    m_tlsCombo->setCurrentIndex(m_tlsCombo->findData(int(target.tls)));
    m_userEdit->setText(target.smtpUser);
    m_passwordEdit->clear();
    m_passwordEdit->setPlaceholderText(storedPlaceholder(saved && target.hasPassword, QString()));
    m_toEdit->setText(target.to.join(QLatin1String(", ")));
    m_fromEdit->setText(target.from);
    for (QCheckBox* box : std::as_const(m_eventBoxes))
        box->setChecked(target.events.contains(box->property("event").toString()));
    m_status->clear();
}

void NotificationsPage::showKindPage()
{
    // Only the shown kind's fields take room: a webhook's two rows do not leave an e-mail form's height empty.
    const int index = m_kindCombo->currentIndex();
    for (int i = 0; i < m_kindStack->count(); ++i) {
        const auto policy = i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_kindStack->widget(i)->setSizePolicy(policy, policy);
    }
    m_kindStack->setCurrentIndex(index);
    m_kindStack->updateGeometry();
}

void NotificationsPage::updateButtons()
{
    const bool webhook = m_kindCombo->currentData().toInt() == int(NotificationTarget::Kind::Webhook);
    const int row = m_list->currentRow();
    const bool saved = !m_editingNew && row >= 0 && row < m_targets.size();
    const bool whereGiven = webhook
        ? (saved || !m_urlEdit->text().trimmed().isEmpty())
        : (!m_hostEdit->text().trimmed().isEmpty() && !m_toEdit->text().trimmed().isEmpty());
    m_addButton->setEnabled(!m_busy && !m_editingNew);
    m_removeButton->setEnabled(!m_busy && saved);
    m_saveButton->setEnabled(!m_busy && !m_nameEdit->text().trimmed().isEmpty() && whereGiven);
    m_testButton->setEnabled(!m_busy && !m_targets.isEmpty());
}

void NotificationsPage::setStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setProperty("failure", failure);
    Tones::setTextTone(m_status, failure ? std::optional(Tones::Tone::Danger) : std::nullopt);
}

std::optional<NotificationTarget> NotificationsPage::formTarget(QString& problem) const
{
    const int row = m_list->currentRow();
    const bool saved = !m_editingNew && row >= 0 && row < m_targets.size();
    NotificationTarget target = saved ? m_targets.at(row) : NotificationTarget {};
    target.name = m_nameEdit->text().trimmed();
    target.kind = NotificationTarget::Kind(m_kindCombo->currentData().toInt());
    target.events.clear();
    for (const QCheckBox* box : m_eventBoxes) {
        if (box->isChecked())
            target.events.append(box->property("event").toString());
    }
    if (target.events.isEmpty()) {
        problem = tr("Send when: choose at least one event.");
        return std::nullopt;
    }
    target.urlValue.reset();
    target.passwordValue.reset();
    if (target.kind == NotificationTarget::Kind::Webhook) {
        const QString url = m_urlEdit->text().trimmed();
        // A saved webhook keeps its stored address unless a new one is typed (or it was an e-mail target before).
        const bool stored = saved && m_targets.at(row).kind == NotificationTarget::Kind::Webhook;
        if (url.isEmpty() && !stored) {
            problem = tr("URL: give the address to post to.");
            return std::nullopt;
        }
        if (!url.isEmpty()) {
            target.url = url;
            target.urlValue = url;
        }
        target.format = NotificationTarget::Format(m_formatCombo->currentData().toInt());
    } else {
        target.smtpHost = m_hostEdit->text().trimmed();
        target.smtpPort = m_portSpin->value();
        target.tls = NotificationTarget::Tls(m_tlsCombo->currentData().toInt());
        target.smtpUser = m_userEdit->text().trimmed();
        if (!m_passwordEdit->text().isEmpty()) {
            target.passwordValue = m_passwordEdit->text();
            target.hasPassword = true;
        } else if (!saved || m_targets.at(row).kind != NotificationTarget::Kind::Email) {
            target.hasPassword = false;
        }
        if (target.smtpUser.isEmpty() && target.hasPassword) {
            // No login: a stored password has nothing to go with.
            target.passwordValue = QString();
            target.hasPassword = false;
        }
        target.to.clear();
        static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
        for (const QString& address : m_toEdit->text().split(separators, Qt::SkipEmptyParts))
            target.to.append(address);
        if (target.to.isEmpty()) {
            problem = tr("To: give at least one address.");
            return std::nullopt;
        }
        target.from = m_fromEdit->text().trimmed();
    }
    return target;
}

bool NotificationsPage::hasUnsavedChanges() const
{
    if (m_editingNew)
        return true;
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_targets.size())
        return false;
    QString problem;
    const auto target = formTarget(problem);
    if (!target)
        return true;
    NotificationTarget saved = m_targets.at(row);
    return !(*target == saved);
}

void NotificationsPage::saveTarget()
{
    QString problem;
    const auto target = formTarget(problem);
    if (!target) {
        setStatus(problem, true);
        return;
    }
    QList<NotificationTarget> targets = m_targets;
    const int row = m_list->currentRow();
    if (m_editingNew || row < 0 || row >= targets.size())
        targets.append(*target);
    else
        targets[row] = *target;
    send(targets, target->name,
        m_editingNew ? tr("Target %1 added. Send a test to see that it arrives.").arg(target->name)
                     : tr("Target %1 saved.").arg(target->name));
}

void NotificationsPage::removeTarget()
{
    const int row = m_list->currentRow();
    if (m_editingNew || row < 0 || row >= m_targets.size())
        return;
    const NotificationTarget target = m_targets.at(row);
    const auto answer = MessageBox::question(this, tr("Remove alert target"),
        tr("Remove the alert target %1? tidemarkd stops sending to it, and forgets its stored secrets.")
            .arg(target.name),
        QString(), QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Remove"));
    if (answer != QMessageBox::Yes)
        return;
    QList<NotificationTarget> targets = m_targets;
    targets.removeAt(row);
    send(targets, QString(), tr("Target %1 removed.").arg(target.name));
}

void NotificationsPage::send(const QList<NotificationTarget>& targets, const QString& select, const QString& doneText)
{
    m_busy = true;
    updateButtons();
    emit busyChanged(true);
    setStatus(tr("Saving…"), false);
    ApiClient::onResult(m_client->updateNotifications(m_project, targets), this,
        [this, select, doneText](const ApiResult<ProjectSettings>& r) {
            m_busy = false;
            emit busyChanged(false);
            if (!r.ok()) {
                updateButtons();
                setStatus(r.error.message(), true);
                return;
            }
            m_targets = r.value->notifications;
            populateList(select);
            setStatus(doneText, false);
            refreshStatus();
            emit notificationsChanged(m_targets);
        });
}

void NotificationsPage::sendTest()
{
    if (hasUnsavedChanges()) {
        setStatus(tr("Save the target first: a test goes to the saved targets."), true);
        return;
    }
    m_busy = true;
    updateButtons();
    emit busyChanged(true);
    setStatus(tr("Sending a test message to %n target(s)…", "", int(m_targets.size())), false);
    ApiClient::onResult(m_client->sendTestNotifications(m_project), this, [this](const ApiResult<QJsonObject>& r) {
        m_busy = false;
        emit busyChanged(false);
        updateButtons();
        if (!r.ok()) {
            setStatus(r.error.message(), true);
            return;
        }
        QStringList lines;
        bool failed = false;
        for (const QJsonValue& v : r.value->value(QStringLiteral("results")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            if (o.value(QStringLiteral("ok")).toBool()) {
                lines.append(tr("%1: received.").arg(name));
            } else {
                failed = true;
                lines.append(tr("%1: failed: %2").arg(name, o.value(QStringLiteral("error")).toString()));
            }
        }
        setStatus(lines.join(QLatin1Char('\n')), failed);
        refreshStatus();
    });
}

void NotificationsPage::refreshStatus()
{
    if (m_statusInFlight)
        return; // at most one question at a time, however slow the server
    m_statusInFlight = true;
    ApiClient::onResult(m_client->notificationStatus(m_project), this, [this](const ApiResult<QJsonObject>& r) {
        m_statusInFlight = false;
        if (r.ok())
            showDeliveryStatus(*r.value);
    });
}

void NotificationsPage::showDeliveryStatus(const QJsonObject& status)
{
    const QJsonArray targets = status.value(QStringLiteral("targets")).toArray();
    m_deliveries->setRowCount(int(targets.size()));
    for (int row = 0; row < targets.size(); ++row) {
        const QJsonObject t = targets.at(row).toObject();
        const auto cell = [this, row](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_deliveries->setItem(row, column, item);
        };
        cell(TargetColumn, t.value(QStringLiteral("name")).toString());
        cell(SentColumn, QString::number(t.value(QStringLiteral("sent")).toInt()));
        cell(FailedColumn, QString::number(t.value(QStringLiteral("failed")).toInt()));
        cell(WaitingColumn, QString::number(t.value(QStringLiteral("pending")).toInt()));
        cell(LastSuccessColumn, timeText(t.value(QStringLiteral("last_success_at"))));
        cell(LastErrorColumn, t.value(QStringLiteral("last_error")).toString());
    }
}
