#include "panels/reducedvalues.h"

#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/reducers.h"
#include "dashboards/fields/units.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/panelseries.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pharos {

QString reduceCalc(const PanelModel &model)
{
    const QJsonArray calcs = model.options()
                                 .value(QLatin1String("reduceOptions"))
                                 .toObject()
                                 .value(QLatin1String("calcs"))
                                 .toArray();
    const QString calc = calcs.isEmpty() ? QString() : calcs.first().toString();
    return calc.isEmpty() ? QStringLiteral("lastNotNull") : calc;
}

bool showsAllValues(const PanelModel &model)
{
    return model.options()
        .value(QLatin1String("reduceOptions"))
        .toObject()
        .value(QLatin1String("values"))
        .toBool(false);
}

int allValuesLimit(const PanelModel &model)
{
    const QJsonValue v = model.options()
                             .value(QLatin1String("reduceOptions"))
                             .toObject()
                             .value(QLatin1String("limit"));
    const int limit = v.isDouble() ? json::clampedInt(v.toDouble(), 0, 5000) : 25;
    return std::clamp(limit > 0 ? limit : 25, 1, 5000);
}

TextSizes TextSizes::fromPanel(const PanelModel &model)
{
    const QJsonObject text = model.options().value(QLatin1String("text")).toObject();
    const auto size = [&](const char *key) -> std::optional<int> {
        const QJsonValue v = text.value(QLatin1String(key));
        if (!v.isDouble() || !(v.toDouble() >= 1))
            return std::nullopt;
        return json::clampedInt(v.toDouble(), 1, 400);
    };
    return {size("titleSize"), size("valueSize")};
}

std::pair<double, double> displayRange(const PanelModel &model, const PanelData &data)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    if (!model.defaults.min || !model.defaults.max) {
        for (const TargetResult &t : data.targets) {
            if (t.error.isError())
                continue;
            for (const Frame &f : t.result.frames) {
                for (double v : f.values) {
                    if (std::isfinite(v)) {
                        lo = std::min(lo, v);
                        hi = std::max(hi, v);
                    }
                }
            }
        }
    }
    if (model.defaults.min)
        lo = *model.defaults.min;
    if (model.defaults.max)
        hi = *model.defaults.max;
    if (!std::isfinite(lo) && !std::isfinite(hi)) {
        lo = 0;
        hi = 100;
    } else if (!std::isfinite(lo)) {
        lo = std::min(0.0, hi - 1);
    } else if (!std::isfinite(hi)) {
        hi = std::max(lo + 1, 100.0);
    }
    if (hi <= lo) {
        if (!model.defaults.min && lo > 0)
            lo = 0;
        else if (!model.defaults.max)
            hi = lo + (lo == 0 ? 1 : std::fabs(lo));
        if (hi <= lo)
            hi = lo + 1;
    }
    return {lo, hi};
}

void applyMapping(const ValueMappings &mappings, double value, QString *text, QColor *color,
                  bool *mapped)
{
    if (mapped)
        *mapped = false;
    const std::optional<MappingResult> r = mappings.map(value);
    if (!r)
        return;
    if (r->hasText && text) {
        *text = r->text;
        if (mapped)
            *mapped = true;
    }
    if (!r->color.isEmpty() && color) {
        const QColor c = grafanaColor(r->color);
        if (c.isValid()) {
            *color = c;
            if (mapped)
                *mapped = true;
        }
    }
}

double ReducedValue::fractionOf(double v) const
{
    if (!(hi > lo) || std::isnan(v))
        return 0;
    return std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
}

std::vector<ReducedValue> reduceSeries(const PanelModel &model, const PanelData &data,
                                       const QString &calc, const ValueMappings &mappings,
                                       double lo, double hi, const QString &defaultColorMode)
{
    std::vector<ReducedValue> out;
    const FieldConfigResolver resolver = FieldConfigResolver::fromPanel(model.json);
    const bool all = showsAllValues(model);
    const int limit = allValuesLimit(model);
    for (const PanelSeries &ps : collectSeries(model, data)) {
        if (ps.frame->isEmpty())
            continue;
        const FieldConfig c =
            resolver.resolve({ps.name, ps.refId, QStringLiteral("number"), ps.frame});
        // "All values": one entry per point; otherwise one per series.
        const size_t points = all ? ps.frame->values.size() : 1;
        for (size_t point = 0; point < points; ++point) {
            if (all && int(out.size()) >= limit)
                break;
            ReducedValue r;
            r.name = c.displayName.isEmpty()
                         ? ps.name
                         : expandDisplayName(c.displayName, ps.name, ps.frame->labels);
            r.frame = ps.frame;
            r.value = all ? ps.frame->values[point] : reduce(*ps.frame, calc);
            r.unit = c.unit;
            r.decimals = c.decimals;
            r.thresholds = c.thresholds;
            // A series' own min/max (an override) wins over the panel-wide range.
            r.lo = c.min ? *c.min : lo;
            r.hi = c.max ? *c.max : hi;
            if (!(r.hi > r.lo)) {
                if (c.max && !c.min)
                    r.lo = r.hi - 1;
                else
                    r.hi = r.lo + 1;
            }
            r.text = c.valuePrefix + formatValueText(r.value, r.unit, r.decimals);
            r.colorMode = c.colorMode.isEmpty() ? defaultColorMode : c.colorMode;
            if (r.colorMode == QLatin1String("thresholds")) {
                r.color = thresholdColor(r.value, r.thresholds, r.lo, r.hi);
            } else if (r.colorMode == QLatin1String("fixed") ||
                       r.colorMode == QLatin1String("shades")) {
                const QColor fixed = grafanaColor(c.fixedColor);
                r.color = fixed.isValid() ? fixed : ps.color;
            } else {
                r.color = ps.color;
            }
            applyMapping(mappings, r.value, &r.text, &r.color, &r.mapped);
            out.push_back(std::move(r));
        }
    }
    return out;
}

} // namespace pharos
