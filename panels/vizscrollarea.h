#pragma once

#include <QJsonObject>
#include <QScrollArea>
#include <functional>

namespace pharos {

/// Holds the view of a stat, gauge or bar gauge panel. Like Grafana's VizRepeater with
/// minVizWidth/minVizHeight, the values never shrink below a minimum size: when they do not
/// all fit, the view grows past the panel and the panel scrolls. `contentSize(viewport)` says
/// how large the view must be for a viewport of that size (the viewport's size when all fit).
class VizScrollArea : public QScrollArea
{
public:
    using SizeFunction = std::function<QSize(const QSize &viewport)>;
    VizScrollArea(QWidget *view, SizeFunction contentSize, QWidget *parent = nullptr);
    /// Sizes the view again (the values or the options changed).
    void updateContentSize();

    /// The smallest cell of one value: the panel's `options.minVizWidth`/`minVizHeight` (1 to
    /// 2,000 px); else Grafana's 75 px for a fixed horizontal/vertical orientation, or
    /// `autoSize` in the auto grid.
    static QSize minCellSize(const QJsonObject &options, const QString &orientation,
                             QSize autoSize);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    SizeFunction m_contentSize;
};

} // namespace pharos
