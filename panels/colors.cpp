#include "colors.h"

#include <QHash>
#include <QRegularExpression>
#include <cmath>

namespace pharos {

namespace {

const QHash<QString, QRgb> &namedColors()
{
    static const QHash<QString, QRgb> table = [] {
        QHash<QString, QRgb> t;
        // hue: super-light, light, (base), semi-dark, dark
        const struct
        {
            const char *hue;
            QRgb shades[5];
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
        return t;
    }();
    return table;
}

const QRgb kClassic[] = {
    0x7EB26D, 0xEAB839, 0x6ED0E0, 0xEF843C, 0xE24D42, 0x1F78C1, 0xBA43A9, 0x705DA0,
    0x508642, 0xCCA300, 0x447EBC, 0xC15C17, 0x890F02, 0x0A437C, 0x6D1F62, 0x584477,
    0xB7DBAB, 0xF4D598, 0x70DBED, 0xF9BA8F, 0xF29191, 0x82B5D8, 0xE5A8E2, 0xAEA2E0,
    0x629E51, 0xE5AC0E, 0x64B0C8, 0xE0752D, 0xBF1B00, 0x0A50A1, 0x962D82, 0x614D93,
    0x9AC48A, 0xF2C96D, 0x65C5DB, 0xF9934E, 0xEA6460, 0x5195CE, 0xD683CE, 0x806EB7,
    0x3F6833, 0x967302, 0x2F575E, 0x99440A, 0x58140C, 0x052B51, 0x511749, 0x3F2B5B,
    0xE0F9D7, 0xFCEACA, 0xCFFAFF, 0xF9E2D2, 0xFCE2DE, 0xBADFF4, 0xF9D9F9, 0xDEDAF7,
};

} // namespace

int classicPaletteSize()
{
    return int(sizeof(kClassic) / sizeof(kClassic[0]));
}

QColor classicPaletteColor(int index)
{
    const int n = classicPaletteSize();
    return QColor::fromRgb(kClassic[((index % n) + n) % n]);
}

QColor grafanaColor(const QString &nameIn, const QColor &textColor)
{
    const QString name = nameIn.trimmed().toLower();
    if (name.isEmpty())
        return {};
    if (name == QLatin1String("transparent"))
        return QColor(0, 0, 0, 0);
    if (name == QLatin1String("text"))
        return textColor;
    auto it = namedColors().constFind(name);
    if (it != namedColors().constEnd())
        return QColor::fromRgba(*it);
    if (name.startsWith(QLatin1Char('#'))) {
        const QString hex = name.mid(1);
        bool ok = false;
        const uint v = hex.toUInt(&ok, 16);
        if (!ok)
            return {};
        if (hex.size() == 3)
            return QColor(((v >> 8) & 0xF) * 17, ((v >> 4) & 0xF) * 17, (v & 0xF) * 17);
        if (hex.size() == 6)
            return QColor::fromRgb(v);
        if (hex.size() == 8)
            return QColor((v >> 24) & 0xFF, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
        return {};
    }
    static const QRegularExpression rgbRe(QStringLiteral(
        R"(^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$)"));
    const QRegularExpressionMatch m = rgbRe.match(name);
    if (m.hasMatch()) {
        const auto comp = [&](int i) {
            return std::clamp(int(std::lround(m.captured(i).toDouble())), 0, 255);
        };
        QColor c(comp(1), comp(2), comp(3));
        if (!m.captured(4).isEmpty())
            c.setAlphaF(float(std::clamp(m.captured(4).toDouble(), 0.0, 1.0)));
        return c;
    }
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
