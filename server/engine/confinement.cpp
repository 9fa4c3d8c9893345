#include "confinement.h"

#include "domain/jsonread.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace {

bool isInside(const QString& path, const QString& directory)
{
    if (directory.isEmpty())
        return false;
    if (path == directory)
        return true;
    return path.startsWith(directory.endsWith(QLatin1Char('/')) ? directory : directory + QLatin1Char('/'));
}

} // namespace

Confinement::Confinement(const QStringList& roots, const QString& dataDir)
{
    for (const QString& root : roots) {
        if (root.isEmpty() || !QDir::isAbsolutePath(root))
            continue;
        const QString clean = QDir::cleanPath(root);
        m_roots.append(clean);
        m_resolvedRoots.append(resolve(clean));
    }
    m_dataDir = resolve(QDir::cleanPath(QDir(dataDir).absolutePath()));
    m_demoRoot = resolve(QDir::cleanPath(QDir(dataDir).absoluteFilePath(QStringLiteral("environments"))));
}

bool Confinement::isSimpleName(const QString& name)
{
    static const QRegularExpression simple(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    return simple.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

QString Confinement::resolve(const QString& path)
{
    if (!QDir::isAbsolutePath(path))
        return {};
    // The longest part that exists, resolved; the rest as written (it cannot be a link: it does not exist).
    QString existing = QDir::cleanPath(path);
    QStringList rest;
    while (!QFileInfo::exists(existing) && existing != QLatin1String("/")) {
        rest.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).path();
    }
    QString resolved = QFileInfo(existing).canonicalFilePath();
    if (resolved.isEmpty())
        resolved = existing; // a dangling link on the way: keep the spelling; the use-time checks refuse it
    for (const QString& part : rest)
        resolved = QDir::cleanPath(resolved + QLatin1Char('/') + part);
    return resolved;
}

bool Confinement::isUnderRoot(const QString& resolved) const
{
    for (const QString& root : m_resolvedRoots) {
        if (resolved != root && isInside(resolved, root))
            return true;
    }
    return false;
}

bool Confinement::isProtected(const QString& resolved) const
{
    return isInside(resolved, m_dataDir) && !(resolved != m_demoRoot && isInside(resolved, m_demoRoot));
}

QString Confinement::whyNotAllowed(const QString& path) const
{
    if (path.isEmpty())
        return tr("is empty");
    if (!QDir::isAbsolutePath(path))
        return tr("'%1' is not an absolute path").arg(path.left(200));
    if (QDir::cleanPath(path) != path || path.contains(QLatin1Char('\0')))
        return tr("'%1' is not a normalised path (no '.', '..', '//' or trailing '/')").arg(path.left(200));
    const QString resolved = resolve(path);
    if (isProtected(resolved) || isProtected(path))
        return tr("'%1' is inside tidemarkd's data directory").arg(path.left(200));
    if (isInside(m_dataDir, resolved))
        return tr("'%1' contains tidemarkd's data directory").arg(path.left(200));
    if (m_roots.isEmpty())
        return tr("'%1' is not allowed: this server has no environment root (start it with --environment-root DIR)")
            .arg(path.left(200));
    bool lexicallyUnder = false;
    for (const QString& root : m_roots)
        lexicallyUnder = lexicallyUnder || (path != root && isInside(path, root));
    if (!lexicallyUnder || !isUnderRoot(resolved)) {
        return tr("'%1' is not under an environment root of this server (%2)")
            .arg(path.left(200), m_roots.join(QLatin1String(", ")));
    }
    return {};
}

Problems Confinement::checkDescriptor(const LocalDescriptor& local, const QString& basePath) const
{
    Problems problems;
    const auto check = [&](const QString& path, const QString& jsonPath) {
        const QString why = whyNotAllowed(path);
        if (!why.isEmpty())
            problems.append({jsonPath, why});
    };
    if (!local.codePath.isEmpty())
        check(local.codePath, JsonPath::key(basePath, QStringLiteral("code_path")));
    QSet<QString> names;
    for (qsizetype i = 0; i < local.mounts.size(); ++i) {
        const QString path = JsonPath::index(JsonPath::key(basePath, QStringLiteral("mounts")), i);
        const LocalDescriptor::Mount& m = local.mounts.at(i);
        if (!isSimpleName(m.name))
            problems.append({JsonPath::key(path, QStringLiteral("name")),
                tr("'%1' is not a simple name (letters, digits, '.', '_' and '-', at most 63, no '/')")
                    .arg(m.name.left(64))});
        else if (names.contains(QStringLiteral("m:") + m.name))
            problems.append({JsonPath::key(path, QStringLiteral("name")), tr("'%1' is used twice").arg(m.name)});
        names.insert(QStringLiteral("m:") + m.name);
        check(m.path, JsonPath::key(path, QStringLiteral("path")));
    }
    for (qsizetype i = 0; i < local.services.size(); ++i) {
        const QString path = JsonPath::index(JsonPath::key(basePath, QStringLiteral("services")), i);
        const LocalDescriptor::Service& s = local.services.at(i);
        if (!isSimpleName(s.name))
            problems.append({JsonPath::key(path, QStringLiteral("name")),
                tr("'%1' is not a simple name (letters, digits, '.', '_' and '-', at most 63, no '/')")
                    .arg(s.name.left(64))});
        else if (names.contains(QStringLiteral("s:") + s.name))
            problems.append({JsonPath::key(path, QStringLiteral("name")), tr("'%1' is used twice").arg(s.name)});
        names.insert(QStringLiteral("s:") + s.name);
        // A password file is read and sent to the named server: confined like the rest, or a descriptor could send
        // any file tidemarkd can read to a server of its choosing.
        if (s.isServer())
            check(s.passwordFile, JsonPath::key(path, QStringLiteral("password_file")));
        else
            check(s.path, JsonPath::key(path, QStringLiteral("path")));
    }
    return problems;
}

QString Confinement::checkUse(const QString& clean, const QString& what, const QString& linkWords) const
{
    // A link first: where it leads does not matter, it is not followed.
    if (QFileInfo(clean).isSymLink())
        return tr("The %1 (%2) is a symbolic link; %3.").arg(what, clean, linkWords);
    if (const QString why = whyNotAllowed(clean); !why.isEmpty())
        return tr("The %1 is not allowed: %2.").arg(what, why);
    return {};
}

QString Confinement::checkDirectory(const QString& path, const QString& what) const
{
    const QString clean = QDir::cleanPath(path);
    if (QString error = checkUse(clean, what, tr("tidemarkd does not follow links out of an environment"));
        !error.isEmpty())
        return error;
    if (!QFileInfo(clean).isDir())
        return tr("The %1 (%2) is not a directory.").arg(what, clean);
    return {};
}

QString Confinement::checkFile(const QString& path, const QString& what) const
{
    const QString clean = QDir::cleanPath(path);
    if (QString error = checkUse(clean, what, tr("tidemarkd does not follow links out of an environment"));
        !error.isEmpty())
        return error;
    if (!QFileInfo(clean).isFile())
        return tr("The %1 (%2) does not exist or is not a file.").arg(what, clean);
    return {};
}

QString Confinement::checkPlace(const QString& path, const QString& what) const
{
    const QString clean = QDir::cleanPath(path);
    if (QString error = checkUse(clean, what, tr("tidemarkd does not write through links")); !error.isEmpty())
        return error;
    const QFileInfo parent(QFileInfo(clean).path());
    if (parent.isSymLink() || !parent.isDir())
        return tr("The folder of the %1 (%2) does not exist or is a link.").arg(what, parent.filePath());
    return {};
}
