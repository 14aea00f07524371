#include "app/editor/options/reducedoptionssections.h"

#include "app/editor/options/colorbutton.h"
#include "app/editor/options/paneloptionsection.h"
#include "app/editor/options/unitpicker.h"
#include "dashboards/fields/reducers.h"
#include "dashboards/model/jsonvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <functional>

namespace pharos {

namespace {

/// One entry of a choice: the JSON value and the translated text shown.
struct Choice
{
    QString value;
    QString text;
};

} // namespace

/// A section of options laid out in a QFormLayout, each row bound to one JSON key of the
/// panel. A key is written only after the user changed its control: back to the value the
/// file had, the file's own JSON is written back (or the key removed when the file had none).
class ReducedOptionsSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    ReducedOptionsSection(const QString &title, QWidget *parent)
        : PanelOptionsSection(parent), m_title(title), m_form(new QFormLayout(this))
    {
        m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    }

    QString title() const override { return m_title; }

    void load(const QJsonObject &panel) override
    {
        m_loading = true;
        for (Binding &b : m_bindings) {
            b.raw = json::valueAt(panel, b.path);
            b.show(panel);
            b.shown = b.value();
            b.touched = false;
        }
        sync();
        m_loading = false;
    }

    void store(QJsonObject &panel) const override
    {
        for (const Binding &b : m_bindings) {
            if (!b.touched)
                continue;
            const QJsonValue v = b.value();
            json::setValueAt(panel, b.path, v == b.shown ? b.raw : v);
        }
    }

    // Builders of the sections (composed per type in paneltypeoptions.cpp).
    static ReducedOptionsSection *valueOptions(bool fields, QWidget *parent);
    static ReducedOptionsSection *statStyles(QWidget *parent);
    static ReducedOptionsSection *textSize(QWidget *parent);
    static ReducedOptionsSection *gauge(QWidget *parent);
    static ReducedOptionsSection *barGauge(QWidget *parent);
    static ReducedOptionsSection *pieChart(QWidget *parent);
    static ReducedOptionsSection *pieLegend(QWidget *parent);
    static ReducedOptionsSection *text(QWidget *parent);
    static ReducedOptionsSection *heatmapYAxis(QWidget *parent);
    static ReducedOptionsSection *heatmapColors(QWidget *parent);
    static ReducedOptionsSection *heatmapCells(QWidget *parent);
    static ReducedOptionsSection *heatmapLegend(QWidget *parent);
    static ReducedOptionsSection *tooltip(bool multi, QWidget *parent);

private:
    struct Binding
    {
        QString path;
        std::function<void(const QJsonObject &panel)> show; // shows the panel's value
        std::function<QJsonValue()> value;                  // the control's value
        QJsonValue raw;   // what the loaded panel had at `path` (Undefined: nothing)
        QJsonValue shown; // value() right after load()
        bool touched = false;
    };

    void addRow(const QString &label, QWidget *field)
    {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        m_form->addRow(l, field);
    }

    int bind(Binding b)
    {
        m_bindings.append(std::move(b));
        return int(m_bindings.size()) - 1;
    }

    void edited(int index)
    {
        if (m_loading)
            return;
        m_bindings[index].touched = true;
        sync();
        Q_EMIT changed();
    }

    /// Enables the rows that depend on other options.
    void sync()
    {
        for (const auto &f : std::as_const(m_syncs))
            f();
    }

    /// A combo box of `choices` (item data = the JSON string). A value not among them is
    /// shown as it is and kept. `read` gives the value to show (default: the string at
    /// `path`, else `fallback`).
    QComboBox *addCombo(const QString &label, const QString &name, const QString &path,
                        const QList<Choice> &choices, const QString &fallback,
                        std::function<QString(const QJsonObject &)> read = {})
    {
        auto *combo = new QComboBox(this);
        combo->setObjectName(name);
        for (const Choice &c : choices)
            combo->addItem(c.text, c.value);
        const int known = combo->count();
        addRow(label, combo);
        Binding b;
        b.path = path;
        b.show = [combo, path, fallback, known, read](const QJsonObject &panel) {
            while (combo->count() > known)
                combo->removeItem(combo->count() - 1);
            QString v;
            if (read) {
                v = read(panel);
            } else {
                const QJsonValue raw = json::valueAt(panel, path);
                v = raw.isString() ? raw.toString() : fallback;
            }
            int i = combo->findData(v);
            if (i < 0) {
                combo->addItem(v, v);
                i = combo->count() - 1;
            }
            combo->setCurrentIndex(i);
        };
        b.value = [combo] { return QJsonValue(combo->currentData().toString()); };
        const int index = bind(std::move(b));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, index] { edited(index); });
        return combo;
    }

    QCheckBox *addCheck(const QString &label, const QString &name, const QString &path,
                        bool fallback, std::function<bool(const QJsonObject &)> read = {})
    {
        auto *box = new QCheckBox(this);
        box->setObjectName(name);
        addRow(label, box);
        Binding b;
        b.path = path;
        b.show = [box, path, fallback, read](const QJsonObject &panel) {
            const QJsonValue raw = json::valueAt(panel, path);
            box->setChecked(raw.isBool() ? raw.toBool() : read ? read(panel) : fallback);
        };
        b.value = [box] { return QJsonValue(box->isChecked()); };
        const int index = bind(std::move(b));
        connect(box, &QCheckBox::toggled, this, [this, index] { edited(index); });
        return box;
    }

    /// A size in pixels (0..10000), `fallback` when the panel has none.
    QSpinBox *addPixels(const QString &label, const QString &name, const QString &path,
                        int fallback)
    {
        auto *spin = new QSpinBox(this);
        spin->setObjectName(name);
        spin->setRange(0, 10000);
        spin->setSuffix(tr(" px"));
        addRow(label, spin);
        Binding b;
        b.path = path;
        b.show = [spin, path, fallback](const QJsonObject &panel) {
            spin->setValue(
                std::clamp(json::integer(json::valueAt(panel, path), fallback), 0, 10000));
        };
        b.value = [spin] { return QJsonValue(spin->value()); };
        const int index = bind(std::move(b));
        connect(spin, &QSpinBox::valueChanged, this, [this, index] { edited(index); });
        return spin;
    }

    /// A number field (empty = the key removed; `placeholder` says what applies then).
    QLineEdit *addNumber(const QString &label, const QString &name, const QString &path,
                         const QString &placeholder)
    {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        auto *validator = new QDoubleValidator(edit);
        validator->setLocale(QLocale::c()); // the number is read back in the C locale
        edit->setValidator(validator);
        addRow(label, edit);
        Binding n;
        n.path = path;
        n.show = [edit, path](const QJsonObject &panel) {
            const std::optional<double> v = json::number(json::valueAt(panel, path));
            edit->setText(v ? QString::number(*v) : QString());
        };
        n.value = [edit] {
            bool ok = false;
            const double d = edit->text().trimmed().toDouble(&ok);
            return ok ? QJsonValue(d) : QJsonValue(QJsonValue::Undefined);
        };
        const int index = bind(std::move(n));
        connect(edit, &QLineEdit::textEdited, this, [this, index] { edited(index); });
        return edit;
    }

    /// Check boxes writing the array of the values checked (in the order of `choices`).
    QWidget *addMultiCheck(const QString &label, const QString &name, const QString &path,
                           const QList<Choice> &choices, const QStringList &boxNames)
    {
        auto *holder = new QWidget(this);
        holder->setObjectName(name);
        auto *row = new QHBoxLayout(holder);
        row->setContentsMargins(0, 0, 0, 0);
        QList<QCheckBox *> boxes;
        for (int i = 0; i < choices.size(); ++i) {
            auto *box = new QCheckBox(choices[i].text, holder);
            box->setObjectName(boxNames.value(i));
            row->addWidget(box);
            boxes << box;
        }
        row->addStretch(1);
        addRow(label, holder);
        Binding b;
        b.path = path;
        b.show = [boxes, choices, path](const QJsonObject &panel) {
            const QJsonArray raw = json::valueAt(panel, path).toArray();
            for (int i = 0; i < boxes.size(); ++i)
                boxes[i]->setChecked(raw.contains(QJsonValue(choices[i].value)));
        };
        b.value = [boxes, choices] {
            QJsonArray out;
            for (int i = 0; i < boxes.size(); ++i)
                if (boxes[i]->isChecked())
                    out.append(choices[i].value);
            return QJsonValue(out);
        };
        const int index = bind(std::move(b));
        for (QCheckBox *box : std::as_const(boxes))
            connect(box, &QCheckBox::toggled, this, [this, index] { edited(index); });
        return holder;
    }

    /// The reducer of options.reduceOptions.calcs (the first; Grafana's stat, gauge, bar
    /// gauge and pie chart use one).
    QComboBox *addReducer()
    {
        QList<Choice> choices;
        for (const QString &id : knownReducers())
            choices.append({id, reducerDisplayName(id)});
        QComboBox *combo = addCombo(
            tr("Calculation"), QStringLiteral("reducer"),
            QStringLiteral("options.reduceOptions.calcs"), choices, QStringLiteral("lastNotNull"),
            [](const QJsonObject &panel) {
                const QJsonArray calcs =
                    json::valueAt(panel, QStringLiteral("options.reduceOptions.calcs")).toArray();
                const QString id = calcs.isEmpty() ? QString() : calcs[0].toString();
                return id.isEmpty() ? QStringLiteral("lastNotNull") : id;
            });
        // calcs is an array: [id].
        m_bindings.last().value = [combo] {
            return QJsonValue(QJsonArray{combo->currentData().toString()});
        };
        return combo;
    }

    QList<Choice> orientations() const
    {
        return {{QStringLiteral("auto"), tr("Auto")},
                {QStringLiteral("horizontal"), tr("Horizontal")},
                {QStringLiteral("vertical"), tr("Vertical")}};
    }

    QString m_title;
    QFormLayout *m_form;
    QList<Binding> m_bindings;
    QList<std::function<void()>> m_syncs;
    bool m_loading = false;
};

ReducedOptionsSection *ReducedOptionsSection::valueOptions(bool fields, QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Value options"), parent);
    // Show: one value per series reduced with the calculation, or every value.
    auto *show = new QComboBox(s);
    show->setObjectName(QStringLiteral("values"));
    show->addItem(tr("Calculate"), false);
    show->addItem(tr("All values"), true);
    s->addRow(tr("Show"), show);
    Binding b;
    b.path = QStringLiteral("options.reduceOptions.values");
    b.show = [show](const QJsonObject &panel) {
        const bool all =
            json::valueAt(panel, QStringLiteral("options.reduceOptions.values")).toBool(false);
        show->setCurrentIndex(all ? 1 : 0);
    };
    b.value = [show] { return QJsonValue(show->currentData().toBool()); };
    int index = s->bind(std::move(b));
    connect(show, &QComboBox::currentIndexChanged, s, [s, index] { s->edited(index); });

    QComboBox *reducer = s->addReducer();

    auto *limit = new QSpinBox(s);
    limit->setObjectName(QStringLiteral("limit"));
    limit->setRange(0, 5000);
    limit->setSpecialValueText(tr("Default (25)"));
    s->addRow(tr("Limit"), limit);
    Binding l;
    l.path = QStringLiteral("options.reduceOptions.limit");
    l.show = [limit](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, QStringLiteral("options.reduceOptions.limit"));
        limit->setValue(v.isDouble() ? std::clamp(v.toInt(), 0, 5000) : 0);
    };
    l.value = [limit] {
        return limit->value() == 0 ? QJsonValue(QJsonValue::Undefined) : QJsonValue(limit->value());
    };
    index = s->bind(std::move(l));
    connect(limit, &QSpinBox::valueChanged, s, [s, index] { s->edited(index); });
    s->m_syncs << [show, reducer, limit] {
        const bool all = show->currentData().toBool();
        reducer->setEnabled(!all);
        limit->setEnabled(all);
    };
    if (fields) {
        // The stat renderer shows numbers, or the time of a point when the fields name the
        // time field (a migrated singlestat "Time of last point").
        s->addCombo(tr("Fields"), QStringLiteral("fields"),
                    QStringLiteral("options.reduceOptions.fields"),
                    {{QString(), tr("Numeric fields")}, {QStringLiteral("/^Time$/"), tr("Time")}},
                    QString());
    }
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::statStyles(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Stat styles"), parent);
    s->addCombo(tr("Orientation"), QStringLiteral("orientation"),
                QStringLiteral("options.orientation"), s->orientations(), QStringLiteral("auto"));
    s->addCombo(tr("Text mode"), QStringLiteral("textMode"), QStringLiteral("options.textMode"),
                {{QStringLiteral("auto"), tr("Auto")},
                 {QStringLiteral("value"), tr("Value")},
                 {QStringLiteral("value_and_name"), tr("Value and name")},
                 {QStringLiteral("name"), tr("Name")},
                 {QStringLiteral("none"), tr("None")}},
                QStringLiteral("auto"));
    QCheckBox *wide = s->addCheck(tr("Wide layout"), QStringLiteral("wideLayout"),
                                  QStringLiteral("options.wideLayout"), true);
    QComboBox *textMode = s->findChild<QComboBox *>(QStringLiteral("textMode"));
    // The wide layout places a name and a value side by side: only when both are shown.
    s->m_syncs << [wide, textMode] {
        const QString mode = textMode->currentData().toString();
        wide->setEnabled(mode == QLatin1String("auto") || mode == QLatin1String("value_and_name"));
    };
    s->addCombo(tr("Color mode"), QStringLiteral("colorMode"), QStringLiteral("options.colorMode"),
                {{QStringLiteral("none"), tr("None")},
                 {QStringLiteral("value"), tr("Value")},
                 {QStringLiteral("background"), tr("Background gradient")},
                 {QStringLiteral("background_solid"), tr("Background solid")}},
                QStringLiteral("value"));
    s->addCombo(tr("Graph mode"), QStringLiteral("graphMode"), QStringLiteral("options.graphMode"),
                {{QStringLiteral("none"), tr("None")}, {QStringLiteral("area"), tr("Area")}},
                QStringLiteral("area"));
    s->addCombo(tr("Text alignment"), QStringLiteral("justifyMode"),
                QStringLiteral("options.justifyMode"),
                {{QStringLiteral("auto"), tr("Auto")}, {QStringLiteral("center"), tr("Center")}},
                QStringLiteral("auto"));
    QCheckBox *percent = s->addCheck(tr("Show percent change"), QStringLiteral("showPercentChange"),
                                     QStringLiteral("options.showPercentChange"), false);
    QComboBox *percentMode =
        s->addCombo(tr("Percent change color mode"), QStringLiteral("percentChangeColorMode"),
                    QStringLiteral("options.percentChangeColorMode"),
                    {{QStringLiteral("standard"), tr("Standard")},
                     {QStringLiteral("inverted"), tr("Inverted")},
                     {QStringLiteral("same_as_value"), tr("Same as value")}},
                    QStringLiteral("standard"));
    s->m_syncs << [percent, percentMode] { percentMode->setEnabled(percent->isChecked()); };
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::textSize(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Text size"), parent);
    const auto sizeRow = [s](const QString &label, const QString &name, const QString &path) {
        auto *spin = new QSpinBox(s);
        spin->setObjectName(name);
        spin->setRange(0, 400);
        spin->setSpecialValueText(tr("Auto"));
        spin->setSuffix(tr(" px"));
        s->addRow(label, spin);
        Binding b;
        b.path = path;
        b.show = [spin, path](const QJsonObject &panel) {
            const QJsonValue v = json::valueAt(panel, path);
            spin->setValue(v.isDouble() ? std::clamp(int(v.toDouble()), 0, 400) : 0);
        };
        b.value = [spin] {
            return spin->value() == 0 ? QJsonValue(QJsonValue::Undefined)
                                      : QJsonValue(spin->value());
        };
        const int index = s->bind(std::move(b));
        connect(spin, &QSpinBox::valueChanged, s, [s, index] { s->edited(index); });
    };
    sizeRow(tr("Title"), QStringLiteral("titleSize"), QStringLiteral("options.text.titleSize"));
    sizeRow(tr("Value"), QStringLiteral("valueSize"), QStringLiteral("options.text.valueSize"));
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::gauge(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Gauge"), parent);
    s->addCombo(tr("Orientation"), QStringLiteral("orientation"),
                QStringLiteral("options.orientation"), s->orientations(), QStringLiteral("auto"));
    s->addCheck(tr("Show threshold markers"), QStringLiteral("showThresholdMarkers"),
                QStringLiteral("options.showThresholdMarkers"), true);
    s->addCheck(tr("Show threshold labels"), QStringLiteral("showThresholdLabels"),
                QStringLiteral("options.showThresholdLabels"), false);
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::barGauge(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Bar gauge"), parent);
    s->addCombo(tr("Orientation"), QStringLiteral("orientation"),
                QStringLiteral("options.orientation"), s->orientations(), QStringLiteral("auto"));
    s->addCombo(tr("Display mode"), QStringLiteral("displayMode"),
                QStringLiteral("options.displayMode"),
                {{QStringLiteral("gradient"), tr("Gradient")},
                 {QStringLiteral("lcd"), tr("Retro LCD")},
                 {QStringLiteral("basic"), tr("Basic")}},
                QStringLiteral("gradient"));
    s->addCheck(tr("Show unfilled area"), QStringLiteral("showUnfilled"),
                QStringLiteral("options.showUnfilled"), true);
    s->addCombo(tr("Value display"), QStringLiteral("valueMode"),
                QStringLiteral("options.valueMode"),
                {{QStringLiteral("color"), tr("Value color")},
                 {QStringLiteral("text"), tr("Text color")},
                 {QStringLiteral("hidden"), tr("Hidden")}},
                QStringLiteral("color"));
    s->addCombo(tr("Name placement"), QStringLiteral("namePlacement"),
                QStringLiteral("options.namePlacement"),
                {{QStringLiteral("auto"), tr("Auto")},
                 {QStringLiteral("top"), tr("Top")},
                 {QStringLiteral("left"), tr("Left")},
                 {QStringLiteral("hidden"), tr("Hidden")}},
                QStringLiteral("auto"));
    QComboBox *sizing = s->addCombo(
        tr("Bar size"), QStringLiteral("sizing"), QStringLiteral("options.sizing"),
        {{QStringLiteral("auto"), tr("Auto")}, {QStringLiteral("manual"), tr("Manual")}},
        QStringLiteral("auto"));
    QSpinBox *minWidth = s->addPixels(tr("Min width"), QStringLiteral("minVizWidth"),
                                      QStringLiteral("options.minVizWidth"), 8);
    QSpinBox *minHeight = s->addPixels(tr("Min height"), QStringLiteral("minVizHeight"),
                                       QStringLiteral("options.minVizHeight"), 16);
    QSpinBox *maxHeight = s->addPixels(tr("Max height"), QStringLiteral("maxVizHeight"),
                                       QStringLiteral("options.maxVizHeight"), 300);
    s->m_syncs << [sizing, minWidth, minHeight, maxHeight] {
        const bool manual = sizing->currentData().toString() == QLatin1String("manual");
        minWidth->setEnabled(manual);
        minHeight->setEnabled(manual);
        maxHeight->setEnabled(manual);
    };
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::pieChart(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Pie chart"), parent);
    s->addCombo(tr("Pie chart type"), QStringLiteral("pieType"), QStringLiteral("options.pieType"),
                {{QStringLiteral("pie"), tr("Pie")}, {QStringLiteral("donut"), tr("Donut")}},
                QStringLiteral("pie"));
    s->addMultiCheck(tr("Labels"), QStringLiteral("pieLabels"),
                     QStringLiteral("options.displayLabels"),
                     {{QStringLiteral("name"), tr("Name")},
                      {QStringLiteral("value"), tr("Value")},
                      {QStringLiteral("percent"), tr("Percent")}},
                     {QStringLiteral("pieLabelName"), QStringLiteral("pieLabelValue"),
                      QStringLiteral("pieLabelPercent")});
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::pieLegend(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Legend"), parent);
    QCheckBox *visible = s->addCheck(
        tr("Visibility"), QStringLiteral("legendVisible"),
        QStringLiteral("options.legend.showLegend"), true, [](const QJsonObject &panel) {
            return json::valueAt(panel, QStringLiteral("options.legend.displayMode")) !=
                   QJsonValue(QStringLiteral("hidden"));
        });
    QComboBox *mode = s->addCombo(
        tr("Mode"), QStringLiteral("legendMode"), QStringLiteral("options.legend.displayMode"),
        {{QStringLiteral("list"), tr("List")}, {QStringLiteral("table"), tr("Table")}},
        QStringLiteral("list"));
    QComboBox *placement = s->addCombo(
        tr("Placement"), QStringLiteral("legendPlacement"),
        QStringLiteral("options.legend.placement"),
        {{QStringLiteral("right"), tr("Right")}, {QStringLiteral("bottom"), tr("Bottom")}},
        QStringLiteral("right"));
    QWidget *values = s->addMultiCheck(
        tr("Legend values"), QStringLiteral("legendValues"),
        QStringLiteral("options.legend.values"),
        {{QStringLiteral("value"), tr("Value")}, {QStringLiteral("percent"), tr("Percent")}},
        {QStringLiteral("legendValueValue"), QStringLiteral("legendValuePercent")});
    s->m_syncs << [visible, mode, placement, values] {
        mode->setEnabled(visible->isChecked());
        placement->setEnabled(visible->isChecked());
        values->setEnabled(visible->isChecked());
    };
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::text(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Text"), parent);
    // Grafana 7+ keeps mode and content in options; older files on the panel itself.
    s->addCombo(tr("Mode"), QStringLiteral("textContentMode"), QStringLiteral("options.mode"),
                {{QStringLiteral("markdown"), tr("Markdown")},
                 {QStringLiteral("html"), tr("HTML")},
                 {QStringLiteral("code"), tr("Code")}},
                QStringLiteral("markdown"), [](const QJsonObject &panel) {
                    QString m = json::valueAt(panel, QStringLiteral("options.mode"))
                                    .toString(panel.value(QLatin1String("mode")).toString());
                    return m.isEmpty() ? QStringLiteral("markdown") : m;
                });
    QCheckBox *lineNumbers = s->addCheck(tr("Show line numbers"), QStringLiteral("showLineNumbers"),
                                         QStringLiteral("options.code.showLineNumbers"), false);
    QComboBox *mode = s->findChild<QComboBox *>(QStringLiteral("textContentMode"));
    s->m_syncs << [mode, lineNumbers] {
        lineNumbers->setEnabled(mode->currentData().toString() == QLatin1String("code"));
    };
    auto *content = new QPlainTextEdit(s);
    content->setObjectName(QStringLiteral("content"));
    content->setTabChangesFocus(true);
    content->setMinimumHeight(160);
    s->addRow(tr("Content"), content);
    Binding b;
    b.path = QStringLiteral("options.content");
    b.show = [content](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, QStringLiteral("options.content"));
        content->setPlainText(v.isUndefined() ? panel.value(QLatin1String("content")).toString()
                                              : v.toString());
    };
    b.value = [content] { return QJsonValue(content->toPlainText()); };
    const int index = s->bind(std::move(b));
    connect(content, &QPlainTextEdit::textChanged, s, [s, index] { s->edited(index); });
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::heatmapYAxis(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Y Axis"), parent);
    s->addCombo(tr("Placement"), QStringLiteral("heatmapAxisPlacement"),
                QStringLiteral("options.yAxis.axisPlacement"),
                {{QStringLiteral("left"), tr("Left")},
                 {QStringLiteral("right"), tr("Right")},
                 {QStringLiteral("hidden"), tr("Hidden")}},
                QStringLiteral("left"));
    auto *unit = new UnitPicker(s);
    unit->setObjectName(QStringLiteral("heatmapUnit"));
    s->addRow(tr("Unit"), unit);
    Binding b;
    b.path = QStringLiteral("options.yAxis.unit");
    b.show = [unit](const QJsonObject &panel) {
        // The heatmap falls back to the field unit.
        const QJsonValue v = json::valueAt(panel, QStringLiteral("options.yAxis.unit"));
        unit->setUnit(
            v.isString()
                ? v.toString()
                : json::valueAt(panel, QStringLiteral("fieldConfig.defaults.unit")).toString());
    };
    b.value = [unit] { return QJsonValue(unit->unit()); };
    int index = s->bind(std::move(b));
    connect(unit, &UnitPicker::changed, s, [s, index] { s->edited(index); });

    auto *decimals = new QSpinBox(s);
    decimals->setObjectName(QStringLiteral("heatmapDecimals"));
    decimals->setRange(-1, 20);
    decimals->setSpecialValueText(tr("auto"));
    s->addRow(tr("Decimals"), decimals);
    Binding d;
    d.path = QStringLiteral("options.yAxis.decimals");
    d.show = [decimals](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, QStringLiteral("options.yAxis.decimals"));
        decimals->setValue(v.isDouble() ? std::clamp(v.toInt(), 0, 20) : -1);
    };
    d.value = [decimals] {
        return decimals->value() < 0 ? QJsonValue(QJsonValue::Undefined)
                                     : QJsonValue(decimals->value());
    };
    index = s->bind(std::move(d));
    connect(decimals, &QSpinBox::valueChanged, s, [s, index] { s->edited(index); });
    s->addCheck(tr("Reverse"), QStringLiteral("heatmapReverseY"),
                QStringLiteral("options.yAxis.reverse"), false);
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::heatmapColors(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Colors"), parent);
    QComboBox *mode = s->addCombo(
        tr("Mode"), QStringLiteral("heatmapColorMode"), QStringLiteral("options.color.mode"),
        {{QStringLiteral("scheme"), tr("Scheme")}, {QStringLiteral("opacity"), tr("Opacity")}},
        QStringLiteral("scheme"), [](const QJsonObject &panel) {
            const QString m = json::valueAt(panel, QStringLiteral("options.color.mode")).toString();
            // Old heatmaps: "spectrum" is the scheme mode.
            return m.isEmpty() || m == QLatin1String("spectrum") ? QStringLiteral("scheme") : m;
        });
    QList<Choice> schemes;
    for (const char *name : {"Oranges", "Blues", "Greens", "Reds", "Purples", "Greys", "YlOrRd",
                             "YlGnBu", "RdYlGn", "RdYlBu", "Spectral", "Viridis", "Magma",
                             "Inferno", "Plasma", "Cividis", "Turbo", "Warm", "Cool"})
        schemes.append({QLatin1String(name), QLatin1String(name)});
    QComboBox *scheme = s->addCombo(
        tr("Scheme"), QStringLiteral("heatmapScheme"), QStringLiteral("options.color.scheme"),
        schemes, QStringLiteral("Oranges"), [](const QJsonObject &panel) {
            QString name = json::valueAt(panel, QStringLiteral("options.color.scheme")).toString();
            if (name.isEmpty()) {
                name = json::valueAt(panel, QStringLiteral("options.color.colorScheme")).toString();
                if (name.startsWith(QLatin1String("interpolate")))
                    name = name.mid(11);
            }
            return name.isEmpty() ? QStringLiteral("Oranges") : name;
        });

    auto *fill = new ColorButton(s);
    fill->setObjectName(QStringLiteral("heatmapFill"));
    s->addRow(tr("Color"), fill);
    Binding b;
    b.path = QStringLiteral("options.color.fill");
    b.show = [fill](const QJsonObject &panel) {
        QString c = json::valueAt(panel, QStringLiteral("options.color.fill")).toString();
        if (c.isEmpty())
            c = json::valueAt(panel, QStringLiteral("options.color.cardColor")).toString();
        fill->setColor(c.isEmpty() ? QStringLiteral("dark-orange") : c);
    };
    b.value = [fill] { return QJsonValue(fill->color()); };
    int index = s->bind(std::move(b));
    connect(fill, &ColorButton::colorChanged, s, [s, index] { s->edited(index); });

    QComboBox *scale = s->addCombo(tr("Scale"), QStringLiteral("heatmapScale"),
                                   QStringLiteral("options.color.scale"),
                                   {{QStringLiteral("exponential"), tr("Exponential")},
                                    {QStringLiteral("linear"), tr("Linear")}},
                                   QStringLiteral("exponential"));
    auto *exponent = new QDoubleSpinBox(s);
    exponent->setObjectName(QStringLiteral("heatmapExponent"));
    exponent->setRange(0.01, 10);
    exponent->setDecimals(2);
    exponent->setSingleStep(0.1);
    s->addRow(tr("Exponent"), exponent);
    Binding e;
    e.path = QStringLiteral("options.color.exponent");
    e.show = [exponent](const QJsonObject &panel) {
        const QJsonValue v = json::valueAt(panel, QStringLiteral("options.color.exponent"));
        exponent->setValue(v.isDouble() && v.toDouble() > 0 ? v.toDouble() : 0.5);
    };
    e.value = [exponent] { return QJsonValue(exponent->value()); };
    index = s->bind(std::move(e));
    connect(exponent, &QDoubleSpinBox::valueChanged, s, [s, index] { s->edited(index); });

    s->addCheck(tr("Reverse"), QStringLiteral("heatmapReverse"),
                QStringLiteral("options.color.reverse"), false);

    auto numberRow = [s](const QString &label, const QString &name, const QString &path) {
        s->addNumber(label, name, path, tr("auto"));
    };
    numberRow(tr("Start color from"), QStringLiteral("heatmapColorMin"),
              QStringLiteral("options.color.min"));
    numberRow(tr("End color from"), QStringLiteral("heatmapColorMax"),
              QStringLiteral("options.color.max"));
    auto *steps = new QSpinBox(s);
    steps->setObjectName(QStringLiteral("heatmapSteps"));
    steps->setRange(2, 128);
    s->addRow(tr("Steps"), steps);
    Binding st;
    st.path = QStringLiteral("options.color.steps");
    st.show = [steps](const QJsonObject &panel) {
        steps->setValue(std::clamp(
            json::integer(json::valueAt(panel, QStringLiteral("options.color.steps")), 64), 2,
            128));
    };
    st.value = [steps] { return QJsonValue(steps->value()); };
    index = s->bind(std::move(st));
    connect(steps, &QSpinBox::valueChanged, s, [s, index] { s->edited(index); });

    s->m_syncs << [mode, scheme, fill, scale, exponent] {
        const bool opacity = mode->currentData().toString() == QLatin1String("opacity");
        scheme->setEnabled(!opacity);
        fill->setEnabled(opacity);
        exponent->setEnabled(scale->currentData().toString() == QLatin1String("exponential"));
    };
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::heatmapCells(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Cell display"), parent);
    s->addNumber(tr("Hide cells with values ≤"), QStringLiteral("hideBelow"),
                 QStringLiteral("options.filterValues.le"), QStringLiteral("1e-9"));
    s->addNumber(tr("Hide cells with values ≥"), QStringLiteral("hideAbove"),
                 QStringLiteral("options.filterValues.ge"), tr("none"));
    s->addCombo(tr("Show values"), QStringLiteral("showValue"), QStringLiteral("options.showValue"),
                {{QStringLiteral("auto"), tr("Auto")},
                 {QStringLiteral("always"), tr("Always")},
                 {QStringLiteral("never"), tr("Never")}},
                QStringLiteral("auto"));
    auto *gap = new QSpinBox(s);
    gap->setObjectName(QStringLiteral("cellGap"));
    gap->setRange(0, 25);
    gap->setSuffix(tr(" px"));
    s->addRow(tr("Cell gap"), gap);
    Binding b;
    b.path = QStringLiteral("options.cellGap");
    b.show = [gap](const QJsonObject &panel) {
        gap->setValue(std::clamp(
            json::integer(json::valueAt(panel, QStringLiteral("options.cellGap")), 1), 0, 25));
    };
    b.value = [gap] { return QJsonValue(gap->value()); };
    const int index = s->bind(std::move(b));
    connect(gap, &QSpinBox::valueChanged, s, [s, index] { s->edited(index); });
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::tooltip(bool multi, QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Tooltip"), parent);
    QList<Choice> modes{{QStringLiteral("single"), tr("Single")}};
    if (multi)
        modes.append({QStringLiteral("multi"), tr("All")});
    modes.append({QStringLiteral("none"), tr("Hidden")});
    s->addCombo(
        tr("Tooltip mode"), QStringLiteral("tooltipMode"), QStringLiteral("options.tooltip.mode"),
        modes, QStringLiteral("single"), [](const QJsonObject &panel) {
            const QJsonValue mode = json::valueAt(panel, QStringLiteral("options.tooltip.mode"));
            if (mode.isString())
                return mode.toString();
            // Older heatmaps: tooltip.show.
            return json::valueAt(panel, QStringLiteral("options.tooltip.show")).toBool(true)
                       ? QStringLiteral("single")
                       : QStringLiteral("none");
        });
    return s;
}

ReducedOptionsSection *ReducedOptionsSection::heatmapLegend(QWidget *parent)
{
    auto *s = new ReducedOptionsSection(tr("Legend"), parent);
    s->addCheck(tr("Show legend"), QStringLiteral("heatmapLegend"),
                QStringLiteral("options.legend.show"), true);
    return s;
}

QList<PanelOptionsSection *> statSections(QWidget *parent)
{
    using S = ReducedOptionsSection;
    return {S::valueOptions(true, parent), S::statStyles(parent), S::textSize(parent)};
}

QList<PanelOptionsSection *> gaugeSections(QWidget *parent)
{
    using S = ReducedOptionsSection;
    return {S::valueOptions(false, parent), S::gauge(parent), S::textSize(parent)};
}

QList<PanelOptionsSection *> barGaugeSections(QWidget *parent)
{
    using S = ReducedOptionsSection;
    return {S::valueOptions(false, parent), S::barGauge(parent), S::textSize(parent)};
}

QList<PanelOptionsSection *> pieChartSections(QWidget *parent)
{
    using S = ReducedOptionsSection;
    return {S::valueOptions(false, parent), S::pieChart(parent), S::tooltip(true, parent),
            S::pieLegend(parent)};
}

QList<PanelOptionsSection *> textSections(QWidget *parent)
{
    return {ReducedOptionsSection::text(parent)};
}

QList<PanelOptionsSection *> heatmapSections(QWidget *parent)
{
    using S = ReducedOptionsSection;
    return {S::heatmapYAxis(parent), S::heatmapColors(parent), S::heatmapCells(parent),
            S::tooltip(false, parent), S::heatmapLegend(parent)};
}

} // namespace pharos

#include "reducedoptionssections.moc"
