#include "panels/reducedpanel.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace pharos {

ReducedPanel::ReducedPanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    m_calc = reduceCalc(model);
    m_orientation = options.value(QLatin1String("orientation")).toString(QStringLiteral("auto"));
    m_textSizes = TextSizes::fromPanel(model);
    m_mappings = ValueMappings::fromPanel(model.json);
}

void ReducedPanel::setView(QWidget *view, VizScrollArea::SizeFunction contentSize)
{
    m_scroll = new VizScrollArea(view, std::move(contentSize));
    setContentWidget(m_scroll);
}

double ReducedPanel::fractionOf(double value) const
{
    if (!(m_hi > m_lo) || std::isnan(value))
        return 0;
    return std::clamp((value - m_lo) / (m_hi - m_lo), 0.0, 1.0);
}

bool ReducedPanel::updateContent(const PanelDataPtr &data)
{
    m_drawn = data;
    std::tie(m_lo, m_hi) = displayRange(model(), *data);
    m_values = reduceSeries(model(), *data, m_calc, m_mappings, m_lo, m_hi);
    m_scroll->updateContentSize();
    m_scroll->widget()->update();
    return !m_values.empty();
}

QStringList ReducedPanel::valueNames() const
{
    QStringList out;
    for (const ReducedValue &v : m_values)
        out << v.name;
    return out;
}

QStringList ReducedPanel::valueTexts() const
{
    QStringList out;
    for (const ReducedValue &v : m_values)
        out << v.text;
    return out;
}

} // namespace pharos
