// Time-range expressions (timerange.h) and unit formatting (units.h). The first byte's low 3
// bits select the entry point, its upper bits the zone, "now" and the rounding direction.
//  0: one time expression            1: "from\nto" as a TimeRange (resolve, displayText)
//  2: a dashboard timezone field     3: "value\nunit\ndecimals" through formatValue & co.
//  4: "ticks,...\nstep\nunit\ndecimals" through formatAxisTicks
//  5: "ms\nnowMs\nvalue\nunit" through formatFromNow and formatDateTime

#include "dashboards/fields/units.h"
#include "dashboards/time/timerange.h"
#include "fuzzcommon.h"

#include <cmath>
#include <limits>

using namespace pharos;
using pharos::fuzz::lines;

const int pharosFuzzModeCount = 6;

namespace {

const QTimeZone &zone(int i)
{
    static const QTimeZone zones[] = {
        QTimeZone::utc(),
        QTimeZone("Europe/Berlin"),       // DST at 02:00 -> 03:00
        QTimeZone("America/New_York"),    // DST, negative offset
        QTimeZone("Australia/Lord_Howe"), // 30-minute DST shift
        QTimeZone(5 * 3600 + 45 * 60),    // fixed +05:45
        QTimeZone("Pacific/Apia"),        // skipped 2011-12-30 entirely
        QTimeZone(-12 * 3600),
        QTimeZone::systemTimeZone(),
    };
    return zones[i % 8];
}

QDateTime now(int i)
{
    static const qint64 times[] = {
        1700000000000LL,   // 2023-11-14
        1711846800000LL,   // 2024-03-31 01:00 UTC: Berlin's spring-forward
        1730595600000LL,   // 2024-11-03 01:00 UTC
        1709164800000LL,   // 2024-02-29 00:00 UTC: leap day
        0LL,               // the epoch
        253402300799000LL, // 9999-12-31 23:59:59 UTC
        -62135596800000LL, // 0001-01-01
        1325239200000LL,   // 2011-12-30 10:00 UTC
    };
    return QDateTime::fromMSecsSinceEpoch(times[i % 8], QTimeZone::utc());
}

std::optional<int> decimalsFrom(const QString &s)
{
    bool ok = false;
    const int d = s.trimmed().toInt(&ok);
    if (!ok)
        return std::nullopt;
    return d;
}

void timeExpression(const QString &text, int param)
{
    const QTimeZone &z = zone(param);
    const QDateTime n = now(param / 8);
    QString error;
    const auto down = parseTimeExpression(text, n, z, false, &error);
    PHAROS_FUZZ_CHECK(down ? down->isValid() : !error.isEmpty(), text);
    const auto up = parseTimeExpression(text, n, z, true);
    PHAROS_FUZZ_CHECK(down.has_value() == up.has_value(), text);
    if (down && !text.contains(QLatin1Char('/')))
        PHAROS_FUZZ_CHECK(*down == *up,
                          QLatin1String("rounding changed a time without /: ") + text);
    if (down)
        (void)down->toMSecsSinceEpoch();
}

void timeRange(const QString &text, int param)
{
    const QStringList parts = lines(text, 2);
    const TimeRange range{parts.at(0), parts.at(1)};
    QString error;
    const auto r = range.resolve(now(param / 8), zone(param), &error);
    if (r)
        PHAROS_FUZZ_CHECK(r->fromMs < r->toMs, text);
    else
        PHAROS_FUZZ_CHECK(!error.isEmpty(), text);
    PHAROS_FUZZ_CHECK(!range.displayText().isEmpty(), text);
}

void value(const QString &text)
{
    const QStringList parts = lines(text, 3);
    const double v = parts.at(0).toDouble();
    const QString &unit = parts.at(1);
    const std::optional<int> decimals = decimalsFrom(parts.at(2));
    const FormattedValue f = formatValue(v, unit, decimals);
    PHAROS_FUZZ_CHECK(!f.text.isEmpty(), text);
    if (std::isnan(v))
        PHAROS_FUZZ_CHECK(f.toString() == QLatin1String("NaN"), f.toString());
    (void)formatValueText(v, unit, decimals);
    (void)isKnownUnit(unit);
    (void)isDateTimeUnit(unit);
    const double factor = unitDisplayFactor(unit, v);
    PHAROS_FUZZ_CHECK(factor > 0, QString::number(factor));
    const int d = autoDecimals(v);
    PHAROS_FUZZ_CHECK(d >= 0 && d <= 15, QString::number(d));
}

void ticks(const QString &text)
{
    const QStringList parts = lines(text, 4);
    std::vector<double> values;
    for (const QString &t : parts.at(0).split(QLatin1Char(','))) {
        if (values.size() < 64)
            values.push_back(t.toDouble());
    }
    const double step = parts.at(1).toDouble();
    const QStringList out = formatAxisTicks(values, step, parts.at(2), decimalsFrom(parts.at(3)));
    PHAROS_FUZZ_CHECK(std::size_t(out.size()) == values.size(), text);
}

void fromNow(const QString &text)
{
    const QStringList parts = lines(text, 4);
    const qint64 ms = parts.at(0).toLongLong();
    const qint64 nowMs = parts.at(1).toLongLong();
    const QString words = formatFromNow(ms, nowMs);
    // Without a translator: "... ago" for the past, "in ..." for the future.
    if (ms < nowMs)
        PHAROS_FUZZ_CHECK(words.endsWith(QLatin1String(" ago")), words);
    else if (ms > nowMs)
        PHAROS_FUZZ_CHECK(words.startsWith(QLatin1String("in ")), words);
    const double v = parts.at(2).toDouble();
    const QString unit = parts.at(3).isEmpty() ? QStringLiteral("dateTimeFromNow") : parts.at(3);
    (void)formatDateTime(v, unit, nowMs);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int mode = data[0] % pharosFuzzModeCount;
    const int param = data[0] / pharosFuzzModeCount;
    const QString text = pharos::fuzz::text(data + 1, size - 1);
    switch (mode) {
    case 0:
        timeExpression(text, param);
        break;
    case 1:
        timeRange(text, param);
        break;
    case 2: {
        const QTimeZone z = dashboardTimeZone(text.left(64));
        PHAROS_FUZZ_CHECK(z.isValid(), text);
        break;
    }
    case 3:
        value(text);
        break;
    case 4:
        ticks(text);
        break;
    case 5:
        fromNow(text);
        break;
    }
    return 0;
}
