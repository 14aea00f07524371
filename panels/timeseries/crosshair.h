#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

namespace pharos {

class TimeSeriesPanel;

/// Shares the pointer's time across a dashboard's time-series panels, following the
/// dashboard's `graphTooltip`: 0 = each panel on its own, 1 = a shared crosshair on every
/// other panel, 2 = a shared crosshair and tooltip.
class CrosshairSync : public QObject
{
    Q_OBJECT
public:
    enum Mode { Default = 0, SharedCrosshair = 1, SharedTooltip = 2 };

    explicit CrosshairSync(QObject *parent = nullptr);

    void setMode(int graphTooltip);
    int mode() const { return m_mode; }
    void addPanel(TimeSeriesPanel *panel);
    void clear();

private:
    void onHover(TimeSeriesPanel *source, qint64 ms);

    int m_mode = Default;
    QList<QPointer<TimeSeriesPanel>> m_panels;
};

} // namespace pharos
