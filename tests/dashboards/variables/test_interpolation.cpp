// Interpolation: the syntaxes, every format, the PromQL escaping rules and the built-ins;
// the ad hoc PromQL injector.
#include "dashboards/variables/adhocfilter.h"
#include "dashboards/variables/interpolation.h"

#include <QtTest>

using namespace pharos;

namespace {

VariableValue multi(const QStringList &values)
{
    VariableValue v;
    v.values = values;
    v.texts = values;
    v.multi = true;
    return v;
}

InterpolationContext sample()
{
    InterpolationContext c;
    c.variables.insert(QStringLiteral("job"), VariableValue::single(QStringLiteral("node")));
    c.variables.insert(QStringLiteral("odd"), VariableValue::single(QStringLiteral("a.b|c+d\\e")));
    c.variables.insert(QStringLiteral("hosts"),
                       multi({QStringLiteral("h1.x"), QStringLiteral("h|2"), QStringLiteral("a+b"),
                              QStringLiteral("c\\d")}));
    VariableValue all;
    all.isAll = true;
    all.multi = true;
    all.allValues = {QStringLiteral("x"), QStringLiteral("y.z")};
    all.allTexts = all.allValues;
    c.variables.insert(QStringLiteral("all"), all);
    VariableValue customAll = all;
    customAll.hasCustomAllValue = true;
    customAll.customAllValue = QStringLiteral(".*");
    c.variables.insert(QStringLiteral("call"), customAll);
    VariableValue kv = VariableValue::single(QStringLiteral("v1"), QStringLiteral("Key One"));
    c.variables.insert(QStringLiteral("kv"), kv);
    c.fromMs = 1700000000000;
    c.toMs = 1700003600000;
    c.intervalMs = 15000;
    c.rateIntervalMs = 60000;
    c.dashboardTitle = QStringLiteral("My board");
    return c;
}

} // namespace

class TestInterpolation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syntaxes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dollar") << "a $job b"
                                << "a node b";
        QTest::newRow("braces") << "${job}x"
                                << "nodex";
        QTest::newRow("brackets") << "[[job]]x"
                                  << "nodex";
        QTest::newRow("brackets fmt") << "[[hosts:csv]]"
                                      << "h1.x,h|2,a+b,c\\d";
        QTest::newRow("unknown") << "$nope ${nope} [[nope]]"
                                 << "$nope ${nope} [[nope]]";
        QTest::newRow("longer name") << "$jobs"
                                     << "$jobs";
        QTest::newRow("dollar alone") << "$ 5"
                                      << "$ 5";
        QTest::newRow("unclosed") << "${job"
                                  << "${job";
        QTest::newRow("glob default") << "$hosts"
                                      << "{h1.x,h|2,a+b,c\\d}";
        QTest::newRow("all default") << "$all"
                                     << "{x,y.z}";
    }
    void syntaxes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(interpolate(text, sample()), expected);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("raw") << "${hosts:raw}"
                             << "h1.x,h|2,a+b,c\\d";
        QTest::newRow("regex") << "${hosts:regex}"
                               << "(h1\\.x|h\\|2|a\\+b|c\\\\d)";
        QTest::newRow("regex single") << "${odd:regex}"
                                      << "a\\.b\\|c\\+d\\\\e";
        QTest::newRow("pipe") << "${hosts:pipe}"
                              << "h1.x|h|2|a+b|c\\d";
        QTest::newRow("csv") << "${hosts:csv}"
                             << "h1.x,h|2,a+b,c\\d";
        QTest::newRow("json") << "${hosts:json}"
                              << "[\"h1.x\",\"h|2\",\"a+b\",\"c\\\\d\"]";
        QTest::newRow("json single") << "${job:json}"
                                     << "\"node\"";
        QTest::newRow("doublequote") << "${hosts:doublequote}"
                                     << "\"h1.x\",\"h|2\",\"a+b\",\"c\\d\"";
        QTest::newRow("singlequote") << "${job:singlequote}"
                                     << "'node'";
        QTest::newRow("text") << "${kv:text}"
                              << "Key One";
        QTest::newRow("text all") << "${all:text}"
                                  << "All";
        QTest::newRow("queryparam")
            << "${hosts:queryparam}"
            << "var-hosts=h1.x&var-hosts=h%7C2&var-hosts=a%2Bb&var-hosts=c%5Cd";
        QTest::newRow("queryparam all") << "${all:queryparam}"
                                        << "var-all=%24__all";
        QTest::newRow("glob") << "${hosts:glob}"
                              << "{h1.x,h|2,a+b,c\\d}";
        QTest::newRow("glob single") << "${job:glob}"
                                     << "node";
        QTest::newRow("custom all regex") << "${call:regex}"
                                          << ".*";
        QTest::newRow("percentencode") << "${odd:percentencode}"
                                       << "a.b%7Cc%2Bd%5Ce";
    }
    void formats()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(interpolate(text, sample()), expected);
    }

    void promql_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        // Multi-value in a regex matcher: (a|b), each value regex-escaped, then escaped for
        // the string literal (a backslash becomes four).
        QTest::newRow("multi =~") << "up{instance=~\"$hosts\"}"
                                  << "up{instance=~\"(h1\\\\.x|h\\\\|2|a\\\\+b|c\\\\\\\\d)\"}";
        QTest::newRow("single =~") << "up{x=~\"$odd\"}"
                                   << "up{x=~\"a\\\\.b\\\\|c\\\\+d\\\\\\\\e\"}";
        QTest::newRow("single = ") << "up{x=\"$odd\"}"
                                   << "up{x=\"a.b|c+d\\\\e\"}";
        QTest::newRow("single !~ spaces") << "up{x !~ '$odd'}"
                                          << "up{x !~ 'a\\\\.b\\\\|c\\\\+d\\\\\\\\e'}";
        QTest::newRow("backtick =~") << "up{x=~`$odd`}"
                                     << "up{x=~`a\\.b\\|c\\+d\\\\e`}";
        QTest::newRow("all =~") << "up{job=~\"$all\"}"
                                << "up{job=~\"(x|y\\\\.z)\"}";
        QTest::newRow("custom all") << "up{job=~\"$call\"}"
                                    << "up{job=~\".*\"}";
        QTest::newRow("code") << "topk($job, up)"
                              << "topk(node, up)";
        QTest::newRow("explicit format wins") << "up{x=~\"${hosts:pipe}\"}"
                                              << "up{x=~\"h1.x|h|2|a+b|c\\d\"}";
        QTest::newRow("comment") << "up # $odd"
                                 << "up # a.b|c+d\\e";
        QTest::newRow("interval") << "rate(x[$__interval]) / $__interval_ms"
                                  << "rate(x[15s]) / 15000";
        QTest::newRow("rate interval") << "rate(x[$__rate_interval])"
                                       << "rate(x[1m])";
        QTest::newRow("range") << "increase(x[$__range]) $__range_s ${__range_ms}"
                               << "increase(x[3600s]) 3600 3600000";
    }
    void promql()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(interpolate(text, sample(), InterpolationMode::PromQL), expected);
    }

    void builtins()
    {
        const InterpolationContext c = sample();
        QCOMPARE(interpolate(QStringLiteral("$__from ${__to}"), c),
                 QStringLiteral("1700000000000 1700003600000"));
        QCOMPARE(interpolate(QStringLiteral("${__from:date:seconds}"), c),
                 QStringLiteral("1700000000"));
        QCOMPARE(interpolate(QStringLiteral("${__from:date}"), c),
                 QStringLiteral("2023-11-14T22:13:20.000Z"));
        QCOMPARE(interpolate(QStringLiteral("${__to:date:iso}"), c),
                 QStringLiteral("2023-11-14T23:13:20.000Z"));
        QCOMPARE(interpolate(QStringLiteral("${__from:date:YYYY-MM-DD HH:mm}"), c),
                 QStringLiteral("2023-11-14 22:13"));
        QCOMPARE(interpolate(QStringLiteral("$__dashboard"), c), QStringLiteral("My board"));
        QCOMPARE(interpolate(QStringLiteral("Host $kv"), c, InterpolationMode::Text),
                 QStringLiteral("Host Key One"));
        QCOMPARE(interpolate(QStringLiteral("Hosts $hosts"), c, InterpolationMode::Text),
                 QStringLiteral("Hosts h1.x + h|2 + a+b + c\\d"));
        // Scoped values (repeats) win.
        InterpolationContext s = c;
        s.scoped.insert(QStringLiteral("hosts"), VariableValue::single(QStringLiteral("h|2")));
        QCOMPARE(interpolate(QStringLiteral("up{i=~\"$hosts\"}"), s, InterpolationMode::PromQL),
                 QStringLiteral("up{i=~\"h\\\\|2\"}"));
        QCOMPARE(referencedVariables(QStringLiteral("a $x ${y:csv} [[z]] $__interval $x")),
                 QStringList({"x", "y", "z"}));
    }

    void adhoc_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare") << "up"
                              << "up{k=\"v\"}";
        QTest::newRow("braces") << "up{job=\"a\"}"
                                << "up{job=\"a\",k=\"v\"}";
        QTest::newRow("empty braces") << "up{}"
                                      << "up{k=\"v\"}";
        QTest::newRow("selector only") << "{__name__=~\"up|x\"}"
                                       << "{__name__=~\"up|x\",k=\"v\"}";
        QTest::newRow("rate") << "rate(http_requests_total[5m])"
                              << "rate(http_requests_total{k=\"v\"}[5m])";
        QTest::newRow("sum by") << "sum by (job) (rate(x{a=\"1\"}[5m]))"
                                << "sum by (job) (rate(x{a=\"1\",k=\"v\"}[5m]))";
        QTest::newRow("by after") << "sum(x) by (instance, job)"
                                  << "sum(x{k=\"v\"}) by (instance, job)";
        QTest::newRow("binary on") << "a / on(job) group_left(instance) b"
                                   << "a{k=\"v\"} / on(job) group_left(instance) b{k=\"v\"}";
        QTest::newRow("keywords") << "a and b or c unless d"
                                  << "a{k=\"v\"} and b{k=\"v\"} or c{k=\"v\"} unless d{k=\"v\"}";
        QTest::newRow("offset") << "x offset 5m > bool 3"
                                << "x{k=\"v\"} offset 5m > bool 3";
        QTest::newRow("strings")
            << "label_replace(up, \"dst\", \"$1 up\", \"src\", \"(.*)\")"
            << "label_replace(up{k=\"v\"}, \"dst\", \"$1 up\", \"src\", \"(.*)\")";
        QTest::newRow("comment") << "up # not metric\n+ x"
                                 << "up{k=\"v\"} # not metric\n+ x{k=\"v\"}";
        QTest::newRow("subquery") << "max_over_time(rate(x[1m])[10m:1m])"
                                  << "max_over_time(rate(x{k=\"v\"}[1m])[10m:1m])";
        QTest::newRow("numbers") << "x * 1e3 + Inf - NaN"
                                 << "x{k=\"v\"} * 1e3 + Inf - NaN";
        QTest::newRow("already") << "up{k=\"v\"}"
                                 << "up{k=\"v\"}";
        QTest::newRow("colon metric") << "job:rate5m"
                                      << "job:rate5m{k=\"v\"}";
        QTest::newRow("topk") << "topk(5, x)"
                              << "topk(5, x{k=\"v\"})";
        QTest::newRow("at") << "x @ start()"
                            << "x{k=\"v\"} @ start()";
    }
    void adhoc()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(injectAdhocFilters(
                     expr, {{QStringLiteral("k"), QStringLiteral("="), QStringLiteral("v")}}),
                 expected);
    }

    void adhocEscapingAndOps()
    {
        const QList<AdhocFilter> f{
            {QStringLiteral("a"), QStringLiteral("!="), QStringLiteral("x\"y\\z")},
            {QStringLiteral("b"), QStringLiteral("=~"), QStringLiteral("h.*")},
            {QStringLiteral(""), QStringLiteral("="), QStringLiteral("ignored")},
            {QStringLiteral("c"), QStringLiteral("<"), QStringLiteral("bad op")}};
        QCOMPARE(injectAdhocFilters(QStringLiteral("up"), f),
                 QStringLiteral("up{a!=\"x\\\"y\\\\z\",b=~\"h.*\"}"));
        QCOMPARE(injectAdhocFilters(QStringLiteral("up"), {}), QStringLiteral("up"));
    }
};

QTEST_GUILESS_MAIN(TestInterpolation)
#include "test_interpolation.moc"
