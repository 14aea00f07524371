#include "dashboards/variables/variablequery.h"

#include "dashboards/variables/variables.h"
#include "datasources/datasource.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace pharos {

namespace {

QString sampleText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString seriesText(const Labels &labels)
{
    QString name;
    QStringList parts;
    for (const auto &[k, v] : labels) {
        if (k == QLatin1String("__name__"))
            name = v;
        else
            parts << k + QLatin1String("=\"") + v + QLatin1Char('"');
    }
    return name + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

/// Selector from a metric and structured label filters [{label, op, value}].
QString selectorFrom(const QString &metric, const QJsonArray &filters)
{
    QStringList parts;
    for (const QJsonValue &fv : filters) {
        const QJsonObject f = fv.toObject();
        const QString label = f.value(QLatin1String("label")).toString();
        if (label.isEmpty())
            continue;
        QString op = f.value(QLatin1String("op")).toString();
        if (op.isEmpty())
            op = QStringLiteral("=");
        parts << label + op + QLatin1Char('"') +
                     promqlStringEscape(f.value(QLatin1String("value")).toString()) +
                     QLatin1Char('"');
    }
    if (parts.isEmpty())
        return metric;
    return metric + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

VariableQuery VariableQuery::parse(const QJsonValue &value)
{
    VariableQuery q;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QJsonValue type = o.value(QLatin1String("qryType"));
        if (type.isDouble()) {
            switch (type.toInt()) {
            case 0: // label names
                q.kind = Kind::LabelNames;
                q.selector = selectorFrom(o.value(QLatin1String("metric")).toString(),
                                          o.value(QLatin1String("labelFilters")).toArray());
                return q;
            case 1: // label values
                q.kind = Kind::LabelValues;
                q.label = o.value(QLatin1String("label")).toString();
                q.selector = selectorFrom(o.value(QLatin1String("metric")).toString(),
                                          o.value(QLatin1String("labelFilters")).toArray());
                if (q.label.isEmpty() && o.value(QLatin1String("metric")).toString().isEmpty() &&
                    !o.value(QLatin1String("query")).toString().trimmed().isEmpty()) {
                    // Files saved by Grafana's newer editor often keep only the classic text
                    // ({"qryType": 1, "query": "label_values(up, job)"}): it says the same.
                    return parse(o.value(QLatin1String("query")));
                }
                if (q.label.isEmpty()) {
                    q.kind = Kind::Invalid;
                    q.error = QCoreApplication::translate("pharos::VariableQuery",
                                                          "The label values query names no label.");
                }
                return q;
            case 2: // metric names
                q.kind = Kind::Metrics;
                q.regex = o.value(QLatin1String("metric")).toString();
                return q;
            case 3: // query result
                q.kind = Kind::QueryResult;
                q.expr = o.value(QLatin1String("varQuery")).toString();
                if (q.expr.trimmed().isEmpty())
                    q.expr = o.value(QLatin1String("query")).toString();
                return q;
            case 4: // series query
                q.kind = Kind::Series;
                q.selector = o.value(QLatin1String("seriesQuery")).toString();
                if (q.selector.trimmed().isEmpty())
                    q.selector = o.value(QLatin1String("query")).toString();
                return q;
            default: // 5: classic query
                break;
            }
        }
        return parse(o.value(QLatin1String("query")));
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty()) {
        q.error = QCoreApplication::translate("pharos::VariableQuery", "The query is empty.");
        return q;
    }
    static const QRegularExpression labelNames(
        QStringLiteral("^label_names\\(\\s*(.*?)\\s*\\)\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression labelValues(
        QStringLiteral("^label_values\\((?:(.+),\\s*)?([a-zA-Z_$][a-zA-Z0-9_]*)\\s*\\)\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression metrics(QStringLiteral("^metrics\\((.+)\\)\\s*$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression queryResult(QStringLiteral("^query_result\\((.+)\\)\\s*$"),
                                                QRegularExpression::DotMatchesEverythingOption);
    QRegularExpressionMatch m;
    if ((m = labelNames.match(text)).hasMatch()) {
        q.kind = Kind::LabelNames;
        q.selector = m.captured(1);
    } else if ((m = labelValues.match(text)).hasMatch()) {
        q.kind = Kind::LabelValues;
        q.selector = m.captured(1).trimmed();
        q.label = m.captured(2);
    } else if ((m = metrics.match(text)).hasMatch()) {
        q.kind = Kind::Metrics;
        q.regex = m.captured(1).trimmed();
    } else if ((m = queryResult.match(text)).hasMatch()) {
        q.kind = Kind::QueryResult;
        q.expr = m.captured(1).trimmed();
    } else if (text.startsWith(QLatin1String("label_values")) ||
               text.startsWith(QLatin1String("label_names")) ||
               text.startsWith(QLatin1String("metrics(")) ||
               text.startsWith(QLatin1String("query_result"))) {
        q.error = QCoreApplication::translate("pharos::VariableQuery",
                                              "Cannot read the variable query \"%1\".")
                      .arg(text);
    } else {
        q.kind = Kind::Series;
        q.selector = text;
    }
    return q;
}

VariableQuery VariableQuery::interpolated(const InterpolationContext &context) const
{
    VariableQuery q = *this;
    q.label = interpolate(label, context, InterpolationMode::Plain);
    q.selector = interpolate(selector, context, InterpolationMode::PromQL);
    q.regex = interpolate(regex, context, InterpolationMode::Regex);
    q.expr = interpolate(expr, context, InterpolationMode::PromQL);
    return q;
}

QString VariableQuery::toText() const
{
    switch (kind) {
    case Kind::LabelNames:
        return QStringLiteral("label_names(%1)").arg(selector);
    case Kind::LabelValues:
        return selector.isEmpty() ? QStringLiteral("label_values(%1)").arg(label)
                                  : QStringLiteral("label_values(%1, %2)").arg(selector, label);
    case Kind::Metrics:
        return QStringLiteral("metrics(%1)").arg(regex);
    case Kind::QueryResult:
        return QStringLiteral("query_result(%1)").arg(expr);
    case Kind::Series:
        return selector;
    case Kind::Invalid:
        break;
    }
    return {};
}

DataSourceReply *startVariableQuery(DataSource *source, const VariableQuery &query,
                                    const ResolvedTimeRange &range, int limit)
{
    PromqlSource *promql = source ? source->promql() : nullptr;
    if (!promql)
        return nullptr;
    const QStringList match =
        query.selector.trimmed().isEmpty() ? QStringList() : QStringList{query.selector.trimmed()};
    switch (query.kind) {
    case VariableQuery::Kind::LabelNames:
        return promql->labelNames(match, range.fromMs, range.toMs);
    case VariableQuery::Kind::LabelValues:
        return promql->labelValuesInRange(query.label, match, range.fromMs, range.toMs, limit);
    case VariableQuery::Kind::Metrics:
        return promql->labelValuesInRange(QStringLiteral("__name__"), {}, range.fromMs, range.toMs,
                                          limit);
    case VariableQuery::Kind::QueryResult: {
        QueryRequest r;
        r.expr = query.expr;
        r.instant = true;
        r.timeMs = range.toMs;
        return promql->query(r);
    }
    case VariableQuery::Kind::Series:
        return promql->series(match, range.fromMs, range.toMs);
    case VariableQuery::Kind::Invalid:
        break;
    }
    return nullptr;
}

QList<VariableOption> variableOptionsFromReply(const VariableQuery &query,
                                               const DataSourceReply &reply, int limit,
                                               bool *truncated)
{
    QList<VariableOption> out;
    if (truncated)
        *truncated = false;
    // The reply startVariableQuery() made for this kind of query.
    auto strings = [&]() -> QStringList {
        QStringList values = static_cast<const StringListReply &>(reply).result();
        const bool limited = query.kind == VariableQuery::Kind::LabelValues ||
                             query.kind == VariableQuery::Kind::Metrics;
        if (limited && limit > 0 && values.size() > limit) {
            values.resize(limit);
            if (truncated)
                *truncated = true;
        }
        return values;
    };
    switch (query.kind) {
    case VariableQuery::Kind::LabelNames:
    case VariableQuery::Kind::LabelValues:
        for (const QString &s : strings())
            out.append({s, s});
        break;
    case VariableQuery::Kind::Metrics: {
        QRegularExpression re(query.regex);
        const bool all = query.regex.isEmpty() || !re.isValid();
        for (const QString &s : strings()) {
            if (all || re.match(s).hasMatch())
                out.append({s, s});
        }
        break;
    }
    case VariableQuery::Kind::QueryResult: {
        const QueryResult &r = static_cast<const QueryReply &>(reply).result();
        for (const Frame &f : r.frames) {
            if (f.isEmpty())
                continue;
            const QString ts = QString::number(f.timestamps.back());
            const QString val = sampleText(f.values.back());
            QString text;
            if (r.type == ResultType::Scalar || r.type == ResultType::String)
                text = val;
            else
                text = seriesText(f.labels) + QLatin1Char(' ') + val + QLatin1Char(' ') + ts;
            out.append({text, text});
        }
        break;
    }
    case VariableQuery::Kind::Series: {
        QSet<QString> seen;
        for (const Labels &l : static_cast<const SeriesReply &>(reply).result()) {
            const QString text = seriesText(l);
            if (!seen.contains(text)) {
                seen.insert(text);
                out.append({text, text});
            }
        }
        break;
    }
    case VariableQuery::Kind::Invalid:
        break;
    }
    return out;
}

} // namespace pharos
