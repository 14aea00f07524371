#include "datasources/prometheus/rulesparser.h"

#include "datasources/config/provisioning.h"
#include "datasources/prometheus/responseparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

Labels labelsOf(const QJsonValue &value)
{
    Labels out;
    const QJsonObject o = value.toObject();
    out.reserve(o.size());
    for (auto it = o.begin(); it != o.end(); ++it) // QJsonObject iterates sorted by key
        out.append({it.key(), it.value().toString()});
    return out;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

double number(const QJsonObject &o, const char *key)
{
    const double d = o.value(QLatin1String(key)).toDouble();
    return std::isfinite(d) ? d : 0;
}

qint64 secondsToMs(double seconds)
{
    return qint64(std::clamp(seconds, 0.0, 1e12) * 1000.0);
}

/// The list `key` of the answer's `data` (and `data` itself), or false with *error: a
/// Prometheus error, HTML, broken JSON, or an answer without that list.
bool listOf(const QByteArray &body, const QByteArray &contentType, DataSourceError *error,
            const char *key, QJsonArray *list, QJsonObject *data = nullptr)
{
    QJsonObject local;
    QJsonObject &d = data ? *data : local;
    if (!ResponseParser::parseObject(body, &d, error, contentType))
        return false;
    const QJsonValue v = d.value(QLatin1String(key));
    if (!v.isArray()) {
        error->kind = DataSourceError::Kind::NotPrometheus;
        error->detail =
            QCoreApplication::translate("pharos::RulesParser", "the answer has no %1 list")
                .arg(QLatin1String(key));
        return false;
    }
    *list = v.toArray();
    return true;
}

RuleAlert alertOf(const QJsonObject &o)
{
    RuleAlert a;
    a.labels = labelsOf(o.value(QLatin1String("labels")));
    a.annotations = labelsOf(o.value(QLatin1String("annotations")));
    a.state = text(o, "state");
    a.activeAt = RulesParser::parseTime(text(o, "activeAt"));
    // The value is a string ("1e+00"), as sample values are.
    bool ok = false;
    const QString v = text(o, "value");
    a.value = v.toDouble(&ok);
    if (!ok)
        a.value = v == QLatin1String("+Inf")   ? INFINITY
                  : v == QLatin1String("-Inf") ? -INFINITY
                                               : NAN;
    return a;
}

Rule ruleOf(const QJsonObject &o)
{
    Rule r;
    r.type =
        text(o, "type") == QLatin1String("alerting") ? Rule::Type::Alerting : Rule::Type::Recording;
    r.name = text(o, "name");
    r.query = text(o, "query");
    r.health = text(o, "health");
    r.lastError = text(o, "lastError");
    r.lastEvaluation = RulesParser::parseTime(text(o, "lastEvaluation"));
    r.evaluationTimeSeconds = number(o, "evaluationTime");
    r.labels = labelsOf(o.value(QLatin1String("labels")));
    if (r.type == Rule::Type::Alerting) {
        r.state = text(o, "state");
        r.forMs = secondsToMs(number(o, "duration"));
        r.annotations = labelsOf(o.value(QLatin1String("annotations")));
        for (const QJsonValue &a : o.value(QLatin1String("alerts")).toArray())
            r.alerts.append(alertOf(a.toObject()));
    }
    return r;
}

} // namespace

QDateTime RulesParser::parseTime(const QString &textIn)
{
    // 2026-12-03T07:31:04.171285778Z: Qt reads at most milliseconds, so the fraction is cut.
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$)"));
    const auto m = re.match(textIn.trimmed());
    if (!m.hasMatch() || m.captured(1).startsWith(QLatin1String("0001-")))
        return {};
    const QString ms = QString(m.captured(2) + QStringLiteral("000")).left(3);
    QDateTime t =
        QDateTime::fromString(m.captured(1) + u'.' + ms + m.captured(3), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QList<RuleGroup> RulesParser::parseRuleGroups(const QByteArray &body, const QByteArray &contentType,
                                              DataSourceError *error)
{
    QList<RuleGroup> out;
    QJsonArray groups;
    if (!listOf(body, contentType, error, "groups", &groups))
        return out;
    for (const QJsonValue &g : std::as_const(groups)) {
        const QJsonObject o = g.toObject();
        RuleGroup group;
        group.name = text(o, "name");
        group.file = text(o, "file");
        group.intervalMs = secondsToMs(number(o, "interval"));
        group.lastEvaluation = parseTime(text(o, "lastEvaluation"));
        group.evaluationTimeSeconds = number(o, "evaluationTime");
        for (const QJsonValue &r : o.value(QLatin1String("rules")).toArray())
            group.rules.append(ruleOf(r.toObject()));
        out.append(std::move(group));
    }
    return out;
}

QList<RuleAlert> RulesParser::parseRuleAlerts(const QByteArray &body, const QByteArray &contentType,
                                              DataSourceError *error)
{
    QList<RuleAlert> out;
    QJsonArray alerts;
    if (!listOf(body, contentType, error, "alerts", &alerts))
        return out;
    for (const QJsonValue &a : std::as_const(alerts))
        out.append(alertOf(a.toObject()));
    return out;
}

ScrapeTargets RulesParser::parseTargets(const QByteArray &body, const QByteArray &contentType,
                                        DataSourceError *error)
{
    ScrapeTargets out;
    QJsonObject data;
    QJsonArray active;
    if (!listOf(body, contentType, error, "activeTargets", &active, &data))
        return out;
    for (const QJsonValue &v : std::as_const(active)) {
        const QJsonObject o = v.toObject();
        ScrapeTarget t;
        t.scrapePool = text(o, "scrapePool");
        t.scrapeUrl = text(o, "scrapeUrl");
        t.globalUrl = text(o, "globalUrl");
        t.labels = labelsOf(o.value(QLatin1String("labels")));
        t.discoveredLabels = labelsOf(o.value(QLatin1String("discoveredLabels")));
        t.health = text(o, "health");
        t.lastError = text(o, "lastError");
        t.lastScrape = parseTime(text(o, "lastScrape"));
        t.lastScrapeDurationSeconds = number(o, "lastScrapeDuration");
        t.scrapeIntervalMs =
            std::max<qint64>(0, Provisioning::durationMs(text(o, "scrapeInterval")));
        t.scrapeTimeoutMs = std::max<qint64>(0, Provisioning::durationMs(text(o, "scrapeTimeout")));
        out.active.append(std::move(t));
    }
    out.droppedCount = int(data.value(QLatin1String("droppedTargets")).toArray().size());
    return out;
}

} // namespace pharos
