#include "prometheusfixture.h"

#include "datasources/http/httpclient.h"

#include "datasources/http/httpclient.h"
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

namespace pharos::test {

namespace {

struct ClientConfig
{
    QList<QSslCertificate> ca;
    QByteArray authorization;
};

QByteArray request(const QUrl &url, const QByteArray *postBody, int *status, int timeoutMs,
                   const ClientConfig &client = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setTransferTimeout(timeoutMs);
    if (!client.authorization.isEmpty())
        req.setRawHeader("Authorization", client.authorization);
    if (!client.ca.isEmpty()) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.addCaCertificates(client.ca);
        req.setSslConfiguration(conf);
    }
    QNetworkReply *reply = nullptr;
    if (postBody) {
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(req, *postBody);
    } else {
        reply = nam.get(req);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished())
        reply->abort();
    const QByteArray body = reply->readAll();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return body;
}

} // namespace

PrometheusFixture::PrometheusFixture() = default;

PrometheusFixture::~PrometheusFixture()
{
    stop();
}

quint16 PrometheusFixture::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool PrometheusFixture::prepareServer(const QString &binary, const QString &name,
                                      const QString &package, std::unique_ptr<QTemporaryDir> *dir,
                                      QString *error)
{
    const QFileInfo bin(binary);
    if (!bin.exists() || !bin.isExecutable()) {
        *error = QStringLiteral("%1 binary not found or not executable at %2 (install the Debian "
                                "package '%3')")
                     .arg(name, binary, package);
        return false;
    }
    *dir = std::make_unique<QTemporaryDir>();
    if (!(*dir)->isValid()) {
        *error = QStringLiteral("Cannot create a temporary directory for %1").arg(name);
        return false;
    }
    return true;
}

QByteArray PrometheusFixture::readServerFile(const QTemporaryDir *dir, const QString &fileName)
{
    if (!dir)
        return {};
    QFile f(dir->filePath(fileName));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool PrometheusFixture::isRunning() const
{
    return isProcessRunning(m_process.get());
}

QByteArray PrometheusFixture::log() const
{
    return readServerFile(m_dir.get(), QStringLiteral("prometheus.log"));
}

bool PrometheusFixture::start(QString *error)
{
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        stop();
        return false;
    };
    stop();
    QString why;
    if (!prepareServer(m_binary, QStringLiteral("Prometheus"), QStringLiteral("prometheus"), &m_dir,
                       &why))
        return fail(why);

    if (!m_pushgatewayBinary.isEmpty()) {
        QFileInfo pg(m_pushgatewayBinary);
        if (!pg.exists() || !pg.isExecutable())
            return fail(QStringLiteral("Pushgateway binary not found or not executable at %1 "
                                       "(install the Debian package 'prometheus-pushgateway')")
                            .arg(m_pushgatewayBinary));
        bool ready = false;
        for (int attempt = 0; attempt < 3 && !ready; ++attempt) {
            const quint16 port = freePort();
            m_pushgateway = std::make_unique<QProcess>();
            m_pushgateway->setProcessChannelMode(QProcess::MergedChannels);
            m_pushgateway->setStandardOutputFile(
                m_dir->filePath(QStringLiteral("pushgateway.log")));
            m_pushgatewayUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
            m_pushgateway->start(m_pushgatewayBinary,
                                 {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                  QStringLiteral("--log.level=warn"),
                                  // Debian's default file is shared by every instance.
                                  QStringLiteral("--persistence.file=") +
                                      m_dir->filePath(QStringLiteral("pushgateway.data"))});
            if (!m_pushgateway->waitForStarted(10000))
                return fail(QStringLiteral("Cannot start %1: %2")
                                .arg(m_pushgatewayBinary, m_pushgateway->errorString()));
            ready = waitFor(
                        [this] {
                            int status = 0;
                            httpGet(m_pushgatewayUrl.resolved(QUrl(QStringLiteral("/-/ready"))),
                                    &status, 1000);
                            return status == 200 || m_pushgateway->state() == QProcess::NotRunning;
                        },
                        10000) &&
                    m_pushgateway->state() == QProcess::Running;
            if (!ready) {
                m_pushgateway->kill();
                m_pushgateway->waitForFinished(5000);
                m_pushgateway.reset();
            }
        }
        if (!ready)
            return fail(QStringLiteral("The pushgateway did not become ready"));
        m_extraYaml << QStringLiteral("  - job_name: pushgateway\n"
                                      "    honor_labels: true\n"
                                      "    static_configs:\n"
                                      "      - targets: ['%1']\n")
                           .arg(m_pushgatewayUrl.authority());
    }

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("Cannot find a free TCP port on 127.0.0.1"));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(m_port);

        QString yaml = QStringLiteral("global:\n"
                                      "  scrape_interval: 1s\n"
                                      "  evaluation_interval: 1s\n"
                                      "scrape_configs:\n"
                                      "  - job_name: prometheus\n"
                                      "    static_configs:\n"
                                      "      - targets: ['%1']\n")
                           .arg(target);
        if (!m_caFile.isEmpty())
            yaml += QStringLiteral("    scheme: https\n"
                                   "    tls_config:\n"
                                   "      insecure_skip_verify: true\n");
        if (!m_user.isEmpty())
            yaml += QStringLiteral("    basic_auth:\n"
                                   "      username: '%1'\n"
                                   "      password: '%2'\n")
                        .arg(m_user, m_password);
        for (const QString &job : std::as_const(m_extraJobs))
            yaml += QStringLiteral("  - job_name: '%1'\n"
                                   "    static_configs:\n"
                                   "      - targets: ['%2']\n")
                        .arg(job, target);
        for (const QString &extra : std::as_const(m_extraYaml))
            yaml += extra.endsWith(QLatin1Char('\n')) ? extra : extra + QLatin1Char('\n');
        if (!m_rulesYaml.isEmpty()) {
            const QString rulesPath = m_dir->filePath(QStringLiteral("rules.yml"));
            QFile rules(rulesPath);
            if (!rules.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                rules.write(m_rulesYaml.toUtf8()) < 0)
                return fail(QStringLiteral("Cannot write %1").arg(rulesPath));
            yaml += QStringLiteral("rule_files:\n  - '%1'\n").arg(rulesPath);
        }

        const QString configPath = m_dir->filePath(QStringLiteral("prometheus.yml"));
        QFile cfg(configPath);
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate) || cfg.write(yaml.toUtf8()) < 0)
            return fail(QStringLiteral("Cannot write %1").arg(configPath));
        cfg.close();

        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("prometheus.log")));
        QStringList args{
            QStringLiteral("--config.file=") + configPath,
            QStringLiteral("--storage.tsdb.path=") + m_dir->filePath(QStringLiteral("data")),
            QStringLiteral("--web.listen-address=") + target, QStringLiteral("--log.level=warn")};
        if (!m_webConfig.isEmpty())
            args << QStringLiteral("--web.config.file=") + m_webConfig;
        args << m_extraArgs;
        m_process->start(m_binary, args);
        if (!m_process->waitForStarted(10000))
            return fail(
                QStringLiteral("Cannot start %1: %2").arg(m_binary, m_process->errorString()));
        m_url = QUrl((m_caFile.isEmpty() ? QStringLiteral("http://") : QStringLiteral("https://")) +
                     target);

        // Wait for /-/ready.
        QElapsedTimer clock;
        clock.start();
        bool ready = false;
        while (clock.elapsed() < m_startTimeoutMs && m_process->state() == QProcess::Running) {
            int status = 0;
            get(m_url.resolved(QUrl(QStringLiteral("/-/ready"))), &status, 2000);
            if (status == 200) {
                ready = true;
                break;
            }
            waitFor([] { return false; }, 100);
        }
        if (!ready) {
            const bool exited = m_process->state() == QProcess::NotRunning;
            const QString out = QString::fromUtf8(log());
            m_process->kill();
            m_process->waitForFinished(5000);
            m_process.reset();
            if (exited && out.contains(QLatin1String("address already in use")))
                continue; // lost the port race; try another
            return fail(QStringLiteral("Prometheus did not become ready at %1 within %2 ms. "
                                       "Log:\n%3")
                            .arg(m_url.toString())
                            .arg(m_startTimeoutMs)
                            .arg(out.right(4000)));
        }

        // Wait for data: at least 3 scrapes and the HTTP metrics present.
        const bool haveData = waitFor(
            [this] {
                QThread::msleep(200);
                const QJsonObject a = queryJson(
                    QStringLiteral("/api/v1/query"),
                    QUrlQuery{
                        {QStringLiteral("query"),
                         QStringLiteral("count_over_time(up{job=\"prometheus\"}[1m]) >= 3")}});
                const QJsonObject b =
                    queryJson(QStringLiteral("/api/v1/query"),
                              QUrlQuery{{QStringLiteral("query"),
                                         QStringLiteral("prometheus_http_requests_total")}});
                return !a.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("result"))
                            .toArray()
                            .isEmpty() &&
                       !b.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("result"))
                            .toArray()
                            .isEmpty();
            },
            std::max(1000, m_startTimeoutMs - int(clock.elapsed())));
        if (!haveData)
            return fail(QStringLiteral("Prometheus at %1 is ready but has no scraped data "
                                       "after %2 ms. Log:\n%3")
                            .arg(m_url.toString())
                            .arg(m_startTimeoutMs)
                            .arg(QString::fromUtf8(log()).right(4000)));
        return true;
    }
    return fail(QStringLiteral("Prometheus could not bind a free port after 3 attempts"));
}

bool PrometheusFixture::push(const QString &job, const QByteArray &textFormat, QString *error) const
{
    if (!m_pushgateway) {
        if (error)
            *error = QStringLiteral("push(): the pushgateway is not enabled");
        return false;
    }
    QNetworkAccessManager nam;
    QUrl url = m_pushgatewayUrl;
    url.setPath(QStringLiteral("/metrics/job/") + job);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    QNetworkReply *reply = nam.put(req, textFormat);
    waitFor([reply] { return reply->isFinished(); }, 10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    delete reply;
    if (status / 100 != 2) {
        if (error)
            *error = QStringLiteral("push to %1 failed: HTTP %2 %3")
                         .arg(url.toString())
                         .arg(status)
                         .arg(QString::fromUtf8(body));
        return false;
    }
    return true;
}

bool PrometheusFixture::waitForSeries(const QString &promql, int minResults, int timeoutMs) const
{
    return waitFor(
        [&] {
            const QJsonObject o = queryJson(QStringLiteral("/api/v1/query"),
                                            QUrlQuery{{QStringLiteral("query"), promql}});
            return o.value(QLatin1String("data"))
                       .toObject()
                       .value(QLatin1String("result"))
                       .toArray()
                       .size() >= minResults;
        },
        timeoutMs);
}

void PrometheusFixture::stop()
{
    if (m_pushgateway) {
        if (m_pushgateway->state() != QProcess::NotRunning) {
            m_pushgateway->terminate();
            if (!m_pushgateway->waitForFinished(10000)) {
                m_pushgateway->kill();
                m_pushgateway->waitForFinished(5000);
            }
        }
        m_pushgateway.reset();
    }
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }
}

QJsonObject PrometheusFixture::queryJson(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_url;
    u.setPath(path);
    u.setQuery(QString::fromLatin1(encodeForm(query)), QUrl::StrictMode);
    const QByteArray body = get(u, nullptr, 10000);
    return QJsonDocument::fromJson(body).object();
}

QByteArray PrometheusFixture::get(const QUrl &url, int *status, int timeoutMs) const
{
    ClientConfig client;
    if (!m_caFile.isEmpty())
        client.ca = QSslCertificate::fromPath(m_caFile, QSsl::Pem);
    if (!m_user.isEmpty())
        client.authorization =
            "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64();
    return request(url, nullptr, status, timeoutMs, client);
}

QByteArray PrometheusFixture::httpGet(const QUrl &url, int *status, int timeoutMs)
{
    return request(url, nullptr, status, timeoutMs);
}

QByteArray PrometheusFixture::httpPost(const QUrl &url, const QUrlQuery &form, int *status,
                                       int timeoutMs)
{
    const QByteArray body = encodeForm(form);
    return request(url, &body, status, timeoutMs);
}

bool PrometheusFixture::waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (cond())
            return true;
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

} // namespace pharos::test
