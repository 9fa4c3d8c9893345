#include "httplimits.h"

#include <limits>
#include <QString>

namespace {

template<typename T>
void takeFromEnvironment(T& value, const char* name)
{
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariable(name).toLongLong(&ok);
    if (ok && fromEnvironment > 0 && fromEnvironment <= std::numeric_limits<T>::max())
        value = T(fromEnvironment);
}

} // namespace

HttpLimits HttpLimits::fromEnvironment()
{
    HttpLimits limits;
    takeFromEnvironment(limits.headerTimeoutMs, "TIDEMARK_HTTP_HEADER_TIMEOUT_MS");
    takeFromEnvironment(limits.bodyTimeoutMs, "TIDEMARK_HTTP_BODY_TIMEOUT_MS");
    takeFromEnvironment(limits.idleTimeoutMs, "TIDEMARK_HTTP_IDLE_TIMEOUT_MS");
    takeFromEnvironment(limits.maxConnectionsPerAddress, "TIDEMARK_HTTP_MAX_CONNECTIONS_PER_ADDRESS");
    takeFromEnvironment(limits.maxConnections, "TIDEMARK_HTTP_MAX_CONNECTIONS");
    return limits;
}
