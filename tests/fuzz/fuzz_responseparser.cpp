// Prometheus HTTP API bodies through ResponseParser. The first byte selects the entry point
// (low 3 bits) and, in its upper bits, the content type, the HTTP status of an error body and
// whether the body comes with simdjson's padding. Every body is parsed twice, once from a
// padded buffer and once from a tight one: both must give the same answer.

#include "datasources/prometheus/responseparser.h"
#include "fuzzcommon.h"

#include <cmath>
#include <cstring>

using namespace pharos;
using Kind = DataSourceError::Kind;

const int pharosFuzzModeCount = 6;

namespace {

enum Mode { Query, StringList, Series, Object, HttpError, Html };

QByteArray body(const std::uint8_t *data, std::size_t size, bool padded)
{
    QByteArray b;
    if (padded)
        b.reserve(qsizetype(size + ResponseParser::paddingBytes()));
    b.append(reinterpret_cast<const char *>(data), qsizetype(size));
    return b;
}

// What classifyHttpError reads as JSON: '{' after an optional BOM and JSON whitespace.
bool startsWithBrace(const QByteArray &b)
{
    qsizetype i = b.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        ++i;
    return i < b.size() && b[i] == '{';
}

bool sameValue(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

bool sameFrames(const QueryResult &a, const QueryResult &b)
{
    if (a.type != b.type || a.frames.size() != b.frames.size() || a.warnings != b.warnings)
        return false;
    for (std::size_t i = 0; i < a.frames.size(); ++i) {
        const Frame &f = a.frames[i], &g = b.frames[i];
        if (f.labels != g.labels || f.timestamps != g.timestamps ||
            f.values.size() != g.values.size())
            return false;
        for (std::size_t j = 0; j < f.values.size(); ++j) {
            if (!sameValue(f.values[j], g.values[j]))
                return false;
        }
    }
    return true;
}

bool sameError(const DataSourceError &a, const DataSourceError &b)
{
    return a.kind == b.kind && a.httpStatus == b.httpStatus && a.errorType == b.errorType &&
           a.detail == b.detail;
}

QString kindText(const DataSourceError &e)
{
    return QStringLiteral("kind %1: %2").arg(int(e.kind)).arg(e.detail);
}

void checkFailure(bool ok, const DataSourceError &e)
{
    if (ok)
        PHAROS_FUZZ_CHECK(e.kind == Kind::None, kindText(e));
    else
        PHAROS_FUZZ_CHECK(e.kind != Kind::None, QStringLiteral("failed without an error"));
    (void)e.message();
}

void query(const QByteArray &padded, const QByteArray &tight, const QByteArray &contentType)
{
    QueryResult r1, r2;
    DataSourceError e1, e2;
    const bool ok1 = ResponseParser::parseQuery(padded, &r1, &e1, contentType);
    const bool ok2 = ResponseParser::parseQuery(tight, &r2, &e2, contentType);
    checkFailure(ok1, e1);
    PHAROS_FUZZ_CHECK(ok1 == ok2 && sameError(e1, e2) && sameFrames(r1, r2),
                      QStringLiteral("padded and tight bodies parse differently: ") + kindText(e1) +
                          QLatin1String(" / ") + kindText(e2));
    if (!ok1) {
        PHAROS_FUZZ_CHECK(r1.frames.empty() && r1.type == ResultType::None,
                          QStringLiteral("a failed parse left a result"));
        return;
    }
    PHAROS_FUZZ_CHECK(r1.type != ResultType::None, QStringLiteral("success without a type"));
    for (const Frame &f : r1.frames) {
        PHAROS_FUZZ_CHECK(f.timestamps.size() == f.values.size(),
                          QStringLiteral("timestamps and values differ in length"));
        for (qsizetype i = 1; i < f.labels.size(); ++i)
            PHAROS_FUZZ_CHECK(!(f.labels.at(i).first < f.labels.at(i - 1).first),
                              QStringLiteral("labels not sorted"));
        (void)f.displayName();
    }
    if (r1.type == ResultType::Scalar || r1.type == ResultType::String)
        PHAROS_FUZZ_CHECK(r1.frames.size() == 1 && r1.frames.front().size() == 1,
                          QStringLiteral("a scalar or string is not one point"));
    (void)r1.sampleCount();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int mode = data[0] % pharosFuzzModeCount;
    const int param = data[0] / pharosFuzzModeCount; // 0..42
    ++data;
    --size;
    static const QByteArray types[] = {QByteArray(), QByteArrayLiteral("application/json"),
                                       QByteArrayLiteral("text/html; charset=utf-8"),
                                       QByteArrayLiteral("text/plain")};
    const QByteArray &contentType = types[param % 4];
    const QByteArray padded = body(data, size, true);
    const QByteArray tight = body(data, size, false);

    switch (mode) {
    case Query:
        query(padded, tight, contentType);
        break;
    case StringList: {
        QStringList s1, s2, w1, w2;
        DataSourceError e1, e2;
        const bool ok1 = ResponseParser::parseStringList(padded, &s1, &e1, contentType, &w1);
        const bool ok2 = ResponseParser::parseStringList(tight, &s2, &e2, contentType, &w2);
        checkFailure(ok1, e1);
        PHAROS_FUZZ_CHECK(ok1 == ok2 && s1 == s2 && w1 == w2 && sameError(e1, e2),
                          QStringLiteral("padded and tight string lists differ"));
        if (!ok1)
            PHAROS_FUZZ_CHECK(s1.isEmpty(), QStringLiteral("a failed parse left strings"));
        break;
    }
    case Series: {
        std::vector<Labels> l1, l2;
        QStringList w1, w2;
        DataSourceError e1, e2;
        const bool ok1 = ResponseParser::parseSeries(padded, &l1, &e1, contentType, &w1);
        const bool ok2 = ResponseParser::parseSeries(tight, &l2, &e2, contentType, &w2);
        checkFailure(ok1, e1);
        PHAROS_FUZZ_CHECK(ok1 == ok2 && l1 == l2 && w1 == w2 && sameError(e1, e2),
                          QStringLiteral("padded and tight series lists differ"));
        if (!ok1)
            PHAROS_FUZZ_CHECK(l1.empty(), QStringLiteral("a failed parse left series"));
        break;
    }
    case Object: {
        QJsonObject o1, o2;
        QStringList w1, w2;
        DataSourceError e1, e2;
        const bool ok1 = ResponseParser::parseObject(padded, &o1, &e1, contentType, &w1);
        const bool ok2 = ResponseParser::parseObject(tight, &o2, &e2, contentType, &w2);
        checkFailure(ok1, e1);
        PHAROS_FUZZ_CHECK(ok1 == ok2 && o1 == o2 && w1 == w2 && sameError(e1, e2),
                          QStringLiteral("padded and tight objects differ"));
        if (!ok1)
            PHAROS_FUZZ_CHECK(o1.isEmpty(), QStringLiteral("a failed parse left an object"));
        break;
    }
    case HttpError: {
        static const int statuses[] = {400, 401, 403, 404, 405, 422, 429, 500, 502, 503, 200, 301};
        const int status = statuses[param % 12];
        const DataSourceError e = ResponseParser::classifyHttpError(status, padded, contentType);
        PHAROS_FUZZ_CHECK(e.kind != Kind::None && e.httpStatus == status, kindText(e));
        PHAROS_FUZZ_CHECK(
            sameError(e, ResponseParser::classifyHttpError(status, tight, contentType)),
            QStringLiteral("padded and tight error bodies differ"));
        // A Prometheus error body is a query error whatever the status says.
        QueryResult r;
        DataSourceError q;
        if (!ResponseParser::looksLikeHtml(padded, contentType) &&
            !ResponseParser::parseQuery(padded, &r, &q, contentType) &&
            q.kind == Kind::QueryError && startsWithBrace(padded))
            PHAROS_FUZZ_CHECK(e.kind == Kind::QueryError && e.detail == q.detail &&
                                  e.errorType == q.errorType,
                              kindText(e));
        (void)e.message();
        break;
    }
    case Html: {
        const QString title = ResponseParser::htmlTitle(padded);
        PHAROS_FUZZ_CHECK(title.size() <= 201, QStringLiteral("title longer than 200"));
        (void)ResponseParser::looksLikeHtml(padded, contentType);
        break;
    }
    }
    return 0;
}
