#pragma once

#include "datasources/datasource.h"

#include <memory>

namespace pharos {

/// The one place data sources are constructed, keyed by Grafana's plugin type id
/// (DataSourceSettings::type). Today every client speaks the Prometheus HTTP API:
/// "prometheus" (with its Prometheus, VictoriaMetrics, Thanos and Mimir kinds) and
/// VictoriaMetrics's own plugin ids; any other type gets the Prometheus client too, as before
/// the factory existed. "alertmanager" and "local" join here.
std::unique_ptr<DataSource> createDataSource(const DataSourceSettings &settings);

} // namespace pharos
