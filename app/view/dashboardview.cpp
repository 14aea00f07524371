#include "app/view/dashboardview.h"

#include "dashboards/layout/layout.h"
#include "dashboards/layout/repeat.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/crosshair.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QToolButton>
#include <algorithm>
#include <cmath>
#include <limits>

namespace pharos {

/// A row panel: its title and a collapse arrow; a click anywhere toggles it.
class RowHeader : public QWidget
{
    Q_OBJECT
public:
    RowHeader(const PanelModel &row, QWidget *parent) : QWidget(parent), m_id(row.id)
    {
        setObjectName(QStringLiteral("row-%1").arg(row.id));
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_arrow = new QToolButton(this);
        m_arrow->setAutoRaise(true);
        m_arrow->setToolTip(tr("Collapse or expand this row"));
        layout->addWidget(m_arrow);
        m_title = new QLabel(row.title.isEmpty() ? tr("Row") : row.title, this);
        m_title->setTextFormat(Qt::PlainText);
        QFont f = m_title->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        m_title->setFont(f);
        layout->addWidget(m_title, 1);
        setCursor(Qt::PointingHandCursor);
        connect(m_arrow, &QToolButton::clicked, this, [this] { Q_EMIT toggled(m_id); });
    }
    void mouseReleaseEvent(QMouseEvent *event) override { event->accept(); }
    void setCollapsed(bool collapsed)
    {
        m_arrow->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    }
    QString title() const { return m_title->text(); }
    void setTitle(const QString &title) { m_title->setText(title.isEmpty() ? tr("Row") : title); }

Q_SIGNALS:
    void toggled(int rowId);

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton) {
            event->accept();
            Q_EMIT toggled(m_id);
            return;
        }
        QWidget::mousePressEvent(event);
    }

private:
    int m_id;
    QToolButton *m_arrow;
    QLabel *m_title;
};

DashboardView::DashboardView(DataSourceRegistry *registry, QWidget *parent)
    : QScrollArea(parent), m_registry(registry), m_scheduler(new QueryScheduler(registry, this)),
      m_vars(new VariableSet(registry, this)), m_canvas(new QWidget),
      m_crosshair(new CrosshairSync(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    m_canvas->setObjectName(QStringLiteral("dashboardCanvas"));
    m_canvas->setAutoFillBackground(true);
    setWidget(m_canvas);
    setWidgetResizable(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFrameShape(QFrame::NoFrame);
    connect(m_scheduler, &QueryScheduler::panelLoading, this, &DashboardView::onPanelLoading);
    connect(m_scheduler, &QueryScheduler::panelDataReady, this, &DashboardView::onPanelData);
    connect(m_scheduler, &QueryScheduler::idle, this, &DashboardView::idle);
    // Connected before the scheduler's own connection: panels are expanded again before the
    // scheduler re-queries.
    connect(m_vars, &VariableSet::updated, this, &DashboardView::onVariablesUpdated);
    m_scheduler->setVariables(m_vars);
}

DashboardView::~DashboardView() = default;

void DashboardView::clear()
{
    m_scheduler->setPanels({});
    m_crosshair->clear();
    qDeleteAll(m_panels);
    m_panels.clear();
    m_panelOrder.clear();
    qDeleteAll(m_rows);
    m_rows.clear();
    m_rowOrder.clear();
    m_collapsed.clear();
    m_knownRows.clear();
    m_laidOut.clear();
    m_inView.clear();
    m_topLevel.clear();
    m_source.clear();
    m_vars->clear(); // the variables bar empties too
    m_openedVariables = {};
    m_variablesSettled = false;
    m_viewPanel = 0;
}

namespace {
/// What updatePanels() cannot change without loading the dashboard again.
QJsonObject panelIndependentSettings(const Dashboard &dashboard)
{
    const QJsonObject json = dashboard.toJson();
    QJsonObject o;
    for (const char *key : {"templating", "timezone", "graphTooltip"})
        o.insert(QLatin1String(key), json.value(QLatin1String(key)));
    return o;
}

bool sameApartFromGridPos(QJsonObject a, QJsonObject b)
{
    a.remove(QLatin1String("gridPos"));
    b.remove(QLatin1String("gridPos"));
    return a == b;
}
} // namespace

bool DashboardView::updatePanels(const Dashboard &dashboard)
{
    if (panelIndependentSettings(dashboard) != m_shownSettings)
        return false;
    m_source = dashboard.panels();
    syncPanels(expandRepeats(m_source, m_vars->context()));
    m_scheduler->requery();
    return true;
}

void DashboardView::setDashboard(const Dashboard &dashboard, const std::optional<TimeRange> &range)
{
    m_settingDashboard = true;
    clear();
    m_source = dashboard.panels();
    m_shownSettings = panelIndependentSettings(dashboard);
    m_zone = dashboardTimeZone(dashboard.timezone());
    m_scheduler->setTimeZone(m_zone);
    m_crosshair->setMode(dashboard.toJson().value(QLatin1String("graphTooltip")).toInt(0));
    m_vars->load(dashboard);
    m_openedVariables = {};
    m_variablesSettled = false;
    // The file's selections apply at once; the refresh below replaces them when needed.
    syncPanels(expandRepeats(m_source, m_vars->context()));
    TimeRange varRange;
    varRange.from = range ? range->from : dashboard.timeFrom();
    varRange.to = range ? range->to : dashboard.timeTo();
    if (const auto resolved = varRange.resolve(QDateTime::currentDateTimeUtc(), m_zone))
        m_vars->setTimeRange(*resolved);
    m_vars->refresh(); // asynchronous: updated() re-expands and re-queries
    m_settingDashboard = false;
}

void DashboardView::onVariablesUpdated()
{
    if (!m_variablesSettled) {
        m_variablesSettled = true;
        m_openedVariables = m_vars->toJson(true);
    }
    syncPanels(expandRepeats(m_source, m_vars->context()));
    if (!m_settingDashboard)
        m_scheduler->requery();
}

void DashboardView::syncPanels(const QList<PanelModel> &expanded)
{
    QHash<int, const PanelModel *> wantedPanels;
    QHash<int, const PanelModel *> wantedRows;
    QList<int> panelOrder, rowOrder;
    for (const PanelModel &p : expanded) {
        if (p.isRow()) {
            if (wantedRows.contains(p.id))
                continue;
            wantedRows.insert(p.id, &p);
            rowOrder.append(p.id);
            for (const PanelModel &child : p.children) {
                if (!wantedPanels.contains(child.id)) {
                    wantedPanels.insert(child.id, &child);
                    panelOrder.append(child.id);
                }
            }
        } else if (!wantedPanels.contains(p.id)) {
            wantedPanels.insert(p.id, &p);
            panelOrder.append(p.id);
        }
    }

    bool changed = false;
    // Panels: kept when only the title changed, created anew when anything else did.
    for (auto it = m_panels.begin(); it != m_panels.end();) {
        const PanelModel *want = wantedPanels.value(it.key());
        const PanelModel &have = it.value()->model();
        // (a move keeps the widget: the layout places it)
        if (!want || want->type != have.type || !sameApartFromGridPos(want->json, have.json)) {
            delete it.value();
            it = m_panels.erase(it);
            changed = true;
        } else {
            if (want->title != have.title || want->description != have.description)
                it.value()->setTitle(want->title, want->description);
            ++it;
        }
    }
    for (int id : std::as_const(panelOrder)) {
        if (m_panels.contains(id))
            continue;
        const PanelModel &p = *wantedPanels.value(id);
        PanelWidget *w = PanelWidget::create(p, m_canvas);
        w->setTimeZone(m_zone);
        connect(w, &PanelWidget::linkActivated, this, &DashboardView::panelLinkActivated);
        connect(w, &PanelWidget::urlActivated, this, &DashboardView::panelUrlActivated);
        if (m_panelMenu)
            w->setMenuActions(m_panelMenu(w));
        if (auto *ts = qobject_cast<TimeSeriesPanel *>(w)) {
            connect(ts, &TimeSeriesPanel::timeRangeSelected, this,
                    &DashboardView::timeRangeSelected);
            connect(ts, &TimeSeriesPanel::zoomOutRequested, this, &DashboardView::zoomOutRequested);
            m_crosshair->addPanel(ts);
        }
        m_panels.insert(id, w);
        w->hide();
        changed = true;
    }
    m_panelOrder = panelOrder;

    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (!wantedRows.contains(it.key())) {
            delete it.value();
            m_collapsed.remove(it.key());
            it = m_rows.erase(it);
            changed = true;
        } else {
            it.value()->setTitle(wantedRows.value(it.key())->title);
            ++it;
        }
    }
    for (int id : std::as_const(rowOrder)) {
        const PanelModel &row = *wantedRows.value(id);
        if (!m_knownRows.contains(id)) {
            m_knownRows.insert(id);
            if (row.collapsed)
                m_collapsed.insert(id);
        }
        if (m_rows.contains(id))
            continue;
        auto *header = new RowHeader(row, m_canvas);
        connect(header, &RowHeader::toggled, this, &DashboardView::toggleRow);
        m_rows.insert(id, header);
        changed = true;
    }
    m_rowOrder = rowOrder;
    m_knownRows.intersect(QSet<int>(rowOrder.cbegin(), rowOrder.cend()));

    m_topLevel = expanded;
    // The scheduler gets every panel with its scoped values (the queries of repeat clones).
    m_scheduler->setPanels(drawablePanels(m_topLevel));
    m_inView.clear(); // the scheduler's panels start visible: tell it again
    relayout();
    if (changed && !m_settingDashboard)
        Q_EMIT panelsChanged();
}

bool DashboardView::updateLayout(const Dashboard &dashboard)
{
    const QList<PanelModel> &next = dashboard.panels();
    if (next.size() != m_source.size())
        return false;
    auto sameExceptPosition = [](const PanelModel &a, const PanelModel &b) {
        QJsonObject ja = a.json;
        QJsonObject jb = b.json;
        ja.remove(QLatin1String("gridPos"));
        jb.remove(QLatin1String("gridPos"));
        if (a.isRow()) { // a collapsed row's panels move with it
            ja.remove(QLatin1String("panels"));
            jb.remove(QLatin1String("panels"));
        }
        return a.id == b.id && ja == jb && a.children.size() == b.children.size();
    };
    QHash<int, const PanelModel *> shown;
    for (const PanelModel &p : std::as_const(m_source))
        shown.insert(p.id, &p);
    for (const PanelModel &p : next) {
        const PanelModel *old = shown.value(p.id);
        if (!old || !sameExceptPosition(*old, p))
            return false;
        for (qsizetype i = 0; i < p.children.size(); ++i) {
            if (!sameExceptPosition(old->children.at(i), p.children.at(i)))
                return false;
        }
    }
    // The repeats must give the same panels and rows as shown.
    const QList<PanelModel> expanded = expandRepeats(next, m_vars->context());
    QSet<int> panels, rows;
    for (const PanelModel &p : expanded) {
        if (p.isRow()) {
            rows.insert(p.id);
            for (const PanelModel &c : p.children)
                panels.insert(c.id);
        } else {
            panels.insert(p.id);
        }
    }
    if (panels != QSet<int>(m_panelOrder.cbegin(), m_panelOrder.cend()) ||
        rows != QSet<int>(m_rowOrder.cbegin(), m_rowOrder.cend()))
        return false;
    m_source = next;
    m_topLevel = expanded;
    relayout();
    return true;
}

void DashboardView::setViewPanel(int panelId)
{
    if (panelId != 0 && !m_panels.contains(panelId))
        panelId = 0;
    if (m_viewPanel == panelId)
        return;
    m_viewPanel = panelId;
    relayout();
}

void DashboardView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_scheduler->setTimeZone(m_zone);
    for (PanelWidget *w : std::as_const(m_panels))
        w->setTimeZone(m_zone);
}

void DashboardView::setExportMode(bool on)
{
    m_exportMode = on;
    updateVisibility();
}

void DashboardView::setLayoutWidth(int widthPx)
{
    m_layoutWidth = std::max(0, widthPx);
    relayout();
}

QList<PanelWidget *> DashboardView::panelWidgets() const
{
    QList<PanelWidget *> list;
    for (int id : m_panelOrder)
        list.append(m_panels.value(id));
    return list;
}

PanelWidget *DashboardView::panelWidget(int panelId) const
{
    return m_panels.value(panelId);
}

QList<int> DashboardView::rowIds() const
{
    return m_rowOrder;
}

bool DashboardView::isRowCollapsed(int rowId) const
{
    return m_collapsed.contains(rowId);
}

void DashboardView::setRowCollapsed(int rowId, bool collapsed)
{
    if (!m_rows.contains(rowId) || m_collapsed.contains(rowId) == collapsed)
        return;
    if (collapsed)
        m_collapsed.insert(rowId);
    else
        m_collapsed.remove(rowId);
    relayout();
}

void DashboardView::toggleRow(int rowId)
{
    setRowCollapsed(rowId, !isRowCollapsed(rowId));
}

QWidget *DashboardView::rowHeader(int rowId) const
{
    return m_rows.value(rowId);
}

bool DashboardView::isPanelInView(int panelId) const
{
    return m_inView.value(panelId, false);
}

int DashboardView::contentHeight() const
{
    return m_contentHeight;
}

void DashboardView::relayout()
{
    const int width = m_layoutWidth > 0 ? m_layoutWidth : viewport()->width();
    const int gridWidth = std::max(Padding * 2 + grid::Columns, width - 2 * Padding);
    QList<grid::Placed> placed = grid::layoutDashboard(m_topLevel, m_collapsed);
    if (m_viewPanel != 0 && !m_panels.contains(m_viewPanel))
        m_viewPanel = 0; // the viewed panel was removed
    if (m_viewPanel != 0) {
        // One panel alone, as high as the view (at least 8 units).
        const int units = std::max(8, (viewport()->height() - 2 * Padding + grid::Margin) /
                                          (grid::RowHeight + grid::Margin));
        grid::Placed only;
        only.panelId = m_viewPanel;
        only.pos = GridPos{0, 0, grid::Columns, units};
        placed = {only};
    }
    m_laidOut.clear();
    QSet<int> shownRows;
    for (const grid::Placed &item : placed) {
        const QRect r = grid::toPixels(item.pos, gridWidth).translated(Padding, Padding);
        if (item.isRow) {
            if (RowHeader *h = m_rows.value(item.panelId)) {
                h->setGeometry(r);
                h->setCollapsed(m_collapsed.contains(item.panelId));
                h->show();
                shownRows.insert(item.panelId);
            }
            continue;
        }
        PanelWidget *w = m_panels.value(item.panelId);
        if (!w || m_laidOut.contains(item.panelId))
            continue;
        w->setGeometry(r);
        w->show();
        m_laidOut.insert(item.panelId);
    }
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it) {
        if (!m_laidOut.contains(it.key()))
            it.value()->hide();
    }
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (!shownRows.contains(it.key()))
            it.value()->hide();
    }
    const int units = grid::layoutHeightUnits(placed);
    m_contentHeight = grid::unitsToPixels(units) + 2 * Padding;
    m_canvas->resize(width, m_contentHeight);
    for (int id : std::as_const(m_laidOut)) {
        if (PanelWidget *w = m_panels.value(id))
            m_scheduler->setPanelWidth(id, w->plotWidthHint());
    }
    updateVisibility();
}

void DashboardView::updateVisibility()
{
    const QRect visibleArea(horizontalScrollBar()->value(), verticalScrollBar()->value(),
                            viewport()->width(), viewport()->height());
    for (auto it = m_panels.cbegin(); it != m_panels.cend(); ++it) {
        const int id = it.key();
        bool inView = m_laidOut.contains(id);
        if (inView && !m_exportMode)
            inView = it.value()->geometry().intersects(visibleArea);
        const auto previous = m_inView.constFind(id);
        if (previous != m_inView.cend() && previous.value() == inView)
            continue;
        m_inView.insert(id, inView);
        m_scheduler->setPanelVisible(id, inView);
    }
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if ((m_layoutWidth == 0 && event->size().width() != event->oldSize().width()) ||
        m_viewPanel != 0)
        relayout();
    else
        updateVisibility();
}

void DashboardView::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    relayout();
}

void DashboardView::scrollContentsBy(int dx, int dy)
{
    QScrollArea::scrollContentsBy(dx, dy);
    updateVisibility();
}

void DashboardView::onPanelLoading(int panelId)
{
    // Cheap: a panel only toggles its message; one that draws data keeps drawing it.
    if (PanelWidget *w = m_panels.value(panelId))
        w->setLoading(true);
}

void DashboardView::onPanelData(int panelId, PanelDataPtr data)
{
    if (PanelWidget *w = m_panels.value(panelId))
        w->setData(std::move(data));
}

} // namespace pharos

#include "dashboardview.moc"
