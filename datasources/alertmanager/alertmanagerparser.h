#pragma once

#include "datasources/capabilities/alertmanagersource.h"
#include "datasources/datasourceerror.h"

#include <QByteArray>

namespace pharos {

/// Alertmanager API v2 answers (JSON, QJsonDocument) into the AlertmanagerSource structs, and
/// silences into the JSON POST /api/v2/silences takes. Each parse returns false and sets
/// *error on JSON that does not parse (Kind::MalformedResponse) or has another shape
/// (Kind::MalformedResponse naming what was expected); it never throws or crashes. Times are
/// UTC.
namespace AlertmanagerParser {

bool parseStatus(const QByteArray &body, AlertmanagerStatus *status, DataSourceError *error);
bool parseAlerts(const QByteArray &body, std::vector<AmAlert> *alerts, DataSourceError *error);
bool parseAlertGroups(const QByteArray &body, std::vector<AlertGroup> *groups,
                      DataSourceError *error);
bool parseSilences(const QByteArray &body, std::vector<Silence> *silences, DataSourceError *error);
bool parseSilence(const QByteArray &body, Silence *silence, DataSourceError *error);
/// {"silenceID": "..."}.
bool parseSilenceId(const QByteArray &body, QString *id, DataSourceError *error);

/// The body of POST /api/v2/silences: id (when set), matchers, startsAt, endsAt, createdBy,
/// comment.
QByteArray silenceJson(const Silence &silence);

/// A non-2xx answer: Alertmanager's own text (`{"code":..,"message":".."}`, a JSON string
/// or plain text) unchanged in `detail`. 4xx are Kind::Rejected, other statuses
/// Kind::HttpStatus.
DataSourceError classifyHttpError(int status, const QByteArray &body,
                                  const QByteArray &contentType);

/// An ISO 8601 time as Alertmanager writes it ("2026-12-03T07:31:06.937Z"), in UTC; null
/// when empty or invalid.
QDateTime parseTime(const QString &text);
/// A time as Alertmanager reads it: ISO 8601 UTC with milliseconds.
QString formatTime(const QDateTime &time);

} // namespace AlertmanagerParser

} // namespace pharos
