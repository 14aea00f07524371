#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace pharos {

/// A point in time as Grafana writes it: "now", "now-6h", "now/d", "now-1d/d", "now-1M/M+8h",
/// an ISO 8601 date/time, or unix epoch milliseconds. Units: s m h d w M y.
/// `roundUp` is true for the end of a range: "now/d" as `to` means the end of today.
/// Returns nullopt and a translated *error when the text is not a valid expression.
std::optional<QDateTime> parseTimeExpression(const QString &text, const QDateTime &now,
                                             const QTimeZone &zone, bool roundUp,
                                             QString *error = nullptr);

/// The zone a dashboard's `timezone` field names: "", "browser" -> local, "utc", or IANA.
QTimeZone dashboardTimeZone(const QString &timezone);

struct ResolvedTimeRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 spanMs() const { return toMs - fromMs; }
};

/// A dashboard time range, kept as the expressions the user chose.
struct TimeRange
{
    QString from = QStringLiteral("now-6h");
    QString to = QStringLiteral("now");

    bool operator==(const TimeRange &) const = default;
    /// Resolves both ends at `now`. Fails with *error when an end is invalid or from >= to.
    std::optional<ResolvedTimeRange> resolve(const QDateTime &now, const QTimeZone &zone,
                                             QString *error = nullptr) const;
    /// Translated text for the picker: "Last 6 hours", "Today", or "from to to".
    QString displayText() const;
};

/// The picker's quick ranges: last 5m, 15m, 1h, 6h, 24h, 7d, then today, yesterday, ...
QList<TimeRange> quickRanges();

} // namespace pharos
