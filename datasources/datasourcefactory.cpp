#include "datasources/datasourcefactory.h"

#include "datasources/alertmanager/alertmanagertype.h"
#include "datasources/prometheus/prometheustype.h"

namespace pharos {

const std::vector<DataSourceType> &dataSourceTypes()
{
    // One registration per type; "local" joins here.
    static const std::vector<DataSourceType> types{prometheusDataSourceType(),
                                                   alertmanagerDataSourceType()};
    return types;
}

const DataSourceType *findDataSourceType(const QString &type)
{
    for (const DataSourceType &t : dataSourceTypes()) {
        if (t.serves(type))
            return &t;
    }
    return nullptr;
}

const DataSourceType &dataSourceTypeOf(const DataSourceSettings &settings)
{
    const DataSourceType *t = findDataSourceType(settings.type);
    return t ? *t : dataSourceTypes().front();
}

std::unique_ptr<DataSource> createDataSource(const DataSourceSettings &settings)
{
    return dataSourceTypeOf(settings).create(settings);
}

} // namespace pharos
