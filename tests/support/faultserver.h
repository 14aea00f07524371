#pragma once

// A tiny HTTP server on 127.0.0.1 for faults a real Prometheus will not produce.
// Test-only. Use it ONLY for those faults; everything else runs against PrometheusFixture.
//
//   pharos::test::FaultServer server(FaultServer::Mode::Stall);
//   QVERIFY(server.start());
//   settings.url = server.url();          // http://127.0.0.1:<port>
//   ... server.peakConcurrentConnections(), server.requests() ...

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace pharos::test {

class FaultServer : public QTcpServer
{
    Q_OBJECT
public:
    enum class Mode {
        Http500,                // status 500, text/plain body
        HtmlPage200,            // status 200, text/html login page
        TruncatedJson,          // 200 application/json, a query_range body cut in the middle
        Garbage,                // 200, random bytes
        Stall,                  // accept and read the request, never answer
        HugeErrorPage,          // 502 with a 10 MB HTML body
        MethodNotAllowedOnPost, // 405 on POST; valid Prometheus JSON on GET
    };
    Q_ENUM(Mode)

    explicit FaultServer(Mode mode, QObject *parent = nullptr);
    ~FaultServer() override;

    /// Listens on 127.0.0.1 with a free port.
    bool start();
    Mode mode() const { return m_mode; }
    void setMode(Mode mode) { m_mode = mode; }
    /// Base URL, e.g. http://127.0.0.1:40123
    QUrl url() const;

    /// Connections accepted so far.
    int connectionCount() const { return m_connectionCount; }
    /// Connections open right now.
    int openConnections() const { return int(m_buffers.size()); }
    /// Most connections that were open at the same time.
    int peakConcurrentConnections() const { return m_peak; }
    /// One entry per complete request: "METHOD /path?query".
    QStringList requests() const { return m_requests; }

    /// The JSON served on GET in MethodNotAllowedOnPost mode (a one-series vector).
    static QByteArray validVectorJson();
    /// A complete, valid query_range body (used cut in half for TruncatedJson).
    static QByteArray sampleMatrixJson();

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &method);
    static void writeResponse(QTcpSocket *socket, int status, const QByteArray &reason,
                              const QByteArray &contentType, const QByteArray &body);

    Mode m_mode;
    int m_connectionCount = 0;
    int m_peak = 0;
    QStringList m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace pharos::test
