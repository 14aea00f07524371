#include "app/editor/options/paneloptionseditor.h"

#include "app/editor/dashboardeditor.h"
#include "app/editor/options/paneloptionsection.h"
#include "app/editor/options/paneloptionssections.h"
#include "app/editor/options/paneltypeoptions.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/model/paneltypes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace pharos {

namespace {

const QLatin1String kType("type");
const QLatin1String kOptions("options");
const QLatin1String kFieldConfig("fieldConfig");

/// The top-level keys the options pane owns after a change of type.
const QLatin1String kOwnedKeys[] = {QLatin1String("type"),        QLatin1String("title"),
                                    QLatin1String("description"), QLatin1String("transparent"),
                                    QLatin1String("options"),     QLatin1String("fieldConfig")};

bool matches(const QString &text, const QString &needle)
{
    QString t = text;
    t.remove(QLatin1Char('&'));
    return t.contains(needle, Qt::CaseInsensitive);
}

} // namespace

PanelOptionsEditor::PanelOptionsEditor(QWidget *parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_search(new QLineEdit(this))
{
    setObjectName(QStringLiteral("panelOptionsEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *top = new QFormLayout;
    m_type->setObjectName(QStringLiteral("type"));
    top->addRow(tr("Visualization"), m_type);
    layout->addLayout(top);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search options"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("optionsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_contentLayout = new QVBoxLayout(m_content);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    m_contentLayout->setSpacing(2);
    m_contentLayout->addStretch(1);
    m_scroll->setWidget(m_content);
    layout->addWidget(m_scroll, 1);

    fillTypeCombo(QLatin1String(paneltype::TimeSeries));
    connect(m_type, &QComboBox::currentIndexChanged, this, &PanelOptionsEditor::typePicked);
    connect(m_search, &QLineEdit::textChanged, this, &PanelOptionsEditor::applySearch);
}

PanelOptionsEditor::~PanelOptionsEditor()
{
    for (const SectionSet &set : std::as_const(m_cache))
        for (PanelOptionsSection *s : set.sections)
            delete s->parentWidget();
}

void PanelOptionsEditor::fillTypeCombo(const QString &type)
{
    const bool was = m_loading;
    m_loading = true;
    m_type->clear();
    for (const PanelTypeInfo &t : paneltypes::all())
        m_type->addItem(t.displayName(), t.id);
    if (!type.isEmpty() && m_type->findData(type) < 0)
        m_type->addItem(paneltypes::displayName(type), type); // a type the gallery lacks
    m_type->setCurrentIndex(m_type->findData(type));
    m_loading = was;
}

void PanelOptionsEditor::setPanel(const QJsonObject &panel)
{
    m_panel = panel;
    m_carried = QJsonObject();
    m_typeChanged = false;
    m_typeCache.clear();
    const QString type = panel.value(kType).toString();
    const bool sameType = !m_sections.isEmpty() && type == m_sectionsType;
    fillTypeCombo(type);
    if (!sameType)
        rebuildSections(type);
    loadSections(panel);
}

void PanelOptionsEditor::loadSections(const QJsonObject &panel)
{
    m_loading = true;
    for (PanelOptionsSection *s : std::as_const(m_sections))
        s->load(panel);
    m_loading = false;
}

QJsonObject PanelOptionsEditor::applyTo(const QJsonObject &panel) const
{
    QJsonObject out = panel;
    if (m_typeChanged) {
        for (const QLatin1String &key : kOwnedKeys) {
            if (m_carried.contains(key))
                out.insert(key, m_carried.value(key));
            else
                out.remove(key);
        }
    }
    for (PanelOptionsSection *s : m_sections)
        s->store(out);
    return out;
}

QString PanelOptionsEditor::panelType() const
{
    return m_type->currentData().toString();
}

void PanelOptionsEditor::setFieldNames(const QStringList &names)
{
    m_fieldNames = names;
    for (PanelOptionsSection *s : std::as_const(m_sections))
        s->setFieldNames(names);
}

void PanelOptionsEditor::typePicked(int index)
{
    if (m_loading || index < 0)
        return;
    const QString type = m_type->itemData(index).toString();
    const QJsonObject base = m_typeChanged ? m_carried : m_panel;
    QJsonObject panel = applyTo(base);
    const QString oldType = panel.value(kType).toString();
    if (type == oldType)
        return;

    // Remember what the type we leave had, for coming back to it.
    const QJsonObject oldOptions = panel.value(kOptions).toObject();
    QJsonObject cached;
    if (panel.contains(kOptions))
        cached.insert(kOptions, panel.value(kOptions));
    const QJsonValue oldCustom =
        json::valueAt(panel, QStringLiteral("fieldConfig.defaults.custom"));
    if (!oldCustom.isUndefined())
        cached.insert(QStringLiteral("custom"), oldCustom);
    m_typeCache.insert(oldType, cached);

    // The new type's options: what it had before, else Grafana's defaults for it with the
    // options both types have (reduceOptions, orientation, legend, tooltip…) kept.
    QJsonObject options;
    QJsonValue custom(QJsonValue::Undefined);
    if (m_typeCache.contains(type)) {
        const QJsonObject c = m_typeCache.value(type);
        options = c.value(kOptions).toObject();
        custom = c.contains(QLatin1String("custom")) ? c.value(QLatin1String("custom"))
                                                     : QJsonValue(QJsonValue::Undefined);
    } else {
        const QJsonObject fresh = dashboardedit::newPanel(type, 0);
        options = fresh.value(kOptions).toObject();
        for (auto it = options.begin(); it != options.end(); ++it)
            if (oldOptions.contains(it.key()))
                it.value() = oldOptions.value(it.key());
        custom = json::valueAt(fresh, QStringLiteral("fieldConfig.defaults.custom"));
    }
    panel.insert(kType, type);
    if (options.isEmpty())
        panel.remove(kOptions);
    else
        panel.insert(kOptions, options);
    if (panel.contains(kFieldConfig) || !custom.isUndefined())
        json::setValueAt(panel, QStringLiteral("fieldConfig.defaults.custom"), custom);

    m_carried = panel;
    m_typeChanged = true;
    rebuildSections(type);
    loadSections(panel);
    Q_EMIT changed();
}

void PanelOptionsEditor::rebuildSections(const QString &type)
{
    // The sections shown leave the pane (kept, unparented, for when their type comes back:
    // this may run inside one of their signals, and building sections is not free).
    if (!m_sections.isEmpty()) {
        for (PanelOptionsSection *s : std::as_const(m_sections)) {
            QWidget *frame = s->parentWidget();
            m_contentLayout->removeWidget(frame);
            frame->hide();
            frame->setParent(nullptr);
        }
        m_cache.insert(m_sectionsType, {m_sections, m_headers});
    }
    m_searchHidden.clear();
    m_sections.clear();
    m_headers.clear();
    m_sectionsType = type;

    if (m_cache.contains(type)) {
        const SectionSet set = m_cache.take(type);
        m_sections = set.sections;
        m_headers = set.headers;
        int at = 0;
        for (PanelOptionsSection *s : std::as_const(m_sections)) {
            QWidget *frame = s->parentWidget();
            frame->setParent(m_content);
            m_contentLayout->insertWidget(at++, frame);
            frame->show();
            s->setFieldNames(m_fieldNames);
        }
        applySearch();
        return;
    }

    const PanelTypeOptions options = panelTypeOptions(type);
    QList<PanelOptionsSection *> list;
    list << new GeneralOptionsSection;
    if (options.sections)
        list << options.sections(nullptr);
    if (options.standardOptions)
        list << new StandardOptionsSection;
    if (options.fieldOptions) {
        list << new ThresholdsSection(options.thresholdsStyle);
        list << new ValueMappingsSection;
        list << new OverridesSection;
    }

    int at = 0;
    for (PanelOptionsSection *s : std::as_const(list)) {
        auto *frame = new QWidget(m_content);
        frame->setObjectName(QStringLiteral("sectionFrame"));
        auto *v = new QVBoxLayout(frame);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        auto *header = new QToolButton(frame);
        header->setObjectName(QStringLiteral("sectionHeader"));
        header->setText(s->title());
        header->setCheckable(true);
        header->setChecked(true);
        header->setArrowType(Qt::DownArrow);
        header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->setAutoRaise(true);
        header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        QFont f = header->font();
        f.setBold(true);
        header->setFont(f);
        v->addWidget(header);
        s->setParent(frame);
        v->addWidget(s);
        connect(header, &QToolButton::toggled, this, [this, header, s](bool open) {
            header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
            if (m_search->text().trimmed().isEmpty())
                s->setVisible(open);
        });
        connect(s, &PanelOptionsSection::changed, this, [this] {
            if (!m_loading)
                Q_EMIT changed();
        });
        s->setFieldNames(m_fieldNames);
        m_contentLayout->insertWidget(at++, frame);
        m_sections << s;
        m_headers << header;
    }
    applySearch();
}

void PanelOptionsEditor::applySearch()
{
    // Show the rows an earlier search hid (and only those: sections hide rows of their own).
    for (const auto &[form, row] : std::as_const(m_searchHidden))
        if (form)
            form->setRowVisible(row, true);
    m_searchHidden.clear();

    const QString needle = m_search->text().trimmed();
    for (int i = 0; i < m_sections.size(); ++i) {
        PanelOptionsSection *s = m_sections[i];
        QWidget *frame = s->parentWidget();
        if (needle.isEmpty()) {
            frame->setVisible(true);
            s->setVisible(m_headers[i]->isChecked());
            continue;
        }
        bool any = matches(s->title(), needle);
        if (!any) {
            for (QFormLayout *form : s->findChildren<QFormLayout *>()) {
                for (int r = 0; r < form->rowCount(); ++r) {
                    QLayoutItem *labelItem = form->itemAt(r, QFormLayout::LabelRole);
                    if (!labelItem || !form->isRowVisible(r))
                        continue; // a row without a label (an editor) follows its section
                    const auto *label = qobject_cast<QLabel *>(labelItem->widget());
                    if (label && matches(label->text(), needle)) {
                        any = true;
                    } else {
                        form->setRowVisible(r, false);
                        m_searchHidden.append({QPointer<QFormLayout>(form), r});
                    }
                }
            }
        }
        if (!any) {
            // Sections without labelled rows: their check boxes and labels.
            for (const QLabel *l : s->findChildren<QLabel *>())
                any = any || (!l->text().isEmpty() && matches(l->text(), needle));
            for (const QCheckBox *c : s->findChildren<QCheckBox *>())
                any = any || matches(c->text(), needle);
        }
        frame->setVisible(any);
        s->setVisible(any);
    }
}

QComboBox *PanelOptionsEditor::typeCombo() const
{
    return m_type;
}

QLineEdit *PanelOptionsEditor::searchEdit() const
{
    return m_search;
}

QList<PanelOptionsSection *> PanelOptionsEditor::sections() const
{
    return m_sections;
}

PanelOptionsSection *PanelOptionsEditor::section(const QString &title) const
{
    for (PanelOptionsSection *s : m_sections)
        if (s->title() == title)
            return s;
    return nullptr;
}

QToolButton *PanelOptionsEditor::sectionHeader(PanelOptionsSection *section) const
{
    const qsizetype i = m_sections.indexOf(section);
    return i < 0 ? nullptr : m_headers.at(i);
}

template <typename S> static S *findSection(const QList<PanelOptionsSection *> &sections)
{
    for (PanelOptionsSection *s : sections)
        if (auto *t = qobject_cast<S *>(s))
            return t;
    return nullptr;
}

StandardOptionsEditor *PanelOptionsEditor::standardOptions() const
{
    auto *s = findSection<StandardOptionsSection>(m_sections);
    return s ? s->editor() : nullptr;
}

ThresholdsEditor *PanelOptionsEditor::thresholdsEditor() const
{
    auto *s = findSection<ThresholdsSection>(m_sections);
    return s ? s->editor() : nullptr;
}

ValueMappingsEditor *PanelOptionsEditor::mappingsEditor() const
{
    auto *s = findSection<ValueMappingsSection>(m_sections);
    return s ? s->editor() : nullptr;
}

OverridesEditor *PanelOptionsEditor::overridesEditor() const
{
    auto *s = findSection<OverridesSection>(m_sections);
    return s ? s->editor() : nullptr;
}

} // namespace pharos
