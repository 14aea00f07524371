#include "dashboards/fields/units.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace pharos;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void format_data();
    void format();
    void unknownUnit();
    void axisTicks_data();
    void axisTicks();
};

void TestUnits::format_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("decimals"); // -1 = automatic
    QTest::addColumn<QString>("expected");

    const double inf = std::numeric_limits<double>::infinity();
    struct Row
    {
        const char *name;
        double v;
        const char *unit;
        int dec;
        const char *expected;
    };
    const Row rows[] = {
        {"none int", 42, "none", -1, "42"},
        {"none frac", 1.5, "none", -1, "1.50"},
        {"none small", 0.123456, "none", -1, "0.123"},
        {"none 123.456", 123.456, "none", -1, "123"},
        {"none dec", 3.14159, "none", 3, "3.142"},
        {"empty unit", 7, "", -1, "7"},
        {"none neg", -2.5, "none", 1, "-2.5"},
        {"none zero", 0, "none", -1, "0"},
        {"none neg zero rounds", -0.0001, "none", 2, "0.00"},
        {"short small", 999, "short", -1, "999"},
        {"short K", 1500, "short", -1, "1.50 K"},
        {"short K boundary", 1000, "short", -1, "1 K"},
        {"short Mil", 2500000, "short", 1, "2.5 Mil"},
        {"short Bil", 3e9, "short", -1, "3 Bil"},
        {"short Tri", 4.2e12, "short", 1, "4.2 Tri"},
        {"short neg", -1500, "short", 1, "-1.5 K"},
        {"short zero", 0, "short", -1, "0"},
        {"percent", 45.5, "percent", 1, "45.5%"},
        {"percent auto", 12, "percent", -1, "12%"},
        {"percentunit", 0.255, "percentunit", 1, "25.5%"},
        {"percentunit one", 1, "percentunit", -1, "100%"},
        {"percentunit neg", -0.5, "percentunit", 0, "-50%"},
        {"bytes B", 512, "bytes", -1, "512 B"},
        {"bytes KiB boundary", 1024, "bytes", -1, "1 KiB"},
        {"bytes 1023", 1023, "bytes", -1, "1023 B"},
        {"bytes KiB", 1536, "bytes", 1, "1.5 KiB"},
        {"bytes MiB", 5 * 1048576.0, "bytes", 2, "5.00 MiB"},
        {"bytes GiB", 1.5 * 1073741824.0, "bytes", 1, "1.5 GiB"},
        {"bytes zero", 0, "bytes", -1, "0 B"},
        {"bytes neg", -2048, "bytes", 0, "-2 KiB"},
        {"kbytes", 2048, "kbytes", 0, "2 MiB"},
        {"decbytes kB", 1500, "decbytes", 1, "1.5 kB"},
        {"decbytes MB", 2e6, "decbytes", -1, "2 MB"},
        {"decbytes B", 999, "decbytes", -1, "999 B"},
        {"bits", 2048, "bits", -1, "2 Kib"},
        {"decbits", 1e6, "decbits", -1, "1 Mb"},
        {"s sub", 0.25, "s", -1, "250 ms"},
        {"s", 1.5, "s", 1, "1.5 s"},
        {"s min", 90, "s", 1, "1.5 min"},
        {"s hour", 7200, "s", -1, "2 hour"},
        {"s day", 86400 * 3, "s", -1, "3 day"},
        {"s micro", 0.000005, "s", -1, "5 µs"},
        {"s nano", 5e-9, "s", -1, "5 ns"},
        {"s zero", 0, "s", -1, "0 s"},
        {"s neg", -30, "s", -1, "-30 s"},
        {"ms", 250, "ms", -1, "250 ms"},
        {"ms to s", 1500, "ms", 1, "1.5 s"},
        {"ms zero", 0, "ms", -1, "0 ms"},
        {"µs", 500, "µs", -1, "500 µs"},
        {"us alias", 2500, "us", 1, "2.5 ms"},
        {"ns", 750, "ns", -1, "750 ns"},
        {"ns to µs", 1500, "ns", 1, "1.5 µs"},
        {"m", 90, "m", 1, "1.5 hour"},
        {"h", 2, "h", -1, "2 hour"},
        {"d", 1, "d", -1, "1 day"},
        {"reqps", 12.5, "reqps", 1, "12.5 req/s"},
        {"reqps K", 2500, "reqps", 1, "2.5 K req/s"},
        {"reqps zero", 0, "reqps", -1, "0 req/s"},
        {"ops", 3, "ops", -1, "3 ops/s"},
        {"iops", 3, "iops", -1, "3 io/s"},
        {"Bps", 1500, "Bps", 1, "1.5 kB/s"},
        {"Bps small", 10, "Bps", -1, "10 B/s"},
        {"bps", 2e9, "bps", -1, "2 Gb/s"},
        {"binBps", 2048, "binBps", -1, "2 KiB/s"},
        {"hertz", 1500, "hertz", 1, "1.5 kHz"},
        {"celsius", 21.5, "celsius", 1, "21.5°C"},
        {"suffix", 5, "suffix: apples", -1, "5 apples"},
        {"prefix", 5, "prefix:$", -1, "$5"},
        {"nan", std::nan(""), "bytes", -1, "NaN"},
        {"inf", inf, "s", -1, "Infinity"},
        {"-inf", -inf, "short", -1, "-Infinity"},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.v << QString::fromUtf8(r.unit) << r.dec
                              << QString::fromUtf8(r.expected);
}

void TestUnits::format()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    const std::optional<int> dec = decimals < 0 ? std::nullopt : std::optional<int>(decimals);
    QCOMPARE(formatValue(value, unit, dec).toString(), expected);
    QVERIFY(isKnownUnit(unit));
}

void TestUnits::unknownUnit()
{
    QVERIFY(!isKnownUnit(QStringLiteral("furlongs")));
    QCOMPARE(formatValue(3, QStringLiteral("furlongs")).toString(), QStringLiteral("3 furlongs"));
    const FormattedValue fv = formatValue(1536, QStringLiteral("bytes"), 1);
    QCOMPARE(fv.text, QStringLiteral("1.5"));
    QCOMPARE(fv.suffix, QStringLiteral(" KiB"));
}

void TestUnits::axisTicks_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("step");
    QTest::addColumn<QList<double>>("ticks");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none 0.5") << QStringLiteral("none") << 0.5 << QList<double>{0, 0.5, 1, 1.5}
                              << QStringList{"0.0", "0.5", "1.0", "1.5"};
    QTest::newRow("none 0.25") << QStringLiteral("none") << 0.25 << QList<double>{0, 0.25, 0.5}
                               << QStringList{"0.00", "0.25", "0.50"};
    QTest::newRow("short K") << QStringLiteral("short") << 500.0
                             << QList<double>{0, 500, 1000, 1500}
                             << QStringList{"0.0 K", "0.5 K", "1.0 K", "1.5 K"};
    QTest::newRow("bytes MiB") << QStringLiteral("bytes") << 1048576.0
                               << QList<double>{0, 1048576, 2097152}
                               << QStringList{"0 MiB", "1 MiB", "2 MiB"};
    QTest::newRow("percentunit") << QStringLiteral("percentunit") << 0.25
                                 << QList<double>{0, 0.25, 0.5} << QStringList{"0%", "25%", "50%"};
    QTest::newRow("s ms") << QStringLiteral("s") << 0.05 << QList<double>{0, 0.05, 0.1}
                          << QStringList{"0 ms", "50 ms", "100 ms"};
}

void TestUnits::axisTicks()
{
    QFETCH(QString, unit);
    QFETCH(double, step);
    QFETCH(QList<double>, ticks);
    QFETCH(QStringList, expected);
    const std::vector<double> t(ticks.begin(), ticks.end());
    QCOMPARE(formatAxisTicks(t, step, unit), expected);
}

QTEST_GUILESS_MAIN(TestUnits)
#include "test_units.moc"
