#include "panels/colors.h"

#include "dashboards/fields/fieldconfig.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>

namespace pharos {

int classicPaletteSize()
{
    return classicPaletteLength();
}

QColor classicPaletteColor(int index)
{
    return QColor::fromRgb(classicPaletteRgb(index));
}

QColor grafanaColor(const QString &nameIn, const QColor &textColor)
{
    const QString name = nameIn.trimmed().toLower();
    if (name.isEmpty())
        return {};
    if (name == QLatin1String("text"))
        return textColor;
    if (const auto rgba = parseGrafanaColor(name))
        return QColor::fromRgba(*rgba);
    const QColor css = QColor::fromString(name);
    return css.isValid() ? css : QColor();
}

QColor thresholdColor(double value, const Thresholds &thresholds, double min, double max)
{
    if (thresholds.steps.isEmpty())
        return grafanaColor(QStringLiteral("green"));
    QString chosen = thresholds.steps.first().color;
    if (!std::isnan(value)) {
        for (const ThresholdStep &s : thresholds.steps) {
            if (!s.value) {
                chosen = s.color; // base (-infinity)
                continue;
            }
            double limit = *s.value;
            if (thresholds.mode == Thresholds::Mode::Percentage)
                limit = min + (max - min) * limit / 100.0;
            if (value >= limit)
                chosen = s.color;
            else
                break;
        }
    }
    const QColor c = grafanaColor(chosen);
    return c.isValid() ? c : grafanaColor(QStringLiteral("green"));
}

} // namespace pharos
