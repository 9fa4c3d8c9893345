#include "policyeditorpage.h"

#include "displayformat.h"
#include "headerfit.h"
#include "modelroles.h"
#include "retentionpreviewmodel.h"
#include "retentionreasons.h"
#include "retentiontimeline.h"
#include "scheduledraftmodel.h"
#include "tones.h"
#include "unitdelegate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// A bar's story on one line: "Simulated automated backup of …: daily #1 of 7 until …; then deleted …".
QString detailsLine(const QString& description)
{
    QStringList lines = description.split(QLatin1Char('\n'));
    const QString first = lines.takeFirst();
    return lines.isEmpty() ? first : first + QLatin1String(": ") + lines.join(QLatin1String("; "));
}

} // namespace

PolicyEditorPage::PolicyEditorPage(EnvironmentType type, QWidget* parent)
    : QWidget(parent)
    , m_type(type)
    , m_draft(new ScheduleDraftModel(this))
    , m_preview(new RetentionPreviewModel(this))
{
    const QString typeName = EnvironmentTypes::toString(type);
    setObjectName(typeName + QStringLiteral("PolicyPage"));

    // The form.
    m_scheduleView = new QTableView(this);
    m_scheduleView->setObjectName(QStringLiteral("scheduleView"));
    m_scheduleView->setAccessibleName(tr("Automated backup schedules"));
    m_scheduleView->setModel(m_draft);
    m_scheduleView->setItemDelegateForColumn(ScheduleDraftModel::UnitColumn, new UnitDelegate(m_scheduleView));
    m_scheduleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scheduleView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_scheduleView->verticalHeader()->hide();
    m_scheduleView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    HeaderFit::apply(m_scheduleView->horizontalHeader());
    m_scheduleView->setMinimumHeight(110);

    m_addButton = new QPushButton(tr("&Add schedule"), this);
    m_addButton->setObjectName(QStringLiteral("addScheduleButton"));
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeScheduleButton"));
    m_removeButton->setEnabled(false);
    connect(m_addButton, &QPushButton::clicked, this, &PolicyEditorPage::addSchedule);
    connect(m_removeButton, &QPushButton::clicked, this, &PolicyEditorPage::removeSchedules);
    connect(m_scheduleView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_removeButton->setEnabled(m_scheduleView->selectionModel()->hasSelection()); });

    m_manualCountSpinBox = new QSpinBox(this);
    m_manualCountSpinBox->setObjectName(QStringLiteral("manualCountSpinBox"));
    m_manualCountSpinBox->setRange(0, 1000);
    m_manualCountSpinBox->setSpecialValueText(tr("0 (manual backups disabled)"));
    m_manualCountSpinBox->setAccessibleName(tr("Manual backups kept"));
    m_maxBackupsSpinBox = new QSpinBox(this);
    m_maxBackupsSpinBox->setObjectName(QStringLiteral("maxBackupsSpinBox"));
    m_maxBackupsSpinBox->setRange(0, 10000);
    m_maxBackupsSpinBox->setSpecialValueText(tr("No limit"));
    m_maxBackupsSpinBox->setAccessibleName(tr("Maximum number of backups"));
    connect(m_manualCountSpinBox, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_loading)
            m_draft->setManualCount(value);
    });
    connect(m_maxBackupsSpinBox, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_loading)
            m_draft->setMaxBackups(value == 0 ? std::nullopt : std::optional<int>(value));
    });

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setWordWrap(true);
    Tones::setTextTone(m_problemsLabel, Tones::Tone::Danger);
    m_problemsLabel->hide();

    // Without a schedule nothing is backed up unless someone asks: say so where the schedules are edited.
    m_noScheduleWarning = new QWidget(this);
    m_noScheduleWarning->setObjectName(QStringLiteral("noScheduleWarning"));
    {
        auto* icon = new QLabel(m_noScheduleWarning);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
        icon->setAlignment(Qt::AlignTop);
        auto* text = new QLabel(tr("<b>No automated backups:</b> environments of type %1 are not backed up on a "
                                   "schedule. Add a schedule to have them backed up automatically.")
                                    .arg(typeName),
            m_noScheduleWarning);
        text->setObjectName(QStringLiteral("noScheduleWarningLabel"));
        text->setWordWrap(true);
        auto* row = new QHBoxLayout(m_noScheduleWarning);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(icon);
        row->addWidget(text, 1);
        m_noScheduleWarning->setAccessibleName(text->text());
    }
    m_noScheduleWarning->hide();

    auto* scheduleBox = new QGroupBox(tr("Automated backups"), this);
    auto* scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_noScheduleWarning);
    auto* hint = new QLabel(tr("Each schedule keeps the newest backup of each of its last <i>count</i> intervals, "
                               "for example 1 day × 7 keeps one backup a day for a week."),
        scheduleBox);
    hint->setWordWrap(true);
    scheduleLayout->addWidget(hint);
    scheduleLayout->addWidget(m_scheduleView);
    auto* rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_addButton);
    rowButtons->addWidget(m_removeButton);
    rowButtons->addStretch();
    scheduleLayout->addLayout(rowButtons);

    auto* limitsBox = new QGroupBox(tr("Limits"), this);
    auto* limits = new QFormLayout(limitsBox);
    limits->addRow(tr("&Manual backups kept:"), m_manualCountSpinBox);
    limits->addRow(tr("Ma&ximum backups in all:"), m_maxBackupsSpinBox);

    auto* form = new QWidget(this);
    auto* formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(scheduleBox, 1);
    formLayout->addWidget(limitsBox);
    formLayout->addWidget(m_problemsLabel);

    // The preview.
    m_environmentComboBox = new QComboBox(this);
    m_environmentComboBox->setObjectName(QStringLiteral("previewEnvironmentComboBox"));
    m_environmentComboBox->setAccessibleName(tr("Preview environment"));
    connect(m_environmentComboBox, &QComboBox::currentIndexChanged, this, &PolicyEditorPage::updatePreviewInputs);

    // The preview is in plan order (newest first) and is not re-sorted: with thousands of backups a sort on every
    // new plan would cost the GUI thread more than the planning itself.
    m_previewView = new QTableView(this);
    m_previewView->setObjectName(QStringLiteral("previewView"));
    m_previewView->setAccessibleName(tr("Backups kept and deleted by the draft policy"));
    m_previewView->setModel(m_preview);
    m_previewView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->verticalHeader()->hide();
    // Size columns from the visible rows only: measuring a thousand rows after every plan stalls the window.
    m_previewView->horizontalHeader()->setResizeContentsPrecision(0);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_previewView->horizontalHeader()->setSectionResizeMode(RetentionPreviewModel::ReasonsColumn, QHeaderView::Stretch);
    HeaderFit::apply(m_previewView->horizontalHeader());
    m_previewView->setWordWrap(false);
    m_previewView->setAlternatingRowColors(true);
    m_previewView->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move within it

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    // The retention simulator: today's backups and the scheduler's future ones over the chosen span.
    m_preview->setSimulationEnabled(true);
    m_timeline = new RetentionTimeline(this);
    m_spanComboBox = new QComboBox(this);
    m_spanComboBox->setObjectName(QStringLiteral("simulationSpanComboBox"));
    m_spanComboBox->setAccessibleName(tr("Simulation span"));
    m_spanComboBox->addItem(tr("8 weeks"), QVariant::fromValue(RetentionPreviewModel::SimulationSpan::EightWeeks));
    m_spanComboBox->addItem(tr("6 months"), QVariant::fromValue(RetentionPreviewModel::SimulationSpan::SixMonths));
    m_spanComboBox->addItem(tr("2 years"), QVariant::fromValue(RetentionPreviewModel::SimulationSpan::TwoYears));
    connect(m_spanComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_preview->setSimulationSpan(m_spanComboBox->currentData().value<RetentionPreviewModel::SimulationSpan>());
        updateSummary();
    });
    auto* spanLabel = new QLabel(tr("S&imulate:"), this);
    spanLabel->setBuddy(m_spanComboBox);
    m_steadyStateLabel = new QLabel(this);
    m_steadyStateLabel->setObjectName(QStringLiteral("steadyStateLabel"));
    m_steadyStateLabel->setWordWrap(true);
    m_steadyStateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_barDetailsLabel = new QLabel(this);
    m_barDetailsLabel->setObjectName(QStringLiteral("barDetailsLabel"));
    m_barDetailsLabel->setWordWrap(true);
    m_barDetailsLabel->setForegroundRole(QPalette::PlaceholderText);
    const QString detailsHint = tr("Point at a bar, click it, or use the arrow keys in the timeline to see why it "
                                   "is kept and when it is deleted.");
    m_barDetailsLabel->setText(detailsHint);
    connect(m_timeline, &RetentionTimeline::currentBarChanged, this, [this, detailsHint](const QString& text) {
        m_barDetailsLabel->setText(text.isEmpty() ? detailsHint : detailsLine(text));
        m_barDetailsLabel->setForegroundRole(text.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
    });
    auto* simulator = new QWidget(this);
    auto* simulatorLayout = new QVBoxLayout(simulator);
    simulatorLayout->setContentsMargins(0, 0, 0, 0);
    auto* spanRow = new QHBoxLayout;
    spanRow->addWidget(spanLabel);
    spanRow->addWidget(m_spanComboBox);
    spanRow->addSpacing(8);
    spanRow->addWidget(m_steadyStateLabel, 1);
    simulatorLayout->addLayout(spanRow);
    simulatorLayout->addWidget(m_timeline, 1);
    simulatorLayout->addWidget(m_barDetailsLabel);

    auto* previewBox = new QGroupBox(tr("Preview"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    auto* pick = new QFormLayout;
    pick->addRow(tr("&Environment:"), m_environmentComboBox);
    previewLayout->addLayout(pick);
    previewLayout->addWidget(m_summaryLabel);
    auto* previewSplit = new QSplitter(Qt::Vertical, previewBox);
    previewSplit->addWidget(m_previewView);
    previewSplit->addWidget(simulator);
    previewSplit->setStretchFactor(0, 2);
    previewSplit->setStretchFactor(1, 3);
    previewLayout->addWidget(previewSplit, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(form);
    split->addWidget(previewBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    // The preview's five columns need more room than the form: start with most of the width for them.
    split->setSizes({380, 720});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_draft, &ScheduleDraftModel::draftChanged, this, &PolicyEditorPage::updateFromDraft);
    connect(m_preview, &RetentionPreviewModel::planReady, this, &PolicyEditorPage::updateSimulation);
    connect(m_preview, &RetentionPreviewModel::planReady, this, &PolicyEditorPage::updateSummary);
    connect(m_preview, &RetentionPreviewModel::computingChanged, this, &PolicyEditorPage::updateSummary);

    setTabOrder(m_scheduleView, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_manualCountSpinBox);
    setTabOrder(m_manualCountSpinBox, m_maxBackupsSpinBox);
    setTabOrder(m_maxBackupsSpinBox, m_environmentComboBox);
    setTabOrder(m_environmentComboBox, m_previewView);
    setTabOrder(m_previewView, m_spanComboBox);
    setTabOrder(m_spanComboBox, m_timeline);
}

void PolicyEditorPage::setPolicy(const RetentionPolicy& policy)
{
    m_loading = true;
    m_draft->setPolicy(policy);
    m_manualCountSpinBox->setValue(policy.manualCount);
    m_maxBackupsSpinBox->setValue(policy.maxBackups.value_or(0));
    m_loading = false;
    updateFromDraft();
}

void PolicyEditorPage::setEnvironments(const QList<Environment>& environments)
{
    const QString current = m_environmentComboBox->currentData().toString();
    m_environmentComboBox->clear();
    for (const Environment& e : environments)
        m_environmentComboBox->addItem(e.title.isEmpty() ? e.id : e.title, e.id);
    const int keep = m_environmentComboBox->findData(current);
    if (keep >= 0)
        m_environmentComboBox->setCurrentIndex(keep);
    m_environmentComboBox->setEnabled(!environments.isEmpty());
    updatePreviewInputs();
}

void PolicyEditorPage::forgetBackups(const QStringList& ids)
{
    for (auto it = m_backups.begin(); it != m_backups.end(); ++it)
        it.value().removeIf([&ids](const Backup& b) { return ids.contains(b.id); });
    updatePreviewInputs();
}

void PolicyEditorPage::setBackups(const QString& environment, const QList<Backup>& backups)
{
    m_backups.insert(environment, backups);
    if (environment == m_environmentComboBox->currentData().toString())
        updatePreviewInputs();
}

bool PolicyEditorPage::isModified() const
{
    return m_draft->isModified();
}

bool PolicyEditorPage::isValid() const
{
    return m_draft->isValid();
}

void PolicyEditorPage::revert()
{
    setPolicy(m_draft->loadedPolicy());
}

void PolicyEditorPage::updatePreviewInputs()
{
    m_preview->setBackups(m_backups.value(m_environmentComboBox->currentData().toString()));
    updateSummary();
}

void PolicyEditorPage::updateFromDraft()
{
    const QStringList problems = m_draft->allProblems();
    m_problemsLabel->setText(problems.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!problems.isEmpty());
    m_addButton->setEnabled(m_draft->canAddRow());
    // Per-field problems also show on the fields themselves.
    const QString manualProblem = m_draft->manualCountProblems().join(QLatin1Char('\n'));
    m_manualCountSpinBox->setToolTip(manualProblem);
    const QString maxProblem = m_draft->maxBackupsProblems().join(QLatin1Char('\n'));
    m_maxBackupsSpinBox->setToolTip(maxProblem);
    if (m_draft->isValid())
        m_preview->setPolicy(m_draft->draftPolicy());
    updateSummary();
    emit changed();
}

void PolicyEditorPage::updateSummary()
{
    m_noScheduleWarning->setVisible(m_draft->rowCount() == 0);
    updateSteadyState();
    if (m_environmentComboBox->count() == 0) {
        m_summaryLabel->setText(tr("No environment of this type: the simulation starts without backups."));
        return;
    }
    if (!m_draft->isValid()) {
        m_summaryLabel->setText(tr("Fix the policy to see its preview."));
        return;
    }
    QString text = tr("<b>%1 kept</b>, <b>%2 deleted</b> of the current backups of %3.")
                       .arg(m_preview->keptCount())
                       .arg(m_preview->deletedCount())
                       .arg(m_environmentComboBox->currentText().toHtmlEscaped());
    if (m_preview->isComputing())
        text += QLatin1Char(' ') + tr("(updating…)");
    m_summaryLabel->setText(text);
}

QString PolicyEditorPage::steadyStateText() const
{
    const SteadyState& steady = m_preview->steadyState();
    QStringList parts;
    for (const SteadyState::Part& part : steady.bySchedule)
        parts.append(tr("%1 %2", "count and schedule: 7 daily")
                         .arg(part.count)
                         .arg(RetentionReasons::scheduleName(part.interval)));
    if (steady.unscheduled > 0)
        parts.append(tr("%n automated", "", steady.unscheduled));
    if (steady.manual > 0)
        parts.append(tr("%n manual", "", steady.manual));
    if (steady.protectedCount > 0)
        parts.append(tr("%n protected", "", steady.protectedCount));
    QString text = steady.truncated ? tr("Steady state: at least %n backup(s)", "", steady.total)
                                    : tr("Steady state: %n backup(s)", "", steady.total);
    if (!parts.isEmpty())
        text += QStringLiteral(" (%1)").arg(parts.join(QLatin1String(", ")));
    if (steady.storageBasis == SteadyState::StorageBasis::None)
        text += QLatin1String(", ") + tr("storage unknown");
    else if (steady.storageBasis == SteadyState::StorageBasis::SingleBackup)
        text += QLatin1String(", ") + tr("at least %1").arg(DisplayFormat::dataSize(steady.storageBytes));
    else if (steady.storageBasis == SteadyState::StorageBasis::Logical)
        text += QLatin1String(", ") + tr("at most %1").arg(DisplayFormat::dataSize(steady.storageBytes));
    else
        text += QLatin1String(", ") + tr("about %1").arg(DisplayFormat::dataSize(steady.storageBytes));
    return text;
}

void PolicyEditorPage::updateSimulation()
{
    m_timeline->setSimulation(m_preview->simulation(), m_preview->plannedPolicy());
    updateSteadyState();
}

void PolicyEditorPage::updateSteadyState()
{
    if (m_preview->plan().nowMs == 0)
        return; // nothing planned yet
    const SteadyState& steady = m_preview->steadyState();
    QString text = steadyStateText();
    if (!m_draft->isValid())
        text += QLatin1Char(' ') + tr("(of the last valid draft)");
    else if (m_preview->isComputing())
        text += QLatin1Char(' ') + tr("(updating…)");
    m_steadyStateLabel->setText(text);
    QString how;
    switch (steady.storageBasis) {
    case SteadyState::StorageBasis::NewlyStored:
        how = tr("Storage estimated from the sizes newly stored by %n current backup(s): one full copy (%1, the "
                 "largest) plus %2 for each further backup (the mean of the others).",
            "", steady.sizeSamples)
                  .arg(DisplayFormat::dataSize(steady.fullCopyBytes), DisplayFormat::dataSize(steady.perBackupBytes));
        break;
    case SteadyState::StorageBasis::SingleBackup:
        how = tr("Storage estimated from the one backup that reports the size it newly stored (%1): how much each "
                 "further backup adds is not known yet.")
                  .arg(DisplayFormat::dataSize(steady.fullCopyBytes));
        break;
    case SteadyState::StorageBasis::Logical:
        how = tr("Storage estimated from the logical sizes of %n current backup(s) (mean %1 each), without "
                 "deduplication or compression: an upper bound.",
            "", steady.sizeSamples)
                  .arg(DisplayFormat::dataSize(steady.perBackupBytes));
        break;
    case SteadyState::StorageBasis::None:
        how = tr("No current backup reports its size, so the storage cannot be estimated.");
        break;
    }
    m_steadyStateLabel->setToolTip(tr("What the policy keeps once every schedule has filled (manual backups up to "
                                      "the limit, protected backups always).")
        + QLatin1Char('\n') + how);
}

void PolicyEditorPage::addSchedule()
{
    const int row = m_draft->addRow();
    if (row >= 0) {
        m_scheduleView->setCurrentIndex(m_draft->index(row, ScheduleDraftModel::NumberColumn));
        m_scheduleView->setFocus();
    }
}

void PolicyEditorPage::removeSchedules()
{
    QList<int> rows;
    for (const QModelIndex& index : m_scheduleView->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_draft->removeRows(row, 1);
}
