#pragma once

#include "domain/problem.h"

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Why a request failed, with the one human sentence the console and the CLI show for it.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,
        Network, // no connection, refused, reset, DNS
        Timeout, // no complete answer within the job's timeout
        Http, // the server answered with an error status (httpStatus, serverMessage, detail)
        Decode, // the answer was not the JSON the contract promises (problems say where)
        Auth, // the API token was refused (token exchange failed, or 401 after one re-exchange)
        Cancelled, // aborted by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString serverMessage; // the error body's "message" (or OAuth "error_description")
    QString title; // the error body's "title" (or the HTTP reason phrase), when there is no message
    QJsonObject detail; // the error body's "detail": field path → sentence
    QString networkError; // QNetworkReply::errorString() for Network
    Problems problems; // for Decode
    QString url; // what was asked, for the sentence
    int timeoutMs = 0; // for Timeout: the limit that was exceeded

    bool isError() const { return kind != Kind::None; }
    // The only place user-facing error text is made: translated, with the server's message and details.
    QString message() const;

    static ApiError none() { return {}; }
};

// A result or an error; delivered through QFuture continuations, never by waiting.
template<typename T>
struct ApiResult
{
    std::optional<T> value;
    ApiError error;

    bool ok() const { return value.has_value() && !error.isError(); }
    static ApiResult success(T v) { return ApiResult {std::move(v), {}}; }
    static ApiResult failure(ApiError e) { return ApiResult {std::nullopt, std::move(e)}; }
};
