#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <vector>

// A flat table whose rows are identified by a string key (an id). Refreshing it from a new list of values
// removes, moves, inserts and changes exactly the rows that differ, so persistent indexes, and with them a
// view's selection and current row, survive a refresh (KeePassXC's EntryModel does the same by hand).
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Turns `rows` into `next`. Both are in display order with unique keys; `key(value)` gives a row's key and
    // `same(a, b)` tells whether a row kept its values (otherwise it gets dataChanged over all columns).
    template<typename T, typename Key, typename Same>
    void syncRows(QList<T>& rows, const QList<T>& next, Key key, Same same);

    // `values` without repeated keys, the first of each kept. The API never repeats an id, but rows are keyed by
    // id, so a broken answer must not make two rows out of one.
    template<typename T, typename Key>
    static QList<T> uniqueByKey(const QList<T>& values, Key key);

    // Marks a longest strictly increasing subsequence of `values`.
    static std::vector<bool> longestIncreasingRun(const std::vector<qsizetype>& values);

    // One dataChanged per run of consecutive rows (`changedRows` ascending) over the given columns.
    void emitRowsChanged(const QList<int>& changedRows, int firstColumn, int lastColumn, const QList<int>& roles = {});
};

template<typename T, typename Key, typename Same>
void KeyedTableModel::syncRows(QList<T>& rows, const QList<T>& next, Key key, Same same)
{
    // Fast path, the common case of a new plan for the same backups: the same keys in the same order, so only
    // values change. No hashing of thousands of keys on the GUI thread.
    if (rows.size() == next.size()) {
        bool sameKeys = true;
        for (qsizetype r = 0; r < rows.size() && sameKeys; ++r)
            sameKeys = key(rows.at(r)) == key(next.at(r));
        if (sameKeys) {
            QList<int> changed;
            for (qsizetype r = 0; r < next.size(); ++r) {
                if (!same(rows.at(r), next.at(r))) {
                    rows[r] = next.at(r);
                    changed.append(int(r));
                }
            }
            emitRowsChanged(changed, 0, columnCount() - 1);
            return;
        }
    }

    QHash<QString, qsizetype> target; // key -> row in `next`
    target.reserve(next.size());
    for (qsizetype i = 0; i < next.size(); ++i)
        target.insert(key(next.at(i)), i);

    // Removals first, bottom-up, one notification per run of rows.
    for (qsizetype last = rows.size() - 1; last >= 0;) {
        if (target.contains(key(rows.at(last)))) {
            --last;
            continue;
        }
        qsizetype first = last;
        while (first > 0 && !target.contains(key(rows.at(first - 1))))
            --first;
        beginRemoveRows({}, int(first), int(last));
        rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // The rows that stay put are a longest run already in the order of `next`; only the others move, so a change
    // of order moves as few rows as possible (one row, when one row's sort key changed).
    std::vector<qsizetype> order(size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        order[size_t(r)] = target.value(key(rows.at(r)));
    const std::vector<bool> stays = longestIncreasingRun(order);
    QSet<QString> present, moving;
    present.reserve(rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        present.insert(key(rows.at(r)));
        if (!stays[size_t(r)])
            moving.insert(key(rows.at(r)));
    }

    const auto rowOf = [&](const QString& k) {
        qsizetype r = 0;
        while (key(rows.at(r)) != k)
            ++r;
        return r;
    };
    // Each new or moving row goes right after the row that precedes it in `next`. Rows that stay keep their
    // relative order, and every row is placed after its predecessor, so the result is `next`'s order.
    for (qsizetype i = 0; i < next.size(); ++i) {
        const QString k = key(next.at(i));
        const bool isNew = !present.contains(k);
        if (!isNew && !moving.contains(k))
            continue;
        const qsizetype to = i == 0 ? 0 : rowOf(key(next.at(i - 1))) + 1;
        if (isNew) {
            qsizetype end = i + 1;
            while (end < next.size() && !present.contains(key(next.at(end))))
                ++end;
            beginInsertRows({}, int(to), int(to + end - i - 1));
            for (qsizetype j = i; j < end; ++j)
                rows.insert(to + j - i, next.at(j));
            endInsertRows();
            i = end - 1;
            continue;
        }
        const qsizetype from = rowOf(k);
        if (from == to)
            continue;
        beginMoveRows({}, int(from), int(from), {}, int(to));
        rows.move(from, from < to ? to - 1 : to);
        endMoveRows();
    }

    QList<int> changed;
    for (qsizetype r = 0; r < next.size(); ++r) {
        Q_ASSERT(key(rows.at(r)) == key(next.at(r)));
        if (!same(rows.at(r), next.at(r))) {
            rows[r] = next.at(r);
            changed.append(int(r));
        }
    }
    emitRowsChanged(changed, 0, columnCount() - 1);
}

template<typename T, typename Key>
QList<T> KeyedTableModel::uniqueByKey(const QList<T>& values, Key key)
{
    QList<T> unique;
    unique.reserve(values.size());
    QSet<QString> seen;
    seen.reserve(values.size());
    for (const T& value : values) {
        const QString k = key(value);
        if (!seen.contains(k)) {
            seen.insert(k);
            unique.append(value);
        }
    }
    return unique;
}
