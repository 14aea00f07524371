#include "alertmanagerfixture.h"

#include "prometheusfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace pharos::test {

AlertmanagerFixture::AlertmanagerFixture() = default;

AlertmanagerFixture::~AlertmanagerFixture()
{
    stop();
}

QString AlertmanagerFixture::defaultConfigYaml()
{
    return QStringLiteral("route:\n"
                          "  receiver: devnull\n"
                          "  group_by: ['alertname']\n"
                          "  group_wait: 1s\n"
                          "  group_interval: 5s\n"
                          "receivers:\n"
                          "  - name: devnull\n"
                          "inhibit_rules:\n"
                          "  - source_matchers: ['severity=\"critical\"']\n"
                          "    target_matchers: ['severity=\"warning\"']\n"
                          "    equal: ['job']\n");
}

bool AlertmanagerFixture::isRunning() const
{
    return PrometheusFixture::isProcessRunning(m_process.get());
}

QByteArray AlertmanagerFixture::log() const
{
    return PrometheusFixture::readServerFile(m_dir.get(), QStringLiteral("alertmanager.log"));
}

bool AlertmanagerFixture::start(QString *error)
{
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        stop();
        return false;
    };
    stop();
    QString why;
    if (!PrometheusFixture::prepareServer(m_binary, QStringLiteral("Alertmanager"),
                                          QStringLiteral("prometheus-alertmanager"), &m_dir, &why))
        return fail(why);
    const QString configPath = m_dir->filePath(QStringLiteral("alertmanager.yml"));
    QFile cfg(configPath);
    const QString yaml = m_config.isEmpty() ? defaultConfigYaml() : m_config;
    if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate) || cfg.write(yaml.toUtf8()) < 0)
        return fail(QStringLiteral("Cannot write %1").arg(configPath));
    cfg.close();

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = PrometheusFixture::freePort();
        if (m_port == 0)
            return fail(QStringLiteral("Cannot find a free TCP port on 127.0.0.1"));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(m_port);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("alertmanager.log")));
        m_process->start(
            m_binary,
            {QStringLiteral("--config.file=") + configPath,
             QStringLiteral("--storage.path=") + m_dir->filePath(QStringLiteral("data")),
             QStringLiteral("--web.listen-address=") + address,
             // No gossip: clustering is disabled (status "disabled").
             QStringLiteral("--cluster.listen-address="), QStringLiteral("--log.level=warn")});
        if (!m_process->waitForStarted(10000))
            return fail(
                QStringLiteral("Cannot start %1: %2").arg(m_binary, m_process->errorString()));
        m_url = QUrl(QStringLiteral("http://") + address);

        QElapsedTimer clock;
        clock.start();
        bool ready = false;
        while (clock.elapsed() < m_startTimeoutMs && m_process->state() == QProcess::Running) {
            int status = 0;
            PrometheusFixture::httpGet(m_url.resolved(QUrl(QStringLiteral("/-/ready"))), &status,
                                       2000);
            if (status == 200) {
                ready = true;
                break;
            }
            PrometheusFixture::waitFor([] { return false; }, 100);
        }
        if (ready)
            return true;
        const bool exited = m_process->state() == QProcess::NotRunning;
        const QString out = QString::fromUtf8(log());
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
        if (exited && out.contains(QLatin1String("address already in use")))
            continue; // lost the port race; try another
        return fail(QStringLiteral("Alertmanager did not become ready at %1 within %2 ms. Log:\n%3")
                        .arg(m_url.toString())
                        .arg(m_startTimeoutMs)
                        .arg(out.right(4000)));
    }
    return fail(QStringLiteral("Alertmanager could not bind a free port after 3 attempts"));
}

void AlertmanagerFixture::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QByteArray AlertmanagerFixture::request(const QByteArray &method, const QString &pathAndQuery,
                                        const QByteArray &jsonBody, int *status) const
{
    QNetworkAccessManager nam;
    QNetworkRequest req(m_url.resolved(QUrl(pathAndQuery)));
    req.setTransferTimeout(15000);
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = nam.post(req, jsonBody);
    } else if (method == "DELETE") {
        reply = nam.deleteResource(req);
    } else {
        reply = nam.get(req);
    }
    PrometheusFixture::waitFor([reply] { return reply->isFinished(); }, 16000);
    if (!reply->isFinished())
        reply->abort();
    const QByteArray body = reply->readAll();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return body;
}

bool AlertmanagerFixture::postAlerts(const QByteArray &json, QString *error) const
{
    int status = 0;
    const QByteArray body =
        request(QByteArrayLiteral("POST"), QStringLiteral("/api/v2/alerts"), json, &status);
    if (status / 100 != 2) {
        if (error)
            *error = QStringLiteral("POST /api/v2/alerts failed: HTTP %1 %2")
                         .arg(status)
                         .arg(QString::fromUtf8(body));
        return false;
    }
    return true;
}

} // namespace pharos::test
