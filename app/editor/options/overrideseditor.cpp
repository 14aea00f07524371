#include "app/editor/options/overrideseditor.h"

#include "app/editor/options/colorbutton.h"
#include "app/editor/options/unitpicker.h"
#include "dashboards/fields/fieldconfig.h"
#include "dashboards/model/paneltypes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

namespace {

struct PropertyInfo
{
    const char *id;
    const char *label;
    const char *panelType; // the panel type that draws it; nullptr = every type
};

const PropertyInfo kProperties[] = {
    {"unit", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Unit"), nullptr},
    {"decimals", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Decimals"), nullptr},
    {"min", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Min"), nullptr},
    {"max", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Max"), nullptr},
    {"color", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Color (fixed)"), nullptr},
    {"displayName", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Display name"), nullptr},
    {"custom.fillOpacity", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Fill opacity"),
     paneltype::TimeSeries},
    {"custom.lineWidth", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Line width"),
     paneltype::TimeSeries},
    {"custom.drawStyle", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Draw style"),
     paneltype::TimeSeries},
    {"custom.axisPlacement", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Axis placement"),
     paneltype::TimeSeries},
    {"custom.stacking", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Stack series"),
     paneltype::TimeSeries},
    {"custom.width", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Column width"),
     paneltype::Table},
    {"custom.minWidth", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Minimum column width"),
     paneltype::Table},
    {"custom.align", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Column alignment"),
     paneltype::Table},
    {"custom.cellOptions", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Cell type"),
     paneltype::Table},
    {"custom.hidden", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Hide in table"),
     paneltype::Table},
    {"custom.filterable", QT_TRANSLATE_NOOP("pharos::OverridesEditor", "Column filter"),
     paneltype::Table},
};

bool offeredFor(const PropertyInfo &p, const QString &panelType)
{
    return !p.panelType || panelType.isEmpty() || panelType == QLatin1String(p.panelType);
}

QString propertyLabel(const QString &id)
{
    for (const PropertyInfo &p : kProperties) {
        if (id == QLatin1String(p.id))
            return QCoreApplication::translate("pharos::OverridesEditor", p.label);
    }
    return id;
}

/// The value a newly added property starts with.
QJsonValue defaultValue(const QString &id)
{
    if (id == QLatin1String("unit"))
        return QStringLiteral("short");
    if (id == QLatin1String("decimals"))
        return 0;
    if (id == QLatin1String("min") || id == QLatin1String("max"))
        return 0;
    if (id == QLatin1String("color"))
        return QJsonObject{{QStringLiteral("mode"), QStringLiteral("fixed")},
                           {QStringLiteral("fixedColor"), QStringLiteral("green")}};
    if (id == QLatin1String("displayName"))
        return QString();
    if (id == QLatin1String("custom.fillOpacity"))
        return 10;
    if (id == QLatin1String("custom.lineWidth"))
        return 1;
    if (id == QLatin1String("custom.drawStyle"))
        return QStringLiteral("line");
    if (id == QLatin1String("custom.axisPlacement"))
        return QStringLiteral("auto");
    if (id == QLatin1String("custom.stacking"))
        return QJsonObject{{QStringLiteral("group"), QStringLiteral("A")},
                           {QStringLiteral("mode"), QStringLiteral("normal")}};
    if (id == QLatin1String("custom.width") || id == QLatin1String("custom.minWidth"))
        return 150;
    if (id == QLatin1String("custom.align"))
        return QStringLiteral("auto");
    if (id == QLatin1String("custom.cellOptions"))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("auto")}};
    if (id == QLatin1String("custom.hidden") || id == QLatin1String("custom.filterable"))
        return true;
    return QJsonValue();
}

bool validRegex(const QString &pattern)
{
    return !pattern.isEmpty() && grafanaRegex(pattern).isValid();
}

} // namespace

QStringList OverridesEditor::commonProperties()
{
    return commonProperties(QString());
}

QStringList OverridesEditor::commonProperties(const QString &panelType)
{
    QStringList out;
    for (const PropertyInfo &p : kProperties) {
        if (offeredFor(p, panelType))
            out << QString::fromLatin1(p.id);
    }
    return out;
}

void OverridesEditor::setPanelType(const QString &type)
{
    if (m_panelType == type)
        return;
    m_panelType = type;
    rebuild();
}

OverridesEditor::OverridesEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_listWidget = new QWidget(this);
    m_listLayout = new QVBoxLayout(m_listWidget);
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_listWidget);
    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("addOverride"));
    m_add->setText(tr("+ Add field override"));
    layout->addWidget(m_add);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("overridesError"));
    m_error->setStyleSheet(QStringLiteral("color: #e02f44;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    connect(m_add, &QToolButton::clicked, this, [this] {
        Override o;
        o.options = m_fieldNames.value(0);
        m_overrides.append(o);
        rebuild();
        emit changed();
    });
}

void OverridesEditor::setFieldNames(const QStringList &names)
{
    m_fieldNames = names;
    rebuild();
}

void OverridesEditor::setOverrides(const QJsonArray &overrides)
{
    m_overrides.clear();
    for (const QJsonValue &v : overrides) {
        const QJsonObject o = v.toObject();
        const QJsonObject matcher = o.value(QLatin1String("matcher")).toObject();
        Override ov;
        ov.matcher = matcher.value(QLatin1String("id")).toString();
        ov.options = matcher.value(QLatin1String("options"));
        for (const QJsonValue &pv : o.value(QLatin1String("properties")).toArray()) {
            const QJsonObject p = pv.toObject();
            ov.properties.append(
                {p.value(QLatin1String("id")).toString(), p.value(QLatin1String("value"))});
        }
        m_overrides.append(ov);
    }
    setError(QString());
    rebuild();
}

QJsonArray OverridesEditor::overrides() const
{
    QJsonArray out;
    for (const Override &o : m_overrides) {
        QJsonObject matcher{{QStringLiteral("id"), o.matcher}};
        if (!o.options.isUndefined())
            matcher.insert(QStringLiteral("options"), o.options);
        QJsonArray props;
        for (const Property &p : o.properties) {
            QJsonObject po{{QStringLiteral("id"), p.id}};
            if (!p.value.isUndefined())
                po.insert(QStringLiteral("value"), p.value);
            props.append(po);
        }
        out.append(QJsonObject{{QStringLiteral("matcher"), matcher},
                               {QStringLiteral("properties"), props}});
    }
    return out;
}

QToolButton *OverridesEditor::removePropertyButton(int i, int j) const
{
    return m_listWidget->findChild<QToolButton *>(QStringLiteral("removeProp-%1-%2").arg(i).arg(j));
}

QString OverridesEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void OverridesEditor::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void OverridesEditor::setPropertyValue(int i, int j, const QJsonValue &value)
{
    if (i >= m_overrides.size() || j >= m_overrides[i].properties.size())
        return;
    QJsonValue &target = m_overrides[i].properties[j].value;
    if (target == value)
        return;
    target = value;
    emit changed();
}

void OverridesEditor::rebuild()
{
    for (QWidget *w :
         m_listWidget->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        w->hide();
        const auto children = w->findChildren<QObject *>();
        for (QObject *c : children)
            c->setObjectName(QString());
        w->deleteLater();
    }
    for (int i = 0; i < m_overrides.size(); ++i) {
        const Override &o = m_overrides.at(i);
        const QString n = QString::number(i);
        auto *box = new QFrame(m_listWidget);
        box->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(box);

        auto *head = new QHBoxLayout;
        const bool editable =
            o.matcher == QLatin1String("byName") || o.matcher == QLatin1String("byRegexp");
        if (editable) {
            auto *matcher = new QComboBox(box);
            matcher->setObjectName(QStringLiteral("matcher-") + n);
            matcher->addItem(tr("Fields with name"), QStringLiteral("byName"));
            matcher->addItem(tr("Fields with name matching regex"), QStringLiteral("byRegexp"));
            matcher->setCurrentIndex(matcher->findData(o.matcher));
            connect(matcher, &QComboBox::activated, this, [this, i, matcher](int index) {
                const QString id = matcher->itemData(index).toString();
                if (i >= m_overrides.size() || m_overrides[i].matcher == id)
                    return;
                m_overrides[i].matcher = id;
                emit changed();
            });
            head->addWidget(matcher);
            auto *name = new QComboBox(box);
            name->setObjectName(QStringLiteral("name-") + n);
            name->setEditable(true);
            name->addItems(m_fieldNames);
            name->setCurrentText(o.options.toString());
            name->setInsertPolicy(QComboBox::NoInsert);
            const auto commit = [this, i, name] {
                if (i >= m_overrides.size())
                    return;
                const QString text = name->currentText();
                if (m_overrides[i].matcher == QLatin1String("byRegexp") && !validRegex(text)) {
                    setError(tr("\"%1\" is not a valid regular expression.").arg(text));
                    return;
                }
                setError(QString());
                if (m_overrides[i].options == QJsonValue(text))
                    return;
                m_overrides[i].options = text;
                emit changed();
            };
            connect(name, &QComboBox::activated, this, commit);
            connect(name->lineEdit(), &QLineEdit::editingFinished, this, commit);
            head->addWidget(name, 1);
        } else {
            auto *label = new QLabel(
                tr("Matcher %1: %2")
                    .arg(o.matcher,
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{o.options}).toJson(QJsonDocument::Compact))),
                box);
            label->setObjectName(QStringLiteral("matcher-") + n);
            head->addWidget(label, 1);
        }
        auto *del = new QToolButton(box);
        del->setObjectName(QStringLiteral("deleteOverride-") + n);
        del->setText(QStringLiteral("✕"));
        del->setToolTip(tr("Delete this override"));
        connect(del, &QToolButton::clicked, this, [this, i] {
            if (i >= m_overrides.size())
                return;
            m_overrides.removeAt(i);
            rebuild();
            emit changed();
        });
        head->addWidget(del);
        v->addLayout(head);

        auto *form = new QFormLayout;
        for (int j = 0; j < o.properties.size(); ++j) {
            auto *row = new QHBoxLayout;
            row->addWidget(propertyEditor(i, j, box), 1);
            auto *remove = new QToolButton(box);
            remove->setObjectName(QStringLiteral("removeProp-%1-%2").arg(i).arg(j));
            remove->setText(QStringLiteral("✕"));
            remove->setToolTip(tr("Remove this property"));
            connect(remove, &QToolButton::clicked, this, [this, i, j] {
                if (i >= m_overrides.size() || j >= m_overrides[i].properties.size())
                    return;
                m_overrides[i].properties.removeAt(j);
                rebuild();
                emit changed();
            });
            row->addWidget(remove);
            form->addRow(propertyLabel(o.properties[j].id), row);
        }
        v->addLayout(form);

        auto *add = new QComboBox(box);
        add->setObjectName(QStringLiteral("addProperty-") + n);
        add->addItem(tr("+ Add override property"));
        for (const PropertyInfo &p : kProperties) {
            if (!offeredFor(p, m_panelType))
                continue;
            const QString id = QString::fromLatin1(p.id);
            const bool present = std::any_of(o.properties.begin(), o.properties.end(),
                                             [&](const Property &pr) { return pr.id == id; });
            if (!present)
                add->addItem(propertyLabel(id), id);
        }
        connect(add, &QComboBox::activated, this, [this, i, add](int index) {
            const QString id = add->itemData(index).toString();
            if (id.isEmpty() || i >= m_overrides.size())
                return;
            m_overrides[i].properties.append({id, defaultValue(id)});
            rebuild();
            emit changed();
        });
        v->addWidget(add);
        m_listLayout->addWidget(box);
        box->show();
    }
}

QWidget *OverridesEditor::propertyEditor(int i, int j, QWidget *parent)
{
    const Property &p = m_overrides.at(i).properties.at(j);
    const QString name = QStringLiteral("prop-%1-%2").arg(i).arg(j);
    const QString &id = p.id;
    QWidget *w = nullptr;
    const auto spin = [&](int lo, int hi) {
        auto *s = new QSpinBox(parent);
        s->setRange(lo, hi);
        s->setValue(int(std::lround(p.value.toDouble())));
        connect(s, &QSpinBox::valueChanged, this,
                [this, i, j](int value) { setPropertyValue(i, j, value); });
        return s;
    };
    const auto combo = [&](const QList<std::pair<QString, QString>> &items, const QString &cur) {
        auto *c = new QComboBox(parent);
        for (const auto &[value, label] : items)
            c->addItem(label, value);
        if (c->findData(cur) < 0)
            c->addItem(cur, cur);
        c->setCurrentIndex(c->findData(cur));
        return c;
    };
    if (id == QLatin1String("unit")) {
        auto *u = new UnitPicker(parent);
        u->setUnit(p.value.toString());
        connect(u, &UnitPicker::changed, this,
                [this, i, j, u] { setPropertyValue(i, j, u->unit()); });
        w = u;
    } else if (id == QLatin1String("decimals")) {
        w = spin(0, 20);
    } else if (id == QLatin1String("custom.fillOpacity")) {
        w = spin(0, 100);
    } else if (id == QLatin1String("custom.lineWidth")) {
        w = spin(0, 10);
    } else if (id == QLatin1String("custom.width") || id == QLatin1String("custom.minWidth")) {
        auto *s = spin(1, 2000);
        s->setSingleStep(10);
        s->setKeyboardTracking(false); // one edit per typed width, not one per digit
        s->setSuffix(tr(" px"));
        w = s;
    } else if (id == QLatin1String("custom.hidden") || id == QLatin1String("custom.filterable")) {
        auto *c = new QCheckBox(parent);
        const QJsonValue &v = p.value;
        c->setChecked(v.isBool()
                          ? v.toBool()
                          : v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
        connect(c, &QCheckBox::toggled, this,
                [this, i, j](bool on) { setPropertyValue(i, j, on); });
        w = c;
    } else if (id == QLatin1String("custom.align")) {
        QComboBox *c = combo({{QStringLiteral("auto"), tr("Auto")},
                              {QStringLiteral("left"), tr("Left")},
                              {QStringLiteral("center"), tr("Center")},
                              {QStringLiteral("right"), tr("Right")}},
                             p.value.toString(QStringLiteral("auto")));
        connect(c, &QComboBox::activated, this, [this, i, j, c](int index) {
            setPropertyValue(i, j, c->itemData(index).toString());
        });
        w = c;
    } else if (id == QLatin1String("custom.cellOptions")) {
        const QString cur =
            p.value.toObject().value(QLatin1String("type")).toString(QStringLiteral("auto"));
        QComboBox *c = combo({{QStringLiteral("auto"), tr("Auto")},
                              {QStringLiteral("color-text"), tr("Colored text")},
                              {QStringLiteral("color-background"), tr("Colored background")}},
                             cur);
        connect(c, &QComboBox::activated, this, [this, i, j, c](int index) {
            if (i >= m_overrides.size() || j >= m_overrides[i].properties.size())
                return;
            const QString type = c->itemData(index).toString();
            const QJsonObject old = m_overrides[i].properties[j].value.toObject();
            // the same type keeps its other options (mode...)
            setPropertyValue(i, j,
                             old.value(QLatin1String("type")).toString() == type
                                 ? old
                                 : QJsonObject{{QStringLiteral("type"), type}});
        });
        w = c;
    } else if (id == QLatin1String("min") || id == QLatin1String("max")) {
        auto *e = new QLineEdit(parent);
        if (p.value.isDouble())
            e->setText(QString::number(p.value.toDouble(), 'g', 15));
        connect(e, &QLineEdit::editingFinished, this, [this, i, j, e] {
            bool ok = false;
            const double d = QLocale::c().toDouble(e->text().trimmed(), &ok);
            if (!ok || !std::isfinite(d)) {
                setError(tr("Min and max need a number: \"%1\" is not one.").arg(e->text()));
                return;
            }
            setError(QString());
            setPropertyValue(i, j, d);
        });
        w = e;
    } else if (id == QLatin1String("displayName")) {
        auto *e = new QLineEdit(p.value.toString(), parent);
        connect(e, &QLineEdit::editingFinished, this,
                [this, i, j, e] { setPropertyValue(i, j, e->text()); });
        w = e;
    } else if (id == QLatin1String("color")) {
        auto *c = new ColorButton(parent);
        c->setColor(p.value.toObject().value(QLatin1String("fixedColor")).toString());
        connect(c, &ColorButton::colorChanged, this, [this, i, j](const QString &color) {
            setPropertyValue(i, j,
                             QJsonObject{{QStringLiteral("mode"), QStringLiteral("fixed")},
                                         {QStringLiteral("fixedColor"), color}});
        });
        w = c;
    } else if (id == QLatin1String("custom.drawStyle") ||
               id == QLatin1String("custom.axisPlacement")) {
        const bool draw = id == QLatin1String("custom.drawStyle");
        QComboBox *c = draw ? combo({{QStringLiteral("line"), tr("Lines")},
                                     {QStringLiteral("bars"), tr("Bars")},
                                     {QStringLiteral("points"), tr("Points")}},
                                    p.value.toString())
                            : combo({{QStringLiteral("auto"), tr("Auto")},
                                     {QStringLiteral("left"), tr("Left")},
                                     {QStringLiteral("right"), tr("Right")},
                                     {QStringLiteral("hidden"), tr("Hidden")}},
                                    p.value.toString());
        connect(c, &QComboBox::activated, this, [this, i, j, c](int index) {
            setPropertyValue(i, j, c->itemData(index).toString());
        });
        w = c;
    } else if (id == QLatin1String("custom.stacking")) {
        const QJsonObject cur = p.value.toObject();
        QComboBox *c = combo({{QStringLiteral("none"), tr("Off")},
                              {QStringLiteral("normal"), tr("Normal")},
                              {QStringLiteral("percent"), tr("100%")}},
                             cur.value(QLatin1String("mode")).toString());
        connect(c, &QComboBox::activated, this, [this, i, j, c](int index) {
            if (i >= m_overrides.size() || j >= m_overrides[i].properties.size())
                return;
            QJsonObject o = m_overrides[i].properties[j].value.toObject();
            o.insert(QStringLiteral("mode"), c->itemData(index).toString());
            if (!o.contains(QLatin1String("group")))
                o.insert(QStringLiteral("group"), QStringLiteral("A"));
            setPropertyValue(i, j, o);
        });
        w = c;
    } else {
        // a property this editor does not offer: kept unchanged, shown as JSON
        auto *l = new QLabel(
            QString::fromUtf8(QJsonDocument(QJsonArray{p.value}).toJson(QJsonDocument::Compact)),
            parent);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        w = l;
    }
    w->setObjectName(name);
    return w;
}

} // namespace pharos
