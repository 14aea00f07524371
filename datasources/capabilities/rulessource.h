#pragma once

#include "datasources/datasourcereply.h"
#include "datasources/frame.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace pharos {

/// One alert of an alerting rule, as the server that evaluates the rule sees it (pending or
/// firing; Alertmanager's view of the same alert is AlertmanagerSource's).
struct RuleAlert
{
    Labels labels;      // sorted by name; alertname included
    Labels annotations; // sorted by name; templates already expanded
    QString state;      // "pending" or "firing"
    QDateTime activeAt; // UTC; invalid when unknown
    double value = 0;   // the rule's expression value when last evaluated
};

/// One recording or alerting rule and how its last evaluation went.
struct Rule
{
    enum class Type { Recording, Alerting };
    Type type = Type::Recording;
    QString name;   // the recorded series or the alert name
    QString query;  // PromQL
    QString health; // "ok", "err" or "unknown"
    QString lastError;
    QDateTime lastEvaluation; // UTC
    double evaluationTimeSeconds = 0;
    Labels labels;
    // Alerting rules only:
    QString state;      // "inactive", "pending" or "firing"
    qint64 forMs = 0;   // `for`: how long the condition must hold before firing
    Labels annotations; // as written (templates not expanded)
    QList<RuleAlert> alerts;
};

/// A rule group: rules evaluated together on one interval.
struct RuleGroup
{
    QString name;
    QString file;
    qint64 intervalMs = 0;
    QDateTime lastEvaluation; // UTC
    double evaluationTimeSeconds = 0;
    QList<Rule> rules;
};

using RuleGroupsReply = TypedReply<QList<RuleGroup>>;
using RuleAlertsReply = TypedReply<QList<RuleAlert>>;

/// A data source that evaluates recording and alerting rules: Prometheus (/api/v1/rules,
/// /api/v1/alerts) today. DataSource::rules() gives it. Every call returns at once with a reply
/// the caller owns.
class RulesSource
{
public:
    virtual ~RulesSource() = default;

    enum class RuleFilter { All, Alerting, Recording };
    virtual RuleGroupsReply *ruleGroups(RuleFilter filter = RuleFilter::All) = 0;
    /// Every pending and firing alert of every alerting rule.
    virtual RuleAlertsReply *ruleAlerts() = 0;
};

} // namespace pharos
