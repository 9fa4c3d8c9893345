#pragma once

#include "domain/backup.h"
#include "domain/retentionpolicy.h"
#include "keyedtablemodel.h"
#include "retention/retentionplan.h"
#include "retention/retentionsimulation.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QTimer>

// The policy editor's live preview: what a draft policy would do to an environment's current backups, one row
// per backup in plan order (newest first), with the decision, the reasons and the projected expiry.
//
// Planning runs on the thread pool (RetentionPlanner over 10 000 backups takes far longer than a frame), a
// short debounce after the last change of the inputs. Every change of the inputs starts a new generation, and a
// result is applied only if it belongs to the current one, so a plan of an outdated draft never shows, even
// when results arrive out of order. Results reach the model through a watcher it owns: one that arrives after
// the model died is dropped. Applying a result notifies only the rows whose decision, reasons or expiry changed.
class RetentionPreviewModel : public KeyedTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool computing READ isComputing NOTIFY computingChanged)

public:
    enum Column { CreatedColumn, KindColumn, DecisionColumn, ReasonsColumn, ExpiresColumn, ColumnCount };
    Q_ENUM(Column)

    static constexpr int kDefaultDebounceMs = 150;

    // How far the retention simulator looks ahead from now.
    enum class SimulationSpan { EightWeeks, SixMonths, TwoYears };
    Q_ENUM(SimulationSpan)
    // The end of a span that starts at `nowMs` (calendar months and years, in UTC).
    static qint64 spanEndMs(SimulationSpan span, qint64 nowMs);

    explicit RetentionPreviewModel(QObject* parent = nullptr);

    // Backups being deleted are not current: they take no part, as on the server.
    void setBackups(const QList<Backup>& backups);
    // An invalid policy (RetentionPolicy::validate() finds problems) is not planned: the last plan stays and
    // isPolicyValid() is false until a valid one arrives.
    void setPolicy(const RetentionPolicy& policy);
    // The time the plan is made at; nullopt (the default) takes the clock when planning starts.
    void setNow(std::optional<qint64> nowMs);
    void setDebounceInterval(int milliseconds);
    // The retention simulator and the steady state are computed only when asked for (the policy editor does; the
    // main window's Expires column does not need them).
    void setSimulationEnabled(bool enabled);
    bool isSimulationEnabled() const { return m_simulate; }
    void setSimulationSpan(SimulationSpan span);
    SimulationSpan simulationSpan() const { return m_span; }
    int debounceInterval() const { return m_debounce.interval(); }

    const RetentionPolicy& policy() const { return m_policy; }
    bool isPolicyValid() const { return m_policyValid; }
    // True from a change of the inputs until the plan for them is applied.
    bool isComputing() const { return m_computing; }

    // The last plan applied, and the policy it was made with; everything below describes that plan.
    const RetentionPlan& plan() const { return m_plan; }
    const RetentionPolicy& plannedPolicy() const { return m_plannedPolicy; }
    int keptCount() const { return m_plan.kept; }
    int deletedCount() const { return m_plan.deleted; }
    // The backups the policy would delete, in plan order (Apply's confirmation lists them).
    QList<Backup> deletedBackups() const;
    // How many backups the policy keeps once every schedule has filled: the scheduler's automated ones plus
    // manual_count manual ones, within max_backups.
    int steadyStateCount() const;
    int steadyStateAutomatedCount() const { return m_steadyStateAutomated; }
    // The manual backup a new manual backup would replace, if the manual limit is reached.
    std::optional<Backup> replacedByNewManualBackup() const { return m_replacedByNewManual; }
    // The retention simulator over the span, from the backups of the last plan (see RetentionSimulation).
    const RetentionSimulation& simulation() const { return m_simulation; }
    // The steady state of the planned policy, with its storage estimated from the sizes of the current backups.
    const SteadyState& steadyState() const { return m_steadyState; }
    // How many plannings were started; a burst of changes within the debounce interval starts one.
    int planningRuns() const { return m_planningRuns; }

    Backup backup(int row) const;
    const PlannedBackup& plannedBackup(int row) const { return m_plan.backups.at(row); }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void planReady();
    void computingChanged(bool computing);

private:
    struct Result
    {
        quint64 generation = 0;
        RetentionPolicy policy;
        RetentionPlan plan;
        QHash<QString, Backup> backups;
        std::optional<Backup> replacedByNewManual;
        int steadyStateAutomated = 0;
        RetentionSimulation simulation;
        SteadyState steadyState;
    };

    static Result compute(quint64 generation, const QList<Backup>& backups, const RetentionPolicy& policy, qint64 nowMs,
        std::optional<SimulationSpan> span);
    void inputsChanged();
    void startPlanning();
    void apply(Result result);
    void setComputing(bool computing);

    QList<Backup> m_backups;
    RetentionPolicy m_policy;
    bool m_policyValid = true;
    bool m_policySet = false;
    std::optional<qint64> m_nowMs;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_computing = false;
    int m_planningRuns = 0;
    SimulationSpan m_span = SimulationSpan::EightWeeks;
    bool m_simulate = false;

    RetentionPlan m_plan;
    RetentionPolicy m_plannedPolicy; // the policy m_plan was made with
    QHash<QString, Backup> m_planBackups; // the backups m_plan was made of, by id
    std::optional<Backup> m_replacedByNewManual;
    int m_steadyStateAutomated = 0;
    RetentionSimulation m_simulation;
    SteadyState m_steadyState;
};
