#include "panelseries.h"

#include "colors.h"
#include "legendformat.h"

namespace pharos {

QJsonObject fieldCustom(const PanelModel &model)
{
    return model.json.value(QLatin1String("fieldConfig"))
        .toObject()
        .value(QLatin1String("defaults"))
        .toObject()
        .value(QLatin1String("custom"))
        .toObject();
}

std::vector<PanelSeries> collectSeries(const PanelModel &model, const PanelData &data)
{
    std::vector<PanelSeries> out;
    QColor fixed;
    if (model.defaults.colorMode == QLatin1String("fixed") ||
        model.defaults.colorMode == QLatin1String("shades"))
        fixed = grafanaColor(model.defaults.fixedColor);
    for (const TargetResult &t : data.targets) {
        if (t.error.isError())
            continue;
        for (const Frame &f : t.result.frames) {
            PanelSeries s;
            s.frame = &f;
            s.name = formatLegend(t.legendFormat, f.labels);
            // A series without labels (e.g. sum(...)) is named after its query, as Grafana does.
            if (f.labels.isEmpty() &&
                (t.legendFormat.trimmed().isEmpty() || t.legendFormat == QLatin1String("__auto")) &&
                !t.expr.isEmpty())
                s.name = t.expr;
            s.refId = t.refId;
            s.color = fixed.isValid() ? fixed : classicPaletteColor(int(out.size()));
            out.push_back(std::move(s));
        }
    }
    return out;
}

} // namespace pharos
