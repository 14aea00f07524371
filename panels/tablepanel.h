#pragma once

#include "panelwidget.h"
#include "valuemappings.h"

#include <QAbstractTableModel>

class QTableView;
class QSortFilterProxyModel;

namespace pharos {

/// Rows of a table panel: one per series, a column per label, then "Value" (the last
/// value of a range result). DisplayRole is formatted with the unit; Qt::UserRole holds the
/// raw value (numbers for Value) and is the sort role.
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
    int valueColumn() const { return int(m_labelNames.size()); }
    /// Value mappings for the cells (values and label texts): their text replaces the cell's,
    /// their colour colours the text, or the cell's background when `colorBackground`.
    void setMappings(const ValueMappings &mappings, bool colorBackground);

private:
    QStringList m_labelNames;
    struct Row
    {
        QStringList labels;
        double value;
    };
    QList<Row> m_rows;
    QString m_unit;
    std::optional<int> m_decimals;
    ValueMappings m_mappings;
    bool m_mappingBackground = false;
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
    /// The selection (or everything when nothing is selected) as tab-separated text with a
    /// header row, in view order.
    QString selectionAsTsv() const;
    /// Puts selectionAsTsv() on the clipboard.
    void copySelection();

protected:
    bool updateContent(const PanelDataPtr &data) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view = nullptr;
    SeriesTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_sortApplied = false;
};

} // namespace pharos
