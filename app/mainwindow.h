#pragma once

#include "dashboard.h"
#include "grafanamigration.h"
#include "importinputs.h"

#include <QMainWindow>
#include <QMessageBox>
#include <functional>
#include <optional>

class QLabel;
class QMenu;

namespace pharos {

class DashboardView;
class DataSourceDialog;
class DataSourceRegistry;
class ImportReportDialog;
class RefreshPicker;
class TimeRangePicker;

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

    /// Opens a dashboard file (asking first about unsaved changes). On a load error shows a
    /// message naming the file and the problem and returns false; the current dashboard stays.
    bool openFile(const QString &path);
    /// File › Import: reads a Grafana export, asks for its `__inputs` (if any), migrates it,
    /// shows it as a new unsaved dashboard (the file is not touched) and the import report.
    /// Returns false when the file cannot be read or the inputs dialog is cancelled.
    bool importFile(const QString &path);
    /// The report of the last import, and its dialog (tests).
    const ImportReport &lastImportReport() const { return m_importReport; }
    ImportReportDialog *importReportDialog() const { return m_reportDialog; }
    /// Replaces the inputs dialog (tests): returns the values, or nullopt to cancel.
    void setImportInputsHandler(
        std::function<std::optional<QHash<QString, QString>>(const QList<ImportInput> &)> handler)
    {
        m_askInputs = std::move(handler);
    }
    bool save();
    bool saveAs(const QString &path);
    /// Copies the current time range and refresh into the document (marks it modified).
    void saveTimeAndRefreshAsDefault();

    bool hasDashboard() const { return m_dashboard.has_value(); }
    const Dashboard *dashboard() const { return m_dashboard ? &*m_dashboard : nullptr; }
    QString filePath() const { return m_path; }
    bool isModified() const { return m_modified; }

    DashboardView *view() const { return m_view; }
    TimeRangePicker *timeRangePicker() const { return m_timePicker; }
    RefreshPicker *refreshPicker() const { return m_refreshPicker; }
    DataSourceRegistry *registry() const { return m_registry; }

    /// The last error shown in a message box (tests), and the recent-files list.
    QString lastError() const { return m_lastError; }
    QStringList recentFiles() const;
    /// The settings file of the window (recent files), under DataSourceStore::configDir().
    static QString settingsPath();

    /// Replaces the Save/Discard/Cancel question (tests).
    void setUnsavedChangesHandler(std::function<QMessageBox::StandardButton()> handler)
    {
        m_askUnsaved = std::move(handler);
    }
    /// Asks about unsaved changes; true when it is fine to go on.
    bool maybeSave();

public Q_SLOTS:
    void showDataSourceDialog();
    /// With no data source configured: explains it and offers the data-source dialog.
    void offerDataSourceSetup();

Q_SIGNALS:
    void errorShown(const QString &message);

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

    DataSourceRegistry *m_registry;
    DashboardView *m_view;
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
    DataSourceDialog *m_dsDialog = nullptr;
    ImportReport m_importReport;
    ImportReportDialog *m_reportDialog = nullptr;
    std::function<std::optional<QHash<QString, QString>>(const QList<ImportInput> &)> m_askInputs;
};

} // namespace pharos
