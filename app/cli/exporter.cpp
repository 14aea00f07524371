#include "app/cli/exporter.h"

#include "app/cli/commanddashboard.h"
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPixmap>
#include <QSaveFile>
#include <QSet>
#include <QTimer>

namespace pharos {

int exportDashboard(const CommandLineOptions &options, DataSourceRegistry *registry,
                    QTextStream &out, QTextStream &err, int timeoutMs)
{
    const std::optional<CommandDashboard> opened = openCommandDashboard(options, err);
    if (!opened)
        return 2;
    const Dashboard *dashboard = &opened->dashboard;
    const TimeRange range = opened->range;

    DashboardView view(registry);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setExportMode(true);
    view.setLayoutWidth(options.width);
    view.setDashboard(*dashboard, range);
    view.resize(options.width, std::max(100, view.contentHeight()));
    view.show();
    QCoreApplication::processEvents();

    QueryScheduler *scheduler = view.scheduler();
    scheduler->setTimeZone(dashboardTimeZone(dashboard->timezone()));
    scheduler->setTimeRange(range);
    scheduler->setRefreshInterval(QString());

    QSet<int> loading;
    QString rangeError;
    QStringList variableErrors;
    if (!view.variables()->cycleError().isEmpty())
        variableErrors << view.variables()->cycleError();
    QObject::connect(
        view.variables(), &VariableSet::errorOccurred,
        [&variableErrors](const QString &name, const QString &message) {
            const QString line =
                QCoreApplication::translate("Exporter", "Variable “%1”: %2").arg(name, message);
            if (!variableErrors.contains(line))
                variableErrors << line;
        });
    QObject::connect(scheduler, &QueryScheduler::panelLoading,
                     [&loading](int id) { loading.insert(id); });
    QObject::connect(scheduler, &QueryScheduler::panelDataReady,
                     [&loading](int id, const PanelDataPtr &) { loading.remove(id); });
    QObject::connect(scheduler, &QueryScheduler::timeRangeError,
                     [&rangeError](const QString &message) { rangeError = message; });

    QEventLoop loop;
    QObject::connect(scheduler, &QueryScheduler::idle, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    scheduler->refresh();
    if (!scheduler->isIdle()) {
        timeout.start(timeoutMs);
        loop.exec();
    }
    // The variables may have repeated panels: the image is as tall as the final layout.
    view.resize(options.width, std::max(100, view.contentHeight()));
    // Let the panels lay out and paint what they received.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const QImage image = view.canvas()->grab().toImage();

    QStringList failures;
    if (!rangeError.isEmpty())
        failures << QCoreApplication::translate("Exporter", "Time range: %1").arg(rangeError);
    if (scheduler->isWaitingForVariables())
        failures << QCoreApplication::translate("Exporter",
                                                "The variables did not load within %1 s.")
                        .arg(timeoutMs / 1000);
    failures += variableErrors;
    for (PanelWidget *w : view.panelWidgets()) {
        if (!w || w->isHidden())
            continue;
        QString reason;
        if (loading.contains(w->panelId()))
            reason = QCoreApplication::translate("Exporter", "no answer within %1 s")
                         .arg(timeoutMs / 1000);
        else if (w->hasError() && w->data())
            reason = w->data()->errorMessage().replace(QLatin1Char('\n'), QLatin1String("; "));
        if (!reason.isEmpty())
            failures << QCoreApplication::translate("Exporter", "Panel “%1” (id %2): %3")
                            .arg(w->model().title)
                            .arg(w->panelId())
                            .arg(reason);
    }

    // Notices do not fail the export: panels cut to the series limit say so.
    QStringList notices;
    for (PanelWidget *w : view.panelWidgets()) {
        if (!w || w->isHidden() || w->seriesLimitNotice().isEmpty())
            continue;
        notices << QCoreApplication::translate("Exporter", "Note: panel “%1” (id %2): %3")
                       .arg(w->model().title)
                       .arg(w->panelId())
                       .arg(w->seriesLimitNotice());
    }
    for (const QString &n : std::as_const(notices))
        err << n << Qt::endl;

    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        err << QCoreApplication::translate("Exporter", "Cannot write %1: %2")
                   .arg(options.output, file.errorString())
            << Qt::endl;
        for (const QString &f : std::as_const(failures))
            err << f << Qt::endl;
        return 2;
    }
    if (!failures.isEmpty()) {
        for (const QString &f : std::as_const(failures))
            err << f << Qt::endl;
        err << QCoreApplication::translate("Exporter", "Wrote %1, but %n panel(s) failed.", nullptr,
                                           int(failures.size()))
                   .arg(options.output)
            << Qt::endl;
        return 1;
    }
    out << options.output << Qt::endl;
    return 0;
}

} // namespace pharos
