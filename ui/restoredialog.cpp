#include "restoredialog.h"

#include "displayformat.h"
#include "domain/backup.h"
#include "domain/backupfiles.h"
#include "domain/environment.h"
#include "messagebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

RestoreDialog::RestoreDialog(const Backup& backup, const QList<Environment>& environments, QWidget* parent)
    : QDialog(parent)
    , m_backupEnvironment(backup.environment)
    , m_backupId(backup.id)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore backup"));

    const QString when
        = QDateTime::fromMSecsSinceEpoch(backup.createdAtMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    auto* intro = new QLabel(tr("Restore the backup of <b>%1</b> taken on %2 (%3).")
                                 .arg(backup.environment.toHtmlEscaped(), when, backup.id.left(8)),
        this);
    intro->setWordWrap(true);

    m_targetComboBox = new QComboBox(this);
    m_targetComboBox->setObjectName(QStringLiteral("targetComboBox"));
    m_targetComboBox->setAccessibleName(tr("Target environment"));
    for (const Environment& e : environments) {
        const bool active = e.status == Environment::Status::Active;
        m_targetComboBox->addItem(active ? e.title : tr("%1 (inactive)").arg(e.title), e.id);
        if (!active) {
            // Only active environments can be restored into.
            const int row = m_targetComboBox->count() - 1;
            m_targetComboBox->setItemData(row, 0, Qt::UserRole - 1);
        }
        if (e.id == backup.environment)
            m_targetComboBox->setCurrentIndex(m_targetComboBox->count() - 1);
    }

    m_restoreCodeCheckBox = new QCheckBox(tr("Restore &code"), this);
    m_restoreCodeCheckBox->setObjectName(QStringLiteral("restoreCodeCheckBox"));
    m_restoreCodeCheckBox->setChecked(true);
    m_restoreCodeCheckBox->setToolTip(
        tr("Unchecked: restore the mounts and databases only, and keep the code as it is now."));

    // The parts of the backup's environment (code stays the "Restore code" checkbox).
    m_partsBox = new QGroupBox(tr("Parts to restore"), this);
    m_partsBox->setObjectName(QStringLiteral("partsGroupBox"));
    auto* partsLayout = new QVBoxLayout(m_partsBox);
    for (const Environment& e : environments) {
        if (e.id != backup.environment || !e.local)
            continue;
        const auto addPart = [this, partsLayout](const QString& part, const QString& label) {
            auto* box = new QCheckBox(label, m_partsBox);
            box->setObjectName(QStringLiteral("partCheckBox_") + part);
            box->setChecked(true);
            partsLayout->addWidget(box);
            m_partCheckBoxes.insert(part, box);
            connect(box, &QCheckBox::toggled, this, &RestoreDialog::updateTexts);
        };
        for (const auto& m : e.local->mounts)
            addPart(QStringLiteral("mounts/") + m.name, tr("Files of mount “%1”").arg(m.name));
        for (const auto& service : e.local->services) {
            const auto kind = service.kindValue();
            const QString server = kind == LocalDescriptor::Service::Kind::PostgreSql ? QStringLiteral("PostgreSQL")
                : kind == LocalDescriptor::Service::Kind::MariaDb                     ? QStringLiteral("MariaDB")
                                                                                      : QStringLiteral("SQLite");
            addPart(QStringLiteral("services/") + service.name,
                tr("%1 database of service “%2”", "server kind, service name").arg(server, service.name));
        }
    }
    m_partsBox->setVisible(false);

    m_safetyCheckBox = new QCheckBox(tr("Take a &safety backup first"), this);
    m_safetyCheckBox->setObjectName(QStringLiteral("safetyBackupCheckBox"));
    m_safetyCheckBox->setChecked(true);
    m_safetyCheckBox->setToolTip(tr("A consistent backup of the target is taken before anything is changed, so that "
                                    "the restore can be undone for 7 days."));
    m_safetyCheckBox->setVisible(false);
    connect(m_safetyCheckBox, &QCheckBox::toggled, this, &RestoreDialog::updateTexts);

    m_impactLabel = new QLabel(this);
    m_impactLabel->setObjectName(QStringLiteral("impactLabel"));
    m_impactLabel->setWordWrap(true);
    m_impactLabel->setTextFormat(Qt::RichText);
    m_impactLabel->setVisible(false);

    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("warningLabel"));
    m_warningLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startRestoreButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RestoreDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_targetComboBox, &QComboBox::currentIndexChanged, this, &RestoreDialog::updateTexts);
    connect(m_restoreCodeCheckBox, &QCheckBox::toggled, this, &RestoreDialog::updateTexts);

    auto* form = new QFormLayout;
    auto* targetLabel = new QLabel(tr("&Target environment:"), this);
    targetLabel->setBuddy(m_targetComboBox);
    form->addRow(targetLabel, m_targetComboBox);
    form->addRow(QString(), m_restoreCodeCheckBox);
    form->addRow(QString(), m_safetyCheckBox);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_partsBox);
    layout->addWidget(m_impactLabel);
    layout->addWidget(m_warningLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(500);
    updateTexts();
}

QString RestoreDialog::targetEnvironment() const
{
    return m_targetComboBox->currentData().toString();
}

bool RestoreDialog::restoreCode() const
{
    return m_restoreCodeCheckBox->isChecked();
}

void RestoreDialog::setFeatures(bool partialRestore, bool safetyBackup)
{
    m_partsBox->setVisible(partialRestore && !m_partCheckBoxes.isEmpty());
    m_safetyCheckBox->setVisible(safetyBackup);
    m_impactLabel->setVisible(true);
    if (m_impactHtml.isEmpty())
        m_impactHtml = tr("Comparing the backup with the environment now…");
    updateTexts();
}

QStringList RestoreDialog::parts() const
{
    if (m_partsBox->isHidden()) // hidden: the server restores only whole backups (visibility ends with the dialog)
        return {};
    QStringList checked;
    bool all = true;
    for (auto it = m_partCheckBoxes.cbegin(); it != m_partCheckBoxes.cend(); ++it) {
        if (it.value()->isChecked())
            checked.append(it.key());
        else
            all = false;
    }
    if (all)
        return {};
    if (restoreCode())
        checked.prepend(QStringLiteral("code"));
    checked.sort();
    return checked;
}

std::optional<bool> RestoreDialog::safetyBackup() const
{
    return m_safetyCheckBox->isHidden() ? std::nullopt : std::optional<bool>(m_safetyCheckBox->isChecked());
}

QString RestoreDialog::impactText(const BackupDiff& diff)
{
    QStringList lines;
    lines.append(tr("<b>What the restore changes</b> (the environment now compared with the backup):"));
    for (const BackupDiff::Part& part : diff.parts) {
        // From the backup to now: what is new now is removed by a restore, what is gone now comes back.
        if (part.added + part.changed + part.removed == 0) {
            lines.append(tr("%1: unchanged since the backup").arg(part.part.toHtmlEscaped()));
            continue;
        }
        lines.append(tr("%1: %2, %3, %4")
                         .arg(part.part.toHtmlEscaped(),
                             tr("%n file(s) removed since the backup come back", nullptr, part.removed),
                             tr("%n changed file(s) are put back as they were", nullptr, part.changed),
                             tr("%n file(s) added since are removed", nullptr, part.added)));
    }
    if (diff.backupCommit != diff.againstCommit)
        lines.append(tr("Code: commit %1 in the backup, %2 now")
                         .arg(diff.backupCommit.left(12).toHtmlEscaped(), diff.againstCommit.left(12).toHtmlEscaped()));
    for (const BackupDiff::Service& service : diff.services) {
        QStringList tables;
        for (const BackupDiff::Table& t : service.tables) {
            if (t.rowsBackup && t.rowsAgainst && *t.rowsBackup == *t.rowsAgainst)
                continue;
            tables.append(tr("%1: %2 rows now, %3 in the backup")
                              .arg(t.name.toHtmlEscaped(), t.rowsAgainst ? QString::number(*t.rowsAgainst) : tr("?"),
                                  t.rowsBackup ? QString::number(*t.rowsBackup) : tr("not recorded")));
        }
        if (!tables.isEmpty())
            lines.append(tr("Database %1 — %2").arg(service.name.toHtmlEscaped(), tables.join(QLatin1String("; "))));
    }
    return lines.join(QLatin1String("<br>"));
}

void RestoreDialog::setImpact(const BackupDiff& diff)
{
    m_impactHtml = impactText(diff);
    updateTexts();
    adjustSize(); // the preview arrives after the dialog took its size
}

void RestoreDialog::setImpactUnavailable(const QString& why)
{
    m_impactHtml = why.toHtmlEscaped();
    updateTexts();
    adjustSize();
}

void RestoreDialog::updateTexts()
{
    // The preview compares with the backup's own environment; another target is said to differ.
    QString impact = m_impactHtml;
    if (!impact.isEmpty() && targetEnvironment() != m_backupEnvironment)
        impact += QLatin1String("<br><i>")
            + tr("This compares the backup with %1 now, not with the target.").arg(m_backupEnvironment.toHtmlEscaped())
            + QLatin1String("</i>");
    m_impactLabel->setText(impact);
    const QString target = m_targetComboBox->currentText();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Restore into %1").arg(target));
    bool anything = restoreCode() || m_partsBox->isHidden();
    for (const QCheckBox* box : std::as_const(m_partCheckBoxes))
        anything = anything || box->isChecked();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(anything);
    if (restoreCode()) {
        m_warningLabel->setText(
            tr("The data <i>and</i> the code of %1 are replaced by the backup's. Your git repository "
               "is not changed: later deployments use its latest code.")
                .arg(target.toHtmlEscaped()));
    } else {
        m_warningLabel->setText(tr("Only the mounts and databases of %1 are replaced; its code stays as it is now. "
                                   "<b>The restored data may not match newer code.</b>")
                                    .arg(target.toHtmlEscaped()));
    }
}

void RestoreDialog::accept()
{
    const QString target = m_targetComboBox->currentText();
    const QString what = restoreCode() ? tr("its data and code") : tr("its data (not its code)");
    const auto answer = MessageBox::question(this, tr("Restore backup"),
        tr("Restore backup %1 into %2? This replaces %3 with the backup's.").arg(m_backupId.left(8), target, what),
        safetyBackup().value_or(false)
            ? tr("A safety backup of %1 is taken first: you can undo the restore afterwards (Undo restore).")
                  .arg(target)
            : tr("This cannot be undone; take a backup of %1 first if you may need its current state.").arg(target),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Restore into %1").arg(target));
    if (answer == QMessageBox::Yes)
        QDialog::accept();
}
