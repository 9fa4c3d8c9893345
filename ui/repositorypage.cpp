#include "repositorypage.h"

#include "client/activityfollower.h"
#include "client/apiclient.h"
#include "displayformat.h"
#include "growthchart.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

RepositoryPage::RepositoryPage(ApiClient* client, const QString& project, bool canVerify, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_project(project)
    , m_canVerify(canVerify)
{
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("repositoryTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Repository"), tr("Location"), tr("Stored"), tr("Backups hold"),
        tr("Deduplication"), tr("Snapshots"), tr("Last verified"), tr("Result"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // A long location is elided in the middle (its tooltip has it whole): the numbers stay in view.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(VerifyColumn, !m_canVerify);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab leaves the table: the arrow keys choose a repository, the button below verifies it.
    m_table->setTabKeyNavigation(false);
    layout->addWidget(m_table, 1);
    if (m_canVerify) {
        m_verifySelected = new QPushButton(tr("&Verify the selected repository now"), this);
        m_verifySelected->setObjectName(QStringLiteral("verifySelectedButton"));
        connect(m_verifySelected, &QPushButton::clicked, this, [this] {
            const int row = m_table->currentRow();
            if (row >= 0 && row < m_report.repositories.size())
                verify(m_report.repositories.at(row).name);
        });
        auto* row = new QHBoxLayout;
        row->addStretch();
        row->addWidget(m_verifySelected);
        layout->addLayout(row);
    }
    m_chart = new GrowthChart(this);
    layout->addWidget(m_chart, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("repositoryStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_status->setText(tr("Loading…"));
    refresh();
}

void RepositoryPage::refresh()
{
    ApiClient::onResult(m_client->repository(m_project), this, [this](const ApiResult<RepositoryReport>& r) {
        if (!r.ok()) {
            m_status->setText(tr("The repositories could not be read: %1").arg(r.error.message()));
            return;
        }
        show(*r.value);
        if (!m_verifying)
            m_status->clear();
        m_loaded = true;
        emit loaded();
    });
}

void RepositoryPage::show(const RepositoryReport& report)
{
    m_report = report;
    m_table->setRowCount(int(report.repositories.size()));
    const auto text = [](const QString& t) {
        auto* item = new QTableWidgetItem(t);
        return item;
    };
    const auto number = [](const QString& t) {
        auto* item = new QTableWidgetItem(t);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int row = 0; row < report.repositories.size(); ++row) {
        const RepositoryStatus& r = report.repositories.at(row);
        const QString name = r.name == QLatin1String("primary") ? tr("Primary") : r.name;
        m_table->setItem(row, NameColumn, text(name));
        m_table->setItem(row, LocationColumn, text(r.location));
        m_table->item(row, LocationColumn)->setToolTip(r.location);
        m_table->setItem(row, SizeColumn,
            number(r.sizeBytes ? DisplayFormat::dataSize(*r.sizeBytes) : tr("not measured", "repository size")));
        if (!r.sizeBytes)
            m_table->item(row, SizeColumn)
                ->setToolTip(tr("Only a repository on this machine is measured; a copy's size is its backend's."));
        m_table->setItem(
            row, LogicalColumn, number(r.logicalBytes ? DisplayFormat::dataSize(*r.logicalBytes) : QString()));
        m_table->setItem(row, DedupColumn,
            number(r.dedupRatio ? tr("%1 ×").arg(QLocale().toString(*r.dedupRatio, 'f', 1)) : DisplayFormat::none()));
        m_table->setItem(row, SnapshotsColumn, number(QLocale().toString(r.snapshots)));
        m_table->setItem(row, VerifiedColumn,
            text(r.lastVerifiedAtMs ? DisplayFormat::localTime(*r.lastVerifiedAtMs) : tr("never")));
        QString result = tr("not verified");
        if (r.lastVerifyResult == QLatin1String("success"))
            result = tr("passed");
        else if (r.lastVerifyResult == QLatin1String("failure"))
            result = tr("FAILED");
        auto* resultItem = text(r.lastVerifyText.isEmpty() ? result : result + QLatin1String(": ") + r.lastVerifyText);
        resultItem->setToolTip(r.lastVerifyText);
        m_table->setItem(row, ResultColumn, resultItem);
        if (m_canVerify) {
            auto* button = new QPushButton(tr("Verify now"), m_table);
            button->setObjectName(QStringLiteral("verifyButton_") + r.name);
            button->setToolTip(tr("Check %1 with restic and read back a share of its data").arg(name));
            button->setEnabled(!m_verifying);
            const QString repository = r.name;
            connect(button, &QPushButton::clicked, this, [this, repository] { verify(repository); });
            m_table->setCellWidget(row, VerifyColumn, button);
        }
    }
    if (m_table->currentRow() < 0 && m_table->rowCount() > 0)
        m_table->selectRow(0);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(LocationColumn, std::min(m_table->columnWidth(LocationColumn), 240));
    m_chart->setPoints(report.growth);
}

void RepositoryPage::verify(const QString& repository)
{
    if (m_verifying || !m_canVerify)
        return;
    m_verifying = true;
    for (QPushButton* button : m_table->findChildren<QPushButton*>())
        button->setEnabled(false);
    m_verifySelected->setEnabled(false);
    m_status->setText(tr("Starting the verification of %1…").arg(repository));
    ApiClient::onResult(m_client->verifyRepository(m_project, repository, -1), this,
        [this, repository](const ApiResult<QList<Activity>>& r) {
            if (!r.ok() || r.value->isEmpty()) {
                m_status->setText(tr("The verification could not start: %1")
                                      .arg(r.ok() ? tr("the server started no activity") : r.error.message()));
                m_verifying = false;
                m_verifySelected->setEnabled(true);
                show(m_report);
                return;
            }
            const Activity activity = r.value->constFirst();
            emit activityStarted(activity);
            m_follower = new ActivityFollower(m_client, m_project, activity.id, this);
            m_status->setText(tr("Verifying %1…").arg(repository));
            connect(m_follower, &ActivityFollower::progress, this, [this, repository](int percent) {
                m_status->setText(tr("Verifying %1… %2 %").arg(repository).arg(percent));
            });
            connect(m_follower, &ActivityFollower::finished, this,
                [this, repository](const Activity& done, const ApiError& error) {
                    m_follower->deleteLater();
                    m_follower = nullptr;
                    m_verifying = false;
                    m_verifySelected->setEnabled(true);
                    if (error.isError())
                        m_status->setText(
                            tr("The verification of %1 could not be followed: %2").arg(repository, error.message()));
                    else
                        m_status->setText(done.result == Activity::Result::Success
                                ? tr("Verification of %1 passed: %2").arg(repository, done.text)
                                : tr("Verification of %1 FAILED: %2").arg(repository, done.text));
                    refresh();
                    emit verificationFinished(done);
                });
        });
}
