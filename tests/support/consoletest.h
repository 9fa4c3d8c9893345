#pragma once

// What the console's offscreen tests share: "This computer" backed by a tidemarkd that the test started, and a way to
// act on a modal dialog once it is shown.
#include "localserver.h"

#include <functional>
#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QTimer>
#include <QUrl>

// The dark palette the tests and the screenshots apply (with Fusion), as a dark desktop theme gives it.
inline QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2d, 0x2f, 0x33), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Mid, QColor(0x44, 0x47, 0x4c));
    p.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x58));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x84, 0x8a));
    return p;
}

// "This computer" for a test: the real tidemarkd that ServerProcess started.
class TestLocalServer : public LocalServer
{
public:
    TestLocalServer(const QString& url, const QString& token)
        : m_url(url)
        , m_token(token)
    { }
    void start() override
    {
        m_running = true;
        QTimer::singleShot(0, this, [this] { emit started(QUrl(m_url), m_token); });
    }
    bool isRunning() const override { return m_running; }
    QString dataDirectory() const override { return {}; }

private:
    QString m_url;
    QString m_token;
    bool m_running = false;
};

// Runs `work` on the next modal dialog of type T once it is shown (checked every 20 ms).
template<typename T>
void whenDialogOpens(std::function<void(T*)> work)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, work] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            work(dialog);
        }
    });
    timer->start();
}
