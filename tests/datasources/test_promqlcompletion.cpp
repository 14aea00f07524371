// PromQL completion against a real Prometheus: metric names with HELP/TYPE from
// /api/v1/metadata, label names of a metric, label values; debounce, cache, cancellation, the
// large-server path (names cut at the limit, narrowed on the server by prefix) and failures.
#include "prometheusdatasource.h"
#include "prometheusfixture.h"
#include "promqlcompletion.h"

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
        s.timeoutMs = 20000;
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
        // Every candidate starts with the prefix or contains it.
        for (const PromqlCompletionItem &i : a.items)
            QVERIFY2(i.label.contains(QStringLiteral("prometheus_http_req")), qPrintable(i.label));
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
        QCOMPARE(labelsOf(a.items), expected);
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
