#pragma once

#include "domain/retentionpolicy.h"

#include <optional>
#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

// The policy editor's draft of one environment type's retention policy: the schedule rows (number, unit,
// count) as an editable table, plus manual_count and max_backups. Every edit is accepted as long as its type is
// right, and the draft is validated by RetentionPolicy::validate(); the problems it names by path
// (`default_config.schedule[1].interval`) are shown on the row and cell they belong to.
class ScheduleDraftModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(int manualCount READ manualCount WRITE setManualCount NOTIFY draftChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY draftChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY draftChanged)

public:
    enum Column { NumberColumn, UnitColumn, CountColumn, ColumnCount };
    Q_ENUM(Column)

    explicit ScheduleDraftModel(QObject* parent = nullptr);

    // Loads a policy; the draft is unmodified afterwards.
    void setPolicy(const RetentionPolicy& policy);
    // The loaded policy (what isModified() compares with).
    const RetentionPolicy& loadedPolicy() const { return m_loaded; }
    // The draft as a policy, or nullopt while anything is invalid.
    std::optional<RetentionPolicy> policy() const;
    // The draft as it stands, valid or not.
    RetentionPolicy draftPolicy() const;

    bool isValid() const;
    bool isModified() const;
    // Back to the loaded policy.
    void revert() override;

    int manualCount() const { return m_manualCount; }
    void setManualCount(int count);
    std::optional<int> maxBackups() const { return m_maxBackups; }
    void setMaxBackups(std::optional<int> maxBackups);

    // Appends 1d × 7, or when 1d is taken the next unused of 1w × 4, 1M × 12, 1y × 2, 1h × 24. Returns the new
    // row, or -1 when the draft already has the most schedules a policy may have.
    int addRow();
    bool canAddRow() const;

    // What is wrong, for people: per schedule row, for manual_count, for max_backups, and the rest (too many
    // schedules). Empty when fine.
    QStringList rowProblems(int row) const;
    QStringList manualCountProblems() const { return m_manualCountProblems; }
    QStringList maxBackupsProblems() const { return m_maxBackupsProblems; }
    QStringList scheduleProblems() const { return m_scheduleProblems; }
    QStringList allProblems() const;

    // The unit names a combo box offers, in Interval::Unit order ("hours", "days", …).
    // The units as they read after a number: "1 day", "2 days" (the language's plural forms).
    static QStringList unitNames(int count = 2);
    static QString unitName(Interval::Unit unit, int count = 2);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void draftChanged();

private:
    struct Row
    {
        QStringList intervalProblems;
        QStringList countProblems;
        bool operator==(const Row&) const = default;
    };

    // Validates the draft again, notifies the rows whose problems changed, and emits draftChanged().
    void revalidate();

    QList<Schedule> m_schedules; // may hold out-of-range values while the user edits
    int m_manualCount = RetentionPolicy::kDefaultManualCount;
    std::optional<int> m_maxBackups;
    RetentionPolicy m_loaded;

    QList<Row> m_problems; // parallel to m_schedules
    QStringList m_manualCountProblems;
    QStringList m_maxBackupsProblems;
    QStringList m_scheduleProblems;
};
