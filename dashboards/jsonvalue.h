#pragma once

#include <QJsonValue>
#include <cmath>
#include <optional>

namespace pharos::json {

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

/// An integer as Grafana files write it: a JSON number (rounded down) or a string holding an
/// integer; `fallback` for anything else.
inline int integer(const QJsonValue &v, int fallback)
{
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return int(std::floor(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const int i = v.toString().trimmed().toInt(&ok);
        if (ok)
            return i;
    }
    return fallback;
}

} // namespace pharos::json
