#include "dashboards/fields/fieldconfig.h"
#include "dashboards/model/jsonvalue.h"

#include "dashboards/fields/reducers.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

const QHash<QString, quint32> &namedColors()
{
    static const QHash<QString, quint32> table = [] {
        QHash<QString, quint32> t;
        // hue: super-light, light, (base), semi-dark, dark
        const struct
        {
            const char *hue;
            quint32 shades[5];
        } hues[] = {
            {"red", {0xFFA6B0, 0xFF7383, 0xF2495C, 0xE02F44, 0xC4162A}},
            {"orange", {0xFFCB7D, 0xFFB357, 0xFF9830, 0xFF780A, 0xFA6400}},
            {"yellow", {0xFFF899, 0xFFEE52, 0xFADE2A, 0xF2CC0C, 0xE0B400}},
            {"green", {0xC8F2C2, 0x96D98D, 0x73BF69, 0x56A64B, 0x37872D}},
            {"blue", {0xC0D8FF, 0x8AB8FF, 0x5794F2, 0x3274D9, 0x1F60C4}},
            {"purple", {0xDEB6F2, 0xCA95E5, 0xB877D9, 0xA352CC, 0x8F3BB8}},
        };
        const char *prefixes[] = {"super-light-", "light-", "", "semi-dark-", "dark-"};
        for (const auto &h : hues) {
            for (int i = 0; i < 5; ++i)
                t.insert(QString::fromLatin1(prefixes[i]) + QString::fromLatin1(h.hue),
                         h.shades[i] | 0xFF000000u);
        }
        // Plain CSS names Grafana files use.
        t.insert(QStringLiteral("white"), 0xFFFFFFFFu);
        t.insert(QStringLiteral("black"), 0xFF000000u);
        t.insert(QStringLiteral("gray"), 0xFF808080u);
        t.insert(QStringLiteral("grey"), 0xFF808080u);
        t.insert(QStringLiteral("darkred"), 0xFF8B0000u);
        t.insert(QStringLiteral("dark-grey"), 0xFF464C54u);
        return t;
    }();
    return table;
}

const quint32 kClassic[] = {
    0x7EB26D, 0xEAB839, 0x6ED0E0, 0xEF843C, 0xE24D42, 0x1F78C1, 0xBA43A9, 0x705DA0,
    0x508642, 0xCCA300, 0x447EBC, 0xC15C17, 0x890F02, 0x0A437C, 0x6D1F62, 0x584477,
    0xB7DBAB, 0xF4D598, 0x70DBED, 0xF9BA8F, 0xF29191, 0x82B5D8, 0xE5A8E2, 0xAEA2E0,
    0x629E51, 0xE5AC0E, 0x64B0C8, 0xE0752D, 0xBF1B00, 0x0A50A1, 0x962D82, 0x614D93,
    0x9AC48A, 0xF2C96D, 0x65C5DB, 0xF9934E, 0xEA6460, 0x5195CE, 0xD683CE, 0x806EB7,
    0x3F6833, 0x967302, 0x2F575E, 0x99440A, 0x58140C, 0x052B51, 0x511749, 0x3F2B5B,
    0xE0F9D7, 0xFCEACA, 0xCFFAFF, 0xF9E2D2, 0xFCE2DE, 0xBADFF4, 0xF9D9F9, 0xDEDAF7,
};

using json::number;

Thresholds parseThresholds(const QJsonObject &th)
{
    Thresholds t;
    t.mode = th.value(QLatin1String("mode")).toString() == QLatin1String("percentage")
                 ? Thresholds::Mode::Percentage
                 : Thresholds::Mode::Absolute;
    for (const QJsonValue &sv : th.value(QLatin1String("steps")).toArray()) {
        const QJsonObject s = sv.toObject();
        ThresholdStep step;
        step.value = number(s.value(QLatin1String("value")));
        step.color = s.value(QLatin1String("color")).toString();
        t.steps.append(step);
    }
    return t;
}

qint64 msOrFlag(const QJsonValue &v, qint64 ifTrue, qint64 ifFalse)
{
    if (v.isBool())
        return v.toBool() ? ifTrue : ifFalse;
    if (const auto n = number(v); n && std::isfinite(*n) && *n >= 0)
        return qint64(*n);
    return ifFalse;
}

void applyCustom(const QString &key, const QJsonValue &v, FieldConfig &c)
{
    if (key == QLatin1String("drawStyle")) {
        const QString s = v.toString();
        c.drawStyle = s == QLatin1String("bars")     ? DrawStyle::Bars
                      : s == QLatin1String("points") ? DrawStyle::Points
                                                     : DrawStyle::Line;
    } else if (key == QLatin1String("lineInterpolation")) {
        const QString s = v.toString();
        c.lineInterpolation = s == QLatin1String("smooth")       ? LineInterpolation::Smooth
                              : s == QLatin1String("stepBefore") ? LineInterpolation::StepBefore
                              : s == QLatin1String("stepAfter")  ? LineInterpolation::StepAfter
                                                                 : LineInterpolation::Linear;
    } else if (key == QLatin1String("lineWidth")) {
        if (const auto n = number(v))
            c.lineWidth = std::clamp(*n, 0.0, 20.0);
    } else if (key == QLatin1String("fillOpacity")) {
        if (const auto n = number(v))
            c.fillOpacity = std::clamp(*n, 0.0, 100.0);
    } else if (key == QLatin1String("gradientMode")) {
        c.gradientMode = v.toString();
    } else if (key == QLatin1String("showPoints")) {
        const QString s = v.toString();
        c.showPoints = s == QLatin1String("always")  ? ShowPoints::Always
                       : s == QLatin1String("never") ? ShowPoints::Never
                                                     : ShowPoints::Auto;
    } else if (key == QLatin1String("pointSize")) {
        if (const auto n = number(v))
            c.pointSize = std::clamp(*n, 1.0, 40.0);
    } else if (key == QLatin1String("lineStyle")) {
        const QJsonObject o = v.toObject();
        const QString fill = o.value(QLatin1String("fill")).toString();
        c.dash.clear();
        c.dots = fill == QLatin1String("dot");
        if (fill == QLatin1String("dash") || c.dots) {
            for (const QJsonValue &d : o.value(QLatin1String("dash")).toArray())
                c.dash << std::max(0.0, d.toDouble());
            if (c.dash.isEmpty())
                c.dash = c.dots ? QList<double>{0, 10} : QList<double>{10, 10};
        }
    } else if (key == QLatin1String("spanNulls")) {
        c.spanNullsMs = msOrFlag(v, std::numeric_limits<qint64>::max(), -1);
    } else if (key == QLatin1String("insertNulls")) {
        c.insertNullsMs = msOrFlag(v, 0, 0);
    } else if (key == QLatin1String("stacking")) {
        const QJsonObject o = v.toObject();
        const QString mode = o.value(QLatin1String("mode")).toString();
        c.stacking = mode == QLatin1String("normal")    ? StackingMode::Normal
                     : mode == QLatin1String("percent") ? StackingMode::Percent
                                                        : StackingMode::None;
        const QJsonValue g = o.value(QLatin1String("group"));
        // Grafana files carry "A", and sometimes false to put a series in a group of its own.
        c.stackGroup = g.isString() ? g.toString()
                       : g.isBool()
                           ? (g.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                       : g.isDouble() ? QString::number(g.toDouble())
                                      : QStringLiteral("A");
    } else if (key == QLatin1String("axisPlacement")) {
        const QString s = v.toString();
        c.axisPlacement = s == QLatin1String("left")     ? AxisPlacement::Left
                          : s == QLatin1String("right")  ? AxisPlacement::Right
                          : s == QLatin1String("hidden") ? AxisPlacement::Hidden
                                                         : AxisPlacement::Auto;
    } else if (key == QLatin1String("axisLabel")) {
        c.axisLabel = v.toString();
    } else if (key == QLatin1String("scaleDistribution")) {
        const QJsonObject o = v.toObject();
        c.logBase = o.value(QLatin1String("type")).toString() == QLatin1String("log")
                        ? std::clamp(o.value(QLatin1String("log")).toInt(2), 2, 10)
                        : 0;
    } else if (key == QLatin1String("axisSoftMin")) {
        c.axisSoftMin = number(v);
    } else if (key == QLatin1String("axisSoftMax")) {
        c.axisSoftMax = number(v);
    } else if (key == QLatin1String("hideFrom")) {
        const QJsonObject o = v.toObject();
        c.hideFromLegend = o.value(QLatin1String("legend")).toBool();
        c.hideFromTooltip = o.value(QLatin1String("tooltip")).toBool();
        c.hideFromViz = o.value(QLatin1String("viz")).toBool();
    } else if (key == QLatin1String("transform")) {
        c.negativeY = v.toString() == QLatin1String("negative-Y");
    } else if (key == QLatin1String("thresholdsStyle")) {
        const QString s = v.toObject().value(QLatin1String("mode")).toString();
        c.thresholdsStyle = s == QLatin1String("line")          ? ThresholdsStyle::Line
                            : s == QLatin1String("dashed")      ? ThresholdsStyle::Dashed
                            : s == QLatin1String("area")        ? ThresholdsStyle::Area
                            : s == QLatin1String("line+area")   ? ThresholdsStyle::LineAndArea
                            : s == QLatin1String("dashed+area") ? ThresholdsStyle::DashedAndArea
                                                                : ThresholdsStyle::Off;
    } else if (key == QLatin1String("barWidthFactor")) {
        if (const auto n = number(v))
            c.barWidthFactor = std::clamp(*n, 0.05, 1.0);
    } else if (key == QLatin1String("barAlignment")) {
        if (const auto n = number(v))
            c.barAlignment = std::clamp(*n, -1.0, 1.0);
    } else if (key == QLatin1String("pharosPrefix")) {
        c.valuePrefix = v.toString();
    }
}

bool compare(double a, const QString &op, double b)
{
    if (op == QLatin1String("gt"))
        return a > b;
    if (op == QLatin1String("lt"))
        return a < b;
    if (op == QLatin1String("lte"))
        return a <= b;
    if (op == QLatin1String("eq"))
        return a == b;
    if (op == QLatin1String("ne"))
        return a != b;
    return a >= b; // gte, Grafana's default
}

} // namespace

std::optional<quint32> parseGrafanaColor(const QString &nameIn)
{
    const QString name = nameIn.trimmed().toLower();
    if (name.isEmpty())
        return std::nullopt;
    if (name == QLatin1String("transparent"))
        return 0u;
    auto it = namedColors().constFind(name);
    if (it != namedColors().constEnd())
        return *it;
    if (name.startsWith(QLatin1Char('#'))) {
        const QString hex = name.mid(1);
        bool ok = false;
        const uint v = hex.toUInt(&ok, 16);
        if (!ok)
            return std::nullopt;
        if (hex.size() == 3)
            return 0xFF000000u | (((v >> 8) & 0xF) * 17) << 16 | (((v >> 4) & 0xF) * 17) << 8 |
                   ((v & 0xF) * 17);
        if (hex.size() == 6)
            return 0xFF000000u | v;
        if (hex.size() == 8)
            return (v >> 8) | ((v & 0xFF) << 24);
        return std::nullopt;
    }
    static const QRegularExpression rgbRe(QStringLiteral(
        R"(^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$)"));
    const QRegularExpressionMatch m = rgbRe.match(name);
    if (m.hasMatch()) {
        const auto comp = [&](int i) {
            return quint32(std::clamp(int(std::lround(m.captured(i).toDouble())), 0, 255));
        };
        quint32 a = 255;
        if (!m.captured(4).isEmpty())
            a = quint32(std::lround(std::clamp(m.captured(4).toDouble(), 0.0, 1.0) * 255));
        return a << 24 | comp(1) << 16 | comp(2) << 8 | comp(3);
    }
    return std::nullopt;
}

int classicPaletteLength()
{
    return int(std::size(kClassic));
}

quint32 classicPaletteRgb(int index)
{
    const int n = classicPaletteLength();
    return kClassic[((index % n) + n) % n];
}

QRegularExpression grafanaRegex(const QString &pattern)
{
    if (pattern.size() >= 2 && pattern.startsWith(QLatin1Char('/'))) {
        const qsizetype end = pattern.lastIndexOf(QLatin1Char('/'));
        if (end > 0) {
            const QString flags = pattern.mid(end + 1);
            QRegularExpression::PatternOptions o;
            if (flags.contains(QLatin1Char('i')))
                o |= QRegularExpression::CaseInsensitiveOption;
            if (flags.contains(QLatin1Char('s')))
                o |= QRegularExpression::DotMatchesEverythingOption;
            if (flags.contains(QLatin1Char('m')))
                o |= QRegularExpression::MultilineOption;
            return QRegularExpression(pattern.mid(1, end - 1), o);
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

void FieldConfigResolver::applyProperty(const QString &id, const QJsonValue &value, FieldConfig &c)
{
    if (id.startsWith(QLatin1String("custom."))) {
        applyCustom(id.mid(7), value, c);
        return;
    }
    if (id == QLatin1String("unit")) {
        c.unit = value.toString();
    } else if (id == QLatin1String("min")) {
        c.min = number(value);
    } else if (id == QLatin1String("max")) {
        c.max = number(value);
    } else if (id == QLatin1String("decimals")) {
        const auto n = number(value);
        c.decimals =
            n ? std::optional<int>(std::clamp(json::saturatedInt(*n), 0, 20)) : std::nullopt;
    } else if (id == QLatin1String("displayName") || id == QLatin1String("displayNameFromDS")) {
        c.displayName = value.toString();
    } else if (id == QLatin1String("color")) {
        const QJsonObject o = value.toObject();
        c.colorMode = o.value(QLatin1String("mode")).toString();
        c.fixedColor = o.value(QLatin1String("fixedColor")).toString();
        c.seriesBy = o.value(QLatin1String("seriesBy")).toString();
    } else if (id == QLatin1String("thresholds")) {
        c.thresholds = parseThresholds(value.toObject());
    }
}

void FieldConfigResolver::apply(const QJsonObject &config, FieldConfig &c)
{
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (it.key() == QLatin1String("custom")) {
            const QJsonObject custom = it.value().toObject();
            for (auto ct = custom.begin(); ct != custom.end(); ++ct)
                applyCustom(ct.key(), ct.value(), c);
        } else {
            applyProperty(it.key(), it.value(), c);
        }
    }
}

FieldConfigResolver::FieldConfigResolver(const QJsonObject &fieldConfig)
{
    apply(fieldConfig.value(QLatin1String("defaults")).toObject(), m_defaults);
    for (const QJsonValue &ov : fieldConfig.value(QLatin1String("overrides")).toArray()) {
        const QJsonObject o = ov.toObject();
        const QJsonObject matcher = o.value(QLatin1String("matcher")).toObject();
        Override r;
        r.matcher = matcher.value(QLatin1String("id")).toString();
        r.options = matcher.value(QLatin1String("options"));
        r.properties = o.value(QLatin1String("properties")).toArray();
        if (r.matcher == QLatin1String("byRegexp")) {
            r.regex = grafanaRegex(r.options.toString());
        } else if (r.matcher == QLatin1String("byNames")) {
            const QJsonObject opts = r.options.toObject();
            for (const QJsonValue &n : opts.value(QLatin1String("names")).toArray())
                r.names << n.toString();
            r.exclude = opts.value(QLatin1String("mode")).toString() == QLatin1String("exclude");
        }
        m_overrides.push_back(std::move(r));
    }
}

FieldConfigResolver FieldConfigResolver::fromPanel(const QJsonObject &panelJson)
{
    return FieldConfigResolver(panelJson.value(QLatin1String("fieldConfig")).toObject());
}

bool FieldConfigResolver::matches(int index, const FieldMatchInfo &info) const
{
    if (index < 0 || index >= int(m_overrides.size()))
        return false;
    const Override &o = m_overrides[size_t(index)];
    if (o.matcher == QLatin1String("byName"))
        return info.name == o.options.toString();
    if (o.matcher == QLatin1String("byRegexp"))
        return o.regex.isValid() && o.regex.match(info.name).hasMatch();
    if (o.matcher == QLatin1String("byNames"))
        return o.names.contains(info.name) != o.exclude;
    if (o.matcher == QLatin1String("byFrameRefID"))
        return info.refId == o.options.toString();
    if (o.matcher == QLatin1String("byType"))
        return info.type == o.options.toString();
    if (o.matcher == QLatin1String("byValue")) {
        if (!info.frame)
            return false;
        const QJsonObject opts = o.options.toObject();
        const QString reducer = opts.value(QLatin1String("reducer")).toString();
        const double limit = opts.value(QLatin1String("value")).toDouble();
        const QString op = opts.value(QLatin1String("op")).toString();
        const std::vector<double> &vs = info.frame->values;
        if (reducer == QLatin1String("allIsZero"))
            return std::all_of(vs.begin(), vs.end(), [](double v) { return v == 0; });
        if (reducer == QLatin1String("allIsNull"))
            return std::all_of(vs.begin(), vs.end(), [](double v) { return std::isnan(v); });
        const double r = reduce(*info.frame, reducer);
        return !std::isnan(r) && compare(r, op, limit);
    }
    return false;
}

FieldConfig FieldConfigResolver::resolve(const FieldMatchInfo &info) const
{
    FieldConfig c = m_defaults;
    for (int i = 0; i < int(m_overrides.size()); ++i) {
        if (!matches(i, info))
            continue;
        c.overridden = true;
        for (const QJsonValue &pv : m_overrides[size_t(i)].properties) {
            const QJsonObject p = pv.toObject();
            applyProperty(p.value(QLatin1String("id")).toString(), p.value(QLatin1String("value")),
                          c);
        }
    }
    return c;
}

} // namespace pharos
