#pragma once

#include <QJsonValue>
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

} // namespace pharos::json
