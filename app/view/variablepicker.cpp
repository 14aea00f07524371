#include "app/view/variablepicker.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>
#include <algorithm>

namespace pharos {

VariableOptionsModel::VariableOptionsModel(QObject *parent) : QAbstractListModel(parent) {}

void VariableOptionsModel::setOptions(const QList<VariableOption> &options, bool multi,
                                      const QStringList &selected)
{
    beginResetModel();
    m_options = options;
    m_multi = multi;
    m_filter.clear();
    m_foldedFilter.clear();
    const size_t n = size_t(m_options.size());
    m_folded.clear();
    m_folded.reserve(n);
    m_visible.resize(n);
    m_selected.assign(n, 0);
    m_selectedCount = 0;
    m_allIndex = -1;
    const QSet<QString> wanted(selected.cbegin(), selected.cend());
    for (size_t i = 0; i < n; ++i) {
        const VariableOption &o = m_options.at(qsizetype(i));
        m_folded.push_back(o.text.toCaseFolded());
        m_visible[i] = int(i);
        if (o.value == kAllValue && m_allIndex < 0)
            m_allIndex = int(i);
        if (wanted.contains(o.value) && (m_multi || m_selectedCount == 0)) {
            m_selected[i] = 1;
            ++m_selectedCount;
        }
    }
    endResetModel();
}

void VariableOptionsModel::setFilter(const QString &text)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded == m_foldedFilter) {
        m_filter = text;
        return;
    }
    beginResetModel();
    // Typing more narrows the previous matches; anything else scans every option.
    const bool narrowing = !m_foldedFilter.isEmpty() && folded.contains(m_foldedFilter);
    std::vector<int> next;
    if (folded.isEmpty()) {
        next.resize(m_options.size());
        for (size_t i = 0; i < next.size(); ++i)
            next[i] = int(i);
    } else if (narrowing) {
        next.reserve(m_visible.size());
        for (int i : m_visible)
            if (m_folded[size_t(i)].contains(folded))
                next.push_back(i);
    } else {
        for (size_t i = 0; i < m_folded.size(); ++i)
            if (m_folded[i].contains(folded))
                next.push_back(int(i));
    }
    m_visible.swap(next);
    m_filter = text;
    m_foldedFilter = folded;
    endResetModel();
}

const VariableOption &VariableOptionsModel::optionAt(int row) const
{
    return m_options.at(m_visible.at(size_t(row)));
}

bool VariableOptionsModel::isChecked(int row) const
{
    if (row < 0 || row >= int(m_visible.size()))
        return false;
    return m_selected[size_t(m_visible[size_t(row)])] != 0;
}

void VariableOptionsModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= int(m_visible.size()))
        return;
    const int option = m_visible[size_t(row)];
    if ((m_selected[size_t(option)] != 0) == checked)
        return;
    if (!m_multi || (checked && option == m_allIndex)) {
        std::fill(m_selected.begin(), m_selected.end(), char(0));
        m_selectedCount = 0;
    } else if (checked && m_allIndex >= 0 && m_selected[size_t(m_allIndex)]) {
        m_selected[size_t(m_allIndex)] = 0;
        --m_selectedCount;
    }
    if (checked || m_multi) {
        m_selected[size_t(option)] = checked ? 1 : 0;
        m_selectedCount += checked ? 1 : -1;
    }
    emitRowsChanged();
    Q_EMIT selectionChanged();
}

void VariableOptionsModel::selectAllVisible()
{
    if (!m_multi)
        return;
    if (m_allIndex >= 0 && m_selected[size_t(m_allIndex)]) {
        m_selected[size_t(m_allIndex)] = 0;
        --m_selectedCount;
    }
    for (int i : m_visible) {
        if (i == m_allIndex || m_selected[size_t(i)])
            continue;
        m_selected[size_t(i)] = 1;
        ++m_selectedCount;
    }
    emitRowsChanged();
    Q_EMIT selectionChanged();
}

void VariableOptionsModel::clearSelection()
{
    std::fill(m_selected.begin(), m_selected.end(), char(0));
    m_selectedCount = 0;
    emitRowsChanged();
    Q_EMIT selectionChanged();
}

QStringList VariableOptionsModel::selectedValues() const
{
    QStringList out;
    if (m_allIndex >= 0 && m_selected[size_t(m_allIndex)])
        return {QString(kAllValue)};
    out.reserve(m_selectedCount);
    for (size_t i = 0; i < m_selected.size(); ++i)
        if (m_selected[i])
            out << m_options.at(qsizetype(i)).value;
    return out;
}

int VariableOptionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant VariableOptionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_visible.size()))
        return {};
    const int option = m_visible[size_t(index.row())];
    const VariableOption &o = m_options.at(option);
    switch (role) {
    case Qt::DisplayRole:
        return o.text;
    case Qt::ToolTipRole:
        return o.value == o.text || o.value == kAllValue ? o.text
                                                         : o.text + QLatin1String(" = ") + o.value;
    case Qt::CheckStateRole:
        if (!m_multi)
            return {};
        return m_selected[size_t(option)] ? Qt::Checked : Qt::Unchecked;
    case Qt::FontRole:
        if (!m_multi && m_selected[size_t(option)]) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::UserRole:
        return o.value;
    default:
        return {};
    }
}

void VariableOptionsModel::emitRowsChanged()
{
    if (!m_visible.empty())
        Q_EMIT dataChanged(index(0), index(int(m_visible.size()) - 1),
                           {Qt::CheckStateRole, Qt::FontRole});
}

VariablePicker::VariablePicker(QWidget *parent)
    : QFrame(parent, Qt::Popup), m_model(new VariableOptionsModel(this))
{
    setObjectName(QStringLiteral("variablePicker"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("variableFilter"));
    m_filter->setPlaceholderText(tr("Filter values"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("variableOptions"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true); // 100k rows: no per-row size computation
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumSize(260, 240);
    m_list->installEventFilter(this);
    layout->addWidget(m_list, 1);

    auto *buttons = new QHBoxLayout;
    m_selectAll = new QPushButton(tr("Select all visible"), this);
    m_selectAll->setObjectName(QStringLiteral("variableSelectAll"));
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("variableClear"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("variableCount"));
    buttons->addWidget(m_selectAll);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    buttons->addWidget(m_count);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        if (m_model->visibleCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
        updateCount();
    });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(m_selectAll, &QPushButton::clicked, m_model, &VariableOptionsModel::selectAllVisible);
    connect(m_clear, &QPushButton::clicked, m_model, &VariableOptionsModel::clearSelection);
    connect(m_model, &VariableOptionsModel::selectionChanged, this, &VariablePicker::updateCount);
}

void VariablePicker::setVariable(const Variable &variable)
{
    m_name = variable.name;
    m_initial = variable.currentValues;
    m_model->setOptions(variable.options, variable.multi, variable.currentValues);
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_selectAll->setVisible(variable.multi);
    m_clear->setVisible(variable.multi);
    updateCount();
}

void VariablePicker::popup(QWidget *anchor)
{
    adjustSize();
    QPoint pos = anchor ? anchor->mapToGlobal(QPoint(0, anchor->height())) : QCursor::pos();
    if (const QScreen *screen = anchor ? anchor->screen() : QGuiApplication::primaryScreen()) {
        const QRect avail = screen->availableGeometry();
        pos.setX(
            std::clamp(pos.x(), avail.left(), std::max(avail.left(), avail.right() - width())));
        if (pos.y() + height() > avail.bottom() && anchor)
            pos.setY(anchor->mapToGlobal(QPoint(0, 0)).y() - height());
    }
    move(pos);
    show();
    m_filter->setFocus();
}

void VariablePicker::activateRow(int row)
{
    if (row < 0 || row >= m_model->visibleCount())
        return;
    if (m_model->isMulti()) {
        m_model->toggle(row);
        return;
    }
    const QString value = m_model->optionAt(row).value;
    m_initial = {value}; // nothing more to apply on close
    hide();
    Q_EMIT valuesChosen(m_name, {value});
}

void VariablePicker::updateCount()
{
    if (m_model->isMulti())
        m_count->setText(tr("%1 of %2 shown, %3 selected")
                             .arg(m_model->visibleCount())
                             .arg(m_model->totalCount())
                             .arg(m_model->selectedCount()));
    else
        m_count->setText(
            tr("%1 of %2 shown").arg(m_model->visibleCount()).arg(m_model->totalCount()));
}

void VariablePicker::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (!m_model->isMulti())
        return;
    const QStringList chosen = m_model->selectedValues();
    if (chosen.isEmpty() || chosen == m_initial)
        return; // nothing selected keeps the previous selection
    m_initial = chosen;
    Q_EMIT valuesChosen(m_name, chosen);
}

bool VariablePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        activateRow(current >= 0 ? current : 0);
        return true;
    }
    if (watched == m_filter && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)) {
        const int n = m_model->visibleCount();
        if (n > 0) {
            const int next = std::clamp(current + (key->key() == Qt::Key_Down ? 1 : -1), 0, n - 1);
            m_list->setCurrentIndex(m_model->index(next));
        }
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Space && m_model->isMulti() && current >= 0) {
        m_model->toggle(current);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace pharos
