#include "app/editor/promqlcompletionpopup.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <algorithm>

namespace pharos {

class PromqlCompletionModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;
    QList<PromqlCompletionItem> items;
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(items.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= items.size())
            return {};
        const PromqlCompletionItem &i = items.at(index.row());
        if (role == Qt::DisplayRole)
            return i.label;
        if (role == Qt::UserRole)
            return i.detail;
        if (role == Qt::UserRole + 1)
            return int(i.kind);
        return {};
    }
    void reset(QList<PromqlCompletionItem> list)
    {
        beginResetModel();
        items = std::move(list);
        endResetModel();
    }
};

namespace {

QString kindTag(PromqlCompletionItem::Kind k)
{
    using K = PromqlCompletionItem::Kind;
    switch (k) {
    case K::Function:
        return QStringLiteral("f");
    case K::Aggregation:
        return QStringLiteral("a");
    case K::Keyword:
        return QStringLiteral("k");
    case K::Metric:
        return QStringLiteral("m");
    case K::Label:
        return QStringLiteral("l");
    case K::LabelValue:
        return QStringLiteral("v");
    case K::Duration:
        return QStringLiteral("d");
    case K::Variable:
        return QStringLiteral("$");
    }
    return {};
}

// Kind tag, name, and the detail (TYPE or signature) right-aligned in grey.
class CompletionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString label = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const bool selected = opt.state & QStyle::State_Selected;
        const QColor text =
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRect r = opt.rect.adjusted(4, 0, -4, 0);
        p->save();
        const auto kind = PromqlCompletionItem::Kind(index.data(Qt::UserRole + 1).toInt());
        const int tagW = opt.fontMetrics.horizontalAdvance(QLatin1Char('m')) + 6;
        QRect tag(r.left(), r.top() + 2, tagW, r.height() - 4);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x80, 0x80, 0x80, 60));
        p->drawRoundedRect(tag, 3, 3);
        p->setPen(text);
        p->drawText(tag, Qt::AlignCenter, kindTag(kind));
        r.setLeft(tag.right() + 6);
        const QString detail = index.data(Qt::UserRole).toString();
        const int labelW = opt.fontMetrics.horizontalAdvance(label);
        p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                    opt.fontMetrics.elidedText(label, Qt::ElideRight, r.width()));
        if (!detail.isEmpty() && labelW + 24 < r.width()) {
            QColor dim = text;
            dim.setAlpha(140);
            p->setPen(dim);
            const QRect dr(r.left() + labelW + 16, r.top(), r.width() - labelW - 16, r.height());
            p->drawText(dr, Qt::AlignVCenter | Qt::AlignRight,
                        opt.fontMetrics.elidedText(detail, Qt::ElideLeft, dr.width()));
        }
        p->restore();
    }
};

} // namespace

PromqlCompletionPopup::PromqlCompletionPopup(QWidget *parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint)
{
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_WindowPropagation); // the editor's palette and font
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::Box);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    m_list = new QListView(this);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true); // virtualised: 100,000 rows cost nothing
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_model = new PromqlCompletionModel(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CompletionDelegate(m_list));
    layout->addWidget(m_list, 1);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setContentsMargins(6, 4, 6, 4);
    m_details->setAutoFillBackground(true);
    layout->addWidget(m_details);
    m_status = new QLabel(this);
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->hide();
    layout->addWidget(m_status);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PromqlCompletionPopup::updateDetails);
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &i) { Q_EMIT activated(i.row()); });
    resize(460, 260);
}

void PromqlCompletionPopup::setItems(const QList<PromqlCompletionItem> &items, bool keepCurrent)
{
    // Keep the current candidate when it is still offered.
    QString current;
    if (keepCurrent && currentRow() >= 0)
        current = m_model->items.at(currentRow()).label;
    m_model->reset(items);
    int row = 0;
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i).label == current) {
            row = i;
            break;
        }
    setCurrentRow(items.isEmpty() ? -1 : row);
    updateDetails();
}

const QList<PromqlCompletionItem> &PromqlCompletionPopup::items() const
{
    return m_model->items;
}

int PromqlCompletionPopup::currentRow() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() && i.row() < m_model->items.size() ? i.row() : -1;
}

void PromqlCompletionPopup::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->items.size()) {
        m_list->setCurrentIndex({});
        return;
    }
    const QModelIndex i = m_model->index(row);
    m_list->setCurrentIndex(i);
    m_list->scrollTo(i);
}

void PromqlCompletionPopup::moveCurrent(int delta)
{
    const int n = int(m_model->items.size());
    if (n == 0)
        return;
    setCurrentRow(std::clamp(std::max(0, currentRow()) + delta, 0, n - 1));
}

void PromqlCompletionPopup::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString PromqlCompletionPopup::statusText() const
{
    return m_status->text();
}

QString PromqlCompletionPopup::detailsText() const
{
    return m_details->text();
}

void PromqlCompletionPopup::updateDetails()
{
    const int row = currentRow();
    if (row < 0) {
        m_details->clear();
        m_details->hide();
        return;
    }
    const PromqlCompletionItem &i = m_model->items.at(row);
    QString html;
    if (!i.detail.isEmpty())
        html += QStringLiteral("<b>%1</b>").arg(i.detail.toHtmlEscaped());
    if (!i.documentation.isEmpty()) {
        if (!html.isEmpty())
            html += QStringLiteral("<br>");
        html += i.documentation.toHtmlEscaped();
    }
    m_details->setText(html);
    m_details->setVisible(!html.isEmpty());
}

} // namespace pharos
