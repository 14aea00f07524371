#include "faultserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace pharos::test {

FaultServer::FaultServer(Mode mode, QObject *parent) : QTcpServer(parent), m_mode(mode) {}

FaultServer::~FaultServer()
{
    close();
    const auto sockets = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        delete s;
    }
}

bool FaultServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort()));
}

void FaultServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    ++m_connectionCount;
    m_buffers.insert(socket, QByteArray());
    m_peak = std::max(m_peak, int(m_buffers.size()));
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
}

void FaultServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    QByteArray &buf = it.value();
    buf += socket->readAll();
    // Handle every complete request in the buffer (keep-alive connections reuse sockets).
    while (true) {
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray head = buf.left(headerEnd);
        qsizetype contentLength = 0;
        const QList<QByteArray> lines = head.split('\n');
        Request request;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray l = lines.at(i).trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            request.headers.insert(name, value);
            if (name == "content-length")
                contentLength = value.toLongLong();
        }
        const qsizetype total = headerEnd + 4 + contentLength;
        if (buf.size() < total)
            return;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.body = buf.mid(headerEnd + 4, contentLength);
        m_requests << QString::fromLatin1(request.method + ' ' + request.target);
        m_received << request;
        buf.remove(0, total);
        respond(socket, request);
        if (!m_buffers.contains(socket))
            return;
    }
}

void FaultServer::writeResponse(QTcpSocket *socket, int status, const QByteArray &reason,
                                const QByteArray &contentType, const QByteArray &body,
                                const QByteArray &extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += extraHeaders;
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: keep-alive\r\n\r\n";
    out += body;
    socket->write(out);
}

QByteArray FaultServer::validVectorJson()
{
    return QByteArrayLiteral(R"({"status":"success","data":{"resultType":"vector","result":[)"
                             R"({"metric":{"__name__":"up","instance":"fault:1","job":"fault"},)"
                             R"("value":[1700000000.123,"1"]}]}})");
}

QByteArray FaultServer::sampleMatrixJson()
{
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int s = 0; s < 5; ++s) {
        if (s)
            body += ',';
        body += R"({"metric":{"__name__":"m","job":"fault","series":")" + QByteArray::number(s) +
                R"("},"values":[)";
        for (int i = 0; i < 50; ++i) {
            if (i)
                body += ',';
            body += '[' + QByteArray::number(1700000000 + i * 15) + ",\"" +
                    QByteArray::number(i * 0.5 + s) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

void FaultServer::drip(QTcpSocket *socket)
{
    // One byte of the body per interval until it is complete or the client goes away.
    const QByteArray body = validVectorJson();
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    socket->write(head);
    auto *timer = new QTimer(socket);
    auto sent = std::make_shared<qsizetype>(0);
    QPointer<QTcpSocket> guard(socket);
    connect(timer, &QTimer::timeout, this, [this, guard, timer, body, sent] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState || *sent >= body.size()) {
            timer->stop();
            return;
        }
        guard->write(body.mid(*sent, 1));
        ++*sent;
        ++m_dripped;
    });
    timer->start(m_dripIntervalMs);
}

void FaultServer::respond(QTcpSocket *socket, const Request &request)
{
    const QByteArray &method = request.method;
    switch (m_mode) {
    case Mode::Http500:
        writeResponse(socket, 500, "Internal Server Error", "text/plain; charset=utf-8",
                      "internal server error: the backend exploded\n");
        break;
    case Mode::HtmlPage200:
        writeResponse(socket, 200, "OK", "text/html; charset=utf-8",
                      "<!DOCTYPE html>\n<html><head><title>Sign in - Corporate SSO</title></head>"
                      "<body><form method=\"post\"><input name=\"user\"><input name=\"password\" "
                      "type=\"password\"><button>Sign in</button></form></body></html>\n");
        break;
    case Mode::TruncatedJson: {
        const QByteArray full = sampleMatrixJson();
        writeResponse(socket, 200, "OK", "application/json", full.left(full.size() / 2));
        break;
    }
    case Mode::Garbage: {
        QByteArray junk(4096, Qt::Uninitialized);
        auto *rng = QRandomGenerator::global();
        for (char &c : junk)
            c = char(rng->bounded(256));
        junk[0] = '\x01'; // never a valid JSON or HTML start
        writeResponse(socket, 200, "OK", "application/json", junk);
        break;
    }
    case Mode::Stall:
        break; // never answer
    case Mode::HugeErrorPage: {
        QByteArray page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>";
        const QByteArray filler = "<p>upstream error, please retry later</p>\n";
        page.reserve(10 * 1024 * 1024 + 1024);
        while (page.size() < 10 * 1024 * 1024)
            page += filler;
        page += "</body></html>";
        writeResponse(socket, 502, "Bad Gateway", "text/html", page);
        break;
    }
    case Mode::MethodNotAllowedOnPost:
        if (method == "POST")
            writeResponse(socket, 405, "Method Not Allowed", "text/plain", "method not allowed\n");
        else
            writeResponse(socket, 200, "OK", "application/json", validVectorJson());
        break;
    case Mode::Redirect:
        if (request.target.startsWith("/moved/"))
            writeResponse(socket, 200, "OK", "application/json", validVectorJson());
        else
            writeResponse(socket, m_redirectStatus, "Redirect", "text/plain", "moved\n",
                          "Location: " + m_redirectLocation + "\r\n");
        break;
    case Mode::ValidVector:
        writeResponse(socket, 200, "OK", "application/json", validVectorJson());
        break;
    case Mode::Drip:
        drip(socket);
        break;
    }
}

} // namespace pharos::test
