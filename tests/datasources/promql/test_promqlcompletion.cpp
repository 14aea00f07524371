// PromQL completion against a real Prometheus: metric names with HELP/TYPE from
// /api/v1/metadata, label names of a metric, label values; debounce, cache, cancellation, the
// large-server path (names cut at the limit, narrowed on the server by prefix) and failures.
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/promql/promqlcatalogue.h"
#include "datasources/promql/promqlcompletion.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QtTest>
#include <memory>

using namespace pharos;
using pharos::test::PrometheusFixture;

namespace {

struct Answer
{
    PromqlCompletionContext context;
    QList<PromqlCompletionItem> items;
};

const PromqlCompletionItem *findItem(const QList<PromqlCompletionItem> &items, const QString &label)
{
    for (const PromqlCompletionItem &i : items)
        if (i.label == label)
            return &i;
    return nullptr;
}

QStringList labelsOf(const QList<PromqlCompletionItem> &items)
{
    QStringList out;
    for (const PromqlCompletionItem &i : items)
        out << i.label;
    return out;
}

} // namespace

class TestPromqlCompletion : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;

    std::unique_ptr<PrometheusDataSource> makeSource(const QUrl &url)
    {
        DataSourceSettings s;
        s.name = QStringLiteral("test");
        s.uid = QStringLiteral("test-uid");
        s.url = url;
        s.http.timeoutMs = 20000;
        return std::make_unique<PrometheusDataSource>(s);
    }

    // Runs complete() and waits for an answer satisfying `done`.
    static bool completeAndWait(PromqlCompleter &c, const QString &text, int cursor,
                                const std::function<bool(const Answer &)> &done, Answer *out)
    {
        bool got = false;
        auto conn = QObject::connect(
            &c, &PromqlCompleter::candidatesReady,
            [&](const PromqlCompletionContext &ctx, const QList<PromqlCompletionItem> &items) {
                Answer a{ctx, items};
                if (!got && done(a)) {
                    got = true;
                    *out = a;
                }
            });
        c.complete(text, cursor);
        PrometheusFixture::waitFor([&] { return got; }, 20000);
        QObject::disconnect(conn);
        return got;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
    }

    void metricNamesWithHelpAndType()
    {
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        const QString text = QStringLiteral("rate(prometheus_http_req");
        // The first answer comes at once, from the catalogue only; the server answers later.
        QSignalSpy spy(&c, &PromqlCompleter::candidatesReady);
        Answer a;
        QVERIFY(completeAndWait(
            c, text, int(text.size()),
            [](const Answer &a) {
                const auto *i = findItem(a.items, QStringLiteral("prometheus_http_requests_total"));
                return i && !i->documentation.isEmpty();
            },
            &a));
        QVERIFY(spy.count() >= 2);
        QVERIFY(spy.first().at(1).value<QList<PromqlCompletionItem>>().isEmpty());
        QCOMPARE(a.context.kind, PromqlCompletionContext::Kind::FunctionOrMetric);
        const auto *item = findItem(a.items, QStringLiteral("prometheus_http_requests_total"));
        // HELP and TYPE as the server reports them.
        const QJsonObject meta =
            m_prom.queryJson(QStringLiteral("/api/v1/metadata"),
                             QUrlQuery{{QStringLiteral("metric"),
                                        QStringLiteral("prometheus_http_requests_total")}});
        const QJsonObject entry = meta.value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("prometheus_http_requests_total"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(item->detail, entry.value(QLatin1String("type")).toString());
        QCOMPARE(item->detail, QStringLiteral("counter"));
        QCOMPARE(item->documentation, entry.value(QLatin1String("help")).toString());
        QCOMPARE(item->insertText, QStringLiteral("prometheus_http_requests_total"));
        // Names containing what is typed come first, the names starting with it before them.
        bool other = false;
        for (const PromqlCompletionItem &i : a.items) {
            const bool c = i.label.contains(QStringLiteral("prometheus_http_req"));
            QVERIFY2(!c || !other, qPrintable(i.label));
            other = other || !c;
        }
        QVERIFY(a.items.first().label.startsWith(QStringLiteral("prometheus_http_req")));
        // Histograms: the _bucket series carry the family's metadata.
        const QString h = QStringLiteral("prometheus_http_request_duration_seconds_b");
        QVERIFY(completeAndWait(
            c, h, int(h.size()), [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        const auto *bucket =
            findItem(a.items, QStringLiteral("prometheus_http_request_duration_seconds_bucket"));
        QVERIFY(bucket);
        QCOMPARE(bucket->detail, QStringLiteral("histogram"));
        // Now cached: answered at once, without a request.
        const int requests = c.requestCount();
        spy.clear();
        c.complete(QStringLiteral("prometheus_tsdb_head_ser"), 24);
        QCOMPARE(spy.count(), 1);
        QVERIFY(labelsOf(spy.first().at(1).value<QList<PromqlCompletionItem>>())
                    .contains(QStringLiteral("prometheus_tsdb_head_series")));
        QVERIFY(!c.isFetching());
        QCOMPARE(c.requestCount(), requests);
    }

    void labelNamesOfMetric()
    {
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        const QString text = QStringLiteral("sum(rate(prometheus_http_requests_total{}[5m]))");
        const int cursor = int(text.indexOf(u'{')) + 1;
        Answer a;
        QVERIFY(completeAndWait(
            c, text, cursor, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(a.context.kind, PromqlCompletionContext::Kind::LabelName);
        QCOMPARE(a.context.metric, QStringLiteral("prometheus_http_requests_total"));
        // The server's label names for that metric (without __name__).
        const QJsonObject o =
            m_prom.queryJson(QStringLiteral("/api/v1/labels"),
                             QUrlQuery{{QStringLiteral("match[]"),
                                        QStringLiteral("prometheus_http_requests_total")}});
        QStringList expected;
        for (const QJsonValue &v : o.value(QLatin1String("data")).toArray())
            if (v.toString() != QLatin1String("__name__"))
                expected << v.toString();
        QVERIFY(expected.contains(QStringLiteral("handler")));
        QCOMPARE(labelsOf(a.items), expected);
        const PromqlCompletionItem *handler = findItem(a.items, QStringLiteral("handler"));
        QCOMPARE(handler->insertText, QStringLiteral("handler=\"\""));
        QCOMPARE(handler->cursorOffset, 9);

        // Labels already used are not offered again; grouping labels come from the metric.
        const QString t2 = QStringLiteral("prometheus_http_requests_total{job=\"prometheus\", }");
        QVERIFY(completeAndWait(
            c, t2, int(t2.size()) - 1, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QVERIFY(!labelsOf(a.items).contains(QStringLiteral("job")));
        QVERIFY(labelsOf(a.items).contains(QStringLiteral("handler")));
        const QString t3 = QStringLiteral("sum by (ha) (prometheus_http_requests_total)");
        QVERIFY(completeAndWait(
            c, t3, 10, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(labelsOf(a.items), QStringList{QStringLiteral("handler")});
        QCOMPARE(a.items.first().insertText, QStringLiteral("handler"));
    }

    void labelValuesOfMetric()
    {
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        const QString text = QStringLiteral("prometheus_http_requests_total{job=\"prometheus\", "
                                            "handler=\"/api/v1/q\"}");
        const int cursor = int(text.indexOf(QStringLiteral("/q\"")) + 2);
        Answer a;
        // Make sure the query handler has been hit and scraped.
        QVERIFY(m_prom.waitForSeries(
            QStringLiteral("prometheus_http_requests_total{handler=\"/api/v1/query\"}")));
        QVERIFY(completeAndWait(
            c, text, cursor, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(a.context.kind, PromqlCompletionContext::Kind::LabelValue);
        QCOMPARE(a.context.label, QStringLiteral("handler"));
        QCOMPARE(a.context.selector(),
                 QStringLiteral("prometheus_http_requests_total{job=\"prometheus\"}"));
        const QJsonObject o = m_prom.queryJson(
            QStringLiteral("/api/v1/label/handler/values"),
            QUrlQuery{{QStringLiteral("match[]"),
                       QStringLiteral("prometheus_http_requests_total{job=\"prometheus\"}")}});
        QStringList expected;
        for (const QJsonValue &v : o.value(QLatin1String("data")).toArray())
            if (v.toString().startsWith(QLatin1String("/api/v1/q")))
                expected << v.toString();
        QVERIFY(!expected.isEmpty());
        // The values starting with what is typed, shorter first ("/api/v1/query" before
        // "/api/v1/query_range"), before any that only contain it.
        std::sort(expected.begin(), expected.end(), [](const QString &x, const QString &y) {
            return x.size() != y.size() ? x.size() < y.size() : x < y;
        });
        QCOMPARE(labelsOf(a.items).mid(0, expected.size()), expected);
        QCOMPARE(a.items.first().label, QStringLiteral("/api/v1/query"));
        // Inside an open string with its closing quote: only the value is inserted.
        QCOMPARE(findItem(a.items, QStringLiteral("/api/v1/query"))->insertText,
                 QStringLiteral("/api/v1/query"));
        QCOMPARE(text.mid(a.context.replaceStart, a.context.replaceLength),
                 QStringLiteral("/api/v1/q"));

        // Unquoted: the value comes with its quotes.
        const QString t2 = QStringLiteral("up{job=}");
        QVERIFY(completeAndWait(
            c, t2, 7, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(labelsOf(a.items), QStringList{QStringLiteral("prometheus")});
        QCOMPARE(a.items.first().insertText, QStringLiteral("\"prometheus\""));
    }

    void matchRanks()
    {
        using R = PromqlMatchRank;
        const QString d = QStringLiteral("http_request_duration_seconds");
        QCOMPARE(promqlMatchRank(d, u"http_request_duration_seconds"), R::Exact);
        QCOMPARE(promqlMatchRank(d, u"http"), R::Prefix);
        QCOMPARE(promqlMatchRank(d, u"dur"), R::WordStart);
        QCOMPARE(promqlMatchRank(d, u"seconds"), R::WordStart);
        QCOMPARE(promqlMatchRank(d, u"ation"), R::Substring);
        QCOMPARE(promqlMatchRank(d, u"hrds"), R::Fuzzy);
        QCOMPARE(promqlMatchRank(d, u"xyz"), R::None);
        QCOMPARE(promqlMatchRank(d, u""), R::Prefix);
        // Case-insensitive; camelCase and other separators start words too.
        QCOMPARE(promqlMatchRank(u"HTTP_Requests", u"http_requests"), R::Exact);
        QCOMPARE(promqlMatchRank(u"apiServerLatency", u"server"), R::WordStart);
        QCOMPARE(promqlMatchRank(u"/api/v1/query", u"query"), R::WordStart);
        QCOMPARE(promqlMatchRank(u"node:cpu:rate5m", u"cpu"), R::WordStart);
        // A later word start beats an earlier plain substring.
        QCOMPARE(promqlMatchRank(u"redur_dur", u"dur"), R::WordStart);

        const QStringList names = {
            QStringLiteral("abc"),
            QStringLiteral("http_request_duration_seconds"),
            QStringLiteral("d_u_r"),
            QStringLiteral("xdurx"),
            QStringLiteral("go_gc_duration_seconds"),
            QStringLiteral("duration_total"),
            QStringLiteral("dur"),
            QStringLiteral("duration_sum"),
        };
        QStringList ranked;
        for (int i : promqlRankCandidates(names, QStringLiteral("DUR"), 0))
            ranked << names.at(i);
        QCOMPARE(ranked, (QStringList{QStringLiteral("dur"), QStringLiteral("duration_sum"),
                                      QStringLiteral("duration_total"),
                                      QStringLiteral("go_gc_duration_seconds"),
                                      QStringLiteral("http_request_duration_seconds"),
                                      QStringLiteral("xdurx"), QStringLiteral("d_u_r")}));
        QCOMPARE(promqlRankCandidates(names, QStringLiteral("dur"), 2), (QList<int>{6, 7}));
        // Nothing typed: all, in the order given.
        QCOMPARE(promqlRankCandidates(names, QString(), 3), (QList<int>{0, 1, 2}));
    }

    void rankingOfServerNames()
    {
        // The names of a real server ranked for "dur": functions and names together, exact,
        // then prefix, word start, substring and fuzzy matches, shorter first in each rank.
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        Answer a;
        const QString text = QStringLiteral("rate(dur");
        QVERIFY(completeAndWait(
            c, text, int(text.size()),
            [](const Answer &a) {
                return findItem(a.items,
                                QStringLiteral("prometheus_http_request_duration_seconds_count"));
            },
            &a));
        const QJsonObject o = m_prom.queryJson(QStringLiteral("/api/v1/label/__name__/values"));
        QStringList serverNames;
        for (const QJsonValue &v : o.value(QLatin1String("data")).toArray())
            serverNames << v.toString();
        auto rankOf = [](const QString &s) { return int(promqlMatchRank(s, u"dur")); };
        int metrics = 0;
        for (int i = 0; i < a.items.size(); ++i) {
            const PromqlCompletionItem &it = a.items.at(i);
            QVERIFY2(rankOf(it.label) < int(PromqlMatchRank::None), qPrintable(it.label));
            if (it.kind == PromqlCompletionItem::Kind::Metric) {
                ++metrics;
                QVERIFY2(serverNames.contains(it.label), qPrintable(it.label));
            }
            if (i == 0)
                continue;
            const PromqlCompletionItem &prev = a.items.at(i - 1);
            QVERIFY2(rankOf(prev.label) < rankOf(it.label) ||
                         (rankOf(prev.label) == rankOf(it.label) &&
                          (prev.label.size() < it.label.size() ||
                           (prev.label.size() == it.label.size() && prev.label < it.label))),
                     qPrintable(prev.label + QStringLiteral(" before ") + it.label));
        }
        // Every server name matching "dur" is offered.
        int matching = 0;
        for (const QString &n : serverNames)
            matching += rankOf(n) < int(PromqlMatchRank::None);
        QCOMPARE(metrics, matching);
        // The word start "duration" ranks above names only containing "dur" as a fuzzy match.
        const PromqlCompletionItem &first = a.items.first();
        QCOMPARE(promqlMatchRank(first.label, u"dur"), PromqlMatchRank::WordStart);

        // An exact function name comes first, before longer names starting with it.
        const QString t2 = QStringLiteral("rat");
        QVERIFY(completeAndWait(
            c, t2, 3, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(a.items.first().label, QStringLiteral("rate"));
        const QString t3 = QStringLiteral("count");
        QVERIFY(completeAndWait(
            c, t3, 5, [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(labelsOf(a.items).mid(0, 3),
                 (QStringList{QStringLiteral("count"), QStringLiteral("count_values"),
                              QStringLiteral("count_over_time")}));

        // The fast path over the cached names ranks exactly as promqlRankCandidates does.
        c.setMaxItems(0);
        for (const QString &typed : {QStringLiteral("dur"), QStringLiteral("total"),
                                     QStringLiteral("phrq"), QStringLiteral("prometheus_tsdb_")}) {
            QVERIFY(completeAndWait(
                c, typed, int(typed.size()), [](const Answer &a) { return !a.items.isEmpty(); },
                &a));
            QStringList got;
            for (const PromqlCompletionItem &i : a.items)
                if (i.kind == PromqlCompletionItem::Kind::Metric)
                    got << i.label;
            QStringList expected;
            for (int i : promqlRankCandidates(serverNames, typed, 0))
                expected << serverNames.at(i);
            QCOMPARE(got, expected);
            QVERIFY(!expected.isEmpty());
        }
    }

    void callContext()
    {
        // The call around the cursor ("|" marks it), for the signature hint.
        struct Case
        {
            QString text;
            QString function;
            int argument;
            bool grouping;
        };
        const QList<Case> cases = {
            {QStringLiteral("rate(|"), QStringLiteral("rate"), 0, false},
            {QStringLiteral("rate|("), QString(), -1, false},
            {QStringLiteral("clamp(x, 1|, 2)"), QStringLiteral("clamp"), 1, false},
            {QStringLiteral("clamp(x, 1, |2)"), QStringLiteral("clamp"), 2, false},
            {QStringLiteral("clamp(x, 1, 2)|"), QString(), -1, false},
            {QStringLiteral("histogram_quantile(0.9, |sum by (le) (rate(x[5m])))"),
             QStringLiteral("histogram_quantile"), 1, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (l|e) (rate(x[5m])))"),
             QStringLiteral("sum"), -1, true},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (|rate(x[5m])))"),
             QStringLiteral("sum"), 0, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(x{a=\"1,|2\"}[5m])))"),
             QStringLiteral("rate"), 0, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(x{a=\"1\",| b=\"2\"}))"),
             QStringLiteral("rate"), 0, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(x[5|m])))"),
             QStringLiteral("rate"), 0, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(x[5m]))|)"),
             QStringLiteral("histogram_quantile"), 1, false},
            {QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(x[5m])))|"), QString(), -1,
             false},
            {QStringLiteral("topk by (job) (5, |up)"), QStringLiteral("topk"), 1, false},
            {QStringLiteral("TOPK BY (job) (5, |up)"), QStringLiteral("topk"), 1, false},
            {QStringLiteral("topk(5, up) without (|)"), QStringLiteral("topk"), -1, true},
            {QStringLiteral("sum(up) by (job) + count(|"), QStringLiteral("count"), 0, false},
            {QStringLiteral("label_join(up, \"a\", \",\", |"), QStringLiteral("label_join"), 3,
             false},
            {QStringLiteral("label_replace(up, \"dst\", \"$1, |"), QStringLiteral("label_replace"),
             2, false},
            {QStringLiteral("rate((|"), QStringLiteral("rate"), 0, false},
            {QStringLiteral("(1 + |"), QString(), -1, false},
            {QStringLiteral("rate( # a, b\n x|"), QStringLiteral("rate"), 0, false},
            {QStringLiteral("up + on (|"), QString(), -1, false},
        };
        for (const Case &c : cases) {
            QString text = c.text;
            const int cursor = int(text.indexOf(u'|'));
            text.remove(cursor, 1);
            const PromqlCallContext ctx = promqlCallContext(text, cursor);
            QVERIFY2(ctx.function == c.function && ctx.argument == c.argument &&
                         ctx.grouping == c.grouping,
                     qPrintable(c.text + QStringLiteral(" -> ") + ctx.function + u' ' +
                                QString::number(ctx.argument)));
            QCOMPARE(ctx.isValid(), !c.function.isEmpty());
        }
        const QString t = QStringLiteral("sum by (le) (rate(x[5m]))");
        QCOMPARE(promqlCallContext(t, 9).openParen, 7);
        QCOMPARE(promqlCallContext(t, 13).openParen, 12);
    }

    void signatureParts()
    {
        const PromqlSignatureParts clamp =
            promqlSignatureParts(PromqlCatalogue::find(u"clamp")->signatureString());
        QCOMPARE(clamp.head, QStringLiteral("clamp("));
        QCOMPARE(clamp.arguments,
                 (QStringList{QStringLiteral("v instant-vector"), QStringLiteral("min scalar"),
                              QStringLiteral("max scalar")}));
        QCOMPARE(clamp.tail, QStringLiteral(") → instant-vector"));
        QCOMPARE(clamp.groupingStart, -1);
        const PromqlSignatureParts topk =
            promqlSignatureParts(PromqlCatalogue::find(u"topk")->signatureString());
        QCOMPARE(topk.head.mid(topk.groupingStart, topk.groupingLength),
                 QStringLiteral("[by|without (label, …)]"));
        QCOMPARE(topk.arguments,
                 (QStringList{QStringLiteral("k scalar"), QStringLiteral("v instant-vector")}));
        QCOMPARE(topk.tail, QStringLiteral(")"));
        QVERIFY(promqlSignatureParts(PromqlCatalogue::find(u"time")->signatureString())
                    .arguments.isEmpty());
        QCOMPARE(promqlSignatureParts(PromqlCatalogue::find(u"day_of_month")->signatureString())
                     .arguments,
                 QStringList{QStringLiteral("v=vector(time()) instant-vector")});
        QVERIFY(promqlSignatureParts(PromqlCatalogue::find(u"label_join")->signatureString())
                    .variadic());
        QVERIFY(!clamp.variadic());
        // Every function and aggregation: the parts give the signature back.
        for (const PromqlCatalogueEntry &e : PromqlCatalogue::entries()) {
            if (!e.takesArguments())
                continue;
            const PromqlSignatureParts p = promqlSignatureParts(e.signatureString());
            QCOMPARE(p.head + p.arguments.join(QStringLiteral(", ")) + p.tail, e.signatureString());
            QVERIFY2(p.head.startsWith(e.nameString()), e.name);
            QCOMPARE(p.groupingStart >= 0, e.kind == PromqlCatalogueEntry::Kind::Aggregation);
        }
    }

    void debounceAndSupersede()
    {
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        c.setDebounceMs(200);
        // Quick typing: each keystroke supersedes the last; only the last context is fetched.
        const QStringList steps = {QStringLiteral("up{"), QStringLiteral("up{j"),
                                   QStringLiteral("up{job=\""), QStringLiteral("up{job=\"p")};
        for (const QString &s : steps)
            c.complete(s, int(s.size()));
        QCOMPARE(c.requestCount(), 0); // nothing sent while typing
        QVERIFY(c.isFetching());
        Answer a;
        QVERIFY(completeAndWait(
            c, steps.last(), int(steps.last().size()),
            [](const Answer &a) { return !a.items.isEmpty(); }, &a));
        QCOMPARE(c.requestCount(), 1);
        QCOMPARE(labelsOf(a.items), QStringList{QStringLiteral("prometheus")});
        QVERIFY(!c.isFetching());
        // A superseded lookup in flight is aborted and never answers.
        QSignalSpy spy(&c, &PromqlCompleter::candidatesReady);
        c.complete(QStringLiteral("up{instance=\""), 13);
        c.fetchNow();
        QCOMPARE(c.requestCount(), 2);
        QCOMPARE(source->inFlightCount() + source->queuedCount(), 1);
        // The new context needs metric names: the instance lookup is aborted at once.
        c.complete(QStringLiteral("1 + "), 4);
        QCOMPARE(source->inFlightCount() + source->queuedCount(), 0);
        QVERIFY(PrometheusFixture::waitFor([&] { return !c.isFetching(); }, 20000));
        QCOMPARE(c.requestCount(), 4); // names and metadata
        for (const QList<QVariant> &args : spy) {
            const auto ctx = args.at(0).value<PromqlCompletionContext>();
            if (ctx.kind == PromqlCompletionContext::Kind::LabelValue)
                QVERIFY(args.at(1).value<QList<PromqlCompletionItem>>().isEmpty());
        }
        QVERIFY(spy.count() >= 2);
    }

    void largeServerNarrowsByPrefix()
    {
        auto source = makeSource(m_prom.url());
        PromqlCompleter c;
        c.setDataSource(source.get());
        c.setMetricNameLimit(5); // as if the server had far more names than we fetch
        Answer a;
        QVERIFY(completeAndWait(
            c, QString(), 0,
            [](const Answer &a) {
                int metrics = 0;
                for (const auto &i : a.items)
                    metrics += i.kind == PromqlCompletionItem::Kind::Metric;
                return metrics > 0;
            },
            &a));
        int metrics = 0;
        for (const auto &i : a.items)
            metrics += i.kind == PromqlCompletionItem::Kind::Metric;
        QCOMPARE(metrics, 5);
        // A prefix is looked up on the server (regex on __name__), limited again.
        const QString text = QStringLiteral("prometheus_tsdb_head_ser");
        QVERIFY(completeAndWait(
            c, text, int(text.size()),
            [](const Answer &a) {
                return findItem(a.items, QStringLiteral("prometheus_tsdb_head_series"));
            },
            &a));
        for (const auto &i : a.items)
            QVERIFY2(i.label.startsWith(text), qPrintable(i.label));
        // Words inside the names are looked up on the server too: names that were not among
        // the first five are found.
        const QString word = QStringLiteral("rate(http_request_duration_seconds_c");
        QVERIFY(completeAndWait(
            c, word, int(word.size()),
            [](const Answer &a) {
                return findItem(a.items,
                                QStringLiteral("prometheus_http_request_duration_seconds_count"));
            },
            &a));
        for (const auto &i : a.items) {
            QVERIFY2(i.label.contains(QStringLiteral("http_request_duration_seconds_c")),
                     qPrintable(i.label));
            QCOMPARE(promqlMatchRank(i.label, u"http_request_duration_seconds_c"),
                     PromqlMatchRank::WordStart);
        }
    }

    void failureIsReported()
    {
        auto source = makeSource(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(PrometheusFixture::freePort())));
        PromqlCompleter c;
        c.setDataSource(source.get());
        QSignalSpy failed(&c, &PromqlCompleter::lookupFailed);
        c.complete(QStringLiteral("up{"), 3);
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("refused")),
                 qPrintable(failed.first().at(0).toString()));
        QVERIFY(PrometheusFixture::waitFor([&] { return !c.isFetching(); }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestPromqlCompletion)
#include "test_promqlcompletion.moc"
