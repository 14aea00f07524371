#include "panels/table/tablepanel.h"

#include "dashboards/fields/reducers.h"
#include "dashboards/fields/units.h"
#include "panels/table/tablecelldelegate.h"
#include "panels/table/tablefilterproxy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>
#include <vector>

namespace pharos {

TablePanel::TablePanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    m_model = new SeriesTableModel(this);
    m_model->setPanelJson(model.json);
    m_proxy = new TableFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("panelTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new TableCellDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    // options.cellHeight: Grafana's row heights, "sm" (the default) 36 px, "md" 42, "lg" 48.
    m_view->verticalHeader()->setMinimumSectionSize(16);
    m_view->verticalHeader()->setDefaultSectionSize(
        tableRowHeight(model.options().value(QLatin1String("cellHeight")).toString()));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setVisible(
        model.options().value(QLatin1String("showHeader")).toBool(true));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->installEventFilter(this);
    m_view->horizontalHeader()->viewport()->installEventFilter(this);
    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &TablePanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    const QJsonObject footer = model.options().value(QLatin1String("footer")).toObject();
    if (!footer.value(QLatin1String("show")).toBool()) {
        setContentWidget(m_view);
        return;
    }
    m_footerReducer = footer.value(QLatin1String("reducer")).toArray().first().toString();
    if (m_footerReducer.isEmpty())
        m_footerReducer = QStringLiteral("sum");
    const QJsonValue fields = footer.value(QLatin1String("fields"));
    for (const QJsonValue &f : fields.toArray())
        m_footerFields << f.toString();
    m_footerCountRows = footer.value(QLatin1String("countRows")).toBool();
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_footerModel = new QStandardItemModel(this);
    m_footer = new QTableView(box);
    m_footer->setObjectName(QStringLiteral("panelTableFooter"));
    m_footer->setModel(m_footerModel);
    m_footer->horizontalHeader()->hide();
    m_footer->verticalHeader()->hide();
    m_footer->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_footer->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_footer->setSelectionMode(QAbstractItemView::NoSelection);
    m_footer->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_footer->setFocusPolicy(Qt::NoFocus);
    m_footer->verticalHeader()->setMinimumSectionSize(16);
    m_footer->verticalHeader()->setDefaultSectionSize(
        m_view->verticalHeader()->defaultSectionSize());
    m_footer->setFixedHeight(m_footer->verticalHeader()->defaultSectionSize() +
                             2 * m_footer->frameWidth());
    QFont bold = m_footer->font();
    bold.setBold(true);
    m_footer->setFont(bold);
    layout->addWidget(m_footer);
    // The footer follows the table's column widths and horizontal scrolling.
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, m_footer,
            [this](int column, int, int size) { m_footer->setColumnWidth(column, size); });
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_footer->horizontalScrollBar(), &QScrollBar::setValue);
    setContentWidget(box);
}

QStringList TablePanel::columnNamesFor(const PanelModel &model, const PanelData &data)
{
    SeriesTableModel m;
    m.setPanelJson(model.json);
    m.setData(data, model.defaults.unit, model.defaults.decimals);
    return m.columnNames();
}

QString TablePanel::footerText(int column) const
{
    if (!m_footerModel || column < 0 || column >= m_footerModel->columnCount())
        return {};
    const QStandardItem *item = m_footerModel->item(0, column);
    return item ? item->text() : QString();
}

void TablePanel::updateFooter()
{
    if (!m_footer)
        return;
    const int columns = m_model->columnCount();
    m_footerModel->clear();
    m_footerModel->setRowCount(1);
    m_footerModel->setColumnCount(columns);
    QStringList texts(columns);
    if (!m_footerCountRows) {
        for (int c = m_model->valueColumn(); c < columns; ++c) {
            const TableColumnOptions o = m_model->columnOptions(c);
            const QString shown = m_model->headerData(c, Qt::Horizontal).toString();
            if (!m_footerFields.isEmpty() && !m_footerFields.contains(shown) &&
                !m_footerFields.contains(m_model->columnName(c)))
                continue;
            // the rows shown (a column filter hides some)
            std::vector<double> values;
            for (int r = 0; r < m_proxy->rowCount(); ++r) {
                const int source = m_proxy->mapToSource(m_proxy->index(r, c)).row();
                if (m_model->hasValue(source, c))
                    values.push_back(m_model->valueAt(source, c));
            }
            const double v = reduceValues(values.data(), qsizetype(values.size()), m_footerReducer);
            texts[c] = formatValueText(v, o.unit, o.decimals);
        }
    }
    // The first shown column names the calculation (or counts the rows).
    const QHeaderView *header = m_view->horizontalHeader();
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (m_view->isColumnHidden(c))
            continue;
        if (m_footerCountRows)
            texts[c] = tr("Count: %1").arg(m_proxy->rowCount());
        else if (texts[c].isEmpty())
            texts[c] = reducerDisplayName(m_footerReducer);
        break;
    }
    for (int c = 0; c < columns; ++c) {
        auto *item = new QStandardItem(texts[c]);
        item->setTextAlignment(
            Qt::Alignment(m_model->data(m_model->index(0, c), Qt::TextAlignmentRole).toInt()));
        if (m_model->rowCount() == 0)
            item->setTextAlignment(m_model->isValueColumn(c) ? Qt::AlignRight | Qt::AlignVCenter
                                                             : Qt::AlignLeft | Qt::AlignVCenter);
        m_footerModel->setItem(0, c, item);
    }
    // Same columns as the table: hidden, widths, order, stretch.
    QHeaderView *fh = m_footer->horizontalHeader();
    for (int c = 0; c < columns; ++c) {
        m_footer->setColumnHidden(c, m_view->isColumnHidden(c));
        m_footer->setColumnWidth(c, m_view->columnWidth(c));
    }
    for (int v = 0; v < columns; ++v) {
        const int c = header->logicalIndex(v);
        const int from = fh->visualIndex(c);
        if (from != v)
            fh->moveSection(from, v);
    }
    fh->setStretchLastSection(header->stretchLastSection());
    m_footer->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->value());
}

bool TablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    // A press on the funnel of a filterable column opens its filter (and does not sort).
    if (watched == m_view->horizontalHeader()->viewport() &&
        event->type() == QEvent::MouseButtonPress) {
        const auto *e = static_cast<QMouseEvent *>(event);
        const int column = m_view->horizontalHeader()->logicalIndexAt(e->position().toPoint());
        if (e->button() == Qt::LeftButton && column >= 0 &&
            filterIconRect(column).contains(e->position().toPoint())) {
            showFilterPopup(column);
            return true;
        }
    }
    return PanelWidget::eventFilter(watched, event);
}

QRect TablePanel::filterIconRect(int column) const
{
    if (!m_model->columnOptions(column).filterable || m_view->isColumnHidden(column))
        return {};
    const QHeaderView *h = m_view->horizontalHeader();
    // The header draws a section's icon at the left of its label.
    return QRect(h->sectionViewportPosition(column), 0, 12 + 10, h->height());
}

QStringList TablePanel::columnFilter(int column) const
{
    const auto *proxy = static_cast<const TableFilterProxy *>(m_proxy);
    const QSet<QString> set = proxy->filters.value(m_model->columnName(column));
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

void TablePanel::setColumnFilter(int column, const QStringList &values)
{
    auto *proxy = static_cast<TableFilterProxy *>(m_proxy);
    const QString name = m_model->columnName(column);
    if (values.isEmpty())
        proxy->filters.remove(name);
    else
        proxy->filters.insert(name, QSet<QString>(values.begin(), values.end()));
    m_model->setActiveFilters(QStringList(proxy->filters.keyBegin(), proxy->filters.keyEnd()));
    proxy->refilter();
    updateFooter();
}

QListWidget *TablePanel::filterList() const
{
    return m_filterPopup ? m_filterPopup->findChild<QListWidget *>(QStringLiteral("filterValues"))
                         : nullptr;
}

void TablePanel::showFilterPopup(int column)
{
    if (column < 0 || column >= m_model->columnCount())
        return;
    delete m_filterPopup;
    m_filterPopup = new QFrame(this, Qt::Popup);
    m_filterPopup->setObjectName(QStringLiteral("tableFilterPopup"));
    m_filterPopup->setAttribute(Qt::WA_DeleteOnClose);
    m_filterPopup->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(m_filterPopup);
    auto *list = new QListWidget(m_filterPopup);
    list->setObjectName(QStringLiteral("filterValues"));
    QStringList values;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString v = m_model->index(r, column).data().toString();
        if (!values.contains(v))
            values << v;
    }
    values.sort();
    const QStringList chosen = columnFilter(column);
    for (const QString &v : std::as_const(values)) {
        auto *item = new QListWidgetItem(v.isEmpty() ? tr("(empty)") : v, list);
        item->setData(Qt::UserRole, v);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(v) ? Qt::Checked : Qt::Unchecked);
    }
    const auto apply = [this, list, column] {
        QStringList checked;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                checked << list->item(i)->data(Qt::UserRole).toString();
        }
        setColumnFilter(column, checked);
    };
    // a click anywhere on a value toggles it
    connect(list, &QListWidget::itemClicked, list, [](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    connect(list, &QListWidget::itemChanged, this, apply);
    layout->addWidget(list);
    auto *clear = new QPushButton(tr("Clear filter"), m_filterPopup);
    clear->setObjectName(QStringLiteral("clearFilter"));
    connect(clear, &QPushButton::clicked, this, [this, column] {
        setColumnFilter(column, {});
        if (m_filterPopup)
            m_filterPopup->close();
    });
    layout->addWidget(clear);
    const QHeaderView *h = m_view->horizontalHeader();
    const QPoint at =
        h->viewport()->mapToGlobal(QPoint(h->sectionViewportPosition(column), h->height()));
    m_filterPopup->resize(std::max(180, h->sectionSize(column)), 220);
    m_filterPopup->move(at);
    m_filterPopup->show();
}

bool TablePanel::updateContent(const PanelDataPtr &data)
{
    const bool reset = m_model->setData(*data, model().defaults.unit, model().defaults.decimals);
    if (!m_sortApplied) {
        m_sortApplied = true;
        const QJsonArray sortBy = model().options().value(QLatin1String("sortBy")).toArray();
        if (!sortBy.isEmpty()) {
            const QJsonObject s = sortBy.first().toObject();
            const QString name = s.value(QLatin1String("displayName")).toString();
            for (int c = 0; c < m_model->columnCount(); ++c) {
                if (m_model->headerData(c, Qt::Horizontal).toString() == name ||
                    m_model->columnName(c) == name) {
                    m_view->sortByColumn(c, s.value(QLatin1String("desc")).toBool()
                                                ? Qt::DescendingOrder
                                                : Qt::AscendingOrder);
                    break;
                }
            }
        }
    }
    if (reset)
        m_view->resizeColumnsToContents();
    else
        for (int c = m_model->valueColumn(); c < m_model->columnCount(); ++c)
            m_view->resizeColumnToContents(c);
    applyColumnLayout();
    updateFooter();
    return m_model->rowCount() > 0;
}

void TablePanel::applyColumnLayout()
{
    int lastVisible = -1;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const TableColumnOptions o = m_model->columnOptions(c);
        m_view->setColumnHidden(c, o.hidden);
        if (o.hidden)
            continue;
        lastVisible = c;
        if (o.width)
            m_view->setColumnWidth(c, *o.width);
        else if (o.minWidth && m_view->columnWidth(c) < *o.minWidth)
            m_view->setColumnWidth(c, *o.minWidth);
    }
    // The last column fills the rest of the table, unless its width is fixed.
    m_view->horizontalHeader()->setStretchLastSection(lastVisible < 0 ||
                                                      !m_model->columnOptions(lastVisible).width);
}

QString TablePanel::selectionAsTsv() const
{
    const QModelIndexList sel = m_view->selectionModel()->selectedIndexes();
    std::set<int> rows, cols;
    if (sel.isEmpty()) {
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            rows.insert(r);
        for (int c = 0; c < m_proxy->columnCount(); ++c) {
            if (!m_view->isColumnHidden(c))
                cols.insert(c);
        }
    } else {
        for (const QModelIndex &i : sel) {
            if (m_view->isColumnHidden(i.column()))
                continue;
            rows.insert(i.row());
            cols.insert(i.column());
        }
    }
    // columns in the order they are shown (an "organize" transformation moves them)
    QList<int> colOrder(cols.begin(), cols.end());
    const QHeaderView *hv = m_view->horizontalHeader();
    std::sort(colOrder.begin(), colOrder.end(),
              [hv](int a, int b) { return hv->visualIndex(a) < hv->visualIndex(b); });
    QStringList lines;
    QStringList header;
    for (int c : std::as_const(colOrder))
        header << m_proxy->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r : rows) {
        QStringList cells;
        for (int c : std::as_const(colOrder)) {
            const QModelIndex i = m_proxy->index(r, c);
            cells << ((sel.isEmpty() || m_view->selectionModel()->isSelected(i))
                          ? m_proxy->data(i).toString()
                          : QString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void TablePanel::copySelection()
{
    QApplication::clipboard()->setText(selectionAsTsv());
}

} // namespace pharos
