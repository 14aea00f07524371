// Time-series panel options as Grafana renders them, checked on real pixels: stacking,
// bars, points, fill, right axis, override colours, hidden series, thresholds, spanNulls,
// negative-Y, step lines, legend calcs and sorting, and a corpus panel with overrides.
#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/timeseries/timeseriespanel.h"
#include "testpaths.h"
#include "timeseriesfixture.h"

#include <QFile>
#include <QTest>
#include <functional>
#include <limits>

using namespace pharos;
using namespace pharos::testing;

class TestTimeSeriesStyles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stackedNormal();
    void stackedPercentFillsToTop();
    void barsAndPoints();
    void fillOpacityUnderLine();
    void rightAxisOwnUnit();
    void fixedColourForNamedSeriesOnly();
    void hiddenFromLegendTooltipViz();
    void thresholdLineAndArea();
    void spanNullsBridgesGap();
    void negativeYAndStepAfter();
    void legendCalcsAndSort();
    void corpusPanelWithOverrides();
};

namespace {

const QColor kRed(0xE0, 0x20, 0x20);
const QColor kBlue(0x20, 0x40, 0xE0);
const QColor kGreen(0x00, 0xC0, 0x00);
const QString kRedHex = QStringLiteral("#e02020");
const QString kBlueHex = QStringLiteral("#2040e0");

QList<double> constant(int n, double v)
{
    return QList<double>(n, v);
}

// A panel with series named by label "s" ({{s}}), 10 s apart from kT0.
using Fixture = RenderedTimeSeries;

QByteArray panel(const QByteArray &custom, const QByteArray &overrides = "[]",
                 const QByteArray &defaultsExtra = "",
                 const QByteArray &legend = R"({"displayMode": "list"})",
                 const QByteArray &tooltip = R"({"mode": "multi", "sort": "none"})")
{
    return R"({"id": 3, "type": "timeseries", "title": "T",
      "fieldConfig": {"defaults": {"color": {"mode": "palette-classic"}, )" +
           defaultsExtra + R"( "custom": )" + custom + R"(}, "overrides": )" + overrides + R"(},
      "options": {"legend": )" +
           legend + R"(, "tooltip": )" + tooltip + R"(},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})";
}

QByteArray colourOverride(const QString &name, const QString &colour)
{
    return QStringLiteral(R"({"matcher": {"id": "byName", "options": "%1"},
        "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "%2"}}]})")
        .arg(name, colour)
        .toUtf8();
}

// The first row (top down) in column x with a pixel of colour c within [y0, y1).
int firstRow(const QImage &img, int x, const QColor &c, int y0, int y1)
{
    for (int y = std::max(0, y0); y < std::min(img.height(), y1); ++y)
        if (near(img.pixelColor(x, y), c))
            return y;
    return -1;
}

} // namespace

void TestTimeSeriesStyles::stackedNormal()
{
    Fixture f;
    QVERIFY(f.make(
        panel(R"({"lineWidth": 2, "fillOpacity": 0, "stacking": {"mode": "normal", "group": "A"}})",
              "[" + colourOverride("a", kRedHex) + "," + colourOverride("b", kBlueHex) + "]",
              R"("min": 0,)"),
        {{"a", constant(21, 10)}, {"b", constant(21, 10)}}));
    // b sits on a: drawn at 20, a at 10 (between samples: no point markers there).
    QVERIFY(f.r->yAxisMax() >= 20);
    const int x = (f.x(10) + f.x(11)) / 2;
    const int yb = firstRow(f.img, x, kBlue, f.plot.top(), f.plot.bottom());
    const int ya = firstRow(f.img, x, kRed, f.plot.top(), f.plot.bottom());
    QVERIFY2(std::abs(yb - f.y(20)) <= 2, qPrintable(QString("%1 vs %2").arg(yb).arg(f.y(20))));
    QVERIFY2(std::abs(ya - f.y(10)) <= 2, qPrintable(QString("%1 vs %2").arg(ya).arg(f.y(10))));
    // The tooltip shows each series' own value, not the stacked one.
    const QStringList lines = f.panel->tooltipTextAt(QPoint(x, f.y(15))).split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[1], QStringLiteral("a: 10"));
    QCOMPARE(lines[2], QStringLiteral("b: 10"));

    // Legend isolation takes a series out of the stack: b alone is drawn at 10.
    f.panel->legendClicked(1, Qt::NoModifier);
    const QImage iso = f.panel->plotImage().convertToFormat(QImage::Format_ARGB32);
    const int yIso = firstRow(iso, x, kBlue, f.plot.top(), f.plot.bottom());
    QVERIFY(std::abs(yIso - f.y(10)) <= 2);
}

void TestTimeSeriesStyles::stackedPercentFillsToTop()
{
    Fixture f;
    QVERIFY(f.make(
        panel(
            R"({"lineWidth": 1, "fillOpacity": 100, "stacking": {"mode": "percent", "group": "A"}})",
            "[" + colourOverride("a", kRedHex) + "," + colourOverride("b", kBlueHex) + "]"),
        {{"a", constant(21, 1)}, {"b", constant(21, 3)}}));
    QCOMPARE(f.r->yAxisMin(), 0.0);
    QCOMPARE(f.r->yAxisMax(), 1.0);
    QVERIFY(f.r->yTickLabels().contains(QStringLiteral("100%")));
    const int x = f.x(10);
    const int y25 = f.y(0.25);
    // From the top of the plot down to 25 %: b's band; below: a's.
    int blue = 0, red = 0;
    for (int y = f.plot.top() + 3; y < y25 - 3; ++y)
        blue += near(f.at(x, y), kBlue) ? 1 : 0;
    for (int y = y25 + 3; y < f.plot.bottom() - 3; ++y)
        red += near(f.at(x, y), kRed) ? 1 : 0;
    QVERIFY2(blue >= y25 - 3 - f.plot.top() - 3 - 2, qPrintable(QString::number(blue)));
    QVERIFY2(red >= f.plot.bottom() - 3 - y25 - 3 - 2, qPrintable(QString::number(red)));
    // The top series' line is at the top of the plot.
    QVERIFY(std::abs(firstRow(f.img, x, kBlue, f.plot.top() - 2, f.plot.bottom()) - f.plot.top()) <=
            2);
}

void TestTimeSeriesStyles::barsAndPoints()
{
    Fixture f;
    const QByteArray ov = "[" + colourOverride("a", kRedHex) + "," + colourOverride("b", kBlueHex) +
                          R"(, {"matcher": {"id": "byName", "options": "a"}, "properties": [
                                {"id": "custom.drawStyle", "value": "bars"},
                                {"id": "custom.fillOpacity", "value": 100}]},
                              {"matcher": {"id": "byName", "options": "b"}, "properties": [
                                {"id": "custom.drawStyle", "value": "points"},
                                {"id": "custom.pointSize", "value": 10}]}])";
    QVERIFY(f.make(panel(R"({"lineWidth": 1, "fillOpacity": 0})", ov, R"("min": 0, "max": 10,)"),
                   {{"a", constant(11, 5)}, {"b", constant(11, 8)}}));
    // Bars: filled from 0 to 5 at every sample, nothing halfway between samples.
    for (int i : {3, 5, 7}) {
        QVERIFY(near(f.at(f.x(i), f.y(2.5)), kRed));
        QVERIFY(near(f.at(f.x(i), f.y(4.5)), kRed));
        QVERIFY(!near(f.at((f.x(i) + f.x(i + 1)) / 2, f.y(2.5)), kRed));
        QVERIFY(!near(f.at(f.x(i), f.y(6)), kRed)); // not above the value
    }
    // Points: a dot at each sample, no line between them.
    for (int i : {2, 5, 8}) {
        QVERIFY(countColor(f.img, kBlue, f.x(i) - 3, f.x(i) + 4, f.y(8) - 3, f.y(8) + 4) >= 9);
        const int mid = (f.x(i) + f.x(i + 1)) / 2;
        QCOMPARE(countColor(f.img, kBlue, mid - 5, mid + 5, f.y(8) - 6, f.y(8) + 7), 0);
    }
}

void TestTimeSeriesStyles::fillOpacityUnderLine()
{
    Fixture f;
    QVERIFY(f.make(panel(R"({"lineWidth": 1, "fillOpacity": 50})",
                         "[" + colourOverride("a", kRedHex) + "]", R"("min": 0, "max": 20,)"),
                   {{"a", constant(21, 10)}}));
    const int x = f.x(10) + 7;
    const QColor under = f.at(x, f.y(7)); // off the grid lines
    QVERIFY2(under.alpha() >= 110 && under.alpha() <= 145,
             qPrintable(QString::number(under.alpha())));
    QVERIFY2(near(under, kRed, 20, 100), qPrintable(under.name(QColor::HexArgb)));
    QVERIFY(f.at(x, f.y(15)).alpha() < 40); // above the line: no fill (at most grid)
    QVERIFY(near(f.at(x, f.y(10)), kRed));  // the line itself is opaque
}

void TestTimeSeriesStyles::rightAxisOwnUnit()
{
    Fixture f;
    const QByteArray ov = R"([{"matcher": {"id": "byName", "options": "b"}, "properties": [
        {"id": "unit", "value": "percent"}, {"id": "custom.axisPlacement", "value": "right"}]}])";
    QVERIFY(f.make(panel(R"({"lineWidth": 1})", ov, R"("unit": "bytes",)"),
                   {{"a", constant(21, 5 * 1048576.0)}, {"b", QList<double>(21, 40)}}));
    QVERIFY(f.r->axisShown(0));
    QVERIFY(f.r->axisShown(1));
    const QStringList left = f.r->yTickLabels(0), right = f.r->yTickLabels(1);
    QVERIFY(!right.isEmpty());
    for (const QString &l : right)
        QVERIFY2(l.endsWith('%'), qPrintable(l));
    for (const QString &l : left)
        QVERIFY2(l.endsWith("MiB") || l.endsWith(" B") || l.endsWith("KiB"), qPrintable(l));
    // Each series on its own scale: b (40 %) between its axis bounds, a (5 MiB) on the left.
    QVERIFY(f.r->yAxisMin(1) <= 40 && f.r->yAxisMax(1) >= 40 && f.r->yAxisMax(1) < 1000);
    QVERIFY(f.r->yAxisMax(0) >= 5 * 1048576.0);
    // Labels are painted right of the plot.
    int ink = 0;
    for (int y = f.plot.top(); y < f.plot.bottom(); ++y)
        for (int x = f.plot.right() + 4; x < f.img.width(); ++x)
            ink += f.at(x, y).alpha() > 100 ? 1 : 0;
    QVERIFY2(ink > 20, qPrintable(QString::number(ink)));
    // The tooltip formats each series in its own unit.
    const QString tip = f.panel->tooltipTextAt(QPoint(f.x(10), f.plot.center().y()));
    QVERIFY2(tip.contains("b: 40%") && tip.contains("a: 5 MiB"), qPrintable(tip));
}

void TestTimeSeriesStyles::fixedColourForNamedSeriesOnly()
{
    Fixture f;
    QVERIFY(f.make(panel(R"({"lineWidth": 2})", "[" + colourOverride("b", "#00c000") + "]",
                         R"("min": 0, "max": 10,)"),
                   {{"a", constant(21, 2)}, {"b", constant(21, 5)}, {"c", constant(21, 8)}}));
    const int total =
        countColor(f.img, kGreen, f.plot.left(), f.plot.right(), f.plot.top(), f.plot.bottom(), 30);
    const int onB =
        countColor(f.img, kGreen, f.plot.left(), f.plot.right(), f.y(5) - 3, f.y(5) + 4, 30);
    QVERIFY(onB > 300);
    QCOMPARE(total, onB);
    // The others keep their palette colours (by series index).
    QVERIFY(countColor(f.img, classicPaletteColor(0), f.plot.left(), f.plot.right(), f.y(2) - 3,
                       f.y(2) + 4, 20) > 300);
    QVERIFY(countColor(f.img, classicPaletteColor(2), f.plot.left(), f.plot.right(), f.y(8) - 3,
                       f.y(8) + 4, 20) > 300);
    QCOMPARE(f.panel->series()[1].color, kGreen);
}

void TestTimeSeriesStyles::hiddenFromLegendTooltipViz()
{
    Fixture f;
    const QByteArray ov = "[" + colourOverride("b", kBlueHex) + "," + colourOverride("c", kRedHex) +
                          R"(, {"matcher": {"id": "byName", "options": "b"}, "properties": [
                                {"id": "custom.hideFrom", "value": {"legend": true, "tooltip": true, "viz": false}}]},
                              {"matcher": {"id": "byRegexp", "options": "/^c$/"}, "properties": [
                                {"id": "custom.hideFrom", "value": {"legend": false, "tooltip": false, "viz": true}}]}])";
    QVERIFY(f.make(panel(R"({"lineWidth": 2})", ov, R"("min": 0, "max": 10,)"),
                   {{"a", constant(21, 2)}, {"b", constant(21, 5)}, {"c", constant(21, 8)}}));
    QCOMPARE(f.panel->legendEntries(), (QStringList{"a", "c"}));
    const QString tip = f.panel->tooltipTextAt(QPoint(f.x(10), f.y(5)));
    QVERIFY2(tip.contains("a: 2") && !tip.contains("b:") && !tip.contains("c:"), qPrintable(tip));
    // b is still drawn; c (hidden from the viz) is not.
    QVERIFY(countColor(f.img, kBlue, f.plot.left(), f.plot.right(), f.plot.top(), f.plot.bottom()) >
            300);
    QCOMPARE(countColor(f.img, kRed, f.plot.left(), f.plot.right(), f.plot.top(), f.plot.bottom()),
             0);
    // Clicking legend entry 1 ("c") isolates c, not b.
    f.panel->legendClicked(1, Qt::NoModifier);
    QVERIFY(f.panel->isSeriesVisible(2));
    QVERIFY(!f.panel->isSeriesVisible(0));
    QVERIFY(!f.panel->isSeriesVisible(1));
}

void TestTimeSeriesStyles::thresholdLineAndArea()
{
    const QByteArray th = R"("min": 0, "max": 100, "thresholds": {"mode": "absolute", "steps": [
        {"color": "green", "value": null}, {"color": "red", "value": 50}]},)";
    const QColor red = grafanaColor("red");
    {
        Fixture f;
        QVERIFY(f.make(panel(R"({"lineWidth": 1, "thresholdsStyle": {"mode": "line"}})", "[]", th),
                       {{"a", constant(21, 20)}}));
        const int y = int(std::floor(f.r->valueToY(50)));
        const int row = countColor(f.img, red, f.plot.left(), f.plot.right(), y - 1, y + 2, 30);
        QVERIFY2(row > f.plot.width() * 9 / 10, qPrintable(QString::number(row)));
        QCOMPARE(
            countColor(f.img, red, f.plot.left(), f.plot.right(), f.y(75) - 5, f.y(75) + 5, 30), 0);
    }
    {
        Fixture f;
        QVERIFY(f.make(panel(R"({"lineWidth": 1, "thresholdsStyle": {"mode": "area"}})", "[]", th),
                       {{"a", constant(21, 20)}}));
        // above 50: a faint red area; below: faint green; no solid line
        const QColor above = f.at(f.x(10), f.y(75));
        const QColor below = f.at(f.x(10), f.y(40));
        QVERIFY2(above.alpha() > 20 && above.alpha() < 80 && above.red() > above.green(),
                 qPrintable(above.name(QColor::HexArgb)));
        QVERIFY2(below.alpha() > 20 && below.green() > below.red(),
                 qPrintable(below.name(QColor::HexArgb)));
    }
}

void TestTimeSeriesStyles::spanNullsBridgesGap()
{
    QList<double> v = constant(31, 5);
    for (int i = 10; i <= 20; ++i)
        v[i] = std::numeric_limits<double>::quiet_NaN();
    const auto gapInk = [&](const QByteArray &custom) {
        Fixture f;
        if (!f.make(
                panel(custom, "[" + colourOverride("a", kRedHex) + "]", R"("min": 0, "max": 10,)"),
                {{"a", v}}))
            return -1;
        return countColor(f.img, kRed, f.x(11), f.x(19), f.plot.top(), f.plot.bottom());
    };
    QCOMPARE(gapInk(R"({"lineWidth": 2, "spanNulls": false})"), 0);
    QVERIFY(gapInk(R"({"lineWidth": 2, "spanNulls": true})") > 100);
    // A threshold wider than the 120 s gap bridges it, a narrower one does not.
    QVERIFY(gapInk(R"({"lineWidth": 2, "spanNulls": 200000})") > 100);
    QCOMPARE(gapInk(R"({"lineWidth": 2, "spanNulls": 60000})"), 0);
}

void TestTimeSeriesStyles::negativeYAndStepAfter()
{
    Fixture f;
    const QByteArray ov = "[" + colourOverride("rx", kBlueHex) + "," +
                          colourOverride("tx", kRedHex) +
                          R"(, {"matcher": {"id": "byRegexp", "options": "/tx/"}, "properties": [
                                {"id": "custom.transform", "value": "negative-Y"}]}])";
    QList<double> step;
    for (int i = 0; i < 11; ++i)
        step << (i < 5 ? 2.0 : 8.0);
    QVERIFY(
        f.make(panel(R"({"lineWidth": 2, "lineInterpolation": "stepAfter", "showPoints": "never"})",
                     ov, R"("min": -10, "max": 10,)"),
               {{"rx", step}, {"tx", constant(11, 4)}}));
    QCOMPARE(f.r->yAxisMin(), -10.0);
    QVERIFY(std::abs(firstRow(f.img, f.x(5), kRed, f.plot.top(), f.plot.bottom()) - f.y(-4)) <= 2);
    // stepAfter: between samples 4 and 5 the line stays at 2, then jumps at sample 5.
    const int mid = (f.x(4) + f.x(5)) / 2;
    QVERIFY(std::abs(firstRow(f.img, mid, kBlue, f.plot.top(), f.plot.bottom()) - f.y(2)) <= 2);
    QVERIFY(countColor(f.img, kBlue, f.x(5) - 1, f.x(5) + 2, f.y(7), f.y(3)) >= 10); // the riser
    QVERIFY(countColor(f.img, kBlue, mid - 2, mid + 3, f.y(7), f.y(3)) == 0);        // no diagonal
    // The tooltip shows tx's own (positive) value.
    QVERIFY(f.panel->tooltipTextAt(QPoint(f.x(5), f.y(-4))).contains("tx: 4"));
}

void TestTimeSeriesStyles::legendCalcsAndSort()
{
    Fixture f;
    QVERIFY(f.make(
        panel(
            R"({"lineWidth": 1})", "[]", R"("decimals": 0,)",
            R"({"displayMode": "table", "calcs": ["sum", "count", "range", "delta", "first", "lastNotNull"],
                             "sortBy": "Total", "sortDesc": true})"),
        {{"a", {1, 2, 3}}, {"b", {10, 20, 30}}, {"c", {5, 5, 5}}}));
    QCOMPARE(f.panel->legendEntries(), (QStringList{"b", "c", "a"}));
    const QList<QStringList> v = f.panel->legendValues();
    QCOMPARE(v.size(), 3);
    QCOMPARE(v[0], (QStringList{"60", "3", "20", "20", "10", "30"}));
    QCOMPARE(v[2], (QStringList{"6", "3", "2", "2", "1", "3"}));

    Fixture hidden;
    QVERIFY(hidden.make(
        panel(R"({"lineWidth": 1})", "[]", "", R"({"displayMode": "list", "showLegend": false})"),
        {{"a", {1, 2, 3}}}));
    QVERIFY(hidden.panel->legendEntries().isEmpty());
    QVERIFY(!hidden.panel->legendWidget());
}

void TestTimeSeriesStyles::corpusPanelWithOverrides()
{
    // Node Exporter Full, "CPU Basic": percent-stacked, colours fixed by series name.
    QFile file(
        QStringLiteral(PHAROS_CORPUS_DIR "/rfmoz-grafana-dashboards_node-exporter-full.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonObject found;
    std::function<void(const QJsonArray &)> walk = [&](const QJsonArray &ps) {
        for (const QJsonValue &p : ps) {
            if (p.toObject().value("title").toString() == QLatin1String("CPU Basic"))
                found = p.toObject();
            walk(p.toObject().value("panels").toArray());
        }
    };
    walk(QJsonDocument::fromJson(file.readAll()).object().value("panels").toArray());
    QVERIFY(!found.isEmpty());
    QVERIFY(!found.value("fieldConfig").toObject().value("overrides").toArray().isEmpty());
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(QJsonDocument(found).toJson(QJsonDocument::Compact))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    QVERIFY(p);
    p->resize(900, 400);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    // One frame per target, named by its legendFormat.
    std::vector<TargetResult> targets;
    const double shares[] = {0.05, 0.25, 0.05,
                             0.02, 0.03, 0.60}; // system user iowait irq other idle
    int k = 0;
    for (const QJsonValue &tv : found.value("targets").toArray()) {
        const QJsonObject t = tv.toObject();
        std::vector<Frame> frames;
        frames.push_back(makeFrame({}, kT0, 15'000, constant(41, shares[k++ % 6])));
        targets.push_back(makeTarget(t.value("refId").toString(), std::move(frames),
                                     t.value("legendFormat").toString()));
    }
    QCOMPARE(targets.size(), size_t(6));
    p->setData(makeData(std::move(targets), kT0, kT0 + 600'000, 15'000));
    QCOMPARE(p->legendEntries().first(), QStringLiteral("Busy System"));
    const QImage img = p->plotImage().convertToFormat(QImage::Format_ARGB32);
    const QRect plot = p->plotRect().toRect();
    const TimeSeriesRenderer &r = p->renderer();
    QVERIFY(r.yTickLabels().contains(QStringLiteral("100%")));
    // "Busy User" is #0A437C by override; "Idle" #052B51 fills the top 60 %.
    const int x = int(r.timeToX(double(kT0 + 300'000)));
    const QColor user = p->seriesConfig(1).fixedColor;
    QCOMPARE(user, QColor("#0A437C"));
    QCOMPARE(p->series()[1].color, QColor("#0A437C"));
    // The user band lies between 5 % and 30 % (stacked on system); its fill (40 % opacity)
    // and line carry the override colour.
    const int yTop = int(r.valueToY(0.30)), yBottom = int(r.valueToY(0.05));
    QVERIFY(countColor(img, QColor("#0A437C"), x - 20, x + 20, yTop - 2, yTop + 3, 30) > 10);
    int tinted = 0;
    for (int y = yTop + 3; y < yBottom - 3; ++y) {
        const QColor c = img.pixelColor(x, y);
        tinted += (std::abs(c.red() - 0x0A) < 30 && std::abs(c.green() - 0x43) < 30 &&
                   std::abs(c.blue() - 0x7C) < 30 && c.alpha() > 60)
                      ? 1
                      : 0;
    }
    QVERIFY2(tinted > (yBottom - yTop) / 2, qPrintable(QString::number(tinted)));
    QVERIFY(countColor(img, QColor("#052B51"), plot.left(), plot.right(), plot.top() - 2,
                       plot.top() + 3, 30) > 100);
    // An unoverridden series ("Busy IRQs", index 3) keeps the palette.
    QCOMPARE(p->series()[3].color, classicPaletteColor(3));
}

QTEST_MAIN(TestTimeSeriesStyles)
#include "test_timeseries_styles.moc"
