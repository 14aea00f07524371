#pragma once

#include "datasources/datasource.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSortFilterProxyModel;
class QStringListModel;

namespace pharos {

class PromqlEditor;

/// Builds a series selector by picking: a metric (filterable list of every metric name, with
/// its HELP/TYPE), then labels of that metric, then values of each label (several values
/// become a =~ "a|b" matcher). Shows how many series the selector matches (an instant
/// count() query) and hands the selector over with "Use query".
///
/// Lookups go to the data source (names and metadata shared with the PromQL completion's
/// cache); every list is limited and a newer choice cancels older lookups.
class MetricsBrowser : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ValueLimit = 1000;

    explicit MetricsBrowser(QWidget *parent = nullptr);
    ~MetricsBrowser() override;

    /// Loads the metric names of `source` (from the cache when fresh).
    void setDataSource(DataSource *source);
    DataSource *dataSource() const { return m_source; }
    /// The data source's PromQL capability, or nullptr.
    PromqlSource *promql() const { return m_source ? m_source->promql() : nullptr; }
    /// Label lookups and the count use this range (unix ms; 0 = the server's default/now).
    void setTimeRange(qint64 startMs, qint64 endMs);

    /// Metric names fetched at most (default PromqlCompleter::MetricNameLimit). With more on
    /// the server, the filter asks the server for matching names.
    void setMetricNameLimit(int limit) { m_nameLimit = limit; }
    /// Selects a metric (it must be in the list). False when it is not.
    bool selectMetric(const QString &metric);
    QString selectedMetric() const { return m_metric; }
    /// Shows the values of `label` (a label of the selected metric).
    bool selectLabel(const QString &label);
    QString currentLabel() const { return m_label; }
    /// Checks or unchecks one value of the current label.
    bool setValueChecked(const QString &value, bool checked);

    /// The selector built so far: metric{label="v", other=~"a|b"}, or "" without a metric.
    QString selector() const;
    /// Series the selector matches, -1 while unknown.
    qint64 seriesCount() const { return m_seriesCount; }
    bool isBusy() const;
    /// The status line: loading, counts, or the last lookup's error.
    QString statusText() const;

    QLineEdit *filterEdit() const { return m_filter; }
    QListView *metricView() const { return m_metricView; }
    QListWidget *labelList() const { return m_labels; }
    QListWidget *valueList() const { return m_values; }
    QPushButton *useButton() const { return m_use; }
    /// Metric names shown now (after the filter).
    QStringList visibleMetrics() const;

    /// A dialog around a browser that inserts the chosen selector at `editor`'s cursor.
    static void openFor(PromqlEditor *editor, QWidget *parent = nullptr);

Q_SIGNALS:
    /// "Use query" was pressed.
    void selectorChosen(const QString &selector);
    void seriesCountChanged(qint64 count);
    /// A lookup finished (metrics, labels, values or the count): for tests.
    void lookupFinished();

private:
    void loadMetrics();
    void showMetrics(const QStringList &names, bool truncated);
    void filterOnServer();
    void onMetricChanged();
    void onLabelChanged();
    void onValueChanged(QListWidgetItem *item);
    void updateSelector();
    void countSeries();
    void setStatus(const QString &text, bool error = false);
    QString selectorWithout(const QString &label) const;
    QString matcherFor(const QString &label) const;
    void track(DataSourceReply *reply, QPointer<DataSourceReply> *slot);

    QPointer<DataSource> m_source;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    QLineEdit *m_filter;
    QListView *m_metricView;
    QStringListModel *m_metricModel;
    QSortFilterProxyModel *m_proxy;
    QListWidget *m_labels;
    QListWidget *m_values;
    QLabel *m_help;
    QLineEdit *m_selectorEdit;
    QLabel *m_status;
    QPushButton *m_use;
    QTimer m_countTimer;
    QTimer m_filterTimer; // large servers: narrows the names on the server
    QStringList m_allNames;
    bool m_truncated = false;
    int m_nameLimit;

    QString m_metric;
    QString m_label;
    QHash<QString, QStringList> m_checked; // label -> checked values (in order)
    qint64 m_seriesCount = -1;
    QPointer<DataSourceReply> m_namesReply;
    QPointer<DataSourceReply> m_metaReply;
    QPointer<DataSourceReply> m_labelsReply;
    QPointer<DataSourceReply> m_valuesReply;
    QPointer<DataSourceReply> m_countReply;
    bool m_filling = false;
};

} // namespace pharos
