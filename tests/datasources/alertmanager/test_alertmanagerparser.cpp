// AlertmanagerParser on the answers captured from Debian 12's Alertmanager 0.25.0
// (../shared/reference/prometheus/api-samples/am-0.25-*, read in place), on broken and
// foreign JSON, and on Alertmanager's error bodies; AlertmanagerOptions, the alertmanager
// DataSourceType and its provisioning.
#include "datasources/alertmanager/alertmanageroptions.h"
#include "datasources/alertmanager/alertmanagerparser.h"
#include "datasources/config/provisioning.h"
#include "datasources/datasourcefactory.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace pharos;
using Kind = DataSourceError::Kind;

namespace {

QByteArray sample(const char *name)
{
    QFile f(QStringLiteral(PHAROS_REFERENCE_DIR "/api-samples/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read sample %s: %s", name, qPrintable(f.fileName()));
    return f.readAll();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toUTC();
}

} // namespace

class TestAlertmanagerParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void status()
    {
        AlertmanagerStatus s;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseStatus(sample("am-0.25-api-v2-status.json"), &s, &e));
        QVERIFY(!e.isError());
        QCOMPARE(s.version, QStringLiteral("0.25.0"));
        QCOMPARE(s.revision, QStringLiteral("0.25.0-1+b4"));
        QCOMPARE(s.branch, QStringLiteral("debian/sid"));
        QCOMPARE(s.goVersion, QStringLiteral("go1.19.8"));
        QCOMPARE(s.clusterStatus, QStringLiteral("disabled"));
        QVERIFY(s.clusterName.isEmpty());
        QVERIFY(s.peers.isEmpty());
        QCOMPARE(s.uptime, utc("2026-12-03T07:29:29.560Z"));
        QCOMPARE(s.uptime.timeSpec(), Qt::UTC);
        QVERIFY(s.configOriginal.startsWith(QLatin1String("global:\n  resolve_timeout: 5m\n")));
        QVERIFY(s.configOriginal.contains(QLatin1String("- name: devnull")));
    }

    void statusWithPeers()
    {
        const QByteArray body =
            R"({"cluster":{"name":"01ABC","status":"ready","peers":[{"name":"01ABC","address":"10.0.0.1:9094"},{"name":"01DEF","address":"10.0.0.2:9094"}]},"versionInfo":{"version":"0.26.0"},"config":{"original":""},"uptime":"2026-01-02T03:04:05.006Z"})";
        AlertmanagerStatus s;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseStatus(body, &s, &e));
        QCOMPARE(s.clusterStatus, QStringLiteral("ready"));
        QCOMPARE(s.clusterName, QStringLiteral("01ABC"));
        QCOMPARE(s.peers.size(), 2);
        QCOMPARE(s.peers.at(1),
                 (AlertmanagerPeer{QStringLiteral("01DEF"), QStringLiteral("10.0.0.2:9094")}));
    }

    void alerts()
    {
        std::vector<AmAlert> alerts;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseAlerts(sample("am-0.25-api-v2-alerts.json"), &alerts, &e));
        QCOMPARE(alerts.size(), size_t(2));
        const AmAlert &inhibited = alerts.at(0);
        QCOMPARE(inhibited.labels,
                 (AmLabels{{QStringLiteral("alertname"), QStringLiteral("AlwaysFiringWarning")},
                           {QStringLiteral("job"), QStringLiteral("demo")},
                           {QStringLiteral("severity"), QStringLiteral("warning")}}));
        QCOMPARE(inhibited.labels.firstKey(), QStringLiteral("alertname")); // sorted by name
        QCOMPARE(inhibited.annotations.value(QStringLiteral("summary")),
                 QStringLiteral("Inhibited by AlwaysFiring"));
        QCOMPARE(inhibited.state, AmAlert::State::Suppressed);
        QCOMPARE(inhibited.inhibitedBy, QStringList{QStringLiteral("d994817858afdf10")});
        QVERIFY(inhibited.silencedBy.isEmpty());
        QCOMPARE(inhibited.fingerprint, QStringLiteral("3944f7442401b05d"));
        QCOMPARE(inhibited.receivers, QStringList{QStringLiteral("devnull")});
        QCOMPARE(inhibited.startsAt, utc("2026-12-03T07:29:34.169Z"));
        QCOMPARE(inhibited.endsAt, utc("2026-12-03T07:34:39.169Z"));
        QCOMPARE(inhibited.updatedAt, utc("2026-12-03T07:30:39.181Z"));
        QCOMPARE(inhibited.updatedAt.timeSpec(), Qt::UTC);
        QCOMPARE(
            inhibited.generatorUrl,
            QStringLiteral("http://127.0.0.1:19090/graph?g0.expr=vector%282%29+%3E+0&g0.tab=1"));
        const AmAlert &active = alerts.at(1);
        QCOMPARE(active.state, AmAlert::State::Active);
        QCOMPARE(active.labels.value(QStringLiteral("severity")), QStringLiteral("critical"));
        QCOMPARE(active.annotations.value(QStringLiteral("description")),
                 QStringLiteral("value is 1"));
        QVERIFY(active.inhibitedBy.isEmpty());
    }

    void silencedAlert()
    {
        std::vector<AmAlert> alerts;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseAlerts(
            sample("am-0.25-api-v2-alerts-silenced-filter.json"), &alerts, &e));
        QCOMPARE(alerts.size(), size_t(1));
        QCOMPARE(alerts.front().state, AmAlert::State::Suppressed);
        QCOMPARE(alerts.front().silencedBy,
                 QStringList{QStringLiteral("04f27115-e659-42df-a2fd-13af8511b9cd")});
    }

    void alertGroups()
    {
        std::vector<AlertGroup> groups;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseAlertGroups(sample("am-0.25-api-v2-alerts-groups.json"),
                                                     &groups, &e));
        QCOMPARE(groups.size(), size_t(2));
        QCOMPARE(groups.at(0).labels,
                 (AmLabels{{QStringLiteral("alertname"), QStringLiteral("AlwaysFiring")}}));
        QCOMPARE(groups.at(0).receiver, QStringLiteral("devnull"));
        QCOMPARE(groups.at(0).alerts.size(), size_t(1));
        QCOMPARE(groups.at(0).alerts.front().fingerprint, QStringLiteral("d994817858afdf10"));
        QCOMPARE(groups.at(0).alerts.front().state, AmAlert::State::Active);
        QCOMPARE(groups.at(1).labels.value(QStringLiteral("alertname")),
                 QStringLiteral("AlwaysFiringWarning"));
        QCOMPARE(groups.at(1).alerts.front().state, AmAlert::State::Suppressed);
    }

    void silences()
    {
        std::vector<Silence> active;
        DataSourceError e;
        QVERIFY(AlertmanagerParser::parseSilences(sample("am-0.25-api-v2-silences-active.json"),
                                                  &active, &e));
        QCOMPARE(active.size(), size_t(1));
        const Silence &s = active.front();
        QCOMPARE(s.id, QStringLiteral("04f27115-e659-42df-a2fd-13af8511b9cd"));
        QCOMPARE(s.state, Silence::State::Active);
        QCOMPARE(s.createdBy, QStringLiteral("pharos"));
        QCOMPARE(s.comment, QStringLiteral("demo silence"));
        QCOMPARE(s.startsAt, utc("2026-12-03T07:31:06.937Z"));
        QCOMPARE(s.endsAt, utc("2026-12-03T09:31:06.000Z"));
        QCOMPARE(s.updatedAt, utc("2026-12-03T07:31:06.937Z"));
        QCOMPARE(s.matchers.size(), 1);
        QCOMPARE(s.matchers.front(), (SilenceMatcher{QStringLiteral("alertname"),
                                                     QStringLiteral("AlwaysFiring"), false, true}));

        std::vector<Silence> expired;
        QVERIFY(AlertmanagerParser::parseSilences(
            sample("am-0.25-api-v2-silences-after-delete.json"), &expired, &e));
        QCOMPARE(expired.size(), size_t(1));
        QCOMPARE(expired.front().state, Silence::State::Expired);
        QCOMPARE(expired.front().endsAt, utc("2026-12-03T07:31:09.327Z"));
        QCOMPARE(silenceStateName(expired.front().state), QStringLiteral("expired"));

        Silence one;
        QVERIFY(AlertmanagerParser::parseSilence(sample("am-0.25-api-v2-silence-by-id.json"), &one,
                                                 &e));
        QCOMPARE(one.id, s.id);
        QCOMPARE(one.matchers, s.matchers);
        QCOMPARE(one.state, Silence::State::Active);

        QString id;
        QVERIFY(AlertmanagerParser::parseSilenceId(
            sample("am-0.25-POST-api-v2-silences.response.json"), &id, &e));
        QCOMPARE(id, QStringLiteral("04f27115-e659-42df-a2fd-13af8511b9cd"));
    }

    void silenceJsonIsWhatAlertmanagerTakes()
    {
        // The captured request, rebuilt from the struct.
        const QJsonObject captured =
            QJsonDocument::fromJson(sample("am-0.25-POST-api-v2-silences.request.json")).object();
        Silence s;
        s.matchers << SilenceMatcher{QStringLiteral("alertname"), QStringLiteral("AlwaysFiring"),
                                     false, true};
        s.startsAt = utc("2026-12-03T07:31:06Z");
        s.endsAt = utc("2026-12-03T09:31:06Z");
        s.createdBy = QStringLiteral("pharos");
        s.comment = QStringLiteral("demo silence");
        const QJsonObject built =
            QJsonDocument::fromJson(AlertmanagerParser::silenceJson(s)).object();
        QCOMPARE(built.value(QLatin1String("matchers")), captured.value(QLatin1String("matchers")));
        QCOMPARE(built.value(QLatin1String("createdBy")),
                 captured.value(QLatin1String("createdBy")));
        QCOMPARE(built.value(QLatin1String("comment")), captured.value(QLatin1String("comment")));
        QCOMPARE(built.value(QLatin1String("startsAt")).toString(),
                 QStringLiteral("2026-12-03T07:31:06.000Z"));
        QCOMPARE(AlertmanagerParser::parseTime(built.value(QLatin1String("endsAt")).toString()),
                 AlertmanagerParser::parseTime(captured.value(QLatin1String("endsAt")).toString()));
        QVERIFY(!built.contains(QLatin1String("id")));
        s.id = QStringLiteral("04f27115-e659-42df-a2fd-13af8511b9cd");
        QCOMPARE(QJsonDocument::fromJson(AlertmanagerParser::silenceJson(s))
                     .object()
                     .value(QLatin1String("id"))
                     .toString(),
                 s.id);
    }

    void brokenAndForeignAnswers_data()
    {
        QTest::addColumn<int>("endpoint"); // 0 status, 1 alerts, 2 groups, 3 silences, 4 id
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detailContains");
        QTest::newRow("truncated alerts")
            << 1 << sample("am-0.25-api-v2-alerts.json").left(200) << "invalid JSON";
        QTest::newRow("empty") << 0 << QByteArray() << "empty response";
        QTest::newRow("prometheus answer as status")
            << 0 << QByteArray(R"({"status":"success","data":{"version":"2.42.0"}})")
            << "not an Alertmanager";
        QTest::newRow("object instead of alerts")
            << 1 << QByteArray(R"({"status":"success","data":[]})") << "array of alerts";
        QTest::newRow("numbers as alerts") << 1 << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("group without alerts")
            << 2 << QByteArray(R"([{"labels":{},"receiver":{"name":"x"}}])") << "\"alerts\"";
        QTest::newRow("silences of strings") << 3 << QByteArray(R"(["a"])") << "\"id\"";
        QTest::newRow("html") << 3 << QByteArray("<html><body>proxy</body></html>")
                              << "invalid JSON";
        QTest::newRow("no silenceID") << 4 << QByteArray(R"({"id":"x"})") << "silenceID";
    }

    void brokenAndForeignAnswers()
    {
        QFETCH(int, endpoint);
        QFETCH(QByteArray, body);
        QFETCH(QString, detailContains);
        DataSourceError e;
        bool ok = true;
        switch (endpoint) {
        case 0: {
            AlertmanagerStatus s;
            ok = AlertmanagerParser::parseStatus(body, &s, &e);
            break;
        }
        case 1: {
            std::vector<AmAlert> a;
            ok = AlertmanagerParser::parseAlerts(body, &a, &e);
            break;
        }
        case 2: {
            std::vector<AlertGroup> g;
            ok = AlertmanagerParser::parseAlertGroups(body, &g, &e);
            break;
        }
        case 3: {
            std::vector<Silence> s;
            ok = AlertmanagerParser::parseSilences(body, &s, &e);
            break;
        }
        default: {
            QString id;
            ok = AlertmanagerParser::parseSilenceId(body, &id, &e);
            break;
        }
        }
        QVERIFY(!ok);
        QCOMPARE(e.kind, Kind::MalformedResponse);
        QVERIFY2(e.detail.contains(detailContains), qPrintable(e.detail));
        QVERIFY2(e.message().contains(e.detail), qPrintable(e.message()));
    }

    void errorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        // The captured answer to a silence with a bad time: {"code":400,"message":...}.
        const QByteArray captured = sample("am-0.25-POST-api-v2-silences-bad.response.txt");
        QTest::newRow("captured bad silence")
            << 400 << captured.left(captured.indexOf('\n')) << int(Kind::Rejected)
            << "parsing silence body from \"\" failed, because parsing time \"x\" as \"2006-01-02 "
               "15:04:05\": cannot parse \"x\" as \"2006\"";
        QTest::newRow("json string")
            << 400
            << QByteArray("\"Failed to create silence: start time must be before end time\"\n")
            << int(Kind::Rejected)
            << "Failed to create silence: start time must be before end time";
        QTest::newRow("validation 422")
            << 422
            << QByteArray("{\"code\":601,\"message\":\"silenceID in path must be of type uuid: "
                          "\\\"abc\\\"\"}")
            << int(Kind::Rejected) << "silenceID in path must be of type uuid: \"abc\"";
        QTest::newRow("plain text") << 400 << QByteArray("bad matcher format: foo\n")
                                    << int(Kind::Rejected) << "bad matcher format: foo";
        QTest::newRow("server error") << 500 << QByteArray("\"silence not found\"\n")
                                      << int(Kind::HttpStatus) << "silence not found";
        QTest::newRow("proxy page")
            << 400 << QByteArray("<html>Bad Request</html>") << int(Kind::HttpStatus) << "";
    }

    void errorBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        const DataSourceError e =
            AlertmanagerParser::classifyHttpError(status, body, "application/json");
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.detail, detail);
        if (!detail.isEmpty())
            QVERIFY2(e.message().contains(detail), qPrintable(e.message()));
        QVERIFY(e.message().contains(QString::number(status)));
    }

    void options()
    {
        using I = AlertmanagerOptions::Implementation;
        QCOMPARE(AlertmanagerOptions::fromJson({}).implementation, I::Mimir); // Grafana's default
        const QUrl base(QStringLiteral("http://mimir:8080/"));
        AlertmanagerOptions o;
        o.implementation = I::Prometheus;
        QCOMPARE(o.effectiveUrl(QUrl(QStringLiteral("http://am:9093"))),
                 QUrl(QStringLiteral("http://am:9093")));
        o.implementation = I::Cortex;
        QCOMPARE(o.effectiveUrl(base), QUrl(QStringLiteral("http://mimir:8080/alertmanager")));
        o.implementation = I::Mimir;
        QCOMPARE(o.effectiveUrl(QUrl(QStringLiteral("https://h/prefix"))),
                 QUrl(QStringLiteral("https://h/prefix/alertmanager")));
        DataSourceSettings s;
        s.jsonData.insert(QStringLiteral("handleGrafanaManagedAlerts"), true);
        o.implementation = I::Cortex;
        o.storeIn(&s);
        QCOMPARE(s.jsonData.value(QLatin1String("implementation")).toString(),
                 QStringLiteral("cortex"));
        QVERIFY(s.jsonData.value(QLatin1String("handleGrafanaManagedAlerts")).toBool());
        QCOMPARE(AlertmanagerOptions::of(s), o);
    }

    void typeIsRegistered()
    {
        const DataSourceType *t = findDataSourceType(QStringLiteral("alertmanager"));
        QVERIFY(t);
        QCOMPARE(QByteArray(t->id), QByteArray("alertmanager"));
        QCOMPARE(QByteArray(t->name), QByteArray("Alertmanager"));
        QVERIFY(!t->serves(QStringLiteral("prometheus")));
        QCOMPARE(findDataSourceType(QStringLiteral("prometheus"))->id,
                 dataSourceTypes().front().id);
        DataSourceSettings s;
        s.type = QStringLiteral("alertmanager");
        s.url = QUrl(QStringLiteral("http://mimir:8080"));
        QCOMPARE(t->describe(s), QStringLiteral("Alertmanager (Mimir)"));
        QCOMPARE(t->endpoint(s), QUrl(QStringLiteral("http://mimir:8080/alertmanager")));
        AlertmanagerOptions{AlertmanagerOptions::Implementation::Prometheus}.storeIn(&s);
        QCOMPARE(t->describe(s), QStringLiteral("Alertmanager"));
        QCOMPARE(t->endpoint(s), s.url);
        const std::unique_ptr<DataSource> source = createDataSource(s);
        QVERIFY(source->alertmanager());
        QVERIFY(!source->promql());
    }

    void provisioning()
    {
        const QByteArray yaml = "apiVersion: 1\n"
                                "datasources:\n"
                                "  - name: Mimir AM\n"
                                "    uid: mimir-am\n"
                                "    type: alertmanager\n"
                                "    url: http://mimir:8080\n"
                                "    basicAuth: true\n"
                                "    basicAuthUser: $USER_NAME\n"
                                "    jsonData:\n"
                                "      implementation: mimir\n"
                                "      handleGrafanaManagedAlerts: true\n"
                                "    secureJsonData:\n"
                                "      basicAuthPassword: s3cret\n"
                                "  - name: Plain AM\n"
                                "    type: alertmanager\n"
                                "    url: http://am:9093\n"
                                "    jsonData:\n"
                                "      implementation: prometheus\n"
                                "  - name: Odd AM\n"
                                "    type: alertmanager\n"
                                "    url: http://odd:9093\n"
                                "    jsonData:\n"
                                "      implementation: loki\n";
        const QHash<QString, QString> env{{QStringLiteral("USER_NAME"), QStringLiteral("ops")}};
        ProvisioningResult result;
        QString error;
        QVERIFY2(Provisioning::parse(yaml, &result, &error, &env), qPrintable(error));
        QCOMPARE(result.dataSources.size(), 3);
        const DataSourceSettings &mimir = result.dataSources.at(0).settings;
        QCOMPARE(mimir.type, QStringLiteral("alertmanager"));
        QCOMPARE(mimir.uid, QStringLiteral("mimir-am"));
        QCOMPARE(mimir.url, QUrl(QStringLiteral("http://mimir:8080")));
        QCOMPARE(AlertmanagerOptions::of(mimir).implementation,
                 AlertmanagerOptions::Implementation::Mimir);
        QCOMPARE(mimir.jsonData.value(QLatin1String("implementation")).toString(),
                 QStringLiteral("mimir"));
        QCOMPARE(dataSourceTypeOf(mimir).endpoint(mimir),
                 QUrl(QStringLiteral("http://mimir:8080/alertmanager")));
        QCOMPARE(mimir.http.auth, HttpOptions::Auth::Basic);
        QCOMPARE(mimir.http.basicAuthUser, QStringLiteral("ops"));
        QCOMPARE(
            result.dataSources.at(0).secrets.value(QLatin1String(SecretName::BasicAuthPassword)),
            QStringLiteral("s3cret"));
        QVERIFY(!mimir.jsonData.contains(QLatin1String("basicAuthPassword")));
        const DataSourceSettings &plain = result.dataSources.at(1).settings;
        QCOMPARE(AlertmanagerOptions::of(plain).implementation,
                 AlertmanagerOptions::Implementation::Prometheus);
        QCOMPARE(dataSourceTypeOf(plain).endpoint(plain), QUrl(QStringLiteral("http://am:9093")));
        QCOMPARE(AlertmanagerOptions::of(result.dataSources.at(2).settings).implementation,
                 AlertmanagerOptions::Implementation::Mimir);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.front().contains(QLatin1String("loki")),
                 qPrintable(result.warnings.front()));
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerParser)
#include "test_alertmanagerparser.moc"
