// PromQL editing speed on a large server: lexing a long query (what the highlighter and
// bracket matching do on every keystroke), the completion context, and filtering 100,000
// cached metric names for a typed prefix (what every keystroke costs once names are cached).
// Goal: each well under one frame (16 ms) so typing never stalls.
#include "datasources/prometheus/prometheusdatasource.h"
#include "datasources/promql/promqlcompletion.h"
#include "datasources/promql/promqllexer.h"

#include <QCoreApplication>
#include <benchmark/benchmark.h>

using namespace pharos;

namespace {

QString longQuery()
{
    QString q;
    for (int i = 0; i < 20; ++i) {
        if (i)
            q += QStringLiteral(" or\n");
        q += QStringLiteral("sum by (job, instance) (rate(http_requests_total{job=~\"api|web\", "
                            "code=~\"5..\", handler!=\"/metrics\"}[$__rate_interval])) / "
                            "ignoring(code) group_left sum by (job, instance) "
                            "(rate(http_requests_total[5m] offset 1h)) > bool 0.05 # ratio %1")
                 .arg(i);
    }
    return q;
}

QStringList manyNames(int n)
{
    static const char *prefixes[] = {"node_", "go_",   "process_",   "http_",
                                     "grpc_", "kube_", "container_", "prometheus_"};
    QStringList names;
    names.reserve(n);
    for (int i = 0; i < n; ++i)
        names << QString::fromLatin1(prefixes[i % 8]) +
                     QStringLiteral("subsystem%1_metric_%2_total").arg(i % 97).arg(i);
    names.sort();
    return names;
}

void BM_LexLongQuery(benchmark::State &state)
{
    const QString q = longQuery();
    for (auto _ : state) {
        auto tokens = lexPromql(q);
        benchmark::DoNotOptimize(tokens);
    }
    state.counters["chars"] = double(q.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(q.size()) * 2);
}
BENCHMARK(BM_LexLongQuery)->Unit(benchmark::kMicrosecond);

void BM_CompletionContext(benchmark::State &state)
{
    const QString q = longQuery();
    const int cursor = int(q.indexOf(QStringLiteral("code=~"))) + 8;
    for (auto _ : state) {
        auto ctx = promqlCompletionContext(q, cursor);
        benchmark::DoNotOptimize(ctx);
    }
}
BENCHMARK(BM_CompletionContext)->Unit(benchmark::kMicrosecond);

// The signature hint's call analysis, done on every cursor move.
void BM_CallContext(benchmark::State &state)
{
    const QString q = longQuery();
    const int cursor = int(q.lastIndexOf(QStringLiteral("[5m]")));
    for (auto _ : state) {
        auto ctx = promqlCallContext(q, cursor);
        benchmark::DoNotOptimize(ctx);
    }
}
BENCHMARK(BM_CallContext)->Unit(benchmark::kMicrosecond);

// Filtering and ranking 100,000 cached names for what is typed: a prefix, a word of the
// names ("metric_5" after "_"), a fuzzy abbreviation, nothing yet, and a long prefix.
void metricCandidates100k(benchmark::State &state, const char *typed)
{
    DataSourceSettings s;
    s.name = QStringLiteral("bench");
    s.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
    PrometheusDataSource source(s); // never asked: the names are in its cache
    PromqlLookupCache::forDataSource(&source)->insert(QStringLiteral("names"), manyNames(100000),
                                                      false);
    PromqlLookupCache::forDataSource(&source)->setMetadata({});
    PromqlCompleter completer;
    completer.setDataSource(&source);
    const QString text = QStringLiteral("rate(") + QString::fromLatin1(typed);
    const PromqlCompletionContext ctx = promqlCompletionContext(text, int(text.size()));
    qsizetype found = 0;
    for (auto _ : state) {
        auto items = completer.candidates(ctx);
        found = items.size();
        benchmark::DoNotOptimize(items);
    }
    state.counters["candidates"] = double(found);
}
BENCHMARK_CAPTURE(metricCandidates100k, prefix, "node_subsystem4")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(metricCandidates100k, word, "metric_5")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(metricCandidates100k, fuzzy, "nsm5")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(metricCandidates100k, empty, "")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(metricCandidates100k, long_prefix, "prometheus_subsystem12_metric_")
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
