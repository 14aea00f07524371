#pragma once

#include "datasources/datasourcereply.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace pharos {

/// One peer of an Alertmanager cluster (/api/v2/status `cluster.peers[]`).
struct AlertmanagerPeer
{
    QString name;
    QString address;
    bool operator==(const AlertmanagerPeer &o) const = default;
};

/// What GET /api/v2/status says about the Alertmanager and its cluster.
struct AlertmanagerStatus
{
    QString version; // versionInfo.version, e.g. "0.25.0"
    QString revision;
    QString branch;
    QString goVersion;
    QDateTime uptime;      // when the server started (UTC)
    QString clusterStatus; // "ready", "settling" or "disabled"
    QString clusterName;   // empty when clustering is disabled
    QList<AlertmanagerPeer> peers;
    QString configOriginal; // the configuration file the server runs, as text
};

/// Label name -> value; QMap keeps them sorted by name.
using AmLabels = QMap<QString, QString>;

/// One alert as Alertmanager holds it (/api/v2/alerts, /api/v2/alerts/groups).
struct AmAlert
{
    enum class State { Unprocessed, Active, Suppressed };

    AmLabels labels;
    AmLabels annotations;
    QDateTime startsAt; // UTC
    QDateTime endsAt;
    QDateTime updatedAt;
    QString generatorUrl;
    QString fingerprint;
    QStringList receivers; // receiver names
    State state = State::Unprocessed;
    QStringList silencedBy;  // silence ids
    QStringList inhibitedBy; // fingerprints of the inhibiting alerts
};
/// "active", "suppressed", "unprocessed".
QString amAlertStateName(AmAlert::State state);
/// Parses a state name; false when unknown.
bool amAlertStateFromName(const QString &name, AmAlert::State *state);

/// One group of alerts as the route's group_by made it (/api/v2/alerts/groups).
struct AlertGroup
{
    AmLabels labels; // the group_by labels
    QString receiver;
    std::vector<AmAlert> alerts;
};

/// Which alerts /api/v2/alerts and /api/v2/alerts/groups answer (their query parameters).
struct AlertFilter
{
    /// `filter[]`: label matchers such as `severity="critical"`, `alertname=~"Disk.*"`.
    QStringList matchers;
    /// `receiver`: a regular expression on receiver names; empty = all.
    QString receiver;
    bool active = true;    // `active`: include active alerts
    bool silenced = true;  // `silenced`: include silenced alerts
    bool inhibited = true; // `inhibited`: include inhibited alerts
    /// `unprocessed` (/api/v2/alerts only): include alerts not processed yet.
    bool unprocessed = true;
};

/// One label matcher of a silence.
struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; // false: != or !~
    bool operator==(const SilenceMatcher &o) const = default;
};

/// A silence (/api/v2/silences, /api/v2/silence/{id}).
struct Silence
{
    enum class State { Unknown, Active, Pending, Expired };

    QString id; // empty for a new silence
    QList<SilenceMatcher> matchers;
    QDateTime startsAt; // UTC
    QDateTime endsAt;
    QString createdBy;
    QString comment;
    State state = State::Unknown; // set by the server
    QDateTime updatedAt;          // set by the server
};
/// "active", "pending", "expired" ("" for Unknown).
QString silenceStateName(Silence::State state);

using StatusReply = TypedReply<AlertmanagerStatus>;
using AlertsReply = TypedReply<std::vector<AmAlert>>;
using AlertGroupsReply = TypedReply<std::vector<AlertGroup>>;
using SilencesReply = TypedReply<std::vector<Silence>>;
using SilenceReply = TypedReply<Silence>;
using SilenceIdReply = TypedReply<QString>; // the id of the created or updated silence
using ExpireReply = TypedReply<bool>;       // true once the silence is expired

/// A data source that answers Alertmanager's API v2: its status, its alerts and alert groups,
/// and its silences (list, get, create or update, expire). DataSource::alertmanager() gives
/// it. Every call returns at once with a reply the caller owns; no call blocks or parses on
/// the calling thread. Errors carry the server's own text (DataSourceError::detail).
class AlertmanagerSource
{
public:
    virtual ~AlertmanagerSource() = default;

    /// GET /api/v2/status.
    virtual StatusReply *status() = 0;
    /// GET /api/v2/alerts with the filter's parameters.
    virtual AlertsReply *alerts(const AlertFilter &filter = {}) = 0;
    /// GET /api/v2/alerts/groups with the filter's parameters.
    virtual AlertGroupsReply *alertGroups(const AlertFilter &filter = {}) = 0;
    /// GET /api/v2/silences, optionally restricted by label matchers (`filter`).
    virtual SilencesReply *silences(const QStringList &filter = {}) = 0;
    /// GET /api/v2/silence/{id}.
    virtual SilenceReply *silence(const QString &id) = 0;
    /// POST /api/v2/silences: creates the silence, or updates it when it has an id (the
    /// server may answer with a new id, as Alertmanager does when the matchers change).
    virtual SilenceIdReply *createSilence(const Silence &silence) = 0;
    /// DELETE /api/v2/silence/{id}: expires the silence.
    virtual ExpireReply *expireSilence(const QString &id) = 0;
};

} // namespace pharos
