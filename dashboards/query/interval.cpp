#include "dashboards/query/interval.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;
constexpr qint64 kYear = 365 * kDay;

/// Rounds a raw interval to a "nice" one, the way Grafana rounds $__interval (rangeutil's
/// roundInterval). The published signature of that function lists its only results: 10, 20,
/// 50, 100, 200, 500 ms, 1, 2, 5, 10, 15, 20, 30 s, 1, 2, 5, 10, 15, 20, 30 m, 1, 2, 3, 6,
/// 12 h, 1 d, 1 w, 30 d and 1 y. Each raw value below a threshold maps to one of them; the
/// thresholds (15 ms ... 6 w) are the ones Grafana's data source plugins document for it
/// (e.g. the Apache-2.0 timestream-datasource's RoundInterval, which cites rangeutil).
/// Written from that table of values, not from Grafana code.
qint64 roundIntervalImpl(qint64 ms)
{
    struct Rule
    {
        qint64 below;
        qint64 nice;
    };
    static constexpr Rule rules[] = {
        {15, 10},
        {35, 20},
        {75, 50},
        {150, 100},
        {350, 200},
        {750, 500},
        {1500, 1 * kSecond},
        {3500, 2 * kSecond},
        {7500, 5 * kSecond},
        {12500, 10 * kSecond},
        {17500, 15 * kSecond},
        {25000, 20 * kSecond},
        {45000, 30 * kSecond},
        {90000, 1 * kMinute},
        {210000, 2 * kMinute},
        {450000, 5 * kMinute},
        {750000, 10 * kMinute},
        {1050000, 15 * kMinute},
        {1500000, 20 * kMinute},
        {2700000, 30 * kMinute},
        {5400000, 1 * kHour},
        {9000000, 2 * kHour},
        {16200000, 3 * kHour},
        {32400000, 6 * kHour},
        {kDay, 12 * kHour},
        {kWeek, 1 * kDay},
        {3 * kWeek, 1 * kWeek},
        {6 * kWeek, 30 * kDay},
    };
    for (const Rule &r : rules) {
        if (ms < r.below)
            return r.nice;
    }
    return kYear;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return b <= 0 ? 0 : (a + b - 1) / b;
}

qint64 floorTo(qint64 t, qint64 step)
{
    if (step <= 0)
        return t;
    qint64 q = t / step;
    if (t % step != 0 && t < 0)
        --q;
    return q * step;
}

} // namespace

qint64 roundIntervalMs(qint64 ms)
{
    return roundIntervalImpl(ms);
}

qint64 calculateIntervalMs(qint64 rangeMs, int resolution, qint64 minMs)
{
    const qint64 raw = std::max<qint64>(0, rangeMs) / std::max(1, resolution);
    return std::max<qint64>({1, roundIntervalImpl(raw), minMs});
}

std::optional<qint64> parseDurationMs(const QString &text)
{
    const QString s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = s.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return qint64(std::llround(seconds * 1000));
    }
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y)"));
    qint64 total = 0;
    int pos = 0;
    auto it = part.globalMatch(s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() != pos)
            return std::nullopt;
        pos = int(m.capturedEnd());
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        qint64 factor = 1;
        if (unit == QLatin1String("s"))
            factor = kSecond;
        else if (unit == QLatin1String("m"))
            factor = kMinute;
        else if (unit == QLatin1String("h"))
            factor = kHour;
        else if (unit == QLatin1String("d"))
            factor = kDay;
        else if (unit == QLatin1String("w"))
            factor = kWeek;
        else if (unit == QLatin1String("y"))
            factor = kYear;
        total += qint64(std::llround(n * double(factor)));
    }
    if (pos != s.size())
        return std::nullopt;
    return total;
}

QString formatDurationMs(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("0s");
    // Exact compound form with the largest units first: whole-unit values render as Grafana
    // renders them ("15s", "1m", "2h", "1d", "500ms"); others stay exact ("1m15s") so the
    // PromQL range is never truncated. Prometheus accepts compound durations.
    struct Unit
    {
        qint64 ms;
        const char *suffix;
    };
    static constexpr Unit units[] = {{kYear, "y"},   {kDay, "d"},    {kHour, "h"},
                                     {kMinute, "m"}, {kSecond, "s"}, {1, "ms"}};
    QString out;
    for (const Unit &u : units) {
        if (ms >= u.ms) {
            out += QString::number(ms / u.ms) + QLatin1String(u.suffix);
            ms %= u.ms;
        }
    }
    return out;
}

IntervalResult computeInterval(const IntervalInput &input)
{
    IntervalResult r;
    const qint64 range = std::max<qint64>(0, input.toMs - input.fromMs);
    const qint64 points = std::max(1, input.maxDataPoints);
    const qint64 factor = std::max(1, input.intervalFactor);
    const qint64 scrape = std::max<qint64>(1, input.scrapeIntervalMs);
    const qint64 minStep = std::max<qint64>(0, input.minStepMs);

    // Grafana's $__interval for the panel: range / maxDataPoints rounded to a nice value,
    // at least the panel's "Min interval", which defaults to the data source's scrape
    // interval ("Scrape interval ... used as a lower limit for the Prometheus step").
    const qint64 low = input.panelMinIntervalMs > 0 ? input.panelMinIntervalMs : scrape;
    const qint64 panelInterval = std::max<qint64>({1, roundIntervalImpl(range / points), low});

    // "Resolution 1/N" multiplies it (the min interval too: "This value multiplied by the
    // denominator from the Resolution setting sets a lower limit"); "Min step" is an
    // absolute lower limit "not modified by the Resolution setting".
    qint64 step = std::max(panelInterval * factor, minStep);

    // Prometheus refuses more than 11000 points per series: range / 11000 is a floor too,
    // rounded up to whole seconds once it exceeds one second (sub-second: whole ms).
    qint64 safe = ceilDiv(range, 11000);
    if (safe > kSecond)
        safe = ceilDiv(safe, kSecond) * kSecond;
    step = std::max(step, safe);

    r.stepMs = step;
    r.intervalMs = step; // Min step and Resolution limit "the final value of $__interval"
    // Start and end aligned down to multiples of the step, as Grafana aligns them.
    r.startMs = floorTo(input.fromMs, step);
    r.endMs = floorTo(input.toMs, step);

    // $__rate_interval = max($__interval + scrape, 4 x scrape); the scrape interval is the
    // min step when one is set, else the data source's.
    const qint64 rateScrape = minStep > 0 ? minStep : scrape;
    r.rateIntervalMs = std::max(r.intervalMs + rateScrape, 4 * rateScrape);
    return r;
}

QString substituteMacros(const QString &expr, const IntervalResult &interval, qint64 rangeMs)
{
    if (!expr.contains(QLatin1String("__")))
        return expr;
    const qint64 rangeS = (rangeMs + 500) / 1000; // Grafana rounds the range to seconds
    // Longest names first, so $__interval never eats the prefix of $__interval_ms.
    const std::pair<const char *, QString> macros[] = {
        {"__rate_interval_ms", QString::number(interval.rateIntervalMs)},
        {"__rate_interval", formatDurationMs(interval.rateIntervalMs)},
        {"__interval_ms", QString::number(interval.intervalMs)},
        {"__interval", formatDurationMs(interval.intervalMs)},
        {"__range_ms", QString::number(rangeMs)},
        {"__range_s", QString::number(rangeS)},
        {"__range", QString::number(rangeS) + QLatin1Char('s')},
    };
    QString out;
    out.reserve(expr.size());
    const int n = int(expr.size());
    int i = 0;
    while (i < n) {
        const QChar c = expr.at(i);
        if (c == QLatin1Char('$') && i + 1 < n) {
            const bool braced = expr.at(i + 1) == QLatin1Char('{');
            const int nameStart = i + (braced ? 2 : 1);
            bool replaced = false;
            for (const auto &[name, value] : macros) {
                const QLatin1String key(name);
                if (QStringView(expr).mid(nameStart).startsWith(key)) {
                    int end = nameStart + int(key.size());
                    if (braced) {
                        if (end < n && expr.at(end) == QLatin1Char('}'))
                            ++end;
                        else
                            continue;
                    } else if (end < n && (expr.at(end).isLetterOrNumber() ||
                                           expr.at(end) == QLatin1Char('_'))) {
                        continue; // a longer, different variable name
                    }
                    out += value;
                    i = end;
                    replaced = true;
                    break;
                }
            }
            if (replaced)
                continue;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace pharos
