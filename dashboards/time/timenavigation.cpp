#include "dashboards/time/timenavigation.h"

#include "dashboards/query/interval.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {
constexpr qint64 kSecond = 1000;
} // namespace

QString absoluteTimeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool isRelativeTime(const QString &expr)
{
    return expr.trimmed().startsWith(QLatin1String("now"));
}

QString displayTimeExpression(const QString &expr, const QTimeZone &zone)
{
    if (isRelativeTime(expr))
        return expr.trimmed();
    const auto t = parseTimeExpression(expr, QDateTime::currentDateTimeUtc(), zone, false);
    if (!t)
        return expr;
    const QDateTime local = t->toTimeZone(zone);
    return local.toString(local.time().msec() != 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                   : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

std::optional<QString> canonicalTimeExpression(const QString &text, const QTimeZone &zone,
                                               bool roundUp, QString *error)
{
    const QString s = text.trimmed();
    const auto t = parseTimeExpression(s, QDateTime::currentDateTimeUtc(), zone, roundUp, error);
    if (!t)
        return std::nullopt;
    if (isRelativeTime(s))
        return s;
    return absoluteTimeText(t->toMSecsSinceEpoch());
}

QString timeRangeDisplayText(const TimeRange &range, const QTimeZone &zone)
{
    if (isRelativeTime(range.from) && isRelativeTime(range.to))
        return range.displayText();
    return QCoreApplication::translate("pharos::TimeRange", "%1 to %2")
        .arg(displayTimeExpression(range.from, zone), displayTimeExpression(range.to, zone));
}

TimeRange zoomedTimeRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs > toMs)
        std::swap(fromMs, toMs);
    if (toMs - fromMs < kSecond) {
        const qint64 centre = fromMs + (toMs - fromMs) / 2;
        fromMs = centre - kSecond / 2;
        toMs = fromMs + kSecond;
    }
    return TimeRange{absoluteTimeText(fromMs), absoluteTimeText(toMs)};
}

TimeRange relativeRangeOfSpan(qint64 spanMs)
{
    qint64 seconds = std::max<qint64>(1, (spanMs + kSecond / 2) / kSecond);
    struct Unit
    {
        qint64 seconds;
        char name;
    };
    static const Unit units[] = {{7 * 86400, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
    for (const Unit &u : units) {
        if (seconds % u.seconds == 0) {
            return TimeRange{
                QStringLiteral("now-%1%2").arg(seconds / u.seconds).arg(QChar::fromLatin1(u.name)),
                QStringLiteral("now")};
        }
    }
    return TimeRange{QStringLiteral("now-%1s").arg(seconds), QStringLiteral("now")};
}

TimeRange zoomOutTimeRange(const ResolvedTimeRange &current, qint64 nowMs, double factor)
{
    const qint64 span = std::max<qint64>(kSecond, current.spanMs());
    const double centre = double(current.fromMs) + double(current.spanMs()) / 2.0;
    const double newSpan = double(span) * std::max(1.0, factor);
    qint64 from = qint64(std::llround(centre - newSpan / 2));
    qint64 to = qint64(std::llround(centre + newSpan / 2));
    if (to >= nowMs)
        return relativeRangeOfSpan(to - from);
    return TimeRange{absoluteTimeText(from), absoluteTimeText(to)};
}

TimeRange shiftTimeRange(const ResolvedTimeRange &current, qint64 nowMs, int direction)
{
    const qint64 span = std::max<qint64>(kSecond, current.spanMs());
    const qint64 offset = span / 2 * (direction < 0 ? -1 : 1);
    const qint64 from = current.fromMs + offset;
    const qint64 to = current.toMs + offset;
    if (direction > 0 && to >= nowMs)
        return relativeRangeOfSpan(span);
    return TimeRange{absoluteTimeText(from), absoluteTimeText(to)};
}

PanelTimeOverride panelTimeOverride(const PanelModel &panel)
{
    PanelTimeOverride o;
    const auto text = [&](const char *key) {
        const QJsonValue v = panel.json.value(QLatin1String(key));
        return v.isString() ? v.toString().trimmed() : QString();
    };
    o.timeFrom = text("timeFrom");
    o.timeShift = text("timeShift");
    o.hideTimeOverride = panel.json.value(QLatin1String("hideTimeOverride")).toBool(false);
    return o;
}

PanelTimeResult applyPanelTimeOverride(const PanelTimeOverride &override,
                                       const TimeRange &dashboardRange,
                                       const ResolvedTimeRange &resolved, const QDateTime &now,
                                       const QTimeZone &zone)
{
    PanelTimeResult result;
    result.range = resolved;
    QStringList info;
    QStringList errors;
    static const QRegularExpression duration(QStringLiteral("^\\d+(ms|[smhdwMy])$"));

    if (!override.timeFrom.isEmpty()) {
        TimeRange own{QString(), QStringLiteral("now")};
        if (override.timeFrom.startsWith(QLatin1String("now")))
            own.from = override.timeFrom;
        else if (duration.match(override.timeFrom).hasMatch())
            own.from = QLatin1String("now-") + override.timeFrom;
        QString error;
        const auto r = own.from.isEmpty() ? std::nullopt : own.resolve(now, zone, &error);
        if (!r) {
            errors << QCoreApplication::translate("pharos::TimeRange",
                                                  "The panel's relative time “%1” is not valid.")
                          .arg(override.timeFrom);
        } else if (isRelativeTime(dashboardRange.from)) {
            result.range = *r;
            info << own.displayText();
        }
    }

    if (!override.timeShift.isEmpty()) {
        QString shift = override.timeShift;
        if (shift.startsWith(QLatin1Char('-')))
            shift.remove(0, 1);
        const QString expr = QLatin1String("now-") + shift;
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(result.range.fromMs, zone);
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(result.range.toMs, zone);
        const auto f = parseTimeExpression(expr, from, zone, false);
        const auto t = parseTimeExpression(expr, to, zone, true);
        if (!f || !t || f->toMSecsSinceEpoch() >= t->toMSecsSinceEpoch()) {
            errors << QCoreApplication::translate("pharos::TimeRange",
                                                  "The panel's time shift “%1” is not valid.")
                          .arg(override.timeShift);
        } else {
            result.range = ResolvedTimeRange{f->toMSecsSinceEpoch(), t->toMSecsSinceEpoch()};
            info << QCoreApplication::translate("pharos::TimeRange", "timeshift -%1").arg(shift);
        }
    }
    if (!override.hideTimeOverride)
        result.info = info.join(QLatin1Char(' '));
    result.error = errors.join(QLatin1Char('\n'));
    return result;
}

} // namespace pharos
