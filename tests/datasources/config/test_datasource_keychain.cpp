// Secrets in a real gnome-keyring (run by run-with-keyring.sh inside dbus-run-session, with a
// temporary HOME): the `pharos datasource` command stores them, reads them back in a new
// process, deletes them with their data source; provisioning puts secureJsonData there; and
// afterwards no secret is found in the config directory, dashboards or logs.
#include "datasources/alertmanager/alertmanageroptions.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/config/provisioning.h"
#include "datasources/datasourcefactory.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"

#include <QDirIterator>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pharos;
using namespace pharos::test;

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("Kc-s3cret-7f2a");           // the right one
const QString kWrong = QStringLiteral("Wr0ng-pw-91bd");               // a wrong one
const QString kProvisioned = QStringLiteral("Pv-env-s3cret-55c1");    // via $PHAROS_TEST_PW
const QString kSessionOnly = QStringLiteral("Sess-only-s3cret-0a9e"); // --allow-no-keychain

struct Result
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestDataSourceKeychain : public QObject
{
    Q_OBJECT
private:
    QString m_sandbox;
    PrometheusFixture m_prom;
    QTemporaryDir m_work;
    QString m_log; // every command's output, also written under the sandbox

    Result pharos(const QStringList &args, const QByteArray &stdinData = {},
                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PHAROS_EXECUTABLE), args);
        Result r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        m_log += QStringLiteral("$ pharos %1\n%2%3\n").arg(args.join(' '), r.out, r.err);
        return r;
    }

    static CredentialJob::Error readSecret(const QString &ref, DataSourceSecrets *secrets)
    {
        CredentialStore store;
        CredentialJob *job = store.read(ref);
        bool done = false;
        CredentialJob::Error error = CredentialJob::Error::Other;
        connect(job, &CredentialJob::finished, job, [&] {
            done = true;
            error = job->error();
            *secrets = job->secrets();
        });
        PrometheusFixture::waitFor([&] { return done; }, 30000);
        return error;
    }

    static QString configText()
    {
        QFile f(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = qEnvironmentVariable("PHAROS_KEYRING_SANDBOX");
        if (m_sandbox.isEmpty())
            QFAIL("run this test through tests/datasources/run-with-keyring.sh (ctest does)");
        QVERIFY(DataSourceStore::configDir().startsWith(m_sandbox));
        QVERIFY(QFileInfo(QStringLiteral(PHAROS_EXECUTABLE)).isExecutable());
        // The keychain answers.
        CredentialStore store;
        CredentialJob *probe = store.probe();
        bool done = false;
        CredentialJob::Error error = CredentialJob::Error::Other;
        QString text;
        connect(probe, &CredentialJob::finished, probe, [&] {
            done = true;
            error = probe->error();
            text = probe->errorString();
        });
        QVERIFY(PrometheusFixture::waitFor([&] { return done; }, 30000));
        QVERIFY2(error == CredentialJob::Error::None, qPrintable(text));

        // Prometheus with basic auth (bcrypt hash from htpasswd).
        QVERIFY(m_work.isValid());
        QProcess htpasswd;
        htpasswd.start(QStringLiteral("htpasswd"),
                       {QStringLiteral("-nbBC"), QStringLiteral("10"), kUser, kPassword});
        if (!htpasswd.waitForStarted(10000))
            QFAIL("htpasswd is not installed (Debian package apache2-utils)");
        QVERIFY(htpasswd.waitForFinished(30000));
        const QByteArray line = htpasswd.readAllStandardOutput().trimmed();
        QVERIFY(line.startsWith("alice:$2"));
        const QString web = m_work.filePath(QStringLiteral("web.yml"));
        QFile f(web);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("basic_auth_users:\n  alice: '" + line.mid(6) + "'\n");
        f.close();
        m_prom.setWebConfig(web, {}, kUser, kPassword);
        QString why;
        if (!m_prom.start(&why))
            QFAIL(qPrintable(why));
    }

    void usageErrors()
    {
        QCOMPARE(pharos({QStringLiteral("datasource")}).code, 2);
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("frob")}).code, 2);
        const Result noUrl =
            pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("x")});
        QCOMPARE(noUrl.code, 2);
        QVERIFY(noUrl.err.contains(QLatin1String("--url")));
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("x"),
                         QStringLiteral("--url"), QStringLiteral("ftp://h/")})
                     .code,
                 2);
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("x"),
                         QStringLiteral("--url"), QStringLiteral("http://h"),
                         QStringLiteral("--kind"), QStringLiteral("graphite")})
                     .code,
                 2);
        const Result badType =
            pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("x"),
                    QStringLiteral("--url"), QStringLiteral("http://h"), QStringLiteral("--type"),
                    QStringLiteral("graphite")});
        QCOMPARE(badType.code, 2);
        QVERIFY2(badType.err.contains(QLatin1String("unknown type \"graphite\" (use prometheus")),
                 qPrintable(badType.err));
        const Result badInterval =
            pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("x"),
                    QStringLiteral("--url"), QStringLiteral("http://h"),
                    QStringLiteral("--scrape-interval"), QStringLiteral("often")});
        QCOMPARE(badInterval.code, 2);
        QVERIFY2(badInterval.err.contains(QLatin1String("--scrape-interval \"often\"")),
                 qPrintable(badInterval.err));
        const Result unknown =
            pharos({QStringLiteral("datasource"), QStringLiteral("test"), QStringLiteral("nope")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("nope")));
        const Result help = pharos({QStringLiteral("datasource"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QLatin1String("--password-stdin")));
    }

    void addTestRemove()
    {
        const QString url = m_prom.url().toString();
        const Result add =
            pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("prom"),
                    QStringLiteral("--url"), url, QStringLiteral("--basic-user"), kUser,
                    QStringLiteral("--password-stdin"), QStringLiteral("--default"),
                    QStringLiteral("--scrape-interval"), QStringLiteral("1s")},
                   kPassword.toUtf8() + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));

        // Stored in the keychain, not in the settings.
        DataSourceSecrets secrets;
        QCOMPARE(readSecret(QStringLiteral("datasource/prom"), &secrets),
                 CredentialJob::Error::None);
        QCOMPARE(secrets.value(QLatin1String(SecretName::BasicAuthPassword)), kPassword);
        QVERIFY(configText().contains(QLatin1String("datasource/prom")));
        QVERIFY(!configText().contains(kPassword));

        const Result list = pharos({QStringLiteral("datasource"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QLatin1String("* prom")), qPrintable(list.out));
        QVERIFY(list.out.contains(QLatin1String("basic (alice)")));
        QVERIFY(list.out.contains(url));

        // A new process reads the secret back and the server accepts it.
        const Result test =
            pharos({QStringLiteral("datasource"), QStringLiteral("test"), QStringLiteral("prom")});
        QVERIFY2(test.code == 0, qPrintable(test.err));
        QVERIFY2(test.out.contains(QLatin1String("Flavour: Prometheus")), qPrintable(test.out));
        QVERIFY2(test.out.contains(QLatin1String("Version: 2.")), qPrintable(test.out));

        // A wrong password is diagnosed.
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("add"),
                         QStringLiteral("wrong"), QStringLiteral("--url"), url,
                         QStringLiteral("--basic-user"), kUser, QStringLiteral("--password-stdin")},
                        kWrong.toUtf8() + '\n')
                     .code,
                 0);
        const Result bad =
            pharos({QStringLiteral("datasource"), QStringLiteral("test"), QStringLiteral("wrong")});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QLatin1String("HTTP 401: authentication failed")),
                 qPrintable(bad.err));
        QVERIFY(!bad.err.contains(kWrong));

        // Removing deletes the secrets.
        for (const QString &name : {QStringLiteral("prom"), QStringLiteral("wrong")}) {
            const Result rm =
                pharos({QStringLiteral("datasource"), QStringLiteral("remove"), name});
            QVERIFY2(rm.code == 0, qPrintable(rm.err));
            QCOMPARE(readSecret(QStringLiteral("datasource/") + name, &secrets),
                     CredentialJob::Error::NotFound);
        }
        QVERIFY(!pharos({QStringLiteral("datasource"), QStringLiteral("list")})
                     .out.contains(QLatin1String("prom")));
    }

    void typeOptionsReachJsonData()
    {
        // The Prometheus type's own options (its option table) become its jsonData.
        const Result add = pharos({QStringLiteral("datasource"),
                                   QStringLiteral("add"),
                                   QStringLiteral("thanos"),
                                   QStringLiteral("--type"),
                                   QStringLiteral("prometheus"),
                                   QStringLiteral("--url"),
                                   QStringLiteral("http://thanos:10902"),
                                   QStringLiteral("--kind"),
                                   QStringLiteral("thanos"),
                                   QStringLiteral("--path-prefix"),
                                   QStringLiteral("/q"),
                                   QStringLiteral("--tenant"),
                                   QStringLiteral("team-a"),
                                   QStringLiteral("--param"),
                                   QStringLiteral("a=1"),
                                   QStringLiteral("--param"),
                                   QStringLiteral("b=2"),
                                   QStringLiteral("--method"),
                                   QStringLiteral("get"),
                                   QStringLiteral("--scrape-interval"),
                                   QStringLiteral("1m30s"),
                                   QStringLiteral("--series-limit"),
                                   QStringLiteral("500")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QVERIFY2(add.out.contains(QLatin1String("(Thanos, http://thanos:10902/q)")),
                 qPrintable(add.out));
        const QList<DataSourceSettings> all = DataSourceStore::load();
        const qsizetype i = DataSourceStore::indexOf(all, QStringLiteral("thanos"));
        QVERIFY(i >= 0);
        QCOMPARE(all[i].type, QStringLiteral("prometheus"));
        const PrometheusOptions p = PrometheusOptions::of(all[i]);
        QCOMPARE(p.kind, DataSourceKind::Thanos);
        QCOMPARE(p.pathPrefix, QStringLiteral("/q"));
        QCOMPARE(p.tenantId, QStringLiteral("team-a"));
        QCOMPARE(p.customQueryParameters, QStringLiteral("a=1&b=2"));
        QCOMPARE(p.httpMethod, PrometheusOptions::HttpMethod::Get);
        QCOMPARE(p.scrapeIntervalMs, 90000);
        QCOMPARE(p.seriesLimit, 500);
        const Result list = pharos({QStringLiteral("datasource"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QLatin1String("thanos                   Thanos")),
                 qPrintable(list.out));
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("remove"),
                         QStringLiteral("thanos")})
                     .code,
                 0);
    }

    void alertmanagerOnTheCommandLine()
    {
        const QStringList add{QStringLiteral("datasource"),
                              QStringLiteral("add"),
                              QStringLiteral("am"),
                              QStringLiteral("--type"),
                              QStringLiteral("alertmanager"),
                              QStringLiteral("--url"),
                              QStringLiteral("http://am:9093")};
        // Another type's option is refused, with the reason.
        const Result kind =
            pharos(add + QStringList{QStringLiteral("--kind"), QStringLiteral("thanos")});
        QCOMPARE(kind.code, 2);
        QVERIFY2(kind.err.contains(
                     QLatin1String("--kind is not an option of alertmanager data sources")),
                 qPrintable(kind.err));
        const Result bad =
            pharos(add + QStringList{QStringLiteral("--implementation"), QStringLiteral("loki")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QLatin1String("unknown implementation \"loki\"")),
                 qPrintable(bad.err));
        // Without --implementation: a plain Alertmanager (its API at /api/v2 of the URL).
        const Result plain = pharos(add);
        QVERIFY2(plain.code == 0, qPrintable(plain.err));
        QVERIFY2(plain.out.contains(QLatin1String("(Alertmanager, http://am:9093)")),
                 qPrintable(plain.out));
        QList<DataSourceSettings> all = DataSourceStore::load();
        qsizetype i = DataSourceStore::indexOf(all, QStringLiteral("am"));
        QVERIFY(i >= 0);
        QCOMPARE(all[i].type, QStringLiteral("alertmanager"));
        QCOMPARE(all[i].jsonData.value(QLatin1String("implementation")).toString(),
                 QStringLiteral("prometheus"));
        QCOMPARE(
            pharos({QStringLiteral("datasource"), QStringLiteral("remove"), QStringLiteral("am")})
                .code,
            0);
        const Result mimir =
            pharos(add + QStringList{QStringLiteral("--implementation"), QStringLiteral("mimir")});
        QVERIFY2(mimir.code == 0, qPrintable(mimir.err));
        all = DataSourceStore::load();
        i = DataSourceStore::indexOf(all, QStringLiteral("am"));
        QVERIFY(i >= 0);
        QCOMPARE(all[i].jsonData.value(QLatin1String("implementation")).toString(),
                 QStringLiteral("mimir"));
        QCOMPARE(
            pharos({QStringLiteral("datasource"), QStringLiteral("remove"), QStringLiteral("am")})
                .code,
            0);
    }

    void provisioningToKeychain()
    {
        const QString file = m_work.filePath(QStringLiteral("datasources.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("apiVersion: 1\n"
                               "datasources:\n"
                               "  - name: Provisioned\n"
                               "    type: prometheus\n"
                               "    access: proxy\n"
                               "    url: ${PHAROS_TEST_URL}\n"
                               "    isDefault: true\n"
                               "    basicAuth: true\n"
                               "    basicAuthUser: alice\n"
                               "    jsonData:\n"
                               "      httpMethod: GET\n"
                               "      timeInterval: 1s\n"
                               "    secureJsonData:\n"
                               "      basicAuthPassword: $PHAROS_TEST_PW\n")
                    .toUtf8());
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PHAROS_TEST_URL"), m_prom.url().toString());
        env.insert(QStringLiteral("PHAROS_TEST_PW"), kPassword);
        const Result r = pharos({QStringLiteral("--provision"), file, QStringLiteral("datasource"),
                                 QStringLiteral("test"), QStringLiteral("Provisioned")},
                                {}, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Flavour: Prometheus")));

        const QList<DataSourceSettings> all = DataSourceStore::load();
        QCOMPARE(all.size(), 1);
        QVERIFY(all.first().provisioned);
        QCOMPARE(PrometheusOptions::of(all.first()).httpMethod, PrometheusOptions::HttpMethod::Get);
        QCOMPARE(PrometheusOptions::of(all.first()).scrapeIntervalMs, 1000);
        DataSourceSecrets secrets;
        QCOMPARE(readSecret(all.first().secretRef(), &secrets), CredentialJob::Error::None);
        QCOMPARE(secrets.value(QLatin1String(SecretName::BasicAuthPassword)), kPassword);
        QVERIFY(!configText().contains(kPassword));

        // Also from the provisioning/ folder, by the next start (deleteDatasources removes it
        // and its secrets).
        QVERIFY(QDir().mkpath(Provisioning::directory()));
        QFile del(Provisioning::directory() + QStringLiteral("/cleanup.yaml"));
        QVERIFY(del.open(QIODevice::WriteOnly));
        del.write("apiVersion: 1\ndeleteDatasources:\n  - name: Provisioned\n    orgId: 1\n");
        del.close();
        const QString ref = all.first().secretRef();
        QCOMPARE(pharos({QStringLiteral("--provision"), del.fileName(),
                         QStringLiteral("datasource"), QStringLiteral("list")})
                     .code,
                 0);
        QVERIFY(DataSourceStore::load().isEmpty());
        QCOMPARE(readSecret(ref, &secrets), CredentialJob::Error::NotFound);
        QFile::remove(del.fileName());
    }

    void noKeychain()
    {
        // Without a Secret Service the command says so and fails, unless told otherwise.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_sandbox + QStringLiteral("/no-such-bus"));
        const QStringList add{QStringLiteral("datasource"),
                              QStringLiteral("add"),
                              QStringLiteral("nokeychain"),
                              QStringLiteral("--url"),
                              m_prom.url().toString(),
                              QStringLiteral("--basic-user"),
                              kUser,
                              QStringLiteral("--password-stdin")};
        const Result refused = pharos(add, kSessionOnly.toUtf8() + '\n', env);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("No keychain is available")),
                 qPrintable(refused.err));
        QCOMPARE(DataSourceStore::indexOf(DataSourceStore::load(), QStringLiteral("nokeychain")),
                 -1);
        const Result allowed = pharos(add + QStringList{QStringLiteral("--allow-no-keychain")},
                                      kSessionOnly.toUtf8() + '\n', env);
        QVERIFY2(allowed.code == 0, qPrintable(allowed.err));
        QVERIFY(allowed.err.contains(QLatin1String("not stored")));
        // The secret is given again for the test, from stdin.
        const Result test = pharos(
            {QStringLiteral("datasource"), QStringLiteral("test"), QStringLiteral("nokeychain"),
             QStringLiteral("--password-stdin"), QStringLiteral("--allow-no-keychain")},
            kPassword.toUtf8() + '\n', env);
        QVERIFY2(test.code == 0, qPrintable(test.err));
        QCOMPARE(pharos({QStringLiteral("datasource"), QStringLiteral("remove"),
                         QStringLiteral("nokeychain")},
                        {}, env)
                     .code,
                 0);

        // In the application: session-only secrets live in memory.
        CredentialStore store;
        store.setSessionOnly(true);
        DataSourceSecrets s;
        s.values.insert(QLatin1String(SecretName::BearerToken), kSessionOnly);
        bool done = false;
        CredentialJob *w = store.write(QStringLiteral("datasource/mem"), s);
        connect(w, &CredentialJob::finished, w,
                [&] { done = w->error() == CredentialJob::Error::None; });
        QVERIFY(PrometheusFixture::waitFor([&] { return done; }, 5000));
        DataSourceSecrets back;
        done = false;
        CredentialJob *r = store.read(QStringLiteral("datasource/mem"));
        connect(r, &CredentialJob::finished, r, [&] {
            back = r->secrets();
            done = true;
        });
        QVERIFY(PrometheusFixture::waitFor([&] { return done; }, 5000));
        QCOMPARE(back, s);
        DataSourceSecrets inKeychain;
        QCOMPARE(readSecret(QStringLiteral("datasource/mem"), &inKeychain),
                 CredentialJob::Error::NotFound);
    }

    // A job still pending when its store goes (a command exits before the keychain answers)
    // goes with it: nothing leaks and nothing fires on a dead store.
    void pendingJobsGoWithTheStore()
    {
        QPointer<CredentialJob> keychainRead;
        QPointer<CredentialJob> sessionRead;
        {
            CredentialStore store;
            keychainRead = store.read(QStringLiteral("datasource/pending"));
            CredentialStore memory;
            memory.setSessionOnly(true);
            sessionRead = memory.read(QStringLiteral("datasource/pending"));
            QVERIFY(keychainRead);
            QVERIFY(sessionRead);
        }
        QVERIFY(!keychainRead);
        QVERIFY(!sessionRead);
        QCoreApplication::processEvents(); // a late keychain answer finds nothing to touch
    }

    void provisioningFileFields()
    {
        const QByteArray yaml = "apiVersion: 1\n"
                                "deleteDatasources:\n"
                                "  - name: Old\n"
                                "datasources:\n"
                                "  - name: Thanos\n"
                                "    type: prometheus\n"
                                "    uid: thanos-uid\n"
                                "    url: https://${HOST}:10902\n"
                                "    jsonData:\n"
                                "      prometheusType: Thanos\n"
                                "      httpMethod: POST\n"
                                "      timeInterval: 30s\n"
                                "      timeout: 45\n"
                                "      customQueryParameters: max_source_resolution=5m\n"
                                "      tlsSkipVerify: true\n"
                                "      tlsAuthWithCACert: true\n"
                                "      tlsAuth: true\n"
                                "      serverName: thanos.internal\n"
                                "      responseLimitBytes: 1048576\n"
                                "      httpHeaderName1: X-Api-Key\n"
                                "    secureJsonData:\n"
                                "      httpHeaderValue1: $KEY\n"
                                "      tlsCACert: |\n"
                                "        -----BEGIN CERTIFICATE-----\n"
                                "      tlsClientCert: cert\n"
                                "      tlsClientKey: key$$1\n"
                                "  - name: Loki\n"
                                "    type: loki\n"
                                "    url: http://loki:3100\n";
        const QHash<QString, QString> env{{QStringLiteral("HOST"), QStringLiteral("thanos")},
                                          {QStringLiteral("KEY"), QStringLiteral("k-123")}};
        ProvisioningResult result;
        QString error;
        QVERIFY2(Provisioning::parse(yaml, &result, &error, &env), qPrintable(error));
        QCOMPARE(result.deleteNames, QStringList{QStringLiteral("Old")});
        QCOMPARE(result.dataSources.size(), 1);
        QCOMPARE(result.warnings.size(), 1); // Loki skipped
        const DataSourceSettings &s = result.dataSources.first().settings;
        const DataSourceSecrets &sec = result.dataSources.first().secrets;
        QCOMPARE(PrometheusOptions::of(s).kind, DataSourceKind::Thanos);
        QCOMPARE(s.uid, QStringLiteral("thanos-uid"));
        QCOMPARE(s.url, QUrl(QStringLiteral("https://thanos:10902")));
        QCOMPARE(PrometheusOptions::of(s).scrapeIntervalMs, 30000);
        QCOMPARE(s.http.timeoutMs, 45000);
        QCOMPARE(PrometheusOptions::of(s).customQueryParameters,
                 QStringLiteral("max_source_resolution=5m"));
        QVERIFY(s.http.tlsSkipVerify);
        QCOMPARE(s.http.tlsServerName, QStringLiteral("thanos.internal"));
        QCOMPARE(s.http.responseLimitBytes, qint64(1048576));
        QCOMPARE(s.http.headers.size(), 1);
        QVERIFY(s.http.headers.first().secret && s.http.headers.first().value.isEmpty());
        QCOMPARE(sec.value(SecretName::header(QStringLiteral("X-Api-Key"))),
                 QStringLiteral("k-123"));
        QVERIFY(sec.value(QLatin1String(SecretName::TlsCaCert)).startsWith(QLatin1String("-----")));
        QCOMPARE(sec.value(QLatin1String(SecretName::TlsClientKey)), QStringLiteral("key$1"));
        QCOMPARE(s.secretNames.size(), 4);

        ProvisioningResult bad;
        QVERIFY(!Provisioning::parse("apiVersion: 2\ndatasources: []\n", &bad, &error, &env));
        QVERIFY(error.contains(QLatin1String("apiVersion")));
        QVERIFY(!Provisioning::parse("apiVersion: 1\ndatasources: [\n", &bad, &error, &env));
        QVERIFY(error.contains(QLatin1String("line")));
    }

    void provisioningAlertmanager()
    {
        // Grafana's Alertmanager entry: type alertmanager, jsonData.implementation.
        const QByteArray yaml = "apiVersion: 1\n"
                                "datasources:\n"
                                "  - name: Mimir Alertmanager\n"
                                "    type: alertmanager\n"
                                "    uid: mimir-am\n"
                                "    url: http://${HOST}:8080\n"
                                "    jsonData:\n"
                                "      implementation: mimir\n"
                                "      handleGrafanaManagedAlerts: false\n";
        const QHash<QString, QString> env{{QStringLiteral("HOST"), QStringLiteral("mimir")}};
        ProvisioningResult result;
        QString error;
        QVERIFY2(Provisioning::parse(yaml, &result, &error, &env), qPrintable(error));
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.dataSources.size(), 1);
        const DataSourceSettings &s = result.dataSources.first().settings;
        QCOMPARE(s.type, QStringLiteral("alertmanager"));
        QCOMPARE(s.uid, QStringLiteral("mimir-am"));
        QCOMPARE(s.url, QUrl(QStringLiteral("http://mimir:8080")));
        QCOMPARE(AlertmanagerOptions::of(s).implementation,
                 AlertmanagerOptions::Implementation::Mimir);
        QCOMPARE(s.jsonData.value(QLatin1String("implementation")).toString(),
                 QStringLiteral("mimir"));
        QCOMPARE(QByteArray(dataSourceTypeOf(s).id), QByteArray("alertmanager"));
        QCOMPARE(dataSourceTypeOf(s).endpoint(s),
                 QUrl(QStringLiteral("http://mimir:8080/alertmanager")));
        QCOMPARE(dataSourceTypeOf(s).describe(s), QStringLiteral("Alertmanager (Mimir)"));
        QVERIFY(result.dataSources.first().secrets.isEmpty());
    }

    void noSecretAnywhere()
    {
        // Config directory, dashboards, logs: everything the runs left in the sandbox (the
        // keyring file is encrypted), plus the commands' own output.
        QFile log(m_sandbox + QStringLiteral("/home/pharos-commands.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(m_log.toUtf8());
        log.close();
        const QStringList secrets{kPassword, kWrong, kProvisioned, kSessionOnly};
        int files = 0;
        QDirIterator it(m_sandbox, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray data = f.readAll();
            for (const QString &s : secrets)
                QVERIFY2(!data.contains(s.toUtf8()),
                         qPrintable(QStringLiteral("%1 found in %2").arg(s, f.fileName())));
        }
        QVERIFY(files >= 3); // datasources.json, the keyring, the log
    }

    void cleanupTestCase() { m_prom.stop(); }
};

QTEST_GUILESS_MAIN(TestDataSourceKeychain)
#include "test_datasource_keychain.moc"
