#include "app/editor/options/paneloptionssections.h"

#include "app/editor/options/overrideseditor.h"
#include "app/editor/options/thresholdseditor.h"
#include "app/editor/options/unitpicker.h"
#include "app/editor/options/valuemappingseditor.h"
#include "dashboards/model/jsonvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

namespace {

/// Lays `editor` out as the whole of `section` and reports its user edits (not those load()
/// makes through `state`) as the section's changed().
template <typename Editor>
void holdEditor(PanelOptionsSection *section, Editor *editor, EditorValueState *state)
{
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editor);
    QObject::connect(editor, &Editor::changed, section, [section, state] {
        if (state->edited())
            Q_EMIT section->changed();
    });
}

const QString kDefaults = QStringLiteral("fieldConfig.defaults");

/// The text a combo shows for a value it does not offer (kept as the file has it).
QString rawText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("?");
}

void setInvalid(QLineEdit *edit, bool invalid)
{
    edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { color: #e02f44; }") : QString());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// FormOptionsSection

FormOptionsSection::FormOptionsSection(const QString &title, QWidget *parent)
    : PanelOptionsSection(parent), m_title(title), m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(4, 2, 4, 6);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void FormOptionsSection::load(const QJsonObject &panel)
{
    m_loading = true;
    m_panel = panel;
    m_edits.clear();
    for (const auto &loader : std::as_const(m_loaders))
        loader(panel);
    afterLoad();
    m_loading = false;
}

void FormOptionsSection::store(QJsonObject &panel) const
{
    for (const auto &[path, value] : m_edits)
        json::setValueAt(panel, path, value);
}

void FormOptionsSection::setEdit(const QString &path, const QJsonValue &value, bool notify)
{
    if (m_loading)
        return;
    bool found = false;
    for (auto &edit : m_edits) {
        if (edit.first == path) {
            edit.second = value;
            found = true;
        }
    }
    if (!found)
        m_edits.append({path, value});
    if (notify)
        Q_EMIT changed();
}

QJsonValue FormOptionsSection::currentValue(const QString &path) const
{
    for (const auto &edit : m_edits)
        if (edit.first == path)
            return edit.second;
    return json::valueAt(m_panel, path);
}

void FormOptionsSection::addLoader(std::function<void(const QJsonObject &)> loader)
{
    m_loaders.append(std::move(loader));
}

QComboBox *FormOptionsSection::addCombo(const QString &label, const QString &name,
                                        const QString &path, const QList<Choice> &choices,
                                        const QJsonValue &fallback)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    for (const Choice &c : choices)
        combo->addItem(c.label, c.value.toVariant());
    const int fixedCount = combo->count();
    m_form->addRow(label, combo);
    addLoader([combo, path, fallback, fixedCount](const QJsonObject &panel) {
        while (combo->count() > fixedCount)
            combo->removeItem(combo->count() - 1);
        QJsonValue v = json::valueAt(panel, path);
        if (v.isUndefined() || v.isNull())
            v = fallback;
        int index = -1;
        for (int i = 0; i < combo->count(); ++i)
            if (QJsonValue::fromVariant(combo->itemData(i)) == v)
                index = i;
        if (index < 0) { // a value we do not offer: shown as it is, kept unless changed
            combo->addItem(rawText(v), v.toVariant());
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    });
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, path](int index) {
        if (index >= 0)
            setEdit(path, QJsonValue::fromVariant(combo->itemData(index)));
    });
    return combo;
}

QSpinBox *FormOptionsSection::addSpin(const QString &label, const QString &name,
                                      const QString &path, int min, int max, int fallback,
                                      const QString &suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    m_form->addRow(label, spin);
    addLoader([spin, path, fallback](const QJsonObject &panel) {
        const std::optional<double> n = json::number(json::valueAt(panel, path));
        spin->setValue(n ? int(std::lround(*n)) : fallback);
    });
    connect(spin, &QSpinBox::valueChanged, this, [this, path](int v) { setEdit(path, v); });
    return spin;
}

QCheckBox *FormOptionsSection::addCheck(const QString &label, const QString &name,
                                        const QString &path, bool fallback)
{
    auto *check = new QCheckBox(this);
    check->setObjectName(name);
    m_form->addRow(label, check);
    addLoader([check, path, fallback](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, path);
        check->setChecked(v.isBool() ? v.toBool() : fallback);
    });
    connect(check, &QCheckBox::toggled, this, [this, path](bool on) { setEdit(path, on); });
    return check;
}

QLineEdit *FormOptionsSection::addText(const QString &label, const QString &name,
                                       const QString &path, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    m_form->addRow(label, edit);
    addLoader([edit, path](const QJsonObject &panel) {
        edit->setText(json::valueAt(panel, path).toString());
    });
    connect(edit, &QLineEdit::textChanged, this, [this, path](const QString &text) {
        // Emptied: the key goes unless the file had it (then it stays, empty).
        const bool had = !json::valueAt(loadedPanel(), path).isUndefined();
        setEdit(path,
                text.isEmpty() && !had ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
    });
    return edit;
}

QLineEdit *FormOptionsSection::addNumber(const QString &label, const QString &name,
                                         const QString &path, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    m_form->addRow(label, edit);
    addLoader([edit, path](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, path);
        const std::optional<double> n = json::number(v);
        edit->setText(n ? QString::number(*n, 'g', 15) : QString());
        setInvalid(edit, false);
    });
    connect(edit, &QLineEdit::textChanged, this, [this, edit, path](const QString &text) {
        if (isLoading())
            return;
        const QString t = text.trimmed();
        if (t.isEmpty()) {
            setInvalid(edit, false);
            setEdit(path, QJsonValue(QJsonValue::Undefined));
            return;
        }
        bool ok = false;
        const double d = t.toDouble(&ok);
        setInvalid(edit, !ok || !std::isfinite(d));
        if (ok && std::isfinite(d))
            setEdit(path, d);
    });
    return edit;
}

// ---------------------------------------------------------------------------------------------
// GeneralOptionsSection

GeneralOptionsSection::GeneralOptionsSection(QWidget *parent)
    : FormOptionsSection(tr("Panel options"), parent)
{
    addText(tr("Title"), QStringLiteral("title"), QStringLiteral("title"));
    auto *description = new QPlainTextEdit(this);
    description->setObjectName(QStringLiteral("description"));
    description->setTabChangesFocus(true);
    description->setFixedHeight(description->fontMetrics().lineSpacing() * 3 + 12);
    form()->addRow(tr("Description"), description);
    addLoader([description](const QJsonObject &panel) {
        description->setPlainText(panel.value(QLatin1String("description")).toString());
    });
    connect(description, &QPlainTextEdit::textChanged, this, [this, description] {
        if (isLoading())
            return;
        const QString text = description->toPlainText();
        // Removing the description of a file that had none leaves it without the key.
        const bool had = loadedPanel().contains(QLatin1String("description"));
        setEdit(QStringLiteral("description"),
                text.isEmpty() && !had ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
    });
    addCheck(tr("Transparent background"), QStringLiteral("transparent"),
             QStringLiteral("transparent"), false);
}

// ---------------------------------------------------------------------------------------------
// StandardOptionsSection

StandardOptionsSection::StandardOptionsSection(QWidget *parent)
    : PanelOptionsSection(parent), m_editor(new StandardOptionsEditor(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    connect(m_editor, &StandardOptionsEditor::changed, this, [this] {
        if (m_loading)
            return;
        // Which of the four keys differ from what was loaded (or were touched before).
        const QJsonObject now = m_editor->config();
        for (const char *key : {"unit", "decimals", "min", "max"}) {
            const QString k = QString::fromLatin1(key);
            if (now.value(k) != m_loaded.value(k) && !m_touched.contains(k))
                m_touched << k;
        }
        Q_EMIT changed();
    });
}

QString StandardOptionsSection::title() const
{
    return tr("Standard options");
}

void StandardOptionsSection::load(const QJsonObject &panel)
{
    m_loading = true;
    m_loaded = json::valueAt(panel, kDefaults).toObject();
    m_touched.clear();
    m_editor->setConfig(m_loaded);
    m_loading = false;
}

void StandardOptionsSection::store(QJsonObject &panel) const
{
    const QJsonObject now = m_editor->config();
    for (const QString &k : m_touched)
        json::setValueAt(panel, kDefaults + QLatin1Char('.') + k,
                         now.contains(k) ? now.value(k) : QJsonValue(QJsonValue::Undefined));
}

// ---------------------------------------------------------------------------------------------
// ThresholdsSection

ThresholdsSection::ThresholdsSection(bool withStyle, QWidget *parent)
    : FormOptionsSection(tr("Thresholds"), parent), m_editor(new ThresholdsEditor(this))
{
    form()->addRow(m_editor);
    if (withStyle) {
        addCombo(tr("Show thresholds"), QStringLiteral("thresholdsStyle"),
                 kDefaults + QStringLiteral(".custom.thresholdsStyle.mode"),
                 {{tr("Off"), QStringLiteral("off")},
                  {tr("As lines"), QStringLiteral("line")},
                  {tr("As lines (dashed)"), QStringLiteral("dashed")},
                  {tr("As filled regions"), QStringLiteral("area")},
                  {tr("As filled regions and lines"), QStringLiteral("line+area")},
                  {tr("As filled regions and lines (dashed)"), QStringLiteral("dashed+area")}},
                 QStringLiteral("off"));
    }
    connect(m_editor, &ThresholdsEditor::changed, this, [this] {
        if (!isLoading() && m_state.edited())
            Q_EMIT changed();
    });
}

void ThresholdsSection::load(const QJsonObject &panel)
{
    const QJsonValue thresholds = json::valueAt(panel, kDefaults + QStringLiteral(".thresholds"));
    m_state.load(thresholds,
                 [this](const QJsonValue &v) { m_editor->setThresholds(v.toObject()); });
    FormOptionsSection::load(panel);
}

void ThresholdsSection::store(QJsonObject &panel) const
{
    if (m_state.isDirty())
        json::setValueAt(panel, kDefaults + QStringLiteral(".thresholds"), m_editor->thresholds());
    FormOptionsSection::store(panel);
}

// ---------------------------------------------------------------------------------------------
// ValueMappingsSection

ValueMappingsSection::ValueMappingsSection(QWidget *parent)
    : PanelOptionsSection(parent), m_editor(new ValueMappingsEditor(this))
{
    holdEditor(this, m_editor, &m_state);
}

QString ValueMappingsSection::title() const
{
    return tr("Value mappings");
}

void ValueMappingsSection::load(const QJsonObject &panel)
{
    const QJsonValue mappings = json::valueAt(panel, kDefaults + QStringLiteral(".mappings"));
    m_state.load(mappings, [this](const QJsonValue &v) { m_editor->setMappings(v.toArray()); });
}

void ValueMappingsSection::store(QJsonObject &panel) const
{
    if (m_state.isDirty())
        json::setValueAt(panel, kDefaults + QStringLiteral(".mappings"), m_editor->mappings());
}

// ---------------------------------------------------------------------------------------------
// OverridesSection

OverridesSection::OverridesSection(QWidget *parent)
    : PanelOptionsSection(parent), m_editor(new OverridesEditor(this))
{
    holdEditor(this, m_editor, &m_state);
}

QString OverridesSection::title() const
{
    return tr("Overrides");
}

void OverridesSection::load(const QJsonObject &panel)
{
    // the property menu offers what this panel type draws (table columns, series styles...)
    m_editor->setPanelType(panel.value(QLatin1String("type")).toString());
    const QJsonValue overrides = json::valueAt(panel, QStringLiteral("fieldConfig.overrides"));
    m_state.load(overrides, [this](const QJsonValue &v) { m_editor->setOverrides(v.toArray()); });
}

void OverridesSection::store(QJsonObject &panel) const
{
    if (m_state.isDirty())
        json::setValueAt(panel, QStringLiteral("fieldConfig.overrides"), m_editor->overrides());
}

void OverridesSection::setFieldNames(const QStringList &names)
{
    m_editor->setFieldNames(names);
}

} // namespace pharos
