#pragma once

#include <array>
#include <functional>
#include <optional>
#include <QByteArray>
#include <QIODevice>
#include <QString>

// restic's content-defined chunking (github.com/restic/chunker v0.4.0, as restic 0.14 uses it), ported exactly so that
// contents tidemarkd stores into a repository itself are cut where restic would cut them and deduplicate with what
// restic stores. A Rabin fingerprint over a 64-byte window, modulo the repository's irreducible polynomial of degree
// 53 (its config's chunker_polynomial), cuts where its low 20 bits are zero (1 MiB on average), never before 512 KiB
// and always at 8 MiB. Like restic, every split starts a fresh fingerprint: call split() once per file.
//
// The tables depend only on the polynomial and are computed by the constructor; split() may be called from several
// threads at once on one chunker.
class ResticChunker
{
public:
    static constexpr qint64 kMinSize = 512 * 1024;
    static constexpr qint64 kMaxSize = 8 * 1024 * 1024;
    // `polynomial`: the repository config's chunker_polynomial (parse with parsePolynomial). A number that is not a
    // polynomial restic's chunker takes (degree 8 to 53) makes split() fail.
    explicit ResticChunker(quint64 polynomial);
    // The config's hex string ("3dea92648f6e83") as a number; nullopt when it is not one, or not a polynomial of
    // degree 8 to 53 (restic's chunker refuses the others).
    static std::optional<quint64> parsePolynomial(const QString& hex);
    // Splits everything `input` yields into restic's chunks, in order, calling `chunk` with each (the last may be
    // shorter than kMinSize; an empty input yields no chunk). Stops and returns false when `chunk` returns false or a
    // read fails (`error` says which). Reads in large blocks; memory stays bounded by kMaxSize plus a read buffer.
    // A sequential device is waited for (waitForReadyRead, up to 30 s at a time) until it has no more to give.
    bool split(QIODevice& input, const std::function<bool(const QByteArray& chunk)>& chunk, QString* error);

private:
    quint64 m_polynomial = 0;
    int m_shift = 0; // degree - 8: what is left of the fingerprint's top byte when it is shifted down
    bool m_valid = false;
    std::array<quint64, 256> m_out {}; // the fingerprint of a byte followed by 63 zero bytes: slides it out
    std::array<quint64, 256> m_mod {}; // reduces the 8 bits shifted above the degree in one XOR
    std::array<quint64, 256> m_slide {}; // out[] shifted and reduced: see the constructor
};
