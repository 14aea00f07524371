// MainWindow's link navigation: panel and dashboard links, where they lead, and opening a
// linked dashboard with the link's time range and variables.
#include "app/mainwindow.h"

#include "app/backgroundjob.h"
#include "app/cli/commandline.h"
#include "app/cli/importcommand.h"
#include "app/datasources/datasourcemanager.h"
#include "app/editor/dashboardeditor.h"
#include "app/editor/paneleditor.h"
#include "app/editor/recovery.h"
#include "app/explore/explorewindow.h"
#include "app/import/importdialog.h"
#include "app/import/importreportdialog.h"
#include "app/installeddata.h"
#include "app/settings/dashboardsettings.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardlinksbar.h"
#include "app/view/dashboardview.h"
#include "app/view/refreshpicker.h"
#include "app/view/timerangepicker.h"
#include "app/view/variablesbar.h"
#include "dashboards/grafana/importer.h"
#include "dashboards/layout/repeat.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/variables.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace pharos {

void MainWindow::openPanelLink(int panelId, int linkIndex)
{
    if (!m_dashboard)
        return;
    // The view's panels: repeated clones carry their own value of the repeat variable.
    for (const PanelModel &p : drawablePanels(m_view->expandedPanels())) {
        if (p.id != panelId)
            continue;
        const QList<DashboardLink> links =
            parseDashboardLinks(p.json.value(QLatin1String("links")));
        if (linkIndex >= 0 && linkIndex < links.size()) {
            DashboardLink link = links.at(linkIndex);
            link.type = QStringLiteral("link"); // panel links are always URLs
            followLink(link, p.scopedVars);
        }
        return;
    }
}

void MainWindow::openDashboardLink(int linkIndex, const QString &path)
{
    const QList<DashboardLink> &links = m_linksBar->links();
    if (linkIndex < 0 || linkIndex >= links.size())
        return;
    const DashboardLink &link = links.at(linkIndex);
    if (link.type != QLatin1String("dashboards")) {
        followLink(link);
        return;
    }
    if (path.isEmpty())
        return;
    QString error;
    LinkContext context;
    context.range = m_timePicker->timeRange();
    if (const auto resolved = context.range.resolve(now(), m_view->timeZone(), &error))
        context.resolved = *resolved;
    for (const Variable &v : m_view->variables()->variables()) {
        if (v.type != VariableType::Constant && v.type != VariableType::Adhoc)
            context.variables.append({v.name, v.currentValues});
    }
    openLinkedDashboard(path, localDashboardUrl(path, link, context));
}

void MainWindow::followLink(const DashboardLink &link, const QHash<QString, VariableValue> &scoped)
{
    LinkContext context;
    context.range = m_timePicker->timeRange();
    QString error;
    if (const auto resolved = context.range.resolve(now(), m_view->timeZone(), &error))
        context.resolved = *resolved;
    VariableSet *vars = m_view->variables();
    for (const Variable &v : vars->variables()) {
        if (v.type == VariableType::Constant || v.type == VariableType::Adhoc)
            continue;
        const auto own = scoped.constFind(v.name);
        context.variables.append({v.name, own != scoped.cend() ? own->values : v.currentValues});
    }
    InterpolationContext interpolation = vars->context();
    interpolation.scoped = scoped;
    context.interpolate = [interpolation, resolved = context.resolved](const QString &text) {
        InterpolationContext c = interpolation;
        c.fromMs = resolved.fromMs;
        c.toMs = resolved.toMs;
        return interpolate(text, c, InterpolationMode::Plain);
    };
    const QUrl url = linkUrl(link, context);
    const QString baseDir = m_path.isEmpty() || m_path.startsWith(QLatin1Char(':'))
                                ? QString()
                                : QFileInfo(m_path).absolutePath();
    // The index may still be scanning: decide once it is ready.
    m_localDashboards->whenReady(this, [this, url, baseDir] {
        const LinkTarget target = resolveLinkTarget(url, *m_localDashboards, baseDir);
        switch (target.kind) {
        case LinkTarget::Kind::LocalDashboard:
            openLinkedDashboard(target.path, url);
            break;
        case LinkTarget::Kind::Web:
            QDesktopServices::openUrl(url);
            m_status->setText(tr("Opened %1").arg(url.toDisplayString()));
            break;
        case LinkTarget::Kind::Unsafe:
            // javascript:, file:, data:, mailto:... only when the user says so.
            if (!confirmUnsafeLink(url)) {
                m_status->setText(tr("Did not open %1").arg(url.toDisplayString()));
                break;
            }
            QDesktopServices::openUrl(url);
            m_status->setText(tr("Opened %1").arg(url.toDisplayString()));
            break;
        case LinkTarget::Kind::Unresolved:
            m_status->setText(target.error);
            break;
        }
    });
}

quint64 MainWindow::openLinkedDashboard(const QString &path, const QUrl &url)
{
    const LinkState state = linkStateFromUrl(url);
    const QString previousFrom = m_overrideFrom, previousTo = m_overrideTo;
    m_overrideFrom = state.from;
    m_overrideTo = state.to;
    m_pendingLinkVariables = state.variables;
    const quint64 id = startOpenFile(path);
    if (id == 0) { // the user kept the current dashboard
        m_overrideFrom = previousFrom;
        m_overrideTo = previousTo;
        m_pendingLinkVariables.clear();
        return 0;
    }
    auto *connection = new QMetaObject::Connection;
    *connection = connect(this, &MainWindow::loadFinished, this,
                          [this, id, connection](quint64 finished, bool shown) {
                              if (finished != id)
                                  return;
                              disconnect(*connection);
                              delete connection;
                              if (!shown) { // nothing was applied: forget the link's state
                                  m_overrideFrom.clear();
                                  m_overrideTo.clear();
                                  m_pendingLinkVariables.clear();
                              }
                          });
    return id;
}

bool MainWindow::confirmUnsafeLink(const QUrl &url)
{
    if (m_askUnsafeLink)
        return m_askUnsafeLink(url);
    QMessageBox box(QMessageBox::Warning, tr("Open this link?"),
                    tr("This link is not a web page or a dashboard:\n\n%1\n\nOpening it "
                       "hands it to your system, which may run a program or read local "
                       "files. Open it anyway?")
                        .arg(url.toDisplayString()),
                    QMessageBox::Open | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsafeLinkQuestion"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setTextFormat(Qt::PlainText);
    return box.exec() == QMessageBox::Open;
}

} // namespace pharos
