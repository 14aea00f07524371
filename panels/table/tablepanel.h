#pragma once

#include "panels/panelwidget.h"
#include "panels/table/seriestablemodel.h"
#include "panels/table/tablecolumnoptions.h"

#include <QPointer>

class QTableView;
class QSortFilterProxyModel;
class QStandardItemModel;
class QListWidget;
class QFrame;

namespace pharos {

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
