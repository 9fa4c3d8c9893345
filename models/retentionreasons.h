#pragma once

#include "domain/retentionpolicy.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The retention planner's reasons ("1d #1/7", "manual #1/2", "max_backups 20") in words people read ("daily #1
// of 7", "kept as one of 2 manual backups"). The short forms stay what the planner, the CLI and the server say;
// the console shows these beside them.
class RetentionReasons
{
    Q_DECLARE_TR_FUNCTIONS(RetentionReasons)

public:
    // One reason in words; a reason it does not know comes back as it is.
    static QString plain(const QString& reason);
    static QStringList plain(const QStringList& reasons);
    // "daily", "weekly", or "every 6 hours" for an interval ("1d", "1w", "6h"); a label that is no interval as it is.
    static QString scheduleName(const QString& label);
    static QString scheduleName(const Interval& interval);
    // "daily #1 of 7 (1d #1/7)": the words with the short form, for tooltips.
    static QString withShortForm(const QString& reason);
};
