#include "dashboards/model/dashboard.h"
#include "dashboards/layout/layout.h"
#include "dashboards/layout/legacyrows.h"
#include "dashboards/model/jsonvalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <algorithm>
#include <cctype>
#include <cmath>

namespace pharos {

namespace {

/// 1-based line and column of a byte offset in UTF-8 text.
void lineColumn(const QByteArray &json, int offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    const int end = std::min<int>(offset, int(json.size()));
    for (int i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(json.at(i));
        if (c == '\n') {
            ++*line;
            *column = 1;
        } else if ((c & 0xC0) != 0x80) { // count code points, not continuation bytes
            ++*column;
        }
    }
}

/// Rewrites the JSON numbers outside a double's range (1e400, -1e999) as +-DBL_MAX and those
/// too small for it (1e-400) as 0, outside strings. Returns true when it changed any.
bool clampOutOfRangeNumbers(QByteArray *json)
{
    QByteArray out;
    bool changed = false;
    const char *data = json->constData();
    const qsizetype n = json->size();
    qsizetype copied = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        if (c == '"') { // skip the string
            for (++i; i < n && data[i] != '"'; ++i) {
                if (data[i] == '\\')
                    ++i;
            }
            continue;
        }
        if (c != '-' && !(c >= '0' && c <= '9'))
            continue;
        qsizetype end = i + 1;
        bool exponent = false;
        while (end < n &&
               (std::isdigit(static_cast<unsigned char>(data[end])) || data[end] == '.' ||
                data[end] == 'e' || data[end] == 'E' || data[end] == '+' || data[end] == '-')) {
            exponent = exponent || data[end] == 'e' || data[end] == 'E';
            ++end;
        }
        if (exponent || end - i > 300) {
            const QByteArray token(data + i, end - i);
            bool ok = false;
            const double d = token.toDouble(&ok);
            QByteArray replacement;
            if (!ok || !std::isfinite(d)) {
                const bool negative = token.startsWith('-');
                const qsizetype e =
                    token.indexOf('e') >= 0 ? token.indexOf('e') : token.indexOf('E');
                const bool tiny = e >= 0 && token.mid(e + 1).startsWith('-');
                if (tiny)
                    replacement = "0";
                else
                    replacement = negative ? "-1.7976931348623157e308" : "1.7976931348623157e308";
            }
            if (!replacement.isEmpty()) {
                out.append(data + copied, i - copied);
                out.append(replacement);
                copied = end;
                changed = true;
            }
        }
        i = end - 1;
    }
    if (!changed)
        return false;
    out.append(data + copied, n - copied);
    *json = out;
    return true;
}

int intValue(const QJsonValue &v, int fallback)
{
    if (v.isDouble()) // truncated towards zero, clamped (1e300 stays an int)
        return std::isfinite(v.toDouble()) ? json::clampedInt(std::trunc(v.toDouble())) : fallback;
    if (v.isString()) {
        bool ok = false;
        const int i = v.toString().trimmed().toInt(&ok);
        if (ok)
            return i;
    }
    return fallback;
}

Target parseTarget(const QJsonObject &o)
{
    Target t;
    t.refId = o.value(QLatin1String("refId")).toString();
    t.expr = o.value(QLatin1String("expr")).toString();
    t.legendFormat = o.value(QLatin1String("legendFormat")).toString();
    const QJsonValue instant = o.value(QLatin1String("instant"));
    const QJsonValue range = o.value(QLatin1String("range"));
    t.instant = instant.toBool(false);
    if (range.isBool())
        t.range = range.toBool();
    else
        t.range = !t.instant; // `instant: true` without `range` means instant only
    if (!t.instant && !t.range)
        t.range = true; // neither flag: a range query
    t.interval = o.value(QLatin1String("interval")).toString();
    t.intervalFactor = std::max(1, intValue(o.value(QLatin1String("intervalFactor")), 1));
    t.format = o.value(QLatin1String("format")).toString();
    if (t.format.isEmpty())
        t.format = QStringLiteral("time_series");
    t.hide = o.value(QLatin1String("hide")).toBool(false);
    t.datasource = o.value(QLatin1String("datasource"));
    if (t.datasource.isUndefined())
        t.datasource = QJsonValue(QJsonValue::Null);
    return t;
}

FieldDefaults parseDefaults(const QJsonObject &panel)
{
    FieldDefaults f;
    const QJsonObject d = panel.value(QLatin1String("fieldConfig"))
                              .toObject()
                              .value(QLatin1String("defaults"))
                              .toObject();
    f.unit = d.value(QLatin1String("unit")).toString();
    f.min = json::number(d.value(QLatin1String("min")));
    f.max = json::number(d.value(QLatin1String("max")));
    if (const auto dec = json::number(d.value(QLatin1String("decimals"))))
        f.decimals = json::clampedInt(*dec, 0, 20);
    const QJsonObject th = d.value(QLatin1String("thresholds")).toObject();
    f.thresholds.mode = th.value(QLatin1String("mode")).toString() == QLatin1String("percentage")
                            ? Thresholds::Mode::Percentage
                            : Thresholds::Mode::Absolute;
    const QJsonArray steps = th.value(QLatin1String("steps")).toArray();
    for (const QJsonValue &sv : steps) {
        const QJsonObject s = sv.toObject();
        ThresholdStep step;
        step.value = json::number(s.value(QLatin1String("value")));
        step.color = s.value(QLatin1String("color")).toString();
        f.thresholds.steps.append(step);
    }
    const QJsonObject color = d.value(QLatin1String("color")).toObject();
    f.colorMode = color.value(QLatin1String("mode")).toString();
    f.fixedColor = color.value(QLatin1String("fixedColor")).toString();
    return f;
}

GridPos parseGridPos(const QJsonObject &g)
{
    GridPos p;
    p.x = std::clamp(intValue(g.value(QLatin1String("x")), 0), 0, 23);
    p.y = std::clamp(intValue(g.value(QLatin1String("y")), 0), 0, GridPos::MaxY);
    p.w = std::clamp(intValue(g.value(QLatin1String("w")), 12), 1, 24);
    p.h = std::clamp(intValue(g.value(QLatin1String("h")), 8), 1, GridPos::MaxHeight);
    p.w = std::min(p.w, 24 - p.x); // stay inside the 24 columns
    return p;
}

PanelModel parsePanel(const QJsonObject &o)
{
    PanelModel p;
    p.json = o;
    p.id = intValue(o.value(QLatin1String("id")), 0);
    p.type = o.value(QLatin1String("type")).toString();
    p.title = o.value(QLatin1String("title")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    p.gridPos = parseGridPos(o.value(QLatin1String("gridPos")).toObject());
    p.datasource = o.value(QLatin1String("datasource"));
    if (p.datasource.isUndefined())
        p.datasource = QJsonValue(QJsonValue::Null);
    const QJsonArray targets = o.value(QLatin1String("targets")).toArray();
    for (const QJsonValue &t : targets) {
        if (t.isObject())
            p.targets.append(parseTarget(t.toObject()));
    }
    p.defaults = parseDefaults(o);
    p.interval = o.value(QLatin1String("interval")).toString();
    const QJsonValue mdp = o.value(QLatin1String("maxDataPoints"));
    if (const auto n = json::number(mdp); n && *n >= 1)
        p.maxDataPoints = json::clampedInt(*n, 1, 10'000'000);
    p.collapsed = o.value(QLatin1String("collapsed")).toBool(false);
    p.repeat = o.value(QLatin1String("repeat")).toString();
    p.repeatDirection = o.value(QLatin1String("repeatDirection")).toString();
    p.maxPerRow = std::max(0, intValue(o.value(QLatin1String("maxPerRow")), 0));
    const QJsonArray children = o.value(QLatin1String("panels")).toArray();
    for (const QJsonValue &c : children) {
        if (c.isObject())
            p.children.append(parsePanel(c.toObject()));
    }
    return p;
}

} // namespace

QJsonObject PanelModel::customDefaults() const
{
    return json.value(QLatin1String("fieldConfig"))
        .toObject()
        .value(QLatin1String("defaults"))
        .toObject()
        .value(QLatin1String("custom"))
        .toObject();
}

std::optional<Dashboard> Dashboard::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Dashboard> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (json.trimmed().isEmpty())
        return fail(QCoreApplication::translate(
            "pharos::Dashboard", "The file is empty; expected Grafana dashboard JSON."));
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    // What a browser (and so Grafana) accepts: invalid UTF-8 becomes U+FFFD, numbers beyond a
    // double (1e400) become the largest double, ones too small for it 0.
    QByteArray repaired;
    bool utf8Fixed = false, numbersFixed = false;
    QJsonParseError again = pe;
    while (again.error == QJsonParseError::IllegalUTF8String ||
           again.error == QJsonParseError::IllegalNumber) {
        if (repaired.isEmpty())
            repaired = json;
        if (again.error == QJsonParseError::IllegalUTF8String && !utf8Fixed) {
            utf8Fixed = true;
            repaired = QString::fromUtf8(repaired).toUtf8();
        } else if (again.error == QJsonParseError::IllegalNumber && !numbersFixed) {
            numbersFixed = true;
            if (!clampOutOfRangeNumbers(&repaired))
                break;
        } else {
            break;
        }
        doc = QJsonDocument::fromJson(repaired, &again);
        if (again.error == QJsonParseError::NoError)
            pe = again; // (the offsets of other errors would not match the file)
    }
    if (pe.error != QJsonParseError::NoError) {
        int line = 0, column = 0;
        lineColumn(json, pe.offset, &line, &column);
        if (pe.error == QJsonParseError::DeepNesting)
            return fail(QCoreApplication::translate(
                            "pharos::Dashboard",
                            "Invalid JSON at line %1, column %2: nested more than 1,024 levels "
                            "deep, which no dashboard needs.")
                            .arg(line)
                            .arg(column));
        if (json.trimmed().startsWith('<'))
            return fail(
                QCoreApplication::translate(
                    "pharos::Dashboard",
                    "This is an HTML page, not Grafana dashboard JSON (line %1, column %2).")
                    .arg(line)
                    .arg(column));
        return fail(QCoreApplication::translate("pharos::Dashboard",
                                                "Invalid JSON at line %1, column %2: %3")
                        .arg(line)
                        .arg(column)
                        .arg(pe.errorString()));
    }
    if (!doc.isObject())
        return fail(QCoreApplication::translate(
            "pharos::Dashboard", "This is not a Grafana dashboard: the JSON is not an object."));
    return fromObject(doc.object(), error);
}

std::optional<Dashboard> Dashboard::fromObject(const QJsonObject &object, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Dashboard> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonObject o = object;
    if (!o.contains(QLatin1String("panels")) && !o.contains(QLatin1String("rows")) &&
        o.value(QLatin1String("dashboard")).isObject())
        o = o.value(QLatin1String("dashboard")).toObject();
    const bool hasPanels = o.value(QLatin1String("panels")).isArray();
    const bool hasRows = o.value(QLatin1String("rows")).isArray();
    if (!hasPanels && !hasRows)
        return fail(QCoreApplication::translate(
            "pharos::Dashboard",
            "This is not a Grafana dashboard: it has neither \"panels\" nor \"rows\"."));
    Dashboard d;
    d.m_json = o;
    d.rebuildView();
    return d;
}

QString Dashboard::title() const
{
    return m_json.value(QLatin1String("title")).toString();
}

QString Dashboard::uid() const
{
    return m_json.value(QLatin1String("uid")).toString();
}

int Dashboard::schemaVersion() const
{
    return intValue(m_json.value(QLatin1String("schemaVersion")), 0);
}

QString Dashboard::timeFrom() const
{
    const QString s =
        m_json.value(QLatin1String("time")).toObject().value(QLatin1String("from")).toString();
    return s.isEmpty() ? QStringLiteral("now-6h") : s;
}

QString Dashboard::timeTo() const
{
    const QString s =
        m_json.value(QLatin1String("time")).toObject().value(QLatin1String("to")).toString();
    return s.isEmpty() ? QStringLiteral("now") : s;
}

void Dashboard::setTime(const QString &from, const QString &to)
{
    QJsonObject time = m_json.value(QLatin1String("time")).toObject();
    time.insert(QLatin1String("from"), from);
    time.insert(QLatin1String("to"), to);
    m_json.insert(QLatin1String("time"), time);
}

QString Dashboard::refresh() const
{
    const QJsonValue v = m_json.value(QLatin1String("refresh"));
    return v.isString() ? v.toString() : QString();
}

void Dashboard::setRefresh(const QString &refresh)
{
    m_json.insert(QLatin1String("refresh"), refresh);
}

QString Dashboard::timezone() const
{
    return m_json.value(QLatin1String("timezone")).toString();
}

QList<PanelModel> Dashboard::drawable(const QList<PanelModel> &panels)
{
    QList<PanelModel> out;
    for (const PanelModel &p : panels) {
        if (p.isRow()) {
            for (const PanelModel &c : p.children) {
                if (!c.isRow())
                    out.append(c);
            }
        } else {
            out.append(p);
        }
    }
    return out;
}

QJsonArray Dashboard::templatingList() const
{
    return m_json.value(QLatin1String("templating"))
        .toObject()
        .value(QLatin1String("list"))
        .toArray();
}

void Dashboard::setTemplatingList(const QJsonArray &list)
{
    QJsonObject templating = m_json.value(QLatin1String("templating")).toObject();
    templating.insert(QLatin1String("list"), list);
    m_json.insert(QLatin1String("templating"), templating);
}

void Dashboard::rebuildView()
{
    m_panels.clear();
    const QJsonArray panels = m_json.value(QLatin1String("panels")).toArray();
    if (!panels.isEmpty() || !m_json.value(QLatin1String("rows")).isArray()) {
        for (const QJsonValue &v : panels) {
            if (v.isObject())
                m_panels.append(parsePanel(v.toObject()));
        }
    } else {
        // Legacy rows[] (schema < 16), view only (the document keeps its rows): laid out as
        // the Grafana migration lays them out when the file is loaded.
        const QJsonArray grid = layout::layoutPanels(
            legacyrows::toGridPanels(m_json.value(QLatin1String("rows")).toArray(), QJsonArray()));
        for (const QJsonValue &v : grid) {
            if (v.isObject())
                m_panels.append(parsePanel(v.toObject()));
        }
    }
    // Panels without an id, or repeating one already used, get unique negative ids (view
    // only): the scheduler and the widgets key panels by id.
    QSet<int> seen;
    int next = -1;
    auto assign = [&](PanelModel &p) {
        if (p.id == 0 || seen.contains(p.id))
            p.id = next--;
        seen.insert(p.id);
    };
    for (PanelModel &p : m_panels) {
        assign(p);
        for (PanelModel &c : p.children)
            assign(c);
    }
}

} // namespace pharos
