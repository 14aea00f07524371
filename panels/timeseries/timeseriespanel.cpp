#include "panels/timeseries/timeseriespanel.h"

#include "dashboards/fields/reducers.h"
#include "dashboards/fields/units.h"
#include "dashboards/fields/valuemappings.h"
#include "panels/colors.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTreeWidget>
#include <algorithm>
#include <cmath>

namespace pharos {

/// The lines: a cached image re-rendered only on data, size or visibility changes, with the
/// hover crosshair and tooltip painted over it.
class TimeSeriesPlot : public QWidget
{
public:
    explicit TimeSeriesPlot(TimeSeriesPanel *panel) : QWidget(nullptr), m_panel(panel)
    {
        setMouseTracking(true);
        setMinimumSize(60, 40);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    TimeSeriesRenderer renderer;
    QImage cache;
    bool dirty = true;
    int renderCount = 0;
    QPoint hover{-1, -1};

    void invalidate()
    {
        dirty = true;
        update();
    }
    void ensureRendered()
    {
        const qreal dpr = devicePixelRatioF();
        const QSize px = (QSizeF(size()) * dpr).toSize();
        if (!dirty && cache.size() == px)
            return;
        cache = QImage(px.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
        cache.setDevicePixelRatio(dpr);
        cache.fill(Qt::transparent);
        TimeSeriesRenderOptions opt = renderer.options();
        opt.font = font();
        opt.textColor = palette().color(QPalette::WindowText);
        renderer.setOptions(opt);
        QPainter p(&cache);
        renderer.render(&p, QRectF(0, 0, width(), height()));
        dirty = false;
        ++renderCount;
    }

    /// Drag selection: the x where the left button went down, and where it is now.
    double dragStart = -1;
    double dragNow = -1;

    QRectF selection() const
    {
        if (dragStart < 0 || std::abs(dragNow - dragStart) < MinDragPx)
            return {};
        const QRectF plot = renderer.plotRect();
        const double a = std::clamp(std::min(dragStart, dragNow), plot.left(), plot.right());
        const double b = std::clamp(std::max(dragStart, dragNow), plot.left(), plot.right());
        return QRectF(QPointF(a, plot.top()), QPointF(b, plot.bottom()));
    }
    static constexpr double MinDragPx = 4;

protected:
    void paintEvent(QPaintEvent *) override
    {
        ensureRendered();
        QPainter p(this);
        p.drawImage(0, 0, cache);
        const QRectF plot = renderer.plotRect();
        if (const QRectF sel = selection(); !sel.isEmpty()) {
            p.fillRect(sel, QColor(50, 116, 217, 50));
            p.setPen(QPen(QColor(50, 116, 217, 160), 0));
            p.drawLine(QPointF(sel.left() + 0.5, sel.top()),
                       QPointF(sel.left() + 0.5, sel.bottom()));
            p.drawLine(QPointF(sel.right() - 0.5, sel.top()),
                       QPointF(sel.right() - 0.5, sel.bottom()));
        }
        QPoint at = hover;
        QString text;
        if (at.x() >= 0 && plot.contains(at)) {
            text = m_panel->tooltipTextAt(at);
        } else if (m_panel->m_sharedHoverMs >= 0) {
            // Another panel's crosshair at the same time.
            const double x = renderer.timeToX(double(m_panel->m_sharedHoverMs));
            if (x < plot.left() || x > plot.right())
                return;
            at = QPoint(int(std::floor(x)), int(plot.top() + plot.height() / 3));
            if (m_panel->m_sharedTooltip)
                text = m_panel->tooltipTextAtTime(m_panel->m_sharedHoverMs);
        } else {
            return;
        }
        p.setPen(QPen(QColor(0xc4, 0x16, 0x2a, 180), 0, Qt::DashLine));
        p.drawLine(QPointF(at.x() + 0.5, plot.top()), QPointF(at.x() + 0.5, plot.bottom()));
        if (text.isEmpty())
            return;
        const QFontMetrics fm(font());
        const QRect br = fm.boundingRect(QRect(0, 0, 600, 2000), Qt::AlignLeft, text);
        QRect box(at + QPoint(12, 12), br.size() + QSize(12, 8));
        if (box.right() > width())
            box.moveRight(at.x() - 12);
        if (box.bottom() > height())
            box.moveBottom(std::max(box.height(), at.y() - 12));
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::ToolTipBase));
        p.drawRect(box);
        p.setPen(palette().color(QPalette::ToolTipText));
        p.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignLeft, text);
    }
    void mousePressEvent(QMouseEvent *e) override
    {
        if (e->button() == Qt::LeftButton && renderer.plotRect().contains(e->position())) {
            dragStart = dragNow = e->position().x();
            e->accept();
            return;
        }
        QWidget::mousePressEvent(e);
    }
    void mouseReleaseEvent(QMouseEvent *e) override
    {
        if (e->button() != Qt::LeftButton || dragStart < 0) {
            QWidget::mouseReleaseEvent(e);
            return;
        }
        dragNow = e->position().x();
        const QRectF sel = selection();
        dragStart = dragNow = -1;
        update();
        e->accept();
        if (sel.width() >= MinDragPx) {
            const qint64 from = qint64(std::llround(renderer.xToTime(sel.left())));
            const qint64 to = qint64(std::llround(renderer.xToTime(sel.right())));
            if (to > from)
                Q_EMIT m_panel->timeRangeSelected(from, to);
        }
    }
    void mouseDoubleClickEvent(QMouseEvent *e) override
    {
        if (e->button() == Qt::LeftButton && renderer.plotRect().contains(e->position())) {
            dragStart = dragNow = -1;
            e->accept();
            Q_EMIT m_panel->zoomOutRequested();
            return;
        }
        QWidget::mouseDoubleClickEvent(e);
    }
    void mouseMoveEvent(QMouseEvent *e) override
    {
        hover = e->position().toPoint();
        if (dragStart >= 0)
            dragNow = e->position().x();
        update(); // the overlay only: the cached lines are reused
        Q_EMIT m_panel->hoverTimeChanged(m_panel->hoverTime());
    }
    void leaveEvent(QEvent *) override
    {
        hover = QPoint(-1, -1);
        update();
        Q_EMIT m_panel->hoverTimeChanged(-1);
    }
    void resizeEvent(QResizeEvent *) override { dirty = true; }

private:
    TimeSeriesPanel *m_panel;
};

TimeSeriesPanel::TimeSeriesPanel(const PanelModel &model, QWidget *parent)
    : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    const QJsonObject legend = options.value(QLatin1String("legend")).toObject();
    m_displayMode = legend.value(QLatin1String("displayMode")).toString(QStringLiteral("list"));
    if (legend.contains(QLatin1String("showLegend")) &&
        !legend.value(QLatin1String("showLegend")).toBool(true))
        m_displayMode = QStringLiteral("hidden");
    for (const QJsonValue &c : legend.value(QLatin1String("calcs")).toArray())
        m_calcs << c.toString();
    const QJsonObject tooltip = options.value(QLatin1String("tooltip")).toObject();
    m_tooltipSort = tooltip.value(QLatin1String("sort")).toString(QStringLiteral("none"));
    m_tooltipMode = tooltip.value(QLatin1String("mode")).toString(QStringLiteral("single"));
    if (m_tooltipMode == QLatin1String("hidden"))
        m_tooltipMode = QStringLiteral("none");
    m_sortBy = legend.value(QLatin1String("sortBy")).toString();
    m_sortDesc = legend.value(QLatin1String("sortDesc")).toBool();
    m_fieldConfig = FieldConfigResolver::fromPanel(model.json);
    m_mappings = ValueMappings::fromPanel(model.json);
    const bool right =
        legend.value(QLatin1String("placement")).toString() == QLatin1String("right");

    m_body = new QWidget;
    m_bodyLayout =
        new QBoxLayout(right ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom, m_body);
    m_bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_bodyLayout->setSpacing(2);
    m_plot = new TimeSeriesPlot(this);
    m_bodyLayout->addWidget(m_plot, 1);

    if (m_displayMode == QLatin1String("table")) {
        m_table = new QTreeWidget;
        m_table->setObjectName(QStringLiteral("legendTable"));
        m_table->setRootIsDecorated(false);
        m_table->setSelectionMode(QAbstractItemView::NoSelection);
        m_table->setFocusPolicy(Qt::NoFocus);
        m_table->setUniformRowHeights(true);
        QStringList header{tr("Name")};
        for (const QString &c : std::as_const(m_calcs))
            header << reducerDisplayName(c);
        m_table->setHeaderLabels(header);
        m_table->header()->setStretchLastSection(false);
        m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_table->setMaximumHeight(right ? QWIDGETSIZE_MAX : 110);
        connect(m_table, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item, int) {
            legendClicked(m_table->indexOfTopLevelItem(item), QApplication::keyboardModifiers());
        });
        m_bodyLayout->addWidget(m_table, 0);
    } else if (m_displayMode != QLatin1String("hidden")) {
        m_list = new QListWidget;
        m_list->setObjectName(QStringLiteral("legendList"));
        m_list->setFlow(right ? QListView::TopToBottom : QListView::LeftToRight);
        m_list->setWrapping(!right);
        m_list->setResizeMode(QListView::Adjust);
        m_list->setSelectionMode(QAbstractItemView::NoSelection);
        m_list->setFocusPolicy(Qt::NoFocus);
        m_list->setFrameShape(QFrame::NoFrame);
        m_list->setSpacing(1);
        m_list->setMaximumHeight(right ? QWIDGETSIZE_MAX : 60);
        if (right)
            m_list->setMaximumWidth(240);
        m_list->setStyleSheet(QStringLiteral("QListWidget { background: transparent; }"));
        connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
            legendClicked(m_list->row(item), QApplication::keyboardModifiers());
        });
        m_bodyLayout->addWidget(m_list, 0);
    }
    setContentWidget(m_body);
}

TimeSeriesPanel::~TimeSeriesPanel() = default;

void TimeSeriesPanel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    TimeSeriesRenderOptions opt = m_plot->renderer.options();
    opt.timeZone = m_zone;
    m_plot->renderer.setOptions(opt);
    m_plot->invalidate();
}

void TimeSeriesPanel::setSharedHover(qint64 ms, bool tooltip)
{
    if (m_sharedHoverMs == ms && m_sharedTooltip == tooltip)
        return;
    m_sharedHoverMs = ms;
    m_sharedTooltip = tooltip;
    m_plot->update();
}

qint64 TimeSeriesPanel::hoverTime() const
{
    const QPoint h = m_plot->hover;
    const QRectF plot = m_plot->renderer.plotRect();
    if (h.x() < 0 || !plot.contains(h))
        return -1;
    return qint64(std::llround(m_plot->renderer.xToTime(h.x() + 0.5)));
}

QRectF TimeSeriesPanel::selectionRect() const
{
    return m_plot->selection();
}

int TimeSeriesPanel::plotWidthHint() const
{
    const QRectF r = m_plot->renderer.plotRect();
    if (r.width() > 1)
        return int(r.width());
    return std::max(1, (m_plot->width() > 100 ? m_plot->width() : width()) - 60);
}

QWidget *TimeSeriesPanel::legendWidget() const
{
    if (m_table)
        return m_table;
    return m_list;
}

QWidget *TimeSeriesPanel::plotWidget() const
{
    return m_plot;
}

QImage TimeSeriesPanel::plotImage() const
{
    m_plot->ensureRendered();
    return m_plot->cache;
}

int TimeSeriesPanel::renderCount() const
{
    return m_plot->renderCount;
}

QRectF TimeSeriesPanel::plotRect() const
{
    m_plot->ensureRendered();
    return m_plot->renderer.plotRect();
}

const TimeSeriesRenderer &TimeSeriesPanel::renderer() const
{
    return m_plot->renderer;
}

QStringList TimeSeriesPanel::legendEntries() const
{
    QStringList out;
    if (m_displayMode == QLatin1String("hidden"))
        return out;
    for (int i : m_legendOrder)
        out << m_series[size_t(i)].name;
    return out;
}

namespace {

QColor seriesColor(const FieldConfig &c, int index, const QString &name, const Frame &frame)
{
    const QString mode = c.colorMode;
    if (mode == QLatin1String("fixed") || mode == QLatin1String("shades")) {
        const QColor fixed = grafanaColor(c.fixedColor);
        if (fixed.isValid())
            return fixed;
    } else if (mode == QLatin1String("thresholds") ||
               mode.startsWith(QLatin1String("continuous"))) {
        // The colour of the series' last (or min/max) value.
        const QString by = c.seriesBy == QLatin1String("min")   ? QStringLiteral("min")
                           : c.seriesBy == QLatin1String("max") ? QStringLiteral("max")
                                                                : QStringLiteral("lastNotNull");
        const double v = reduce(frame, by);
        const double lo = c.min ? *c.min : reduce(frame, QStringLiteral("min"));
        const double hi = c.max ? *c.max : reduce(frame, QStringLiteral("max"));
        return thresholdColor(v, c.thresholds, lo, hi);
    } else if (mode == QLatin1String("palette-classic-by-name")) {
        return classicPaletteColor(int(qHash(name) % uint(classicPaletteSize())));
    }
    return classicPaletteColor(index);
}

} // namespace

void TimeSeriesPanel::resolveSeries()
{
    m_configs.clear();
    m_styles.clear();
    // Stack groups: one id per (mode, group) pair.
    QStringList stackKeys;
    // Axes: the first series decides the left axis; "auto" series with another unit go right.
    QString leftUnit;
    bool haveLeft = false;
    for (int i = 0; i < int(m_series.size()); ++i) {
        PanelSeries &s = m_series[size_t(i)];
        const FieldConfig c =
            m_fieldConfig.resolve({s.name, s.refId, QStringLiteral("number"), s.frame});
        if (!c.displayName.isEmpty())
            s.name = expandDisplayName(c.displayName, s.name, s.frame->labels);
        s.color = seriesColor(c, i, s.name, *s.frame);
        SeriesStyle st(s.color, true, s.name);
        st.drawStyle = c.drawStyle;
        st.interpolation = c.lineInterpolation;
        st.showPoints = c.showPoints;
        st.lineWidth = c.lineWidth;
        st.fillOpacity = c.fillOpacity;
        st.gradientOpacity = c.gradientMode == QLatin1String("opacity") ||
                             c.gradientMode == QLatin1String("hue") ||
                             c.gradientMode == QLatin1String("scheme");
        st.pointSize = c.pointSize;
        st.dash = c.dash;
        st.spanNullsMs = c.spanNullsMs;
        st.insertNullsMs = c.insertNullsMs;
        st.negativeY = c.negativeY;
        st.barWidthFactor = c.barWidthFactor;
        if (c.stacking != StackingMode::None) {
            const QString key =
                (c.stacking == StackingMode::Percent ? QLatin1String("%") : QLatin1String("=")) +
                c.stackGroup;
            qsizetype g = stackKeys.indexOf(key);
            if (g < 0) {
                stackKeys << key;
                g = stackKeys.size() - 1;
            }
            st.stackGroup = int(g);
            st.stackPercent = c.stacking == StackingMode::Percent;
        }
        if (c.axisPlacement == AxisPlacement::Right) {
            st.axis = 1;
        } else if (c.axisPlacement == AxisPlacement::Left) {
            st.axis = 0;
        } else if (!haveLeft) {
            st.axis = 0;
        } else {
            st.axis = c.unit == leftUnit ? 0 : 1;
        }
        if (st.axis == 0 && !haveLeft) {
            haveLeft = true;
            leftUnit = c.unit;
        }
        m_configs.push_back(c);
        m_styles.push_back(st);
    }
}

bool TimeSeriesPanel::updateContent(const PanelDataPtr &data)
{
    m_drawn = data;
    m_series = collectSeries(model(), *data);
    resolveSeries();
    // Keep the isolation across refreshes only while the series set is the same size.
    QSet<int> keep;
    for (int i : std::as_const(m_hidden))
        if (i < int(m_series.size()))
            keep.insert(i);
    m_hidden = keep;

    TimeSeriesRenderOptions opt = m_plot->renderer.options();
    const FieldConfig &d = m_fieldConfig.defaults();
    opt.fromMs = data->fromMs;
    opt.toMs = data->toMs;
    if (opt.toMs <= opt.fromMs) { // no range given: span the data
        qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
        for (const PanelSeries &s : m_series) {
            if (!s.frame->isEmpty()) {
                lo = std::min(lo, s.frame->timestamps.front());
                hi = std::max(hi, s.frame->timestamps.back());
            }
        }
        opt.fromMs = lo <= hi ? lo : 0;
        opt.toMs = lo < hi ? hi : opt.fromMs + 1000;
    }
    opt.stepMs = data->stepMs;
    // Each axis takes its options from the first series on it (the defaults without one).
    const auto axisConfig = [&](int axis) -> const FieldConfig * {
        for (size_t i = 0; i < m_styles.size(); ++i)
            if (m_styles[i].axis == axis)
                return &m_configs[i];
        return nullptr;
    };
    const FieldConfig *lc = axisConfig(0);
    const FieldConfig &l = lc ? *lc : d;
    opt.unit = l.unit;
    opt.yMin = l.min;
    opt.yMax = l.max;
    opt.decimals = l.decimals;
    opt.logBase = l.logBase;
    opt.softMin = l.axisSoftMin;
    opt.softMax = l.axisSoftMax;
    opt.axisLabel = l.axisLabel;
    opt.leftAxisVisible = l.axisPlacement != AxisPlacement::Hidden;
    if (const FieldConfig *rc = axisConfig(1)) {
        opt.rightAxis = {
            rc->unit,        rc->min,         rc->max,
            rc->axisSoftMin, rc->axisSoftMax, rc->decimals,
            rc->logBase,     rc->axisLabel,   rc->axisPlacement != AxisPlacement::Hidden};
    } else {
        opt.rightAxis = AxisOptions();
    }
    opt.fillOpacity = d.fillOpacity;
    opt.lineWidth = std::max(0.5, d.lineWidth);
    opt.thresholdsStyle = l.thresholdsStyle;
    opt.thresholdsPercent = l.thresholds.mode == Thresholds::Mode::Percentage;
    opt.thresholds.clear();
    for (const ThresholdStep &step : l.thresholds.steps) {
        QColor c = grafanaColor(step.color);
        opt.thresholds.push_back(
            {step.value, c.isValid() ? c : grafanaColor(QStringLiteral("red"))});
    }
    m_plot->renderer.setOptions(opt);
    std::vector<const Frame *> frames;
    for (const PanelSeries &s : m_series)
        frames.push_back(s.frame);
    m_plot->renderer.setFrames(std::move(frames));
    applyVisibility();

    // Legend entries (hideFrom.legend left out), sorted by legend.sortBy, and their values.
    m_legendOrder.clear();
    for (int i = 0; i < int(m_series.size()); ++i)
        if (!m_configs[size_t(i)].hideFromLegend)
            m_legendOrder.push_back(i);
    if (!m_sortBy.isEmpty()) {
        QString sortCalc;
        for (const QString &c : std::as_const(m_calcs))
            if (m_sortBy == c || m_sortBy == reducerDisplayName(c))
                sortCalc = c;
        if (sortCalc.isEmpty() && isKnownReducer(m_sortBy))
            sortCalc = m_sortBy;
        if (!sortCalc.isEmpty()) {
            std::vector<double> keys(m_series.size());
            for (int i : m_legendOrder)
                keys[size_t(i)] = reduce(*m_series[size_t(i)].frame, sortCalc);
            std::stable_sort(m_legendOrder.begin(), m_legendOrder.end(), [&](int a, int b) {
                const double ka = keys[size_t(a)], kb = keys[size_t(b)];
                if (std::isnan(ka) || std::isnan(kb))
                    return !std::isnan(ka) && std::isnan(kb); // NaN last
                return m_sortDesc ? ka > kb : ka < kb;
            });
        } else if (m_sortBy == QLatin1String("Name")) {
            std::stable_sort(m_legendOrder.begin(), m_legendOrder.end(), [&](int a, int b) {
                const int c =
                    QString::localeAwareCompare(m_series[size_t(a)].name, m_series[size_t(b)].name);
                return m_sortDesc ? c > 0 : c < 0;
            });
        }
    }
    m_legendValues.clear();
    for (int i : m_legendOrder) {
        const FieldConfig &c = m_configs[size_t(i)];
        QStringList row;
        for (const QString &calc : std::as_const(m_calcs))
            row << valueText(reduce(*m_series[size_t(i)].frame, calc), c);
        m_legendValues << row;
    }
    rebuildLegend();
    for (const PanelSeries &s : m_series)
        if (!s.frame->isEmpty())
            return true;
    return false;
}

QString TimeSeriesPanel::valueText(double value, const FieldConfig &config) const
{
    if (!m_mappings.isEmpty())
        if (const std::optional<MappingResult> m = m_mappings.map(value); m && m->hasText)
            return m->text;
    return formatValueText(value, config.unit, config.decimals);
}

void TimeSeriesPanel::applyVisibility()
{
    std::vector<SeriesStyle> styles = m_styles;
    for (int i = 0; i < int(styles.size()); ++i)
        styles[size_t(i)].visible = !m_hidden.contains(i) && !m_configs[size_t(i)].hideFromViz;
    m_plot->renderer.setStyles(std::move(styles));
    m_plot->invalidate();
}

static QIcon swatch(const QColor &c, bool visible)
{
    QPixmap pm(14, 4);
    pm.fill(visible ? c : QColor(0xb0, 0xb0, 0xb0));
    return QIcon(pm);
}

void TimeSeriesPanel::rebuildLegend()
{
    if (!m_list && !m_table)
        return;
    const int n = int(m_legendOrder.size());
    const auto seriesOf = [this](int row) -> const PanelSeries & {
        return m_series[size_t(m_legendOrder[size_t(row)])];
    };
    bool sameNames = int(m_legendRows.size()) == n;
    for (int i = 0; sameNames && i < n; ++i)
        sameNames = m_legendRows[size_t(i)].name == seriesOf(i).name;
    if (!sameNames) {
        // The series set changed: new entries.
        m_legendRows.clear();
        if (m_list)
            m_list->clear();
        if (m_table)
            m_table->clear();
        for (int i = 0; i < n; ++i) {
            const PanelSeries &s = seriesOf(i);
            if (m_list)
                m_list->addItem(new QListWidgetItem(s.name));
            if (m_table) {
                QStringList cols{s.name};
                auto *item = new QTreeWidgetItem(cols);
                for (int c = 1; c <= int(m_calcs.size()); ++c)
                    item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
                m_table->addTopLevelItem(item);
            }
            m_legendRows.push_back({s.name, QColor(), false, false});
        }
    }
    // Update the entries in place: only what changed (no widgets destroyed or created).
    bool valuesChanged = !sameNames;
    for (int i = 0; i < n; ++i) {
        LegendRow &row = m_legendRows[size_t(i)];
        const QColor color = seriesOf(i).color;
        const bool visible = isSeriesVisible(m_legendOrder[size_t(i)]);
        const bool styleChanged = !row.styled || row.color != color || row.visible != visible;
        row.color = color;
        row.visible = visible;
        row.styled = true;
        const QVariant fg = visible ? QVariant() : QVariant(QBrush(QColor(0xa0, 0xa0, 0xa0)));
        if (m_list) {
            QListWidgetItem *item = m_list->item(i);
            // List mode shows the calcs after the name: "name  Mean: 3  Max: 5".
            QString text = row.name;
            const QStringList values = m_legendValues.value(i);
            for (int c = 0; c < int(m_calcs.size()); ++c)
                text += QLatin1String("  ") + reducerDisplayName(m_calcs[c]) + QLatin1String(": ") +
                        values.value(c);
            if (item->text() != text)
                item->setText(text);
            if (styleChanged) {
                item->setIcon(swatch(color, visible));
                item->setData(Qt::ForegroundRole, fg);
            }
        }
        if (m_table) {
            QTreeWidgetItem *item = m_table->topLevelItem(i);
            const QStringList values = m_legendValues.value(i);
            for (int c = 0; c < int(m_calcs.size()); ++c) {
                const QString v = values.value(c);
                if (item->text(c + 1) != v) {
                    item->setText(c + 1, v);
                    valuesChanged = true;
                }
            }
            if (styleChanged) {
                item->setIcon(0, swatch(color, visible));
                for (int c = 0; c < m_table->columnCount(); ++c)
                    item->setData(c, Qt::ForegroundRole, fg);
            }
        }
    }
    if (m_table && valuesChanged) {
        for (int c = 1; c < m_table->columnCount(); ++c)
            m_table->resizeColumnToContents(c);
    }
    if (m_table && !sameNames)
        fitLegendHeight();
}

void TimeSeriesPanel::fitLegendHeight()
{
    if (!m_table || m_bodyLayout->direction() != QBoxLayout::TopToBottom)
        return;
    // As tall as its rows, up to 40 % of the panel.
    const int rowH = m_table->topLevelItemCount() > 0 ? m_table->sizeHintForRow(0) : 0;
    const int want = m_table->header()->sizeHint().height() +
                     rowH * int(m_table->topLevelItemCount()) + 2 * m_table->frameWidth() + 2;
    m_table->setMaximumHeight(std::max(40, std::min(want, int(height() * 0.4))));
}

void TimeSeriesPanel::resizeEvent(QResizeEvent *event)
{
    PanelWidget::resizeEvent(event);
    fitLegendHeight();
}

void TimeSeriesPanel::legendClicked(int entry, Qt::KeyboardModifiers modifiers)
{
    const int n = int(m_series.size());
    if (entry < 0 || entry >= int(m_legendOrder.size()))
        return;
    const int index = m_legendOrder[size_t(entry)];
    if (modifiers & (Qt::ControlModifier | Qt::MetaModifier)) {
        if (m_hidden.contains(index))
            m_hidden.remove(index);
        else
            m_hidden.insert(index);
    } else {
        const bool isolated = !m_hidden.contains(index) && m_hidden.size() == n - 1;
        m_hidden.clear();
        if (!isolated) {
            for (int i = 0; i < n; ++i)
                if (i != index)
                    m_hidden.insert(i);
        }
    }
    applyVisibility();
    rebuildLegend();
}

QString TimeSeriesPanel::tooltipTextAt(const QPoint &pos) const
{
    m_plot->ensureRendered();
    const TimeSeriesRenderer &r = m_plot->renderer;
    if (!r.plotRect().contains(pos))
        return {};
    return tooltipTextAtTime(qint64(std::llround(r.xToTime(pos.x() + 0.5))), double(pos.y()));
}

QString TimeSeriesPanel::tooltipTextAtTime(qint64 t, std::optional<double> cursorY) const
{
    m_plot->ensureRendered();
    const TimeSeriesRenderer &r = m_plot->renderer;
    if (m_tooltipMode == QLatin1String("none"))
        return {};
    struct Row
    {
        int series;
        double value; // the series' own value (not stacked)
        double y;     // where it is drawn
    };
    std::vector<Row> rows;
    qint64 shownTime = t;
    for (int i = 0; i < int(m_series.size()); ++i) {
        const FieldConfig &c = m_configs[size_t(i)];
        if (!isSeriesVisible(i) || c.hideFromViz || c.hideFromTooltip)
            continue;
        const Frame &f = *m_series[size_t(i)].frame;
        const qsizetype idx = TimeSeriesRenderer::nearestIndex(f, t, r.gapThresholdMs(f));
        if (idx < 0 || size_t(idx) >= f.values.size())
            continue;
        const Frame *drawn = r.drawnFrame(size_t(i));
        const double dv = drawn && size_t(idx) < drawn->values.size() ? drawn->values[size_t(idx)]
                                                                      : f.values[size_t(idx)];
        rows.push_back({i, f.values[size_t(idx)], r.valueToY(dv, r.seriesAxis(size_t(i)))});
        shownTime = f.timestamps[size_t(idx)];
    }
    if (rows.empty())
        return {};
    const auto key = [](double v) {
        return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v;
    };
    if (m_tooltipSort == QLatin1String("desc"))
        std::stable_sort(rows.begin(), rows.end(),
                         [&](const Row &a, const Row &b) { return key(a.value) > key(b.value); });
    else if (m_tooltipSort == QLatin1String("asc"))
        std::stable_sort(rows.begin(), rows.end(),
                         [&](const Row &a, const Row &b) { return key(a.value) < key(b.value); });
    if (m_tooltipMode == QLatin1String("single") && cursorY) {
        // the series drawn nearest to the cursor vertically
        const double cy = *cursorY;
        const auto dist = [&](const Row &a) {
            return std::isfinite(a.y) ? std::abs(a.y - cy) : std::numeric_limits<double>::max();
        };
        auto best = std::min_element(rows.begin(), rows.end(),
                                     [&](const Row &a, const Row &b) { return dist(a) < dist(b); });
        rows = {*best};
    }
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(shownTime, m_zone)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    for (const Row &row : rows) {
        const FieldConfig &c = m_configs[size_t(row.series)];
        lines << m_series[size_t(row.series)].name + QLatin1String(": ") + valueText(row.value, c);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace pharos
