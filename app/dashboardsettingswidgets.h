#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace pharos {

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
