#include "dashboards/fields/units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

struct Step
{
    double divisor;
    QString suffix;
};

/// A unit: the input is multiplied by `multiplier`, then the largest ladder step whose
/// divisor is <= |value| is chosen (the `zeroIndex` step for zero, the first one for values
/// below every step).
struct UnitSpec
{
    double multiplier = 1.0;
    std::vector<Step> ladder;
    int zeroIndex = 0;
    QString prefix;
    bool scaled = true; // false: always ladder[zeroIndex]
};

std::vector<Step> siLadder(const QString &base)
{
    static const char *const prefixes[] = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    static const char *const small[] = {"n", "µ", "m"};
    std::vector<Step> out;
    for (int i = 0; i < 3; ++i)
        out.push_back(
            {std::pow(1000.0, i - 3), QLatin1Char(' ') + QString::fromUtf8(small[i]) + base});
    for (int i = 0; i < 9; ++i)
        out.push_back(
            {std::pow(1000.0, i), QLatin1Char(' ') + QString::fromUtf8(prefixes[i]) + base});
    return out;
}

std::vector<Step> siLadderNoSmall(const QString &base)
{
    static const char *const prefixes[] = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    std::vector<Step> out;
    for (int i = 0; i < 9; ++i)
        out.push_back(
            {std::pow(1000.0, i), QLatin1Char(' ') + QString::fromUtf8(prefixes[i]) + base});
    return out;
}

std::vector<Step> iecLadder(const QString &base)
{
    static const char *const prefixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    std::vector<Step> out;
    for (int i = 0; i < 9; ++i)
        out.push_back(
            {std::pow(1024.0, i), QLatin1Char(' ') + QString::fromUtf8(prefixes[i]) + base});
    return out;
}

std::vector<Step> countLadder(const QString &unitSuffix)
{
    static const char *const names[] = {"",       " K",     " Mil",  " Bil", " Tri",
                                        " Quadr", " Quint", " Sext", " Sept"};
    std::vector<Step> out;
    for (int i = 0; i < 9; ++i) {
        QString s = QString::fromLatin1(names[i]);
        if (!unitSuffix.isEmpty())
            s += QLatin1Char(' ') + unitSuffix;
        out.push_back({std::pow(1000.0, i), s});
    }
    return out;
}

std::vector<Step> rateLadder(const QString &unitSuffix)
{
    static const char *const names[] = {"", " K", " M", " B", " T"};
    std::vector<Step> out;
    for (int i = 0; i < 5; ++i)
        out.push_back(
            {std::pow(1000.0, i), QString::fromLatin1(names[i]) + QLatin1Char(' ') + unitSuffix});
    return out;
}

std::vector<Step> timeLadder()
{
    return {{1e-9, QStringLiteral(" ns")},        {1e-6, QStringLiteral(" µs")},
            {1e-3, QStringLiteral(" ms")},        {1.0, QStringLiteral(" s")},
            {60.0, QStringLiteral(" min")},       {3600.0, QStringLiteral(" hour")},
            {86400.0, QStringLiteral(" day")},    {604800.0, QStringLiteral(" week")},
            {31536000.0, QStringLiteral(" year")}};
}

UnitSpec fixed(const QString &suffix, double multiplier = 1.0, const QString &prefix = {})
{
    UnitSpec s;
    s.multiplier = multiplier;
    s.ladder = {{1.0, suffix}};
    s.prefix = prefix;
    s.scaled = false;
    return s;
}

UnitSpec ladder(std::vector<Step> steps, int zeroIndex, double multiplier = 1.0)
{
    UnitSpec s;
    s.ladder = std::move(steps);
    s.zeroIndex = zeroIndex;
    s.multiplier = multiplier;
    return s;
}

const QHash<QString, UnitSpec> &unitTable()
{
    static const QHash<QString, UnitSpec> table = [] {
        QHash<QString, UnitSpec> t;
        t.insert(QStringLiteral("none"), fixed({}));
        t.insert(QStringLiteral("short"), ladder(countLadder({}), 0));
        t.insert(QStringLiteral("percent"), fixed(QStringLiteral("%")));
        t.insert(QStringLiteral("percentunit"), fixed(QStringLiteral("%"), 100.0));
        t.insert(QStringLiteral("bytes"), ladder(iecLadder(QStringLiteral("B")), 0));
        t.insert(QStringLiteral("kbytes"), ladder(iecLadder(QStringLiteral("B")), 1, 1024.0));
        t.insert(QStringLiteral("mbytes"), ladder(iecLadder(QStringLiteral("B")), 2, 1048576.0));
        t.insert(QStringLiteral("gbytes"), ladder(iecLadder(QStringLiteral("B")), 3, 1073741824.0));
        t.insert(QStringLiteral("decbytes"), ladder(siLadderNoSmall(QStringLiteral("B")), 0));
        t.insert(QStringLiteral("deckbytes"), ladder(siLadderNoSmall(QStringLiteral("B")), 1, 1e3));
        t.insert(QStringLiteral("decmbytes"), ladder(siLadderNoSmall(QStringLiteral("B")), 2, 1e6));
        t.insert(QStringLiteral("decgbytes"), ladder(siLadderNoSmall(QStringLiteral("B")), 3, 1e9));
        t.insert(QStringLiteral("bits"), ladder(iecLadder(QStringLiteral("b")), 0));
        t.insert(QStringLiteral("decbits"), ladder(siLadderNoSmall(QStringLiteral("b")), 0));
        t.insert(QStringLiteral("Bps"), ladder(siLadderNoSmall(QStringLiteral("B/s")), 0));
        t.insert(QStringLiteral("bps"), ladder(siLadderNoSmall(QStringLiteral("b/s")), 0));
        t.insert(QStringLiteral("binBps"), ladder(iecLadder(QStringLiteral("B/s")), 0));
        t.insert(QStringLiteral("binbps"), ladder(iecLadder(QStringLiteral("b/s")), 0));
        t.insert(QStringLiteral("KBs"), ladder(siLadderNoSmall(QStringLiteral("B/s")), 1, 1e3));
        t.insert(QStringLiteral("MBs"), ladder(siLadderNoSmall(QStringLiteral("B/s")), 2, 1e6));
        t.insert(QStringLiteral("hertz"), ladder(siLadder(QStringLiteral("Hz")), 3));
        t.insert(QStringLiteral("ns"), ladder(timeLadder(), 0, 1e-9));
        t.insert(QStringLiteral("µs"), ladder(timeLadder(), 1, 1e-6));
        t.insert(QStringLiteral("us"), ladder(timeLadder(), 1, 1e-6));
        t.insert(QStringLiteral("ms"), ladder(timeLadder(), 2, 1e-3));
        t.insert(QStringLiteral("s"), ladder(timeLadder(), 3, 1.0));
        t.insert(QStringLiteral("m"), ladder(timeLadder(), 4, 60.0));
        t.insert(QStringLiteral("h"), ladder(timeLadder(), 5, 3600.0));
        t.insert(QStringLiteral("d"), ladder(timeLadder(), 6, 86400.0));
        t.insert(QStringLiteral("reqps"), ladder(rateLadder(QStringLiteral("req/s")), 0));
        t.insert(QStringLiteral("rps"), ladder(rateLadder(QStringLiteral("reads/s")), 0));
        t.insert(QStringLiteral("wps"), ladder(rateLadder(QStringLiteral("wps")), 0));
        t.insert(QStringLiteral("iops"), ladder(rateLadder(QStringLiteral("io/s")), 0));
        t.insert(QStringLiteral("ops"), ladder(rateLadder(QStringLiteral("ops/s")), 0));
        t.insert(QStringLiteral("opm"), ladder(rateLadder(QStringLiteral("ops/min")), 0));
        t.insert(QStringLiteral("reqpm"), ladder(rateLadder(QStringLiteral("req/min")), 0));
        t.insert(QStringLiteral("celsius"), fixed(QStringLiteral("°C")));
        t.insert(QStringLiteral("fahrenheit"), fixed(QStringLiteral("°F")));
        t.insert(QStringLiteral("volt"), ladder(siLadder(QStringLiteral("V")), 3));
        t.insert(QStringLiteral("watt"), ladder(siLadder(QStringLiteral("W")), 3));
        t.insert(QStringLiteral("currencyUSD"), fixed({}, 1.0, QStringLiteral("$")));
        t.insert(QStringLiteral("currencyEUR"), fixed({}, 1.0, QStringLiteral("€")));
        return t;
    }();
    return table;
}

QString fixedText(double v, int decimals)
{
    QString s = QString::number(v, 'f', std::clamp(decimals, 0, 20));
    if (s.startsWith(QLatin1Char('-'))) {
        // "-0.00" -> "0.00"
        bool allZero = true;
        for (QChar c : s) {
            if (c.isDigit() && c != QLatin1Char('0')) {
                allZero = false;
                break;
            }
        }
        if (allZero)
            s.remove(0, 1);
    }
    return s;
}

std::optional<UnitSpec> specFor(const QString &unit)
{
    if (unit.isEmpty())
        return unitTable().value(QStringLiteral("none"));
    if (unit.startsWith(QLatin1String("suffix:")))
        return fixed(unit.mid(7));
    if (unit.startsWith(QLatin1String("prefix:")))
        return fixed({}, 1.0, unit.mid(7));
    auto it = unitTable().constFind(unit);
    if (it == unitTable().constEnd())
        return std::nullopt;
    return *it;
}

int pickStep(const UnitSpec &spec, double scaledAbs)
{
    if (!spec.scaled)
        return 0;
    if (scaledAbs == 0.0)
        return spec.zeroIndex;
    int idx = 0;
    for (int i = 0; i < int(spec.ladder.size()); ++i) {
        // small tolerance so that 1000 rounds up cleanly
        if (scaledAbs >= spec.ladder[i].divisor * (1 - 1e-12))
            idx = i;
    }
    return idx;
}

} // namespace

int autoDecimals(double value)
{
    if (!std::isfinite(value))
        return 0;
    const double a = std::abs(value);
    if (a == 0.0 || std::abs(a - std::round(a)) <= 1e-9 * std::max(1.0, a))
        return 0;
    const int mag = int(std::floor(std::log10(a)));
    return std::clamp(2 - mag, 0, 15);
}

bool isDateTimeUnit(const QString &unit)
{
    static const QStringList units{
        QStringLiteral("dateTimeAsIso"),    QStringLiteral("dateTimeAsIsoNoDateIfToday"),
        QStringLiteral("dateTimeAsUS"),     QStringLiteral("dateTimeAsUSNoDateIfToday"),
        QStringLiteral("dateTimeAsLocal"),  QStringLiteral("dateTimeAsLocalNoDateIfToday"),
        QStringLiteral("dateTimeAsSystem"), QStringLiteral("dateTimeFromNow"),
    };
    return units.contains(unit);
}

QString formatFromNow(qint64 ms, qint64 nowMs)
{
    // Grafana shows "time from now" in words: the same bands as its date library (45 s,
    // 90 s, 45 min, 90 min, 22 h, 36 h, 26 d, 45 d, 320 d, 548 d).
    // In double: the difference of two qint64 may not fit one.
    const double diff = double(nowMs) - double(ms);
    const bool future = diff < 0;
    const double sec = std::abs(diff) / 1000.0;
    const double min = sec / 60, hours = min / 60, days = hours / 24;
    // (Counts computed first: lupdate cannot parse a qualified call in a numerus argument.)
    const int nMin = int(std::lround(min)), nHours = int(std::lround(hours));
    const int nDays = int(std::lround(days));
    const int nMonths = std::max(2, int(std::lround(days / 30.4)));
    const int nYears = std::max(2, int(std::lround(days / 365)));
    QString span;
    if (sec < 45)
        span = QCoreApplication::translate("pharos::Units", "a few seconds");
    else if (sec < 90)
        span = QCoreApplication::translate("pharos::Units", "a minute");
    else if (min < 45)
        span = QCoreApplication::translate("pharos::Units", "%n minutes", nullptr, nMin);
    else if (min < 90)
        span = QCoreApplication::translate("pharos::Units", "an hour");
    else if (hours < 22)
        span = QCoreApplication::translate("pharos::Units", "%n hours", nullptr, nHours);
    else if (hours < 36)
        span = QCoreApplication::translate("pharos::Units", "a day");
    else if (days < 26)
        span = QCoreApplication::translate("pharos::Units", "%n days", nullptr, nDays);
    else if (days < 45)
        span = QCoreApplication::translate("pharos::Units", "a month");
    else if (days < 320)
        span = QCoreApplication::translate("pharos::Units", "%n months", nullptr, nMonths);
    else if (days < 548)
        span = QCoreApplication::translate("pharos::Units", "a year");
    else
        span = QCoreApplication::translate("pharos::Units", "%n years", nullptr, nYears);
    return future ? QCoreApplication::translate("pharos::Units", "in %1").arg(span)
                  : QCoreApplication::translate("pharos::Units", "%1 ago").arg(span);
}

QString formatDateTime(double value, const QString &unit, qint64 nowMs)
{
    // Beyond +-100 million days from the epoch is an invalid date, as in JavaScript.
    constexpr double maxDateMs = 8.64e15;
    if (!std::isfinite(value) || std::abs(value) > maxDateMs)
        return std::isnan(value) ? QStringLiteral("NaN")
                                 : QCoreApplication::translate("pharos::Units", "Invalid date");
    const qint64 ms = qint64(std::llround(value));
    if (unit == QLatin1String("dateTimeFromNow"))
        return formatFromNow(ms, nowMs);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    const bool us = unit.startsWith(QLatin1String("dateTimeAsUS"));
    if (unit.endsWith(QLatin1String("NoDateIfToday")) &&
        t.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return t.toString(us ? QStringLiteral("h:mm:ss AP") : QStringLiteral("HH:mm:ss"));
    return t.toString(us ? QStringLiteral("MM/dd/yyyy h:mm:ss AP")
                         : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool isKnownUnit(const QString &unit)
{
    return specFor(unit).has_value() || isDateTimeUnit(unit);
}

QStringList knownUnitIds()
{
    QStringList ids = unitTable().keys();
    ids.sort();
    return ids;
}

FormattedValue formatValue(double value, const QString &unit, std::optional<int> decimals)
{
    FormattedValue out;
    std::optional<UnitSpec> spec = specFor(unit);
    if (std::isnan(value)) {
        out.text = QStringLiteral("NaN");
        return out;
    }
    if (std::isinf(value)) {
        out.text = value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return out;
    }
    if (!spec && isDateTimeUnit(unit)) {
        out.text = formatDateTime(value, unit, QDateTime::currentMSecsSinceEpoch());
        return out;
    }
    if (!spec) {
        const int dec = decimals ? *decimals : autoDecimals(value);
        out.text = fixedText(value, dec);
        out.suffix = QLatin1Char(' ') + unit;
        return out;
    }
    const double v = value * spec->multiplier;
    const int idx = pickStep(*spec, std::abs(v));
    double scaled = v / spec->ladder[size_t(idx)].divisor;
    // Rounding may push the value to the next step (999.96 KiB -> 1000.0 KiB): keep as is,
    // Grafana does the same.
    const int dec = decimals ? *decimals : autoDecimals(scaled);
    out.prefix = spec->prefix;
    out.text = fixedText(scaled, dec);
    out.suffix = spec->ladder[size_t(idx)].suffix;
    return out;
}

double unitDisplayFactor(const QString &unit, double maxAbs)
{
    std::optional<UnitSpec> spec = specFor(unit);
    if (!spec || !std::isfinite(maxAbs))
        return 1.0;
    const int idx = pickStep(*spec, std::abs(maxAbs * spec->multiplier));
    return spec->ladder[size_t(idx)].divisor / spec->multiplier;
}

QStringList formatAxisTicks(const std::vector<double> &ticks, double step, const QString &unit,
                            std::optional<int> decimals)
{
    QStringList out;
    std::optional<UnitSpec> spec = specFor(unit);
    UnitSpec s = spec ? *spec : fixed(QLatin1Char(' ') + unit);
    double maxAbs = 0;
    for (double t : ticks) {
        if (std::isfinite(t))
            maxAbs = std::max(maxAbs, std::abs(t * s.multiplier));
    }
    const int idx = pickStep(s, maxAbs);
    const double div = s.ladder[size_t(idx)].divisor;
    int dec = 0;
    if (decimals) {
        dec = *decimals;
    } else if (step > 0 && std::isfinite(step)) {
        const double ss = std::abs(step * s.multiplier / div);
        // as many decimals as the step needs: 25 -> 0, 0.5 -> 1, 0.25 -> 2
        double scaledStep = ss;
        while (dec < 15 && std::abs(scaledStep - std::round(scaledStep)) > 1e-6 * scaledStep) {
            ++dec;
            scaledStep *= 10;
        }
    }
    for (double t : ticks) {
        if (!std::isfinite(t)) {
            out << formatValueText(t, unit, decimals);
            continue;
        }
        out << s.prefix + fixedText(t * s.multiplier / div, dec) + s.ladder[size_t(idx)].suffix;
    }
    return out;
}

} // namespace pharos
