#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardio.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

using namespace pharos;

class TestDashboardModel : public QObject
{
    Q_OBJECT
private:
    static std::optional<Dashboard> load(const QString &path)
    {
        QString error;
        auto d = loadDashboardFile(path, &error);
        if (!d)
            qWarning("%s", qPrintable(error));
        return d;
    }
    static QString corpus(const char *name)
    {
        return QStringLiteral(PHAROS_CORPUS_DIR "/") + QLatin1String(name);
    }
    static const PanelModel *byId(const QList<PanelModel> &panels, int id)
    {
        for (const PanelModel &p : panels) {
            if (p.id == id)
                return &p;
        }
        return nullptr;
    }

private Q_SLOTS:
    void bundledDashboard()
    {
        auto d = load(QStringLiteral(PHAROS_SOURCE_DIR
                                     "/resources/dashboards/go-service-golden-signals.json"));
        QVERIFY(d);
        QCOMPARE(d->title(), QStringLiteral("Go service — golden signals"));
        QCOMPARE(d->uid(), QStringLiteral("pharos-go-golden"));
        QCOMPARE(d->schemaVersion(), 41); // the file says 39; loading migrates
        QCOMPARE(d->timeFrom(), QStringLiteral("now-15m"));
        QCOMPARE(d->timeTo(), QStringLiteral("now"));
        QCOMPARE(d->refresh(), QStringLiteral("10s"));
        QCOMPARE(d->timezone(), QStringLiteral("browser"));
        QCOMPARE(d->panels().size(), 14);
        QCOMPARE(d->allPanels().size(), 14);
        int stats = 0, series = 0, tables = 0;
        for (const PanelModel &p : d->panels()) {
            stats += p.type == QLatin1String("stat");
            series += p.type == QLatin1String("timeseries");
            tables += p.type == QLatin1String("table");
            QVERIFY(!p.title.isEmpty());
            QVERIFY(!p.targets.isEmpty());
            QVERIFY(p.gridPos.x + p.gridPos.w <= 24);
            for (const Target &t : p.targets)
                QVERIFY(!t.expr.isEmpty());
        }
        QCOMPARE(stats, 6);
        QCOMPARE(series, 7);
        QCOMPARE(tables, 1);

        const PanelModel *p2 = byId(d->panels(), 2);
        QVERIFY(p2);
        QCOMPARE(p2->type, QStringLiteral("stat"));
        QCOMPARE(p2->title, QStringLiteral("Error ratio"));
        QCOMPARE(p2->gridPos, (GridPos{4, 0, 4, 4}));
        QCOMPARE(p2->defaults.unit, QStringLiteral("percentunit"));
        QCOMPARE(p2->defaults.decimals, std::optional<int>(2));
        QCOMPARE(p2->defaults.colorMode, QStringLiteral("thresholds"));
        QCOMPARE(p2->defaults.thresholds.mode, Thresholds::Mode::Absolute);
        QCOMPARE(p2->defaults.thresholds.steps.size(), 3);
        QVERIFY(!p2->defaults.thresholds.steps[0].value.has_value());
        QCOMPARE(p2->defaults.thresholds.steps[0].color, QStringLiteral("green"));
        QCOMPARE(*p2->defaults.thresholds.steps[1].value, 0.01);
        QCOMPARE(p2->defaults.thresholds.steps[1].color, QStringLiteral("orange"));
        QCOMPARE(*p2->defaults.thresholds.steps[2].value, 0.05);
        QVERIFY(p2->targets[0].expr.contains(QLatin1String("$__rate_interval")));
        QVERIFY(p2->targets[0].range);
        QVERIFY(!p2->targets[0].instant);
        QCOMPARE(p2->targets[0].format, QStringLiteral("time_series"));
        QCOMPARE(p2->options().value(QLatin1String("graphMode")).toString(),
                 QStringLiteral("area"));

        const PanelModel *p9 = byId(d->panels(), 9);
        QVERIFY(p9);
        QCOMPARE(p9->type, QStringLiteral("timeseries"));
        QCOMPARE(p9->targets.size(), 3);
        QCOMPARE(p9->targets[1].refId, QStringLiteral("B"));
        QCOMPARE(p9->targets[1].legendFormat, QStringLiteral("p95"));
        QVERIFY(p9->targets[2].expr.startsWith(QLatin1String("histogram_quantile(0.99")));
        QCOMPARE(p9->defaults.unit, QStringLiteral("s"));
        QCOMPARE(p9->defaults.min, std::optional<double>(0));
        QCOMPARE(p9->customDefaults(), p9->json.value(QLatin1String("fieldConfig"))
                                           .toObject()
                                           .value(QLatin1String("defaults"))
                                           .toObject()
                                           .value(QLatin1String("custom"))
                                           .toObject());

        const PanelModel *p14 = byId(d->panels(), 14);
        QVERIFY(p14);
        QCOMPARE(p14->type, QStringLiteral("table"));
        QVERIFY(p14->targets[0].instant);
        QVERIFY(!p14->targets[0].range);
        QCOMPARE(p14->targets[0].format, QStringLiteral("table"));
        QCOMPARE(p14->gridPos, (GridPos{0, 28, 24, 8}));
    }

    void rowsAndCollapsedRows()
    {
        // Schema 18, with three collapsed rows carrying their panels.
        auto d = load(corpus("kube-prometheus_cluster-total_sv18.json"));
        QVERIFY(d);
        QCOMPARE(d->panels().size(), 10);
        int rows = 0, collapsed = 0;
        for (const PanelModel &p : d->panels()) {
            if (p.type == QLatin1String("row")) {
                ++rows;
                collapsed += p.collapsed;
                QVERIFY(p.collapsed || p.children.isEmpty());
            }
        }
        QCOMPARE(rows, 5);
        QCOMPARE(collapsed, 3);
        const PanelModel *row6 = byId(d->panels(), 6);
        QVERIFY(row6);
        QCOMPARE(row6->title, QStringLiteral("Average Bandwidth"));
        QVERIFY(row6->collapsed);
        QCOMPARE(row6->children.size(), 2);
        QCOMPARE(row6->children[0].id, 7);
        QCOMPARE(row6->children[1].id, 8);
        QVERIFY(!row6->children[0].targets.isEmpty());
        // allPanels: 5 non-row top-level panels + 2 + 2 + 4 children, no rows.
        const QList<PanelModel> all = d->allPanels();
        QCOMPARE(all.size(), 13);
        for (const PanelModel &p : all)
            QVERIFY(p.type != QLatin1String("row"));
        QCOMPARE(d->refresh(), QStringLiteral("10s"));
    }

    void schema39Rows()
    {
        auto d = load(corpus("kube-prometheus_prometheus.json"));
        QVERIFY(d);
        QCOMPARE(d->schemaVersion(), 41); // the file says 39; loading migrates
        QCOMPARE(d->panels().size(), 15);
        QCOMPARE(d->allPanels().size(), 10);
        QCOMPARE(d->refresh(), QString()); // null -> off
        QCOMPARE(d->timezone(), QStringLiteral("utc"));

        auto full = load(corpus("rfmoz-grafana-dashboards_node-exporter-full.json"));
        QVERIFY(full);
        int collapsed = 0, children = 0;
        for (const PanelModel &p : full->panels()) {
            if (p.type == QLatin1String("row") && p.collapsed) {
                ++collapsed;
                children += p.children.size();
            }
        }
        QCOMPARE(collapsed, 14);
        QVERIFY(children > 50);
        QCOMPARE(full->allPanels().size(), 31 - 16 + children);
    }

    void legacyRows_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("k8s-resources-cluster_sv14")
            << corpus("kube-prometheus_k8s-resources-cluster_sv14.json");
        QTest::newRow("ceph") << corpus("SUSE-grafana-dashboards-ceph_ceph-cluster.json");
        QTest::newRow("node-exporter-old")
            << corpus("rfmoz-grafana-dashboards_node-exporter-full-old.json");
        QTest::newRow("thanos") << corpus("thanos_query.json");
    }

    void legacyRows()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QJsonObject raw = QJsonDocument::fromJson(bytes).object();
        int expectedPanels = 0;
        for (const QJsonValue &r : raw.value(QLatin1String("rows")).toArray())
            expectedPanels += r.toObject().value(QLatin1String("panels")).toArray().size();

        auto d = Dashboard::fromJson(bytes);
        QVERIFY(d);
        QVERIFY(d->schemaVersion() < 16);
        // The document is unchanged: no "panels" key invented.
        QVERIFY(d->toJson() == raw);
        const QList<PanelModel> all = d->allPanels();
        QCOMPARE(all.size(), expectedPanels);
        QSet<int> ids;
        // Every panel inside 24 columns; no overlaps among the panels shown together (the
        // top level, and each collapsed row's panels once it is expanded).
        QList<QList<PanelModel>> groups{d->panels()};
        for (const PanelModel &p : d->panels()) {
            if (!p.children.isEmpty())
                groups << p.children;
        }
        for (const QList<PanelModel> &placed : groups) {
            for (const PanelModel &p : placed) {
                QVERIFY(p.gridPos.x >= 0);
                QVERIFY(p.gridPos.w >= 1);
                QVERIFY2(p.gridPos.x + p.gridPos.w <= 24, qPrintable(p.title));
                QVERIFY(p.gridPos.h >= 1);
                if (p.type != QLatin1String("row"))
                    QVERIFY(p.gridPos.h >= 3);
                QVERIFY2(!ids.contains(p.id), qPrintable(QString::number(p.id)));
                ids.insert(p.id);
            }
            for (int i = 0; i < placed.size(); ++i) {
                for (int j = i + 1; j < placed.size(); ++j) {
                    const GridPos a = placed[i].gridPos, b = placed[j].gridPos;
                    const bool overlap =
                        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
                    QVERIFY2(
                        !overlap,
                        qPrintable(
                            QStringLiteral("%1 overlaps %2").arg(placed[i].id).arg(placed[j].id)));
                }
            }
        }
    }

    void legacyLayoutArithmetic()
    {
        const QByteArray json = R"({"schemaVersion":14,"rows":[
            {"height":"250px","panels":[{"id":1,"span":6},{"id":2,"span":6},{"id":3}]},
            {"height":100,"panels":[{"id":4,"span":12,"height":"400"}]},
            {"panels":[{"id":5,"span":3}]}]})";
        auto d = Dashboard::fromJson(json);
        QVERIFY(d);
        QCOMPARE(d->panels().size(), 5); // no row titles: no row panels
        // 250 px -> ceil(250 / 38) = 7 units; span 6 -> 12 columns; default span 4 -> 8.
        QCOMPARE(d->panels()[0].gridPos, (GridPos{0, 0, 12, 7}));
        QCOMPARE(d->panels()[1].gridPos, (GridPos{12, 0, 12, 7}));
        QCOMPARE(d->panels()[2].gridPos, (GridPos{0, 7, 8, 7}));
        // Panel height 400 -> ceil(400 / 38) = 11.
        QCOMPARE(d->panels()[3].gridPos, (GridPos{0, 14, 24, 11}));
        // Default row height 250 px -> 7 units.
        QCOMPARE(d->panels()[4].gridPos, (GridPos{0, 25, 6, 7}));
        // 100 px (< 3 units minimum) -> 3 units.
        auto small = Dashboard::fromJson(R"({"rows":[{"height":"50px","panels":[{"span":12}]}]})");
        QVERIFY(small);
        QCOMPARE(small->panels()[0].gridPos.h, 3);
        QVERIFY(small->panels()[0].id < 0);
    }

    void targetsAndFlags()
    {
        const QByteArray json = R"({"panels":[{"type":"timeseries","datasource":"prom",
            "interval":"30s","maxDataPoints":500,
            "targets":[{"refId":"A","expr":"up"},
                       {"refId":"B","expr":"up","instant":true},
                       {"refId":"C","expr":"up","instant":true,"range":true,"intervalFactor":2},
                       {"refId":"D","expr":"up","instant":false,"range":false,"hide":true,
                        "interval":"1m","datasource":{"type":"prometheus","uid":"x"}}]},
            {"type":"text"}]})";
        auto d = Dashboard::fromJson(json);
        QVERIFY(d);
        QCOMPARE(d->panels().size(), 2);
        const PanelModel &p = d->panels()[0];
        QVERIFY(p.title.isEmpty());
        QVERIFY(p.id < 0);
        QVERIFY(d->panels()[1].id < 0);
        QVERIFY(p.id != d->panels()[1].id);
        QCOMPARE(p.interval, QStringLiteral("30s"));
        QCOMPARE(p.maxDataPoints, std::optional<int>(500));
        QCOMPARE(p.datasource.toString(), QStringLiteral("prom"));
        QCOMPARE(p.targets.size(), 4);
        QVERIFY(p.targets[0].range && !p.targets[0].instant);
        QVERIFY(!p.targets[1].range && p.targets[1].instant);
        QVERIFY(p.targets[2].range && p.targets[2].instant);
        QCOMPARE(p.targets[2].intervalFactor, 2);
        QVERIFY(p.targets[3].range && !p.targets[3].instant);
        QVERIFY(p.targets[3].hide);
        QCOMPARE(p.targets[3].interval, QStringLiteral("1m"));
        QCOMPARE(p.targets[3].datasource.toObject().value(QLatin1String("uid")).toString(),
                 QStringLiteral("x"));
        QVERIFY(p.targets[0].datasource.isNull());
        QCOMPARE(d->timeFrom(), QStringLiteral("now-6h"));
        QCOMPARE(d->timeTo(), QStringLiteral("now"));
    }

    void duplicateIdsBecomeUnique()
    {
        auto d = Dashboard::fromJson(R"({"panels":[{"id":4,"type":"stat"},{"id":4,"type":"stat"},
            {"id":9,"type":"row","collapsed":true,"panels":[{"id":4},{"type":"graph"}]}]})");
        QVERIFY(d);
        QSet<int> ids;
        for (const PanelModel &p : d->panels()) {
            ids.insert(p.id);
            for (const PanelModel &c : p.children)
                ids.insert(c.id);
        }
        QCOMPARE(ids.size(), 5);
        QCOMPARE(d->panels()[0].id, 4);
        QVERIFY(d->panels()[1].id < 0);
        // The document keeps the ids as written.
        QCOMPARE(d->toJson()
                     .value(QLatin1String("panels"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInt(),
                 4);
    }

    void oddTypesDoNotCrash()
    {
        auto d = Dashboard::fromJson(R"({"panels":[1,"x",null,[],{"id":"7","type":5,
            "gridPos":{"x":"3","y":-4,"w":99,"h":"big"},"targets":[3,{"expr":7,"hide":"yes"}],
            "fieldConfig":{"defaults":{"min":"5","max":{},"decimals":"2",
            "thresholds":{"steps":[{"value":"80","color":"red"},7]}}},"maxDataPoints":-3}],
            "time":[],"refresh":{},"schemaVersion":"x"})");
        QVERIFY(d);
        QCOMPARE(d->panels().size(), 1);
        const PanelModel &p = d->panels()[0];
        QCOMPARE(p.id, 7);
        QCOMPARE(p.gridPos, (GridPos{3, 0, 21, 8})); // clamped inside 24 columns
        QCOMPARE(p.targets.size(), 1);
        QVERIFY(p.targets[0].expr.isEmpty());
        QCOMPARE(p.defaults.min, std::optional<double>(5));
        QVERIFY(!p.defaults.max);
        QCOMPARE(p.defaults.decimals, std::optional<int>(2));
        QCOMPARE(p.defaults.thresholds.steps.size(), 2);
        QCOMPARE(p.defaults.thresholds.steps[0].value, std::optional<double>(80));
        QVERIFY(!p.maxDataPoints);
        QCOMPARE(d->refresh(), QString());
        QCOMPARE(d->timeFrom(), QStringLiteral("now-6h"));
        QCOMPARE(d->schemaVersion(), 0);
    }

    void everyTruncationFailsCleanly()
    {
        QFile f(QStringLiteral(PHAROS_SOURCE_DIR
                               "/resources/dashboards/go-service-golden-signals.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray full = f.readAll();
        const QByteArray trimmed = full.trimmed();
        int checked = 0;
        for (qsizetype n = 0; n < trimmed.size(); n += 7) {
            QString error;
            auto d = Dashboard::fromJson(trimmed.left(n), &error);
            QVERIFY(!d.has_value());
            QVERIFY(!error.isEmpty());
            if (n > 0)
                QVERIFY2(error.contains(QLatin1String("line ")), qPrintable(error));
            ++checked;
        }
        QVERIFY(checked > 100);
        QVERIFY(Dashboard::fromJson(full).has_value());
    }

    void refreshVariants()
    {
        QCOMPARE(Dashboard::fromJson(R"({"panels":[],"refresh":false})")->refresh(), QString());
        QCOMPARE(Dashboard::fromJson(R"({"panels":[],"refresh":null})")->refresh(), QString());
        QCOMPARE(Dashboard::fromJson(R"({"panels":[],"refresh":5})")->refresh(), QString());
        QCOMPARE(Dashboard::fromJson(R"({"panels":[],"refresh":"1m"})")->refresh(),
                 QStringLiteral("1m"));
        QCOMPARE(Dashboard::fromJson(R"({"panels":[]})")->refresh(), QString());
    }

    void apiEnvelope()
    {
        auto d = Dashboard::fromJson(
            R"({"meta":{"slug":"x"},"dashboard":{"title":"T","panels":[{"id":3,"type":"stat"}]}})");
        QVERIFY(d);
        QCOMPARE(d->title(), QStringLiteral("T"));
        QCOMPARE(d->panels().size(), 1);
        QCOMPARE(d->panels()[0].id, 3);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected"); // a fragment the error must contain
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("whitespace") << QByteArray(" \n ") << QStringLiteral("empty");
        QTest::newRow("truncated")
            << QByteArray("{\n  \"panels\": [\n    {\"id\": 1,") << QStringLiteral("line 3");
        QTest::newRow("array") << QByteArray("[1,2,3]")
                               << QStringLiteral("not a Grafana dashboard");
        QTest::newRow("html") << QByteArray("<!DOCTYPE html>\n<html><body>Login</body></html>")
                              << QStringLiteral(
                                     "HTML page, not Grafana dashboard JSON (line 1, column");
        QTest::newRow("no panels")
            << QByteArray(R"({"title":"x"})") << QStringLiteral("not a Grafana dashboard");
        QTest::newRow("second line")
            << QByteArray("{\"panels\": []\n , ,}") << QStringLiteral("line 2, column");
        QTest::newRow("number") << QByteArray("42") << QStringLiteral("line 1, column");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        auto d = Dashboard::fromJson(json, &error);
        QVERIFY(!d.has_value());
        QVERIFY2(error.contains(expected, Qt::CaseInsensitive), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDashboardModel)
#include "test_dashboard_model.moc"
