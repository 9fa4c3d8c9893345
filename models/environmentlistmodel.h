#pragma once

#include "domain/environment.h"
#include "domain/projectsettings.h"
#include "keyedtablemodel.h"

#include <optional>
#include <QList>
#include <QTimer>

// The environments of a project for the main window's left pane, ordered by name. Refreshes are incremental
// (keyed by id), so the selected environment stays selected.
class EnvironmentListModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, StatusColumn, LastBackupColumn, NextBackupColumn, ColumnCount };
    Q_ENUM(Column)

    explicit EnvironmentListModel(QObject* parent = nullptr);

    void setEnvironments(const QList<Environment>& environments);
    void setSettings(const ProjectSettings& settings);
    // Fixes "now" for the next automated backup (tests); nullopt follows the clock.
    void setNow(std::optional<qint64> nowMs);

    const Environment& environment(int row) const { return m_rows.at(row); }
    int rowOf(const QString& id) const;
    // When the scheduler will next back the environment up: the start of the next bucket of its type's finest
    // schedule; nullopt when the type has no schedule or the environment is not active.
    std::optional<qint64> nextAutomatedBackupMs(const Environment& environment) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString typeName(EnvironmentType type);
    static QString statusName(Environment::Status status);

private:
    qint64 now() const;
    QString nextBackupToolTip(const Environment& environment) const;
    // Arms the timer for the moment the earliest "next automated backup" has passed, so the column moves on.
    void scheduleNextRefresh();

    QList<Environment> m_rows;
    ProjectSettings m_settings;
    std::optional<qint64> m_nowMs;
    QTimer m_refreshTimer;
};
