#include "interval.h"

#include <QtTest>

using namespace pharos;

namespace {
constexpr qint64 S = 1000;
constexpr qint64 M = 60 * S;
constexpr qint64 H = 60 * M;
constexpr qint64 D = 24 * H;
} // namespace

class TestInterval : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compute_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("maxDataPoints");
        QTest::addColumn<qint64>("minInterval");
        QTest::addColumn<qint64>("scrape");
        QTest::addColumn<int>("factor");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<qint64>("rate");

        const qint64 t0 = 1700000000000;
        // 1h over 1000 px: raw 3.6 s -> 5 s; step = 3600 ms (> 3600000/11000 = 328 ms);
        // rate = max(5 s + 15 s, 60 s).
        QTest::newRow("1h/1000px")
            << t0 << H << 1000 << qint64(0) << 15 * S << 1 << 5 * S << qint64(3600) << 60 * S;
        // 7d over 1500 px: raw 403.2 s -> 5 m; step 403200 ms; rate = 5 m + 15 s.
        QTest::newRow("7d/1500px") << t0 << 7 * D << 1500 << qint64(0) << 15 * S << 1 << 5 * M
                                   << qint64(403200) << 5 * M + 15 * S;
        // 6h over 800 px: raw 27 s -> 30 s; step 27 s.
        QTest::newRow("6h/800px") << t0 << 6 * H << 800 << qint64(0) << 15 * S << 1 << 30 * S
                                  << 27 * S << 60 * S;
        // 15m over 400 px: raw 2.25 s -> 2 s.
        QTest::newRow("15m/400px")
            << t0 << 15 * M << 400 << qint64(0) << 15 * S << 1 << 2 * S << qint64(2250) << 60 * S;
        // Tiny range with a 15 s min step: min wins for interval and step; the scrape
        // interval for $__rate_interval becomes the min step: max(30 s, 60 s).
        QTest::newRow("tiny+min15s")
            << t0 << 10 * S << 1000 << 15 * S << 15 * S << 1 << 15 * S << 15 * S << 60 * S;
        // Tiny range without a min step: raw 10 ms -> 10 ms; step 10 ms.
        QTest::newRow("tiny") << t0 << 10 * S << 1000 << qint64(0) << 15 * S << 1 << qint64(10)
                              << qint64(10) << 60 * S;
        // Huge maxDataPoints: range / 11000 wins the step. 30d / 20000 = 129.6 s -> 2 m;
        // 30d / 11000 = 235636.36 ms -> 235637 ms.
        QTest::newRow("range/11000") << t0 << 30 * D << 20000 << qint64(0) << 15 * S << 1 << 2 * M
                                     << qint64(235637) << 2 * M + 15 * S;
        // intervalFactor 2 doubles the step, not $__interval.
        QTest::newRow("factor2") << t0 << H << 1000 << qint64(0) << 15 * S << 2 << 5 * S
                                 << qint64(7200) << 60 * S;
        // Min step bigger than range / maxDataPoints, with factor 2.
        QTest::newRow("min1m factor2")
            << t0 << H << 1000 << M << 15 * S << 2 << M << 2 * M << 4 * M;
        // Scrape 1 s: $__rate_interval = max(5 s + 1 s, 4 s) = 6 s.
        QTest::newRow("scrape1s") << t0 << H << 1000 << qint64(0) << S << 1 << 5 * S << qint64(3600)
                                  << 6 * S;
        // Scrape 1 s, 24h / 1000: raw 86.4 s -> 1 m; rate = 1 m + 1 s.
        QTest::newRow("24h scrape1s")
            << t0 << D << 1000 << qint64(0) << S << 1 << M << qint64(86400) << M + S;
        // One year over 1000 px: raw 8.76 h -> 12 h.
        QTest::newRow("1y") << t0 << 365 * D << 1000 << qint64(0) << 15 * S << 1 << 12 * H
                            << qint64(31536000) << 12 * H + 15 * S;
    }

    void compute()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, range);
        QFETCH(int, maxDataPoints);
        QFETCH(qint64, minInterval);
        QFETCH(qint64, scrape);
        QFETCH(int, factor);
        QFETCH(qint64, interval);
        QFETCH(qint64, step);
        QFETCH(qint64, rate);
        IntervalInput in;
        in.fromMs = from + 123;
        in.toMs = from + 123 + range;
        in.maxDataPoints = maxDataPoints;
        in.minIntervalMs = minInterval;
        in.scrapeIntervalMs = scrape;
        in.intervalFactor = factor;
        const IntervalResult r = computeInterval(in);
        QCOMPARE(r.intervalMs, interval);
        QCOMPARE(r.stepMs, step);
        QCOMPARE(r.rateIntervalMs, rate);
        // Start and end aligned down to the step.
        QCOMPARE(r.startMs % step, 0);
        QCOMPARE(r.endMs % step, 0);
        QVERIFY(r.startMs <= in.fromMs && in.fromMs - r.startMs < step);
        QVERIFY(r.endMs <= in.toMs && in.toMs - r.endMs < step);
        // Never more points than maxDataPoints nor 11000.
        QVERIFY((r.endMs - r.startMs) / r.stepMs + 1 <= std::min(maxDataPoints, 11000) + 1);
    }

    void alignmentExact()
    {
        IntervalInput in;
        in.fromMs = 1700000000123;
        in.toMs = in.fromMs + H;
        in.maxDataPoints = 1000;
        IntervalResult r = computeInterval(in);
        QCOMPARE(r.stepMs, 3600);
        QCOMPARE(r.startMs, 1699999999200);
        QCOMPARE(r.endMs, 1700003599200);
        in.fromMs = 1700000000000;
        in.toMs = in.fromMs + 7 * D;
        in.maxDataPoints = 1500;
        r = computeInterval(in);
        QCOMPARE(r.startMs, 1699999660800);
        QCOMPARE(r.endMs, 1700604460800);
    }

    void degenerate()
    {
        IntervalInput in; // zero range, zero points: must not divide by zero
        const IntervalResult r = computeInterval(in);
        QVERIFY(r.stepMs >= 1);
        QVERIFY(r.intervalMs >= 1);
        QCOMPARE(r.rateIntervalMs, 60 * S);
    }

    void format_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("15s") << 15 * S << QStringLiteral("15s");
        QTest::newRow("1m") << M << QStringLiteral("1m");
        QTest::newRow("2h") << 2 * H << QStringLiteral("2h");
        QTest::newRow("1d") << D << QStringLiteral("1d");
        QTest::newRow("500ms") << qint64(500) << QStringLiteral("500ms");
        QTest::newRow("1m30s") << 90 * S << QStringLiteral("1m30s");
        QTest::newRow("5m15s") << 5 * M + 15 * S << QStringLiteral("5m15s");
        QTest::newRow("1s500ms") << qint64(1500) << QStringLiteral("1s500ms");
        QTest::newRow("1y") << 365 * D << QStringLiteral("1y");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0s");
    }

    void format()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(formatDurationMs(ms), text);
        if (ms > 0)
            QCOMPARE(parseDurationMs(text), std::optional<qint64>(ms)); // round trip
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1 = invalid
        QTest::newRow("15s") << QStringLiteral("15s") << 15 * S;
        QTest::newRow("1m30s") << QStringLiteral("1m30s") << 90 * S;
        QTest::newRow("500ms") << QStringLiteral("500ms") << qint64(500);
        QTest::newRow("2h") << QStringLiteral("2h") << 2 * H;
        QTest::newRow("1d") << QStringLiteral("1d") << D;
        QTest::newRow("1w") << QStringLiteral("1w") << 7 * D;
        QTest::newRow("1y") << QStringLiteral("1y") << 365 * D;
        QTest::newRow("bare") << QStringLiteral("30") << 30 * S;
        QTest::newRow("1.5s") << QStringLiteral("1.5s") << qint64(1500);
        QTest::newRow("spaces") << QStringLiteral(" 10s ") << 10 * S;
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("word") << QStringLiteral("abc") << qint64(-1);
        QTest::newRow("bad unit") << QStringLiteral("5x") << qint64(-1);
        QTest::newRow("macro") << QStringLiteral("$__rate_interval") << qint64(-1);
        QTest::newRow("inner space") << QStringLiteral("1m 30s") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
        QTest::newRow("trailing") << QStringLiteral("5s!") << qint64(-1);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto r = parseDurationMs(text);
        if (ms < 0)
            QVERIFY(!r.has_value());
        else
            QCOMPARE(r, std::optional<qint64>(ms));
    }

    void macros_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *e, const char *x) {
            QTest::newRow(e) << QString::fromUtf8(e) << QString::fromUtf8(x);
        };
        // interval 5 s, rate interval 75 s, range 1 h (+400 ms rounds to 3600 s).
        row("rate(x[$__rate_interval])", "rate(x[1m15s])");
        row("rate(x[$__interval])", "rate(x[5s])");
        row("rate(x[${__interval}])", "rate(x[5s])");
        row("x > $__interval_ms", "x > 5000");
        row("x > ${__interval_ms}", "x > 5000");
        row("$__rate_interval_ms", "75000");
        row("increase(x[$__range])", "increase(x[3600s])");
        row("x / $__range_s", "x / 3600");
        row("x / ${__range_ms}", "x / 3600400");
        row("$__interval$__interval_ms", "5s5000");
        row("sum(x{job=\"$job\"}[$__interval]) by (${grp})",
            "sum(x{job=\"$job\"}[5s]) by (${grp})");
        row("$__intervalX", "$__intervalX");
        row("$__interval_msec", "$__interval_msec");
        row("${__interval", "${__interval");
        row("$$__interval", "$5s");
        row("no macros", "no macros");
        row("", "");
        row("$", "$");
    }

    void macros()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        IntervalResult r;
        r.intervalMs = 5 * S;
        r.rateIntervalMs = 75 * S;
        QCOMPARE(substituteMacros(expr, r, H + 400), expected);
    }
};

QTEST_GUILESS_MAIN(TestInterval)
#include "test_interval.moc"
