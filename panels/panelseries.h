#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"

#include <QColor>
#include <QJsonObject>
#include <vector>

namespace pharos {

/// One drawable series of a panel's data: a frame of a target with its legend name.
struct PanelSeries
{
    const Frame *frame = nullptr; // owned by the PanelData
    QString name;                 // legendFormat applied
    QString refId;
    QColor color;
};

/// The frames of all targets in order, named with each target's legendFormat and coloured
/// by the panel's colour mode (classic palette by series index, or the fixed colour).
std::vector<PanelSeries> collectSeries(const PanelModel &model, const PanelData &data);

/// A displayName from fieldConfig (defaults or an override) for one series:
/// ${__field.labels.X}, ${__field.labels}, ${__series.name}, ${__field.name} and
/// ${__field.displayName} expanded; `name` is the series' own name.
QString expandDisplayName(const QString &pattern, const QString &name, const Labels &labels);

/// fieldConfig.defaults.custom of the panel JSON.
QJsonObject fieldCustom(const PanelModel &model);

} // namespace pharos
