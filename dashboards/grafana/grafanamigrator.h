#pragma once

// GrafanaMigrator, the driver of migrateDashboard() (grafanamigration.h). Internal to the
// migration; its steps live in the files named after them:
//   grafanamigrator.cpp     the driver (run), report entries, legacy rows (the conversion is
//                           dashboards/layout/legacyrows), panel ids, the public API
//   schemasteps.cpp         the per-version panel steps, one function per schemaVersion
//   variablemigration.cpp   template variables and annotations
//   legacygraph.cpp         graph -> time series (or bar gauge, histogram)
//   legacysinglestat.cpp    singlestat -> stat or gauge
//   legacytable.cpp         table-old -> table
//   legacygaugeoptions.cpp  Grafana 6/7 gauge, bar gauge and stat options -> fieldConfig
//   legacypanels.cpp        which Angular panel goes where; pie chart plugin, old heatmap
//   datasourcemigration.cpp data-source names -> {type, uid} references (schema 33/36)

#include "dashboards/grafana/grafanamigration.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace pharos {

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

    // Panel steps: the schema steps (schemasteps.cpp), then the Angular auto-migration
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

    MigrationOptions m_options;
    QJsonObject m_doc;
    int m_from = 0;
    QList<ImportReportEntry> m_entries;
    QStringList m_notes;
    QHash<QString, QString> m_dsVariableTypes; // datasource variable name -> plugin id
};

template <typename F> void GrafanaMigrator::forEachPanel(QJsonArray *panels, F &&fn)
{
    for (qsizetype i = 0; i < panels->size(); ++i) {
        if (!panels->at(i).isObject())
            continue;
        QJsonObject p = panels->at(i).toObject();
        fn(&p);
        if (p.value(QLatin1String("panels")).isArray()) {
            QJsonArray kids = p.value(QLatin1String("panels")).toArray();
            forEachPanel(&kids, fn);
            p.insert(QLatin1String("panels"), kids);
        }
        (*panels)[i] = p;
    }
}

template <typename F> void GrafanaMigrator::forEachPanel(F &&fn)
{
    QJsonArray panels = m_doc.value(QLatin1String("panels")).toArray();
    forEachPanel(&panels, fn);
    m_doc.insert(QLatin1String("panels"), panels);
}

} // namespace pharos
