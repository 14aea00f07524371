#pragma once

#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/valuemappings.h"
#include "panels/panelwidget.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>

class QTableView;
class QSortFilterProxyModel;
class QStandardItemModel;
class QListWidget;
class QFrame;

namespace pharos {

/// The options of one table column: `fieldConfig.defaults` with the overrides that match the
/// column's name (byName, byRegexp, byNames, byType...) applied in order. Table options are
/// Grafana's `custom.width`, `custom.minWidth`, `custom.align`, `custom.cellOptions.type`
/// (older files: `custom.displayMode`) and `custom.hidden`; an override property without a
/// value resets the option to Grafana's default.
struct TableColumnOptions
{
    QString name;        // the field name overrides match ("job", "Value", or its rename)
    QString displayName; // the header; empty = the name
    std::optional<int> width;
    std::optional<int> minWidth;
    QString align = QStringLiteral("auto");    // auto, left, center, right
    QString cellType = QStringLiteral("auto"); // auto, color-text, color-background, ...
    /// color-background: cellOptions.mode "basic" fills the cell with the colour; "gradient"
    /// (Grafana's default) shades it from a darker tone to the colour.
    bool backgroundSolid = false;
    /// color-background: cellOptions.applyToRow colours the whole row with this cell's colour.
    bool applyToRow = false;
    bool hidden = false;
    bool filterable = false; // custom.filterable: a filter icon in the header
    QString unit;
    std::optional<int> decimals;
    std::optional<double> min;
    std::optional<double> max;
    Thresholds thresholds;
    QString colorMode; // thresholds (or empty), fixed, shades, palette-classic...
    QString fixedColor;
    ValueMappings mappings;
    /// The column's place from an "organize" transformation's indexByName; unset = after the
    /// placed ones, in their own order.
    std::optional<int> position;

    /// The options of the column `name` of a panel (`type` is "number" or "string", for
    /// byType matchers; `refId` for byFrameRefID).
    static TableColumnOptions resolve(const QJsonObject &panelJson,
                                      const FieldConfigResolver &resolver, const QString &name,
                                      const QString &type, const QString &refId = {});
    /// True for the cell types that colour the cell or its text.
    bool colorsText() const;
    bool colorsBackground() const;
};

/// The row height in px of Grafana's options.cellHeight: "sm" (and anything else) 36,
/// "md" 42, "lg" 48.
int tableRowHeight(const QString &cellHeight);

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

/// Grafana "table" for Prometheus results: sortable columns, the Value column formatted
/// with the unit, and Ctrl+C / context-menu Copy of the selection as TSV with a header row.
class TablePanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit TablePanel(const PanelModel &model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    SeriesTableModel *tableModel() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    /// The field names of the current columns, as overrides match them ("job", "Value"):
    /// what the panel editor offers to "Fields with name".
    QStringList columnNames() const { return m_model->columnNames(); }
    /// The same for `data` shown by a table panel of `model` (without a widget).
    static QStringList columnNamesFor(const PanelModel &model, const PanelData &data);
    /// The selection (or everything when nothing is selected) as tab-separated text with a
    /// header row, in view order.
    QString selectionAsTsv() const;
    /// Puts selectionAsTsv() on the clipboard.
    void copySelection();
    /// The footer row of options.footer (show, reducer [calc], fields [names; empty = every
    /// number column], countRows), under the table with the same column widths and order;
    /// null when the footer is off. Each number column shows its values reduced by the calc,
    /// with the column's unit; the first column names the calc ("Total"). With countRows the
    /// first column shows the number of rows instead.
    QTableView *footer() const { return m_footer; }
    /// The text of the footer cell of column `column` (model order), "" when none.
    QString footerText(int column) const;

    /// Column filters (custom.filterable): a click on the funnel icon of a filterable column's
    /// header opens a list of the column's values; the rows shown are those whose cell shows
    /// one of the checked values (none checked: no filter). Filters follow the column's name
    /// across refreshes and are not saved.
    void showFilterPopup(int column);
    /// The open filter list ("filterValues" QListWidget in a popup), or null.
    QListWidget *filterList() const;
    /// The values a column is filtered to (empty: none).
    QStringList columnFilter(int column) const;
    /// Where the funnel icon of a filterable column is, in header coordinates (invalid when
    /// the column is not filterable or hidden).
    QRect filterIconRect(int column) const;

protected:
    bool updateContent(const PanelDataPtr &data) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Hides columns and applies their widths after the columns changed or were resized to
    /// their contents.
    void applyColumnLayout();
    void updateFooter();
    void setColumnFilter(int column, const QStringList &values);
    QTableView *m_view = nullptr;
    QPointer<QFrame> m_filterPopup; // cleared when the popup closes (WA_DeleteOnClose)
    QTableView *m_footer = nullptr;
    QStandardItemModel *m_footerModel = nullptr;
    QString m_footerReducer;
    QStringList m_footerFields;
    bool m_footerCountRows = false;
    SeriesTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_sortApplied = false;
};

} // namespace pharos
