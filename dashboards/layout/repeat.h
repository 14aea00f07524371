#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/variables/interpolation.h"

#include <QList>

namespace pharos {

/// Grafana's repeats as a model-level expansion, shared by the view and `pharos inspect`.
///
/// A panel with `repeat: "var"` becomes one clone per value of the variable (every value
/// when All is selected). Direction "h" (default) lays clones left to right, each
/// max(24 / count, 24 / maxPerRow) columns wide (maxPerRow defaults to 4), wrapping at 24;
/// "v" stacks them under each other at the panel's width. A row with `repeat` repeats
/// itself and its panels. Each clone carries the value in `scopedVars`, the first clone
/// keeps the panel's id and the others get new unique ids (`repeatSourceId` = original).
/// Panels below are pushed down by the added height.
///
/// The result is the dashboard's top-level list (rows included; collapsed rows keep their
/// panels in `children`) with titles, descriptions and text panel content interpolated
/// (interpolatePanel()).
QList<PanelModel> expandRepeats(const QList<PanelModel> &panels,
                                const InterpolationContext &context);

/// Every panel of an expanded list that draws something (rows dropped, collapsed rows'
/// children included), as Dashboard::allPanels() does.
QList<PanelModel> drawablePanels(const QList<PanelModel> &expanded);

/// The panel with its title (display texts), description and text panel content
/// (`options.content`, also in `json`) interpolated; its scopedVars win over `context`.
PanelModel interpolatePanel(const PanelModel &panel, const InterpolationContext &context);

} // namespace pharos
