#include "app/editor/options/timeseriesoptionssections.h"

#include "dashboards/fields/reducers.h"
#include "dashboards/model/jsonvalue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QListWidget>

namespace pharos {

namespace {

const QString kCustom = QStringLiteral("fieldConfig.defaults.custom.");
const QString kLegend = QStringLiteral("options.legend.");

/// Selects the item of `combo` whose data is `value`, adding an item for a value it does not
/// offer (shown as is).
void selectValue(QComboBox *combo, const QString &value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

/// Removes the items after the first `count` (values a previous panel added).
void trimCombo(QComboBox *combo, int count)
{
    while (combo->count() > count)
        combo->removeItem(combo->count() - 1);
}

} // namespace

// ---------------------------------------------------------------------------------------------

TooltipOptionsSection::TooltipOptionsSection(QWidget *parent)
    : FormOptionsSection(tr("Tooltip"), parent)
{
    addCombo(tr("Tooltip mode"), QStringLiteral("tooltipMode"),
             QStringLiteral("options.tooltip.mode"),
             {{tr("Single"), QStringLiteral("single")},
              {tr("All"), QStringLiteral("multi")},
              {tr("Hidden"), QStringLiteral("none")}},
             QStringLiteral("single"));
    addCombo(tr("Values sort order"), QStringLiteral("tooltipSort"),
             QStringLiteral("options.tooltip.sort"),
             {{tr("None"), QStringLiteral("none")},
              {tr("Ascending"), QStringLiteral("asc")},
              {tr("Descending"), QStringLiteral("desc")}},
             QStringLiteral("none"));
}

// ---------------------------------------------------------------------------------------------

LegendOptionsSection::LegendOptionsSection(QWidget *parent)
    : FormOptionsSection(tr("Legend"), parent)
{
    auto *show = new QCheckBox(this);
    show->setObjectName(QStringLiteral("showLegend"));
    form()->addRow(tr("Visibility"), show);

    auto *mode = new QComboBox(this);
    mode->setObjectName(QStringLiteral("legendMode"));
    mode->addItem(tr("List"), QStringLiteral("list"));
    mode->addItem(tr("Table"), QStringLiteral("table"));
    form()->addRow(tr("Mode"), mode);

    auto *placement = new QComboBox(this);
    placement->setObjectName(QStringLiteral("legendPlacement"));
    placement->addItem(tr("Bottom"), QStringLiteral("bottom"));
    placement->addItem(tr("Right"), QStringLiteral("right"));
    form()->addRow(tr("Placement"), placement);

    m_calcs = new QListWidget(this);
    m_calcs->setObjectName(QStringLiteral("legendCalcs"));
    m_calcs->setToolTip(tr("The values shown after each series in the legend"));
    for (const QString &id : knownReducers()) {
        auto *item = new QListWidgetItem(reducerDisplayName(id), m_calcs);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    const int calcsCount = m_calcs->count();
    m_calcs->setMaximumHeight(m_calcs->sizeHintForRow(0) * 6 + 2 * m_calcs->frameWidth());
    form()->addRow(tr("Values"), m_calcs);

    addLoader([=, this](const QJsonObject &panel) {
        const QString displayMode = json::valueAt(panel, kLegend + QLatin1String("displayMode"))
                                        .toString(QStringLiteral("list"));
        const QJsonValue showValue = json::valueAt(panel, kLegend + QLatin1String("showLegend"));
        show->setChecked(showValue.toBool(true) && displayMode != QLatin1String("hidden"));
        trimCombo(mode, 2);
        selectValue(mode,
                    displayMode == QLatin1String("hidden") ? QStringLiteral("list") : displayMode);
        trimCombo(placement, 2);
        selectValue(placement, json::valueAt(panel, kLegend + QLatin1String("placement"))
                                   .toString(QStringLiteral("bottom")));
        while (m_calcs->count() > calcsCount)
            delete m_calcs->takeItem(m_calcs->count() - 1);
        QStringList calcs;
        for (const QJsonValue &c : json::valueAt(panel, kLegend + QLatin1String("calcs")).toArray())
            calcs << c.toString();
        for (int i = 0; i < m_calcs->count(); ++i)
            m_calcs->item(i)->setCheckState(
                calcs.contains(m_calcs->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
        for (const QString &c : std::as_const(calcs)) {
            if (isKnownReducer(c))
                continue;
            auto *item = new QListWidgetItem(c, m_calcs);
            item->setData(Qt::UserRole, c);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    });

    connect(show, &QCheckBox::toggled, this, [this, mode](bool on) {
        if (isLoading())
            return;
        if (on && currentValue(kLegend + QLatin1String("displayMode")).toString() ==
                      QLatin1String("hidden"))
            setEdit(kLegend + QLatin1String("displayMode"), mode->currentData().toString(), false);
        setEdit(kLegend + QLatin1String("showLegend"), on);
    });
    connect(mode, &QComboBox::currentIndexChanged, this, [this, mode](int index) {
        if (index >= 0)
            setEdit(kLegend + QLatin1String("displayMode"), mode->itemData(index).toString());
    });
    connect(placement, &QComboBox::currentIndexChanged, this, [this, placement](int index) {
        if (index >= 0)
            setEdit(kLegend + QLatin1String("placement"), placement->itemData(index).toString());
    });
    connect(m_calcs, &QListWidget::itemChanged, this, [this] {
        if (isLoading())
            return;
        QJsonArray calcs;
        for (int i = 0; i < m_calcs->count(); ++i)
            if (m_calcs->item(i)->checkState() == Qt::Checked)
                calcs.append(m_calcs->item(i)->data(Qt::UserRole).toString());
        setEdit(kLegend + QLatin1String("calcs"), calcs);
    });
}

// ---------------------------------------------------------------------------------------------

GraphStylesSection::GraphStylesSection(QWidget *parent)
    : FormOptionsSection(tr("Graph styles"), parent)
{
    addCombo(tr("Style"), QStringLiteral("drawStyle"), kCustom + QLatin1String("drawStyle"),
             {{tr("Lines"), QStringLiteral("line")},
              {tr("Bars"), QStringLiteral("bars")},
              {tr("Points"), QStringLiteral("points")}},
             QStringLiteral("line"));
    addCombo(tr("Line interpolation"), QStringLiteral("lineInterpolation"),
             kCustom + QLatin1String("lineInterpolation"),
             {{tr("Linear"), QStringLiteral("linear")},
              {tr("Smooth"), QStringLiteral("smooth")},
              {tr("Step before"), QStringLiteral("stepBefore")},
              {tr("Step after"), QStringLiteral("stepAfter")}},
             QStringLiteral("linear"));
    addSpin(tr("Line width"), QStringLiteral("lineWidth"), kCustom + QLatin1String("lineWidth"), 0,
            10, 1);
    addSpin(tr("Fill opacity"), QStringLiteral("fillOpacity"),
            kCustom + QLatin1String("fillOpacity"), 0, 100, 0);
    addCombo(tr("Gradient mode"), QStringLiteral("gradientMode"),
             kCustom + QLatin1String("gradientMode"),
             {{tr("None"), QStringLiteral("none")}, {tr("Opacity"), QStringLiteral("opacity")}},
             QStringLiteral("none"));
    addCombo(tr("Show points"), QStringLiteral("showPoints"), kCustom + QLatin1String("showPoints"),
             {{tr("Auto"), QStringLiteral("auto")},
              {tr("Always"), QStringLiteral("always")},
              {tr("Never"), QStringLiteral("never")}},
             QStringLiteral("auto"));
    addSpin(tr("Point size"), QStringLiteral("pointSize"), kCustom + QLatin1String("pointSize"), 1,
            40, 5);
    addCombo(tr("Connect null values"), QStringLiteral("spanNulls"),
             kCustom + QLatin1String("spanNulls"), {{tr("Never"), false}, {tr("Always"), true}},
             false);

    auto *stacking = new QComboBox(this);
    stacking->setObjectName(QStringLiteral("stacking"));
    stacking->addItem(tr("Off"), QStringLiteral("none"));
    stacking->addItem(tr("Normal"), QStringLiteral("normal"));
    stacking->addItem(tr("100%"), QStringLiteral("percent"));
    form()->addRow(tr("Stack series"), stacking);
    addLoader([stacking](const QJsonObject &panel) {
        trimCombo(stacking, 3);
        selectValue(stacking, json::valueAt(panel, kCustom + QLatin1String("stacking.mode"))
                                  .toString(QStringLiteral("none")));
    });
    connect(stacking, &QComboBox::currentIndexChanged, this, [this, stacking](int index) {
        if (index < 0 || isLoading())
            return;
        const QString group = kCustom + QLatin1String("stacking.group");
        if (!currentValue(group).isString())
            setEdit(group, QStringLiteral("A"), false);
        setEdit(kCustom + QLatin1String("stacking.mode"), stacking->itemData(index).toString());
    });
}

// ---------------------------------------------------------------------------------------------

AxisOptionsSection::AxisOptionsSection(QWidget *parent) : FormOptionsSection(tr("Axis"), parent)
{
    addCombo(tr("Placement"), QStringLiteral("axisPlacement"),
             kCustom + QLatin1String("axisPlacement"),
             {{tr("Auto"), QStringLiteral("auto")},
              {tr("Left"), QStringLiteral("left")},
              {tr("Right"), QStringLiteral("right")},
              {tr("Hidden"), QStringLiteral("hidden")}},
             QStringLiteral("auto"));
    addText(tr("Label"), QStringLiteral("axisLabel"), kCustom + QLatin1String("axisLabel"));
    addNumber(tr("Soft min"), QStringLiteral("axisSoftMin"), kCustom + QLatin1String("axisSoftMin"),
              tr("auto"));
    addNumber(tr("Soft max"), QStringLiteral("axisSoftMax"), kCustom + QLatin1String("axisSoftMax"),
              tr("auto"));

    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("scaleType"));
    m_scale->addItem(tr("Linear"), QStringLiteral("linear"));
    m_scale->addItem(tr("Logarithmic"), QStringLiteral("log"));
    form()->addRow(tr("Scale"), m_scale);
    m_base = new QComboBox(this);
    m_base->setObjectName(QStringLiteral("logBase"));
    m_base->addItem(QStringLiteral("2"), 2);
    m_base->addItem(QStringLiteral("10"), 10);
    form()->addRow(tr("Log base"), m_base);

    const QString typePath = kCustom + QLatin1String("scaleDistribution.type");
    const QString logPath = kCustom + QLatin1String("scaleDistribution.log");
    addLoader([this, typePath, logPath](const QJsonObject &panel) {
        trimCombo(m_scale, 2);
        selectValue(m_scale, json::valueAt(panel, typePath).toString(QStringLiteral("linear")));
        const int base = json::integer(json::valueAt(panel, logPath), 2);
        while (m_base->count() > 2)
            m_base->removeItem(m_base->count() - 1);
        int index = m_base->findData(base);
        if (index < 0) {
            m_base->addItem(QString::number(base), base);
            index = m_base->count() - 1;
        }
        m_base->setCurrentIndex(index);
    });
    connect(m_scale, &QComboBox::currentIndexChanged, this, [this, typePath, logPath](int index) {
        if (index < 0 || isLoading())
            return;
        const QString type = m_scale->itemData(index).toString();
        if (type == QLatin1String("log"))
            setEdit(logPath, m_base->currentData().toInt(), false);
        else if (!currentValue(logPath).isUndefined())
            setEdit(logPath, QJsonValue(QJsonValue::Undefined), false);
        m_base->setEnabled(type == QLatin1String("log"));
        setEdit(typePath, type);
    });
    connect(m_base, &QComboBox::currentIndexChanged, this, [this, logPath](int index) {
        if (index < 0 || isLoading() || m_scale->currentData().toString() != QLatin1String("log"))
            return;
        setEdit(logPath, m_base->itemData(index).toInt());
    });
}

void AxisOptionsSection::afterLoad()
{
    m_base->setEnabled(m_scale->currentData().toString() == QLatin1String("log"));
}

// ---------------------------------------------------------------------------------------------

QList<PanelOptionsSection *> timeSeriesSections(QWidget *parent)
{
    return {new TooltipOptionsSection(parent), new LegendOptionsSection(parent),
            new GraphStylesSection(parent), new AxisOptionsSection(parent)};
}

} // namespace pharos
