#include "app/editor/options/unitpicker.h"

#include "dashboards/fields/units.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

namespace {

constexpr const char *kContext = "pharos::UnitPicker";

struct RawUnit
{
    const char *category;
    const char *id;
    const char *name;
};

// Grafana's categories and names for the ids Pharos formats.
const RawUnit kUnits[] = {
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Misc"), "none",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "None")},
    {"Misc", "short", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Short")},
    {"Misc", "percent", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Percent (0-100)")},
    {"Misc", "percentunit", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Percent (0.0-1.0)")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Data"), "bytes",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "bytes(IEC)")},
    {"Data", "decbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bytes(SI)")},
    {"Data", "bits", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bits(IEC)")},
    {"Data", "decbits", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bits(SI)")},
    {"Data", "kbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "kibibytes")},
    {"Data", "deckbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "kilobytes")},
    {"Data", "mbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "mebibytes")},
    {"Data", "decmbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "megabytes")},
    {"Data", "gbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "gibibytes")},
    {"Data", "decgbytes", QT_TRANSLATE_NOOP("pharos::UnitPicker", "gigabytes")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Data rate"), "binBps",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "bytes/sec(IEC)")},
    {"Data rate", "Bps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bytes/sec(SI)")},
    {"Data rate", "binbps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bits/sec(IEC)")},
    {"Data rate", "bps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "bits/sec(SI)")},
    {"Data rate", "KBs", QT_TRANSLATE_NOOP("pharos::UnitPicker", "kilobytes/sec")},
    {"Data rate", "MBs", QT_TRANSLATE_NOOP("pharos::UnitPicker", "megabytes/sec")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Time"), "hertz",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "Hertz (1/s)")},
    {"Time", "ns", QT_TRANSLATE_NOOP("pharos::UnitPicker", "nanoseconds (ns)")},
    {"Time", "µs", QT_TRANSLATE_NOOP("pharos::UnitPicker", "microseconds (µs)")},
    {"Time", "ms", QT_TRANSLATE_NOOP("pharos::UnitPicker", "milliseconds (ms)")},
    {"Time", "s", QT_TRANSLATE_NOOP("pharos::UnitPicker", "seconds (s)")},
    {"Time", "m", QT_TRANSLATE_NOOP("pharos::UnitPicker", "minutes (m)")},
    {"Time", "h", QT_TRANSLATE_NOOP("pharos::UnitPicker", "hours (h)")},
    {"Time", "d", QT_TRANSLATE_NOOP("pharos::UnitPicker", "days (d)")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Throughput"), "ops",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "ops/sec (ops)")},
    {"Throughput", "reqps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "requests/sec (rps)")},
    {"Throughput", "rps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "reads/sec (rps)")},
    {"Throughput", "wps", QT_TRANSLATE_NOOP("pharos::UnitPicker", "writes/sec (wps)")},
    {"Throughput", "iops", QT_TRANSLATE_NOOP("pharos::UnitPicker", "I/O ops/sec (iops)")},
    {"Throughput", "opm", QT_TRANSLATE_NOOP("pharos::UnitPicker", "ops/min (opm)")},
    {"Throughput", "reqpm", QT_TRANSLATE_NOOP("pharos::UnitPicker", "requests/min (rpm)")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Energy"), "watt",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "Watt (W)")},
    {"Energy", "volt", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Volt (V)")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Temperature"), "celsius",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "Celsius (°C)")},
    {"Temperature", "fahrenheit", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Fahrenheit (°F)")},
    {QT_TRANSLATE_NOOP("pharos::UnitPicker", "Currency"), "currencyUSD",
     QT_TRANSLATE_NOOP("pharos::UnitPicker", "Dollars ($)")},
    {"Currency", "currencyEUR", QT_TRANSLATE_NOOP("pharos::UnitPicker", "Euro (€)")},
};

QString trUnit(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

bool isCustomUnit(const QString &id)
{
    return (id.startsWith(QLatin1String("suffix:")) || id.startsWith(QLatin1String("prefix:"))) &&
           id.size() > 7;
}

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

QList<UnitInfo> unitCatalogue()
{
    QList<UnitInfo> out;
    for (const RawUnit &u : kUnits)
        out.append({QString::fromUtf8(u.id), trUnit(u.name), trUnit(u.category)});
    return out;
}

std::optional<UnitInfo> unitInfo(const QString &id)
{
    const QString key = id == QLatin1String("us") ? QStringLiteral("µs") : id;
    for (const RawUnit &u : kUnits) {
        if (QString::fromUtf8(u.id) == key)
            return UnitInfo{id, trUnit(u.name), trUnit(u.category)};
    }
    return std::nullopt;
}

UnitPicker::UnitPicker(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("unitSearch"));
    m_edit->setPlaceholderText(tr("Search units or type suffix:<text> / prefix:<text>"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    layout->addWidget(m_edit);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("unitStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("unitList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Unit"), tr("Id")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setRootIsDecorated(false);
    m_list->setMinimumHeight(120);
    QTreeWidgetItem *group = nullptr;
    QString groupName;
    for (const UnitInfo &u : unitCatalogue()) {
        if (!group || u.category != groupName) {
            group = new QTreeWidgetItem(m_list, {u.category});
            group->setFlags(Qt::ItemIsEnabled);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setFirstColumnSpanned(true);
            groupName = u.category;
        }
        auto *item = new QTreeWidgetItem(group, {u.name, u.id});
        item->setData(0, kIdRole, u.id);
    }
    m_list->expandAll();
    layout->addWidget(m_list);

    connect(m_edit, &QLineEdit::textEdited, this, &UnitPicker::filter);
    connect(m_edit, &QLineEdit::returnPressed, this, &UnitPicker::commitText);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, kIdRole).toString();
        if (!id.isEmpty())
            pick(id);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item->data(0, kIdRole).toString();
        if (!id.isEmpty())
            pick(id);
    });
    showStatus();
}

void UnitPicker::setUnit(const QString &unit)
{
    m_unit = unit;
    m_error.clear();
    m_edit->setText(unit);
    filter(QString());
    showStatus();
}

QStringList UnitPicker::visibleIds() const
{
    QStringList out;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            if (!group->child(i)->isHidden())
                out << group->child(i)->data(0, kIdRole).toString();
        }
    }
    return out;
}

void UnitPicker::filter(const QString &text)
{
    const QString needle = text.trimmed();
    QTreeWidgetItem *first = nullptr;
    QTreeWidgetItem *exact = nullptr;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        const bool groupMatches = group->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const QString id = item->data(0, kIdRole).toString();
            const bool match = needle.isEmpty() || groupMatches ||
                               id.contains(needle, Qt::CaseInsensitive) ||
                               item->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            if (match) {
                ++shown;
                if (!first)
                    first = item;
                if (id == needle)
                    exact = item;
            }
        }
        group->setHidden(shown == 0);
    }
    if (needle.isEmpty()) {
        m_list->setCurrentItem(nullptr);
        return;
    }
    m_list->setCurrentItem(exact ? exact : first);
    if (m_list->currentItem())
        m_list->scrollToItem(m_list->currentItem());
}

void UnitPicker::commitText()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        pick(QString());
        return;
    }
    const bool customForm =
        text.startsWith(QLatin1String("suffix:")) || text.startsWith(QLatin1String("prefix:"));
    if (customForm ? isCustomUnit(text) : isKnownUnit(text)) {
        pick(text);
        return;
    }
    QTreeWidgetItem *item = m_list->currentItem();
    if (item && !item->isHidden() && !item->data(0, kIdRole).toString().isEmpty()) {
        pick(item->data(0, kIdRole).toString());
        return;
    }
    m_error = tr("\"%1\" is not a unit Pharos knows. Pick one from the list, or write "
                 "suffix:%1 or prefix:%1 for a custom unit.")
                  .arg(text);
    showStatus();
}

void UnitPicker::pick(const QString &id)
{
    const bool same = id == m_unit;
    m_unit = id;
    m_error.clear();
    m_edit->setText(id);
    filter(QString());
    showStatus();
    if (!same)
        emit changed();
}

void UnitPicker::showStatus()
{
    QString text;
    bool bad = false;
    if (!m_error.isEmpty()) {
        text = m_error;
        bad = true;
    } else if (m_unit.isEmpty()) {
        text = tr("No unit");
    } else if (m_unit.startsWith(QLatin1String("suffix:")) && isCustomUnit(m_unit)) {
        text = tr("Custom unit: suffix \"%1\"").arg(m_unit.mid(7));
    } else if (m_unit.startsWith(QLatin1String("prefix:")) && isCustomUnit(m_unit)) {
        text = tr("Custom unit: prefix \"%1\"").arg(m_unit.mid(7));
    } else if (const std::optional<UnitInfo> info = unitInfo(m_unit)) {
        text = tr("%1 / %2").arg(info->category, info->name);
    } else {
        text = tr("Unknown unit \"%1\": values show the number followed by the id.").arg(m_unit);
        bad = true;
    }
    m_status->setText(text);
    m_status->setProperty("error", bad);
    m_status->setStyleSheet(bad ? QStringLiteral("color: #e02f44;") : QString());
}

bool UnitPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Down || ke->key() == Qt::Key_Up) {
            // move through the visible units while the focus stays in the field
            const QStringList ids = visibleIds();
            if (ids.isEmpty())
                return true;
            QTreeWidgetItem *cur = m_list->currentItem();
            const QString curId = cur ? cur->data(0, kIdRole).toString() : QString();
            qsizetype idx = ids.indexOf(curId);
            if (idx < 0)
                idx = ke->key() == Qt::Key_Down ? 0 : ids.size() - 1;
            else
                idx = std::clamp<qsizetype>(idx + (ke->key() == Qt::Key_Down ? 1 : -1), 0,
                                            ids.size() - 1);
            const auto found =
                m_list->findItems(ids.at(idx), Qt::MatchExactly | Qt::MatchRecursive, 1);
            if (!found.isEmpty()) {
                m_list->setCurrentItem(found.first());
                m_list->scrollToItem(found.first());
            }
            return true;
        }
        if (ke->key() == Qt::Key_Escape) {
            m_edit->setText(m_unit);
            m_error.clear();
            filter(QString());
            showStatus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// --- StandardOptionsEditor ---------------------------------------------------------------

StandardOptionsEditor::StandardOptionsEditor(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    m_unit = new UnitPicker(this);
    form->addRow(tr("Unit"), m_unit);
    m_decimals = new QSpinBox(this);
    m_decimals->setObjectName(QStringLiteral("decimals"));
    m_decimals->setRange(-1, 20);
    m_decimals->setSpecialValueText(tr("auto"));
    m_decimals->setValue(-1);
    form->addRow(tr("Decimals"), m_decimals);
    m_min = new QLineEdit(this);
    m_min->setObjectName(QStringLiteral("min"));
    m_min->setPlaceholderText(tr("auto"));
    form->addRow(tr("Min"), m_min);
    m_max = new QLineEdit(this);
    m_max->setObjectName(QStringLiteral("max"));
    m_max->setPlaceholderText(tr("auto"));
    form->addRow(tr("Max"), m_max);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("standardOptionsError"));
    m_error->setStyleSheet(QStringLiteral("color: #e02f44;"));
    m_error->setWordWrap(true);
    m_error->hide();
    form->addRow(m_error);

    connect(m_unit, &UnitPicker::changed, this, [this] {
        if (m_unit->unit().isEmpty())
            m_config.remove(QLatin1String("unit"));
        else
            m_config.insert(QLatin1String("unit"), m_unit->unit());
        emit changed();
    });
    connect(m_decimals, &QSpinBox::valueChanged, this, [this](int v) {
        if (v < 0)
            m_config.remove(QLatin1String("decimals"));
        else
            m_config.insert(QLatin1String("decimals"), v);
        emit changed();
    });
    connect(m_min, &QLineEdit::editingFinished, this, [this] { numberEdited(m_min, "min"); });
    connect(m_max, &QLineEdit::editingFinished, this, [this] { numberEdited(m_max, "max"); });
}

void StandardOptionsEditor::setConfig(const QJsonObject &defaults)
{
    m_config = defaults;
    m_unit->setUnit(defaults.value(QLatin1String("unit")).toString());
    {
        const QSignalBlocker block(m_decimals);
        const QJsonValue d = defaults.value(QLatin1String("decimals"));
        m_decimals->setValue(d.isDouble() ? std::clamp(int(d.toDouble()), 0, 20) : -1);
    }
    const auto numberText = [](const QJsonValue &v) {
        return v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : QString();
    };
    m_min->setText(numberText(defaults.value(QLatin1String("min"))));
    m_max->setText(numberText(defaults.value(QLatin1String("max"))));
    m_min->setProperty("bad", false);
    m_max->setProperty("bad", false);
    m_error->hide();
}

QJsonObject StandardOptionsEditor::config() const
{
    return m_config;
}

QString StandardOptionsEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StandardOptionsEditor::numberEdited(QLineEdit *edit, const char *key)
{
    const QString text = edit->text().trimmed();
    const QString k = QString::fromLatin1(key);
    bool ok = true;
    const double v = text.isEmpty() ? 0.0 : QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v)) {
        edit->setProperty("bad", true);
        m_error->setText(tr("%1 must be a number or empty (auto): \"%2\" is not.")
                             .arg(edit == m_min ? tr("Min") : tr("Max"), text));
        m_error->show();
        return;
    }
    edit->setProperty("bad", false);
    if (!m_min->property("bad").toBool() && !m_max->property("bad").toBool())
        m_error->hide();
    const QJsonValue before = m_config.value(k);
    if (text.isEmpty())
        m_config.remove(k);
    else
        m_config.insert(k, v);
    if (m_config.value(k) != before)
        emit changed();
}

} // namespace pharos
