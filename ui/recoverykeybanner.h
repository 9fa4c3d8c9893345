#pragma once

#include <QFrame>

class ApiClient;
class QLabel;
class QPushButton;

// A reminder above the backups, not a dialog: the project's repository password is the one thing that a copy cannot
// be restored without on a new machine. It shows for admins until one says the password was saved (POST
// …/repository/key/acknowledge), offering to save it to a file or copy it; the password is fetched only for that.
class RecoveryKeyBanner : public QFrame
{
    Q_OBJECT

public:
    explicit RecoveryKeyBanner(ApiClient* client, QWidget* parent = nullptr);

    // `supported`: the server has the `repository` capability. An empty project hides the banner.
    void setProject(const QString& project, bool supported);
    // Asks the server whether the reminder is still due (after a backup created the repository, for example).
    void refresh();

    // Writes the password, with the repository's location, to `path` (owner-only). Reports on the banner.
    void saveKeyTo(const QString& path);
    void copyKey();
    void acknowledge();

    QString project() const { return m_project; }

signals:
    void acknowledged(const QString& project);
    // The server answered a refresh(): whether the reminder is due (and so shown).
    void checked(bool due);

private:
    void chooseFile();
    void setMessage(const QString& text);

    ApiClient* m_client;
    QString m_project;
    bool m_supported = false;
    bool m_acknowledged = false; // for m_project: no more questions
    quint64 m_request = 0;

    QLabel* m_label = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_copyButton = nullptr;
    QPushButton* m_acknowledgeButton = nullptr;
};
