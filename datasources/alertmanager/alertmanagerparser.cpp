#include "datasources/alertmanager/alertmanagerparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace pharos::AlertmanagerParser {

using Kind = DataSourceError::Kind;

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("pharos::AlertmanagerParser", text);
}

void setError(DataSourceError *error, Kind kind, const QString &detail)
{
    if (!error)
        return;
    error->kind = kind;
    error->detail = detail;
}

// The document of a 2xx body, or false with Kind::MalformedResponse.
bool document(const QByteArray &body, QJsonDocument *doc, DataSourceError *error)
{
    if (body.trimmed().isEmpty()) {
        setError(error, Kind::MalformedResponse,
                 translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser", "empty response")));
        return false;
    }
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, Kind::MalformedResponse,
                 translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                              "invalid JSON at offset %1: %2"))
                     .arg(parseError.offset)
                     .arg(parseError.errorString()));
        return false;
    }
    return true;
}

bool array(const QByteArray &body, QJsonArray *out, const char *what, DataSourceError *error)
{
    QJsonDocument doc;
    if (!document(body, &doc, error))
        return false;
    if (!doc.isArray()) {
        setError(error, Kind::MalformedResponse, translated(what));
        return false;
    }
    *out = doc.array();
    return true;
}

bool object(const QByteArray &body, QJsonObject *out, const char *what, DataSourceError *error)
{
    QJsonDocument doc;
    if (!document(body, &doc, error))
        return false;
    if (!doc.isObject()) {
        setError(error, Kind::MalformedResponse, translated(what));
        return false;
    }
    *out = doc.object();
    return true;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

AmLabels labels(const QJsonValue &v)
{
    AmLabels out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray()) {
        if (s.isString())
            out << s.toString();
    }
    return out;
}

AmAlert alert(const QJsonObject &o)
{
    AmAlert a;
    a.labels = labels(o.value(QLatin1String("labels")));
    a.annotations = labels(o.value(QLatin1String("annotations")));
    a.startsAt = parseTime(text(o, "startsAt"));
    a.endsAt = parseTime(text(o, "endsAt"));
    a.updatedAt = parseTime(text(o, "updatedAt"));
    a.generatorUrl = text(o, "generatorURL");
    a.fingerprint = text(o, "fingerprint");
    for (const QJsonValue &r : o.value(QLatin1String("receivers")).toArray()) {
        const QString name = r.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            a.receivers << name;
    }
    const QJsonObject status = o.value(QLatin1String("status")).toObject();
    amAlertStateFromName(text(status, "state"), &a.state);
    a.silencedBy = strings(status.value(QLatin1String("silencedBy")));
    a.inhibitedBy = strings(status.value(QLatin1String("inhibitedBy")));
    return a;
}

// Every element must be an object: anything else is another API.
bool alertsOf(const QJsonArray &array, std::vector<AmAlert> *alerts, DataSourceError *error)
{
    alerts->reserve(size_t(array.size()));
    for (const QJsonValue &v : array) {
        if (!v.isObject()) {
            setError(error, Kind::MalformedResponse,
                     translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                                  "an alert is not a JSON object")));
            return false;
        }
        alerts->push_back(alert(v.toObject()));
    }
    return true;
}

Silence silence(const QJsonObject &o)
{
    Silence s;
    s.id = text(o, "id");
    for (const QJsonValue &v : o.value(QLatin1String("matchers")).toArray()) {
        const QJsonObject m = v.toObject();
        SilenceMatcher matcher;
        matcher.name = text(m, "name");
        matcher.value = text(m, "value");
        matcher.isRegex = m.value(QLatin1String("isRegex")).toBool(false);
        matcher.isEqual = m.value(QLatin1String("isEqual")).toBool(true);
        s.matchers << matcher;
    }
    s.startsAt = parseTime(text(o, "startsAt"));
    s.endsAt = parseTime(text(o, "endsAt"));
    s.updatedAt = parseTime(text(o, "updatedAt"));
    s.createdBy = text(o, "createdBy");
    s.comment = text(o, "comment");
    const QString state = text(o.value(QLatin1String("status")).toObject(), "state");
    if (state == QLatin1String("active"))
        s.state = Silence::State::Active;
    else if (state == QLatin1String("pending"))
        s.state = Silence::State::Pending;
    else if (state == QLatin1String("expired"))
        s.state = Silence::State::Expired;
    return s;
}

bool isSilence(const QJsonValue &v)
{
    return v.isObject() && v.toObject().value(QLatin1String("id")).isString() &&
           v.toObject().value(QLatin1String("matchers")).isArray();
}

} // namespace

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    return t.toUTC();
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool parseStatus(const QByteArray &body, AlertmanagerStatus *status, DataSourceError *error)
{
    QJsonObject o;
    if (!object(body, &o,
                QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                  "expected Alertmanager's status object"),
                error))
        return false;
    const QJsonValue versionInfo = o.value(QLatin1String("versionInfo"));
    const QJsonValue cluster = o.value(QLatin1String("cluster"));
    if (!versionInfo.isObject() || !cluster.isObject()) {
        setError(error, Kind::MalformedResponse,
                 translated(QT_TRANSLATE_NOOP(
                     "pharos::AlertmanagerParser",
                     "no \"versionInfo\" or \"cluster\" in the status: not an Alertmanager")));
        return false;
    }
    const QJsonObject v = versionInfo.toObject();
    status->version = text(v, "version");
    status->revision = text(v, "revision");
    status->branch = text(v, "branch");
    status->goVersion = text(v, "goVersion");
    status->uptime = parseTime(text(o, "uptime"));
    const QJsonObject c = cluster.toObject();
    status->clusterStatus = text(c, "status");
    status->clusterName = text(c, "name");
    status->peers.clear();
    for (const QJsonValue &p : c.value(QLatin1String("peers")).toArray()) {
        const QJsonObject peer = p.toObject();
        status->peers << AlertmanagerPeer{text(peer, "name"), text(peer, "address")};
    }
    status->configOriginal = text(o.value(QLatin1String("config")).toObject(), "original");
    return true;
}

bool parseAlerts(const QByteArray &body, std::vector<AmAlert> *alerts, DataSourceError *error)
{
    QJsonArray a;
    if (!array(body, &a,
               QT_TRANSLATE_NOOP("pharos::AlertmanagerParser", "expected a JSON array of alerts"),
               error))
        return false;
    return alertsOf(a, alerts, error);
}

bool parseAlertGroups(const QByteArray &body, std::vector<AlertGroup> *groups,
                      DataSourceError *error)
{
    QJsonArray a;
    if (!array(body, &a,
               QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                 "expected a JSON array of alert groups"),
               error))
        return false;
    groups->reserve(size_t(a.size()));
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.value(QLatin1String("alerts")).isArray()) {
            setError(error, Kind::MalformedResponse,
                     translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                                  "an alert group has no \"alerts\" array")));
            return false;
        }
        AlertGroup g;
        g.labels = labels(o.value(QLatin1String("labels")));
        g.receiver = text(o.value(QLatin1String("receiver")).toObject(), "name");
        if (!alertsOf(o.value(QLatin1String("alerts")).toArray(), &g.alerts, error))
            return false;
        groups->push_back(std::move(g));
    }
    return true;
}

bool parseSilences(const QByteArray &body, std::vector<Silence> *silences, DataSourceError *error)
{
    QJsonArray a;
    if (!array(body, &a,
               QT_TRANSLATE_NOOP("pharos::AlertmanagerParser", "expected a JSON array of silences"),
               error))
        return false;
    silences->reserve(size_t(a.size()));
    for (const QJsonValue &v : a) {
        if (!isSilence(v)) {
            setError(error, Kind::MalformedResponse,
                     translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                                  "a silence has no \"id\" or \"matchers\"")));
            return false;
        }
        silences->push_back(silence(v.toObject()));
    }
    return true;
}

bool parseSilence(const QByteArray &body, Silence *out, DataSourceError *error)
{
    QJsonDocument doc;
    if (!document(body, &doc, error))
        return false;
    if (!isSilence(doc.object())) {
        setError(error, Kind::MalformedResponse,
                 translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                              "a silence has no \"id\" or \"matchers\"")));
        return false;
    }
    *out = silence(doc.object());
    return true;
}

bool parseSilenceId(const QByteArray &body, QString *id, DataSourceError *error)
{
    QJsonObject o;
    if (!object(body, &o,
                QT_TRANSLATE_NOOP("pharos::AlertmanagerParser", "expected {\"silenceID\": ...}"),
                error))
        return false;
    *id = text(o, "silenceID");
    if (id->isEmpty()) {
        setError(error, Kind::MalformedResponse,
                 translated(QT_TRANSLATE_NOOP("pharos::AlertmanagerParser",
                                              "expected {\"silenceID\": ...}")));
        return false;
    }
    return true;
}

QByteArray silenceJson(const Silence &s)
{
    QJsonArray matchers;
    for (const SilenceMatcher &m : s.matchers)
        matchers.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("value"), m.value},
                                    {QStringLiteral("isRegex"), m.isRegex},
                                    {QStringLiteral("isEqual"), m.isEqual}});
    QJsonObject o{{QStringLiteral("matchers"), matchers},
                  {QStringLiteral("startsAt"), formatTime(s.startsAt)},
                  {QStringLiteral("endsAt"), formatTime(s.endsAt)},
                  {QStringLiteral("createdBy"), s.createdBy},
                  {QStringLiteral("comment"), s.comment}};
    if (!s.id.isEmpty())
        o.insert(QStringLiteral("id"), s.id);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

DataSourceError classifyHttpError(int status, const QByteArray &body, const QByteArray &)
{
    DataSourceError e;
    e.httpStatus = status;
    e.kind = status >= 400 && status < 500 ? Kind::Rejected : Kind::HttpStatus;
    const QByteArray trimmed = body.trimmed();
    QString detail;
    QJsonParseError parseError;
    // A JSON string ("bad matcher format: ...") is not a document Qt parses alone: wrap it.
    const QJsonDocument doc = trimmed.startsWith('"')
                                  ? QJsonDocument::fromJson("[" + trimmed + "]", &parseError)
                                  : QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        detail = o.value(QLatin1String("message")).toString();
        if (detail.isEmpty())
            detail = o.value(QLatin1String("error")).toString();
    } else if (parseError.error == QJsonParseError::NoError && doc.isArray() &&
               trimmed.startsWith('"')) {
        detail = doc.array().first().toString();
    }
    if (detail.isEmpty() && !trimmed.startsWith('<')) // not an HTML page of a proxy
        detail = QString::fromUtf8(trimmed);
    e.detail = detail.trimmed();
    if (e.detail.isEmpty() && e.kind == Kind::Rejected)
        e.kind = Kind::HttpStatus;
    return e;
}

} // namespace pharos::AlertmanagerParser
