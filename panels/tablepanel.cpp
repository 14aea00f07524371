#include "tablepanel.h"

#include "colors.h"
#include "reducers.h"
#include "units.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <cmath>
#include <set>

namespace pharos {

bool SeriesTableModel::setData(const PanelData &data, const QString &unit,
                               std::optional<int> decimals)
{
    std::set<QString> names;
    bool hasMetric = false;
    for (const TargetResult &t : data.targets) {
        if (t.error.isError())
            continue;
        for (const Frame &f : t.result.frames) {
            for (const auto &[k, v] : f.labels) {
                if (k == QLatin1String("__name__"))
                    hasMetric = true;
                else
                    names.insert(k);
            }
        }
    }
    QStringList labelNames;
    if (hasMetric)
        labelNames << QStringLiteral("__name__");
    for (const QString &n : names)
        labelNames << n;
    QList<Row> rows;
    for (const TargetResult &t : data.targets) {
        if (t.error.isError())
            continue;
        for (const Frame &f : t.result.frames) {
            if (f.isEmpty() || f.values.empty())
                continue;
            Row r;
            for (const QString &n : std::as_const(labelNames))
                r.labels << labelValue(f.labels, n);
            r.value = f.values.back();
            rows << r;
        }
    }
    // The same rows with new values: update them in place, so the view keeps its sorting,
    // selection and scroll position.
    bool sameShape = labelNames == m_labelNames && rows.size() == m_rows.size() && unit == m_unit &&
                     decimals == m_decimals;
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].labels == m_rows[i].labels;
    if (sameShape) {
        int first = -1, last = -1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const double a = rows[i].value, b = m_rows[i].value;
            if (a == b || (std::isnan(a) && std::isnan(b)))
                continue;
            m_rows[i].value = a;
            if (first < 0)
                first = int(i);
            last = int(i);
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, valueColumn()), index(last, valueColumn()));
        return false;
    }
    beginResetModel();
    m_unit = unit;
    m_decimals = decimals;
    m_labelNames = labelNames;
    m_rows = std::move(rows);
    endResetModel();
    return true;
}

void SeriesTableModel::setMappings(const ValueMappings &mappings, bool colorBackground)
{
    beginResetModel();
    m_mappings = mappings;
    m_mappingBackground = colorBackground;
    endResetModel();
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labelNames.size()) + 1;
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const bool isValue = index.column() == valueColumn();
    std::optional<MappingResult> mapped;
    if (!m_mappings.isEmpty() &&
        (role == Qt::DisplayRole || role == Qt::ForegroundRole || role == Qt::BackgroundRole))
        mapped =
            isValue ? m_mappings.map(r.value) : m_mappings.mapText(r.labels.value(index.column()));
    switch (role) {
    case Qt::DisplayRole:
        if (mapped && mapped->hasText)
            return mapped->text;
        return isValue ? formatValueText(r.value, m_unit, m_decimals)
                       : r.labels.value(index.column());
    case Qt::ForegroundRole:
    case Qt::BackgroundRole: {
        if (!mapped || mapped->color.isEmpty())
            return {};
        const QColor c = grafanaColor(mapped->color);
        if (!c.isValid())
            return {};
        if (m_mappingBackground) {
            if (role == Qt::BackgroundRole)
                return c;
            return c.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
        }
        return role == Qt::ForegroundRole ? QVariant(c) : QVariant();
    }
    case Qt::UserRole:
        if (isValue)
            return std::isnan(r.value) ? -std::numeric_limits<double>::infinity() : r.value;
        return r.labels.value(index.column());
    case Qt::TextAlignmentRole:
        return isValue ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    if (section == valueColumn())
        return tr("Value");
    return m_labelNames.value(section);
}

TablePanel::TablePanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    m_model = new SeriesTableModel(this);
    // Grafana's cell display: "color-background" (and the older "color-background-solid")
    // fills the cell with a mapping's colour; otherwise the text takes it.
    const QJsonObject custom = model.customDefaults();
    const QString cellType = custom.value(QLatin1String("cellOptions"))
                                 .toObject()
                                 .value(QLatin1String("type"))
                                 .toString(custom.value(QLatin1String("displayMode")).toString());
    m_model->setMappings(ValueMappings::fromPanel(model.json),
                         cellType.startsWith(QLatin1String("color-background")));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("panelTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setVisible(
        model.options().value(QLatin1String("showHeader")).toBool(true));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->installEventFilter(this);
    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &TablePanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    setContentWidget(m_view);
}

bool TablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    return PanelWidget::eventFilter(watched, event);
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
                    (c == m_model->valueColumn() && name == QLatin1String("Value"))) {
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
        m_view->resizeColumnToContents(m_model->valueColumn());
    return m_model->rowCount() > 0;
}

QString TablePanel::selectionAsTsv() const
{
    const QModelIndexList sel = m_view->selectionModel()->selectedIndexes();
    std::set<int> rows, cols;
    if (sel.isEmpty()) {
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            rows.insert(r);
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cols.insert(c);
    } else {
        for (const QModelIndex &i : sel) {
            rows.insert(i.row());
            cols.insert(i.column());
        }
    }
    QStringList lines;
    QStringList header;
    for (int c : cols)
        header << m_proxy->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int r : rows) {
        QStringList cells;
        for (int c : cols) {
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
