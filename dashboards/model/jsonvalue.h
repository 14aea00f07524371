#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <cmath>
#include <limits>
#include <optional>

namespace pharos::json {

/// `d` truncated to an int, saturated at the int range (NaN gives 0). Converting a double
/// outside the range with int() is undefined behaviour; file values can be anything.
inline int saturatedInt(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 2147483647.0)
        return 2147483647;
    if (d <= -2147483648.0)
        return -2147483647 - 1;
    return int(d);
}

/// A number as Grafana files write it: a JSON number, or a string holding one ("0.5", " 10 ").
/// Anything else (null, empty, "auto", objects) is no number.
inline std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

/// number(), finite only: "inf", "nan" and overflowing strings are no number.
inline std::optional<double> finiteNumber(const QJsonValue &v)
{
    const std::optional<double> d = number(v);
    if (d && std::isfinite(*d))
        return d;
    return std::nullopt;
}

/// `d` rounded down and clamped into [lo, hi] (no undefined conversion for 1e300 or NaN:
/// NaN gives `lo`).
inline int clampedInt(double d, int lo = std::numeric_limits<int>::min() / 2,
                      int hi = std::numeric_limits<int>::max() / 2)
{
    if (!(d >= lo)) // NaN too
        return lo;
    if (d >= hi)
        return hi;
    return int(std::floor(d));
}

/// An integer as Grafana files write it: a JSON number (rounded down) or a string holding an
/// integer; `fallback` for anything else. Huge numbers are clamped to +-2^30.
inline int integer(const QJsonValue &v, int fallback)
{
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return clampedInt(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const int i = v.toString().trimmed().toInt(&ok);
        if (ok)
            return i;
    }
    return fallback;
}

/// The value at a dotted path ("fieldConfig.defaults.custom.lineWidth"); Undefined when any
/// step is missing or not an object.
inline QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    const QStringList keys = path.split(QLatin1Char('.'));
    QJsonObject o = object;
    for (int i = 0; i < keys.size() - 1; ++i) {
        const QJsonValue v = o.value(keys[i]);
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        o = v.toObject();
    }
    return o.value(keys.last());
}

/// Sets the value at a dotted path, creating the objects on the way (a step that is not an
/// object is replaced). An Undefined `value` removes the key (and leaves the objects on the
/// way, even when they become empty). Every other key is kept.
inline void setValueAt(QJsonObject &object, const QString &path, const QJsonValue &value)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    if (value.isUndefined() && !object.value(head).isObject())
        return;
    QJsonObject child = object.value(head).toObject();
    setValueAt(child, path.mid(dot + 1), value);
    object.insert(head, child);
}

} // namespace pharos::json
