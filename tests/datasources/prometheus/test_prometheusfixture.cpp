// Checks the test fixtures themselves: the real Prometheus starts, scrapes itself and answers
// plain HTTP; the fault server produces its faults.
#include "faultserver.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QTest>

using pharos::test::FaultServer;
using pharos::test::PrometheusFixture;

class TestPrometheusFixture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAndHasData()
    {
        PrometheusFixture prom;
        prom.addSelfScrapeJob(QStringLiteral("prometheus2"));
        QString error;
        if (!prom.start(&error))
            QFAIL(qPrintable(error));
        QVERIFY(prom.port() != 0);
        const QJsonObject o =
            prom.queryJson(QStringLiteral("/api/v1/query"),
                           QUrlQuery{{QStringLiteral("query"), QStringLiteral("count(up) + 0")}});
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("success"));
        const QJsonArray result =
            o.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
        QCOMPARE(result.size(), 1);
        // Two jobs scrape the same target: two `up` series.
        QCOMPARE(result.at(0).toObject().value(QLatin1String("value")).toArray().at(1).toString(),
                 QStringLiteral("2"));
        int status = 0;
        PrometheusFixture::httpPost(prom.url().resolved(QUrl(QStringLiteral("/api/v1/query"))),
                                    QUrlQuery{{QStringLiteral("query"), QStringLiteral("1+1")}},
                                    &status);
        QCOMPARE(status, 200);
        prom.stop();
        QVERIFY(!prom.isRunning());
    }

    void missingBinaryFailsClearly()
    {
        PrometheusFixture prom;
        prom.setBinary(QStringLiteral("/nonexistent/prometheus"));
        QString error;
        QVERIFY(!prom.start(&error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/prometheus")));
    }

    void faultServerModes()
    {
        FaultServer server(FaultServer::Mode::Http500);
        QVERIFY(server.start());
        int status = 0;
        QByteArray body = PrometheusFixture::httpGet(server.url(), &status);
        QCOMPARE(status, 500);
        QVERIFY(body.contains("internal server error"));

        server.setMode(FaultServer::Mode::MethodNotAllowedOnPost);
        PrometheusFixture::httpPost(server.url(),
                                    QUrlQuery{{QStringLiteral("q"), QStringLiteral("1")}}, &status);
        QCOMPARE(status, 405);
        body = PrometheusFixture::httpGet(server.url(), &status);
        QCOMPARE(status, 200);
        QCOMPARE(body, FaultServer::validVectorJson());
        QCOMPARE(server.requests().size(), 3);
        QVERIFY(server.requests().at(1).startsWith(QLatin1String("POST ")));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusFixture)
#include "test_prometheusfixture.moc"
