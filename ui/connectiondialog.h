#pragma once

#include <QDialog>

class ConnectionProfiles;
class TokenStore;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Manages the connection profiles: "This computer" and any number of remote API endpoints (API URL, token URL,
// project). A profile's API token goes to the system keychain, never to the settings file.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(ConnectionProfiles* profiles, TokenStore* tokens, QWidget* parent = nullptr);

    bool switchedProfile() const { return m_switched; }

private:
    void load();
    void showProfile();
    void save();
    void addProfile();
    void removeProfile();
    void connectSelected();

    ConnectionProfiles* m_profiles;
    TokenStore* m_tokens;
    QListWidget* m_list = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_apiUrlEdit = nullptr;
    QLineEdit* m_tokenUrlEdit = nullptr;
    QLineEdit* m_projectEdit = nullptr;
    QLineEdit* m_tokenEdit = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    bool m_switched = false;
};
