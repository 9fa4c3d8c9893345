#pragma once

#include <QStyledItemDelegate>

// Paints an activity as its summary line with a progress bar beneath while it runs, and its outcome once done.
class ActivityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
