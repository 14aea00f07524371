// The Prometheus client against the real Prometheus (tests/support/prometheusfixture.h),
// compared with what Prometheus returns to plain HTTP requests; and against FaultServer for
// faults a real server does not produce.
#include "datasources/prometheus/prometheusdatasource.h"
#include "faultserver.h"
#include "prometheusfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <map>

using namespace pharos;
using pharos::test::FaultServer;
using pharos::test::PrometheusFixture;
using Kind = DataSourceError::Kind;

namespace {

bool waitDone(DataSourceReply *reply, int timeoutMs = 20000)
{
    return PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

Labels labelsOf(const QJsonObject &metric)
{
    Labels l;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        l.append({it.key(), it.value().toString()});
    std::sort(l.begin(), l.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return l;
}

double valueOf(const QString &s)
{
    if (s == QLatin1String("NaN"))
        return std::nan("");
    if (s == QLatin1String("+Inf"))
        return qInf();
    if (s == QLatin1String("-Inf"))
        return -qInf();
    return s.toDouble();
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

qint64 tsMs(const QJsonValue &v)
{
    return qint64(std::llround(v.toDouble() * 1000.0));
}

QString secs(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;

    std::unique_ptr<PrometheusDataSource> makeSource(const QUrl &url, int timeoutMs = 20000)
    {
        DataSourceSettings s;
        s.name = QStringLiteral("test");
        s.uid = QStringLiteral("test-uid");
        s.url = url;
        s.http.timeoutMs = timeoutMs;
        return std::make_unique<PrometheusDataSource>(s);
    }

    static void compareMatrix(const QueryResult &r, const QJsonArray &expected, bool range)
    {
        QCOMPARE(qsizetype(r.frames.size()), expected.size());
        std::map<QString, const Frame *> byName;
        for (const Frame &f : r.frames)
            byName[f.displayName()] = &f;
        QCOMPARE(byName.size(), r.frames.size());
        for (const QJsonValue &v : expected) {
            const QJsonObject o = v.toObject();
            Frame want;
            want.labels = labelsOf(o.value(QLatin1String("metric")).toObject());
            const auto it = byName.find(want.displayName());
            QVERIFY2(it != byName.end(), qPrintable(want.displayName()));
            const Frame &got = *it->second;
            QCOMPARE(got.labels, want.labels);
            const QJsonArray points = range ? o.value(QLatin1String("values")).toArray()
                                            : QJsonArray{o.value(QLatin1String("value"))};
            QCOMPARE(got.size(), points.size());
            for (qsizetype i = 0; i < points.size(); ++i) {
                const QJsonArray pt = points.at(i).toArray();
                QCOMPARE(got.timestamps[size_t(i)], tsMs(pt.at(0)));
                QVERIFY2(sameValue(got.values[size_t(i)], valueOf(pt.at(1).toString())),
                         qPrintable(pt.at(1).toString()));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_prom.addSelfScrapeJob(QStringLiteral("prometheus2"));
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        // Range comparisons below look 2 s into the past: have a few seconds of samples.
        QVERIFY(PrometheusFixture::waitFor(
            [this] {
                QTest::qWait(250);
                const QJsonArray r =
                    m_prom
                        .queryJson(
                            QStringLiteral("/api/v1/query"),
                            QUrlQuery{{QStringLiteral("query"),
                                       QStringLiteral(
                                           "count_over_time(up{job=\"prometheus\"}[1m]) >= 6")}})
                        .value(QLatin1String("data"))
                        .toObject()
                        .value(QLatin1String("result"))
                        .toArray();
                return !r.isEmpty();
            },
            30000));
    }

    void queryRangeMatchesPlainHttp()
    {
        auto ds = makeSource(m_prom.url());
        // Samples are appended a few ms after their timestamp: 2 s back, nothing changes any
        // more between our query and the plain one.
        const qint64 end = (QDateTime::currentMSecsSinceEpoch() / 1000 - 2) * 1000;
        QueryRequest q;
        q.expr = QStringLiteral("rate(prometheus_http_requests_total[5s]) or up");
        q.startMs = end - 20000;
        q.endMs = end;
        q.stepMs = 1000;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const QueryResult &r = reply->result();
        QCOMPARE(r.type, ResultType::Matrix);
        QVERIFY2(r.frames.size() >= 2, qPrintable(QString::number(r.frames.size())));
        QVERIFY(r.sampleCount() >= 4);

        const QJsonObject plain =
            m_prom.queryJson(QStringLiteral("/api/v1/query_range"),
                             QUrlQuery{{QStringLiteral("query"), q.expr},
                                       {QStringLiteral("start"), secs(q.startMs)},
                                       {QStringLiteral("end"), secs(q.endMs)},
                                       {QStringLiteral("step"), QStringLiteral("1")}});
        const QJsonObject data = plain.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("resultType")).toString(), QStringLiteral("matrix"));
        compareMatrix(r, data.value(QLatin1String("result")).toArray(), true);
        for (const Frame &f : r.frames) {
            QCOMPARE(f.timestamps.size(), f.values.size());
            QVERIFY(std::is_sorted(f.timestamps.begin(), f.timestamps.end()));
        }
    }

    void instantQueryMatchesPlainHttp()
    {
        auto ds = makeSource(m_prom.url());
        const qint64 t = QDateTime::currentMSecsSinceEpoch() - 2000;
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        q.timeMs = t;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().type, ResultType::Vector);
        QCOMPARE(reply->result().frames.size(), size_t(2));
        const QJsonObject plain = m_prom.queryJson(
            QStringLiteral("/api/v1/query"),
            QUrlQuery{{QStringLiteral("query"), q.expr}, {QStringLiteral("time"), secs(t)}});
        compareMatrix(
            reply->result(),
            plain.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray(),
            false);
        QCOMPARE(reply->result().frames[0].timestamps[0], t);

        // A scalar with '+' in the expression (must not be decoded as a space).
        q.expr = QStringLiteral("1+1");
        std::unique_ptr<QueryReply> scalar(ds->query(q));
        QVERIFY(waitDone(scalar.get()));
        QVERIFY2(!scalar->error().isError(), qPrintable(scalar->error().message()));
        QCOMPARE(scalar->result().type, ResultType::Scalar);
        QCOMPARE(scalar->result().frames.at(0).values.at(0), 2.0);
    }

    void labelsAndValues()
    {
        auto ds = makeSource(m_prom.url());
        std::unique_ptr<StringListReply> names(ds->labelNames());
        QVERIFY(waitDone(names.get()));
        QVERIFY2(!names->error().isError(), qPrintable(names->error().message()));
        QStringList plain;
        for (const QJsonValue &v : m_prom.queryJson(QStringLiteral("/api/v1/labels"))
                                       .value(QLatin1String("data"))
                                       .toArray())
            plain << v.toString();
        QCOMPARE(names->result(), plain);
        QVERIFY(names->result().contains(QStringLiteral("job")));

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        std::unique_ptr<StringListReply> matched(
            ds->labelNames({QStringLiteral("up")}, now - 60000, now));
        QVERIFY(waitDone(matched.get()));
        QCOMPARE(matched->result(), QStringList({"__name__", "instance", "job"}));

        std::unique_ptr<StringListReply> jobs(
            ds->labelValues(QStringLiteral("job"), {QStringLiteral("up")}));
        QVERIFY(waitDone(jobs.get()));
        QVERIFY2(!jobs->error().isError(), qPrintable(jobs->error().message()));
        QCOMPARE(jobs->result(), QStringList({"prometheus", "prometheus2"}));

        std::unique_ptr<StringListReply> limited(
            ds->labelValues(QStringLiteral("job"), {QStringLiteral("up")}, 1));
        QVERIFY(waitDone(limited.get()));
        QCOMPARE(limited->result(), QStringList({"prometheus"}));

        std::unique_ptr<StringListReply> none(
            ds->labelValues(QStringLiteral("job"), {QStringLiteral("up{job=\"nope\"}")}));
        QVERIFY(waitDone(none.get()));
        QVERIFY(!none->error().isError());
        QVERIFY(none->result().isEmpty());
    }

    void seriesMatchesPlainHttp()
    {
        auto ds = makeSource(m_prom.url());
        std::unique_ptr<SeriesReply> reply(ds->series({QStringLiteral("up")}));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const QJsonArray plain =
            m_prom
                .queryJson(QStringLiteral("/api/v1/series"),
                           QUrlQuery{{QStringLiteral("match[]"), QStringLiteral("up")}})
                .value(QLatin1String("data"))
                .toArray();
        QCOMPARE(qsizetype(reply->result().size()), plain.size());
        QCOMPARE(plain.size(), 2);
        for (qsizetype i = 0; i < plain.size(); ++i)
            QCOMPARE(reply->result()[size_t(i)], labelsOf(plain.at(i).toObject()));
    }

    void metadataAndBuildInfo()
    {
        auto ds = makeSource(m_prom.url());
        const QString metric = QStringLiteral("prometheus_http_requests_total");
        std::unique_ptr<MetadataReply> meta(ds->metadata(metric));
        QVERIFY(waitDone(meta.get()));
        QVERIFY2(!meta->error().isError(), qPrintable(meta->error().message()));
        const QJsonObject plainMeta = m_prom
                                          .queryJson(QStringLiteral("/api/v1/metadata"),
                                                     QUrlQuery{{QStringLiteral("metric"), metric}})
                                          .value(QLatin1String("data"))
                                          .toObject();
        const QJsonObject entry = plainMeta.value(metric).toArray().at(0).toObject();
        QCOMPARE(meta->result().size(), plainMeta.size());
        QCOMPARE(meta->result().value(metric).type, QStringLiteral("counter"));
        QCOMPARE(meta->result().value(metric).help, entry.value(QLatin1String("help")).toString());
        QCOMPARE(meta->result().value(metric).unit, entry.value(QLatin1String("unit")).toString());

        std::unique_ptr<MetadataReply> limited(ds->metadata({}, 2));
        QVERIFY(waitDone(limited.get()));
        QVERIFY(!limited->error().isError());
        QCOMPARE(limited->result().size(), 2);

        std::unique_ptr<BuildInfoReply> info(ds->buildInfo());
        QVERIFY(waitDone(info.get()));
        QVERIFY2(!info->error().isError(), qPrintable(info->error().message()));
        const QString version = m_prom.queryJson(QStringLiteral("/api/v1/status/buildinfo"))
                                    .value(QLatin1String("data"))
                                    .toObject()
                                    .value(QLatin1String("version"))
                                    .toString();
        QVERIFY(!version.isEmpty());
        QCOMPARE(info->result().version, version);
    }

    void syntaxErrorIsQueryError()
    {
        auto ds = makeSource(m_prom.url());
        QueryRequest q;
        q.expr = QStringLiteral("sum(rate(up[1m])");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        const QJsonObject plain = m_prom.queryJson(QStringLiteral("/api/v1/query"),
                                                   QUrlQuery{{QStringLiteral("query"), q.expr}});
        QCOMPARE(reply->error().kind, Kind::QueryError);
        QCOMPARE(reply->error().errorType, QStringLiteral("bad_data"));
        QCOMPARE(reply->error().httpStatus, 400);
        QCOMPARE(reply->error().detail, plain.value(QLatin1String("error")).toString());
        QVERIFY(!reply->error().detail.isEmpty());
        QVERIFY(reply->error().message().contains(reply->error().detail));
    }

    void connectionRefused()
    {
        const quint16 port = PrometheusFixture::freePort();
        auto ds = makeSource(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, Kind::ConnectionRefused);
        QVERIFY2(reply->error().message().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
                 qPrintable(reply->error().message()));
    }

    void timeoutOnStall()
    {
        FaultServer server(FaultServer::Mode::Stall);
        QVERIFY(server.start());
        auto ds = makeSource(server.url(), 300);
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QSignalSpy spy(reply.get(), &DataSourceReply::finished);
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(reply->error().kind, Kind::Timeout);
        QVERIFY(reply->error().message().contains(QLatin1String("timeout")));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(ds->inFlightCount(), 0);
    }

    void dripTimesOutDuringTheTransfer()
    {
        // Headers at once, then one byte of the body per second: the timeout bounds the whole
        // transfer, not only the connection or the first byte.
        FaultServer server(FaultServer::Mode::Drip);
        QVERIFY(server.start());
        server.setDripIntervalMs(400);
        auto ds = makeSource(server.url(), 1500);
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QSignalSpy spy(reply.get(), &DataSourceReply::finished);
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(reply->error().kind, Kind::Timeout);
        const QString msg = reply->error().message();
        QVERIFY2(msg.contains(QLatin1String("timeout")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("after 1.5 s")), qPrintable(msg));
        // Part of the body had arrived: the transfer itself was cut, and the message says so.
        QVERIFY(server.drippedBytes() >= 1);
        QVERIFY(server.drippedBytes() < FaultServer::validVectorJson().size());
        QVERIFY2(msg.contains(QLatin1String("of the response received")), qPrintable(msg));
        QVERIFY(reply->result().frames.empty());
        QCOMPARE(ds->inFlightCount(), 0);
    }

    void responseSizeLimit_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("how"); // what the message says about the size
        // A small answer: Prometheus sends a Content-Length, refused before the body.
        QTest::newRow("content-length") << QStringLiteral("up{job=\"prometheus\"}") << qint64(100)
                                        << QStringLiteral("the server announced");
        // A large answer: chunked, refused once the received bytes pass the limit.
        QTest::newRow("chunked") << QStringLiteral("{__name__=~\".+\"}") << qint64(8 * 1024)
                                 << QStringLiteral("received");
    }
    void responseSizeLimit()
    {
        QFETCH(QString, expr);
        QFETCH(qint64, limit);
        QFETCH(QString, how);
        QueryRequest q;
        q.expr = expr;
        q.instant = true;
        // The real answer is bigger than the limit...
        int status = 0;
        const QByteArray plain = PrometheusFixture::httpPost(
            m_prom.url().resolved(QUrl(QStringLiteral("/api/v1/query"))),
            QUrlQuery{{QStringLiteral("query"), expr}}, &status);
        QCOMPARE(status, 200);
        QVERIFY2(plain.size() > limit, qPrintable(QString::number(plain.size())));
        // ...and arrives with the default limit.
        auto ok = makeSource(m_prom.url());
        QCOMPARE(ok->settings().http.responseLimitBytes, qint64(256) * 1024 * 1024);
        std::unique_ptr<QueryReply> full(ok->query(q));
        QVERIFY(waitDone(full.get()));
        QVERIFY2(!full->error().isError(), qPrintable(full->error().message()));
        QVERIFY(!full->result().frames.empty());

        DataSourceSettings s = ok->settings();
        s.http.responseLimitBytes = limit;
        PrometheusDataSource ds(s);
        std::unique_ptr<QueryReply> reply(ds.query(q));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, Kind::ResponseTooLarge);
        const QString msg = reply->error().message();
        const QString limitText =
            QLocale().formattedDataSize(limit, 0, QLocale::DataSizeTraditionalFormat);
        QVERIFY2(msg.contains(
                     QStringLiteral("larger than the %1 limit of this data source").arg(limitText)),
                 qPrintable(msg));
        QVERIFY2(msg.contains(how), qPrintable(msg));
        QVERIFY(reply->result().frames.empty());
        // Not a failure of the server: no back-off for the other panels.
        QCOMPARE(ds.health().consecutiveFailures, 0);
        QCOMPARE(ds.inFlightCount(), 0);
    }

    void faults_data()
    {
        QTest::addColumn<FaultServer::Mode>("mode");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("HTTP 500") << FaultServer::Mode::Http500 << Kind::HttpStatus << 500 << "500";
        QTest::newRow("HTML 200") << FaultServer::Mode::HtmlPage200 << Kind::NotPrometheus << 0
                                  << "Sign in - Corporate SSO";
        QTest::newRow("truncated")
            << FaultServer::Mode::TruncatedJson << Kind::MalformedResponse << 0 << "truncated";
        QTest::newRow("garbage") << FaultServer::Mode::Garbage << Kind::MalformedResponse << 0
                                 << "malformed";
        QTest::newRow("huge error page")
            << FaultServer::Mode::HugeErrorPage << Kind::HttpStatus << 502 << "502 Bad Gateway";
    }
    void faults()
    {
        QFETCH(FaultServer::Mode, mode);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, messageContains);
        FaultServer server(mode);
        QVERIFY(server.start());
        auto ds = makeSource(server.url());
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.startMs = 1700000000000;
        q.endMs = 1700000600000;
        q.stepMs = 15000;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, kind);
        QCOMPARE(reply->error().httpStatus, status);
        const QString msg = reply->error().message();
        QVERIFY2(msg.contains(messageContains, Qt::CaseInsensitive), qPrintable(msg));
        QVERIFY2(msg.size() < 600, qPrintable(QString::number(msg.size())));
        QVERIFY(reply->result().frames.empty());
    }

    void getFallbackOn405()
    {
        FaultServer server(FaultServer::Mode::MethodNotAllowedOnPost);
        QVERIFY(server.start());
        QUrl url = server.url();
        url.setPath(QStringLiteral("/prefix/prom/"));
        auto ds = makeSource(url);
        QCOMPARE(ds->apiUrl(QStringLiteral("/api/v1/query")).path(),
                 QStringLiteral("/prefix/prom/api/v1/query"));
        QueryRequest q;
        q.expr = QStringLiteral("up + 0");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(ds->query(q));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().frames.size(), size_t(1));
        QCOMPARE(reply->result().frames[0].values[0], 1.0);
        QVERIFY(ds->usesGet());
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(0), QStringLiteral("POST /prefix/prom/api/v1/query"));
        QVERIFY(server.requests().at(1).startsWith(
            QLatin1String("GET /prefix/prom/api/v1/query?query=up%20%2B%200")));
        // Later requests go straight to GET.
        std::unique_ptr<QueryReply> again(ds->query(q));
        QVERIFY(waitDone(again.get()));
        QVERIFY(!again->error().isError());
        QCOMPARE(server.requests().size(), 3);
        QVERIFY(server.requests().at(2).startsWith(QLatin1String("GET ")));
    }

    void atMostSixInFlight()
    {
        FaultServer server(FaultServer::Mode::Stall);
        QVERIFY(server.start());
        auto ds = makeSource(server.url(), 120000);
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::vector<std::unique_ptr<QueryReply>> replies;
        for (int i = 0; i < 20; ++i)
            replies.emplace_back(ds->query(q));
        QCOMPARE(ds->inFlightCount(), 6);
        QCOMPARE(ds->queuedCount(), 14);
        QVERIFY(PrometheusFixture::waitFor([&] { return server.requests().size() >= 6; }, 10000));
        // Give a wrong implementation the chance to open more connections.
        QTest::qWait(300);
        QCOMPARE(server.requests().size(), 6);
        QVERIFY(server.peakConcurrentConnections() <= 6);
        QCOMPARE(server.openConnections(), 6);

        // Aborting a queued reply removes it from the queue.
        replies[19]->abort();
        QCOMPARE(ds->queuedCount(), 13);
        // Aborting an in-flight reply frees a slot for the next queued one.
        QSignalSpy spy0(replies[0].get(), &DataSourceReply::finished);
        replies[0]->abort();
        replies[1].reset();
        QCOMPARE(ds->queuedCount(), 11);
        QVERIFY(PrometheusFixture::waitFor([&] { return server.requests().size() >= 8; }, 10000));
        QTest::qWait(200);
        QCOMPARE(server.requests().size(), 8);
        QCOMPARE(ds->inFlightCount(), 6);
        // The server may see an aborted socket close a moment after the next one opened;
        // what it must see is 6 open once it caught up.
        QVERIFY(PrometheusFixture::waitFor([&] { return server.openConnections() == 6; }, 10000));
        QCOMPARE(ds->peakInFlight(), 6);
        QCOMPARE(spy0.count(), 0);
        QCOMPARE(replies[0]->error().kind, Kind::Cancelled);
        replies.clear();
        QCOMPARE(ds->queuedCount(), 0);
        QVERIFY(PrometheusFixture::waitFor([&] { return ds->inFlightCount() == 0; }, 10000));
    }

    void abortedReplyIsSilentAndStaleAnswersDropped()
    {
        auto ds = makeSource(m_prom.url());
        QueryRequest q;
        q.expr = QStringLiteral("prometheus_http_requests_total");
        q.instant = true;
        std::unique_ptr<QueryReply> aborted(ds->query(q));
        QSignalSpy abortedSpy(aborted.get(), &DataSourceReply::finished);
        aborted->abort();
        QVERIFY(aborted->isAborted());

        // Abort after the network answer arrived, while the body is being parsed.
        int stale = 0;
        for (int i = 0; i < 20 && stale == 0; ++i) {
            std::unique_ptr<QueryReply> r(ds->query(q));
            QSignalSpy spy(r.get(), &DataSourceReply::finished);
            PrometheusFixture::waitFor([&] { return ds->inFlightCount() == 0; }, 10000);
            if (!r->isFinished()) {
                r->abort();
                ++stale;
                // A later request on the same source completes; the stale one stays silent.
                std::unique_ptr<QueryReply> later(ds->query(q));
                QVERIFY(waitDone(later.get()));
                QTest::qWait(50);
                QCOMPARE(spy.count(), 0);
                QVERIFY(r->result().frames.empty());
            }
        }
        QVERIFY(stale > 0);

        // Deleting an unfinished reply is fine too.
        QueryReply *deleted = ds->query(q);
        delete deleted;
        std::unique_ptr<QueryReply> after(ds->query(q));
        QVERIFY(waitDone(after.get()));
        QVERIFY(!after->error().isError());
        QCOMPARE(abortedSpy.count(), 0);
        QCOMPARE(ds->inFlightCount(), 0);
    }

    void deletingTheSourceWithPendingReplies()
    {
        FaultServer server(FaultServer::Mode::Stall);
        QVERIFY(server.start());
        auto ds = makeSource(server.url(), 60000);
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::vector<std::unique_ptr<QueryReply>> replies;
        for (int i = 0; i < 8; ++i)
            replies.emplace_back(ds->query(q));
        QSignalSpy spy(replies[0].get(), &DataSourceReply::finished);
        QVERIFY(PrometheusFixture::waitFor([&] { return server.requests().size() >= 6; }, 10000));
        ds.reset();
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        replies[0]->abort(); // no data source behind it any more: must not crash
        replies.clear();
    }

    void testConnection()
    {
        auto ds = makeSource(m_prom.url());
        std::unique_ptr<TestReply> reply(ds->testConnection());
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const QString version = m_prom.queryJson(QStringLiteral("/api/v1/status/buildinfo"))
                                    .value(QLatin1String("data"))
                                    .toObject()
                                    .value(QLatin1String("version"))
                                    .toString();
        QCOMPARE(reply->result().version, version);
        QCOMPARE(reply->result().flavour, QStringLiteral("Prometheus"));
        QVERIFY(reply->result().message.contains(version));

        const quint16 port = PrometheusFixture::freePort();
        auto closed = makeSource(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        std::unique_ptr<TestReply> failed(closed->testConnection());
        QVERIFY(waitDone(failed.get()));
        QCOMPARE(failed->error().kind, Kind::ConnectionRefused);
        const QString msg = failed->error().message();
        QVERIFY2(msg.contains(QLatin1String("buildinfo")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(msg));

        // A server that answers buildinfo with HTML fails at the first step, naming it.
        FaultServer html(FaultServer::Mode::HtmlPage200);
        QVERIFY(html.start());
        auto htmlSource = makeSource(html.url());
        std::unique_ptr<TestReply> notProm(htmlSource->testConnection());
        QVERIFY(waitDone(notProm.get()));
        QCOMPARE(notProm->error().kind, Kind::NotPrometheus);
        QVERIFY(notProm->error().message().contains(QLatin1String("Build info")));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "test_prometheusclient.moc"
