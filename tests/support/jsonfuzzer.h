#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A seeded generator of malformed and hostile requests: each case starts from a route's valid request and breaks
// it (wrong types, null, huge and non-integral numbers, deep nesting, long strings, unknown and duplicate keys,
// invalid UTF-8, lone surrogates, NUL bytes, truncation, trailing garbage, top-level scalars, wrong Content-Type,
// random bytes, hostile query values and path segments). Case n of seed s is the same on every run and does not
// depend on the cases before it (it has its own generator, seeded by s and n), so a failure is replayed from its
// seed and case number alone.
class JsonFuzzer
{
public:
    // Bodies stay within the server's limit (api-contract.md: 413 above 1 MiB) except in the boundary cases.
    static constexpr qsizetype kMaxBody = 1024 * 1024;

    enum class Token { Admin, Viewer, None };
    enum class Body {
        Json, // a JSON object
        Form, // application/x-www-form-urlencoded (the token route)
        None, // a GET route: its query and path are what is fuzzed
    };

    struct Route
    {
        QByteArray method;
        QString pattern; // "/projects/{p}/environments/{e}": names the route in reports, marks the parameters
        QStringList paths; // concrete, percent-encoded paths that match `pattern`
        QList<Token> tokens; // the tokens this route may be called with
        Body body = Body::Json;
        QByteArray validBody; // a body the route accepts; "@CASE@" is replaced by the case number
        QByteArray query; // sent with every case unless the query is fuzzed (without '?')
        QStringList queryKeys; // the parameters the route reads; hostile values are tried for them
        int weight = 1;
    };

    struct Case
    {
        quint32 seed = 0;
        quint64 number = 0;
        int route = -1; // index in routes()
        QByteArray method;
        QByteArray target; // path and query, as sent
        QByteArray contentType; // empty: no Content-Type header
        Token token = Token::None;
        QByteArray authorization; // when not empty, sent instead of the token's Authorization header
        QByteArray body;
        QString mutation; // what was done to the valid request
    };

    explicit JsonFuzzer(quint32 seed);

    void addRoute(const Route& route);
    const QList<Route>& routes() const { return m_routes; }
    quint32 seed() const { return m_seed; }

    Case generate(quint64 number) const;

    // The valid body of `route` cut at every position (the empty body and every proper prefix): the cases that
    // a random choice of positions would only sample.
    QList<Case> truncations(int route, Token token) const;

    // One line that says what to replay: seed, case, route, method, target, token, Content-Type, mutation, the
    // body's size and a printable excerpt of it.
    QString describe(const Case& c, int excerptBytes = 160) const;
    static QString printable(const QByteArray& bytes, int maxBytes);

private:
    QList<Route> m_routes;
    int m_totalWeight = 0;
    quint32 m_seed = 0;
};
