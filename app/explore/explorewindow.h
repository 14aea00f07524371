#pragma once

#include "dashboards/time/timerange.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>

class QAbstractButton;
class QComboBox;
class QStackedWidget;
class QTableView;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace pharos {

class DataSource;
class DataSourceReply;
class DataSourceRegistry;
class PromqlEditor;
class RangeTableModel;
class TablePanel;
class TimeRangePicker;
class TimeSeriesPanel;

/// Explore: run an ad hoc PromQL query against any configured data source over a time range
/// (the dashboard's when opened from it). Two query types, as in Grafana's Explore:
/// - Range: a range query, shown as a graph and as a table of every sample of the range
///   (time, labels, value);
/// - Instant: an instant query at the end of the range, shown as a table (one row per
///   series); the graph tab is hidden.
/// Errors show on the panels, in the status line and at their position in the query (also
/// with macros such as $__rate_interval in it). "Add to dashboard" emits a Grafana panel
/// with the query as target A: a time-series panel for Range, a table panel with an
/// instant table-format target for Instant.
class ExploreWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class QueryType { Range, Instant };

    explicit ExploreWindow(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~ExploreWindow() override;

    void setTimeRange(const TimeRange &range);
    TimeRange timeRange() const;
    void setTimeZone(const QTimeZone &zone);
    /// Selects a data source by name; false when there is none of that name.
    bool setDataSource(const QString &name);
    DataSource *dataSource() const;
    void setQuery(const QString &expr);
    QString query() const;
    void setLegendFormat(const QString &format);
    /// Range or Instant (the toggle in the tool bar). Changing it runs the query again when
    /// one has run.
    void setQueryType(QueryType type);
    QueryType queryType() const;

    /// Runs the query now (what Run and Shift+Enter do).
    void run();
    bool isRunning() const;
    /// The error of the last run ("" when it succeeded).
    QString errorText() const { return m_error; }

    /// The Grafana panel "Add to dashboard" emits, 12x8 at the top left, with the data source
    /// and the query as target A: Range, a timeseries panel (range target, legend format);
    /// Instant, a table panel (target "instant": true, "range": false, "format": "table").
    QJsonObject panelJson() const;

    /// `dashboard` (a Grafana dashboard object) with `panel` appended: a fresh id, placed
    /// under the lowest panel (rows' collapsed panels count). Used until the dashboard editor
    /// offers adding panels with undo.
    static QJsonObject appendPanel(const QJsonObject &dashboard, QJsonObject panel);

    /// For the clock in tests.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    PromqlEditor *editor() const { return m_editor; }
    QComboBox *dataSourceCombo() const { return m_sources; }
    TimeRangePicker *timeRangePicker() const { return m_picker; }
    TimeSeriesPanel *graph() const { return m_graph; }
    /// The instant query's table (Instant).
    TablePanel *table() const { return m_table; }
    /// The table of every sample of the range query (Range).
    QTableView *rangeTable() const { return m_rangeTable; }
    QAbstractButton *rangeButton() const { return m_rangeButton; }
    QAbstractButton *instantButton() const { return m_instantButton; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *addButton() const { return m_add; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    /// "Add to dashboard": a Grafana panel object (see panelJson()).
    void addToDashboardRequested(const QJsonObject &panel);
    /// A run finished (both queries answered or failed).
    void queryFinished();

private:
    void rebuildSources();
    void onSourceChanged();
    void showError(const QString &message);
    void updateLookupRange();
    void updateQueryTypeView();
    void showServerErrorInEditor(const QString &message, const QString &expr, const QString &sent);

    DataSourceRegistry *m_registry;
    QComboBox *m_sources;
    TimeRangePicker *m_picker;
    PromqlEditor *m_editor;
    QLineEdit *m_legend;
    QPushButton *m_run;
    QPushButton *m_browse;
    QPushButton *m_add;
    QLabel *m_status;
    QTabWidget *m_tabs;
    TimeSeriesPanel *m_graph;
    TablePanel *m_table;
    QTableView *m_rangeTable;
    RangeTableModel *m_rangeModel;
    QStackedWidget *m_tableStack;
    QAbstractButton *m_rangeButton;
    QAbstractButton *m_instantButton;
    QString m_runText; // the editor's text when the query ran
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::function<QDateTime()> m_clock;

    QPointer<DataSourceReply> m_rangeReply;
    QPointer<DataSourceReply> m_instantReply;
    int m_pending = 0;
    QueryType m_runType = QueryType::Range;
    quint64 m_generation = 0;
    QString m_error;
    QString m_runExpr;
};

} // namespace pharos
