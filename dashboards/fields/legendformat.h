#pragma once

#include "datasources/frame.h"

#include <QString>

namespace pharos {

/// Applies a Grafana legendFormat: `{{label}}` / `{{ label }}` are replaced by the label's
/// value (empty when missing). An empty or "__auto" format gives the default series name
/// (`metric{label="value", ...}`, as Frame::displayName()).
QString formatLegend(const QString &legendFormat, const Labels &labels);

/// Grafana's "Auto" legend ("__auto") over the series of one query: each series is named by
/// the labels the series do not all share, `{code="500", instance="b"}` (the metric name only
/// when it differs), or by the value alone when that is one label of the same name for every
/// series. A lone series, or one that differs in no label, gets the default name.
QStringList autoLegendNames(const QList<Labels> &series);

} // namespace pharos
