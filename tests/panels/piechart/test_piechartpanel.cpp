// Pie chart panel: slices sized by reduced values, percentages, legend values, palette
// colours drawn, donut hole, value mappings, No data.
#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/piechart/piechartpanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestPieChartPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slicesAndPercentages();
    void slicesDrawnInPaletteColours();
    void donutHasAHole();
    void legendHidden();
    void mappingAndFixedColour();
    void noData();
};

static QByteArray pieJson(const char *pieType = "pie",
                          const char *legend = R"({"displayMode": "table", "placement": "right",
                                                   "values": ["value", "percent"]})",
                          const char *defaults = R"("unit": "short")")
{
    return QByteArray(R"({"id": 6, "type": "piechart", "title": "P",
      "fieldConfig": {"defaults": {)") +
           defaults + R"(}},
      "options": {"reduceOptions": {"calcs": ["sum"]}, "pieType": ")" +
           pieType + R"(", "displayLabels": ["percent"], "legend": )" + legend + R"(},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{code}}"}]})";
}

static PanelDataPtr codes()
{
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"code", "200"}}, kT0, 10'000, {30, 30})); // sum 60
    frames.push_back(makeFrame({{"code", "404"}}, kT0, 10'000, {10, 20})); // 30
    frames.push_back(makeFrame({{"code", "500"}}, kT0, 10'000, {5, 5}));   // 10
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{code}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000, 10'000);
}

static std::unique_ptr<PieChartPanel> makePie(const QByteArray &json)
{
    std::unique_ptr<PieChartPanel> p(
        qobject_cast<PieChartPanel *>(PanelWidget::create(makeModel(json))));
    if (p) {
        p->resize(500, 300);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

void TestPieChartPanel::slicesAndPercentages()
{
    auto p = makePie(pieJson());
    QVERIFY(p);
    p->setData(codes());
    QCOMPARE(p->statusText(), QString());
    const auto &s = p->slices();
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[0].name, QStringLiteral("200"));
    QCOMPARE(s[0].value, 60.0);
    QCOMPARE(s[0].percent, 60.0);
    QCOMPARE(s[1].percentText, QStringLiteral("30%"));
    QCOMPARE(s[2].percentText, QStringLiteral("10%"));
    QCOMPARE(s[0].spanDeg + s[1].spanDeg + s[2].spanDeg, -360.0);
    QCOMPARE(s[0].spanDeg, -216.0);
    QCOMPARE(p->legendLines(), (QStringList{"200\t60\t60%", "404\t30\t30%", "500\t10\t10%"}));
}

void TestPieChartPanel::slicesDrawnInPaletteColours()
{
    auto p = makePie(pieJson());
    p->setData(codes());
    const QImage img = p->chartView()->grab().toImage();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(p->slices()[i].color, classicPaletteColor(i));
        const QColor px = pixelAt(img, p->slicePoint(i));
        QVERIFY2(near(px, classicPaletteColor(i), 10),
                 qPrintable(QString("%1 %2").arg(i).arg(px.name())));
    }
    // Slice area is proportional: the 60 % slice covers far more pixels than the 10 % one.
    const int big = countColor(img, classicPaletteColor(0), 0, img.width(), 0, img.height(), 5);
    const int small = countColor(img, classicPaletteColor(2), 0, img.width(), 0, img.height(), 5);
    QVERIFY2(big > 4 * small && small > 100, qPrintable(QString("%1 %2").arg(big).arg(small)));
    // The legend (right) shows the swatches: each colour appears right of the pie too (the
    // pie's radius is at most half the view's height).
    const int pieRight = int(p->pieCenter().x() + img.height() / 2.0) + 1;
    QVERIFY(pieRight < img.width() * 3 / 4);
    QVERIFY(countColor(img, classicPaletteColor(2), pieRight, img.width(), 0, img.height(), 5) >
            20);
}

void TestPieChartPanel::donutHasAHole()
{
    auto p = makePie(pieJson("donut"));
    p->setData(codes());
    QVERIFY(p->isDonut());
    const QImage img = p->chartView()->grab().toImage();
    QVERIFY(near(pixelAt(img, p->slicePoint(0)), classicPaletteColor(0), 10));
    auto full = makePie(pieJson("pie"));
    full->setData(codes());
    const QImage fi = full->chartView()->grab().toImage();
    // Same size, same legend: the pie's centre is coloured, the donut's is not.
    QCOMPARE(p->pieCenter(), full->pieCenter());
    const QColor pieCentre = pixelAt(fi, full->pieCenter() + QPointF(3, 3));
    const QColor donutCentre = pixelAt(img, p->pieCenter() + QPointF(3, 3));
    bool pieColoured = false, donutColoured = false;
    for (int i = 0; i < 3; ++i) {
        pieColoured = pieColoured || near(pieCentre, classicPaletteColor(i), 10);
        donutColoured = donutColoured || near(donutCentre, classicPaletteColor(i), 10);
    }
    QVERIFY(pieColoured);
    QVERIFY(!donutColoured);
}

void TestPieChartPanel::legendHidden()
{
    auto p = makePie(pieJson("pie", R"({"showLegend": false})"));
    p->setData(codes());
    QVERIFY(!p->legendVisible());
    const QImage img = p->chartView()->grab().toImage();
    // Without a legend the pie is centred: nothing coloured in the rightmost 15 %.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(countColor(img, classicPaletteColor(i), img.width() * 85 / 100, img.width(), 0,
                            img.height(), 5),
                 0);
}

void TestPieChartPanel::mappingAndFixedColour()
{
    auto p = makePie(pieJson("pie", R"({"values": ["value"]})",
                             R"("unit": "short", "color": {"mode": "fixed", "fixedColor": "purple"},
                                "mappings": [{"type": "value", "options": {"10": {"text": "ten", "color": "red"}}}])"));
    p->setData(codes());
    QCOMPARE(p->slices()[0].color, grafanaColor("purple"));
    QCOMPARE(p->slices()[2].color, grafanaColor("red"));
    QCOMPARE(p->slices()[2].text, QStringLiteral("ten"));
    QCOMPARE(p->legendLines().value(2), QStringLiteral("500\tten"));
}

void TestPieChartPanel::noData()
{
    auto p = makePie(pieJson());
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", {}));
    p->setData(makeData(std::move(t), kT0, kT0 + 1000, 1000));
    QCOMPARE(p->statusText(), QStringLiteral("No data"));
}

QTEST_MAIN(TestPieChartPanel)
#include "test_piechartpanel.moc"
