#include "messagebox.h"

#include <QPushButton>

std::optional<QMessageBox::StandardButton> MessageBox::s_answer;
QString MessageBox::s_lastText;
QString MessageBox::s_lastDetails;

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
    const QString& details, QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
    const QString& yesText, const QString& noText)
{
    s_lastText = text;
    s_lastDetails = details;
    if (s_answer)
        return *s_answer;
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    if (!details.isEmpty())
        box.setInformativeText(details);
    if (!yesText.isEmpty() && box.button(QMessageBox::Yes))
        box.button(QMessageBox::Yes)->setText(yesText);
    if (!noText.isEmpty()) {
        if (QAbstractButton* no
            = box.button(QMessageBox::No) ? box.button(QMessageBox::No) : box.button(QMessageBox::Cancel))
            no->setText(noText);
    }
    return QMessageBox::StandardButton(box.exec());
}

QMessageBox::StandardButton MessageBox::choose(QWidget* parent, const QString& title, const QString& text,
    const QString& details, const QString& yesText, const QString& noText, const QString& cancelText)
{
    s_lastText = text;
    s_lastDetails = details;
    if (s_answer)
        return *s_answer;
    QMessageBox box(
        QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    if (!details.isEmpty())
        box.setInformativeText(details);
    box.button(QMessageBox::Yes)->setText(yesText);
    box.button(QMessageBox::No)->setText(noText);
    box.button(QMessageBox::Cancel)->setText(cancelText);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    s_lastText = text;
    s_lastDetails = details;
    if (s_answer)
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    if (!details.isEmpty())
        box.setInformativeText(details);
    box.exec();
}

void MessageBox::setNextAnswer(std::optional<QMessageBox::StandardButton> button)
{
    s_answer = button;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QString MessageBox::lastDetails()
{
    return s_lastDetails;
}
