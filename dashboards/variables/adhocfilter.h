#pragma once

#include "dashboards/variables/interpolation.h"

#include <QList>
#include <QString>

namespace pharos {

/// The PromQL text of one matcher: key="value" with the value escaped for a string literal
/// (regex operators take the value as a regex, unchanged otherwise).
QString adhocMatcherText(const AdhocFilter &filter);

/// Adds the filters' label matchers to every vector selector of a PromQL expression:
/// `metric` -> `metric{k="v"}`, `metric{a="b"}` -> `metric{a="b",k="v"}`, `{a="b"}` too.
/// Function names, aggregation operators, keywords, grouping label lists (by, without, on,
/// ignoring, group_left, group_right), numbers, durations, strings and # comments are left
/// alone. A matcher that is already present is not added twice. Invalid filters (empty key or
/// unknown operator) are ignored.
QString injectAdhocFilters(const QString &expr, const QList<AdhocFilter> &filters);

} // namespace pharos
