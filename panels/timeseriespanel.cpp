#include "timeseriespanel.h"

#include "colors.h"
#include "reducers.h"
#include "units.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
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

protected:
    void paintEvent(QPaintEvent *) override
    {
        ensureRendered();
        QPainter p(this);
        p.drawImage(0, 0, cache);
        if (hover.x() < 0 || !renderer.plotRect().contains(hover))
            return;
        const QString text = m_panel->tooltipTextAt(hover);
        const QRectF plot = renderer.plotRect();
        p.setPen(QPen(palette().color(QPalette::Mid), 0, Qt::DashLine));
        p.drawLine(QPointF(hover.x() + 0.5, plot.top()), QPointF(hover.x() + 0.5, plot.bottom()));
        if (text.isEmpty())
            return;
        const QFontMetrics fm(font());
        const QRect br = fm.boundingRect(QRect(0, 0, 600, 2000), Qt::AlignLeft, text);
        QRect box(hover + QPoint(12, 12), br.size() + QSize(12, 8));
        if (box.right() > width())
            box.moveRight(hover.x() - 12);
        if (box.bottom() > height())
            box.moveBottom(std::max(box.height(), hover.y() - 12));
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::ToolTipBase));
        p.drawRect(box);
        p.setPen(palette().color(QPalette::ToolTipText));
        p.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignLeft, text);
    }
    void mouseMoveEvent(QMouseEvent *e) override
    {
        hover = e->position().toPoint();
        update(); // the overlay only: the cached lines are reused
    }
    void leaveEvent(QEvent *) override
    {
        hover = QPoint(-1, -1);
        update();
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
    for (const PanelSeries &s : m_series)
        out << s.name;
    return out;
}

bool TimeSeriesPanel::updateContent(const PanelDataPtr &data)
{
    m_drawn = data;
    m_series = collectSeries(model(), *data);
    // Keep the isolation across refreshes only while the series set is the same size.
    QSet<int> keep;
    for (int i : std::as_const(m_hidden))
        if (i < int(m_series.size()))
            keep.insert(i);
    m_hidden = keep;

    TimeSeriesRenderOptions opt = m_plot->renderer.options();
    const FieldDefaults &d = model().defaults;
    const QJsonObject custom = fieldCustom(model());
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
    opt.unit = d.unit;
    opt.yMin = d.min;
    opt.yMax = d.max;
    opt.decimals = d.decimals;
    opt.fillOpacity = custom.value(QLatin1String("fillOpacity")).toDouble(0);
    const QJsonObject scale = custom.value(QLatin1String("scaleDistribution")).toObject();
    opt.logBase = scale.value(QLatin1String("type")).toString() == QLatin1String("log")
                      ? std::max(2, scale.value(QLatin1String("log")).toInt(2))
                      : 0;
    opt.lineWidth = std::max(0.5, custom.value(QLatin1String("lineWidth")).toDouble(1));
    m_plot->renderer.setOptions(opt);
    std::vector<const Frame *> frames;
    for (const PanelSeries &s : m_series)
        frames.push_back(s.frame);
    m_plot->renderer.setFrames(std::move(frames));
    applyVisibility();

    // Legend values.
    m_legendValues.clear();
    for (const PanelSeries &s : m_series) {
        QStringList row;
        for (const QString &c : std::as_const(m_calcs))
            row << formatValueText(reduce(*s.frame, c), d.unit, d.decimals);
        m_legendValues << row;
    }
    rebuildLegend();
    for (const PanelSeries &s : m_series)
        if (!s.frame->isEmpty())
            return true;
    return false;
}

void TimeSeriesPanel::applyVisibility()
{
    std::vector<SeriesStyle> styles;
    for (int i = 0; i < int(m_series.size()); ++i)
        styles.push_back(
            {m_series[size_t(i)].color, !m_hidden.contains(i), m_series[size_t(i)].name});
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
    const int n = int(m_series.size());
    bool sameNames = int(m_legendRows.size()) == n;
    for (int i = 0; sameNames && i < n; ++i)
        sameNames = m_legendRows[size_t(i)].name == m_series[size_t(i)].name;
    if (!sameNames) {
        // The series set changed: new entries.
        m_legendRows.clear();
        if (m_list)
            m_list->clear();
        if (m_table)
            m_table->clear();
        for (int i = 0; i < n; ++i) {
            const PanelSeries &s = m_series[size_t(i)];
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
        const QColor color = m_series[size_t(i)].color;
        const bool visible = isSeriesVisible(i);
        const bool styleChanged = !row.styled || row.color != color || row.visible != visible;
        row.color = color;
        row.visible = visible;
        row.styled = true;
        const QVariant fg = visible ? QVariant() : QVariant(QBrush(QColor(0xa0, 0xa0, 0xa0)));
        if (m_list && styleChanged) {
            QListWidgetItem *item = m_list->item(i);
            item->setIcon(swatch(color, visible));
            item->setData(Qt::ForegroundRole, fg);
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

void TimeSeriesPanel::legendClicked(int index, Qt::KeyboardModifiers modifiers)
{
    const int n = int(m_series.size());
    if (index < 0 || index >= n)
        return;
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
    if (!r.plotRect().contains(pos) || m_tooltipMode == QLatin1String("none"))
        return {};
    const qint64 t = qint64(std::llround(r.xToTime(pos.x() + 0.5)));
    struct Row
    {
        QString name;
        double value;
        qint64 time;
    };
    std::vector<Row> rows;
    qint64 shownTime = t;
    for (int i = 0; i < int(m_series.size()); ++i) {
        if (!isSeriesVisible(i))
            continue;
        const Frame &f = *m_series[size_t(i)].frame;
        const qsizetype idx = TimeSeriesRenderer::nearestIndex(f, t, r.gapThresholdMs(f));
        if (idx < 0 || size_t(idx) >= f.values.size())
            continue;
        rows.push_back(
            {m_series[size_t(i)].name, f.values[size_t(idx)], f.timestamps[size_t(idx)]});
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
    if (m_tooltipMode == QLatin1String("single")) {
        // the series nearest to the cursor vertically
        const double cursorValue = r.yToValue(pos.y());
        auto best = std::min_element(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
            return std::abs(key(a.value) - cursorValue) < std::abs(key(b.value) - cursorValue);
        });
        rows = {*best};
    }
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(shownTime).toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const FieldDefaults &d = model().defaults;
    for (const Row &row : rows)
        lines << row.name + QLatin1String(": ") + formatValueText(row.value, d.unit, d.decimals);
    return lines.join(QLatin1Char('\n'));
}

} // namespace pharos
