#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"
#include "dashboards/model/jsonvalue.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace pharos {

using namespace migration;

void GrafanaMigrator::singlestatToStat(QJsonObject *panel)
{
    QJsonObject &p = *panel;
    const QString fromType = p.value(L("type")).toString();
    const QJsonObject gauge = p.value(L("gauge")).toObject();
    const bool isGauge = gauge.value(L("show")).toBool(false);
    QJsonObject fc = p.value(L("fieldConfig")).toObject();
    QJsonObject defaults = fc.value(L("defaults")).toObject();
    QJsonObject options = p.value(L("options")).toObject();

    // Value: reducer and unit.
    const QString valueName = p.value(L("valueName")).toString(QStringLiteral("avg"));
    QString calc = reducerFor(valueName);
    if (calc.isEmpty()) {
        calc = QStringLiteral("mean");
        note(p, tr("Unknown value \"%1\"; the mean is shown.").arg(valueName));
    }
    QJsonObject reduce{{QStringLiteral("calcs"), QJsonArray{calc}},
                       {QStringLiteral("fields"), QString()},
                       {QStringLiteral("values"), false}};
    const QString tableColumn = p.value(L("tableColumn")).toString();
    if (!tableColumn.isEmpty())
        reduce.insert(L("fields"),
                      QStringLiteral("/^%1$/").arg(QRegularExpression::escape(tableColumn)));
    options.insert(L("reduceOptions"), reduce);
    if (valueName == QLatin1String("name"))
        options.insert(L("textMode"), QStringLiteral("name"));

    QString unit = p.value(L("format")).toString();
    const QString prefix = p.value(L("prefix")).toString().trimmed();
    const QString postfix = p.value(L("postfix")).toString().trimmed();
    if (valueName == QLatin1String("last_time")) {
        // "Time of last point": the stat reduces the time field; a date unit formats it.
        reduce.insert(L("fields"), QStringLiteral("Time"));
        options.insert(L("reduceOptions"), reduce);
        if (!unit.startsWith(QLatin1String("dateTime")))
            unit = QStringLiteral("dateTimeAsIso");
        note(p, tr("\"Time of last point\": the stat shows the time of the last point (field "
                   "\"Time\", unit %1).")
                    .arg(unit));
    }
    QStringList prefixNotes;
    unit = legacyPrefixSuffix(defaults, unit, prefix, postfix, &prefixNotes);
    for (const QString &n : std::as_const(prefixNotes))
        note(p, n);
    if (!unit.isEmpty())
        defaults.insert(L("unit"), unit);
    if (const auto d = toNumber(p.value(L("decimals"))))
        defaults.insert(L("decimals"), json::saturatedInt(*d));

    // Thresholds and colours.
    const QJsonArray colors = p.value(L("colors")).toArray();
    const QStringList levels =
        p.value(L("thresholds")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonArray steps;
    auto colorAt = [&](qsizetype i) {
        const QString c = colors.at(std::min<qsizetype>(i, colors.size() - 1)).toString();
        return c.isEmpty() ? (i == 0 ? QStringLiteral("green") : QStringLiteral("red")) : c;
    };
    steps.append(step(QJsonValue(QJsonValue::Null), colorAt(0)));
    qsizetype level = 1;
    for (const QString &t : levels) {
        bool ok = false;
        const double v = t.trimmed().toDouble(&ok);
        if (ok)
            steps.append(step(v, colorAt(level++)));
    }
    defaults.insert(L("thresholds"), thresholdsFromSteps(steps));
    defaults.insert(L("color"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("thresholds")}});
    const QJsonArray mappings = legacyMappings(p);
    if (!mappings.isEmpty()) {
        defaults.insert(L("mappings"), mappings);
        note(p, tr("Value and range mappings converted."));
    }
    if (p.value(L("nullPointMode")).toString() == QLatin1String("null as zero"))
        note(p, tr("Missing points were counted as zero (\"null as zero\"); they are skipped "
                   "now."));

    if (isGauge) {
        if (const auto v = toNumber(gauge.value(L("minValue"))))
            defaults.insert(L("min"), *v);
        else
            defaults.insert(L("min"), 0);
        if (const auto v = toNumber(gauge.value(L("maxValue"))))
            defaults.insert(L("max"), *v);
        else
            defaults.insert(L("max"), 100);
        options.insert(L("showThresholdMarkers"), gauge.value(L("thresholdMarkers")).toBool(true));
        options.insert(L("showThresholdLabels"), gauge.value(L("thresholdLabels")).toBool(false));
        options.insert(L("orientation"), QStringLiteral("auto"));
        p.insert(L("type"), QStringLiteral("gauge"));
        if (p.value(L("sparkline")).toObject().value(L("show")).toBool())
            note(p, tr("The sparkline is not drawn on a gauge."));
        note(p, tr("Singlestat with a gauge converted to a gauge panel."));
    } else {
        const bool background = p.value(L("colorBackground")).toBool();
        const bool value = p.value(L("colorValue")).toBool();
        options.insert(L("colorMode"), background ? QStringLiteral("background")
                                       : value    ? QStringLiteral("value")
                                                  : QStringLiteral("none"));
        options.insert(L("graphMode"), p.value(L("sparkline")).toObject().value(L("show")).toBool()
                                           ? QStringLiteral("area")
                                           : QStringLiteral("none"));
        options.insert(L("justifyMode"), QStringLiteral("auto"));
        options.insert(L("orientation"), QStringLiteral("horizontal"));
        if (!options.contains(L("textMode")))
            options.insert(L("textMode"), QStringLiteral("auto"));
        p.insert(L("type"), QStringLiteral("stat"));
        note(p, tr("Singlestat converted to a stat panel."));
    }
    if (p.value(L("colorPrefix")).toBool() || p.value(L("colorPostfix")).toBool())
        note(p, tr("Coloured prefix/postfix is not available; the value is coloured."));

    fc.insert(L("defaults"), defaults);
    if (!fc.contains(L("overrides")))
        fc.insert(L("overrides"), QJsonArray());
    p.insert(L("fieldConfig"), fc);
    p.insert(L("options"), options);
    for (const char *k :
         {"valueName",       "format",        "prefix",       "postfix",      "prefixFontSize",
          "postfixFontSize", "valueFontSize", "thresholds",   "colors",       "colorBackground",
          "colorValue",      "colorPrefix",   "colorPostfix", "sparkline",    "gauge",
          "valueMaps",       "rangeMaps",     "mappingType",  "mappingTypes", "nullText",
          "nullPointMode",   "tableColumn",   "decimals"})
        p.remove(L(k));
    Q_UNUSED(fromType);
}

} // namespace pharos
