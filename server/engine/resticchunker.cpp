#include "resticchunker.h"

#include <algorithm>
#include <bit>
#include <QElapsedTimer>

namespace {

// github.com/restic/chunker v0.4.0 (restic 0.14's go.mod): chunker.go and polynomials.go.
constexpr int kWindowSize = 64;
constexpr quint64 kSplitMask = (quint64(1) << 20) - 1; // restic's default: about 1 MiB on average
constexpr qint64 kReadSize = 512 * 1024; // restic's chunkerBufSize
constexpr int kSequentialWaitMs = 30000;

// Pol.Deg(): -1 for zero.
int degree(quint64 x)
{
    return int(std::bit_width(x)) - 1;
}

// Pol.Mod(): the remainder of the carry-less division x / d over GF(2).
quint64 modulo(quint64 x, quint64 d)
{
    const int d0 = degree(d);
    for (int diff = degree(x) - d0; x != 0 && diff >= 0; diff = degree(x) - d0)
        x ^= d << diff;
    return x;
}

// appendByte(): the fingerprint `hash` followed by byte `b`.
quint64 appendByte(quint64 hash, quint8 b, quint64 polynomial)
{
    return modulo((hash << 8) | b, polynomial);
}

// Appends to a chunk whose allocation grows geometrically but never beyond kMaxSize (Qt's own growth would round an
// 8 MiB chunk up to 16 MiB).
void appendBounded(QByteArray& data, const char* bytes, qint64 n)
{
    const qint64 need = data.size() + n;
    if (need > data.capacity())
        data.reserve(std::min(ResticChunker::kMaxSize, std::max(need, 2 * data.capacity())));
    data.append(bytes, n);
}

// One chunk's fingerprint state (chunkerState): the window of the last 64 bytes, the fingerprint, the chunk's length
// so far and how many more bytes it takes before the fingerprint starts.
struct State
{
    std::array<quint8, kWindowSize> window;
    unsigned wpos;
    quint64 digest;
    qint64 count;
    qint64 pre;
};

} // namespace

ResticChunker::ResticChunker(quint64 polynomial)
    : m_polynomial(polynomial)
{
    // Chunker.Next refuses a polynomial of degree above 53 (the fingerprint and the 8 bits shifted above it must fit
    // 64 bits) and fillTables() computes nothing for zero; below degree 8 its shift would underflow.
    const int k = degree(polynomial);
    m_valid = k >= 8 && k <= 53;
    if (!m_valid)
        return;
    m_shift = k - 8;
    // out[b] = Hash(b || 63 zero bytes): XORed into the fingerprint, it cancels byte b leaving the window.
    for (int b = 0; b < 256; ++b) {
        quint64 h = appendByte(0, quint8(b), polynomial);
        for (int i = 0; i < kWindowSize - 1; ++i)
            h = appendByte(h, 0, polynomial);
        m_out[b] = h;
    }
    // mod[b] = (b·x^k mod pol) | b·x^k: the 8 bits shifted above the degree select it, and one XOR both clears them
    // and adds their remainder.
    for (int b = 0; b < 256; ++b)
        m_mod[b] = modulo(quint64(b) << k, polynomial) | (quint64(b) << k);
    // Go slides byte o out and b in as d' = d ^ out[o], then ((d' << 8) | b) ^ mod[d' >> shift]. mod is linear
    // (mod[x ^ y] = mod[x] ^ mod[y]), so that is ((d << 8) ^ mod[d >> shift]) ^ slide[o] ^ b with the table below:
    // the same fingerprint, with the outgoing byte's lookup off the chain of dependent steps from byte to byte.
    for (int o = 0; o < 256; ++o)
        m_slide[o] = (m_out[o] << 8) ^ m_mod[m_out[o] >> m_shift];
}

std::optional<quint64> ResticChunker::parsePolynomial(const QString& hex)
{
    // strconv.ParseUint(s, 16, 64), as Pol.UnmarshalJSON reads it: hex digits only (no sign, prefix or space).
    if (hex.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : hex) {
        const char16_t u = c.unicode();
        int digit = -1;
        if (u >= u'0' && u <= u'9')
            digit = u - u'0';
        else if (u >= u'a' && u <= u'f')
            digit = u - u'a' + 10;
        else if (u >= u'A' && u <= u'F')
            digit = u - u'A' + 10;
        if (digit < 0 || (value >> 60) != 0)
            return std::nullopt;
        value = (value << 4) | quint64(digit);
    }
    const int k = degree(value);
    if (k < 8 || k > 53)
        return std::nullopt;
    return value;
}

bool ResticChunker::split(QIODevice& input, const std::function<bool(const QByteArray& chunk)>& chunk, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_valid)
        return fail(QStringLiteral("chunker polynomial %1 is not of degree 8 to 53").arg(m_polynomial, 0, 16));
    if (!input.isReadable())
        return fail(QStringLiteral("the input is not open for reading"));

    const quint64* const outTable = m_out.data();
    const quint64* const modTable = m_mod.data();
    const quint64* const slideTable = m_slide.data();
    const unsigned shift = unsigned(m_shift);

    // Chunker.reset(): a zero window into which the byte 1 has been slid, and MinSize - 64 bytes taken unseen before
    // the fingerprint starts (so it sees the chunk's last 64 bytes before MinSize first, and the 1 leaves the window
    // exactly at MinSize).
    State s;
    const auto reset = [&s, outTable, modTable, shift] {
        s.window.fill(0);
        const quint8 out = s.window[0];
        s.window[0] = 1;
        s.wpos = 1;
        const quint64 digest = outTable[out];
        s.digest = ((digest << 8) | 1) ^ modTable[digest >> shift];
        s.count = 0;
        s.pre = kMinSize - kWindowSize;
    };
    reset();

    QByteArray buffer(kReadSize, Qt::Uninitialized);
    QByteArray data;
    qint64 chunks = 0;
    const auto emitChunk = [&] {
        ++chunks;
        if (!chunk(data))
            return false;
        // Reuse the allocation unless the receiver kept the chunk (then it keeps that buffer to itself).
        if (data.isDetached())
            data.resize(0);
        else
            data = QByteArray();
        return true;
    };

    for (;;) {
        const qint64 n = input.read(buffer.data(), kReadSize);
        if (n < 0)
            return fail(QStringLiteral("reading failed: %1").arg(input.errorString()));
        if (n == 0) {
            // A sequential device (a socket, a process) may have more to come: it is at its end when waiting says
            // so before the time is up (closed, finished), and failed when nothing came for all that time.
            if (!input.isSequential())
                break;
            QElapsedTimer waited;
            waited.start();
            if (input.waitForReadyRead(kSequentialWaitMs) || input.bytesAvailable() > 0)
                continue;
            if (waited.elapsed() >= kSequentialWaitMs)
                return fail(QStringLiteral("reading failed: nothing came for %1 s").arg(kSequentialWaitMs / 1000));
            break;
        }

        const uchar* const block = reinterpret_cast<const uchar*>(buffer.constData());
        qint64 i = 0;
        while (i < n) {
            if (s.pre > 0) {
                const qint64 take = std::min(s.pre, n - i);
                appendBounded(data, buffer.constData() + i, take);
                s.count += take;
                s.pre -= take;
                i += take;
                continue;
            }
            // The fingerprint over the rest of the block, up to a cut (Chunker.Next's inner loop, slide() inlined).
            std::array<quint8, kWindowSize> window = s.window;
            unsigned wpos = s.wpos;
            quint64 digest = s.digest;
            qint64 add = s.count;
            const uchar* at = block + i;
            const uchar* const end = block + n;
            bool cut = false;
            while (at < end) {
                const quint8 b = *at++;
                const quint8 out = window[wpos];
                window[wpos] = b;
                wpos = (wpos + 1) & (kWindowSize - 1);
                const quint64 incoming = slideTable[out] ^ b;
                digest = ((digest << 8) ^ incoming) ^ modTable[digest >> shift];
                ++add;
                if (((digest & kSplitMask) == 0 || add >= kMaxSize) && add >= kMinSize) {
                    cut = true;
                    break;
                }
            }
            const qint64 used = at - (block + i);
            appendBounded(data, buffer.constData() + i, used);
            i += used;
            if (!cut) {
                s.window = window;
                s.wpos = wpos;
                s.digest = digest;
                s.count = add;
                continue;
            }
            if (!emitChunk())
                return fail(QStringLiteral("stopped by the receiver of chunk %1").arg(chunks));
            reset();
        }
    }
    if (s.count > 0 && !emitChunk())
        return fail(QStringLiteral("stopped by the receiver of chunk %1").arg(chunks));
    return true;
}
