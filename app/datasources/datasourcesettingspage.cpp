#include "app/datasources/datasourcesettingspage.h"

#include "app/datasources/prometheussettingspage.h"
#include "datasources/datasourcefactory.h"

namespace pharos {

std::unique_ptr<DataSourceSettingsPage> createSettingsPage(const QString &type, QWidget *parent)
{
    // One registration per type with settings of its own.
    const DataSourceType *t = findDataSourceType(type);
    if (!t || t->id == QLatin1String("prometheus"))
        return std::make_unique<PrometheusSettingsPage>(parent);
    return nullptr;
}

} // namespace pharos
