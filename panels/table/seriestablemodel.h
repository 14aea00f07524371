#pragma once

#include "panels/panelwidget.h"
#include "panels/table/tablecolumnoptions.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <algorithm>
#include <optional>
#include <utility>

namespace pharos {

/// Rows of a table panel: one per series, a column per label, then the value (the last
/// value of a range result). With one query the value column is "Value"; with several, each
/// query that returned series has its own "Value #<refId>" column and series with the same labels
/// share a row (as Grafana's merge of table queries shows them). DisplayRole is formatted with the
/// unit; Qt::UserRole holds the raw value (numbers for values) and is the sort role.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    /// Returns true when the model was reset (new rows or columns); false when only values
    /// changed in place (dataChanged, the view keeps its sorting and selection).
    bool setData(const PanelData &data, const QString &unit, std::optional<int> decimals);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    /// The first value column (the only one with a single query).
    int valueColumn() const { return int(m_labelNames.size()); }
    /// How many value columns there are (one per query with data; at least one).
    int valueColumnCount() const { return std::max(1, int(m_valueRefIds.size())); }
    bool isValueColumn(int column) const { return column >= valueColumn(); }
    /// The panel whose field config styles the columns (see TableColumnOptions): headers,
    /// units, value mappings (text and colour), thresholds colours of color-text and
    /// color-background cells, alignment. Resets the model.
    void setPanelJson(const QJsonObject &panelJson);
    /// The options of column `column` (source order), as resolved for the current columns.
    TableColumnOptions columnOptions(int column) const { return m_columns.value(column); }
    /// The name overrides match for column `column`: the label name, "Value" (one query) or
    /// "Value #A" (several), or its new name from an "organize" transformation's renameByName.
    /// The panel's "organize" transformations also hide the columns of excludeByName and
    /// order them by indexByName (see TableColumnOptions::position).
    QString columnName(int column) const;
    /// Every column's columnName(), in order (hidden ones included).
    QStringList columnNames() const;
    /// The columns (by name) that have a filter: their header funnel is highlighted.
    void setActiveFilters(const QStringList &columnNames);
    /// The colour of a cell by its column's cell type (mapping colour first, then the colour
    /// mode: thresholds, fixed...); invalid when the cell is not coloured.
    QColor cellColor(int row, int column) const;
    /// The raw value of a value cell (NaN when its query had no series with these labels).
    double valueAt(int row, int column) const;
    /// False for a value cell whose query has no series with the row's labels.
    bool hasValue(int row, int column) const;

private:
    QStringList m_labelNames;
    struct Row
    {
        QStringList labels;
        QList<std::optional<double>> values; // one per value column; unset = no such series
    };
    QList<Row> m_rows;
    QString m_unit;
    std::optional<int> m_decimals;
    void resolveColumns();
    QString rawColumnName(int column) const;
    QJsonObject m_panelJson;
    QString m_refId;             // the only query's refId, for byFrameRefID matchers
    QStringList m_valueRefIds;   // the queries of the value columns (several: "Value #A"...)
    bool m_namedByRefId = false; // several queries: value columns are "Value #<refId>"
    QList<TableColumnOptions> m_columns;
    QStringList m_activeFilters;
    // per value column, for percentage thresholds
    QList<std::pair<double, double>> m_valueRanges;
};

} // namespace pharos
