#pragma once

#include "frame.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

class QPainter;

namespace pharos {

/// How one series is drawn.
struct SeriesStyle
{
    QColor color;
    bool visible = true;
    QString name;
};

/// Everything but the data that decides the picture.
struct TimeSeriesRenderOptions
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 0; // 0 = unknown: use the median sample spacing for gap detection
    QString unit;
    std::optional<double> yMin;
    std::optional<double> yMax;
    std::optional<int> decimals;
    int logBase = 0;        // custom.scaleDistribution: 0 = linear, else log2/log10 y axis
    double fillOpacity = 0; // 0..100, fieldConfig.defaults.custom.fillOpacity
    double lineWidth = 1;   // fieldConfig.defaults.custom.lineWidth
    bool antialias = true;
    bool drawAxes = true;
    QColor background = Qt::transparent;
    QColor textColor = QColor(0x46, 0x4c, 0x54);
    QColor gridColor = QColor(0, 0, 0, 28);
    QFont font;
};

/// A QPainter time-series renderer independent of widgets. It draws columnar frames as they
/// are (no copies): per pixel column it keeps the first, min, max and last sample (column
/// boundaries found by binary search on the timestamps) and draws one polyline per connected
/// run of a series. A gap wider than 1.5 × step, NaN and ±Inf break the line; a run of a
/// single sample is drawn as a point.
class TimeSeriesRenderer
{
public:
    /// The frames must outlive the renderer's use of them (keep the PanelDataPtr).
    void setFrames(std::vector<const Frame *> frames);
    /// One style per frame; missing styles use the classic palette, visible.
    void setStyles(std::vector<SeriesStyle> styles);
    void setOptions(const TimeSeriesRenderOptions &options);
    const TimeSeriesRenderOptions &options() const { return m_opt; }
    const std::vector<const Frame *> &frames() const { return m_frames; }
    const std::vector<SeriesStyle> &styles() const { return m_styles; }

    /// Draws axes, grid and series into `rect` of `painter`.
    void render(QPainter *painter, const QRectF &rect);

    /// Valid after render(): the plotting area and the mapping.
    QRectF plotRect() const { return m_plot; }
    /// The y-axis bounds as values (in log mode the transformed bounds are converted back).
    double yAxisMin() const { return fromAxis(m_yMin); }
    double yAxisMax() const { return fromAxis(m_yMax); }
    double timeToX(double ms) const;
    double xToTime(double x) const;
    double valueToY(double v) const;
    double yToValue(double y) const;
    /// The y-axis tick labels of the last render (for tests).
    const QStringList &yTickLabels() const { return m_yLabels; }
    const QStringList &xTickLabels() const { return m_xLabels; }

    /// Index of the sample of `frame` nearest to `ms`, or -1 if none within `maxDistanceMs`.
    static qsizetype nearestIndex(const Frame &frame, qint64 ms, qint64 maxDistanceMs);
    /// The gap threshold used for `frame`: 1.5 × step, or 1.5 × the median spacing.
    qint64 gapThresholdMs(const Frame &frame) const;

private:
    bool isLog() const { return m_opt.logBase > 1; }
    double toAxis(double v) const; // value -> axis space (log_base(v) in log mode)
    double fromAxis(double a) const;
    void computeYRange();
    void drawSeries(QPainter *p, const Frame &f, const QColor &color);
    void flushRun(QPainter *p, const QColor &color);

    std::vector<const Frame *> m_frames;
    std::vector<SeriesStyle> m_styles;
    TimeSeriesRenderOptions m_opt;
    QRectF m_plot;
    double m_yMin = 0;
    double m_yMax = 1;
    double m_pxPerMs = 0;
    double m_yScale = 0;
    QStringList m_yLabels;
    QStringList m_xLabels;
    std::vector<QPointF> m_run;  // reused between runs and renders
    std::vector<QPointF> m_fill; // reused between runs and renders
    QPen m_pen;                  // the current series' line
    bool m_drawFill = false;
    double m_baseY = 0;
};

} // namespace pharos
