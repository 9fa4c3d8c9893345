#include "connectiondialog.h"

#include "connectionprofiles.h"
#include "messagebox.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ConnectionDialog::ConnectionDialog(ConnectionProfiles* profiles, TokenStore* tokens, QWidget* parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connections"));
    resize(720, 380);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Connections"));
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showProfile);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("profileNameEdit"));
    m_apiUrlEdit = new QLineEdit(this);
    m_apiUrlEdit->setObjectName(QStringLiteral("apiUrlEdit"));
    m_apiUrlEdit->setPlaceholderText(QStringLiteral("https://api.upsun.com"));
    m_tokenUrlEdit = new QLineEdit(this);
    m_tokenUrlEdit->setObjectName(QStringLiteral("tokenUrlEdit"));
    // As in the CLI: without one, the token URL is the API URL's /oauth2/token.
    m_tokenUrlEdit->setPlaceholderText(tr("empty: the API URL + /oauth2/token"));
    m_tokenUrlEdit->setToolTip(tr("Where API tokens are exchanged, for example https://auth.upsun.com/oauth2/token"));
    m_projectEdit = new QLineEdit(this);
    m_projectEdit->setObjectName(QStringLiteral("projectEdit"));
    m_projectEdit->setPlaceholderText(tr("empty: the first project"));
    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("apiTokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("leave empty to keep the stored token"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setObjectName(QStringLiteral("connectionMessageLabel"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&API URL:"), m_apiUrlEdit);
    form->addRow(tr("&Token URL:"), m_tokenUrlEdit);
    form->addRow(tr("&Project:"), m_projectEdit);
    form->addRow(tr("API to&ken:"), m_tokenEdit);
    form->addRow(m_messageLabel);

    auto* add = new QPushButton(tr("Ne&w"), this);
    add->setObjectName(QStringLiteral("newProfileButton"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveProfileButton"));
    auto* use = new QPushButton(tr("&Connect"), this);
    use->setObjectName(QStringLiteral("connectProfileButton"));
    use->setDefault(true);
    connect(add, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(use, &QPushButton::clicked, this, &ConnectionDialog::connectSelected);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* right = new QVBoxLayout;
    right->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(use);
    buttons->addStretch();
    right->addLayout(buttons);
    right->addStretch();

    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_removeButton);
    left->addLayout(listButtons);

    auto* top = new QHBoxLayout;
    top->addLayout(left, 2);
    top->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(close);

    connect(m_tokens, &TokenStore::failed, this,
        [this](const QUrl&, const QString& message) { m_messageLabel->setText(message); });
    connect(m_tokens, &TokenStore::tokenWritten, this, [this](const QUrl& url) {
        m_messageLabel->setText(tr("The token for %1 is in the system keychain.").arg(url.toString()));
    });
    load();
}

void ConnectionDialog::load()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : m_profiles->current().name;
    m_list->clear();
    for (const ConnectionProfile& p : m_profiles->profiles())
        m_list->addItem(p.name);
    const auto found = m_list->findItems(current, Qt::MatchExactly);
    m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
}

void ConnectionDialog::showProfile()
{
    const auto profile = m_list->currentItem() ? m_profiles->profile(m_list->currentItem()->text()) : std::nullopt;
    const bool editable = profile && !profile->builtIn;
    m_nameEdit->setText(profile ? profile->name : QString());
    m_apiUrlEdit->setText(profile ? profile->apiUrl.toString() : QString());
    m_tokenUrlEdit->setText(profile ? profile->tokenUrl.toString() : QString());
    m_projectEdit->setText(profile ? profile->project : QString());
    m_tokenEdit->clear();
    for (QLineEdit* edit : {m_nameEdit, m_apiUrlEdit, m_tokenUrlEdit, m_tokenEdit})
        edit->setEnabled(editable);
    m_removeButton->setEnabled(editable);
    m_messageLabel->setText(profile && profile->builtIn
            ? tr("The server on this computer, started by the console itself.")
            : (m_tokens->available() ? QString() : TokenStore::noKeychainSentence()));
}

ConnectionProfile ConnectionDialog::formProfile() const
{
    const auto existing = m_list->currentItem() ? m_profiles->profile(m_list->currentItem()->text()) : std::nullopt;
    if (existing && existing->builtIn) {
        ConnectionProfile profile = *existing;
        profile.project = m_projectEdit->text().trimmed();
        return profile;
    }
    ConnectionProfile profile;
    profile.name = m_nameEdit->text().trimmed();
    profile.apiUrl = QUrl(m_apiUrlEdit->text().trimmed());
    const QString tokenUrl = m_tokenUrlEdit->text().trimmed();
    profile.tokenUrl = tokenUrl.isEmpty() && profile.apiUrl.isValid() && !profile.apiUrl.isEmpty()
        ? QUrl(TokenStore::keyFor(profile.apiUrl) + QStringLiteral("/oauth2/token"))
        : QUrl(tokenUrl);
    profile.project = m_projectEdit->text().trimmed();
    return profile;
}

bool ConnectionDialog::hasUnsavedChanges() const
{
    const auto existing = m_list->currentItem() ? m_profiles->profile(m_list->currentItem()->text()) : std::nullopt;
    return !existing || formProfile() != *existing || !m_tokenEdit->text().trimmed().isEmpty();
}

bool ConnectionDialog::save()
{
    const auto existing = m_list->currentItem() ? m_profiles->profile(m_list->currentItem()->text()) : std::nullopt;
    const ConnectionProfile profile = formProfile();
    QString error;
    const bool ok = existing ? m_profiles->update(existing->name, profile, &error) : m_profiles->add(profile, &error);
    if (!ok) {
        m_messageLabel->setText(error);
        return false;
    }
    const QString token = m_tokenEdit->text().trimmed();
    QString message;
    if (!token.isEmpty() && !profile.builtIn) {
        // Used from now on, also when it replaces a mistyped one; the keychain keeps it beyond this session.
        m_tokens->setSessionToken(profile.apiUrl, token);
        if (m_tokens->available())
            m_tokens->write(profile.apiUrl, token);
        else
            message = tr("No system keychain is available: the token is kept until Tidemark closes, not stored.");
    }
    m_tokenEdit->clear();
    load();
    const auto found = m_list->findItems(profile.name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    if (!message.isEmpty())
        m_messageLabel->setText(message);
    return true;
}

void ConnectionDialog::addProfile()
{
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    for (QLineEdit* edit : {m_nameEdit, m_apiUrlEdit, m_tokenUrlEdit, m_projectEdit, m_tokenEdit}) {
        edit->clear();
        edit->setEnabled(true);
    }
    m_nameEdit->setText(tr("New connection"));
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
    m_removeButton->setEnabled(false);
}

void ConnectionDialog::removeProfile()
{
    if (!m_list->currentItem())
        return;
    const auto profile = m_profiles->profile(m_list->currentItem()->text());
    if (!profile || profile->builtIn)
        return;
    const auto answer = MessageBox::question(this, tr("Remove connection"),
        tr("Remove the connection %1 and its stored API token?").arg(profile->name), QString(),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Remove"));
    if (answer != QMessageBox::Yes)
        return;
    m_tokens->remove(profile->apiUrl);
    m_profiles->remove(profile->name);
    load();
}

void ConnectionDialog::connectSelected()
{
    // Connect means "with what the form says": a new or edited connection is saved first.
    if (hasUnsavedChanges() && !save())
        return;
    if (!m_list->currentItem())
        return;
    if (m_profiles->setCurrent(m_list->currentItem()->text())) {
        m_switched = true;
        accept();
    }
}
