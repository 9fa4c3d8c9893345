#include "githead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

constexpr qint64 kMaxSmallFile = 4096;
constexpr int kMaxPackedRefLines = 100000;

bool isCommitId(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{40}([0-9a-f]{24})?$"));
    return hex.match(text).hasMatch();
}

std::optional<QString> firstLine(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.read(kMaxSmallFile)).section(QLatin1Char('\n'), 0, 0).trimmed();
}

// `.git` is a directory, or a file "gitdir: PATH" (linked work trees, submodules).
QString gitDirectory(const QString& workTree)
{
    const QString dotGit = QDir(workTree).filePath(QStringLiteral(".git"));
    const QFileInfo info(dotGit);
    if (info.isDir())
        return dotGit;
    if (const auto line = firstLine(dotGit); line && line->startsWith(QLatin1String("gitdir:"))) {
        const QString target = line->mid(7).trimmed();
        return QDir::isAbsolutePath(target) ? target : QDir(workTree).filePath(target);
    }
    return {};
}

std::optional<QString> packedRef(const QString& gitDir, const QString& ref)
{
    QFile file(QDir(gitDir).filePath(QStringLiteral("packed-refs")));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (int i = 0; i < kMaxPackedRefLines && !file.atEnd(); ++i) {
        const QString line = QString::fromUtf8(file.readLine(1024)).trimmed();
        const int space = int(line.indexOf(QLatin1Char(' ')));
        if (space > 0 && line.mid(space + 1) == ref && isCommitId(line.left(space)))
            return line.left(space);
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> GitHead::read(const QString& workTree)
{
    if (workTree.isEmpty())
        return std::nullopt;
    const QString gitDir = gitDirectory(workTree);
    if (gitDir.isEmpty())
        return std::nullopt;
    const auto head = firstLine(QDir(gitDir).filePath(QStringLiteral("HEAD")));
    if (!head)
        return std::nullopt;
    if (isCommitId(*head))
        return head; // detached
    if (!head->startsWith(QLatin1String("ref: ")))
        return std::nullopt;
    const QString ref = head->mid(5).trimmed();
    if (!ref.startsWith(QLatin1String("refs/")) || ref.contains(QLatin1String("..")))
        return std::nullopt;
    // A linked work tree keeps its refs in the common directory.
    QString commonDir = gitDir;
    if (const auto common = firstLine(QDir(gitDir).filePath(QStringLiteral("commondir"))); common && !common->isEmpty())
        commonDir = QDir::isAbsolutePath(*common) ? *common : QDir(gitDir).filePath(*common);
    for (const QString& dir : {gitDir, commonDir}) {
        if (const auto loose = firstLine(QDir(dir).filePath(ref)); loose && isCommitId(*loose))
            return loose;
    }
    return packedRef(commonDir, ref);
}
