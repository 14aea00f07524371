#pragma once

// Test-only helpers to run the real Alertmanager binary and talk to it with plain HTTP.
//
//   pharos::test::AlertmanagerFixture am;
//   QString error;
//   if (!am.start(&error))
//       QFAIL(qPrintable(error));          // a missing binary FAILS, never skips
//   QUrl base = am.url();                  // http://127.0.0.1:<free port>
//   am.postAlerts(R"([{"labels": {"alertname": "A"}}])");
//
// start() launches /usr/bin/prometheus-alertmanager (Debian's prometheus-alertmanager) on
// 127.0.0.1 with a free port, a temporary storage directory, clustering disabled
// (--cluster.listen-address=) and a configuration: by default one receiver "devnull", alerts
// grouped by alertname with a 1 s group_wait, and an inhibit rule (severity="critical" inhibits
// severity="warning" with the same job), as the captured samples' am.yml. It waits until
// /-/ready answers, bounded by ~30 s (setStartTimeoutMs()). stop() (also run by the destructor)
// sends SIGTERM, then kills if needed, and waits.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace pharos::test {

class AlertmanagerFixture
{
public:
    AlertmanagerFixture();
    ~AlertmanagerFixture();
    AlertmanagerFixture(const AlertmanagerFixture &) = delete;
    AlertmanagerFixture &operator=(const AlertmanagerFixture &) = delete;

    /// Path of the binary; default /usr/bin/prometheus-alertmanager.
    void setBinary(const QString &path) { m_binary = path; }
    /// The configuration YAML (replaces the default one).
    void setConfigYaml(const QString &yaml) { m_config = yaml; }
    static QString defaultConfigYaml();
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

    /// Starts and waits for /-/ready. Returns false with a clear *error message on failure.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    /// Base URL, e.g. http://127.0.0.1:41234 (no trailing slash).
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    /// The server's stdout+stderr so far (for diagnostics on failure).
    QByteArray log() const;

    /// POSTs a JSON array of alerts to /api/v2/alerts (what Prometheus sends). Returns false
    /// with *error on failure.
    bool postAlerts(const QByteArray &json, QString *error = nullptr) const;
    /// A plain HTTP request to the server (method GET, POST with a JSON body, DELETE).
    QByteArray request(const QByteArray &method, const QString &pathAndQuery,
                       const QByteArray &jsonBody = {}, int *status = nullptr) const;

private:
    QString m_binary = QStringLiteral("/usr/bin/prometheus-alertmanager");
    QString m_config;
    int m_startTimeoutMs = 30000;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    quint16 m_port = 0;
};

} // namespace pharos::test
