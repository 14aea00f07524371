#pragma once

#include "dashboards/fields/valuemappings.h"
#include "panels/panelwidget.h"
#include "panels/reducedvalues.h"

namespace pharos {

class PieChartView;

/// Grafana "piechart": one slice per series, sized by its reduced value (reduceOptions.calcs),
/// in the classic palette (or the panel's colour mode). pieType "pie" or "donut"; slice labels
/// per displayLabels (name, value, percent); a legend (options.legend: displayMode list/table/
/// hidden, placement right/bottom, values value/percent).
class PieChartPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit PieChartPanel(const PanelModel &model, QWidget *parent = nullptr);

    struct Slice
    {
        QString name;
        double value = 0;
        QString text;        // the value formatted (or mapped)
        double percent = 0;  // share of the total, 0..100
        QString percentText; // e.g. "25%"
        QColor color;
        double startDeg = 0; // Qt angles: 0 = 3 o'clock, counter-clockwise
        double spanDeg = 0;  // negative: slices run clockwise from 12 o'clock
    };
    const QList<Slice> &slices() const { return m_slices; }
    /// The legend lines as shown: name, then the enabled values, tab-separated.
    QStringList legendLines() const;
    bool isDonut() const { return m_donut; }
    bool legendVisible() const { return m_legendMode != QLatin1String("hidden"); }
    /// Legend mode "table": a header row names the columns (see legendHeader()).
    bool isLegendTable() const;
    /// The table legend's header: "Name", then the enabled values; empty in list mode.
    QStringList legendHeader() const;
    QString legendPlacement() const { return m_legendPlacement; }
    /// The tooltip for a point of chartView(): the slice under it ("single", the default), every
    /// slice with that one first ("multi"), or nothing ("none", or no slice there).
    QString toolTipAt(QPointF pos) const;
    QString tooltipMode() const { return m_tooltipMode; }
    QWidget *chartView() const;
    /// A point inside slice `index` (halfway along its arc, in the middle of the ring), in
    /// chartView() coordinates.
    QPointF slicePoint(int index) const;
    /// The centre of the pie in chartView() coordinates.
    QPointF pieCenter() const;

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    friend class PieChartView;
    PieChartView *m_view = nullptr;
    QList<Slice> m_slices;
    ValueMappings m_mappings;
    QString m_calc;
    bool m_donut = false;
    QStringList m_displayLabels; // name, value, percent
    QString m_legendMode;        // list, table, hidden
    QString m_legendPlacement;   // right, bottom
    QString m_tooltipMode;       // options.tooltip.mode: single, multi, none
    QStringList m_legendValues;  // value, percent
};

} // namespace pharos
