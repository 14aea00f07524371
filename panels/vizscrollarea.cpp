#include "panels/vizscrollarea.h"

#include "dashboards/model/jsonvalue.h"

#include <QResizeEvent>
#include <QScrollBar>

namespace pharos {

VizScrollArea::VizScrollArea(QWidget *view, SizeFunction contentSize, QWidget *parent)
    : QScrollArea(parent), m_contentSize(std::move(contentSize))
{
    setObjectName(QStringLiteral("vizScrollArea"));
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(view->minimumSize());
    // The panel's background shows through, as without the scroll area.
    viewport()->setAutoFillBackground(false);
    view->setAutoFillBackground(false);
    setWidget(view);
}

void VizScrollArea::updateContentSize()
{
    QWidget *view = widget();
    if (!view || !m_contentSize)
        return;
    QSize viewport = maximumViewportSize(); // without scroll bars
    QSize content = m_contentSize(viewport).expandedTo(viewport);
    // A scroll bar takes room from the other direction: size for what is left.
    if (content.height() > viewport.height() || content.width() > viewport.width()) {
        QSize narrower = viewport;
        if (content.height() > viewport.height())
            narrower.rwidth() -= verticalScrollBar()->sizeHint().width();
        if (content.width() > viewport.width())
            narrower.rheight() -= horizontalScrollBar()->sizeHint().height();
        narrower = narrower.expandedTo(QSize(1, 1));
        content = m_contentSize(narrower).expandedTo(narrower);
    }
    if (view->size() != content)
        view->resize(content);
}

void VizScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    updateContentSize();
}

} // namespace pharos

namespace pharos {

QSize VizScrollArea::minCellSize(const QJsonObject &options, const QString &orientation,
                                 QSize autoSize)
{
    const auto px = [&](const char *key, int fallback) {
        const QJsonValue v = options.value(QLatin1String(key));
        return v.isDouble() && v.toDouble() >= 1 ? json::clampedInt(v.toDouble(), 1, 2000)
                                                 : fallback;
    };
    const bool fixed =
        orientation == QLatin1String("horizontal") || orientation == QLatin1String("vertical");
    return QSize(px("minVizWidth", fixed ? 75 : autoSize.width()),
                 px("minVizHeight", fixed ? 75 : autoSize.height()));
}

} // namespace pharos
