#pragma once

#include "domain/backup.h"
#include "keyedtablemodel.h"
#include "retention/retentionplan.h"

#include <optional>
#include <QHash>
#include <QList>

// The backups of one environment, newest first, for the main window's backup table. Refreshes are incremental
// (keyed by id) so a view's selection survives them. A retention plan, when given, says why each backup is
// kept and when it expires; without one the server's projected expiry is shown.
class BackupTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        CreatedColumn,
        KindColumn,
        ModeColumn,
        SizeColumn,
        CommitColumn,
        ExpiresColumn,
        WhyKeptColumn,
        CopiesColumn, // (local) "on 2 of 2 copies"
        NoteColumn,
        ProtectedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit BackupTableModel(QObject* parent = nullptr);

    void setBackups(const QList<Backup>& backups);
    // Fills "Why kept" and "Expires" from a plan over these backups; ids the plan does not name show no reason.
    void setPlan(const RetentionPlan& plan);
    void clearPlan();
    // Whether the server records each pause (tidemarkd sets attributes.pause_ms when a backup paused): then a
    // consistent backup without one did not pause, for want of a pause hook. True by default.
    void setPausesRecorded(bool recorded);

    const Backup& backup(int row) const { return m_rows.at(row); }
    int rowOf(const QString& id) const;
    const QList<Backup>& backups() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Decision
    {
        bool keep = false;
        QStringList reasons;
        std::optional<qint64> expiresAtMs;
        bool operator==(const Decision&) const = default;
    };

    QVariant createdData(const Backup& backup, int role) const;
    QVariant sizeData(const Backup& backup, int role) const;
    QVariant expiresData(const Backup& backup, const Decision* decision, int role) const;
    QVariant whyKeptData(const Decision* decision, int role) const;
    QVariant copiesData(const Backup& backup, int role) const;
    void applyDecisions(QHash<QString, Decision> decisions, qint64 planNowMs);

    QList<Backup> m_rows;
    QHash<QString, Decision> m_decisions;
    qint64 m_planNowMs = 0;
    bool m_pausesRecorded = true;
};
