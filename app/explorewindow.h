#pragma once

#include "timerange.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>
#include <QTimeZone>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace pharos {

class DataSource;
class DataSourceReply;
class DataSourceRegistry;
class PromqlEditor;
class TablePanel;
class TimeRangePicker;
class TimeSeriesPanel;

/// Explore: run an ad hoc PromQL query against any configured data source over a time range
/// (the dashboard's when opened from it), shown as a graph (range query) and a table
/// (instant query at the end of the range). Errors show on the panels, in the status line
/// and at their position in the query. "Add to dashboard" emits a Grafana time-series panel
/// with the query as target A.
class ExploreWindow : public QMainWindow
{
    Q_OBJECT
public:
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

    /// Runs the query now (what Run and Shift+Enter do).
    void run();
    bool isRunning() const;
    /// The error of the last run ("" when it succeeded).
    QString errorText() const { return m_error; }

    /// The Grafana panel "Add to dashboard" emits: a timeseries panel with the data source and
    /// the query (refId A, range, legend format), 12x8 at the top left.
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
    TablePanel *table() const { return m_table; }
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
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::function<QDateTime()> m_clock;

    QPointer<DataSourceReply> m_rangeReply;
    QPointer<DataSourceReply> m_instantReply;
    int m_pending = 0;
    quint64 m_generation = 0;
    QString m_error;
    QString m_runExpr;
};

} // namespace pharos
