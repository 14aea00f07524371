#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"
#include "dashboards/variables/variables.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <functional>

namespace pharos {

class DataSourceRegistry;
class DataSourceReply;

/// Runs the queries of a dashboard's panels on refresh. Refreshes never overlap: a new
/// refresh aborts the previous one's requests and stale answers are dropped. Panels out of
/// view do not query until they come into view; an inactive (hidden or minimised) window
/// does not refresh on the timer, and catches up once when it becomes active again.
/// At most 6 requests per data source are in flight (the data source enforces it).
/// A data source that backs off after repeated failures is not queried until its back-off
/// ends: its targets report the last error with "retrying in N s", and the panel is queried
/// again by itself when the back-off ends.
class QueryScheduler : public QObject
{
    Q_OBJECT
public:
    explicit QueryScheduler(DataSourceRegistry *registry, QObject *parent = nullptr);
    ~QueryScheduler() override;

    /// The panels that query (Dashboard::allPanels(), minus collapsed rows' children if the
    /// view does not show them). Replaces the previous set and aborts its requests.
    void setPanels(const QList<PanelModel> &panels);
    void setTimeRange(const TimeRange &range);
    TimeRange timeRange() const { return m_range; }
    void setTimeZone(const QTimeZone &zone);
    /// "" or "off" stops the timer; "5s", "1m"... start it.
    void setRefreshInterval(const QString &refresh);
    QString refreshInterval() const { return m_refresh; }
    /// The panel's plot width in pixels; the default maxDataPoints.
    void setPanelWidth(int panelId, int widthPx);
    void setPanelVisible(int panelId, bool visible);
    /// false while the window is hidden or minimised.
    void setActive(bool active);
    /// The dashboard's variables: each refresh interpolates with their values at its
    /// start (and applies their ad hoc filters). nullptr = none.
    void setVariables(VariableSet *variables);
    VariableSet *variables() const { return m_variables; }
    /// For tests and exports: the clock used to resolve "now".
    void setClock(std::function<QDateTime()> clock);

    /// Starts a new refresh of every visible panel now. With variables, their time range is
    /// updated first; while they recompute (refresh 2, auto intervals), the panels show
    /// loading and query once the variables are updated().
    void refresh();
    /// Runs the panels' queries again over the current refresh's range with the variables'
    /// current values (after a variable changed). Does nothing before the first refresh.
    void requery();
    /// True while the current refresh waits for the variables.
    bool isWaitingForVariables() const { return m_waitingForVariables; }
    /// True when no request of the current refresh is pending (and it does not wait for the
    /// variables).
    bool isIdle() const;
    quint64 generation() const { return m_generation; }
    /// The resolved range of the current refresh, or the error that stopped it.
    ResolvedTimeRange resolvedRange() const { return m_resolved; }

Q_SIGNALS:
    void panelLoading(int panelId);
    void panelDataReady(int panelId, pharos::PanelDataPtr data);
    /// Every visible panel of the current refresh has its data.
    void idle();
    /// The time range could not be resolved: the translated reason.
    void timeRangeError(const QString &message);

private:
    struct PanelState;
    void queryPanel(PanelState &state);
    void runQueries();
    void onReplyFinished(int panelId, quint64 generation);
    void abortAll();
    void abortPanel(PanelState &state);
    void handleReply(DataSourceReply *reply, int panelId, quint64 generation);
    /// A data source of the panel backs off until `when`: query the panel again then.
    void scheduleRetry(int panelId, const QDateTime &when);
    void retryBackedOff();

    DataSourceRegistry *m_registry;
    QList<PanelModel> m_panels;
    QHash<int, PanelState *> m_states;
    TimeRange m_range;
    QTimeZone m_zone;
    QString m_refresh;
    QTimer m_timer;
    QTimer m_retryTimer; // panels whose data source backs off (m_retryPanels)
    QSet<int> m_retryPanels;
    bool m_active = true;
    bool m_missedTick = false;
    bool m_refreshing = false; // inside refresh(): idle() is emitted once at its end
    quint64 m_generation = 0;
    ResolvedTimeRange m_resolved;
    QDateTime m_now; // the "now" of the current refresh
    std::function<QDateTime()> m_clock;
    QPointer<VariableSet> m_variables;
    InterpolationContext m_context; // the variables at the start of the current refresh
    bool m_waitingForVariables = false;
    bool m_settingVariableRange = false;
};

} // namespace pharos
