#pragma once

#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"
#include "dashboards/variables/variableoptions.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace pharos {

class Dashboard;
class DataSourceRegistry;
class DataSourceReply;

enum class VariableType { Query, Custom, Interval, Datasource, Constant, Textbox, Adhoc, Unknown };

/// One template variable: its definition from `templating.list[]` and its live state.
struct Variable
{
    // --- definition (from the file)
    QString name;
    QString label; // shown in the bar; empty = name
    QString description;
    VariableType type = VariableType::Unknown;
    QString typeName; // as written: "query", "custom", ...
    int hide = 0;     // 0 shown, 1 label hidden, 2 variable hidden
    int refresh = 1;  // 0 never (saved options), 1 on load, 2 on time-range change
    bool multi = false;
    bool includeAll = false;
    bool hasCustomAllValue = false; // `allValue` set and non-empty
    QString customAllValue;
    QString regex;        // "/.../flags" or a bare pattern; empty = none
    int sort = 0;         // VariableSort
    QString query;        // the classic query text (query, custom, interval, constant, textbox,
                          // datasource plugin type); structured queries are kept in `queryJson`
    QJsonValue queryJson; // `query` as written (string or object)
    QJsonValue datasource;
    bool autoInterval = false; // interval: offers "auto"
    int autoCount = 30;
    QString autoMin = QStringLiteral("10s");
    QJsonObject json; // the list entry as loaded

    // --- state
    QList<VariableOption> options; // "All" first when includeAll
    QStringList currentValues;     // {kAllValue} when All is selected
    QStringList currentTexts;
    QList<AdhocFilter> filters; // adhoc only
    bool loading = false;
    QString error;  // the last refresh's failure (translated), empty if none
    QString notice; // the last refresh's remark (translated), e.g. the list was cut

    QString displayLabel() const { return label.isEmpty() ? name : label; }
    bool isAllSelected() const
    {
        return currentValues.size() == 1 && currentValues.first() == kAllValue;
    }
    /// True for the types whose options come from a data source or the registry.
    bool isQueried() const
    {
        return type == VariableType::Query || type == VariableType::Datasource;
    }
    /// Parses one `templating.list[]` entry (unknown types keep type Unknown).
    static Variable fromJson(const QJsonObject &o);
};

/// The dashboard's template variables and their values. Headless (QtCore only): the
/// variables bar, the scheduler and `pharos inspect` all use it.
///
/// Query and datasource variables are (re)computed by refresh(): on load every variable is
/// computed; then setTimeRange() recomputes those with refresh 2, and setCurrent() recomputes
/// the variables that depend on the changed one, in dependency order. Each pass ends with
/// `updated()`; panels should re-run their queries then. A dependency cycle is reported by
/// `cycleError()` and `errorOccurred()`, and its variables are not queried.
class VariableSet : public QObject
{
    Q_OBJECT
public:
    explicit VariableSet(DataSourceRegistry *registry, QObject *parent = nullptr);
    ~VariableSet() override;

    /// Loads `templating.list` of the dashboard (also its title/uid for $__dashboard).
    /// Values from the file's `current` are selected; nothing is queried yet.
    void load(const Dashboard &dashboard);
    /// Loads a `templating.list` array directly.
    void setDefinitions(const QJsonArray &list);
    void clear();

    DataSourceRegistry *registry() const { return m_registry; }

    // --- reading
    int count() const { return int(m_vars.size()); }
    const QList<Variable> &variables() const { return m_vars; }
    /// nullptr when there is no such variable.
    const Variable *find(const QString &name) const;
    int indexOf(const QString &name) const;
    /// The snapshot used for interpolation (variables and adhoc filters; add the time range
    /// and interval built-ins before use, as the scheduler does).
    InterpolationContext context() const;
    /// Variables `name` depends on (names referenced by its query, regex, datasource).
    QStringList dependencies(const QString &name) const;
    /// Empty, or the translated message naming the cycle ("a → b → a").
    QString cycleError() const { return m_cycleError; }
    /// True when `name` is part of the dependency cycle of cycleError().
    bool isInCycle(const QString &name) const { return m_inCycle.contains(name); }
    /// True while a refresh pass is running.
    bool isBusy() const { return m_busy; }

    // --- changing (each triggers the dependants' refresh and ends with updated())
    /// Selects values by `value` (use kAllValue for All). Unknown values are kept as typed
    /// (textbox, custom input). Returns false if there is no such variable.
    bool setCurrent(const QString &name, const QStringList &values);
    bool setCurrent(const QString &name, const QString &value)
    {
        return setCurrent(name, QStringList{value});
    }
    /// Ad hoc variables: replaces the filters.
    bool setAdhocFilters(const QString &name, const QList<AdhocFilter> &filters);
    /// Values forced from outside (`--var`, links): kept as given even if no option has
    /// them, and the variable is not queried. An empty list removes the override.
    void setOverride(const QString &name, const QStringList &values);

    /// The range variables are queried over; variables with refresh 2 and auto intervals
    /// are recomputed when it changes (if a load refresh happened already).
    void setTimeRange(const ResolvedTimeRange &range);
    ResolvedTimeRange timeRange() const { return m_range; }

    /// Computes every variable (the "on load" pass). Asynchronous; ends with updated().
    void refresh();

    /// Most label values kept per query variable (label_values, metrics). One more is asked
    /// for (the server's `limit`, else the whole list): when there are more, the list is cut
    /// and the variable's `notice` says so (noticeChanged). Default 100000; 0 = no limit.
    void setLabelValuesLimit(int limit) { m_labelValuesLimit = std::max(0, limit); }
    int labelValuesLimit() const { return m_labelValuesLimit; }

    /// The `templating.list` array with the current values written into `current` (and
    /// `options` for refresh-0 variables), for "save current variable values".
    QJsonArray toJson(bool keepCurrentValues = true) const;

Q_SIGNALS:
    /// The variables were replaced (load(), setDefinitions(), clear()): a new list.
    void definitionsChanged();
    /// A variable's option list changed (a refresh finished).
    void optionsChanged(const QString &name);
    /// A variable's selection changed (by setCurrent or because its options changed).
    void currentChanged(const QString &name);
    /// A variable started or finished loading.
    void loadingChanged(const QString &name, bool loading);
    /// A variable failed to refresh, or a cycle was found (name is then the first of it).
    void errorOccurred(const QString &name, const QString &message);
    /// A variable's notice changed (empty: none), e.g. its values were cut at the limit.
    void noticeChanged(const QString &name, const QString &notice);
    /// A refresh pass finished: every affected variable is up to date; queries may run.
    void updated();

private:
    struct Pass;
    void startPass(const QSet<QString> &roots, bool includeRoots);
    void pump();
    void startVariable(int index);
    void finishVariable(int index, QList<VariableOption> options, const QString &error);
    void computeCycles();
    void applyStaticOptions(Variable &v);
    bool validateCurrent(Variable &v);
    void updateTexts(Variable &v);
    QSet<QString> dependants(const QSet<QString> &names) const;

    DataSourceRegistry *m_registry;
    QList<Variable> m_vars;
    QHash<QString, QStringList> m_overrides;
    QString m_dashboardTitle;
    QString m_dashboardUid;
    QString m_timezone;
    ResolvedTimeRange m_range;
    QString m_cycleError;
    QSet<QString> m_inCycle;
    bool m_loaded = false; // refresh() ran once
    bool m_busy = false;
    quint64 m_generation = 0;
    QSet<QString> m_dirty;                           // waiting to be computed in this pass
    QHash<int, QPointer<DataSourceReply>> m_running; // index -> reply
    int m_labelValuesLimit = 100000;
};

} // namespace pharos
