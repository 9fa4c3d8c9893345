#include "keyedtablemodel.h"

#include <algorithm>

void KeyedTableModel::emitRowsChanged(
    const QList<int>& changedRows, int firstColumn, int lastColumn, const QList<int>& roles)
{
    for (qsizetype i = 0; i < changedRows.size();) {
        qsizetype end = i + 1;
        while (end < changedRows.size() && changedRows.at(end) == changedRows.at(end - 1) + 1)
            ++end;
        emit dataChanged(index(changedRows.at(i), firstColumn), index(changedRows.at(end - 1), lastColumn), roles);
        i = end;
    }
}

std::vector<bool> KeyedTableModel::longestIncreasingRun(const std::vector<qsizetype>& values)
{
    // Patience sorting: tails[k] is the index of the smallest value ending an increasing run of length k + 1.
    std::vector<size_t> tails;
    std::vector<qsizetype> previous(values.size(), -1);
    for (size_t i = 0; i < values.size(); ++i) {
        const auto it = std::lower_bound(
            tails.begin(), tails.end(), values[i], [&](size_t t, qsizetype v) { return values[t] < v; });
        if (it != tails.begin())
            previous[i] = qsizetype(*(it - 1));
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<bool> marked(values.size(), false);
    for (qsizetype i = tails.empty() ? -1 : qsizetype(tails.back()); i >= 0; i = previous[size_t(i)])
        marked[size_t(i)] = true;
    return marked;
}
