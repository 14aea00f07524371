#include "dashboards/query/interval.h"

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
    // Expected values worked out by hand from Grafana's published behaviour:
    //  [QO]  docs "Query options": Max data points defaults to the panel width; Min interval
    //        "sets a minimum limit for the automatically calculated interval".
    //  [DS]  Prometheus data source "Scrape interval": "used as a lower limit for the
    //        Prometheus step query parameter. Default value is 15s."
    //  [QE]  Prometheus query editor: "Min step: an additional lower limit for the step
    //        parameter ... and for the $__interval and $__rate_interval variables. The limit
    //        is absolute and not modified by the Resolution setting"; "Resolution: 1/1 sets
    //        both the $__interval variable and the step ... 1/2 ... every other pixel";
    //        "Min time interval: this value multiplied by the denominator from the
    //        Resolution setting sets a lower limit to both $__interval and step".
    //  [RI]  $__rate_interval = max($__interval + scrape interval, 4 x scrape interval),
    //        scrape interval = Min step if set, else the data source's (Grafana blog
    //        "New in Grafana 7.2: $__rate_interval", PR #77234 description).
    //  [RU]  rangeutil.roundInterval's published results (10 ms ... 1 y) and thresholds.
    //  [11K] Prometheus refuses more than 11000 points per series; the step is raised to
    //        range / 11000 (whole seconds above 1 s).
    void compute_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("maxDataPoints");
        QTest::addColumn<qint64>("panelMin");
        QTest::addColumn<qint64>("minStep");
        QTest::addColumn<qint64>("scrape");
        QTest::addColumn<int>("factor");
        QTest::addColumn<qint64>("step"); // = $__interval
        QTest::addColumn<qint64>("rate");
        const qint64 none = 0;

        // 1h / 1000 px = 3.6 s -> [RU] 5 s; below the 15 s scrape floor [DS] -> 15 s.
        // rate = max(15 + 15, 60) s [RI].
        QTest::newRow("1h/1000px") << H << 1000 << none << none << 15 * S << 1 << 15 * S << M;
        // Panel Min interval 1 s replaces the scrape floor [QO]: 5 s; rate max(20, 60) s.
        QTest::newRow("1h/1000px min1s") << H << 1000 << S << none << 15 * S << 1 << 5 * S << M;
        // 7d / 1500 px = 403.2 s -> [RU] 5 m; rate = 5 m + 15 s.
        QTest::newRow("7d/1500px")
            << 7 * D << 1500 << none << none << 15 * S << 1 << 5 * M << 5 * M + 15 * S;
        // 6h / 800 px = 27 s -> [RU] 30 s; rate max(45, 60) s.
        QTest::newRow("6h/800px") << 6 * H << 800 << none << none << 15 * S << 1 << 30 * S << M;
        // 15m / 400 px = 2.25 s -> [RU] 2 s (panel min 1 s).
        QTest::newRow("15m/400px min1s") << 15 * M << 400 << S << none << 15 * S << 1 << 2 * S << M;
        // 10 s / 1000 px = 10 ms -> [RU] 10 ms; the 15 s scrape floor wins [DS].
        QTest::newRow("tiny") << 10 * S << 1000 << none << none << 15 * S << 1 << 15 * S << M;
        // Same with a panel Min interval of 100 ms: 100 ms; rate max(15.1, 60) s.
        QTest::newRow("tiny min100ms")
            << 10 * S << 1000 << qint64(100) << none << 15 * S << 1 << qint64(100) << M;
        // Resolution 1/2: the floored interval is doubled, 15 s x 2 = 30 s [QE];
        // rate max(45, 60) s.
        QTest::newRow("factor2") << H << 1000 << none << none << 15 * S << 2 << 30 * S << M;
        // Resolution 1/3 on 5 s (min interval 1 s): 15 s; rate max(30, 60) s.
        QTest::newRow("factor3 min1s") << H << 1000 << S << none << 15 * S << 3 << 15 * S << M;
        // Min step 1 m beats 15 s x 2 = 30 s [QE]; rate with scrape = min step:
        // max(1 m + 1 m, 4 m) = 4 m [RI].
        QTest::newRow("minstep1m factor2") << H << 1000 << none << M << 15 * S << 2 << M << 4 * M;
        // Min step 5 s is below the scrape floor: step 15 s; but [RI] uses 5 s as the scrape
        // interval: max(15 + 5, 4 x 5) s = 20 s.
        QTest::newRow("minstep5s") << H << 1000 << none << 5 * S << 15 * S << 1 << 15 * S << 20 * S;
        // Min step is not multiplied by the resolution: 1/4 of 1 s min interval x 5 s =
        // 20 s; min step 10 s stays 10 s -> 20 s; rate max(20 + 10, 40) s = 40 s.
        QTest::newRow("minstep not x factor")
            << H << 1000 << S << 10 * S << 15 * S << 4 << 20 * S << 40 * S;
        // Data source scrape 1 s, 24h / 1000 px = 86.4 s -> [RU] 1 m; rate max(61, 4) s.
        QTest::newRow("24h scrape1s") << D << 1000 << none << none << S << 1 << M << M + S;
        // Scrape 1 s, 1h / 1000 px: 5 s; rate max(5 + 1, 4) s = 6 s.
        QTest::newRow("1h scrape1s") << H << 1000 << none << none << S << 1 << 5 * S << 6 * S;
        // 30d / 1000 px = 43.2 m -> [RU] 30 m.
        QTest::newRow("30d/1000px")
            << 30 * D << 1000 << none << none << 15 * S << 1 << 30 * M << 30 * M + 15 * S;
        // 1y / 1000 px = 8.76 h -> [RU] 6 h (below 9 h).
        QTest::newRow("1y/1000px")
            << 365 * D << 1000 << none << none << 15 * S << 1 << 6 * H << 6 * H + 15 * S;
        // 90d / 100 px = 21.6 h -> [RU] 12 h (below 1 d).
        QTest::newRow("90d/100px")
            << 90 * D << 100 << none << none << 15 * S << 1 << 12 * H << 12 * H + 15 * S;
        // 1y / 100 px = 3.65 d -> [RU] 1 d (below 1 w).
        QTest::newRow("1y/100px") << 365 * D << 100 << none << none << 15 * S << 1 << D
                                  << D + 15 * S;
        // 5y / 100 px = 18.25 d -> [RU] 1 w (below 3 w).
        QTest::newRow("5y/100px") << 5 * 365 * D << 100 << none << none << 15 * S << 1 << 7 * D
                                  << 7 * D + 15 * S;
        // 10y / 100 px = 36.5 d -> [RU] 30 d (below 6 w).
        QTest::newRow("10y/100px")
            << 10 * 365 * D << 100 << none << none << 15 * S << 1 << 30 * D << 30 * D + 15 * S;
        // 20y / 100 px = 73 d -> [RU] 1 y.
        QTest::newRow("20y/100px")
            << 20 * 365 * D << 100 << none << none << 15 * S << 1 << 365 * D << 365 * D + 15 * S;
        // 30d / 20000 points = 129.6 s -> [RU] 2 m, but 30d / 11000 = 235.64 s -> 236 s
        // [11K]; $__interval follows the step [QE]; rate = 236 + 15 s = 251 s.
        QTest::newRow("30d/20000 11K")
            << 30 * D << 20000 << S << none << 15 * S << 1 << 236 * S << 251 * S;
        // 1h / 20000 points with a 10 ms min interval: 180 ms -> [RU] 200 ms; 1h / 11000 =
        // 327.3 ms -> 328 ms (sub-second: whole ms) [11K]; rate max(15.328, 60) s.
        QTest::newRow("1h/20000 11K subsecond")
            << H << 20000 << qint64(10) << none << 15 * S << 1 << qint64(328) << M;
    }

    void compute()
    {
        QFETCH(qint64, range);
        QFETCH(int, maxDataPoints);
        QFETCH(qint64, panelMin);
        QFETCH(qint64, minStep);
        QFETCH(qint64, scrape);
        QFETCH(int, factor);
        QFETCH(qint64, step);
        QFETCH(qint64, rate);
        IntervalInput in;
        in.fromMs = 1700000000123;
        in.toMs = in.fromMs + range;
        in.maxDataPoints = maxDataPoints;
        in.panelMinIntervalMs = panelMin;
        in.minStepMs = minStep;
        in.scrapeIntervalMs = scrape;
        in.intervalFactor = factor;
        const IntervalResult r = computeInterval(in);
        QCOMPARE(r.stepMs, step);
        QCOMPARE(r.intervalMs, step);
        QCOMPARE(r.rateIntervalMs, rate);
        // Start and end aligned down to the step.
        QCOMPARE(r.startMs % step, 0);
        QCOMPARE(r.endMs % step, 0);
        QVERIFY(r.startMs <= in.fromMs && in.fromMs - r.startMs < step);
        QVERIFY(r.endMs <= in.toMs && in.toMs - r.endMs < step);
        // Never more than 11000 points per series.
        QVERIFY((r.endMs - r.startMs) / r.stepMs + 1 <= 11001);
    }

    // [RU]: each threshold of the rounding table, just below and at it.
    void roundInterval_data()
    {
        QTest::addColumn<qint64>("raw");
        QTest::addColumn<qint64>("nice");
        const std::pair<qint64, qint64> table[] = {
            {15, 10},         {35, 20},          {75, 50},          {150, 100},
            {350, 200},       {750, 500},        {1500, S},         {3500, 2 * S},
            {7500, 5 * S},    {12500, 10 * S},   {17500, 15 * S},   {25000, 20 * S},
            {45000, 30 * S},  {90000, M},        {210000, 2 * M},   {450000, 5 * M},
            {750000, 10 * M}, {1050000, 15 * M}, {1500000, 20 * M}, {2700000, 30 * M},
            {5400000, H},     {9000000, 2 * H},  {16200000, 3 * H}, {32400000, 6 * H},
            {D, 12 * H},      {7 * D, D},        {21 * D, 7 * D},   {42 * D, 30 * D},
        };
        QTest::newRow("0") << qint64(0) << qint64(10);
        for (std::size_t i = 0; i < std::size(table); ++i) {
            const auto [below, nice] = table[i];
            const qint64 next = i + 1 < std::size(table) ? table[i + 1].second : 365 * D;
            QTest::addRow("%lld-1", below) << below - 1 << nice;
            QTest::addRow("%lld", below) << below << next;
        }
        QTest::newRow("100y") << 100 * 365 * D << 365 * D;
    }

    void roundInterval()
    {
        QFETCH(qint64, raw);
        QFETCH(qint64, nice);
        QCOMPARE(roundIntervalMs(raw), nice);
    }

    void alignmentExact()
    {
        IntervalInput in;
        in.fromMs = 1700000000123;
        in.toMs = in.fromMs + H;
        in.maxDataPoints = 1000;
        IntervalResult r = computeInterval(in);
        QCOMPARE(r.stepMs, 15 * S);
        QCOMPARE(r.startMs, 1699999995000); // floor(1700000000.123 / 15) x 15
        QCOMPARE(r.endMs, 1700003595000);
        in.fromMs = 1700000000000;
        in.toMs = in.fromMs + 7 * D;
        in.maxDataPoints = 1500;
        r = computeInterval(in);
        QCOMPARE(r.stepMs, 5 * M);
        QCOMPARE(r.startMs, 1699999800000); // floor(1700000000 / 300) x 300
        QCOMPARE(r.endMs, 1700604600000);
    }

    void degenerate()
    {
        IntervalInput in; // zero range, zero points: must not divide by zero
        IntervalResult r = computeInterval(in);
        QCOMPARE(r.stepMs, 15 * S); // the scrape floor
        QCOMPARE(r.intervalMs, 15 * S);
        QCOMPARE(r.rateIntervalMs, 60 * S);
        in.scrapeIntervalMs = 0; // a broken setting still gives a positive step
        in.toMs = 10;
        r = computeInterval(in);
        QVERIFY(r.stepMs >= 1);
        QVERIFY(r.rateIntervalMs >= r.stepMs);
    }

    // Interval variables' "auto" uses rangeutil.calculateInterval: round(range / count),
    // at least auto_min (Grafana docs, "Add an interval variable").
    void calculateInterval_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("expected");
        // 24h / 30 = 48 m -> 1 h; 1h / 30 = 2 m -> 2 m; 1h / 30 with min 10 m -> 10 m.
        QTest::newRow("24h/30") << D << 30 << qint64(0) << H;
        QTest::newRow("1h/30") << H << 30 << qint64(0) << 2 * M;
        QTest::newRow("1h/30 min10m") << H << 30 << 10 * M << 10 * M;
        // 7d / 100 = 100.8 m -> 2 h (below 2.5 h).
        QTest::newRow("7d/100") << 7 * D << 100 << qint64(0) << 2 * H;
    }

    void calculateInterval()
    {
        QFETCH(qint64, range);
        QFETCH(int, count);
        QFETCH(qint64, min);
        QFETCH(qint64, expected);
        QCOMPARE(calculateIntervalMs(range, count, min), expected);
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
