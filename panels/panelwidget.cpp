#include "panels/panelwidget.h"

#include "dashboards/fields/units.h"
#include "dashboards/model/paneltypes.h"
#include "dashboards/time/timenavigation.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/gauge/gaugepanel.h"
#include "panels/heatmap/heatmappanel.h"
#include "panels/panellogging.h"
#include "panels/piechart/piechartpanel.h"
#include "panels/placeholderpanel.h"
#include "panels/stat/statpanel.h"
#include "panels/table/tablepanel.h"
#include "panels/text/textpanel.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace pharos {

namespace {
int g_defaultMaxSeries = PanelWidget::DefaultMaxSeries;
} // namespace

int PanelWidget::defaultMaxSeries()
{
    return g_defaultMaxSeries;
}

void PanelWidget::setDefaultMaxSeries(int limit)
{
    g_defaultMaxSeries = std::max(1, limit);
}

namespace {

template <class T> PanelWidget *makePanel(const PanelModel &model, QWidget *parent)
{
    return new T(model, parent);
}

using PanelFactory = PanelWidget *(*)(const PanelModel &, QWidget *);

/// The widget of each native panel type (dashboards/paneltypes.h lists the types).
const QHash<QString, PanelFactory> &panelFactories()
{
    static const QHash<QString, PanelFactory> factories{
        {QLatin1String(paneltype::TimeSeries), &makePanel<TimeSeriesPanel>},
        {QLatin1String(paneltype::Stat), &makePanel<StatPanel>},
        {QLatin1String(paneltype::Table), &makePanel<TablePanel>},
        {QLatin1String(paneltype::Gauge), &makePanel<GaugePanel>},
        {QLatin1String(paneltype::BarGauge), &makePanel<BarGaugePanel>},
        {QLatin1String(paneltype::Heatmap), &makePanel<HeatmapPanel>},
        {QLatin1String(paneltype::Text), &makePanel<TextPanel>},
        {QLatin1String(paneltype::PieChart), &makePanel<PieChartPanel>},
    };
    return factories;
}

} // namespace

PanelWidget *PanelWidget::create(const PanelModel &model, QWidget *parent)
{
    if (const PanelFactory make = panelFactories().value(model.type))
        return make(model, parent);
    return new PlaceholderPanel(model, parent);
}

PanelWidget::PanelWidget(const PanelModel &model, QWidget *parent)
    : QFrame(parent), m_model(model), m_maxSeries(g_defaultMaxSeries)
{
    // "transparent": Grafana draws the panel without its background and border.
    setFrameShape(model.json.value(QLatin1String("transparent")).toBool() ? QFrame::NoFrame
                                                                          : QFrame::StyledPanel);
    setObjectName(QStringLiteral("panel-%1").arg(model.id));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(2);

    m_title = new QLabel(model.title, this);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setToolTip(model.description);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(6);
    header->addWidget(m_title, 1);
    // The panel's own time (timeFrom / timeShift), as Grafana shows it beside the title.
    m_timeInfo = new QLabel(this);
    m_timeInfo->setObjectName(QStringLiteral("panelTimeInfo"));
    m_timeInfo->setTextFormat(Qt::PlainText);
    m_timeInfo->setStyleSheet(QStringLiteral("QLabel { color: #3274d9; }"));
    header->addWidget(m_timeInfo, 0);
    if (const PanelTimeOverride o = panelTimeOverride(model); !o.isEmpty() && !o.hideTimeOverride) {
        // Until the first data tells the applied range: what the override asks for.
        QStringList info;
        if (!o.timeFrom.isEmpty()) {
            TimeRange r{o.timeFrom.startsWith(QLatin1String("now"))
                            ? o.timeFrom
                            : QLatin1String("now-") + o.timeFrom,
                        QStringLiteral("now")};
            info << r.displayText();
        }
        if (!o.timeShift.isEmpty()) {
            QString shift = o.timeShift;
            if (shift.startsWith(QLatin1Char('-')))
                shift.remove(0, 1);
            info << QCoreApplication::translate("pharos::TimeRange", "timeshift -%1").arg(shift);
        }
        m_timeInfo->setText(info.join(QLatin1Char(' ')));
    }
    m_timeInfo->setVisible(!m_timeInfo->text().isEmpty());
    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(QStringLiteral("panelMenu"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setText(QStringLiteral("⋮"));
    m_menuButton->setToolTip(tr("Panel links"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setMenu(new QMenu(m_menuButton));
    header->addWidget(m_menuButton, 0);
    layout->addLayout(header);
    QStringList titles;
    for (const QJsonValue &v : model.json.value(QLatin1String("links")).toArray()) {
        const QJsonObject link = v.toObject();
        QString title = link.value(QLatin1String("title")).toString();
        if (title.isEmpty())
            title = link.value(QLatin1String("url")).toString();
        titles << title;
    }
    setLinkTitles(titles);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("panelBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4e5; color: #8a4b00; border: "
                                           "1px solid #f0c080; padding: 2px; }"));
    m_banner->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_message->hide();
    layout->addWidget(m_message, 1);
    refreshState();
}

PanelWidget::~PanelWidget() = default;

void PanelWidget::setContentWidget(QWidget *content)
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    if (m_content) {
        layout->removeWidget(m_content);
        m_content->deleteLater();
    }
    m_content = content;
    if (m_content) {
        m_content->setParent(this);
        layout->insertWidget(layout->indexOf(m_message), m_content, 1);
    }
    refreshState();
}

void PanelWidget::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    applyState(); // the message only: the content keeps what it draws
}

void PanelWidget::setMaxSeries(int limit)
{
    limit = std::max(1, limit);
    if (limit == m_maxSeries)
        return;
    m_maxSeries = limit;
    if (m_received) {
        applySeriesLimit();
        refreshState();
    }
}

void PanelWidget::applySeriesLimit()
{
    m_seriesBeforeLimit = 0;
    m_data = m_received;
    if (!m_received)
        return;
    size_t total = 0;
    for (const TargetResult &t : m_received->targets)
        total += t.result.frames.size();
    if (total <= size_t(m_maxSeries))
        return;
    // Cut to the first series in query order, as drawn: copies only the series kept.
    auto cut = makePanelData();
    cut->panelId = m_received->panelId;
    cut->generation = m_received->generation;
    cut->fromMs = m_received->fromMs;
    cut->toMs = m_received->toMs;
    cut->timeInfo = m_received->timeInfo;
    cut->intervalMs = m_received->intervalMs;
    cut->stepMs = m_received->stepMs;
    size_t left = size_t(m_maxSeries);
    cut->targets.reserve(m_received->targets.size());
    for (const TargetResult &t : m_received->targets) {
        TargetResult kept;
        kept.refId = t.refId;
        kept.expr = t.expr;
        kept.legendFormat = t.legendFormat;
        kept.instant = t.instant;
        kept.error = t.error;
        kept.retryInMs = t.retryInMs;
        kept.result.type = t.result.type;
        kept.result.warnings = t.result.warnings;
        const size_t n = std::min(left, t.result.frames.size());
        kept.result.frames.assign(t.result.frames.begin(),
                                  t.result.frames.begin() + std::ptrdiff_t(n));
        left -= n;
        cut->targets.push_back(std::move(kept));
    }
    m_seriesBeforeLimit = qsizetype(total);
    m_data = std::move(cut);
}

QString PanelWidget::seriesLimitNotice() const
{
    if (m_seriesBeforeLimit == 0)
        return QString();
    // Digit groups even in the C locale ("2,000 of 20,000").
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return tr("Showing %1 of %2 series")
        .arg(locale.toString(qlonglong(m_maxSeries)),
             locale.toString(qlonglong(m_seriesBeforeLimit)));
}

void PanelWidget::setData(PanelDataPtr data)
{
    m_received = std::move(data);
    applySeriesLimit();
    if (m_data && m_data->hasError())
        qCDebug(lcPanels).noquote() << "panel" << m_model.id << m_model.type
                                    << "data with errors:" << m_data->errorMessage();
    else if (m_data)
        qCDebug(lcPanels).noquote() << "panel" << m_model.id << m_model.type << "data";
    if (m_data && m_timeInfo->text() != m_data->timeInfo) {
        m_timeInfo->setText(m_data->timeInfo);
        m_timeInfo->setVisible(!m_data->timeInfo.isEmpty());
    }
    m_loading = false;
    refreshState();
}

void PanelWidget::refreshState()
{
    m_contentDrawn = false;
    if (m_data && !(m_data->hasError() && m_data->isEmpty()))
        m_contentDrawn = updateContent(m_data);
    applyState();
}

void PanelWidget::applyState()
{
    QString message;
    bool messageIsError = false;
    QStringList banner;
    bool showContent = false;

    if (!m_data) {
        if (m_loading)
            message = tr("Loading…");
        else
            showContent = true; // nothing requested yet: show the empty content
    } else if (m_data->hasError() && m_data->isEmpty()) {
        message = m_data->errorMessage();
        messageIsError = true;
    } else {
        if (m_data->hasError())
            banner << tr("Some queries failed:") + QLatin1Char('\n') + m_data->errorMessage();
        if (m_seriesBeforeLimit > 0)
            banner << seriesLimitNotice();
        if (m_contentDrawn)
            showContent = true;
        else
            message = tr("No data");
    }
    const QString unit = m_model.defaults.unit;
    if (!unit.isEmpty() && !isKnownUnit(unit))
        banner << tr("Unknown unit “%1”: values are shown with it as a plain suffix.").arg(unit);

    m_message->setText(message);
    // Setting a style sheet re-polishes the label: only when it changes.
    const int style = messageIsError ? 1 : 0;
    if (m_messageStyle != style) {
        m_messageStyle = style;
        m_message->setStyleSheet(messageIsError
                                     ? QStringLiteral("QLabel { color: #c4162a; }")
                                     : QStringLiteral("QLabel { color: palette(mid); }"));
    }
    m_message->setVisible(!message.isEmpty());
    m_banner->setText(banner.join(QLatin1Char('\n')));
    m_banner->setVisible(!banner.isEmpty());
    if (m_content)
        m_content->setVisible(showContent && message.isEmpty());
}

QString PanelWidget::statusText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString PanelWidget::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString PanelWidget::titleText() const
{
    return m_title->text();
}

void PanelWidget::setTitle(const QString &title, const QString &description)
{
    m_model.title = title;
    m_model.description = description;
    m_title->setText(title);
    m_title->setToolTip(description);
}

QString PanelWidget::timeInfoText() const
{
    return m_timeInfo->text();
}

void PanelWidget::setTimeZone(const QTimeZone &) {}

void PanelWidget::setLinkTitles(const QStringList &titles)
{
    m_linkTitles = titles;
    QMenu *menu = m_menuButton->menu();
    menu->clear();
    for (QAction *a : std::as_const(m_menuActions))
        menu->addAction(a);
    if (!m_menuActions.isEmpty() && !titles.isEmpty())
        menu->addSeparator();
    for (int i = 0; i < titles.size(); ++i) {
        QAction *a = menu->addAction(titles[i]);
        a->setObjectName(QStringLiteral("panelLink-%1").arg(i));
        connect(a, &QAction::triggered, this, [this, i] { Q_EMIT linkActivated(panelId(), i); });
    }
    m_menuButton->setVisible(!titles.isEmpty() || !m_menuActions.isEmpty());
    m_menuButton->setToolTip(m_menuActions.isEmpty() ? tr("Panel links") : tr("Panel menu"));
}

void PanelWidget::setMenuActions(const QList<QAction *> &actions)
{
    m_menuActions = actions;
    setLinkTitles(m_linkTitles);
}

bool PanelWidget::hasError() const
{
    return m_data && m_data->hasError();
}

int PanelWidget::plotWidthHint() const
{
    return std::max(1, contentsRect().width() - 12);
}

} // namespace pharos
