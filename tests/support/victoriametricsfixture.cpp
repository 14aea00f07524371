#include "victoriametricsfixture.h"

#include "prometheusfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace pharos::test {

VictoriaMetricsFixture::VictoriaMetricsFixture() = default;

VictoriaMetricsFixture::~VictoriaMetricsFixture()
{
    stop();
}

bool VictoriaMetricsFixture::isRunning() const
{
    return PrometheusFixture::isProcessRunning(m_process.get());
}

QByteArray VictoriaMetricsFixture::log() const
{
    return PrometheusFixture::readServerFile(m_dir.get(), QStringLiteral("victoria-metrics.log"));
}

bool VictoriaMetricsFixture::start(QString *error)
{
    auto fail = [&](const QString &msg) {
        if (error)
            *error = msg;
        stop();
        return false;
    };
    stop();
    QString why;
    if (!PrometheusFixture::prepareServer(m_binary, QStringLiteral("VictoriaMetrics"),
                                          QStringLiteral("victoria-metrics"), &m_dir, &why))
        return fail(why);

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = PrometheusFixture::freePort();
        if (m_port == 0)
            return fail(QStringLiteral("Cannot find a free TCP port on 127.0.0.1"));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(m_port);
        QString yaml = QStringLiteral("global:\n"
                                      "  scrape_interval: 1s\n"
                                      "scrape_configs:\n"
                                      "  - job_name: victoriametrics\n"
                                      "    static_configs:\n"
                                      "      - targets: ['%1']\n")
                           .arg(target);
        for (const auto &[job, hostPort] : std::as_const(m_extraTargets))
            yaml += QStringLiteral("  - job_name: '%1'\n"
                                   "    static_configs:\n"
                                   "      - targets: ['%2']\n")
                        .arg(job, hostPort);
        const QString configPath = m_dir->filePath(QStringLiteral("scrape.yml"));
        QFile cfg(configPath);
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate) || cfg.write(yaml.toUtf8()) < 0)
            return fail(QStringLiteral("Cannot write %1").arg(configPath));
        cfg.close();

        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("victoria-metrics.log")));
        QStringList args{
            QStringLiteral("-httpListenAddr=") + target,
            QStringLiteral("-storageDataPath=") + m_dir->filePath(QStringLiteral("data")),
            QStringLiteral("-promscrape.config=") + configPath,
            QStringLiteral("-search.latencyOffset=0s"), QStringLiteral("-loggerLevel=WARN")};
        args << m_extraArgs;
        m_process->start(m_binary, args);
        if (!m_process->waitForStarted(10000))
            return fail(
                QStringLiteral("Cannot start %1: %2").arg(m_binary, m_process->errorString()));
        m_url = QUrl(QStringLiteral("http://") + target);

        QElapsedTimer clock;
        clock.start();
        bool ready = false;
        while (clock.elapsed() < m_startTimeoutMs && m_process->state() == QProcess::Running) {
            int status = 0;
            PrometheusFixture::httpGet(m_url.resolved(QUrl(QStringLiteral("/health"))), &status,
                                       2000);
            if (status == 200) {
                ready = true;
                break;
            }
            PrometheusFixture::waitFor([] { return false; }, 100);
        }
        if (!ready) {
            const bool exited = m_process->state() == QProcess::NotRunning;
            const QString out = QString::fromUtf8(log());
            m_process->kill();
            m_process->waitForFinished(5000);
            m_process.reset();
            if (exited && out.contains(QLatin1String("address already in use")))
                continue; // lost the port race; try another
            return fail(QStringLiteral("VictoriaMetrics did not become ready at %1 within %2 ms. "
                                       "Log:\n%3")
                            .arg(m_url.toString())
                            .arg(m_startTimeoutMs)
                            .arg(out.right(4000)));
        }

        const bool haveData = PrometheusFixture::waitFor(
            [this] {
                QThread::msleep(200);
                const QJsonObject o = queryJson(
                    QStringLiteral("/api/v1/query"),
                    QUrlQuery{
                        {QStringLiteral("query"),
                         QStringLiteral("count_over_time(up{job=\"victoriametrics\"}[1m]) >= 3")}});
                return !o.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("result"))
                            .toArray()
                            .isEmpty();
            },
            std::max(1000, m_startTimeoutMs - int(clock.elapsed())));
        if (!haveData)
            return fail(QStringLiteral("VictoriaMetrics at %1 is ready but has no scraped data "
                                       "after %2 ms. Log:\n%3")
                            .arg(m_url.toString())
                            .arg(m_startTimeoutMs)
                            .arg(QString::fromUtf8(log()).right(4000)));
        return true;
    }
    return fail(QStringLiteral("VictoriaMetrics could not bind a free port after 3 attempts"));
}

void VictoriaMetricsFixture::stop()
{
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

QJsonObject VictoriaMetricsFixture::queryJson(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_url;
    u.setPath(path);
    // Percent-encode everything, '+' included (Go decodes '+' in a query as a space).
    QStringList parts;
    for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded))
        parts << QString::fromLatin1(QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v));
    u.setQuery(parts.join(QLatin1Char('&')), QUrl::StrictMode);
    return QJsonDocument::fromJson(PrometheusFixture::httpGet(u, nullptr, 10000)).object();
}

} // namespace pharos::test
