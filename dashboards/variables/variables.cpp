#include "dashboards/variables/variables.h"

#include "dashboards/model/dashboard.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/query/interval.h"
#include "dashboards/variables/variablequery.h"
#include "datasources/datasourceregistry.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace pharos {

namespace {

VariableType typeFromName(const QString &t)
{
    if (t == QLatin1String("query"))
        return VariableType::Query;
    if (t == QLatin1String("custom"))
        return VariableType::Custom;
    if (t == QLatin1String("interval"))
        return VariableType::Interval;
    if (t == QLatin1String("datasource"))
        return VariableType::Datasource;
    if (t == QLatin1String("constant"))
        return VariableType::Constant;
    if (t == QLatin1String("textbox"))
        return VariableType::Textbox;
    if (t == QLatin1String("adhoc"))
        return VariableType::Adhoc;
    return VariableType::Unknown;
}

int intOf(const QJsonValue &v, int fallback)
{
    if (v.isDouble())
        return json::saturatedInt(v.toDouble());
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    if (v.isString()) {
        bool ok = false;
        const int i = v.toString().toInt(&ok);
        return ok ? i : fallback;
    }
    return fallback;
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            out << (e.isString() ? e.toString() : e.toVariant().toString());
    } else if (v.isString()) {
        out << v.toString();
    } else if (v.isDouble() || v.isBool()) {
        out << v.toVariant().toString();
    }
    return out;
}

} // namespace

Variable Variable::fromJson(const QJsonObject &o)
{
    Variable v;
    v.json = o;
    v.name = o.value(QLatin1String("name")).toString();
    v.label = o.value(QLatin1String("label")).toString();
    v.description = o.value(QLatin1String("description")).toString();
    v.typeName = o.value(QLatin1String("type")).toString();
    v.type = typeFromName(v.typeName);
    v.hide = std::clamp(intOf(o.value(QLatin1String("hide")), 0), 0, 2);
    v.refresh = std::clamp(intOf(o.value(QLatin1String("refresh")), 1), 0, 2);
    v.multi = o.value(QLatin1String("multi")).toBool(false);
    v.includeAll = o.value(QLatin1String("includeAll")).toBool(false);
    const QJsonValue allValue = o.value(QLatin1String("allValue"));
    if (allValue.isString() && !allValue.toString().isEmpty()) {
        v.hasCustomAllValue = true;
        v.customAllValue = allValue.toString();
    }
    v.regex = o.value(QLatin1String("regex")).toString();
    v.sort = std::clamp(intOf(o.value(QLatin1String("sort")), 0), 0, 8);
    v.queryJson = o.value(QLatin1String("query"));
    if (v.queryJson.isString())
        v.query = v.queryJson.toString();
    else if (v.queryJson.isObject())
        v.query = VariableQuery::parse(v.queryJson).toText();
    else if (v.queryJson.isDouble())
        v.query = v.queryJson.toVariant().toString();
    v.datasource = o.value(QLatin1String("datasource"));
    if (v.type == VariableType::Interval) {
        v.autoInterval = o.value(QLatin1String("auto")).toBool(false);
        v.autoCount = std::max(1, intOf(o.value(QLatin1String("auto_count")), 30));
        const QString min = o.value(QLatin1String("auto_min")).toString();
        if (!min.isEmpty())
            v.autoMin = min;
    }
    const QJsonObject current = o.value(QLatin1String("current")).toObject();
    v.currentValues = stringsOf(current.value(QLatin1String("value")));
    v.currentTexts = stringsOf(current.value(QLatin1String("text")));
    if (v.currentValues.isEmpty() && !v.currentTexts.isEmpty())
        v.currentValues = v.currentTexts;
    if (v.currentValues.contains(kAllValue))
        v.currentValues = {QString(kAllValue)};
    if (!v.multi && v.currentValues.size() > 1)
        v.currentValues = v.currentValues.mid(0, 1);
    if (v.type == VariableType::Adhoc) {
        for (const QJsonValue &fv : o.value(QLatin1String("filters")).toArray()) {
            const QJsonObject f = fv.toObject();
            AdhocFilter filter;
            filter.key = f.value(QLatin1String("key")).toString();
            filter.op = f.value(QLatin1String("operator")).toString(QStringLiteral("="));
            filter.value = f.value(QLatin1String("value")).toString();
            if (!filter.key.isEmpty())
                v.filters.append(filter);
        }
    }
    return v;
}

// ---------------------------------------------------------------------------------------

VariableSet::VariableSet(DataSourceRegistry *registry, QObject *parent)
    : QObject(parent), m_registry(registry)
{
}

VariableSet::~VariableSet()
{
    for (const auto &r : std::as_const(m_running)) {
        if (r) {
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        }
    }
}

void VariableSet::clear()
{
    setDefinitions({});
}

void VariableSet::load(const Dashboard &dashboard)
{
    const QJsonObject json = dashboard.toJson();
    m_dashboardTitle = dashboard.title();
    m_dashboardUid = dashboard.uid();
    m_timezone = dashboard.timezone();
    setDefinitions(
        json.value(QLatin1String("templating")).toObject().value(QLatin1String("list")).toArray());
}

void VariableSet::setDefinitions(const QJsonArray &list)
{
    ++m_generation;
    for (const auto &r : std::as_const(m_running)) {
        if (r) {
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        }
    }
    m_running.clear();
    m_dirty.clear();
    m_busy = false;
    m_loaded = false;
    m_vars.clear();
    QSet<QString> names;
    for (const QJsonValue &e : list) {
        if (!e.isObject())
            continue;
        Variable v = Variable::fromJson(e.toObject());
        if (v.name.isEmpty() || names.contains(v.name))
            continue;
        names.insert(v.name);
        m_vars.append(v);
    }
    for (Variable &v : m_vars) {
        applyStaticOptions(v);
        if (m_overrides.contains(v.name))
            v.currentValues = m_overrides.value(v.name);
        validateCurrent(v);
    }
    computeCycles();
    Q_EMIT definitionsChanged();
}

const Variable *VariableSet::find(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &m_vars.at(i);
}

int VariableSet::indexOf(const QString &name) const
{
    for (int i = 0; i < m_vars.size(); ++i) {
        if (m_vars.at(i).name == name)
            return i;
    }
    return -1;
}

void VariableSet::applyStaticOptions(Variable &v)
{
    QList<VariableOption> options;
    switch (v.type) {
    case VariableType::Custom:
        options = parseCustomOptions(v.query);
        break;
    case VariableType::Interval: {
        static const QRegularExpression item(QStringLiteral("([\"'])(.*?)\\1|\\w+"));
        auto it = item.globalMatch(v.query);
        while (it.hasNext()) {
            QString t = it.next().captured(0);
            t.remove(QLatin1Char('"'));
            t.remove(QLatin1Char('\''));
            t = t.trimmed();
            if (!t.isEmpty())
                options.append({t, t});
        }
        if (v.autoInterval)
            options.prepend({QStringLiteral("auto"), QStringLiteral("$__auto_interval_") + v.name});
        v.options = options;
        return; // no All for intervals
    }
    case VariableType::Constant:
        v.options = {{v.query, v.query}};
        return;
    case VariableType::Textbox:
        v.options = {};
        return;
    case VariableType::Query: {
        // Saved options (refresh 0 files); replaced by the first refresh otherwise.
        for (const QJsonValue &ov : v.json.value(QLatin1String("options")).toArray()) {
            const QJsonObject oo = ov.toObject();
            const QString value =
                stringsOf(oo.value(QLatin1String("value"))).join(QLatin1Char(','));
            const QString text = stringsOf(oo.value(QLatin1String("text"))).join(QLatin1Char(','));
            if (value == kAllValue)
                continue;
            options.append({text.isEmpty() ? value : text, value});
        }
        break;
    }
    default:
        return;
    }
    if (v.includeAll)
        options.prepend({QStringLiteral("All"), QString(kAllValue)});
    v.options = options;
}

void VariableSet::updateTexts(Variable &v)
{
    v.currentTexts.clear();
    for (const QString &value : std::as_const(v.currentValues)) {
        QString text = value;
        if (value == kAllValue) {
            text = QStringLiteral("All");
        } else {
            for (const VariableOption &o : std::as_const(v.options)) {
                if (o.value == value) {
                    text = o.text;
                    break;
                }
            }
        }
        v.currentTexts << text;
    }
}

bool VariableSet::validateCurrent(Variable &v)
{
    const QStringList before = v.currentValues;
    if (m_overrides.contains(v.name)) {
        v.currentValues = m_overrides.value(v.name);
    } else {
        switch (v.type) {
        case VariableType::Constant:
            v.currentValues = {v.query};
            break;
        case VariableType::Textbox:
            if (v.currentValues.isEmpty())
                v.currentValues = {v.query};
            break;
        case VariableType::Adhoc:
        case VariableType::Unknown:
            break;
        default: {
            if (v.options.isEmpty()) {
                if (v.isQueried() && v.loading == false && !v.error.isEmpty())
                    break; // failed: keep the file's selection
                if (v.type != VariableType::Query || m_loaded)
                    v.currentValues.clear();
                break;
            }
            if (v.isAllSelected() && v.includeAll)
                break;
            QStringList kept;
            for (const QString &value : std::as_const(v.currentValues)) {
                for (const VariableOption &o : std::as_const(v.options)) {
                    if (o.value == value && value != kAllValue) {
                        kept << value;
                        break;
                    }
                }
            }
            if (kept.isEmpty()) {
                // Grafana also matches a selection by its text.
                for (const QString &text : std::as_const(v.currentTexts)) {
                    for (const VariableOption &o : std::as_const(v.options)) {
                        if (o.text == text && o.value != kAllValue) {
                            kept << o.value;
                            break;
                        }
                    }
                }
            }
            if (kept.isEmpty())
                kept = {v.options.first().value};
            if (!v.multi)
                kept = kept.mid(0, 1);
            v.currentValues = kept;
        }
        }
    }
    updateTexts(v);
    return before != v.currentValues;
}

QStringList VariableSet::dependencies(const QString &name) const
{
    const Variable *v = find(name);
    if (!v)
        return {};
    QString text = v->query + QLatin1Char('\n') + v->regex + QLatin1Char('\n');
    if (v->queryJson.isObject())
        text += QString::fromUtf8(
            QJsonDocument(v->queryJson.toObject()).toJson(QJsonDocument::Compact));
    if (v->datasource.isString())
        text += QLatin1Char('\n') + v->datasource.toString();
    else if (v->datasource.isObject())
        text += QLatin1Char('\n') + v->datasource.toObject().value(QLatin1String("uid")).toString();
    if (v->type != VariableType::Query && v->type != VariableType::Datasource)
        return {};
    QStringList deps;
    for (const QString &r : referencedVariables(text)) {
        if (indexOf(r) >= 0)
            deps << r;
    }
    return deps;
}

void VariableSet::computeCycles()
{
    m_cycleError.clear();
    m_inCycle.clear();
    QHash<QString, QStringList> graph;
    for (const Variable &v : std::as_const(m_vars))
        graph.insert(v.name, dependencies(v.name));
    // A variable is in a cycle when it can reach itself.
    QString firstCycle;
    for (const Variable &v : std::as_const(m_vars)) {
        // DFS keeping the path, to name the cycle.
        QHash<QString, QString> parent;
        QList<QString> stack{v.name};
        QSet<QString> visited;
        bool found = false;
        QString last;
        while (!stack.isEmpty() && !found) {
            const QString cur = stack.takeLast();
            for (const QString &d : graph.value(cur)) {
                if (d == v.name) {
                    found = true;
                    last = cur;
                    break;
                }
                if (!visited.contains(d)) {
                    visited.insert(d);
                    parent.insert(d, cur);
                    stack.append(d);
                }
            }
        }
        if (!found)
            continue;
        m_inCycle.insert(v.name);
        if (firstCycle.isEmpty()) {
            QStringList path{last};
            QString p = last;
            while (p != v.name && parent.contains(p)) {
                p = parent.value(p);
                path.prepend(p);
            }
            if (path.first() != v.name)
                path.prepend(v.name);
            path.append(v.name);
            firstCycle = path.join(QStringLiteral(" → "));
        }
    }
    if (!firstCycle.isEmpty())
        m_cycleError =
            tr("The variables depend on each other in a cycle: %1. They are not refreshed.")
                .arg(firstCycle);
}

InterpolationContext VariableSet::context() const
{
    InterpolationContext c;
    c.dashboardTitle = m_dashboardTitle;
    c.dashboardUid = m_dashboardUid;
    c.timezone = m_timezone;
    if (m_range.toMs > m_range.fromMs) {
        c.fromMs = m_range.fromMs;
        c.toMs = m_range.toMs;
    }
    for (const Variable &v : m_vars) {
        if (v.type == VariableType::Adhoc) {
            InterpolationContext::Adhoc a;
            if (v.datasource.isString())
                a.datasourceRef = v.datasource.toString();
            else if (v.datasource.isObject())
                a.datasourceRef = v.datasource.toObject().value(QLatin1String("uid")).toString();
            a.filters = v.filters;
            c.adhoc.append(a);
            continue;
        }
        VariableValue val;
        val.multi = v.multi || v.includeAll;
        val.hasCustomAllValue = v.hasCustomAllValue;
        val.customAllValue = v.customAllValue;
        for (const VariableOption &o : v.options) {
            if (o.value != kAllValue) {
                val.allValues << o.value;
                val.allTexts << o.text;
            }
        }
        if (v.isAllSelected()) {
            val.isAll = true;
        } else {
            val.values = v.currentValues;
            val.texts = v.currentTexts;
        }
        if (v.type == VariableType::Interval && v.autoInterval && val.values.size() == 1 &&
            val.values.first() == QStringLiteral("$__auto_interval_") + v.name) {
            const qint64 min = parseDurationMs(v.autoMin).value_or(0);
            const qint64 span = m_range.toMs > m_range.fromMs ? m_range.spanMs() : 0;
            const QString auto_ = formatDurationMs(calculateIntervalMs(span, v.autoCount, min));
            val.values = {auto_};
            val.texts = {QStringLiteral("auto")};
            c.variables.insert(QStringLiteral("__auto_interval_") + v.name,
                               VariableValue::single(auto_));
        }
        c.variables.insert(v.name, val);
    }
    return c;
}

QSet<QString> VariableSet::dependants(const QSet<QString> &names) const
{
    QSet<QString> out;
    QList<QString> queue(names.begin(), names.end());
    while (!queue.isEmpty()) {
        const QString cur = queue.takeFirst();
        for (const Variable &v : m_vars) {
            if (!out.contains(v.name) && dependencies(v.name).contains(cur)) {
                out.insert(v.name);
                queue.append(v.name);
            }
        }
    }
    return out;
}

bool VariableSet::setCurrent(const QString &name, const QStringList &values)
{
    const int i = indexOf(name);
    if (i < 0)
        return false;
    Variable &v = m_vars[i];
    if (v.type == VariableType::Adhoc)
        return false;
    QStringList vals = values;
    if (vals.contains(kAllValue))
        vals = {QString(kAllValue)};
    if (!v.multi && vals.size() > 1)
        vals = vals.mid(0, 1);
    if (vals == v.currentValues)
        return true;
    v.currentValues = vals;
    updateTexts(v);
    Q_EMIT currentChanged(name);
    startPass({name}, false);
    return true;
}

bool VariableSet::setAdhocFilters(const QString &name, const QList<AdhocFilter> &filters)
{
    const int i = indexOf(name);
    if (i < 0 || m_vars.at(i).type != VariableType::Adhoc)
        return false;
    if (m_vars[i].filters == filters)
        return true;
    m_vars[i].filters = filters;
    Q_EMIT currentChanged(name);
    startPass({name}, false);
    return true;
}

void VariableSet::setOverride(const QString &name, const QStringList &values)
{
    if (values.isEmpty())
        m_overrides.remove(name);
    else
        m_overrides.insert(name, values);
    const int i = indexOf(name);
    if (i >= 0 && validateCurrent(m_vars[i]))
        Q_EMIT currentChanged(name);
}

void VariableSet::setTimeRange(const ResolvedTimeRange &range)
{
    if (range.fromMs == m_range.fromMs && range.toMs == m_range.toMs)
        return;
    m_range = range;
    if (!m_loaded)
        return;
    QSet<QString> roots;
    for (const Variable &v : std::as_const(m_vars)) {
        if (v.type == VariableType::Query && v.refresh == 2)
            roots.insert(v.name);
    }
    if (!roots.isEmpty())
        startPass(roots, true);
}

void VariableSet::refresh()
{
    m_loaded = true;
    QSet<QString> roots;
    for (const Variable &v : std::as_const(m_vars)) {
        if (!v.isQueried())
            continue;
        if (v.type == VariableType::Query && v.refresh == 0 &&
            v.options.size() > (v.includeAll ? 1 : 0))
            continue; // "never": the saved options stand
        roots.insert(v.name);
    }
    if (!m_cycleError.isEmpty()) {
        for (const Variable &v : std::as_const(m_vars)) {
            if (m_inCycle.contains(v.name)) {
                Q_EMIT errorOccurred(v.name, m_cycleError);
                break;
            }
        }
    }
    startPass(roots, true);
}

void VariableSet::startPass(const QSet<QString> &roots, bool includeRoots)
{
    QSet<QString> dirty = dependants(roots);
    if (includeRoots)
        dirty.unite(roots);
    // What is running is restarted in this pass.
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it.value()) {
            it.value()->disconnect(this);
            it.value()->abort();
            it.value()->deleteLater();
        }
        dirty.insert(m_vars.at(it.key()).name);
    }
    m_running.clear();
    ++m_generation;
    for (const QString &name : std::as_const(dirty)) {
        const int i = indexOf(name);
        if (i < 0 || !m_vars.at(i).isQueried() || m_inCycle.contains(name) ||
            m_overrides.contains(name))
            continue;
        m_dirty.insert(name);
    }
    m_busy = true;
    pump();
}

void VariableSet::pump()
{
    for (int i = 0; i < m_vars.size(); ++i) {
        const QString &name = m_vars.at(i).name;
        if (!m_dirty.contains(name) || m_running.contains(i))
            continue;
        bool ready = true;
        for (const QString &d : dependencies(name)) {
            if (m_dirty.contains(d)) {
                ready = false;
                break;
            }
        }
        if (ready)
            startVariable(i);
    }
    if (m_dirty.isEmpty() && m_running.isEmpty() && m_busy) {
        m_busy = false;
        Q_EMIT updated();
    }
}

void VariableSet::startVariable(int index)
{
    Variable &v = m_vars[index];
    const quint64 generation = m_generation;
    m_running.insert(index, nullptr);
    v.loading = true;
    Q_EMIT loadingChanged(v.name, true);
    const InterpolationContext ctx = context();

    if (v.type == VariableType::Datasource) {
        QList<VariableOption> options;
        const QString wanted = v.query.trimmed();
        if (m_registry) {
            for (DataSource *ds : m_registry->dataSources()) {
                if (!wanted.isEmpty() &&
                    ds->settings().type.compare(wanted, Qt::CaseInsensitive) != 0)
                    continue;
                options.append({ds->settings().name, ds->settings().name});
            }
        }
        QString error;
        const QString regex = interpolate(v.regex, ctx, InterpolationMode::Regex);
        options = applyVariableRegex(options, regex, &error);
        QMetaObject::invokeMethod(
            this,
            [this, index, generation, options, error] {
                if (generation == m_generation)
                    finishVariable(index, options, error);
            },
            Qt::QueuedConnection);
        return;
    }

    // Query variable: resolve its data source, interpolate, run.
    QString error;
    DataSource *ds = nullptr;
    QJsonValue ref = v.datasource;
    if (ref.isString())
        ref = interpolate(ref.toString(), ctx, InterpolationMode::Plain);
    else if (ref.isObject()) {
        QJsonObject o = ref.toObject();
        o.insert(QLatin1String("uid"), interpolate(o.value(QLatin1String("uid")).toString(), ctx,
                                                   InterpolationMode::Plain));
        ref = o;
    }
    if (m_registry) {
        bool mixed = false;
        ds = m_registry->resolve(ref, &error, &mixed);
        if (!ds && mixed)
            ds = m_registry->resolve(QJsonValue(QJsonValue::Null), &error);
    } else {
        error = tr("No data source is configured.");
    }
    const VariableQuery query = VariableQuery::parse(v.queryJson).interpolated(ctx);
    DataSourceReply *reply = nullptr;
    if (ds && query.kind != VariableQuery::Kind::Invalid) {
        // One more than the limit: a server that honours `limit` (Prometheus >= 2.50) then
        // still tells us there were more; older servers send everything and are cut here.
        const int askLimit = m_labelValuesLimit > 0 ? m_labelValuesLimit + 1 : 0;
        reply = startVariableQuery(ds, query, m_range, askLimit);
        if (!reply)
            error = tr("The data source cannot answer this variable query.");
    } else if (query.kind == VariableQuery::Kind::Invalid) {
        error = query.error;
    }
    if (!reply) {
        if (error.isEmpty())
            error = tr("No data source is configured.");
        QMetaObject::invokeMethod(
            this,
            [this, index, generation, error] {
                if (generation == m_generation)
                    finishVariable(index, {}, error);
            },
            Qt::QueuedConnection);
        return;
    }
    reply->setParent(this);
    m_running.insert(index, reply);
    QPointer<DataSourceReply> guard(reply);
    const int limit = m_labelValuesLimit;
    auto done = [this, guard, index, generation, query, limit] {
        if (!guard || generation != m_generation)
            return;
        DataSourceReply *r = guard;
        r->disconnect(this);
        QList<VariableOption> options;
        QString err;
        bool truncated = false;
        if (r->error().isError()) {
            err = r->error().message();
        } else {
            options = variableOptionsFromReply(query, *r, limit, &truncated);
        }
        r->deleteLater();
        if (index >= 0 && index < m_vars.size()) {
            Variable &v = m_vars[index];
            const QString notice =
                truncated ? tr("Only the first %n values of \"%1\" are listed: the server has "
                               "more. Narrow the query to see the rest.",
                               nullptr, limit)
                                .arg(v.name)
                          : QString();
            if (notice != v.notice) {
                v.notice = notice;
                Q_EMIT noticeChanged(v.name, notice);
            }
        }
        finishVariable(index, options, err);
    };
    connect(reply, &DataSourceReply::finished, this, done);
    if (reply->isFinished())
        QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
}

void VariableSet::finishVariable(int index, QList<VariableOption> options, const QString &error)
{
    if (index < 0 || index >= m_vars.size())
        return;
    Variable &v = m_vars[index];
    m_running.remove(index);
    m_dirty.remove(v.name);
    v.loading = false;
    QString err = error;
    if (err.isEmpty() && v.type == VariableType::Query) {
        const QString regex = interpolate(v.regex, context(), InterpolationMode::Regex);
        options = applyVariableRegex(options, regex, &err);
        sortOptions(options, v.sort);
    }
    if (err.isEmpty()) {
        if (v.includeAll)
            options.prepend({QStringLiteral("All"), QString(kAllValue)});
        const bool optionsChanged_ = options != v.options;
        v.options = options;
        v.error.clear();
        const bool currentChanged_ = validateCurrent(v);
        Q_EMIT loadingChanged(v.name, false);
        if (optionsChanged_)
            Q_EMIT optionsChanged(v.name);
        if (currentChanged_)
            Q_EMIT currentChanged(v.name);
    } else {
        v.error = tr("Variable \"%1\": %2").arg(v.name, err);
        Q_EMIT loadingChanged(v.name, false);
        Q_EMIT errorOccurred(v.name, v.error);
    }
    pump();
}

QJsonArray VariableSet::toJson(bool keepCurrentValues) const
{
    QJsonArray out;
    for (const Variable &v : m_vars) {
        QJsonObject o = v.json;
        if (keepCurrentValues) {
            if (v.type == VariableType::Adhoc) {
                QJsonArray filters;
                for (const AdhocFilter &f : v.filters)
                    filters.append(QJsonObject{{QStringLiteral("key"), f.key},
                                               {QStringLiteral("operator"), f.op},
                                               {QStringLiteral("value"), f.value}});
                o.insert(QLatin1String("filters"), filters);
            } else {
                QJsonObject current;
                if (v.multi) {
                    current.insert(QLatin1String("value"),
                                   QJsonArray::fromStringList(v.currentValues));
                    current.insert(QLatin1String("text"),
                                   QJsonArray::fromStringList(v.currentTexts));
                } else {
                    current.insert(QLatin1String("value"), v.currentValues.value(0));
                    current.insert(QLatin1String("text"), v.currentTexts.value(0));
                }
                current.insert(QLatin1String("selected"), true);
                o.insert(QLatin1String("current"), current);
            }
        }
        out.append(o);
    }
    return out;
}

} // namespace pharos
