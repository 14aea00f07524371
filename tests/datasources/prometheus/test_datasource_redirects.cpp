// Redirects: credentials never follow a redirect to another origin (scheme, host, port), a
// same-origin redirect keeps them, the method follows 303/301/302/307/308 semantics, and loops
// or endless chains end with a message naming the problem. Real servers never redirect the API,
// so this uses FaultServer (Redirect mode on one port, a recording ValidVector on another).
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "faultserver.h"
#include "prometheusfixture.h"

#include <QTest>

using namespace pharos;
using pharos::test::FaultServer;
using pharos::test::PrometheusFixture;
using Kind = DataSourceError::Kind;

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("pw-SECRET-5d1e");
const QString kToken = QStringLiteral("tok-SECRET-8c2a");
const QString kApiKey = QStringLiteral("key-SECRET-77f0");
const QString kCookie = QStringLiteral("session=cookie-SECRET-13aa");

bool waitDone(DataSourceReply *reply, int timeoutMs = 20000)
{
    return PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

QueryRequest instantUp()
{
    QueryRequest q;
    q.expr = QStringLiteral("up");
    q.instant = true;
    return q;
}

} // namespace

class TestDataSourceRedirects : public QObject
{
    Q_OBJECT
private:
    // Basic or bearer auth, a tenant, a secret header, a plain header and a plain Cookie header.
    static std::unique_ptr<PrometheusDataSource> makeSource(const QUrl &url, HttpOptions::Auth auth)
    {
        DataSourceSettings s;
        s.name = QStringLiteral("redirects");
        s.uid = QStringLiteral("redirects-uid");
        s.url = url;
        s.http.timeoutMs = 15000;
        s.http.auth = auth;
        s.http.basicAuthUser = kUser;
        s.jsonData.insert(QStringLiteral("tenantId"), QStringLiteral("team-a"));
        s.http.headers = {{QStringLiteral("X-Api-Key"), QString(), true},
                          {QStringLiteral("X-Trace"), QStringLiteral("visible"), false},
                          {QStringLiteral("Cookie"), kCookie, false}};
        DataSourceSecrets secrets;
        secrets.values.insert(SecretName::header(QStringLiteral("X-Api-Key")), kApiKey);
        if (auth == HttpOptions::Auth::Basic) {
            s.secretNames << QLatin1String(SecretName::BasicAuthPassword);
            secrets.values.insert(QLatin1String(SecretName::BasicAuthPassword), kPassword);
        } else {
            s.secretNames << QLatin1String(SecretName::BearerToken);
            secrets.values.insert(QLatin1String(SecretName::BearerToken), kToken);
        }
        s.secretNames << SecretName::header(QStringLiteral("X-Api-Key"));
        auto source = std::make_unique<PrometheusDataSource>(s);
        source->setSecrets(secrets);
        return source;
    }

    static QByteArray expectedAuthorization(HttpOptions::Auth auth)
    {
        if (auth == HttpOptions::Auth::Basic)
            return "Basic " + (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64();
        return "Bearer " + kToken.toUtf8();
    }

    // No secret of the data source in any request `server` received (headers or body).
    static void verifyNoSecrets(const FaultServer &server)
    {
        for (const FaultServer::Request &r : server.receivedRequests()) {
            QVERIFY2(!r.headers.contains("authorization"), r.headers.value("authorization"));
            QVERIFY2(!r.headers.contains("proxy-authorization"), r.target.constData());
            QVERIFY2(!r.headers.contains("x-api-key"), r.headers.value("x-api-key"));
            QVERIFY2(!r.headers.contains("cookie"), r.headers.value("cookie"));
            for (const QString &secret : {kPassword, kToken, kApiKey, kCookie}) {
                const QByteArray s = secret.toUtf8();
                QVERIFY2(!r.body.contains(s) && !r.target.contains(s), r.target.constData());
                for (auto it = r.headers.begin(); it != r.headers.end(); ++it)
                    QVERIFY2(!it.value().contains(s), it.key().constData());
            }
            // The Base64 of the basic credentials is not anywhere either.
            const QByteArray basic = (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64();
            for (auto it = r.headers.begin(); it != r.headers.end(); ++it)
                QVERIFY2(!it.value().contains(basic), it.key().constData());
        }
    }

private Q_SLOTS:
    void crossOriginRedirectDropsCredentials_data()
    {
        QTest::addColumn<HttpOptions::Auth>("auth");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("host");      // of the second origin
        QTest::addColumn<QByteArray>("method"); // that reaches the second origin
        for (auto auth : {HttpOptions::Auth::Basic, HttpOptions::Auth::Bearer}) {
            const char *a = auth == HttpOptions::Auth::Basic ? "basic" : "bearer";
            for (int status : {301, 302, 303, 307, 308}) {
                const QByteArray method = status >= 307 ? "POST" : "GET";
                QTest::addRow("%s %d to localhost", a, status)
                    << auth << status << QStringLiteral("localhost") << method;
                QTest::addRow("%s %d to another port", a, status)
                    << auth << status << QStringLiteral("127.0.0.1") << method;
            }
        }
    }
    void crossOriginRedirectDropsCredentials()
    {
        QFETCH(HttpOptions::Auth, auth);
        QFETCH(int, status);
        QFETCH(QString, host);
        QFETCH(QByteArray, method);
        FaultServer other(FaultServer::Mode::ValidVector); // the second origin, recording
        QVERIFY(other.start());
        FaultServer origin(FaultServer::Mode::Redirect);
        QVERIFY(origin.start());
        const QByteArray location = QStringLiteral("http://%1:%2/elsewhere/api/v1/query")
                                        .arg(host)
                                        .arg(other.serverPort())
                                        .toUtf8();
        origin.setRedirect(status, location);

        auto source = makeSource(origin.url(), auth);
        std::unique_ptr<QueryReply> reply(source->query(instantUp()));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().frames.size(), size_t(1));

        // The configured origin got the credentials and the secret header.
        QCOMPARE(origin.receivedRequests().size(), 1);
        const FaultServer::Request first = origin.receivedRequests().first();
        QCOMPARE(first.method, QByteArray("POST"));
        QCOMPARE(first.headers.value("authorization"), expectedAuthorization(auth));
        QCOMPARE(first.headers.value("x-api-key"), kApiKey.toUtf8());
        QCOMPARE(first.headers.value("cookie"), kCookie.toUtf8());

        // The second origin was asked, with the right method, and got none of them.
        QCOMPARE(other.receivedRequests().size(), 1);
        const FaultServer::Request second = other.receivedRequests().first();
        QCOMPARE(second.method, method);
        QVERIFY2(second.target.startsWith("/elsewhere/api/v1/query"), second.target.constData());
        if (method == "POST") {
            QCOMPARE(second.body, first.body); // 307/308 send the same form again
            QVERIFY(second.body.contains("query=up"));
        } else {
            QVERIFY(second.body.isEmpty());
        }
        verifyNoSecrets(other);
        // Headers that are not credentials still go along, as with curl.
        QCOMPARE(second.headers.value("x-trace"), QByteArray("visible"));
    }

    void sameOriginRedirectKeepsCredentials_data()
    {
        QTest::addColumn<HttpOptions::Auth>("auth");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("basic 302") << HttpOptions::Auth::Basic << 302 << QByteArray("GET");
        QTest::newRow("basic 307") << HttpOptions::Auth::Basic << 307 << QByteArray("POST");
        QTest::newRow("bearer 308") << HttpOptions::Auth::Bearer << 308 << QByteArray("POST");
        QTest::newRow("bearer 303") << HttpOptions::Auth::Bearer << 303 << QByteArray("GET");
    }
    void sameOriginRedirectKeepsCredentials()
    {
        QFETCH(HttpOptions::Auth, auth);
        QFETCH(int, status);
        QFETCH(QByteArray, method);
        FaultServer origin(FaultServer::Mode::Redirect);
        QVERIFY(origin.start());
        origin.setRedirect(status, "/moved/api/v1/query"); // relative: the same origin
        auto source = makeSource(origin.url(), auth);
        std::unique_ptr<QueryReply> reply(source->query(instantUp()));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().frames.size(), size_t(1));
        QCOMPARE(reply->result().frames[0].values[0], 1.0);
        const auto requests = origin.receivedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).target, QByteArray("/moved/api/v1/query"));
        QCOMPARE(requests.at(1).method, method);
        for (const FaultServer::Request &r : requests) {
            QCOMPARE(r.headers.value("authorization"), expectedAuthorization(auth));
            QCOMPARE(r.headers.value("x-api-key"), kApiKey.toUtf8());
            QCOMPARE(r.headers.value("x-scope-orgid"), QByteArray("team-a"));
        }
    }

    void redirectLoopIsNamed()
    {
        FaultServer origin(FaultServer::Mode::Redirect);
        QVERIFY(origin.start());
        origin.setRedirect(302, "/api/v1/query"); // back to itself
        auto source = makeSource(origin.url(), HttpOptions::Auth::Basic);
        std::unique_ptr<QueryReply> reply(source->query(instantUp()));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, Kind::RedirectLoop);
        const QString msg = reply->error().message();
        QVERIFY2(msg.contains(QLatin1String("redirects in a loop")), qPrintable(msg));
        QVERIFY2(msg.contains(origin.url().toString() + QStringLiteral("/api/v1/query")),
                 qPrintable(msg));
        QVERIFY2(!msg.contains(QLatin1String("query=")), qPrintable(msg)); // no PromQL shown
        // POST, then GET (302), then the same GET again: stopped there.
        QCOMPARE(origin.receivedRequests().size(), 2);
        QCOMPARE(source->inFlightCount(), 0);
    }

    void tooManyRedirectsAreNamed()
    {
        FaultServer origin(FaultServer::Mode::Redirect);
        QVERIFY(origin.start());
        origin.setRedirect(307, "a/"); // a new, longer URL every time
        auto source = makeSource(origin.url(), HttpOptions::Auth::Bearer);
        std::unique_ptr<QueryReply> reply(source->query(instantUp()));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, Kind::TooManyRedirects);
        const QString msg = reply->error().message();
        QVERIFY2(msg.contains(QLatin1String("Too many redirects")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("more than 10")), qPrintable(msg));
        // The request and 10 redirects followed; the 11th is refused.
        QCOMPARE(origin.receivedRequests().size(), HttpClient::MaxRedirects + 1);
        QCOMPARE(source->inFlightCount(), 0);
    }

    void redirectToAnotherSchemeIsRefused()
    {
        FaultServer origin(FaultServer::Mode::Redirect);
        QVERIFY(origin.start());
        origin.setRedirect(302, "file:///etc/passwd");
        auto source = makeSource(origin.url(), HttpOptions::Auth::Basic);
        std::unique_ptr<QueryReply> reply(source->query(instantUp()));
        QVERIFY(waitDone(reply.get()));
        QCOMPARE(reply->error().kind, Kind::Network);
        QVERIFY2(reply->error().message().contains(QLatin1String("unsupported URL")),
                 qPrintable(reply->error().message()));
        QCOMPARE(origin.receivedRequests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDataSourceRedirects)
#include "test_datasource_redirects.moc"
