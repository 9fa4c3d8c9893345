#include "backupdialog.h"

#include "domain/backup.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

BackupDialog::BackupDialog(const QString& environmentTitle, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Back up %1").arg(environmentTitle));

    auto* intro = new QLabel(
        tr("Back up the code, the mounts and the databases of <b>%1</b>.").arg(environmentTitle.toHtmlEscaped()), this);
    intro->setWordWrap(true);

    m_liveCheckBox = new QCheckBox(tr("&Live backup (no downtime)"), this);
    m_liveCheckBox->setObjectName(QStringLiteral("liveCheckBox"));
    m_liveCheckBox->setAccessibleName(tr("Live backup"));

    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("noteLabel"));
    m_noteLabel->setWordWrap(true);

    m_replaceLabel = new QLabel(this);
    m_replaceLabel->setObjectName(QStringLiteral("replaceLabel"));
    m_replaceLabel->setWordWrap(true);
    m_replaceLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Back up"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startBackupButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_liveCheckBox, &QCheckBox::toggled, this, &BackupDialog::updateNote);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(m_liveCheckBox);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_replaceLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    updateNote();
}

void BackupDialog::updateNote()
{
    if (m_liveCheckBox->isChecked()) {
        m_noteLabel->setText(
            tr("The environment keeps running during the backup. Files and databases that change "
               "while they are read may not match each other, which can make a restore less reliable."));
    } else {
        m_noteLabel->setText(
            tr("A consistent backup briefly pauses the environment so that its files and databases "
               "are captured in one consistent state. Requests during the pause are held, not dropped."));
    }
}

void BackupDialog::setReplacedBackup(const std::optional<Backup>& backup, int manualCount)
{
    if (!backup) {
        m_replaceLabel->hide();
        return;
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(backup->createdAtMs)
                             .toLocalTime()
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_replaceLabel->setText(
        tr("<b>Manual backups are limited to %1.</b> Once this backup has succeeded it replaces the "
           "oldest manual backup, from %2 (%3).")
            .arg(manualCount)
            .arg(when, backup->id.left(8)));
    m_replaceLabel->show();
}

void BackupDialog::setManualBackupsDisabled(bool disabled)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!disabled);
    if (disabled) {
        m_replaceLabel->setText(
            tr("<b>Manual backups are disabled</b> for this type of environment (the manual count of "
               "its retention policy is 0)."));
        m_replaceLabel->show();
    }
}

bool BackupDialog::isLive() const
{
    return m_liveCheckBox->isChecked();
}
