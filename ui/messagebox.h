#pragma once

#include <optional>
#include <QMessageBox>
#include <QString>

// Every question the console asks goes through here, so tests can answer it (a seam, as in KeePassXC).
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
        const QString& details = {}, QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
        QMessageBox::StandardButton defaultButton = QMessageBox::No, const QString& yesText = {},
        const QString& noText = {}); // noText: the No or Cancel button's
    // Three answers: Yes, No and Cancel with these texts; Cancel (also Escape) is the default.
    static QMessageBox::StandardButton choose(QWidget* parent, const QString& title, const QString& text,
        const QString& details, const QString& yesText, const QString& noText, const QString& cancelText);
    static void warning(QWidget* parent, const QString& title, const QString& text, const QString& details = {});

    // Tests: answer every following question with `button` instead of showing a box; the last question's text
    // is kept for checks.
    static void setNextAnswer(std::optional<QMessageBox::StandardButton> button);
    static QString lastText();
    static QString lastDetails();

private:
    static std::optional<QMessageBox::StandardButton> s_answer;
    static QString s_lastText;
    static QString s_lastDetails;
};
