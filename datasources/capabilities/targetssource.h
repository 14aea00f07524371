#pragma once

#include "datasources/datasourcereply.h"
#include "datasources/frame.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace pharos {

/// One scrape target and how its last scrape went.
struct ScrapeTarget
{
    QString scrapePool; // the job's scrape config
    QString scrapeUrl;
    QString globalUrl;
    Labels labels;           // after relabelling: job, instance, ...
    Labels discoveredLabels; // before relabelling: __address__, __metrics_path__, ...
    QString health;          // "up", "down" or "unknown"
    QString lastError;
    QDateTime lastScrape; // UTC; invalid before the first scrape
    double lastScrapeDurationSeconds = 0;
    qint64 scrapeIntervalMs = 0;
    qint64 scrapeTimeoutMs = 0;
};

/// What a server scrapes: its active targets and how many it dropped while relabelling.
struct ScrapeTargets
{
    QList<ScrapeTarget> active;
    int droppedCount = 0;
};

using TargetsReply = TypedReply<ScrapeTargets>;

/// A data source that scrapes targets itself and reports their health: Prometheus
/// (/api/v1/targets) today, the built-in Local source next. DataSource::targets() gives it.
class TargetsSource
{
public:
    virtual ~TargetsSource() = default;
    virtual TargetsReply *scrapeTargets() = 0;
};

} // namespace pharos
