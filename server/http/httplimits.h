#pragma once

#include <QtGlobal>

// What one HTTP client may cost tidemarkd before it has proved anything: bytes buffered, time taken, sockets held.
// Every limit applies before authentication, so an anonymous client cannot exhaust memory, sockets or patience.
struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024; // the request line and all header fields
    qint64 maxBodyBytes = 1024 * 1024; // by the declared Content-Length, or as a chunked body arrives
    // A request's headers must be complete this long after its first byte (for the first request of a
    // connection, after the connection opened, so that a silent socket is no cheaper than a slow one).
    int headerTimeoutMs = 10000;
    int bodyTimeoutMs = 30000; // from the end of the headers to the end of the body
    int idleTimeoutMs = 60000; // a keep-alive connection between requests
    int maxConnectionsPerAddress = 64;
    int maxConnections = 512;

    // The defaults, each overridden by its TIDEMARK_HTTP_* environment variable when that holds a positive number
    // (tests shorten the timeouts and lower the caps; an operator behind a reverse proxy may raise the per-address
    // cap, since every connection then comes from the proxy's address).
    static HttpLimits fromEnvironment();
};
