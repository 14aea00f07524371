#include "app/cli/inspect.h"

#include "app/cli/commanddashboard.h"

#include "app/view/dashboardview.h"
#include "dashboards/layout/repeat.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryplan.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace pharos {

namespace {

QJsonValue seconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return QJsonValue(double(ms / 1000));
    return QJsonValue(double(ms) / 1000.0);
}

} // namespace

int runInspectCommand(const CommandLineOptions &options, DataSourceRegistry *registry,
                      QTextStream &out, QTextStream &err, int timeoutMs)
{
    const std::optional<CommandDashboard> opened = openCommandDashboard(options, err);
    if (!opened)
        return 2;
    const Dashboard *dashboard = &opened->dashboard;
    QString error;

    VariableSet variables(registry);
    variables.load(*dashboard);
    for (const QString &spec : options.vars) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        const QString name = spec.left(eq).trimmed();
        const QStringList values = spec.mid(eq + 1).split(QLatin1Char(','));
        if (!variables.find(name)) {
            err << QCoreApplication::translate("Inspect",
                                               "--var: the dashboard has no variable \"%1\".")
                       .arg(name)
                << Qt::endl;
            return 2;
        }
        QStringList mapped;
        for (const QString &v : values)
            mapped << (v == QLatin1String("All") || v == kAllValue ? QString(kAllValue) : v);
        variables.setOverride(name, mapped);
    }

    const TimeRange range = opened->range;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone zone = dashboardTimeZone(dashboard->timezone());
    const auto resolved = range.resolve(now, zone, &error);
    if (!resolved) {
        err << QCoreApplication::translate("Inspect", "Time range: %1").arg(error) << Qt::endl;
        return 2;
    }

    QStringList failures;
    QObject::connect(&variables, &VariableSet::errorOccurred,
                     [&failures](const QString &, const QString &message) {
                         if (!failures.contains(message))
                             failures << message;
                     });
    variables.setTimeRange(*resolved);
    variables.refresh();
    if (variables.isBusy()) {
        QEventLoop loop;
        QObject::connect(&variables, &VariableSet::updated, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        if (variables.isBusy())
            failures << QCoreApplication::translate("Inspect",
                                                    "The variables did not load within %1 s.")
                            .arg(timeoutMs / 1000);
    }

    const InterpolationContext context = variables.context();
    QJsonObject vars;
    for (const Variable &v : variables.variables()) {
        if (v.type == VariableType::Adhoc) {
            QJsonArray filters;
            for (const AdhocFilter &f : v.filters)
                filters.append(
                    QString(f.key + f.op + QLatin1Char('"') + f.value + QLatin1Char('"')));
            vars.insert(v.name, filters);
            continue;
        }
        const VariableValue *value = context.find(v.name);
        vars.insert(v.name,
                    QJsonArray::fromStringList(value ? value->effectiveValues() : QStringList()));
    }

    const int gridWidth = std::max(2 * DashboardView::Padding + grid::Columns,
                                   options.width - 2 * DashboardView::Padding);
    QJsonArray panels;
    for (const PanelModel &p : drawablePanels(expandRepeats(dashboard->panels(), context))) {
        const int widthPx = grid::toPixels(p.gridPos, gridWidth).width();
        // The panel's own range (timeFrom / timeShift), as the scheduler applies it.
        ResolvedTimeRange panelRange = *resolved;
        if (const PanelTimeOverride o = panelTimeOverride(p); !o.isEmpty())
            panelRange = applyPanelTimeOverride(o, range, *resolved, now, zone).range;
        const PanelQueryPlan plan = planPanelQueries(p, panelRange, widthPx, registry, &context);
        QJsonArray queries;
        for (const PlannedQuery &q : plan.queries) {
            QJsonObject o{{QStringLiteral("refId"), q.refId},
                          {QStringLiteral("datasource"), q.datasourceName},
                          {QStringLiteral("expr"), q.request.promql.expr},
                          {QStringLiteral("instant"), q.instant}};
            if (q.instant) {
                o.insert(QStringLiteral("start"), seconds(q.request.promql.timeMs));
                o.insert(QStringLiteral("end"), seconds(q.request.promql.timeMs));
                o.insert(QStringLiteral("step"), 0);
            } else {
                o.insert(QStringLiteral("start"), seconds(q.request.promql.startMs));
                o.insert(QStringLiteral("end"), seconds(q.request.promql.endMs));
                o.insert(QStringLiteral("step"), seconds(q.request.promql.stepMs));
            }
            if (q.error.isError()) {
                o.insert(QStringLiteral("error"), q.error.message());
                failures << QCoreApplication::translate("Inspect", "Panel “%1” (id %2), %3: %4")
                                .arg(p.title)
                                .arg(p.id)
                                .arg(q.refId, q.error.message());
            }
            queries.append(o);
        }
        panels.append(QJsonObject{{QStringLiteral("id"), p.id},
                                  {QStringLiteral("title"), p.title},
                                  {QStringLiteral("type"), p.type},
                                  {QStringLiteral("queries"), queries}});
    }
    const QJsonObject result{{QStringLiteral("variables"), vars},
                             {QStringLiteral("panels"), panels}};
    out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
    out.flush();
    for (const QString &f : std::as_const(failures))
        err << f << Qt::endl;
    return failures.isEmpty() ? 0 : 1;
}

} // namespace pharos
