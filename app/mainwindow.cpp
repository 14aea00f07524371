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
#include "app/recentfiles.h"
#include "app/settings/dashboardsettings.h"
#include "app/settings/savevariablesdialog.h"
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

namespace {
const char *const MaxSeriesKey = "panels/maxSeries";
} // namespace

MainWindow::MainWindow(DataSourceRegistry *registry, QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_view(new DashboardView(registry, this)),
      m_timePicker(new TimeRangePicker(this)), m_refreshPicker(new RefreshPicker(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The variables bar sits above the dashboard (hidden when there is no variable to show).
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_variablesBar = new VariablesBar(central);
    m_variablesBar->setVariables(m_view->variables());
    m_localDashboards = new LocalDashboardIndex(this);
    m_linksBar = new DashboardLinksBar(m_localDashboards, central);
    m_linksBar->hide();
    auto *topRow = new QHBoxLayout;
    topRow->setContentsMargins(0, 0, 0, 0);
    topRow->addWidget(m_variablesBar, 1);
    topRow->addWidget(m_linksBar, 0, Qt::AlignRight | Qt::AlignVCenter);
    centralLayout->addLayout(topRow);
    centralLayout->addWidget(m_view, 1);
    setCentralWidget(central);
    resize(1400, 900);

    auto *bar = addToolBar(tr("Time and refresh"));
    bar->setObjectName(QStringLiteral("timeToolBar"));
    bar->setMovable(false);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    createTimeNavigation(bar);
    bar->addWidget(m_refreshPicker);
    m_timePicker->setHistoryFile(settingsPath());

    // Dashboard links, right of the variables bar (hidden without links).
    connect(m_linksBar, &DashboardLinksBar::linkClicked, this,
            [this](int i) { openDashboardLink(i); });
    connect(m_linksBar, &DashboardLinksBar::dashboardClicked, this, &MainWindow::openDashboardLink);
    connect(m_linksBar, &DashboardLinksBar::rebuilt, this,
            [this] { m_linksBar->setVisible(!m_linksBar->buttons().isEmpty()); });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_status, 1);

    // The document (undo stack, dirty state), its edit mode and its recovery file.
    m_document = new DashboardDocument(this);
    connect(m_document, &DashboardDocument::changed, this,
            [this](DashboardDocument::Change change) { onDocumentChanged(int(change)); });
    connect(m_document, &DashboardDocument::modifiedChanged, this, [this](bool modified) {
        m_modified = modified;
        updateTitle();
    });
    m_editor = new DashboardEditor(m_document, m_view, this);
    connect(m_editor, &DashboardEditor::editingChanged, this, [this] { applyModeShortcuts(); });
    connect(m_editor, &DashboardEditor::message, m_status, &QLabel::setText);
    connect(m_editor, &DashboardEditor::editPanelRequested, this, &MainWindow::editPanel);
    // Each panel's menu: view it alone, edit it.
    m_view->setPanelMenu([this](PanelWidget *panel) {
        const int id = panel->panelId();
        auto *view = new QAction(tr("View"), panel);
        view->setObjectName(QStringLiteral("panelMenuView"));
        view->setShortcut(QKeySequence(Qt::Key_V));
        view->setShortcutContext(Qt::WidgetShortcut); // shown, not bound: the window's v acts
        connect(view, &QAction::triggered, this, [this, id] { m_editor->viewPanel(id); });
        auto *edit = new QAction(tr("Edit"), panel);
        edit->setObjectName(QStringLiteral("panelMenuEdit"));
        edit->setShortcut(QKeySequence(Qt::Key_E));
        edit->setShortcutContext(Qt::WidgetShortcut);
        connect(edit, &QAction::triggered, this, [this, id] { editPanel(id); });
        return QList<QAction *>{view, edit};
    });
    m_recovery = new RecoveryWriter(m_document, this);
    auto *editBar = addToolBar(tr("Edit"));
    editBar->setObjectName(QStringLiteral("editToolBar"));
    editBar->setMovable(false);
    editBar->addAction(m_editor->editModeAction());
    editBar->addAction(m_editor->addPanelAction());
    editBar->addAction(m_editor->addRowAction());
    insertToolBar(bar, editBar);

    createMenus();
    bar->insertAction(bar->actions().value(0), m_settingsAction);

    QueryScheduler *scheduler = m_view->scheduler();
    connect(m_timePicker, &TimeRangePicker::timeRangeChanged, this,
            [scheduler](const TimeRange &range) {
                scheduler->setTimeRange(range);
                scheduler->refresh();
            });
    connect(m_view, &DashboardView::timeRangeSelected, this, &MainWindow::zoomToRange);
    connect(m_view, &DashboardView::zoomOutRequested, this, &MainWindow::zoomOut);
    connect(m_view, &DashboardView::panelLinkActivated, this, &MainWindow::openPanelLink);
    connect(m_view, &DashboardView::panelUrlActivated, this, [this](const QUrl &url) {
        // A text panel's mailto:, javascript:, file:... link: only when the user says so.
        if (!confirmUnsafeLink(url)) {
            m_status->setText(tr("Did not open %1").arg(url.toDisplayString()));
            return;
        }
        QDesktopServices::openUrl(url);
        m_status->setText(tr("Opened %1").arg(url.toDisplayString()));
    });
    connect(m_refreshPicker, &RefreshPicker::intervalChanged, scheduler,
            &QueryScheduler::setRefreshInterval);
    connect(m_refreshPicker, &RefreshPicker::refreshRequested, scheduler, &QueryScheduler::refresh);
    connect(scheduler, &QueryScheduler::timeRangeError, this, [this](const QString &message) {
        m_status->setText(tr("Invalid time range: %1").arg(message));
    });
    connect(scheduler, &QueryScheduler::panelLoading, this, [this] { m_status->clear(); });
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createTimeNavigation(QToolBar *bar)
{
    m_shiftBackAction = new QAction(tr("Move time range back"), this);
    m_shiftBackAction->setObjectName(QStringLiteral("shiftTimeBack"));
    m_shiftBackAction->setText(QStringLiteral("‹"));
    m_shiftBackAction->setToolTip(tr("Move time range back (t ←)"));
    connect(m_shiftBackAction, &QAction::triggered, this, [this] { shiftTime(-1); });
    m_shiftForwardAction = new QAction(tr("Move time range forward"), this);
    m_shiftForwardAction->setObjectName(QStringLiteral("shiftTimeForward"));
    m_shiftForwardAction->setText(QStringLiteral("›"));
    m_shiftForwardAction->setToolTip(tr("Move time range forward (t →)"));
    connect(m_shiftForwardAction, &QAction::triggered, this, [this] { shiftTime(1); });
    m_zoomOutAction = new QAction(tr("Zoom out"), this);
    m_zoomOutAction->setObjectName(QStringLiteral("zoomOutTime"));
    m_zoomOutAction->setToolTip(tr("Zoom out time range (Ctrl+Z, t z)"));
    connect(m_zoomOutAction, &QAction::triggered, this, &MainWindow::zoomOut);
    for (QAction *a : {m_shiftBackAction, m_zoomOutAction, m_shiftForwardAction})
        addAction(a); // window-wide shortcuts
    bar->addAction(m_shiftBackAction);
    bar->addWidget(m_timePicker);
    bar->addAction(m_shiftForwardAction);
    bar->addAction(m_zoomOutAction);
    applyModeShortcuts();
}

void MainWindow::applyModeShortcuts()
{
    // Grafana's keys: t ← / t → shift, t z and Ctrl+Z zoom out. Ctrl+Z belongs to zoom out
    // in view mode only; an edit mode gives it to undo and keeps t z here.
    m_shiftBackAction->setShortcut(QKeySequence(Qt::Key_T, Qt::Key_Left));
    m_shiftForwardAction->setShortcut(QKeySequence(Qt::Key_T, Qt::Key_Right));
    if (m_editor && m_editor->ownsUndoShortcuts())
        m_zoomOutAction->setShortcuts({QKeySequence(Qt::Key_T, Qt::Key_Z)});
    else
        m_zoomOutAction->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Z), QKeySequence(Qt::Key_T, Qt::Key_Z)});
}

void MainWindow::onDocumentChanged(int change)
{
    if (!m_document->hasDashboard()) {
        m_dashboard.reset();
        updateTitle();
        return;
    }
    const std::optional<Dashboard> previous = m_dashboard;
    m_dashboard = m_document->dashboard();
    if (DashboardDocument::Change(change) == DashboardDocument::Change::Reset) {
        if (m_settingsDialog) // another dashboard: unapplied settings edits are dropped
            m_settingsDialog->setDashboard(*m_dashboard);
        updateTitle();
        return; // the loader shows it (applyDashboard)
    }
    // An edit of the dashboard itself (settings, JSON model) shows it again as a load does,
    // but what the user looks at (time range, refresh) stays unless the edit (or its undo)
    // changed the dashboard's own.
    QJsonObject before = previous ? previous->toJson() : QJsonObject();
    QJsonObject after = m_dashboard->toJson();
    before.remove(QLatin1String("panels"));
    after.remove(QLatin1String("panels"));
    if (previous && before != after) {
        if (previous->timeFrom() == m_dashboard->timeFrom() &&
            previous->timeTo() == m_dashboard->timeTo()) {
            m_overrideFrom = m_timePicker->timeRange().from;
            m_overrideTo = m_timePicker->timeRange().to;
        }
        if (previous->refresh() == m_dashboard->refresh())
            m_overrideRefresh = m_refreshPicker->interval().isEmpty() ? QStringLiteral("off")
                                                                      : m_refreshPicker->interval();
        const int viewed = m_view->viewPanel();
        applyDashboard();
        m_view->setViewPanel(viewed);
        updateTitle();
        return;
    }
    // A panel edit: move the panels when only the layout changed, otherwise show the changed
    // panels and query again.
    if (m_settingsDialog) // its Apply must not undo the panel edit
        m_settingsDialog->dashboardChanged(*m_dashboard);
    const bool layoutOnly = DashboardDocument::Change(change) == DashboardDocument::Change::Layout;
    if (!(layoutOnly && m_view->updateLayout(*m_dashboard)))
        m_view->updatePanels(*m_dashboard);
    updateTitle();
}

bool MainWindow::newDashboard()
{
    if (!maybeSave())
        return false;
    auto dashboard = Dashboard::fromObject(dashboardedit::newDashboard(tr("New dashboard")));
    if (!dashboard)
        return false;
    ++m_lastLoadId; // a load still running must not replace it
    m_dashboard = std::move(dashboard);
    m_path.clear();
    m_document->reset(*m_dashboard, QString(), false);
    applyDashboard();
    m_editor->setEditing(true);
    return true;
}

bool MainWindow::showRecoveredDashboard(const Dashboard &dashboard, const QString &path)
{
    if (!maybeSave())
        return false;
    ++m_lastLoadId;
    m_dashboard = dashboard;
    m_path = path;
    m_document->reset(*m_dashboard, path, true);
    applyDashboard();
    m_status->setText(tr("Restored unsaved edits: save them with Ctrl+S."));
    return true;
}

QDateTime MainWindow::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void MainWindow::applyTimeRange(const TimeRange &range)
{
    m_timePicker->setTimeRange(range);
    QueryScheduler *scheduler = m_view->scheduler();
    scheduler->setTimeRange(range);
    if (m_dashboard)
        scheduler->refresh();
}

void MainWindow::zoomToRange(qint64 fromMs, qint64 toMs)
{
    const TimeRange range = zoomedTimeRange(fromMs, toMs);
    m_timePicker->addToHistory(range);
    applyTimeRange(range);
}

void MainWindow::zoomOut()
{
    QString error;
    const auto resolved = m_timePicker->timeRange().resolve(now(), m_view->timeZone(), &error);
    if (!resolved) {
        m_status->setText(tr("Invalid time range: %1").arg(error));
        return;
    }
    applyTimeRange(zoomOutTimeRange(*resolved, now().toMSecsSinceEpoch()));
}

void MainWindow::shiftTime(int direction)
{
    QString error;
    const auto resolved = m_timePicker->timeRange().resolve(now(), m_view->timeZone(), &error);
    if (!resolved) {
        m_status->setText(tr("Invalid time range: %1").arg(error));
        return;
    }
    applyTimeRange(shiftTimeRange(*resolved, now().toMSecsSinceEpoch(), direction));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New dashboard"), this, [this] { newDashboard(); });
    newAction->setObjectName(QStringLiteral("newDashboardAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Import Grafana dashboard…"), this, &MainWindow::importDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, [this] { save(); });
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAsDialog);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_editor->undoAction());
    edit->addAction(m_editor->redoAction());
    edit->addSeparator();
    edit->addAction(m_editor->editModeAction());
    edit->addAction(m_editor->addPanelAction());
    edit->addAction(m_editor->addRowAction());
    edit->addSeparator();
    edit->addAction(m_editor->editPanelAction());
    edit->addAction(m_editor->viewPanelAction());
    edit->addAction(m_editor->exitViewAction());
    edit->addAction(m_editor->duplicateAction());
    edit->addAction(m_editor->copyAction());
    edit->addAction(m_editor->pasteAction());
    edit->addAction(m_editor->deleteAction());

    QMenu *dash = menuBar()->addMenu(tr("&Dashboard"));
    dash->addAction(tr("Save current time range and refresh as default"), this,
                    &MainWindow::saveTimeAndRefreshAsDefault);
    QAction *refreshAction =
        dash->addAction(tr("Refresh now"), m_view->scheduler(), &QueryScheduler::refresh);
    Q_UNUSED(refreshAction);
    dash->addSeparator();
    m_settingsAction =
        dash->addAction(tr("Dashboard settings…"), this, &MainWindow::showDashboardSettings);
    m_settingsAction->setObjectName(QStringLiteral("dashboardSettingsAction"));
    m_settingsAction->setToolTip(
        tr("Title, tags, time zone, time range, variables, links and the JSON model"));
    m_settingsAction->setEnabled(false);

    QMenu *ds = menuBar()->addMenu(tr("Data &sources"));
    ds->addAction(tr("Data sources…"), this, &MainWindow::showDataSourceDialog);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_exploreAction = tools->addAction(tr("&Explore…"), this, &MainWindow::showExplore);
    m_exploreAction->setObjectName(QStringLiteral("exploreAction"));
    m_exploreAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exploreAction->setToolTip(tr("Run ad hoc PromQL queries against any data source"));
    QAction *seriesLimit =
        tools->addAction(tr("Series limit per panel…"), this, &MainWindow::editSeriesLimit);
    seriesLimit->setObjectName(QStringLiteral("seriesLimitAction"));
}

void MainWindow::showExplore()
{
    if (!m_explore) {
        m_explore = new ExploreWindow(m_registry, this);
        m_explore->setWindowFlag(Qt::Window);
        connect(m_explore, &ExploreWindow::addToDashboardRequested, this,
                &MainWindow::addPanelFromExplore);
    }
    // The dashboard's time range and zone as they are now.
    m_explore->setTimeZone(m_view->timeZone());
    m_explore->setTimeRange(m_timePicker->timeRange());
    m_explore->show();
    m_explore->raise();
    m_explore->activateWindow();
}

void MainWindow::addPanelFromExplore(const QJsonObject &panel)
{
    QJsonObject doc = m_dashboard ? m_dashboard->toJson()
                                  : QJsonObject{{QStringLiteral("title"), tr("New dashboard")},
                                                {QStringLiteral("schemaVersion"), 39},
                                                {QStringLiteral("panels"), QJsonArray{}}};
    QString error;
    auto edited = Dashboard::fromObject(ExploreWindow::appendPanel(doc, panel), &error);
    if (!edited) {
        showError(tr("Cannot add the panel"), error);
        return;
    }
    replaceDashboard(*edited);
    statusBar()->showMessage(tr("Panel added to the dashboard."), 5000);
}

int MainWindow::seriesLimitSetting()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    bool ok = false;
    const int n = settings.value(QLatin1String(MaxSeriesKey)).toInt(&ok);
    return ok && n >= 1 ? std::min(n, MaxSeriesLimit) : PanelWidget::DefaultMaxSeries;
}

void MainWindow::saveSeriesLimitSetting(int limit)
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QLatin1String(MaxSeriesKey), std::clamp(limit, 1, MaxSeriesLimit));
}

void MainWindow::applySeriesLimit(int limit)
{
    PanelWidget::setDefaultMaxSeries(limit);
    for (PanelWidget *w : m_view->panelWidgets()) {
        if (w)
            w->setMaxSeries(limit);
    }
}

void MainWindow::editSeriesLimit()
{
    bool ok = false;
    const int n = QInputDialog::getInt(
        this, tr("Series limit per panel"),
        tr("The most series one panel draws (a panel with more shows the first ones and says "
           "so):"),
        PanelWidget::defaultMaxSeries(), 1, MaxSeriesLimit, 100, &ok);
    if (!ok)
        return;
    saveSeriesLimitSetting(n);
    applySeriesLimit(n);
}

QString MainWindow::settingsPath()
{
    return DataSourceStore::configDir() + QLatin1String("/pharos.ini");
}

QStringList MainWindow::recentFiles() const
{
    return pharos::recentFiles(settingsPath());
}

void MainWindow::addRecent(const QString &path)
{
    addRecentFile(settingsPath(), path);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList list = recentFiles();
    if (list.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    for (const QString &path : list)
        m_recentMenu->addAction(path, this, [this, path] { startOpenFile(path); });
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear list"), this, [] { clearRecentFiles(settingsPath()); });
}

void MainWindow::setStartupOverrides(const QString &from, const QString &to, const QString &refresh)
{
    m_overrideFrom = from;
    m_overrideTo = to;
    m_overrideRefresh = refresh;
}

void MainWindow::applyDashboard()
{
    const Dashboard &d = *m_dashboard;
    QueryScheduler *scheduler = m_view->scheduler();
    TimeRange range;
    range.from = m_overrideFrom.isEmpty() ? d.timeFrom() : m_overrideFrom;
    range.to = m_overrideTo.isEmpty() ? d.timeTo() : m_overrideTo;
    const QString refresh = m_overrideRefresh.isEmpty() ? d.refresh() : m_overrideRefresh;
    m_overrideFrom.clear();
    m_overrideTo.clear();
    m_overrideRefresh.clear();

    m_view->setDashboard(d, range); // also the zone of the scheduler and the panels
    // Values a link handed over (includeVars, var-<name>): selected on the new dashboard.
    const auto linked = std::exchange(m_pendingLinkVariables, {});
    for (const auto &[name, values] : linked) {
        const Variable *v = m_view->variables()->find(name);
        if (v && v->type != VariableType::Constant && v->type != VariableType::Adhoc)
            m_view->variables()->setCurrent(name, values);
    }
    // Its links, and the local dashboards they may lead to: next to this file, the recent
    // files and the bundled ones (scanned on a worker thread).
    m_linksBar->setLinks(parseDashboardLinks(d.toJson().value(QLatin1String("links"))), m_path);
    QStringList dirs{bundledDashboardsDir()};
    if (!m_path.isEmpty() && !m_path.startsWith(QLatin1Char(':')))
        dirs.prepend(QFileInfo(m_path).absolutePath());
    m_localDashboards->scan(dirs, recentFiles());
    m_timePicker->setTimeZone(m_view->timeZone());
    scheduler->setTimeRange(range);
    m_timePicker->setTimeRange(range);
    QStringList refreshChoices; // the dashboard's own choices, else the standard ones
    for (const QJsonValue &v : d.toJson()
                                   .value(QLatin1String("timepicker"))
                                   .toObject()
                                   .value(QLatin1String("refresh_intervals"))
                                   .toArray())
        refreshChoices << v.toString();
    m_refreshPicker->setChoices(refreshChoices, refresh);
    scheduler->setRefreshInterval(m_refreshPicker->interval());
    if (m_registry && m_registry->dataSources().isEmpty())
        m_status->setText(tr("No data source configured: use Data sources… to add one."));
    m_settingsAction->setEnabled(true);
    if (m_settingsDialog)
        m_settingsDialog->dashboardChanged(d);
    scheduler->refresh();
}

void MainWindow::replaceDashboard(const Dashboard &dashboard)
{
    if (!m_dashboard) {
        // Nothing open (Explore's "Add to dashboard"): a new, unsaved dashboard.
        ++m_lastLoadId;
        m_dashboard = dashboard;
        m_path.clear();
        m_document->reset(dashboard, QString(), true);
        applyDashboard();
        return;
    }
    // One undo step; the document shows it (onDocumentChanged).
    QString error;
    if (!m_document->replaceDashboardJson(dashboard.toJson(), tr("Edit dashboard"), &error))
        showError(tr("Cannot change the dashboard"), error);
}

bool MainWindow::editPanel(int panelId)
{
    if (!m_dashboard)
        return false;
    // A repeated panel's copy is not in the file: edit the panel it repeats.
    if (dashboardedit::findPanel(m_document->json(), panelId).isEmpty()) {
        for (const PanelModel &p : m_view->expandedPanels())
            if (p.id == panelId && p.repeatSourceId != 0)
                panelId = p.repeatSourceId;
    }
    if (!m_panelEditor) {
        m_panelEditor = new PanelEditor(m_document, m_registry, this);
        connect(m_panelEditor, &PanelEditor::saveRequested, this, [this] { save(); });
        connect(m_panelEditor, &PanelEditor::applied, this, [this] {
            m_status->setText(tr("Panel changed: save the dashboard with Ctrl+S."));
        });
        // The editor's unapplied changes go to the recovery file too (a crash while editing
        // a panel keeps them).
        m_recovery->setPendingEdits([this]() -> std::optional<QJsonObject> {
            if (!m_panelEditor || !m_panelEditor->isVisible() || !m_panelEditor->hasChanges() ||
                !m_document->hasDashboard())
                return std::nullopt;
            return dashboardedit::replacePanel(m_document->json(), m_panelEditor->panelId(),
                                               m_panelEditor->panelJson());
        });
        connect(m_panelEditor->undoStack(), &QUndoStack::indexChanged, m_recovery,
                &RecoveryWriter::pendingEditsChanged);
        connect(m_panelEditor, &QDialog::finished, m_recovery, [this] {
            m_recovery->pendingEditsChanged();
            m_recovery->sync();
        });
    }
    if (!m_panelEditor->openPanel(panelId, m_timePicker->timeRange(),
                                  m_view->variables()->toJson(true), m_view->timeZone())) {
        m_status->setText(tr("This panel cannot be edited."));
        return false;
    }
    m_panelEditor->show();
    m_panelEditor->raise();
    m_panelEditor->activateWindow();
    return true;
}

void MainWindow::showDashboardSettings()
{
    if (!m_dashboard)
        return;
    if (!m_settingsDialog) {
        m_settingsDialog = new DashboardSettingsDialog(m_registry, this);
        // One Apply is one change of the document.
        connect(m_settingsDialog, &DashboardSettingsDialog::applyRequested, this,
                &MainWindow::replaceDashboard);
        m_settingsDialog->setDashboard(*m_dashboard);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

bool MainWindow::save()
{
    if (!m_dashboard)
        return false;
    if (m_path.isEmpty()) {
        saveAsDialog();
        return !m_modified;
    }
    return saveAs(m_path);
}

bool MainWindow::saveAs(const QString &path)
{
    if (!m_dashboard)
        return false;
    // "Save current variable values": only when asked, else the file's templating stays.
    std::optional<QJsonArray> withValues;
    const QStringList changed = changedVariableValues(
        *m_view->variables(), m_dashboard->templatingList(), m_view->openedVariables());
    if (!changed.isEmpty()) {
        const std::optional<bool> update =
            m_askSaveVariables ? m_askSaveVariables(changed) : askSaveVariableValues(this, changed);
        if (!update)
            return false;
        if (*update)
            withValues = m_view->variables()->toJson(true);
    }
    Dashboard toSave = *m_dashboard;
    if (withValues)
        toSave.setTemplatingList(*withValues);
    QString error;
    if (!saveDashboardFile(path, toSave, &error)) {
        showError(tr("Cannot save dashboard"), error);
        return false;
    }
    // The saved values become the document's (one undo step), then it is clean.
    if (withValues)
        m_document->replaceDashboardJson(toSave.toJson(), tr("Save current variable values"));
    m_path = path;
    addRecent(path);
    setModified(false);
    return true;
}

void MainWindow::saveAsDialog()
{
    if (!m_dashboard)
        return;
    const QString path = m_askSavePath
                             ? m_askSavePath()
                             : QFileDialog::getSaveFileName(this, tr("Save dashboard as"), m_path,
                                                            tr("Grafana dashboards (*.json)"));
    if (!path.isEmpty())
        saveAs(path);
}

void MainWindow::saveTimeAndRefreshAsDefault()
{
    if (!m_dashboard)
        return;
    const TimeRange range = m_timePicker->timeRange();
    Dashboard edited = *m_dashboard;
    edited.setTime(range.from, range.to);
    edited.setRefresh(m_refreshPicker->interval());
    m_document->replaceDashboardJson(edited.toJson(), tr("Save time range and refresh as default"));
}

void MainWindow::setModified(bool modified)
{
    if (modified)
        m_document->markModified();
    else
        m_document->markSaved(m_path);
    m_modified = m_document->isModified();
    updateTitle();
}

void MainWindow::updateTitle()
{
    QString title = m_dashboard ? m_dashboard->title() : QString();
    if (m_dashboard && title.isEmpty())
        title = QFileInfo(m_path).fileName();
    // "[*]" is where Qt shows the modified mark.
    setWindowTitle(title.isEmpty() ? tr("Pharos") : tr("%1[*] — Pharos").arg(title));
    setWindowModified(m_modified);
}

bool MainWindow::maybeSave()
{
    if (!m_modified || !m_dashboard)
        return true;
    QMessageBox::StandardButton answer;
    if (m_askUnsaved) {
        answer = m_askUnsaved();
    } else {
        answer = QMessageBox::warning(
            this, tr("Unsaved changes"),
            tr("The dashboard “%1” has unsaved changes. Save them?").arg(m_dashboard->title()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::showError(const QString &title, const QString &text)
{
    m_lastError = text;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, does not block the event loop
    Q_EMIT errorShown(text);
}

void MainWindow::showDataSourceDialog()
{
    if (!m_dsManager) {
        m_dsManager = new DataSourceManager(m_registry, m_credentials, this);
        connect(m_dsManager, &DataSourceManager::dataSourcesChanged, this, [this] {
            if (m_dashboard) {
                m_status->clear();
                m_view->scheduler()->refresh();
            }
        });
    }
    m_dsManager->reload();
    m_dsManager->show();
    m_dsManager->raise();
    m_dsManager->activateWindow();
}

void MainWindow::offerDataSourceSetup()
{
    if (m_registry && !m_registry->dataSources().isEmpty())
        return;
    m_status->setText(tr("No data source configured: use Data sources… to add one."));
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("No data source configured"),
                        tr("Pharos has no Prometheus data source yet, so panels cannot show data.\n"
                           "Add one now? (You can also start Pharos with --datasource URL.)"),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes) {
            showDataSourceDialog();
            m_dsManager->addDataSource();
        }
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateActive()
{
    m_view->scheduler()->setActive(isVisible() && !isMinimized());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        updateActive();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateActive();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_view->scheduler()->setActive(false);
}

} // namespace pharos
