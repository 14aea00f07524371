#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/model/paneltypes.h"
#include "datasources/datasourceref.h"

#include "dashboards/layout/layout.h"
#include "dashboards/model/jsonvalue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace pharos {

namespace {

const QLatin1String Marker("__pharosImportIndex");

QLatin1String L(const char *s)
{
    return QLatin1String(s);
}

// y + h of a gridPos as written, within the layout's bounds (file values can be anything).
int gridBottom(const QJsonObject &g)
{
    const qint64 bottom =
        qint64(g.value(QLatin1String("y")).toInt()) + g.value(QLatin1String("h")).toInt();
    return int(std::clamp<qint64>(bottom, 0, layout::MaxY + layout::MaxHeight));
}

std::optional<double> toNumber(const QJsonValue &v)
{
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

QJsonValue numberOrNull(const QJsonValue &v)
{
    if (const auto n = toNumber(v))
        return *n;
    return QJsonValue(QJsonValue::Null);
}

QString variableName(const QString &ref)
{
    QString s = ref.trimmed();
    if (s.startsWith(QLatin1String("${")))
        s = s.mid(2, s.size() - 3);
    else if (s.startsWith(QLatin1String("[[")))
        s = s.mid(2, s.size() - 4);
    else if (s.startsWith(QLatin1Char('$')))
        s = s.mid(1);
    return s.section(QLatin1Char(':'), 0, 0);
}

/// Grafana's old reducer names (singlestat valueName, legend flags) as field reducers.
QString reducerFor(const QString &valueName)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("avg"), QStringLiteral("mean")},
        {QStringLiteral("current"), QStringLiteral("lastNotNull")},
        {QStringLiteral("total"), QStringLiteral("sum")},
        {QStringLiteral("min"), QStringLiteral("min")},
        {QStringLiteral("max"), QStringLiteral("max")},
        {QStringLiteral("first"), QStringLiteral("firstNotNull")},
        {QStringLiteral("delta"), QStringLiteral("delta")},
        {QStringLiteral("diff"), QStringLiteral("diff")},
        {QStringLiteral("range"), QStringLiteral("range")},
        {QStringLiteral("count"), QStringLiteral("count")},
        {QStringLiteral("last"), QStringLiteral("last")},
        {QStringLiteral("last_time"), QStringLiteral("lastNotNull")},
        {QStringLiteral("name"), QStringLiteral("lastNotNull")},
    };
    return map.value(valueName);
}

/// A Grafana colour from the old Angular names.
QString thresholdColor(const QString &colorMode, const QString &custom)
{
    if (colorMode == QLatin1String("critical"))
        return QStringLiteral("red");
    if (colorMode == QLatin1String("warning"))
        return QStringLiteral("orange");
    if (colorMode == QLatin1String("ok"))
        return QStringLiteral("green");
    return custom.isEmpty() ? QStringLiteral("red") : custom;
}

QJsonObject matcherFor(const QString &alias)
{
    QJsonObject m;
    if (alias.size() > 2 && alias.startsWith(QLatin1Char('/')) &&
        alias.lastIndexOf(QLatin1Char('/')) > 0) {
        m.insert(L("id"), QStringLiteral("byRegexp"));
        m.insert(L("options"), alias.mid(1, alias.lastIndexOf(QLatin1Char('/')) - 1));
    } else {
        m.insert(L("id"), QStringLiteral("byName"));
        m.insert(L("options"), alias);
    }
    return m;
}

QJsonObject property(const QString &id, const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("value"), value}};
}

QJsonObject fixedColor(const QString &color)
{
    return QJsonObject{{QStringLiteral("mode"), QStringLiteral("fixed")},
                       {QStringLiteral("fixedColor"), color}};
}

/// Adds `props` to the override for `matcher`, creating it when needed.
void addOverride(QJsonArray *overrides, const QJsonObject &matcher, const QJsonArray &props)
{
    if (props.isEmpty())
        return;
    for (qsizetype i = 0; i < overrides->size(); ++i) {
        QJsonObject o = overrides->at(i).toObject();
        if (o.value(L("matcher")).toObject() == matcher) {
            QJsonArray existing = o.value(L("properties")).toArray();
            for (const QJsonValue &p : props)
                existing.append(p);
            o.insert(L("properties"), existing);
            (*overrides)[i] = o;
            return;
        }
    }
    overrides->append(
        QJsonObject{{QStringLiteral("matcher"), matcher}, {QStringLiteral("properties"), props}});
}

QJsonObject thresholdsFromSteps(const QJsonArray &steps, const QString &mode = QString())
{
    return QJsonObject{{QStringLiteral("mode"), mode.isEmpty() ? QStringLiteral("absolute") : mode},
                       {QStringLiteral("steps"), steps}};
}

QJsonObject step(const QJsonValue &value, const QString &color)
{
    return QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("color"), color}};
}

/// Replaces text in every string of a JSON value.
QJsonValue replaceInStrings(const QJsonValue &v, const QList<std::pair<QString, QString>> &pairs,
                            bool *changed)
{
    if (v.isString()) {
        QString s = v.toString();
        const QString before = s;
        for (const auto &[from, to] : pairs)
            s.replace(from, to);
        if (s != before)
            *changed = true;
        return s;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = replaceInStrings(a.at(i), pairs, changed);
        return a;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = replaceInStrings(it.value(), pairs, changed);
        return o;
    }
    return v;
}

int heightUnits(const QJsonValue &v, int fallback)
{
    double px = 0;
    if (v.isDouble()) {
        px = v.toDouble();
    } else if (v.isString()) {
        QString s = v.toString().trimmed();
        if (s.endsWith(QLatin1String("px")))
            s.chop(2);
        bool ok = false;
        px = s.trimmed().toDouble(&ok);
        if (!ok)
            return fallback;
    } else {
        return fallback;
    }
    if (!std::isfinite(px))
        return fallback;
    px = std::max(px, 90.0); // Grafana's minimum panel height
    // 30 px per unit plus the 8 px gutter.
    return std::min(json::saturatedInt(std::ceil(px / 38.0)), layout::MaxHeight);
}

/// A legacy prefix and postfix (singlestat, Grafana 6 gauge) on the value of `defaults`,
/// whose unit is `unit`. Grafana has one custom unit for one of them ("prefix:X" or
/// "suffix:X"); with both, the postfix is the "suffix:" unit (what Grafana shows) and the
/// prefix goes to custom.pharosPrefix, which Grafana ignores and Pharos shows before the
/// value. With a real unit (bytes, ...), the prefix is kept the same way and the postfix,
/// which the unit replaces, is dropped. Returns the unit to write and the report notes.
QString legacyPrefixSuffix(QJsonObject &defaults, QString unit, const QString &prefix,
                           const QString &postfix, QStringList *notes)
{
    if (prefix.isEmpty() && postfix.isEmpty())
        return unit;
    auto keepPrefix = [&] {
        QJsonObject custom = defaults.value(QLatin1String("custom")).toObject();
        // Singlestat drew the prefix in its own span before the value: keep them apart.
        custom.insert(QStringLiteral("pharosPrefix"), QString(prefix + QLatin1Char(' ')));
        defaults.insert(QStringLiteral("custom"), custom);
    };
    const bool plain =
        unit.isEmpty() || unit == QLatin1String("none") || unit == QLatin1String("short");
    if (plain) {
        if (!prefix.isEmpty() && !postfix.isEmpty()) {
            unit = QLatin1String("suffix:") + postfix;
            keepPrefix();
            *notes << QCoreApplication::translate(
                          "pharos::GrafanaMigrator",
                          "Prefix \"%1\" and postfix \"%2\" are both shown: the postfix is the "
                          "custom unit suffix, the prefix is kept in custom.pharosPrefix (Grafana "
                          "shows only the suffix).")
                          .arg(prefix, postfix);
        } else if (!prefix.isEmpty()) {
            unit = QLatin1String("prefix:") + prefix;
            *notes << QCoreApplication::translate("pharos::GrafanaMigrator",
                                                  "Prefix/postfix became a custom unit.");
        } else {
            unit = QLatin1String("suffix:") + postfix;
            *notes << QCoreApplication::translate("pharos::GrafanaMigrator",
                                                  "Prefix/postfix became a custom unit.");
        }
        return unit;
    }
    if (!prefix.isEmpty()) {
        keepPrefix();
        *notes << QCoreApplication::translate(
                      "pharos::GrafanaMigrator",
                      "Prefix \"%1\" is shown before the value (kept in custom.pharosPrefix).")
                      .arg(prefix);
    }
    if (!postfix.isEmpty())
        *notes << QCoreApplication::translate(
                      "pharos::GrafanaMigrator",
                      "Postfix \"%1\" dropped: the unit \"%2\" already formats the value.")
                      .arg(postfix, unit);
    return unit;
}

} // namespace

/// The migration of one dashboard; a class so that tr() has the context
/// "pharos::GrafanaMigrator" for lupdate and at run time.
class GrafanaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(pharos::GrafanaMigrator)
public:
    explicit GrafanaMigrator(const MigrationOptions &options) : m_options(options) {}
    MigrationResult run(const QJsonObject &input);

private:
    // Report bookkeeping
    void markPanel(QJsonObject *panel, const QString &fromTypeOverride = QString());
    void markPanels(QJsonArray *panels);
    void note(const QJsonObject &panel, const QString &text);
    void convertedNote(const QJsonObject &panel, const QString &text) { note(panel, text); }

    template <typename F> void forEachPanel(QJsonArray *panels, F &&fn);
    template <typename F> void forEachPanel(F &&fn);

    // Dashboard-level schema steps
    void migrateVariables();
    void migrateAnnotations();
    void upgradeRows();
    void assignIds();

    // Panel steps (by schema version), then the Angular auto-migration
    void schemaSteps(QJsonObject *panel);
    void autoMigrate(QJsonObject *panel);
    void graphToTimeseries(QJsonObject *panel);
    void graphToBarGauge(QJsonObject *panel);
    void singlestatToStat(QJsonObject *panel);
    void tableOldToTable(QJsonObject *panel);
    void oldGaugeOptions(QJsonObject *panel);
    void piechartPlugin(QJsonObject *panel);
    void oldHeatmap(QJsonObject *panel);
    void dataSources(QJsonObject *panel);
    QJsonValue dataSourceRef(const QJsonValue &ref, bool nullForDefault) const;

    QJsonArray legacyMappings(const QJsonObject &panel);
    static QJsonArray newMappings(const QJsonArray &old);

    MigrationOptions m_options;
    QJsonObject m_doc;
    int m_from = 0;
    QList<ImportReportEntry> m_entries;
    QStringList m_notes;
    QHash<QString, QString> m_dsVariableTypes; // datasource variable name -> plugin id
};

void GrafanaMigrator::markPanel(QJsonObject *panel, const QString &fromTypeOverride)
{
    ImportReportEntry e;
    const QJsonValue id = panel->value(L("id"));
    e.id = id.isUndefined() ? QJsonValue(QJsonValue::Null) : id;
    e.title = panel->value(L("title")).toString();
    e.fromType = fromTypeOverride.isEmpty() ? panel->value(L("type")).toString() : fromTypeOverride;
    panel->insert(Marker, int(m_entries.size()));
    m_entries.append(e);
    const QJsonValue children = panel->value(L("panels"));
    if (children.isArray()) {
        QJsonArray kids = children.toArray();
        markPanels(&kids);
        panel->insert(L("panels"), kids);
    }
}

void GrafanaMigrator::markPanels(QJsonArray *panels)
{
    for (qsizetype i = 0; i < panels->size(); ++i) {
        if (!panels->at(i).isObject())
            continue;
        QJsonObject p = panels->at(i).toObject();
        markPanel(&p);
        (*panels)[i] = p;
    }
}

void GrafanaMigrator::note(const QJsonObject &panel, const QString &text)
{
    const QJsonValue idx = panel.value(Marker);
    if (!idx.isDouble())
        return;
    const int i = idx.toInt();
    if (i >= 0 && i < m_entries.size() && !m_entries[i].notes.contains(text))
        m_entries[i].notes.append(text);
}

template <typename F> void GrafanaMigrator::forEachPanel(QJsonArray *panels, F &&fn)
{
    for (qsizetype i = 0; i < panels->size(); ++i) {
        if (!panels->at(i).isObject())
            continue;
        QJsonObject p = panels->at(i).toObject();
        fn(&p);
        if (p.value(L("panels")).isArray()) {
            QJsonArray kids = p.value(L("panels")).toArray();
            forEachPanel(&kids, fn);
            p.insert(L("panels"), kids);
        }
        (*panels)[i] = p;
    }
}

template <typename F> void GrafanaMigrator::forEachPanel(F &&fn)
{
    QJsonArray panels = m_doc.value(L("panels")).toArray();
    forEachPanel(&panels, fn);
    m_doc.insert(L("panels"), panels);
}

MigrationResult GrafanaMigrator::run(const QJsonObject &input)
{
    m_doc = input;
    if (!m_doc.contains(L("panels")) && !m_doc.contains(L("rows")) &&
        m_doc.value(L("dashboard")).isObject())
        m_doc = m_doc.value(L("dashboard")).toObject();
    const QJsonObject original = m_doc;
    m_from = json::saturatedInt(toNumber(m_doc.value(L("schemaVersion"))).value_or(0));

    // 1. Every input panel gets a report entry (legacy rows and their panels first).
    if (m_doc.value(L("rows")).isArray()) {
        QJsonArray rows = m_doc.value(L("rows")).toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            QJsonObject r = rows.at(i).toObject();
            markPanel(&r, QStringLiteral("row"));
            rows[i] = r;
        }
        m_doc.insert(L("rows"), rows);
    }
    if (m_doc.value(L("panels")).isArray()) {
        QJsonArray panels = m_doc.value(L("panels")).toArray();
        markPanels(&panels);
        m_doc.insert(L("panels"), panels);
    }

    // 2. Dashboard-level steps.
    if (m_from < 14 && m_doc.contains(L("sharedCrosshair"))) {
        m_doc.insert(L("graphTooltip"), m_doc.value(L("sharedCrosshair")).toBool() ? 1 : 0);
        m_doc.remove(L("sharedCrosshair"));
    }
    for (const QJsonValue &v : m_doc.value(L("templating")).toObject().value(L("list")).toArray()) {
        const QJsonObject var = v.toObject();
        if (var.value(L("type")).toString() == QLatin1String("datasource"))
            m_dsVariableTypes.insert(var.value(L("name")).toString(),
                                     var.value(L("query")).toString());
    }
    migrateVariables();
    migrateAnnotations();
    if (m_doc.value(L("rows")).isArray())
        upgradeRows();
    if (!m_doc.value(L("panels")).isArray())
        m_doc.insert(L("panels"), QJsonArray());

    // 3. Panels: schema steps, Angular panels, data-source references.
    forEachPanel([this](QJsonObject *p) {
        schemaSteps(p);
        autoMigrate(p);
        dataSources(p);
    });
    assignIds();

    // 4. The rest of the dashboard.
    const QJsonValue refresh = m_doc.value(L("refresh"));
    if (!refresh.isString() && (m_from < 40 || !refresh.isUndefined())) {
        if (!refresh.isUndefined() && !(refresh.isBool() && !refresh.toBool()) && !refresh.isNull())
            m_notes << tr("The dashboard's refresh setting was not a duration; auto-refresh is "
                          "off.");
        m_doc.insert(L("refresh"), QString());
    }
    if (m_doc.value(L("timepicker")).isObject()) {
        QJsonObject tp = m_doc.value(L("timepicker")).toObject();
        if (tp.contains(L("time_options"))) {
            tp.remove(L("time_options"));
            m_doc.insert(L("timepicker"), tp);
        }
    }
    m_doc.insert(L("panels"), layout::layoutPanels(m_doc.value(L("panels")).toArray()));
    if (m_from < CurrentSchemaVersion || !m_doc.contains(L("schemaVersion")))
        m_doc.insert(L("schemaVersion"), CurrentSchemaVersion);

    // 5. The report: where each input panel ended up.
    QList<bool> found(m_entries.size(), false);
    QJsonArray panels = m_doc.value(L("panels")).toArray();
    forEachPanel(&panels, [&](QJsonObject *p) {
        const QJsonValue idx = p->value(Marker);
        p->remove(Marker);
        if (!idx.isDouble())
            return;
        const int i = idx.toInt();
        if (i < 0 || i >= m_entries.size())
            return;
        ImportReportEntry &e = m_entries[i];
        found[i] = true;
        e.toType = p->value(L("type")).toString();
        e.newId = p->value(L("id")).toInt();
        if (!paneltypes::isNative(e.toType)) {
            e.status = ImportReportEntry::Status::Unsupported;
            const QString why =
                e.toType.isEmpty()
                    ? tr("The panel has no type; Pharos shows a placeholder and keeps it on save.")
                    : tr("Pharos cannot draw \"%1\" panels yet; it shows a placeholder that "
                         "names the type and keeps the panel unchanged on save.")
                          .arg(e.toType);
            e.notes.append(why);
        } else if (e.toType != e.fromType || !e.notes.isEmpty()) {
            e.status = ImportReportEntry::Status::Converted;
        }
    });
    m_doc.insert(L("panels"), panels);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        ImportReportEntry &e = m_entries[i];
        if (found[i])
            continue;
        // Legacy rows that needed no row panel: their panels stand on the grid directly.
        e.toType = QString();
        e.status = ImportReportEntry::Status::Converted;
        if (e.notes.isEmpty())
            e.notes << tr("This legacy row only grouped its panels; they are placed on the grid "
                          "directly.");
    }

    MigrationResult r;
    r.dashboard = m_doc;
    r.report.fromSchemaVersion = m_from;
    r.report.toSchemaVersion =
        json::saturatedInt(toNumber(m_doc.value(L("schemaVersion"))).value_or(0));
    r.report.panels = m_entries;
    r.report.notes = m_notes;
    r.changed = m_doc != original;
    return r;
}

// ---- variables and annotations ----------------------------------------------------------

void GrafanaMigrator::migrateVariables()
{
    QJsonObject templating = m_doc.value(L("templating")).toObject();
    if (!templating.value(L("list")).isArray())
        return;
    QJsonArray list = templating.value(L("list")).toArray();
    bool changed = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            continue;
        QJsonObject v = list.at(i).toObject();
        const QJsonObject before = v;
        const QString type = v.value(L("type")).toString();
        const QString name = v.value(L("name")).toString();
        // Schema 12: boolean refresh and hide flags become codes.
        if (v.value(L("refresh")).isBool())
            v.insert(L("refresh"), v.value(L("refresh")).toBool() ? 1 : 0);
        if (v.value(L("hideVariable")).toBool())
            v.insert(L("hide"), 2);
        else if (v.value(L("hideLabel")).toBool())
            v.insert(L("hide"), 1);
        v.remove(L("hideVariable"));
        v.remove(L("hideLabel"));
        if (v.value(L("hide")).isBool())
            v.insert(L("hide"), v.value(L("hide")).toBool() ? 2 : 0);
        // Schema 23: a multi-value variable's current value is a list.
        if (m_from < 23 && v.value(L("multi")).toBool() && v.value(L("current")).isObject()) {
            QJsonObject cur = v.value(L("current")).toObject();
            for (const char *k : {"text", "value"}) {
                const QJsonValue x = cur.value(L(k));
                if (x.isString())
                    cur.insert(L(k), QJsonArray{x});
            }
            v.insert(L("current"), cur);
        }
        // Schema 27: a visible constant is a text box.
        if (m_from < 27 && type == QLatin1String("constant") && v.value(L("hide")).toInt() != 2) {
            v.insert(L("type"), QStringLiteral("textbox"));
            m_notes << tr("Variable \"%1\": a visible constant became a text box, as in "
                          "Grafana.")
                           .arg(name);
        }
        // Schema 28: tag filters are gone.
        if (m_from < 28) {
            for (const char *k : {"tags", "tagsQuery", "tagValuesQuery", "useTags"})
                v.remove(L(k));
        }
        // Schema 29: a query variable refreshes on load or on time range change.
        if (m_from < 29 && type == QLatin1String("query")) {
            const int r = v.value(L("refresh")).toInt(0);
            if (r != 1 && r != 2)
                v.insert(L("refresh"), 1);
            if (v.value(L("options")).isArray() && !v.value(L("options")).toArray().isEmpty())
                v.insert(L("options"), QJsonArray());
        }
        // Schema 33/36: data-source names become references.
        if (m_from < 36 && v.contains(L("datasource")) && type != QLatin1String("datasource"))
            v.insert(L("datasource"), dataSourceRef(v.value(L("datasource")), true));
        // Schema 36: a query variable on the default data source names it.
        if (m_from < 36 && type == QLatin1String("query") &&
            !m_options.defaultDataSource.isEmpty() &&
            (v.value(L("datasource")).isNull() || v.value(L("datasource")).isUndefined()))
            v.insert(L("datasource"), m_options.defaultDataSource);
        if (v != before) {
            list[i] = v;
            changed = true;
        }
    }
    if (changed) {
        templating.insert(L("list"), list);
        m_doc.insert(L("templating"), templating);
    }
}

void GrafanaMigrator::migrateAnnotations()
{
    if (m_from >= 36)
        return;
    QJsonObject ann = m_doc.value(L("annotations")).toObject();
    if (!ann.value(L("list")).isArray())
        return;
    QJsonArray list = ann.value(L("list")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject a = list.at(i).toObject();
        if (!a.contains(L("datasource")))
            continue;
        a.insert(L("datasource"), dataSourceRef(a.value(L("datasource")), false));
        list[i] = a;
    }
    // Schema 34: a CloudWatch annotation with several statistics becomes one per statistic.
    if (m_from < 34) {
        QJsonArray split;
        for (const QJsonValue &v : std::as_const(list)) {
            const QJsonObject a = v.toObject();
            const QJsonArray stats = a.value(L("statistics")).toArray();
            if (!a.value(L("statistics")).isArray()) {
                split.append(v);
                continue;
            }
            for (qsizetype s = 0; s < std::max<qsizetype>(stats.size(), 1); ++s) {
                QJsonObject one = a;
                one.remove(L("statistics"));
                if (s < stats.size())
                    one.insert(L("statistic"), stats.at(s));
                if (s > 0)
                    one.insert(L("name"), QString(a.value(L("name")).toString() +
                                                  QLatin1String(" - ") + stats.at(s).toString()));
                split.append(one);
            }
        }
        list = split;
    }
    ann.insert(L("list"), list);
    m_doc.insert(L("annotations"), ann);
}

// ---- legacy rows ------------------------------------------------------------------------

void GrafanaMigrator::upgradeRows()
{
    const QJsonArray rows = m_doc.value(L("rows")).toArray();
    QJsonArray panels = m_doc.value(L("panels")).toArray();
    // Existing grid panels (rare in files that still have rows) stay above.
    int yPos = 0;
    for (const QJsonValue &v : std::as_const(panels)) {
        const QJsonObject g = v.toObject().value(L("gridPos")).toObject();
        yPos = std::max(yPos, gridBottom(g));
    }
    int maxId = 0;
    for (const QJsonValue &rv : rows) {
        for (const QJsonValue &pv : rv.toObject().value(L("panels")).toArray())
            maxId = std::max(
                maxId, json::saturatedInt(toNumber(pv.toObject().value(L("id"))).value_or(0)));
    }
    for (const QJsonValue &pv : std::as_const(panels))
        maxId =
            std::max(maxId, json::saturatedInt(toNumber(pv.toObject().value(L("id"))).value_or(0)));

    // Row panels exist only when a row is collapsed, titled or repeated (as in Grafana).
    bool showRows = false;
    for (const QJsonValue &rv : rows) {
        const QJsonObject r = rv.toObject();
        if (r.value(L("collapse")).toBool() || r.value(L("showTitle")).toBool() ||
            !r.value(L("repeat")).toString().isEmpty())
            showRows = true;
    }

    for (const QJsonValue &rv : rows) {
        if (!rv.isObject())
            continue;
        const QJsonObject r = rv.toObject();
        const bool collapsed = r.value(L("collapse")).toBool();
        const int rowHeight = heightUnits(r.value(L("height")), 7);
        QJsonObject rowPanel;
        QJsonArray rowChildren;
        if (showRows) {
            // The row keeps its unknown keys; the legacy layout keys are replaced.
            rowPanel = r;
            for (const char *k : {"panels", "collapse", "height", "showTitle", "titleSize",
                                  "repeatIteration", "repeatRowId"})
                rowPanel.remove(L(k));
            if (rowPanel.value(L("repeat")).isNull())
                rowPanel.remove(L("repeat"));
            rowPanel.insert(L("type"), QStringLiteral("row"));
            rowPanel.insert(L("id"), ++maxId);
            rowPanel.insert(L("title"), r.value(L("title")).toString());
            rowPanel.insert(L("collapsed"), collapsed);
            rowPanel.insert(L("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                      {QStringLiteral("y"), yPos},
                                                      {QStringLiteral("w"), 24},
                                                      {QStringLiteral("h"), 1}});
            if (!r.value(L("showTitle")).toBool() && !collapsed)
                note(r, tr("Grafana hid this row's title (showTitle off); rows are always shown "
                           "with their title now."));
            else
                note(r, tr("Legacy row converted to a row panel."));
            ++yPos;
        }
        // Panels are packed into the row area from the left; a panel that does not fit in
        // the free columns at the right starts a new line of the row's height.
        std::array<int, 24> area{};
        int areaTop = yPos;
        int lastTop = yPos;
        QJsonArray rowPanels;
        for (const QJsonValue &pv : r.value(L("panels")).toArray()) {
            if (!pv.isObject())
                continue;
            QJsonObject p = pv.toObject();
            double span = toNumber(p.value(L("span"))).value_or(4);
            if (span <= 0)
                span = 4;
            const int w = std::max(1, std::clamp(json::saturatedInt(std::floor(span)), 0, 12) * 2);
            const int h =
                p.contains(L("height")) ? heightUnits(p.value(L("height")), rowHeight) : rowHeight;
            auto place = [&](int *x, int *y) {
                // Free columns at the right end (still below the row height), as far left as
                // the heights do not rise.
                int end = -1, start = -1;
                for (int i = 23; i >= 0; --i) {
                    if (rowHeight - area[i] <= 0)
                        break;
                    if (end < 0) {
                        end = i;
                        start = i;
                    } else if (area[i] <= area[i + 1]) {
                        start = i;
                    } else {
                        break;
                    }
                }
                if (end < 0 || end - start + 1 < w)
                    return false;
                *x = start;
                *y = *std::max_element(area.begin() + start, area.end());
                return true;
            };
            int x = 0, y = 0;
            if (!place(&x, &y)) {
                areaTop += rowHeight;
                area.fill(0);
                if (!place(&x, &y)) {
                    x = 0;
                    y = 0;
                }
            }
            for (int i = x; i < std::min(24, x + w); ++i)
                area[i] = y + h;
            p.insert(L("gridPos"), QJsonObject{{QStringLiteral("x"), x},
                                               {QStringLiteral("y"), areaTop + y},
                                               {QStringLiteral("w"), std::min(w, 24 - x)},
                                               {QStringLiteral("h"), h}});
            lastTop = areaTop;
            if (p.contains(L("minSpan"))) {
                const double minSpan = toNumber(p.value(L("minSpan"))).value_or(0);
                if (minSpan > 0)
                    p.insert(L("minSpan"), std::min(24.0, minSpan * 2));
            }
            p.remove(L("span"));
            p.remove(L("height"));
            rowPanels.append(p);
        }
        yPos = lastTop;
        if (showRows && collapsed) {
            rowPanel.insert(L("panels"), rowPanels);
            panels.append(rowPanel);
        } else {
            if (showRows) {
                rowPanel.insert(L("panels"), QJsonArray());
                panels.append(rowPanel);
            }
            for (const QJsonValue &p : std::as_const(rowPanels))
                panels.append(p);
            yPos += rowHeight;
            if (!rowPanels.isEmpty()) {
                // A panel taller than its row pushes the next row down (Grafana's gravity
                // would move it there anyway).
                int bottom = yPos;
                for (const QJsonValue &p : std::as_const(rowPanels)) {
                    const QJsonObject g = p.toObject().value(L("gridPos")).toObject();
                    bottom = std::max(bottom, gridBottom(g));
                }
                yPos = bottom;
            }
        }
    }
    m_doc.remove(L("rows"));
    m_doc.insert(L("panels"), panels);
}

void GrafanaMigrator::assignIds()
{
    QSet<int> used;
    forEachPanel([&](QJsonObject *p) {
        const auto id = toNumber(p->value(L("id")));
        // Ids beyond the int range are not kept: they get new ones like invalid ids.
        if (id && *id > 0 && *id <= INT_MAX && *id == std::floor(*id) && !used.contains(int(*id))) {
            used.insert(int(*id));
            if (!p->value(L("id")).isDouble())
                p->insert(L("id"), int(*id));
        }
    });
    int next = 1;
    QSet<int> seen;
    forEachPanel([&](QJsonObject *p) {
        const auto id = toNumber(p->value(L("id")));
        const bool ok =
            id && *id > 0 && *id <= INT_MAX && *id == std::floor(*id) && !seen.contains(int(*id));
        if (ok) {
            seen.insert(int(*id));
            return;
        }
        while (used.contains(next))
            ++next;
        used.insert(next);
        seen.insert(next);
        if (id)
            note(*p, tr("The id %1 was used twice; this panel is now id %2.")
                         .arg(p->value(L("id")).toVariant().toString())
                         .arg(next));
        p->insert(L("id"), next);
    });
}

// ---- panel schema steps ------------------------------------------------------------------

void GrafanaMigrator::schemaSteps(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const QString type = p.value(L("type")).toString();

    // Schema 12: the graph's y-axis settings move from `grid` to `yaxes`.
    if (m_from < 12 && type == QLatin1String("graph") && p.value(L("grid")).isObject() &&
        !p.contains(L("yaxes"))) {
        QJsonObject grid = p.value(L("grid")).toObject();
        const QJsonArray formats = p.value(L("y_formats")).toArray();
        auto axis = [&](const char *side, int index) {
            const QString s = QLatin1String(side);
            QJsonObject a{
                {QStringLiteral("show"), true},
                {QStringLiteral("format"), formats.at(index).toString(QStringLiteral("short"))}};
            a.insert(L("min"), grid.value(s + QLatin1String("Min")));
            a.insert(L("max"), grid.value(s + QLatin1String("Max")));
            a.insert(L("logBase"), grid.value(s + QLatin1String("LogBase")).toInt(1));
            a.insert(L("label"), p.value(s + QLatin1String("YAxisLabel")));
            for (const char *k : {"Min", "Max", "LogBase"})
                grid.remove(s + QLatin1String(k));
            return a;
        };
        p.insert(L("yaxes"), QJsonArray{axis("left", 0), axis("right", 1)});
        p.insert(L("grid"), grid);
        p.remove(L("y_formats"));
        p.remove(L("leftYAxisLabel"));
        p.remove(L("rightYAxisLabel"));
    }
    // Schema 13: graph thresholds from grid.threshold1/2.
    if (m_from < 13 && type == QLatin1String("graph") && p.value(L("grid")).isObject()) {
        QJsonObject grid = p.value(L("grid")).toObject();
        QJsonArray thresholds = p.value(L("thresholds")).toArray();
        for (const char *n : {"threshold1", "threshold2"}) {
            const QString k = QLatin1String(n);
            const auto value = toNumber(grid.value(k));
            if (value) {
                const QString color = grid.value(k + QLatin1String("Color")).toString();
                thresholds.append(
                    QJsonObject{{QStringLiteral("value"), *value},
                                {QStringLiteral("op"), QStringLiteral("gt")},
                                {QStringLiteral("colorMode"), QStringLiteral("custom")},
                                {QStringLiteral("fill"), true},
                                {QStringLiteral("fillColor"), color},
                                {QStringLiteral("line"), grid.value(L("thresholdLine")).toBool()},
                                {QStringLiteral("lineColor"), color}});
            }
            grid.remove(k);
            grid.remove(k + QLatin1String("Color"));
        }
        grid.remove(L("thresholdLine"));
        p.insert(L("grid"), grid);
        if (!thresholds.isEmpty())
            p.insert(L("thresholds"), thresholds);
    }
    // Schema 17: minSpan (in grid columns) becomes maxPerRow, a factor of 24.
    if (m_from < 17 && p.contains(L("minSpan"))) {
        const double minSpan = toNumber(p.value(L("minSpan"))).value_or(0);
        if (minSpan > 0) {
            const int max = json::saturatedInt(std::floor(24 / minSpan));
            int perRow = 24;
            for (int f : {1, 2, 3, 4, 6, 8, 12, 24}) {
                if (f >= max) {
                    perRow = f;
                    break;
                }
            }
            p.insert(L("maxPerRow"), perRow);
        }
        p.remove(L("minSpan"));
    }
    // Schema 18: gauge options.
    if (m_from < 18 && p.contains(L("options-gauge"))) {
        QJsonObject opts = p.value(L("options-gauge")).toObject();
        const QJsonObject existing = p.value(L("options")).toObject();
        for (auto it = existing.begin(); it != existing.end(); ++it)
            opts.insert(it.key(), it.value());
        p.insert(L("options"), opts);
        p.remove(L("options-gauge"));
    }
    // Schema 19: panel links become URLs.
    if (m_from < 19 && p.value(L("links")).isArray()) {
        QJsonArray links = p.value(L("links")).toArray();
        for (qsizetype i = 0; i < links.size(); ++i) {
            QJsonObject l = links.at(i).toObject();
            if (l.contains(L("url")) && !l.contains(L("dashUri")) && !l.contains(L("dashboard")))
                continue;
            QString url = l.value(L("url")).toString();
            if (url.isEmpty() && !l.value(L("dashUri")).toString().isEmpty())
                url = QLatin1String("dashboard/") + l.value(L("dashUri")).toString();
            else if (url.isEmpty() && !l.value(L("dashboard")).toString().isEmpty())
                url = QLatin1String("dashboard/db/") + l.value(L("dashboard")).toString();
            QStringList params;
            if (l.value(L("keepTime")).toBool())
                params << QStringLiteral("$__url_time_range");
            if (l.value(L("includeVars")).toBool())
                params << QStringLiteral("$__all_variables");
            if (!l.value(L("params")).toString().isEmpty())
                params << l.value(L("params")).toString();
            if (!params.isEmpty())
                url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                       params.join(QLatin1Char('&'));
            QJsonObject out{{QStringLiteral("url"), url},
                            {QStringLiteral("title"), l.value(L("title")).toString()}};
            if (l.value(L("targetBlank")).toBool())
                out.insert(L("targetBlank"), true);
            links[i] = out;
        }
        p.insert(L("links"), links);
    }
    // Schemas 20 and 21: renamed data-link variables.
    if (m_from < 21) {
        QList<std::pair<QString, QString>> pairs{
            {QStringLiteral("__series.labels"), QStringLiteral("__field.labels")}};
        if (m_from < 20) {
            pairs.prepend({QStringLiteral("$__field_name"), QStringLiteral("${__field.name}")});
            pairs.prepend({QStringLiteral("__value_time"), QStringLiteral("__value.time")});
            pairs.prepend({QStringLiteral("__series_name"), QStringLiteral("__series.name")});
        }
        for (const char *k : {"links", "options", "fieldConfig"}) {
            if (!p.contains(L(k)))
                continue;
            bool changed = false;
            const QJsonValue v = replaceInStrings(p.value(L(k)), pairs, &changed);
            if (changed)
                p.insert(L(k), v);
        }
    }
    // Schema 24: the Angular table (with `styles`) is "table-old".
    if (m_from < 24 && type == QLatin1String("table") && p.contains(L("styles")))
        p.insert(L("type"), QStringLiteral("table-old"));
    // Schema 26: text2 is the text panel.
    if (m_from < 26 && type == QLatin1String("text2"))
        p.insert(L("type"), QStringLiteral("text"));
    // Schema 27: copies left by a repeat.
    if (m_from < 27 && (p.contains(L("repeatPanelId")) || p.contains(L("repeatedByRow"))))
        note(p, tr("This is a copy Grafana made for a repeated panel; Grafana removes it on "
                   "load, Pharos keeps it."));
    // Schema 30: value mappings get types; tooltipOptions is tooltip.
    if (m_from < 30) {
        QJsonObject fc = p.value(L("fieldConfig")).toObject();
        QJsonObject defaults = fc.value(L("defaults")).toObject();
        bool fcChanged = false;
        if (defaults.value(L("mappings")).isArray()) {
            const QJsonArray m = newMappings(defaults.value(L("mappings")).toArray());
            if (m != defaults.value(L("mappings")).toArray()) {
                defaults.insert(L("mappings"), m);
                fc.insert(L("defaults"), defaults);
                fcChanged = true;
            }
        }
        QJsonArray overrides = fc.value(L("overrides")).toArray();
        for (qsizetype i = 0; i < overrides.size(); ++i) {
            QJsonObject o = overrides.at(i).toObject();
            QJsonArray props = o.value(L("properties")).toArray();
            for (qsizetype j = 0; j < props.size(); ++j) {
                QJsonObject prop = props.at(j).toObject();
                if (prop.value(L("id")).toString() == QLatin1String("mappings") &&
                    prop.value(L("value")).isArray()) {
                    prop.insert(L("value"), newMappings(prop.value(L("value")).toArray()));
                    props[j] = prop;
                }
            }
            o.insert(L("properties"), props);
            overrides[i] = o;
        }
        if (!overrides.isEmpty()) {
            fc.insert(L("overrides"), overrides);
            fcChanged = true;
        }
        if (fcChanged)
            p.insert(L("fieldConfig"), fc);
        QJsonObject options = p.value(L("options")).toObject();
        if (options.contains(L("tooltipOptions"))) {
            options.insert(L("tooltip"), options.value(L("tooltipOptions")));
            options.remove(L("tooltipOptions"));
            p.insert(L("options"), options);
        }
    }
    // Schema 31: labelsToFields is followed by a merge.
    if (m_from < 31 && p.value(L("transformations")).isArray()) {
        const QJsonArray in = p.value(L("transformations")).toArray();
        QJsonArray out;
        for (const QJsonValue &t : in) {
            out.append(t);
            if (t.toObject().value(L("id")).toString() == QLatin1String("labelsToFields"))
                out.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("merge")},
                                       {QStringLiteral("options"), QJsonObject()}});
        }
        p.insert(L("transformations"), out);
    }
    // Schema 34: a CloudWatch query with several statistics becomes one query per statistic
    // (the extra queries get the next free refIds).
    if (m_from < 34 && p.value(L("targets")).isArray()) {
        const QJsonArray in = p.value(L("targets")).toArray();
        QSet<QString> used;
        for (const QJsonValue &t : in)
            used.insert(t.toObject().value(L("refId")).toString());
        auto nextRefId = [&used] {
            for (int n = 0;; ++n) {
                QString id;
                for (int k = n; k >= 0; k = k / 26 - 1)
                    id.prepend(QChar(u'A' + k % 26));
                if (!used.contains(id)) {
                    used.insert(id);
                    return id;
                }
            }
        };
        QJsonArray out;
        bool split = false;
        for (const QJsonValue &v : in) {
            const QJsonObject t = v.toObject();
            if (!t.value(L("statistics")).isArray()) {
                out.append(v);
                continue;
            }
            split = true;
            const QJsonArray stats = t.value(L("statistics")).toArray();
            for (qsizetype s = 0; s < std::max<qsizetype>(stats.size(), 1); ++s) {
                QJsonObject one = t;
                one.remove(L("statistics"));
                if (s < stats.size())
                    one.insert(L("statistic"), stats.at(s));
                if (s > 0)
                    one.insert(L("refId"), nextRefId());
                out.append(one);
            }
        }
        if (split)
            p.insert(L("targets"), out);
    }
    // Schema 35: a time series whose axes are all hidden keeps its time (x) axis.
    if (m_from < 35 && type == QLatin1String("timeseries")) {
        QJsonObject fc = p.value(L("fieldConfig")).toObject();
        const QJsonObject custom = fc.value(L("defaults")).toObject().value(L("custom")).toObject();
        if (custom.value(L("axisPlacement")).toString() == QLatin1String("hidden")) {
            QJsonArray overrides = fc.value(L("overrides")).toArray();
            overrides.append(
                QJsonObject{{QStringLiteral("matcher"),
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("byType")},
                                         {QStringLiteral("options"), QStringLiteral("time")}}},
                            {QStringLiteral("properties"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("id"), QStringLiteral("custom.axisPlacement")},
                                 {QStringLiteral("value"), QStringLiteral("auto")}}}}});
            fc.insert(L("overrides"), overrides);
            p.insert(L("fieldConfig"), fc);
        }
    }
    // Schema 37: a hidden legend is a list legend with showLegend off.
    if (m_from < 37) {
        QJsonObject options = p.value(L("options")).toObject();
        if (options.value(L("legend")).isObject()) {
            QJsonObject legend = options.value(L("legend")).toObject();
            if (legend.value(L("displayMode")).toString() == QLatin1String("hidden") ||
                legend.value(L("showLegend")) == QJsonValue(false)) {
                legend.insert(L("displayMode"), QStringLiteral("list"));
                legend.insert(L("showLegend"), false);
            } else {
                legend.insert(L("showLegend"), true);
            }
            options.insert(L("legend"), legend);
            p.insert(L("options"), options);
        }
    }
    // Schema 38: table cell display modes are cell options.
    if (m_from < 38 && p.value(L("type")).toString() == QLatin1String("table")) {
        auto cellOptions = [](const QString &mode) {
            if (mode == QLatin1String("basic"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("basic")}};
            if (mode == QLatin1String("gradient-gauge"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("gradient")}};
            if (mode == QLatin1String("lcd-gauge"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("gauge")},
                                   {QStringLiteral("mode"), QStringLiteral("lcd")}};
            if (mode == QLatin1String("color-background"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")},
                                   {QStringLiteral("mode"), QStringLiteral("gradient")}};
            if (mode == QLatin1String("color-background-solid"))
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")},
                                   {QStringLiteral("mode"), QStringLiteral("basic")}};
            return QJsonObject{{QStringLiteral("type"), mode}};
        };
        QJsonObject fc = p.value(L("fieldConfig")).toObject();
        QJsonObject defaults = fc.value(L("defaults")).toObject();
        QJsonObject custom = defaults.value(L("custom")).toObject();
        bool changed = false;
        if (custom.value(L("displayMode")).isString()) {
            custom.insert(L("cellOptions"), cellOptions(custom.value(L("displayMode")).toString()));
            custom.remove(L("displayMode"));
            defaults.insert(L("custom"), custom);
            fc.insert(L("defaults"), defaults);
            changed = true;
        }
        QJsonArray overrides = fc.value(L("overrides")).toArray();
        for (qsizetype i = 0; i < overrides.size(); ++i) {
            QJsonObject o = overrides.at(i).toObject();
            QJsonArray props = o.value(L("properties")).toArray();
            for (qsizetype j = 0; j < props.size(); ++j) {
                QJsonObject prop = props.at(j).toObject();
                if (prop.value(L("id")).toString() == QLatin1String("custom.displayMode")) {
                    prop.insert(L("id"), QStringLiteral("custom.cellOptions"));
                    prop.insert(L("value"), cellOptions(prop.value(L("value")).toString()));
                    props[j] = prop;
                    changed = true;
                }
            }
            o.insert(L("properties"), props);
            overrides[i] = o;
        }
        if (changed) {
            fc.insert(L("overrides"), overrides);
            p.insert(L("fieldConfig"), fc);
        }
    }
    // Schema 39: timeSeriesTable's refIdToStat.
    if (m_from < 39 && p.value(L("transformations")).isArray()) {
        QJsonArray ts = p.value(L("transformations")).toArray();
        for (qsizetype i = 0; i < ts.size(); ++i) {
            QJsonObject t = ts.at(i).toObject();
            if (t.value(L("id")).toString() != QLatin1String("timeSeriesTable"))
                continue;
            QJsonObject opts = t.value(L("options")).toObject();
            if (!opts.value(L("refIdToStat")).isObject())
                continue;
            const QJsonObject map = opts.value(L("refIdToStat")).toObject();
            opts.remove(L("refIdToStat"));
            for (auto it = map.begin(); it != map.end(); ++it)
                opts.insert(it.key(), QJsonObject{{QStringLiteral("stat"), it.value()}});
            t.insert(L("options"), opts);
            ts[i] = t;
        }
        p.insert(L("transformations"), ts);
    }
}

QJsonArray GrafanaMigrator::newMappings(const QJsonArray &old)
{
    QJsonArray out;
    QJsonObject values;
    for (const QJsonValue &v : old) {
        const QJsonObject m = v.toObject();
        if (m.contains(L("options")) && m.value(L("type")).isString()) {
            out.append(m); // already typed
            continue;
        }
        const int type = m.value(L("type")).toInt(1);
        const QString text = m.value(L("text")).toString();
        QJsonObject result{{QStringLiteral("text"), text}};
        if (m.value(L("color")).isString())
            result.insert(L("color"), m.value(L("color")));
        if (type == 2) {
            out.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("range")},
                            {QStringLiteral("options"),
                             QJsonObject{{QStringLiteral("from"), numberOrNull(m.value(L("from")))},
                                         {QStringLiteral("to"), numberOrNull(m.value(L("to")))},
                                         {QStringLiteral("result"), result}}}});
            continue;
        }
        const QJsonValue value = m.value(L("value"));
        const QString key = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
        if (key == QLatin1String("null")) {
            out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                                   {QStringLiteral("options"),
                                    QJsonObject{{QStringLiteral("match"), QStringLiteral("null")},
                                                {QStringLiteral("result"), result}}}});
            continue;
        }
        result.insert(L("index"), int(values.size()));
        values.insert(key, result);
    }
    if (!values.isEmpty())
        out.prepend(QJsonObject{{QStringLiteral("type"), QStringLiteral("value")},
                                {QStringLiteral("options"), values}});
    return out;
}

QJsonArray GrafanaMigrator::legacyMappings(const QJsonObject &p)
{
    // Singlestat / table-old style: valueMaps or rangeMaps chosen by mappingType.
    QJsonArray old;
    const int mappingType = p.value(L("mappingType")).toInt(1);
    if (mappingType == 2) {
        for (const QJsonValue &v : p.value(L("rangeMaps")).toArray()) {
            QJsonObject m = v.toObject();
            m.insert(L("type"), 2);
            old.append(m);
        }
    } else {
        for (const QJsonValue &v : p.value(L("valueMaps")).toArray()) {
            QJsonObject m = v.toObject();
            m.insert(L("type"), 1);
            old.append(m);
        }
    }
    QJsonArray out = newMappings(old);
    const QString nullText = p.value(L("nullText")).toString();
    if (!nullText.isEmpty())
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("special")},
                               {QStringLiteral("options"),
                                QJsonObject{{QStringLiteral("match"), QStringLiteral("null")},
                                            {QStringLiteral("result"),
                                             QJsonObject{{QStringLiteral("text"), nullText}}}}}});
    return out;
}

// ---- Angular panels ----------------------------------------------------------------------

void GrafanaMigrator::autoMigrate(QJsonObject *panel)
{
    const QString type = panel->value(L("type")).toString();
    if (type == QLatin1String("graph")) {
        const QString mode = panel->value(L("xaxis")).toObject().value(L("mode")).toString();
        if (mode == QLatin1String("series"))
            graphToBarGauge(panel);
        else if (mode == QLatin1String("histogram")) {
            panel->insert(L("type"), QStringLiteral("histogram"));
            note(*panel, tr("Graph in histogram mode: Grafana turns it into a histogram panel."));
        } else {
            graphToTimeseries(panel);
        }
    } else if (type == QLatin1String("singlestat") ||
               type == QLatin1String("grafana-singlestat-panel")) {
        singlestatToStat(panel);
    } else if (type == QLatin1String("table-old") ||
               (type == QLatin1String("table") && panel->contains(L("styles")))) {
        tableOldToTable(panel);
    } else if (type == QLatin1String("gauge") || type == QLatin1String("bargauge") ||
               type == QLatin1String("stat")) {
        oldGaugeOptions(panel);
    } else if (type == QLatin1String("grafana-piechart-panel")) {
        piechartPlugin(panel);
    } else if (type == QLatin1String("heatmap") || type == QLatin1String("heatmap-new")) {
        oldHeatmap(panel);
    } else if (type == QLatin1String("text2")) {
        panel->insert(L("type"), QStringLiteral("text"));
    }
}

void GrafanaMigrator::graphToTimeseries(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject custom = defaults.value(L("custom")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();

    // Axes: the left axis is the default; the right axis applies to series sent there.
    const QJsonArray yaxes = p.value(L("yaxes")).toArray();
    const QJsonObject left = yaxes.at(0).toObject();
    const QJsonObject right = yaxes.at(1).toObject();
    auto axisProps = [](const QJsonObject &axis, QJsonObject *target, QJsonObject *cust) {
        const QString format = axis.value(L("format")).toString();
        if (!format.isEmpty())
            target->insert(L("unit"), format);
        if (const auto v = toNumber(axis.value(L("min"))))
            target->insert(L("min"), *v);
        if (const auto v = toNumber(axis.value(L("max"))))
            target->insert(L("max"), *v);
        if (const auto v = toNumber(axis.value(L("decimals"))))
            target->insert(L("decimals"), json::saturatedInt(*v));
        const int logBase = json::saturatedInt(toNumber(axis.value(L("logBase"))).value_or(1));
        if (logBase > 1)
            cust->insert(L("scaleDistribution"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("log")},
                                     {QStringLiteral("log"), logBase}});
        const QString label = axis.value(L("label")).toString();
        if (!label.isEmpty())
            cust->insert(L("axisLabel"), label);
        if (axis.value(L("show")) == QJsonValue(false))
            cust->insert(L("axisPlacement"), QStringLiteral("hidden"));
    };
    if (!left.isEmpty())
        axisProps(left, &defaults, &custom);
    if (p.value(L("decimals")).isDouble() && !defaults.contains(L("decimals")))
        defaults.insert(L("decimals"), p.value(L("decimals")).toInt());

    // Draw style.
    const bool bars = p.value(L("bars")).toBool(false);
    const bool lines = p.value(L("lines")).toBool(true);
    const bool points = p.value(L("points")).toBool(false);
    custom.insert(L("drawStyle"), bars                 ? QStringLiteral("bars")
                                  : (!lines && points) ? QStringLiteral("points")
                                                       : QStringLiteral("line"));
    if (!lines && !bars && !points)
        note(p, tr("The graph drew neither lines, bars nor points; it is drawn with lines."));
    custom.insert(L("lineWidth"), lines ? p.value(L("linewidth")).toInt(1) : 0);
    custom.insert(L("fillOpacity"), std::clamp(p.value(L("fill")).toInt(1), 0, 10) * 10);
    custom.insert(L("gradientMode"), p.value(L("fillGradient")).toInt(0) > 0
                                         ? QStringLiteral("opacity")
                                         : QStringLiteral("none"));
    custom.insert(L("showPoints"), points ? QStringLiteral("always") : QStringLiteral("never"));
    custom.insert(L("pointSize"), std::max(1, p.value(L("pointradius")).toInt(2) * 2 + 1));
    custom.insert(L("lineInterpolation"), p.value(L("steppedLine")).toBool()
                                              ? QStringLiteral("stepAfter")
                                              : QStringLiteral("linear"));
    if (p.value(L("dashes")).toBool())
        custom.insert(
            L("lineStyle"),
            QJsonObject{{QStringLiteral("fill"), QStringLiteral("dash")},
                        {QStringLiteral("dash"), QJsonArray{p.value(L("dashLength")).toInt(10),
                                                            p.value(L("spaceLength")).toInt(10)}}});

    // Nulls.
    const QString nullMode = p.value(L("nullPointMode")).toString(QStringLiteral("null"));
    custom.insert(L("spanNulls"), nullMode == QLatin1String("connected"));
    if (nullMode == QLatin1String("null as zero"))
        note(p, tr("Missing points were drawn as zero (nullPointMode \"null as zero\"); they are "
                   "now gaps in the line, as in Grafana's time series panel."));

    // Stacking.
    if (p.value(L("stack")).toBool()) {
        custom.insert(L("stacking"),
                      QJsonObject{{QStringLiteral("mode"), p.value(L("percentage")).toBool()
                                                               ? QStringLiteral("percent")
                                                               : QStringLiteral("normal")},
                                  {QStringLiteral("group"), QStringLiteral("A")}});
    } else {
        custom.insert(L("stacking"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("none")},
                                                 {QStringLiteral("group"), QStringLiteral("A")}});
        if (p.value(L("percentage")).toBool())
            note(p, tr("\"Percentage\" without stacking has no equivalent; values are drawn "
                       "as they are."));
    }

    // Legend.
    const QJsonObject legend = p.value(L("legend")).toObject();
    QJsonObject newLegend;
    const bool showLegend = legend.value(L("show")).toBool(true);
    newLegend.insert(L("showLegend"), showLegend);
    newLegend.insert(L("displayMode"), legend.value(L("alignAsTable")).toBool()
                                           ? QStringLiteral("table")
                                           : QStringLiteral("list"));
    newLegend.insert(L("placement"), legend.value(L("rightSide")).toBool()
                                         ? QStringLiteral("right")
                                         : QStringLiteral("bottom"));
    QJsonArray calcs;
    if (legend.value(L("values")).toBool()) {
        for (const char *k : {"current", "min", "max", "avg", "total"}) {
            if (legend.value(L(k)).toBool())
                calcs.append(reducerFor(QLatin1String(k)));
        }
    }
    newLegend.insert(L("calcs"), calcs);
    if (legend.value(L("sort")).isString() && !legend.value(L("sort")).toString().isEmpty()) {
        static const QHash<QString, QString> sortNames{
            {QStringLiteral("current"), QStringLiteral("Last *")},
            {QStringLiteral("min"), QStringLiteral("Min")},
            {QStringLiteral("max"), QStringLiteral("Max")},
            {QStringLiteral("avg"), QStringLiteral("Mean")},
            {QStringLiteral("total"), QStringLiteral("Total")}};
        const QString by = sortNames.value(legend.value(L("sort")).toString());
        if (!by.isEmpty()) {
            newLegend.insert(L("sortBy"), by);
            newLegend.insert(L("sortDesc"), legend.value(L("sortDesc")).toBool());
        }
    }
    if (legend.value(L("hideEmpty")).toBool() || legend.value(L("hideZero")).toBool())
        note(p, tr("The legend hid empty or zero series; all series are listed now."));
    options.insert(L("legend"), newLegend);

    // Tooltip.
    const QJsonObject tooltip = p.value(L("tooltip")).toObject();
    const int sort = tooltip.value(L("sort")).toInt(0);
    options.insert(L("tooltip"),
                   QJsonObject{{QStringLiteral("mode"), tooltip.value(L("shared")).toBool(true)
                                                            ? QStringLiteral("multi")
                                                            : QStringLiteral("single")},
                               {QStringLiteral("sort"), sort == 1   ? QStringLiteral("asc")
                                                        : sort == 2 ? QStringLiteral("desc")
                                                                    : QStringLiteral("none")}});

    // Thresholds.
    QJsonArray oldThresholds = p.value(L("thresholds")).toArray();
    if (!oldThresholds.isEmpty()) {
        QList<QJsonObject> ts;
        for (const QJsonValue &v : oldThresholds) {
            if (toNumber(v.toObject().value(L("value"))))
                ts.append(v.toObject());
        }
        std::stable_sort(ts.begin(), ts.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return *toNumber(a.value(L("value"))) < *toNumber(b.value(L("value")));
        });
        QJsonArray steps{step(QJsonValue(QJsonValue::Null), QStringLiteral("transparent"))};
        bool fill = false, line = false;
        for (const QJsonObject &t : std::as_const(ts)) {
            const QString color = thresholdColor(t.value(L("colorMode")).toString(),
                                                 t.value(L("fill")).toBool(true)
                                                     ? t.value(L("fillColor")).toString()
                                                     : t.value(L("lineColor")).toString());
            fill = fill || t.value(L("fill")).toBool(true);
            line = line || t.value(L("line")).toBool(true);
            const double value = *toNumber(t.value(L("value")));
            if (t.value(L("op")).toString() == QLatin1String("lt")) {
                // Below the value: colour the step before it.
                QJsonObject last = steps.last().toObject();
                last.insert(L("color"), color);
                steps[steps.size() - 1] = last;
                steps.append(step(value, QStringLiteral("transparent")));
            } else {
                steps.append(step(value, color));
            }
        }
        if (ts.size() > 0) {
            defaults.insert(L("thresholds"), thresholdsFromSteps(steps));
            custom.insert(
                L("thresholdsStyle"),
                QJsonObject{{QStringLiteral("mode"), fill && line ? QStringLiteral("line+area")
                                                     : fill       ? QStringLiteral("area")
                                                                  : QStringLiteral("line")}});
        }
    }

    // Series colours and per-series settings.
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it) {
        if (it.value().isString())
            addOverride(
                &overrides, matcherFor(it.key()),
                QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    }
    for (const QJsonValue &sv : p.value(L("seriesOverrides")).toArray()) {
        const QJsonObject so = sv.toObject();
        const QString alias = so.value(L("alias")).toString();
        if (alias.isEmpty())
            continue;
        QJsonArray props;
        for (auto it = so.begin(); it != so.end(); ++it) {
            const QString k = it.key();
            const QJsonValue v = it.value();
            if (k == QLatin1String("alias") || k == QLatin1String("$$hashKey"))
                continue;
            if (k == QLatin1String("yaxis")) {
                if (v.toInt() == 2) {
                    props.append(
                        property(QStringLiteral("custom.axisPlacement"), QStringLiteral("right")));
                    QJsonObject r;
                    QJsonObject rc;
                    axisProps(right, &r, &rc);
                    for (auto rit = r.begin(); rit != r.end(); ++rit)
                        props.append(property(rit.key(), rit.value()));
                    for (auto rit = rc.begin(); rit != rc.end(); ++rit) {
                        if (rit.key() != QLatin1String("axisPlacement"))
                            props.append(
                                property(QLatin1String("custom.") + rit.key(), rit.value()));
                    }
                }
            } else if (k == QLatin1String("color")) {
                props.append(property(QStringLiteral("color"), fixedColor(v.toString())));
            } else if (k == QLatin1String("fill")) {
                props.append(property(QStringLiteral("custom.fillOpacity"),
                                      std::clamp(v.toInt(), 0, 10) * 10));
            } else if (k == QLatin1String("fillGradient")) {
                props.append(
                    property(QStringLiteral("custom.gradientMode"),
                             v.toInt() > 0 ? QStringLiteral("opacity") : QStringLiteral("none")));
            } else if (k == QLatin1String("linewidth")) {
                props.append(property(QStringLiteral("custom.lineWidth"), v.toInt()));
            } else if (k == QLatin1String("lines")) {
                if (!v.toBool())
                    props.append(property(QStringLiteral("custom.lineWidth"), 0));
            } else if (k == QLatin1String("bars")) {
                props.append(
                    property(QStringLiteral("custom.drawStyle"),
                             v.toBool() ? QStringLiteral("bars") : QStringLiteral("line")));
            } else if (k == QLatin1String("points")) {
                props.append(
                    property(QStringLiteral("custom.showPoints"),
                             v.toBool() ? QStringLiteral("always") : QStringLiteral("never")));
            } else if (k == QLatin1String("pointradius")) {
                props.append(property(QStringLiteral("custom.pointSize"), v.toInt() * 2 + 1));
            } else if (k == QLatin1String("steppedLine")) {
                props.append(
                    property(QStringLiteral("custom.lineInterpolation"),
                             v.toBool() ? QStringLiteral("stepAfter") : QStringLiteral("linear")));
            } else if (k == QLatin1String("stack")) {
                const bool on = v.isString() ? !v.toString().isEmpty() : v.toBool();
                props.append(property(
                    QStringLiteral("custom.stacking"),
                    QJsonObject{{QStringLiteral("mode"),
                                 on ? (p.value(L("percentage")).toBool() ? QStringLiteral("percent")
                                                                         : QStringLiteral("normal"))
                                    : QStringLiteral("none")},
                                {QStringLiteral("group"),
                                 v.isString() ? v.toString() : QStringLiteral("A")}}));
            } else if (k == QLatin1String("transform")) {
                if (v.toString() == QLatin1String("negative-Y"))
                    props.append(
                        property(QStringLiteral("custom.transform"), QStringLiteral("negative-Y")));
                else if (v.toString() == QLatin1String("constant"))
                    props.append(
                        property(QStringLiteral("custom.transform"), QStringLiteral("constant")));
            } else if (k == QLatin1String("legend")) {
                if (!v.toBool())
                    props.append(property(QStringLiteral("custom.hideFrom"),
                                          QJsonObject{{QStringLiteral("legend"), true},
                                                      {QStringLiteral("tooltip"), false},
                                                      {QStringLiteral("viz"), false}}));
            } else if (k == QLatin1String("hideTooltip")) {
                if (v.toBool())
                    props.append(property(QStringLiteral("custom.hideFrom"),
                                          QJsonObject{{QStringLiteral("legend"), false},
                                                      {QStringLiteral("tooltip"), true},
                                                      {QStringLiteral("viz"), false}}));
            } else if (k == QLatin1String("nullPointMode")) {
                props.append(property(QStringLiteral("custom.spanNulls"),
                                      v.toString() == QLatin1String("connected")));
            } else if (k == QLatin1String("dashes")) {
                props.append(property(
                    QStringLiteral("custom.lineStyle"),
                    v.toBool() ? QJsonObject{{QStringLiteral("fill"), QStringLiteral("dash")},
                                             {QStringLiteral("dash"), QJsonArray{10, 10}}}
                               : QJsonObject{{QStringLiteral("fill"), QStringLiteral("solid")}}));
            } else if (k == QLatin1String("zindex") || k == QLatin1String("dashLength") ||
                       k == QLatin1String("spaceLength")) {
                // drawing order and dash lengths: no visible difference worth a note
            } else {
                note(p, tr("Series override \"%1\": the setting \"%2\" has no equivalent and "
                           "was dropped.")
                            .arg(alias, k));
            }
        }
        addOverride(&overrides, matcherFor(alias), props);
    }

    if (!p.value(L("seriesOverrides")).toArray().isEmpty())
        note(p, tr("Series overrides became field overrides."));
    if (!aliasColors.isEmpty())
        note(p, tr("Series colours (aliasColors) became fixed-colour overrides."));
    if (p.value(L("xaxis")).toObject().value(L("show")) == QJsonValue(false))
        note(p, tr("The hidden x axis is shown."));

    defaults.insert(L("custom"), custom);
    if (!defaults.contains(L("color")))
        defaults.insert(L("color"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("timeseries"));
    for (const char *k :
         {"yaxes",       "xaxis",           "yaxis",         "bars",         "lines",
          "points",      "linewidth",       "fill",          "fillGradient", "pointradius",
          "steppedLine", "dashes",          "dashLength",    "spaceLength",  "nullPointMode",
          "stack",       "percentage",      "legend",        "tooltip",      "thresholds",
          "aliasColors", "seriesOverrides", "renderer",      "grid",         "timeRegions",
          "decimals",    "hiddenSeries",    "options-graph", "y_formats",    "zindex"})
        p.remove(L(k));
    note(p, tr("Graph converted to a time series panel."));
}

void GrafanaMigrator::graphToBarGauge(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const QJsonObject xaxis = p.value(L("xaxis")).toObject();
    QString calc = reducerFor(xaxis.value(L("values")).toArray().at(0).toString());
    if (calc.isEmpty())
        calc = QStringLiteral("lastNotNull");
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    const QJsonObject left = p.value(L("yaxes")).toArray().at(0).toObject();
    if (!left.value(L("format")).toString().isEmpty())
        defaults.insert(L("unit"), left.value(L("format")).toString());
    if (const auto v = toNumber(left.value(L("min"))))
        defaults.insert(L("min"), *v);
    if (const auto v = toNumber(left.value(L("max"))))
        defaults.insert(L("max"), *v);
    if (const auto v = toNumber(left.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*v));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it)
        addOverride(
            &overrides, matcherFor(it.key()),
            QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    QJsonObject options = p.value(L("options")).toObject();
    options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                   {QStringLiteral("fields"), QString()},
                                                   {QStringLiteral("values"), false}});
    options.insert(L("orientation"), QStringLiteral("vertical"));
    options.insert(L("displayMode"), QStringLiteral("basic"));
    options.insert(L("showUnfilled"), true);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("bargauge"));
    for (const char *k :
         {"yaxes",         "xaxis",      "bars",         "lines",       "points",
          "linewidth",     "fill",       "fillGradient", "pointradius", "steppedLine",
          "nullPointMode", "stack",      "percentage",   "aliasColors", "seriesOverrides",
          "renderer",      "grid",       "dashes",       "dashLength",  "spaceLength",
          "thresholds",    "timeRegions"})
        p.remove(L(k));
    note(p, tr("Graph in series mode (one bar per series): Grafana makes it a bar chart, which "
               "Pharos cannot draw yet; it is a vertical bar gauge with one bar per series."));
}

void GrafanaMigrator::singlestatToStat(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const QString fromType = p.value(L("type")).toString();
    const QJsonObject gauge = p.value(L("gauge")).toObject();
    const bool isGauge = gauge.value(L("show")).toBool(false);
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject options = p.value(L("options")).toObject();

    // Value: reducer and unit.
    const QString valueName = p.value(L("valueName")).toString(QStringLiteral("avg"));
    QString calc = reducerFor(valueName);
    if (calc.isEmpty()) {
        calc = QStringLiteral("mean");
        note(p, tr("Unknown value \"%1\"; the mean is shown.").arg(valueName));
    }
    QJsonObject reduce{{QStringLiteral("calcs"), QJsonArray{calc}},
                       {QStringLiteral("fields"), QString()},
                       {QStringLiteral("values"), false}};
    const QString tableColumn = p.value(L("tableColumn")).toString();
    if (!tableColumn.isEmpty())
        reduce.insert(L("fields"),
                      QStringLiteral("/^%1$/").arg(QRegularExpression::escape(tableColumn)));
    options.insert(L("reduceOptions"), reduce);
    if (valueName == QLatin1String("name"))
        options.insert(L("textMode"), QStringLiteral("name"));

    QString unit = p.value(L("format")).toString();
    const QString prefix = p.value(L("prefix")).toString().trimmed();
    const QString postfix = p.value(L("postfix")).toString().trimmed();
    if (valueName == QLatin1String("last_time")) {
        // "Time of last point": the stat reduces the time field; a date unit formats it.
        reduce.insert(L("fields"), QStringLiteral("Time"));
        options.insert(L("reduceOptions"), reduce);
        if (!unit.startsWith(QLatin1String("dateTime")))
            unit = QStringLiteral("dateTimeAsIso");
        note(p, tr("\"Time of last point\": the stat shows the time of the last point (field "
                   "\"Time\", unit %1).")
                    .arg(unit));
    }
    QStringList prefixNotes;
    unit = legacyPrefixSuffix(defaults, unit, prefix, postfix, &prefixNotes);
    for (const QString &n : std::as_const(prefixNotes))
        note(p, n);
    if (!unit.isEmpty())
        defaults.insert(L("unit"), unit);
    if (const auto d = toNumber(p.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*d));

    // Thresholds and colours.
    const QJsonArray colors = p.value(L("colors")).toArray();
    const QStringList levels =
        p.value(L("thresholds")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonArray steps;
    auto colorAt = [&](qsizetype i) {
        const QString c = colors.at(std::min<qsizetype>(i, colors.size() - 1)).toString();
        return c.isEmpty() ? (i == 0 ? QStringLiteral("green") : QStringLiteral("red")) : c;
    };
    steps.append(step(QJsonValue(QJsonValue::Null), colorAt(0)));
    qsizetype level = 1;
    for (const QString &t : levels) {
        bool ok = false;
        const double v = t.trimmed().toDouble(&ok);
        if (ok)
            steps.append(step(v, colorAt(level++)));
    }
    defaults.insert(L("thresholds"), thresholdsFromSteps(steps));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}});
    const QJsonArray mappings = legacyMappings(p);
    if (!mappings.isEmpty()) {
        defaults.insert(L("mappings"), mappings);
        note(p, tr("Value and range mappings converted."));
    }
    if (p.value(L("nullPointMode")).toString() == QLatin1String("null as zero"))
        note(p, tr("Missing points were counted as zero (\"null as zero\"); they are skipped "
                   "now."));

    if (isGauge) {
        if (const auto v = toNumber(gauge.value(L("minValue"))))
            defaults.insert(L("min"), *v);
        else
            defaults.insert(L("min"), 0);
        if (const auto v = toNumber(gauge.value(L("maxValue"))))
            defaults.insert(L("max"), *v);
        else
            defaults.insert(L("max"), 100);
        options.insert(L("showThresholdMarkers"), gauge.value(L("thresholdMarkers")).toBool(true));
        options.insert(L("showThresholdLabels"), gauge.value(L("thresholdLabels")).toBool(false));
        options.insert(L("orientation"), QStringLiteral("auto"));
        p.insert(L("type"), QStringLiteral("gauge"));
        if (p.value(L("sparkline")).toObject().value(L("show")).toBool())
            note(p, tr("The sparkline is not drawn on a gauge."));
        note(p, tr("Singlestat with a gauge converted to a gauge panel."));
    } else {
        const bool background = p.value(L("colorBackground")).toBool();
        const bool value = p.value(L("colorValue")).toBool();
        options.insert(L("colorMode"), background ? QStringLiteral("background")
                                       : value    ? QStringLiteral("value")
                                                  : QStringLiteral("none"));
        options.insert(L("graphMode"), p.value(L("sparkline")).toObject().value(L("show")).toBool()
                                           ? QStringLiteral("area")
                                           : QStringLiteral("none"));
        options.insert(L("justifyMode"), QStringLiteral("auto"));
        options.insert(L("orientation"), QStringLiteral("horizontal"));
        if (!options.contains(L("textMode")))
            options.insert(L("textMode"), QStringLiteral("auto"));
        p.insert(L("type"), QStringLiteral("stat"));
        note(p, tr("Singlestat converted to a stat panel."));
    }
    if (p.value(L("colorPrefix")).toBool() || p.value(L("colorPostfix")).toBool())
        note(p, tr("Coloured prefix/postfix is not available; the value is coloured."));

    fc.insert(L("defaults"), defaults);
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    for (const char *k :
         {"valueName",       "format",        "prefix",       "postfix",      "prefixFontSize",
          "postfixFontSize", "valueFontSize", "thresholds",   "colors",       "colorBackground",
          "colorValue",      "colorPrefix",   "colorPostfix", "sparkline",    "gauge",
          "valueMaps",       "rangeMaps",     "mappingType",  "mappingTypes", "nullText",
          "nullPointMode",   "tableColumn",   "decimals"})
        p.remove(L(k));
    Q_UNUSED(fromType);
}

void GrafanaMigrator::tableOldToTable(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject custom = defaults.value(L("custom")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();

    auto styleProps = [&](const QJsonObject &style, bool isDefault) {
        QJsonArray props;
        const QString alias = style.value(L("alias")).toString();
        if (!alias.isEmpty() && !isDefault)
            props.append(property(QStringLiteral("displayName"), alias));
        const QString type = style.value(L("type")).toString();
        if (type == QLatin1String("date")) {
            const QString fmt = style.value(L("dateFormat")).toString();
            props.append(property(QStringLiteral("unit"),
                                  fmt.isEmpty() || fmt == QLatin1String("YYYY-MM-DD HH:mm:ss")
                                      ? QStringLiteral("dateTimeAsIso")
                                      : QLatin1String("time:") + fmt));
        } else if (type == QLatin1String("hidden")) {
            props.append(property(QStringLiteral("custom.hidden"), true));
        } else if (type == QLatin1String("number")) {
            const QString unit = style.value(L("unit")).toString();
            if (!unit.isEmpty())
                props.append(property(QStringLiteral("unit"), unit));
            if (const auto d = toNumber(style.value(L("decimals"))))
                props.append(property(QStringLiteral("decimals"), json::saturatedInt(*d)));
        }
        const QString colorMode = style.value(L("colorMode")).toString();
        const QJsonArray ths = style.value(L("thresholds")).toArray();
        QList<double> levels;
        for (const QJsonValue &t : ths) {
            if (const auto v = toNumber(t))
                levels.append(*v);
        }
        if (!colorMode.isEmpty()) {
            const QJsonArray colors = style.value(L("colors")).toArray();
            QJsonArray steps;
            auto colorAt = [&](qsizetype i) {
                return colors.at(std::min<qsizetype>(i, std::max<qsizetype>(0, colors.size() - 1)))
                    .toString(QStringLiteral("green"));
            };
            steps.append(step(QJsonValue(QJsonValue::Null), colorAt(0)));
            for (qsizetype i = 0; i < levels.size(); ++i)
                steps.append(step(levels[i], colorAt(i + 1)));
            props.append(property(QStringLiteral("thresholds"), thresholdsFromSteps(steps)));
            props.append(
                property(QStringLiteral("color"),
                         QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}}));
            props.append(property(
                QStringLiteral("custom.cellOptions"),
                colorMode == QLatin1String("value")
                    ? QJsonObject{{QStringLiteral("type"), QStringLiteral("color-text")}}
                    : QJsonObject{{QStringLiteral("type"), QStringLiteral("color-background")}}));
            if (colorMode == QLatin1String("row"))
                note(p, tr("Column style \"%1\": colouring whole rows is not available; the "
                           "cell is coloured.")
                            .arg(style.value(L("pattern")).toString()));
        }
        if (style.value(L("link")).toBool() && !style.value(L("linkUrl")).toString().isEmpty()) {
            QString url = style.value(L("linkUrl")).toString();
            url.replace(QLatin1String("$__cell"), QLatin1String("${__value.text}"));
            props.append(property(
                QStringLiteral("links"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("title"), style.value(L("linkTooltip")).toString()},
                    {QStringLiteral("url"), url},
                    {QStringLiteral("targetBlank"), style.value(L("linkTargetBlank")).toBool()}}}));
        }
        const QJsonArray mappings = legacyMappings(
            QJsonObject{{QStringLiteral("mappingType"), style.value(L("mappingType")).toInt(1)},
                        {QStringLiteral("valueMaps"), style.value(L("valueMaps"))},
                        {QStringLiteral("rangeMaps"), style.value(L("rangeMaps"))}});
        if (!mappings.isEmpty())
            props.append(property(QStringLiteral("mappings"), mappings));
        const QString align = style.value(L("align")).toString();
        if (!align.isEmpty() && align != QLatin1String("auto"))
            props.append(property(QStringLiteral("custom.align"), align));
        return props;
    };

    for (const QJsonValue &sv : p.value(L("styles")).toArray()) {
        const QJsonObject style = sv.toObject();
        const QString pattern = style.value(L("pattern")).toString();
        if (pattern.isEmpty())
            continue;
        if (pattern == QLatin1String("/.*/")) {
            // The catch-all style is the default of every column.
            const QJsonArray props = styleProps(style, true);
            for (const QJsonValue &pv : props) {
                const QJsonObject prop = pv.toObject();
                const QString id = prop.value(L("id")).toString();
                if (id.startsWith(QLatin1String("custom."))) {
                    custom.insert(id.mid(7), prop.value(L("value")));
                } else {
                    defaults.insert(id, prop.value(L("value")));
                }
            }
            continue;
        }
        addOverride(&overrides, matcherFor(pattern), styleProps(style, false));
    }

    // The old table's data transform becomes a transformation.
    const QString transform = p.value(L("transform")).toString();
    QJsonArray transformations = p.value(L("transformations")).toArray();
    if (transform == QLatin1String("timeseries_aggregations")) {
        QJsonArray reducers;
        for (const QJsonValue &c : p.value(L("columns")).toArray()) {
            const QString r = reducerFor(c.toObject().value(L("value")).toString());
            if (!r.isEmpty())
                reducers.append(r);
        }
        if (reducers.isEmpty())
            reducers.append(QStringLiteral("mean"));
        transformations.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("reduce")},
            {QStringLiteral("options"), QJsonObject{{QStringLiteral("reducers"), reducers},
                                                    {QStringLiteral("includeTimeField"), false}}}});
    } else if (transform == QLatin1String("timeseries_to_columns")) {
        transformations.append(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("seriesToColumns")},
                        {QStringLiteral("options"),
                         QJsonObject{{QStringLiteral("byField"), QStringLiteral("Time")}}}});
    } else if (transform == QLatin1String("table") && p.value(L("targets")).toArray().size() > 1) {
        transformations.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("merge")},
                                           {QStringLiteral("options"), QJsonObject()}});
    } else if (transform == QLatin1String("json") || transform == QLatin1String("annotations")) {
        note(p, tr("The table's \"%1\" transform has no equivalent; the data is shown as it "
                   "comes.")
                    .arg(transform));
    }
    if (!transformations.isEmpty())
        p.insert(L("transformations"), transformations);

    const QJsonObject sort = p.value(L("sort")).toObject();
    if (sort.value(L("col")).isDouble())
        note(p, tr("The old sort (by column number) was not kept; click a header to sort."));
    options.insert(L("showHeader"), p.value(L("showHeader")).toBool(true));

    defaults.insert(L("custom"), custom);
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("table"));
    for (const char *k :
         {"styles", "columns", "transform", "sort", "showHeader", "fontSize", "pageSize", "scroll"})
        p.remove(L(k));
    note(p, tr("Old table converted: column styles became field overrides."));
}

void GrafanaMigrator::oldGaugeOptions(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject options = p.value(L("options")).toObject();
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    bool changed = false;

    auto oldThresholds = [](const QJsonArray &list) {
        // [{index, value, color}] (value null or missing for the base), any order.
        QList<QJsonObject> items;
        for (const QJsonValue &v : list)
            items.append(v.toObject());
        std::stable_sort(items.begin(), items.end(),
                         [](const QJsonObject &a, const QJsonObject &b) {
                             const auto va = toNumber(a.value(L("value")));
                             const auto vb = toNumber(b.value(L("value")));
                             if (!va || !vb)
                                 return !va && vb.has_value();
                             return *va < *vb;
                         });
        QJsonArray steps;
        for (const QJsonObject &t : std::as_const(items))
            steps.append(step(steps.isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : numberOrNull(t.value(L("value"))),
                              t.value(L("color")).toString(QStringLiteral("green"))));
        return steps;
    };

    // Grafana 6.0-6.4: options.{unit, decimals, stat, prefix, suffix, minValue, maxValue,
    // thresholds, valueMappings} or options.valueOptions{...}.
    const QJsonObject valueOptions = options.value(L("valueOptions")).toObject();
    auto take = [&](const char *key) {
        const QJsonValue v =
            valueOptions.contains(L(key)) ? valueOptions.value(L(key)) : options.value(L(key));
        return v;
    };
    if (!options.contains(L("fieldOptions")) &&
        (options.contains(L("valueOptions")) || options.contains(L("thresholds")) ||
         options.contains(L("valueMappings")) || options.contains(L("minValue")))) {
        const QString unit = take("unit").toString();
        if (!unit.isEmpty())
            defaults.insert(L("unit"), unit);
        if (const auto d = toNumber(take("decimals")))
            defaults.insert(L("decimals"), json::saturatedInt(*d));
        if (const auto v = toNumber(options.value(L("minValue"))))
            defaults.insert(L("min"), *v);
        if (const auto v = toNumber(options.value(L("maxValue"))))
            defaults.insert(L("max"), *v);
        if (options.value(L("thresholds")).isArray())
            defaults.insert(L("thresholds"), thresholdsFromSteps(oldThresholds(
                                                 options.value(L("thresholds")).toArray())));
        if (options.value(L("valueMappings")).isArray())
            defaults.insert(L("mappings"),
                            newMappings(options.value(L("valueMappings")).toArray()));
        QString calc = reducerFor(take("stat").toString());
        if (calc.isEmpty())
            calc = take("stat").toString().isEmpty() ? QStringLiteral("mean")
                                                     : take("stat").toString();
        options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                       {QStringLiteral("fields"), QString()},
                                                       {QStringLiteral("values"), false}});
        QStringList prefixNotes;
        const QString withAffixes =
            legacyPrefixSuffix(defaults, unit, take("prefix").toString().trimmed(),
                               take("suffix").toString().trimmed(), &prefixNotes);
        if (!withAffixes.isEmpty())
            defaults.insert(L("unit"), withAffixes);
        for (const QString &n : std::as_const(prefixNotes))
            note(p, n);
        for (const char *k : {"valueOptions", "unit", "decimals", "stat", "prefix", "suffix",
                              "minValue", "maxValue", "thresholds", "valueMappings", "baseColor"})
            options.remove(L(k));
        changed = true;
    }

    // Grafana 6.5-6.7: options.fieldOptions{calcs, values, limit, defaults, overrides,
    // thresholds, mappings}.
    if (options.value(L("fieldOptions")).isObject()) {
        const QJsonObject fo = options.value(L("fieldOptions")).toObject();
        QJsonObject oldDefaults = fo.value(L("defaults")).toObject();
        for (auto it = oldDefaults.begin(); it != oldDefaults.end(); ++it) {
            QString key = it.key();
            QJsonValue value = it.value();
            if (key == QLatin1String("title"))
                key = QStringLiteral("displayName");
            if (key == QLatin1String("thresholds") && value.isArray())
                value = thresholdsFromSteps(oldThresholds(value.toArray()));
            if (key == QLatin1String("mappings") && value.isArray())
                value = newMappings(value.toArray());
            if (!defaults.contains(key))
                defaults.insert(key, value);
        }
        if (fo.value(L("thresholds")).isArray() && !defaults.contains(L("thresholds")))
            defaults.insert(L("thresholds"), thresholdsFromSteps(oldThresholds(
                                                 fo.value(L("thresholds")).toArray())));
        if (fo.value(L("mappings")).isArray() && !defaults.contains(L("mappings")))
            defaults.insert(L("mappings"), newMappings(fo.value(L("mappings")).toArray()));
        if (fo.value(L("overrides")).isArray() && !fo.value(L("overrides")).toArray().isEmpty() &&
            !fc.contains(L("overrides")))
            fc.insert(L("overrides"), fo.value(L("overrides")));
        QJsonObject reduce = options.value(L("reduceOptions")).toObject();
        QJsonArray calcs = fo.value(L("calcs")).toArray();
        if (calcs.isEmpty())
            calcs.append(QStringLiteral("mean"));
        reduce.insert(L("calcs"), calcs);
        reduce.insert(L("values"), fo.value(L("values")).toBool(false));
        reduce.insert(L("fields"), fo.value(L("fields")).toString());
        if (fo.contains(L("limit")))
            reduce.insert(L("limit"), fo.value(L("limit")));
        options.insert(L("reduceOptions"), reduce);
        options.remove(L("fieldOptions"));
        changed = true;
    }
    if (!changed)
        return;
    if (!defaults.contains(L("color")) && defaults.contains(L("thresholds")))
        defaults.insert(L("color"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}});
    fc.insert(L("defaults"), defaults);
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    note(p, tr("Old %1 options (options.fieldOptions) moved to the field config.")
                .arg(p.value(L("type")).toString()));
}

void GrafanaMigrator::piechartPlugin(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();
    QString calc = reducerFor(p.value(L("valueName")).toString(QStringLiteral("current")));
    if (calc.isEmpty())
        calc = QStringLiteral("lastNotNull");
    options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                   {QStringLiteral("fields"), QString()},
                                                   {QStringLiteral("values"), false}});
    options.insert(L("pieType"), p.value(L("pieType")).toString() == QLatin1String("donut")
                                     ? QStringLiteral("donut")
                                     : QStringLiteral("pie"));
    const QJsonObject legend = p.value(L("legend")).toObject();
    QJsonArray values;
    if (legend.value(L("values")).toBool())
        values.append(QStringLiteral("value"));
    if (legend.value(L("percentage")).toBool())
        values.append(QStringLiteral("percent"));
    const QString legendType = p.value(L("legendType")).toString();
    options.insert(
        L("legend"),
        QJsonObject{{QStringLiteral("showLegend"), legend.value(L("show")).toBool(true) &&
                                                       legendType != QLatin1String("On graph")},
                    {QStringLiteral("displayMode"),
                     values.isEmpty() ? QStringLiteral("list") : QStringLiteral("table")},
                    {QStringLiteral("placement"), legendType == QLatin1String("Under graph")
                                                      ? QStringLiteral("bottom")
                                                      : QStringLiteral("right")},
                    {QStringLiteral("values"), values}});
    options.insert(L("displayLabels"), legendType == QLatin1String("On graph")
                                           ? QJsonArray{QStringLiteral("name")}
                                           : QJsonArray());
    const QString unit = p.value(L("format")).toString();
    if (!unit.isEmpty())
        defaults.insert(L("unit"), unit);
    if (const auto d = toNumber(p.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*d));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it)
        addOverride(
            &overrides, matcherFor(it.key()),
            QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    if (toNumber(p.value(L("combine")).toObject().value(L("threshold"))).value_or(0) > 0)
        note(p, tr("Combining small slices into \"Others\" is not available; every slice is "
                   "drawn."));
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("piechart"));
    for (const char *k :
         {"valueName", "pieType", "legend", "legendType", "format", "decimals", "aliasColors",
          "combine", "strokeWidth", "fontSize", "breakPoint", "cacheTimeout", "nullPointMode"})
        p.remove(L(k));
    note(p, tr("Pie chart plugin converted to the pie chart panel."));
}

void GrafanaMigrator::oldHeatmap(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const bool old = p.contains(L("dataFormat")) || p.contains(L("cards")) ||
                     p.contains(L("yBucketBound")) || p.contains(L("heatmap")) ||
                     (p.value(L("color")).isObject() && !p.value(L("options")).isObject());
    if (p.value(L("type")).toString() == QLatin1String("heatmap-new")) {
        p.insert(L("type"), QStringLiteral("heatmap"));
        note(p, tr("\"heatmap-new\" is the heatmap panel."));
    }
    if (!old || p.value(L("options")).toObject().contains(L("calculate")))
        return;
    QJsonObject options = p.value(L("options")).toObject();
    const QString dataFormat = p.value(L("dataFormat")).toString(QStringLiteral("timeseries"));
    const bool buckets = dataFormat == QLatin1String("tsbuckets");
    options.insert(L("calculate"), !buckets);
    if (!buckets) {
        QJsonObject calc;
        if (const auto n = toNumber(p.value(L("xBucketNumber"))))
            calc.insert(L("xBuckets"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("count")},
                                    {QStringLiteral("value"), QString::number(*n)}});
        else if (!p.value(L("xBucketSize")).toString().isEmpty())
            calc.insert(L("xBuckets"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("size")},
                                                   {QStringLiteral("value"),
                                                    p.value(L("xBucketSize")).toString()}});
        if (const auto n = toNumber(p.value(L("yBucketNumber"))))
            calc.insert(L("yBuckets"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("count")},
                                    {QStringLiteral("value"), QString::number(*n)}});
        options.insert(L("calculation"), calc);
        note(p, tr("The heatmap computes its buckets from the series (dataFormat "
                   "\"timeseries\")."));
    }
    const QJsonObject color = p.value(L("color")).toObject();
    QJsonObject newColor;
    const QString mode = color.value(L("mode")).toString(QStringLiteral("spectrum"));
    const QString scale = color.value(L("colorScale")).toString(QStringLiteral("sqrt"));
    if (mode == QLatin1String("opacity")) {
        newColor.insert(L("mode"), QStringLiteral("opacity"));
        newColor.insert(L("fill"), color.value(L("cardColor")).toString(QStringLiteral("#b4ff00")));
    } else {
        QString scheme =
            color.value(L("colorScheme")).toString(QStringLiteral("interpolateOranges"));
        if (scheme.startsWith(QLatin1String("interpolate")))
            scheme = scheme.mid(11);
        newColor.insert(L("mode"), QStringLiteral("scheme"));
        newColor.insert(L("scheme"), scheme);
        newColor.insert(L("fill"), color.value(L("cardColor")).toString(QStringLiteral("#b4ff00")));
    }
    newColor.insert(L("scale"), scale == QLatin1String("linear") ? QStringLiteral("linear")
                                                                 : QStringLiteral("exponential"));
    newColor.insert(L("exponent"), toNumber(color.value(L("exponent"))).value_or(0.5));
    newColor.insert(L("steps"), 128);
    newColor.insert(L("reverse"), false);
    if (const auto v = toNumber(color.value(L("min"))))
        newColor.insert(L("min"), *v);
    if (const auto v = toNumber(color.value(L("max"))))
        newColor.insert(L("max"), *v);
    options.insert(L("color"), newColor);

    const QJsonObject yAxis = p.value(L("yAxis")).toObject();
    QJsonObject newY{{QStringLiteral("axisPlacement"), yAxis.value(L("show")).toBool(true)
                                                           ? QStringLiteral("left")
                                                           : QStringLiteral("hidden")},
                     {QStringLiteral("reverse"), p.value(L("reverseYBuckets")).toBool(false)}};
    if (!yAxis.value(L("format")).toString().isEmpty())
        newY.insert(L("unit"), yAxis.value(L("format")).toString());
    if (const auto d = toNumber(yAxis.value(L("decimals"))))
        newY.insert(L("decimals"), json::saturatedInt(*d));
    if (const auto v = toNumber(yAxis.value(L("min"))))
        newY.insert(L("min"), *v);
    if (const auto v = toNumber(yAxis.value(L("max"))))
        newY.insert(L("max"), *v);
    const int logBase = json::saturatedInt(toNumber(yAxis.value(L("logBase"))).value_or(1));
    if (logBase > 1)
        newY.insert(L("scaleDistribution"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("log")},
                                {QStringLiteral("log"), logBase}});
    options.insert(L("yAxis"), newY);
    const QString bound = p.value(L("yBucketBound")).toString(QStringLiteral("auto"));
    options.insert(L("rowsFrame"),
                   QJsonObject{{QStringLiteral("layout"),
                                bound == QLatin1String("upper")    ? QStringLiteral("le")
                                : bound == QLatin1String("lower")  ? QStringLiteral("ge")
                                : bound == QLatin1String("middle") ? QStringLiteral("unknown")
                                                                   : QStringLiteral("auto")}});
    if (p.value(L("hideZeroBuckets")).toBool())
        options.insert(L("filterValues"), QJsonObject{{QStringLiteral("le"), 1e-9}});
    options.insert(L("legend"),
                   QJsonObject{{QStringLiteral("show"),
                                p.value(L("legend")).toObject().value(L("show")).toBool(false)}});
    options.insert(
        L("tooltip"),
        QJsonObject{
            {QStringLiteral("mode"), p.value(L("tooltip")).toObject().value(L("show")).toBool(true)
                                         ? QStringLiteral("single")
                                         : QStringLiteral("none")},
            {QStringLiteral("yHistogram"),
             p.value(L("tooltip")).toObject().value(L("showHistogram")).toBool(false)}});
    const QJsonObject cards = p.value(L("cards")).toObject();
    if (const auto v = toNumber(cards.value(L("cardPadding"))))
        options.insert(L("cellGap"), json::saturatedInt(*v));
    else
        options.insert(L("cellGap"), 2);
    if (const auto v = toNumber(cards.value(L("cardRound"))))
        options.insert(L("cellRadius"), *v);
    options.insert(L("showValue"), QStringLiteral("never"));
    options.insert(L("exemplars"),
                   QJsonObject{{QStringLiteral("color"), QStringLiteral("rgba(255,0,255,0.7)")}});
    p.insert(L("options"), options);
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    if (!fc.contains(L("defaults")))
        fc.insert(
            L("defaults"),
            QJsonObject{
                {QStringLiteral("custom"),
                 QJsonObject{
                     {QStringLiteral("hideFrom"), QJsonObject{{QStringLiteral("legend"), false},
                                                              {QStringLiteral("tooltip"), false},
                                                              {QStringLiteral("viz"), false}}},
                     {QStringLiteral("scaleDistribution"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("linear")}}}}}});
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    for (const char *k :
         {"dataFormat", "cards", "color", "heatmap", "hideZeroBuckets", "highlightCards", "legend",
          "reverseYBuckets", "tooltip", "xAxis", "yAxis", "yBucketBound", "yBucketNumber",
          "yBucketSize", "xBucketNumber", "xBucketSize", "tooltipDecimals"})
        p.remove(L(k));
    note(p, tr("Old heatmap converted to the heatmap panel."));
}

// ---- data sources ------------------------------------------------------------------------

QJsonValue GrafanaMigrator::dataSourceRef(const QJsonValue &ref, bool nullForDefault) const
{
    if (ref.isObject() || ref.isUndefined())
        return ref;
    if (ref.isNull())
        return ref;
    if (!ref.isString())
        return ref;
    const QString name = ref.toString().trimmed();
    if (name.isEmpty() || name.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0)
        return nullForDefault ? QJsonValue(QJsonValue::Null) : QJsonValue(ref);
    if (datasourceref::isMixed(name))
        return datasourceref::mixed();
    if (name == QLatin1String("-- Grafana --") || name == QLatin1String("grafana"))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("grafana")},
                           {QStringLiteral("uid"), QStringLiteral("grafana")}};
    if (name == QLatin1String("-- Dashboard --"))
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")},
                           {QStringLiteral("uid"), QStringLiteral("-- Dashboard --")}};
    if (datasourceref::isVariable(name)) {
        QJsonObject o{{QStringLiteral("uid"), name}};
        const QString type = m_dsVariableTypes.value(variableName(name));
        if (!type.isEmpty())
            o.insert(L("type"), type);
        return o;
    }
    if (m_options.lookupDataSource) {
        const QJsonObject found = m_options.lookupDataSource(name);
        if (!found.isEmpty())
            return found;
    }
    return QJsonObject{{QStringLiteral("uid"), name}};
}

void GrafanaMigrator::dataSources(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    if (m_from >= 36)
        return;
    const bool isRow = p.value(L("type")).toString() == QLatin1String("row");
    if (p.contains(L("datasource")))
        p.insert(L("datasource"), dataSourceRef(p.value(L("datasource")), true));
    if (isRow || p.contains(L("libraryPanel")))
        return;
    // Schema 36: a panel without queries gets an empty query A; a panel with queries on the
    // default data source names it.
    if (p.value(L("targets")).toArray().isEmpty()) {
        p.insert(L("targets"),
                 QJsonArray{QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")}}});
        return;
    }
    const QJsonValue written = p.value(L("datasource"));
    if ((written.isNull() || written.isUndefined()) && !m_options.defaultDataSource.isEmpty())
        p.insert(L("datasource"), m_options.defaultDataSource);
    // Targets name their data source; one without copies the panel's (unless Mixed).
    const QJsonValue panelDs = p.value(L("datasource"));
    const bool mixed = panelDs.isObject() && datasourceref::isMixed(panelDs);
    QJsonArray targets = p.value(L("targets")).toArray();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!targets.at(i).isObject())
            continue;
        QJsonObject t = targets.at(i).toObject();
        const QJsonValue ds = t.value(L("datasource"));
        if (ds.isString())
            t.insert(L("datasource"), dataSourceRef(ds, true));
        else if ((ds.isUndefined() || ds.isNull()) && !mixed && panelDs.isObject())
            t.insert(L("datasource"), panelDs);
        targets[i] = t;
    }
    p.insert(L("targets"), targets);
}

// ---- public API ----------------------------------------------------------------------------

QString ImportReportEntry::statusName(Status s)
{
    switch (s) {
    case Status::Converted:
        return QStringLiteral("converted");
    case Status::Unsupported:
        return QStringLiteral("unsupported");
    case Status::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

QJsonObject ImportReportEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("from_type"), fromType},
                       {QStringLiteral("to_type"), toType},
                       {QStringLiteral("status"), statusName(status)},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

int ImportReport::count(ImportReportEntry::Status status) const
{
    return int(std::count_if(panels.cbegin(), panels.cend(),
                             [status](const ImportReportEntry &e) { return e.status == status; }));
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray entries;
    for (const ImportReportEntry &e : panels)
        entries.append(e.toJson());
    return QJsonObject{{QStringLiteral("from_schema_version"), fromSchemaVersion},
                       {QStringLiteral("to_schema_version"), toSchemaVersion},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
                       {QStringLiteral("panels"), entries}};
}

MigrationResult migrateDashboard(const QJsonObject &dashboard, const MigrationOptions &options)
{
    GrafanaMigrator m(options);
    return m.run(dashboard);
}

} // namespace pharos
