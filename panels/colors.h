#pragma once

#include "dashboards/model/dashboard.h"

#include <QColor>
#include <QString>

namespace pharos {

/// Resolves a Grafana colour: a named colour ("green", "semi-dark-red", "super-light-blue",
/// "transparent", "text"), "#rgb"/"#rrggbb"/"#rrggbbaa", or CSS rgb()/rgba(). Returns an
/// invalid QColor when the text is not a colour.
QColor grafanaColor(const QString &name, const QColor &textColor = QColor(0x20, 0x20, 0x20));

/// The colour of series `index` in Grafana's classic palette (it wraps around).
QColor classicPaletteColor(int index);
int classicPaletteSize();

/// The colour of the threshold step `value` falls into. Percentage mode places the steps at
/// min + (max - min) * step / 100. The base step counts as -infinity. NaN uses the base step.
QColor thresholdColor(double value, const Thresholds &thresholds, double min, double max);

} // namespace pharos
