#include "restoredialog.h"

#include "domain/backup.h"
#include "domain/environment.h"
#include "messagebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
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

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
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

void RestoreDialog::updateTexts()
{
    const QString target = m_targetComboBox->currentText();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Restore into %1").arg(target));
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
        tr("This cannot be undone; take a backup of %1 first if you may need its current state.").arg(target),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Restore into %1").arg(target));
    if (answer == QMessageBox::Yes)
        QDialog::accept();
}
