#pragma once

// A data source that answers every query with one synthetic series (asynchronously, from the
// event loop) and counts the queries per expression. Used where a test must know exactly
// which panels queried (rows, viewport), not what a server answers.

#include "datasources/datasource.h"

#include <QHash>
#include <QTimer>

namespace pharos::test {

class CountingDataSource : public DataSource, public PromqlSource
{
public:
    explicit CountingDataSource(QObject *parent = nullptr) : DataSource(makeSettings(), parent) {}
    static DataSourceSettings makeSettings()
    {
        DataSourceSettings s;
        s.uid = QStringLiteral("counting");
        s.name = QStringLiteral("counting");
        s.url = QUrl(QStringLiteral("http://counting.invalid"));
        return s;
    }

    QHash<QString, int> counts; // expr -> queries
    int total = 0;
    QList<int> delaysMs; // answer delay of the next queries (consumed in order); default 0
    QHash<QString, QueryRequest> lastRequest; // expr -> the latest request for it

    PromqlSource *promql() override { return this; }

    QueryReply *query(const QueryRequest &request) override
    {
        ++counts[request.expr];
        ++total;
        lastRequest.insert(request.expr, request);
        auto *reply = new QueryReply;
        QueryResult result;
        Frame f;
        f.labels.append({QStringLiteral("__name__"), QStringLiteral("x")});
        const qint64 start = request.instant ? request.timeMs : request.startMs;
        const qint64 end = request.instant ? request.timeMs : request.endMs;
        const qint64 step = request.instant ? 1 : std::max<qint64>(1, request.stepMs);
        for (qint64 t = start; t <= end; t += step) {
            f.timestamps.push_back(t);
            f.values.push_back(double(total)); // which query answered
        }
        result.type = request.instant ? ResultType::Vector : ResultType::Matrix;
        result.frames.push_back(std::move(f));
        reply->setResult(std::move(result));
        const int delay = delaysMs.isEmpty() ? 0 : delaysMs.takeFirst();
        QTimer::singleShot(delay, reply, [reply] { reply->finish(); });
        return reply;
    }
    StringListReply *labelNames(const QStringList &, qint64, qint64) override
    {
        return none<StringListReply>();
    }
    StringListReply *labelValues(const QString &, const QStringList &, int) override
    {
        return none<StringListReply>();
    }
    SeriesReply *series(const QStringList &, qint64, qint64) override
    {
        return none<SeriesReply>();
    }
    MetadataReply *metadata(const QString &, int) override { return none<MetadataReply>(); }
    BuildInfoReply *buildInfo() override { return none<BuildInfoReply>(); }
    TestReply *testConnection() override { return none<TestReply>(); }

private:
    template <typename Reply> static Reply *none()
    {
        auto *reply = new Reply;
        DataSourceError e;
        e.kind = DataSourceError::Kind::Unsupported;
        reply->setError(e);
        QTimer::singleShot(0, reply, [reply] { reply->finish(); });
        return reply;
    }
};

} // namespace pharos::test
