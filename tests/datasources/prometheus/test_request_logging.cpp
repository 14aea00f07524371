// The HTTP request log (pharos.datasources at debug level: `pharos --verbose`, or
// QT_LOGGING_RULES="*.debug=true") against a real Prometheus that wants basic auth. Requests
// go out with a basic-auth password, a bearer token, a secret custom header, a secret-looking
// custom query parameter and credentials in the URL, in this process (through a message
// handler) and through the built `pharos` binary (`export` and `datasource test`, stderr
// captured; secrets in gnome-keyring: run by run-with-keyring.sh). The request lines are there
// (method, path, status, size, duration) and no secret is, in any of its encodings.
#include "datasources/datasourcelogging.h"
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"

#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace pharos;
using namespace pharos::test;
using Kind = DataSourceError::Kind;

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("Lg-pw-s3cret-4d1e");
const QString kBearer = QStringLiteral("Lg-bearer-t0ken-8c2f");
const QString kHeaderSecret = QStringLiteral("Lg-hdr-s3cret-93ab");
const QString kParamSecret = QStringLiteral("Lg-param-tok-21fd"); // access_token=…
const QString kUrlUser = QStringLiteral("urluser-Lg-6a");
const QString kUrlPassword = QStringLiteral("Lg-url-pw-77e0");

// Every form in which a secret could leak into a log line.
QList<QByteArray> leakForms()
{
    QList<QByteArray> forms;
    const auto b64 = [](const QString &s) {
        return s.toUtf8().toBase64(QByteArray::OmitTrailingEquals);
    };
    for (const QString &s : {kPassword, kBearer, kHeaderSecret, kParamSecret, kUrlPassword}) {
        forms << s.toUtf8() << b64(s) << QUrl::toPercentEncoding(s);
        forms << s.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                     QByteArray::OmitTrailingEquals);
    }
    forms << b64(kUser + QLatin1Char(':') + kPassword) << kUrlUser.toUtf8()
          << b64(kUrlUser + QLatin1Char(':') + kUrlPassword);
    return forms;
}

QMutex g_mutex;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_mutex);
        g_messages << QString::fromLatin1(context.category ? context.category : "") +
                          QLatin1String(": ") + message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

QStringList takeMessages()
{
    QMutexLocker lock(&g_mutex);
    return std::exchange(g_messages, {});
}

bool waitDone(DataSourceReply *reply)
{
    return PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, 30000);
}

// The lines matching `pattern`; fails the test (with the log) when there is none.
QStringList matching(const QStringList &lines, const QString &pattern)
{
    const QRegularExpression re(pattern);
    QStringList out;
    for (const QString &l : lines) {
        if (re.match(l).hasMatch())
            out << l;
    }
    return out;
}

struct Result
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestRequestLogging : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;
    QTemporaryDir m_work;
    QByteArray m_everything; // every captured message and every process's output

    QString base() const { return QRegularExpression::escape(m_prom.url().toString()); }

    DataSourceSettings basicSettings(PrometheusOptions::HttpMethod method) const
    {
        DataSourceSettings s;
        s.uid = QStringLiteral("basic");
        s.name = QStringLiteral("Basic");
        s.url = m_prom.url();
        s.http.auth = HttpOptions::Auth::Basic;
        s.http.basicAuthUser = kUser;
        s.http.headers << DataSourceHeader{QStringLiteral("X-Api-Key"), QString(), true};
        PrometheusOptions prometheus;
        prometheus.httpMethod = method;
        prometheus.customQueryParameters =
            QStringLiteral("env=staging&access_token=") + kParamSecret;
        prometheus.storeIn(&s);
        s.secretNames = {QLatin1String(SecretName::BasicAuthPassword),
                         SecretName::header(QStringLiteral("X-Api-Key"))};
        return s;
    }
    static DataSourceSecrets basicSecrets()
    {
        DataSourceSecrets s;
        s.values.insert(QLatin1String(SecretName::BasicAuthPassword), kPassword);
        s.values.insert(SecretName::header(QStringLiteral("X-Api-Key")), kHeaderSecret);
        return s;
    }

    // Runs one request on a new data source and returns its error (Kind::None on success).
    DataSourceError run(const DataSourceSettings &settings, const DataSourceSecrets &secrets,
                        bool range)
    {
        PrometheusDataSource source(settings);
        source.setSecrets(secrets);
        QueryRequest q;
        q.expr = QStringLiteral("up");
        q.instant = !range;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        q.startMs = now - 60000;
        q.endMs = now;
        q.stepMs = 5000;
        q.timeMs = now;
        std::unique_ptr<QueryReply> reply(source.query(q));
        if (!waitDone(reply.get())) {
            DataSourceError e;
            e.kind = Kind::Timeout;
            e.detail = QStringLiteral("the test timed out");
            return e;
        }
        return reply->error();
    }

    Result pharos(const QStringList &args, const QByteArray &stdinData = {}, bool allDebug = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (allDebug)
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        else
            env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.remove(QStringLiteral("QT_MESSAGE_PATTERN"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PHAROS_EXECUTABLE), args);
        Result r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        // (not the arguments: one of them is a custom parameter the test calls secret)
        m_everything += "$ pharos " + args.value(0).toUtf8() + "...\n" + r.out + r.err;
        return r;
    }

    static QStringList lines(const QByteArray &text)
    {
        return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("PHAROS_KEYRING_SANDBOX").isEmpty())
            QFAIL("run this test through tests/datasources/run-with-keyring.sh (ctest does)");
        QVERIFY(QFileInfo(QStringLiteral(PHAROS_EXECUTABLE)).isExecutable());
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
        g_previous = qInstallMessageHandler(capture);
    }

    void redaction()
    {
        QCOMPARE(redactedUrl(QUrl(QStringLiteral(
                     "https://bob:pw@h:9090/p/api/v1/query?query=rate(x%5B5m%5D)&env=prod"
                     "&api_key=k1&X-Amz-Signature=s2&access_token=t3&Password=p4#f"))),
                 QStringLiteral("https://h:9090/p/api/v1/query?query=rate(x%5B5m%5D)&env=prod"
                                "&api_key=REDACTED&X-Amz-Signature=REDACTED"
                                "&access_token=REDACTED&Password=REDACTED"));
        QCOMPARE(redactedUrl(QUrl(QStringLiteral("http://user@h/"))), QStringLiteral("http://h/"));
        QVERIFY(isSecretName(QStringLiteral("Authorization")));
        QVERIFY(isSecretName(QStringLiteral("X-Api-Key")));
        QVERIFY(!isSecretName(QStringLiteral("X-Scope-OrgID")));
        QVERIFY(!isSecretName(QStringLiteral("query")));
    }

    void offByDefault()
    {
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!lcDataSources().isDebugEnabled());
        QVERIFY(lcDataSources().isInfoEnabled());
        QVERIFY(lcDataSources().isWarningEnabled());
        takeMessages();
        const DataSourceError e =
            run(basicSettings(PrometheusOptions::HttpMethod::Get), basicSecrets(), true);
        QVERIFY2(!e.isError(), qPrintable(e.detail));
        const QStringList log = takeMessages();
        QVERIFY2(matching(log, QStringLiteral("^pharos\\.")).isEmpty(),
                 qPrintable(log.join(QLatin1Char('\n'))));
    }

    void inProcess()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        QVERIFY(lcDataSources().isDebugEnabled());
        takeMessages();

        // Basic auth + secret header + custom parameters, GET (parameters in the URL).
        DataSourceError e =
            run(basicSettings(PrometheusOptions::HttpMethod::Get), basicSecrets(), true);
        QVERIFY2(!e.isError(), qPrintable(e.detail));
        // POST (parameters in the body): only the path is in the line.
        e = run(basicSettings(PrometheusOptions::HttpMethod::Post), basicSecrets(), false);
        QVERIFY2(!e.isError(), qPrintable(e.detail));

        // A bearer token: this server wants basic auth, so 401.
        DataSourceSettings bearer;
        bearer.uid = QStringLiteral("bearer");
        bearer.url = m_prom.url();
        bearer.http.auth = HttpOptions::Auth::Bearer;
        bearer.secretNames = {QLatin1String(SecretName::BearerToken)};
        DataSourceSecrets token;
        token.values.insert(QLatin1String(SecretName::BearerToken), kBearer);
        e = run(bearer, token, false);
        QCOMPARE(e.kind, Kind::Auth);

        // Credentials in the URL itself.
        DataSourceSettings inUrl;
        inUrl.uid = QStringLiteral("in-url");
        QUrl withUser = m_prom.url();
        withUser.setUserName(kUrlUser);
        withUser.setPassword(kUrlPassword);
        inUrl.url = withUser;
        run(inUrl, {}, false); // 401 or a network error: only the log matters here

        // Nothing listens: a network error.
        DataSourceSettings closed;
        closed.uid = QStringLiteral("closed");
        closed.url = QUrl(QStringLiteral("http://%1:%2@127.0.0.1:%3")
                              .arg(kUrlUser, kUrlPassword)
                              .arg(PrometheusFixture::freePort()));
        e = run(closed, {}, false);
        QCOMPARE(e.kind, Kind::ConnectionRefused);

        const QStringList log = takeMessages();
        const QString all = log.join(QLatin1Char('\n'));
        m_everything += all.toUtf8() + '\n';
        const QString ds = QStringLiteral("^pharos\\.datasources: ");
        const QString tail = QStringLiteral(", [1-9][0-9]* bytes, [0-9]+ ms");
        const QStringList get = matching(
            log, ds + QStringLiteral("GET ") + base() +
                     QStringLiteral("/api/v1/query_range\\?query=up&start=[0-9.]+&end=[0-9.]+"
                                    "&step=[0-9.]+&env=staging&access_token=REDACTED -> 200 OK") +
                     tail + QStringLiteral(" \\[headers: .*Authorization.*X-Api-Key.*\\]$"));
        QVERIFY2(get.size() == 1, qPrintable(all));
        const QStringList post =
            matching(log, ds + QStringLiteral("POST ") + base() +
                              QStringLiteral("/api/v1/query -> 200 OK") + tail);
        QVERIFY2(post.size() == 1, qPrintable(all));
        const QStringList unauthorized =
            matching(log, ds + QStringLiteral("POST ") + base() +
                              QStringLiteral("/api/v1/query -> 401 Unauthorized") + tail);
        QVERIFY2(unauthorized.size() == 2, qPrintable(all)); // bearer, URL user info
        const QStringList refused = matching(
            log, ds + QStringLiteral("POST http://127\\.0\\.0\\.1:[0-9]+/api/v1/query -> network "
                                     "error ConnectionRefusedError \\(.+\\), 0 bytes, [0-9]+ ms"));
        QVERIFY2(refused.size() == 1, qPrintable(all));
        for (const QByteArray &form : leakForms())
            QVERIFY2(
                !all.toUtf8().contains(form),
                qPrintable(QStringLiteral("%1 in the log:\n%2").arg(QString::fromUtf8(form), all)));
    }

    void binary()
    {
        QLoggingCategory::setFilterRules(QString());
        const QString url = m_prom.url().toString();
        // Secrets into the keychain, from stdin (as users give them).
        Result r = pharos(
            {QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("basic"),
             QStringLiteral("--url"), url, QStringLiteral("--basic-user"), kUser,
             QStringLiteral("--password-stdin"), QStringLiteral("--secret-header"),
             QStringLiteral("X-Api-Key"), QStringLiteral("--param"), QStringLiteral("env=staging"),
             QStringLiteral("--param"), QStringLiteral("access_token=") + kParamSecret,
             QStringLiteral("--method"), QStringLiteral("GET"), QStringLiteral("--scrape-interval"),
             QStringLiteral("1s"), QStringLiteral("--default")},
            kPassword.toUtf8() + '\n' + kHeaderSecret.toUtf8() + '\n');
        QVERIFY2(r.code == 0, r.err.constData());
        r = pharos({QStringLiteral("datasource"), QStringLiteral("add"), QStringLiteral("bearer"),
                    QStringLiteral("--url"), url, QStringLiteral("--bearer-stdin")},
                   kBearer.toUtf8() + '\n');
        QVERIFY2(r.code == 0, r.err.constData());

        const QString dashboard = m_work.filePath(QStringLiteral("up.json"));
        QFile f(dashboard);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"title": "Log test", "schemaVersion": 41, "uid": "log-test",
  "time": {"from": "now-5m", "to": "now"},
  "panels": [{"id": 7, "type": "timeseries", "title": "Up",
              "gridPos": {"x": 0, "y": 0, "w": 12, "h": 6},
              "targets": [{"refId": "A", "expr": "up"}]}]})");
        f.close();
        const QString png = m_work.filePath(QStringLiteral("up.png"));

        // Without --verbose: no debug lines, whatever QT_LOGGING_RULES leaves at its default.
        r = pharos({QStringLiteral("export"), dashboard, QStringLiteral("-o"), png}, {}, false);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!r.err.contains("pharos."), r.err.constData());

        // --verbose export (everything at debug level, Qt's own categories too).
        r = pharos({QStringLiteral("--verbose"), QStringLiteral("export"), dashboard,
                    QStringLiteral("-o"), png});
        QVERIFY2(r.code == 0, r.err.constData());
        QStringList log = lines(r.err);
        const QString all = QString::fromUtf8(r.err);
        const QString tail = QStringLiteral(", [1-9][0-9]* bytes, [0-9]+ ms");
        QVERIFY2(!matching(log, QStringLiteral("^pharos\\.datasources: GET ") + base() +
                                    QStringLiteral("/api/v1/query_range\\?query=up&.*"
                                                   "&env=staging&access_token=REDACTED -> 200 OK") +
                                    tail)
                      .isEmpty(),
                 qPrintable(all));
        QVERIFY2(!matching(log, QStringLiteral("^pharos\\.app: verbose logging on$")).isEmpty(),
                 qPrintable(all));
        QVERIFY2(
            !matching(log, QStringLiteral("^pharos\\.dashboards: loaded .*up\\.json")).isEmpty(),
            qPrintable(all));
        QVERIFY2(
            !matching(log, QStringLiteral("^pharos\\.panels: panel 7 timeseries data$")).isEmpty(),
            qPrintable(all));

        // --verbose on the datasource command: the bearer token is refused, basic auth works.
        r = pharos({QStringLiteral("--verbose"), QStringLiteral("datasource"),
                    QStringLiteral("test"), QStringLiteral("bearer")});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            !matching(lines(r.err), QStringLiteral("^pharos\\.datasources: (GET|POST) ") + base() +
                                        QStringLiteral("/api/v1/\\S+ -> 401 Unauthorized") + tail)
                 .isEmpty(),
            r.err.constData());
        r = pharos({QStringLiteral("datasource"), QStringLiteral("test"), QStringLiteral("basic"),
                    QStringLiteral("--verbose")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!matching(lines(r.err), QStringLiteral("^pharos\\.datasources: GET ") + base() +
                                             QStringLiteral("/api/v1/\\S+ -> 200 OK") + tail)
                      .isEmpty(),
                 r.err.constData());
    }

    void noSecretAnywhere()
    {
        QVERIFY(m_everything.contains("pharos.datasources: GET "));
        for (const QByteArray &form : leakForms())
            QVERIFY2(
                !m_everything.contains(form),
                qPrintable(QStringLiteral("%1 in the output:\n%2")
                               .arg(QString::fromUtf8(form), QString::fromUtf8(m_everything))));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        m_prom.stop();
    }
};

QTEST_GUILESS_MAIN(TestRequestLogging)
#include "test_request_logging.moc"
