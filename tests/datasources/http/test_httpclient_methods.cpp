// HttpClient's JSON POSTs and DELETEs (HttpRequest::jsonBody, deleteMethod), as the
// Alertmanager data source sends them: the body and its Content-Type, no GET fallback after a
// 405, the method kept or changed by redirects (307/308 keep method and body, 303 turns into
// GET, a DELETE stays one after 301), and credentials only for the configured origin.
// Real servers never redirect the API, so this uses FaultServer.
#include "datasources/alertmanager/alertmanagerdatasource.h"
#include "faultserver.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <memory>

using namespace pharos;
using pharos::test::FaultServer;
using pharos::test::PrometheusFixture;
using Kind = DataSourceError::Kind;

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("pw-SECRET-9a1b");
const QString kId = QStringLiteral("04f27115-e659-42df-a2fd-13af8511b9cd");

std::unique_ptr<AlertmanagerDataSource> makeSource(const QUrl &url)
{
    DataSourceSettings s;
    s.name = QStringLiteral("methods");
    s.type = QStringLiteral("alertmanager");
    s.url = url;
    s.http.timeoutMs = 15000;
    s.http.auth = HttpOptions::Auth::Basic;
    s.http.basicAuthUser = kUser;
    s.secretNames << QLatin1String(SecretName::BasicAuthPassword);
    AlertmanagerOptions{AlertmanagerOptions::Implementation::Prometheus}.storeIn(&s);
    auto source = std::make_unique<AlertmanagerDataSource>(s);
    DataSourceSecrets secrets;
    secrets.values.insert(QLatin1String(SecretName::BasicAuthPassword), kPassword);
    source->setSecrets(secrets);
    return source;
}

QByteArray authorization()
{
    return "Basic " + (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64();
}

Silence aSilence()
{
    Silence s;
    s.matchers << SilenceMatcher{QStringLiteral("alertname"), QStringLiteral("DiskFull"), false,
                                 true};
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(3600);
    s.createdBy = QStringLiteral("pharos");
    s.comment = QStringLiteral("methods");
    return s;
}

template <typename R> std::unique_ptr<R> await(R *reply)
{
    std::unique_ptr<R> owned(reply);
    PrometheusFixture::waitFor([&] { return owned->isFinished(); }, 20000);
    return owned;
}

} // namespace

class TestHttpClientMethods : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonPostSendsTheBody()
    {
        FaultServer server(FaultServer::Mode::ValidVector);
        QVERIFY(server.start());
        auto source = makeSource(server.url());
        auto reply = await(source->createSilence(aSilence()));
        QVERIFY(reply->isFinished());
        // A vector is not {"silenceID": ...}.
        QCOMPARE(reply->error().kind, Kind::MalformedResponse);
        QCOMPARE(server.receivedRequests().size(), 1);
        const FaultServer::Request r = server.receivedRequests().front();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/api/v2/silences"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("authorization"), authorization());
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("comment")).toString(), QStringLiteral("methods"));
        QCOMPARE(body.value(QLatin1String("matchers")).toArray().size(), 1);
    }

    void deleteHasNoBody()
    {
        FaultServer server(FaultServer::Mode::ValidVector);
        QVERIFY(server.start());
        auto source = makeSource(server.url());
        auto reply = await(source->expireSilence(kId));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QVERIFY(reply->result());
        QCOMPARE(server.requests(), QStringList{QStringLiteral("DELETE /api/v2/silence/") + kId});
        QVERIFY(server.receivedRequests().front().body.isEmpty());
    }

    void noGetFallbackAfter405()
    {
        FaultServer server(FaultServer::Mode::MethodNotAllowedOnPost);
        QVERIFY(server.start());
        auto source = makeSource(server.url());
        auto reply = await(source->createSilence(aSilence()));
        QVERIFY(reply->isFinished());
        QVERIFY(reply->error().isError());
        QCOMPARE(reply->error().httpStatus, 405);
        QCOMPARE(server.requests(), QStringList{QStringLiteral("POST /api/v2/silences")});
        // A GET afterwards is a GET, not a POST turned around.
        auto status = await(source->status());
        QCOMPARE(server.requests().last(), QStringLiteral("GET /api/v2/status"));
    }

    void redirects_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("remove"); // DELETE, else JSON POST
        QTest::addColumn<bool>("crossOrigin");
        QTest::addColumn<QByteArray>("method"); // at the target
        QTest::addColumn<bool>("body");         // the JSON body arrives at the target
        QTest::newRow("307 POST same origin")
            << 307 << false << false << QByteArray("POST") << true;
        QTest::newRow("308 POST other origin")
            << 308 << false << true << QByteArray("POST") << true;
        QTest::newRow("303 POST") << 303 << false << false << QByteArray("GET") << false;
        QTest::newRow("302 POST") << 302 << false << false << QByteArray("GET") << false;
        QTest::newRow("301 DELETE") << 301 << true << false << QByteArray("DELETE") << false;
        QTest::newRow("307 DELETE other origin")
            << 307 << true << true << QByteArray("DELETE") << false;
        QTest::newRow("303 DELETE") << 303 << true << false << QByteArray("GET") << false;
    }

    void redirects()
    {
        QFETCH(int, status);
        QFETCH(bool, remove);
        QFETCH(bool, crossOrigin);
        QFETCH(QByteArray, method);
        QFETCH(bool, body);
        FaultServer redirector(FaultServer::Mode::Redirect);
        FaultServer other(FaultServer::Mode::ValidVector);
        QVERIFY(redirector.start());
        QVERIFY(other.start());
        FaultServer &target = crossOrigin ? other : redirector;
        redirector.setRedirect(
            status, crossOrigin ? (other.url().toString() + QStringLiteral("/moved/x")).toUtf8()
                                : QByteArray("/moved/x"));
        auto source = makeSource(redirector.url());
        std::unique_ptr<DataSourceReply> reply;
        if (remove)
            reply = await<DataSourceReply>(source->expireSilence(kId));
        else
            reply = await<DataSourceReply>(source->createSilence(aSilence()));
        QVERIFY(reply->isFinished());
        const QList<FaultServer::Request> received = target.receivedRequests();
        QVERIFY(!received.isEmpty());
        const FaultServer::Request &last = received.last();
        QCOMPARE(last.target, QByteArray("/moved/x"));
        QCOMPARE(last.method, method);
        if (body) {
            QCOMPARE(last.headers.value("content-type"), QByteArray("application/json"));
            QCOMPARE(QJsonDocument::fromJson(last.body)
                         .object()
                         .value(QLatin1String("comment"))
                         .toString(),
                     QStringLiteral("methods"));
        } else {
            QVERIFY(last.body.isEmpty());
        }
        // Credentials go to the configured origin only.
        QCOMPARE(last.headers.contains("authorization"), !crossOrigin);
        QCOMPARE(redirector.receivedRequests().front().headers.value("authorization"),
                 authorization());
    }
};

QTEST_GUILESS_MAIN(TestHttpClientMethods)
#include "test_httpclient_methods.moc"
