#pragma once

#include "fuzzdice.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// What the request fuzzer puts into requests: pools of hostile values, and generated ones (long strings, deep
// nesting, wide arrays, random bytes and JSON, hostile queries). The generators that say what they made write a
// short description to *what (or *kind).
namespace FuzzValues {

// Raw JSON texts (some are not valid JSON on purpose) that replace a value of another type. None is the string
// "false": the fuzzer's PATCH of a protected backup must never unprotect it.
const QList<QByteArray>& hostileValues();
// Numbers at the edges of a double, a qint64 and an int, non-integral numbers, number texts that are not JSON.
const QList<QByteArray>& numberEdges();
const QList<QByteArray>& hostileKeys(); // with their quotes
const QList<QByteArray>& invalidUtf8();
const QList<QByteArray>& loneSurrogates(); // JSON strings with lone surrogates and broken escapes
const QList<QByteArray>& contentTypes(); // "" means no Content-Type header
const QList<QByteArray>& queryValues(); // as they go into the target (some encodings broken on purpose)
const QList<QByteArray>& pathSegments(); // as they go into the target

// Percent-encodes every byte that may not stand for itself in a query value.
QByteArray percentEncode(const QByteArray& raw);

// A JSON string of about `size` bytes (at least 2).
QByteArray longString(FuzzDice& dice, qsizetype size, QString* kind);
// `depth` levels of arrays, objects or both; unclosed when asked.
QByteArray nested(FuzzDice& dice, qsizetype depth, bool closed, QString* kind);
// A nesting depth from a few levels to 100 000 that fits in `budget` bytes.
qsizetype nestingDepth(FuzzDice& dice, qsizetype budget);
// An array of many zeros or an object of many keys, within `budget` bytes.
QByteArray wide(FuzzDice& dice, qsizetype budget, QString* kind);
QByteArray randomBytes(FuzzDice& dice, qsizetype size, bool printable);
// A small random JSON-like value, up to `depth` levels, with hostile scalars and numbers among the leaves.
QByteArray randomJson(FuzzDice& dice, int depth);
// A value of another type for a key: the hostile pool most often, generated shapes sometimes.
QByteArray replacement(FuzzDice& dice, qsizetype budget, QString* what);
// A hostile value for a form field (the token route).
QByteArray formValue(FuzzDice& dice, qsizetype budget, QString* what);
// `insert` at a random position of `text` (the position in *at).
QByteArray inject(FuzzDice& dice, const QByteArray& text, const QByteArray& insert, qsizetype* at);
// A query of one to four parameters, mostly of `keys`, with hostile values, forms and repetitions.
QByteArray hostileQuery(FuzzDice& dice, const QStringList& keys, QString* what);

} // namespace FuzzValues
