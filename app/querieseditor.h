#pragma once

#include <QJsonObject>
#include <QWidget>

namespace pharos {

class DataSourceRegistry;
class PromqlEditor;
class VariableSet;
struct PanelData;

/// The Queries tab of the panel editor: the panel's data source, its query options (max data
/// points, min interval, relative time, time shift, hide time info) and its targets A, B, C…
/// Each target has its data source (the panel's by default; a panel with targets on several
/// sources is Grafana's "-- Mixed --"), a PromqlEditor for expr, the legend format, the query
/// type (range, instant or both), the min step ("interval") and the format (time series,
/// table or heatmap). Targets can be added, duplicated, removed, hidden ("hide": true) and
/// moved up and down; new ones get the next free refId.
///
/// setPanel() shows a panel without emitting changed(); applyTo() writes the keys the tab owns
/// ("datasource", "targets", "maxDataPoints", "interval", "timeFrom", "timeShift",
/// "hideTimeOverride") into a panel JSON, leaving every other key, and every target key it
/// does not edit, untouched.
class QueriesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit QueriesEditor(DataSourceRegistry *registry, QWidget *parent = nullptr);

    void setPanel(const QJsonObject &panel);
    QJsonObject applyTo(const QJsonObject &panel) const;

    /// For the PromQL editors' completion: the dashboard's variables and the time range.
    void setVariableSet(VariableSet *variables);
    void setTimeRange(qint64 fromMs, qint64 toMs);
    /// The last refresh of the preview: each target's server error is shown on its query
    /// (PromqlEditor::setServerError) and cleared when that target succeeded.
    void setResults(const PanelData &data);

    int queryCount() const;
    /// The expr editor of the query at `row` (top to bottom); nullptr when out of range.
    PromqlEditor *exprEditor(int row) const;

Q_SIGNALS:
    /// Any edit; the panel editor previews it.
    void changed();
    /// Shift+Enter in a query, or the Run button: query again now.
    void runRequested();
};

} // namespace pharos
