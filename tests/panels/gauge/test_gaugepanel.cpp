// Gauge panel: reduced value and text, arc filled in the threshold colour up to the value,
// threshold markers, several gauges in a grid, min/max, value mappings, No data.
#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/gauge/gaugepanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestGaugePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueArcInThresholdColour();
    void thresholdMarkers();
    void markersOff();
    void severalSeriesInAGrid();
    void rangeFromDataWithoutMinMax();
    void percentageThresholds();
    void valueMapping();
    void noDataAndError();
};

static QByteArray gaugeJson(const char *extraDefaults = R"("min": 0, "max": 100,)",
                            const char *options = R"("showThresholdMarkers": true)",
                            const char *thresholdMode = "absolute")
{
    return QByteArray(R"({"id": 3, "type": "gauge", "title": "G",
      "fieldConfig": {"defaults": {"unit": "percent", )") +
           extraDefaults + R"( "thresholds": {"mode": ")" + thresholdMode + R"(", "steps": [
        {"color": "green", "value": null}, {"color": "orange", "value": 50},
        {"color": "red", "value": 80}]}}},
      "options": {"reduceOptions": {"calcs": ["lastNotNull"]}, )" +
           options + R"(},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{instance}}"}]})";
}

static PanelDataPtr series(const QList<QList<double>> &values)
{
    std::vector<Frame> frames;
    int i = 0;
    for (const QList<double> &v : values)
        frames.push_back(
            makeFrame({{"instance", QStringLiteral("host%1").arg(++i)}}, kT0, 10'000, v));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{instance}}"));
    return makeData(std::move(t), kT0, kT0 + 100'000, 10'000);
}

static std::unique_ptr<GaugePanel> makeGauge(const QByteArray &json, QSize size = {400, 300})
{
    std::unique_ptr<GaugePanel> p(qobject_cast<GaugePanel *>(PanelWidget::create(makeModel(json))));
    if (p) {
        p->resize(size);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

void TestGaugePanel::valueArcInThresholdColour()
{
    auto p = makeGauge(gaugeJson());
    QVERIFY(p);
    p->setData(series({{10, 20, 65}}));
    QCOMPARE(p->gaugeTexts(), QStringList{"65%"});
    QCOMPARE(p->gauges().front().color, grafanaColor("orange"));
    QCOMPARE(p->statusText(), QString());
    const QImage img = p->gaugeView()->grab().toImage();
    const QColor orange = grafanaColor("orange");
    // The band is orange from the start up to 65 %, not beyond.
    for (double f : {0.05, 0.3, 0.6})
        QVERIFY2(
            near(pixelAt(img, p->valueBandPoint(0, f)), orange),
            qPrintable(QString::number(f) + " " + pixelAt(img, p->valueBandPoint(0, f)).name()));
    for (double f : {0.7, 0.9})
        QVERIFY(!near(pixelAt(img, p->valueBandPoint(0, f)), orange));
    // The value text is drawn in the value colour in the middle.
    QVERIFY(countColor(img, orange, img.width() / 3, img.width() * 2 / 3, img.height() / 3,
                       img.height() * 2 / 3) > 20);

    p->setData(series({{95}}));
    const QImage red = p->gaugeView()->grab().toImage();
    QCOMPARE(p->gaugeTexts(), QStringList{"95%"});
    QVERIFY(near(pixelAt(red, p->valueBandPoint(0, 0.9)), grafanaColor("red")));
    QVERIFY(!near(pixelAt(red, p->valueBandPoint(0, 0.98)), grafanaColor("red")));
}

void TestGaugePanel::thresholdMarkers()
{
    auto p = makeGauge(gaugeJson());
    p->setData(series({{30}}));
    QVERIFY(p->showThresholdMarkers());
    const QImage img = p->gaugeView()->grab().toImage();
    // The marker ring shows every step in its colour over its share of the range.
    QVERIFY(near(pixelAt(img, p->markerPoint(0, 0.25)), grafanaColor("green")));
    QVERIFY(near(pixelAt(img, p->markerPoint(0, 0.65)), grafanaColor("orange")));
    QVERIFY(near(pixelAt(img, p->markerPoint(0, 0.9)), grafanaColor("red")));
    // The value band is green (30 %) up to 0.3 only.
    QVERIFY(near(pixelAt(img, p->valueBandPoint(0, 0.2)), grafanaColor("green")));
    QVERIFY(!near(pixelAt(img, p->valueBandPoint(0, 0.5)), grafanaColor("green")));
}

void TestGaugePanel::markersOff()
{
    auto p = makeGauge(gaugeJson(R"("min": 0, "max": 100,)", R"("showThresholdMarkers": false)"));
    p->setData(series({{30}}));
    QVERIFY(!p->showThresholdMarkers());
    const QImage img = p->gaugeView()->grab().toImage();
    // Without markers the band reaches the outer radius: nothing red anywhere.
    QCOMPARE(countColor(img, grafanaColor("red"), 0, img.width(), 0, img.height(), 30), 0);
    QVERIFY(near(pixelAt(img, p->valueBandPoint(0, 0.2)), grafanaColor("green")));
}

void TestGaugePanel::severalSeriesInAGrid()
{
    auto p = makeGauge(gaugeJson(), {600, 300});
    p->setData(series({{10}, {60}, {90}}));
    QCOMPARE(p->gaugeTexts(), (QStringList{"10%", "60%", "90%"}));
    QCOMPARE(p->gauges()[1].name, QStringLiteral("host2"));
    const QImage img = p->gaugeView()->grab().toImage();
    const QColor want[] = {grafanaColor("green"), grafanaColor("orange"), grafanaColor("red")};
    for (int i = 0; i < 3; ++i) {
        const QPointF at = p->valueBandPoint(i, 0.05);
        QVERIFY2(near(pixelAt(img, at), want[i]), qPrintable(QString::number(i)));
    }
    // Side by side in a wide panel: the centres differ in x.
    QVERIFY(p->valueBandPoint(1, 0.5).x() > p->valueBandPoint(0, 0.5).x() + 100);
    QVERIFY(p->valueBandPoint(2, 0.5).x() > p->valueBandPoint(1, 0.5).x() + 100);
}

void TestGaugePanel::rangeFromDataWithoutMinMax()
{
    auto p = makeGauge(gaugeJson(""));
    p->setData(series({{20, 40}, {60, 120}}));
    QCOMPARE(p->rangeMin(), 20.0);
    QCOMPARE(p->rangeMax(), 120.0);
    QCOMPARE(p->fractionOf(40), 0.2);
    // One flat positive value: the gauge runs from 0 to it (full).
    p->setData(series({{7, 7}}));
    QCOMPARE(p->rangeMin(), 0.0);
    QCOMPARE(p->rangeMax(), 7.0);
}

void TestGaugePanel::percentageThresholds()
{
    auto p = makeGauge(
        gaugeJson(R"("min": 0, "max": 200,)", R"("showThresholdMarkers": true)", "percentage"));
    p->setData(series({{120}})); // 60 % of the range: orange
    QCOMPARE(p->gauges().front().color, grafanaColor("orange"));
    const QImage img = p->gaugeView()->grab().toImage();
    QVERIFY(near(pixelAt(img, p->markerPoint(0, 0.85)), grafanaColor("red")));
}

void TestGaugePanel::valueMapping()
{
    auto p = makeGauge(gaugeJson(R"("min": 0, "max": 100, "mappings": [
        {"type": "range", "options": {"from": 90, "to": 100, "result": {"text": "Critical", "color": "purple"}}}],)"));
    p->setData(series({{95}, {40}}));
    QCOMPARE(p->gaugeTexts(), (QStringList{"Critical", "40%"}));
    QCOMPARE(p->gauges().front().color, grafanaColor("purple"));
    const QImage img = p->gaugeView()->grab().toImage();
    QVERIFY(near(pixelAt(img, p->valueBandPoint(0, 0.5)), grafanaColor("purple")));
}

void TestGaugePanel::noDataAndError()
{
    auto p = makeGauge(gaugeJson());
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", {}));
    p->setData(makeData(std::move(t), kT0, kT0 + 1000, 1000));
    QCOMPARE(p->statusText(), QStringLiteral("No data"));
    std::vector<TargetResult> f;
    f.push_back(makeFailedTarget("A", "parse error at char 3"));
    p->setData(makeData(std::move(f), kT0, kT0 + 1000, 1000));
    QVERIFY(p->hasError());
    QVERIFY(p->statusText().contains("parse error at char 3"));
}

QTEST_MAIN(TestGaugePanel)
#include "test_gaugepanel.moc"
