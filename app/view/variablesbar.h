#pragma once

#include "dashboards/variables/interpolation.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QToolButton;

namespace pharos {

class VariablePicker;
class VariableSet;
struct Variable;

/// The ad hoc filters of one variable as chips: key, operator, value and a remove button
/// each, and "+" to add one. A chip applies when its key and value are set and an edit
/// finishes.
class AdhocFiltersEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AdhocFiltersEditor(QWidget *parent = nullptr);

    /// Shows these filters (rebuilds the chips unless they already show them).
    void setFilters(const QList<AdhocFilter> &filters);
    /// The filters of the complete chips (key and value set), in chip order.
    QList<AdhocFilter> filters() const;
    int chipCount() const { return int(m_chips.size()); }
    QToolButton *addButton() const { return m_add; }
    /// Chip `i`'s widgets (tests and keyboard users).
    QLineEdit *keyEdit(int i) const;
    QComboBox *operatorBox(int i) const;
    QLineEdit *valueEdit(int i) const;
    QToolButton *removeButton(int i) const;
    /// Adds an empty chip and focuses its key.
    void addChip();

Q_SIGNALS:
    void filtersEdited(const QList<pharos::AdhocFilter> &filters);

private:
    struct Chip
    {
        QWidget *frame = nullptr;
        QLineEdit *key = nullptr;
        QComboBox *op = nullptr;
        QLineEdit *value = nullptr;
        QToolButton *remove = nullptr;
    };
    Chip makeChip(const AdhocFilter &filter);
    void apply();

    QHBoxLayout *m_layout;
    QList<Chip> m_chips;
    QToolButton *m_add;
    QList<AdhocFilter> m_applied;
};

/// One variable in the bar: its label (unless hidden) and its editor — a drop-down picker
/// (query, custom, interval, datasource), a line edit (textbox) or filter chips (ad hoc) —
/// with its loading state and its error.
class VariableControl : public QWidget
{
    Q_OBJECT
public:
    VariableControl(VariableSet *set, const Variable &variable, QWidget *parent = nullptr);
    ~VariableControl() override;

    QString name() const { return m_name; }
    /// The label shown ("" when hide is 1).
    QString labelText() const;
    /// What the picker button or line edit shows ("All", "a + b", the text).
    QString displayText() const;
    bool isLoading() const { return m_loading; }
    /// The error shown on the control ("" when none).
    QString errorText() const { return m_error; }

    /// Picker variables: opens the drop-down (created on first use).
    void openPicker();
    VariablePicker *picker() const { return m_picker; }
    QToolButton *pickerButton() const { return m_button; }
    /// Textbox variables.
    QLineEdit *textEdit() const { return m_text; }
    /// Ad hoc variables.
    AdhocFiltersEditor *adhocEditor() const { return m_adhoc; }

    /// Re-reads the variable (current value, options, error).
    void refresh();
    void setLoading(bool loading);
    void setError(const QString &message);

private:
    void updateStatus();

    QPointer<VariableSet> m_set;
    QString m_name;
    QLabel *m_label = nullptr;
    QToolButton *m_button = nullptr;
    QLineEdit *m_text = nullptr;
    AdhocFiltersEditor *m_adhoc = nullptr;
    VariablePicker *m_picker = nullptr;
    QLabel *m_status;
    QString m_selection; // the picker button's text without the arrow
    bool m_loading = false;
    QString m_error;
};

/// The bar above the dashboard: one control per variable that is not hidden (hide 2) and
/// not a constant, in the file's order. Hidden when there is none.
class VariablesBar : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesBar(QWidget *parent = nullptr);

    /// Follows `set` (rebuilt whenever its definitions change). nullptr = none.
    void setVariables(VariableSet *set);
    VariableSet *variables() const { return m_set; }

    /// The control of a variable, nullptr when the variable has none.
    VariableControl *control(const QString &name) const;
    /// The names of the variables shown, in order.
    QStringList controlNames() const;
    bool hasVisibleVariables() const { return !m_controls.isEmpty(); }

    /// Rebuilds every control from the variables.
    void rebuild();

private:
    QPointer<VariableSet> m_set;
    QLayout *m_layout;
    QList<VariableControl *> m_controls;
};

} // namespace pharos
