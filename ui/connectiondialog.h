#pragma once

#include "connectionprofiles.h"

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
    // Stores the form as a profile (and a typed token); false, with the reason shown, when it cannot.
    bool save();
    // The form differs from the stored profile, or is a new one.
    bool hasUnsavedChanges() const;
    ConnectionProfile formProfile() const;
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
