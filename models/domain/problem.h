#pragma once

#include <optional>
#include <QList>
#include <QString>
#include <QStringList>

// One thing wrong with an input, named by the path of the offending field
// (`default_config.schedule[1].interval`) and a sentence a person understands.
struct Problem
{
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QLatin1String(": ") + message; }
    bool operator==(const Problem&) const = default;
};

using Problems = QList<Problem>;

QStringList problemStrings(const Problems& problems);

// The outcome of decoding: either a value and no problems, or no value and at least one problem.
template<typename T>
struct Decoded
{
    std::optional<T> value;
    Problems problems;

    bool ok() const { return value.has_value(); }
    static Decoded success(T v) { return Decoded {std::move(v), {}}; }
    static Decoded failure(Problems p) { return Decoded {std::nullopt, std::move(p)}; }
};

namespace JsonPath {
// "a" + "b" -> "a.b"; "" + "b" -> "b".
QString key(const QString& base, const QString& key);
// "a" + 2 -> "a[2]".
QString index(const QString& base, qsizetype i);
} // namespace JsonPath
