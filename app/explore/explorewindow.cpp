#include "app/explore/explorewindow.h"

#include "app/editor/metricsbrowser.h"
#include "app/editor/promqleditor.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/paneltypes.h"
#include "dashboards/query/interval.h"
#include "dashboards/query/paneldata.h"
#include "datasources/datasource.h"
#include "datasources/datasourceregistry.h"
#include "panels/table/tablepanel.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QAbstractTableModel>
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pharos {

namespace {

PanelModel exploreModel(const QString &type)
{
    QJsonObject panel{{QStringLiteral("id"), 1},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("title"), QString()},
                      {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                              {QStringLiteral("y"), 0},
                                                              {QStringLiteral("w"), 24},
                                                              {QStringLiteral("h"), 10}}}};
    if (type == QLatin1String(paneltype::TimeSeries))
        panel.insert(
            QStringLiteral("options"),
            QJsonObject{{QStringLiteral("legend"),
                         QJsonObject{{QStringLiteral("displayMode"), QStringLiteral("list")},
                                     {QStringLiteral("placement"), QStringLiteral("bottom")},
                                     {QStringLiteral("showLegend"), true}}}});
    const QJsonObject doc{{QStringLiteral("schemaVersion"), 39},
                          {QStringLiteral("panels"), QJsonArray{panel}}};
    const auto d = Dashboard::fromObject(doc);
    if (d && !d->panels().isEmpty())
        return d->panels().first();
    PanelModel m;
    m.id = 1;
    m.type = type;
    return m;
}

// Maps an offset in `sent` (the query with macros substituted) back to `expr` (as typed):
// exact before the first difference and after the last one; inside a substituted part, the
// start of that part.
int offsetInTyped(const QString &expr, const QString &sent, int offset)
{
    const int n = int(std::min(expr.size(), sent.size()));
    int prefix = 0;
    while (prefix < n && expr.at(prefix) == sent.at(prefix))
        ++prefix;
    if (offset < prefix)
        return offset;
    int suffix = 0;
    while (suffix < n - prefix &&
           expr.at(expr.size() - 1 - suffix) == sent.at(sent.size() - 1 - suffix))
        ++suffix;
    if (offset >= sent.size() - suffix)
        return offset - int(sent.size() - expr.size());
    return prefix;
}

} // namespace

/// Every sample of a range result: Time, the series' labels, Value. Qt::UserRole holds raw
/// values (ms, numbers) for sorting.
class RangeTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const QueryResult &result, const QTimeZone &zone)
    {
        beginResetModel();
        m_zone = zone;
        m_frames = result.frames;
        QStringList names;
        for (const Frame &f : m_frames)
            for (const auto &[name, value] : f.labels)
                if (!names.contains(name))
                    names << name;
        names.sort();
        if (names.removeAll(QStringLiteral("__name__")) > 0)
            names.prepend(QStringLiteral("__name__"));
        m_labels = names;
        m_rows.clear();
        for (int f = 0; f < int(m_frames.size()); ++f)
            for (int i = 0; i < int(m_frames[size_t(f)].size()); ++i)
                m_rows.push_back({f, i});
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
            return sample(a).first < sample(b).first;
        });
        endResetModel();
    }
    void clear() { setResult({}, m_zone); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_labels.size()) + 2;
    }
    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        if (section == 0)
            return ExploreWindow::tr("Time");
        if (section == columnCount() - 1)
            return ExploreWindow::tr("Value");
        return m_labels.value(section - 1);
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= int(m_rows.size()))
            return {};
        if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::TextAlignmentRole)
            return {};
        const Row &r = m_rows[size_t(index.row())];
        const auto [ms, value] = sample(r);
        const int c = index.column();
        if (c == 0) {
            if (role == Qt::UserRole)
                return ms;
            if (role == Qt::TextAlignmentRole)
                return {};
            return QDateTime::fromMSecsSinceEpoch(ms, m_zone)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
        if (c == columnCount() - 1) {
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::UserRole)
                return value;
            return QString::number(value, 'g', 12);
        }
        if (role == Qt::TextAlignmentRole)
            return {};
        return labelValue(m_frames[size_t(r.frame)].labels, m_labels.value(c - 1));
    }

private:
    struct Row
    {
        int frame;
        int sample;
    };
    std::pair<qint64, double> sample(const Row &r) const
    {
        const Frame &f = m_frames[size_t(r.frame)];
        return {f.timestamps[size_t(r.sample)], f.values[size_t(r.sample)]};
    }
    std::vector<Frame> m_frames;
    QStringList m_labels;
    std::vector<Row> m_rows;
    QTimeZone m_zone;
};

ExploreWindow::ExploreWindow(DataSourceRegistry *registry, QWidget *parent)
    : QMainWindow(parent), m_registry(registry)
{
    setWindowTitle(tr("Explore"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Data source:")));
    m_sources = new QComboBox;
    m_sources->setMinimumContentsLength(16);
    top->addWidget(m_sources);
    m_picker = new TimeRangePicker;
    top->addWidget(m_picker);
    auto *range = new QToolButton;
    range->setText(tr("Range"));
    range->setToolTip(tr("A range query over the time range: graph and table of every sample"));
    auto *instant = new QToolButton;
    instant->setText(tr("Instant"));
    instant->setToolTip(tr("An instant query at the end of the time range: one row per series"));
    m_rangeButton = range;
    m_instantButton = instant;
    auto *types = new QButtonGroup(this);
    for (QToolButton *b : {range, instant}) {
        b->setCheckable(true);
        b->setAutoRaise(false);
        types->addButton(b);
        top->addWidget(b);
    }
    types->setExclusive(true);
    range->setChecked(true);
    top->addStretch(1);
    m_browse = new QPushButton(tr("Metrics browser…"));
    top->addWidget(m_browse);
    m_run = new QPushButton(tr("Run query"));
    m_run->setToolTip(tr("Shift+Enter in the query"));
    top->addWidget(m_run);
    m_add = new QPushButton(tr("Add to dashboard"));
    m_add->setEnabled(false);
    top->addWidget(m_add);
    layout->addLayout(top);

    m_editor = new PromqlEditor;
    m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 8 + 16);
    layout->addWidget(m_editor);
    auto *legendRow = new QHBoxLayout;
    legendRow->addWidget(new QLabel(tr("Legend:")));
    m_legend = new QLineEdit;
    m_legend->setPlaceholderText(tr("e.g. {{instance}} (empty: the series labels)"));
    legendRow->addWidget(m_legend, 1);
    layout->addLayout(legendRow);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_tabs = new QTabWidget;
    m_graph = qobject_cast<TimeSeriesPanel *>(
        PanelWidget::create(exploreModel(QLatin1String(paneltype::TimeSeries))));
    m_table = qobject_cast<TablePanel *>(
        PanelWidget::create(exploreModel(QLatin1String(paneltype::Table))));
    m_rangeModel = new RangeTableModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_rangeModel);
    proxy->setSortRole(Qt::UserRole);
    m_rangeTable = new QTableView;
    m_rangeTable->setModel(proxy);
    m_rangeTable->setSortingEnabled(true);
    m_rangeTable->sortByColumn(-1, Qt::AscendingOrder); // as the model orders: by time
    m_rangeTable->verticalHeader()->hide();
    m_rangeTable->horizontalHeader()->setStretchLastSection(true);
    m_rangeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rangeTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rangeTable->setWordWrap(false);
    m_rangeTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rangeTable->horizontalHeader()->setResizeContentsPrecision(200); // long ranges stay quick
    m_tableStack = new QStackedWidget;
    m_tableStack->addWidget(m_rangeTable);
    m_tableStack->addWidget(m_table);
    m_tabs->addTab(m_graph, tr("Graph"));
    m_tabs->addTab(m_tableStack, tr("Table"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    connect(m_run, &QPushButton::clicked, this, &ExploreWindow::run);
    connect(m_editor, &PromqlEditor::runRequested, this, &ExploreWindow::run);
    connect(m_browse, &QPushButton::clicked, this,
            [this] { MetricsBrowser::openFor(m_editor, this); });
    connect(m_add, &QPushButton::clicked, this,
            [this] { Q_EMIT addToDashboardRequested(panelJson()); });
    connect(m_editor, &PromqlEditor::queryChanged, this,
            [this](const QString &q) { m_add->setEnabled(!q.trimmed().isEmpty()); });
    connect(m_sources, &QComboBox::currentIndexChanged, this, &ExploreWindow::onSourceChanged);
    connect(types, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (!checked)
            return;
        updateQueryTypeView();
        if (!m_runExpr.isEmpty())
            run();
    });
    connect(m_picker, &TimeRangePicker::timeRangeChanged, this, [this] {
        updateLookupRange();
        if (!m_runExpr.isEmpty())
            run();
    });
    if (m_registry)
        connect(m_registry, &DataSourceRegistry::changed, this, &ExploreWindow::rebuildSources);
    rebuildSources();
    updateLookupRange();
    updateQueryTypeView();
    resize(1000, 700);
}

ExploreWindow::~ExploreWindow()
{
    delete m_rangeReply.data();
    delete m_instantReply.data();
}

void ExploreWindow::rebuildSources()
{
    const QString current = m_sources->currentText();
    QSignalBlocker block(m_sources);
    m_sources->clear();
    if (m_registry)
        for (DataSource *ds : m_registry->dataSources())
            if (ds->promql()) // Explore runs PromQL
                m_sources->addItem(ds->settings().name);
    int idx = m_sources->findText(current);
    if (idx < 0 && m_registry && m_registry->defaultSource())
        idx = m_sources->findText(m_registry->defaultSource()->settings().name);
    m_sources->setCurrentIndex(idx < 0 ? (m_sources->count() > 0 ? 0 : -1) : idx);
    block.unblock();
    onSourceChanged();
}

void ExploreWindow::onSourceChanged()
{
    m_editor->setDataSource(dataSource());
    m_browse->setEnabled(dataSource() != nullptr);
    if (!dataSource())
        showError(tr("No data source is configured. Add one in Data sources › Data sources…"));
    else if (!m_error.isEmpty() && m_runExpr.isEmpty())
        showError({});
}

bool ExploreWindow::setDataSource(const QString &name)
{
    const int idx = m_sources->findText(name);
    if (idx < 0)
        return false;
    m_sources->setCurrentIndex(idx);
    return true;
}

DataSource *ExploreWindow::dataSource() const
{
    return m_registry ? m_registry->byName(m_sources->currentText()) : nullptr;
}

void ExploreWindow::setTimeRange(const TimeRange &range)
{
    QSignalBlocker block(m_picker);
    m_picker->setTimeRange(range);
    updateLookupRange();
}

void ExploreWindow::updateLookupRange()
{
    // Completion and the metrics browser look up what exists in the range.
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    if (const auto r = m_picker->timeRange().resolve(now, m_zone))
        m_editor->setTimeRange(r->fromMs, r->toMs);
}

TimeRange ExploreWindow::timeRange() const
{
    return m_picker->timeRange();
}

void ExploreWindow::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_picker->setTimeZone(zone);
    m_graph->setTimeZone(zone);
}

void ExploreWindow::setQuery(const QString &expr)
{
    m_editor->setQuery(expr);
}

QString ExploreWindow::query() const
{
    return m_editor->query();
}

void ExploreWindow::setLegendFormat(const QString &format)
{
    m_legend->setText(format);
}

void ExploreWindow::setQueryType(QueryType type)
{
    (type == QueryType::Range ? m_rangeButton : m_instantButton)->setChecked(true);
}

ExploreWindow::QueryType ExploreWindow::queryType() const
{
    return m_instantButton->isChecked() ? QueryType::Instant : QueryType::Range;
}

void ExploreWindow::updateQueryTypeView()
{
    const bool range = queryType() == QueryType::Range;
    m_tabs->setTabVisible(m_tabs->indexOf(m_graph), range);
    m_tableStack->setCurrentWidget(range ? static_cast<QWidget *>(m_rangeTable) : m_table);
    if (!range)
        m_tabs->setCurrentWidget(m_tableStack);
}

bool ExploreWindow::isRunning() const
{
    return m_pending > 0;
}

void ExploreWindow::showError(const QString &message)
{
    m_error = message;
    m_status->setText(message);
    m_status->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
}

void ExploreWindow::run()
{
    m_editor->hideCompletion();
    DataSource *source = dataSource();
    PromqlSource *ds = source ? source->promql() : nullptr;
    const QString expr = m_editor->query().trimmed();
    if (!ds) {
        showError(tr("No data source is configured. Add one in Data sources › Data sources…"));
        return;
    }
    if (expr.isEmpty()) {
        showError(tr("Enter a query to run."));
        return;
    }
    QString error;
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const auto range = m_picker->timeRange().resolve(now, m_zone, &error);
    if (!range) {
        showError(error);
        return;
    }
    delete m_rangeReply.data();
    delete m_instantReply.data();
    ++m_generation;
    m_editor->setTimeRange(range->fromMs, range->toMs);
    m_runExpr = expr;
    m_editor->clearServerError();
    showError({});
    m_status->setText(tr("Running…"));

    IntervalInput in;
    in.fromMs = range->fromMs;
    in.toMs = range->toMs;
    in.maxDataPoints = std::max(100, m_graph->plotWidthHint());
    in.scrapeIntervalMs = ds->scrapeIntervalMs();
    const IntervalResult iv = computeInterval(in);
    const QString sent = substituteMacros(expr, iv, range->spanMs());

    const QueryType type = queryType();
    m_runType = type;
    m_runText = m_editor->query();
    const bool instantRun = type == QueryType::Instant;
    (instantRun ? static_cast<PanelWidget *>(m_table) : m_graph)->setLoading(true);
    if (!instantRun)
        m_rangeModel->clear();
    m_pending = 1;
    const quint64 generation = m_generation;
    const QString legend = m_legend->text();
    auto handle = [this, generation, expr, sent, legend, range = *range, iv](QueryReply *reply,
                                                                             bool instant) {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        auto data = makePanelData();
        data->panelId = 1;
        data->generation = generation;
        data->fromMs = range.fromMs;
        data->toMs = range.toMs;
        data->intervalMs = iv.intervalMs;
        data->stepMs = iv.stepMs;
        TargetResult t;
        t.refId = QStringLiteral("A");
        t.expr = sent;
        t.legendFormat = legend;
        t.instant = instant;
        t.result = reply->result();
        t.error = reply->error();
        const qsizetype series = qsizetype(t.result.frames.size());
        if (!instant) {
            m_rangeModel->setResult(t.result, m_zone);
            m_rangeTable->resizeColumnsToContents();
        }
        data->targets.push_back(std::move(t));
        PanelWidget *panel = instant ? static_cast<PanelWidget *>(m_table) : m_graph;
        panel->setLoading(false);
        panel->setData(data);
        const DataSourceError &e = reply->error();
        if (e.isError() && e.kind != DataSourceError::Kind::Cancelled) {
            showError(e.message());
            showServerErrorInEditor(e.message(), expr, sent);
        }
        if (--m_pending == 0) {
            if (m_error.isEmpty())
                m_status->setText(tr("%n series.", nullptr, int(series)));
            Q_EMIT queryFinished();
        }
    };
    if (instantRun) {
        QueryRequest instantReq;
        instantReq.expr = sent;
        instantReq.instant = true;
        instantReq.timeMs = range->toMs;
        QueryReply *i = ds->query(instantReq);
        m_instantReply = i;
        connect(i, &DataSourceReply::finished, this, [handle, i] { handle(i, true); });
    } else {
        QueryRequest rangeReq;
        rangeReq.expr = sent;
        rangeReq.startMs = iv.startMs;
        rangeReq.endMs = iv.endMs;
        rangeReq.stepMs = iv.stepMs;
        QueryReply *r = ds->query(rangeReq);
        m_rangeReply = r;
        connect(r, &DataSourceReply::finished, this, [handle, r] { handle(r, false); });
    }
}

void ExploreWindow::showServerErrorInEditor(const QString &message, const QString &expr,
                                            const QString &sent)
{
    // Only while the editor still holds what ran: the position is in that text.
    if (m_editor->query() != m_runText) {
        m_editor->setServerErrorAt(message, -1);
        return;
    }
    int offset = -1;
    if (!promqlErrorPosition(message, sent, &offset)) {
        m_editor->setServerErrorAt(message, -1);
        return;
    }
    // The server saw `sent` (trimmed, macros substituted); the editor holds the text typed.
    const int lead = int(m_runText.indexOf(expr));
    m_editor->setServerErrorAt(message, std::max(0, lead) + offsetInTyped(expr, sent, offset));
}

QJsonObject ExploreWindow::appendPanel(const QJsonObject &dashboard, QJsonObject panel)
{
    QJsonObject doc = dashboard;
    QJsonArray panels = doc.value(QLatin1String("panels")).toArray();
    int maxId = 0;
    int bottom = 0;
    auto visit = [&](const QJsonObject &p) {
        maxId = std::max(maxId, p.value(QLatin1String("id")).toInt());
        const QJsonObject g = p.value(QLatin1String("gridPos")).toObject();
        bottom = std::max(bottom, g.value(QLatin1String("y")).toInt() +
                                      g.value(QLatin1String("h")).toInt());
    };
    for (const QJsonValue &v : std::as_const(panels)) {
        visit(v.toObject());
        for (const QJsonValue &c : v.toObject().value(QLatin1String("panels")).toArray())
            maxId = std::max(maxId, c.toObject().value(QLatin1String("id")).toInt());
    }
    panel.insert(QStringLiteral("id"), maxId + 1);
    QJsonObject g = panel.value(QLatin1String("gridPos")).toObject();
    g.insert(QStringLiteral("x"), 0);
    g.insert(QStringLiteral("y"), bottom);
    panel.insert(QStringLiteral("gridPos"), g);
    panels.append(panel);
    doc.insert(QStringLiteral("panels"), panels);
    return doc;
}

QJsonObject ExploreWindow::panelJson() const
{
    const QString expr = m_editor->query().trimmed();
    QJsonObject dsRef;
    if (DataSource *ds = dataSource()) {
        dsRef.insert(QStringLiteral("type"), ds->settings().type);
        dsRef.insert(QStringLiteral("uid"), ds->settings().uid);
    }
    QString title = expr.simplified();
    if (title.size() > 60)
        title = title.left(59) + QChar(0x2026);
    if (queryType() == QueryType::Instant) {
        // A table of the instant result, one row per series (Grafana's new table panel with
        // an instant, table-format target).
        QJsonObject panel = dashboardedit::newPanel(QLatin1String(paneltype::Table), 0, title);
        panel.remove(QStringLiteral("id"));
        QJsonArray targets = panel.value(QLatin1String("targets")).toArray();
        QJsonObject target = targets.isEmpty() ? QJsonObject() : targets.first().toObject();
        target.insert(QStringLiteral("refId"), QStringLiteral("A"));
        target.insert(QStringLiteral("expr"), expr);
        target.insert(QStringLiteral("instant"), true);
        target.insert(QStringLiteral("range"), false);
        target.insert(QStringLiteral("format"), QStringLiteral("table"));
        target.insert(QStringLiteral("editorMode"), QStringLiteral("code"));
        if (!m_legend->text().isEmpty())
            target.insert(QStringLiteral("legendFormat"), m_legend->text());
        else
            target.remove(QStringLiteral("legendFormat"));
        if (!dsRef.isEmpty()) {
            target.insert(QStringLiteral("datasource"), dsRef);
            panel.insert(QStringLiteral("datasource"), dsRef);
        }
        panel.insert(QStringLiteral("targets"), QJsonArray{target});
        return panel;
    }
    QJsonObject target{{QStringLiteral("refId"), QStringLiteral("A")},
                       {QStringLiteral("expr"), expr},
                       {QStringLiteral("range"), true},
                       {QStringLiteral("instant"), false},
                       {QStringLiteral("editorMode"), QStringLiteral("code")}};
    if (!m_legend->text().isEmpty())
        target.insert(QStringLiteral("legendFormat"), m_legend->text());
    if (!dsRef.isEmpty())
        target.insert(QStringLiteral("datasource"), dsRef);
    QJsonObject panel{
        {QStringLiteral("type"), QLatin1String(paneltype::TimeSeries)},
        {QStringLiteral("title"), title},
        {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                {QStringLiteral("y"), 0},
                                                {QStringLiteral("w"), 12},
                                                {QStringLiteral("h"), 8}}},
        {QStringLiteral("targets"), QJsonArray{target}},
        {QStringLiteral("fieldConfig"), QJsonObject{{QStringLiteral("defaults"), QJsonObject{}},
                                                    {QStringLiteral("overrides"), QJsonArray{}}}},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("legend"),
                      QJsonObject{{QStringLiteral("displayMode"), QStringLiteral("list")},
                                  {QStringLiteral("placement"), QStringLiteral("bottom")},
                                  {QStringLiteral("showLegend"), true}}},
                     {QStringLiteral("tooltip"),
                      QJsonObject{{QStringLiteral("mode"), QStringLiteral("single")}}}}}};
    if (!dsRef.isEmpty())
        panel.insert(QStringLiteral("datasource"), dsRef);
    return panel;
}

} // namespace pharos
