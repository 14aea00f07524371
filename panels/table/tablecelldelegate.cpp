#include "panels/table/tablecelldelegate.h"

#include <QApplication>
#include <QLinearGradient>
#include <QPainter>
#include <QStyle>

namespace pharos {

void TableCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QBrush brush = index.data(Qt::BackgroundRole).value<QBrush>();
    const QGradient *g = brush.gradient();
    if (!g || g->type() != QGradient::LinearGradient) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QLinearGradient across(option.rect.topLeft(), option.rect.bottomRight());
    across.setStops(g->stops());
    painter->fillRect(option.rect, across);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.backgroundBrush = Qt::NoBrush;
    const QWidget *w = option.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
}

} // namespace pharos
