#pragma once

#include "dashboards/layout/grid.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"
#include "dashboards/time/timerange.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QRect>
#include <QScrollArea>
#include <QSet>
#include <QTimeZone>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QToolButton;

namespace pharos {

class CrosshairSync;
class DataSourceRegistry;
class PanelWidget;
class QueryScheduler;
class VariableSet;

class RowHeader;

/// A scroll area showing a dashboard's panels on Grafana's grid, driving a QueryScheduler:
/// which panels are in view (only those query), their plot widths, loading state and data.
///
/// It owns the dashboard's template variables (variables()): setDashboard() loads them and
/// starts their refresh (asynchronously); the scheduler interpolates with them and waits for
/// them on each refresh. Whenever the variables are updated, repeated panels and rows are
/// expanded again (expandRepeats()), titles and text panels are interpolated again, and the
/// panels query again.
class DashboardView : public QScrollArea
{
    Q_OBJECT
public:
    explicit DashboardView(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~DashboardView() override;

    /// Replaces the shown dashboard (panels are created, the scheduler gets its panels; no
    /// panel refresh is started). The variables are loaded and their refresh starts over
    /// `range` (default: the dashboard's own time range); it ends with
    /// VariableSet::updated(), when the panels are expanded again and re-query.
    void setDashboard(const Dashboard &dashboard, const std::optional<TimeRange> &range = {});
    /// Removes the dashboard: panels, rows and variables.
    void clear();
    /// Edit mode: when `dashboard` has the same panels as the one shown and only their grid
    /// positions changed, moves the panel widgets there (no new widgets, no queries) and
    /// returns true. Returns false (nothing changed) otherwise: call setDashboard() then.
    bool updateLayout(const Dashboard &dashboard);
    /// Edit mode: shows the edited panels of `dashboard` (same variables, time zone and
    /// tooltip mode as the one shown), keeping the widgets of unchanged panels, and queries
    /// again. Returns false (nothing changed) when those settings differ: call setDashboard().
    bool updatePanels(const Dashboard &dashboard);
    /// Shows panel `panelId` alone, filling the view (Grafana's "view panel", key v); 0 shows
    /// the whole dashboard again.
    void setViewPanel(int panelId);
    int viewPanel() const { return m_viewPanel; }

    QueryScheduler *scheduler() const { return m_scheduler; }
    /// The dashboard's template variables (never nullptr; empty without a dashboard).
    VariableSet *variables() const { return m_vars; }
    /// The variables' `templating.list` (VariableSet::toJson(true)) as the dashboard first
    /// showed them, once their first refresh ended: what opening the file selects by
    /// itself (the file's values, or the first option when it has none). Empty before.
    QJsonArray openedVariables() const { return m_openedVariables; }
    /// The top-level panels as shown: repeats expanded, titles interpolated.
    const QList<PanelModel> &expandedPanels() const { return m_topLevel; }
    QWidget *canvas() const { return m_canvas; }

    /// Export mode: every panel counts as visible, whatever the viewport shows.
    void setExportMode(bool on);
    bool exportMode() const { return m_exportMode; }
    /// Fixes the layout width (export); 0 = follow the viewport.
    void setLayoutWidth(int widthPx);

    /// Every panel widget (rows excluded), in layout order.
    QList<PanelWidget *> panelWidgets() const;
    PanelWidget *panelWidget(int panelId) const;
    /// Rows and their state.
    QList<int> rowIds() const;
    bool isRowCollapsed(int rowId) const;
    void setRowCollapsed(int rowId, bool collapsed);
    void toggleRow(int rowId);
    QWidget *rowHeader(int rowId) const;

    /// What the view told the scheduler: is the panel in view (and not in a collapsed row)?
    bool isPanelInView(int panelId) const;
    /// The height of the laid-out content in pixels (including padding).
    int contentHeight() const;
    /// Outer padding of the canvas in pixels.
    static constexpr int Padding = 8;

    /// Recomputes which panels are in view and tells the scheduler.
    void updateVisibility();

    /// The dashboard's zone: set on every panel (axis labels, tooltips) and the scheduler.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    /// Called for each panel widget the view creates: the commands of its panel menu
    /// (PanelWidget::setMenuActions()). None by default (export, the panel editor's preview).
    void setPanelMenu(std::function<QList<QAction *>(PanelWidget *)> menu)
    {
        m_panelMenu = std::move(menu);
    }
    /// The shared crosshair of the time-series panels (graphTooltip 0, 1, 2).
    CrosshairSync *crosshair() const { return m_crosshair; }

Q_SIGNALS:
    /// Every panel of the current refresh has its data (forwarded from the scheduler).
    void idle();
    /// A graph selection: zoom the dashboard to [fromMs, toMs].
    void timeRangeSelected(qint64 fromMs, qint64 toMs);
    /// A double-click on a graph: zoom out.
    void zoomOutRequested();
    /// A panel link was chosen in a panel's header menu.
    void panelLinkActivated(int panelId, int linkIndex);
    /// A link inside a panel's content that is not http(s) (PanelWidget::urlActivated).
    void panelUrlActivated(const QUrl &url);
    /// The panels were expanded again after the variables changed (repeats may have added or
    /// removed panels, titles may have changed).
    void panelsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void relayout();
    /// Creates, updates or removes widgets so that they show `expanded` (expandRepeats()).
    void syncPanels(const QList<PanelModel> &expanded);
    void onVariablesUpdated();
    void onPanelLoading(int panelId);
    void onPanelData(int panelId, PanelDataPtr data);

    DataSourceRegistry *m_registry;
    QueryScheduler *m_scheduler;
    VariableSet *m_vars;
    QWidget *m_canvas;
    QList<PanelModel> m_source;   // the file's top-level panels (not expanded)
    QList<PanelModel> m_topLevel; // expanded and interpolated
    QSet<int> m_knownRows;        // rows seen so far (their file state applies once)
    bool m_settingDashboard = false;
    QJsonArray m_openedVariables;
    bool m_variablesSettled = false; // m_openedVariables taken
    QHash<int, PanelWidget *> m_panels;
    QList<int> m_panelOrder;
    QHash<int, RowHeader *> m_rows;
    QList<int> m_rowOrder;
    QSet<int> m_collapsed;
    QSet<int> m_laidOut; // panels placed by the last layout (not in a collapsed row)
    QHash<int, bool> m_inView;
    int m_contentHeight = 0;
    int m_layoutWidth = 0;
    bool m_exportMode = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    CrosshairSync *m_crosshair;
    int m_viewPanel = 0;
    std::function<QList<QAction *>(PanelWidget *)> m_panelMenu;
    QJsonObject m_shownSettings; // templating, timezone, graphTooltip of the shown dashboard
};

} // namespace pharos
