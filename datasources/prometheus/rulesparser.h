#pragma once

#include "datasources/capabilities/rulessource.h"
#include "datasources/capabilities/targetssource.h"
#include "datasources/datasourceerror.h"

#include <QByteArray>

namespace pharos {

/// Parses Prometheus' /api/v1/rules, /api/v1/alerts and /api/v1/targets answers. Pure and
/// thread-safe (worker threads). Errors are ResponseParser's: a Prometheus error answer is
/// QueryError, HTML or JSON of another shape NotPrometheus, broken JSON MalformedResponse.
namespace RulesParser {

QList<RuleGroup> parseRuleGroups(const QByteArray &body, const QByteArray &contentType,
                                 DataSourceError *error);
QList<RuleAlert> parseRuleAlerts(const QByteArray &body, const QByteArray &contentType,
                                 DataSourceError *error);
ScrapeTargets parseTargets(const QByteArray &body, const QByteArray &contentType,
                           DataSourceError *error);

/// An RFC 3339 time as Prometheus writes it (nanoseconds, "Z"); Go's zero time
/// (0001-01-01T00:00:00Z, "never") and anything unparsable give an invalid QDateTime.
QDateTime parseTime(const QString &text);

} // namespace RulesParser

} // namespace pharos
