#pragma once

#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace pharos {

class DataSource;
class DataSourceReply;
struct VariableOption;

/// A Prometheus query variable's query, from the classic text (`label_values(job)`,
/// `label_values(up{job="$job"}, instance)`, `label_names()`, `metrics(regex)`,
/// `query_result(expr)`, any other text = a series selector) or from the structured object
/// ({"qryType": 0..5, "label", "metric", "labelFilters", "varQuery", "seriesQuery", "query"}).
struct VariableQuery
{
    enum class Kind { Invalid, LabelNames, LabelValues, Metrics, QueryResult, Series };
    Kind kind = Kind::Invalid;
    QString label;    // LabelValues
    QString selector; // LabelValues/LabelNames: the match[] selector (may be empty); Series
    QString regex;    // Metrics: the filter on metric names
    QString expr;     // QueryResult
    QString error;    // Invalid: why (translated)

    static VariableQuery parse(const QJsonValue &query);
    static VariableQuery parse(const QString &text) { return parse(QJsonValue(text)); }
    /// The same query with variables interpolated (PromQL rules for selectors and exprs).
    VariableQuery interpolated(const InterpolationContext &context) const;
    /// The classic text form (what `definition` shows).
    QString toText() const;
};

/// Starts the request answering `query` over `range` (label values use
/// /api/v1/label/<l>/values with match[] and the range; never /api/v1/series unless the
/// query is a series selector). `limit` caps label values (0 = none). nullptr when the data
/// source answers no PromQL.
DataSourceReply *startVariableQuery(DataSource *source, const VariableQuery &query,
                                    const ResolvedTimeRange &range, int limit = 0);

/// The options a finished reply of startVariableQuery(query) gives (before regex and sort).
/// query_result gives `name{l="v",...} value timestampMs` per sample, as Grafana does. Label
/// values and metric names beyond `limit` (0 = none) are cut and set *truncated.
QList<VariableOption> variableOptionsFromReply(const VariableQuery &query,
                                               const DataSourceReply &reply, int limit = 0,
                                               bool *truncated = nullptr);

} // namespace pharos
