#pragma once

#include "domain/healthreport.h"
#include "keyedtablemodel.h"

#include <optional>
#include <QList>
#include <QMetaType>
#include <QString>

// One row of the Health view: an environment of a project of a saved connection, or, when the connection's server
// could not tell, one row for the whole connection with why.
struct HealthRow
{
    // The environments' own states, and two that only the console knows: the server did not answer (unreachable),
    // or answered without a health report (unknown: no "health" capability, refused token, a malformed answer).
    enum class State { Ok, Unknown, Warning, Unreachable, Critical };

    QString connection; // the profile's name
    QString project; // empty when the connection could not list its projects
    QString environment; // empty for a connection-wide row
    State state = State::Unknown;
    std::optional<EnvironmentHealth> health;
    QList<CopyHealth> copies; // the project's copy targets
    std::optional<RepositoryStatus> primary; // the project's primary repository (its last verification)
    QString error; // why the state is unknown or unreachable

    QString key() const { return keyOf(connection, project, environment); }
    static QString keyOf(const QString& connection, const QString& project, const QString& environment);
    // Higher is worse: the order of the Health view.
    static int severity(State state) { return int(state); }
    static State fromHealth(HealthState state);
    static QString stateName(State state); // translated
    bool operator==(const HealthRow&) const = default;
};
Q_DECLARE_METATYPE(HealthRow)

// The Health view's table: every environment of every saved connection, fed one connection at a time by
// HealthMonitor. Rows keep their place across polls (precise row notifications), so the selection survives.
// Sorting worst first is the view's proxy's job (UnderlyingDataRole of the State column is the severity).
class HealthTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        ConnectionColumn,
        ProjectColumn,
        EnvironmentColumn,
        StateColumn,
        NewestBackupColumn,
        AgeColumn,
        NextRunColumn,
        CopiesColumn,
        VerifiedColumn,
        ReasonsColumn,
        ColumnCount
    };

    explicit HealthTableModel(QObject* parent = nullptr);

    // Replaces the rows of `connection` with `rows` (each row's connection must be `connection`).
    void setConnectionRows(const QString& connection, const QList<HealthRow>& rows);
    // Drops the rows of connections not in `connections` (a profile was removed).
    void keepConnections(const QStringList& connections);
    // What "now" is for the Age column (tests fix it; default: the clock at each call of data()).
    void setNow(std::optional<qint64> nowMs) { m_nowMs = nowMs; }

    const HealthRow& healthRow(int row) const { return m_rows.at(row); }
    int rowOf(const QString& connection, const QString& project, const QString& environment) const;
    // The worst state over every row; Ok when there is none.
    HealthRow::State worstState() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "3 h", "2 d 4 h": how long ago, for the Age column.
    static QString age(qint64 milliseconds);

signals:
    // A row's state got worse than it was at the previous update (or a new row arrived in a bad state after the
    // first update of its connection): the console tells the user.
    void stateWorsened(const HealthRow& row, HealthRow::State before);

private:
    QString copiesText(const HealthRow& row) const;
    QString verifiedText(const HealthRow& row) const;

    QList<HealthRow> m_rows;
    QStringList m_seenConnections; // connections updated at least once (their first rows are not "worse")
    std::optional<qint64> m_nowMs;
};
