#include "policyeditordialog.h"

#include "asynctask.h"
#include "client/apiclient.h"
#include "domain/timestamp.h"
#include "messagebox.h"
#include "policyeditorpage.h"
#include "retention/retentionplanner.h"
#include "retentionpreviewmodel.h"
#include "scheduledraftmodel.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

PolicyEditorDialog::PolicyEditorDialog(ApiClient* client, const QString& project, const ProjectSettings& settings,
    const QList<Environment>& environments, bool serverPreviews, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_project(project)
    , m_environments(environments)
    , m_serverPreviews(serverPreviews)
{
    setObjectName(QStringLiteral("policyEditorDialog"));
    setWindowTitle(tr("Retention policies"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("policyTabs"));
    const QMap<EnvironmentType, QString> titles {{EnvironmentType::Production, tr("&Production")},
        {EnvironmentType::Staging, tr("&Staging")}, {EnvironmentType::Development, tr("&Development")}};
    for (EnvironmentType type : EnvironmentTypes::all()) {
        auto* page = new PolicyEditorPage(type, m_tabs);
        page->setPolicy(settings.policyFor(type));
        QList<Environment> ofType;
        for (const Environment& e : environments) {
            if (e.type == type)
                ofType.append(e);
        }
        page->setEnvironments(ofType);
        connect(page, &PolicyEditorPage::changed, this, &PolicyEditorDialog::updateButtons);
        m_pages.insert(type, page);
        m_tabs->addTab(page, titles.value(type));
    }
    loadBackups();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("policyStatusLabel"));
    m_statusLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Reset | QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("&Apply…"));
    m_buttons->button(QDialogButtonBox::Reset)->setObjectName(QStringLiteral("revertButton"));
    m_buttons->button(QDialogButtonBox::Reset)->setText(tr("Re&vert"));
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PolicyEditorDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, &PolicyEditorDialog::revert);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PolicyEditorDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_statusLabel, 1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);
    updateButtons();

    // As large as it is useful, but never beyond the screen: Apply and Close must stay reachable at 1024×600.
    QSize size(1180, 720);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.92);
    resize(size.expandedTo(minimumSizeHint()));
}

void PolicyEditorDialog::loadBackups()
{
    for (PolicyEditorPage* page : std::as_const(m_pages)) {
        for (const Environment& e : std::as_const(m_environments)) {
            if (e.type != page->type())
                continue;
            ApiClient::onResult(
                m_client->backups(m_project, e.id), page, [page, id = e.id](const ApiResult<QList<Backup>>& result) {
                    if (result.ok())
                        page->setBackups(id, *result.value);
                });
        }
    }
}

void PolicyEditorDialog::updateButtons()
{
    bool modified = false;
    bool valid = true;
    for (PolicyEditorPage* page : std::as_const(m_pages)) {
        modified = modified || page->isModified();
        valid = valid && page->isValid();
        const int index = m_tabs->indexOf(page);
        // A bullet marks a tab with unapplied changes.
        const QString mark = QStringLiteral(" \u2022");
        const QString title = m_tabs->tabText(index).remove(mark);
        m_tabs->setTabText(index, page->isModified() ? title + mark : title);
    }
    QPushButton* apply = m_buttons->button(QDialogButtonBox::Apply);
    apply->setEnabled(modified && valid && !m_busy);
    apply->setToolTip(!valid ? tr("Fix the problems shown in red first")
            : !modified      ? tr("Nothing has changed")
                             : QString());
    m_buttons->button(QDialogButtonBox::Reset)->setEnabled(modified && !m_busy);
}

QJsonObject PolicyEditorDialog::patch() const
{
    QJsonObject dataRetention;
    for (PolicyEditorPage* page : std::as_const(m_pages)) {
        if (!page->isModified())
            continue;
        const auto policy = page->draft()->policy();
        if (policy)
            dataRetention.insert(EnvironmentTypes::toString(page->type()), policy->toJson());
    }
    return dataRetention;
}

void PolicyEditorDialog::setBusy(bool busy, const QString& message)
{
    m_busy = busy;
    m_statusLabel->setText(message);
    m_tabs->setEnabled(!busy);
    updateButtons();
}

namespace {

QString deletionLine(
    const QString& environment, const QString& id, std::optional<qint64> createdAtMs, const QStringList& reasons)
{
    return PolicyEditorDialog::tr("%1: %2 from %3 (%4)")
        .arg(environment, id.left(8),
            createdAtMs ? QDateTime::fromMSecsSinceEpoch(*createdAtMs)
                              .toLocalTime()
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                        : QString(),
            reasons.join(QLatin1String(", ")));
}

} // namespace

void PolicyEditorDialog::apply()
{
    const QJsonObject dataRetention = patch();
    if (dataRetention.isEmpty() || m_busy)
        return;
    setBusy(true, tr("Checking what the new policies delete…"));
    if (!m_serverPreviews) {
        // Plan here, on the thread pool, with the very planner the server uses.
        struct Job
        {
            QString environment;
            QList<RetentionBackup> backups;
            RetentionPolicy policy;
        };
        QList<Job> jobs;
        for (PolicyEditorPage* page : std::as_const(m_pages)) {
            const auto policy = page->draft()->policy();
            if (!page->isModified() || !policy)
                continue;
            const auto byEnvironment = page->backupsByEnvironment();
            for (auto it = byEnvironment.begin(); it != byEnvironment.end(); ++it) {
                Job job {it.key(), {}, *policy};
                for (const Backup& b : it.value()) {
                    if (b.status == Backup::Status::Created)
                        job.backups.append({b.id, b.createdAtMs, b.automated, b.isProtected(), b.isSafety()});
                }
                jobs.append(job);
            }
        }
        AsyncTask::runThenCallback(
            [jobs]() -> QStringList {
                QStringList lines;
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (const Job& job : jobs) {
                    const RetentionPlan plan
                        = RetentionPlanner::plan(job.backups, job.policy, now, RetentionPlanner::Expiry::Skip);
                    for (const PlannedBackup& p : plan.backups) {
                        if (!p.keep)
                            lines.append(deletionLine(job.environment, p.backup.id, p.backup.createdAtMs, p.reasons));
                    }
                }
                return lines;
            },
            this, [this, dataRetention](const QStringList& lines) { confirmAndApply(dataRetention, lines); });
        return;
    }
    ApiClient::onResult(m_client->updateRetention(m_project, dataRetention, true), this,
        [this, dataRetention](const ApiResult<ApiClient::SettingsUpdate>& preview) {
            if (!preview.ok()) {
                setBusy(false);
                MessageBox::warning(this, tr("Retention policies"), preview.error.message());
                return;
            }
            // List exactly what the server's dry run deletes, per environment.
            QStringList lines;
            const QJsonObject byEnvironment = preview.value->preview;
            for (auto it = byEnvironment.begin(); it != byEnvironment.end(); ++it) {
                for (const QJsonValue& v : it.value().toObject().value(QStringLiteral("backups")).toArray()) {
                    const QJsonObject b = v.toObject();
                    if (b.value(QStringLiteral("decision")).toString() != QLatin1String("delete"))
                        continue;
                    lines.append(deletionLine(it.key(), b.value(QStringLiteral("id")).toString(),
                        Timestamp::parseMsecs(b.value(QStringLiteral("created_at")).toString()),
                        b.value(QStringLiteral("reasons")).toVariant().toStringList()));
                }
            }
            confirmAndApply(dataRetention, lines);
        });
}

void PolicyEditorDialog::confirmAndApply(const QJsonObject& dataRetention, const QStringList& deletions)
{
    const qsizetype total = deletions.size();
    const QString question = total == 0 ? tr("Apply the new retention policies? No current backup is deleted.")
        : total == 1 ? tr("Apply the new retention policies? This backup will be deleted right away:")
                     : tr("Apply the new retention policies? These %1 backups will be deleted right away:").arg(total);
    const auto answer = MessageBox::question(this, tr("Apply retention policies"), question,
        deletions.join(QLatin1Char('\n')), QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
        total == 0 ? tr("Apply") : tr("Apply and delete %1").arg(total));
    if (answer != QMessageBox::Yes) {
        setBusy(false, tr("Not applied."));
        return;
    }
    setBusy(true, tr("Applying…"));
    QStringList deletedIds;
    for (PolicyEditorPage* page : std::as_const(m_pages)) {
        if (!page->isModified())
            continue;
        for (const Backup& b : page->preview()->deletedBackups())
            deletedIds.append(b.id);
    }
    ApiClient::onResult(m_client->updateRetention(m_project, dataRetention, false), this,
        [this, deletedIds](const ApiResult<ApiClient::SettingsUpdate>& result) {
            if (!result.ok()) {
                setBusy(false);
                MessageBox::warning(this, tr("Retention policies"), result.error.message());
                return;
            }
            for (PolicyEditorPage* page : std::as_const(m_pages)) {
                page->setPolicy(result.value->settings.policyFor(page->type()));
                // What the policy deleted is gone (or being deleted) now, whatever the next list says.
                page->forgetBackups(deletedIds);
            }
            loadBackups();
            setBusy(false, tr("Applied. Surplus backups are being deleted."));
            emit applied();
        });
}

void PolicyEditorDialog::revert()
{
    for (PolicyEditorPage* page : std::as_const(m_pages))
        page->revert();
    m_statusLabel->clear();
}

void PolicyEditorDialog::reject()
{
    bool modified = false;
    for (PolicyEditorPage* page : std::as_const(m_pages))
        modified = modified || page->isModified();
    if (modified) {
        const auto answer
            = MessageBox::question(this, tr("Retention policies"), tr("Close without applying your changes?"),
                QString(), QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QDialog::reject();
}
