#pragma once

#include "dashboards/variables/variables.h"

#include <QAbstractListModel>
#include <QFrame>
#include <QStringList>
#include <vector>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace pharos {

/// The options of one variable for the picker: a flat list model that stays fast with
/// 100,000 values. Filtering keeps a vector of matching rows (case-insensitive substring of
/// the text); typing more characters only narrows the previous matches. The selection is a
/// flag per option, so checking, "select all visible" and clearing never allocate per item.
class VariableOptionsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit VariableOptionsModel(QObject *parent = nullptr);

    /// Replaces the options. `selected` holds the selected values (kAllValue for All).
    void setOptions(const QList<VariableOption> &options, bool multi, const QStringList &selected);
    bool isMulti() const { return m_multi; }

    /// Shows only the options whose text contains `text` (case-insensitive); "" shows all.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    int totalCount() const { return int(m_options.size()); }
    int visibleCount() const { return int(m_visible.size()); }
    /// The option shown at `row`.
    const VariableOption &optionAt(int row) const;

    bool isChecked(int row) const;
    /// Multi-value: checks or unchecks the option at `row`. Checking All unchecks the others,
    /// checking another unchecks All. Single-value: selects it alone.
    void setChecked(int row, bool checked);
    void toggle(int row) { setChecked(row, !isChecked(row)); }
    /// Checks every visible option except All (All is unchecked).
    void selectAllVisible();
    /// Unchecks everything.
    void clearSelection();
    int selectedCount() const { return m_selectedCount; }
    /// The selected values in option order ({kAllValue} when All is selected).
    QStringList selectedValues() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void selectionChanged();

private:
    void emitRowsChanged();

    QList<VariableOption> m_options;
    std::vector<QString> m_folded; // case-folded texts, for filtering
    std::vector<int> m_visible;    // option indices shown, in order
    std::vector<char> m_selected;  // per option
    int m_selectedCount = 0;
    int m_allIndex = -1;
    bool m_multi = false;
    QString m_filter;       // as typed
    QString m_foldedFilter; // case-folded
};

/// The drop-down of a variable: a filter line edit over a virtualised list (uniform item
/// sizes, no widget per item), with check boxes, "Select all visible" and "Clear" for
/// multi-value variables. A single-value variable is chosen by a click (or Enter) and the
/// popup closes; a multi-value variable's new selection is applied when the popup closes.
class VariablePicker : public QFrame
{
    Q_OBJECT
public:
    explicit VariablePicker(QWidget *parent = nullptr);

    /// Loads the variable's options and selection (the filter is cleared).
    void setVariable(const Variable &variable);
    QString variableName() const { return m_name; }

    /// Shows the popup under `anchor` (or at the cursor without one) and focuses the filter.
    void popup(QWidget *anchor);

    VariableOptionsModel *model() const { return m_model; }
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *listView() const { return m_list; }
    QPushButton *selectAllButton() const { return m_selectAll; }
    QPushButton *clearButton() const { return m_clear; }
    /// "12 of 100000" under the list.
    QLabel *countLabel() const { return m_count; }

    /// Chooses the option at `row` of the (filtered) list as a click would.
    void activateRow(int row);

Q_SIGNALS:
    /// The user chose these values (kAllValue for All).
    void valuesChosen(const QString &name, const QStringList &values);

protected:
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();

    QString m_name;
    QStringList m_initial; // the selection when opened (multi: applied on close if changed)
    VariableOptionsModel *m_model;
    QLineEdit *m_filter;
    QListView *m_list;
    QPushButton *m_selectAll;
    QPushButton *m_clear;
    QLabel *m_count;
};

} // namespace pharos
