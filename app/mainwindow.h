#pragma once

#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/grafana/importer.h"
#include "dashboards/grafana/importinputs.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/time/timerange.h"

#include <QDateTime>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QToolBar;

namespace pharos {

class CredentialStore;
class DashboardSettingsDialog;
class DashboardDocument;
class DashboardEditor;
class PanelEditor;
class DashboardView;
class RecoveryWriter;
class DashboardLinksBar;
class LocalDashboardIndex;
struct DashboardLink;
class DataSourceManager;
class DataSourceRegistry;
class ExploreWindow;
class ImportReportDialog;
class RefreshPicker;
class TimeRangePicker;
class VariablesBar;

/// The main window: a dashboard view under a tool bar with the time-range and refresh
/// pickers; File (Open, Open Recent, Save, Save As, Quit), Dashboard and Data sources menus.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// --from/--to/--refresh: they replace the dashboard's own values for the next open.
    void setStartupOverrides(const QString &from, const QString &to, const QString &refresh);

    /// Starts opening a dashboard file (asking first about unsaved changes) and returns at
    /// once: the file is read, parsed and migrated on a worker thread while the status bar
    /// says so, then shown. On a load error shows a message naming the file and the problem;
    /// the current dashboard stays. Opening another file meanwhile wins over this one.
    /// Returns the id of the load (see loadFinished()), or 0 when the user cancelled.
    quint64 startOpenFile(const QString &path);
    /// File › Import, started the same way: reads the Grafana export on a worker thread, asks
    /// for its `__inputs` (if any), migrates it on a worker thread and shows it as a new
    /// unsaved dashboard (the file is not touched) with the import report.
    quint64 startImportFile(const QString &path);
    /// True while a file is being opened or imported.
    bool isLoading() const { return m_loadingId != 0; }

    /// startOpenFile()/startImportFile() that wait, running the event loop, until the load
    /// ends (for tests and scripts). True when the dashboard is shown; false on a load error,
    /// a cancelled inputs dialog or unsaved-changes question, or when another open won.
    bool openFile(const QString &path);
    bool importFile(const QString &path);
    /// The report of the last import, and its dialog (tests).
    const ImportReport &lastImportReport() const { return m_importReport; }
    ImportReportDialog *importReportDialog() const;
    /// Replaces the inputs dialog (tests): returns the values, or nullopt to cancel.
    void setImportInputsHandler(
        std::function<std::optional<QHash<QString, QString>>(const QList<ImportInput> &)> handler)
    {
        m_askInputs = std::move(handler);
    }
    /// Saving asks first when the variables' selections differ from the file's defaults
    /// (see setSaveVariablesHandler()); cancelling that question cancels the save.
    bool save();
    bool saveAs(const QString &path);
    /// Replaces the "Update default variable values" question (tests): gets the changed
    /// variables, returns nullopt to cancel, true to save the current values as defaults.
    void setSaveVariablesHandler(std::function<std::optional<bool>(const QStringList &)> handler)
    {
        m_askSaveVariables = std::move(handler);
    }
    /// File › New: an empty dashboard (asking first about unsaved changes), in edit mode.
    bool newDashboard();
    /// Shows a dashboard restored from a recovery file as unsaved edits of `path` (empty: a
    /// new dashboard). Asks first about unsaved changes; false when cancelled.
    bool showRecoveredDashboard(const Dashboard &dashboard, const QString &path);
    /// The open dashboard as an editable document (undo stack, dirty state), and the edit mode.
    DashboardDocument *document() const { return m_document; }
    DashboardEditor *editor() const { return m_editor; }
    RecoveryWriter *recoveryWriter() const { return m_recovery; }
    /// Copies the current time range and refresh into the document (marks it modified).
    void saveTimeAndRefreshAsDefault();
    /// Replaces the dashboard with an edited version of itself (Dashboard settings' Apply):
    /// one undo step on document(), shown at once and marked modified; the current time
    /// range and refresh stay unless the edit changed the dashboard's own.
    void replaceDashboard(const Dashboard &dashboard);
    /// Opens the Dashboard settings window for the current dashboard (created on first use).
    void showDashboardSettings();
    /// The Dashboard settings window once shown (tests), and its action.
    DashboardSettingsDialog *dashboardSettings() const { return m_settingsDialog; }
    QAction *dashboardSettingsAction() const { return m_settingsAction; }
    /// Opens the panel editor on panel `panelId` (key e, Edit › Edit panel…); a repeated
    /// panel's copy edits the panel it repeats. False when there is no such panel.
    bool editPanel(int panelId);
    /// The panel editor while it is open or once shown (tests).
    PanelEditor *panelEditor() const { return m_panelEditor; }
    /// The Explore window once shown (tests), and its action.
    ExploreWindow *exploreWindow() const { return m_explore; }
    QAction *exploreAction() const { return m_exploreAction; }

    /// Time navigation. Each applies the new range to the picker and the panels and
    /// refreshes. zoomToRange() is a graph selection (also kept in the picker's history).
    void zoomToRange(qint64 fromMs, qint64 toMs);
    /// Twice the span around the centre (Ctrl+Z in view mode, t z, a double-click on a graph).
    void zoomOut();
    /// Opens link linkIndex of panel panelId: web links in the browser with the time range,
    /// links to a local dashboard (/d/<uid>, a .json file) in Pharos (see followLink()).
    void openPanelLink(int panelId, int linkIndex);
    /// Dashboard links (the links bar): entry linkIndex of the dashboard's `links`. For type
    /// "dashboards", `path` is the chosen local dashboard.
    void openDashboardLink(int linkIndex, const QString &path = {});
    /// Follows a link: its URL with the time range ($__url_time_range, keepTime) and the
    /// variables ($__all_variables, includeVars, $var) filled in. A local dashboard opens in
    /// this window with the link's from/to and var-<name> values; web links open in the
    /// browser; anything else is explained in the status bar.
    /// `scoped` are a repeated panel's own values (they win over the dashboard's).
    void followLink(const DashboardLink &link, const QHash<QString, VariableValue> &scoped = {});
    /// Opens a local dashboard as a link does: `url`'s from/to and var-<name> parameters
    /// become the opened dashboard's range and variable values.
    quint64 openLinkedDashboard(const QString &path, const QUrl &url);
    /// The dashboard links bar and the index of local dashboards it lists (tests).
    DashboardLinksBar *linksBar() const { return m_linksBar; }
    LocalDashboardIndex *localDashboards() const { return m_localDashboards; }
    /// Half the span back (direction < 0: t ←) or forward (> 0: t →).
    void shiftTime(int direction);
    /// Sets the dashboard's range (picker, scheduler) and refreshes.
    void applyTimeRange(const TimeRange &range);
    /// The time-navigation actions (tool bar buttons and shortcuts).
    QAction *zoomOutAction() const { return m_zoomOutAction; }
    QAction *shiftBackAction() const { return m_shiftBackAction; }
    QAction *shiftForwardAction() const { return m_shiftForwardAction; }
    /// The clock that resolves "now" for navigation (tests); default the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    bool hasDashboard() const { return m_dashboard.has_value(); }
    const Dashboard *dashboard() const { return m_dashboard ? &*m_dashboard : nullptr; }
    QString filePath() const { return m_path; }
    bool isModified() const { return m_modified; }

    DashboardView *view() const { return m_view; }
    /// The template variables above the dashboard.
    VariablesBar *variablesBar() const { return m_variablesBar; }
    TimeRangePicker *timeRangePicker() const { return m_timePicker; }
    RefreshPicker *refreshPicker() const { return m_refreshPicker; }
    DataSourceRegistry *registry() const { return m_registry; }
    /// Where the data-source dialogs keep secrets (the keychain); not owned.
    void setCredentialStore(CredentialStore *credentials) { m_credentials = credentials; }
    CredentialStore *credentialStore() const { return m_credentials; }
    /// The "Data sources" window once shown (tests).
    DataSourceManager *dataSourceManager() const { return m_dsManager; }

    /// The last error shown in a message box (tests), and the recent-files list.
    QString lastError() const { return m_lastError; }
    QStringList recentFiles() const;
    /// The settings file of the window (recent files), under DataSourceStore::configDir().
    static QString settingsPath();

    /// The per-panel series limit of the settings file (`[panels] maxSeries`, default 2,000).
    static int seriesLimitSetting();
    static void saveSeriesLimitSetting(int limit);
    /// Applies a series limit to every panel shown now and created later (this session).
    void applySeriesLimit(int limit);
    /// Tools › Series limit per panel…: asks for the limit, saves and applies it.
    void editSeriesLimit();

    /// Replaces the question before a link that is neither http(s) nor a local dashboard
    /// (javascript:, file:, data:, mailto:, ...) is handed to the desktop (tests): true opens.
    void setUnsafeLinkHandler(std::function<bool(const QUrl &)> handler)
    {
        m_askUnsafeLink = std::move(handler);
    }
    /// Asks whether to open `url`, naming it (or the handler above); true to open it.
    bool confirmUnsafeLink(const QUrl &url);

    /// Replaces the Save/Discard/Cancel question (tests).
    void setUnsavedChangesHandler(std::function<QMessageBox::StandardButton()> handler)
    {
        m_askUnsaved = std::move(handler);
    }
    /// Replaces the Save As file dialog (tests): returns the path, or "" to cancel.
    void setSaveAsPathHandler(std::function<QString()> handler)
    {
        m_askSavePath = std::move(handler);
    }
    /// Asks about unsaved changes; true when it is fine to go on.
    bool maybeSave();

public Q_SLOTS:
    void showDataSourceDialog();
    /// Tools › Explore (Ctrl+Shift+E): ad hoc queries over the dashboard's time range.
    void showExplore();
    /// Appends a Grafana panel object to the dashboard (a new one when none is open).
    void addPanelFromExplore(const QJsonObject &panel);
    /// With no data source configured: explains it and offers the data-source dialog.
    void offerDataSourceSetup();

Q_SIGNALS:
    void errorShown(const QString &message);
    /// Every started load ends with this once: `shown` is true when its dashboard is shown,
    /// false on an error, a cancel, or when a newer load superseded it.
    void loadFinished(quint64 id, bool shown);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createMenus();
    void open();
    void importDialog();
    void saveAsDialog();
    void applyDashboard();
    void setModified(bool modified);
    void updateTitle();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void showError(const QString &title, const QString &text);
    void updateActive();
    quint64 beginLoad(const QString &path);
    void endLoad(quint64 id, bool shown);
    void continueImport(quint64 id, std::optional<ImportSource> source, const QString &error);
    void finishImport(quint64 id, std::optional<ImportResult> result, const QString &error);
    bool waitForLoad(quint64 id);
    void createTimeNavigation(QToolBar *bar);
    /// Assigns the shortcuts that depend on the mode: in view mode Ctrl+Z zooms out (in an
    /// edit mode it would be undo).
    void applyModeShortcuts();
    QDateTime now() const;

    DataSourceRegistry *m_registry;
    DashboardView *m_view;
    VariablesBar *m_variablesBar = nullptr;
    TimeRangePicker *m_timePicker;
    RefreshPicker *m_refreshPicker;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_status = nullptr;
    std::optional<Dashboard> m_dashboard;
    QString m_path;
    bool m_modified = false;
    QString m_lastError;
    QString m_overrideFrom, m_overrideTo, m_overrideRefresh;
    std::function<QMessageBox::StandardButton()> m_askUnsaved;
    std::function<bool(const QUrl &)> m_askUnsafeLink;
    std::function<std::optional<bool>(const QStringList &)> m_askSaveVariables;
    DataSourceManager *m_dsManager = nullptr;
    CredentialStore *m_credentials = nullptr;
    ImportReport m_importReport;
    QPointer<ImportReportDialog> m_reportDialog; // cleared when the dialog is deleted
    std::function<std::optional<QHash<QString, QString>>(const QList<ImportInput> &)> m_askInputs;
    quint64 m_lastLoadId = 0; // the newest load started
    quint64 m_loadingId = 0;  // the load in progress (the newest), 0 when none
    QAction *m_zoomOutAction = nullptr;
    QAction *m_shiftBackAction = nullptr;
    QAction *m_shiftForwardAction = nullptr;
    std::function<QDateTime()> m_clock;
    DashboardSettingsDialog *m_settingsDialog = nullptr;
    QAction *m_settingsAction = nullptr;
    ExploreWindow *m_explore = nullptr;
    QAction *m_exploreAction = nullptr;
    DashboardDocument *m_document = nullptr;
    DashboardEditor *m_editor = nullptr;
    PanelEditor *m_panelEditor = nullptr;
    RecoveryWriter *m_recovery = nullptr;
    std::function<QString()> m_askSavePath;
    void onDocumentChanged(int change);
    LocalDashboardIndex *m_localDashboards = nullptr;
    DashboardLinksBar *m_linksBar = nullptr;
    /// Variable values a link hands to the dashboard being opened (applied once shown).
    QList<QPair<QString, QStringList>> m_pendingLinkVariables;
};

} // namespace pharos
