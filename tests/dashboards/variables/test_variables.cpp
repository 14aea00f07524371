// Template variables against a real Prometheus scraping itself under two jobs plus a
// pushgateway holding series whose label values contain '.', '|', '+' and '\': chained
// job -> instance from the server driving the panel queries; escaped multi-value and All
// matchers that really match exactly the chosen series; sort modes; regex captures;
// cycles; custom/interval/constant/textbox/datasource variables; repeats.
#include "dashboards/layout/repeat.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryplan.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/variables/variablequery.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace pharos;

namespace {

const QStringList kHosts{QStringLiteral("a.b"), QStringLiteral("c|d"), QStringLiteral("e+f"),
                         QStringLiteral("g\\h")};
// Series an unescaped regex of kHosts would also match ("a.b" ~ "aXb", "c|d" ~ "c", ...).
const QStringList kDecoys{QStringLiteral("aXb"), QStringLiteral("c"), QStringLiteral("eef"),
                          QStringLiteral("d")};

QJsonObject var(const QString &name, const QString &type, const QJsonValue &query,
                const QJsonObject &extra = {})
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("query"), query}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QStringList values(const QList<VariableOption> &options)
{
    QStringList out;
    for (const VariableOption &o : options)
        out << o.value;
    return out;
}

QStringList texts(const QList<VariableOption> &options)
{
    QStringList out;
    for (const VariableOption &o : options)
        out << o.text;
    return out;
}

} // namespace

class TestVariables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chainedJobInstanceFromServer();
    void escapedMatchersMatchOnServer_data();
    void escapedMatchersMatchOnServer();
    void queryForms();
    void queryResultWithRegexCapture();
    void sortModes_data();
    void sortModes();
    void regexCaptures();
    void staticTypes();
    void cycleIsReported();
    void repeats();
    void saveCurrentValues();
    void labelValuesLimit_data();
    void labelValuesLimit();

private:
    bool waitUpdated(VariableSet &set);
    QStringList serverValues(const QString &label, const QString &match = {});
    QStringList runLabels(const QString &expr, const QString &label);

    test::PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
    ResolvedTimeRange m_range;
};

void TestVariables::initTestCase()
{
    m_prom.addSelfScrapeJob(QStringLiteral("prom2"));
    m_prom.enablePushgateway();
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    QByteArray body;
    int n = 1;
    for (const QString &h : kHosts + kDecoys) {
        QString escaped = h;
        escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
        body += QStringLiteral("pharos_probe{host=\"%1\"} %2\n").arg(escaped).arg(n++).toUtf8();
    }
    if (!m_prom.push(QStringLiteral("pharos_push"), body, &error))
        QFAIL(qPrintable(error));
    QVERIFY2(
        m_prom.waitForSeries(QStringLiteral("pharos_probe"), int(kHosts.size() + kDecoys.size())),
        "the pushed series never reached Prometheus");
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up{job=\"pushgateway\"}")));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up{job=\"prom2\"}")));
    DataSourceSettings s;
    s.name = QStringLiteral("prom");
    s.uid = QStringLiteral("prom-uid");
    s.url = m_prom.url();
    s.isDefault = true;
    s.jsonData.insert(QStringLiteral("scrapeIntervalMs"),
                      1000); // the fixture scrapes every second (the step's lower limit)
    m_registry.add(s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_range = {now - 10 * 60 * 1000, now + 60 * 1000};
}

bool TestVariables::waitUpdated(VariableSet &set)
{
    if (!set.isBusy())
        return true;
    QSignalSpy spy(&set, &VariableSet::updated);
    return spy.wait(20000);
}

QStringList TestVariables::serverValues(const QString &label, const QString &match)
{
    QUrlQuery q;
    if (!match.isEmpty())
        q.addQueryItem(QStringLiteral("match[]"), match);
    const QJsonObject o = m_prom.queryJson(QStringLiteral("/api/v1/label/%1/values").arg(label), q);
    QStringList out;
    for (const QJsonValue &v : o.value(QLatin1String("data")).toArray())
        out << v.toString();
    return out;
}

/// Runs `expr` as the scheduler would (instant, through the data source) and returns the
/// values of `label` of the answer, sorted.
QStringList TestVariables::runLabels(const QString &expr, const QString &label)
{
    QueryRequest r;
    r.expr = expr;
    r.instant = true;
    r.timeMs = QDateTime::currentMSecsSinceEpoch();
    std::unique_ptr<QueryReply> reply(m_registry.defaultSource()->promql()->query(r));
    if (!reply->isFinished()) {
        QSignalSpy spy(reply.get(), &DataSourceReply::finished);
        if (!spy.wait(15000))
            return {QStringLiteral("<timeout>")};
    }
    if (reply->error().isError())
        return {QStringLiteral("<error: %1>").arg(reply->error().message())};
    QStringList out;
    for (const Frame &f : reply->result().frames)
        out << labelValue(f.labels, label);
    out.sort();
    return out;
}

void TestVariables::chainedJobInstanceFromServer()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        // Declared child first: the refresh order follows the dependencies, not the list.
        var(QStringLiteral("instance"), QStringLiteral("query"),
            QStringLiteral("label_values(up{job=~\"$job\"}, instance)"),
            {{QStringLiteral("datasource"), QStringLiteral("prom")},
             {QStringLiteral("refresh"), 2},
             {QStringLiteral("sort"), 1}}),
        var(QStringLiteral("job"), QStringLiteral("query"), QStringLiteral("label_values(up, job)"),
            {{QStringLiteral("datasource"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("prometheus")},
                          {QStringLiteral("uid"), QStringLiteral("prom-uid")}}},
             {QStringLiteral("refresh"), 1},
             {QStringLiteral("sort"), 1},
             {QStringLiteral("current"),
              QJsonObject{{QStringLiteral("value"), QStringLiteral("prom2")},
                          {QStringLiteral("text"), QStringLiteral("prom2")}}}}),
    });
    QCOMPARE(set.dependencies(QStringLiteral("instance")), QStringList{QStringLiteral("job")});
    QVERIFY(set.cycleError().isEmpty());
    set.setTimeRange(m_range);
    QSignalSpy order(&set, &VariableSet::optionsChanged);
    set.refresh();
    QVERIFY(waitUpdated(set));
    // job first, then instance.
    QCOMPARE(order.size(), 2);
    QCOMPARE(order.at(0).at(0).toString(), QStringLiteral("job"));
    QCOMPARE(order.at(1).at(0).toString(), QStringLiteral("instance"));

    QStringList jobs = serverValues(QStringLiteral("job"), QStringLiteral("up"));
    jobs.sort();
    QCOMPARE(values(set.find(QStringLiteral("job"))->options), jobs);
    QVERIFY(jobs.contains(QStringLiteral("pushgateway")) && jobs.contains(QStringLiteral("prom2")));
    QCOMPARE(set.find(QStringLiteral("job"))->currentValues, QStringList{QStringLiteral("prom2")});
    QCOMPARE(values(set.find(QStringLiteral("instance"))->options),
             QStringList{m_prom.url().authority()});

    // Changing job refreshes instance from the server.
    QSignalSpy instanceChanged(&set, &VariableSet::currentChanged);
    QVERIFY(set.setCurrent(QStringLiteral("job"), QStringLiteral("pushgateway")));
    QVERIFY(set.isBusy());
    QVERIFY(waitUpdated(set));
    QCOMPARE(values(set.find(QStringLiteral("instance"))->options),
             QStringList{m_prom.pushgatewayUrl().authority()});
    QCOMPARE(set.find(QStringLiteral("instance"))->currentValues,
             QStringList{m_prom.pushgatewayUrl().authority()});

    // The variables drive the panel queries through the scheduler.
    const QByteArray json =
        R"({"panels":[{"id":1,"type":"timeseries","title":"Up of $job on $instance",
        "targets":[{"refId":"A","expr":"up{job=~\"$job\",instance=~\"$instance\"}"}]}]})";
    QString error;
    const auto d = Dashboard::fromJson(json, &error);
    QVERIFY2(d, qPrintable(error));
    QueryScheduler scheduler(&m_registry);
    scheduler.setVariables(&set);
    scheduler.setTimeRange({QStringLiteral("now-5m"), QStringLiteral("now")});
    const QList<PanelModel> expanded = expandRepeats(d->panels(), set.context());
    QCOMPARE(expanded.first().title,
             QStringLiteral("Up of pushgateway on %1").arg(m_prom.pushgatewayUrl().authority()));
    scheduler.setPanels(drawablePanels(expanded));
    QSignalSpy ready(&scheduler, &QueryScheduler::panelDataReady);
    scheduler.refresh();
    QVERIFY(ready.wait(15000));
    const PanelDataPtr data = ready.first().at(1).value<PanelDataPtr>();
    QCOMPARE(data->targets.size(), size_t(1));
    QVERIFY2(!data->targets[0].error.isError(), qPrintable(data->targets[0].error.message()));
    QCOMPARE(data->targets[0].expr,
             QStringLiteral("up{job=~\"pushgateway\",instance=~\"127\\\\.0\\\\.0\\\\.1:%1\"}")
                 .arg(m_prom.pushgatewayUrl().port()));
    QCOMPARE(int(data->targets[0].result.frames.size()), 1);
    QCOMPARE(labelValue(data->targets[0].result.frames[0].labels, QStringLiteral("job")),
             QStringLiteral("pushgateway"));
}

void TestVariables::escapedMatchersMatchOnServer_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QStringList>("expected");
    QStringList all = kHosts + kDecoys;
    all.sort();
    QStringList hosts = kHosts;
    hosts.sort();
    QTest::newRow("multi =~") << kHosts << "pharos_probe{host=~\"$host\"}" << hosts;
    QTest::newRow("multi !~") << kHosts << "pharos_probe{host!~\"$host\"}"
                              << QStringList{"aXb", "c", "d", "eef"};
    QTest::newRow("All =~") << QStringList{QString(kAllValue)} << "pharos_probe{host=~\"$host\"}"
                            << all;
    for (const QString &h : kHosts) {
        QTest::addRow("single =~ %s", qPrintable(h))
            << QStringList{h} << "pharos_probe{host=~\"$host\"}" << QStringList{h};
        QTest::addRow("single = %s", qPrintable(h))
            << QStringList{h} << "pharos_probe{host=\"$host\"}" << QStringList{h};
        QTest::addRow("single =~ single quotes %s", qPrintable(h))
            << QStringList{h} << "pharos_probe{host=~'$host'}" << QStringList{h};
    }
    QTest::newRow("two") << QStringList{"c|d", "g\\h"} << "pharos_probe{host=~\"${host}\"}"
                         << QStringList{"c|d", "g\\h"};
    QTest::newRow("brackets") << QStringList{"e+f"} << "pharos_probe{host=~\"[[host]]\"}"
                              << QStringList{"e+f"};
}

void TestVariables::escapedMatchersMatchOnServer()
{
    QFETCH(QStringList, selected);
    QFETCH(QString, expr);
    QFETCH(QStringList, expected);
    VariableSet set(&m_registry);
    set.setDefinitions(
        QJsonArray{var(QStringLiteral("host"), QStringLiteral("query"),
                       QStringLiteral("label_values(pharos_probe, host)"),
                       {{QStringLiteral("multi"), true}, {QStringLiteral("includeAll"), true}})});
    set.setTimeRange(m_range);
    set.refresh();
    QVERIFY(waitUpdated(set));
    QStringList all = kHosts + kDecoys;
    all.sort();
    QStringList options = values(set.find(QStringLiteral("host"))->options);
    QCOMPARE(options.takeFirst(), QString(kAllValue));
    options.sort();
    QCOMPARE(options, all);
    QVERIFY(set.setCurrent(QStringLiteral("host"), selected));
    QVERIFY(waitUpdated(set));

    PanelModel panel;
    panel.id = 1;
    panel.type = QStringLiteral("timeseries");
    Target t;
    t.refId = QStringLiteral("A");
    t.expr = expr;
    panel.targets = {t};
    const InterpolationContext ctx = set.context();
    const PanelQueryPlan plan = planPanelQueries(panel, m_range, 800, &m_registry, &ctx);
    QCOMPARE(plan.queries.size(), 1);
    const QString interpolated = plan.queries.first().request.promql.expr;
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(runLabels(interpolated, QStringLiteral("host")), sortedExpected);
}

void TestVariables::queryForms()
{
    // Classic and structured forms with the same meaning give the same options.
    struct Case
    {
        QJsonValue classic;
        QJsonValue structured;
    };
    const QList<Case> cases{
        {QStringLiteral("label_values(job)"),
         QJsonObject{{"qryType", 1},
                     {"label", "job"},
                     {"refId", "PrometheusVariableQueryEditor-VariableQuery"}}},
        {QStringLiteral("label_values(pharos_probe{host=~\"a.*\"}, host)"),
         QJsonObject{{"qryType", 1},
                     {"label", "host"},
                     {"metric", "pharos_probe"},
                     {"labelFilters",
                      QJsonArray{QJsonObject{{"label", "host"}, {"op", "=~"}, {"value", "a.*"}}}}}},
        {QStringLiteral("label_names()"), QJsonObject{{"qryType", 0}}},
        {QStringLiteral("metrics(pharos_pro.*)"),
         QJsonObject{{"qryType", 2}, {"metric", "pharos_pro.*"}}},
        {QStringLiteral("query_result(count(up))"),
         QJsonObject{{"qryType", 3}, {"varQuery", "count(up)"}}},
        {QStringLiteral("up{job=\"prom2\"}"),
         QJsonObject{{"qryType", 4}, {"seriesQuery", "up{job=\"prom2\"}"}}},
        {QStringLiteral("label_values(host)"),
         QJsonObject{{"query", "label_values(host)"}, {"refId", "X"}}},
        // The newer editor's type with only the classic text (dotdc's dashboards).
        {QStringLiteral("label_values(pharos_probe, host)"),
         QJsonObject{{"qryType", 1},
                     {"query", "label_values(pharos_probe, host)"},
                     {"refId", "PrometheusVariableQueryEditor-VariableQuery"}}},
    };
    for (const Case &c : cases) {
        VariableSet set(&m_registry);
        set.setDefinitions(QJsonArray{var("a", "query", c.classic, {{"sort", 1}}),
                                      var("b", "query", c.structured, {{"sort", 1}})});
        set.setTimeRange(m_range);
        set.refresh();
        QVERIFY(waitUpdated(set));
        const Variable *a = set.find("a");
        const Variable *b = set.find("b");
        QVERIFY2(a->error.isEmpty(), qPrintable(a->error));
        QVERIFY2(b->error.isEmpty(), qPrintable(b->error));
        QVERIFY2(!a->options.isEmpty(), qPrintable(c.classic.toString()));
        if (VariableQuery::parse(c.classic).kind != VariableQuery::Kind::QueryResult)
            QCOMPARE(values(b->options), values(a->options));
        else
            QCOMPARE(b->options.size(), a->options.size());
    }
    // Checks of the answers themselves.
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        var("names", "query", "label_names(pharos_probe)", {{"sort", 1}}),
        var("metrics", "query", "metrics(^pharos_pro)", {}),
        var("count", "query", "query_result(count(pharos_probe))", {}),
        var("filtered", "query", "label_values(pharos_probe{host=~\"a.*\"}, host)", {{"sort", 1}}),
        var("bad", "query", "label_values(", {}),
    });
    set.setTimeRange(m_range);
    QSignalSpy errors(&set, &VariableSet::errorOccurred);
    set.refresh();
    QVERIFY(waitUpdated(set));
    QCOMPARE(values(set.find("names")->options), QStringList({"__name__", "host", "job"}));
    QCOMPARE(values(set.find("metrics")->options), QStringList{"pharos_probe"});
    QCOMPARE(set.find("count")->options.size(), 1);
    QVERIFY2(set.find("count")->options.first().text.startsWith("{} 8 "),
             qPrintable(set.find("count")->options.first().text));
    QCOMPARE(values(set.find("filtered")->options), QStringList({"a.b", "aXb"}));
    QVERIFY(!set.find("bad")->error.isEmpty());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), QStringLiteral("bad"));
}

void TestVariables::queryResultWithRegexCapture()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        var("host", "query", "query_result(pharos_probe)",
            {{"regex", "/host=\"(?<value>[^\"]+)\".* (?<text>\\d+) \\d+$/"}, {"sort", 3}}),
        var("plain", "query", "query_result(pharos_probe)",
            {{"regex", "/host=\"([a-c][^\"]*)\"/"}, {"sort", 2}}),
    });
    set.setTimeRange(m_range);
    set.refresh();
    QVERIFY(waitUpdated(set));
    const Variable *h = set.find("host");
    QVERIFY2(h->error.isEmpty(), qPrintable(h->error));
    // Numerical sort on the text (the sample value), the value from the named group.
    QCOMPARE(texts(h->options), QStringList({"1", "2", "3", "4", "5", "6", "7", "8"}));
    QCOMPARE(values(h->options), (kHosts + kDecoys));
    QCOMPARE(values(set.find("plain")->options), QStringList({"c|d", "c", "aXb", "a.b"}));
}

void TestVariables::sortModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("expected");
    const QStringList in{"b10", "a2", "B1", "a10", "c", "A3", "b2"};
    QTest::newRow("0 disabled") << 0 << in;
    QTest::newRow("1 alpha asc") << 1 << QStringList{"A3", "B1", "a10", "a2", "b10", "b2", "c"};
    QTest::newRow("2 alpha desc") << 2 << QStringList{"c", "b2", "b10", "a2", "a10", "B1", "A3"};
    // Numerical: the first integer in the text; none = -1. Stable, then reversed for desc.
    QTest::newRow("3 num asc") << 3 << QStringList{"c", "B1", "a2", "b2", "A3", "b10", "a10"};
    QTest::newRow("4 num desc") << 4 << QStringList{"a10", "b10", "A3", "b2", "a2", "B1", "c"};
    QTest::newRow("5 alpha ci asc") << 5 << QStringList{"a10", "a2", "A3", "B1", "b10", "b2", "c"};
    QTest::newRow("6 alpha ci desc") << 6 << QStringList{"c", "b2", "b10", "B1", "A3", "a2", "a10"};
    QTest::newRow("7 natural asc") << 7 << QStringList{"a2", "A3", "a10", "B1", "b2", "b10", "c"};
    QTest::newRow("8 natural desc") << 8 << QStringList{"c", "b10", "b2", "B1", "a10", "A3", "a2"};
}

void TestVariables::sortModes()
{
    QFETCH(int, mode);
    QFETCH(QStringList, expected);
    QList<VariableOption> options;
    for (const QString &s : QStringList{"b10", "a2", "B1", "a10", "c", "A3", "b2"})
        options.append({s, s});
    sortOptions(options, mode);
    QCOMPARE(texts(options), expected);
}

void TestVariables::regexCaptures()
{
    QList<VariableOption> in;
    for (const QString &s : QStringList{"node-1.example:9100", "node-2.example:9100", "db-1:5432",
                                        "node-1.example:9200"})
        in.append({s, s});
    // No group: filter only.
    QCOMPARE(values(applyVariableRegex(in, "/node/")),
             QStringList({"node-1.example:9100", "node-2.example:9100", "node-1.example:9200"}));
    // One group: the captured text; duplicates dropped.
    QCOMPARE(values(applyVariableRegex(in, "/(node-\\d)/")), QStringList({"node-1", "node-2"}));
    // Named groups.
    const auto named = applyVariableRegex(in, "/(?<text>[a-z]+-\\d)[^:]*:(?<value>\\d+)/");
    QCOMPARE(texts(named), QStringList({"node-1", "db-1", "node-1"}));
    QCOMPARE(values(named), QStringList({"9100", "5432", "9200"}));
    // Flags: i.
    QCOMPARE(values(applyVariableRegex(in, "/DB/i")), QStringList{"db-1:5432"});
    // Bare pattern without slashes.
    QCOMPARE(values(applyVariableRegex(in, "db.*")), QStringList{"db-1:5432"});
    // Invalid regex: an error, input unchanged.
    QString error;
    QCOMPARE(applyVariableRegex(in, "/(/", &error).size(), in.size());
    QVERIFY(error.contains(QStringLiteral("(")));
}

void TestVariables::staticTypes()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        var("c", "custom", "a, b\\,c , Key One : v1,x",
            {{"multi", true},
             {"includeAll", true},
             {"allValue", ".+"},
             {"current", QJsonObject{{"value", QJsonArray{"v1", "x"}},
                                     {"text", QJsonArray{"Key One", "x"}}}}}),
        var("i", "interval", "1m,10m,1h",
            {{"auto", true},
             {"auto_count", 10},
             {"auto_min", "2m"},
             {"current", QJsonObject{{"value", "$__auto_interval_i"}}}}),
        var("k", "constant", "kval", {{"hide", 2}}),
        var("t", "textbox", "default text", {}),
        var("ds", "datasource", "prometheus", {{"regex", "/^pr/"}}),
        var("none", "datasource", "loki", {}),
    });
    const Variable *c = set.find("c");
    QCOMPARE(values(c->options), QStringList({QString(kAllValue), "a", "b,c", "v1", "x"}));
    QCOMPARE(texts(c->options), QStringList({"All", "a", "b,c", "Key One", "x"}));
    QCOMPARE(c->currentValues, QStringList({"v1", "x"}));
    QCOMPARE(c->currentTexts, QStringList({"Key One", "x"}));
    QCOMPARE(set.find("k")->hide, 2);
    QCOMPARE(set.find("t")->currentValues, QStringList{"default text"});
    QCOMPARE(values(set.find("i")->options),
             QStringList({"$__auto_interval_i", "1m", "10m", "1h"}));

    set.setTimeRange({0, 24 * 3600 * 1000}); // 1 day / 10 = 2.4 h -> 2 h (above auto_min)
    set.refresh();
    QVERIFY(waitUpdated(set));
    QCOMPARE(values(set.find("ds")->options), QStringList{"prom"});
    QCOMPARE(set.find("ds")->currentValues, QStringList{"prom"});
    QVERIFY(set.find("none")->options.isEmpty());

    InterpolationContext ctx = set.context();
    QCOMPARE(interpolate("$i|$k|$t|${c:csv}|$ds", ctx),
             QStringLiteral("2h|kval|default text|v1,x|prom"));
    set.setTimeRange({0, 10 * 60 * 1000}); // 10 m / 10 = 1 m -> auto_min 2 m wins
    QCOMPARE(interpolate("$i", set.context()), QStringLiteral("2m"));
    QVERIFY(set.setCurrent("c", QString(kAllValue)));
    QVERIFY(waitUpdated(set));
    QCOMPARE(interpolate("up{x=~\"$c\"}", set.context(), InterpolationMode::PromQL),
             QStringLiteral("up{x=~\".+\"}"));
    QVERIFY(set.setCurrent("t", QStringLiteral("typed")));
    QCOMPARE(interpolate("$t", set.context()), QStringLiteral("typed"));

    // Ad hoc filters reach the queries of their data source.
    VariableSet adhoc(&m_registry);
    adhoc.setDefinitions(QJsonArray{var(
        "f", "adhoc", QString(),
        {{"datasource", "prom"},
         {"filters",
          QJsonArray{QJsonObject{{"key", "host"}, {"operator", "=~"}, {"value", "e\\+f|g.*"}}}}})});
    PanelModel panel;
    panel.id = 1;
    panel.type = QStringLiteral("stat");
    Target t;
    t.refId = QStringLiteral("A");
    t.expr = QStringLiteral("sum by (host) (pharos_probe)");
    t.instant = true;
    t.range = false;
    panel.targets = {t};
    const InterpolationContext actx = adhoc.context();
    const auto plan = planPanelQueries(panel, m_range, 500, &m_registry, &actx);
    QCOMPARE(plan.queries.first().request.promql.expr,
             QStringLiteral("sum by (host) (pharos_probe{host=~\"e\\\\+f|g.*\"})"));
    QCOMPARE(runLabels(plan.queries.first().request.promql.expr, "host"),
             QStringList({"e+f", "g\\h"}));
}

void TestVariables::cycleIsReported()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        var("a", "query", "label_values(up{job=\"$b\"}, job)", {}),
        var("b", "query", "label_values(up{job=\"$a\"}, job)", {}),
        var("self", "query", "label_values(up{job=\"$self\"}, job)", {}),
        var("ok", "query", "label_values(up, job)", {}),
    });
    QVERIFY(set.cycleError().contains(QStringLiteral("a → b → a")));
    QSignalSpy errors(&set, &VariableSet::errorOccurred);
    set.setTimeRange(m_range);
    set.refresh();
    QVERIFY(waitUpdated(set));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().at(1).toString().contains(QStringLiteral("cycle")));
    QVERIFY(set.find("a")->options.isEmpty());
    QVERIFY(set.find("self")->options.isEmpty());
    QVERIFY(!set.find("ok")->options.isEmpty());
}

void TestVariables::repeats()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{
        var("h", "custom", "h1,h2,h3,h4,h5",
            {{"multi", true},
             {"includeAll", true},
             {"current", QJsonObject{{"value", QJsonArray{"$__all"}}}}}),
        var("r", "custom", "r1,r2",
            {{"multi", true}, {"current", QJsonObject{{"value", QJsonArray{"r1", "r2"}}}}}),
    });
    const QByteArray json = R"({"panels":[
      {"id":1,"type":"stat","title":"Host $h","repeat":"h","maxPerRow":2,"gridPos":{"x":0,"y":0,"w":8,"h":4},
       "targets":[{"refId":"A","expr":"up{instance=\"$h\"}"}]},
      {"id":2,"type":"text","title":"below","gridPos":{"x":0,"y":4,"w":24,"h":2},"options":{"content":"Hosts: $h"}},
      {"id":3,"type":"row","title":"Row $r","repeat":"r","gridPos":{"x":0,"y":6,"w":24,"h":1}},
      {"id":4,"type":"stat","title":"In $r","repeat":"h","repeatDirection":"v","gridPos":{"x":0,"y":7,"w":6,"h":3},
       "targets":[{"refId":"A","expr":"x{r=\"$r\",h=~\"$h\"}"}]}
    ]})";
    const auto d = Dashboard::fromJson(json);
    QVERIFY(d);
    const QList<PanelModel> out = expandRepeats(d->panels(), set.context());
    QStringList titles;
    QSet<int> ids;
    for (const PanelModel &p : out) {
        titles << p.title;
        ids.insert(p.id);
    }
    QCOMPARE(ids.size(), out.size()); // unique ids
    QCOMPARE(titles, QStringList({"Host h1", "Host h2", "Host h3", "Host h4", "Host h5", "below",
                                  "Row r1", "In r1", "In r1", "In r1", "In r1", "In r1", "Row r2",
                                  "In r2", "In r2", "In r2", "In r2", "In r2"}));
    // maxPerRow 2: w = max(24/5, 24/2) = 12; two per line.
    QCOMPARE(out.at(0).gridPos, (GridPos{0, 0, 12, 4}));
    QCOMPARE(out.at(1).gridPos, (GridPos{12, 0, 12, 4}));
    QCOMPARE(out.at(2).gridPos, (GridPos{0, 4, 12, 4}));
    QCOMPARE(out.at(4).gridPos, (GridPos{0, 8, 12, 4}));
    QCOMPARE(out.at(0).id, 1);
    QCOMPARE(out.at(1).repeatSourceId, 1);
    // The text panel below is pushed down by the added 8 units, content interpolated.
    QCOMPARE(out.at(5).gridPos.y, 12);
    QCOMPARE(out.at(5).json.value("options").toObject().value("content").toString(),
             QStringLiteral("Hosts: {h1,h2,h3,h4,h5}"));
    // Vertical repeats inside a repeated row stack at the panel's width.
    QCOMPARE(out.at(7).gridPos, (GridPos{0, 15, 6, 3}));
    QCOMPARE(out.at(8).gridPos, (GridPos{0, 18, 6, 3}));
    QCOMPARE(out.at(12).gridPos.y, 30); // second row copy below the first's 5 x 3 units
    // Queries of the clones use their scoped values.
    const InterpolationContext ctx = set.context();
    const QList<PanelModel> drawn = drawablePanels(out);
    QStringList exprs;
    for (const PanelModel &p : drawn) {
        for (const PlannedQuery &q : planPanelQueries(p, m_range, 300, &m_registry, &ctx).queries)
            exprs << q.request.promql.expr;
    }
    QCOMPARE(exprs.size(), 15);
    QCOMPARE(exprs.at(0), QStringLiteral("up{instance=\"h1\"}"));
    QCOMPARE(exprs.at(4), QStringLiteral("up{instance=\"h5\"}"));
    QCOMPARE(exprs.at(5), QStringLiteral("x{r=\"r1\",h=~\"h1\"}"));
    QCOMPARE(exprs.at(14), QStringLiteral("x{r=\"r2\",h=~\"h5\"}"));
}

void TestVariables::saveCurrentValues()
{
    VariableSet set(&m_registry);
    set.setDefinitions(QJsonArray{var("c", "custom", "a,b,c", {{"multi", true}, {"keep", "me"}}),
                                  var("s", "custom", "x,y", {})});
    QVERIFY(set.setCurrent("c", QStringList{"b", "c"}));
    QVERIFY(set.setCurrent("s", QStringLiteral("y")));
    const QJsonArray saved = set.toJson(true);
    QCOMPARE(saved.at(0).toObject().value("keep").toString(), QStringLiteral("me"));
    QCOMPARE(saved.at(0).toObject().value("current").toObject().value("value").toArray(),
             QJsonArray({"b", "c"}));
    QCOMPARE(saved.at(1).toObject().value("current").toObject().value("value").toString(),
             QStringLiteral("y"));
    VariableSet again(&m_registry);
    again.setDefinitions(saved);
    QCOMPARE(again.find("c")->currentValues, QStringList({"b", "c"}));
    QCOMPARE(again.find("s")->currentValues, QStringList{"y"});
}

QTEST_GUILESS_MAIN(TestVariables)
#include "test_variables.moc"

void TestVariables::labelValuesLimit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("limit");
    // The pushgateway holds 8 host values (kHosts + kDecoys).
    QTest::newRow("label_values cut at 5") << "label_values(pharos_probe, host)" << 5;
    QTest::newRow("label_values at exactly 8") << "label_values(pharos_probe, host)" << 8;
    QTest::newRow("label_values no limit") << "label_values(pharos_probe, host)" << 0;
    QTest::newRow("label_values(label) cut at 3") << "label_values(host)" << 3;
    QTest::newRow("metrics cut at 4") << "metrics(.*)" << 4;
}

// Prometheus 2.42 ignores `limit` on /api/v1/label/<l>/values: the list really comes back
// whole from the server, is cut to the limit here, and the variable says it was cut.
void TestVariables::labelValuesLimit()
{
    QFETCH(QString, query);
    QFETCH(int, limit);
    const bool metrics = query.startsWith(QLatin1String("metrics"));
    const QStringList server =
        metrics ? serverValues(QStringLiteral("__name__")) : serverValues(QStringLiteral("host"));
    QVERIFY2(server.size() >= 8, qPrintable(server.join(QLatin1Char(','))));
    if (!metrics)
        QCOMPARE(server.size(), 8);

    VariableSet set(&m_registry);
    set.setLabelValuesLimit(limit);
    set.setDefinitions(QJsonArray{var(QStringLiteral("v"), QStringLiteral("query"), query,
                                      {{QStringLiteral("datasource"), QStringLiteral("prom")},
                                       {QStringLiteral("refresh"), 1},
                                       {QStringLiteral("includeAll"), true}})});
    QSignalSpy notices(&set, &VariableSet::noticeChanged);
    set.refresh();
    QVERIFY(waitUpdated(set));
    const Variable *v = set.find(QStringLiteral("v"));
    QVERIFY(v);
    QVERIFY2(v->error.isEmpty(), qPrintable(v->error));
    QStringList got = values(v->options);
    QCOMPARE(got.takeFirst(), QString(kAllValue)); // "All" is not counted against the limit
    const bool cut = limit > 0 && limit < server.size();
    QCOMPARE(got.size(), cut ? limit : server.size());
    if (metrics) { // metric names may appear between the two lookups: real names, sorted
        const QStringList after = serverValues(QStringLiteral("__name__"));
        for (const QString &g : std::as_const(got))
            QVERIFY2(after.contains(g), qPrintable(g));
        QStringList sorted = got;
        sorted.sort();
        QCOMPARE(got, sorted);
    } else {
        QCOMPARE(got, server.mid(0, got.size())); // the server's first values, in its order
    }
    if (cut) {
        QVERIFY(v->notice.contains(QString::number(limit)));
        QVERIFY(v->notice.contains(QStringLiteral("\"v\"")));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().at(0).toString(), QStringLiteral("v"));
        QCOMPARE(notices.first().at(1).toString(), v->notice);
        // A bigger limit on the next refresh lists everything and clears the notice.
        set.setLabelValuesLimit(0);
        set.refresh();
        QVERIFY(waitUpdated(set));
        QCOMPARE(set.find(QStringLiteral("v"))->options.size(), server.size() + 1);
        QVERIFY(set.find(QStringLiteral("v"))->notice.isEmpty());
        QCOMPARE(notices.size(), 2);
        QVERIFY(notices.last().at(1).toString().isEmpty());
    } else {
        QVERIFY2(v->notice.isEmpty(), qPrintable(v->notice));
        QCOMPARE(notices.size(), 0);
    }
}
