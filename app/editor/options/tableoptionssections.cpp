#include "app/editor/options/tableoptionssections.h"

#include "app/editor/options/paneloptionsection.h"
#include "dashboards/fields/reducers.h"
#include "dashboards/model/jsonvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <cmath>

namespace pharos {

namespace {

const QString kShowHeader = QStringLiteral("options.showHeader");
const QString kWidth = QStringLiteral("fieldConfig.defaults.custom.width");
const QString kMinWidth = QStringLiteral("fieldConfig.defaults.custom.minWidth");
const QString kAlign = QStringLiteral("fieldConfig.defaults.custom.align");
const QString kCellOptions = QStringLiteral("fieldConfig.defaults.custom.cellOptions");
const QString kDisplayMode = QStringLiteral("fieldConfig.defaults.custom.displayMode");
const QString kFilterable = QStringLiteral("fieldConfig.defaults.custom.filterable");
const QString kCellHeight = QStringLiteral("options.cellHeight");
const QString kFooterShow = QStringLiteral("options.footer.show");
const QString kFooterReducer = QStringLiteral("options.footer.reducer");
const QString kFooterCountRows = QStringLiteral("options.footer.countRows");

enum OptionIndex {
    ShowHeader,
    CellHeight,
    Width,
    MinWidth,
    Align,
    CellType,
    Filterable,
    FooterShow,
    FooterReducer,
    FooterCountRows,
    OptionCount
};

int pixelsOf(const QJsonValue &v)
{
    const std::optional<double> n = json::number(v);
    if (!n || !std::isfinite(*n) || *n < 0)
        return 0;
    return int(std::lround(std::min(*n, 10000.0)));
}

/// The cell type a file's older custom.displayMode stands for.
QString cellTypeOfDisplayMode(const QString &mode)
{
    if (mode.startsWith(QLatin1String("color-background")))
        return QStringLiteral("color-background");
    return mode;
}

void selectData(QComboBox *combo, const QString &value)
{
    int i = combo->findData(value);
    if (i < 0) {
        // A value the editor does not offer (a gauge cell, a future alignment): listed as is,
        // so the file keeps it.
        combo->addItem(value, value);
        i = combo->count() - 1;
    }
    combo->setCurrentIndex(i);
}

} // namespace

TableOptionsSection::TableOptionsSection(QWidget *parent) : PanelOptionsSection(parent)
{
    setObjectName(QStringLiteral("tableOptionsSection"));
    auto *form = new QFormLayout(this);

    m_showHeader = new QCheckBox(this);
    m_showHeader->setObjectName(QStringLiteral("showHeader"));
    form->addRow(new QLabel(tr("Show table header"), this), m_showHeader);

    m_cellHeight = new QComboBox(this);
    m_cellHeight->setObjectName(QStringLiteral("cellHeight"));
    m_cellHeight->addItem(tr("Small"), QStringLiteral("sm"));
    m_cellHeight->addItem(tr("Medium"), QStringLiteral("md"));
    m_cellHeight->addItem(tr("Large"), QStringLiteral("lg"));
    form->addRow(new QLabel(tr("Cell height"), this), m_cellHeight);

    const auto spin = [this](const char *name) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QString::fromLatin1(name));
        s->setRange(0, 2000);
        s->setSingleStep(10);
        s->setSuffix(tr(" px"));
        s->setSpecialValueText(tr("Auto"));
        // one edit per typed value (Enter or leaving the field), not one per digit
        s->setKeyboardTracking(false);
        return s;
    };
    m_width = spin("columnWidth");
    m_width->setToolTip(tr("The width of every column; Auto fits the column to its contents."));
    form->addRow(new QLabel(tr("Column width"), this), m_width);
    m_minWidth = spin("minColumnWidth");
    m_minWidth->setToolTip(tr("Columns fitted to their contents are at least this wide."));
    form->addRow(new QLabel(tr("Minimum column width"), this), m_minWidth);

    m_align = new QComboBox(this);
    m_align->setObjectName(QStringLiteral("columnAlign"));
    m_align->addItem(tr("Auto"), QStringLiteral("auto"));
    m_align->addItem(tr("Left"), QStringLiteral("left"));
    m_align->addItem(tr("Center"), QStringLiteral("center"));
    m_align->addItem(tr("Right"), QStringLiteral("right"));
    form->addRow(new QLabel(tr("Column alignment"), this), m_align);

    m_cellType = new QComboBox(this);
    m_cellType->setObjectName(QStringLiteral("cellType"));
    m_cellType->addItem(tr("Auto"), QStringLiteral("auto"));
    m_cellType->addItem(tr("Colored text"), QStringLiteral("color-text"));
    m_cellType->addItem(tr("Colored background"), QStringLiteral("color-background"));
    m_cellType->setToolTip(tr("Colored cells take the color of their value mapping, or of the "
                              "thresholds (or the fixed color) of the color scheme."));
    form->addRow(new QLabel(tr("Cell type"), this), m_cellType);
    m_backgroundMode = new QComboBox(this);
    m_backgroundMode->setObjectName(QStringLiteral("backgroundMode"));
    m_backgroundMode->addItem(tr("Gradient"), QStringLiteral("gradient"));
    m_backgroundMode->addItem(tr("Solid"), QStringLiteral("basic"));
    form->addRow(new QLabel(tr("Background display mode"), this), m_backgroundMode);
    m_applyToRow = new QCheckBox(this);
    m_applyToRow->setObjectName(QStringLiteral("applyToRow"));
    form->addRow(new QLabel(tr("Apply to entire row"), this), m_applyToRow);

    m_filterable = new QCheckBox(this);
    m_filterable->setObjectName(QStringLiteral("columnFilter"));
    m_filterable->setToolTip(tr("A funnel in each column header filters the rows by the "
                                "column's values."));
    form->addRow(new QLabel(tr("Column filter"), this), m_filterable);

    m_footerShow = new QCheckBox(this);
    m_footerShow->setObjectName(QStringLiteral("showFooter"));
    form->addRow(new QLabel(tr("Show table footer"), this), m_footerShow);
    m_footerReducer = new QComboBox(this);
    m_footerReducer->setObjectName(QStringLiteral("footerReducer"));
    for (const QString &calc : knownReducers())
        m_footerReducer->addItem(reducerDisplayName(calc), calc);
    m_footerReducer->setToolTip(tr("The calculation the footer shows for each number column."));
    form->addRow(new QLabel(tr("Footer calculation"), this), m_footerReducer);
    m_footerCountRows = new QCheckBox(this);
    m_footerCountRows->setObjectName(QStringLiteral("footerCountRows"));
    form->addRow(new QLabel(tr("Count rows in footer"), this), m_footerCountRows);

    m_options.resize(OptionCount);
    m_options[ShowHeader].path = kShowHeader;
    m_options[ShowHeader].current = [this] { return QJsonValue(m_showHeader->isChecked()); };
    m_options[CellHeight].path = kCellHeight;
    m_options[CellHeight].current = [this] {
        return QJsonValue(m_cellHeight->currentData().toString());
    };
    m_options[Width].path = kWidth;
    m_options[Width].current = [this] {
        return m_width->value() == 0 ? QJsonValue(QJsonValue::Undefined)
                                     : QJsonValue(m_width->value());
    };
    m_options[MinWidth].path = kMinWidth;
    m_options[MinWidth].current = [this] {
        return m_minWidth->value() == 0 ? QJsonValue(QJsonValue::Undefined)
                                        : QJsonValue(m_minWidth->value());
    };
    m_options[Align].path = kAlign;
    m_options[Align].current = [this] { return QJsonValue(m_align->currentData().toString()); };
    m_options[CellType].path = kCellOptions;
    m_options[CellType].current = [this] {
        const QString type = m_cellType->currentData().toString();
        // The file's cell options of the same type keep their other keys (mode, ...).
        const QJsonObject loaded = m_options[CellType].loaded.toObject();
        QJsonObject o = loaded.value(QLatin1String("type")).toString() == type
                            ? loaded
                            : QJsonObject{{QStringLiteral("type"), type}};
        if (type == QLatin1String("color-background")) {
            // written when the file had them or when they differ from Grafana's defaults
            const QString mode = m_backgroundMode->currentData().toString();
            if (o.contains(QLatin1String("mode")) || mode != QLatin1String("gradient"))
                o.insert(QStringLiteral("mode"), mode);
            if (o.contains(QLatin1String("applyToRow")) || m_applyToRow->isChecked())
                o.insert(QStringLiteral("applyToRow"), m_applyToRow->isChecked());
        }
        return QJsonValue(o);
    };

    m_options[Filterable].path = kFilterable;
    m_options[Filterable].current = [this] { return QJsonValue(m_filterable->isChecked()); };
    m_options[FooterShow].path = kFooterShow;
    m_options[FooterShow].current = [this] { return QJsonValue(m_footerShow->isChecked()); };
    m_options[FooterReducer].path = kFooterReducer;
    m_options[FooterReducer].current = [this] {
        return QJsonValue(QJsonArray{m_footerReducer->currentData().toString()});
    };
    m_options[FooterCountRows].path = kFooterCountRows;
    m_options[FooterCountRows].current = [this] {
        return QJsonValue(m_footerCountRows->isChecked());
    };

    connect(m_showHeader, &QCheckBox::toggled, this, [this] { edited(ShowHeader); });
    connect(m_filterable, &QCheckBox::toggled, this, [this] { edited(Filterable); });
    connect(m_footerShow, &QCheckBox::toggled, this, [this] {
        updateFooterRows();
        edited(FooterShow);
    });
    connect(m_footerReducer, &QComboBox::currentIndexChanged, this,
            [this] { edited(FooterReducer); });
    connect(m_footerCountRows, &QCheckBox::toggled, this, [this] {
        updateFooterRows();
        edited(FooterCountRows);
    });
    connect(m_cellHeight, &QComboBox::currentIndexChanged, this, [this] { edited(CellHeight); });
    connect(m_width, &QSpinBox::valueChanged, this, [this] { edited(Width); });
    connect(m_minWidth, &QSpinBox::valueChanged, this, [this] { edited(MinWidth); });
    connect(m_align, &QComboBox::currentIndexChanged, this, [this] { edited(Align); });
    connect(m_cellType, &QComboBox::currentIndexChanged, this, [this] {
        updateBackgroundRows();
        edited(CellType);
    });
    connect(m_backgroundMode, &QComboBox::currentIndexChanged, this, [this] { edited(CellType); });
    connect(m_applyToRow, &QCheckBox::toggled, this, [this] { edited(CellType); });
}

QString TableOptionsSection::title() const
{
    return tr("Table");
}

void TableOptionsSection::edited(int option)
{
    if (m_loading)
        return;
    m_options[option].touched = true;
    Q_EMIT changed();
}

void TableOptionsSection::load(const QJsonObject &panel)
{
    m_loading = true;
    for (Option &o : m_options) {
        o.loaded = json::valueAt(panel, o.path);
        o.touched = false;
    }
    m_loadedDisplayMode = json::valueAt(panel, kDisplayMode);

    const QJsonValue header = m_options[ShowHeader].loaded;
    m_showHeader->setChecked(header.isBool() ? header.toBool() : true);
    const QString height = m_options[CellHeight].loaded.toString();
    selectData(m_cellHeight, height.isEmpty() ? QStringLiteral("sm") : height);
    m_width->setValue(pixelsOf(m_options[Width].loaded));
    m_minWidth->setValue(pixelsOf(m_options[MinWidth].loaded));
    const QString align = m_options[Align].loaded.toString();
    selectData(m_align, align.isEmpty() ? QStringLiteral("auto") : align);
    QString type = m_options[CellType].loaded.toObject().value(QLatin1String("type")).toString();
    if (type.isEmpty())
        type = cellTypeOfDisplayMode(m_loadedDisplayMode.toString());
    selectData(m_cellType, type.isEmpty() ? QStringLiteral("auto") : type);
    const QJsonObject cellOptions = m_options[CellType].loaded.toObject();
    QString mode = cellOptions.value(QLatin1String("mode")).toString();
    if (mode.isEmpty())
        mode = m_loadedDisplayMode.toString() == QLatin1String("color-background-solid")
                   ? QStringLiteral("basic")
                   : QStringLiteral("gradient");
    selectData(m_backgroundMode, mode);
    const QJsonValue row = cellOptions.value(QLatin1String("applyToRow"));
    m_applyToRow->setChecked(row.isBool() ? row.toBool() : row.toString() == QLatin1String("true"));
    updateBackgroundRows();

    const QJsonValue filterable = m_options[Filterable].loaded;
    m_filterable->setChecked(filterable.isBool() ? filterable.toBool()
                                                 : filterable.toString() == QLatin1String("true"));
    m_footerShow->setChecked(m_options[FooterShow].loaded.toBool());
    const QString calc = m_options[FooterReducer].loaded.toArray().first().toString();
    selectData(m_footerReducer, calc.isEmpty() ? QStringLiteral("sum") : calc);
    m_footerCountRows->setChecked(m_options[FooterCountRows].loaded.toBool());
    updateFooterRows();

    for (Option &o : m_options)
        o.shownAtLoad = o.current();
    m_loading = false;
}

void TableOptionsSection::updateBackgroundRows()
{
    const bool background =
        m_cellType->currentData().toString() == QLatin1String("color-background");
    m_backgroundMode->setEnabled(background);
    m_applyToRow->setEnabled(background);
}

void TableOptionsSection::updateFooterRows()
{
    m_footerReducer->setEnabled(m_footerShow->isChecked() && !m_footerCountRows->isChecked());
    m_footerCountRows->setEnabled(m_footerShow->isChecked());
}

void TableOptionsSection::store(QJsonObject &panel) const
{
    for (const Option &o : m_options) {
        if (!o.touched)
            continue;
        const QJsonValue v = o.current();
        if (v == o.shownAtLoad) {
            // Back to what was loaded: the file's own JSON, exactly.
            if (!(o.loaded.isUndefined() && json::valueAt(panel, o.path).isUndefined()))
                json::setValueAt(panel, o.path, o.loaded);
            if (&o == &m_options[CellType] && !m_loadedDisplayMode.isUndefined())
                json::setValueAt(panel, kDisplayMode, m_loadedDisplayMode);
            continue;
        }
        json::setValueAt(panel, o.path, v);
        // cellOptions replace the older displayMode (Grafana's schema 38 migration).
        if (&o == &m_options[CellType])
            json::setValueAt(panel, kDisplayMode, QJsonValue(QJsonValue::Undefined));
        // A footer switched on shows the calculation the editor shows (Grafana needs it).
        if (&o == &m_options[FooterShow] && v.toBool() &&
            json::valueAt(panel, kFooterReducer).toArray().isEmpty())
            json::setValueAt(panel, kFooterReducer, m_options[FooterReducer].current());
    }
}

QList<PanelOptionsSection *> tablePanelSections(QWidget *parent)
{
    return {new TableOptionsSection(parent)};
}

} // namespace pharos
