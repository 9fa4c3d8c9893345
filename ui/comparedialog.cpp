#include "comparedialog.h"

#include "client/apiclient.h"
#include "displayformat.h"
#include "headerfit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

CompareDialog::CompareDialog(
    ApiClient* client, const QString& project, const Backup& backup, const QString& previousBackup, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_project(project)
    , m_backup(backup)
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare backup %1 of %2").arg(backup.id.left(8), backup.environment));

    m_againstComboBox = new QComboBox(this);
    m_againstComboBox->setObjectName(QStringLiteral("againstComboBox"));
    m_againstComboBox->addItem(tr("With the environment now"), QStringLiteral("current"));
    if (!previousBackup.isEmpty())
        m_againstComboBox->addItem(tr("With the previous backup (%1)").arg(previousBackup.left(8)), previousBackup);
    connect(m_againstComboBox, &QComboBox::currentIndexChanged, this, &CompareDialog::compare);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("changesTree"));
    m_tree->setAccessibleName(tr("Changes"));
    m_tree->setHeaderLabels({tr("Path"), tr("Change"), tr("Size in the backup"), tr("Size then")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    HeaderFit::apply(m_tree->header());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    auto* label = new QLabel(tr("&Compare:"), this);
    label->setBuddy(m_againstComboBox);
    form->addRow(label, m_againstComboBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(760, 520);
    compare();
}

QString CompareDialog::summaryText() const
{
    return m_summaryLabel->text();
}

void CompareDialog::compare()
{
    const QString against = m_againstComboBox->currentData().toString();
    const quint64 request = ++m_request;
    m_summaryLabel->setText(tr("Comparing…"));
    m_tree->clear();
    ApiClient::onResult(m_client->backupDiff(m_project, m_backup.environment, m_backup.id, against), this,
        [this, request](const ApiResult<BackupDiff>& result) {
            if (request != m_request)
                return; // an older question; the newer answer is on its way
            if (!result.ok()) {
                m_summaryLabel->setText(tr("The comparison failed: %1").arg(result.error.message()));
                return;
            }
            showDiff(*result.value);
            emit compared();
        });
}

QString CompareDialog::summary(const BackupDiff& diff)
{
    QStringList lines;
    const QString other
        = diff.against == QLatin1String("current") ? tr("now") : tr("in backup %1").arg(diff.against.left(8));
    if (diff.totalChanges() == 0)
        lines.append(tr("No file differs."));
    for (const BackupDiff::Part& part : diff.parts) {
        if (part.added + part.changed + part.removed == 0)
            continue;
        lines.append(
            tr("%1: %2 added, %3 changed, %4 removed (%5 in the backup, %6 %7)")
                .arg(part.part)
                .arg(part.added)
                .arg(part.changed)
                .arg(part.removed)
                .arg(DisplayFormat::dataSize(part.bytesBefore), DisplayFormat::dataSize(part.bytesAfter), other));
    }
    if (diff.backupCommit != diff.againstCommit)
        lines.append(tr("Code: commit %1 in the backup, %2 %3")
                         .arg(diff.backupCommit.isEmpty() ? tr("none") : diff.backupCommit.left(12),
                             diff.againstCommit.isEmpty() ? tr("none") : diff.againstCommit.left(12), other));
    else
        lines.append(tr("Code: the same commit (%1)")
                         .arg(diff.backupCommit.isEmpty() ? tr("none") : diff.backupCommit.left(12)));
    for (const BackupDiff::Service& service : diff.services) {
        for (const BackupDiff::Table& t : service.tables) {
            if (t.rowsBackup && t.rowsAgainst && *t.rowsBackup == *t.rowsAgainst)
                continue;
            lines.append(
                tr("Database %1, table %2: %3 rows in the backup, %4 %5")
                    .arg(service.name, t.name, t.rowsBackup ? QString::number(*t.rowsBackup) : tr("not recorded"),
                        t.rowsAgainst ? QString::number(*t.rowsAgainst) : tr("unknown"), other));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void CompareDialog::showDiff(const BackupDiff& diff)
{
    m_summaryLabel->setText(summary(diff));
    const auto changeName = [](const QString& change) {
        if (change == QLatin1String("added"))
            return tr("added");
        if (change == QLatin1String("removed"))
            return tr("removed");
        return tr("changed");
    };
    const auto size
        = [](const std::optional<qint64>& bytes) { return bytes ? DisplayFormat::dataSize(*bytes) : QString(); };
    for (const BackupDiff::Part& part : diff.parts) {
        auto* top = new QTreeWidgetItem(m_tree,
            {part.part, tr("%1 added, %2 changed, %3 removed").arg(part.added).arg(part.changed).arg(part.removed),
                DisplayFormat::dataSize(part.bytesBefore), DisplayFormat::dataSize(part.bytesAfter)});
        for (const BackupDiff::Entry& e : part.entries)
            new QTreeWidgetItem(top, {e.path, changeName(e.change), size(e.sizeBefore), size(e.sizeAfter)});
        if (part.truncated)
            new QTreeWidgetItem(top, {tr("… and more (the first 1000 are listed)")});
    }
    m_tree->setHeaderLabels({tr("Path"), tr("Change"), tr("Size in the backup"),
        diff.against == QLatin1String("current") ? tr("Size now") : tr("Size in the other backup")});
}
