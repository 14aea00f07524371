// The Grafana import over the whole corpus (../shared/corpus/grafana-dashboards, 17 files,
// schema 14 to 41): every input panel (rows and nested panels included) is in the output and
// in the report, every target expression survives, the layout has no overlaps, and loading a
// file through the normal loader gives the same dashboard.
#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/grafana/importer.h"
#include "dashboards/layout/layout.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/model/paneltypes.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace pharos;

namespace {

struct InputPanel
{
    QJsonValue id;
    QString title;
    QString type;
    bool legacyRow = false;
    QStringList exprs;
};

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (!o.contains(QLatin1String("panels")) && !o.contains(QLatin1String("rows")) &&
        o.value(QLatin1String("dashboard")).isObject())
        o = o.value(QLatin1String("dashboard")).toObject();
    return o;
}

QStringList exprsOf(const QJsonObject &panel)
{
    QStringList out;
    for (const QJsonValue &t : panel.value(QLatin1String("targets")).toArray()) {
        const QJsonValue e = t.toObject().value(QLatin1String("expr"));
        if (e.isString())
            out << e.toString();
    }
    return out;
}

void collect(const QJsonArray &panels, QList<InputPanel> *out)
{
    for (const QJsonValue &v : panels) {
        if (!v.isObject())
            continue;
        const QJsonObject p = v.toObject();
        out->append({p.value(QLatin1String("id")), p.value(QLatin1String("title")).toString(),
                     p.value(QLatin1String("type")).toString(), false, exprsOf(p)});
        if (p.value(QLatin1String("panels")).isArray())
            collect(p.value(QLatin1String("panels")).toArray(), out);
    }
}

/// Input panels in the order the importer reports them: legacy rows[] (each row, then its
/// panels), then panels[] with their nested panels.
QList<InputPanel> inputPanels(const QJsonObject &doc)
{
    QList<InputPanel> out;
    for (const QJsonValue &rv : doc.value(QLatin1String("rows")).toArray()) {
        if (!rv.isObject())
            continue;
        const QJsonObject r = rv.toObject();
        out.append({r.value(QLatin1String("id")),
                    r.value(QLatin1String("title")).toString(),
                    QStringLiteral("row"),
                    true,
                    {}});
        collect(r.value(QLatin1String("panels")).toArray(), &out);
    }
    collect(doc.value(QLatin1String("panels")).toArray(), &out);
    return out;
}

QList<QJsonObject> outputPanels(const QJsonArray &panels)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : panels) {
        const QJsonObject p = v.toObject();
        out.append(p);
        for (const QJsonValue &c : p.value(QLatin1String("panels")).toArray())
            out.append(c.toObject());
    }
    return out;
}

QStringList corpusFiles()
{
    const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

} // namespace

class TestMigrationCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusPresent() { QCOMPARE(corpusFiles().size(), 17); }

    void everyPanelAndExpr_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &p : corpusFiles())
            QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
    }

    void everyPanelAndExpr()
    {
        QFETCH(QString, path);
        const QJsonObject input = readJson(path);
        QVERIFY(!input.isEmpty());
        const QList<InputPanel> in = inputPanels(input);
        QVERIFY(in.size() > 4);

        const MigrationResult result = migrateDashboard(input);
        const QJsonObject &out = result.dashboard;
        QCOMPARE(out.value(QLatin1String("schemaVersion")).toInt(), CurrentSchemaVersion);
        QVERIFY(!out.contains(QLatin1String("rows")));
        QVERIFY(out.value(QLatin1String("refresh")).isString());
        const QByteArray serialized = QJsonDocument(out).toJson(QJsonDocument::Compact);
        QVERIFY(!serialized.contains("__pharosImportIndex"));

        // The report: one entry per input panel, in input order.
        const ImportReport &report = result.report;
        QCOMPARE(report.panels.size(), in.size());
        const QList<QJsonObject> outPanels =
            outputPanels(out.value(QLatin1String("panels")).toArray());
        QHash<int, QJsonObject> byId;
        for (const QJsonObject &p : outPanels) {
            const int id = p.value(QLatin1String("id")).toInt();
            QVERIFY2(id > 0, "every output panel has an id");
            QVERIFY2(!byId.contains(id), qPrintable(QStringLiteral("duplicate id %1").arg(id)));
            byId.insert(id, p);
        }
        int legacyRowsWithoutPanel = 0;
        for (qsizetype i = 0; i < in.size(); ++i) {
            const InputPanel &ip = in[i];
            const ImportReportEntry &e = report.panels[i];
            const QString where = QStringLiteral("%1 #%2 \"%3\"").arg(path).arg(i).arg(ip.title);
            QCOMPARE(e.title, ip.title);
            QCOMPARE(e.fromType, ip.type);
            QCOMPARE(e.id, ip.id.isUndefined() ? QJsonValue(QJsonValue::Null) : ip.id);
            const QJsonObject json = e.toJson();
            for (const char *k : {"id", "title", "from_type", "to_type", "status", "notes"})
                QVERIFY2(json.contains(QLatin1String(k)), qPrintable(where));
            if (ip.legacyRow && e.toType.isEmpty()) {
                // A row that only grouped panels (Grafana makes no row panel then).
                ++legacyRowsWithoutPanel;
                QCOMPARE(e.status, ImportReportEntry::Status::Converted);
                QVERIFY(!e.notes.isEmpty());
                continue;
            }
            QVERIFY2(byId.contains(e.newId), qPrintable(where + QStringLiteral(" is missing")));
            const QJsonObject op = byId.value(e.newId);
            QCOMPARE(op.value(QLatin1String("title")).toString(), ip.title);
            QCOMPARE(op.value(QLatin1String("type")).toString(), e.toType);
            // Every query expression of the panel is still there, in order.
            QCOMPARE(exprsOf(op), ip.exprs);
            if (paneltypes::isNative(e.toType))
                QVERIFY2(e.status != ImportReportEntry::Status::Unsupported, qPrintable(where));
            else
                QVERIFY2(e.status == ImportReportEntry::Status::Unsupported && !e.notes.isEmpty(),
                         qPrintable(where));
            if (e.fromType != e.toType)
                QCOMPARE(e.status == ImportReportEntry::Status::Unchanged, false);
        }
        // Nothing appears from nowhere: output panels = input panels (+ rows Grafana makes).
        qsizetype made = 0;
        for (const ImportReportEntry &e : report.panels)
            made += e.toType.isEmpty() ? 0 : 1;
        QCOMPARE(qsizetype(outPanels.size()), made);
        Q_UNUSED(legacyRowsWithoutPanel);

        // Every expression of the file is in the output (multiset).
        QHash<QString, int> exprCount;
        for (const InputPanel &ip : in)
            for (const QString &e : ip.exprs)
                ++exprCount[e];
        for (const QJsonObject &p : outPanels)
            for (const QString &e : exprsOf(p))
                --exprCount[e];
        for (auto it = exprCount.cbegin(); it != exprCount.cend(); ++it)
            QVERIFY2(it.value() <= 0, qPrintable(QStringLiteral("expr lost: ") + it.key()));

        // No overlaps, and the layout is already floated up (migrating again changes nothing).
        const QStringList overlaps =
            layout::overlapProblems(out.value(QLatin1String("panels")).toArray());
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(QLatin1Char('\n'))));
        const MigrationResult again = migrateDashboard(out);
        QVERIFY2(!again.changed, "migrating a migrated dashboard changes nothing");

        // The loader (File > Open) migrates the same way.
        QString error;
        const auto loaded = loadDashboardFile(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), out);
        QCOMPARE(loaded->schemaVersion(), CurrentSchemaVersion);
    }

    void inputsAreReplaced_data() { everyPanelAndExpr_data(); }

    void inputsAreReplaced()
    {
        QFETCH(QString, path);
        QString error;
        const auto source = readImportSource(path, &error);
        QVERIFY2(source, qPrintable(error));
        QHash<QString, QString> values;
        for (const ImportInput &in : source->inputs)
            values.insert(in.name, QStringLiteral("My Prometheus"));
        const auto result = importDashboard(*source, values, QString(), {}, &error);
        QVERIFY2(result, qPrintable(error));
        QVERIFY(result->unresolvedInputs.isEmpty());
        const QByteArray json = QJsonDocument(result->dashboard.toJson()).toJson();
        for (const ImportInput &in : source->inputs)
            QVERIFY2(!json.contains(QByteArray("${" + in.name.toUtf8() + "}")),
                     qPrintable(in.name));
        QVERIFY(!result->dashboard.toJson().contains(QLatin1String("__inputs")));
        // Every panel that draws data resolves to a data source: a variable, the chosen one,
        // the default (null) or Mixed, never Grafana's built-in one.
        for (const PanelModel &p : result->dashboard.allPanels()) {
            const QJsonValue ds = p.datasource;
            if (ds.isObject())
                QVERIFY2(ds.toObject().value(QLatin1String("uid")).toString() !=
                             QLatin1String("grafana"),
                         qPrintable(p.title));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationCorpus)
#include "test_migration_corpus.moc"
