#pragma once

#include <QString>
#include <optional>

namespace pharos {

/// Parses a Prometheus/Grafana duration ("15s", "1m30s", "500ms", "2h", "1d", "1w", "1y").
/// A bare number means seconds. Returns nullopt when invalid.
std::optional<qint64> parseDurationMs(const QString &text);
/// Formats milliseconds the way Grafana renders $__interval: "15s", "1m", "2h", "500ms".
QString formatDurationMs(qint64 ms);

/// Grafana's "nice" rounding of a raw interval (roundInterval): 3.6 s -> 5 s, 27 s -> 30 s.
qint64 roundIntervalMs(qint64 ms);
/// Grafana's calculateInterval: round(range / resolution), at least `minMs` (auto intervals,
/// $__interval before the query adjustments).
qint64 calculateIntervalMs(qint64 rangeMs, int resolution, qint64 minMs = 0);

/// Inputs of the interval/step computation for one query.
struct IntervalInput
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int maxDataPoints = 0;           // panel maxDataPoints, else the panel width in px
    qint64 panelMinIntervalMs = 0;   // panel "Min interval" (query options); 0 = unset
    qint64 minStepMs = 0;            // the target's "Min step" (its `interval`); 0 = unset
    qint64 scrapeIntervalMs = 15000; // data source scrape interval
    int intervalFactor = 1;          // the target's "Resolution" denominator (1/N)
};

struct IntervalResult
{
    qint64 intervalMs = 0;     // $__interval (= the step, as Grafana's Prometheus source does)
    qint64 rateIntervalMs = 0; // $__rate_interval
    qint64 stepMs = 0;         // the range-query step sent to the server
    qint64 startMs = 0;        // aligned to the step
    qint64 endMs = 0;
};

/// Grafana's published formulas for a Prometheus range query (docs: "Query options",
/// Prometheus "Query editor" options Min step / Resolution / Min time interval, data source
/// "Scrape interval", and the $__rate_interval blog post / docs):
///   auto     = roundInterval(range / maxDataPoints)
///   low      = panel min interval, else the data source's scrape interval
///   safe     = range / 11000 (Prometheus' point limit), whole seconds above 1 s
///   step     = max(max(auto, low) x intervalFactor, min step, safe)
///   $__interval = step
///   $__rate_interval = max($__interval + scrape, 4 x scrape), scrape = min step if set,
///                      else the data source's scrape interval
/// Start and end are aligned down to multiples of the step.
IntervalResult computeInterval(const IntervalInput &input);

/// Substitutes $__interval, ${__interval}, $__interval_ms, $__range, $__range_s, $__range_ms,
/// $__rate_interval and $__rate_interval_ms in a PromQL expression.
QString substituteMacros(const QString &expr, const IntervalResult &interval, qint64 rangeMs);

} // namespace pharos
