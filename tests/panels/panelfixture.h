// Builders for panel unit tests: synthetic frames, panel models and panel data.
#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"

#include <QColor>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace pharos::testing {

constexpr qint64 kT0 = 1'700'000'000'000; // ms

inline Frame makeFrame(const Labels &labels, qint64 start, qint64 step, const QList<double> &values)
{
    Frame f;
    f.labels = labels;
    for (int i = 0; i < values.size(); ++i) {
        f.timestamps.push_back(start + i * step);
        f.values.push_back(values[i]);
    }
    return f;
}

/// A panel model from panel JSON; the typed defaults are read from fieldConfig.defaults.
inline PanelModel makeModel(const QByteArray &panelJson)
{
    PanelModel m;
    m.json = QJsonDocument::fromJson(panelJson).object();
    m.type = m.json.value("type").toString();
    m.title = m.json.value("title").toString();
    m.id = m.json.value("id").toInt(1);
    const QJsonObject d = m.json.value("fieldConfig").toObject().value("defaults").toObject();
    m.defaults.unit = d.value("unit").toString();
    if (d.contains("min"))
        m.defaults.min = d.value("min").toDouble();
    if (d.contains("max"))
        m.defaults.max = d.value("max").toDouble();
    if (d.contains("decimals"))
        m.defaults.decimals = d.value("decimals").toInt();
    const QJsonObject th = d.value("thresholds").toObject();
    m.defaults.thresholds.mode = th.value("mode").toString() == QLatin1String("percentage")
                                     ? Thresholds::Mode::Percentage
                                     : Thresholds::Mode::Absolute;
    for (const QJsonValue &s : th.value("steps").toArray()) {
        ThresholdStep step;
        step.color = s.toObject().value("color").toString();
        if (!s.toObject().value("value").isNull())
            step.value = s.toObject().value("value").toDouble();
        m.defaults.thresholds.steps << step;
    }
    m.defaults.colorMode = d.value("color").toObject().value("mode").toString();
    m.defaults.fixedColor = d.value("color").toObject().value("fixedColor").toString();
    for (const QJsonValue &t : m.json.value("targets").toArray()) {
        Target tg;
        tg.refId = t.toObject().value("refId").toString();
        tg.expr = t.toObject().value("expr").toString();
        tg.legendFormat = t.toObject().value("legendFormat").toString();
        tg.format = t.toObject().value("format").toString("time_series");
        m.targets << tg;
    }
    return m;
}

inline TargetResult makeTarget(const QString &refId, std::vector<Frame> frames,
                               const QString &legendFormat = {})
{
    TargetResult t;
    t.refId = refId;
    t.legendFormat = legendFormat;
    t.result.type = ResultType::Matrix;
    t.result.frames = std::move(frames);
    return t;
}

inline TargetResult makeFailedTarget(const QString &refId, const QString &detail)
{
    TargetResult t;
    t.refId = refId;
    t.error.kind = DataSourceError::Kind::QueryError;
    t.error.errorType = QStringLiteral("bad_data");
    t.error.detail = detail;
    return t;
}

inline PanelDataPtr makeData(std::vector<TargetResult> targets, qint64 from, qint64 to, qint64 step)
{
    auto d = std::make_shared<PanelData>();
    d->fromMs = from;
    d->toMs = to;
    d->stepMs = step;
    d->intervalMs = step;
    d->targets = std::move(targets);
    return d;
}

/// True when `c` (unpremultiplied) is `want` within `tol` per channel and visibly opaque.
/// The colour of the pixel at `pos` (rounded) of `img`.
inline QColor pixelAt(const QImage &img, QPointF pos)
{
    return img.pixelColor(int(std::lround(pos.x())), int(std::lround(pos.y())));
}

inline bool near(const QColor &c, const QColor &want, int tol = 40, int minAlpha = 90)
{
    return c.alpha() >= minAlpha && std::abs(c.red() - want.red()) <= tol &&
           std::abs(c.green() - want.green()) <= tol && std::abs(c.blue() - want.blue()) <= tol;
}

/// Pixels of colour `want` in the columns [x0, x1) and rows [y0, y1) of `img`.
inline int countColor(const QImage &img, const QColor &want, int x0, int x1, int y0, int y1,
                      int tol = 40)
{
    const QImage im = img.convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    x0 = std::max(0, x0);
    y0 = std::max(0, y0);
    x1 = std::min(im.width(), x1);
    y1 = std::min(im.height(), y1);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (near(im.pixelColor(x, y), want, tol))
                ++n;
    return n;
}

} // namespace pharos::testing
