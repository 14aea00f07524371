#pragma once

#include "frame.h"

#include <QString>

namespace pharos {

/// Applies a Grafana legendFormat: `{{label}}` / `{{ label }}` are replaced by the label's
/// value (empty when missing). An empty or "__auto" format gives the default series name
/// (`metric{label="value", ...}`, as Frame::displayName()).
QString formatLegend(const QString &legendFormat, const Labels &labels);

} // namespace pharos
