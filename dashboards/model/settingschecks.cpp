#include "dashboards/model/settingschecks.h"

#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/query/interval.h"
#include "dashboards/time/timerange.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace pharos::dashboardsettings {

namespace {

/// Gives Text::tr() the context "pharos::DashboardSettings" for lupdate and at run time.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(pharos::DashboardSettings)
};

QString timeZoneError(const QString &zone)
{
    if (zone.isEmpty() || zone.compare(QLatin1String("browser"), Qt::CaseInsensitive) == 0 ||
        zone.compare(QLatin1String("utc"), Qt::CaseInsensitive) == 0)
        return {};
    if (QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return {};
    return Text::tr("Unknown time zone “%1”.").arg(zone);
}

} // namespace

QString uidError(const QString &uid)
{
    if (uid.size() > 40)
        return Text::tr("The uid has %1 characters; at most 40 are allowed.").arg(uid.size());
    static const QRegularExpression allowed(QStringLiteral("^[a-zA-Z0-9_-]*$"));
    if (!allowed.match(uid).hasMatch())
        return Text::tr("The uid “%1” may only contain letters, digits, “-” and “_”.").arg(uid);
    return {};
}

QString variableNameError(const QString &name, const QStringList &others)
{
    if (name.isEmpty())
        return Text::tr("A variable needs a name.");
    if (name.startsWith(QLatin1String("__")))
        return Text::tr("The variable name “%1” starts with “__”, which is reserved for global "
                        "variables.")
            .arg(name);
    static const QRegularExpression word(QStringLiteral("^\\w+$"));
    if (!word.match(name).hasMatch())
        return Text::tr("The variable name “%1” may only contain letters, digits and “_”.")
            .arg(name);
    if (others.contains(name))
        return Text::tr("Another variable is already named “%1”.").arg(name);
    return {};
}

QString timeExpressionError(const QString &expression, bool isEnd)
{
    QString error;
    if (expression.trimmed().isEmpty())
        return isEnd ? Text::tr("The end of the default time range is empty.")
                     : Text::tr("The start of the default time range is empty.");
    if (!parseTimeExpression(expression.trimmed(), QDateTime::currentDateTimeUtc(),
                             QTimeZone::utc(), isEnd, &error))
        return (isEnd ? Text::tr("Invalid end of the time range “%1”: %2")
                      : Text::tr("Invalid start of the time range “%1”: %2"))
            .arg(expression, error);
    return {};
}

QString refreshIntervalError(const QString &interval)
{
    if (interval.isEmpty())
        return {};
    const auto ms = parseDurationMs(interval);
    if (!ms || *ms <= 0)
        return Text::tr("“%1” is not a refresh interval (use a duration such as 5s, 1m or 1h).")
            .arg(interval);
    return {};
}

QStringList validateSettings(const QJsonObject &d)
{
    QStringList errors;
    const QJsonValue uid = d.value(QLatin1String("uid"));
    if (uid.isString()) {
        if (const QString e = uidError(uid.toString()); !e.isEmpty())
            errors << e;
    } else if (!uid.isUndefined() && !uid.isNull()) {
        errors << Text::tr("The uid must be text.");
    }

    const QJsonValue time = d.value(QLatin1String("time"));
    if (time.isObject()) {
        const QString from = time.toObject().value(QLatin1String("from")).toString();
        const QString to = time.toObject().value(QLatin1String("to")).toString();
        const QString fromError = timeExpressionError(from, false);
        const QString toError = timeExpressionError(to, true);
        if (!fromError.isEmpty())
            errors << fromError;
        if (!toError.isEmpty())
            errors << toError;
        if (fromError.isEmpty() && toError.isEmpty()) {
            TimeRange range{from.trimmed(), to.trimmed()};
            QString error;
            if (!range.resolve(QDateTime::currentDateTimeUtc(), QTimeZone::utc(), &error))
                errors << Text::tr("Invalid default time range: %1").arg(error);
        }
    } else if (!time.isUndefined() && !time.isNull()) {
        errors << Text::tr("“time” must be an object with “from” and “to”.");
    }

    const QJsonValue refresh = d.value(QLatin1String("refresh"));
    if (refresh.isString()) {
        if (const QString e = refreshIntervalError(refresh.toString()); !e.isEmpty())
            errors << e;
    }
    const QJsonValue intervals =
        d.value(QLatin1String("timepicker")).toObject().value(QLatin1String("refresh_intervals"));
    if (intervals.isArray()) {
        for (const QJsonValue &v : intervals.toArray()) {
            const QString e = v.isString() ? refreshIntervalError(v.toString())
                                           : Text::tr("Refresh intervals must be text.");
            if (!e.isEmpty() || v.toString().isEmpty()) {
                errors << (e.isEmpty() ? Text::tr("A refresh interval is empty.") : e);
                break;
            }
        }
    }

    const QJsonValue tooltip = d.value(QLatin1String("graphTooltip"));
    if (!tooltip.isUndefined() && !tooltip.isNull() &&
        (!tooltip.isDouble() || tooltip.toInt(-1) < 0 || tooltip.toInt(-1) > 2))
        errors << Text::tr("“graphTooltip” must be 0, 1 or 2.");

    if (const QJsonValue tz = d.value(QLatin1String("timezone")); tz.isString()) {
        if (const QString e = timeZoneError(tz.toString()); !e.isEmpty())
            errors << e;
    }

    const QJsonValue templating = d.value(QLatin1String("templating"));
    if (!templating.isUndefined() && !templating.isObject())
        errors << Text::tr("“templating” must be an object with a “list”.");
    const QJsonArray list = templating.toObject().value(QLatin1String("list")).toArray();
    QStringList names;
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            errors << Text::tr("Variable %1 is not an object.").arg(i + 1);
            continue;
        }
        const QString name = list.at(i).toObject().value(QLatin1String("name")).toString();
        if (const QString e = variableNameError(name, names); !e.isEmpty())
            errors << Text::tr("Variable %1: %2").arg(i + 1).arg(e);
        names << name;
    }

    const QJsonValue links = d.value(QLatin1String("links"));
    if (!links.isUndefined() && !links.isNull() && !links.isArray())
        errors << Text::tr("“links” must be an array.");
    const QJsonArray linkList = links.toArray();
    for (int i = 0; i < linkList.size(); ++i) {
        const QJsonObject l = linkList.at(i).toObject();
        const QString type = l.value(QLatin1String("type")).toString();
        if (!linkList.at(i).isObject())
            errors << Text::tr("Link %1 is not an object.").arg(i + 1);
        else if (type != QLatin1String("link") && type != QLatin1String("dashboards"))
            errors << Text::tr("Link %1 has the type “%2”; expected “link” or “dashboards”.")
                          .arg(i + 1)
                          .arg(type);
    }
    return errors;
}

CheckResult checkObject(const QJsonObject &object)
{
    CheckResult r;
    if (!object.value(QLatin1String("panels")).isArray() &&
        !object.value(QLatin1String("rows")).isArray()) {
        r.error = Text::tr("The dashboard needs a “panels” array (or legacy “rows”).");
        return r;
    }
    const QStringList errors = validateSettings(object);
    if (!errors.isEmpty()) {
        r.error = errors.join(QLatin1Char('\n'));
        return r;
    }
    const MigrationResult migrated = migrateDashboard(object);
    QString error;
    r.dashboard = Dashboard::fromObject(migrated.dashboard, &error);
    if (!r.dashboard)
        r.error = error.isEmpty() ? Text::tr("The dashboard cannot be loaded.") : error;
    return r;
}

CheckResult checkJsonText(const QByteArray &text)
{
    CheckResult r;
    if (text.trimmed().isEmpty()) {
        r.error = Text::tr("The JSON model is empty.");
        return r;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Position: 1-based line and column in code points, and the UTF-16 offset.
        int line = 1, column = 1, utf16 = 0;
        const int end = std::min<int>(pe.offset, int(text.size()));
        for (int i = 0; i < end; ++i) {
            const unsigned char c = static_cast<unsigned char>(text.at(i));
            if ((c & 0xC0) == 0x80)
                continue;
            utf16 += (c >= 0xF0) ? 2 : 1;
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        r.line = line;
        r.column = column;
        r.offset = utf16;
        r.error = Text::tr("Invalid JSON at line %1, column %2: %3")
                      .arg(line)
                      .arg(column)
                      .arg(pe.errorString());
        return r;
    }
    if (!doc.isObject()) {
        r.error = Text::tr("The JSON model must be an object.");
        return r;
    }
    return checkObject(doc.object());
}

QStringList graphTooltipNames()
{
    return {Text::tr("Default"), Text::tr("Shared crosshair"), Text::tr("Shared tooltip")};
}

} // namespace pharos::dashboardsettings
