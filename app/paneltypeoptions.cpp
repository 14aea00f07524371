#include "paneltypeoptions.h"
#include "paneltypes.h"
#include "reducedoptionssections.h"
#include "tableoptionssections.h"
#include "timeseriesoptionssections.h"

#include <QHash>

namespace pharos {

namespace {

using S = ReducedOptionsSection;

/// Each native type's options (dashboards/paneltypes.h lists the types).
QHash<QString, PanelTypeOptions> builtinOptions()
{
    QHash<QString, PanelTypeOptions> o;
    PanelTypeOptions t;

    t = {};
    t.sections = [](QWidget *parent) { return timeSeriesSections(parent); };
    t.thresholdsStyle = true;
    o.insert(QLatin1String(paneltype::TimeSeries), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> {
        return {S::valueOptions(true, parent), S::statStyles(parent), S::textSize(parent)};
    };
    o.insert(QLatin1String(paneltype::Stat), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> {
        return {S::valueOptions(false, parent), S::gauge(parent), S::textSize(parent)};
    };
    o.insert(QLatin1String(paneltype::Gauge), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> {
        return {S::valueOptions(false, parent), S::barGauge(parent), S::textSize(parent)};
    };
    o.insert(QLatin1String(paneltype::BarGauge), t);

    t = {};
    t.sections = [](QWidget *parent) { return tablePanelSections(parent); };
    o.insert(QLatin1String(paneltype::Table), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> {
        return {S::heatmapYAxis(parent), S::heatmapColors(parent), S::heatmapCells(parent),
                S::tooltip(false, parent), S::heatmapLegend(parent)};
    };
    t.fieldOptions = false;
    o.insert(QLatin1String(paneltype::Heatmap), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> { return {S::text(parent)}; };
    t.standardOptions = false;
    t.fieldOptions = false;
    o.insert(QLatin1String(paneltype::Text), t);

    t = {};
    t.sections = [](QWidget *parent) -> QList<PanelOptionsSection *> {
        return {S::valueOptions(false, parent), S::pieChart(parent), S::tooltip(true, parent),
                S::pieLegend(parent)};
    };
    o.insert(QLatin1String(paneltype::PieChart), t);

    return o;
}

} // namespace

PanelTypeOptions panelTypeOptions(const QString &type)
{
    static const QHash<QString, PanelTypeOptions> options = builtinOptions();
    return options.value(type);
}

} // namespace pharos
