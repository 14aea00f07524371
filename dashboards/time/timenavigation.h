#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/time/timerange.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace pharos {

/// Time navigation on a dashboard's range, headless: zoom to a selection, zoom out, shift,
/// and the per-panel overrides (timeFrom / timeShift). Absolute ends are written as ISO 8601
/// UTC ("2024-01-31T07:00:00.000Z"), which Grafana reads back.

/// The canonical text of an absolute time: ISO 8601 in UTC with milliseconds.
QString absoluteTimeText(qint64 ms);
/// True when `expr` is relative to now ("now", "now-6h", "now/d").
bool isRelativeTime(const QString &expr);
/// `expr` as shown to a user in `zone`: relative expressions unchanged, absolute times as
/// "yyyy-MM-dd HH:mm:ss" in the zone (invalid text unchanged).
QString displayTimeExpression(const QString &expr, const QTimeZone &zone);
/// What the user typed, made canonical: relative expressions trimmed, absolute times read
/// in `zone` and written as ISO UTC. Returns nullopt (and a translated *error) when invalid.
std::optional<QString> canonicalTimeExpression(const QString &text, const QTimeZone &zone,
                                               bool roundUp, QString *error = nullptr);
/// The picker text of `range` in `zone`: "Last 6 hours", or absolute ends in the zone.
QString timeRangeDisplayText(const TimeRange &range, const QTimeZone &zone);

/// The absolute range [fromMs, toMs] (a graph selection). From and to are ordered; a span
/// under one second is widened to one second around its centre.
TimeRange zoomedTimeRange(qint64 fromMs, qint64 toMs);
/// Zooms out `factor` times around the centre of `current`. When the new end would be after
/// `nowMs`, the window is moved back to end now and stays relative ("now-12h" to "now").
TimeRange zoomOutTimeRange(const ResolvedTimeRange &current, qint64 nowMs, double factor = 2);
/// Moves the range by half its span, back in time (direction < 0) or forward (> 0). Moving
/// forward never passes now: then the range becomes relative and ends now.
TimeRange shiftTimeRange(const ResolvedTimeRange &current, qint64 nowMs, int direction);
/// "now-<span>" to "now" with the span in the largest unit that divides it.
TimeRange relativeRangeOfSpan(qint64 spanMs);

/// A panel's own time settings: `timeFrom` ("2h", "now-2h", "now/d"), `timeShift` ("1h",
/// "1d/d"), `hideTimeOverride`.
struct PanelTimeOverride
{
    QString timeFrom;
    QString timeShift;
    bool hideTimeOverride = false;
    bool isEmpty() const { return timeFrom.isEmpty() && timeShift.isEmpty(); }
};
PanelTimeOverride panelTimeOverride(const PanelModel &panel);

struct PanelTimeResult
{
    ResolvedTimeRange range;
    QString info;  // the header text: "Last 2 hours", "timeshift -1h", both, or empty
    QString error; // a translated reason when an override is invalid (the range is unchanged)
};

/// Applies a panel's overrides to the dashboard's range, as Grafana does: timeFrom replaces
/// a relative dashboard range (an absolute one is kept), timeShift moves both ends back.
PanelTimeResult applyPanelTimeOverride(const PanelTimeOverride &override,
                                       const TimeRange &dashboardRange,
                                       const ResolvedTimeRange &resolved, const QDateTime &now,
                                       const QTimeZone &zone);

} // namespace pharos
