#include "app/settings/dashboardsettingswidgets.h"

#include <QAbstractItemModel>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace pharos {

// --- FormGrid

FormGrid::FormGrid(QWidget *parent) : m_grid(new QGridLayout(parent))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
}

void FormGrid::addRow(const QString &label, QWidget *field)
{
    auto *l = new QLabel(label, field->parentWidget());
    l->setBuddy(field);
    m_grid->addWidget(l, m_rows, 0, Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->addWidget(field, m_rows, 1);
    m_labels.insert(field, l);
    ++m_rows;
}

void FormGrid::setRowVisible(QWidget *field, bool visible)
{
    field->setVisible(visible);
    if (QLabel *l = m_labels.value(field))
        l->setVisible(visible);
}

// --- TagsEdit

TagsEdit::TagsEdit(QWidget *parent)
    : QWidget(parent), m_chips(new QHBoxLayout), m_input(new QLineEdit(this))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->setSpacing(4);
    layout->addLayout(m_chips);
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setPlaceholderText(tr("New tag (Enter to add)"));
    layout->addWidget(m_input, 1);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("tagAdd"));
    layout->addWidget(add);
    connect(m_input, &QLineEdit::returnPressed, this, &TagsEdit::commitInput);
    connect(add, &QPushButton::clicked, this, &TagsEdit::commitInput);
}

void TagsEdit::commitInput()
{
    const QStringList parts = m_input->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    m_input->clear();
    for (const QString &p : parts)
        addTag(p);
}

void TagsEdit::setTags(const QStringList &tags)
{
    m_tags.clear();
    for (const QString &t : tags) {
        if (!t.isEmpty() && !m_tags.contains(t))
            m_tags << t;
    }
    rebuildChips();
}

QToolButton *TagsEdit::chip(const QString &tag) const
{
    for (QToolButton *b : findChildren<QToolButton *>(QStringLiteral("tagChip"))) {
        if (b->property("tag").toString() == tag)
            return b;
    }
    return nullptr;
}

void TagsEdit::addTag(const QString &tag)
{
    const QString t = tag.trimmed();
    if (t.isEmpty() || m_tags.contains(t))
        return;
    m_tags << t;
    rebuildChips();
    Q_EMIT tagsChanged();
}

void TagsEdit::removeTag(const QString &tag)
{
    if (!m_tags.removeOne(tag))
        return;
    rebuildChips();
    Q_EMIT tagsChanged();
}

void TagsEdit::rebuildChips()
{
    while (QLayoutItem *item = m_chips->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    for (const QString &t : std::as_const(m_tags)) {
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("tagChip"));
        b->setProperty("tag", t);
        b->setText(t + QStringLiteral("  ✕"));
        b->setToolTip(tr("Remove the tag “%1”").arg(t));
        b->setAutoRaise(false);
        connect(b, &QToolButton::clicked, this, [this, t] { removeTag(t); });
        m_chips->addWidget(b);
    }
}

// --- JsonListEditor

JsonListEditor::JsonListEditor(const QString &prefix, QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_form(new QWidget(this))
{
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list->setObjectName(prefix + QStringLiteral("List"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(prefix + name);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    QPushButton *add = button(QStringLiteral("Add"), tr("New"), tr("Add a new entry"));
    m_duplicate = button(QStringLiteral("Duplicate"), tr("Duplicate"),
                         tr("Add a copy of the selected entry"));
    m_up = button(QStringLiteral("Up"), QStringLiteral("↑"), tr("Move up"));
    m_down = button(QStringLiteral("Down"), QStringLiteral("↓"), tr("Move down"));
    m_remove = button(QStringLiteral("Remove"), tr("Delete"), tr("Delete the selected entry"));
    left->addLayout(buttons);
    layout->addLayout(left, 2);
    layout->addWidget(m_form, 3);

    connect(add, &QPushButton::clicked, this, &JsonListEditor::addEntry);
    connect(m_duplicate, &QPushButton::clicked, this, &JsonListEditor::duplicateEntry);
    connect(m_up, &QPushButton::clicked, this, &JsonListEditor::moveUp);
    connect(m_down, &QPushButton::clicked, this, &JsonListEditor::moveDown);
    connect(m_remove, &QPushButton::clicked, this, &JsonListEditor::removeEntry);
    connect(m_list, &QListWidget::currentRowChanged, this, &JsonListEditor::selectionChanged);
    // A drag inside the list moves the item (its id stays with it).
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        selectionChanged();
        Q_EMIT changed();
    });
}

int JsonListEditor::insertEntry(int row, const QJsonObject &entry)
{
    const int id = m_nextId++;
    m_entries.insert(id, entry);
    auto *item = new QListWidgetItem(itemText(entry));
    item->setData(Qt::UserRole, id);
    item->setFlags(item->flags() | Qt::ItemIsDragEnabled);
    m_list->insertItem(row, item);
    return row;
}

void JsonListEditor::setEntries(const QJsonArray &entries)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_entries.clear();
    for (const QJsonValue &v : entries) {
        if (v.isObject())
            insertEntry(m_list->count(), v.toObject());
    }
    m_list->setCurrentRow(m_list->count() > 0 ? 0 : -1);
    selectionChanged();
}

QJsonArray JsonListEditor::entries() const
{
    QJsonArray out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_entries.value(m_list->item(i)->data(Qt::UserRole).toInt()));
    return out;
}

int JsonListEditor::count() const
{
    return m_list->count();
}

int JsonListEditor::currentRow() const
{
    return m_list->currentRow();
}

void JsonListEditor::setCurrentRow(int row)
{
    m_list->setCurrentRow(row);
}

QJsonObject JsonListEditor::currentEntry() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? m_entries.value(item->data(Qt::UserRole).toInt()) : QJsonObject();
}

void JsonListEditor::addEntry()
{
    const int row = m_list->currentRow() < 0 ? m_list->count() : m_list->currentRow() + 1;
    insertEntry(row, newEntry());
    m_list->setCurrentRow(row);
    Q_EMIT changed();
}

void JsonListEditor::duplicateEntry()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    insertEntry(row + 1, duplicated(currentEntry()));
    m_list->setCurrentRow(row + 1);
    Q_EMIT changed();
}

void JsonListEditor::removeEntry()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_entries.remove(item->data(Qt::UserRole).toInt());
    delete item;
    m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    selectionChanged();
    refreshTexts();
    Q_EMIT changed();
}

void JsonListEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    {
        const QSignalBlocker blocker(m_list);
        QListWidgetItem *item = m_list->takeItem(row);
        m_list->insertItem(to, item);
        m_list->setCurrentRow(to);
    }
    selectionChanged();
    Q_EMIT changed();
}

void JsonListEditor::updateCurrent(const QJsonObject &entry)
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || m_loading)
        return;
    const int id = item->data(Qt::UserRole).toInt();
    if (m_entries.value(id) == entry)
        return;
    m_entries.insert(id, entry);
    item->setText(itemText(entry));
    Q_EMIT changed();
}

void JsonListEditor::refreshTexts()
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        item->setText(itemText(m_entries.value(item->data(Qt::UserRole).toInt())));
    }
}

void JsonListEditor::selectionChanged()
{
    const int row = m_list->currentRow();
    const bool has = row >= 0;
    m_form->setEnabled(has);
    m_duplicate->setEnabled(has);
    m_remove->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row < m_list->count() - 1);
    m_loading = true;
    loadForm(has ? currentEntry() : QJsonObject());
    m_loading = false;
}

} // namespace pharos
