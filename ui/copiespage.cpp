#include "copiespage.h"

#include "client/apiclient.h"
#include "headerfit.h"
#include "messagebox.h"
#include "tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

constexpr int kValueRole = Qt::UserRole; // a credential's value as typed (never one the server stored)
constexpr int kStoredRole = Qt::UserRole + 1; // the name came from the server: its value is stored there

enum CredentialColumn { NameColumn, ValueColumn };
enum RetentionColumn { TypeColumn, ScheduleColumn, ManualColumn, MaxColumn };

QString masked(const QString& value, bool stored)
{
    if (!value.isEmpty())
        return QString(qMin<qsizetype>(value.size(), 12), QChar(0x2022));
    return stored ? CopiesPage::tr("(stored; type to replace)") : QString();
}

// Credential values are typed into a password field and shown as dots: they are write-only, like in the API.
class SecretDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* edit = new QLineEdit(parent);
        edit->setEchoMode(QLineEdit::Password);
        return edit;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        static_cast<QLineEdit*>(editor)->setText(index.data(kValueRole).toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        const QString value = static_cast<QLineEdit*>(editor)->text();
        model->setData(index, value, kValueRole);
        model->setData(index, masked(value, index.siblingAtColumn(NameColumn).data(kStoredRole).toBool()));
    }
};

QString scheduleText(const RetentionPolicy& policy)
{
    QStringList parts;
    for (const Schedule& s : policy.schedules)
        parts.append(s.interval.label() + QLatin1Char(':') + QString::number(s.count));
    return parts.join(QLatin1String(", "));
}

} // namespace

CopiesPage::CopiesPage(ApiClient* client, const QString& project, const QList<CopyTarget>& copies, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_project(project)
    , m_copies(copies)
{
    auto* layout = new QHBoxLayout(this);

    auto* left = new QVBoxLayout;
    auto* listLabel = new QLabel(tr("&Copies of every backup:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("copyListWidget"));
    listLabel->setBuddy(m_list);
    m_addButton = new QPushButton(tr("&Add copy"), this);
    m_addButton->setObjectName(QStringLiteral("addCopyButton"));
    m_removeButton = new QPushButton(tr("&Remove copy…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeCopyButton"));
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    auto* formBox = new QGroupBox(tr("Copy target"), this);
    auto* form = new QFormLayout;
    m_nameEdit = new QLineEdit(formBox);
    m_nameEdit->setObjectName(QStringLiteral("copyNameLineEdit"));
    m_nameEdit->setPlaceholderText(tr("offsite"));
    m_nameEdit->setToolTip(tr("1 to 64 lower-case letters, digits, - and _"));
    form->addRow(tr("&Name:"), m_nameEdit);
    m_repositoryEdit = new QLineEdit(formBox);
    m_repositoryEdit->setObjectName(QStringLiteral("copyRepositoryLineEdit"));
    m_repositoryEdit->setPlaceholderText(tr("/mnt/backup/site, sftp:user@host:/srv/copy, s3:…, rest:…, rclone:…"));
    m_repositoryEdit->setToolTip(tr("Any restic repository location: an absolute path or a restic backend."));
    form->addRow(tr("&Repository:"), m_repositoryEdit);
    m_whenCombo = new QComboBox(formBox);
    m_whenCombo->setObjectName(QStringLiteral("copyWhenComboBox"));
    m_whenCombo->addItem(tr("After each backup"), int(CopyTarget::When::AfterBackup));
    m_whenCombo->addItem(tr("Once a day"), int(CopyTarget::When::Daily));
    form->addRow(tr("&When:"), m_whenCombo);

    m_credentials = new QTableWidget(0, 2, formBox);
    m_credentials->setObjectName(QStringLiteral("credentialsTableWidget"));
    m_credentials->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_credentials->horizontalHeader()->setStretchLastSection(true);
    m_credentials->verticalHeader()->hide();
    m_credentials->setItemDelegateForColumn(ValueColumn, new SecretDelegate(m_credentials));
    m_credentials->setToolTip(tr("What the backend needs (AWS_ACCESS_KEY_ID, B2_ACCOUNT_KEY, RCLONE_…). Values are "
                                 "write-only: the server keeps them and never shows them again."));
    m_credentials->setMinimumHeight(90);
    m_addCredentialButton = new QPushButton(tr("Add &variable"), formBox);
    m_addCredentialButton->setObjectName(QStringLiteral("addCredentialButton"));
    m_removeCredentialButton = new QPushButton(tr("Remove v&ariable"), formBox);
    m_removeCredentialButton->setObjectName(QStringLiteral("removeCredentialButton"));
    auto* credentialBox = new QVBoxLayout;
    credentialBox->addWidget(m_credentials);
    auto* credentialButtons = new QHBoxLayout;
    credentialButtons->addWidget(m_addCredentialButton);
    credentialButtons->addWidget(m_removeCredentialButton);
    credentialButtons->addStretch();
    credentialBox->addLayout(credentialButtons);
    auto* credentialsLabel = new QLabel(tr("Cre&dentials:"), formBox);
    credentialsLabel->setBuddy(m_credentials);
    form->addRow(credentialsLabel, credentialBox);

    m_uploadLimit = new QSpinBox(formBox);
    m_uploadLimit->setObjectName(QStringLiteral("uploadLimitSpinBox"));
    m_uploadLimit->setRange(0, 10 * 1024 * 1024);
    m_uploadLimit->setSingleStep(1024);
    m_uploadLimit->setSuffix(tr(" KiB/s"));
    m_uploadLimit->setSpecialValueText(tr("No limit"));
    form->addRow(tr("&Upload limit:"), m_uploadLimit);

    m_ownRetention = new QCheckBox(tr("Its &own retention (otherwise it keeps what the primary keeps)"), formBox);
    m_ownRetention->setObjectName(QStringLiteral("ownRetentionCheckBox"));
    form->addRow(m_ownRetention);
    m_retention = new QTableWidget(int(EnvironmentTypes::all().size()), 4, formBox);
    m_retention->setObjectName(QStringLiteral("copyRetentionTableWidget"));
    m_retention->setHorizontalHeaderLabels({tr("Type"), tr("Schedule"), tr("Manual"), tr("At most")});
    m_retention->horizontalHeader()->setSectionResizeMode(ScheduleColumn, QHeaderView::Stretch);
    HeaderFit::apply(m_retention->horizontalHeader());
    m_retention->verticalHeader()->hide();
    m_retention->setToolTip(tr("Schedule: interval:count pairs, e.g. \"1d:7, 1w:4\" keeps one backup a day for 7 days "
                               "and one a week for 4 weeks. At most: empty for no cap."));
    m_retention->setMinimumHeight(110);
    form->addRow(m_retention);

    m_checkButton = new QPushButton(tr("C&heck connection"), formBox);
    m_checkButton->setObjectName(QStringLiteral("checkConnectionButton"));
    m_saveButton = new QPushButton(tr("&Save copy"), formBox);
    m_saveButton->setObjectName(QStringLiteral("saveCopyButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_checkButton);
    actions->addStretch();
    actions->addWidget(m_saveButton);
    form->addRow(actions);
    m_status = new QLabel(formBox);
    m_status->setObjectName(QStringLiteral("copyStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);
    formBox->setLayout(form);
    layout->addWidget(formBox, 3);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_editingNew = row >= m_copies.size();
        showCopy(row);
        updateButtons();
    });
    connect(m_addButton, &QPushButton::clicked, this, &CopiesPage::addCopy);
    connect(m_removeButton, &QPushButton::clicked, this, &CopiesPage::removeCopy);
    connect(m_saveButton, &QPushButton::clicked, this, &CopiesPage::saveCopy);
    connect(m_checkButton, &QPushButton::clicked, this, &CopiesPage::checkConnection);
    connect(m_addCredentialButton, &QPushButton::clicked, this, [this] {
        addCredentialRow(QString(), false);
        m_credentials->setCurrentCell(m_credentials->rowCount() - 1, NameColumn);
        m_credentials->editItem(m_credentials->item(m_credentials->rowCount() - 1, NameColumn));
    });
    connect(m_removeCredentialButton, &QPushButton::clicked, this, [this] {
        if (m_credentials->currentRow() >= 0)
            m_credentials->removeRow(m_credentials->currentRow());
    });
    connect(m_ownRetention, &QCheckBox::toggled, m_retention, &QWidget::setEnabled);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &CopiesPage::updateButtons);
    connect(m_repositoryEdit, &QLineEdit::textChanged, this, &CopiesPage::updateButtons);

    populateList(m_copies.isEmpty() ? QString() : m_copies.constFirst().name);
}

int CopiesPage::currentRow() const
{
    return m_list->currentRow();
}

void CopiesPage::populateList(const QString& select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int selectRow = -1;
    for (const CopyTarget& copy : std::as_const(m_copies)) {
        auto* item = new QListWidgetItem(copy.name, m_list);
        item->setToolTip(copy.repository);
        if (copy.name == select)
            selectRow = m_list->count() - 1;
    }
    m_editingNew = false;
    if (selectRow < 0 && !m_copies.isEmpty())
        selectRow = 0;
    m_list->setCurrentRow(selectRow);
    if (selectRow >= 0)
        showCopy(selectRow);
    updateButtons();
    if (m_copies.isEmpty())
        addCopy(); // nothing to show: the form for a first copy
}

void CopiesPage::addCopy()
{
    if (!m_editingNew) {
        const QSignalBlocker blocker(m_list);
        new QListWidgetItem(tr("(new copy)"), m_list);
        m_list->setCurrentRow(m_list->count() - 1);
    }
    m_editingNew = true;
    showCopy(int(m_copies.size()));
    setStatus(tr("Give the copy a name and a restic location, check the connection, then save it."), false);
    m_nameEdit->setFocus();
    updateButtons();
}

void CopiesPage::showCopy(int row)
{
    const CopyTarget copy = row >= 0 && row < m_copies.size() ? m_copies.at(row) : CopyTarget {};
    m_nameEdit->setText(copy.name);
    // A saved copy keeps its name: its password and credentials are kept under it on the server.
    m_nameEdit->setReadOnly(row < m_copies.size());
    m_repositoryEdit->setText(copy.repository);
    m_whenCombo->setCurrentIndex(m_whenCombo->findData(int(copy.when)));
    m_credentials->setRowCount(0);
    for (const QString& name : copy.envNames)
        addCredentialRow(name, true);
    m_uploadLimit->setValue(copy.limitUploadKib.value_or(0));
    m_ownRetention->setChecked(copy.dataRetention.has_value());
    m_retention->setEnabled(copy.dataRetention.has_value());
    const QList<EnvironmentType> types = EnvironmentTypes::all();
    for (int i = 0; i < types.size(); ++i) {
        const RetentionPolicy policy = copy.policyFor(types.at(i));
        auto* type = new QTableWidgetItem(EnvironmentTypes::toString(types.at(i)));
        type->setFlags(Qt::ItemIsEnabled);
        type->setData(Qt::UserRole, int(types.at(i)));
        m_retention->setItem(i, TypeColumn, type);
        m_retention->setItem(i, ScheduleColumn, new QTableWidgetItem(scheduleText(policy)));
        m_retention->setItem(i, ManualColumn, new QTableWidgetItem(QString::number(policy.manualCount)));
        m_retention->setItem(
            i, MaxColumn, new QTableWidgetItem(policy.maxBackups ? QString::number(*policy.maxBackups) : QString()));
    }
    m_status->clear();
}

void CopiesPage::addCredentialRow(const QString& name, bool stored)
{
    const int row = m_credentials->rowCount();
    m_credentials->insertRow(row);
    auto* nameItem = new QTableWidgetItem(name);
    nameItem->setData(kStoredRole, stored);
    if (stored)
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
    m_credentials->setItem(row, NameColumn, nameItem);
    auto* valueItem = new QTableWidgetItem(masked(QString(), stored));
    valueItem->setData(kValueRole, QString());
    m_credentials->setItem(row, ValueColumn, valueItem);
}

void CopiesPage::updateButtons()
{
    const bool formFilled = !m_nameEdit->text().trimmed().isEmpty() && !m_repositoryEdit->text().trimmed().isEmpty();
    m_addButton->setEnabled(!m_busy && !m_editingNew);
    m_removeButton->setEnabled(!m_busy && !m_editingNew && m_list->currentRow() >= 0);
    m_saveButton->setEnabled(!m_busy && formFilled);
    m_checkButton->setEnabled(!m_busy && !m_repositoryEdit->text().trimmed().isEmpty());
}

void CopiesPage::setStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setProperty("failure", failure);
    Tones::setTextTone(m_status, failure ? std::optional(Tones::Tone::Danger) : std::nullopt);
}

std::optional<CopyTarget> CopiesPage::formTarget(QString& problem) const
{
    CopyTarget target;
    target.name = m_nameEdit->text().trimmed();
    target.repository = m_repositoryEdit->text().trimmed();
    target.when = CopyTarget::When(m_whenCombo->currentData().toInt());
    if (m_uploadLimit->value() > 0)
        target.limitUploadKib = m_uploadLimit->value();

    // Credentials: names alone keep the stored values; any new value replaces the whole set, so every name needs one.
    QMap<QString, QString> values;
    QStringList names;
    QStringList storedWithoutValue;
    bool changed = false;
    for (int row = 0; row < m_credentials->rowCount(); ++row) {
        const QString name = m_credentials->item(row, NameColumn)->text().trimmed();
        const bool stored = m_credentials->item(row, NameColumn)->data(kStoredRole).toBool();
        const QString value = m_credentials->item(row, ValueColumn)->data(kValueRole).toString();
        if (name.isEmpty()) {
            if (!value.isEmpty()) {
                problem = tr("Credentials: a value has no variable name.");
                return std::nullopt;
            }
            continue;
        }
        if (names.contains(name)) {
            problem = tr("Credentials: %1 is given twice.").arg(name);
            return std::nullopt;
        }
        names.append(name);
        if (!stored || !value.isEmpty())
            changed = true;
        if (!stored && value.isEmpty()) {
            problem = tr("Credentials: %1 has no value.").arg(name);
            return std::nullopt;
        }
        if (stored && value.isEmpty())
            storedWithoutValue.append(name);
        values.insert(name, value);
    }
    if (changed && !storedWithoutValue.isEmpty()) {
        problem = tr("Credentials: type the value of %1 again, or remove it. Stored values cannot be read back, and "
                     "new values replace the whole set.")
                      .arg(storedWithoutValue.join(QLatin1String(", ")));
        return std::nullopt;
    }
    names.sort();
    target.envNames = names;
    if (changed)
        target.envValues = values;

    if (m_ownRetention->isChecked()) {
        QMap<EnvironmentType, RetentionPolicy> policies;
        for (int row = 0; row < m_retention->rowCount(); ++row) {
            const auto type = EnvironmentType(m_retention->item(row, TypeColumn)->data(Qt::UserRole).toInt());
            const QString typeName = EnvironmentTypes::toString(type);
            RetentionPolicy policy;
            const QString schedules = m_retention->item(row, ScheduleColumn)->text();
            for (const QString& part : schedules.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QStringList pair = part.trimmed().split(QLatin1Char(':'));
                const auto interval = pair.size() == 2 ? Interval::parse(pair.at(0).trimmed()) : std::nullopt;
                bool countOk = false;
                const int count = pair.size() == 2 ? pair.at(1).trimmed().toInt(&countOk) : 0;
                if (!interval || !countOk) {
                    problem = tr("Retention of %1: \"%2\" is not interval:count (e.g. 1d:7).")
                                  .arg(typeName, part.trimmed());
                    return std::nullopt;
                }
                policy.schedules.append(Schedule {*interval, count});
            }
            bool manualOk = false;
            policy.manualCount = m_retention->item(row, ManualColumn)->text().trimmed().toInt(&manualOk);
            if (!manualOk) {
                problem = tr("Retention of %1: the manual count must be a number.").arg(typeName);
                return std::nullopt;
            }
            const QString max = m_retention->item(row, MaxColumn)->text().trimmed();
            if (!max.isEmpty()) {
                bool maxOk = false;
                policy.maxBackups = max.toInt(&maxOk);
                if (!maxOk) {
                    problem = tr("Retention of %1: \"at most\" must be a number or empty.").arg(typeName);
                    return std::nullopt;
                }
            }
            if (const Problems problems = policy.validate(typeName); !problems.isEmpty()) {
                problem
                    = tr("Retention of %1: %2")
                          .arg(typeName, problems.constFirst().path + QLatin1Char(' ') + problems.constFirst().message);
                return std::nullopt;
            }
            policies.insert(type, policy);
        }
        target.dataRetention = policies;
    }
    return target;
}

void CopiesPage::saveCopy()
{
    QString problem;
    const auto target = formTarget(problem);
    if (!target) {
        setStatus(problem, true);
        return;
    }
    QList<CopyTarget> copies = m_copies;
    const int row = m_list->currentRow();
    if (m_editingNew || row < 0 || row >= copies.size())
        copies.append(*target);
    else
        copies[row] = *target;
    send(copies, target->name,
        m_editingNew ? tr("Copy %1 added.").arg(target->name) : tr("Copy %1 saved.").arg(target->name));
}

void CopiesPage::removeCopy()
{
    const int row = m_list->currentRow();
    if (m_editingNew || row < 0 || row >= m_copies.size())
        return;
    const CopyTarget copy = m_copies.at(row);
    const auto answer = MessageBox::question(this, tr("Remove copy"),
        tr("Remove the copy %1? Its snapshots stay where they are, at %2: Tidemark only stops copying to it.")
            .arg(copy.name, copy.repository),
        tr("The server forgets the copy's password and credentials. To restore from these snapshots later, save the "
           "copy's password first (Repository tab, or tidemark-cli repository:key)."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Remove"));
    if (answer != QMessageBox::Yes)
        return;
    QList<CopyTarget> copies = m_copies;
    copies.removeAt(row);
    // The others keep their stored credentials: names without values.
    for (CopyTarget& other : copies)
        other.envValues.reset();
    send(copies, QString(), tr("Copy %1 removed; its snapshots are still at %2.").arg(copy.name, copy.repository));
}

void CopiesPage::send(const QList<CopyTarget>& copies, const QString& select, const QString& doneText)
{
    m_busy = true;
    updateButtons();
    emit busyChanged(true);
    setStatus(tr("Saving…"), false);
    ApiClient::onResult(
        m_client->updateCopies(m_project, copies), this, [this, select, doneText](const ApiResult<ProjectSettings>& r) {
            m_busy = false;
            emit busyChanged(false);
            if (!r.ok()) {
                updateButtons();
                setStatus(r.error.message(), true);
                return;
            }
            m_copies = r.value->backupCopies;
            populateList(select);
            setStatus(doneText, false);
            emit copiesChanged(m_copies);
        });
}

void CopiesPage::checkConnection()
{
    QString problem;
    const auto target = formTarget(problem);
    if (!target) {
        setStatus(problem, true);
        return;
    }
    const int row = m_list->currentRow();
    const bool saved = !m_editingNew && row >= 0 && row < m_copies.size();
    QString name;
    QString repository = target->repository;
    QMap<QString, QString> env = target->envValues.value_or(QMap<QString, QString>());
    if (saved) {
        // The saved copy's password and stored credentials, with what the form changes.
        name = m_copies.at(row).name;
        if (repository == m_copies.at(row).repository && !target->envValues)
            repository.clear();
    }
    m_busy = true;
    updateButtons();
    setStatus(tr("Checking %1…").arg(target->repository), false);
    ApiClient::onResult(m_client->checkCopy(m_project, name, repository, env), this,
        [this](const ApiResult<ApiClient::CopyCheckResult>& r) {
            m_busy = false;
            updateButtons();
            if (!r.ok()) {
                setStatus(r.error.message(), true);
                return;
            }
            setStatus(r.value->text, !r.value->ok);
        });
}
