#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

using namespace migration;

void GrafanaMigrator::autoMigrate(QJsonObject *panel)
{
    const QString type = panel->value(L("type")).toString();
    if (type == QLatin1String("graph")) {
        const QString mode = panel->value(L("xaxis")).toObject().value(L("mode")).toString();
        if (mode == QLatin1String("series"))
            graphToBarGauge(panel);
        else if (mode == QLatin1String("histogram")) {
            panel->insert(L("type"), QStringLiteral("histogram"));
            note(*panel, tr("Graph in histogram mode: Grafana turns it into a histogram panel."));
        } else {
            graphToTimeseries(panel);
        }
    } else if (type == QLatin1String("singlestat") ||
               type == QLatin1String("grafana-singlestat-panel")) {
        singlestatToStat(panel);
    } else if (type == QLatin1String("table-old") ||
               (type == QLatin1String("table") && panel->contains(L("styles")))) {
        tableOldToTable(panel);
    } else if (type == QLatin1String("gauge") || type == QLatin1String("bargauge") ||
               type == QLatin1String("stat")) {
        oldGaugeOptions(panel);
    } else if (type == QLatin1String("grafana-piechart-panel")) {
        piechartPlugin(panel);
    } else if (type == QLatin1String("heatmap") || type == QLatin1String("heatmap-new")) {
        oldHeatmap(panel);
    } else if (type == QLatin1String("text2")) {
        panel->insert(L("type"), QStringLiteral("text"));
    }
}

void GrafanaMigrator::piechartPlugin(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();
    QString calc = reducerFor(p.value(L("valueName")).toString(QStringLiteral("current")));
    if (calc.isEmpty())
        calc = QStringLiteral("lastNotNull");
    options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                   {QStringLiteral("fields"), QString()},
                                                   {QStringLiteral("values"), false}});
    options.insert(L("pieType"), p.value(L("pieType")).toString() == QLatin1String("donut")
                                     ? QStringLiteral("donut")
                                     : QStringLiteral("pie"));
    const QJsonObject legend = p.value(L("legend")).toObject();
    QJsonArray values;
    if (legend.value(L("values")).toBool())
        values.append(QStringLiteral("value"));
    if (legend.value(L("percentage")).toBool())
        values.append(QStringLiteral("percent"));
    const QString legendType = p.value(L("legendType")).toString();
    options.insert(
        L("legend"),
        QJsonObject{{QStringLiteral("showLegend"), legend.value(L("show")).toBool(true) &&
                                                       legendType != QLatin1String("On graph")},
                    {QStringLiteral("displayMode"),
                     values.isEmpty() ? QStringLiteral("list") : QStringLiteral("table")},
                    {QStringLiteral("placement"), legendType == QLatin1String("Under graph")
                                                      ? QStringLiteral("bottom")
                                                      : QStringLiteral("right")},
                    {QStringLiteral("values"), values}});
    options.insert(L("displayLabels"), legendType == QLatin1String("On graph")
                                           ? QJsonArray{QStringLiteral("name")}
                                           : QJsonArray());
    const QString unit = p.value(L("format")).toString();
    if (!unit.isEmpty())
        defaults.insert(L("unit"), unit);
    if (const auto d = toNumber(p.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*d));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it)
        addOverride(
            &overrides, matcherFor(it.key()),
            QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    if (toNumber(p.value(L("combine")).toObject().value(L("threshold"))).value_or(0) > 0)
        note(p, tr("Combining small slices into \"Others\" is not available; every slice is "
                   "drawn."));
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("piechart"));
    for (const char *k :
         {"valueName", "pieType", "legend", "legendType", "format", "decimals", "aliasColors",
          "combine", "strokeWidth", "fontSize", "breakPoint", "cacheTimeout", "nullPointMode"})
        p.remove(L(k));
    note(p, tr("Pie chart plugin converted to the pie chart panel."));
}

void GrafanaMigrator::oldHeatmap(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const bool old = p.contains(L("dataFormat")) || p.contains(L("cards")) ||
                     p.contains(L("yBucketBound")) || p.contains(L("heatmap")) ||
                     (p.value(L("color")).isObject() && !p.value(L("options")).isObject());
    if (p.value(L("type")).toString() == QLatin1String("heatmap-new")) {
        p.insert(L("type"), QStringLiteral("heatmap"));
        note(p, tr("\"heatmap-new\" is the heatmap panel."));
    }
    if (!old || p.value(L("options")).toObject().contains(L("calculate")))
        return;
    QJsonObject options = p.value(L("options")).toObject();
    const QString dataFormat = p.value(L("dataFormat")).toString(QStringLiteral("timeseries"));
    const bool buckets = dataFormat == QLatin1String("tsbuckets");
    options.insert(L("calculate"), !buckets);
    if (!buckets) {
        QJsonObject calc;
        if (const auto n = toNumber(p.value(L("xBucketNumber"))))
            calc.insert(L("xBuckets"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("count")},
                                    {QStringLiteral("value"), QString::number(*n)}});
        else if (!p.value(L("xBucketSize")).toString().isEmpty())
            calc.insert(L("xBuckets"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("size")},
                                                   {QStringLiteral("value"),
                                                    p.value(L("xBucketSize")).toString()}});
        if (const auto n = toNumber(p.value(L("yBucketNumber"))))
            calc.insert(L("yBuckets"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("count")},
                                    {QStringLiteral("value"), QString::number(*n)}});
        options.insert(L("calculation"), calc);
        note(p, tr("The heatmap computes its buckets from the series (dataFormat "
                   "\"timeseries\")."));
    }
    const QJsonObject color = p.value(L("color")).toObject();
    QJsonObject newColor;
    const QString mode = color.value(L("mode")).toString(QStringLiteral("spectrum"));
    const QString scale = color.value(L("colorScale")).toString(QStringLiteral("sqrt"));
    if (mode == QLatin1String("opacity")) {
        newColor.insert(L("mode"), QStringLiteral("opacity"));
        newColor.insert(L("fill"), color.value(L("cardColor")).toString(QStringLiteral("#b4ff00")));
    } else {
        QString scheme =
            color.value(L("colorScheme")).toString(QStringLiteral("interpolateOranges"));
        if (scheme.startsWith(QLatin1String("interpolate")))
            scheme = scheme.mid(11);
        newColor.insert(L("mode"), QStringLiteral("scheme"));
        newColor.insert(L("scheme"), scheme);
        newColor.insert(L("fill"), color.value(L("cardColor")).toString(QStringLiteral("#b4ff00")));
    }
    newColor.insert(L("scale"), scale == QLatin1String("linear") ? QStringLiteral("linear")
                                                                 : QStringLiteral("exponential"));
    newColor.insert(L("exponent"), toNumber(color.value(L("exponent"))).value_or(0.5));
    newColor.insert(L("steps"), 128);
    newColor.insert(L("reverse"), false);
    if (const auto v = toNumber(color.value(L("min"))))
        newColor.insert(L("min"), *v);
    if (const auto v = toNumber(color.value(L("max"))))
        newColor.insert(L("max"), *v);
    options.insert(L("color"), newColor);

    const QJsonObject yAxis = p.value(L("yAxis")).toObject();
    QJsonObject newY{{QStringLiteral("axisPlacement"), yAxis.value(L("show")).toBool(true)
                                                           ? QStringLiteral("left")
                                                           : QStringLiteral("hidden")},
                     {QStringLiteral("reverse"), p.value(L("reverseYBuckets")).toBool(false)}};
    if (!yAxis.value(L("format")).toString().isEmpty())
        newY.insert(L("unit"), yAxis.value(L("format")).toString());
    if (const auto d = toNumber(yAxis.value(L("decimals"))))
        newY.insert(L("decimals"), json::saturatedInt(*d));
    if (const auto v = toNumber(yAxis.value(L("min"))))
        newY.insert(L("min"), *v);
    if (const auto v = toNumber(yAxis.value(L("max"))))
        newY.insert(L("max"), *v);
    const int logBase = json::saturatedInt(toNumber(yAxis.value(L("logBase"))).value_or(1));
    if (logBase > 1)
        newY.insert(L("scaleDistribution"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("log")},
                                {QStringLiteral("log"), logBase}});
    options.insert(L("yAxis"), newY);
    const QString bound = p.value(L("yBucketBound")).toString(QStringLiteral("auto"));
    options.insert(L("rowsFrame"),
                   QJsonObject{{QStringLiteral("layout"),
                                bound == QLatin1String("upper")    ? QStringLiteral("le")
                                : bound == QLatin1String("lower")  ? QStringLiteral("ge")
                                : bound == QLatin1String("middle") ? QStringLiteral("unknown")
                                                                   : QStringLiteral("auto")}});
    if (p.value(L("hideZeroBuckets")).toBool())
        options.insert(L("filterValues"), QJsonObject{{QStringLiteral("le"), 1e-9}});
    options.insert(L("legend"),
                   QJsonObject{{QStringLiteral("show"),
                                p.value(L("legend")).toObject().value(L("show")).toBool(false)}});
    options.insert(
        L("tooltip"),
        QJsonObject{
            {QStringLiteral("mode"), p.value(L("tooltip")).toObject().value(L("show")).toBool(true)
                                         ? QStringLiteral("single")
                                         : QStringLiteral("none")},
            {QStringLiteral("yHistogram"),
             p.value(L("tooltip")).toObject().value(L("showHistogram")).toBool(false)}});
    const QJsonObject cards = p.value(L("cards")).toObject();
    if (const auto v = toNumber(cards.value(L("cardPadding"))))
        options.insert(L("cellGap"), json::saturatedInt(*v));
    else
        options.insert(L("cellGap"), 2);
    if (const auto v = toNumber(cards.value(L("cardRound"))))
        options.insert(L("cellRadius"), *v);
    options.insert(L("showValue"), QStringLiteral("never"));
    options.insert(L("exemplars"),
                   QJsonObject{{QStringLiteral("color"), QStringLiteral("rgba(255,0,255,0.7)")}});
    p.insert(L("options"), options);
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    if (!fc.contains(L("defaults")))
        fc.insert(
            L("defaults"),
            QJsonObject{
                {QStringLiteral("custom"),
                 QJsonObject{
                     {QStringLiteral("hideFrom"), QJsonObject{{QStringLiteral("legend"), false},
                                                              {QStringLiteral("tooltip"), false},
                                                              {QStringLiteral("viz"), false}}},
                     {QStringLiteral("scaleDistribution"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("linear")}}}}}});
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    for (const char *k :
         {"dataFormat", "cards", "color", "heatmap", "hideZeroBuckets", "highlightCards", "legend",
          "reverseYBuckets", "tooltip", "xAxis", "yAxis", "yBucketBound", "yBucketNumber",
          "yBucketSize", "xBucketNumber", "xBucketSize", "tooltipDecimals"})
        p.remove(L(k));
    note(p, tr("Old heatmap converted to the heatmap panel."));
}

} // namespace pharos
