#pragma once

#include "domain/backup.h"
#include "domain/environment.h"
#include "domain/retentionpolicy.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class RetentionPreviewModel;
class RetentionTimeline;
class ScheduleDraftModel;

// One environment type's retention policy in a form (schedule rows, manual count, max backups), beside a live
// preview of what the draft does to an environment's current backups: each backup kept or deleted with its
// reason, the retention simulator (a timeline of what survives over the chosen span) and the steady state.
class PolicyEditorPage : public QWidget
{
    Q_OBJECT

public:
    PolicyEditorPage(EnvironmentType type, QWidget* parent = nullptr);

    EnvironmentType type() const { return m_type; }
    void setPolicy(const RetentionPolicy& policy);
    void setEnvironments(const QList<Environment>& environments); // of this type
    void setBackups(const QString& environment, const QList<Backup>& backups);
    // Drops these backups from the preview's inputs (Apply deleted them).
    void forgetBackups(const QStringList& ids);
    RetentionTimeline* timeline() const { return m_timeline; }
    // "Steady state: N backups (D daily, …), about X GiB", from the simulation of the draft.
    QString steadyStateText() const;
    // Every environment of this type with its current backups (as loaded so far).
    QHash<QString, QList<Backup>> backupsByEnvironment() const { return m_backups; }

    ScheduleDraftModel* draft() const { return m_draft; }
    RetentionPreviewModel* preview() const { return m_preview; }
    bool isModified() const;
    bool isValid() const;
    void revert();

signals:
    void changed();

private:
    void updatePreviewInputs();
    void updateFromDraft();
    void updateSummary();
    void updateSimulation();
    void updateSteadyState();
    void addSchedule();
    void removeSchedules();

    EnvironmentType m_type;
    ScheduleDraftModel* m_draft = nullptr;
    RetentionPreviewModel* m_preview = nullptr;
    QHash<QString, QList<Backup>> m_backups;

    QTableView* m_scheduleView = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QSpinBox* m_manualCountSpinBox = nullptr;
    QSpinBox* m_maxBackupsSpinBox = nullptr;
    QLabel* m_problemsLabel = nullptr;
    QComboBox* m_environmentComboBox = nullptr;
    QTableView* m_previewView = nullptr;
    QLabel* m_summaryLabel = nullptr;
    RetentionTimeline* m_timeline = nullptr;
    QComboBox* m_spanComboBox = nullptr;
    QLabel* m_steadyStateLabel = nullptr;
    QLabel* m_barDetailsLabel = nullptr;
    QWidget* m_noScheduleWarning = nullptr;
    bool m_loading = false;
};
