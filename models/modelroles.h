#pragma once

#include <Qt>

// Roles shared by the console's item models. The values are unique across models so that one delegate or
// proxy can serve several of them.
enum ModelRole {
    UnderlyingDataRole = Qt::UserRole + 1, // the raw value a proxy sorts on: qint64 msecs or bytes, enum ints
    EnvironmentRole, // QString: the environment id of a row
    BackupIdRole, // QString: the backup id of a row
    ActivityIdRole, // QString
    ProgressRole, // int 0–100
    StateRole, // int(Activity::State)
    ResultRole, // int(Activity::Result), invalid while there is none
    TextRole, // QString: the activity's one-line summary from the server
    LogRole, // QString: the activity's log so far
    ProblemRole, // QStringList: what is wrong with a cell of a draft (empty when nothing is)
    DecisionRole, // bool: the retention plan keeps the backup
    ReasonsRole, // QStringList: the planner's reasons
    ExpiresRole, // qint64 msecs of the projected expiry, invalid when there is none
    DescriptionRole, // QString: what the activity does, in the console's language (ActivityListModel::describe)
    BackupPathRole, // QString: a path inside a backup ("mounts/uploads/a.txt")
    EntryTypeRole, // QString: "dir", "file", "symlink", "database"
};
