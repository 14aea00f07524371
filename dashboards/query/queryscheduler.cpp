#include "dashboards/query/queryscheduler.h"

#include "dashboards/dashboardlogging.h"
#include "dashboards/model/paneltypes.h"
#include "dashboards/query/datarequest.h"
#include "dashboards/query/interval.h"
#include "dashboards/query/queryplan.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"

#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <algorithm>
#include <limits>

namespace pharos {

struct QueryScheduler::PanelState
{
    PanelModel panel;
    int widthPx = 0;
    bool visible = true;
    bool stale = false; // missed a refresh while out of view
    quint64 generation = 0;
    struct Pending
    {
        DataSourceReply *reply = nullptr;
        size_t slot = 0;
        QPointer<DataSource> source;
        DataRequest request; // what `reply` answers
    };
    std::vector<Pending> pending;
    std::shared_ptr<PanelData> data; // being filled for `generation`
};

QueryScheduler::QueryScheduler(DataSourceRegistry *registry, QObject *parent)
    : QObject(parent), m_registry(registry), m_zone(QTimeZone::systemTimeZone())
{
    m_timer.setTimerType(Qt::CoarseTimer);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &QueryScheduler::retryBackedOff);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_active) {
            m_missedTick = true;
            return;
        }
        refresh();
    });
}

void QueryScheduler::scheduleRetry(int panelId, const QDateTime &when)
{
    m_retryPanels.insert(panelId);
    const qint64 ms = std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when) + 50, 50,
                                         std::numeric_limits<int>::max());
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > ms)
        m_retryTimer.start(int(ms));
}

void QueryScheduler::retryBackedOff()
{
    const QSet<int> panels = std::exchange(m_retryPanels, {});
    if (m_generation == 0 || m_resolved.toMs <= m_resolved.fromMs || m_waitingForVariables)
        return;
    for (int id : panels) {
        PanelState *s = m_states.value(id);
        if (!s || !s->pending.empty())
            continue; // gone, or already querying again
        if (!s->visible) {
            s->stale = true;
            continue;
        }
        queryPanel(*s);
    }
}

QueryScheduler::~QueryScheduler()
{
    abortAll();
    qDeleteAll(m_states);
    m_states.clear();
}

void QueryScheduler::setPanels(const QList<PanelModel> &panels)
{
    abortAll();
    QHash<int, PanelState *> old = m_states;
    m_states.clear();
    m_panels.clear();
    for (const PanelModel &p : panels) {
        if (p.isRow() || m_states.contains(p.id))
            continue;
        auto *state = new PanelState;
        state->panel = p;
        if (PanelState *previous = old.value(p.id)) {
            state->widthPx = previous->widthPx;
            state->visible = previous->visible;
        }
        m_states.insert(p.id, state);
        m_panels.append(p);
    }
    qDeleteAll(old);
}

void QueryScheduler::setTimeRange(const TimeRange &range)
{
    m_range = range;
}

void QueryScheduler::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

void QueryScheduler::setRefreshInterval(const QString &refresh)
{
    m_refresh = refresh.trimmed();
    const bool off =
        m_refresh.isEmpty() || m_refresh.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
    const qint64 ms = off ? 0 : parseDurationMs(m_refresh).value_or(0);
    if (ms <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
}

void QueryScheduler::setPanelWidth(int panelId, int widthPx)
{
    if (PanelState *s = m_states.value(panelId))
        s->widthPx = std::max(0, widthPx);
}

void QueryScheduler::setPanelVisible(int panelId, bool visible)
{
    PanelState *s = m_states.value(panelId);
    if (!s || s->visible == visible)
        return;
    s->visible = visible;
    if (visible && s->stale && !m_waitingForVariables && m_generation > 0 &&
        m_resolved.toMs > m_resolved.fromMs)
        queryPanel(*s); // catches up with the current refresh
}

void QueryScheduler::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_active && m_missedTick) {
        m_missedTick = false;
        refresh();
    }
}

void QueryScheduler::setVariables(VariableSet *variables)
{
    if (m_variables)
        m_variables->disconnect(this);
    m_variables = variables;
    m_waitingForVariables = false;
    if (m_variables) {
        connect(m_variables, &VariableSet::updated, this, [this] {
            if (m_waitingForVariables)
                requery();
        });
    }
}

void QueryScheduler::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void QueryScheduler::refresh()
{
    ++m_generation;
    m_refreshing = false;
    abortAll();
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    m_now = now;
    QString error;
    const auto resolved = m_range.resolve(now, m_zone, &error);
    if (!resolved) {
        m_resolved = {};
        for (PanelState *s : std::as_const(m_states))
            s->stale = false;
        Q_EMIT timeRangeError(error);
        Q_EMIT idle();
        return;
    }
    m_resolved = *resolved;
    m_waitingForVariables = false;
    if (m_variables) {
        // Variables that follow the time range are recomputed first; the panels query
        // when they are done (requery(), from VariableSet::updated()).
        m_settingVariableRange = true;
        m_variables->setTimeRange(m_resolved);
        m_settingVariableRange = false;
        if (m_variables->isBusy()) {
            m_waitingForVariables = true;
            for (PanelState *s : std::as_const(m_states)) {
                s->stale = false;
                if (s->visible && paneltypes::hasQueries(s->panel.type))
                    Q_EMIT panelLoading(s->panel.id);
            }
            return;
        }
    }
    runQueries();
}

void QueryScheduler::requery()
{
    if (m_settingVariableRange || m_generation == 0 || m_resolved.toMs <= m_resolved.fromMs)
        return; // no refresh yet (or refresh() goes on by itself)
    ++m_generation;
    m_refreshing = false;
    m_waitingForVariables = false;
    abortAll();
    runQueries();
}

void QueryScheduler::runQueries()
{
    if (m_variables)
        m_context = m_variables->context();
    const quint64 generation = m_generation;
    m_refreshing = true;
    qCDebug(lcDashboards, "refresh %llu: %lld panels, %lld..%lld ms", qulonglong(generation),
            qlonglong(m_panels.size()), qlonglong(m_resolved.fromMs), qlonglong(m_resolved.toMs));
    for (const PanelModel &p : std::as_const(m_panels)) {
        PanelState *s = m_states.value(p.id);
        if (!s)
            continue;
        if (!s->visible) {
            s->stale = true;
            continue;
        }
        queryPanel(*s);
        if (generation != m_generation)
            return; // a slot connected to our signals started another refresh
    }
    m_refreshing = false;
    if (isIdle())
        Q_EMIT idle();
}

bool QueryScheduler::isIdle() const
{
    if (m_waitingForVariables)
        return false;
    for (const PanelState *s : m_states) {
        if (!s->pending.empty())
            return false;
    }
    return true;
}

void QueryScheduler::abortPanel(PanelState &state)
{
    for (const PanelState::Pending &p : state.pending) {
        if (!p.reply)
            continue;
        p.reply->disconnect(this);
        p.reply->abort();
        p.reply->deleteLater();
    }
    state.pending.clear();
    state.data.reset();
}

void QueryScheduler::abortAll()
{
    for (PanelState *s : std::as_const(m_states))
        abortPanel(*s);
}

void QueryScheduler::queryPanel(PanelState &state)
{
    abortPanel(state);
    state.stale = false;
    state.generation = m_generation;
    const PanelModel &panel = state.panel;
    if (!paneltypes::hasQueries(panel.type))
        return;

    // The panel's own range: timeFrom / timeShift applied to the dashboard's.
    ResolvedTimeRange range = m_resolved;
    QString timeInfo;
    if (const PanelTimeOverride o = panelTimeOverride(panel); !o.isEmpty()) {
        const PanelTimeResult r = applyPanelTimeOverride(o, m_range, m_resolved, m_now, m_zone);
        range = r.range;
        timeInfo = r.error.isEmpty() ? r.info : r.error;
    }

    auto data = makePanelData();
    data->panelId = panel.id;
    data->generation = m_generation;
    data->fromMs = range.fromMs;
    data->toMs = range.toMs;
    data->timeInfo = timeInfo;
    state.data = data;
    Q_EMIT panelLoading(panel.id);
    if (state.data != data)
        return; // re-entered from a slot

    const PanelQueryPlan plan = planPanelQueries(panel, range, state.widthPx, m_registry,
                                                 m_variables ? &m_context : nullptr);
    data->intervalMs = plan.intervalMs;
    data->stepMs = plan.stepMs;
    std::vector<std::pair<DataSourceReply *, size_t>> issued;
    for (const PlannedQuery &q : plan.queries) {
        TargetResult r;
        r.refId = q.refId;
        r.expr = q.request.text();
        r.legendFormat = q.legendFormat;
        r.instant = q.instant;
        data->targets.push_back(std::move(r));
        const size_t slot = data->targets.size() - 1;
        DataSource *ds = q.source;
        if (!ds) {
            data->targets[slot].error = q.error;
            continue;
        }
        if (ds->isBackingOff()) {
            // Repeated failures: do not hammer the server; say when it is tried again.
            const DataSourceHealth &h = ds->health();
            data->targets[slot].error = h.lastError;
            data->targets[slot].retryInMs =
                std::max<qint64>(1, QDateTime::currentDateTimeUtc().msecsTo(h.backoffUntil));
            scheduleRetry(panel.id, h.backoffUntil);
            continue;
        }
        DataSourceReply *reply = sendDataRequest(ds, q.request);
        if (!reply) {
            DataSourceError e;
            e.kind = DataSourceError::Kind::Unsupported;
            e.detail = tr("the data source returned no reply");
            data->targets[slot].error = e;
            continue;
        }
        reply->setParent(this);
        state.pending.push_back({reply, slot, ds, q.request});
        issued.emplace_back(reply, slot);
    }

    const int panelId = panel.id;
    const quint64 generation = m_generation;
    for (const auto &[reply, slot] : issued) {
        QPointer<DataSourceReply> guard(reply);
        connect(reply, &DataSourceReply::finished, this, [this, guard, panelId, generation] {
            if (guard)
                handleReply(guard, panelId, generation);
        });
        if (reply->isFinished()) { // answered synchronously: deliver from the event loop
            QMetaObject::invokeMethod(
                this,
                [this, guard, panelId, generation] {
                    if (guard)
                        handleReply(guard, panelId, generation);
                },
                Qt::QueuedConnection);
        }
    }
    if (state.pending.empty())
        onReplyFinished(panelId, generation);
}

void QueryScheduler::handleReply(DataSourceReply *reply, int panelId, quint64 generation)
{
    PanelState *state = m_states.value(panelId);
    if (!state || generation != m_generation || state->generation != generation || !state->data) {
        reply->disconnect(this);
        reply->deleteLater(); // stale: thrown away
        return;
    }
    auto it = std::find_if(state->pending.begin(), state->pending.end(),
                           [reply](const PanelState::Pending &p) { return p.reply == reply; });
    if (it == state->pending.end()) {
        reply->disconnect(this);
        reply->deleteLater();
        return;
    }
    TargetResult &result = state->data->targets[it->slot];
    takeDataResult(reply, it->request, &result);
    if (result.error.isError() && it->source && it->source->isBackingOff()) {
        const QDateTime until = it->source->health().backoffUntil;
        result.retryInMs = std::max<qint64>(1, QDateTime::currentDateTimeUtc().msecsTo(until));
        scheduleRetry(panelId, until);
    }
    state->pending.erase(it);
    reply->disconnect(this);
    reply->deleteLater();
    if (state->pending.empty())
        onReplyFinished(panelId, generation);
}

void QueryScheduler::onReplyFinished(int panelId, quint64 generation)
{
    PanelState *state = m_states.value(panelId);
    if (!state || !state->data || state->generation != generation || !state->pending.empty())
        return;
    PanelDataPtr data = std::move(state->data);
    state->data.reset();
    Q_EMIT panelDataReady(panelId, data);
    if (generation == m_generation && !m_refreshing && isIdle())
        Q_EMIT idle();
}

} // namespace pharos
