#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/query/datarequest.h"
#include "dashboards/query/interval.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"
#include "datasources/datasource.h"

#include <QList>

namespace pharos {

class DataSourceRegistry;

/// One request a panel's target makes, fully resolved: the data source and the typed request
/// (for PromQL: the expression after variable, built-in and ad hoc interpolation, and the
/// times). The scheduler sends these; `pharos inspect` prints them.
struct PlannedQuery
{
    QString refId;
    QString legendFormat; // variables interpolated; {{label}} left for the panel
    bool instant = false;
    DataSource *source = nullptr; // nullptr: `error` says why
    QString datasourceName;       // the source's name, else the reference as written
    DataSourceError error;
    DataRequest request;
    IntervalResult interval;
};

struct PanelQueryPlan
{
    qint64 intervalMs = 0; // the first query's $__interval (what the panel shows)
    qint64 stepMs = 0;
    QList<PlannedQuery> queries; // in target order; range before instant for "both"
};

/// Builds a panel's requests over `range`. `widthPx` is the plot width (the default
/// maxDataPoints; <= 0 means 1000). `variables` may be nullptr (no interpolation beyond
/// the built-ins); the panel's scopedVars (repeats) win over it.
PanelQueryPlan planPanelQueries(const PanelModel &panel, const ResolvedTimeRange &range,
                                int widthPx, DataSourceRegistry *registry,
                                const InterpolationContext *variables);

} // namespace pharos
