// ApiError::message(): the one place user-facing error text is made.
#include "client/apierror.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void noneIsEmpty();
    void validationNamesServerMessageAndDetail();
    void detailAlreadyInMessageIsNotRepeated();
    void forbidden();
    void notFoundConflictAndServerErrors();
    void httpWithoutBody();
    void network();
    void timeout();
    void auth();
    void decode();
    void cancelled();
    void neverCrashes();
};

void TestApiError::noneIsEmpty()
{
    QVERIFY(ApiError().message().isEmpty());
    QVERIFY(!ApiError().isError());
}

void TestApiError::validationNamesServerMessageAndDetail()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = 400;
    e.url = QStringLiteral("http://127.0.0.1:8421/projects/demo/settings");
    e.serverMessage = QStringLiteral("default_config.schedule[0].interval: '5x' is not an interval (use a number "
                                     "and one of h, d, w, M, y)");
    e.detail = QJsonObject {
        {QStringLiteral("default_config.schedule[0].interval"), QStringLiteral("'5x' is not an interval")},
        {QStringLiteral("default_config.schedule[1].count"), QStringLiteral("must be at least 1")}};
    const QString text = e.message();
    QVERIFY2(text.startsWith(QStringLiteral("The server rejected the request: default_config.schedule[0].interval: "
                                            "'5x' is not an interval")),
        qPrintable(text));
    // The detail the message does not mention is added; the one it does is not repeated.
    QVERIFY2(text.contains(QStringLiteral("default_config.schedule[1].count: must be at least 1")), qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("'5x' is not an interval")), 1);
}

void TestApiError::detailAlreadyInMessageIsNotRepeated()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = 400;
    e.serverMessage = QStringLiteral("safe: must be true or false");
    e.detail = QJsonObject {{QStringLiteral("safe"), QStringLiteral("must be true or false")}};
    QCOMPARE(e.message(), QStringLiteral("The server rejected the request: safe: must be true or false"));
}

void TestApiError::forbidden()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = 403;
    e.serverMessage = QStringLiteral("A viewer token cannot create backups.");
    QCOMPARE(e.message(), QStringLiteral("You are not allowed to do this: A viewer token cannot create backups."));
}

void TestApiError::notFoundConflictAndServerErrors()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.serverMessage = QStringLiteral("Environment 'nope' does not exist.");
    e.httpStatus = 404;
    QCOMPARE(e.message(), QStringLiteral("Not found: Environment 'nope' does not exist."));
    e.httpStatus = 409;
    e.serverMessage = QStringLiteral("The backup is protected.");
    QCOMPARE(e.message(), QStringLiteral("This is not possible right now: The backup is protected."));
    e.httpStatus = 500;
    e.serverMessage = QStringLiteral("The settings could not be saved.");
    QCOMPARE(e.message(), QStringLiteral("The server failed (HTTP 500): The settings could not be saved."));
    e.httpStatus = 418;
    QVERIFY(e.message().contains(QStringLiteral("418")));
}

void TestApiError::httpWithoutBody()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = 502;
    e.title = QStringLiteral("Bad Gateway");
    QCOMPARE(e.message(), QStringLiteral("The server failed (HTTP 502): Bad Gateway"));
    e.title.clear();
    QCOMPARE(e.message(), QStringLiteral("The server failed (HTTP 502)."));
    e.httpStatus = 403;
    QCOMPARE(e.message(), QStringLiteral("You are not allowed to do this."));
}

void TestApiError::network()
{
    ApiError e;
    e.kind = ApiError::Kind::Network;
    e.url = QStringLiteral("http://127.0.0.1:8421/projects");
    e.networkError = QStringLiteral("Connection refused");
    QCOMPARE(e.message(), QStringLiteral("Cannot reach 127.0.0.1:8421: Connection refused"));
    e.url = QStringLiteral("https://api.upsun.com/projects");
    QCOMPARE(e.message(), QStringLiteral("Cannot reach api.upsun.com: Connection refused"));
    e.url = QStringLiteral("http://[::1]:9/x");
    QCOMPARE(e.message(), QStringLiteral("Cannot reach [::1]:9: Connection refused"));
    e.url.clear();
    QCOMPARE(e.message(), QStringLiteral("Cannot reach the server: Connection refused"));
}

void TestApiError::timeout()
{
    ApiError e;
    e.kind = ApiError::Kind::Timeout;
    e.url = QStringLiteral("http://127.0.0.1:8421/projects");
    e.timeoutMs = 30000;
    QCOMPARE(e.message(), QStringLiteral("127.0.0.1:8421 did not answer within 30 s."));
    e.timeoutMs = 500;
    QCOMPARE(e.message(), QStringLiteral("127.0.0.1:8421 did not answer within 0.5 s."));
    e.timeoutMs = 0;
    QCOMPARE(e.message(), QStringLiteral("127.0.0.1:8421 did not answer in time."));
}

void TestApiError::auth()
{
    ApiError e;
    e.kind = ApiError::Kind::Auth;
    e.httpStatus = 400;
    e.url = QStringLiteral("https://auth.upsun.com/oauth2/token");
    e.serverMessage = QStringLiteral("The API token is not valid.");
    const QString text = e.message();
    QVERIFY2(text.startsWith(QStringLiteral("The API token was not accepted by auth.upsun.com (The API token is not "
                                            "valid)")),
        qPrintable(text));
    e.serverMessage.clear();
    QVERIFY(e.message().startsWith(QStringLiteral("The API token was not accepted by auth.upsun.com.")));
}

void TestApiError::decode()
{
    ApiError e;
    e.kind = ApiError::Kind::Decode;
    e.problems = {{QStringLiteral("[3].created_at"), QStringLiteral("is missing")}};
    QCOMPARE(e.message(), QStringLiteral("The server's answer could not be read: [3].created_at: is missing"));
    for (int i = 0; i < 20; ++i)
        e.problems.append({JsonPath::index(QString(), i), QStringLiteral("is not an object")});
    QVERIFY(e.message().contains(QStringLiteral("(and 16 more)")));
    e.problems.clear();
    QCOMPARE(e.message(), QStringLiteral("The server's answer could not be read."));
}

void TestApiError::cancelled()
{
    ApiError e;
    e.kind = ApiError::Kind::Cancelled;
    QCOMPARE(e.message(), QStringLiteral("The request was cancelled."));
}

void TestApiError::neverCrashes()
{
    // Whatever a server or a caller puts in, message() gives a bounded sentence.
    QRandomGenerator random(42);
    const QString huge(100000, QLatin1Char('x'));
    const QList<QString> texts {QString(), QStringLiteral("%1 %2 %L3"), huge, QStringLiteral("\n\t\r"),
        QString(QChar(0xD800)), QStringLiteral("::::"), QStringLiteral("http://")};
    for (int round = 0; round < 500; ++round) {
        ApiError e;
        e.kind = ApiError::Kind(random.bounded(7));
        e.httpStatus = int(random.bounded(1200)) - 100;
        e.timeoutMs = int(random.bounded(2000000)) - 1000;
        e.serverMessage = texts.at(random.bounded(texts.size()));
        e.title = texts.at(random.bounded(texts.size()));
        e.networkError = texts.at(random.bounded(texts.size()));
        e.url = texts.at(random.bounded(texts.size()));
        if (random.bounded(2)) {
            for (int i = 0; i < int(random.bounded(30)); ++i)
                e.detail.insert(texts.at(random.bounded(texts.size())) + QString::number(i),
                    random.bounded(2) ? QJsonValue(texts.at(random.bounded(texts.size())))
                                      : QJsonValue(QJsonArray {1, QJsonObject {{QStringLiteral("a"), true}}}));
        }
        if (random.bounded(2))
            e.problems.append({texts.at(random.bounded(texts.size())), texts.at(random.bounded(texts.size()))});
        const QString text = e.message();
        QVERIFY(text.size() < 20000);
        QCOMPARE(text.isEmpty(), e.kind == ApiError::Kind::None);
    }
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
