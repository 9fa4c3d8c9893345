#include "healthview.h"

#include "displayformat.h"
#include "headerfit.h"
#include "modelroles.h"
#include "tones.h"

#include <algorithm>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

Tones::Tone tone(HealthRow::State state)
{
    switch (state) {
    case HealthRow::State::Critical:
        return Tones::Tone::Danger;
    case HealthRow::State::Unreachable:
    case HealthRow::State::Warning:
        return Tones::Tone::Warning;
    case HealthRow::State::Unknown:
        return Tones::Tone::Muted;
    case HealthRow::State::Ok:
        return Tones::Tone::Success;
    }
    return Tones::Tone::Muted;
}

// Worst first (the State column's severity, descending); rows of equal state keep the model's order (connections
// as saved, environments as the server lists them).
class WorstFirstProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QVariant data(const QModelIndex& index, int role) const override
    {
        // The state in its colour (the model has no GUI types), readable on the palette's base, dark or light.
        if (role == Qt::ForegroundRole && index.column() == HealthTableModel::StateColumn)
            return QBrush(
                Tones::text(tone(HealthRow::State(index.data(UnderlyingDataRole).toInt())), QApplication::palette()));
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        if (left.column() == HealthTableModel::StateColumn) {
            const int a = left.data(UnderlyingDataRole).toInt();
            const int b = right.data(UnderlyingDataRole).toInt();
            if (a != b)
                return a < b;
            return left.row() > right.row(); // descending order reverses this back to the model's
        }
        const QVariant a = left.data(UnderlyingDataRole);
        const QVariant b = right.data(UnderlyingDataRole);
        if (a.typeId() == b.typeId() && a.typeId() == QMetaType::LongLong)
            return a.toLongLong() < b.toLongLong();
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    }
};

} // namespace

HealthView::HealthView(HealthTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new WorstFirstProxy(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(tr("Check &now"), this))
{
    setObjectName(QStringLiteral("healthView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    m_table->setObjectName(QStringLiteral("healthTableView"));
    m_table->setAccessibleName(tr("Health of every environment"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HealthTableModel::StateColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(HealthTableModel::ReasonsColumn, QHeaderView::Stretch);
    HeaderFit::apply(m_table->horizontalHeader());
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::clicked, this, &HealthView::activate);

    m_summary->setObjectName(QStringLiteral("healthSummaryLabel"));
    m_refresh->setObjectName(QStringLiteral("healthRefreshButton"));
    connect(m_refresh, &QPushButton::clicked, this, &HealthView::refreshRequested);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    setChecked(0);
}

const HealthRow& HealthView::rowAt(int proxyRow) const
{
    return m_model->healthRow(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row());
}

void HealthView::setChecked(qint64 msecsSinceEpoch)
{
    m_summary->setText(msecsSinceEpoch > 0
            ? tr("Every environment of every connection, worst first. Checked %1; Enter or a click opens one.")
                  .arg(DisplayFormat::localTime(msecsSinceEpoch))
            : tr("Every environment of every connection, worst first. Checking…"));
}

void HealthView::activate(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const HealthRow& row = m_model->healthRow(m_proxy->mapToSource(proxyIndex).row());
    emit environmentActivated(row.connection, row.project, row.environment);
}

bool HealthView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activate(m_table->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QIcon HealthView::stateIcon(HealthRow::State state, const QIcon& base)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        if (!base.isNull())
            base.paint(&painter, pixmap.rect());
        const int d = base.isNull() ? size - 2 : size / 2;
        const QRect disc(size - d - 1, size - d - 1, d, d);
        painter.setPen(QPen(Qt::white, std::max(1, size / 16)));
        painter.setBrush(Tones::mark(tone(state)));
        painter.drawEllipse(disc);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
