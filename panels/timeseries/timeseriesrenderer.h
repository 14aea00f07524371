#pragma once

#include "dashboards/fields/fieldconfig.h"
#include "datasources/frame.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QTimeZone>
#include <optional>
#include <vector>

class QPainter;

namespace pharos {

/// How one series is drawn. Members after `name` default to a plain line with the
/// renderer's options (line width, fill) on the left axis.
struct SeriesStyle
{
    SeriesStyle(QColor color_ = {}, bool visible_ = true, QString name_ = {})
        : color(std::move(color_)), visible(visible_), name(std::move(name_))
    {
    }
    QColor color;
    bool visible; // false: not drawn and not stacked (legend isolation, hideFrom.viz)
    QString name;
    DrawStyle drawStyle = DrawStyle::Line;
    LineInterpolation interpolation = LineInterpolation::Linear;
    ShowPoints showPoints = ShowPoints::Auto;
    double lineWidth = -1;        // < 0: options().lineWidth
    double fillOpacity = -1;      // 0..100; < 0: options().fillOpacity
    bool gradientOpacity = false; // custom.gradientMode "opacity": fill fades downwards
    double pointSize = 5;
    QList<double> dash; // dash pattern in px (custom.lineStyle); empty = solid
    /// -1: NaN and gaps wider than 1.5 x step break the line. Otherwise NaN is skipped and
    /// gaps up to max(this, 1.5 x step) ms are bridged (custom.spanNulls).
    qint64 spanNullsMs = -1;
    qint64 insertNullsMs = 0; // > 0: gaps wider than this break the line too
    int stackGroup = -1;      // >= 0: stacked on the earlier visible series of the same group
    bool stackPercent = false;
    int axis = 0; // 0 = left, 1 = right
    bool negativeY = false;
    double barWidthFactor = 0.6;
};

/// One y axis.
struct AxisOptions
{
    QString unit;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> softMin;
    std::optional<double> softMax;
    std::optional<int> decimals;
    int logBase = 0;
    QString label;
    bool visible = true; // axisPlacement hidden: no labels, no grid
};

/// A threshold step for the threshold lines/areas: `value` nullopt is the base (-infinity).
struct ThresholdLevel
{
    std::optional<double> value;
    QColor color;
};

/// Everything but the data that decides the picture.
struct TimeSeriesRenderOptions
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 0; // 0 = unknown: use the median sample spacing for gap detection
    // The left axis.
    QString unit;
    std::optional<double> yMin;
    std::optional<double> yMax;
    std::optional<int> decimals;
    int logBase = 0; // custom.scaleDistribution: 0 = linear, else log2/log10 y axis
    std::optional<double> softMin;
    std::optional<double> softMax;
    QString axisLabel;
    bool leftAxisVisible = true;
    /// The right axis, used by series with `axis == 1`.
    AxisOptions rightAxis;
    double fillOpacity = 0; // 0..100, fieldConfig.defaults.custom.fillOpacity
    double lineWidth = 1;   // fieldConfig.defaults.custom.lineWidth
    /// Thresholds drawn on the left axis (custom.thresholdsStyle).
    ThresholdsStyle thresholdsStyle = ThresholdsStyle::Off;
    std::vector<ThresholdLevel> thresholds; // ascending, first is the base
    bool thresholdsPercent = false;         // values are % of the axis range
    bool antialias = true;
    bool drawAxes = true;
    QColor background = Qt::transparent;
    QColor textColor = QColor(0x46, 0x4c, 0x54);
    QColor gridColor = QColor(0, 0, 0, 28);
    QFont font;
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // x-axis labels (the dashboard's zone)
};

/// A QPainter time-series renderer independent of widgets. It draws columnar frames as they
/// are (no copies unless stacked or negated): per pixel column it keeps the first, min, max
/// and last sample (column boundaries found by binary search on the timestamps) and draws one
/// polyline per connected run of a series. A gap wider than 1.5 × step, NaN and ±Inf break
/// the line; a run of a single sample is drawn as a point. Series may be lines, bars or
/// points, stepped or smoothed, stacked (normal or percent, by group), on a left or a right
/// axis, negated; thresholds are drawn as lines and/or areas.
///
/// Its files: timeseriesrenderer.cpp (the mapping, render(): layout, time axis, labels, grid,
/// thresholds), rendereraxes.cpp (y ranges and ticks), rendererstacking.cpp (stacked and
/// negated series), rendererseries.cpp (drawing a series: lines, fills, bars, points).
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
    double yAxisMin(int axis = 0) const;
    double yAxisMax(int axis = 0) const;
    double timeToX(double ms) const;
    double xToTime(double x) const;
    double valueToY(double v, int axis = 0) const;
    double yToValue(double y, int axis = 0) const;
    /// True when the last render drew axis `axis` (0 left, 1 right) with labels.
    bool axisShown(int axis) const;
    /// The y-axis tick labels of the last render (for tests).
    const QStringList &yTickLabels(int axis = 0) const;
    const QStringList &xTickLabels() const { return m_xLabels; }
    /// The values series `index` is drawn with: stacked/negated when so styled, else the
    /// frame itself. Valid after render().
    const Frame *drawnFrame(size_t index) const;
    /// The axis series `index` is drawn on.
    int seriesAxis(size_t index) const;

    /// Index of the sample of `frame` nearest to `ms`, or -1 if none within `maxDistanceMs`.
    static qsizetype nearestIndex(const Frame &frame, qint64 ms, qint64 maxDistanceMs);
    /// The gap threshold used for `frame`: 1.5 × step, or 1.5 × the median spacing.
    qint64 gapThresholdMs(const Frame &frame) const;

private:
    struct Axis
    {
        AxisOptions opt;
        bool used = false;
        bool shown = false;
        bool percent = false; // a percent-stacked axis: 0..1 in percentunit
        double min = 0;       // in axis space (log_base(v) in log mode)
        double max = 1;
        double scale = 0; // px per axis unit
        std::vector<double> ticks;
        QStringList labels;
        double width = 0;
        bool isLog() const { return opt.logBase > 1; }
        double toAxis(double v) const;
        double fromAxis(double a) const;
    };
    struct Derived // stacked and/or negated values of one series
    {
        Frame top;
        std::vector<double> base; // what the series sits on (same timestamps); empty = 0
        bool active = false;
    };
    void prepareDerived();
    void computeYRange(Axis &axis, int index);
    void computeTicks(Axis &axis, double plotHeight);
    void drawThresholds(QPainter *p);
    void drawSeries(QPainter *p, size_t index, const QColor &color);
    void drawDense(QPainter *p, const Frame &f, const double *baseValues, qsizetype i0,
                   qsizetype iEnd, qint64 gap, bool spanNaN, const QColor &color);
    void drawBars(QPainter *p, const Frame &f, const double *base, const SeriesStyle &st,
                  const QColor &color);
    void drawPoints(QPainter *p, const Frame &f, const SeriesStyle &st, const QColor &color,
                    double radius);
    void flushRun(QPainter *p, const QColor &color);

    std::vector<const Frame *> m_frames;
    std::vector<SeriesStyle> m_styles;
    std::vector<Derived> m_derived;
    bool m_derivedDirty = true;
    TimeSeriesRenderOptions m_opt;
    Axis m_axes[2];
    const Axis *m_cur = &m_axes[0]; // the axis of the series being drawn
    QRectF m_plot;
    double m_pxPerMs = 0;
    QStringList m_xLabels;
    std::vector<QPointF> m_run;     // reused between runs and renders
    std::vector<QPointF> m_baseRun; // the stacked base under m_run (empty: the zero line)
    std::vector<QPointF> m_fill;    // reused between runs and renders
    QPen m_pen;                     // the current series' line
    bool m_drawFill = false;
    bool m_drawLine = true;
    bool m_smooth = false;
    bool m_dense = false; // the current series has more samples than 2 per pixel column
    QColor m_fillColor;
    bool m_gradient = false;
    double m_baseY = 0;
    double m_dotRadius = 1.5;
};

} // namespace pharos
