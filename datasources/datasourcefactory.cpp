#include "datasources/datasourcefactory.h"

#include "datasources/prometheus/prometheusdatasource.h"

#include <vector>

namespace pharos {

namespace {

std::unique_ptr<DataSource> makePrometheus(const DataSourceSettings &settings)
{
    return std::make_unique<PrometheusDataSource>(settings);
}

/// Each client and the plugin type ids it serves.
struct Client
{
    bool (*serves)(const QString &type);
    std::unique_ptr<DataSource> (*make)(const DataSourceSettings &settings);
};

const std::vector<Client> &clients()
{
    static const std::vector<Client> c{
        // Prometheus, and VictoriaMetrics's Grafana plugins ("victoriametrics-datasource",
        // "victoriametrics-metrics-datasource"), which provisioning maps to their kind.
        {[](const QString &type) {
             return type == QLatin1String("prometheus") ||
                    type.contains(QLatin1String("victoriametrics"));
         },
         &makePrometheus},
    };
    return c;
}

} // namespace

std::unique_ptr<DataSource> createDataSource(const DataSourceSettings &settings)
{
    for (const Client &c : clients()) {
        if (c.serves(settings.type))
            return c.make(settings);
    }
    return makePrometheus(settings);
}

} // namespace pharos
