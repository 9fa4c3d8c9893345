#include "recoverykeybanner.h"

#include "client/apiclient.h"
#include "tones.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace {

const QString kPrimary = QStringLiteral("primary");

} // namespace

RecoveryKeyBanner::RecoveryKeyBanner(ApiClient* client, QWidget* parent)
    : QFrame(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("recoveryKeyBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    Tones::follow(this, [this] {
        const QPalette app = QApplication::palette(this);
        QPalette pal = palette();
        pal.setColor(QPalette::Window, Tones::noticeBackground(app));
        pal.setColor(QPalette::WindowText, Tones::noticeText(app));
        setPalette(pal);
    });
    // The text over the whole width and the buttons below it: beside them, on a small screen, the text wrapped into
    // a column that left the backup table a single row.
    auto* layout = new QVBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("recoveryKeyLabel"));
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    m_saveButton = new QPushButton(tr("Save as &file…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveKeyButton"));
    m_copyButton = new QPushButton(tr("Cop&y password"), this);
    m_copyButton->setObjectName(QStringLiteral("copyKeyButton"));
    m_acknowledgeButton = new QPushButton(tr("I have &stored it safely"), this);
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeKeyButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_acknowledgeButton);
    layout->addLayout(buttons);
    connect(m_saveButton, &QPushButton::clicked, this, &RecoveryKeyBanner::chooseFile);
    connect(m_copyButton, &QPushButton::clicked, this, &RecoveryKeyBanner::copyKey);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, &RecoveryKeyBanner::acknowledge);
    hide();
}

void RecoveryKeyBanner::setMessage(const QString& text)
{
    m_label->setText(text);
}

void RecoveryKeyBanner::setProject(const QString& project, bool supported)
{
    if (project != m_project)
        m_acknowledged = false;
    m_project = project;
    m_supported = supported;
    ++m_request;
    hide();
    refresh();
}

void RecoveryKeyBanner::refresh()
{
    if (m_project.isEmpty() || !m_supported || m_acknowledged) {
        hide();
        return;
    }
    const quint64 request = ++m_request;
    const QString project = m_project;
    ApiClient::onResult(m_client->repository(project), this, [this, request](const ApiResult<RepositoryReport>& r) {
        if (request != m_request || !r.ok())
            return; // a failed read leaves the banner as it was; the next refresh asks again
        // Only admins may read the password (the `key` link says so), and only once the repository exists.
        const RepositoryStatus* primary = nullptr;
        for (const RepositoryStatus& status : r.value->repositories) {
            if (status.name == kPrimary)
                primary = &status;
        }
        if (primary && primary->keyAcknowledgedAtMs)
            m_acknowledged = true;
        const bool due = r.value->links.has(QStringLiteral("key")) && primary && !primary->keyAcknowledgedAtMs
            && primary->snapshots > 0;
        if (due && isHidden()) {
            setMessage(tr("<b>Save the recovery key.</b> The password of this project's backup repository is kept on "
                          "this server only. Without it, no backup can be restored on another machine, not even from "
                          "a copy. Save it somewhere safe (a password manager, a printout in a drawer)."));
            show();
        }
        if (!due)
            hide();
        emit checked(due);
    });
}

void RecoveryKeyBanner::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Save the recovery key"),
        QDir::home().filePath(QStringLiteral("tidemark-%1-recovery-key.txt").arg(m_project)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, &RecoveryKeyBanner::saveKeyTo);
    dialog->open();
}

void RecoveryKeyBanner::saveKeyTo(const QString& path)
{
    const QString project = m_project;
    ApiClient::onResult(m_client->repositoryKey(project, kPrimary), this,
        [this, path, project](const ApiResult<ApiClient::RepositoryKey>& r) {
            if (!r.ok()) {
                setMessage(tr("The recovery key could not be read: %1").arg(r.error.message()));
                return;
            }
            QSaveFile file(path);
            // Owner-only from the first byte: this file opens every backup of the project.
            if (!file.open(QIODevice::WriteOnly)
                || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
                setMessage(tr("%1 could not be written: %2").arg(path, file.errorString()));
                return;
            }
            const QString text = tr("Tidemark recovery key\nProject: %1\nRepository: %2\nPassword: %3\nSaved: %4\n\n"
                                    "Restore on a new machine with:\n  tidemarkd --data-dir DIR import --repository "
                                    "LOCATION --password-file FILE\n")
                                     .arg(project, r.value->location, r.value->password,
                                         QDateTime::currentDateTime().toString(Qt::ISODate));
            file.write(text.toUtf8());
            if (!file.commit()) {
                setMessage(tr("%1 could not be written: %2").arg(path, file.errorString()));
                return;
            }
            setMessage(tr("The recovery key was saved to %1. Keep that file somewhere safe, away from this machine, "
                          "then confirm with \"I have stored it safely\".")
                           .arg(QDir::toNativeSeparators(path)));
        });
}

void RecoveryKeyBanner::copyKey()
{
    ApiClient::onResult(
        m_client->repositoryKey(m_project, kPrimary), this, [this](const ApiResult<ApiClient::RepositoryKey>& r) {
            if (!r.ok()) {
                setMessage(tr("The recovery key could not be read: %1").arg(r.error.message()));
                return;
            }
            QGuiApplication::clipboard()->setText(r.value->password);
            setMessage(tr("The password of %1 is on the clipboard. Paste it into a password manager, then confirm "
                          "with \"I have stored it safely\".")
                           .arg(r.value->location));
        });
}

void RecoveryKeyBanner::acknowledge()
{
    const QString project = m_project;
    m_acknowledgeButton->setEnabled(false);
    ApiClient::onResult(
        m_client->acknowledgeRepositoryKey(project, kPrimary), this, [this, project](const ApiResult<QJsonObject>& r) {
            m_acknowledgeButton->setEnabled(true);
            if (!r.ok()) {
                setMessage(tr("The confirmation could not be recorded: %1").arg(r.error.message()));
                return;
            }
            if (project != m_project)
                return;
            m_acknowledged = true;
            hide();
            emit acknowledged(project);
        });
}
