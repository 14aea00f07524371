#include "dashboards/model/dashboardio.h"
#include "dashboards/query/interval.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

using namespace pharos;

namespace {

/// A unit-test double: records every query and answers only when the test says so.
class FakeDataSource : public DataSource, public PromqlSource
{
public:
    struct Request
    {
        QueryRequest request;
        QPointer<QueryReply> reply;
    };
    explicit FakeDataSource(int scrapeMs = 15000)
        : DataSource([] {
              DataSourceSettings s;
              s.name = QStringLiteral("fake");
              s.uid = QStringLiteral("fake-uid");
              return s;
          }()),
          m_scrapeMs(scrapeMs)
    {
    }
    std::vector<Request> requests;
    int scrapeIntervalMs() const override { return m_scrapeMs; }

    PromqlSource *promql() override { return this; }
    QueryReply *query(const QueryRequest &request) override
    {
        auto *reply = new QueryReply;
        requests.push_back({request, reply});
        return reply;
    }
    StringListReply *labelNames(const QStringList &, qint64, qint64) override
    {
        return unsupported<StringListReply>();
    }
    StringListReply *labelValues(const QString &, const QStringList &, int) override
    {
        return unsupported<StringListReply>();
    }
    SeriesReply *series(const QStringList &, qint64, qint64) override
    {
        return unsupported<SeriesReply>();
    }
    MetadataReply *metadata(const QString &, int) override { return unsupported<MetadataReply>(); }
    BuildInfoReply *buildInfo() override { return unsupported<BuildInfoReply>(); }
    TestReply *testConnection() override { return unsupported<TestReply>(); }

    /// Answers request i with one series whose single value is `value`.
    static void answer(const Request &r, double value)
    {
        QVERIFY(r.reply);
        QueryResult result;
        result.type = r.request.instant ? ResultType::Vector : ResultType::Matrix;
        Frame f;
        f.labels = {{QStringLiteral("job"), QStringLiteral("x")}};
        f.timestamps = {r.request.instant ? r.request.timeMs : r.request.endMs};
        f.values = {value};
        result.frames.push_back(std::move(f));
        r.reply->setResult(std::move(result));
        r.reply->finish();
    }
    int countFor(const QString &exprPart) const
    {
        int n = 0;
        for (const Request &r : requests)
            n += r.request.expr.contains(exprPart);
        return n;
    }

private:
    template <typename Reply> static Reply *unsupported()
    {
        auto *reply = new Reply;
        DataSourceError e;
        e.kind = DataSourceError::Kind::Unsupported;
        reply->setError(e);
        return reply;
    }

    int m_scrapeMs;
};

const QDateTime kNow =
    QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00.000Z"), Qt::ISODateWithMs);

QList<PanelModel> panelsFrom(const char *json)
{
    QString error;
    auto d = Dashboard::fromJson(QByteArray(json), &error);
    if (!d)
        qFatal("bad test dashboard: %s", qPrintable(error));
    return d->allPanels();
}

const char *const kTwoPanels = R"({"panels":[
  {"id":1,"type":"timeseries","targets":[{"refId":"A","expr":"up_one"}]},
  {"id":2,"type":"stat","targets":[{"refId":"A","expr":"up_two"}]}]})";

void drainDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

} // namespace

class TestQueryScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refreshAbortsPreviousAndDropsStaleAnswers()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setTimeZone(QTimeZone::utc());
        s.setPanels(panelsFrom(kTwoPanels));
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        QSignalSpy loading(&s, &QueryScheduler::panelLoading);
        QSignalSpy idle(&s, &QueryScheduler::idle);

        s.refresh();
        QCOMPARE(fake.requests.size(), size_t(2));
        QCOMPARE(loading.size(), 2);
        QVERIFY(!s.isIdle());
        QCOMPARE(idle.size(), 0);
        const quint64 first = s.generation();
        // Panel 1 answers in the first refresh.
        FakeDataSource::answer(fake.requests[0], 1.0);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready[0][0].toInt(), 1);
        QCOMPARE(ready[0][1].value<PanelDataPtr>()->generation, first);
        QPointer<DataSourceReply> oldPending = fake.requests[1].reply.data();

        s.refresh(); // panel 2's request of the first refresh is aborted
        QVERIFY(s.generation() > first);
        QVERIFY(oldPending);
        QVERIFY(oldPending->isAborted());
        QCOMPARE(fake.requests.size(), size_t(4));
        // A misbehaving source delivering the old answer anyway: thrown away.
        Q_EMIT oldPending->finished();
        QCOMPARE(ready.size(), 1);
        drainDeletes();
        QVERIFY(!oldPending); // deleted by the scheduler

        FakeDataSource::answer(fake.requests[3], 42.0);
        FakeDataSource::answer(fake.requests[2], 7.0);
        QCOMPARE(ready.size(), 3);
        QCOMPARE(idle.size(), 1);
        QVERIFY(s.isIdle());
        for (int i = 1; i < 3; ++i) {
            const PanelDataPtr d = ready[i][1].value<PanelDataPtr>();
            QCOMPARE(d->generation, s.generation());
            QCOMPARE(d->targets.size(), size_t(1));
            QVERIFY(!d->hasError());
            const double v = d->targets[0].result.frames.at(0).values.at(0);
            QCOMPARE(v, d->panelId == 2 ? 42.0 : 7.0);
        }
        drainDeletes();
        for (const auto &r : fake.requests)
            QVERIFY(!r.reply); // every reply deleted once done or aborted
    }

    void setPanelsAbortsAndDeletingSchedulerAborts()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        auto *s = new QueryScheduler(&registry);
        s->setClock([] { return kNow; });
        s->setPanels(panelsFrom(kTwoPanels));
        s->refresh();
        QCOMPARE(fake.requests.size(), size_t(2));
        QPointer<DataSourceReply> r0 = fake.requests[0].reply.data();
        s->setPanels(panelsFrom(kTwoPanels));
        QVERIFY(r0 && r0->isAborted());
        s->refresh();
        QPointer<DataSourceReply> r2 = fake.requests[2].reply.data();
        delete s;
        QVERIFY(!r2 || r2->isAborted());
        drainDeletes();
        for (const auto &r : fake.requests)
            QVERIFY(!r.reply);
    }

    void invisiblePanelsWaitUntilVisible()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(kTwoPanels));
        s.setPanelVisible(2, false);
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        QSignalSpy idle(&s, &QueryScheduler::idle);
        s.refresh();
        QCOMPARE(fake.requests.size(), size_t(1));
        QVERIFY(fake.requests[0].request.expr.contains(QLatin1String("up_one")));
        FakeDataSource::answer(fake.requests[0], 1);
        QCOMPARE(idle.size(), 1);
        QCOMPARE(fake.countFor(QStringLiteral("up_two")), 0);

        s.setPanelVisible(2, true); // stale: queries now, in the current refresh
        QCOMPARE(fake.requests.size(), size_t(2));
        QVERIFY(fake.requests[1].request.expr.contains(QLatin1String("up_two")));
        FakeDataSource::answer(fake.requests[1], 2);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(ready[1][1].value<PanelDataPtr>()->generation, s.generation());
        // Hiding and showing again without a new refresh does not re-query.
        s.setPanelVisible(2, false);
        s.setPanelVisible(2, true);
        QCOMPARE(fake.requests.size(), size_t(2));
    }

    void inactiveWindowSkipsTicksAndCatchesUpOnce()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(kTwoPanels));
        s.setActive(false);
        s.setRefreshInterval(QStringLiteral("0.02")); // 20 ms ticks
        QCOMPARE(s.refreshInterval(), QStringLiteral("0.02"));
        QTest::qWait(200); // ~10 ticks while inactive
        QCOMPARE(fake.requests.size(), size_t(0));
        QCOMPARE(s.generation(), quint64(0));
        s.setRefreshInterval(QStringLiteral("off"));
        s.setActive(true); // one catch-up refresh
        QCOMPARE(s.generation(), quint64(1));
        QCOMPARE(fake.requests.size(), size_t(2));
        QTest::qWait(100); // timer off: nothing more
        QCOMPARE(s.generation(), quint64(1));
        s.setActive(false);
        s.setActive(true); // no missed tick: no refresh
        QCOMPARE(s.generation(), quint64(1));
        // While active, the timer refreshes.
        s.setRefreshInterval(QStringLiteral("0.02"));
        QTRY_VERIFY(s.generation() >= 3);
        s.setRefreshInterval(QString());
    }

    void stepIntervalAndExprMatchComputeInterval_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("panelExtra");
        QTest::addColumn<QString>("targetInterval");
        QTest::addColumn<int>("expectedPoints");
        QTest::addColumn<qint64>("expectedPanelMin");
        QTest::addColumn<qint64>("expectedMinStep");
        const qint64 none = 0;
        QTest::newRow("1h at 1000px") << 1000 << "now-1h"
                                      << ""
                                      << "" << 1000 << none << none;
        QTest::newRow("7d at 1500px") << 1500 << "now-7d"
                                      << ""
                                      << "" << 1500 << none << none;
        QTest::newRow("unknown width") << 0 << "now-6h"
                                       << ""
                                       << "" << 1000 << none << none;
        QTest::newRow("maxDataPoints") << 1200 << "now-6h"
                                       << R"("maxDataPoints":300,)"
                                       << "" << 300 << none << none;
        QTest::newRow("target min step") << 800 << "now-1h"
                                         << ""
                                         << "30s" << 800 << none << qint64(30000);
        QTest::newRow("panel interval") << 800 << "now-1h"
                                        << R"("interval":"1m",)"
                                        << "" << 800 << qint64(60000) << none;
        QTest::newRow("panel interval below scrape") << 800 << "now-1h"
                                                     << R"("interval":"2s",)"
                                                     << "" << 800 << qint64(2000) << none;
        QTest::newRow("rate_interval as min ignored") << 800 << "now-1h"
                                                      << ""
                                                      << "$__rate_interval" << 800 << none << none;
        QTest::newRow("target and panel") << 800 << "now-1h"
                                          << R"("interval":"1m",)"
                                          << "10s" << 800 << qint64(60000) << qint64(10000);
    }

    void stepIntervalAndExprMatchComputeInterval()
    {
        QFETCH(int, width);
        QFETCH(QString, from);
        QFETCH(QString, panelExtra);
        QFETCH(QString, targetInterval);
        QFETCH(int, expectedPoints);
        QFETCH(qint64, expectedPanelMin);
        QFETCH(qint64, expectedMinStep);
        FakeDataSource fake(10000); // scrape 10 s
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setTimeZone(QTimeZone::utc());
        s.setTimeRange({from, QStringLiteral("now")});
        const QString json = QStringLiteral(R"({"panels":[{"id":5,"type":"timeseries",%1"targets":[
                {"refId":"A","interval":"%2","intervalFactor":2,
                 "expr":"rate(x[$__rate_interval]) / $__interval_ms + ${__interval} + $__range_s"}]}]})")
                                 .arg(panelExtra, targetInterval);
        auto d = Dashboard::fromJson(json.toUtf8());
        QVERIFY(d);
        s.setPanels(d->allPanels());
        if (width > 0)
            s.setPanelWidth(5, width);
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        s.refresh();
        QCOMPARE(fake.requests.size(), size_t(1));
        const QueryRequest req = fake.requests[0].request;

        const auto range = TimeRange{from, QStringLiteral("now")}.resolve(kNow, QTimeZone::utc());
        QVERIFY(range);
        QCOMPARE(s.resolvedRange().fromMs, range->fromMs);
        QCOMPARE(s.resolvedRange().toMs, range->toMs);
        IntervalInput in;
        in.fromMs = range->fromMs;
        in.toMs = range->toMs;
        in.maxDataPoints = expectedPoints;
        in.panelMinIntervalMs = expectedPanelMin;
        in.minStepMs = expectedMinStep;
        in.scrapeIntervalMs = 10000;
        in.intervalFactor = 2;
        const IntervalResult expected = computeInterval(in);
        QVERIFY(!req.instant);
        QCOMPARE(req.stepMs, expected.stepMs);
        QCOMPARE(req.startMs, expected.startMs);
        QCOMPARE(req.endMs, expected.endMs);
        QCOMPARE(req.expr, substituteMacros(QStringLiteral("rate(x[$__rate_interval]) / "
                                                           "$__interval_ms + ${__interval} + "
                                                           "$__range_s"),
                                            expected, range->spanMs()));
        QVERIFY(!req.expr.contains(QLatin1Char('$')));
        FakeDataSource::answer(fake.requests[0], 3);
        QCOMPARE(ready.size(), 1);
        const PanelDataPtr data = ready[0][1].value<PanelDataPtr>();
        QCOMPARE(data->intervalMs, expected.intervalMs);
        QCOMPARE(data->stepMs, expected.stepMs);
        QCOMPARE(data->fromMs, range->fromMs);
        QCOMPARE(data->toMs, range->toMs);
        QCOMPARE(data->targets[0].expr, req.expr);
    }

    void targetsHiddenInstantRangeAndMissingDataSource()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(R"({"panels":[
          {"id":1,"type":"timeseries","targets":[
             {"refId":"A","expr":"range_only"},
             {"refId":"B","expr":"hidden","hide":true},
             {"refId":"C","expr":"instant_only","instant":true},
             {"refId":"D","expr":"both","instant":true,"range":true,"legendFormat":"{{job}}"},
             {"refId":"E","expr":""},
             {"refId":"F","expr":"grafana_ds","datasource":{"type":"grafana","uid":"-- Grafana --"}}]},
          {"id":2,"type":"text","options":{"content":"hello"}},
          {"id":3,"type":"row","collapsed":false,"panels":[]}]})"));
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        QSignalSpy loading(&s, &QueryScheduler::panelLoading);
        QSignalSpy idle(&s, &QueryScheduler::idle);
        s.refresh();
        QCOMPARE(loading.size(), 1); // the text panel and the row do not query
        QCOMPARE(fake.requests.size(), size_t(4));
        QCOMPARE(fake.countFor(QStringLiteral("hidden")), 0);
        QCOMPARE(fake.countFor(QStringLiteral("grafana_ds")), 0);
        QCOMPARE(fake.requests[0].request.expr, QStringLiteral("range_only"));
        QVERIFY(!fake.requests[0].request.instant);
        QVERIFY(fake.requests[0].request.stepMs > 0);
        QCOMPARE(fake.requests[1].request.expr, QStringLiteral("instant_only"));
        QVERIFY(fake.requests[1].request.instant);
        QCOMPARE(fake.requests[1].request.timeMs, kNow.toMSecsSinceEpoch());
        QCOMPARE(fake.requests[2].request.expr, QStringLiteral("both"));
        QVERIFY(!fake.requests[2].request.instant);
        QCOMPARE(fake.requests[3].request.expr, QStringLiteral("both"));
        QVERIFY(fake.requests[3].request.instant);
        for (int i = 3; i >= 0; --i) {
            QCOMPARE(ready.size(), 0);
            FakeDataSource::answer(fake.requests[size_t(i)], i);
        }
        QCOMPARE(ready.size(), 1);
        QCOMPARE(idle.size(), 1);
        const PanelDataPtr d = ready[0][1].value<PanelDataPtr>();
        QCOMPARE(d->targets.size(), size_t(5));
        const QStringList refIds{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("D"),
                                 QStringLiteral("D"), QStringLiteral("F")};
        for (size_t i = 0; i < d->targets.size(); ++i)
            QCOMPARE(d->targets[i].refId, refIds[int(i)]);
        QVERIFY(d->targets[1].instant);
        QVERIFY(!d->targets[2].instant);
        QVERIFY(d->targets[3].instant);
        QCOMPARE(d->targets[2].legendFormat, QStringLiteral("{{job}}"));
        QCOMPARE(d->targets[0].result.frames.at(0).values.at(0), 0.0);
        QCOMPARE(d->targets[3].result.frames.at(0).values.at(0), 3.0);
        // Only F failed, with the resolver's message.
        for (size_t i = 0; i < 4; ++i)
            QVERIFY(!d->targets[i].error.isError());
        QVERIFY(d->targets[4].error.isError());
        QVERIFY(d->hasError());
        QVERIFY2(d->errorMessage().startsWith(QLatin1String("F: ")), qPrintable(d->errorMessage()));
        QVERIFY2(d->errorMessage().contains(QLatin1String("-- Grafana --")),
                 qPrintable(d->errorMessage()));
        QVERIFY(!d->isEmpty());
    }

    void noDataSourceAtAll()
    {
        DataSourceRegistry registry; // empty
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(kTwoPanels));
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        QSignalSpy idle(&s, &QueryScheduler::idle);
        s.refresh();
        QCOMPARE(ready.size(), 2);
        QCOMPARE(idle.size(), 1);
        for (const auto &args : ready) {
            const PanelDataPtr d = args[1].value<PanelDataPtr>();
            QVERIFY(d->hasError());
            QVERIFY(!d->errorMessage().isEmpty());
        }
    }

    void dataSourceWithoutPromqlSaysSo()
    {
        // A type without the PromQL capability (as an Alertmanager will be): its panels get
        // the reason on the panel, as any other failure, and the refresh still goes idle.
        class NoPromql : public DataSource
        {
        public:
            NoPromql() : DataSource(settings()) {}
            static DataSourceSettings settings()
            {
                DataSourceSettings s;
                s.name = QStringLiteral("alerts-only");
                s.uid = QStringLiteral("alerts-only");
                return s;
            }
            TestReply *testConnection() override { return new TestReply; }
        } source;
        QVERIFY(!source.promql());
        DataSourceRegistry registry;
        registry.setOverride(&source);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(kTwoPanels));
        QSignalSpy ready(&s, &QueryScheduler::panelDataReady);
        QSignalSpy idle(&s, &QueryScheduler::idle);
        s.refresh();
        QTRY_COMPARE(ready.size(), 2);
        QTRY_COMPARE(idle.size(), 1);
        for (const auto &args : ready) {
            const PanelDataPtr d = args[1].value<PanelDataPtr>();
            QCOMPARE(d->targets.size(), size_t(1));
            QCOMPARE(d->targets[0].error.kind, DataSourceError::Kind::Unsupported);
            QCOMPARE(d->errorMessage(), QStringLiteral("A: ") + d->targets[0].error.message());
            QVERIFY2(
                d->errorMessage().contains(QLatin1String("alerts-only does not answer PromQL")),
                qPrintable(d->errorMessage()));
        }
        drainDeletes();
    }

    void badTimeRange()
    {
        FakeDataSource fake;
        DataSourceRegistry registry;
        registry.setOverride(&fake);
        QueryScheduler s(&registry);
        s.setClock([] { return kNow; });
        s.setPanels(panelsFrom(kTwoPanels));
        s.setTimeRange({QStringLiteral("now-1x"), QStringLiteral("now")});
        QSignalSpy error(&s, &QueryScheduler::timeRangeError);
        s.refresh();
        QCOMPARE(error.size(), 1);
        QVERIFY(error[0][0].toString().contains(QLatin1String("now-1x")));
        QCOMPARE(fake.requests.size(), size_t(0));
        QVERIFY(s.isIdle());
    }

    void realPrometheusBundledDashboard()
    {
        test::PrometheusFixture prom;
        QString error;
        if (!prom.start(&error))
            QFAIL(qPrintable(error));
        // $__rate_interval at a 1 s scrape is 4 s: let a few more scrapes land so every rate()
        // has two samples in its window (a readiness wait, not a timing assertion).
        const bool enoughData = test::PrometheusFixture::waitFor(
            [&prom] {
                const QJsonObject o = prom.queryJson(
                    QStringLiteral("/api/v1/query"),
                    QUrlQuery{{QStringLiteral("query"),
                               QStringLiteral("min(count_over_time(up[1m])) >= 8")}});
                return !o.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("result"))
                            .toArray()
                            .isEmpty();
            },
            60000);
        if (!enoughData)
            QFAIL("the Prometheus fixture did not collect 8 scrapes within 60 s");
        DataSourceRegistry registry;
        DataSourceSettings settings;
        settings.name = QStringLiteral("Prometheus");
        settings.uid = QStringLiteral("prom");
        settings.url = prom.url();
        settings.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
        settings.isDefault = true;
        QVERIFY(registry.add(settings));

        auto dashboard = loadDashboardFile(
            QStringLiteral(PHAROS_SOURCE_DIR
                           "/resources/dashboards/go-service-golden-signals.json"),
            &error);
        QVERIFY2(dashboard, qPrintable(error));
        QueryScheduler s(&registry);
        s.setTimeZone(dashboardTimeZone(dashboard->timezone()));
        s.setTimeRange({QStringLiteral("now-5m"), QStringLiteral("now")});
        const QList<PanelModel> panels = dashboard->allPanels();
        s.setPanels(panels);
        for (const PanelModel &p : panels)
            s.setPanelWidth(p.id, p.gridPos.w * 60);
        QHash<int, PanelDataPtr> results;
        connect(&s, &QueryScheduler::panelDataReady, this,
                [&results](int id, const PanelDataPtr &d) { results.insert(id, d); });
        QSignalSpy idle(&s, &QueryScheduler::idle);
        s.refresh();
        QVERIFY(idle.wait(60000) || idle.size() > 0);
        QCOMPARE(results.size(), panels.size());
        for (const PanelModel &p : panels) {
            const PanelDataPtr d = results.value(p.id);
            QVERIFY(d);
            QVERIFY2(!d->hasError(), qPrintable(p.title + QLatin1String(": ") + d->errorMessage()));
            QVERIFY2(!d->isEmpty(), qPrintable(p.title));
            QCOMPARE(d->targets.size(), size_t(p.targets.size()));
            for (const TargetResult &t : d->targets)
                QVERIFY2(!t.expr.contains(QLatin1Char('$')), qPrintable(t.expr));
        }
        // Compare one panel with what Prometheus answers to a plain HTTP request.
        const PanelDataPtr goroutines = results.value(12);
        QVERIFY(goroutines);
        const QJsonObject plain = prom.queryJson(
            QStringLiteral("/api/v1/query"),
            QUrlQuery{{QStringLiteral("query"), QStringLiteral("count(go_goroutines)")}});
        const double seriesCount = plain.value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("result"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QLatin1String("value"))
                                       .toArray()
                                       .at(1)
                                       .toString()
                                       .toDouble();
        QVERIFY(seriesCount >= 1);
        QCOMPARE(double(goroutines->targets[0].result.frames.size()), seriesCount);
        // The range query of a 5 minute range at 480 px: 300000 / 480 = 625 ms rounds to
        // 500 ms, raised to the data source's 1 s scrape interval.
        QCOMPARE(goroutines->stepMs, 1000);
        // Every sample sits on the aligned step grid inside the resolved range.
        for (const Frame &f : goroutines->targets[0].result.frames) {
            QVERIFY(f.size() >= 1);
            for (qint64 t : f.timestamps) {
                QCOMPARE(t % goroutines->stepMs, 0);
                QVERIFY(t > goroutines->fromMs - goroutines->stepMs && t <= goroutines->toMs);
            }
        }
        // The table panel ran an instant query.
        const PanelDataPtr table = results.value(14);
        QVERIFY(table && table->targets[0].instant);
        QCOMPARE(table->targets[0].result.type, ResultType::Vector);
    }
};

QTEST_GUILESS_MAIN(TestQueryScheduler)
#include "test_queryscheduler.moc"
