#pragma once

#include <optional>
#include <QString>

// The commit a git work tree is at, read from its files (HEAD, the ref it names, packed-refs) without
// starting git: cheap enough for every environment answer. Nothing for a tree that is not a git work tree,
// an unborn branch, or anything unexpected.
namespace GitHead {
std::optional<QString> read(const QString& workTree);
}
