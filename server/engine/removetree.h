#pragma once

#include <QString>

// Removes a file, a symbolic link or a directory tree; true when nothing is left. Directories without write or
// search permission for the owner (read-only trees that were restored or laid out for a backup) are opened up
// first, so a tree tidemarkd made can always be removed by it.
bool removeTree(const QString& path);
