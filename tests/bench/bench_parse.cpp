// query_range parse into frames: 100 series x 2,000 points shaped like Prometheus output
// (about 7.5 MB, values as strings). Goal: >= 500 MB/s, retained memory <= 16 bytes/sample.
// Also a QJsonDocument baseline.
#include "datasources/prometheus/responseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <benchmark/benchmark.h>

#include <charconv>
#include <cmath>
#include <random>

using namespace pharos;

namespace {

constexpr int kSeries = 100;
constexpr int kPoints = 2000;

QByteArray makeBody()
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> dist(0.0, 1000.0);
    static const char *handlers[] = {"/api/v1/query", "/api/v1/query_range", "/metrics",
                                     "/api/v1/series", "/-/ready"};
    static const char *codes[] = {"200", "400", "500", "503"};
    QByteArray body;
    body.reserve(8 * 1024 * 1024);
    body += R"({"status":"success","data":{"resultType":"matrix","result":[)";
    char num[64];
    for (int s = 0; s < kSeries; ++s) {
        if (s)
            body += ',';
        body += R"({"metric":{"__name__":"prometheus_http_request_duration_seconds_bucket",)";
        body += R"("code":")" + QByteArray(codes[s % 4]) + R"(",)";
        body += R"("handler":")" + QByteArray(handlers[s % 5]) + R"(",)";
        body += R"("instance":"127.0.0.1:9090","job":"prometheus","le":")" + QByteArray::number(s) +
                R"("},"values":[)";
        for (int i = 0; i < kPoints; ++i) {
            if (i)
                body += ',';
            body += '[';
            body += QByteArray::number(1700000000 + i * 15);
            body += ".5,\"";
            double v = dist(rng);
            if (i % 500 == 7)
                body += "NaN";
            else {
                auto r = std::to_chars(num, num + sizeof num, v); // shortest round-trip, as Go
                body.append(num, r.ptr - num);
            }
            body += "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

const QByteArray &paddedBody()
{
    static const QByteArray body = [] {
        QByteArray b = makeBody();
        b.reserve(b.size() + qsizetype(ResponseParser::paddingBytes()));
        return b;
    }();
    return body;
}

double retainedBytes(const QueryResult &r, bool arraysOnly)
{
    double bytes = 0;
    for (const Frame &f : r.frames) {
        bytes +=
            double(f.timestamps.capacity() * sizeof(qint64) + f.values.capacity() * sizeof(double));
        if (!arraysOnly) {
            bytes += sizeof(Frame);
            bytes += double(f.labels.capacity()) * sizeof(std::pair<QString, QString>);
            for (const auto &[k, v] : f.labels)
                bytes += double(k.capacity() + v.capacity()) * 2 + 2 * 24;
        }
    }
    if (!arraysOnly)
        bytes +=
            double(r.frames.capacity() * sizeof(Frame)) - double(r.frames.size() * sizeof(Frame));
    return bytes;
}

void BM_ParseQueryRange_simdjson(benchmark::State &state)
{
    const QByteArray &body = paddedBody();
    QueryResult last;
    for (auto _ : state) {
        QueryResult r;
        DataSourceError e;
        if (!ResponseParser::parseQuery(body, &r, &e)) {
            state.SkipWithError(qPrintable(e.message()));
            return;
        }
        benchmark::DoNotOptimize(r.frames.data());
        last = std::move(r);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    const double samples = double(last.sampleCount());
    state.counters["body_MB"] = double(body.size()) / 1e6;
    state.counters["samples"] = samples;
    state.counters["bytes_per_sample"] = retainedBytes(last, true) / samples;
    state.counters["bytes_per_sample_incl_labels"] = retainedBytes(last, false) / samples;
}
BENCHMARK(BM_ParseQueryRange_simdjson)->Unit(benchmark::kMillisecond);

// The body as a plain QByteArray without spare capacity: the parser copies it once.
void BM_ParseQueryRange_simdjson_unpadded(benchmark::State &state)
{
    const QByteArray body(paddedBody().constData(), paddedBody().size());
    for (auto _ : state) {
        QueryResult r;
        DataSourceError e;
        ResponseParser::parseQuery(body, &r, &e);
        benchmark::DoNotOptimize(r.frames.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
}
BENCHMARK(BM_ParseQueryRange_simdjson_unpadded)->Unit(benchmark::kMillisecond);

// Baseline: QJsonDocument, then extraction into the same frames.
void BM_ParseQueryRange_QJsonDocument(benchmark::State &state)
{
    const QByteArray &body = paddedBody();
    for (auto _ : state) {
        QueryResult r;
        const QJsonObject root = QJsonDocument::fromJson(body).object();
        const QJsonArray result =
            root.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
        r.frames.reserve(size_t(result.size()));
        for (const QJsonValue &sv : result) {
            const QJsonObject so = sv.toObject();
            Frame f;
            const QJsonObject metric = so.value(QLatin1String("metric")).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                f.labels.append({it.key(), it.value().toString()});
            const QJsonArray values = so.value(QLatin1String("values")).toArray();
            f.timestamps.reserve(size_t(values.size()));
            f.values.reserve(size_t(values.size()));
            for (const QJsonValue &pv : values) {
                const QJsonArray pt = pv.toArray();
                f.timestamps.push_back(qint64(std::llround(pt.at(0).toDouble() * 1000.0)));
                f.values.push_back(pt.at(1).toString().toDouble());
            }
            r.frames.push_back(std::move(f));
        }
        benchmark::DoNotOptimize(r.frames.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
}
BENCHMARK(BM_ParseQueryRange_QJsonDocument)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
