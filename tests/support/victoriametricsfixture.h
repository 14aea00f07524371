#pragma once

// Test-only helper to run the real VictoriaMetrics single-node binary (Debian package
// `victoria-metrics`) as a second Prometheus-compatible server.
//
//   pharos::test::VictoriaMetricsFixture vm;
//   QString error;
//   if (!vm.start(&error))
//       QFAIL(qPrintable(error));          // a missing binary FAILS, never skips
//   QUrl base = vm.url();                  // http://127.0.0.1:<free port>
//
// start() launches /usr/bin/victoria-metrics on 127.0.0.1 with a free port and a temporary
// -storageDataPath. It scrapes itself every second as job "victoriametrics" (through
// -promscrape.config; more jobs can be added, e.g. one scraping a PrometheusFixture), with
// -search.latencyOffset=0s so fresh samples are visible at once. It waits until /health
// answers and until data exists (count_over_time(up{job="victoriametrics"}[1m]) >= 3),
// bounded by ~30 s. stop() (also run by the destructor) sends SIGTERM, then kills if needed.

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

namespace pharos::test {

class VictoriaMetricsFixture
{
public:
    VictoriaMetricsFixture();
    ~VictoriaMetricsFixture();
    VictoriaMetricsFixture(const VictoriaMetricsFixture &) = delete;
    VictoriaMetricsFixture &operator=(const VictoriaMetricsFixture &) = delete;

    /// Path of the binary; default /usr/bin/victoria-metrics.
    void setBinary(const QString &path) { m_binary = path; }
    /// Adds a job scraping `hostPort` (e.g. "127.0.0.1:9090") every second as `jobName`.
    void addScrapeTarget(const QString &jobName, const QString &hostPort)
    {
        m_extraTargets << qMakePair(jobName, hostPort);
    }
    void addArguments(const QStringList &args) { m_extraArgs << args; }
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    /// Starts and waits for data. Returns false with a clear *error message on failure.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    /// Base URL, e.g. http://127.0.0.1:41234 (no trailing slash).
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    /// The server's stdout+stderr so far (for diagnostics on failure).
    QByteArray log() const;
    /// GET to the running server's API, parsed as JSON. `path` like "/api/v1/query".
    QJsonObject queryJson(const QString &path, const QUrlQuery &query = {}) const;

private:
    QString m_binary = QStringLiteral("/usr/bin/victoria-metrics");
    QList<QPair<QString, QString>> m_extraTargets;
    QStringList m_extraArgs;
    int m_startTimeoutMs = 30000;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    quint16 m_port = 0;
};

} // namespace pharos::test
