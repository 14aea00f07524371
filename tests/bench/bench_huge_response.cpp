// A huge query_range answer through PrometheusDataSource: 20,000 series x 300 points shaped like
// Prometheus output (about 100 MB), served from a loopback server on its own thread, chunked
// (as Prometheus sends large answers) or with a Content-Length.
//
// Counters:
//  - peak_over_body: the growth of the process's peak RSS (VmHWM, reset before each request)
//    while the body is downloaded, parsed into frames and delivered, divided by the body size.
//    Goal: < ~2 (the body itself plus the columnar frames, ~16 bytes per sample).
//  - max_gap_ms: the longest gap between two ticks of a 2 ms QTimer on the main thread while
//    the answer is downloaded, parsed, delivered and freed (free_ms: deleting the delivered
//    reply and releasing the panel's PanelData that took its 20,000 frames, on the main thread).
//    Goal: no stall > 50 ms. On a loaded machine this includes waiting for a CPU: compare it with
//    the CPU column (the main thread's time).
//  - retained_over_body: RSS growth still held once the reply is delivered (the frames);
//    trimmed_over_body: the same after malloc_trim(0) returned the allocator's free memory.
#include "dashboards/query/paneldata.h"
#include "datasources/prometheus/prometheusdatasource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <atomic>
#include <malloc.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace pharos;

namespace {

constexpr int kSeries = 20000;
constexpr int kPoints = 300;
constexpr qint64 kStart = 1700000000;

QByteArray makeBody()
{
    static const char *handlers[] = {"/api/v1/query", "/api/v1/query_range", "/metrics",
                                     "/api/v1/series", "/-/ready"};
    static const char *codes[] = {"200", "400", "500", "503"};
    QByteArray body;
    body.reserve(120 * 1024 * 1024);
    body += R"({"status":"success","data":{"resultType":"matrix","result":[)";
    quint32 x = 12345;
    for (int s = 0; s < kSeries; ++s) {
        if (s)
            body += ',';
        body += R"({"metric":{"__name__":"http_requests_total","code":")";
        body += codes[s % 4];
        body += R"(","handler":")";
        body += handlers[s % 5];
        body += R"(","instance":"10.0.)" + QByteArray::number(s / 250) + '.' +
                QByteArray::number(s % 250) + R"(:9090","job":"api"},"values":[)";
        for (int i = 0; i < kPoints; ++i) {
            if (i)
                body += ',';
            body += '[';
            body += QByteArray::number(kStart + i * 15);
            body += ",\"";
            x = x * 1664525u + 1013904223u;
            body += QByteArray::number((x >> 16) % 100);
            body += "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

const QByteArray &body()
{
    static const QByteArray b = makeBody();
    return b;
}

bool sendAll(int fd, const char *data, size_t len)
{
    while (len > 0) {
        const ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        len -= size_t(n);
    }
    return true;
}

/// Answers every request on 127.0.0.1 with body(), one request per connection.
class LoopbackServer
{
public:
    explicit LoopbackServer(bool chunked) : m_chunked(chunked)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 8);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~LoopbackServer()
    {
        m_stop = true;
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
    }
    quint16 port() const { return m_port; }

private:
    void run()
    {
        while (!m_stop) {
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0)
                return;
            serve(c);
            ::close(c);
        }
    }
    void serve(int c)
    {
        QByteArray request;
        char buf[8192];
        qsizetype headerEnd = -1;
        qsizetype need = 0;
        while (true) {
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0)
                return;
            request.append(buf, n);
            if (headerEnd < 0) {
                headerEnd = request.indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    continue;
                const QByteArray head = request.left(headerEnd).toLower();
                const qsizetype at = head.indexOf("content-length:");
                const qsizetype length = at < 0
                                             ? 0
                                             : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                                   .trimmed()
                                                   .toLongLong();
                need = headerEnd + 4 + length;
            }
            if (request.size() >= need)
                break;
        }
        const QByteArray &b = body();
        if (!m_chunked) {
            const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    "Content-Length: " +
                                    QByteArray::number(b.size()) + "\r\nConnection: close\r\n\r\n";
            sendAll(c, head.constData(), size_t(head.size())) &&
                sendAll(c, b.constData(), size_t(b.size()));
            return;
        }
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        if (!sendAll(c, head.constData(), size_t(head.size())))
            return;
        constexpr qsizetype kChunk = 32 * 1024; // Go's http server flushes in 32 KB pieces
        for (qsizetype at = 0; at < b.size(); at += kChunk) {
            const qsizetype n = std::min(kChunk, b.size() - at);
            const QByteArray size = QByteArray::number(n, 16) + "\r\n";
            if (!sendAll(c, size.constData(), size_t(size.size())) ||
                !sendAll(c, b.constData() + at, size_t(n)) || !sendAll(c, "\r\n", 2))
                return;
        }
        sendAll(c, "0\r\n\r\n", 5);
    }

    bool m_chunked;
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

void BM_HugeQueryRange(benchmark::State &state)
{
    const bool chunked = state.range(0) == 0;
    const double bodyBytes = double(body().size());
    LoopbackServer server(chunked);
    DataSourceSettings s;
    s.name = QStringLiteral("bench");
    s.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    s.http.timeoutMs = 600000;
    double worstGapMs = 0, gapAtMs = 0, worstPeak = 0, worstRetained = 0, worstTrimmed = 0,
           worstFreeMs = 0, parseMs = 0;
    qsizetype samples = 0;
    for (auto _ : state) {
        PrometheusDataSource source(s);
        QueryRequest q;
        q.expr = QStringLiteral("http_requests_total");
        q.startMs = kStart * 1000;
        q.endMs = (kStart + (kPoints - 1) * 15) * 1000;
        q.stepMs = 15000;
        QCoreApplication::processEvents();
        malloc_trim(0); // free memory of earlier iterations does not hide growth
        const qint64 baseKb = statusKb("VmRSS:");
        if (!resetPeakRss()) {
            state.SkipWithError("cannot reset the peak RSS (/proc/self/clear_refs)");
            return;
        }
        QElapsedTimer clock;
        clock.start();
        qint64 lastTick = 0, maxGap = 0, maxGapAt = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (now - lastTick > maxGap)
                maxGapAt = lastTick;
            if (qEnvironmentVariableIsSet("PHAROS_BENCH_GAPS") && now - lastTick > 30000000)
                fprintf(stderr, "gap %.1f ms at %.1f ms\n", double(now - lastTick) / 1e6,
                        double(lastTick) / 1e6);
            maxGap = std::max(maxGap, now - lastTick);
            lastTick = now;
        });
        ticker.start(2);
        lastTick = clock.nsecsElapsed();
        QueryReply *reply = source.query(q);
        QEventLoop loop;
        QObject::connect(reply, &DataSourceReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double elapsedMs = double(clock.nsecsElapsed()) / 1e6;
        if (reply->error().isError()) {
            state.SkipWithError(qPrintable(reply->error().message()));
            delete reply;
            return;
        }
        samples = reply->result().sampleCount();
        const qint64 peakKb = statusKb("VmHWM:");
        const qint64 heldKb = statusKb("VmRSS:");
        malloc_trim(0);
        const qint64 trimmedKb = statusKb("VmRSS:");
        // The scheduler moves the frames into the panel's PanelData, and the panel lets go of
        // it on the main thread when the next refresh replaces it: part of the stall budget.
        PanelDataPtr held;
        {
            std::shared_ptr<PanelData> data = makePanelData();
            TargetResult target;
            target.result = std::move(const_cast<QueryResult &>(reply->result()));
            data->targets.push_back(std::move(target));
            held = std::move(data);
        }
        QElapsedTimer freeing;
        freeing.start();
        delete reply;
        held.reset();
        const qint64 freeNs = freeing.nsecsElapsed();
        maxGap = std::max(maxGap, clock.nsecsElapsed() - lastTick);
        worstFreeMs = std::max(worstFreeMs, double(freeNs) / 1e6);
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
        ticker.stop();
        if (double(maxGap) / 1e6 > worstGapMs)
            gapAtMs = double(maxGapAt) / 1e6;
        worstGapMs = std::max(worstGapMs, double(maxGap) / 1e6);
        worstPeak = std::max(worstPeak, double(peakKb - baseKb) * 1024.0 / bodyBytes);
        worstRetained = std::max(worstRetained, double(heldKb - baseKb) * 1024.0 / bodyBytes);
        worstTrimmed = std::max(worstTrimmed, double(trimmedKb - baseKb) * 1024.0 / bodyBytes);
        parseMs = std::max(parseMs, elapsedMs);
    }
    state.counters["body_MB"] = bodyBytes / 1e6;
    state.counters["samples"] = double(samples);
    state.counters["peak_over_body"] = worstPeak;
    state.counters["retained_over_body"] = worstRetained;
    state.counters["trimmed_over_body"] = worstTrimmed;
    state.counters["max_gap_ms"] = worstGapMs;
    state.counters["free_ms"] = worstFreeMs;
    state.counters["gap_at_ms"] = gapAtMs; // when the longest gap began, from the request
    state.counters["slowest_ms"] = parseMs;
}
BENCHMARK(BM_HugeQueryRange)
    ->ArgName("content_length")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    body(); // generated once, before any measurement
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
