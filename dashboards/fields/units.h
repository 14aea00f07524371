#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace pharos {

/// A value formatted with a Grafana unit: prefix + text + suffix (suffix includes any
/// separating space, e.g. " KiB").
struct FormattedValue
{
    QString prefix;
    QString text;
    QString suffix;
    QString toString() const { return prefix + text + suffix; }
};

/// True when `unit` is a Grafana unit id Pharos formats (empty counts as "none"; "suffix:X"
/// and "prefix:X" are known).
bool isKnownUnit(const QString &unit);

/// Every Grafana unit id Pharos formats (not the "suffix:"/"prefix:" forms), sorted.
QStringList knownUnitIds();

/// Formats `value` with the Grafana unit id `unit`. Without `decimals`, picks a Grafana-like
/// number of decimals from the magnitude of the (scaled) value. NaN gives "NaN", infinities
/// "Infinity"/"-Infinity". Unknown ids format the number followed by " <id>".
FormattedValue formatValue(double value, const QString &unit,
                           std::optional<int> decimals = std::nullopt);
inline QString formatValueText(double value, const QString &unit,
                               std::optional<int> decimals = std::nullopt)
{
    return formatValue(value, unit, decimals).toString();
}

/// True for Grafana's date units (dateTimeAsIso, dateTimeAsUS, dateTimeAsLocal,
/// dateTimeAsSystem, their NoDateIfToday forms, dateTimeFromNow): the value is epoch ms.
bool isDateTimeUnit(const QString &unit);
/// An epoch-ms value in one of those units (local time; "5 minutes ago" for FromNow).
QString formatDateTime(double value, const QString &unit, qint64 nowMs);
/// "5 minutes ago", "in an hour", ...: `ms` relative to `nowMs`, in Grafana's bands.
QString formatFromNow(qint64 ms, qint64 nowMs);

/// Formats axis ticks `ticks` spaced `step` apart with one shared scale (e.g. all in MiB)
/// and one shared number of decimals derived from the step (or `decimals` when given).
QStringList formatAxisTicks(const std::vector<double> &ticks, double step, const QString &unit,
                            std::optional<int> decimals = std::nullopt);

/// The factor by which `unit` divides raw values for display at magnitude `maxAbs` (e.g.
/// 1048576 for bytes around 5 MiB, 1/1000 for "s" around 0.05 s shown in ms). Axis code
/// picks "nice" tick steps in display units: step = niceStep(range / factor) * factor.
double unitDisplayFactor(const QString &unit, double maxAbs);

/// The number of decimals Pharos shows for `value` when none is configured.
int autoDecimals(double value);

} // namespace pharos
