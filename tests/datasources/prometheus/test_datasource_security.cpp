// TLS, basic auth and failure diagnosis against real servers on 127.0.0.1: Prometheus started
// with --web.config.file (own CA, certificates and a bcrypt password made here with openssl and
// htpasswd) and VictoriaMetrics. Every wrong setting gives its own diagnosis.
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "faultserver.h"
#include "prometheusfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pharos;
using namespace pharos::test;
using Kind = DataSourceError::Kind;

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("s3cret-pw");

bool waitDone(DataSourceReply *reply, int timeoutMs = 30000)
{
    return PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

} // namespace

class TestDataSourceSecurity : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    PrometheusFixture m_prom;
    QString m_webConfig;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool run(const QString &program, const QStringList &args, QByteArray *output = nullptr)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(program, args);
        if (!p.waitForStarted(10000)) {
            qWarning("%s cannot be started: %s", qPrintable(program), qPrintable(p.errorString()));
            return false;
        }
        p.waitForFinished(60000);
        if (output)
            *output = p.readAllStandardOutput();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A server certificate signed by the test CA for `san`, valid `days` (negative: expired).
    bool makeCert(const QString &name, const QString &san, int days)
    {
        QFile ext(path(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write(QStringLiteral("subjectAltName=%1\nextendedKeyUsage=serverAuth,clientAuth\n")
                      .arg(san)
                      .toUtf8());
        ext.close();
        const QString openssl = QStringLiteral("openssl");
        return run(openssl, {QStringLiteral("req"), QStringLiteral("-newkey"),
                             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                             QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                             QStringLiteral("-out"), name + QStringLiteral(".csr"),
                             QStringLiteral("-subj"), QStringLiteral("/CN=") + name}) &&
               run(openssl,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                    name + QStringLiteral(".pem"), QStringLiteral("-days"), QString::number(days),
                    QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    }

    // Prometheus re-reads its web config file on every new connection.
    void writeWebConfig(const QString &cert, const QString &extra = {})
    {
        QByteArray hash;
        QVERIFY(run(QStringLiteral("htpasswd"),
                    {QStringLiteral("-nbBC"), QStringLiteral("10"), kUser, kPassword}, &hash));
        hash = hash.trimmed();
        QVERIFY(hash.startsWith(QByteArray(kUser.toUtf8() + ":$2")));
        QFile f(m_webConfig);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("tls_server_config:\n"
                               "  cert_file: %1.pem\n"
                               "  key_file: %1.key\n"
                               "%3"
                               "basic_auth_users:\n"
                               "  %2: '%4'\n")
                    .arg(path(cert), kUser, extra, QString::fromUtf8(hash.mid(kUser.size() + 1)))
                    .toUtf8());
    }

    DataSourceSettings goodSettings() const
    {
        DataSourceSettings s;
        s.uid = QStringLiteral("secure");
        s.name = QStringLiteral("Secure Prometheus");
        s.url = m_prom.url();
        s.http.timeoutMs = 20000;
        s.http.auth = HttpOptions::Auth::Basic;
        s.http.basicAuthUser = kUser;
        s.http.tlsCaFile = path(QStringLiteral("ca.pem"));
        s.secretNames = {QLatin1String(SecretName::BasicAuthPassword)};
        return s;
    }
    static DataSourceSecrets password(const QString &pw = kPassword)
    {
        DataSourceSecrets s;
        s.values.insert(QLatin1String(SecretName::BasicAuthPassword), pw);
        return s;
    }

    // Runs "Save & Test" and returns the reply (finished).
    std::unique_ptr<TestReply> test(PrometheusDataSource &source)
    {
        std::unique_ptr<TestReply> r(source.testConnection());
        if (!waitDone(r.get()))
            qWarning("the test did not finish");
        return r;
    }
    DataSourceError testError(const DataSourceSettings &s,
                              const DataSourceSecrets &secrets = password())
    {
        PrometheusDataSource source(s);
        source.setSecrets(secrets);
        auto r = test(source);
        return r->isFinished() ? r->error() : DataSourceError{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is not installed (Debian package openssl)");
        if (QStandardPaths::findExecutable(QStringLiteral("htpasswd")).isEmpty())
            QFAIL("htpasswd is not installed (Debian package apache2-utils)");
        QVERIFY(
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=Pharos Test CA"), QStringLiteral("-addext"),
                 QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                 QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}));
        QVERIFY(
            makeCert(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1,DNS:localhost"), 2));
        QVERIFY(makeCert(QStringLiteral("other"), QStringLiteral("DNS:other.pharos.test"), 2));
        QVERIFY(
            makeCert(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1,DNS:localhost"), -1));
        QVERIFY(makeCert(QStringLiteral("client"), QStringLiteral("DNS:pharos-client"), 2));
        m_webConfig = path(QStringLiteral("web.yml"));
        writeWebConfig(QStringLiteral("server"));
        m_prom.setWebConfig(m_webConfig, path(QStringLiteral("ca.pem")), kUser, kPassword);
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        QCOMPARE(m_prom.url().scheme(), QStringLiteral("https"));
    }

    void rightSettingsWork()
    {
        PrometheusDataSource source(goodSettings());
        QSignalSpy health(&source, &DataSource::healthChanged);
        source.setSecrets(password());
        auto r = test(source);
        QVERIFY2(!r->error().isError(), qPrintable(r->error().message()));
        QCOMPARE(r->result().flavour, QStringLiteral("Prometheus"));
        QVERIFY(r->result().version.startsWith(QLatin1String("2.")));
        QVERIFY(r->result().warnings.isEmpty());
        QCOMPARE(source.health().state, DataSourceHealth::State::Ok);
        QCOMPARE(source.health().flavour, QStringLiteral("Prometheus"));
        QVERIFY(health.count() >= 1);

        // A real query over TLS + basic auth: up{job="prometheus"} is 1.
        QueryRequest q;
        q.expr = QStringLiteral("up{job=\"prometheus\"}");
        q.instant = true;
        std::unique_ptr<QueryReply> reply(source.query(q));
        QVERIFY(waitDone(reply.get()));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().frames.size(), size_t(1));
        QCOMPARE(reply->result().frames.front().values.front(), 1.0);
    }

    void wrongPassword()
    {
        const DataSourceError e = testError(goodSettings(), password(QStringLiteral("wrong")));
        QCOMPARE(e.kind, Kind::Auth);
        QCOMPARE(e.httpStatus, 401);
        QVERIFY2(e.message().contains(QLatin1String("authentication failed")),
                 qPrintable(e.message()));
        DataSourceSettings none = goodSettings();
        none.http.auth = HttpOptions::Auth::None;
        none.secretNames.clear();
        QCOMPARE(testError(none, {}).kind, Kind::Auth);
    }

    void missingCa()
    {
        DataSourceSettings s = goodSettings();
        s.http.tlsCaFile.clear();
        const DataSourceError e = testError(s);
        QCOMPARE(e.kind, Kind::TlsUnknownCa);
        QVERIFY2(e.message().contains(QLatin1String("unknown certificate authority")),
                 qPrintable(e.message()));
    }

    void skipVerifyWorksButWarns()
    {
        DataSourceSettings s = goodSettings();
        s.http.tlsCaFile.clear();
        s.http.tlsSkipVerify = true;
        PrometheusDataSource source(s);
        source.setSecrets(password());
        auto r = test(source);
        QVERIFY2(!r->error().isError(), qPrintable(r->error().message()));
        const QStringList &warnings = r->result().warnings;
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QLatin1String("verification is disabled")));
    }

    void wrongServerName()
    {
        DataSourceSettings s = goodSettings();
        s.http.tlsServerName = QStringLiteral("wrong.pharos.test");
        const DataSourceError e = testError(s);
        QCOMPARE(e.kind, Kind::TlsHostnameMismatch);
        QVERIFY2(e.message().contains(QLatin1String("does not match")), qPrintable(e.message()));
    }

    void plainHttpToTlsPort()
    {
        DataSourceSettings s = goodSettings();
        QUrl u = s.url;
        u.setScheme(QStringLiteral("http"));
        s.url = u;
        const DataSourceError e = testError(s);
        QCOMPARE(e.kind, Kind::HttpToTlsPort);
        QVERIFY2(e.message().contains(QLatin1String("https://")), qPrintable(e.message()));
    }

    void wrongPrefixIs404()
    {
        DataSourceSettings s = goodSettings();
        s.jsonData.insert(QStringLiteral("pathPrefix"), QStringLiteral("/prometheus"));
        const DataSourceError e = testError(s);
        QCOMPARE(e.kind, Kind::NotFound);
        QVERIFY2(e.message().contains(QLatin1String("prefix")), qPrintable(e.message()));
    }

    void certificateForAnotherName()
    {
        writeWebConfig(QStringLiteral("other"));
        DataSourceSettings s = goodSettings();
        QCOMPARE(testError(s).kind, Kind::TlsHostnameMismatch);
        s.http.tlsServerName = QStringLiteral("other.pharos.test"); // the name it was issued for
        const DataSourceError ok = testError(s);
        QVERIFY2(!ok.isError(), qPrintable(ok.message()));
        writeWebConfig(QStringLiteral("server"));
    }

    void expiredCertificate()
    {
        writeWebConfig(QStringLiteral("expired"));
        const DataSourceError e = testError(goodSettings());
        writeWebConfig(QStringLiteral("server"));
        QCOMPARE(e.kind, Kind::TlsExpired);
        QVERIFY2(e.message().contains(QLatin1String("expired")), qPrintable(e.message()));
    }

    void clientCertificate()
    {
        writeWebConfig(QStringLiteral("server"),
                       QStringLiteral("  client_auth_type: RequireAndVerifyClientCert\n"
                                      "  client_ca_file: %1\n")
                           .arg(path(QStringLiteral("ca.pem"))));
        DataSourceSettings s = goodSettings();
        const DataSourceError without = testError(s);
        QVERIFY(without.isError());
        s.http.tlsClientCertFile = path(QStringLiteral("client.pem"));
        s.http.tlsClientKeyFile = path(QStringLiteral("client.key"));
        const DataSourceError with = testError(s);
        writeWebConfig(QStringLiteral("server"));
        QVERIFY2(!with.isError(), qPrintable(with.message()));

        s.http.tlsClientKeyFile = path(QStringLiteral("missing.key"));
        const DataSourceError missing = testError(s);
        QCOMPARE(missing.kind, Kind::Tls);
        QVERIFY2(missing.message().contains(QLatin1String("missing.key")),
                 qPrintable(missing.message()));
    }

    void dnsFailureAndConnectionRefused()
    {
        DataSourceSettings s;
        s.name = QStringLiteral("nowhere");
        s.url = QUrl(QStringLiteral("http://pharos-test.invalid:9090"));
        DataSourceError e = testError(s, {});
        QCOMPARE(e.kind, Kind::HostNotFound);
        QVERIFY2(e.message().contains(QLatin1String("pharos-test.invalid")),
                 qPrintable(e.message()));
        s.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(PrometheusFixture::freePort()));
        e = testError(s, {});
        QCOMPARE(e.kind, Kind::ConnectionRefused);
    }

    void victoriaMetricsFlavourAndTlsToPlainPort()
    {
        const QString vmBinary = QStringLiteral("/usr/bin/victoria-metrics");
        if (!QFileInfo(vmBinary).isExecutable())
            QFAIL("victoria-metrics is not installed (Debian package victoria-metrics)");
        QTemporaryDir data;
        const quint16 port = PrometheusFixture::freePort();
        QProcess vm;
        vm.setProcessChannelMode(QProcess::MergedChannels);
        vm.start(vmBinary, {QStringLiteral("-httpListenAddr=127.0.0.1:%1").arg(port),
                            QStringLiteral("-storageDataPath=") + data.path(),
                            QStringLiteral("-loggerLevel=ERROR")});
        QVERIFY(vm.waitForStarted(10000));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(PrometheusFixture::waitFor(
            [&] {
                int status = 0;
                PrometheusFixture::httpGet(url.resolved(QUrl(QStringLiteral("/health"))), &status,
                                           1000);
                return status == 200;
            },
            20000));
        DataSourceSettings s;
        s.name = QStringLiteral("vm");
        s.jsonData.insert(QStringLiteral("kind"),
                          dataSourceKindName(DataSourceKind::VictoriaMetrics));
        s.url = url;
        PrometheusDataSource source(s);
        auto r = test(source);
        QVERIFY2(!r->error().isError(), qPrintable(r->error().message()));
        QCOMPARE(r->result().flavour, QStringLiteral("VictoriaMetrics"));
        // Debian's build reports no version (empty buildinfo, no vm_app_version): the message
        // says so rather than inventing one.
        QVERIFY2(r->result().message.contains(QLatin1String("VictoriaMetrics")),
                 qPrintable(r->result().message));

        // https:// to a plain HTTP port.
        QUrl tls = url;
        tls.setScheme(QStringLiteral("https"));
        s.url = tls;
        const DataSourceError e = testError(s, {});
        QCOMPARE(e.kind, Kind::TlsToPlainPort);
        QVERIFY2(e.message().contains(QLatin1String("http://")), qPrintable(e.message()));
        vm.terminate();
        vm.waitForFinished(10000);
    }

    void secretsAreAwaited()
    {
        PrometheusDataSource source(goodSettings()); // has secrets, none set yet
        QVERIFY(!source.secretsReady());
        std::unique_ptr<BuildInfoReply> r(source.buildInfo());
        QTest::qWait(200);
        QVERIFY(!r->isFinished()); // waits for the keychain
        source.setSecrets(password());
        QVERIFY(waitDone(r.get()));
        QVERIFY2(!r->error().isError(), qPrintable(r->error().message()));

        PrometheusDataSource missing(goodSettings());
        std::unique_ptr<BuildInfoReply> m(missing.buildInfo());
        missing.setSecretsUnavailable(QStringLiteral("no Secret Service"));
        QVERIFY(waitDone(m.get()));
        QCOMPARE(m->error().kind, Kind::SecretsUnavailable);
        QVERIFY(m->error().message().contains(QLatin1String("no Secret Service")));
    }

    void backoffAndRecovery()
    {
        // HTTP 500 on every request: a fault a real Prometheus does not produce on demand.
        FaultServer server(FaultServer::Mode::Http500);
        QVERIFY(server.start());
        DataSourceSettings s;
        s.name = QStringLiteral("flaky");
        s.url = server.url();
        PrometheusDataSource source(s);
        for (int i = 0; i <= DataSource::BackoffFreeFailures; ++i) {
            std::unique_ptr<BuildInfoReply> r(source.buildInfo());
            QVERIFY(waitDone(r.get()));
            QCOMPARE(r->error().kind, Kind::HttpStatus);
        }
        QCOMPARE(source.health().state, DataSourceHealth::State::Failing);
        QCOMPARE(source.health().consecutiveFailures, DataSource::BackoffFreeFailures + 1);
        QVERIFY(source.isBackingOff());
        const int sent = int(server.requests().size());
        // While backing off, refreshes answer with the cause without touching the server.
        std::unique_ptr<BuildInfoReply> r(source.buildInfo());
        QVERIFY(waitDone(r.get()));
        QCOMPARE(r->error().kind, Kind::HttpStatus);
        QCOMPARE(int(server.requests().size()), sent);
        QCOMPARE(source.health().consecutiveFailures, DataSource::BackoffFreeFailures + 1);

        // The server recovers; after the back-off the next refresh goes out and resets it.
        server.setMode(FaultServer::Mode::MethodNotAllowedOnPost);
        QVERIFY(PrometheusFixture::waitFor([&] { return !source.isBackingOff(); },
                                           int(DataSource::maxBackoffMs())));
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = true;
        std::unique_ptr<QueryReply> ok(source.query(q));
        QVERIFY(waitDone(ok.get()));
        QVERIFY2(!ok->error().isError(), qPrintable(ok->error().message()));
        QCOMPARE(source.health().state, DataSourceHealth::State::Ok);
        QCOMPARE(source.health().consecutiveFailures, 0);
        QVERIFY(!source.health().backoffUntil.isValid());
    }

    void cleanupTestCase() { m_prom.stop(); }
};

QTEST_GUILESS_MAIN(TestDataSourceSecurity)
#include "test_datasource_security.moc"
