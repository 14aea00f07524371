// Bar gauge panel: one bar per series with name and value, basic/gradient/lcd in threshold
// colours, horizontal/vertical/auto orientation, min/max, value mappings, No data.
#include "panelfixture.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/colors.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestBarGaugePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void basicHorizontal();
    void gradientBlendsThresholds();
    void lcdCells();
    void orientation();
    void valueMapping();
    void noData();
};

static QByteArray barJson(const char *mode, const char *orientation, const char *extraDefaults = "")
{
    return QByteArray(R"({"id": 4, "type": "bargauge", "title": "B",
      "fieldConfig": {"defaults": {"unit": "short", "min": 0, "max": 100, )") +
           extraDefaults + R"( "thresholds": {"mode": "absolute", "steps": [
        {"color": "green", "value": null}, {"color": "orange", "value": 50},
        {"color": "red", "value": 80}]}}},
      "options": {"reduceOptions": {"calcs": ["lastNotNull"]}, "displayMode": ")" +
           mode + R"(", "orientation": ")" + orientation + R"("},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{job}}"}]})";
}

static PanelDataPtr series(const QList<double> &lastValues)
{
    std::vector<Frame> frames;
    int i = 0;
    for (double v : lastValues)
        frames.push_back(
            makeFrame({{"job", QStringLiteral("job%1").arg(++i)}}, kT0, 10'000, {1, v}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{job}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000, 10'000);
}

static std::unique_ptr<BarGaugePanel> makeBar(const QByteArray &json, QSize size)
{
    std::unique_ptr<BarGaugePanel> p(
        qobject_cast<BarGaugePanel *>(PanelWidget::create(makeModel(json))));
    if (p) {
        p->resize(size);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

/// The pixel at fraction `f` along the bar (from its start) in the middle of its thickness.
static QPointF along(const BarGaugePanel &p, int i, double f)
{
    const QRectF r = p.barRect(i);
    if (p.isVertical())
        return {r.center().x(), r.bottom() - r.height() * f};
    return {r.left() + r.width() * f, r.center().y()};
}

void TestBarGaugePanel::basicHorizontal()
{
    auto p = makeBar(barJson("basic", "horizontal"), {400, 240});
    QVERIFY(p);
    p->setData(series({30, 60, 90}));
    QVERIFY(!p->isVertical());
    QCOMPARE(p->barNames(), (QStringList{"job1", "job2", "job3"}));
    QCOMPARE(p->barTexts(), (QStringList{"30", "60", "90"}));
    const QImage img = p->barView()->grab().toImage();
    const QColor want[] = {grafanaColor("green"), grafanaColor("orange"), grafanaColor("red")};
    const double values[] = {0.3, 0.6, 0.9};
    for (int i = 0; i < 3; ++i) {
        // Filled up to the value in the value's colour, not beyond.
        QVERIFY2(near(pixelAt(img, along(*p, i, values[i] * 0.5)), want[i]),
                 qPrintable(QString::number(i)));
        QVERIFY(near(pixelAt(img, along(*p, i, values[i] - 0.02)), want[i]));
        QVERIFY(!near(pixelAt(img, along(*p, i, values[i] + 0.05)), want[i]));
        QCOMPARE(p->filledRect(i).width(), p->barRect(i).width() * values[i]);
    }
    // Bars are stacked top to bottom, the name line above each bar.
    QVERIFY(p->barRect(1).top() > p->barRect(0).bottom());
    // The value text is drawn right of the bar in the value colour.
    QVERIFY(countColor(img, want[2], int(p->barRect(2).right()) + 1, img.width(),
                       int(p->barRect(2).top()), int(p->barRect(2).bottom())) > 10);
}

void TestBarGaugePanel::gradientBlendsThresholds()
{
    auto p = makeBar(barJson("gradient", "horizontal"), {400, 120});
    p->setData(series({95}));
    const QImage img = p->barView()->grab().toImage();
    // Along one bar: green where the range is green, red near the value.
    const QColor start = pixelAt(img, along(*p, 0, 0.2));
    const QColor end = pixelAt(img, along(*p, 0, 0.9));
    const QColor green = grafanaColor("green"), red = grafanaColor("red");
    QVERIFY2(start.green() > start.red(), qPrintable(start.name()));
    QVERIFY2(end.red() > end.green() + 60, qPrintable(end.name()));
    QVERIFY(std::abs(end.red() - red.red()) < 50);
    Q_UNUSED(green);
    QVERIFY(!near(pixelAt(img, along(*p, 0, 0.98)), red, 30));
}

void TestBarGaugePanel::lcdCells()
{
    auto p = makeBar(barJson("lcd", "horizontal"), {400, 120});
    p->setData(series({70}));
    const QImage img = p->barView()->grab().toImage();
    const int cells = p->lcdCells(0);
    QVERIFY(cells > 10);
    const QRectF bar = p->barRect(0);
    const double step = bar.width() / cells;
    int litGreen = 0, litOrange = 0, dim = 0;
    for (int c = 0; c < cells; ++c) {
        const QColor px = pixelAt(img, QPointF(bar.left() + (c + 0.5) * step, bar.center().y()));
        const double centre = (c + 0.5) / cells;
        if (centre <= 0.7) {
            // Lit cells take the colour of their own threshold.
            const QColor want = centre * 100 < 50 ? grafanaColor("green") : grafanaColor("orange");
            QVERIFY2(near(px, want), qPrintable(QString::number(c) + " " + px.name()));
            (centre * 100 < 50 ? litGreen : litOrange)++;
        } else {
            QVERIFY(!near(px, grafanaColor("orange")) && !near(px, grafanaColor("red")));
            ++dim;
        }
    }
    QVERIFY(litGreen > 0 && litOrange > 0 && dim > 0);
    // Between cells there is a gap of background.
    const QColor gap = pixelAt(img, QPointF(bar.left() + step, bar.center().y()));
    QVERIFY(!near(gap, grafanaColor("green"), 20));
}

void TestBarGaugePanel::orientation()
{
    auto v = makeBar(barJson("basic", "vertical"), {300, 300});
    v->setData(series({40, 85}));
    QVERIFY(v->isVertical());
    QVERIFY(v->barRect(1).left() > v->barRect(0).right()); // side by side
    const QImage img = v->barView()->grab().toImage();
    QVERIFY(near(pixelAt(img, along(*v, 0, 0.2)), grafanaColor("green")));
    QVERIFY(!near(pixelAt(img, along(*v, 0, 0.6)), grafanaColor("green")));
    QVERIFY(near(pixelAt(img, along(*v, 1, 0.8)), grafanaColor("red")));

    // Auto: vertical bars when wider than tall, horizontal bars when taller than wide.
    auto a = makeBar(barJson("basic", "auto"), {600, 200});
    a->setData(series({40, 85}));
    QVERIFY(a->isVertical());
    a->resize(200, 600);
    QTRY_VERIFY(!a->isVertical());
}

void TestBarGaugePanel::valueMapping()
{
    auto p = makeBar(barJson("basic", "horizontal", R"("mappings": [{"type": "value",
        "options": {"60": {"text": "sixty", "color": "blue"}}}],)"),
                     {400, 160});
    p->setData(series({60, 20}));
    QCOMPARE(p->barTexts(), (QStringList{"sixty", "20"}));
    const QImage img = p->barView()->grab().toImage();
    QVERIFY(near(pixelAt(img, along(*p, 0, 0.3)), grafanaColor("blue")));
    QVERIFY(near(pixelAt(img, along(*p, 1, 0.1)), grafanaColor("green")));
}

void TestBarGaugePanel::noData()
{
    auto p = makeBar(barJson("basic", "horizontal"), {400, 160});
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", {}));
    p->setData(makeData(std::move(t), kT0, kT0 + 1000, 1000));
    QCOMPARE(p->statusText(), QStringLiteral("No data"));
    QVERIFY(!p->barView()->isVisibleTo(p.get())); // its scroll area is hidden
}

QTEST_MAIN(TestBarGaugePanel)
#include "test_bargaugepanel.moc"
