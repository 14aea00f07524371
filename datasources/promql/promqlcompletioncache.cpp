#include "datasources/promql/promqlcompletioncache.h"

#include "datasources/datasource.h"

namespace pharos {

PromqlLookupCache::PromqlLookupCache(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("pharos_promql_lookup_cache"));
}

PromqlLookupCache *PromqlLookupCache::forDataSource(DataSource *source)
{
    if (!source)
        return nullptr;
    auto *c = source->findChild<PromqlLookupCache *>(QStringLiteral("pharos_promql_lookup_cache"),
                                                     Qt::FindDirectChildrenOnly);
    if (!c)
        c = new PromqlLookupCache(source);
    return c;
}

const PromqlLookupCache::Strings *PromqlLookupCache::find(const QString &key) const
{
    auto it = m_strings.constFind(key);
    if (it == m_strings.cend() || it->age.elapsed() >= expiryMs())
        return nullptr;
    return &*it;
}

void PromqlLookupCache::insert(const QString &key, QStringList values, bool truncated)
{
    Strings s;
    s.values = std::move(values);
    s.truncated = truncated;
    s.age.start();
    s.folded = promqlFoldNames(s.values);
    m_strings.insert(key, std::move(s));
}

void PromqlLookupCache::setMetadata(MetricMetadataMap metadata)
{
    m_metadata = std::move(metadata);
    m_metadataLoaded = true;
    m_metadataAge.start();
}

void PromqlLookupCache::addMetadata(const QString &metric, const MetricMetadata &meta)
{
    m_metadata.insert(metric, meta);
}

void PromqlLookupCache::clear()
{
    m_strings.clear();
    m_metadata.clear();
    m_metadataLoaded = false;
}

} // namespace pharos
