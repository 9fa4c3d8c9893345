#include "unitdelegate.h"

#include "scheduledraftmodel.h"

#include <QComboBox>

QWidget* UnitDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex& index) const
{
    auto* combo = new QComboBox(parent);
    // In the number's grammatical number: "day" after 1, "days" after 7.
    const int count = index.siblingAtColumn(ScheduleDraftModel::NumberColumn).data(Qt::EditRole).toInt();
    combo->addItems(ScheduleDraftModel::unitNames(count));
    combo->setAccessibleName(tr("Unit"));
    // Commit as soon as a unit is picked, so the preview follows at once.
    connect(
        combo, &QComboBox::activated, this, [this, combo] { emit const_cast<UnitDelegate*>(this)->commitData(combo); });
    return combo;
}

void UnitDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    static_cast<QComboBox*>(editor)->setCurrentIndex(index.data(Qt::EditRole).toInt());
}

void UnitDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentIndex(), Qt::EditRole);
}
