// Field config resolution: defaults, overrides by name, regex, refId, names, type and value,
// and Grafana colour names.
#include "dashboards/fields/fieldconfig.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace pharos;

class TestFieldConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsParsed();
    void overrideByName();
    void overrideByRegexp();
    void overrideByRefIdTypeAndNames();
    void overrideByValue();
    void laterOverridesWin();
    void colourNames();
    void regexForms();
    void corpusPanel();
};

static QJsonObject obj(const char *json)
{
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(json), &err).object();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return o;
}

static const char *kConfig = R"({
  "defaults": {
    "unit": "bytes", "min": 0, "decimals": 1,
    "color": {"mode": "palette-classic"},
    "custom": {"drawStyle": "line", "lineWidth": 2, "fillOpacity": 25,
               "lineInterpolation": "stepAfter", "showPoints": "never", "pointSize": 7,
               "spanNulls": 300000, "stacking": {"mode": "percent", "group": "B"},
               "axisPlacement": "left", "axisLabel": "Memory", "axisSoftMax": 100,
               "scaleDistribution": {"type": "log", "log": 10},
               "hideFrom": {"legend": false, "tooltip": false, "viz": false},
               "thresholdsStyle": {"mode": "line+area"}},
    "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                                                 {"color": "red", "value": 80}]}
  },
  "overrides": [
    {"matcher": {"id": "byName", "options": "Swap"},
     "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "semi-dark-orange"}},
                    {"id": "custom.axisPlacement", "value": "right"},
                    {"id": "unit", "value": "percent"},
                    {"id": "displayName", "value": "Swap used"}]},
    {"matcher": {"id": "byRegexp", "options": "/.*Tx.*/"},
     "properties": [{"id": "custom.transform", "value": "negative-Y"},
                    {"id": "custom.drawStyle", "value": "bars"}]},
    {"matcher": {"id": "byFrameRefID", "options": "C"},
     "properties": [{"id": "custom.hideFrom", "value": {"legend": true, "tooltip": true, "viz": false}}]},
    {"matcher": {"id": "byType", "options": "number"},
     "properties": [{"id": "custom.pointSize", "value": 3}]},
    {"matcher": {"id": "byNames", "options": {"mode": "exclude", "names": ["Keep"]}},
     "properties": [{"id": "custom.lineWidth", "value": 4}]}
  ]
})";

void TestFieldConfig::defaultsParsed()
{
    const FieldConfigResolver r(obj(kConfig));
    const FieldConfig &d = r.defaults();
    QCOMPARE(d.unit, QStringLiteral("bytes"));
    QCOMPARE(d.min.value_or(-1), 0.0);
    QVERIFY(!d.max);
    QCOMPARE(d.decimals.value_or(-1), 1);
    QCOMPARE(d.colorMode, QStringLiteral("palette-classic"));
    QCOMPARE(d.lineWidth, 2.0);
    QCOMPARE(d.fillOpacity, 25.0);
    QCOMPARE(d.lineInterpolation, LineInterpolation::StepAfter);
    QCOMPARE(d.showPoints, ShowPoints::Never);
    QCOMPARE(d.pointSize, 7.0);
    QCOMPARE(d.spanNullsMs, qint64(300000));
    QCOMPARE(d.stacking, StackingMode::Percent);
    QCOMPARE(d.stackGroup, QStringLiteral("B"));
    QCOMPARE(d.axisPlacement, AxisPlacement::Left);
    QCOMPARE(d.axisLabel, QStringLiteral("Memory"));
    QCOMPARE(d.axisSoftMax.value_or(-1), 100.0);
    QCOMPARE(d.logBase, 10);
    QCOMPARE(d.thresholdsStyle, ThresholdsStyle::LineAndArea);
    QCOMPARE(d.thresholds.steps.size(), 2);
    QVERIFY(!d.thresholds.steps[0].value);
    QCOMPARE(d.thresholds.steps[1].value.value_or(-1), 80.0);
    QCOMPARE(d.thresholds.steps[1].color, QStringLiteral("red"));

    // spanNulls as a bool
    FieldConfig c;
    FieldConfigResolver::applyProperty("custom.spanNulls", true, c);
    QCOMPARE(c.spanNullsMs, std::numeric_limits<qint64>::max());
    FieldConfigResolver::applyProperty("custom.spanNulls", false, c);
    QCOMPARE(c.spanNullsMs, qint64(-1));
}

void TestFieldConfig::overrideByName()
{
    const FieldConfigResolver r(obj(kConfig));
    const FieldConfig swap = r.resolve({"Swap", "A", "number", nullptr});
    QVERIFY(swap.overridden);
    QCOMPARE(swap.colorMode, QStringLiteral("fixed"));
    QCOMPARE(swap.fixedColor, QStringLiteral("semi-dark-orange"));
    QCOMPARE(swap.axisPlacement, AxisPlacement::Right);
    QCOMPARE(swap.unit, QStringLiteral("percent"));
    QCOMPARE(swap.displayName, QStringLiteral("Swap used"));
    QCOMPARE(swap.fillOpacity, 25.0); // untouched defaults stay

    // Only the named series: a similar name does not match.
    const FieldConfig other = r.resolve({"Swap2", "A", "number", nullptr});
    QCOMPARE(other.colorMode, QStringLiteral("palette-classic"));
    QCOMPARE(other.unit, QStringLiteral("bytes"));
    QCOMPARE(other.axisPlacement, AxisPlacement::Left);
    QVERIFY(other.displayName.isEmpty());
}

void TestFieldConfig::overrideByRegexp()
{
    const FieldConfigResolver r(obj(kConfig));
    const FieldConfig tx = r.resolve({"eth0 Tx bytes", "A", "number", nullptr});
    QVERIFY(tx.negativeY);
    QCOMPARE(tx.drawStyle, DrawStyle::Bars);
    const FieldConfig rx = r.resolve({"eth0 Rx bytes", "A", "number", nullptr});
    QVERIFY(!rx.negativeY);
    QCOMPARE(rx.drawStyle, DrawStyle::Line);
}

void TestFieldConfig::overrideByRefIdTypeAndNames()
{
    const FieldConfigResolver r(obj(kConfig));
    const FieldConfig c = r.resolve({"x", "C", "number", nullptr});
    QVERIFY(c.hideFromLegend);
    QVERIFY(c.hideFromTooltip);
    QVERIFY(!c.hideFromViz);
    const FieldConfig a = r.resolve({"x", "A", "number", nullptr});
    QVERIFY(!a.hideFromLegend);
    // byType number applies to every value field, not to time fields
    QCOMPARE(a.pointSize, 3.0);
    QCOMPARE(r.resolve({"x", "A", "time", nullptr}).pointSize, 7.0);
    // byNames exclude: all but "Keep"
    QCOMPARE(a.lineWidth, 4.0);
    QCOMPARE(r.resolve({"Keep", "A", "number", nullptr}).lineWidth, 2.0);
}

void TestFieldConfig::overrideByValue()
{
    const FieldConfigResolver r(obj(R"({"defaults": {}, "overrides": [
        {"matcher": {"id": "byValue", "options": {"op": "gte", "reducer": "allIsZero", "value": 0}},
         "properties": [{"id": "custom.hideFrom", "value": {"legend": true, "tooltip": true, "viz": false}}]},
        {"matcher": {"id": "byValue", "options": {"op": "gt", "reducer": "max", "value": 10}},
         "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "red"}}]}]})"));
    Frame zeros, big;
    zeros.timestamps = {1, 2, 3};
    zeros.values = {0, 0, 0};
    big.timestamps = {1, 2, 3};
    big.values = {1, 20, 3};
    const FieldConfig z = r.resolve({"z", "A", "number", &zeros});
    QVERIFY(z.hideFromLegend);
    QVERIFY(z.colorMode.isEmpty());
    const FieldConfig b = r.resolve({"b", "A", "number", &big});
    QVERIFY(!b.hideFromLegend);
    QCOMPARE(b.fixedColor, QStringLiteral("red"));
}

void TestFieldConfig::laterOverridesWin()
{
    const FieldConfigResolver r(obj(R"({"defaults": {"custom": {"fillOpacity": 10}}, "overrides": [
        {"matcher": {"id": "byRegexp", "options": "/a/"}, "properties": [{"id": "custom.fillOpacity", "value": 50}]},
        {"matcher": {"id": "byName", "options": "abc"}, "properties": [{"id": "custom.fillOpacity", "value": 0},
             {"id": "custom.stacking", "value": {"group": false, "mode": "normal"}}]}]})"));
    QCOMPARE(r.resolve({"abc", "A", "number", nullptr}).fillOpacity, 0.0);
    QCOMPARE(r.resolve({"xa", "A", "number", nullptr}).fillOpacity, 50.0);
    QCOMPARE(r.resolve({"x", "A", "number", nullptr}).fillOpacity, 10.0);
    const FieldConfig abc = r.resolve({"abc", "A", "number", nullptr});
    QCOMPARE(abc.stacking, StackingMode::Normal);
    QCOMPARE(abc.stackGroup, QStringLiteral("false")); // a group of its own, not "A"
}

void TestFieldConfig::colourNames()
{
    QCOMPARE(parseGrafanaColor("green").value_or(0), 0xFF73BF69u);
    QCOMPARE(parseGrafanaColor("red").value_or(0), 0xFFF2495Cu);
    QCOMPARE(parseGrafanaColor("semi-dark-orange").value_or(0), 0xFFFF780Au);
    QCOMPARE(parseGrafanaColor("dark-red").value_or(0), 0xFFC4162Au);
    QCOMPARE(parseGrafanaColor("super-light-blue").value_or(0), 0xFFC0D8FFu);
    QCOMPARE(parseGrafanaColor(" Light-Purple ").value_or(0), 0xFFCA95E5u);
    QCOMPARE(parseGrafanaColor("#890F02").value_or(0), 0xFF890F02u);
    QCOMPARE(parseGrafanaColor("#abc").value_or(0), 0xFFAABBCCu);
    QCOMPARE(parseGrafanaColor("#11223380").value_or(0), 0x80112233u);
    QCOMPARE(parseGrafanaColor("rgba(245, 54, 54, 0.9)").value_or(0), 0xE6F53636u);
    QCOMPARE(parseGrafanaColor("rgb(50,172,45)").value_or(0), 0xFF32AC2Du);
    QCOMPARE(parseGrafanaColor("transparent").value_or(1), 0u);
    QVERIFY(!parseGrafanaColor("no-such-colour"));
    QVERIFY(!parseGrafanaColor("#12345"));
    QVERIFY(!parseGrafanaColor(""));
    QCOMPARE(classicPaletteRgb(0), 0x7EB26Du);
    QCOMPARE(classicPaletteRgb(classicPaletteLength()), 0x7EB26Du); // wraps
}

void TestFieldConfig::regexForms()
{
    // "/re/" searches anywhere; flags after the slash; a bare pattern matches the whole name.
    QVERIFY(grafanaRegex("/Tx/").match("eth0 Tx").hasMatch());
    QVERIFY(!grafanaRegex("/tx/").match("eth0 Tx").hasMatch());
    QVERIFY(grafanaRegex("/tx/i").match("eth0 Tx").hasMatch());
    QVERIFY(grafanaRegex("eth.*").match("eth0 Tx").hasMatch());
    QVERIFY(!grafanaRegex("Tx").match("eth0 Tx").hasMatch());
    // an invalid regex matches nothing and does not crash
    const FieldConfigResolver r(
        obj(R"({"overrides": [{"matcher": {"id": "byRegexp", "options": "/(/"},
        "properties": [{"id": "unit", "value": "s"}]}]})"));
    QVERIFY(r.resolve({"(", "A", "number", nullptr}).unit.isEmpty());
}

void TestFieldConfig::corpusPanel()
{
    // Node Exporter Full's "Memory Basic": stacked normal, "Total" in a group of its own
    // with no fill and a fixed colour.
    QFile f(QStringLiteral(PHAROS_CORPUS_DIR "/rfmoz-grafana-dashboards_node-exporter-full.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const QJsonObject dash = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject panel;
    std::function<void(const QJsonArray &)> walk = [&](const QJsonArray &ps) {
        for (const QJsonValue &p : ps) {
            if (p.toObject().value("title").toString() == QLatin1String("Memory Basic"))
                panel = p.toObject();
            walk(p.toObject().value("panels").toArray());
        }
    };
    walk(dash.value("panels").toArray());
    QVERIFY(!panel.isEmpty());
    const FieldConfigResolver r = FieldConfigResolver::fromPanel(panel);
    QCOMPARE(r.defaults().stacking, StackingMode::Normal);
    QCOMPARE(r.defaults().unit, QStringLiteral("bytes"));
    const FieldConfig total = r.resolve({"Total", "A", "number", nullptr});
    QCOMPARE(total.fillOpacity, 0.0);
    QCOMPARE(total.fixedColor, QStringLiteral("#E0F9D7"));
    QVERIFY(total.stackGroup != r.defaults().stackGroup);
    const FieldConfig used = r.resolve({"Used", "B", "number", nullptr});
    QCOMPARE(used.fillOpacity, 40.0);
    QCOMPARE(used.stackGroup, r.defaults().stackGroup);
    QVERIFY(!used.overridden);
}

QTEST_GUILESS_MAIN(TestFieldConfig)
#include "test_fieldconfig.moc"
