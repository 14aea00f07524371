#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace pharos {

/// Labels of one series, sorted by name. `__name__` is kept when the server sends it.
using Labels = QList<std::pair<QString, QString>>;

QString labelValue(const Labels &labels, const QString &name);

/// One series in columnar form: labels, then timestamps (unix ms) and values in
/// contiguous arrays of equal length. There are no per-point objects.
/// An instant-vector sample is a frame of one point.
struct Frame
{
    Labels labels;
    std::vector<qint64> timestamps; // unix milliseconds, ascending
    std::vector<double> values;     // NaN and +-Inf allowed

    qsizetype size() const { return qsizetype(timestamps.size()); }
    bool isEmpty() const { return timestamps.empty(); }
    /// `{job="x", instance="y"}` style text, with the metric name in front when present.
    QString displayName() const;
};

enum class ResultType { None, Matrix, Vector, Scalar, String };

/// The parsed answer to one query.
/// Results with at least this many frames are freed on a worker thread: freeing 20,000 frames
/// made on a pool thread costs ~150 ms, too long for the UI thread (bench_huge_response).
constexpr size_t BackgroundFreeFrames = 1000;

struct QueryResult
{
    ResultType type = ResultType::None;
    std::vector<Frame> frames;
    QStringList warnings;
    qsizetype sampleCount() const;
};

} // namespace pharos
