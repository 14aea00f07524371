#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace pharos {

/// A two-column form (labels, fields) whose rows can be hidden and change height. (Qt 6.4's
/// QFormLayout keeps stale row heights when a field's height changes with its content.)
class FormGrid
{
public:
    explicit FormGrid(QWidget *parent);
    void addRow(const QString &label, QWidget *field);
    void setRowVisible(QWidget *field, bool visible);
    QLabel *labelForField(QWidget *field) const { return m_labels.value(field); }
    QGridLayout *layout() const { return m_grid; }

private:
    QGridLayout *m_grid;
    QHash<QWidget *, QLabel *> m_labels;
    int m_rows = 0;
};

/// Tags as removable chips, plus a field that adds one on Enter (commas separate several).
class TagsEdit : public QWidget
{
    Q_OBJECT
public:
    explicit TagsEdit(QWidget *parent = nullptr);
    QStringList tags() const { return m_tags; }
    /// Replaces the tags without emitting tagsChanged().
    void setTags(const QStringList &tags);
    QLineEdit *input() const { return m_input; }
    /// The chip of `tag` (its button removes it), or nullptr.
    QToolButton *chip(const QString &tag) const;

public Q_SLOTS:
    void addTag(const QString &tag);
    void removeTag(const QString &tag);

Q_SIGNALS:
    void tagsChanged();

private:
    void rebuildChips();
    void commitInput();
    QStringList m_tags;
    QHBoxLayout *m_chips;
    QLineEdit *m_input;
};

/// A list of JSON objects (variables, links) beside a form that edits the selected one: add,
/// duplicate, move up/down (or drag), remove. Subclasses provide the form.
class JsonListEditor : public QWidget
{
    Q_OBJECT
public:
    /// Replaces the entries (non-objects are dropped) and selects the first.
    void setEntries(const QJsonArray &entries);
    /// The entries in list order.
    QJsonArray entries() const;
    int count() const;
    int currentRow() const;
    void setCurrentRow(int row);
    QJsonObject currentEntry() const;
    QListWidget *list() const { return m_list; }

public Q_SLOTS:
    void addEntry();
    void duplicateEntry();
    void removeEntry();
    void moveUp() { moveCurrent(-1); }
    void moveDown() { moveCurrent(1); }

Q_SIGNALS:
    /// The entries changed (an edit, a move, an addition or a removal).
    void changed();

protected:
    /// Buttons are named prefix + Add, Duplicate, Up, Down, Remove; the list prefix + List.
    JsonListEditor(const QString &prefix, QWidget *parent);
    /// Where the subclass puts its form (shown only while an entry is selected).
    QWidget *formHost() const { return m_form; }
    virtual QJsonObject newEntry() const = 0;
    virtual QJsonObject duplicated(const QJsonObject &entry) const { return entry; }
    virtual QString itemText(const QJsonObject &entry) const = 0;
    /// Fills the form from the selected entry (isLoadingForm() is true meanwhile).
    virtual void loadForm(const QJsonObject &entry) = 0;
    /// The form changed the selected entry.
    void updateCurrent(const QJsonObject &entry);
    bool isLoadingForm() const { return m_loading; }
    /// Updates every item's text (after a change that affects several).
    void refreshTexts();
    /// Loads the form for the selection; subclasses call it once their form is built.
    void selectionChanged();

private:
    void moveCurrent(int delta);
    int insertEntry(int row, const QJsonObject &entry);
    QListWidget *m_list;
    QWidget *m_form;
    QPushButton *m_duplicate;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_remove;
    QHash<int, QJsonObject> m_entries; // by the id in each item's Qt::UserRole
    int m_nextId = 1;
    bool m_loading = false;
};

} // namespace pharos
