#include "interval.h"

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

/// Rounds a raw interval to a "nice" one, the way Grafana rounds $__interval
/// (rangeutil's roundInterval, as described by Grafana's public docs and behaviour): each
/// raw value below a threshold maps to a fixed nice value. The thresholds sit roughly
/// half-way between neighbouring nice values. Written from that table of values, not from
/// Grafana code.
qint64 roundIntervalImpl(qint64 ms)
{
    struct Rule
    {
        qint64 below;
        qint64 nice;
    };
    static constexpr Rule rules[] = {
        {10, 1},
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
        {24300000, 6 * kHour},
        {64800000, 12 * kHour},
        {129600000, 1 * kDay},
        {604800000, 1 * kWeek},
        {3888000000, 30 * kDay},
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
    const qint64 minInterval = std::max<qint64>(0, input.minIntervalMs);
    const qint64 factor = std::max(1, input.intervalFactor);

    // $__interval: range / maxDataPoints rounded to a nice value, never below the min.
    r.intervalMs = std::max<qint64>(1, roundIntervalImpl(range / points));
    if (minInterval > r.intervalMs)
        r.intervalMs = minInterval;

    // Step: max(min step, range / maxDataPoints, range / 11000) x intervalFactor, rounded
    // up to whole milliseconds so no more than maxDataPoints (or 11000) points come back.
    qint64 step = std::max({minInterval, ceilDiv(range, points), ceilDiv(range, 11000)});
    step = std::max<qint64>(1, step) * factor;
    r.stepMs = step;
    // Start and end aligned down to multiples of the step, as Grafana aligns them.
    r.startMs = floorTo(input.fromMs, step);
    r.endMs = floorTo(input.toMs, step);

    // $__rate_interval = max($__interval + scrape, 4 x scrape); the scrape interval is the
    // min step when one is set, else the data source's.
    const qint64 scrape =
        minInterval > 0 ? minInterval : std::max<qint64>(1, input.scrapeIntervalMs);
    r.rateIntervalMs = std::max(r.intervalMs + scrape, 4 * scrape);
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
