#include "panels/panelseries.h"

#include "dashboards/fields/legendformat.h"
#include "panels/colors.h"

#include <QRegularExpression>

namespace pharos {

QString expandDisplayName(const QString &pattern, const QString &name, const Labels &labels)
{
    if (!pattern.contains(QLatin1Char('$')))
        return pattern;
    static const QRegularExpression re(QStringLiteral(R"(\$\{([^}]+)\})"));
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(pattern); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += pattern.mid(last, m.capturedStart() - last);
        const QString key = m.captured(1).section(QLatin1Char(':'), 0, 0).trimmed();
        if (key.startsWith(QLatin1String("__field.labels."))) {
            out += labelValue(labels, key.mid(15));
        } else if (key == QLatin1String("__field.labels")) {
            QStringList parts;
            for (const auto &[k, v] : labels)
                parts << k + QLatin1String("=\"") + v + QLatin1Char('"');
            out += parts.join(QLatin1String(", "));
        } else if (key == QLatin1String("__series.name") || key == QLatin1String("__field.name") ||
                   key == QLatin1String("__field.displayName")) {
            out += name;
        } else {
            out += m.captured(0);
        }
        last = m.capturedEnd();
    }
    out += pattern.mid(last);
    return out;
}

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
        // Grafana's Auto legend names a query's series by the labels they do not share.
        QStringList autoNames;
        if (t.legendFormat == QLatin1String("__auto") && t.result.frames.size() > 1) {
            QList<Labels> labels;
            for (const Frame &f : t.result.frames)
                labels.append(f.labels);
            autoNames = autoLegendNames(labels);
        }
        for (const Frame &f : t.result.frames) {
            PanelSeries s;
            s.frame = &f;
            const qsizetype index = &f - t.result.frames.data();
            s.name = index < autoNames.size() ? autoNames[index]
                                              : formatLegend(t.legendFormat, f.labels);
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
