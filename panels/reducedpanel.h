#pragma once

#include "dashboards/fields/valuemappings.h"
#include "panels/panelwidget.h"
#include "panels/reducedvalues.h"
#include "panels/vizscrollarea.h"

#include <vector>

namespace pharos {

/// What the gauge and the bar gauge share: each series reduced to one value (the calc of
/// options.reduceOptions, value mappings applied) and drawn against a range (displayRange()),
/// with options.orientation and options.text, in a view that scrolls (VizScrollArea) when the
/// values do not fit.
class ReducedPanel : public PanelWidget
{
    Q_OBJECT
public:
    double rangeMin() const { return m_lo; }
    double rangeMax() const { return m_hi; }
    /// options.text: fixed name and value font sizes (unset: sized to fit).
    const TextSizes &textSizes() const { return m_textSizes; }
    /// Where `value` stands between rangeMin() and rangeMax(), 0..1 (0 for NaN or an empty
    /// range).
    double fractionOf(double value) const;
    /// The names and the formatted values shown, one per reduced value (tests, accessibility).
    QStringList valueNames() const;
    QStringList valueTexts() const;

protected:
    /// Reads the shared options of `model`.
    explicit ReducedPanel(const PanelModel &model, QWidget *parent = nullptr);
    /// Shows `view` in the scroll area, sized with `contentSize`.
    void setView(QWidget *view, VizScrollArea::SizeFunction contentSize);
    /// Reduces the series of `data` into m_values against the range and redraws the view.
    bool updateContent(const PanelDataPtr &data) override;

    VizScrollArea *m_scroll = nullptr;
    std::vector<ReducedValue> m_values;
    PanelDataPtr m_drawn;
    ValueMappings m_mappings;
    QString m_calc;
    QString m_orientation; // auto, horizontal, vertical
    TextSizes m_textSizes;
    double m_lo = 0;
    double m_hi = 100;
};

} // namespace pharos
