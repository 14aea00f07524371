// The cases of test_migration_steps (kept out of the moc-scanned file: moc mis-reads some
// of the raw JSON strings). Each migration step on small hand-written Grafana JSON: legacy rows,
// graph, singlestat, table-old, old gauge options, the pie chart plugin, the old heatmap,
// data-source references, refresh, variables, __inputs, the layout and the report.
#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/grafana/importinputs.h"
#include "dashboards/layout/layout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "test_migration_steps_cases.h"

using namespace pharos;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(e.errorString()));
    return d.object();
}

MigrationResult migrate(const char *json)
{
    return migrateDashboard(obj(json));
}

QJsonObject panel(const MigrationResult &r, int index)
{
    return r.dashboard.value(QLatin1String("panels")).toArray().at(index).toObject();
}

QJsonObject gridPos(const QJsonObject &p)
{
    return p.value(QLatin1String("gridPos")).toObject();
}

QJsonObject gp(int x, int y, int w, int h)
{
    return QJsonObject{{QStringLiteral("x"), x},
                       {QStringLiteral("y"), y},
                       {QStringLiteral("w"), w},
                       {QStringLiteral("h"), h}};
}

QJsonObject defaults(const QJsonObject &p)
{
    return p.value(QLatin1String("fieldConfig"))
        .toObject()
        .value(QLatin1String("defaults"))
        .toObject();
}

QJsonObject custom(const QJsonObject &p)
{
    return defaults(p).value(QLatin1String("custom")).toObject();
}

QJsonArray overrides(const QJsonObject &p)
{
    return p.value(QLatin1String("fieldConfig"))
        .toObject()
        .value(QLatin1String("overrides"))
        .toArray();
}

/// The value of property `id` in the override whose matcher options are `name`.
QJsonValue overrideValue(const QJsonObject &p, const QString &name, const QString &id)
{
    for (const QJsonValue &o : overrides(p)) {
        const QJsonObject ov = o.toObject();
        if (ov.value(QLatin1String("matcher"))
                .toObject()
                .value(QLatin1String("options"))
                .toString() != name)
            continue;
        for (const QJsonValue &prop : ov.value(QLatin1String("properties")).toArray()) {
            if (prop.toObject().value(QLatin1String("id")).toString() == id)
                return prop.toObject().value(QLatin1String("value"));
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonArray steps(const QJsonObject &fieldDefaults)
{
    return fieldDefaults.value(QLatin1String("thresholds"))
        .toObject()
        .value(QLatin1String("steps"))
        .toArray();
}

} // namespace

namespace migrationcases {

void legacyRows()
{
    const auto r = migrate(R"({"schemaVersion": 14, "rows": [
            {"title": "Top", "height": "100px", "panels": [
                {"id": 1, "type": "text", "span": 6},
                {"id": 2, "type": "text", "span": 6, "height": "300px"}]},
            {"title": "Second", "height": 250, "panels": [
                {"id": 3, "type": "text", "span": 12, "minSpan": 3}]}]})");
    const QJsonArray panels = r.dashboard.value(QLatin1String("panels")).toArray();
    // No row is titled, collapsed or repeated: no row panels (as in Grafana).
    QCOMPARE(panels.size(), 3);
    QCOMPARE(gridPos(panel(r, 0)), gp(0, 0, 12, 3));  // 100 px -> 3 units
    QCOMPARE(gridPos(panel(r, 1)), gp(12, 0, 12, 8)); // 300 px -> ceil(300/38) = 8
    QCOMPARE(gridPos(panel(r, 2)), gp(0, 8, 24, 7));  // 250 px, below the taller panel
    QVERIFY(!panel(r, 0).contains(QLatin1String("span")));
    QCOMPARE(panel(r, 2).value(QLatin1String("maxPerRow")).toInt(), 4); // minSpan 3 -> 6 cols
    QVERIFY(!r.dashboard.contains(QLatin1String("rows")));
    QCOMPARE(r.report.panels.size(), 5); // 2 rows + 3 panels
    QCOMPARE(r.report.panels[0].fromType, QStringLiteral("row"));
    QVERIFY(r.report.panels[0].toType.isEmpty());
    QVERIFY(!r.report.panels[0].notes.isEmpty());
}

void legacyRowsWithTitlesAndCollapse()
{
    const auto r = migrate(R"({"schemaVersion": 14, "rows": [
            {"title": "A", "showTitle": true, "panels": [
                {"id": 1, "type": "graph", "span": 4}, {"id": 2, "type": "graph", "span": 4},
                {"id": 3, "type": "graph", "span": 4}, {"id": 4, "type": "graph", "span": 6}]},
            {"title": "B", "collapse": true, "panels": [{"id": 5, "type": "graph"}]},
            {"title": "C", "showTitle": true, "panels": [{"id": 6, "type": "graph", "span": 12}]}]})");
    const QJsonArray panels = r.dashboard.value(QLatin1String("panels")).toArray();
    QCOMPARE(panels.size(), 8); // row A, 4 panels, row B (collapsed, holds 5), row C, 6
    QCOMPARE(panel(r, 0).value(QLatin1String("type")).toString(), QStringLiteral("row"));
    QCOMPARE(panel(r, 0).value(QLatin1String("title")).toString(), QStringLiteral("A"));
    QCOMPARE(gridPos(panel(r, 0)), gp(0, 0, 24, 1));
    QCOMPARE(gridPos(panel(r, 1)), gp(0, 1, 8, 7));
    QCOMPARE(gridPos(panel(r, 3)), gp(16, 1, 8, 7));
    QCOMPARE(gridPos(panel(r, 4)), gp(0, 8, 12, 7)); // wrapped to the next line
    const QJsonObject rowB = panel(r, 5);
    QCOMPARE(rowB.value(QLatin1String("collapsed")).toBool(), true);
    const QJsonArray kids = rowB.value(QLatin1String("panels")).toArray();
    QCOMPARE(kids.size(), 1);
    QCOMPARE(kids.at(0).toObject().value(QLatin1String("id")).toInt(), 5);
    QCOMPARE(gridPos(kids.at(0).toObject()), gp(0, 16, 8, 7)); // below its row
    QCOMPARE(gridPos(rowB), gp(0, 15, 24, 1));
    QCOMPARE(gridPos(panel(r, 6)), gp(0, 16, 24, 1)); // row C right after collapsed B
    QCOMPARE(gridPos(panel(r, 7)), gp(0, 17, 24, 7));
    // Row ids follow the panels' ids.
    QCOMPARE(panel(r, 0).value(QLatin1String("id")).toInt(), 7);
    QVERIFY(
        layout::overlapProblems(r.dashboard.value(QLatin1String("panels")).toArray()).isEmpty());
}

void graphToTimeseries()
{
    const auto r = migrate(R"({"schemaVersion": 22, "panels": [{
            "id": 1, "type": "graph", "title": "G", "gridPos": {"x":0,"y":0,"w":12,"h":8},
            "yaxes": [{"format": "bytes", "min": "0", "max": 100, "decimals": 2, "logBase": 2,
                       "label": "used", "show": true},
                      {"format": "percent", "min": 0, "max": 1, "logBase": 1, "show": true}],
            "lines": true, "linewidth": 2, "fill": 3, "points": false, "bars": false,
            "stack": true, "percentage": true, "nullPointMode": "connected", "steppedLine": true,
            "legend": {"show": true, "values": true, "current": true, "max": true,
                       "avg": false, "alignAsTable": true, "rightSide": true},
            "tooltip": {"shared": false, "sort": 2},
            "thresholds": [{"value": 80, "op": "gt", "colorMode": "critical", "fill": true,
                            "line": true}],
            "aliasColors": {"errors": "#FF0000"},
            "seriesOverrides": [{"alias": "/rx.*/", "yaxis": 2, "transform": "negative-Y",
                                 "color": "blue", "fill": 0, "stack": false, "legend": false}],
            "targets": [{"refId": "A", "expr": "up"}]}]})");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("timeseries"));
    const QJsonObject d = defaults(p);
    QCOMPARE(d.value(QLatin1String("unit")).toString(), QStringLiteral("bytes"));
    QCOMPARE(d.value(QLatin1String("min")).toDouble(), 0.0);
    QCOMPARE(d.value(QLatin1String("max")).toDouble(), 100.0);
    QCOMPARE(d.value(QLatin1String("decimals")).toInt(), 2);
    const QJsonObject c = custom(p);
    QCOMPARE(
        c.value(QLatin1String("scaleDistribution")).toObject().value(QLatin1String("log")).toInt(),
        2);
    QCOMPARE(c.value(QLatin1String("axisLabel")).toString(), QStringLiteral("used"));
    QCOMPARE(c.value(QLatin1String("lineWidth")).toInt(), 2);
    QCOMPARE(c.value(QLatin1String("fillOpacity")).toInt(), 30);
    QCOMPARE(c.value(QLatin1String("spanNulls")).toBool(), true);
    QCOMPARE(c.value(QLatin1String("lineInterpolation")).toString(), QStringLiteral("stepAfter"));
    QCOMPARE(c.value(QLatin1String("stacking")).toObject().value(QLatin1String("mode")).toString(),
             QStringLiteral("percent"));
    QCOMPARE(c.value(QLatin1String("thresholdsStyle"))
                 .toObject()
                 .value(QLatin1String("mode"))
                 .toString(),
             QStringLiteral("line+area"));
    const QJsonArray s = steps(d);
    QCOMPARE(s.size(), 2);
    QCOMPARE(s.at(1).toObject().value(QLatin1String("value")).toDouble(), 80.0);
    QCOMPARE(s.at(1).toObject().value(QLatin1String("color")).toString(), QStringLiteral("red"));
    const QJsonObject options = p.value(QLatin1String("options")).toObject();
    const QJsonObject legend = options.value(QLatin1String("legend")).toObject();
    QCOMPARE(legend.value(QLatin1String("displayMode")).toString(), QStringLiteral("table"));
    QCOMPARE(legend.value(QLatin1String("placement")).toString(), QStringLiteral("right"));
    QCOMPARE(legend.value(QLatin1String("calcs")).toArray(),
             (QJsonArray{QStringLiteral("lastNotNull"), QStringLiteral("max")}));
    QCOMPARE(
        options.value(QLatin1String("tooltip")).toObject().value(QLatin1String("mode")).toString(),
        QStringLiteral("single"));
    QCOMPARE(
        options.value(QLatin1String("tooltip")).toObject().value(QLatin1String("sort")).toString(),
        QStringLiteral("desc"));
    // aliasColors -> fixed colour override by name.
    QCOMPARE(overrideValue(p, QStringLiteral("errors"), QStringLiteral("color"))
                 .toObject()
                 .value(QLatin1String("fixedColor"))
                 .toString(),
             QStringLiteral("#FF0000"));
    // seriesOverrides (regex alias) -> byRegexp override with the right axis and more.
    const QString rx = QStringLiteral("rx.*");
    QCOMPARE(overrideValue(p, rx, QStringLiteral("custom.axisPlacement")).toString(),
             QStringLiteral("right"));
    QCOMPARE(overrideValue(p, rx, QStringLiteral("unit")).toString(), QStringLiteral("percent"));
    QCOMPARE(overrideValue(p, rx, QStringLiteral("custom.transform")).toString(),
             QStringLiteral("negative-Y"));
    QCOMPARE(overrideValue(p, rx, QStringLiteral("custom.fillOpacity")).toInt(), 0);
    QCOMPARE(overrideValue(p, rx, QStringLiteral("custom.stacking"))
                 .toObject()
                 .value(QLatin1String("mode"))
                 .toString(),
             QStringLiteral("none"));
    QCOMPARE(overrideValue(p, rx, QStringLiteral("custom.hideFrom"))
                 .toObject()
                 .value(QLatin1String("legend"))
                 .toBool(),
             true);
    for (const QJsonValue &o : overrides(p)) {
        const QJsonObject m = o.toObject().value(QLatin1String("matcher")).toObject();
        if (m.value(QLatin1String("options")).toString() == rx)
            QCOMPARE(m.value(QLatin1String("id")).toString(), QStringLiteral("byRegexp"));
    }
    for (const char *k : {"yaxes", "seriesOverrides", "aliasColors", "legend", "nullPointMode"})
        QVERIFY2(!p.contains(QLatin1String(k)), k);
    QCOMPARE(p.value(QLatin1String("targets"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("expr"))
                 .toString(),
             QStringLiteral("up"));
    QCOMPARE(r.report.panels[0].status, ImportReportEntry::Status::Converted);
    QCOMPARE(r.report.panels[0].toType, QStringLiteral("timeseries"));
}

void graphNullAsZeroIsNoted()
{
    const auto r = migrate(R"({"schemaVersion": 20, "panels": [{"id": 1, "type": "graph",
            "nullPointMode": "null as zero", "legend": {"show": false}}]})");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(custom(p).value(QLatin1String("spanNulls")).toBool(), false);
    QCOMPARE(p.value(QLatin1String("options"))
                 .toObject()
                 .value(QLatin1String("legend"))
                 .toObject()
                 .value(QLatin1String("showLegend"))
                 .toBool(),
             false);
    QVERIFY(
        r.report.panels[0].notes.join(QLatin1Char(' ')).contains(QLatin1String("null as zero")));
}

void singlestatToStat()
{
    const auto r = migrate(R"({"schemaVersion": 16, "panels": [{
            "id": 1, "type": "singlestat", "title": "S", "valueName": "current",
            "format": "percentunit", "decimals": 1, "thresholds": "0.5,0.8",
            "colors": ["green", "orange", "red"], "colorBackground": true,
            "sparkline": {"show": true}, "mappingType": 1,
            "valueMaps": [{"value": "null", "op": "=", "text": "N/A"},
                          {"value": "1", "op": "=", "text": "UP"}],
            "rangeMaps": [{"from": "0", "to": "1", "text": "low"}],
            "targets": [{"refId": "A", "expr": "up"}]}]})");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("stat"));
    const QJsonObject o = p.value(QLatin1String("options")).toObject();
    QCOMPARE(
        o.value(QLatin1String("reduceOptions")).toObject().value(QLatin1String("calcs")).toArray(),
        QJsonArray{QStringLiteral("lastNotNull")});
    QCOMPARE(o.value(QLatin1String("colorMode")).toString(), QStringLiteral("background"));
    QCOMPARE(o.value(QLatin1String("graphMode")).toString(), QStringLiteral("area"));
    const QJsonObject d = defaults(p);
    QCOMPARE(d.value(QLatin1String("unit")).toString(), QStringLiteral("percentunit"));
    QCOMPARE(d.value(QLatin1String("decimals")).toInt(), 1);
    const QJsonArray s = steps(d);
    QCOMPARE(s.size(), 3);
    QVERIFY(s.at(0).toObject().value(QLatin1String("value")).isNull());
    QCOMPARE(s.at(0).toObject().value(QLatin1String("color")).toString(), QStringLiteral("green"));
    QCOMPARE(s.at(2).toObject().value(QLatin1String("value")).toDouble(), 0.8);
    QCOMPARE(s.at(2).toObject().value(QLatin1String("color")).toString(), QStringLiteral("red"));
    const QJsonArray m = d.value(QLatin1String("mappings")).toArray();
    QCOMPARE(m.size(), 2); // value map (mappingType 1), special null; ranges not used
    QCOMPARE(m.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("value"));
    QCOMPARE(m.at(0)
                 .toObject()
                 .value(QLatin1String("options"))
                 .toObject()
                 .value(QLatin1String("1"))
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("UP"));
    QCOMPARE(m.at(1).toObject().value(QLatin1String("type")).toString(), QStringLiteral("special"));
    QVERIFY(!p.contains(QLatin1String("valueMaps")));
}

void singlestatRangesPrefixAndGauge()
{
    const auto r = migrate(R"({"schemaVersion": 16, "panels": [
            {"id": 1, "type": "singlestat", "format": "none", "postfix": " req",
             "mappingType": 2, "rangeMaps": [{"from": "0", "to": "10", "text": "few"}]},
            {"id": 2, "type": "singlestat", "format": "percent", "valueName": "avg",
             "gauge": {"show": true, "minValue": 0, "maxValue": 200, "thresholdMarkers": true},
             "thresholds": "50"}]})");
    const QJsonObject s = panel(r, 0);
    QCOMPARE(defaults(s).value(QLatin1String("unit")).toString(), QStringLiteral("suffix:req"));
    const QJsonArray m = defaults(s).value(QLatin1String("mappings")).toArray();
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("range"));
    QCOMPARE(m.at(0)
                 .toObject()
                 .value(QLatin1String("options"))
                 .toObject()
                 .value(QLatin1String("to"))
                 .toDouble(),
             10.0);
    const QJsonObject g = panel(r, 1);
    QCOMPARE(g.value(QLatin1String("type")).toString(), QStringLiteral("gauge"));
    QCOMPARE(defaults(g).value(QLatin1String("max")).toDouble(), 200.0);
    QCOMPARE(defaults(g).value(QLatin1String("unit")).toString(), QStringLiteral("percent"));
    QCOMPARE(g.value(QLatin1String("options"))
                 .toObject()
                 .value(QLatin1String("reduceOptions"))
                 .toObject()
                 .value(QLatin1String("calcs"))
                 .toArray(),
             QJsonArray{QStringLiteral("mean")});
}

void tableOld()
{
    const auto r = migrate(R"({"schemaVersion": 16, "panels": [{
            "id": 1, "type": "table", "transform": "table",
            "styles": [{"pattern": "Time", "type": "hidden"},
                       {"pattern": "Value #A", "alias": "Requests", "type": "number",
                        "unit": "ops", "decimals": 2, "colorMode": "cell",
                        "thresholds": ["10", "20"], "colors": ["green", "orange", "red"]},
                       {"pattern": "/.*/", "type": "number", "unit": "short", "decimals": 1}],
            "targets": [{"refId": "A", "expr": "a", "format": "table"},
                        {"refId": "B", "expr": "b", "format": "table"}]}]})");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("table"));
    QCOMPARE(overrideValue(p, QStringLiteral("Time"), QStringLiteral("custom.hidden")).toBool(),
             true);
    QCOMPARE(overrideValue(p, QStringLiteral("Value #A"), QStringLiteral("displayName")).toString(),
             QStringLiteral("Requests"));
    QCOMPARE(overrideValue(p, QStringLiteral("Value #A"), QStringLiteral("unit")).toString(),
             QStringLiteral("ops"));
    QCOMPARE(overrideValue(p, QStringLiteral("Value #A"), QStringLiteral("custom.cellOptions"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("color-background"));
    QCOMPARE(overrideValue(p, QStringLiteral("Value #A"), QStringLiteral("thresholds"))
                 .toObject()
                 .value(QLatin1String("steps"))
                 .toArray()
                 .size(),
             3);
    QCOMPARE(defaults(p).value(QLatin1String("unit")).toString(), QStringLiteral("short"));
    QCOMPARE(defaults(p).value(QLatin1String("decimals")).toInt(), 1);
    QCOMPARE(p.value(QLatin1String("transformations"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
             QStringLiteral("merge"));
    QVERIFY(!p.contains(QLatin1String("styles")));
    QCOMPARE(r.report.panels[0].fromType, QStringLiteral("table"));
    QCOMPARE(r.report.panels[0].status, ImportReportEntry::Status::Converted);
}

void oldGaugeFieldOptions()
{
    const auto r = migrate(R"({"schemaVersion": 22, "panels": [{
            "id": 1, "type": "gauge", "options": {"fieldOptions": {"calcs": ["max"],
              "defaults": {"unit": "celsius", "min": 0, "max": 100, "title": "T",
                "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                                                             {"color": "red", "value": 80}]}},
              "values": false}, "showThresholdMarkers": true}},
            {"id": 2, "type": "bargauge", "options": {"fieldOptions": {"calcs": ["mean"],
              "thresholds": [{"index": 1, "value": 5, "color": "red"},
                             {"index": 0, "value": null, "color": "green"}]}}}]})");
    const QJsonObject g = panel(r, 0);
    QCOMPARE(defaults(g).value(QLatin1String("unit")).toString(), QStringLiteral("celsius"));
    QCOMPARE(defaults(g).value(QLatin1String("displayName")).toString(), QStringLiteral("T"));
    QCOMPARE(steps(defaults(g)).size(), 2);
    const QJsonObject o = g.value(QLatin1String("options")).toObject();
    QVERIFY(!o.contains(QLatin1String("fieldOptions")));
    QCOMPARE(
        o.value(QLatin1String("reduceOptions")).toObject().value(QLatin1String("calcs")).toArray(),
        QJsonArray{QStringLiteral("max")});
    QCOMPARE(o.value(QLatin1String("showThresholdMarkers")).toBool(), true);
    const QJsonArray s = steps(defaults(panel(r, 1)));
    QCOMPARE(s.size(), 2);
    QVERIFY(s.at(0).toObject().value(QLatin1String("value")).isNull());
    QCOMPARE(s.at(1).toObject().value(QLatin1String("color")).toString(), QStringLiteral("red"));
}

void piechartPlugin()
{
    const auto r = migrate(R"({"schemaVersion": 22, "panels": [{
            "id": 1, "type": "grafana-piechart-panel", "pieType": "donut", "valueName": "total",
            "legend": {"show": true, "values": true, "percentage": true}, "legendType": "Right side",
            "format": "bytes", "aliasColors": {"a": "red"}}]})");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("piechart"));
    const QJsonObject o = p.value(QLatin1String("options")).toObject();
    QCOMPARE(o.value(QLatin1String("pieType")).toString(), QStringLiteral("donut"));
    QCOMPARE(
        o.value(QLatin1String("reduceOptions")).toObject().value(QLatin1String("calcs")).toArray(),
        QJsonArray{QStringLiteral("sum")});
    QCOMPARE(
        o.value(QLatin1String("legend")).toObject().value(QLatin1String("values")).toArray().size(),
        2);
    QCOMPARE(defaults(p).value(QLatin1String("unit")).toString(), QStringLiteral("bytes"));
    QCOMPARE(overrideValue(p, QStringLiteral("a"), QStringLiteral("color"))
                 .toObject()
                 .value(QLatin1String("fixedColor"))
                 .toString(),
             QStringLiteral("red"));
}

void oldHeatmap()
{
    const auto r = migrate(R"({"schemaVersion": 16, "panels": [{
            "id": 1, "type": "heatmap", "dataFormat": "tsbuckets", "yBucketBound": "upper",
            "color": {"mode": "spectrum", "colorScheme": "interpolateWarm", "colorScale": "sqrt",
                      "exponent": 0.5, "cardColor": "#b4ff00"},
            "yAxis": {"format": "s", "logBase": 1, "show": true, "decimals": 1},
            "hideZeroBuckets": true, "legend": {"show": true}, "reverseYBuckets": false,
            "targets": [{"refId": "A", "expr": "x_bucket",
                         "format": "heatmap"}]
    }]
    })");
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("heatmap"));
    const QJsonObject o = p.value(QLatin1String("options")).toObject();
    QCOMPARE(o.value(QLatin1String("calculate")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("color")).toObject().value(QLatin1String("scheme")).toString(),
             QStringLiteral("Warm"));
    QCOMPARE(o.value(QLatin1String("yAxis")).toObject().value(QLatin1String("unit")).toString(),
             QStringLiteral("s"));
    QCOMPARE(
        o.value(QLatin1String("rowsFrame")).toObject().value(QLatin1String("layout")).toString(),
        QStringLiteral("le"));
    QVERIFY(o.contains(QLatin1String("filterValues")));
    QVERIFY(!p.contains(QLatin1String("dataFormat")));
    // A new heatmap is left alone.
    const auto n = migrate(R"({"schemaVersion": 41, "panels": [{"id": 1, "type": "heatmap",
            "gridPos": {"x":0,"y":0,"w":12,"h":8}, "options": {"calculate": false}}]})");
    QVERIFY(!n.changed);
}

void dataSourceReferences()
{
    MigrationOptions options;
    options.lookupDataSource = [](const QString &name) {
        return name == QLatin1String("Prom")
                   ? QJsonObject{{QStringLiteral("type"), QStringLiteral("prometheus")},
                                 {QStringLiteral("uid"), QStringLiteral("p1")}}
                   : QJsonObject();
    };
    const auto r = migrateDashboard(obj(R"({"schemaVersion": 20,
            "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"},
                                    {"name": "q", "type": "query", "datasource": "Prom",
                                     "refresh": 0}]},
            "annotations": {"list": [{"builtIn": 1, "datasource": "-- Grafana --"}]},
            "panels": [
              {"id": 1, "type": "graph", "datasource": "Prom", "targets": [{"refId": "A", "expr": "a"}]},
              {"id": 2, "type": "graph", "datasource": null, "targets": [{"refId": "A", "expr": "b"}]},
              {"id": 3, "type": "graph", "datasource": "$ds", "targets": [{"refId": "A", "expr": "c"}]},
              {"id": 4, "type": "graph", "datasource": "${ds}", "targets": [{"refId": "A", "expr": "d"}]},
              {"id": 5, "type": "graph", "datasource": "-- Mixed --",
               "targets": [{"refId": "A", "expr": "e", "datasource": "Other"},
                           {"refId": "B", "expr": "f"}]},
              {"id": 6, "type": "graph", "datasource": "default", "targets": [{"refId": "A", "expr": "g"}]},
              {"id": 7, "type": "graph", "datasource": {"type": "prometheus", "uid": "${DS_X}"},
               "targets": [{"refId": "A", "expr": "h"}]}]})"),
                                    options);
    auto ds = [&](int i) { return panel(r, i).value(QLatin1String("datasource")); };
    QCOMPARE(ds(0).toObject().value(QLatin1String("uid")).toString(), QStringLiteral("p1"));
    QCOMPARE(ds(0).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("prometheus"));
    // Targets copy the panel's reference.
    QCOMPARE(panel(r, 0)
                 .value(QLatin1String("targets"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("datasource")),
             ds(0));
    QVERIFY(ds(1).isNull());
    QCOMPARE(ds(2).toObject(),
             (QJsonObject{{QStringLiteral("uid"), QStringLiteral("$ds")},
                          {QStringLiteral("type"), QStringLiteral("prometheus")}}));
    QCOMPARE(ds(3).toObject().value(QLatin1String("uid")).toString(), QStringLiteral("${ds}"));
    QCOMPARE(ds(4).toObject().value(QLatin1String("uid")).toString(),
             QStringLiteral("-- Mixed --"));
    const QJsonArray mixedTargets = panel(r, 4).value(QLatin1String("targets")).toArray();
    QCOMPARE(mixedTargets.at(0)
                 .toObject()
                 .value(QLatin1String("datasource"))
                 .toObject()
                 .value(QLatin1String("uid"))
                 .toString(),
             QStringLiteral("Other")); // unknown name: {uid: name}, resolved by name later
    QVERIFY(!mixedTargets.at(1).toObject().contains(QLatin1String("datasource")));
    QVERIFY(ds(5).isNull());
    QCOMPARE(ds(6).toObject().value(QLatin1String("uid")).toString(), QStringLiteral("${DS_X}"));
    const QJsonArray vars = r.dashboard.value(QLatin1String("templating"))
                                .toObject()
                                .value(QLatin1String("list"))
                                .toArray();
    QCOMPARE(vars.at(1)
                 .toObject()
                 .value(QLatin1String("datasource"))
                 .toObject()
                 .value(QLatin1String("uid"))
                 .toString(),
             QStringLiteral("p1"));
    QCOMPARE(vars.at(1).toObject().value(QLatin1String("refresh")).toInt(), 1); // schema 29
    QCOMPARE(r.dashboard.value(QLatin1String("annotations"))
                 .toObject()
                 .value(QLatin1String("list"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("datasource"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("grafana"));
}

void refreshAndVariables()
{
    for (const char *json : {R"({"schemaVersion": 14, "refresh": false, "panels": []})",
                             R"({"schemaVersion": 39, "refresh": null, "panels": []})",
                             R"({"schemaVersion": 30, "refresh": 5, "panels": []})"}) {
        const auto r = migrate(json);
        QCOMPARE(r.dashboard.value(QLatin1String("refresh")), QJsonValue(QString()));
    }
    QCOMPARE(migrate(R"({"schemaVersion": 14, "refresh": "30s", "panels": []})")
                 .dashboard.value(QLatin1String("refresh"))
                 .toString(),
             QStringLiteral("30s"));
    const auto r = migrate(R"({"schemaVersion": 13, "sharedCrosshair": true,
            "timepicker": {"time_options": ["5m"], "refresh_intervals": ["5s"]},
            "templating": {"list": [
              {"name": "a", "type": "query", "refresh": true, "hideVariable": true,
               "useTags": true, "tags": []},
              {"name": "b", "type": "custom", "refresh": false, "hideLabel": true},
              {"name": "c", "type": "constant", "query": "x", "hide": 0},
              {"name": "d", "type": "custom", "multi": true,
               "current": {"text": "x", "value": "x"}}]}, "panels": []})");
    const QJsonArray vars = r.dashboard.value(QLatin1String("templating"))
                                .toObject()
                                .value(QLatin1String("list"))
                                .toArray();
    const QJsonObject a = vars.at(0).toObject();
    QCOMPARE(a.value(QLatin1String("refresh")).toInt(), 1);
    QCOMPARE(a.value(QLatin1String("hide")).toInt(), 2);
    QVERIFY(!a.contains(QLatin1String("hideVariable")));
    QVERIFY(!a.contains(QLatin1String("useTags")));
    QCOMPARE(vars.at(1).toObject().value(QLatin1String("refresh")).toInt(), 0);
    QCOMPARE(vars.at(1).toObject().value(QLatin1String("hide")).toInt(), 1);
    QCOMPARE(vars.at(2).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("textbox"));
    QVERIFY(vars.at(3)
                .toObject()
                .value(QLatin1String("current"))
                .toObject()
                .value(QLatin1String("value"))
                .isArray());
    QCOMPARE(r.dashboard.value(QLatin1String("graphTooltip")).toInt(), 1);
    const QJsonObject tp = r.dashboard.value(QLatin1String("timepicker")).toObject();
    QVERIFY(!tp.contains(QLatin1String("time_options")));
    QVERIFY(tp.contains(QLatin1String("refresh_intervals")));
    QVERIFY(!r.report.notes.isEmpty()); // the constant that became a text box
}

void legendAndTableCellSteps()
{
    const auto r = migrate(R"({"schemaVersion": 36, "panels": [
            {"id": 1, "type": "timeseries", "options": {"legend": {"displayMode": "hidden"}}},
            {"id": 2, "type": "table", "fieldConfig": {"defaults": {"custom": {"displayMode": "color-background"}},
              "overrides": [{"matcher": {"id": "byName", "options": "x"},
                             "properties": [{"id": "custom.displayMode", "value": "lcd-gauge"}]}]}}]})");
    const QJsonObject legend = panel(r, 0)
                                   .value(QLatin1String("options"))
                                   .toObject()
                                   .value(QLatin1String("legend"))
                                   .toObject();
    QCOMPARE(legend.value(QLatin1String("displayMode")).toString(), QStringLiteral("list"));
    QCOMPARE(legend.value(QLatin1String("showLegend")).toBool(), false);
    const QJsonObject t = panel(r, 1);
    QCOMPARE(custom(t)
                 .value(QLatin1String("cellOptions"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("color-background"));
    QCOMPARE(overrideValue(t, QStringLiteral("x"), QStringLiteral("custom.cellOptions"))
                 .toObject()
                 .value(QLatin1String("mode"))
                 .toString(),
             QStringLiteral("lcd"));
}

void unknownTypesAndKeysKept()
{
    const auto r = migrate(R"({"schemaVersion": 39, "myKey": {"a": 1}, "panels": [
            {"id": 1, "type": "grafana-worldmap-panel", "title": "Map", "custom1": [1, 2],
             "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}},
            {"id": 2, "type": "stat", "title": "S", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8}}]})");
    QCOMPARE(r.dashboard.value(QLatin1String("myKey")).toObject().value(QLatin1String("a")).toInt(),
             1);
    const QJsonObject p = panel(r, 0);
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("grafana-worldmap-panel"));
    QCOMPARE(p.value(QLatin1String("custom1")).toArray().size(), 2);
    QCOMPARE(r.report.panels[0].status, ImportReportEntry::Status::Unsupported);
    QVERIFY(
        r.report.panels[0].notes.join(QString()).contains(QLatin1String("grafana-worldmap-panel")));
    QCOMPARE(r.report.panels[1].status, ImportReportEntry::Status::Unchanged);
    const QJsonObject e = r.report.panels[0].toJson();
    QCOMPARE(e.value(QLatin1String("status")).toString(), QStringLiteral("unsupported"));
    QCOMPARE(e.value(QLatin1String("from_type")).toString(),
             QStringLiteral("grafana-worldmap-panel"));
    QCOMPARE(e.value(QLatin1String("id")).toInt(), 1);
}

void duplicateIdsAreRenumbered()
{
    const auto r = migrate(R"({"schemaVersion": 39, "panels": [
            {"id": 4, "type": "stat", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}},
            {"id": 4, "type": "stat", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}},
            {"type": "stat", "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4}}]})");
    QCOMPARE(panel(r, 0).value(QLatin1String("id")).toInt(), 4);
    QCOMPARE(panel(r, 1).value(QLatin1String("id")).toInt(), 1);
    QCOMPARE(panel(r, 2).value(QLatin1String("id")).toInt(), 2);
    QVERIFY(r.report.panels[2].id.isNull());
    QCOMPARE(r.report.panels[2].newId, 2);
    QVERIFY(!r.report.panels[1].notes.isEmpty());
}

void layoutFloatsUpAndResolvesOverlaps()
{
    const auto r = migrate(R"({"schemaVersion": 39, "panels": [
            {"id": 1, "type": "stat", "gridPos": {"x": 0, "y": 5, "w": 12, "h": 4}},
            {"id": 2, "type": "stat", "gridPos": {"x": 6, "y": 6, "w": 12, "h": 4}},
            {"id": 3, "type": "row", "collapsed": false, "gridPos": {"x": 0, "y": 20, "w": 24, "h": 1},
             "panels": []},
            {"id": 4, "type": "stat", "gridPos": {"x": 0, "y": 30, "w": 30, "h": 2}}]})");
    QCOMPARE(gridPos(panel(r, 0)), gp(0, 0, 12, 4)); // floated to the top
    QCOMPARE(gridPos(panel(r, 1)), gp(6, 4, 12, 4)); // pushed below the overlap
    QCOMPARE(gridPos(panel(r, 2)), gp(0, 8, 24, 1)); // the row floats up too
    QCOMPARE(gridPos(panel(r, 3)), gp(0, 9, 24, 2)); // clipped to 24 columns
    QVERIFY(
        layout::overlapProblems(r.dashboard.value(QLatin1String("panels")).toArray()).isEmpty());
    QVERIFY(!layout::overlapProblems(
                 QJsonArray{QJsonObject{{QStringLiteral("gridPos"), gp(0, 0, 12, 4)}},
                            QJsonObject{{QStringLiteral("gridPos"), gp(6, 2, 12, 4)}}})
                 .isEmpty());
}

void inputs()
{
    QJsonObject d = obj(R"({"__inputs": [
              {"name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus"},
              {"name": "VAR_CLUSTER", "type": "constant", "value": "prod"}],
            "panels": [{"datasource": "${DS_PROMETHEUS}",
                        "targets": [{"datasource": {"type": "prometheus", "uid": "${DS_PROMETHEUS}"},
                                     "expr": "up{cluster=~${VAR_CLUSTER}}"}]}]})");
    const QList<ImportInput> list = dashboardInputs(d);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].kind, ImportInput::Kind::DataSource);
    QCOMPARE(list[1].kind, ImportInput::Kind::Constant);
    QCOMPARE(list[1].defaultValue, QStringLiteral("prod"));

    QHash<QString, QString> values;
    QString error;
    QVERIFY(!parseInputArguments({QStringLiteral("DS_NOPE=x")}, list, &values, &error));
    QVERIFY(error.contains(QLatin1String("DS_PROMETHEUS, VAR_CLUSTER")));
    QVERIFY(!parseInputArguments({QStringLiteral("=x")}, list, &values, &error));
    QVERIFY(parseInputArguments({QStringLiteral("DS_PROMETHEUS=Team")}, list, &values, &error));

    QJsonObject copy = d;
    QCOMPARE(applyImportInputs(&copy, values), QStringList());
    const QByteArray json = QJsonDocument(copy).toJson(QJsonDocument::Compact);
    QVERIFY(json.contains(R"("datasource":"Team")"));
    QVERIFY(json.contains(R"("uid":"Team")"));
    QVERIFY(json.contains("cluster=~prod")); // the constant's exported value
    QVERIFY(!copy.contains(QLatin1String("__inputs")));

    // No value and no default data source: the reference stays, so does __inputs.
    copy = d;
    QCOMPARE(applyImportInputs(&copy, {}), QStringList{QStringLiteral("DS_PROMETHEUS")});
    QVERIFY(copy.contains(QLatin1String("__inputs")));
    // The default data source is the default choice.
    copy = d;
    QVERIFY(applyImportInputs(&copy, {}, QStringLiteral("Main")).isEmpty());
    QVERIFY(QJsonDocument(copy).toJson().contains("\"Main\""));
}

// Schema 34: CloudWatch queries and annotations with several statistics become one per
// statistic; the new queries take free refIds. Other queries are left alone.
void cloudWatchStatisticsSplit()
{
    const auto r = migrate(R"({"schemaVersion": 33,
            "annotations": {"list": [{"name": "Alarms", "namespace": "AWS/EC2",
                                      "statistics": ["Maximum", "Minimum"]}]},
            "panels": [{"id": 1, "type": "timeseries", "targets": [
                {"refId": "A", "namespace": "AWS/EC2", "metricName": "CPUUtilization",
                 "statistics": ["Average", "Maximum", "p99"]},
                {"refId": "B", "expr": "up"}]}]})");
    const QJsonArray t = panel(r, 0).value(QLatin1String("targets")).toArray();
    QCOMPARE(t.size(), 4);
    QStringList refIds, stats;
    for (const QJsonValue &v : t) {
        refIds << v.toObject().value(QLatin1String("refId")).toString();
        stats << v.toObject().value(QLatin1String("statistic")).toString();
        QVERIFY(!v.toObject().contains(QLatin1String("statistics")));
    }
    QCOMPARE(refIds, (QStringList{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("D"),
                                  QStringLiteral("B")}));
    QCOMPARE(stats, (QStringList{QStringLiteral("Average"), QStringLiteral("Maximum"),
                                 QStringLiteral("p99"), QString()}));
    QCOMPARE(t.at(1).toObject().value(QLatin1String("metricName")).toString(),
             QStringLiteral("CPUUtilization"));
    QCOMPARE(t.at(3).toObject().value(QLatin1String("expr")).toString(), QStringLiteral("up"));
    const QJsonArray a = r.dashboard.value(QLatin1String("annotations"))
                             .toObject()
                             .value(QLatin1String("list"))
                             .toArray();
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Alarms"));
    QCOMPARE(a.at(0).toObject().value(QLatin1String("statistic")).toString(),
             QStringLiteral("Maximum"));
    QCOMPARE(a.at(1).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Alarms - Minimum"));
    QCOMPARE(a.at(1).toObject().value(QLatin1String("statistic")).toString(),
             QStringLiteral("Minimum"));

    // From schema 34 on, nothing is split.
    const auto later = migrate(R"({"schemaVersion": 34, "panels": [{"id": 1,
            "type": "timeseries", "targets": [{"refId": "A", "statistics": ["Average", "Sum"]}]}]})");
    QCOMPARE(panel(later, 0).value(QLatin1String("targets")).toArray().size(), 1);
}

// Schema 35: a time series with its axes hidden keeps the time axis, through a byType "time"
// override; visible axes and newer files are left alone.
void hiddenAxesKeepTheTimeAxis()
{
    const auto r = migrate(R"({"schemaVersion": 34, "panels": [
            {"id": 1, "type": "timeseries", "fieldConfig": {"defaults": {"custom": {"axisPlacement": "hidden"}},
             "overrides": [{"matcher": {"id": "byName", "options": "x"},
                            "properties": [{"id": "color", "value": {"mode": "fixed"}}]}]},
             "targets": [{"refId": "A", "expr": "up"}]},
            {"id": 2, "type": "timeseries", "fieldConfig": {"defaults": {"custom": {"axisPlacement": "left"}},
             "overrides": []}, "targets": [{"refId": "A", "expr": "up"}]}]})");
    const QJsonObject hidden = panel(r, 0);
    QCOMPARE(custom(hidden).value(QLatin1String("axisPlacement")).toString(),
             QStringLiteral("hidden"));
    const QJsonArray o = overrides(hidden);
    QCOMPARE(o.size(), 2); // the existing override stays first
    QCOMPARE(o.at(0)
                 .toObject()
                 .value(QLatin1String("matcher"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
             QStringLiteral("byName"));
    const QJsonObject time = o.at(1).toObject();
    QCOMPARE(time.value(QLatin1String("matcher")).toObject(),
             (QJsonObject{{QStringLiteral("id"), QStringLiteral("byType")},
                          {QStringLiteral("options"), QStringLiteral("time")}}));
    QCOMPARE(overrideValue(hidden, QStringLiteral("time"), QStringLiteral("custom.axisPlacement"))
                 .toString(),
             QStringLiteral("auto"));
    QVERIFY(overrides(panel(r, 1)).isEmpty());

    const auto later = migrate(R"({"schemaVersion": 35, "panels": [{"id": 1, "type": "timeseries",
            "fieldConfig": {"defaults": {"custom": {"axisPlacement": "hidden"}}, "overrides": []},
            "targets": [{"refId": "A", "expr": "up"}]}]})");
    QVERIFY(overrides(panel(later, 0)).isEmpty());
}

// Schema 36: with a default data source known, query variables and panels with queries on
// the default data source name it (targets copy the panel's); panels without queries get an
// empty query A. Without a known default the references stay null.
void defaultDataSourceAndEmptyQueries()
{
    const char *json = R"({"schemaVersion": 35,
            "templating": {"list": [{"name": "q", "type": "query", "datasource": null, "refresh": 1},
                                    {"name": "q2", "type": "query", "refresh": 1},
                                    {"name": "c", "type": "custom", "query": "a,b"}]},
            "panels": [
              {"id": 1, "type": "timeseries", "datasource": null, "targets": [{"refId": "A", "expr": "up"}]},
              {"id": 2, "type": "timeseries", "targets": [{"refId": "A", "expr": "up"}]},
              {"id": 3, "type": "text", "options": {"content": "hi"}},
              {"id": 4, "type": "stat", "datasource": "Other", "targets": []},
              {"id": 5, "type": "row", "collapsed": true, "panels": [
                {"id": 6, "type": "timeseries", "targets": [{"refId": "B", "expr": "x"}]}]}]})";
    MigrationOptions options;
    const QJsonObject def{{QStringLiteral("type"), QStringLiteral("prometheus")},
                          {QStringLiteral("uid"), QStringLiteral("default-uid")}};
    options.defaultDataSource = def;
    const auto r = migrateDashboard(obj(json), options);
    auto target = [](const QJsonObject &p, int i) {
        return p.value(QLatin1String("targets")).toArray().at(i).toObject();
    };
    const QJsonArray vars = r.dashboard.value(QLatin1String("templating"))
                                .toObject()
                                .value(QLatin1String("list"))
                                .toArray();
    QCOMPARE(vars.at(0).toObject().value(QLatin1String("datasource")).toObject(), def);
    QCOMPARE(vars.at(1).toObject().value(QLatin1String("datasource")).toObject(), def);
    QVERIFY(!vars.at(2).toObject().contains(QLatin1String("datasource")));
    for (int i : {0, 1}) {
        QCOMPARE(panel(r, i).value(QLatin1String("datasource")).toObject(), def);
        QCOMPARE(target(panel(r, i), 0).value(QLatin1String("datasource")).toObject(), def);
    }
    QCOMPARE(panel(r, 2).value(QLatin1String("targets")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")}}}));
    QVERIFY(!panel(r, 2).contains(QLatin1String("datasource")));
    QCOMPARE(panel(r, 3).value(QLatin1String("targets")).toArray().size(), 1);
    QCOMPARE(panel(r, 3)
                 .value(QLatin1String("datasource"))
                 .toObject()
                 .value(QLatin1String("uid"))
                 .toString(),
             QStringLiteral("Other"));
    const QJsonObject row = panel(r, 4);
    QVERIFY(!row.contains(QLatin1String("targets")));
    const QJsonObject nested = row.value(QLatin1String("panels")).toArray().at(0).toObject();
    QCOMPARE(nested.value(QLatin1String("datasource")).toObject(), def);
    QCOMPARE(target(nested, 0).value(QLatin1String("expr")).toString(), QStringLiteral("x"));

    // No default known: null stays null (it resolves to the default data source).
    const auto plain = migrateDashboard(obj(json));
    QVERIFY(panel(plain, 0).value(QLatin1String("datasource")).isNull());
    QVERIFY(!panel(plain, 1).contains(QLatin1String("datasource")));
    QVERIFY(plain.dashboard.value(QLatin1String("templating"))
                .toObject()
                .value(QLatin1String("list"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("datasource"))
                .isNull());
    // Schema 36 files are left as they are.
    QByteArray newer(json);
    newer.replace("\"schemaVersion\": 35", "\"schemaVersion\": 36");
    const auto r36 = migrateDashboard(obj(newer.constData()), options);
    QVERIFY(panel(r36, 0).value(QLatin1String("datasource")).isNull());
    QVERIFY(!panel(r36, 2).contains(QLatin1String("targets")));
}

} // namespace migrationcases
