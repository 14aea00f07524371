#pragma once

#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/valuemappings.h"
#include "panels/panelseries.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriesrenderer.h"

#include <QImage>
#include <QSet>
#include <optional>

class QListWidget;
class QTreeWidget;
class QBoxLayout;

namespace pharos {

class TimeSeriesPlot;

/// Grafana "timeseries": lines drawn by TimeSeriesRenderer into a cached image, a hover
/// overlay (crosshair + values) drawn over it, and a list or table legend. Clicking a legend
/// entry isolates its series (again: show all); Ctrl/Cmd-click toggles one series.
class TimeSeriesPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesPanel(const PanelModel &model, QWidget *parent = nullptr);
    ~TimeSeriesPanel() override;

    int plotWidthHint() const override;

    // Introspection (tests, export).
    const std::vector<PanelSeries> &series() const { return m_series; }
    bool isSeriesVisible(int index) const { return !m_hidden.contains(index); }
    /// Legend entry names in legend order (empty when the legend is hidden). Series hidden
    /// from the legend (hideFrom.legend) are left out; legend.sortBy/sortDesc order them.
    QStringList legendEntries() const;
    /// The series index of each legend entry.
    const std::vector<int> &legendSeries() const { return m_legendOrder; }
    /// The resolved field config (defaults + overrides) of series `index`.
    const FieldConfig &seriesConfig(int index) const { return m_configs.at(size_t(index)); }
    /// Table legend: the calcs ids shown as columns, and per legend entry the formatted values.
    QStringList legendCalcs() const { return m_calcs; }
    QList<QStringList> legendValues() const { return m_legendValues; }
    QWidget *legendWidget() const;
    /// The plot widget (content area of the lines) and its last rendered image.
    QWidget *plotWidget() const;
    QImage plotImage() const;
    /// How many times the lines were rendered (hover must not add to it).
    int renderCount() const;
    /// The plotting rectangle inside plotWidget(), in widget coordinates.
    QRectF plotRect() const;
    const TimeSeriesRenderer &renderer() const;
    /// The tooltip text for the cursor at `pos` (plotWidget() coordinates); empty outside.
    QString tooltipTextAt(const QPoint &pos) const;
    /// The tooltip text at time `ms`: with `cursorY` (plotWidget() y), single mode picks the
    /// series drawn nearest to it; without (a shared tooltip), every visible series is listed.
    QString tooltipTextAtTime(qint64 ms, std::optional<double> cursorY = std::nullopt) const;

    /// The dashboard's zone: axis labels and tooltip times.
    void setTimeZone(const QTimeZone &zone) override;
    QTimeZone timeZone() const { return m_zone; }
    /// A crosshair at `ms` from another panel (graphTooltip 1, 2); ms < 0 removes it.
    /// With `tooltip` the values at that time are shown too (graphTooltip 2).
    void setSharedHover(qint64 ms, bool tooltip);
    qint64 sharedHoverTime() const { return m_sharedHoverMs; }
    /// The time under the pointer, or -1 when it is not over the plot.
    qint64 hoverTime() const;
    /// The drag selection being made, in plotWidget() x coordinates (empty when none).
    QRectF selectionRect() const;

    /// Applies a legend click on legend entry `index` as Grafana does.
    void legendClicked(int index, Qt::KeyboardModifiers modifiers);

Q_SIGNALS:
    /// The user dragged across the plot: zoom the dashboard to [fromMs, toMs].
    void timeRangeSelected(qint64 fromMs, qint64 toMs);
    /// The user double-clicked the plot: zoom out.
    void zoomOutRequested();
    /// The pointer moved over the plot to time `ms`; -1 when it left.
    void hoverTimeChanged(qint64 ms);

protected:
    bool updateContent(const PanelDataPtr &data) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuildLegend();
    void fitLegendHeight();
    void applyVisibility();
    void resolveSeries();
    /// A value as the legend and tooltip show it: a value mapping's text, else formatted.
    QString valueText(double value, const FieldConfig &config) const;

    TimeSeriesPlot *m_plot = nullptr;
    QWidget *m_body = nullptr;
    QBoxLayout *m_bodyLayout = nullptr;
    QListWidget *m_list = nullptr;
    QTreeWidget *m_table = nullptr;
    std::vector<PanelSeries> m_series;
    FieldConfigResolver m_fieldConfig;
    ValueMappings m_mappings;           // fieldConfig.defaults.mappings (legend values, tooltip)
    std::vector<FieldConfig> m_configs; // per series
    std::vector<SeriesStyle> m_styles;  // per series, before legend isolation
    std::vector<int> m_legendOrder;     // series index per legend entry
    QString m_sortBy;                   // legend.sortBy: a calc's display name or id, "Name"
    bool m_sortDesc = false;
    PanelDataPtr m_drawn; // keeps the frames the series point into alive
    QSet<int> m_hidden;
    QStringList m_calcs;
    QList<QStringList> m_legendValues;
    struct LegendRow // what the legend entry shows now
    {
        QString name;
        QColor color;
        bool visible = false;
        bool styled = false;
    };
    std::vector<LegendRow> m_legendRows;
    QString m_displayMode; // list, table, hidden
    QString m_tooltipSort; // none, asc, desc
    QString m_tooltipMode; // single, multi, none
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    qint64 m_sharedHoverMs = -1;
    bool m_sharedTooltip = false;
    friend class TimeSeriesPlot;
};

} // namespace pharos
