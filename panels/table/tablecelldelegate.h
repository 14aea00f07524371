#pragma once

#include <QStyledItemDelegate>

namespace pharos {

/// Paints gradient cell backgrounds across the cell (the style fills backgrounds with the
/// brush as is, which does not stretch a gradient over each cell).
class TableCellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace pharos
