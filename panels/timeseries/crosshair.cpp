#include "panels/timeseries/crosshair.h"

#include "panels/timeseries/timeseriespanel.h"

namespace pharos {

CrosshairSync::CrosshairSync(QObject *parent) : QObject(parent) {}

void CrosshairSync::setMode(int graphTooltip)
{
    m_mode =
        (graphTooltip == SharedCrosshair || graphTooltip == SharedTooltip) ? graphTooltip : Default;
    if (m_mode == Default) {
        for (const QPointer<TimeSeriesPanel> &p : std::as_const(m_panels))
            if (p)
                p->setSharedHover(-1, false);
    }
}

void CrosshairSync::addPanel(TimeSeriesPanel *panel)
{
    if (!panel)
        return;
    m_panels.append(panel);
    connect(panel, &TimeSeriesPanel::hoverTimeChanged, this,
            [this, panel](qint64 ms) { onHover(panel, ms); });
}

void CrosshairSync::clear()
{
    for (const QPointer<TimeSeriesPanel> &p : std::as_const(m_panels))
        if (p)
            p->disconnect(this);
    m_panels.clear();
}

void CrosshairSync::onHover(TimeSeriesPanel *source, qint64 ms)
{
    if (m_mode == Default)
        return;
    for (const QPointer<TimeSeriesPanel> &p : std::as_const(m_panels)) {
        if (p && p != source)
            p->setSharedHover(ms, m_mode == SharedTooltip);
    }
}

} // namespace pharos
