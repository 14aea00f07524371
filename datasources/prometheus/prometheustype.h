#pragma once

#include "datasources/datasourcefactory.h"

namespace pharos {

/// The `prometheus` data source type (Prometheus, VictoriaMetrics, Thanos, Mimir/Cortex) and
/// VictoriaMetrics' own plugin ids: PrometheusDataSource with PrometheusOptions.
DataSourceType prometheusDataSourceType();

} // namespace pharos
