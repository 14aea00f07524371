// Gauge, bar gauge and pie chart apply per-series fieldConfig overrides (byName, byRegexp,
// byFrameRefID: unit, decimals, min, max, thresholds, color, displayName) as the time series
// and stat panels do; migrated singlestats with a prefix and a postfix show both, and
// "Time of last point" shows the time of the last point. Checked on texts and pixels.
#include "dashboards/fields/units.h"
#include "dashboards/grafana/grafanamigration.h"
#include "panelfixture.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/colors.h"
#include "panels/gauge/gaugepanel.h"
#include "panels/piechart/piechartpanel.h"
#include "panels/stat/statpanel.h"

#include <QDateTime>
#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestReducedOverrides : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gaugeOverrides();
    void barGaugeOverrides();
    void pieChartOverrides();
    void singlestatPrefixAndPostfix();
    void singlestatGaugePrefixAndPostfix();
    void singlestatTimeOfLastPoint();
    void timeOfLastPointFromNow();
};

namespace {

// Three series: "a" and "b" from query A, "c" from query B.
PanelDataPtr abc(double a, double b, double c)
{
    std::vector<TargetResult> t;
    std::vector<Frame> fa;
    fa.push_back(makeFrame({{"s", "a"}}, kT0, 10'000, {a / 2, a}));
    fa.push_back(makeFrame({{"s", "b"}}, kT0, 10'000, {b / 2, b}));
    t.push_back(makeTarget("A", std::move(fa), "{{s}}"));
    std::vector<Frame> fb;
    fb.push_back(makeFrame({{"s", "c"}}, kT0, 10'000, {c / 2, c}));
    t.push_back(makeTarget("B", std::move(fb), "{{s}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000, 10'000);
}

QByteArray panelJson(const char *type, const char *options)
{
    return QByteArray(R"({"id": 1, "type": ")") + type + R"(", "title": "P",
      "fieldConfig": {"defaults": {"unit": "none", "min": 0, "max": 100,
          "color": {"mode": "thresholds"},
          "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                                                       {"color": "red", "value": 80}]}},
        "overrides": [
          {"matcher": {"id": "byName", "options": "b"}, "properties": [
            {"id": "unit", "value": "percent"}, {"id": "decimals", "value": 1},
            {"id": "min", "value": 0}, {"id": "max", "value": 200},
            {"id": "thresholds", "value": {"mode": "absolute", "steps": [
                {"color": "green", "value": null}, {"color": "blue", "value": 150}]}},
            {"id": "displayName", "value": "Bee ${__field.labels.s}"}]},
          {"matcher": {"id": "byRegexp", "options": "/^c$/"}, "properties": [
            {"id": "color", "value": {"mode": "fixed", "fixedColor": "purple"}}]},
          {"matcher": {"id": "byFrameRefID", "options": "B"}, "properties": [
            {"id": "unit", "value": "bytes"}]}]},
      "options": )" +
           options + R"(,
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"},
                  {"refId": "B", "expr": "y", "legendFormat": "{{s}}"}]})";
}

template <typename P> std::unique_ptr<P> make(const QByteArray &json, QSize size)
{
    std::unique_ptr<P> p(qobject_cast<P *>(PanelWidget::create(makeModel(json))));
    if (p) {
        p->resize(size);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

QJsonObject migratedPanel(const QByteArray &dashboard, QStringList *notes = nullptr)
{
    const MigrationResult r = migrateDashboard(QJsonDocument::fromJson(dashboard).object());
    if (notes && !r.report.panels.isEmpty())
        *notes = r.report.panels.first().notes;
    return r.dashboard.value(QLatin1String("panels")).toArray().at(0).toObject();
}

QJsonObject fieldDefaults(const QJsonObject &panel)
{
    return panel.value(QLatin1String("fieldConfig"))
        .toObject()
        .value(QLatin1String("defaults"))
        .toObject();
}

PanelDataPtr one(double v, qint64 lastTime)
{
    std::vector<Frame> f;
    f.push_back(makeFrame({}, lastTime - 10'000, 10'000, {v / 2, v}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(f)));
    return makeData(std::move(t), lastTime - 60'000, lastTime, 10'000);
}

} // namespace

void TestReducedOverrides::gaugeOverrides()
{
    auto p = make<GaugePanel>(panelJson("gauge", R"({"reduceOptions": {"calcs": ["lastNotNull"]},
                               "showThresholdMarkers": true})"),
                              QSize(900, 300));
    QVERIFY(p);
    p->setData(abc(90, 120, 40));
    const auto &g = p->gauges();
    QCOMPARE(int(g.size()), 3);
    QCOMPARE(p->gaugeTexts(), (QStringList{"90", "120.0%", "40 B"}));
    QCOMPARE(g[0].name, QStringLiteral("a"));
    QCOMPARE(g[1].name, QStringLiteral("Bee b"));
    QCOMPARE(g[2].name, QStringLiteral("c"));
    // a: 90 of 0..100 is red; b: 120 of its own 0..200 stays green below its 150 step;
    // c: fixed purple.
    QCOMPARE(g[0].color, grafanaColor("red"));
    QCOMPARE(g[1].color, grafanaColor("green"));
    QCOMPARE(g[2].color, grafanaColor("purple"));
    QCOMPARE(g[1].lo, 0.0);
    QCOMPARE(g[1].hi, 200.0);
    QCOMPARE(g[0].hi, 100.0);

    const QImage img = p->gaugeView()->grab().toImage();
    // b's arc is filled to 120 / 200 = 0.6 of its own range, not to 1.0 of the panel's.
    QVERIFY(near(pixelAt(img, p->valueBandPoint(1, 0.5)), grafanaColor("green")));
    QVERIFY2(!near(pixelAt(img, p->valueBandPoint(1, 0.7)), grafanaColor("green")),
             qPrintable(pixelAt(img, p->valueBandPoint(1, 0.7)).name()));
    // Its markers are its own thresholds: blue from 150 / 200 = 0.75.
    QVERIFY(near(pixelAt(img, p->markerPoint(1, 0.9)), grafanaColor("blue")));
    QVERIFY(near(pixelAt(img, p->markerPoint(1, 0.5)), grafanaColor("green")));
    // a's markers turn red at 0.8 of 0..100.
    QVERIFY(near(pixelAt(img, p->markerPoint(0, 0.9)), grafanaColor("red")));
    // c's value band is purple.
    QVERIFY(near(pixelAt(img, p->valueBandPoint(2, 0.2)), grafanaColor("purple")));
}

void TestReducedOverrides::barGaugeOverrides()
{
    auto p =
        make<BarGaugePanel>(panelJson("bargauge", R"({"reduceOptions": {"calcs": ["lastNotNull"]},
                                  "displayMode": "basic", "orientation": "horizontal"})"),
                            QSize(600, 300));
    QVERIFY(p);
    p->setData(abc(50, 100, 25));
    QCOMPARE(p->barTexts(), (QStringList{"50", "100.0%", "25 B"}));
    QCOMPARE(p->barNames(), (QStringList{"a", "Bee b", "c"}));
    // a: 50 of 0..100 fills half its bar; b: 100 of its own 0..200 also half.
    const double wa = p->filledRect(0).width() / p->barRect(0).width();
    const double wb = p->filledRect(1).width() / p->barRect(1).width();
    QVERIFY2(std::abs(wa - 0.5) < 0.02, qPrintable(QString::number(wa)));
    QVERIFY2(std::abs(wb - 0.5) < 0.02, qPrintable(QString::number(wb)));
    const QImage img = p->barView()->grab().toImage();
    const QRectF fc = p->filledRect(2);
    QVERIFY(fc.width() > 4);
    QVERIFY(near(pixelAt(img, fc.center()), grafanaColor("purple")));
    const QRectF fb = p->filledRect(1);
    QVERIFY(near(pixelAt(img, fb.center()), grafanaColor("green")));
}

void TestReducedOverrides::pieChartOverrides()
{
    auto p = make<PieChartPanel>(
        panelJson("piechart", R"({"reduceOptions": {"calcs": ["lastNotNull"]}, "pieType": "pie",
                                  "legend": {"displayMode": "list", "placement": "right"}})"),
        QSize(500, 300));
    QVERIFY(p);
    p->setData(abc(30, 60, 10));
    const auto &s = p->slices();
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[1].name, QStringLiteral("Bee b"));
    QCOMPARE(s[1].text, QStringLiteral("60.0%"));
    QCOMPARE(s[1].percentText, QStringLiteral("60.0%")); // its decimals: 1
    QCOMPARE(s[0].percentText, QStringLiteral("30%"));
    QCOMPARE(s[2].text, QStringLiteral("10 B"));
    QCOMPARE(s[2].color, grafanaColor("purple"));
    const QImage img = p->chartView()->grab().toImage();
    QVERIFY(near(pixelAt(img, p->slicePoint(2)), grafanaColor("purple")));
}

void TestReducedOverrides::singlestatPrefixAndPostfix()
{
    QStringList notes;
    const QJsonObject panel = migratedPanel(R"({"schemaVersion": 16, "panels": [
        {"id": 1, "type": "singlestat", "title": "S", "format": "none", "valueName": "current",
         "prefix": "Up", "postfix": "rps", "colorValue": true, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
         "targets": [{"refId": "A", "expr": "x"}]}]})",
                                            &notes);
    QCOMPARE(panel.value(QLatin1String("type")).toString(), QStringLiteral("stat"));
    // What Grafana opens: its custom suffix unit; the prefix in a key it ignores.
    const QJsonObject d = fieldDefaults(panel);
    QCOMPARE(d.value(QLatin1String("unit")).toString(), QStringLiteral("suffix:rps"));
    QCOMPARE(d.value(QLatin1String("custom")).toObject().value(QLatin1String("pharosPrefix")),
             QJsonValue(QStringLiteral("Up ")));
    const QString joined = notes.join(QLatin1Char(' '));
    QVERIFY2(!joined.contains(QLatin1String("dropped")), qPrintable(joined));
    QVERIFY2(joined.contains(QLatin1String("both shown")), qPrintable(joined));

    auto p = make<StatPanel>(QJsonDocument(panel).toJson(), QSize(400, 200));
    QVERIFY(p);
    p->setData(one(12, kT0));
    QCOMPARE(p->statTexts(), QStringList{QStringLiteral("Up 12rps")});
    // The text is drawn: green (base threshold) digits in the middle of the view.
    const QImage img = p->statView()->grab().toImage();
    QVERIFY(countColor(img, grafanaColor("green"), 0, img.width(), 0, img.height()) > 50);
}

void TestReducedOverrides::singlestatGaugePrefixAndPostfix()
{
    const QJsonObject panel = migratedPanel(R"({"schemaVersion": 16, "panels": [
        {"id": 1, "type": "singlestat", "title": "G", "format": "none", "valueName": "current",
         "prefix": "T", "postfix": "°C", "gauge": {"show": true, "minValue": 0, "maxValue": 50},
         "gridPos": {"x": 0, "y": 0, "w": 6, "h": 6},
         "targets": [{"refId": "A", "expr": "x"}]}]})");
    QCOMPARE(panel.value(QLatin1String("type")).toString(), QStringLiteral("gauge"));
    auto p = make<GaugePanel>(QJsonDocument(panel).toJson(), QSize(300, 300));
    QVERIFY(p);
    p->setData(one(21, kT0));
    QCOMPARE(p->gaugeTexts(), QStringList{QStringLiteral("T 21°C")});
}

void TestReducedOverrides::singlestatTimeOfLastPoint()
{
    QStringList notes;
    const QJsonObject panel = migratedPanel(R"({"schemaVersion": 16, "panels": [
        {"id": 1, "type": "singlestat", "title": "Last", "format": "none",
         "valueName": "last_time", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
         "targets": [{"refId": "A", "expr": "x"}]}]})",
                                            &notes);
    const QJsonObject reduce = panel.value(QLatin1String("options"))
                                   .toObject()
                                   .value(QLatin1String("reduceOptions"))
                                   .toObject();
    QCOMPARE(reduce.value(QLatin1String("fields")).toString(), QStringLiteral("Time"));
    QCOMPARE(fieldDefaults(panel).value(QLatin1String("unit")).toString(),
             QStringLiteral("dateTimeAsIso"));
    const QString joined = notes.join(QLatin1Char(' '));
    QVERIFY2(!joined.contains(QLatin1String("not available")), qPrintable(joined));

    auto p = make<StatPanel>(QJsonDocument(panel).toJson(), QSize(500, 200));
    QVERIFY(p);
    QVERIFY(p->showsTime());
    const qint64 last = kT0 + 123'000;
    p->setData(one(7, last));
    const QString expected =
        QDateTime::fromMSecsSinceEpoch(last).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(p->statTexts(), QStringList{expected});
    QCOMPARE(p->stats().first().value, double(last));
}

void TestReducedOverrides::timeOfLastPointFromNow()
{
    // A file saved by Grafana: fields "Time" and unit dateTimeFromNow.
    const QByteArray json = R"({"id": 1, "type": "stat", "title": "Seen",
      "fieldConfig": {"defaults": {"unit": "dateTimeFromNow"}, "overrides": []},
      "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "/^Time$/"},
                  "graphMode": "none", "colorMode": "none"},
      "targets": [{"refId": "A", "expr": "x"}]})";
    auto p = make<StatPanel>(json, QSize(500, 200));
    QVERIFY(p);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    p->setData(one(1, now - 10 * 60'000));
    QCOMPARE(p->statTexts(), QStringList{QStringLiteral("10 minutes ago")});
    p->setData(one(1, now - 3 * 3600'000));
    QCOMPARE(p->statTexts(), QStringList{QStringLiteral("3 hours ago")});
    QCOMPARE(formatFromNow(now - 20'000, now), QStringLiteral("a few seconds ago"));
    QCOMPARE(formatFromNow(now + 2 * 86400'000, now), QStringLiteral("in 2 days"));
    QCOMPARE(formatFromNow(now - 400LL * 86400'000, now), QStringLiteral("a year ago"));
}

QTEST_MAIN(TestReducedOverrides)
#include "test_reduced_overrides.moc"
