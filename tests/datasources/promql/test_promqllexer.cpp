// PromQL lexer, catalogue, error positions and completion contexts (headless).
#include "datasources/promql/promqlcatalogue.h"
#include "datasources/promql/promqlcompletion.h"
#include "datasources/promql/promqllexer.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace pharos;

namespace {

// "kind:text" for every token.
QStringList describe(const QString &text)
{
    QStringList out;
    for (const PromqlToken &t : lexPromql(text))
        out << promqlTokenKindName(t.kind) + u':' + t.text(text).toString();
    return out;
}

} // namespace

class TestPromqlLexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data();
    void tokens();
    void positions();
    void unterminatedString();
    void brackets();
    void catalogueCoversPrometheus242();
    void errorPosition();
    void contexts_data();
    void contexts();
    void offlineCandidates();
    void randomInputKeepsInvariants();
    void matchRankAgreesWithDefinition();
};

void TestPromqlLexer::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("aggregation, selector, range, offset, bool, comment")
        << QStringLiteral("sum by (job) (rate(http_requests_total{job=\"api\", code=~'5..'}[5m] "
                          "offset 1h)) > bool 0.5 # errors")
        << QStringList{"aggregation:sum",
                       "keyword:by",
                       "(:(",
                       "label:job",
                       "):)",
                       "(:(",
                       "function:rate",
                       "(:(",
                       "metric:http_requests_total",
                       "{:{",
                       "label:job",
                       "operator:=",
                       "string:\"api\"",
                       ",:,",
                       "label:code",
                       "operator:=~",
                       "string:'5..'",
                       "}:}",
                       "[:[",
                       "duration:5m",
                       "]:]",
                       "keyword:offset",
                       "duration:1h",
                       "):)",
                       "):)",
                       "operator:>",
                       "keyword:bool",
                       "number:0.5",
                       "comment:# errors"};
    QTest::newRow("numbers and durations")
        << QStringLiteral("1e3 + 0x1F - .5 * Inf / NaN % 1h30m ^ 500ms")
        << QStringList{"number:1e3",     "operator:+", "number:0x1F",   "operator:-", "number:.5",
                       "operator:*",     "number:Inf", "operator:/",    "number:NaN", "operator:%",
                       "duration:1h30m", "operator:^", "duration:500ms"};
    QTest::newRow("subquery and @") << QStringLiteral("max_over_time(rate(x[5m])[1h:1m] @ end())")
                                    << QStringList{"function:max_over_time",
                                                   "(:(",
                                                   "function:rate",
                                                   "(:(",
                                                   "metric:x",
                                                   "[:[",
                                                   "duration:5m",
                                                   "]:]",
                                                   "):)",
                                                   "[:[",
                                                   "duration:1h",
                                                   ":::",
                                                   "duration:1m",
                                                   "]:]",
                                                   "@:@",
                                                   "function:end",
                                                   "(:(",
                                                   "):)",
                                                   "):)"};
    QTest::newRow("grafana variables")
        << QStringLiteral("rate(up{job=~\"$job\"}[$__rate_interval]) * ${factor:raw} + [[x]]")
        << QStringList{"function:rate",
                       "(:(",
                       "metric:up",
                       "{:{",
                       "label:job",
                       "operator:=~",
                       "string:\"$job\"",
                       "}:}",
                       "[:[",
                       "variable:$__rate_interval",
                       "]:]",
                       "):)",
                       "operator:*",
                       "variable:${factor:raw}",
                       "operator:+",
                       "variable:[[x]]"};
    QTest::newRow("vector matching")
        << QStringLiteral("a * on(instance) group_left(node) b unless c")
        << QStringList{"metric:a",       "operator:*", "keyword:on",         "(:(",
                       "label:instance", "):)",        "keyword:group_left", "(:(",
                       "label:node",     "):)",        "metric:b",           "operator:unless",
                       "metric:c"};
    QTest::newRow("recording rule names, word as metric, upper-case aggregation")
        << QStringLiteral("job:http:rate5m + sum + SUM(rate)")
        << QStringList{"metric:job:http:rate5m", "operator:+", "metric:sum",  "operator:+",
                       "aggregation:SUM",        "(:(",        "metric:rate", "):)"};
    QTest::newRow("unknown character")
        << QStringLiteral("up ; 1") << QStringList{"metric:up", "error:;", "number:1"};
}

void TestPromqlLexer::tokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(text), expected);
}

void TestPromqlLexer::positions()
{
    const QString text = QStringLiteral("rate(x{a=\"b\"}[5m])\n  # c");
    const QList<PromqlToken> t = lexPromql(text);
    QCOMPARE(t.size(), 13);
    QCOMPARE(t[0].start, 0);
    QCOMPARE(t[0].length, 4);
    QCOMPARE(t[6].kind, PromqlTokenKind::String);
    QCOMPARE(t[6].start, 9);
    QCOMPARE(t[6].length, 3);
    QCOMPARE(t[9].kind, PromqlTokenKind::Duration);
    QCOMPARE(t[9].start, 14);
    QCOMPARE(t[9].length, 2);
    QCOMPARE(t[12].kind, PromqlTokenKind::Comment);
    QCOMPARE(t[12].start, 21);
    QCOMPARE(t[12].end(), int(text.size()));
}

void TestPromqlLexer::unterminatedString()
{
    const QString text = QStringLiteral("up{job=\"pro\nx");
    const QList<PromqlToken> t = lexPromql(text);
    QCOMPARE(t[4].kind, PromqlTokenKind::String);
    QVERIFY(t[4].unterminated);
    QCOMPARE(t[4].end(), 11); // stops at the end of the line
    QCOMPARE(t[5].kind, PromqlTokenKind::LabelName);
    const QList<PromqlToken> closed = lexPromql(QStringLiteral("\"a\\\"b\""));
    QCOMPARE(closed.size(), 1);
    QVERIFY(!closed[0].unterminated);
}

void TestPromqlLexer::brackets()
{
    const QString text = QStringLiteral("sum(rate(x{a=\"(\"}[5m]))");
    const QList<PromqlToken> t = lexPromql(text);
    // sum0 (1 rate2 (3 x4 {5 a6 =7 "("8 }9 [10 5m11 ]12 )13 )14
    QCOMPARE(matchingPromqlBracket(t, 1), 14);
    QCOMPARE(matchingPromqlBracket(t, 14), 1);
    QCOMPARE(matchingPromqlBracket(t, 3), 13);
    QCOMPARE(matchingPromqlBracket(t, 5), 9);
    QCOMPARE(matchingPromqlBracket(t, 10), 12);
    QCOMPARE(matchingPromqlBracket(t, 0), -1); // not a bracket
    const QList<PromqlToken> open = lexPromql(QStringLiteral("sum(rate(x)"));
    QCOMPARE(matchingPromqlBracket(open, 1), -1);
    QCOMPARE(matchingPromqlBracket(open, 3), 5);
}

void TestPromqlLexer::catalogueCoversPrometheus242()
{
    const QStringList functions = {"abs",
                                   "absent",
                                   "absent_over_time",
                                   "acos",
                                   "acosh",
                                   "asin",
                                   "asinh",
                                   "atan",
                                   "atanh",
                                   "avg_over_time",
                                   "ceil",
                                   "changes",
                                   "clamp",
                                   "clamp_max",
                                   "clamp_min",
                                   "cos",
                                   "cosh",
                                   "count_over_time",
                                   "day_of_month",
                                   "day_of_week",
                                   "day_of_year",
                                   "days_in_month",
                                   "deg",
                                   "delta",
                                   "deriv",
                                   "exp",
                                   "floor",
                                   "histogram_count",
                                   "histogram_fraction",
                                   "histogram_quantile",
                                   "histogram_sum",
                                   "holt_winters",
                                   "hour",
                                   "idelta",
                                   "increase",
                                   "irate",
                                   "label_join",
                                   "label_replace",
                                   "last_over_time",
                                   "ln",
                                   "log10",
                                   "log2",
                                   "max_over_time",
                                   "min_over_time",
                                   "minute",
                                   "month",
                                   "pi",
                                   "predict_linear",
                                   "present_over_time",
                                   "quantile_over_time",
                                   "rad",
                                   "rate",
                                   "resets",
                                   "round",
                                   "scalar",
                                   "sgn",
                                   "sin",
                                   "sinh",
                                   "sort",
                                   "sort_desc",
                                   "sqrt",
                                   "stddev_over_time",
                                   "stdvar_over_time",
                                   "sum_over_time",
                                   "tan",
                                   "tanh",
                                   "time",
                                   "timestamp",
                                   "vector",
                                   "year"};
    const QStringList aggregations = {"avg", "bottomk",  "count",  "count_values", "group", "max",
                                      "min", "quantile", "stddev", "stdvar",       "sum",   "topk"};
    for (const QString &f : functions) {
        QVERIFY2(PromqlCatalogue::isFunction(f), qPrintable(f));
        const PromqlCatalogueEntry *e = PromqlCatalogue::find(f);
        QVERIFY(e->signatureString().startsWith(f + u'('));
        QVERIFY2(e->description().size() > 10, qPrintable(f));
    }
    for (const QString &a : aggregations) {
        QVERIFY2(PromqlCatalogue::isAggregation(a), qPrintable(a));
        QVERIFY(!PromqlCatalogue::find(a)->description().isEmpty());
    }
    int fnCount = 0;
    for (const PromqlCatalogueEntry &e : PromqlCatalogue::entries())
        if (e.kind == PromqlCatalogueEntry::Kind::Function)
            ++fnCount;
    QCOMPARE(fnCount, int(functions.size()));
    QVERIFY(PromqlCatalogue::isAggregation(u"SUM"));
    QVERIFY(!PromqlCatalogue::isFunction(u"RATE"));
    for (const char *k :
         {"by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool"})
        QVERIFY2(PromqlCatalogue::isKeyword(QString::fromLatin1(k)), k);
    for (const char *k : {"and", "or", "unless", "atan2"})
        QVERIFY2(PromqlCatalogue::isWordOperator(QString::fromLatin1(k)), k);
}

void TestPromqlLexer::errorPosition()
{
    int offset = -1;
    QString message;
    const QString q = QStringLiteral("sum(rate(up[5m])");
    QVERIFY(promqlErrorPosition(
        QStringLiteral("invalid parameter \"query\": 1:17: parse error: unclosed left parenthesis"),
        q, &offset, &message));
    QCOMPARE(offset, 16);
    QCOMPARE(message, QStringLiteral("unclosed left parenthesis"));
    // Second line, and UTF-8 columns (é is two bytes, 😀 four).
    const QString q2 = QStringLiteral("up\n{a=\"é😀\"} +");
    QVERIFY(promqlErrorPosition(QStringLiteral("2:14: parse error: x"), q2, &offset));
    QCOMPARE(q2.mid(offset), QStringLiteral("+"));
    QVERIFY(!promqlErrorPosition(QStringLiteral("bad_data: something"), q, &offset));
    QVERIFY(promqlErrorPosition(QStringLiteral("1:99: parse error: x"), q, &offset));
    QCOMPARE(offset, int(q.size()));
}

void TestPromqlLexer::contexts_data()
{
    using K = PromqlCompletionContext::Kind;
    QTest::addColumn<QString>("text"); // '|' is the cursor
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("replaced"); // the text the replace range covers

    QTest::newRow("empty") << "|" << int(K::FunctionOrMetric) << ""
                           << ""
                           << ""
                           << ""
                           << "";
    QTest::newRow("metric prefix")
        << "prometheus_htt|" << int(K::FunctionOrMetric) << "prometheus_htt"
        << ""
        << ""
        << ""
        << "prometheus_htt";
    QTest::newRow("middle of a word") << "ra|te(x)" << int(K::FunctionOrMetric) << "ra"
                                      << ""
                                      << ""
                                      << ""
                                      << "rate";
    QTest::newRow("function argument") << "sum(rate(|" << int(K::FunctionOrMetric) << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "";
    QTest::newRow("label name") << "up{|}" << int(K::LabelName) << ""
                                << "up"
                                << ""
                                << "up"
                                << "";
    QTest::newRow("second label name")
        << "up{job=\"prometheus\", ins|}" << int(K::LabelName) << "ins"
        << "up"
        << ""
        << "up{job=\"prometheus\"}"
        << "ins";
    QTest::newRow("label value quoted")
        << "up{instance=\"x\",job=\"pro|\"}" << int(K::LabelValue) << "pro"
        << "up"
        << "job"
        << "up{instance=\"x\"}"
        << "pro";
    QTest::newRow("label value unterminated") << "rate(up{job=~\"p|" << int(K::LabelValue) << "p"
                                              << "up"
                                              << "job"
                                              << "up"
                                              << "p";
    QTest::newRow("label value unquoted") << "up{job=|}" << int(K::LabelValue) << ""
                                          << "up"
                                          << "job"
                                          << "up"
                                          << "";
    QTest::newRow("variables left out of the selector")
        << "up{instance=~\"$instance\", job=\"|\"}" << int(K::LabelValue) << ""
        << "up"
        << "job"
        << "up"
        << "";
    QTest::newRow("no metric") << "{job=\"a\", |}" << int(K::LabelName) << ""
                               << ""
                               << ""
                               << "{job=\"a\"}"
                               << "";
    QTest::newRow("__name__ matcher") << "{__name__=\"up\", j|}" << int(K::LabelName) << "j"
                                      << "up"
                                      << ""
                                      << "up"
                                      << "j";
    QTest::newRow("grouping") << "sum by (jo|) (rate(http_requests_total[5m]))" << int(K::LabelName)
                              << "jo"
                              << "http_requests_total"
                              << ""
                              << "http_requests_total"
                              << "jo";
    QTest::newRow("duration") << "rate(up[|" << int(K::Duration) << ""
                              << ""
                              << ""
                              << ""
                              << "";
    QTest::newRow("duration prefix") << "rate(up[5|])" << int(K::Duration) << "5"
                                     << ""
                                     << ""
                                     << ""
                                     << "5";
    QTest::newRow("offset") << "up offset |" << int(K::Duration) << ""
                            << ""
                            << ""
                            << ""
                            << "";
    QTest::newRow("variable") << "rate(up[$__ra|" << int(K::Variable) << "__ra"
                              << ""
                              << ""
                              << ""
                              << "$__ra";
    QTest::newRow("variable in braces") << "up{job=\"x\"} * ${fa|" << int(K::Variable) << "fa"
                                        << ""
                                        << ""
                                        << ""
                                        << "${fa";
    QTest::newRow("after an expression") << "up a|" << int(K::Keyword) << "a"
                                         << ""
                                         << ""
                                         << ""
                                         << "a";
    QTest::newRow("after a function call") << "rate(up[5m]) |" << int(K::Keyword) << ""
                                           << ""
                                           << ""
                                           << ""
                                           << "";
    QTest::newRow("in a comment") << "up # ra|" << int(K::None) << ""
                                  << ""
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("in a number") << "1|23" << int(K::None) << ""
                                 << ""
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("string argument") << "label_replace(up, \"a|\"" << int(K::None) << ""
                                     << ""
                                     << ""
                                     << ""
                                     << "";
    QTest::newRow("after an operator") << "up + |" << int(K::FunctionOrMetric) << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "";
}

void TestPromqlLexer::contexts()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, prefix);
    QFETCH(QString, metric);
    QFETCH(QString, label);
    QFETCH(QString, selector);
    QFETCH(QString, replaced);
    const int cursor = int(text.indexOf(u'|'));
    text.remove(cursor, 1);
    const PromqlCompletionContext ctx = promqlCompletionContext(text, cursor);
    QCOMPARE(int(ctx.kind), kind);
    if (kind == int(PromqlCompletionContext::Kind::None))
        return;
    QCOMPARE(ctx.prefix, prefix);
    QCOMPARE(ctx.metric, metric);
    QCOMPARE(ctx.label, label);
    QCOMPARE(ctx.selector(), selector);
    QCOMPARE(text.mid(ctx.replaceStart, ctx.replaceLength), replaced);
}

void TestPromqlLexer::offlineCandidates()
{
    // Without a data source: functions, keywords, durations and variables still complete.
    PromqlCompleter completer;
    completer.setVariables({QStringLiteral("job"), QStringLiteral("instance")});
    auto items = completer.candidates(promqlCompletionContext(QStringLiteral("ra"), 2));
    QStringList names;
    for (const auto &i : items)
        names << i.label;
    // Ranked: the names starting with "ra" first, shorter first; then the others that
    // contain it ("irate") or match it as a subsequence.
    QCOMPARE(names.mid(0, 2), (QStringList{"rad", "rate"}));
    QVERIFY(names.contains(QStringLiteral("irate")));
    for (const QString &n : names.mid(2))
        QVERIFY2(!n.startsWith(QStringLiteral("ra")), qPrintable(n));
    QCOMPARE(items[1].insertText, QStringLiteral("rate()"));
    QCOMPARE(items[1].cursorOffset, 5);
    QVERIFY(items[1].detail.startsWith(QStringLiteral("rate(v range-vector)")));
    QVERIFY(!items[1].documentation.isEmpty());
    items = completer.candidates(promqlCompletionContext(QStringLiteral("sum(x) wi"), 9));
    QVERIFY(!items.isEmpty());
    QCOMPARE(items.first().label, QStringLiteral("without"));
    items = completer.candidates(promqlCompletionContext(QStringLiteral("up * $i"), 7));
    QStringList is;
    for (const auto &i : items)
        is << i.insertText;
    // $instance starts with "i"; the built-in intervals have a word starting with it.
    QCOMPARE(is, (QStringList{"$instance", "$__interval", "$__interval_ms", "$__rate_interval"}));
    items = completer.candidates(promqlCompletionContext(QStringLiteral("up * $__r"), 9));
    QStringList vars;
    for (const auto &i : items)
        vars << i.insertText;
    QCOMPARE(vars.mid(0, 4),
             (QStringList{"$__range", "$__range_s", "$__range_ms", "$__rate_interval"}));
    items = completer.candidates(promqlCompletionContext(QStringLiteral("rate(x[1"), 8));
    QStringList labels;
    for (const auto &i : items)
        labels << i.label;
    QCOMPARE(labels, (QStringList{"1m", "10m", "15m", "1h", "12h", "1d"}));
    // A variable as a label value, inside the quotes.
    const QString sel = QStringLiteral("up{job=~\"$j\"}");
    items = completer.candidates(promqlCompletionContext(sel, 11));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().insertText, QStringLiteral("$job"));
    // The answer comes at once through the signal too (nothing to fetch).
    QSignalSpy spy(&completer, &PromqlCompleter::candidatesReady);
    completer.complete(QStringLiteral("histogram_q"), 11);
    QCOMPARE(spy.count(), 1);
    const auto got = spy.first().at(1).value<QList<PromqlCompletionItem>>();
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().label, QStringLiteral("histogram_quantile"));
    QVERIFY(!completer.isFetching());
}

void TestPromqlLexer::randomInputKeepsInvariants()
{
    // Arbitrary text (PromQL characters, quotes, brackets, non-ASCII, surrogate pairs) at
    // every cursor position: tokens stay ordered and in bounds, the replace range contains
    // the cursor, and nothing crashes.
    const QString alphabet = QStringLiteral("abc_:{}[]()\"'`\\=!~,$#@+-*/%^<> 0159.emshx\n\té😀");
    QRandomGenerator rng(20261124);
    PromqlCompleter completer;
    completer.setVariables({QStringLiteral("job")});
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int len = int(rng.bounded(40));
        for (int i = 0; i < len; ++i) {
            const QChar c = alphabet.at(int(rng.bounded(int(alphabet.size()))));
            // Keep surrogate pairs whole (the emoji is two QChars in the alphabet).
            if (c.isHighSurrogate()) {
                text += QStringLiteral("😀");
                continue;
            }
            if (c.isLowSurrogate())
                continue;
            text += c;
        }
        const QList<PromqlToken> tokens = lexPromql(text);
        int end = 0;
        for (const PromqlToken &t : tokens) {
            QVERIFY2(t.start >= end && t.length > 0 && t.end() <= text.size(), qPrintable(text));
            end = t.end();
        }
        for (int i = 0; i < tokens.size(); ++i) {
            const int m = matchingPromqlBracket(tokens, i);
            if (m >= 0)
                QCOMPARE(matchingPromqlBracket(tokens, m), i);
        }
        for (int cursor = 0; cursor <= text.size(); ++cursor) {
            const PromqlCompletionContext ctx = promqlCompletionContext(text, cursor);
            if (ctx.kind == PromqlCompletionContext::Kind::None)
                continue;
            QVERIFY2(ctx.replaceStart >= 0 && ctx.replaceLength >= 0 &&
                         ctx.replaceStart + ctx.replaceLength <= text.size(),
                     qPrintable(text));
            QVERIFY2(ctx.replaceStart <= cursor && cursor <= ctx.replaceStart + ctx.replaceLength,
                     qPrintable(text + QStringLiteral(" @") + QString::number(cursor)));
            completer.candidates(ctx);
        }
        int offset = -1;
        // The signature hint's call analysis, on random text and on random PromQL words.
        QString words;
        static const QStringList pieces = {
            QStringLiteral("rate"), QStringLiteral("sum"),     QStringLiteral(" by "),
            QStringLiteral("("),    QStringLiteral(")"),       QStringLiteral(","),
            QStringLiteral("{"),    QStringLiteral("}"),       QStringLiteral("[5m]"),
            QStringLiteral("x"),    QStringLiteral("\"a,(\""), QStringLiteral("without"),
            QStringLiteral("topk"), QStringLiteral("#c\n"),    QStringLiteral("label_join"),
        };
        for (int i = 0, n = int(rng.bounded(20)); i < n; ++i)
            words += pieces.at(int(rng.bounded(int(pieces.size()))));
        for (const QString &t : {text, words})
            for (int cursor = 0; cursor <= t.size(); ++cursor) {
                const PromqlCallContext call = promqlCallContext(t, cursor);
                if (!call.isValid())
                    continue;
                QVERIFY2(call.openParen >= 0 && call.openParen < cursor &&
                             t.at(call.openParen) == u'(',
                         qPrintable(t + QStringLiteral(" @") + QString::number(cursor)));
                QVERIFY2(call.grouping ? call.argument == -1 : call.argument >= 0, qPrintable(t));
                QVERIFY(PromqlCatalogue::find(call.function));
            }
        promqlErrorPosition(QStringLiteral("%1:%2: parse error: x")
                                .arg(rng.bounded(4) + 1)
                                .arg(rng.bounded(60) + 1),
                            text, &offset);
        QVERIFY(offset >= 0 && offset <= text.size());
    }
}

QTEST_GUILESS_MAIN(TestPromqlLexer)
#include "test_promqllexer.moc"

void TestPromqlLexer::matchRankAgreesWithDefinition()
{
    // promqlMatchRank against its definition written the slow, obvious way, on random names
    // and typed texts (case mixed, separators, non-ASCII).
    const QString alphabet = QStringLiteral("abAB_:/.-1é");
    QRandomGenerator rng(20261125);
    auto wordStart = [](const QString &s, int i) {
        if (i == 0)
            return true;
        const QChar p = s.at(i - 1);
        return !p.isLetterOrNumber() || (p.isLower() && p.unicode() < 128 && s.at(i).isUpper());
    };
    auto expected = [&](const QString &name, const QString &typed) {
        using R = PromqlMatchRank;
        const QString n = name.toLower();
        const QString t = typed.toLower();
        if (t.isEmpty())
            return R::Prefix;
        if (n == t)
            return R::Exact;
        if (n.startsWith(t))
            return R::Prefix;
        bool sub = false;
        for (int i = int(n.indexOf(t)); i >= 0; i = int(n.indexOf(t, i + 1))) {
            if (wordStart(name, i))
                return R::WordStart;
            sub = true;
        }
        if (sub)
            return R::Substring;
        int j = 0;
        for (const QChar c : n)
            if (j < t.size() && c == t.at(j))
                ++j;
        return j == t.size() ? R::Fuzzy : R::None;
    };
    for (int round = 0; round < 20000; ++round) {
        auto randomText = [&](int maxLen) {
            QString out;
            for (int i = 0, n = int(rng.bounded(maxLen)); i < n; ++i)
                out += alphabet.at(int(rng.bounded(int(alphabet.size()))));
            return out;
        };
        const QString name = randomText(14);
        const QString typed = randomText(4);
        QVERIFY2(promqlMatchRank(name, typed.toLower()) == expected(name, typed),
                 qPrintable(name + QStringLiteral(" / ") + typed));
    }
}
