#pragma once

#include "dashboards/query/paneldata.h"
#include "dashboards/time/timerange.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QPointer>
#include <QTimeZone>
#include <functional>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QUndoStack;

namespace pharos {

class DashboardDocument;
class DashboardView;
class DataSourceRegistry;
class PanelOptionsEditor;
class QueriesEditor;
class TimeRangePicker;

/// The panel editor (Grafana's "Edit panel", key `e`): a live preview of the panel with its
/// queries under it (QueriesEditor) and its options beside it (PanelOptionsEditor).
///
/// Every edit is a step of the editor's own undo stack (typing in one field is one step) and
/// shows in the preview at once; changes to a query's expression run when the user asks
/// (Shift+Enter, Run, Refresh) or leaves the expression, as in Grafana, so typing does not
/// send a query per key. Apply writes the panel into the dashboard as one undo step of the
/// document and closes; Discard closes without a change. Closing with unapplied changes
/// asks first (Apply / Discard / Cancel).
///
/// The preview is a DashboardView showing only the edited panel, with the dashboard's
/// variables at their current values, its time zone and its time range.
class PanelEditor : public QDialog
{
    Q_OBJECT
public:
    PanelEditor(DashboardDocument *document, DataSourceRegistry *registry,
                QWidget *parent = nullptr);
    ~PanelEditor() override;

    /// Opens panel `panelId` of the document's dashboard (a top-level panel or a collapsed
    /// row's). `variables` is the dashboard's `templating.list` with the values the user
    /// selected (VariableSet::toJson(true)); `range` and `zone` are the dashboard's. False
    /// when there is no such panel, or it is a row.
    bool openPanel(int panelId, const TimeRange &range, const QJsonArray &variables,
                   const QTimeZone &zone);
    int panelId() const { return m_panelId; }
    /// The panel JSON as edited so far.
    QJsonObject panelJson() const { return m_current; }
    /// The edits differ from the dashboard's panel.
    bool hasChanges() const { return m_current != m_original; }

    /// Writes the edited panel into the dashboard (one undo step of the document) and
    /// closes. False, with the reason shown, when the dashboard no longer has the panel.
    bool apply();
    /// Closes without changing the dashboard.
    void discard();
    /// Queries the preview again with the current queries.
    void runQueries();

    QUndoStack *undoStack() const { return m_stack; }
    DashboardView *preview() const { return m_preview; }
    QueriesEditor *queriesEditor() const { return m_queries; }
    PanelOptionsEditor *optionsEditor() const { return m_options; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *discardButton() const { return m_discardButton; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    /// "Table view": the preview shows the queries' data as a table (the panel is unchanged).
    QAction *tableViewAction() const { return m_tableViewAction; }
    /// The preview's time range (the dashboard's when the editor opened; changing it here
    /// does not change the dashboard's).
    TimeRangePicker *timeRangePicker() const { return m_timePicker; }
    /// The last data of the previewed panel (nullptr before the first answer).
    PanelDataPtr previewData() const { return m_lastData; }

    /// Replaces the question asked when closing with unapplied changes (tests): return
    /// Apply, Discard or Cancel.
    void setCloseQuestionHandler(std::function<QMessageBox::StandardButton()> handler)
    {
        m_askClose = std::move(handler);
    }

Q_SIGNALS:
    /// The panel was written into the dashboard.
    void applied(int panelId);
    /// Ctrl+S: the main window saves the dashboard (after the editor applied its changes).
    void saveRequested();

public Q_SLOTS:
    void reject() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class PanelEditCommand;
    void onEdited();
    /// Shows `panel` in the editors and the preview (undo, redo, open).
    void restore(const QJsonObject &panel);
    void schedulePreview(bool runTargets);
    void updatePreview();
    void onPreviewData(int panelId, PanelDataPtr data);
    void updateCompletionRange();
    void updateTitle();
    bool askToClose();
    int mergeKeyForFocus();

    DashboardDocument *m_document;
    DataSourceRegistry *m_registry;
    int m_panelId = 0;
    QJsonObject m_original;  // the dashboard's panel when the editor opened
    QJsonObject m_current;   // the edited panel
    QJsonArray m_runTargets; // the targets the preview runs (expr edits wait for a run)
    QJsonObject m_dashboardJson;
    TimeRange m_range;
    bool m_restoring = false;
    bool m_closing = false;

    QUndoStack *m_stack;
    QPointer<QWidget> m_mergeFocus;
    int m_mergeKey = 0;
    QTimer *m_previewTimer;
    bool m_previewShown = false;

    DashboardView *m_preview;
    QueriesEditor *m_queries;
    PanelOptionsEditor *m_options;
    QTabWidget *m_tabs;
    QLabel *m_pendingLabel;
    QPushButton *m_applyButton;
    QPushButton *m_discardButton;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QAction *m_refreshAction;
    QAction *m_tableViewAction = nullptr;
    TimeRangePicker *m_timePicker = nullptr;
    PanelDataPtr m_lastData;
    std::function<QMessageBox::StandardButton()> m_askClose;
};

} // namespace pharos
