#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/grafana/schemasteps.h"
#include "dashboards/layout/layout.h"
#include "dashboards/layout/legacyrows.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/model/paneltypes.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <climits>
#include <cmath>

namespace pharos {

using namespace migration;

namespace {

const QLatin1String Marker("__pharosImportIndex");

} // namespace

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

void GrafanaMigrator::upgradeRows()
{
    const QJsonArray panels = legacyrows::toGridPanels(
        m_doc.value(L("rows")).toArray(), m_doc.value(L("panels")).toArray(),
        [this](const QJsonObject &row, bool titleWasHidden) {
            if (titleWasHidden)
                note(row, tr("Grafana hid this row's title (showTitle off); rows are always shown "
                             "with their title now."));
            else
                note(row, tr("Legacy row converted to a row panel."));
        });
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

void GrafanaMigrator::schemaSteps(QJsonObject *panel)
{
    const PanelNote addNote = [this](const QJsonObject &p, const QString &text) { note(p, text); };
    for (const PanelSchemaStep &s : panelSchemaSteps()) {
        if (m_from < s.version)
            s.migrate(*panel, addNote);
    }
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
