#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/// Grafana's data-source references as dashboards write them: a name or uid string (older
/// files), or {"type": "prometheus", "uid": "..."}; "-- Mixed --" lets each target name its
/// own; "$ds" picks one through a variable.
namespace pharos::datasourceref {

/// The uid of Grafana's "-- Mixed --" pseudo data source.
inline constexpr char MixedUid[] = "-- Mixed --";

/// The uid (object) or the name (string) a reference holds, trimmed; "" for none.
QString text(const QJsonValue &ref);
/// Does a target (or panel) name its own data source? Null, "" and an object without uid
/// (Grafana writes {"type": "prometheus"} on targets that follow their panel) defer to the
/// panel.
bool isSet(const QJsonValue &ref);
/// True when `text` is exactly one variable: "$ds", "${DS_X}", "${ds:raw}", "[[ds]]".
bool isVariable(const QString &text);
/// True when `text` holds a variable anywhere ("prom-$env"): it must be interpolated.
bool hasVariable(const QString &text);
bool isMixed(const QString &text);
bool isMixed(const QJsonValue &ref);
/// {"type": "datasource", "uid": "-- Mixed --"}, as Grafana writes it.
QJsonObject mixed();

} // namespace pharos::datasourceref
