#pragma once

#include "domain/activity.h"

#include <QAbstractListModel>
#include <QList>

// The activities the console follows (backups, restores, deletions), newest first, for the activity dock.
// The controller upserts what polling returns and appends the lines the log stream delivers.
class ActivityListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ActivityListModel(QObject* parent = nullptr);

    // Inserts the activity, or updates the row with its id (moving it if its created_at changed). An update with
    // an empty log keeps the log collected so far: list answers may leave logs out.
    void upsert(const Activity& activity);
    // Appends one line to the log of a known activity, with the time the server wrote it (0: unknown); false for an
    // unknown id.
    bool appendLog(const QString& id, const QString& line, qint64 timestampMs = 0);
    // The times of the log's lines, by line (0 where unknown; shorter than the log when its end came without).
    QList<qint64> logTimes(const QString& id) const { return m_logTimes.value(id).times; }
    bool remove(const QString& id);
    void clear();

    // At most this many finished activities stay in the list (the newest); pending and running ones always stay.
    void setFinishedLimit(int limit);
    int finishedLimit() const { return m_finishedLimit; }
    static constexpr int kDefaultFinishedLimit = 200;

    const Activity& activity(int row) const { return m_rows.at(row); }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "Backup of main — 45 %", "Restore of staging — failed", …
    static QString displayText(const Activity& activity);
    static QString stateText(const Activity& activity);
    // What the activity does, in the console's language: the server writes its text in its own language, once, so
    // the known types are told from their type and payload ("Consistent backup of main"); others keep the
    // server's text.
    static QString describe(const Activity& activity);
    // The log as the activity pane shows it: each line with its local time where known, a step that took 0.1 s or
    // more followed by its duration (until the next line), and restic's own lines only when `details` is set.
    // `toolLines` receives how many of restic's lines the log holds.
    static QString renderLog(const QString& log, const QList<qint64>& times, bool details, int* toolLines = nullptr);

private:
    // The row a new activity with this created_at and id goes to (newest first, ties by id descending).
    int insertionRow(const Activity& activity) const;
    // Removes the oldest finished activities beyond the limit.
    void trim();

    QList<Activity> m_rows;
    // The times of an activity's log lines, and how far its log has been counted: lines arrive one by one, so each
    // is placed by counting only what came since.
    struct LogTimes
    {
        QList<qint64> times;
        qsizetype countedChars = 0;
        qsizetype newlines = 0;
    };
    QHash<QString, LogTimes> m_logTimes; // by activity id
    int m_finishedLimit = kDefaultFinishedLimit;
};
