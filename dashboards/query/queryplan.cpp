#include "dashboards/query/queryplan.h"
#include "datasources/datasourceref.h"

#include "dashboards/model/paneltypes.h"
#include "dashboards/variables/adhocfilter.h"
#include "datasources/datasourceregistry.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace pharos {

namespace {

/// A min interval as written on a target or panel: "30s", ">30s" (Grafana's "at least").
/// Unresolved macros such as "$__rate_interval" are ignored (0).
qint64 minIntervalMs(const QString &text)
{
    QString s = text.trimmed();
    if (s.startsWith(QLatin1Char('>')))
        s.remove(0, 1);
    if (s.isEmpty() || s.contains(QLatin1Char('$')))
        return 0;
    return parseDurationMs(s).value_or(0);
}

/// A datasource reference with variables interpolated ("$ds" -> the chosen name).
QJsonValue interpolateRef(const QJsonValue &ref, const InterpolationContext &ctx)
{
    if (ref.isString()) {
        const QString s = ref.toString();
        if (datasourceref::hasVariable(s))
            return interpolate(s, ctx, InterpolationMode::Plain);
        return ref;
    }
    if (ref.isObject()) {
        QJsonObject o = ref.toObject();
        const QString uid = o.value(QLatin1String("uid")).toString();
        if (datasourceref::hasVariable(uid)) {
            const QString value = interpolate(uid, ctx, InterpolationMode::Plain);
            if (value != uid)
                return value; // a datasource variable holds names: resolve by name or uid
        }
        return o;
    }
    return ref;
}

} // namespace

PanelQueryPlan planPanelQueries(const PanelModel &panel, const ResolvedTimeRange &range,
                                int widthPx, DataSourceRegistry *registry,
                                const InterpolationContext *variables)
{
    PanelQueryPlan plan;
    if (!paneltypes::hasQueries(panel.type))
        return plan;
    InterpolationContext ctx = variables ? *variables : InterpolationContext();
    for (auto it = panel.scopedVars.cbegin(); it != panel.scopedVars.cend(); ++it)
        ctx.scoped.insert(it.key(), it.value());
    ctx.fromMs = range.fromMs;
    ctx.toMs = range.toMs;

    const int maxDataPoints = panel.maxDataPoints.value_or(widthPx > 0 ? widthPx : 1000);
    const qint64 panelMin =
        minIntervalMs(interpolate(panel.interval, ctx, InterpolationMode::Plain));
    bool timesSet = false;

    for (const Target &target : panel.targets) {
        if (target.hide || target.expr.trimmed().isEmpty())
            continue;
        const bool targetHasRef = datasourceref::isSet(target.datasource);
        const QJsonValue ref =
            interpolateRef(targetHasRef ? target.datasource : panel.datasource, ctx);
        QString dsError;
        bool mixed = false;
        DataSource *ds = nullptr;
        if (registry) {
            ds = registry->resolve(ref, &dsError, &mixed);
            if (!ds && mixed) // "-- Mixed --" without a target reference: the default
                ds = registry->resolve(QJsonValue(QJsonValue::Null), &dsError);
        } else {
            dsError = QCoreApplication::translate("pharos::QueryScheduler",
                                                  "No data source is configured.");
        }

        IntervalInput in;
        in.fromMs = range.fromMs;
        in.toMs = range.toMs;
        in.maxDataPoints = maxDataPoints;
        const qint64 targetMin =
            minIntervalMs(interpolate(target.interval, ctx, InterpolationMode::Plain));
        in.panelMinIntervalMs = panelMin;
        in.minStepMs = targetMin;
        if (PromqlSource *promql = ds ? ds->promql() : nullptr)
            in.scrapeIntervalMs = std::max(1, promql->scrapeIntervalMs());
        in.intervalFactor = std::max(1, target.intervalFactor);
        const IntervalResult interval = computeInterval(in);
        if (!timesSet) {
            plan.intervalMs = interval.intervalMs;
            plan.stepMs = interval.stepMs;
            timesSet = true;
        }
        InterpolationContext tctx = ctx;
        tctx.intervalMs = interval.intervalMs;
        tctx.rateIntervalMs = interval.rateIntervalMs;
        QString expr = interpolate(target.expr, tctx, InterpolationMode::PromQL);
        if (ds) {
            for (const InterpolationContext::Adhoc &a : std::as_const(ctx.adhoc)) {
                if (a.filters.isEmpty())
                    continue;
                DataSource *target_ =
                    registry ? registry->resolve(interpolateRef(QJsonValue(a.datasourceRef), ctx))
                             : nullptr;
                if (target_ == ds)
                    expr = injectAdhocFilters(expr, a.filters);
            }
        }
        const QString legend = interpolate(target.legendFormat, tctx, InterpolationMode::Plain);

        auto add = [&](bool instant) {
            PlannedQuery q;
            q.refId = target.refId;
            q.legendFormat = legend;
            q.instant = instant;
            q.source = ds;
            q.datasourceName = ds ? ds->settings().name : datasourceref::text(ref);
            q.interval = interval;
            QueryRequest r;
            r.expr = expr;
            r.instant = instant;
            if (instant) {
                r.timeMs = range.toMs;
            } else {
                r.startMs = interval.startMs;
                r.endMs = interval.endMs;
                r.stepMs = interval.stepMs;
            }
            q.request = DataRequest::promqlQuery(std::move(r));
            if (!ds) {
                q.error.kind = DataSourceError::Kind::NotConfigured;
                q.error.detail = dsError;
            }
            plan.queries.append(q);
        };
        if (target.range || !target.instant)
            add(false);
        if (target.instant)
            add(true);
    }
    return plan;
}

} // namespace pharos
