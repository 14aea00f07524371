// The rules and targets capabilities of the Prometheus data source (RulesSource,
// TargetsSource): the parser on answers captured from Debian's Prometheus 2.42, then a real
// Prometheus evaluating a rule file and scraping a target while another is dropped.

#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/prometheus/rulesparser.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace pharos;
using Kind = DataSourceError::Kind;

namespace {

QByteArray sample(const char *name)
{
    QFile f(QStringLiteral(PHAROS_SOURCE_DIR "/../shared/reference/prometheus/api-samples/") +
            QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", name);
    return f.readAll();
}

const Rule *findRule(const QList<RuleGroup> &groups, const QString &name)
{
    for (const RuleGroup &g : groups)
        for (const Rule &r : g.rules)
            if (r.name == name)
                return &r;
    return nullptr;
}

bool waitDone(DataSourceReply *reply, int timeoutMs = 20000)
{
    return reply->isFinished() ||
           test::PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

const char *const kRules = "groups:\n"
                           "  - name: golden-signals\n"
                           "    interval: 1s\n"
                           "    rules:\n"
                           "      - record: job:up:sum\n"
                           "        expr: sum by (job) (up)\n"
                           "      - alert: AlwaysFiring\n"
                           "        expr: vector(3) > 0\n"
                           "        labels: {severity: critical}\n"
                           "        annotations:\n"
                           "          summary: 'Value is {{ $value }}'\n"
                           "          runbook_url: 'https://runbooks.example/always'\n"
                           "      - alert: PendingLong\n"
                           "        expr: up{job=\"prometheus\"} == 1\n"
                           "        for: 1h\n"
                           "      - alert: BadRule\n"
                           "        expr: 'ceil({__name__=~\"up|scrape_samples_scraped\"}) > 0'\n";

} // namespace

class TestRulesTargets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesCapturedRules()
    {
        DataSourceError e;
        const QList<RuleGroup> groups =
            RulesParser::parseRuleGroups(sample("prom-2.42-api-v1-rules.json"), {}, &e);
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups[0].name, QStringLiteral("pharos-demo"));
        QCOMPARE(groups[0].file, QStringLiteral("rules.yml"));
        QCOMPARE(groups[0].intervalMs, qint64(5000));
        QCOMPARE(groups[0].rules.size(), 6);

        const Rule &recording = groups[0].rules[0];
        QCOMPARE(recording.type, Rule::Type::Recording);
        QCOMPARE(recording.name, QStringLiteral("job:up:sum"));
        QCOMPARE(recording.query, QStringLiteral("sum by (job) (up)"));
        QCOMPARE(recording.health, QStringLiteral("ok"));
        QCOMPARE(recording.lastEvaluation,
                 QDateTime(QDate(2026, 12, 3), QTime(7, 31, 4, 171), Qt::UTC));
        QCOMPARE(recording.evaluationTimeSeconds, 0.000385501);

        const Rule *firing = findRule(groups, QStringLiteral("AlwaysFiring"));
        QVERIFY(firing);
        QCOMPARE(firing->type, Rule::Type::Alerting);
        QCOMPARE(firing->state, QStringLiteral("firing"));
        QCOMPARE(firing->forMs, qint64(0));
        QCOMPARE(labelValue(firing->labels, QStringLiteral("severity")),
                 QStringLiteral("critical"));
        QCOMPARE(labelValue(firing->annotations, QStringLiteral("description")),
                 QStringLiteral("value is {{ $value }}")); // the rule's template
        QCOMPARE(firing->alerts.size(), 1);
        QCOMPARE(labelValue(firing->alerts[0].labels, QStringLiteral("alertname")),
                 QStringLiteral("AlwaysFiring"));
        QCOMPARE(firing->alerts[0].state, QStringLiteral("firing"));
        QCOMPARE(firing->alerts[0].value, 1.0);
        QVERIFY(firing->alerts[0].activeAt.isValid());

        const Rule *pending = findRule(groups, QStringLiteral("PendingLong"));
        QVERIFY(pending);
        QCOMPARE(pending->state, QStringLiteral("pending"));
        QCOMPARE(pending->forMs, qint64(3600 * 1000));

        const Rule *bad = findRule(groups, QStringLiteral("BadRule"));
        QVERIFY(bad);
        QCOMPARE(bad->health, QStringLiteral("err"));
        QCOMPARE(bad->lastError,
                 QStringLiteral("vector cannot contain metrics with the same labelset"));
        QCOMPARE(bad->state, QStringLiteral("inactive"));
    }

    void parsesCapturedAlertsAndTargets()
    {
        DataSourceError e;
        const QList<RuleAlert> alerts =
            RulesParser::parseRuleAlerts(sample("prom-2.42-api-v1-alerts.json"), {}, &e);
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        QCOMPARE(alerts.size(), 3);
        QCOMPARE(labelValue(alerts[1].labels, QStringLiteral("alertname")),
                 QStringLiteral("AlwaysFiringWarning"));
        QCOMPARE(alerts[1].value, 2.0);
        QCOMPARE(labelValue(alerts[0].annotations, QStringLiteral("description")),
                 QStringLiteral("value is 1")); // expanded in the alert
        QCOMPARE(alerts[2].state, QStringLiteral("pending"));

        const ScrapeTargets targets =
            RulesParser::parseTargets(sample("prom-2.42-api-v1-targets.json"), {}, &e);
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        QCOMPARE(targets.active.size(), 2);
        QCOMPARE(targets.droppedCount, 1);
        const ScrapeTarget &down = targets.active[0];
        QCOMPARE(down.scrapePool, QStringLiteral("down"));
        QCOMPARE(down.health, QStringLiteral("down"));
        QVERIFY(down.lastError.contains(QLatin1String("connection refused")));
        QCOMPARE(down.scrapeUrl, QStringLiteral("http://127.0.0.1:19099/metrics"));
        QCOMPARE(labelValue(down.labels, QStringLiteral("instance")),
                 QStringLiteral("127.0.0.1:19099"));
        QCOMPARE(labelValue(down.discoveredLabels, QStringLiteral("__metrics_path__")),
                 QStringLiteral("/metrics"));
        QCOMPARE(down.scrapeIntervalMs, qint64(5000));
        QCOMPARE(down.scrapeTimeoutMs, qint64(5000));
        QCOMPARE(down.lastScrapeDurationSeconds, 0.000464689);
        QCOMPARE(targets.active[1].health, QStringLiteral("up"));
    }

    void badAnswersAreErrors()
    {
        DataSourceError e;
        RulesParser::parseRuleGroups("<html><title>Login</title></html>", "text/html", &e);
        QCOMPARE(e.kind, Kind::NotPrometheus);
        e = {};
        RulesParser::parseRuleGroups(sample("prom-2.42-api-v1-targets.json"), {}, &e);
        QCOMPARE(e.kind, Kind::NotPrometheus); // a targets answer has no groups
        QVERIFY2(e.message().contains(QLatin1String("groups")), qPrintable(e.message()));
        e = {};
        RulesParser::parseTargets("{\"status\":\"success\",\"data\":{\"activeTa", {}, &e);
        QCOMPARE(e.kind, Kind::MalformedResponse);
        e = {};
        RulesParser::parseRuleAlerts(
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"no such thing\"}", {},
            &e);
        QCOMPARE(e.kind, Kind::QueryError);
        QVERIFY(e.message().contains(QLatin1String("no such thing")));
    }

    void times()
    {
        QCOMPARE(RulesParser::parseTime(QStringLiteral("2026-12-03T07:31:04.171285778Z")),
                 QDateTime(QDate(2026, 12, 3), QTime(7, 31, 4, 171), Qt::UTC));
        QCOMPARE(RulesParser::parseTime(QStringLiteral("2026-12-03T07:31:04Z")),
                 QDateTime(QDate(2026, 12, 3), QTime(7, 31, 4), Qt::UTC));
        QCOMPARE(RulesParser::parseTime(QStringLiteral("2026-12-03T09:31:04.5+02:00")),
                 QDateTime(QDate(2026, 12, 3), QTime(7, 31, 4, 500), Qt::UTC));
        QVERIFY(!RulesParser::parseTime(QStringLiteral("0001-01-01T00:00:00Z")).isValid());
        QVERIFY(!RulesParser::parseTime(QStringLiteral("yesterday")).isValid());
    }

    void realPrometheus()
    {
        test::PrometheusFixture prom;
        prom.setRulesYaml(QString::fromLatin1(kRules));
        // A target every config drops while relabelling: the dropped count.
        prom.addScrapeConfigYaml(QStringLiteral("  - job_name: dropped\n"
                                                "    static_configs:\n"
                                                "      - targets: ['127.0.0.1:1']\n"
                                                "    relabel_configs:\n"
                                                "      - action: drop\n"
                                                "        source_labels: [job]\n"
                                                "        regex: dropped\n"));
        QString error;
        QVERIFY2(prom.start(&error), qPrintable(error));
        DataSourceSettings s;
        s.name = QStringLiteral("prom");
        s.url = prom.url();
        PrometheusDataSource source(s);
        QVERIFY(source.rules() && source.targets());

        // Wait until every rule was evaluated once.
        QList<RuleGroup> groups;
        const bool evaluated = test::PrometheusFixture::waitFor(
            [&] {
                std::unique_ptr<RuleGroupsReply> r(source.ruleGroups());
                if (!waitDone(r.get()) || r->error().isError())
                    return false;
                groups = r->result();
                const Rule *bad = findRule(groups, QStringLiteral("BadRule"));
                const Rule *firing = findRule(groups, QStringLiteral("AlwaysFiring"));
                return bad && bad->health == QLatin1String("err") && firing &&
                       firing->state == QLatin1String("firing");
            },
            20000);
        QVERIFY2(evaluated, prom.log().constData());
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups[0].name, QStringLiteral("golden-signals"));
        QCOMPARE(groups[0].intervalMs, qint64(1000));
        QVERIFY(groups[0].file.endsWith(QLatin1String("rules.yml")));
        QVERIFY(groups[0].lastEvaluation.isValid());
        QVERIFY(qAbs(groups[0].lastEvaluation.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const Rule *recording = findRule(groups, QStringLiteral("job:up:sum"));
        QVERIFY(recording);
        QCOMPARE(recording->type, Rule::Type::Recording);
        QCOMPARE(recording->health, QStringLiteral("ok"));
        const Rule *firing = findRule(groups, QStringLiteral("AlwaysFiring"));
        QCOMPARE(firing->alerts.size(), 1);
        QCOMPARE(firing->alerts[0].value, 3.0);
        QCOMPARE(labelValue(firing->alerts[0].annotations, QStringLiteral("summary")),
                 QStringLiteral("Value is 3"));
        QCOMPARE(labelValue(firing->annotations, QStringLiteral("runbook_url")),
                 QStringLiteral("https://runbooks.example/always"));
        const Rule *pending = findRule(groups, QStringLiteral("PendingLong"));
        QVERIFY(pending);
        QCOMPARE(pending->state, QStringLiteral("pending"));
        QCOMPARE(pending->forMs, qint64(3600 * 1000));
        const Rule *bad = findRule(groups, QStringLiteral("BadRule"));
        QVERIFY2(bad->lastError.contains(QLatin1String("same labelset")),
                 qPrintable(bad->lastError));

        std::unique_ptr<RuleGroupsReply> alerting(
            source.ruleGroups(RulesSource::RuleFilter::Alerting));
        QVERIFY(waitDone(alerting.get()));
        QVERIFY(!findRule(alerting->result(), QStringLiteral("job:up:sum")));
        QVERIFY(findRule(alerting->result(), QStringLiteral("PendingLong")));
        std::unique_ptr<RuleGroupsReply> recordingOnly(
            source.ruleGroups(RulesSource::RuleFilter::Recording));
        QVERIFY(waitDone(recordingOnly.get()));
        QVERIFY(findRule(recordingOnly->result(), QStringLiteral("job:up:sum")));
        QVERIFY(!findRule(recordingOnly->result(), QStringLiteral("AlwaysFiring")));

        std::unique_ptr<RuleAlertsReply> alerts(source.ruleAlerts());
        QVERIFY(waitDone(alerts.get()));
        QVERIFY2(!alerts->error().isError(), qPrintable(alerts->error().message()));
        QStringList seen;
        for (const RuleAlert &a : alerts->result())
            seen << labelValue(a.labels, QStringLiteral("alertname")) + u'=' + a.state;
        seen.sort();
        QCOMPARE(seen, QStringList({"AlwaysFiring=firing", "PendingLong=pending"}));

        std::unique_ptr<TargetsReply> targets(source.scrapeTargets());
        QVERIFY(waitDone(targets.get()));
        QVERIFY2(!targets->error().isError(), qPrintable(targets->error().message()));
        QCOMPARE(targets->result().active.size(), 1);
        QCOMPARE(targets->result().droppedCount, 1);
        const ScrapeTarget &self = targets->result().active[0];
        QCOMPARE(self.scrapePool, QStringLiteral("prometheus"));
        QCOMPARE(self.health, QStringLiteral("up"));
        QCOMPARE(self.scrapeIntervalMs, qint64(1000));
        QCOMPARE(labelValue(self.labels, QStringLiteral("instance")),
                 QStringLiteral("127.0.0.1:%1").arg(prom.port()));
        QVERIFY(self.lastScrape.isValid());
        QVERIFY(self.lastError.isEmpty());

        // These endpoints are GET-only: asking them never switched PromQL queries to GET.
        QVERIFY(!source.usesGet());
    }

    void closedPortIsRefused()
    {
        DataSourceSettings s;
        s.name = QStringLiteral("closed");
        s.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::PrometheusFixture::freePort()));
        PrometheusDataSource source(s);
        std::unique_ptr<TargetsReply> r(source.scrapeTargets());
        QVERIFY(waitDone(r.get()));
        QCOMPARE(r->error().kind, Kind::ConnectionRefused);
        QVERIFY(r->result().active.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRulesTargets)
#include "test_rules_targets.moc"
