// Table-driven tests of the Prometheus response parser over real-shaped bodies.
#include "datasources/prometheus/responseparser.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace pharos;
using Kind = DataSourceError::Kind;

Q_DECLARE_METATYPE(pharos::DataSourceError::Kind)
Q_DECLARE_METATYPE(pharos::ResultType)

// ResponseParser's defaults: bodies from 16 MB are parsed in slices of 4 MB.
constexpr qsizetype kDefaultThreshold = qsizetype(16) * 1024 * 1024;
constexpr qsizetype kDefaultSliceBytes = qsizetype(4) * 1024 * 1024;

class TestResponseParser : public QObject
{
    Q_OBJECT
public:
    explicit TestResponseParser(qsizetype slicedThreshold = kDefaultThreshold,
                                qsizetype sliceBytes = kDefaultSliceBytes)
        : m_threshold(slicedThreshold), m_sliceBytes(sliceBytes)
    {
    }

private:
    qsizetype m_threshold;
    qsizetype m_sliceBytes;

private Q_SLOTS:
    void init() { ResponseParser::setSlicedParsing(m_threshold, m_sliceBytes); }

    void matrix()
    {
        const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"job":"prometheus","__name__":"up","instance":"127.0.0.1:9090"},
             "values":[[1700000000.123,"1"],[1700000015,"0.5"],[1700000030.9999,"NaN"],
                       [1700000045.5,"+Inf"],[1700000060,"-Inf"],[1700000075,"1e-3"],
                       [1700000090,"-2.5E+10"],[1.7000001e9,"1"],[1700000105.0004,"2"],
                       [1700000106.9995 ,"3"]]},
            {"metric":{"job":"b"},"values":[]}]}})";
        QueryResult r;
        DataSourceError e;
        QVERIFY2(ResponseParser::parseQuery(body, &r, &e), qPrintable(e.message()));
        QCOMPARE(r.type, ResultType::Matrix);
        QCOMPARE(r.frames.size(), size_t(2));
        const Frame &f = r.frames[0];
        QCOMPARE(f.labels.size(), 3);
        QCOMPARE(f.labels[0].first, QStringLiteral("__name__"));
        QCOMPARE(f.labels[1].first, QStringLiteral("instance"));
        QCOMPARE(f.labels[2], std::make_pair(QStringLiteral("job"), QStringLiteral("prometheus")));
        const std::vector<qint64> ts{1700000000123, 1700000015000, 1700000031000, 1700000045500,
                                     1700000060000, 1700000075000, 1700000090000, 1700000100000,
                                     1700000105000, 1700000107000};
        QCOMPARE(f.timestamps, ts);
        QCOMPARE(f.values[0], 1.0);
        QCOMPARE(f.values[1], 0.5);
        QVERIFY(std::isnan(f.values[2]));
        QVERIFY(std::isinf(f.values[3]) && f.values[3] > 0);
        QVERIFY(std::isinf(f.values[4]) && f.values[4] < 0);
        QCOMPARE(f.values[5], 0.001);
        QCOMPARE(f.values[6], -2.5e10);
        // Exact size: no spare capacity retained.
        QCOMPARE(f.timestamps.capacity(), f.timestamps.size());
        QCOMPARE(f.values.capacity(), f.values.size());
        QVERIFY(r.frames[1].isEmpty());
        QCOMPARE(r.sampleCount(), 10);
        QCOMPARE(e.kind, Kind::None);
    }

    void vectorScalarString_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<pharos::ResultType>("type");
        QTest::addColumn<int>("frames");
        QTest::addColumn<qint64>("ts");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("firstLabel");
        QTest::newRow("vector")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"b":"2","a":"1"},"value":[1700000000.5,"42"]},{"metric":{},"value":[1700000000.5,"7"]}]}})")
            << ResultType::Vector << 2 << qint64(1700000000500) << 42.0 << "a=1";
        QTest::newRow("empty vector")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << ResultType::Vector << 0 << qint64(0) << 0.0 << "";
        QTest::newRow("scalar")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"scalar","result":[1700000001.001,"2"]}})")
            << ResultType::Scalar << 1 << qint64(1700000001001) << 2.0 << "";
        QTest::newRow("string")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"string","result":[1700000002,"hello"]}})")
            << ResultType::String << 1 << qint64(1700000002000) << std::nan("") << "value=hello";
        QTest::newRow("whitespace and BOM")
            << QByteArray("\xEF\xBB\xBF "
                          "\n{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                          "\"result\":[1,\"+Inf\"]}}")
            << ResultType::Scalar << 1 << qint64(1000) << qInf() << "";
    }
    void vectorScalarString()
    {
        QFETCH(QByteArray, body);
        QFETCH(pharos::ResultType, type);
        QFETCH(int, frames);
        QFETCH(qint64, ts);
        QFETCH(double, value);
        QFETCH(QString, firstLabel);
        QueryResult r;
        DataSourceError e;
        QVERIFY2(ResponseParser::parseQuery(body, &r, &e), qPrintable(e.message()));
        QCOMPARE(r.type, type);
        QCOMPARE(int(r.frames.size()), frames);
        if (frames == 0)
            return;
        QCOMPARE(r.frames[0].size(), 1);
        QCOMPARE(r.frames[0].timestamps[0], ts);
        if (std::isnan(value))
            QVERIFY(std::isnan(r.frames[0].values[0]));
        else
            QCOMPARE(r.frames[0].values[0], value);
        const QString label =
            r.frames[0].labels.isEmpty()
                ? QString()
                : r.frames[0].labels[0].first + QLatin1Char('=') + r.frames[0].labels[0].second;
        QCOMPARE(label, firstLabel);
    }

    void warnings()
    {
        const QByteArray body =
            R"({"status":"success","warnings":["query hit the limit","second"],"data":{"resultType":"vector","result":[]}})";
        QueryResult r;
        DataSourceError e;
        QVERIFY(ResponseParser::parseQuery(body, &r, &e));
        QCOMPARE(r.warnings, QStringList({"query hit the limit", "second"}));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<pharos::DataSourceError::Kind>("kind");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("detailContains");
        QTest::newRow("prometheus error")
            << QByteArray(
                   R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"})")
            << QByteArray() << Kind::QueryError << "bad_data"
            << "unexpected end of input";
        QTest::newRow("error with data null")
            << QByteArray(
                   R"({"status":"error","data":null,"errorType":"execution","error":"query timed out"})")
            << QByteArray() << Kind::QueryError << "execution"
            << "query timed out";
        QTest::newRow("html page") << QByteArray("\n  <!DOCTYPE html><html><head><title>Log in | "
                                                 "SSO</title></head><body>x</body></html>")
                                   << QByteArray() << Kind::NotPrometheus << ""
                                   << "Log in | SSO";
        QTest::newRow("html by content type")
            << QByteArray("hello") << QByteArray("text/html; charset=utf-8") << Kind::NotPrometheus
            << ""
            << "HTML";
        QTest::newRow("wrong shape object") << QByteArray(R"({"name":"grafana","version":"10"})")
                                            << QByteArray() << Kind::NotPrometheus << ""
                                            << "status";
        QTest::newRow("wrong shape array")
            << QByteArray(R"([1,2,3])") << QByteArray() << Kind::NotPrometheus << ""
            << "";
        QTest::newRow("wrong data shape")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":{"a":1}}})")
            << QByteArray() << Kind::NotPrometheus << ""
            << "result";
        QTest::newRow("unknown status") << QByteArray(R"({"status":"ok","data":{}})")
                                        << QByteArray() << Kind::NotPrometheus << ""
                                        << "ok";
        QTest::newRow("truncated")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"a"},"values":[[1700000000,"1"],[17000)")
            << QByteArray() << Kind::MalformedResponse << ""
            << "";
        QTest::newRow("truncated in string")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                          "{\"metric\":{\"job\":\"a")
            << QByteArray() << Kind::MalformedResponse << ""
            << "";
        QTest::newRow("bad number string")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}})")
            << QByteArray() << Kind::MalformedResponse << ""
            << "";
        QTest::newRow("string timestamp")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":["1","2"]}]}})")
            << QByteArray() << Kind::MalformedResponse << ""
            << "";
        QTest::newRow("garbage") << QByteArray("\x01\x02\xff\xfe garbage") << QByteArray()
                                 << Kind::MalformedResponse << ""
                                 << "";
        QTest::newRow("empty body") << QByteArray() << QByteArray() << Kind::MalformedResponse << ""
                                    << "empty";
        QTest::newRow("only spaces")
            << QByteArray("  \n ") << QByteArray() << Kind::MalformedResponse << ""
            << "empty";
    }
    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(pharos::DataSourceError::Kind, kind);
        QFETCH(QString, errorType);
        QFETCH(QString, detailContains);
        QueryResult r;
        r.frames.resize(3);
        DataSourceError e;
        QVERIFY(!ResponseParser::parseQuery(body, &r, &e, contentType));
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.errorType, errorType);
        QVERIFY2(e.detail.contains(detailContains, Qt::CaseInsensitive), qPrintable(e.detail));
        QVERIFY(!e.message().isEmpty());
        QVERIFY(r.frames.empty());
        // The other entry points classify the same way.
        QStringList strings;
        DataSourceError e2;
        QVERIFY(!ResponseParser::parseStringList(body, &strings, &e2, contentType));
        if (!body.contains("\"data\"")) // shape errors depend on the expected data shape
            QCOMPARE(e2.kind, kind);
    }

    void stringList()
    {
        QStringList s;
        DataSourceError e;
        QVERIFY(ResponseParser::parseStringList(
            R"({"status":"success","data":["__name__","instance","job","caf\u00e9"]})", &s, &e));
        QCOMPARE(s, QStringList({"__name__", "instance", "job", QString::fromUtf8("café")}));
        QVERIFY(!ResponseParser::parseStringList(R"({"status":"success","data":{"a":1}})", &s, &e));
        QCOMPARE(e.kind, Kind::NotPrometheus);
    }

    void series()
    {
        std::vector<Labels> s;
        DataSourceError e;
        QVERIFY(ResponseParser::parseSeries(
            R"({"status":"success","data":[{"__name__":"up","job":"p","instance":"x"},{"__name__":"up","job":"q"}]})",
            &s, &e));
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE(s[0].size(), 3);
        QCOMPARE(s[0][0].first, QStringLiteral("__name__"));
        QCOMPARE(s[0][1].first, QStringLiteral("instance"));
        QCOMPARE(labelValue(s[1], QStringLiteral("job")), QStringLiteral("q"));
    }

    void object()
    {
        QJsonObject o;
        DataSourceError e;
        QVERIFY(ResponseParser::parseObject(
            R"({"status":"success","data":{"version":"2.42.0","revision":"abc","goVersion":"go1.19"}})",
            &o, &e));
        QCOMPARE(o.value(QLatin1String("version")).toString(), QStringLiteral("2.42.0"));
        QVERIFY(!ResponseParser::parseObject(
            R"({"status":"error","errorType":"unavailable","error":"x"})", &o, &e));
        QCOMPARE(e.kind, Kind::QueryError);
        QVERIFY(!ResponseParser::parseObject("<html></html>", &o, &e));
        QCOMPARE(e.kind, Kind::NotPrometheus);
    }

    void classifyHttpError()
    {
        auto e = ResponseParser::classifyHttpError(
            400, R"({"status":"error","errorType":"bad_data","error":"invalid parameter"})");
        QCOMPARE(e.kind, Kind::QueryError);
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.detail, QStringLiteral("invalid parameter"));
        e = ResponseParser::classifyHttpError(500, "internal error\n", "text/plain");
        QCOMPARE(e.kind, Kind::HttpStatus);
        QCOMPARE(e.detail, QStringLiteral("internal error"));
        e = ResponseParser::classifyHttpError(502, "<html><title>502 Bad Gateway</title>",
                                              "text/html");
        QCOMPARE(e.kind, Kind::HttpStatus);
        QVERIFY(e.detail.contains(QLatin1String("502 Bad Gateway")));
    }

    void paddedAndUnpaddedAgree()
    {
        QByteArray body =
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"b"},"value":[1.5,"3"]}]}})";
        QByteArray padded = body;
        padded.reserve(body.size() + qsizetype(ResponseParser::paddingBytes()) + 1);
        QueryResult a, b;
        DataSourceError e;
        QVERIFY(ResponseParser::parseQuery(body.left(body.size()), &a, &e));
        QVERIFY(ResponseParser::parseQuery(padded, &b, &e));
        QCOMPARE(a.frames[0].values, b.frames[0].values);
        QCOMPARE(a.frames[0].timestamps, b.frames[0].timestamps);
    }

    // Large bodies are parsed in slices (ResponseParser::setSlicedParsing): the answer must be
    // the same as the whole parse, for good bodies and broken ones alike.
    void slicedAgreesWithWhole_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("sliced"); // the sliced path answers (no fallback)
        QByteArray big = R"({"status":"success","warnings":["w1"],"data":{"resultType":"matrix",)"
                         R"("result":[)";
        for (int s = 0; s < 300; ++s) {
            if (s)
                big += s % 7 ? "," : " ,\n ";
            // Label values with escaped quotes, braces, brackets, commas, colons and a unicode
            // escape.
            big += "{\"metric\":{\"__name__\":\"m\",\"job\":\"a\\\"b{c}[d],e:f\",\"s\":\"" +
                   QByteArray::number(s) + "\",\"u\":\"\\u00e9\\\\\"},\"values\":[";
            for (int i = 0; i < 40; ++i) {
                if (i)
                    big += ',';
                big += '[' + QByteArray::number(1700000000 + i * 15) + (i % 3 ? ".5" : "") + ",\"" +
                       (i % 11 == 0 ? QByteArray("NaN") : QByteArray::number(i * 0.25 + s)) + "\"]";
            }
            big += "]}";
        }
        big += "]},\"infos\":[\"i\"]}";
        QTest::newRow("matrix") << big << true;
        QTest::newRow("vector")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[)"
                   R"({"metric":{"a":"1"},"value":[1.5,"3"]}, {"metric":{},"value":[2,"+Inf"]}]}})")
            << true;
        QTest::newRow("empty result")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[ ]}})")
            << true;
        QTest::newRow("resultType after result")
            << QByteArray(R"({"status":"success","data":{"result":[{"metric":{},"values":[]}],)"
                          R"("resultType":"matrix"}})")
            << false;
        QTest::newRow("truncated") << big.left(big.size() / 2) << false;
        QTest::newRow("trailing comma")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{},"value":[1,"1"]},]}})")
            << false;
        QTest::newRow("colon between series")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{},"value":[1,"1"]}:{"metric":{},"value":[1,"1"]}]}})")
            << false;
        QTest::newRow("series without values")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                          R"({"metric":{"a":"b"}}]}})")
            << false;
        QTest::newRow("bad value")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{},"value":[1,"one"]}]}})")
            << false;
        QTest::newRow("not an object")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[1,2]}})")
            << false;
        QTest::newRow("two results")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[],)"
                          R"("result":[{"metric":{},"value":[1,"1"]}]}})")
            << false;
        QTest::newRow("query error")
            << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error"})")
            << false;
        QTest::newRow("scalar")
            << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[1,"2"]}})")
            << false;
    }
    void slicedAgreesWithWhole()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, sliced);
        ResponseParser::setSlicedParsing(std::numeric_limits<qsizetype>::max(), 1);
        QueryResult whole;
        DataSourceError wholeError;
        const bool wholeOk = ResponseParser::parseQuery(body, &whole, &wholeError);
        for (qsizetype sliceBytes : {qsizetype(1), qsizetype(700), qsizetype(1) << 20}) {
            ResponseParser::setSlicedParsing(0, sliceBytes);
            const int before = ResponseParser::slicedParseCount();
            QueryResult r;
            DataSourceError e;
            const bool ok = ResponseParser::parseQuery(body, &r, &e);
            const bool usedSlices = ResponseParser::slicedParseCount() > before;
            QCOMPARE(usedSlices, sliced);
            QCOMPARE(ok, wholeOk);
            QCOMPARE(e.kind, wholeError.kind);
            QCOMPARE(e.detail, wholeError.detail);
            QCOMPARE(e.errorType, wholeError.errorType);
            QCOMPARE(r.type, whole.type);
            QCOMPARE(r.warnings, whole.warnings);
            QCOMPARE(r.frames.size(), whole.frames.size());
            for (size_t i = 0; i < r.frames.size(); ++i) {
                QCOMPARE(r.frames[i].labels, whole.frames[i].labels);
                QCOMPARE(r.frames[i].timestamps, whole.frames[i].timestamps);
                QCOMPARE(r.frames[i].values.size(), whole.frames[i].values.size());
                for (size_t k = 0; k < r.frames[i].values.size(); ++k) {
                    const double a = r.frames[i].values[k], b = whole.frames[i].values[k];
                    QVERIFY((std::isnan(a) && std::isnan(b)) || a == b);
                }
            }
        }
        if (QByteArray(QTest::currentDataTag()) == "matrix") {
            QCOMPARE(whole.frames.size(), size_t(300));
            QCOMPARE(labelValue(whole.frames[3].labels, QStringLiteral("job")),
                     QStringLiteral("a\"b{c}[d],e:f"));
            QCOMPARE(labelValue(whole.frames[3].labels, QStringLiteral("u")),
                     QStringLiteral("\u00e9\\"));
            QCOMPARE(whole.warnings, QStringList{QStringLiteral("w1")});
        }
    }
};

// Every test runs twice: with the default whole-document parse of small bodies, then with
// every body parsed in slices of a few bytes (the path of bodies >= 16 MB).
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestResponseParser whole;
    int failed = QTest::qExec(&whole, argc, argv);
    TestResponseParser sliced(0, 64);
    failed += QTest::qExec(&sliced, argc, argv);
    return failed;
}
#include "test_responseparser.moc"
