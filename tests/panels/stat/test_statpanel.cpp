#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/stat/statpanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestStatPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textIsFormattedReduction_data();
    void textIsFormattedReduction();
    void absoluteThresholds();
    void percentageThresholds();
    void severalSeries();
    void sparklineDrawn();
    void valueMappings();
};

static QByteArray statJson(const char *unit, const char *calc, const char *thresholds,
                           const char *extraDefaults = "", const char *graphMode = "area")
{
    return QByteArray(R"({"id": 1, "type": "stat", "title": "S",
      "fieldConfig": {"defaults": {"unit": ")") +
           unit + R"(", )" + extraDefaults + R"( "thresholds": )" + thresholds +
           R"(, "color": {"mode": "thresholds"}}},
      "options": {"reduceOptions": {"calcs": [")" +
           calc + R"("]}, "colorMode": "value",
                  "graphMode": ")" +
           graphMode + R"("},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{instance}}"}]})";
}

static const char *kSteps = R"({"mode": "absolute", "steps": [
    {"color": "green", "value": null}, {"color": "orange", "value": 50},
    {"color": "red", "value": 80}]})";

static PanelDataPtr oneSeries(const QList<double> &values)
{
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"instance", "a:1"}}, kT0, 10'000, values));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{instance}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000 * values.size(), 10'000);
}

void TestStatPanel::textIsFormattedReduction_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("calc");
    QTest::addColumn<QString>("expected");
    // values: 2, NaN, 8, 4, NaN
    QTest::newRow("lastNotNull ms") << "ms"
                                    << "lastNotNull"
                                    << "4 ms";
    QTest::newRow("mean bytes") << "bytes"
                                << "mean"
                                << "4.67 B";
    QTest::newRow("max percentunit") << "percentunit"
                                     << "max"
                                     << "800%";
    QTest::newRow("sum short") << "short"
                               << "sum"
                               << "14";
    QTest::newRow("count") << "none"
                           << "count"
                           << "5";
    QTest::newRow("range reqps") << "reqps"
                                 << "range"
                                 << "6 req/s";
    QTest::newRow("first NaN") << "s"
                               << "first"
                               << "2 s";
    QTest::newRow("last NaN") << "s"
                              << "last"
                              << "NaN";
}

void TestStatPanel::textIsFormattedReduction()
{
    QFETCH(QString, unit);
    QFETCH(QString, calc);
    QFETCH(QString, expected);
    std::unique_ptr<PanelWidget> w(PanelWidget::create(
        makeModel(statJson(unit.toUtf8().constData(), calc.toUtf8().constData(), kSteps))));
    auto *p = qobject_cast<StatPanel *>(w.get());
    QVERIFY(p);
    p->setData(oneSeries({2, std::nan(""), 8, 4, std::nan("")}));
    QCOMPARE(p->statTexts(), QStringList{expected});
    QCOMPARE(p->statusText(), QString());
}

void TestStatPanel::absoluteThresholds()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(
        makeModel(statJson("percent", "lastNotNull", kSteps, R"("decimals": 1,)"))));
    auto *p = qobject_cast<StatPanel *>(w.get());
    p->setData(oneSeries({10, 20, 30}));
    QCOMPARE(p->statTexts(), QStringList{"30.0%"});
    QCOMPARE(p->statColors().value(0), grafanaColor("green"));
    p->setData(oneSeries({10, 50}));
    QCOMPARE(p->statColors().value(0), grafanaColor("orange"));
    p->setData(oneSeries({10, 95}));
    QCOMPARE(p->statColors().value(0), grafanaColor("red"));
}

void TestStatPanel::percentageThresholds()
{
    const char *pct = R"({"mode": "percentage", "steps": [
        {"color": "green", "value": null}, {"color": "semi-dark-orange", "value": 50},
        {"color": "#ff0000", "value": 90}]})";
    std::unique_ptr<PanelWidget> w(PanelWidget::create(
        makeModel(statJson("none", "lastNotNull", pct, R"("min": 0, "max": 200,)"))));
    auto *p = qobject_cast<StatPanel *>(w.get());
    p->setData(oneSeries({90}));
    QCOMPARE(p->statColors().value(0), grafanaColor("green")); // 45 %
    p->setData(oneSeries({120}));
    QCOMPARE(p->statColors().value(0), grafanaColor("semi-dark-orange")); // 60 %
    p->setData(oneSeries({190}));
    QCOMPARE(p->statColors().value(0), QColor(255, 0, 0)); // 95 %
}

void TestStatPanel::severalSeries()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(statJson("s", "lastNotNull", kSteps))));
    auto *p = qobject_cast<StatPanel *>(w.get());
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"instance", "a:1"}}, kT0, 10'000, {1, 2}));
    frames.push_back(makeFrame({{"instance", "b:2"}}, kT0, 10'000, {60, 90}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{instance}}"));
    p->setData(makeData(std::move(t), kT0, kT0 + 10'000, 10'000));
    QCOMPARE(p->statTexts(), (QStringList{"2 s", "1.50 min"}));
    QCOMPARE(p->stats().value(0).name, QStringLiteral("a:1"));
    QCOMPARE(p->stats().value(1).name, QStringLiteral("b:2"));
    QCOMPARE(p->statColors().value(1), grafanaColor("red"));
}

void TestStatPanel::sparklineDrawn()
{
    QList<double> values;
    for (int i = 0; i < 50; ++i)
        values << 20 + 10 * std::sin(i * 0.3);
    const QColor green = grafanaColor("green");
    for (const char *mode : {"area", "none"}) {
        std::unique_ptr<PanelWidget> w(
            PanelWidget::create(makeModel(statJson("none", "lastNotNull", kSteps, "", mode))));
        auto *p = qobject_cast<StatPanel *>(w.get());
        p->resize(300, 200);
        p->show();
        QVERIFY(QTest::qWaitForWindowExposed(p));
        p->setData(oneSeries(values));
        const QImage img = p->statView()->grab().toImage();
        // the lower part (below the value text) holds only the sparkline
        const int lower =
            countColor(img, green, 0, img.width(), int(img.height() * 0.8), img.height());
        if (QByteArray(mode) == "area")
            QVERIFY2(lower > 30, QByteArray::number(lower));
        else
            QCOMPARE(lower, 0);
        // the value text is drawn in the threshold colour
        QVERIFY(countColor(img, green, 0, img.width(), 0, img.height()) > 20);
    }
}

void TestStatPanel::valueMappings()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(statJson("none", "lastNotNull", kSteps, R"("mappings": [
            {"type": "value", "options": {"1": {"text": "UP", "color": "blue"}, "0": {"text": "DOWN"}}},
            {"type": "special", "options": {"match": "null+nan", "result": {"text": "N/A"}}}],)"))));
    auto *p = qobject_cast<StatPanel *>(w.get());
    p->resize(300, 200);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(oneSeries({0, 1}));
    QCOMPARE(p->statTexts(), QStringList{"UP"});
    QCOMPARE(p->statColors().value(0), grafanaColor("blue"));
    const QImage img = p->statView()->grab().toImage();
    QVERIFY(countColor(img, grafanaColor("blue"), 0, img.width(), 0, img.height(), 20) > 20);
    p->setData(oneSeries({1, 0}));
    QCOMPARE(p->statTexts(), QStringList{"DOWN"});
    QCOMPARE(p->statColors().value(0), grafanaColor("green")); // no mapped colour: threshold
    p->setData(oneSeries({std::nan(""), std::nan("")}));
    QCOMPARE(p->statTexts(), QStringList{"N/A"});
}

QTEST_MAIN(TestStatPanel)
#include "test_statpanel.moc"
