#include "app/editor/options/paneltypeoptions.h"
#include "app/editor/options/reducedoptionssections.h"
#include "app/editor/options/tableoptionssections.h"
#include "app/editor/options/timeseriesoptionssections.h"
#include "dashboards/model/paneltypes.h"

#include <QHash>

namespace pharos {

namespace {

/// Each native type's options (dashboards/paneltypes.h lists the types).
QHash<QString, PanelTypeOptions> builtinOptions()
{
    QHash<QString, PanelTypeOptions> o;
    PanelTypeOptions t;

    t = {};
    t.sections = timeSeriesSections;
    t.thresholdsStyle = true;
    o.insert(QLatin1String(paneltype::TimeSeries), t);

    t = {};
    t.sections = statSections;
    o.insert(QLatin1String(paneltype::Stat), t);

    t = {};
    t.sections = gaugeSections;
    o.insert(QLatin1String(paneltype::Gauge), t);

    t = {};
    t.sections = barGaugeSections;
    o.insert(QLatin1String(paneltype::BarGauge), t);

    t = {};
    t.sections = tablePanelSections;
    o.insert(QLatin1String(paneltype::Table), t);

    t = {};
    t.sections = heatmapSections;
    t.fieldOptions = false;
    o.insert(QLatin1String(paneltype::Heatmap), t);

    t = {};
    t.sections = textSections;
    t.standardOptions = false;
    t.fieldOptions = false;
    o.insert(QLatin1String(paneltype::Text), t);

    t = {};
    t.sections = pieChartSections;
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
