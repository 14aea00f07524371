#include "dashboards/fields/reducers.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace pharos;

class TestReducers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reduce_data();
    void reduce();
    void names();
};

static Frame frameOf(const QList<double> &values)
{
    Frame f;
    qint64 t = 1000;
    for (double v : values) {
        f.timestamps.push_back(t);
        f.values.push_back(v);
        t += 1000;
    }
    return f;
}

void TestReducers::reduce_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("calc");
    QTest::addColumn<double>("expected"); // NaN = expect NaN

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<double> plain{3, 1, 4, 1, 5};
    const QList<double> withNan{nan, 2, nan, 6, nan};
    const QList<double> counter{10, 15, 20, 5, 8};
    const QList<double> empty;

    QTest::newRow("last") << plain << "last" << 5.0;
    QTest::newRow("last nan") << withNan << "last" << nan;
    QTest::newRow("lastNotNull") << withNan << "lastNotNull" << 6.0;
    QTest::newRow("first") << withNan << "first" << nan;
    QTest::newRow("firstNotNull") << withNan << "firstNotNull" << 2.0;
    QTest::newRow("mean") << plain << "mean" << 2.8;
    QTest::newRow("mean nan") << withNan << "mean" << 4.0;
    QTest::newRow("min") << plain << "min" << 1.0;
    QTest::newRow("max") << plain << "max" << 5.0;
    QTest::newRow("max nan") << withNan << "max" << 6.0;
    QTest::newRow("sum") << plain << "sum" << 14.0;
    QTest::newRow("sum nan") << withNan << "sum" << 8.0;
    QTest::newRow("count") << plain << "count" << 5.0;
    QTest::newRow("range") << plain << "range" << 4.0;
    QTest::newRow("delta plain") << plain << "delta"
                                 << 1.0 /*reset 3->1:+1, +3, reset +1, +4*/ + 3 + 1 + 4;
    QTest::newRow("delta counter") << counter << "delta" << 5.0 + 5 + 5 + 3;
    QTest::newRow("diff") << counter << "diff" << -2.0;
    QTest::newRow("diff nan") << withNan << "diff" << 4.0;
    QTest::newRow("median odd") << plain << "median" << 3.0;
    QTest::newRow("median even") << QList<double>{1, 2, 3, 10} << "median" << 2.5;
    QTest::newRow("unknown") << withNan << "bogus" << 6.0;
    QTest::newRow("empty last") << empty << "lastNotNull" << nan;
    QTest::newRow("empty mean") << empty << "mean" << nan;
    QTest::newRow("empty sum") << empty << "sum" << 0.0;
    QTest::newRow("empty count") << empty << "count" << 0.0;
    QTest::newRow("all nan max") << QList<double>{nan, nan} << "max" << nan;
    QTest::newRow("negative min") << QList<double>{-3, -7, 2} << "min" << -7.0;
    QTest::newRow("inf max") << QList<double>{1, std::numeric_limits<double>::infinity()} << "max"
                             << std::numeric_limits<double>::infinity();
}

void TestReducers::reduce()
{
    QFETCH(QList<double>, values);
    QFETCH(QString, calc);
    QFETCH(double, expected);
    const double got = pharos::reduce(frameOf(values), calc);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
    else
        QCOMPARE(got, expected);
}

void TestReducers::names()
{
    for (const QString &id : knownReducers()) {
        QVERIFY(isKnownReducer(id));
        QVERIFY(!reducerDisplayName(id).isEmpty());
    }
    QCOMPARE(reducerDisplayName(QStringLiteral("mean")), QStringLiteral("Mean"));
    QVERIFY(!isKnownReducer(QStringLiteral("bogus")));
}

QTEST_GUILESS_MAIN(TestReducers)
#include "test_reducers.moc"
