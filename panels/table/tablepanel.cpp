#include "panels/table/tablepanel.h"

#include "dashboards/fields/reducers.h"
#include "dashboards/fields/units.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHash>
#include <QHeaderView>
#include <QIcon>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>
#include <set>

namespace pharos {

namespace {

/// Grafana writes booleans of overrides as JSON booleans, older files as "true" strings.
bool truthy(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    if (v.isDouble())
        return v.toDouble() != 0;
    return false;
}

std::optional<int> pixels(const QJsonValue &v)
{
    const std::optional<double> n = json::number(v);
    if (!n || !std::isfinite(*n) || *n <= 0)
        return std::nullopt;
    return int(std::min(*n, 100000.0));
}

QString cellTypeOf(const QJsonValue &cellOptions)
{
    return cellOptions.toObject().value(QLatin1String("type")).toString();
}

/// Applies one table option (a key of `custom` without the prefix) to `c`. Undefined or null
/// resets the option to Grafana's default.
void applyTableOption(const QString &key, const QJsonValue &v, TableColumnOptions &c)
{
    const bool unset = v.isUndefined() || v.isNull();
    if (key == QLatin1String("width")) {
        c.width = unset ? std::nullopt : pixels(v);
    } else if (key == QLatin1String("minWidth")) {
        c.minWidth = unset ? std::nullopt : pixels(v);
    } else if (key == QLatin1String("align")) {
        const QString a = v.toString();
        c.align = (a == QLatin1String("left") || a == QLatin1String("center") ||
                   a == QLatin1String("right"))
                      ? a
                      : QStringLiteral("auto");
    } else if (key == QLatin1String("cellOptions")) {
        const QString t = cellTypeOf(v);
        const QJsonObject o = v.toObject();
        c.cellType = t.isEmpty() ? QStringLiteral("auto") : t;
        c.backgroundSolid = o.value(QLatin1String("mode")).toString() == QLatin1String("basic");
        c.applyToRow = truthy(o.value(QLatin1String("applyToRow")));
    } else if (key == QLatin1String("displayMode")) {
        // Before schema 38; "color-background-solid" is a solid background.
        const QString t = v.toString();
        c.cellType = t.isEmpty() ? QStringLiteral("auto") : t;
        c.backgroundSolid = t == QLatin1String("color-background-solid");
        c.applyToRow = false;
    } else if (key == QLatin1String("hidden")) {
        c.hidden = truthy(v);
    } else if (key == QLatin1String("filterable")) {
        c.filterable = truthy(v);
    }
}

/// The funnel drawn in the header of filterable columns.
QIcon funnelIcon(bool active)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = active ? QColor(0x33, 0x83, 0xf8) : QColor(0x80, 0x80, 0x80);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    const QPointF funnel[] = {{0.5, 1}, {11.5, 1}, {7, 6.5}, {7, 11}, {5, 10}, {5, 6.5}};
    p.drawPolygon(funnel, 6);
    return QIcon(pm);
}

/// Sorts by the raw values and keeps the rows whose cells show one of a column's chosen
/// values. Filters are kept by column name, so a refresh with new columns keeps them.
class TableFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QHash<QString, QSet<QString>> filters;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (filters.isEmpty())
            return true;
        const auto *m = static_cast<const SeriesTableModel *>(sourceModel());
        for (int c = 0; c < m->columnCount(); ++c) {
            const auto it = filters.constFind(m->columnName(c));
            if (it == filters.constEnd() || it->isEmpty())
                continue;
            if (!it->contains(m->index(row, c, parent).data().toString()))
                return false;
        }
        return true;
    }
};

/// Paints gradient cell backgrounds across the cell (the style fills backgrounds with the
/// brush as is, which does not stretch a gradient over each cell).
class TableCellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
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
};

} // namespace

int tableRowHeight(const QString &cellHeight)
{
    if (cellHeight == QLatin1String("md"))
        return 42;
    if (cellHeight == QLatin1String("lg"))
        return 48;
    return 36;
}

TableColumnOptions TableColumnOptions::resolve(const QJsonObject &panelJson,
                                               const FieldConfigResolver &resolver,
                                               const QString &name, const QString &type,
                                               const QString &refId)
{
    FieldMatchInfo info;
    info.name = name;
    info.refId = refId;
    info.type = type;
    const FieldConfig fc = resolver.resolve(info);
    TableColumnOptions c;
    c.name = name;
    c.displayName = fc.displayName;
    c.unit = fc.unit;
    c.decimals = fc.decimals;
    c.min = fc.min;
    c.max = fc.max;
    c.thresholds = fc.thresholds;
    c.colorMode = fc.colorMode;
    c.fixedColor = fc.fixedColor;

    const QJsonObject fieldConfig = panelJson.value(QLatin1String("fieldConfig")).toObject();
    const QJsonObject defaults = fieldConfig.value(QLatin1String("defaults")).toObject();
    const QJsonObject custom = defaults.value(QLatin1String("custom")).toObject();
    // displayMode first, so that cellOptions (the newer key) wins when a file has both
    if (custom.contains(QLatin1String("displayMode")))
        applyTableOption(QStringLiteral("displayMode"), custom.value(QLatin1String("displayMode")),
                         c);
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        if (it.key() != QLatin1String("displayMode"))
            applyTableOption(it.key(), it.value(), c);
    }
    QJsonArray mappings = defaults.value(QLatin1String("mappings")).toArray();
    const QJsonArray overrides = fieldConfig.value(QLatin1String("overrides")).toArray();
    for (int i = 0; i < overrides.size(); ++i) {
        if (!resolver.matches(i, info))
            continue;
        const QJsonArray props =
            overrides.at(i).toObject().value(QLatin1String("properties")).toArray();
        for (const QJsonValue &pv : props) {
            const QJsonObject p = pv.toObject();
            const QString id = p.value(QLatin1String("id")).toString();
            const QJsonValue value = p.value(QLatin1String("value"));
            if (id.startsWith(QLatin1String("custom.")))
                applyTableOption(id.mid(7), value, c);
            else if (id == QLatin1String("mappings"))
                mappings = value.toArray();
        }
    }
    c.mappings = ValueMappings::fromJson(mappings);
    return c;
}

bool TableColumnOptions::colorsText() const
{
    return cellType == QLatin1String("color-text");
}

bool TableColumnOptions::colorsBackground() const
{
    return cellType.startsWith(QLatin1String("color-background"));
}

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
    // A query without a refId gets the first free letter, as Grafana names them when it
    // loads a panel ("Value #A" columns of old files without refIds).
    QStringList targetRefIds;
    for (const TargetResult &t : data.targets)
        targetRefIds << t.refId;
    for (QString &id : targetRefIds) {
        for (char c = 'A'; id.isEmpty() && c <= 'Z'; ++c) {
            if (!targetRefIds.contains(QString(QLatin1Char(c))))
                id = QString(QLatin1Char(c));
        }
    }
    // The queries that have rows: one value column each.
    QStringList refIds;
    for (size_t i = 0; i < data.targets.size(); ++i) {
        const TargetResult &t = data.targets[i];
        if (t.error.isError())
            continue;
        const bool hasRows = std::any_of(t.result.frames.begin(), t.result.frames.end(),
                                         [](const Frame &f) { return !f.values.empty(); });
        if (hasRows)
            refIds << targetRefIds[qsizetype(i)];
    }
    const QString refId = refIds.size() == 1 ? refIds.first() : QString();
    // Like Grafana's Prometheus source: with several queries the value is "Value #<refId>",
    // even when only one of them returned series.
    const bool namedByRefId = data.targets.size() > 1 && !refIds.isEmpty();
    const qsizetype valueColumns = std::max<qsizetype>(1, refIds.size());
    QList<Row> rows;
    QHash<QStringList, qsizetype> rowOf; // several queries: rows by their labels
    for (size_t i = 0; i < data.targets.size(); ++i) {
        const TargetResult &t = data.targets[i];
        if (t.error.isError())
            continue;
        const qsizetype k = std::max<qsizetype>(0, refIds.indexOf(targetRefIds[qsizetype(i)]));
        for (const Frame &f : t.result.frames) {
            if (f.isEmpty() || f.values.empty())
                continue;
            QStringList labels;
            for (const QString &n : std::as_const(labelNames))
                labels << labelValue(f.labels, n);
            if (valueColumns > 1) {
                const auto it = rowOf.constFind(labels);
                if (it != rowOf.constEnd() && !rows[*it].values[k]) {
                    rows[*it].values[k] = f.values.back();
                    continue;
                }
            }
            Row r;
            r.labels = labels;
            r.values = QList<std::optional<double>>(valueColumns);
            r.values[k] = f.values.back();
            if (valueColumns > 1 && !rowOf.contains(labels))
                rowOf.insert(labels, rows.size());
            rows << r;
        }
    }
    // The same rows with new values: update them in place, so the view keeps its sorting,
    // selection and scroll position.
    bool sameShape = labelNames == m_labelNames && rows.size() == m_rows.size() && unit == m_unit &&
                     decimals == m_decimals && refIds == m_valueRefIds &&
                     namedByRefId == m_namedByRefId;
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].labels == m_rows[i].labels;
    if (sameShape) {
        int first = -1, last = -1;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            bool changed = false;
            for (qsizetype k = 0; k < valueColumns; ++k) {
                const std::optional<double> a = rows[i].values[k], b = m_rows[i].values[k];
                if (a == b || (a && b && std::isnan(*a) && std::isnan(*b)))
                    continue;
                m_rows[i].values[k] = a;
                changed = true;
            }
            if (!changed)
                continue;
            if (first < 0)
                first = int(i);
            last = int(i);
        }
        if (first >= 0) {
            const auto oldRanges = m_valueRanges;
            resolveColumns();
            // Percentage thresholds follow the value range: every value cell may change.
            if (oldRanges != m_valueRanges) {
                first = 0;
                last = int(m_rows.size()) - 1;
            }
            Q_EMIT dataChanged(index(first, valueColumn()), index(last, columnCount() - 1));
        }
        return false;
    }
    beginResetModel();
    m_unit = unit;
    m_decimals = decimals;
    m_refId = refId;
    m_valueRefIds = refIds;
    m_namedByRefId = namedByRefId;
    m_labelNames = labelNames;
    m_rows = std::move(rows);
    resolveColumns();
    endResetModel();
    return true;
}

void SeriesTableModel::setPanelJson(const QJsonObject &panelJson)
{
    beginResetModel();
    m_panelJson = panelJson;
    resolveColumns();
    endResetModel();
}

void SeriesTableModel::setActiveFilters(const QStringList &columnNames)
{
    m_activeFilters = columnNames;
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

QString SeriesTableModel::columnName(int column) const
{
    if (column >= 0 && column < m_columns.size())
        return m_columns[column].name;
    return rawColumnName(column);
}

QString SeriesTableModel::rawColumnName(int column) const
{
    if (!isValueColumn(column))
        return m_labelNames.value(column);
    if (!m_namedByRefId)
        return QStringLiteral("Value");
    return QStringLiteral("Value #") + m_valueRefIds.value(column - valueColumn());
}

QStringList SeriesTableModel::columnNames() const
{
    QStringList out;
    for (int c = 0; c < columnCount(); ++c)
        out << columnName(c);
    return out;
}

void SeriesTableModel::resolveColumns()
{
    const FieldConfigResolver resolver = FieldConfigResolver::fromPanel(m_panelJson);
    // Grafana's "organize fields" transformations, in order (overrides see the new names).
    QList<QJsonObject> organize;
    for (const QJsonValue &t : m_panelJson.value(QLatin1String("transformations")).toArray()) {
        const QJsonObject o = t.toObject();
        if (o.value(QLatin1String("id")).toString() == QLatin1String("organize") &&
            !o.value(QLatin1String("disabled")).toBool())
            organize << o.value(QLatin1String("options")).toObject();
    }
    m_columns.clear();
    for (int c = 0; c < columnCount(); ++c) {
        const bool isValue = isValueColumn(c);
        const QString refId =
            isValue && m_valueRefIds.size() > 1 ? m_valueRefIds.value(c - valueColumn()) : m_refId;
        QString name = rawColumnName(c);
        bool excluded = false;
        std::optional<int> position;
        for (const QJsonObject &opts : std::as_const(organize)) {
            if (opts.value(QLatin1String("excludeByName")).toObject().value(name).toBool())
                excluded = true;
            const QJsonValue index =
                opts.value(QLatin1String("indexByName")).toObject().value(name);
            if (index.isDouble())
                position = index.toInt();
            const QString rename =
                opts.value(QLatin1String("renameByName")).toObject().value(name).toString();
            if (!rename.isEmpty())
                name = rename;
        }
        TableColumnOptions o = TableColumnOptions::resolve(
            m_panelJson, resolver, name,
            isValue ? QStringLiteral("number") : QStringLiteral("string"), refId);
        o.hidden = o.hidden || excluded;
        o.position = position;
        if (isValue && o.unit.isEmpty())
            o.unit = m_unit;
        if (isValue && !o.decimals)
            o.decimals = m_decimals;
        m_columns << o;
    }
    m_valueRanges.clear();
    for (int k = 0; k < valueColumnCount(); ++k) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const Row &r : std::as_const(m_rows)) {
            const std::optional<double> v = r.values.value(k);
            if (!v || std::isnan(*v))
                continue;
            lo = std::min(lo, *v);
            hi = std::max(hi, *v);
        }
        m_valueRanges.append({std::isfinite(lo) ? lo : 0, std::isfinite(hi) ? hi : 0});
    }
}

double SeriesTableModel::valueAt(int row, int column) const
{
    return m_rows.value(row)
        .values.value(column - valueColumn())
        .value_or(std::numeric_limits<double>::quiet_NaN());
}

bool SeriesTableModel::hasValue(int row, int column) const
{
    return isValueColumn(column) && m_rows.value(row).values.value(column - valueColumn());
}

QColor SeriesTableModel::cellColor(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return {};
    const TableColumnOptions &o = m_columns[column];
    if (!o.colorsText() && !o.colorsBackground())
        return {};
    const Row &r = m_rows[row];
    const bool isValue = isValueColumn(column);
    const double value = valueAt(row, column);
    if (!o.mappings.isEmpty()) {
        const std::optional<MappingResult> mapped =
            isValue ? o.mappings.map(value) : o.mappings.mapText(r.labels.value(column));
        if (mapped && !mapped->color.isEmpty()) {
            const QColor c = grafanaColor(mapped->color);
            if (c.isValid())
                return c;
        }
    }
    // Label cells are text and missing values nothing: only mappings colour them.
    if (!isValue || !hasValue(row, column))
        return {};
    if (o.colorMode == QLatin1String("fixed") || o.colorMode == QLatin1String("shades"))
        return grafanaColor(o.fixedColor);
    const int k = column - valueColumn();
    if (o.colorMode.startsWith(QLatin1String("palette-classic")))
        return classicPaletteColor(k);
    if (o.thresholds.steps.isEmpty())
        return {};
    const auto [lo, hi] = m_valueRanges.value(k);
    return thresholdColor(value, o.thresholds, o.min.value_or(lo), o.max.value_or(hi));
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labelNames.size()) + valueColumnCount();
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const Row &r = m_rows[index.row()];
    const int column = index.column();
    const bool isValue = isValueColumn(column);
    const double value = isValue ? valueAt(index.row(), column) : 0;
    const TableColumnOptions &o = m_columns[column];
    switch (role) {
    case Qt::DisplayRole: {
        if (!o.mappings.isEmpty()) {
            const std::optional<MappingResult> mapped =
                isValue ? o.mappings.map(value) : o.mappings.mapText(r.labels.value(column));
            if (mapped && mapped->hasText)
                return mapped->text;
        }
        if (isValue && !hasValue(index.row(), column))
            return QString(); // this query has no series with these labels
        return isValue ? formatValueText(value, o.unit, o.decimals) : r.labels.value(column);
    }
    case Qt::ForegroundRole:
    case Qt::BackgroundRole: {
        QColor c = cellColor(index.row(), column);
        bool background = o.colorsBackground();
        bool solid = o.backgroundSolid;
        if (!c.isValid() || !background) {
            // A coloured background of another column that applies to the whole row.
            for (int k = 0; k < m_columns.size(); ++k) {
                const TableColumnOptions &other = m_columns[k];
                if (k == column || !other.applyToRow || !other.colorsBackground())
                    continue;
                const QColor rc = cellColor(index.row(), k);
                if (rc.isValid()) {
                    c = rc;
                    background = true;
                    solid = other.backgroundSolid;
                    break;
                }
            }
        }
        if (!c.isValid())
            return {};
        if (background) {
            if (role == Qt::ForegroundRole)
                return c.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
            if (solid)
                return c;
            // Grafana's default: a gradient from a darker shade to the colour.
            QLinearGradient g(0, 0, 1, 1);
            g.setCoordinateMode(QGradient::ObjectBoundingMode);
            g.setColorAt(0, c.darker(112));
            g.setColorAt(1, c);
            return QBrush(g);
        }
        return role == Qt::ForegroundRole ? QVariant(c) : QVariant();
    }
    case Qt::UserRole:
        if (isValue)
            return std::isnan(value) ? -std::numeric_limits<double>::infinity() : value;
        return r.labels.value(column);
    case Qt::TextAlignmentRole: {
        Qt::Alignment h = isValue ? Qt::AlignRight : Qt::AlignLeft;
        if (o.align == QLatin1String("left"))
            h = Qt::AlignLeft;
        else if (o.align == QLatin1String("center"))
            h = Qt::AlignHCenter;
        else if (o.align == QLatin1String("right"))
            h = Qt::AlignRight;
        return QVariant(h | Qt::AlignVCenter);
    }
    default:
        return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && role == Qt::DecorationRole && section >= 0 &&
        section < m_columns.size() && m_columns[section].filterable)
        return funnelIcon(m_activeFilters.contains(columnName(section)));
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    if (section >= 0 && section < m_columns.size() && !m_columns[section].displayName.isEmpty())
        return m_columns[section].displayName;
    if (columnName(section) != rawColumnName(section))
        return columnName(section); // renamed by a transformation
    if (isValueColumn(section)) {
        if (!m_namedByRefId)
            return tr("Value");
        return tr("Value #%1").arg(m_valueRefIds.value(section - valueColumn()));
    }
    return m_labelNames.value(section);
}

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
