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
        Redirect,    // setRedirect()'s status and Location; paths under /moved/ get ValidVector
        ValidVector, // 200 validVectorJson() to every method (records what it receives)
        Drip,        // 200 with a Content-Length of validVectorJson(), then one byte per second
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

    /// A complete request as received.
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // "/path?query"
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    QList<Request> receivedRequests() const { return m_received; }

    /// Redirect mode: the status (301, 302, 303, 307, 308) and the Location header value
    /// (absolute or relative) of every answer outside /moved/.
    void setRedirect(int status, const QByteArray &location)
    {
        m_redirectStatus = status;
        m_redirectLocation = location;
    }
    /// Drip mode: milliseconds between two bytes of the body (default 1000).
    void setDripIntervalMs(int ms) { m_dripIntervalMs = ms; }
    /// Drip mode: body bytes written so far (all connections).
    qint64 drippedBytes() const { return m_dripped; }

    /// The JSON served on GET in MethodNotAllowedOnPost mode (a one-series vector).
    static QByteArray validVectorJson();
    /// A complete, valid query_range body (used cut in half for TruncatedJson).
    static QByteArray sampleMatrixJson();

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);
    void drip(QTcpSocket *socket);
    static void writeResponse(QTcpSocket *socket, int status, const QByteArray &reason,
                              const QByteArray &contentType, const QByteArray &body,
                              const QByteArray &extraHeaders = {});

    Mode m_mode;
    int m_connectionCount = 0;
    int m_peak = 0;
    QStringList m_requests;
    QList<Request> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_redirectStatus = 302;
    QByteArray m_redirectLocation = "/moved/";
    int m_dripIntervalMs = 1000;
    qint64 m_dripped = 0;
};

} // namespace pharos::test
