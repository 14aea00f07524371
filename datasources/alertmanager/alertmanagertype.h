#pragma once

#include "datasources/datasourcefactory.h"

namespace pharos {

/// The `alertmanager` data source type (Prometheus Alertmanager, Mimir, Cortex):
/// AlertmanagerDataSource with AlertmanagerOptions.
DataSourceType alertmanagerDataSourceType();

} // namespace pharos
