#pragma once

#include <cmath>
#include <QList>
#include <QRandomGenerator>

// The dice of one fuzz case: a view on its own QRandomGenerator with the draws the generators need.
class FuzzDice
{
public:
    explicit FuzzDice(QRandomGenerator& rng)
        : m_rng(rng)
    { }
    int below(int n) { return n <= 1 ? 0 : int(m_rng.bounded(quint32(n))); }
    qsizetype between(qsizetype low, qsizetype high) // inclusive
    {
        return high <= low ? low : low + qsizetype(m_rng.bounded(quint64(high - low + 1)));
    }
    bool percent(int p) { return below(100) < p; }
    // Sizes spread over every order of magnitude up to `high`, so that short and long values are both common.
    qsizetype logSize(qsizetype high)
    {
        if (high <= 1)
            return std::max<qsizetype>(high, 0);
        const int bits = below(int(std::log2(double(high))) + 1);
        return std::min<qsizetype>(high, between(qsizetype(1) << bits >> 1, (qsizetype(1) << bits)));
    }
    template<typename T>
    T pick(const QList<T>& list)
    {
        return list.at(below(int(list.size())));
    }
    quint32 next() { return m_rng.generate(); }

private:
    QRandomGenerator& m_rng;
};
