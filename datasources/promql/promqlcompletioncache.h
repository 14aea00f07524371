#pragma once

// The completion lookups of one data source (metric names, label names and values, metric
// metadata), cached for every completer using it. QtCore only.

#include "datasources/capabilities/promqlsource.h"
#include "datasources/promql/promqlranker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace pharos {

class DataSource;

/// Lookup results of one data source, shared by every completer using it (a child object of
/// the data source, so it goes away with it). Entries expire after expiryMs().
class PromqlLookupCache : public QObject
{
    Q_OBJECT
public:
    /// The cache of `source`, created on first use.
    static PromqlLookupCache *forDataSource(DataSource *source);
    static qint64 expiryMs() { return 5 * 60 * 1000; }

    /// The values lower-cased in one buffer, for fast matching of large lists (built when
    /// all values are ASCII, as metric names are).
    using Folded = PromqlFoldedNames;
    struct Strings
    {
        QStringList values;
        bool truncated = false; // the server had more than the limit
        QElapsedTimer age;
        std::shared_ptr<const Folded> folded; // null when a value is not ASCII
    };
    /// nullptr when not cached or expired.
    const Strings *find(const QString &key) const;
    void insert(const QString &key, QStringList values, bool truncated);

    bool hasMetadata() const { return m_metadataLoaded && m_metadataAge.elapsed() < expiryMs(); }
    const MetricMetadataMap &metadata() const { return m_metadata; }
    void setMetadata(MetricMetadataMap metadata);
    void addMetadata(const QString &metric, const MetricMetadata &meta);
    void clear();

private:
    explicit PromqlLookupCache(QObject *parent);
    QHash<QString, Strings> m_strings;
    MetricMetadataMap m_metadata;
    bool m_metadataLoaded = false;
    QElapsedTimer m_metadataAge;
};

} // namespace pharos
