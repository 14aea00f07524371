#include "app/view/variablesbar.h"

#include "app/view/variablepicker.h"
#include "dashboards/variables/variables.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace pharos {

namespace {

const QStringList kOperators{QStringLiteral("="), QStringLiteral("!="), QStringLiteral("=~"),
                             QStringLiteral("!~")};

/// The button text of a picker: "All", or the selected texts joined by " + ".
QString selectionText(const Variable &v)
{
    if (v.isAllSelected())
        return QCoreApplication::translate("pharos::VariableControl", "All");
    QStringList texts = v.currentTexts;
    if (texts.isEmpty())
        texts = v.currentValues;
    if (texts.isEmpty())
        return QCoreApplication::translate("pharos::VariableControl", "(none)");
    return texts.join(QLatin1String(" + "));
}

bool hasControl(const Variable &v)
{
    return v.hide < 2 && v.type != VariableType::Constant && v.type != VariableType::Unknown;
}

/// Lays the variable controls out left to right and wraps them onto more lines when the
/// window is narrow (the bar grows in height instead of widening the window).
class FlowLayout : public QLayout
{
public:
    FlowLayout(QWidget *parent, int spacing) : QLayout(parent), m_spacing(spacing) {}
    ~FlowLayout() override
    {
        while (QLayoutItem *item = takeAt(0))
            delete item;
    }
    void addItem(QLayoutItem *item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        const QMargins m = contentsMargins();
        return size + QSize(m.left() + m.right(), m.top() + m.bottom());
    }

private:
    int arrange(const QRect &rect, bool apply) const
    {
        const QMargins m = contentsMargins();
        const QRect area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom());
        int x = area.x();
        int y = area.y();
        int lineHeight = 0;
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            const QSize hint = item->sizeHint();
            if (x + hint.width() > area.right() + 1 && lineHeight > 0) {
                x = area.x();
                y += lineHeight + m_spacing / 2;
                lineHeight = 0;
            }
            if (apply)
                item->setGeometry(QRect(QPoint(x, y), hint));
            x += hint.width() + m_spacing;
            lineHeight = std::max(lineHeight, hint.height());
        }
        return y + lineHeight - rect.y() + m.bottom();
    }

    QList<QLayoutItem *> m_items;
    int m_spacing;
};

} // namespace

// --- AdhocFiltersEditor

AdhocFiltersEditor::AdhocFiltersEditor(QWidget *parent) : QWidget(parent)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("adhocAdd"));
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add a filter"));
    m_layout->addWidget(m_add);
    connect(m_add, &QToolButton::clicked, this, &AdhocFiltersEditor::addChip);
}

AdhocFiltersEditor::Chip AdhocFiltersEditor::makeChip(const AdhocFilter &filter)
{
    Chip c;
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("adhocChip"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto *l = new QHBoxLayout(frame);
    l->setContentsMargins(2, 1, 2, 1);
    l->setSpacing(2);
    c.frame = frame;
    c.key = new QLineEdit(filter.key, frame);
    c.key->setPlaceholderText(tr("label"));
    c.key->setMaximumWidth(120);
    c.op = new QComboBox(frame);
    c.op->addItems(kOperators);
    c.op->setCurrentIndex(std::max<qsizetype>(0, kOperators.indexOf(filter.op)));
    c.value = new QLineEdit(filter.value, frame);
    c.value->setPlaceholderText(tr("value"));
    c.value->setMaximumWidth(160);
    c.remove = new QToolButton(frame);
    c.remove->setText(QStringLiteral("×"));
    c.remove->setAutoRaise(true);
    c.remove->setToolTip(tr("Remove this filter"));
    l->addWidget(c.key);
    l->addWidget(c.op);
    l->addWidget(c.value);
    l->addWidget(c.remove);
    connect(c.key, &QLineEdit::editingFinished, this, &AdhocFiltersEditor::apply);
    connect(c.value, &QLineEdit::editingFinished, this, &AdhocFiltersEditor::apply);
    connect(c.op, &QComboBox::currentIndexChanged, this, &AdhocFiltersEditor::apply);
    connect(c.remove, &QToolButton::clicked, this, [this, frame] {
        for (qsizetype i = 0; i < m_chips.size(); ++i) {
            if (m_chips[i].frame == frame) {
                m_chips.removeAt(i);
                frame->hide();
                frame->deleteLater(); // inside its own button's signal
                break;
            }
        }
        apply();
    });
    m_layout->insertWidget(m_layout->indexOf(m_add), frame);
    return c;
}

void AdhocFiltersEditor::setFilters(const QList<AdhocFilter> &filters)
{
    if (filters == this->filters())
        return; // keeps chips being edited
    for (const Chip &c : std::as_const(m_chips)) {
        c.frame->hide();
        c.frame->deleteLater(); // may be inside one of its signals
    }
    m_chips.clear();
    for (const AdhocFilter &f : filters)
        m_chips.append(makeChip(f));
    m_applied = filters;
}

QList<AdhocFilter> AdhocFiltersEditor::filters() const
{
    QList<AdhocFilter> out;
    for (const Chip &c : m_chips) {
        AdhocFilter f;
        f.key = c.key->text().trimmed();
        f.op = c.op->currentText();
        f.value = c.value->text();
        if (f.key.isEmpty() || f.value.isEmpty())
            continue; // not complete yet
        out.append(f);
    }
    return out;
}

QLineEdit *AdhocFiltersEditor::keyEdit(int i) const
{
    return i >= 0 && i < m_chips.size() ? m_chips[i].key : nullptr;
}

QComboBox *AdhocFiltersEditor::operatorBox(int i) const
{
    return i >= 0 && i < m_chips.size() ? m_chips[i].op : nullptr;
}

QLineEdit *AdhocFiltersEditor::valueEdit(int i) const
{
    return i >= 0 && i < m_chips.size() ? m_chips[i].value : nullptr;
}

QToolButton *AdhocFiltersEditor::removeButton(int i) const
{
    return i >= 0 && i < m_chips.size() ? m_chips[i].remove : nullptr;
}

void AdhocFiltersEditor::addChip()
{
    m_chips.append(makeChip({}));
    m_chips.last().key->setFocus();
}

void AdhocFiltersEditor::apply()
{
    const QList<AdhocFilter> now = filters();
    if (now == m_applied)
        return;
    m_applied = now;
    Q_EMIT filtersEdited(now);
}

// --- VariableControl

VariableControl::VariableControl(VariableSet *set, const Variable &variable, QWidget *parent)
    : QWidget(parent), m_set(set), m_name(variable.name)
{
    setObjectName(QStringLiteral("variable-%1").arg(variable.name));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    if (variable.hide == 0) {
        m_label = new QLabel(variable.displayLabel(), this);
        m_label->setTextFormat(Qt::PlainText);
        if (!variable.description.isEmpty())
            m_label->setToolTip(variable.description);
        layout->addWidget(m_label);
    }
    switch (variable.type) {
    case VariableType::Textbox:
        m_text = new QLineEdit(this);
        m_text->setObjectName(QStringLiteral("variableText"));
        m_text->setMinimumWidth(120);
        layout->addWidget(m_text);
        connect(m_text, &QLineEdit::editingFinished, this, [this] {
            if (m_set)
                m_set->setCurrent(m_name, m_text->text());
        });
        break;
    case VariableType::Adhoc:
        m_adhoc = new AdhocFiltersEditor(this);
        layout->addWidget(m_adhoc);
        connect(m_adhoc, &AdhocFiltersEditor::filtersEdited, this,
                [this](const QList<AdhocFilter> &filters) {
                    if (m_set)
                        m_set->setAdhocFilters(m_name, filters);
                });
        break;
    default:
        m_button = new QToolButton(this);
        m_button->setObjectName(QStringLiteral("variableButton"));
        m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_button->setMaximumWidth(320);
        layout->addWidget(m_button);
        connect(m_button, &QToolButton::clicked, this, &VariableControl::openPicker);
        break;
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("variableStatus"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_loading = variable.loading;
    m_error = variable.error;
    refresh();
}

VariableControl::~VariableControl()
{
    if (m_picker)
        m_picker->disconnect(this); // an open popup closing now chooses nothing
}

QString VariableControl::labelText() const
{
    return m_label ? m_label->text() : QString();
}

QString VariableControl::displayText() const
{
    if (m_button)
        return m_selection;
    if (m_text)
        return m_text->text();
    if (m_adhoc) {
        QStringList parts;
        for (const AdhocFilter &f : m_adhoc->filters())
            parts << f.key + f.op + f.value;
        return parts.join(QLatin1String(", "));
    }
    return {};
}

void VariableControl::refresh()
{
    const Variable *v = m_set ? m_set->find(m_name) : nullptr;
    if (!v)
        return;
    if (m_button) {
        m_selection = selectionText(*v);
        m_button->setText(m_selection + QStringLiteral(" ▾"));
        m_button->setToolTip(m_selection);
        if (m_picker && m_picker->isVisible() && !m_picker->model()->isMulti())
            m_picker->setVariable(*v);
    } else if (m_text) {
        const QString value = v->currentValues.value(0);
        if (!m_text->hasFocus() && m_text->text() != value)
            m_text->setText(value);
    } else if (m_adhoc) {
        m_adhoc->setFilters(v->filters);
    }
    updateStatus();
}

void VariableControl::openPicker()
{
    if (!m_button || !m_set)
        return;
    const Variable *v = m_set->find(m_name);
    if (!v)
        return;
    if (!m_picker) {
        m_picker = new VariablePicker(this);
        connect(m_picker, &VariablePicker::valuesChosen, this,
                [this](const QString &name, const QStringList &values) {
                    if (m_set)
                        m_set->setCurrent(name, values);
                });
    }
    m_picker->setVariable(*v);
    m_picker->popup(m_button);
}

void VariableControl::setLoading(bool loading)
{
    m_loading = loading;
    if (loading)
        m_error.clear();
    updateStatus();
}

void VariableControl::setError(const QString &message)
{
    m_error = message;
    updateStatus();
}

void VariableControl::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_status->setText(QStringLiteral("⚠"));
        m_status->setToolTip(m_error);
        m_status->setStyleSheet(QStringLiteral("color: #d44a3a; font-weight: bold;"));
        if (m_button)
            m_button->setToolTip(m_error);
    } else if (m_loading) {
        m_status->setText(tr("loading…"));
        m_status->setToolTip(tr("Loading the values of %1").arg(m_name));
        m_status->setStyleSheet(QString());
    } else if (const Variable *v = m_set ? m_set->find(m_name) : nullptr;
               v && !v->notice.isEmpty()) {
        // A remark such as "only the first N values are listed".
        m_status->setText(QStringLiteral("ⓘ"));
        m_status->setToolTip(v->notice);
        m_status->setStyleSheet(QStringLiteral("color: #e0b400; font-weight: bold;"));
        if (m_button)
            m_button->setToolTip(m_selection + QLatin1Char('\n') + v->notice);
    } else {
        m_status->clear();
        m_status->setToolTip(QString());
        m_status->setStyleSheet(QString());
    }
    m_status->setVisible(!m_status->text().isEmpty());
}

// --- VariablesBar

VariablesBar::VariablesBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("variablesBar"));
    m_layout = new FlowLayout(this, 12);
    m_layout->setContentsMargins(8, 4, 8, 4);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    hide();
}

void VariablesBar::setVariables(VariableSet *set)
{
    if (m_set)
        m_set->disconnect(this);
    m_set = set;
    if (m_set) {
        connect(m_set, &VariableSet::definitionsChanged, this, &VariablesBar::rebuild);
        auto refreshOne = [this](const QString &name) {
            if (VariableControl *c = control(name))
                c->refresh();
        };
        connect(m_set, &VariableSet::optionsChanged, this, refreshOne);
        connect(m_set, &VariableSet::currentChanged, this, refreshOne);
        connect(m_set, &VariableSet::loadingChanged, this,
                [this](const QString &name, bool loading) {
                    VariableControl *c = control(name);
                    if (!c)
                        return;
                    c->setLoading(loading);
                    const Variable *v = m_set->find(name);
                    if (!loading && v && !v->error.isEmpty())
                        c->setError(v->error);
                    if (!loading)
                        c->refresh();
                });
        connect(m_set, &VariableSet::errorOccurred, this,
                [this](const QString &name, const QString &message) {
                    if (m_set && m_set->isInCycle(name)) {
                        // Every variable of the cycle says so.
                        for (VariableControl *c : std::as_const(m_controls))
                            if (m_set->isInCycle(c->name()))
                                c->setError(message);
                        return;
                    }
                    if (VariableControl *c = control(name))
                        c->setError(message);
                });
    }
    rebuild();
}

VariableControl *VariablesBar::control(const QString &name) const
{
    for (VariableControl *c : m_controls)
        if (c->name() == name)
            return c;
    return nullptr;
}

QStringList VariablesBar::controlNames() const
{
    QStringList out;
    for (VariableControl *c : m_controls)
        out << c->name();
    return out;
}

void VariablesBar::rebuild()
{
    qDeleteAll(m_controls);
    m_controls.clear();
    if (m_set) {
        for (const Variable &v : m_set->variables()) {
            if (!hasControl(v))
                continue;
            auto *c = new VariableControl(m_set, v, this);
            if (m_set->isInCycle(v.name))
                c->setError(m_set->cycleError());
            m_layout->addWidget(c);
            m_controls.append(c);
        }
    }
    setVisible(!m_controls.isEmpty());
}

} // namespace pharos
