#pragma once

#include <optional>
#include <QByteArray>
#include <QString>

// A second key of a local restic repository for tidemarkd's own restic runs: the same password, with scrypt
// parameters far cheaper than those restic calibrates at `init` (about half a second of work, N=2^15, r=8, p=3 on
// this kind of machine). restic derives the key from the password again in every process it starts and keeps
// nothing between them, so each start of restic paid that half second; with this key, hinted by RESTIC_KEY_HINT,
// it pays a few milliseconds. The password tidemarkd generates is random (32 bytes), so the cost of the derivation
// adds nothing to its strength. The key restic made stays: people who open the repository with plain restic, the
// password in hand, are not affected.
//
// The key file is what restic writes (`keys/<sha256 of the file>`: scrypt parameters and salt, and the master key
// encrypted with AES-256-CTR and authenticated with Poly1305-AES under the derived keys), made here with OpenSSL from
// the master key of the first key that opens with the password.
namespace ResticFastKey {

// restic's own reading of a password file: its content without surrounding white space.
QByteArray passwordFromFile(const QString& passwordFile);
// The id of tidemarkd's fast key in the local repository `repositoryDir`, or empty when it has none. Reads the key
// files' parameters only (no derivation): a key that does not open after all costs restic one failed attempt
// before it tries the others.
QString find(const QString& repositoryDir);
// find(), or else a new fast key made from the first key that opens with `password` (one derivation at that key's
// cost: call it off the main thread). Empty, with `error`, when no key opens or the file cannot be written.
QString ensure(const QString& repositoryDir, const QByteArray& password, QString* error = nullptr);

// The repository's master key, for reading the repository without restic (repositoryreader.h).
struct MasterKey
{
    QByteArray encryption; // AES-256-CTR
    QByteArray macK; // AES-128 key of Poly1305-AES
    QByteArray macR; // Poly1305's r
};
// Opens the master key with `password`: tidemarkd's fast key first (a few milliseconds), else each key in turn.
std::optional<MasterKey> masterKey(const QString& repositoryDir, const QByteArray& password, QString* error = nullptr);
// Authenticates and decrypts what restic sealed with the master key (nonce, ciphertext, MAC); nullopt when the MAC
// does not match (damaged or not from this repository).
std::optional<QByteArray> open(const MasterKey& key, const QByteArray& sealed);
// Encrypts and authenticates `plain` as restic does (a random nonce, AES-256-CTR, Poly1305-AES): what open() opens.
// Empty when the system has no random bytes or the cipher fails.
QByteArray seal(const MasterKey& key, const QByteArray& plain);
// SHA-256 as restic names blobs and files by it, with OpenSSL (the processor's SHA instructions where it has them):
// several times QCryptographicHash's speed, which counts for trees and packs of megabytes.
QByteArray sha256(const QByteArray& data);

} // namespace ResticFastKey
