#pragma once

// What the console's offscreen tests share: "This computer" backed by a tidemarkd that the test started, and a way to
// act on a modal dialog once it is shown.
#include "localserver.h"

#include <functional>
#include <QApplication>
#include <QTimer>
#include <QUrl>

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
