// Data-source settings persistence (XDG_CONFIG_HOME) and resolution of dashboard references.
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pharos;

Q_DECLARE_METATYPE(QJsonValue)

class TestDataSourceStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QStandardPaths::setTestModeEnabled(false);
    }

    void configDirHonoursXdg()
    {
        QCOMPARE(DataSourceStore::configDir(), m_config.path() + QStringLiteral("/pharos"));
    }

    void emptyWhenNothingSaved() { QVERIFY(DataSourceStore::load().isEmpty()); }

    void roundTrip()
    {
        DataSourceSettings a;
        a.uid = QStringLiteral("prom-1");
        a.name = QStringLiteral("Local Prometheus");
        a.url = QUrl(QStringLiteral("http://127.0.0.1:9090/prefix"));
        a.http.timeoutMs = 12000;
        a.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 5000);
        a.isDefault = true;
        DataSourceSettings b;
        b.uid = QStringLiteral("prom-2");
        b.name = QString::fromUtf8("生产 Prometheus");
        b.url = QUrl(QStringLiteral("https://user:secret@prom.example.com/"));
        QString error;
        QVERIFY2(DataSourceStore::save({a, b}, &error), qPrintable(error));

        const QString file = m_config.path() + QStringLiteral("/pharos/datasources.json");
        QVERIFY(QFile::exists(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        QVERIFY(QJsonDocument::fromJson(raw).isObject());
        QVERIFY2(!raw.contains("secret"), "a password was written to disk");

        const QList<DataSourceSettings> loaded = DataSourceStore::load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded[0].uid, a.uid);
        QCOMPARE(loaded[0].name, a.name);
        QCOMPARE(loaded[0].type, QStringLiteral("prometheus"));
        QCOMPARE(loaded[0].url, a.url);
        QCOMPARE(loaded[0].http.timeoutMs, 12000);
        QCOMPARE(PrometheusOptions::of(loaded[0]).scrapeIntervalMs, 5000);
        QCOMPARE(loaded[0].isDefault, true);
        QCOMPARE(loaded[1].name, b.name);
        QCOMPARE(loaded[1].url, QUrl(QStringLiteral("https://prom.example.com/")));
        QCOMPARE(loaded[1].http.timeoutMs, 60000);
        QCOMPARE(PrometheusOptions::of(loaded[1]).scrapeIntervalMs, 15000);
        QCOMPARE(loaded[1].isDefault, false);

        // Saving again replaces the file atomically.
        QVERIFY(DataSourceStore::save({b}, &error));
        QCOMPARE(DataSourceStore::load().size(), 1);
    }

    void corruptFileLoadsEmpty()
    {
        QFile f(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        QVERIFY(DataSourceStore::load().isEmpty());
    }

    // Version 1 files (before the type's settings moved to jsonData) kept them beside the
    // common fields; they load into jsonData, and the next save writes version 2.
    void versionOneFileLoads()
    {
        QFile f(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"version\": 1, \"datasources\": ["
                "{\"uid\": \"t1\", \"name\": \"Thanos\", \"type\": \"prometheus\", \"kind\": "
                "\"thanos\","
                "\"url\": \"http://thanos:10902\", \"httpMethod\": \"GET\", \"timeoutMs\": 5000,"
                "\"scrapeIntervalMs\": 30000, \"seriesLimit\": 100, \"responseLimitBytes\": 1024,"
                "\"isDefault\": true, \"customQueryParameters\": \"a=1\", "
                "\"thanosPartialResponse\": true,"
                "\"thanosDedup\": false, \"auth\": \"basic\", \"basicAuthUser\": \"alice\","
                "\"headers\": [{\"name\": \"X-Team\", \"value\": \"blue\"}], \"tls\": "
                "{\"serverName\": \"th\"},"
                "\"secretRef\": \"datasource/t1\", \"secrets\": [\"basicAuthPassword\"]}]}");
        f.close();
        const QList<DataSourceSettings> loaded = DataSourceStore::load();
        QCOMPARE(loaded.size(), 1);
        const DataSourceSettings &s = loaded.first();
        QCOMPARE(s.uid, QStringLiteral("t1"));
        QCOMPARE(s.url, QUrl(QStringLiteral("http://thanos:10902")));
        QVERIFY(s.isDefault);
        QCOMPARE(s.http.timeoutMs, 5000);
        QCOMPARE(s.http.responseLimitBytes, 1024);
        QCOMPARE(s.http.auth, HttpOptions::Auth::Basic);
        QCOMPARE(s.http.basicAuthUser, QStringLiteral("alice"));
        QCOMPARE(s.http.headers.size(), 1);
        QCOMPARE(s.http.tlsServerName, QStringLiteral("th"));
        QCOMPARE(s.secretNames, QStringList{QStringLiteral("basicAuthPassword")});
        const PrometheusOptions p = PrometheusOptions::of(s);
        QCOMPARE(p.kind, DataSourceKind::Thanos);
        QCOMPARE(p.httpMethod, PrometheusOptions::HttpMethod::Get);
        QCOMPARE(p.scrapeIntervalMs, 30000);
        QCOMPARE(p.seriesLimit, 100);
        QCOMPARE(p.customQueryParameters, QStringLiteral("a=1"));
        QVERIFY(p.thanosPartialResponse);
        QVERIFY(!p.thanosDedup);
        // Only the type's keys went to jsonData.
        QVERIFY(!s.jsonData.contains(QLatin1String("timeoutMs")));
        QVERIFY(!s.jsonData.contains(QLatin1String("uid")));

        QVERIFY(DataSourceStore::save(loaded));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 2);
        const QJsonObject saved =
            root.value(QLatin1String("datasources")).toArray().at(0).toObject();
        QCOMPARE(saved.value(QLatin1String("jsonData")).toObject(), p.toJson());
        QVERIFY(!saved.contains(QLatin1String("scrapeIntervalMs")));
        QCOMPARE(DataSourceStore::load().first().jsonData, s.jsonData);
    }

    void saveFailsWithMessage()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        qputenv("XDG_CONFIG_HOME", blocker.toUtf8()); // a file, not a directory
        QString error;
        const bool ok = DataSourceStore::save({DataSourceSettings()}, &error);
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QVERIFY(!ok);
        QVERIFY(!error.isEmpty());
    }

    void resolve_data()
    {
        QTest::addColumn<QJsonValue>("ref");
        QTest::addColumn<QString>("expected"); // name of the data source, or "" for none
        QTest::addColumn<bool>("mixed");
        QTest::addColumn<bool>("hasError");
        const QString def = QStringLiteral("Main");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << def << false << false;
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << def << false << false;
        QTest::newRow("empty") << QJsonValue(QString()) << def << false << false;
        QTest::newRow("default") << QJsonValue(QStringLiteral("default")) << def << false << false;
        QTest::newRow("$ds") << QJsonValue(QStringLiteral("$ds")) << def << false << false;
        QTest::newRow("${DS_X}") << QJsonValue(QStringLiteral("${DS_PROMETHEUS}")) << def << false
                                 << false;
        QTest::newRow("[[ds]]") << QJsonValue(QStringLiteral("[[ds]]")) << def << false << false;
        QTest::newRow("{uid:$ds}")
            << QJsonValue(QJsonObject{{"type", "prometheus"}, {"uid", "$ds"}}) << def << false
            << false;
        QTest::newRow("{uid:${DS}}")
            << QJsonValue(QJsonObject{{"type", "prometheus"}, {"uid", "${DS_PROM}"}}) << def
            << false << false;
        QTest::newRow("{type only}")
            << QJsonValue(QJsonObject{{"type", "prometheus"}}) << def << false << false;
        QTest::newRow("name") << QJsonValue(QStringLiteral("Other")) << "Other" << false << false;
        QTest::newRow("uid string")
            << QJsonValue(QStringLiteral("other-uid")) << "Other" << false << false;
        QTest::newRow("{type,uid}")
            << QJsonValue(QJsonObject{{"type", "prometheus"}, {"uid", "other-uid"}}) << "Other"
            << false << false;
        QTest::newRow("{uid:name}")
            << QJsonValue(QJsonObject{{"uid", "Main"}}) << def << false << false;
        QTest::newRow("mixed string")
            << QJsonValue(QStringLiteral("-- Mixed --")) << "" << true << false;
        QTest::newRow("mixed object")
            << QJsonValue(QJsonObject{{"type", "datasource"}, {"uid", "-- Mixed --"}}) << "" << true
            << false;
        QTest::newRow("grafana string")
            << QJsonValue(QStringLiteral("-- Grafana --")) << "" << false << true;
        QTest::newRow("grafana object")
            << QJsonValue(QJsonObject{{"type", "datasource"}, {"uid", "grafana"}}) << "" << false
            << true;
        QTest::newRow("unknown name") << QJsonValue(QStringLiteral("Nope")) << "" << false << true;
        QTest::newRow("unknown uid")
            << QJsonValue(QJsonObject{{"type", "prometheus"}, {"uid", "abc123"}}) << "" << false
            << true;
        QTest::newRow("number") << QJsonValue(42) << "" << false << true;
    }
    void resolve()
    {
        QFETCH(QJsonValue, ref);
        QFETCH(QString, expected);
        QFETCH(bool, mixed);
        QFETCH(bool, hasError);
        DataSourceRegistry registry;
        DataSourceSettings other;
        other.name = QStringLiteral("Other");
        other.uid = QStringLiteral("other-uid");
        other.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        DataSourceSettings main;
        main.name = QStringLiteral("Main");
        main.uid = QStringLiteral("main-uid");
        main.url = QUrl(QStringLiteral("http://127.0.0.1:2"));
        main.isDefault = true;
        registry.add(other);
        registry.add(main);
        QString error;
        bool isMixed = !mixed;
        DataSource *ds = registry.resolve(ref, &error, &isMixed);
        QCOMPARE(ds ? ds->settings().name : QString(), expected);
        QCOMPARE(isMixed, mixed);
        QCOMPARE(!error.isEmpty(), hasError);
        if (QTest::currentDataTag() == QLatin1String("unknown name"))
            QCOMPARE(error, QStringLiteral("Data source \"Nope\" is not configured."));

        // With an override, every data-source reference goes to it (mixed stays mixed).
        DataSourceSettings cli;
        cli.name = QStringLiteral("cli");
        cli.url = QUrl(QStringLiteral("http://127.0.0.1:3"));
        registry.setOverride(registry.add(cli));
        ds = registry.resolve(ref, &error, &isMixed);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (!mixed && !tag.contains(QLatin1String("grafana")) && tag != QLatin1String("number"))
            QCOMPARE(ds ? ds->settings().name : QString(), QStringLiteral("cli"));
    }

    void allSettingsRoundTripWithoutSecrets()
    {
        DataSourceSettings a;
        a.uid = QStringLiteral("mimir-1");
        a.name = QStringLiteral("Mimir");
        a.jsonData.insert(QStringLiteral("kind"), dataSourceKindName(DataSourceKind::Mimir));
        a.url = QUrl(QStringLiteral("https://mimir.example.com"));
        a.jsonData.insert(QStringLiteral("pathPrefix"), QStringLiteral("/prometheus"));
        a.jsonData.insert(QStringLiteral("tenantId"), QStringLiteral("team-a"));
        a.jsonData.insert(QStringLiteral("httpMethod"), QStringLiteral("GET"));
        a.jsonData.insert(QStringLiteral("customQueryParameters"),
                          QStringLiteral("max_source_resolution=5m&x=1"));
        a.jsonData.insert(QStringLiteral("seriesLimit"), 500);
        a.http.responseLimitBytes = 5 * 1024 * 1024 + 7; // exact bytes survive
        a.http.auth = HttpOptions::Auth::Basic;
        a.http.basicAuthUser = QStringLiteral("alice");
        a.http.headers = {{QStringLiteral("X-Plain"), QStringLiteral("visible"), false},
                          {QStringLiteral("X-Api-Key"), QString(), true}};
        a.http.tlsCaFile = QStringLiteral("/etc/ca.pem");
        a.http.tlsClientCertFile = QStringLiteral("/etc/client.pem");
        a.http.tlsClientKeyFile = QStringLiteral("/etc/client.key");
        a.http.tlsServerName = QStringLiteral("prom.internal");
        a.http.tlsSkipVerify = true;
        a.secretNames = {QLatin1String(SecretName::BasicAuthPassword),
                         SecretName::header(QStringLiteral("X-Api-Key"))};
        DataSourceSettings b;
        b.uid = QStringLiteral("thanos");
        b.name = QStringLiteral("Thanos");
        b.jsonData.insert(QStringLiteral("kind"), dataSourceKindName(DataSourceKind::Thanos));
        b.url = QUrl(QStringLiteral("http://127.0.0.1:10902"));
        b.jsonData.insert(QStringLiteral("thanosPartialResponse"), true);
        b.jsonData.insert(QStringLiteral("thanosDedup"), false);
        b.http.auth = HttpOptions::Auth::Bearer;
        b.isDefault = true;
        DataSourceSettings c = b;
        c.uid = QStringLiteral("thanos-2");
        c.name = QStringLiteral("Thanos 2");
        QVERIFY(DataSourceStore::save({a, b, c}));
        QFile f(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        QVERIFY(raw.contains("\"secretRef\": \"datasource/mimir-1\""));
        QVERIFY(!raw.contains("password\":")); // only names of secrets

        const QList<DataSourceSettings> loaded = DataSourceStore::load();
        QCOMPARE(loaded.size(), 3);
        const DataSourceSettings &la = loaded[0];
        QCOMPARE(PrometheusOptions::of(la).kind, DataSourceKind::Mimir);
        QCOMPARE(PrometheusOptions::of(la).pathPrefix, PrometheusOptions::of(a).pathPrefix);
        QCOMPARE(PrometheusOptions::of(la).effectiveUrl(la.url).toString(),
                 QStringLiteral("https://mimir.example.com/prometheus"));
        QCOMPARE(PrometheusOptions::of(la).tenantId, PrometheusOptions::of(a).tenantId);
        QCOMPARE(PrometheusOptions::of(la).httpMethod, PrometheusOptions::HttpMethod::Get);
        QCOMPARE(PrometheusOptions::of(la).customQueryParameters,
                 PrometheusOptions::of(a).customQueryParameters);
        QCOMPARE(PrometheusOptions::of(la).seriesLimit, 500);
        QCOMPARE(la.http.responseLimitBytes, qint64(5 * 1024 * 1024 + 7));
        QCOMPARE(loaded[1].http.responseLimitBytes, HttpOptions::DefaultResponseLimitBytes);
        QCOMPARE(la.http.auth, HttpOptions::Auth::Basic);
        QCOMPARE(la.http.basicAuthUser, a.http.basicAuthUser);
        QCOMPARE(la.http.headers, a.http.headers);
        QCOMPARE(la.http.tlsCaFile, a.http.tlsCaFile);
        QCOMPARE(la.http.tlsClientCertFile, a.http.tlsClientCertFile);
        QCOMPARE(la.http.tlsClientKeyFile, a.http.tlsClientKeyFile);
        QCOMPARE(la.http.tlsServerName, a.http.tlsServerName);
        QVERIFY(la.http.tlsSkipVerify);
        QCOMPARE(la.secretNames, a.secretNames);
        QCOMPARE(la.secretRef(), QStringLiteral("datasource/mimir-1"));
        QVERIFY(!la.isDefault);
        QCOMPARE(PrometheusOptions::of(loaded[1]).kind, DataSourceKind::Thanos);
        QVERIFY(PrometheusOptions::of(loaded[1]).thanosPartialResponse);
        QVERIFY(!PrometheusOptions::of(loaded[1]).thanosDedup);
        QCOMPARE(loaded[1].http.auth, HttpOptions::Auth::Bearer);
        // Exactly one default.
        QVERIFY(loaded[1].isDefault);
        QVERIFY(!loaded[2].isDefault);

        QList<DataSourceSettings> none = {a, a};
        none[0].isDefault = none[1].isDefault = false;
        DataSourceStore::normaliseDefaults(&none);
        QVERIFY(none[0].isDefault && !none[1].isDefault);
        QList<DataSourceSettings> list = loaded;
        DataSourceStore::setDefault(&list, QStringLiteral("Thanos 2"));
        QVERIFY(!list[0].isDefault && !list[1].isDefault && list[2].isDefault);
        QCOMPARE(DataSourceStore::makeUid(list, QStringLiteral("Thanos!")),
                 QStringLiteral("thanos-3"));
        DataSourceKind k;
        QVERIFY(dataSourceKindFromName(QStringLiteral("Cortex"), &k));
        QCOMPARE(k, DataSourceKind::Mimir);
        QVERIFY(!dataSourceKindFromName(QStringLiteral("graphite"), &k));
    }

    void backoffIsExponentialAndCapped()
    {
        QCOMPARE(DataSource::backoffForFailures(0), 0);
        QCOMPARE(DataSource::backoffForFailures(DataSource::BackoffFreeFailures), 0);
        const qint64 first = DataSource::backoffForFailures(DataSource::BackoffFreeFailures + 1);
        QCOMPARE(first, DataSource::BaseBackoffMs);
        QCOMPARE(DataSource::backoffForFailures(DataSource::BackoffFreeFailures + 2), 2 * first);
        QCOMPARE(DataSource::backoffForFailures(DataSource::BackoffFreeFailures + 3), 4 * first);
        QCOMPARE(DataSource::backoffForFailures(1000), DataSource::maxBackoffMs());
    }

    void registryBasics()
    {
        DataSourceRegistry registry;
        QCOMPARE(registry.defaultSource(), nullptr);
        QString error;
        QCOMPARE(registry.resolve(QJsonValue(), &error), nullptr);
        QVERIFY(!error.isEmpty());
        QSignalSpy changed(&registry, &DataSourceRegistry::changed);
        DataSourceSettings a;
        a.name = QStringLiteral("A");
        a.uid = QStringLiteral("a");
        a.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        DataSource *da = registry.add(a);
        QVERIFY(da);
        QCOMPARE(registry.defaultSource(), da); // first when none is marked default
        QCOMPARE(registry.byName(QStringLiteral("A")), da);
        QCOMPARE(registry.byUid(QStringLiteral("a")), da);
        QCOMPARE(registry.dataSources().size(), 1);
        registry.setOverride(da);
        registry.remove(QStringLiteral("A"));
        QCOMPARE(registry.overrideSource(), nullptr);
        QVERIFY(registry.dataSources().isEmpty());
        QCOMPARE(changed.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDataSourceStore)
#include "test_datasourcestore.moc"
