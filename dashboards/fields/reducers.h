#pragma once

#include "datasources/frame.h"

#include <QString>
#include <QStringList>

namespace pharos {

/// Grafana reducer ("calcs") ids: last, lastNotNull, first, firstNotNull, mean, min, max,
/// sum, count, range, delta, diff, median. NaN counts as null: the NotNull variants and
/// mean/min/max/sum/range/delta/diff/median skip it. An empty or all-NaN frame reduces to NaN
/// (sum and count to 0). Unknown ids reduce as lastNotNull.
double reduce(const Frame &frame, const QString &calc);
double reduceValues(const double *values, qsizetype n, const QString &calc);

bool isKnownReducer(const QString &calc);
QStringList knownReducers();
/// Translated display name of a calc ("Last *", "Mean", ...); the id itself when unknown.
QString reducerDisplayName(const QString &calc);

} // namespace pharos
