#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

using namespace migration;

namespace {

/// A Grafana colour from the old Angular names.
QString thresholdColor(const QString &colorMode, const QString &custom)
{
    if (colorMode == QLatin1String("critical"))
        return QStringLiteral("red");
    if (colorMode == QLatin1String("warning"))
        return QStringLiteral("orange");
    if (colorMode == QLatin1String("ok"))
        return QStringLiteral("green");
    return custom.isEmpty() ? QStringLiteral("red") : custom;
}

} // namespace

void GrafanaMigrator::graphToTimeseries(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject custom = defaults.value(L("custom")).toObject();
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    QJsonObject options = p.value(L("options")).toObject();

    // Axes: the left axis is the default; the right axis applies to series sent there.
    const QJsonArray yaxes = p.value(L("yaxes")).toArray();
    const QJsonObject left = yaxes.at(0).toObject();
    const QJsonObject right = yaxes.at(1).toObject();
    auto axisProps = [](const QJsonObject &axis, QJsonObject *target, QJsonObject *cust) {
        const QString format = axis.value(L("format")).toString();
        if (!format.isEmpty())
            target->insert(L("unit"), format);
        if (const auto v = toNumber(axis.value(L("min"))))
            target->insert(L("min"), *v);
        if (const auto v = toNumber(axis.value(L("max"))))
            target->insert(L("max"), *v);
        if (const auto v = toNumber(axis.value(L("decimals"))))
            target->insert(L("decimals"), json::saturatedInt(*v));
        const int logBase = json::saturatedInt(toNumber(axis.value(L("logBase"))).value_or(1));
        if (logBase > 1)
            cust->insert(L("scaleDistribution"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("log")},
                                     {QStringLiteral("log"), logBase}});
        const QString label = axis.value(L("label")).toString();
        if (!label.isEmpty())
            cust->insert(L("axisLabel"), label);
        if (axis.value(L("show")) == QJsonValue(false))
            cust->insert(L("axisPlacement"), QStringLiteral("hidden"));
    };
    if (!left.isEmpty())
        axisProps(left, &defaults, &custom);
    if (p.value(L("decimals")).isDouble() && !defaults.contains(L("decimals")))
        defaults.insert(L("decimals"), p.value(L("decimals")).toInt());

    // Draw style.
    const bool bars = p.value(L("bars")).toBool(false);
    const bool lines = p.value(L("lines")).toBool(true);
    const bool points = p.value(L("points")).toBool(false);
    custom.insert(L("drawStyle"), bars                 ? QStringLiteral("bars")
                                  : (!lines && points) ? QStringLiteral("points")
                                                       : QStringLiteral("line"));
    if (!lines && !bars && !points)
        note(p, tr("The graph drew neither lines, bars nor points; it is drawn with lines."));
    custom.insert(L("lineWidth"), lines ? p.value(L("linewidth")).toInt(1) : 0);
    custom.insert(L("fillOpacity"), std::clamp(p.value(L("fill")).toInt(1), 0, 10) * 10);
    custom.insert(L("gradientMode"), p.value(L("fillGradient")).toInt(0) > 0
                                         ? QStringLiteral("opacity")
                                         : QStringLiteral("none"));
    custom.insert(L("showPoints"), points ? QStringLiteral("always") : QStringLiteral("never"));
    custom.insert(L("pointSize"), std::max(1, p.value(L("pointradius")).toInt(2) * 2 + 1));
    custom.insert(L("lineInterpolation"), p.value(L("steppedLine")).toBool()
                                              ? QStringLiteral("stepAfter")
                                              : QStringLiteral("linear"));
    if (p.value(L("dashes")).toBool())
        custom.insert(
            L("lineStyle"),
            QJsonObject{{QStringLiteral("fill"), QStringLiteral("dash")},
                        {QStringLiteral("dash"), QJsonArray{p.value(L("dashLength")).toInt(10),
                                                            p.value(L("spaceLength")).toInt(10)}}});

    // Nulls.
    const QString nullMode = p.value(L("nullPointMode")).toString(QStringLiteral("null"));
    custom.insert(L("spanNulls"), nullMode == QLatin1String("connected"));
    if (nullMode == QLatin1String("null as zero"))
        note(p, tr("Missing points were drawn as zero (nullPointMode \"null as zero\"); they are "
                   "now gaps in the line, as in Grafana's time series panel."));

    // Stacking.
    if (p.value(L("stack")).toBool()) {
        custom.insert(L("stacking"),
                      QJsonObject{{QStringLiteral("mode"), p.value(L("percentage")).toBool()
                                                               ? QStringLiteral("percent")
                                                               : QStringLiteral("normal")},
                                  {QStringLiteral("group"), QStringLiteral("A")}});
    } else {
        custom.insert(L("stacking"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("none")},
                                                 {QStringLiteral("group"), QStringLiteral("A")}});
        if (p.value(L("percentage")).toBool())
            note(p, tr("\"Percentage\" without stacking has no equivalent; values are drawn "
                       "as they are."));
    }

    // Legend.
    const QJsonObject legend = p.value(L("legend")).toObject();
    QJsonObject newLegend;
    const bool showLegend = legend.value(L("show")).toBool(true);
    newLegend.insert(L("showLegend"), showLegend);
    newLegend.insert(L("displayMode"), legend.value(L("alignAsTable")).toBool()
                                           ? QStringLiteral("table")
                                           : QStringLiteral("list"));
    newLegend.insert(L("placement"), legend.value(L("rightSide")).toBool()
                                         ? QStringLiteral("right")
                                         : QStringLiteral("bottom"));
    QJsonArray calcs;
    if (legend.value(L("values")).toBool()) {
        for (const char *k : {"current", "min", "max", "avg", "total"}) {
            if (legend.value(L(k)).toBool())
                calcs.append(reducerFor(QLatin1String(k)));
        }
    }
    newLegend.insert(L("calcs"), calcs);
    if (legend.value(L("sort")).isString() && !legend.value(L("sort")).toString().isEmpty()) {
        static const QHash<QString, QString> sortNames{
            {QStringLiteral("current"), QStringLiteral("Last *")},
            {QStringLiteral("min"), QStringLiteral("Min")},
            {QStringLiteral("max"), QStringLiteral("Max")},
            {QStringLiteral("avg"), QStringLiteral("Mean")},
            {QStringLiteral("total"), QStringLiteral("Total")}};
        const QString by = sortNames.value(legend.value(L("sort")).toString());
        if (!by.isEmpty()) {
            newLegend.insert(L("sortBy"), by);
            newLegend.insert(L("sortDesc"), legend.value(L("sortDesc")).toBool());
        }
    }
    if (legend.value(L("hideEmpty")).toBool() || legend.value(L("hideZero")).toBool())
        note(p, tr("The legend hid empty or zero series; all series are listed now."));
    options.insert(L("legend"), newLegend);

    // Tooltip.
    const QJsonObject tooltip = p.value(L("tooltip")).toObject();
    const int sort = tooltip.value(L("sort")).toInt(0);
    options.insert(L("tooltip"),
                   QJsonObject{{QStringLiteral("mode"), tooltip.value(L("shared")).toBool(true)
                                                            ? QStringLiteral("multi")
                                                            : QStringLiteral("single")},
                               {QStringLiteral("sort"), sort == 1   ? QStringLiteral("asc")
                                                        : sort == 2 ? QStringLiteral("desc")
                                                                    : QStringLiteral("none")}});

    // Thresholds.
    QJsonArray oldThresholds = p.value(L("thresholds")).toArray();
    if (!oldThresholds.isEmpty()) {
        QList<QJsonObject> ts;
        for (const QJsonValue &v : oldThresholds) {
            if (toNumber(v.toObject().value(L("value"))))
                ts.append(v.toObject());
        }
        std::stable_sort(ts.begin(), ts.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return *toNumber(a.value(L("value"))) < *toNumber(b.value(L("value")));
        });
        QJsonArray steps{step(QJsonValue(QJsonValue::Null), QStringLiteral("transparent"))};
        bool fill = false, line = false;
        for (const QJsonObject &t : std::as_const(ts)) {
            const QString color = thresholdColor(t.value(L("colorMode")).toString(),
                                                 t.value(L("fill")).toBool(true)
                                                     ? t.value(L("fillColor")).toString()
                                                     : t.value(L("lineColor")).toString());
            fill = fill || t.value(L("fill")).toBool(true);
            line = line || t.value(L("line")).toBool(true);
            const double value = *toNumber(t.value(L("value")));
            if (t.value(L("op")).toString() == QLatin1String("lt")) {
                // Below the value: colour the step before it.
                QJsonObject last = steps.last().toObject();
                last.insert(L("color"), color);
                steps[steps.size() - 1] = last;
                steps.append(step(value, QStringLiteral("transparent")));
            } else {
                steps.append(step(value, color));
            }
        }
        if (ts.size() > 0) {
            defaults.insert(L("thresholds"), thresholdsFromSteps(steps));
            custom.insert(
                L("thresholdsStyle"),
                QJsonObject{{QStringLiteral("mode"), fill && line ? QStringLiteral("line+area")
                                                     : fill       ? QStringLiteral("area")
                                                                  : QStringLiteral("line")}});
        }
    }

    // Series colours and per-series settings.
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it) {
        if (it.value().isString())
            addOverride(
                &overrides, matcherFor(it.key()),
                QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    }
    for (const QJsonValue &sv : p.value(L("seriesOverrides")).toArray()) {
        const QJsonObject so = sv.toObject();
        const QString alias = so.value(L("alias")).toString();
        if (alias.isEmpty())
            continue;
        QJsonArray props;
        for (auto it = so.begin(); it != so.end(); ++it) {
            const QString k = it.key();
            const QJsonValue v = it.value();
            if (k == QLatin1String("alias") || k == QLatin1String("$$hashKey"))
                continue;
            if (k == QLatin1String("yaxis")) {
                if (v.toInt() == 2) {
                    props.append(
                        property(QStringLiteral("custom.axisPlacement"), QStringLiteral("right")));
                    QJsonObject r;
                    QJsonObject rc;
                    axisProps(right, &r, &rc);
                    for (auto rit = r.begin(); rit != r.end(); ++rit)
                        props.append(property(rit.key(), rit.value()));
                    for (auto rit = rc.begin(); rit != rc.end(); ++rit) {
                        if (rit.key() != QLatin1String("axisPlacement"))
                            props.append(
                                property(QLatin1String("custom.") + rit.key(), rit.value()));
                    }
                }
            } else if (k == QLatin1String("color")) {
                props.append(property(QStringLiteral("color"), fixedColor(v.toString())));
            } else if (k == QLatin1String("fill")) {
                props.append(property(QStringLiteral("custom.fillOpacity"),
                                      std::clamp(v.toInt(), 0, 10) * 10));
            } else if (k == QLatin1String("fillGradient")) {
                props.append(
                    property(QStringLiteral("custom.gradientMode"),
                             v.toInt() > 0 ? QStringLiteral("opacity") : QStringLiteral("none")));
            } else if (k == QLatin1String("linewidth")) {
                props.append(property(QStringLiteral("custom.lineWidth"), v.toInt()));
            } else if (k == QLatin1String("lines")) {
                if (!v.toBool())
                    props.append(property(QStringLiteral("custom.lineWidth"), 0));
            } else if (k == QLatin1String("bars")) {
                props.append(
                    property(QStringLiteral("custom.drawStyle"),
                             v.toBool() ? QStringLiteral("bars") : QStringLiteral("line")));
            } else if (k == QLatin1String("points")) {
                props.append(
                    property(QStringLiteral("custom.showPoints"),
                             v.toBool() ? QStringLiteral("always") : QStringLiteral("never")));
            } else if (k == QLatin1String("pointradius")) {
                props.append(property(QStringLiteral("custom.pointSize"), v.toInt() * 2 + 1));
            } else if (k == QLatin1String("steppedLine")) {
                props.append(
                    property(QStringLiteral("custom.lineInterpolation"),
                             v.toBool() ? QStringLiteral("stepAfter") : QStringLiteral("linear")));
            } else if (k == QLatin1String("stack")) {
                const bool on = v.isString() ? !v.toString().isEmpty() : v.toBool();
                props.append(property(
                    QStringLiteral("custom.stacking"),
                    QJsonObject{{QStringLiteral("mode"),
                                 on ? (p.value(L("percentage")).toBool() ? QStringLiteral("percent")
                                                                         : QStringLiteral("normal"))
                                    : QStringLiteral("none")},
                                {QStringLiteral("group"),
                                 v.isString() ? v.toString() : QStringLiteral("A")}}));
            } else if (k == QLatin1String("transform")) {
                if (v.toString() == QLatin1String("negative-Y"))
                    props.append(
                        property(QStringLiteral("custom.transform"), QStringLiteral("negative-Y")));
                else if (v.toString() == QLatin1String("constant"))
                    props.append(
                        property(QStringLiteral("custom.transform"), QStringLiteral("constant")));
            } else if (k == QLatin1String("legend")) {
                if (!v.toBool())
                    props.append(property(QStringLiteral("custom.hideFrom"),
                                          QJsonObject{{QStringLiteral("legend"), true},
                                                      {QStringLiteral("tooltip"), false},
                                                      {QStringLiteral("viz"), false}}));
            } else if (k == QLatin1String("hideTooltip")) {
                if (v.toBool())
                    props.append(property(QStringLiteral("custom.hideFrom"),
                                          QJsonObject{{QStringLiteral("legend"), false},
                                                      {QStringLiteral("tooltip"), true},
                                                      {QStringLiteral("viz"), false}}));
            } else if (k == QLatin1String("nullPointMode")) {
                props.append(property(QStringLiteral("custom.spanNulls"),
                                      v.toString() == QLatin1String("connected")));
            } else if (k == QLatin1String("dashes")) {
                props.append(property(
                    QStringLiteral("custom.lineStyle"),
                    v.toBool() ? QJsonObject{{QStringLiteral("fill"), QStringLiteral("dash")},
                                             {QStringLiteral("dash"), QJsonArray{10, 10}}}
                               : QJsonObject{{QStringLiteral("fill"), QStringLiteral("solid")}}));
            } else if (k == QLatin1String("zindex") || k == QLatin1String("dashLength") ||
                       k == QLatin1String("spaceLength")) {
                // drawing order and dash lengths: no visible difference worth a note
            } else {
                note(p, tr("Series override \"%1\": the setting \"%2\" has no equivalent and "
                           "was dropped.")
                            .arg(alias, k));
            }
        }
        addOverride(&overrides, matcherFor(alias), props);
    }

    if (!p.value(L("seriesOverrides")).toArray().isEmpty())
        note(p, tr("Series overrides became field overrides."));
    if (!aliasColors.isEmpty())
        note(p, tr("Series colours (aliasColors) became fixed-colour overrides."));
    if (p.value(L("xaxis")).toObject().value(L("show")) == QJsonValue(false))
        note(p, tr("The hidden x axis is shown."));

    defaults.insert(L("custom"), custom);
    if (!defaults.contains(L("color")))
        defaults.insert(L("color"),
                        QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("timeseries"));
    for (const char *k :
         {"yaxes",       "xaxis",           "yaxis",         "bars",         "lines",
          "points",      "linewidth",       "fill",          "fillGradient", "pointradius",
          "steppedLine", "dashes",          "dashLength",    "spaceLength",  "nullPointMode",
          "stack",       "percentage",      "legend",        "tooltip",      "thresholds",
          "aliasColors", "seriesOverrides", "renderer",      "grid",         "timeRegions",
          "decimals",    "hiddenSeries",    "options-graph", "y_formats",    "zindex"})
        p.remove(L(k));
    note(p, tr("Graph converted to a time series panel."));
}

void GrafanaMigrator::graphToBarGauge(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const QJsonObject xaxis = p.value(L("xaxis")).toObject();
    QString calc = reducerFor(xaxis.value(L("values")).toArray().at(0).toString());
    if (calc.isEmpty())
        calc = QStringLiteral("lastNotNull");
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    const QJsonObject left = p.value(L("yaxes")).toArray().at(0).toObject();
    if (!left.value(L("format")).toString().isEmpty())
        defaults.insert(L("unit"), left.value(L("format")).toString());
    if (const auto v = toNumber(left.value(L("min"))))
        defaults.insert(L("min"), *v);
    if (const auto v = toNumber(left.value(L("max"))))
        defaults.insert(L("max"), *v);
    if (const auto v = toNumber(left.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*v));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("palette-classic")}});
    QJsonArray overrides = fc.value(L("overrides")).toArray();
    const QJsonObject aliasColors = p.value(L("aliasColors")).toObject();
    for (auto it = aliasColors.begin(); it != aliasColors.end(); ++it)
        addOverride(
            &overrides, matcherFor(it.key()),
            QJsonArray{property(QStringLiteral("color"), fixedColor(it.value().toString()))});
    fc.insert(L("defaults"), defaults);
    fc.insert(L("overrides"), overrides);
    p.insert(L("fieldConfig"), fc);
    QJsonObject options = p.value(L("options")).toObject();
    options.insert(L("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{calc}},
                                                   {QStringLiteral("fields"), QString()},
                                                   {QStringLiteral("values"), false}});
    options.insert(L("orientation"), QStringLiteral("vertical"));
    options.insert(L("displayMode"), QStringLiteral("basic"));
    options.insert(L("showUnfilled"), true);
    p.insert(L("options"), options);
    p.insert(L("type"), QStringLiteral("bargauge"));
    for (const char *k :
         {"yaxes",         "xaxis",      "bars",         "lines",       "points",
          "linewidth",     "fill",       "fillGradient", "pointradius", "steppedLine",
          "nullPointMode", "stack",      "percentage",   "aliasColors", "seriesOverrides",
          "renderer",      "grid",       "dashes",       "dashLength",  "spaceLength",
          "thresholds",    "timeRegions"})
        p.remove(L(k));
    note(p, tr("Graph in series mode (one bar per series): Grafana makes it a bar chart, which "
               "Pharos cannot draw yet; it is a vertical bar gauge with one bar per series."));
}

} // namespace pharos
