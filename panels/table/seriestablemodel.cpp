#include "panels/table/seriestablemodel.h"

#include "dashboards/fields/units.h"
#include "panels/colors.h"

#include <QIcon>
#include <QJsonArray>
#include <QPainter>
#include <QPixmap>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace pharos {

namespace {

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

} // namespace

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

} // namespace pharos
