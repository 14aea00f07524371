#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace pharos {

class DataSourceRegistry;
class PromqlEditor;
class QueryCard;
class VariableSet;
struct PanelData;

/// The Queries tab of the panel editor: the panel's data source, its query options (max data
/// points, min interval, relative time, time shift, hide time info) and its targets A, B, C…
/// Each target is a card (QueryCard, app/editor/querycard.h): its data source (the panel's by
/// default; a panel with targets on several sources is Grafana's "-- Mixed --"), a
/// PromqlEditor for expr, the legend format, the query type (range, instant or both), the min
/// step ("interval") and the format (time series, table or heatmap). Targets can be added,
/// duplicated, removed, hidden ("hide": true) and moved up and down; new ones get the next free
/// refId.
///
/// setPanel() shows a panel without emitting changed(); applyTo() writes the keys the tab owns
/// ("datasource", "targets", "maxDataPoints", "interval", "timeFrom", "timeShift",
/// "hideTimeOverride") into a panel JSON, leaving every other key, and every target key it
/// does not edit, untouched. A key is only written when the user changed it: with no edit,
/// applyTo() gives back the panel as it was. Invalid entries (a duration Pharos cannot apply,
/// a duplicate refId) are flagged with a message and not written.
///
/// Data sources are written as Grafana does: {"type": "prometheus", "uid": "..."}; "-- Mixed --"
/// is {"type": "datasource", "uid": "-- Mixed --"}. Choosing a data source for the panel moves
/// the targets that name one to it; choosing Mixed gives every target its own reference.
/// The legend mode is Auto ("__auto"), Verbose ("") or Custom (the text); the query type
/// writes Grafana's "range" and "instant" booleans.
///
/// It has no scroll area of its own: put it in one.
///
/// Object names (for tests): panel level "panelDatasource", "runQueries",
/// "queryOptionsToggle" (opens the options; collapsed they are summed up in
/// "queryOptionsSummary"), "maxDataPoints",
/// "minInterval", "timeFrom", "timeShift", "hideTimeOverride", "queryOptionsError" (the
/// messages of invalid options), "addQuery". Per query card i (0-based, top to bottom):
/// "query-i" (the card), "collapse-i", "refId-i", "summary-i" (the expr while collapsed),
/// "hide-i", "duplicate-i", "remove-i", "up-i", "down-i", "datasource-i" (shown when the panel
/// is Mixed), "expr-i" (the PromqlEditor), "metricsBrowser-i" (opens the metrics browser),
/// "legendMode-i", "legend-i" (Custom only), "queryType-i", "minStep-i", "format-i", "error-i"
/// (messages of invalid entries), "serverError-i" (the last run's error of the query, from
/// setResults()).
class QueriesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit QueriesEditor(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~QueriesEditor() override;

    void setPanel(const QJsonObject &panel);
    QJsonObject applyTo(const QJsonObject &panel) const;

    /// For the PromQL editors' completion: the dashboard's variables and the time range.
    void setVariableSet(VariableSet *variables);
    void setTimeRange(qint64 fromMs, qint64 toMs);
    /// The last refresh of the preview: each target's server error is shown under its query
    /// and marked at its position (PromqlEditor::setServerError; no marker when variables made
    /// the text sent differ), and cleared when that target succeeded or was not run. A result
    /// for a text the query no longer has is ignored.
    void setResults(const PanelData &data);

    int queryCount() const;
    /// The expr editor of the query at `row` (top to bottom); nullptr when out of range.
    PromqlEditor *exprEditor(int row) const;

Q_SIGNALS:
    /// Any edit; the panel editor previews it.
    void changed();
    /// Shift+Enter in a query, or the Run button: query again now.
    void runRequested();

private:
    QueryCard *addCard(const QJsonObject &target, int index);
    void loadCard(QueryCard *card, const QJsonObject &target);
    void removeCard(int index);
    void moveCard(int from, int to);
    void renumber();
    void clearCards();
    QString nextRefId() const;
    void loadPanelOptions();
    void updateOptionsSummary();
    void onPanelDatasource(int index);
    void onCardDatasource(QueryCard *card, int index);
    void onOptionEdited(const QString &key, const QString &text);
    void setOptionError(const QString &key, const QString &message);
    void disconnectCard(QueryCard *card);
    void updateCardSource(QueryCard *card);
    void setMixedView(bool mixed);
    void fillSourceCombo(QComboBox *combo, const QJsonValue &ref, bool withMixed,
                         bool mixedSelected);
    QJsonValue panelRef() const;
    QJsonValue interpolatedRef(const QJsonValue &ref) const;
    void edited();

    DataSourceRegistry *m_registry;
    QPointer<VariableSet> m_variables;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    bool m_loading = false;
    bool m_mixedView = false;

    QJsonObject m_original; // the owned panel keys as setPanel() found them
    QJsonObject m_values;   // their current values (missing = no key)
    QJsonArray m_originalTargets;
    QMap<QString, QString> m_optionErrors; // key -> message

    QComboBox *m_panelDs;
    QPushButton *m_run;
    QLineEdit *m_maxDataPoints;
    QLineEdit *m_minInterval;
    QLineEdit *m_timeFrom;
    QLineEdit *m_timeShift;
    QCheckBox *m_hideTime;
    QToolButton *m_optionsToggle;
    QLabel *m_optionsSummary;
    QWidget *m_optionsBody;
    QLabel *m_optionsError;
    QVBoxLayout *m_cardsLayout;
    QPushButton *m_add;
    QList<QueryCard *> m_cards;
};

} // namespace pharos
