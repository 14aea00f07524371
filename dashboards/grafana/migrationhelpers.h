#pragma once

// JSON helpers shared by the Grafana migration's steps (dashboards/grafana/). Internal to the
// migration: the public API is grafanamigration.h.

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace pharos::migration {

inline QLatin1String L(const char *s)
{
    return QLatin1String(s);
}

/// A finite number written as a number or a numeric string.
std::optional<double> toNumber(const QJsonValue &v);
/// toNumber(v), or null.
QJsonValue numberOrNull(const QJsonValue &v);

/// Grafana's old reducer names (singlestat valueName, legend flags) as field reducers; empty
/// when unknown.
QString reducerFor(const QString &valueName);

/// An override matcher for a series alias: "/regex/" matches by regex, anything else by name.
QJsonObject matcherFor(const QString &alias);
/// An override property {"id", "value"}.
QJsonObject property(const QString &id, const QJsonValue &value);
/// A fixed colour {"mode": "fixed", "fixedColor"}.
QJsonObject fixedColor(const QString &color);
/// Adds `props` to the override for `matcher`, creating it when needed.
void addOverride(QJsonArray *overrides, const QJsonObject &matcher, const QJsonArray &props);
/// Runs `edit` on every property of every override (each gets its "properties" written back);
/// true when an edit returned true (it changed the property).
bool editOverrideProperties(QJsonArray *overrides,
                            const std::function<bool(QJsonObject *property)> &edit);
/// Thresholds {"mode", "steps"} ("absolute" by default).
QJsonObject thresholdsFromSteps(const QJsonArray &steps, const QString &mode = QString());
/// A threshold step {"value", "color"}.
QJsonObject step(const QJsonValue &value, const QString &color);

/// A legacy prefix and postfix (singlestat, Grafana 6 gauge) on the value of `defaults`,
/// whose unit is `unit`. Grafana has one custom unit for one of them ("prefix:X" or
/// "suffix:X"); with both, the postfix is the "suffix:" unit (what Grafana shows) and the
/// prefix goes to custom.pharosPrefix, which Grafana ignores and Pharos shows before the
/// value. With a real unit (bytes, ...), the prefix is kept the same way and the postfix,
/// which the unit replaces, is dropped. Returns the unit to write and the report notes.
QString legacyPrefixSuffix(QJsonObject &defaults, QString unit, const QString &prefix,
                           const QString &postfix, QStringList *notes);

/// Untyped value mappings (schema < 30: {"type": 1|2, "value"/"from"/"to", "text"}) as typed
/// ones (value, range, special); typed mappings are kept.
QJsonArray newMappings(const QJsonArray &old);
/// A singlestat's or old table's valueMaps/rangeMaps (by mappingType) and nullText as typed
/// value mappings.
QJsonArray legacyMappings(const QJsonObject &panel);

} // namespace pharos::migration
