#pragma once

#include "httplimits.h"
#include "httpreply.h"

#include <functional>
#include <memory>
#include <QByteArray>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpSocket;
struct HttpRequest;

// One client connection of tidemarkd's HTTP server: parses requests from the socket's bytes (Boost.Beast, fed
// sans-I/O) under the limits, hands each complete request to the handler, writes the answer, and keeps the
// connection for the next request or closes it. Deletes itself when the socket is gone.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpReply(const HttpRequest&)>;

    // Takes `socket` over (a QSslSocket has already begun its server handshake).
    HttpConnection(QTcpSocket* socket, const HttpLimits& limits, const Handler& handler, QObject* parent = nullptr);
    ~HttpConnection() override;

    QHostAddress peerAddress() const { return m_peer; }

private:
    enum class State {
        Waiting, // for the first byte of a request
        Header, // a request's headers are arriving
        Body, // its body is arriving
        Deferred, // the answer waits for work the handler started (HttpReply::later)
        Streaming, // a streamed answer writes to the socket until it closes it
        Lingering, // an error answer went out; what the client still sends is dropped for a while, then we close
        Closing, // the socket is closing once what it holds has been written
    };
    struct Parser; // Boost.Beast's request parser: its headers stay in the .cpp

    void readSocket();
    void parseBuffered();
    void handleRequest();
    void sendReply(const HttpReply& reply, bool keepAlive, bool head);
    // Answers with the error shape, then lingers and closes.
    void fail(int status, const QString& message);
    void close();
    void onTimeout();
    void onBytesWritten();
    void onStateChanged();

    QTcpSocket* m_socket = nullptr;
    HttpLimits m_limits;
    Handler m_handler;
    QHostAddress m_peer;
    std::unique_ptr<Parser> m_parser; // the request being read; none while Waiting
    QByteArray m_buffer; // received bytes the parser has not consumed yet
    State m_state = State::Waiting;
    bool m_firstRequest = true;
    bool m_paused = false; // answers the client is not reading pile up: read no further request meanwhile
    QTimer m_timer; // the deadline of the current state
    QDeadlineTimer m_lingerDeadline;
};
