#include "resticfastkey.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <optional>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

namespace {

// Cheap, and still scrypt: 16 MiB and a few milliseconds.
constexpr quint64 kFastN = 1 << 14;
constexpr quint64 kFastR = 8;
constexpr quint64 kFastP = 1;
constexpr int kSaltLength = 64; // restic refuses other salt lengths
constexpr int kNonceLength = 16;
constexpr int kMacLength = 16;
const QString kUser = QStringLiteral("tidemarkd");

struct DerivedKeys
{
    QByteArray encryption; // AES-256
    QByteArray macK; // AES-128, for Poly1305-AES's nonce
    QByteArray macR; // Poly1305's r
};

std::optional<DerivedKeys> derive(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint64 r, quint64 p, QString* error)
{
    QByteArray out(64, '\0');
    if (EVP_PBE_scrypt(password.constData(), size_t(password.size()),
            reinterpret_cast<const unsigned char*>(salt.constData()), size_t(salt.size()), n, r, p, quint64(1) << 31,
            reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()))
        != 1) {
        if (error)
            *error = QStringLiteral("scrypt failed (N=%1, r=%2, p=%3)").arg(n).arg(r).arg(p);
        return std::nullopt;
    }
    return DerivedKeys {out.left(32), out.mid(32, 16), out.mid(48, 16)};
}

// AES in the given mode over `in` (CTR: en- and decryption alike; ECB: one block).
QByteArray aes(const EVP_CIPHER* cipher, const QByteArray& key, const QByteArray& iv, const QByteArray& in)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out(in.size() + 32, '\0');
    int written = 0;
    int last = 0;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()),
               iv.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.constData()))
            != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
               reinterpret_cast<const unsigned char*>(in.constData()), int(in.size()))
            != 1
        || EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + written, &last) != 1)
        return {};
    out.resize(written + last);
    return out;
}

// restic's Poly1305-AES: Poly1305 keyed with r and AES-128_k(nonce).
QByteArray mac(const DerivedKeys& keys, const QByteArray& nonce, const QByteArray& message)
{
    const QByteArray s = aes(EVP_aes_128_ecb(), keys.macK, {}, nonce);
    if (s.size() != 16)
        return {};
    const QByteArray key = keys.macR + s; // OpenSSL clamps r as Poly1305 wants (restic masks it the same way)
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> algorithm(
        EVP_MAC_fetch(nullptr, "POLY1305", nullptr), EVP_MAC_free);
    if (!algorithm)
        return {};
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(algorithm.get()), EVP_MAC_CTX_free);
    QByteArray out(kMacLength, '\0');
    size_t length = 0;
    if (!ctx
        || EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()), nullptr)
            != 1
        || EVP_MAC_update(
               ctx.get(), reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size()))
            != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, size_t(out.size())) != 1
        || length != size_t(kMacLength))
        return {};
    return out;
}

QJsonObject readKey(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool isFast(const QJsonObject& key)
{
    return key.value(QStringLiteral("username")).toString() == kUser
        && key.value(QStringLiteral("kdf")).toString() == QLatin1String("scrypt")
        && key.value(QStringLiteral("N")).toDouble() <= double(kFastN);
}

// The master key (restic's JSON of its encryption and MAC keys) that `key` holds, opened with `password`.
QByteArray openKey(const QJsonObject& key, const QByteArray& password, QString* error)
{
    const QByteArray salt = QByteArray::fromBase64(key.value(QStringLiteral("salt")).toString().toLatin1());
    const QByteArray data = QByteArray::fromBase64(key.value(QStringLiteral("data")).toString().toLatin1());
    const auto n = quint64(key.value(QStringLiteral("N")).toDouble());
    const auto r = quint64(key.value(QStringLiteral("r")).toDouble());
    const auto p = quint64(key.value(QStringLiteral("p")).toDouble());
    if (key.value(QStringLiteral("kdf")).toString() != QLatin1String("scrypt") || n < 2 || r == 0 || p == 0
        || data.size() <= kNonceLength + kMacLength) {
        if (error)
            *error = QStringLiteral("not a restic scrypt key");
        return {};
    }
    const auto keys = derive(password, salt, n, r, p, error);
    if (!keys)
        return {};
    const QByteArray nonce = data.left(kNonceLength);
    const QByteArray ciphertext = data.mid(kNonceLength, data.size() - kNonceLength - kMacLength);
    if (mac(*keys, nonce, ciphertext) != data.right(kMacLength)) {
        if (error)
            *error = QStringLiteral("the password does not open it");
        return {};
    }
    return aes(EVP_aes_256_ctr(), keys->encryption, nonce, ciphertext);
}

} // namespace

QByteArray ResticFastKey::passwordFromFile(const QString& passwordFile)
{
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(4096).trimmed();
}

QString ResticFastKey::find(const QString& repositoryDir)
{
    const QDir keys(repositoryDir + QStringLiteral("/keys"));
    for (const QString& name : keys.entryList(QDir::Files, QDir::Name)) {
        if (isFast(readKey(keys.filePath(name))))
            return name;
    }
    return {};
}

QString ResticFastKey::ensure(const QString& repositoryDir, const QByteArray& password, QString* error)
{
    if (const QString existing = find(repositoryDir); !existing.isEmpty())
        return existing;
    if (password.isEmpty()) {
        if (error)
            *error = QStringLiteral("no password");
        return {};
    }
    const QDir keys(repositoryDir + QStringLiteral("/keys"));
    QByteArray master;
    QJsonObject model;
    QString why = QStringLiteral("the repository has no key");
    for (const QString& name : keys.entryList(QDir::Files, QDir::Name)) {
        model = readKey(keys.filePath(name));
        master = openKey(model, password, &why);
        if (!master.isEmpty())
            break;
    }
    if (master.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }

    QByteArray salt(kSaltLength, '\0');
    QByteArray nonce(kNonceLength, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), int(salt.size())) != 1
        || RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), int(nonce.size())) != 1) {
        if (error)
            *error = QStringLiteral("no random bytes");
        return {};
    }
    const auto fast = derive(password, salt, kFastN, kFastR, kFastP, error);
    if (!fast)
        return {};
    const QByteArray ciphertext = aes(EVP_aes_256_ctr(), fast->encryption, nonce, master);
    const QByteArray tag = mac(*fast, nonce, ciphertext);
    if (ciphertext.size() != master.size() || tag.isEmpty()) {
        if (error)
            *error = QStringLiteral("encryption failed");
        return {};
    }
    const QString host = QHostInfo::localHostName();
    const QJsonObject key {{QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("username"), kUser},
        {QStringLiteral("hostname"), host.isEmpty() ? model.value(QStringLiteral("hostname")).toString() : host},
        {QStringLiteral("kdf"), QStringLiteral("scrypt")}, {QStringLiteral("N"), double(kFastN)},
        {QStringLiteral("r"), double(kFastR)}, {QStringLiteral("p"), double(kFastP)},
        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
        {QStringLiteral("data"), QString::fromLatin1(QByteArray(nonce + ciphertext + tag).toBase64())}};
    const QByteArray bytes = QJsonDocument(key).toJson(QJsonDocument::Compact);
    const QString id = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    // Written beside keys/, then renamed into it: restic reads every file in keys/ as a key and stops at one that is
    // not, so a half-written file must never be there (a kill mid-write leaves only the temporary file).
    const QString temporary = repositoryDir + QStringLiteral("/.tidemark-key-") + id.left(16) + QStringLiteral(".tmp");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(bytes) != bytes.size() || !file.flush()
        || ::fsync(file.handle()) != 0) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(temporary, file.errorString());
        file.close();
        QFile::remove(temporary);
        return {};
    }
    file.close();
    QFile::setPermissions(temporary, QFileDevice::ReadOwner); // as restic leaves its own files
    if (!QFile::rename(temporary, keys.filePath(id))) {
        if (error)
            *error = QStringLiteral("cannot move the key into %1").arg(keys.path());
        QFile::remove(temporary);
        return {};
    }
    return id;
}

std::optional<ResticFastKey::MasterKey> ResticFastKey::masterKey(
    const QString& repositoryDir, const QByteArray& password, QString* error)
{
    const QDir keys(repositoryDir + QStringLiteral("/keys"));
    QStringList names = keys.entryList(QDir::Files, QDir::Name);
    if (const QString fast = find(repositoryDir); !fast.isEmpty()) {
        names.removeAll(fast);
        names.prepend(fast);
    }
    QString why = QStringLiteral("the repository has no key");
    for (const QString& name : names) {
        const QByteArray master = openKey(readKey(keys.filePath(name)), password, &why);
        if (master.isEmpty())
            continue;
        const QJsonObject json = QJsonDocument::fromJson(master).object();
        const QJsonObject macKeys = json.value(QStringLiteral("mac")).toObject();
        MasterKey key {QByteArray::fromBase64(json.value(QStringLiteral("encrypt")).toString().toLatin1()),
            QByteArray::fromBase64(macKeys.value(QStringLiteral("k")).toString().toLatin1()),
            QByteArray::fromBase64(macKeys.value(QStringLiteral("r")).toString().toLatin1())};
        if (key.encryption.size() == 32 && key.macK.size() == 16 && key.macR.size() == 16)
            return key;
        why = QStringLiteral("the master key of %1 is not restic's").arg(name.left(12));
    }
    if (error)
        *error = why;
    return std::nullopt;
}

std::optional<QByteArray> ResticFastKey::open(const MasterKey& key, const QByteArray& sealed)
{
    if (sealed.size() < kNonceLength + kMacLength)
        return std::nullopt;
    const DerivedKeys keys {key.encryption, key.macK, key.macR};
    const QByteArray nonce = sealed.left(kNonceLength);
    const QByteArray ciphertext = sealed.mid(kNonceLength, sealed.size() - kNonceLength - kMacLength);
    if (mac(keys, nonce, ciphertext) != sealed.right(kMacLength))
        return std::nullopt;
    if (ciphertext.isEmpty())
        return QByteArray();
    QByteArray plain = aes(EVP_aes_256_ctr(), keys.encryption, nonce, ciphertext);
    if (plain.size() != ciphertext.size())
        return std::nullopt;
    return plain;
}

QByteArray ResticFastKey::seal(const MasterKey& key, const QByteArray& plain)
{
    QByteArray nonce(kNonceLength, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), int(nonce.size())) != 1)
        return {};
    const DerivedKeys keys {key.encryption, key.macK, key.macR};
    const QByteArray ciphertext
        = plain.isEmpty() ? QByteArray() : aes(EVP_aes_256_ctr(), keys.encryption, nonce, plain);
    if (ciphertext.size() != plain.size())
        return {};
    const QByteArray tag = mac(keys, nonce, ciphertext);
    if (tag.size() != kMacLength)
        return {};
    return nonce + ciphertext + tag;
}

QByteArray ResticFastKey::sha256(const QByteArray& data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), reinterpret_cast<unsigned char*>(out.data()), &length,
            EVP_sha256(), nullptr)
            != 1
        || length != 32)
        return {};
    return out;
}
