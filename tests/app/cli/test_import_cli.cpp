// `pharos import` and `pharos export` on the Grafana corpus, run as a user would (the built
// binary): import writes the migrated dashboard and a report with one entry per input panel,
// maps --input values, and fails clearly on bad input; export renders each of the 17 corpus
// dashboards against one real Prometheus, where panels whose metrics do not exist show
// "No data" rather than an error.
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestImportCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importWithInputsAndReport();
    void importToStdout();
    void importErrors_data();
    void importErrors();
    void exportEveryCorpusDashboard_data();
    void exportEveryCorpusDashboard();

private:
    int run(const QStringList &args, QByteArray *out, QByteArray *err);
    static QString corpus(const char *name)
    {
        return QStringLiteral(PHAROS_CORPUS_DIR "/") + QLatin1String(name);
    }
    QTemporaryDir m_dir;
    pharos::test::PrometheusFixture m_prom;
};

void TestImportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos")),
             "the pharos binary is not built");
    QCOMPARE(QDir(QStringLiteral(PHAROS_CORPUS_DIR)).entryList({QStringLiteral("*.json")}).size(),
             17);
}

int TestImportCli::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestImportCli::importWithInputsAndReport()
{
    const QString in = corpus("ingress-nginx_nginx_sv16.json");
    const QString outPath = m_dir.filePath(QStringLiteral("nginx.json"));
    const QString reportPath = m_dir.filePath(QStringLiteral("nginx-report.json"));
    QByteArray out, err;
    const int code =
        run({QStringLiteral("import"), in, QStringLiteral("-o"), outPath, QStringLiteral("--input"),
             QStringLiteral("DS_PROMETHEUS=Team Prom"), QStringLiteral("--report"), reportPath},
            &out, &err);
    QVERIFY2(code == 0, err.constData());
    QVERIFY2(out.contains("Imported 14 panel(s) from schema 16 to 41"), out.constData());

    QFile f(outPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QJsonObject dash = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(dash.value(QLatin1String("schemaVersion")).toInt(), 41);
    QVERIFY(!bytes.contains("${DS_PROMETHEUS}"));
    QVERIFY(!dash.contains(QLatin1String("__inputs")));
    QVERIFY(bytes.contains("\"Team Prom\""));
    int singlestats = 0;
    for (const QJsonValue &v : dash.value(QLatin1String("panels")).toArray()) {
        const QJsonObject p = v.toObject();
        QVERIFY(p.value(QLatin1String("type")).toString() != QLatin1String("graph"));
        singlestats += p.value(QLatin1String("type")).toString() == QLatin1String("singlestat");
    }
    QCOMPARE(singlestats, 0);

    QFile r(reportPath);
    QVERIFY(r.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(r.readAll()).object();
    QCOMPARE(report.value(QLatin1String("from_schema_version")).toInt(), 16);
    const QJsonArray panels = report.value(QLatin1String("panels")).toArray();
    QCOMPARE(panels.size(), 14);
    int converted = 0;
    for (const QJsonValue &v : panels) {
        const QJsonObject e = v.toObject();
        QVERIFY(e.value(QLatin1String("id")).isDouble());
        QVERIFY(e.value(QLatin1String("notes")).isArray());
        const QString status = e.value(QLatin1String("status")).toString();
        QVERIFY(status == QLatin1String("converted") || status == QLatin1String("unchanged") ||
                status == QLatin1String("unsupported"));
        if (e.value(QLatin1String("from_type")).toString() == QLatin1String("singlestat")) {
            QCOMPARE(e.value(QLatin1String("to_type")).toString(), QStringLiteral("stat"));
            QCOMPARE(status, QStringLiteral("converted"));
            ++converted;
        }
    }
    QCOMPARE(converted, 5);

    // The original is untouched.
    QFile orig(in);
    QVERIFY(orig.open(QIODevice::ReadOnly));
    QVERIFY(orig.readAll().contains("\"schemaVersion\": 16"));
}

void TestImportCli::importToStdout()
{
    QByteArray out, err;
    const int code = run({QStringLiteral("import"), corpus("thanos_query.json")}, &out, &err);
    QVERIFY2(code == 0, err.constData());
    const QJsonObject dash = QJsonDocument::fromJson(out).object();
    QCOMPARE(dash.value(QLatin1String("schemaVersion")).toInt(), 41);
    QVERIFY(dash.value(QLatin1String("panels")).toArray().size() > 10);
    QVERIFY2(err.contains("Imported"), err.constData());
}

void TestImportCli::importErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("exitCode");
    const QString ingress = corpus("ingress-nginx_nginx_sv16.json");
    QTest::newRow("missing file") << QStringList{QStringLiteral("import"),
                                                 QStringLiteral("/nonexistent/d.json")}
                                  << QStringLiteral("Cannot open") << 2;
    QTest::newRow("no file") << QStringList{QStringLiteral("import")}
                             << QStringLiteral("missing the dashboard file") << 2;
    QTest::newRow("unknown input")
        << QStringList{QStringLiteral("import"), ingress, QStringLiteral("--input"),
                       QStringLiteral("DS_NOPE=x")}
        << QStringLiteral("its inputs are: DS_PROMETHEUS") << 2;
    QTest::newRow("malformed input")
        << QStringList{QStringLiteral("import"), ingress, QStringLiteral("--input"),
                       QStringLiteral("novalue")}
        << QStringLiteral("is not NAME=VALUE") << 2;
    QTest::newRow("not a dashboard")
        << QStringList{QStringLiteral("import"),
                       QStringLiteral(PHAROS_SOURCE_DIR "/tests/CMakeLists.txt")}
        << QStringLiteral("Invalid JSON at line 1") << 2;
    QTest::newRow("unwritable output")
        << QStringList{QStringLiteral("import"), ingress, QStringLiteral("-o"),
                       QStringLiteral("/nonexistent/dir/out.json")}
        << QStringLiteral("Cannot write") << 2;
}

void TestImportCli::importErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QFETCH(int, exitCode);
    QByteArray out, err;
    QCOMPARE(run(args, &out, &err), exitCode);
    QVERIFY2(err.contains(message.toUtf8()), err.constData());
}

void TestImportCli::exportEveryCorpusDashboard_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestImportCli::exportEveryCorpusDashboard()
{
    QFETCH(QString, path);
    if (!m_prom.isRunning()) { // one Prometheus for every file
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
    }
    const QString png = m_dir.filePath(QFileInfo(path).baseName() + QStringLiteral(".png"));
    QByteArray out, err;
    const int code =
        run({QStringLiteral("export"), path, QStringLiteral("-o"), png,
             QStringLiteral("--datasource"), m_prom.url().toString(), QStringLiteral("--width"),
             QStringLiteral("640"), QStringLiteral("--from"), QStringLiteral("now-5m")},
            &out, &err);
    // 0: every panel drew (data or "No data"); 1 would name the panels that failed.
    // Files that put interval variables in range selectors ([$interval],
    // [$interval:$resolution], thanos_query and kube-prometheus_cluster-total_sv18) only
    // parse once the view interpolates the variables.
    QVERIFY2(code == 0, err.constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 640);
    QVERIFY(image.height() > 100);
}

QTEST_GUILESS_MAIN(TestImportCli)
#include "test_import_cli.moc"
