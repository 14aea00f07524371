#pragma once

#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/valuemappings.h"
#include "panels/panelseries.h"
#include "panels/panelwidget.h"
#include "panels/reducedvalues.h"

namespace pharos {

class StatView;
class VizScrollArea;

/// Grafana "stat": one reduced value per series (a grid when there are several), with
/// the unit, threshold colours (colorMode value/background/none) and an area sparkline.
/// justifyMode "auto" centres a single stat and left-aligns several; "center" centres all.
class StatPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit StatPanel(const PanelModel &model, QWidget *parent = nullptr);

    struct Stat
    {
        QString name; // series name (shown when there are several)
        double value = 0;
        QString text; // formatted with unit and decimals
        QColor color; // threshold / palette / fixed colour
        const Frame *frame = nullptr;
        /// options.showPercentChange: the change from the first value, in percent.
        std::optional<double> percentChange;
    };
    const QList<Stat> &stats() const { return m_stats; }
    QStringList statTexts() const;
    QList<QColor> statColors() const;
    QString calc() const { return m_calc; }
    QString colorMode() const { return m_colorMode; }
    QString graphMode() const { return m_graphMode; }
    QString textMode() const { return m_textMode; }
    QString orientation() const { return m_orientation; }
    /// Text alignment: "auto" (one stat centred, several left-aligned) or "center".
    QString justifyMode() const { return m_justifyMode; }
    /// options.text: fixed name and value font sizes (unset: sized to fit the cell).
    const TextSizes &textSizes() const { return m_textSizes; }
    /// options.wideLayout (default on): a cell more than 2.5 times wider than tall shows the
    /// name left and the value right on one line.
    bool wideLayout() const { return m_wideLayout; }
    /// options.showPercentChange / percentChangeColorMode (standard, inverted, same_as_value).
    bool showsPercentChange() const { return m_showPercentChange; }
    QString percentChangeColorMode() const { return m_percentChangeColorMode; }
    /// A percent change as shown: its absolute value with three significant digits ("12.3%").
    static QString percentChangeText(double change);
    /// True when reduceOptions.fields names the time field: each stat is a point's time.
    bool showsTime() const { return m_timeField; }
    /// The grid the stats are laid out in for a view of `size`: columns x rows. Cells never
    /// get smaller than minCellSize(): when they would, the stats wrap into as many columns of
    /// that width as fit, and the view grows (the panel scrolls).
    QSize layoutGrid(const QSize &size) const;
    /// The smallest cell of several stats: options.minVizWidth / minVizHeight when set, else
    /// Grafana's 75 x 75 px with a fixed orientation and 40 x 24 px (still legible) in the auto
    /// grid.
    QSize minCellSize() const;
    /// The size the stat view needs in a viewport of `viewport` (larger when it scrolls).
    QSize contentSizeFor(const QSize &viewport) const;
    QWidget *statView() const;

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    StatView *m_view = nullptr;
    VizScrollArea *m_scroll = nullptr;
    QSize m_minCell;
    QList<Stat> m_stats;
    PanelDataPtr m_drawn; // keeps the frames the series point into alive
    QString m_calc;
    QString m_colorMode;   // value, background, background_solid, none
    QString m_graphMode;   // area, none
    QString m_textMode;    // auto, value, value_and_name, name, none
    QString m_orientation; // auto, horizontal, vertical
    QString m_justifyMode; // auto, center
    TextSizes m_textSizes;
    bool m_wideLayout = true;
    bool m_showPercentChange = false;
    QString m_percentChangeColorMode;
    bool m_timeField = false;
    FieldConfigResolver m_fieldConfig;
    ValueMappings m_mappings;
};

} // namespace pharos
