#include "datasources/prometheus/responseparser.h"

#include "datasources/http/httpdiagnosis.h"
#include "datasources/prometheus/resultlayout.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <simdjson.h>
#include <string_view>

namespace pharos::ResponseParser {

using namespace simdjson;
using Kind = DataSourceError::Kind;

namespace {

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

DataSourceError makeError(Kind kind, const QString &detail, const QString &errorType = {})
{
    DataSourceError e;
    e.kind = kind;
    e.detail = detail;
    e.errorType = errorType;
    return e;
}

std::string_view trimmedStart(const QByteArray &body)
{
    std::string_view v(body.constData(), std::size_t(body.size()));
    std::size_t i = 0;
    // A UTF-8 byte order mark is tolerated.
    if (v.substr(0, 3) == std::string_view("\xEF\xBB\xBF"))
        i = 3;
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\r' || v[i] == '\n'))
        ++i;
    return v.substr(i);
}

// Prometheus writes sample values as strings formatted by Go's strconv: "1.5", "1e+06",
// "NaN", "+Inf", "-Inf".
inline bool parseSampleValue(std::string_view s, double *out)
{
    if (s.empty())
        return false;
    const char first = s.front();
    if (first == '+' || first == '-' || first == 'N' || first == 'I') {
        if (s == "NaN") {
            *out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (s == "+Inf" || s == "Inf") {
            *out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (s == "-Inf") {
            *out = -std::numeric_limits<double>::infinity();
            return true;
        }
        if (first == '+')
            s.remove_prefix(1);
    }
    const char *end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, *out);
    if (r.ec == std::errc::result_out_of_range) {
        // from_chars leaves the value untouched on overflow/underflow; mimic strtod.
        *out = s.front() == '-' ? -std::numeric_limits<double>::infinity()
                                : std::numeric_limits<double>::infinity();
        return r.ptr == end;
    }
    return r.ec == std::errc() && r.ptr == end;
}

inline qint64 secondsToMs(double seconds)
{
    return qint64(std::llround(seconds * 1000.0));
}

// Thrown-free error propagation: every step returns an error_code.
#define PHAROS_TRY(expr)                                                                           \
    do {                                                                                           \
        if (auto _err = (expr); _err)                                                              \
            return _err;                                                                           \
    } while (false)

struct ShapeError
{
    QString detail; // set when the JSON is valid but not shaped like Prometheus
};

error_code parseLabels(ondemand::object obj, Labels *labels)
{
    for (auto field : obj) {
        std::string_view key, value;
        PHAROS_TRY(field.unescaped_key().get(key));
        PHAROS_TRY(field.value().get_string().get(value));
        labels->append({fromView(key), fromView(value)});
    }
    std::sort(labels->begin(), labels->end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return SUCCESS;
}

// A JSON number of unix seconds ("1700000000", "1700000000.5", "1.7e9") to rounded ms. The
// common plain decimal form is converted exactly without going through a double.
inline bool parseTimestampMs(std::string_view token, qint64 *ms)
{
    const char *p = token.data();
    const char *end = p + token.size();
    while (end > p && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\t'))
        --end;
    if (p == end)
        return false;
    const char *q = p;
    qint64 whole = 0;
    int digits = 0;
    while (q < end && *q >= '0' && *q <= '9' && digits < 15) {
        whole = whole * 10 + (*q - '0');
        ++q;
        ++digits;
    }
    if (digits > 0 && digits < 15) {
        qint64 frac = 0;
        int fracDigits = 0;
        bool roundUp = false;
        bool plain = q == end;
        if (q < end && *q == '.') {
            ++q;
            const char *fracStart = q;
            while (q < end && *q >= '0' && *q <= '9') {
                if (fracDigits < 3) {
                    frac = frac * 10 + (*q - '0');
                    ++fracDigits;
                } else if (q == fracStart + 3) {
                    roundUp = *q >= '5';
                }
                ++q;
            }
            plain = q == end && q > fracStart;
        }
        if (plain) {
            while (fracDigits < 3) {
                frac *= 10;
                ++fracDigits;
            }
            *ms = whole * 1000 + frac + (roundUp ? 1 : 0);
            return true;
        }
    }
    // Negative, exponent or very long forms.
    double seconds = 0;
    const auto r = std::from_chars(p, end, seconds);
    if (r.ec != std::errc() || r.ptr != end || !std::isfinite(seconds))
        return false;
    *ms = secondsToMs(seconds);
    return true;
}

// One [ts, "value"] pair.
inline error_code parsePair(ondemand::array pair, qint64 *ts, double *value)
{
    auto it = pair.begin();
    if (it.error())
        return it.error();
    auto end = pair.end();
    if (end.error())
        return end.error();
    if (it == end)
        return INCORRECT_TYPE;
    std::string_view token;
    PHAROS_TRY((*it).raw_json_token().get(token));
    if (!parseTimestampMs(token, ts))
        return NUMBER_ERROR;
    ++it;
    if (it == end)
        return INCORRECT_TYPE;
    // Sample values never contain escapes: read the raw string without unescaping it.
    ondemand::raw_json_string raw;
    PHAROS_TRY((*it).get_raw_json_string().get(raw));
    const char *begin = raw.raw();
    const char *close = static_cast<const char *>(std::memchr(begin, '"', 64));
    if (!close || !parseSampleValue(std::string_view(begin, std::size_t(close - begin)), value))
        return NUMBER_ERROR;
    ++it;
    if (it != end)
        return INCORRECT_TYPE;
    return SUCCESS;
}

struct Scratch
{
    std::vector<qint64> ts;
    std::vector<double> values;
};

error_code parseSeriesObject(ondemand::object obj, Frame *frame, Scratch &scratch,
                             ShapeError *shape)
{
    bool sawSamples = false;
    for (auto field : obj) {
        std::string_view key;
        PHAROS_TRY(field.unescaped_key().get(key));
        if (key == "metric") {
            ondemand::object m;
            PHAROS_TRY(field.value().get_object().get(m));
            PHAROS_TRY(parseLabels(m, &frame->labels));
        } else if (key == "values") {
            sawSamples = true;
            scratch.ts.clear();
            scratch.values.clear();
            ondemand::array arr;
            PHAROS_TRY(field.value().get_array().get(arr));
            for (auto element : arr) {
                ondemand::array pair;
                PHAROS_TRY(element.get_array().get(pair));
                qint64 ts = 0;
                double v = 0;
                PHAROS_TRY(parsePair(pair, &ts, &v));
                scratch.ts.push_back(ts);
                scratch.values.push_back(v);
            }
            // Exact-size copies: no spare capacity is retained.
            frame->timestamps.assign(scratch.ts.begin(), scratch.ts.end());
            frame->values.assign(scratch.values.begin(), scratch.values.end());
        } else if (key == "value") {
            sawSamples = true;
            ondemand::array pair;
            PHAROS_TRY(field.value().get_array().get(pair));
            qint64 ts = 0;
            double v = 0;
            PHAROS_TRY(parsePair(pair, &ts, &v));
            frame->timestamps.assign(1, ts);
            frame->values.assign(1, v);
        }
        // "histogram"/"histograms" (native histograms) are skipped for now.
    }
    if (!sawSamples && shape->detail.isEmpty())
        shape->detail = QCoreApplication::translate(
            "pharos::ResponseParser", "a result series without \"value\" or \"values\"");
    return SUCCESS;
}

// The series objects of a matrix or vector "result" array, appended to result->frames.
error_code parseSeriesElements(ondemand::array arr, QueryResult *result, ShapeError *shape)
{
    thread_local Scratch scratch;
    for (auto element : arr) {
        ondemand::object obj;
        PHAROS_TRY(element.get_object().get(obj));
        Frame frame;
        PHAROS_TRY(parseSeriesObject(obj, &frame, scratch, shape));
        result->frames.push_back(std::move(frame));
    }
    if (scratch.ts.capacity() > (1u << 20)) {
        // Do not keep a huge scratch buffer alive on a pool thread.
        scratch.ts = {};
        scratch.values = {};
    }
    return SUCCESS;
}

ResultType resultTypeFrom(std::string_view s)
{
    if (s == "matrix")
        return ResultType::Matrix;
    if (s == "vector")
        return ResultType::Vector;
    if (s == "scalar")
        return ResultType::Scalar;
    if (s == "string")
        return ResultType::String;
    return ResultType::None;
}

error_code parseQueryData(ondemand::object data, QueryResult *result, ShapeError *shape)
{
    bool sawResult = false;
    for (auto field : data) {
        std::string_view key;
        PHAROS_TRY(field.unescaped_key().get(key));
        if (key == "resultType") {
            std::string_view t;
            PHAROS_TRY(field.value().get_string().get(t));
            result->type = resultTypeFrom(t);
            if (result->type == ResultType::None)
                shape->detail = QCoreApplication::translate("pharos::ResponseParser",
                                                            "unknown result type \"%1\"")
                                    .arg(fromView(t));
        } else if (key == "result") {
            sawResult = true;
            ondemand::value v;
            PHAROS_TRY(field.value().get(v));
            ondemand::json_type jt;
            PHAROS_TRY(v.type().get(jt));
            if (jt != ondemand::json_type::array) {
                shape->detail = QCoreApplication::translate("pharos::ResponseParser",
                                                            "\"result\" is not an array");
                continue;
            }
            ondemand::array arr;
            PHAROS_TRY(v.get_array().get(arr));
            if (result->type == ResultType::Scalar || result->type == ResultType::String) {
                // [ts, "value"]: a scalar becomes a one-point frame; a string keeps its text
                // in a "value" label and NaN as the value.
                auto it = arr.begin();
                if (it.error())
                    return it.error();
                auto end = arr.end();
                if (end.error())
                    return end.error();
                if (it == end)
                    return INCORRECT_TYPE;
                double seconds = 0;
                PHAROS_TRY((*it).get_double().get(seconds));
                ++it;
                if (it == end)
                    return INCORRECT_TYPE;
                std::string_view raw;
                PHAROS_TRY((*it).get_string().get(raw));
                Frame frame;
                double value = std::numeric_limits<double>::quiet_NaN();
                if (result->type == ResultType::Scalar) {
                    if (!parseSampleValue(raw, &value))
                        return NUMBER_ERROR;
                } else {
                    frame.labels.append({QStringLiteral("value"), fromView(raw)});
                }
                frame.timestamps.assign(1, secondsToMs(seconds));
                frame.values.assign(1, value);
                result->frames.push_back(std::move(frame));
                ++it;
                if (it != end)
                    return INCORRECT_TYPE;
                continue;
            }
            if (result->type == ResultType::None) {
                if (shape->detail.isEmpty())
                    shape->detail = QCoreApplication::translate("pharos::ResponseParser",
                                                                "\"result\" before \"resultType\"");
                continue;
            }
            // matrix or vector: count first so the frame list is sized exactly.
            size_t count = 0;
            PHAROS_TRY(arr.count_elements().get(count));
            result->frames.reserve(result->frames.size() + count);
            PHAROS_TRY(parseSeriesElements(arr, result, shape));
        }
    }
    if (!sawResult && shape->detail.isEmpty())
        shape->detail =
            QCoreApplication::translate("pharos::ResponseParser", "no \"result\" in \"data\"");
    if (result->type == ResultType::None && shape->detail.isEmpty())
        shape->detail =
            QCoreApplication::translate("pharos::ResponseParser", "no \"resultType\" in \"data\"");
    return SUCCESS;
}

QString notPrometheusJson()
{
    return QCoreApplication::translate("pharos::ResponseParser",
                                       "JSON without a Prometheus \"status\"");
}

// simdjson's parser keeps buffers of about 7 bytes per byte of the largest document it saw
// (the structural index alone is 4 bytes per byte); above this it is freed after the parse.
constexpr std::size_t kKeepParserBytes = 32 * 1024 * 1024;

using DataHandler = std::function<error_code(ondemand::value data, ShapeError *shape)>;

// Parses {"status":..., "data":..., "errorType":..., "error":..., "warnings":[...]}.
bool parseEnvelope(const QByteArray &body, const QByteArray &contentType, DataSourceError *error,
                   QStringList *warnings, const DataHandler &onData)
{
    DataSourceError localError;
    DataSourceError &err = error ? *error : localError;
    err = {};
    const std::string_view start = trimmedStart(body);
    if (start.empty()) {
        err = makeError(Kind::MalformedResponse,
                        QCoreApplication::translate("pharos::ResponseParser", "empty response"));
        return false;
    }
    if (looksLikeHtml(body, contentType)) {
        const QString title = htmlTitle(body);
        err = makeError(Kind::NotPrometheus,
                        title.isEmpty()
                            ? QCoreApplication::translate("pharos::ResponseParser", "an HTML page")
                            : QCoreApplication::translate("pharos::ResponseParser",
                                                          "an HTML page titled \"%1\"")
                                  .arg(title));
        return false;
    }
    if (start.front() != '{') {
        if (start.front() == '[' || start.front() == '"' ||
            (start.front() >= '0' && start.front() <= '9')) {
            // Might be JSON of another shape; let the parser decide below.
        } else {
            err =
                makeError(Kind::MalformedResponse,
                          QCoreApplication::translate("pharos::ResponseParser", "not valid JSON"));
            return false;
        }
    }

    // simdjson needs SIMDJSON_PADDING readable bytes after the document.
    std::optional<padded_string> copy;
    padded_string_view view;
    const std::size_t len = std::size_t(body.size());
    if (body.startsWith("\xEF\xBB\xBF")) {
        copy.emplace(body.constData() + 3, len - 3);
        view = padded_string_view(*copy);
    } else if (std::size_t(body.capacity()) >= len + SIMDJSON_PADDING) {
        view = padded_string_view(body.constData(), len, std::size_t(body.capacity()));
    } else {
        copy.emplace(body.constData(), len);
        view = padded_string_view(*copy);
    }

    thread_local ondemand::parser parser;
    ShapeError shape;
    bool sawStatus = false, success = false, sawData = false;
    QString errorType, errorText;
    QStringList warn;

    auto run = [&]() -> error_code {
        ondemand::document doc;
        PHAROS_TRY(parser.iterate(view).get(doc));
        ondemand::json_type jt;
        PHAROS_TRY(doc.type().get(jt));
        if (jt != ondemand::json_type::object) {
            shape.detail =
                QCoreApplication::translate("pharos::ResponseParser", "JSON that is not an object");
            return SUCCESS;
        }
        ondemand::object root;
        PHAROS_TRY(doc.get_object().get(root));
        for (auto field : root) {
            std::string_view key;
            PHAROS_TRY(field.unescaped_key().get(key));
            if (key == "status") {
                std::string_view s;
                if (field.value().get_string().get(s)) {
                    shape.detail = QCoreApplication::translate("pharos::ResponseParser",
                                                               "\"status\" is not a string");
                    return SUCCESS;
                }
                sawStatus = true;
                success = s == "success";
                if (!success && s != "error")
                    shape.detail = QCoreApplication::translate("pharos::ResponseParser",
                                                               "unknown status \"%1\"")
                                       .arg(fromView(s));
            } else if (key == "data") {
                sawData = true;
                ondemand::value v;
                PHAROS_TRY(field.value().get(v));
                PHAROS_TRY(onData(v, &shape));
            } else if (key == "errorType") {
                std::string_view s;
                PHAROS_TRY(field.value().get_string().get(s));
                errorType = fromView(s);
            } else if (key == "error") {
                std::string_view s;
                PHAROS_TRY(field.value().get_string().get(s));
                errorText = fromView(s);
            } else if (key == "warnings" || key == "infos") {
                const bool isWarning = key == "warnings";
                ondemand::array arr;
                PHAROS_TRY(field.value().get_array().get(arr));
                for (auto w : arr) {
                    std::string_view s;
                    PHAROS_TRY(w.get_string().get(s));
                    if (isWarning)
                        warn << fromView(s);
                }
            }
        }
        return SUCCESS;
    };

    const error_code code = run();
    if (parser.capacity() > kKeepParserBytes)
        parser = ondemand::parser(); // do not keep a huge index alive on a pool thread
    if (code) {
        if (code == INCORRECT_TYPE && !sawStatus && start.front() == '{') {
            err = makeError(Kind::NotPrometheus, notPrometheusJson());
            return false;
        }
        if (code == INCORRECT_TYPE || code == NUMBER_ERROR || code == NO_SUCH_FIELD) {
            // Valid JSON so far, but values of the wrong type: if the status says error, the
            // error text is more useful; otherwise call it not Prometheus-shaped.
            err = makeError(sawStatus ? Kind::MalformedResponse : Kind::NotPrometheus,
                            sawStatus ? QCoreApplication::translate(
                                            "pharos::ResponseParser",
                                            "unexpected value in a Prometheus answer (%1)")
                                            .arg(QString::fromUtf8(error_message(code)))
                                      : notPrometheusJson());
            return false;
        }
        err = makeError(Kind::MalformedResponse,
                        QCoreApplication::translate("pharos::ResponseParser", "invalid JSON: %1")
                            .arg(QString::fromUtf8(error_message(code))));
        return false;
    }
    if (sawStatus && !success && shape.detail.isEmpty()) {
        err = makeError(Kind::QueryError, errorText, errorType);
        return false;
    }
    if (!sawStatus) {
        err = makeError(Kind::NotPrometheus,
                        shape.detail.isEmpty() ? notPrometheusJson() : shape.detail);
        return false;
    }
    if (!shape.detail.isEmpty()) {
        err = makeError(Kind::NotPrometheus, shape.detail);
        return false;
    }
    if (!sawData) {
        err = makeError(
            Kind::NotPrometheus,
            QCoreApplication::translate("pharos::ResponseParser", "no \"data\" in the answer"));
        return false;
    }
    if (warnings)
        *warnings = std::move(warn);
    return true;
}

} // namespace

std::size_t paddingBytes()
{
    return SIMDJSON_PADDING;
}

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("text/html"))
        return true;
    const std::string_view s = trimmedStart(body);
    return !s.empty() && s.front() == '<';
}

QString htmlTitle(const QByteArray &body)
{
    const QByteArray head = body.left(64 * 1024);
    const qsizetype lower = head.toLower().indexOf("<title");
    if (lower < 0)
        return {};
    const qsizetype open = head.indexOf('>', lower);
    if (open < 0)
        return {};
    const qsizetype close = head.toLower().indexOf("</title", open);
    QString title = QString::fromUtf8(head.mid(open + 1, close < 0 ? 200 : close - open - 1));
    title = title.simplified();
    if (title.size() > 200)
        title = title.left(200) + QChar(0x2026);
    return title;
}

namespace {

std::atomic<qsizetype> g_slicedThreshold{qsizetype(16) * 1024 * 1024};
std::atomic<qsizetype> g_sliceBytes{qsizetype(4) * 1024 * 1024};
std::atomic<int> g_slicedCount{0};

// The whole body in one simdjson document.
bool parseQueryWhole(const QByteArray &body, QueryResult *result, DataSourceError *error,
                     const QByteArray &contentType)
{
    QueryResult local;
    QueryResult &out = result ? *result : local;
    out = QueryResult();
    const bool ok =
        parseEnvelope(body, contentType, error, &out.warnings,
                      [&out](ondemand::value data, ShapeError *shape) -> error_code {
                          ondemand::json_type jt;
                          PHAROS_TRY(data.type().get(jt));
                          if (jt == ondemand::json_type::null)
                              return SUCCESS; // error answers may carry "data": null
                          if (jt != ondemand::json_type::object) {
                              shape->detail = QCoreApplication::translate(
                                  "pharos::ResponseParser", "\"data\" is not an object");
                              return SUCCESS;
                          }
                          ondemand::object obj;
                          PHAROS_TRY(data.get_object().get(obj));
                          return parseQueryData(obj, &out, shape);
                      });
    if (ok && out.type == ResultType::None) {
        // "data": null is only accepted in error answers; a success needs a result.
        if (error)
            *error = makeError(Kind::NotPrometheus,
                               QCoreApplication::translate("pharos::ResponseParser",
                                                           "no \"resultType\" in \"data\""));
        out = QueryResult();
        return false;
    }
    if (!ok)
        out = QueryResult();
    return ok;
}

// Parses the elements of data.result in slices of about g_sliceBytes, each its own small
// simdjson document "[e1,e2,...]": the index stays small however large the body is.
bool parseSlices(const QByteArray &body, const ResultLayout &layout, QueryResult *result)
{
    const qsizetype sliceBytes = std::max<qsizetype>(1, g_sliceBytes.load());
    result->frames.reserve(result->frames.size() + layout.elements.size());
    thread_local ondemand::parser parser;
    QByteArray buffer;
    ShapeError shape;
    bool ok = true;
    for (std::size_t i = 0; ok && i < layout.elements.size();) {
        const qsizetype from = layout.elements[i].first;
        std::size_t j = i + 1;
        while (j < layout.elements.size() && layout.elements[j].second - from <= sliceBytes)
            ++j;
        const qsizetype to = layout.elements[j - 1].second;
        const qsizetype size = to - from + 2;
        if (buffer.capacity() < size + qsizetype(SIMDJSON_PADDING))
            buffer.reserve(size + qsizetype(SIMDJSON_PADDING));
        buffer.resize(0);
        buffer.append('[').append(body.constData() + from, to - from).append(']');
        const padded_string_view view(buffer.constData(), std::size_t(buffer.size()),
                                      std::size_t(buffer.capacity()));
        ondemand::document doc;
        ondemand::array arr;
        ok = !parser.iterate(view).get(doc) && !doc.get_array().get(arr) &&
             !parseSeriesElements(arr, result, &shape) && shape.detail.isEmpty();
        i = j;
    }
    if (parser.capacity() > kKeepParserBytes)
        parser = ondemand::parser();
    return ok;
}

} // namespace

void setSlicedParsing(qsizetype thresholdBytes, qsizetype sliceBytes)
{
    g_slicedThreshold = thresholdBytes;
    g_sliceBytes = sliceBytes;
}

int slicedParseCount()
{
    return g_slicedCount.load();
}

bool parseQuery(const QByteArray &body, QueryResult *result, DataSourceError *error,
                const QByteArray &contentType)
{
    if (body.size() >= g_slicedThreshold.load() && !body.startsWith("\xEF\xBB\xBF") &&
        !looksLikeHtml(body, contentType)) {
        // A large answer: the envelope with an empty result first, then the series in slices.
        // Anything unusual falls back to the whole parse, which gives the same answer.
        ResultLayout layout;
        if (scanResultLayout(body.constData(), body.size(), &layout)) {
            const qsizetype tail = body.size() - layout.arrayEnd;
            QByteArray skeleton;
            skeleton.reserve(layout.arrayBegin + 2 + tail + qsizetype(SIMDJSON_PADDING));
            skeleton.append(body.constData(), layout.arrayBegin)
                .append("[]")
                .append(body.constData() + layout.arrayEnd, tail);
            QueryResult sliced;
            DataSourceError e;
            if (parseQueryWhole(skeleton, &sliced, &e, contentType) &&
                (sliced.type == ResultType::Matrix || sliced.type == ResultType::Vector) &&
                sliced.frames.empty() && parseSlices(body, layout, &sliced)) {
                if (error)
                    *error = {};
                if (result)
                    *result = std::move(sliced);
                ++g_slicedCount;
                return true;
            }
        }
    }
    return parseQueryWhole(body, result, error, contentType);
}

namespace {

/// Parses an envelope whose `data` is a list (or null), handing each element to `element`.
template <typename Element>
bool parseDataList(const QByteArray &body, const QByteArray &contentType, DataSourceError *error,
                   QStringList *warnings, Element element)
{
    return parseEnvelope(body, contentType, error, warnings,
                         [&element](ondemand::value data, ShapeError *shape) -> error_code {
                             ondemand::json_type jt;
                             PHAROS_TRY(data.type().get(jt));
                             if (jt == ondemand::json_type::null)
                                 return SUCCESS;
                             if (jt != ondemand::json_type::array) {
                                 shape->detail = QCoreApplication::translate(
                                     "pharos::ResponseParser", "\"data\" is not a list");
                                 return SUCCESS;
                             }
                             ondemand::array arr;
                             PHAROS_TRY(data.get_array().get(arr));
                             for (auto item : arr) {
                                 ondemand::value v;
                                 PHAROS_TRY(item.get(v));
                                 PHAROS_TRY(element(v));
                             }
                             return SUCCESS;
                         });
}

} // namespace

bool parseStringList(const QByteArray &body, QStringList *strings, DataSourceError *error,
                     const QByteArray &contentType, QStringList *warnings)
{
    QStringList list;
    const bool ok =
        parseDataList(body, contentType, error, warnings, [&list](ondemand::value v) -> error_code {
            std::string_view s;
            PHAROS_TRY(v.get_string().get(s));
            list << fromView(s);
            return SUCCESS;
        });
    if (strings)
        *strings = ok ? std::move(list) : QStringList();
    return ok;
}

bool parseSeries(const QByteArray &body, std::vector<Labels> *series, DataSourceError *error,
                 const QByteArray &contentType, QStringList *warnings)
{
    std::vector<Labels> list;
    const bool ok =
        parseDataList(body, contentType, error, warnings, [&list](ondemand::value v) -> error_code {
            ondemand::object obj;
            PHAROS_TRY(v.get_object().get(obj));
            Labels labels;
            PHAROS_TRY(parseLabels(obj, &labels));
            list.push_back(std::move(labels));
            return SUCCESS;
        });
    if (series)
        *series = ok ? std::move(list) : std::vector<Labels>();
    return ok;
}

bool parseObject(const QByteArray &body, QJsonObject *data, DataSourceError *error,
                 const QByteArray &contentType, QStringList *warnings)
{
    // Validate the envelope with the same rules, then read the small object with QJsonDocument.
    const bool ok = parseEnvelope(body, contentType, error, warnings,
                                  [](ondemand::value, ShapeError *) -> error_code {
                                      return SUCCESS; // skipped; read below
                                  });
    if (!ok) {
        if (data)
            *data = {};
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonValue d = doc.object().value(QLatin1String("data"));
    if (!d.isObject() && !d.isNull()) {
        if (error)
            *error = makeError(
                Kind::NotPrometheus,
                QCoreApplication::translate("pharos::ResponseParser", "\"data\" is not an object"));
        if (data)
            *data = {};
        return false;
    }
    if (data)
        *data = d.toObject();
    return true;
}

DataSourceError classifyHttpError(int httpStatus, const QByteArray &body,
                                  const QByteArray &contentType)
{
    DataSourceError e;
    if (!looksLikeHtml(body, contentType) && trimmedStart(body).substr(0, 1) == "{") {
        QueryResult ignored;
        DataSourceError parsed;
        if (!parseQuery(body, &ignored, &parsed, contentType) && parsed.kind == Kind::QueryError) {
            parsed.httpStatus = httpStatus;
            return parsed;
        }
    }
    e.httpStatus = httpStatus;
    if (looksLikeHtml(body, contentType)) {
        const QString title = htmlTitle(body);
        e.kind = httpStatus >= 200 && httpStatus < 300 ? Kind::NotPrometheus : Kind::HttpStatus;
        e.detail = title.isEmpty()
                       ? QCoreApplication::translate("pharos::ResponseParser", "an HTML page")
                       : QCoreApplication::translate("pharos::ResponseParser",
                                                     "an HTML page titled \"%1\"")
                             .arg(title);
        return e;
    }
    return httpdiagnosis::plainStatusError(httpStatus, body);
}

} // namespace pharos::ResponseParser
