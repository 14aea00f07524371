#pragma once

#include "dashboards/model/dashboard.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace pharos {

/// The checks and conversions behind the Dashboard settings window (no widgets: they run on a
/// worker thread and in tests).
namespace dashboardsettings {

/// Grafana's rule for dashboard uids: 1 to 40 characters of [a-zA-Z0-9-_]. Empty is allowed
/// (Grafana assigns one). Returns an empty string when valid, else a translated message.
QString uidError(const QString &uid);

/// A variable name: not empty, only letters, digits and `_`, not starting with `__` (Grafana
/// reserves those), and not used by another variable (`others`). Returns "" when valid.
QString variableNameError(const QString &name, const QStringList &others);

/// A time expression for a default range end ("now-6h", "now/d", ISO date, epoch ms).
QString timeExpressionError(const QString &expression, bool isEnd);

/// A refresh interval ("5s", "1m"; "" is off). Returns "" when valid.
QString refreshIntervalError(const QString &interval);

/// Every settings check over a whole dashboard object: uid, default time range (both ends and
/// from < to), refresh, timepicker.refresh_intervals, graphTooltip, the variables (names,
/// types) and the links (types). An empty list when everything is valid.
QStringList validateSettings(const QJsonObject &dashboard);

/// The outcome of checking a JSON model text (or an object) the way Apply does.
struct CheckResult
{
    std::optional<Dashboard> dashboard; // set when valid: migrated and loaded
    QString error;                      // translated; empty when valid
    int line = 0;                       // JSON syntax errors: 1-based position, else 0
    int column = 0;
    int offset = -1; // the UTF-16 offset of the syntax error in the text, else -1
};

/// Parses `text` (JSON syntax errors give line and column), requires an object with a
/// `panels` array or legacy `rows`, runs validateSettings(), then the real loader and the
/// Grafana migration. Pure: safe on a worker thread.
CheckResult checkJsonText(const QByteArray &text);
/// The same for an already parsed object.
CheckResult checkObject(const QJsonObject &object);

/// The graph tooltip modes, in `graphTooltip` order (translated).
QStringList graphTooltipNames();

} // namespace dashboardsettings
} // namespace pharos
