#pragma once

#include "datasources/datasource.h"
#include "datasources/frame.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace pharos {

/// Parses Prometheus HTTP API bodies. Pure and thread-safe: runs on worker threads.
///
/// Query bodies are parsed with simdjson On-Demand straight into columnar frames: labels
/// sorted by name, timestamps rounded to int64 ms, values from strings ("NaN", "+Inf",
/// "-Inf" included), vectors sized exactly (no spare capacity). Every function returns false
/// and fills *error on failure:
///  - {"status":"error",...}        -> QueryError (errorType, detail = Prometheus' text)
///  - an HTML page                  -> NotPrometheus ("an HTML page" + its <title>)
///  - JSON of another shape         -> NotPrometheus
///  - empty, truncated, invalid     -> MalformedResponse
/// Warnings in a successful answer go to QueryResult::warnings / *warnings.
///
/// For speed, pass a body whose capacity() is at least size() + paddingBytes(); otherwise the
/// parser copies it once into a padded buffer.
namespace ResponseParser {

/// simdjson's required slack after the body.
std::size_t paddingBytes();

/// Bodies of at least 16 MB are parsed in slices: a light scan finds the series of
/// data.result, the envelope is parsed with an empty result and the series in documents of
/// about 4 MB, so simdjson's index (4 bytes per byte of the document) stays small and the
/// peak memory is about the body plus its frames. The answer is the same as a whole parse.
bool parseQuery(const QByteArray &body, QueryResult *result, DataSourceError *error,
                const QByteArray &contentType = {});
/// For tests and benchmarks: the body size from which parseQuery() slices (0: always) and the
/// size of the slices.
void setSlicedParsing(qsizetype thresholdBytes, qsizetype sliceBytes);
/// How many parseQuery() calls the sliced path answered (tests check it is taken).
int slicedParseCount();
/// /api/v1/labels and /api/v1/label/<name>/values.
bool parseStringList(const QByteArray &body, QStringList *strings, DataSourceError *error,
                     const QByteArray &contentType = {}, QStringList *warnings = nullptr);
/// /api/v1/series: a list of label sets (each sorted by name).
bool parseSeries(const QByteArray &body, std::vector<Labels> *series, DataSourceError *error,
                 const QByteArray &contentType = {}, QStringList *warnings = nullptr);
/// Small answers whose `data` is an object: buildinfo, metadata.
bool parseObject(const QByteArray &body, QJsonObject *data, DataSourceError *error,
                 const QByteArray &contentType = {}, QStringList *warnings = nullptr);

/// Classifies the body of a non-2xx answer (already capped by the caller): a Prometheus error
/// JSON gives QueryError, an HTML page NotPrometheus for 2xx or HttpStatus otherwise
/// (detail = its title), anything else HttpStatus with a short excerpt.
DataSourceError classifyHttpError(int httpStatus, const QByteArray &body,
                                  const QByteArray &contentType = {});

/// The trimmed <title> of an HTML page, or empty.
QString htmlTitle(const QByteArray &body);
/// True when the body looks like HTML (first non-space byte '<' or a text/html content type).
bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType = {});

} // namespace ResponseParser

} // namespace pharos
