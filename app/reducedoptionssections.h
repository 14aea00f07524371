#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace pharos {

class PanelOptionsSection;

/// The options sections particular to the panel types that reduce series to values and to
/// the other non-graph types: stat ("Value options": reducer and fields; "Stat styles":
/// orientation, text mode, colour mode, graph mode, text alignment), gauge (reducer,
/// orientation, show threshold markers and labels), bar gauge (reducer, orientation, display
/// mode, show unfilled), pie chart (reducer, pie type, labels, legend), text (mode and
/// content) and heatmap. Empty for other types. The sections are created with `parent`.
QList<PanelOptionsSection *> reducedPanelSections(const QString &type, QWidget *parent);

} // namespace pharos
