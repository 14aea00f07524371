#pragma once

// Test-only helpers to run the real Prometheus binary and talk to it with plain HTTP.
//
//   pharos::test::PrometheusFixture prom;
//   QString error;
//   if (!prom.start(&error))
//       QFAIL(qPrintable(error));          // a missing binary FAILS, never skips
//   QUrl base = prom.url();                // http://127.0.0.1:<free port>
//   QJsonObject o = PrometheusFixture::queryJson("/api/v1/query", {{"query", "up"}});
//
// start() launches /usr/bin/prometheus on 127.0.0.1 with a free port, a temporary storage
// directory and a 1 s scrape/evaluation interval, scraping itself as job "prometheus". It
// waits until /-/ready answers and until data exists (count_over_time(up[1m]) >= 3 and
// prometheus_http_requests_total present), bounded by ~30 s (setStartTimeoutMs()).
// Extra scrape jobs (e.g. a second job scraping the same target) and extra command-line
// arguments can be added before start(). stop() (also run by the destructor) sends SIGTERM,
// then kills if needed, and waits.

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace pharos::test {

class PrometheusFixture
{
public:
    PrometheusFixture();
    ~PrometheusFixture();
    PrometheusFixture(const PrometheusFixture &) = delete;
    PrometheusFixture &operator=(const PrometheusFixture &) = delete;

    /// Path of the binary; default /usr/bin/prometheus.
    void setBinary(const QString &path) { m_binary = path; }
    /// Adds one more job that scrapes the server itself under `jobName`
    /// (gives a second series for every metric).
    void addSelfScrapeJob(const QString &jobName) { m_extraJobs << jobName; }
    /// Raw YAML appended under `scrape_configs:` (each entry starting with "  - job_name: ...").
    void addScrapeConfigYaml(const QString &yaml) { m_extraYaml << yaml; }
    void addArguments(const QStringList &args) { m_extraArgs << args; }
    /// A rule file (YAML with `groups:`) the server loads and evaluates every second.
    void setRulesYaml(const QString &yaml) { m_rulesYaml = yaml; }
    /// Starts Prometheus with `--web.config.file=webConfigFile` (TLS and/or basic auth).
    /// With a `caFile`, the server speaks TLS: url() is https:// and the fixture's own checks
    /// trust that CA (PEM). With `user`, they send basic auth. The self-scrape job uses the
    /// same scheme and credentials (skipping certificate checks, so the file's certificates may
    /// be swapped while it runs: Prometheus re-reads the web config on every connection).
    void setWebConfig(const QString &webConfigFile, const QString &caFile = {},
                      const QString &user = {}, const QString &password = {})
    {
        m_webConfig = webConfigFile;
        m_caFile = caFile;
        m_user = user;
        m_password = password;
    }
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    /// Also runs /usr/bin/prometheus-pushgateway (or `binary`) on a free port, started by
    /// start() before Prometheus, and scrapes it as job "pushgateway" with honor_labels, so
    /// pushed series keep their own job and labels. Push with push() after start().
    void
    enablePushgateway(const QString &binary = QStringLiteral("/usr/bin/prometheus-pushgateway"))
    {
        m_pushgatewayBinary = binary;
    }
    QUrl pushgatewayUrl() const { return m_pushgatewayUrl; }
    /// PUTs text-format metrics to the pushgateway group /metrics/job/<job>. Returns false
    /// with *error on failure.
    bool push(const QString &job, const QByteArray &textFormat, QString *error = nullptr) const;
    /// Waits until the instant query `promql` returns at least `minResults` series.
    bool waitForSeries(const QString &promql, int minResults = 1, int timeoutMs = 20000) const;

    /// Starts and waits for data. Returns false with a clear *error message on failure.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    /// Base URL, e.g. http://127.0.0.1:41234 (no trailing slash).
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    /// The server's stdout+stderr so far (for diagnostics on failure).
    QByteArray log() const;

    /// GET with the fixture's TLS trust and credentials (see setWebConfig()).
    QByteArray get(const QUrl &url, int *status = nullptr, int timeoutMs = 15000) const;

    /// GET/POST to the running fixture's API and return the parsed JSON object
    /// (what Prometheus answers to a plain HTTP request). `path` like "/api/v1/query".
    QJsonObject queryJson(const QString &path, const QUrlQuery &query = {}) const;

    /// Synchronous HTTP helpers (test-only; they spin a local event loop).
    /// *status receives the HTTP status, 0 on transport failure.
    static QByteArray httpGet(const QUrl &url, int *status = nullptr, int timeoutMs = 15000);
    static QByteArray httpPost(const QUrl &url, const QUrlQuery &form, int *status = nullptr,
                               int timeoutMs = 15000);
    /// Spins the event loop until cond() is true or timeoutMs passes. Returns cond().
    static bool waitFor(const std::function<bool()> &cond, int timeoutMs);
    /// A TCP port on 127.0.0.1 that was free a moment ago.
    static quint16 freePort();

    // What every server fixture (this one, VictoriaMetrics, Alertmanager) shares:
    /// Checks that `binary` can run (else *error names the Debian `package`) and makes a new
    /// temporary directory for the server `name`'s files in *dir.
    static bool prepareServer(const QString &binary, const QString &name, const QString &package,
                              std::unique_ptr<QTemporaryDir> *dir, QString *error);
    /// The contents of `fileName` in `dir` (a server's log), or empty.
    static QByteArray readServerFile(const QTemporaryDir *dir, const QString &fileName);
    static bool isProcessRunning(const QProcess *process)
    {
        return process && process->state() != QProcess::NotRunning;
    }

private:
    QString m_binary = QStringLiteral("/usr/bin/prometheus");
    QStringList m_extraJobs;
    QStringList m_extraYaml;
    QStringList m_extraArgs;
    QString m_rulesYaml;
    int m_startTimeoutMs = 30000;
    QString m_webConfig;
    QString m_caFile;
    QString m_user;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_pushgatewayBinary;
    std::unique_ptr<QProcess> m_pushgateway;
    QUrl m_pushgatewayUrl;
    QUrl m_url;
    quint16 m_port = 0;
};

} // namespace pharos::test
