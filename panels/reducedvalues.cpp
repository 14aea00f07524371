#include "reducedvalues.h"

#include "colors.h"
#include "panelseries.h"
#include "reducers.h"
#include "units.h"

#include <QJsonArray>
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

std::vector<ReducedValue> reduceSeries(const PanelModel &model, const PanelData &data,
                                       const QString &calc, const ValueMappings &mappings,
                                       double lo, double hi, const QString &defaultColorMode)
{
    std::vector<ReducedValue> out;
    const FieldDefaults &d = model.defaults;
    const QString mode = d.colorMode.isEmpty() ? defaultColorMode : d.colorMode;
    for (const PanelSeries &ps : collectSeries(model, data)) {
        if (ps.frame->isEmpty())
            continue;
        ReducedValue r;
        r.name = ps.name;
        r.frame = ps.frame;
        r.value = reduce(*ps.frame, calc);
        r.text = formatValueText(r.value, d.unit, d.decimals);
        r.color = mode == QLatin1String("thresholds")
                      ? thresholdColor(r.value, d.thresholds, lo, hi)
                      : ps.color;
        applyMapping(mappings, r.value, &r.text, &r.color, &r.mapped);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace pharos
