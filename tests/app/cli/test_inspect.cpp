// `pharos inspect` (the built binary, run as a user would) against a real Prometheus that
// scrapes itself under two jobs plus a pushgateway: variables queried from the server,
// chained variables, repeats once per value, escaped multi-values that really match on the
// server, times and steps; errors on stderr with a non-zero exit.
#include "app/view/dashboardview.h"
#include "dashboards/query/interval.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestInspect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void variablesRepeatsAndTimes();
    void escapedValuesMatchOnServer();
    void failures();

private:
    int run(const QStringList &args, QByteArray *out, QByteArray *err);
    QString writeDashboard(const QByteArray &json);
    QJsonArray serverQuery(const QString &expr);
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
    int m_files = 0;
};

void TestInspect::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos")),
             "the pharos binary is not built");
    m_prom.addSelfScrapeJob(QStringLiteral("prom2"));
    m_prom.enablePushgateway();
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    const QByteArray body = "pharos_probe{host=\"a.b\"} 1\npharos_probe{host=\"aXb\"} 2\n"
                            "pharos_probe{host=\"c|d\"} 3\npharos_probe{host=\"c\"} 4\n"
                            "pharos_probe{host=\"e+f\"} 5\npharos_probe{host=\"g\\\\h\"} 6\n";
    if (!m_prom.push(QStringLiteral("pharos_push"), body, &error))
        QFAIL(qPrintable(error));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("pharos_probe"), 6));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up{job=\"prom2\"}")));
}

int TestInspect::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // inspect needs no display
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"), QStringList{"inspect"} + args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString TestInspect::writeDashboard(const QByteArray &json)
{
    const QString path = m_dir.filePath(QStringLiteral("d%1.json").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return {};
    return path;
}

QJsonArray TestInspect::serverQuery(const QString &expr)
{
    return m_prom
        .queryJson(QStringLiteral("/api/v1/query"), QUrlQuery{{QStringLiteral("query"), expr}})
        .value("data")
        .toObject()
        .value("result")
        .toArray();
}

void TestInspect::variablesRepeatsAndTimes()
{
    const QString file = writeDashboard(R"J({
      "title": "Inspect me", "schemaVersion": 39,
      "time": {"from": "now-1h", "to": "now"},
      "templating": {"list": [
        {"name": "job", "type": "query", "query": "label_values(up, job)", "multi": true,
         "includeAll": true, "sort": 1, "refresh": 1,
         "current": {
    "value" : ["$__all"], "text" : ["All"]}},
        {"name": "instance", "type": "query", "sort": 1, "refresh": 2,
         "query": {"qryType": 1, "label": "instance", "metric": "up",
                   "labelFilters": [], "refId": "x"},
         "definition": "label_values(up, instance)", "regex": "/127\\.0\\.0\\.1:(\\d+)/"},
        {"name": "chained", "type": "query", "query": "label_values(up{job=~\"$job\"}, job)",
         "multi": true, "sort": 2}
      ]
}
, "panels" : [
    {
        "id" : 7,
        "type" : "timeseries",
        "title" : "Job $job",
        "repeat" : "job",
        "maxPerRow" : 4,
        "gridPos" : {"x" : 0, "y" : 0, "w" : 24, "h" : 6},
        "targets" : [
            {
                "refId" : "A",
                "expr" : "sum(rate(up{job=\"$job\"}[$__rate_interval]))",
                "legendFormat" : "{{job}}"
            },
            {"refId" : "B", "expr" : "count(up{job=~\"$chained\"})", "instant" : true}
        ]
    },
    {
        "id" : 9,
        "type" : "text",
        "title" : "Notes",
        "gridPos" : {"x" : 0, "y" : 6, "w" : 12, "h" : 3},
        "options" : {"content" : "$job"}
    }
]
})J");
    QVERIFY(!file.isEmpty());
    QByteArray out, err;
    const int code = run({file, "--datasource", m_prom.url().toString(), "--from", "now-10m",
                          "--to", "now", "--width", "1000", "--var", "job=prometheus,prom2"},
                         &out, &err);
    QVERIFY2(code == 0, err.constData());
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(out, &pe).object();
    QVERIFY2(pe.error == QJsonParseError::NoError, out.constData());

    const QJsonObject vars = doc.value("variables").toObject();
    QCOMPARE(vars.value("job").toArray(), QJsonArray({"prometheus", "prom2"}));
    // The regex capture keeps the ports; the first (sorted) is selected.
    QStringList ports{QString::number(m_prom.port()),
                      QString::number(m_prom.pushgatewayUrl().port())};
    ports.sort();
    QCOMPARE(vars.value("instance").toArray(), QJsonArray({ports.first()}));
    // Chained: only the chosen jobs; multi without a current value selects the first of the
    // numerically sorted (no digits: kept order) options.
    QCOMPARE(vars.value("chained").toArray().size(), 1);
    const QString chained = vars.value("chained").toArray().first().toString();
    QVERIFY2(chained == "prometheus" || chained == "prom2", qPrintable(chained));

    const QJsonArray panels = doc.value("panels").toArray();
    QCOMPARE(panels.size(), 3); // two repetitions + text
    const QJsonObject p1 = panels.at(0).toObject();
    const QJsonObject p2 = panels.at(1).toObject();
    QCOMPARE(p1.value("id").toInt(), 7);
    QVERIFY(p2.value("id").toInt() != 7);
    QCOMPARE(p1.value("title").toString(), QStringLiteral("Job prometheus"));
    QCOMPARE(p2.value("title").toString(), QStringLiteral("Job prom2"));
    QCOMPARE(p1.value("type").toString(), QStringLiteral("timeseries"));
    QCOMPARE(panels.at(2).toObject().value("queries").toArray().size(), 0);
    QCOMPARE(panels.at(2).toObject().value("type").toString(), QStringLiteral("text"));

    const QJsonArray q1 = p1.value("queries").toArray();
    QCOMPARE(q1.size(), 2);
    const QJsonObject a = q1.at(0).toObject();
    QCOMPARE(a.value("refId").toString(), QStringLiteral("A"));
    QVERIFY(a.value("datasource").toString().contains(m_prom.url().toString()));
    QCOMPARE(a.value("instant").toBool(), false);
    // 10 minutes over a 1000 px dashboard: the panel's grid share of (1000 - 16) px.
    const qint64 start = qint64(a.value("start").toDouble() * 1000);
    const qint64 end = qint64(a.value("end").toDouble() * 1000);
    const qint64 step = qint64(std::llround(a.value("step").toDouble() * 1000));
    const int widthPx =
        grid::toPixels(GridPos{0, 0, 12, 6}, 1000 - 2 * DashboardView::Padding).width();
    IntervalInput in;
    in.fromMs = start;
    in.toMs = start + 10 * 60 * 1000;
    in.maxDataPoints = widthPx; // 2 clones: max(24 / 2, 24 / 4) = 12 columns each
    const IntervalResult expected = computeInterval(in);
    QCOMPARE(step, expected.stepMs);
    QVERIFY(std::abs(end - start - 10 * 60 * 1000) <= step);
    QCOMPARE(start % step, 0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(std::abs(end - now) < 120000);
    QCOMPARE(a.value("expr").toString(), QStringLiteral("sum(rate(up{job=\"prometheus\"}[%1]))")
                                             .arg(formatDurationMs(expected.rateIntervalMs)));
    QCOMPARE(p2.value("queries").toArray().at(0).toObject().value("expr").toString(),
             QStringLiteral("sum(rate(up{job=\"prom2\"}[%1]))")
                 .arg(formatDurationMs(expected.rateIntervalMs)));
    const QJsonObject b = q1.at(1).toObject();
    QCOMPARE(b.value("instant").toBool(), true);
    QCOMPARE(b.value("expr").toString(), QStringLiteral("count(up{job=~\"%1\"})").arg(chained));
    QCOMPARE(b.value("start").toDouble(), b.value("end").toDouble());
    // The printed query runs on the server and gives what it says.
    QCOMPARE(serverQuery(b.value("expr").toString()).size(), 1);
}

void TestInspect::escapedValuesMatchOnServer()
{
    const QString file = writeDashboard(R"J({
      "templating": {"list": [
        {"name": "host", "type": "query", "query": "label_values(pharos_probe, host)",
         "multi": true, "includeAll": true}
      ]
}
, "panels" : [ {
    "id" : 1,
    "type" : "table",
    "title" : "$host",
    "targets" : [ {"refId" : "A", "expr" : "pharos_probe{host=~\"$host\"}", "instant" : true} ]
} ]
})J");
    QByteArray out, err;
    int code =
        run({file, "--datasource", m_prom.url().toString(), "--var", "host=a.b,c|d,e+f,g\\h"}, &out,
            &err);
    // '|' and ',' split nothing else: "c|d" stays one value.
    QVERIFY2(code == 0, err.constData());
    QJsonObject doc = QJsonDocument::fromJson(out).object();
    QCOMPARE(doc.value("variables").toObject().value("host").toArray(),
             QJsonArray({"a.b", "c|d", "e+f", "g\\h"}));
    const QString expr = doc.value("panels")
                             .toArray()
                             .at(0)
                             .toObject()
                             .value("queries")
                             .toArray()
                             .at(0)
                             .toObject()
                             .value("expr")
                             .toString();
    QCOMPARE(expr, QStringLiteral("pharos_probe{host=~\"(a\\\\.b|c\\\\|d|e\\\\+f|g\\\\\\\\h)\"}"));
    QStringList hosts;
    for (const QJsonValue &r : serverQuery(expr))
        hosts << r.toObject().value("metric").toObject().value("host").toString();
    hosts.sort();
    QCOMPARE(hosts, QStringList({"a.b", "c|d", "e+f", "g\\h"}));

    // All: every value the server has, from the server.
    code = run({file, "--datasource", m_prom.url().toString()}, &out, &err);
    QVERIFY2(code == 0, err.constData());
    doc = QJsonDocument::fromJson(out).object();
    QCOMPARE(doc.value("variables").toObject().value("host").toArray().size(), 6);
    const QString all = doc.value("panels")
                            .toArray()
                            .at(0)
                            .toObject()
                            .value("queries")
                            .toArray()
                            .at(0)
                            .toObject()
                            .value("expr")
                            .toString();
    QCOMPARE(serverQuery(all).size(), 6);
}

void TestInspect::failures()
{
    const QString file = writeDashboard(R"J({
      "templating": {"list": [
        {"name": "job", "type": "query", "query": "label_values(up, job)"},
        {"name": "a", "type": "query", "query": "label_values(up{x=\"$b\"}, job)"},
        {"name": "b", "type": "query", "query": "label_values(up{x=\"$a\"}, job)"}
      ]
}
, "panels" : [ {
    "id" : 1,
    "type" : "stat",
    "title" : "t",
    "targets" : [ {"refId" : "A", "expr" : "up{job=\"$job\"}"} ]
} ]
})J");
    QByteArray out, err;
    // A closed port: the variable fails, named on stderr; still JSON, exit 1.
    const quint16 port = test::PrometheusFixture::freePort();
    int code =
        run({file, "--datasource", QStringLiteral("http://127.0.0.1:%1").arg(port)}, &out, &err);
    QCOMPARE(code, 1);
    QVERIFY2(err.contains("Variable \"job\"") && err.contains("refused"), err.constData());
    QVERIFY2(err.contains("a → b → a"), err.constData());
    QVERIFY(QJsonDocument::fromJson(out).isObject());
    // Unknown variable, bad --var, missing file: exit 2 with a message.
    code = run({file, "--var", "nope=1"}, &out, &err);
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("nope"), err.constData());
    code = run({file, "--var", "novalue"}, &out, &err);
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("NAME=VALUES"), err.constData());
    code = run({m_dir.filePath("missing.json")}, &out, &err);
    QCOMPARE(code, 2);
    QVERIFY(!err.isEmpty());
    QVERIFY(out.isEmpty());
}

QTEST_MAIN(TestInspect)
#include "test_inspect.moc"
