#include "dashboards/time/timerange.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pharos {

namespace {

bool isUnit(QChar c)
{
    return QStringLiteral("smhdwMy").contains(c);
}

/// The start of the calendar unit containing `t` (in t's zone). Weeks start on Monday.
QDateTime startOfUnit(const QDateTime &t, QChar unit)
{
    const QTimeZone zone = t.timeZone();
    const QDate date = t.date();
    const QTime time = t.time();
    switch (unit.unicode()) {
    case 's':
        return QDateTime(date, QTime(time.hour(), time.minute(), time.second()), zone);
    case 'm':
        return QDateTime(date, QTime(time.hour(), time.minute()), zone);
    case 'h':
        return QDateTime(date, QTime(time.hour(), 0), zone);
    case 'd':
        return QDateTime(date, QTime(0, 0), zone);
    case 'w':
        return QDateTime(date.addDays(1 - date.dayOfWeek()), QTime(0, 0), zone);
    case 'M':
        return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), zone);
    case 'y':
        return QDateTime(QDate(date.year(), 1, 1), QTime(0, 0), zone);
    }
    return t;
}

/// Adds n units: s/m/h as elapsed time, d/w/M/y on the calendar (wall clock kept across DST).
QDateTime addUnits(const QDateTime &t, qint64 n, QChar unit)
{
    switch (unit.unicode()) {
    case 's':
        return t.addSecs(n);
    case 'm':
        return t.addSecs(n * 60);
    case 'h':
        return t.addSecs(n * 3600);
    case 'd':
        return t.addDays(n);
    case 'w':
        return t.addDays(7 * n);
    case 'M':
        return t.addMonths(int(n));
    case 'y':
        return t.addYears(int(n));
    }
    return t;
}

std::optional<QDateTime> parseRelative(const QString &text, const QDateTime &now,
                                       const QTimeZone &zone, bool roundUp)
{
    QDateTime t = now.toTimeZone(zone);
    int i = 3; // after "now"
    const int n = int(text.size());
    while (i < n) {
        const QChar op = text.at(i++);
        if (op == QLatin1Char('/')) {
            if (i >= n || !isUnit(text.at(i)))
                return std::nullopt;
            const QChar unit = text.at(i++);
            t = startOfUnit(t, unit);
            if (roundUp)
                t = addUnits(t, 1, unit).addMSecs(-1);
        } else if (op == QLatin1Char('+') || op == QLatin1Char('-')) {
            int start = i;
            while (i < n && text.at(i).isDigit())
                ++i;
            qint64 amount = 1;
            if (i > start) {
                bool ok = false;
                amount = text.mid(start, i - start).toLongLong(&ok);
                if (!ok || amount > 1000000000)
                    return std::nullopt;
            }
            if (i >= n || !isUnit(text.at(i)))
                return std::nullopt;
            const QChar unit = text.at(i++);
            t = addUnits(t, op == QLatin1Char('-') ? -amount : amount, unit);
        } else {
            return std::nullopt;
        }
        if (!t.isValid())
            return std::nullopt;
    }
    return t;
}

std::optional<QDateTime> parseAbsolute(const QString &text, const QTimeZone &zone)
{
    // Epoch milliseconds.
    static const QRegularExpression digits(QStringLiteral("^-?\\d+$"));
    if (digits.match(text).hasMatch()) {
        bool ok = false;
        const qint64 ms = text.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(ms, zone);
    }
    // ISO 8601: date, optional time (T or space), optional fraction, optional zone.
    static const QRegularExpression iso(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})"
                       "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
                       "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    int msec = 0;
    if (!m.captured(7).isEmpty())
        msec = QString(m.captured(7) + QLatin1String("00")).left(3).toInt();
    const QTime time = m.captured(4).isEmpty()
                           ? QTime(0, 0)
                           : QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                                   m.captured(6).isEmpty() ? 0 : m.captured(6).toInt(), msec);
    if (!time.isValid())
        return std::nullopt;
    QTimeZone tz = zone;
    const QString z = m.captured(8);
    if (!z.isEmpty()) {
        if (z.compare(QLatin1String("z"), Qt::CaseInsensitive) == 0) {
            tz = QTimeZone::utc();
        } else {
            QString digitsOnly = z.mid(1);
            digitsOnly.remove(QLatin1Char(':'));
            const int hours = digitsOnly.left(2).toInt();
            const int minutes = digitsOnly.size() >= 4 ? digitsOnly.mid(2, 2).toInt() : 0;
            if (hours > 23 || minutes > 59)
                return std::nullopt;
            const int sign = z.startsWith(QLatin1Char('-')) ? -1 : 1;
            tz = QTimeZone(sign * (hours * 3600 + minutes * 60));
        }
    }
    const QDateTime result(date, time, tz);
    if (!result.isValid())
        return std::nullopt;
    return result.toTimeZone(zone);
}

} // namespace

std::optional<QDateTime> parseTimeExpression(const QString &text, const QDateTime &now,
                                             const QTimeZone &zone, bool roundUp, QString *error)
{
    const QString s = text.trimmed();
    std::optional<QDateTime> result;
    if (s.startsWith(QLatin1String("now")))
        result = parseRelative(s, now, zone, roundUp);
    else if (!s.isEmpty())
        result = parseAbsolute(s, zone);
    if (!result || !result->isValid()) {
        if (error) {
            *error = s.isEmpty()
                         ? QCoreApplication::translate("pharos::TimeRange", "The time is empty.")
                         : QCoreApplication::translate(
                               "pharos::TimeRange",
                               "\"%1\" is not a valid time. Use an expression such as "
                               "now-6h or now/d, or a date such as 2024-01-31 12:00:00.")
                               .arg(text);
        }
        return std::nullopt;
    }
    return result;
}

QTimeZone dashboardTimeZone(const QString &timezone)
{
    const QString tz = timezone.trimmed();
    if (tz.isEmpty() || tz.compare(QLatin1String("browser"), Qt::CaseInsensitive) == 0)
        return QTimeZone::systemTimeZone();
    if (tz.compare(QLatin1String("utc"), Qt::CaseInsensitive) == 0)
        return QTimeZone::utc();
    const QTimeZone zone(tz.toUtf8());
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

std::optional<ResolvedTimeRange> TimeRange::resolve(const QDateTime &now, const QTimeZone &zone,
                                                    QString *error) const
{
    const auto f = parseTimeExpression(from, now, zone, false, error);
    if (!f)
        return std::nullopt;
    const auto t = parseTimeExpression(to, now, zone, true, error);
    if (!t)
        return std::nullopt;
    ResolvedTimeRange r{f->toMSecsSinceEpoch(), t->toMSecsSinceEpoch()};
    if (r.fromMs >= r.toMs) {
        if (error)
            *error = QCoreApplication::translate(
                         "pharos::TimeRange",
                         "The start of the time range (%1) must be before its end (%2).")
                         .arg(from, to);
        return std::nullopt;
    }
    return r;
}

namespace {

QString lastText(qint64 n, QChar unit)
{
    const bool one = n == 1;
    QString text;
    switch (unit.unicode()) {
    case 's':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 second")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 seconds");
        break;
    case 'm':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 minute")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 minutes");
        break;
    case 'h':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 hour")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 hours");
        break;
    case 'd':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 day")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 days");
        break;
    case 'w':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 week")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 weeks");
        break;
    case 'M':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 month")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 months");
        break;
    case 'y':
        text = one ? QCoreApplication::translate("pharos::TimeRange", "Last 1 year")
                   : QCoreApplication::translate("pharos::TimeRange", "Last %1 years");
        break;
    default:
        return {};
    }
    return one ? text : text.arg(n);
}

} // namespace

QString TimeRange::displayText() const
{
    const QString f = from.trimmed();
    const QString t = to.trimmed();
    if (t == QLatin1String("now")) {
        static const QRegularExpression last(QStringLiteral("^now-(\\d+)([smhdwMy])$"));
        const QRegularExpressionMatch m = last.match(f);
        if (m.hasMatch()) {
            const QString text = lastText(m.captured(1).toLongLong(), m.captured(2).at(0));
            if (!text.isEmpty())
                return text;
        }
        if (f == QLatin1String("now/d"))
            return QCoreApplication::translate("pharos::TimeRange", "Today so far");
        if (f == QLatin1String("now/w"))
            return QCoreApplication::translate("pharos::TimeRange", "This week so far");
        if (f == QLatin1String("now/M"))
            return QCoreApplication::translate("pharos::TimeRange", "This month so far");
        if (f == QLatin1String("now/y"))
            return QCoreApplication::translate("pharos::TimeRange", "This year so far");
    }
    if (f == t) {
        if (f == QLatin1String("now/d"))
            return QCoreApplication::translate("pharos::TimeRange", "Today");
        if (f == QLatin1String("now-1d/d"))
            return QCoreApplication::translate("pharos::TimeRange", "Yesterday");
        if (f == QLatin1String("now/w"))
            return QCoreApplication::translate("pharos::TimeRange", "This week");
        if (f == QLatin1String("now-1w/w"))
            return QCoreApplication::translate("pharos::TimeRange", "Previous week");
        if (f == QLatin1String("now/M"))
            return QCoreApplication::translate("pharos::TimeRange", "This month");
        if (f == QLatin1String("now-1M/M"))
            return QCoreApplication::translate("pharos::TimeRange", "Previous month");
        if (f == QLatin1String("now/y"))
            return QCoreApplication::translate("pharos::TimeRange", "This year");
    }
    return QCoreApplication::translate("pharos::TimeRange", "%1 to %2").arg(f, t);
}

QList<TimeRange> quickRanges()
{
    auto r = [](const char *from, const char *to) {
        return TimeRange{QString::fromLatin1(from), QString::fromLatin1(to)};
    };
    return {r("now-5m", "now"), r("now-15m", "now"),       r("now-30m", "now"), r("now-1h", "now"),
            r("now-3h", "now"), r("now-6h", "now"),        r("now-12h", "now"), r("now-24h", "now"),
            r("now-2d", "now"), r("now-7d", "now"),        r("now-30d", "now"), r("now/d", "now/d"),
            r("now/d", "now"),  r("now-1d/d", "now-1d/d"), r("now/w", "now/w")};
}

} // namespace pharos
