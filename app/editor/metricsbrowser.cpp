#include "app/editor/metricsbrowser.h"

#include "app/editor/promqleditor.h"
#include "datasources/datasource.h"
#include "datasources/promql/promqlcompletion.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

namespace {

QWidget *titled(const QString &title, QWidget *content)
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    l->addWidget(label);
    l->addWidget(content, 1);
    return w;
}

} // namespace

MetricsBrowser::MetricsBrowser(QWidget *parent)
    : QWidget(parent), m_nameLimit(PromqlCompleter::MetricNameLimit)
{
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter metrics"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_metricModel = new QStringListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_metricModel);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_metricView = new QListView;
    m_metricView->setModel(m_proxy);
    m_metricView->setUniformItemSizes(true); // virtualised for very long lists
    m_metricView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_labels = new QListWidget;
    m_values = new QListWidget;
    m_values->setUniformItemSizes(true);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(titled(tr("1. Metric"), m_metricView));
    split->addWidget(titled(tr("2. Labels"), m_labels));
    split->addWidget(titled(tr("3. Values"), m_values));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 2);
    layout->addWidget(split, 1);

    m_help = new QLabel;
    m_help->setWordWrap(true);
    m_help->setTextFormat(Qt::PlainText);
    layout->addWidget(m_help);

    auto *bottom = new QHBoxLayout;
    m_selectorEdit = new QLineEdit;
    m_selectorEdit->setReadOnly(true);
    m_selectorEdit->setPlaceholderText(tr("Selector"));
    bottom->addWidget(m_selectorEdit, 1);
    m_use = new QPushButton(tr("Use query"));
    m_use->setEnabled(false);
    bottom->addWidget(m_use);
    layout->addLayout(bottom);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(150);
    connect(&m_countTimer, &QTimer::timeout, this, &MetricsBrowser::countSeries);
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(&m_filterTimer, &QTimer::timeout, this, &MetricsBrowser::filterOnServer);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (m_truncated)
            m_filterTimer.start(); // the list holds only part of the names: ask the server
    });
    connect(m_metricView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MetricsBrowser::onMetricChanged);
    connect(m_labels, &QListWidget::currentItemChanged, this, &MetricsBrowser::onLabelChanged);
    connect(m_values, &QListWidget::itemChanged, this, &MetricsBrowser::onValueChanged);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (!selector().isEmpty())
            Q_EMIT selectorChosen(selector());
    });
    resize(820, 480);
}

MetricsBrowser::~MetricsBrowser()
{
    for (QPointer<DataSourceReply> *r :
         {&m_namesReply, &m_metaReply, &m_labelsReply, &m_valuesReply, &m_countReply})
        if (*r)
            delete r->data();
}

void MetricsBrowser::track(DataSourceReply *reply, QPointer<DataSourceReply> *slot)
{
    if (*slot) {
        (*slot)->abort();
        (*slot)->deleteLater();
    }
    *slot = reply;
}

void MetricsBrowser::setDataSource(DataSource *source)
{
    m_source = source;
    m_metric.clear();
    m_label.clear();
    m_checked.clear();
    m_labels->clear();
    m_values->clear();
    m_metricModel->setStringList({});
    updateSelector();
    loadMetrics();
}

void MetricsBrowser::setTimeRange(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
}

bool MetricsBrowser::isBusy() const
{
    return m_namesReply || m_metaReply || m_labelsReply || m_valuesReply || m_countReply ||
           m_countTimer.isActive();
}

QString MetricsBrowser::statusText() const
{
    return m_status->text();
}

void MetricsBrowser::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void MetricsBrowser::loadMetrics()
{
    if (!m_source) {
        setStatus(tr("No data source."), true);
        return;
    }
    if (!promql()) {
        setStatus(tr("This data source does not answer PromQL queries."), true);
        return;
    }
    PromqlLookupCache *cache = PromqlLookupCache::forDataSource(m_source);
    if (const auto *names = cache->find(QStringLiteral("names"))) {
        showMetrics(names->values, names->truncated);
    } else {
        setStatus(tr("Loading metric names…"));
        StringListReply *r = promql()->labelValuesInRange(QStringLiteral("__name__"), {}, m_startMs,
                                                          m_endMs, m_nameLimit);
        track(r, &m_namesReply);
        connect(r, &DataSourceReply::finished, this, [this, r] {
            r->deleteLater();
            m_namesReply = nullptr;
            if (r->error().isError()) {
                setStatus(r->error().message(), true);
            } else if (m_source) {
                const bool truncated = r->result().size() >= m_nameLimit;
                PromqlLookupCache::forDataSource(m_source)->insert(QStringLiteral("names"),
                                                                   r->result(), truncated);
                showMetrics(r->result(), truncated);
            }
            Q_EMIT lookupFinished();
        });
    }
    if (!cache->hasMetadata()) {
        MetadataReply *r = promql()->metadata({}, PromqlCompleter::MetadataLimit);
        track(r, &m_metaReply);
        connect(r, &DataSourceReply::finished, this, [this, r] {
            r->deleteLater();
            m_metaReply = nullptr;
            if (!r->error().isError() && m_source) {
                MetricMetadataMap meta = r->result();
                PromqlLookupCache::forDataSource(m_source)->setMetadata(std::move(meta));
                onMetricChanged(); // show the HELP of the selected metric
            }
            Q_EMIT lookupFinished();
        });
    }
}

void MetricsBrowser::showMetrics(const QStringList &names, bool truncated)
{
    m_allNames = names;
    m_truncated = truncated;
    m_metricModel->setStringList(names);
    if (truncated)
        setStatus(tr("Showing the first %n metric names; the server has more.", nullptr,
                     int(names.size())));
    else
        setStatus(tr("%n metric(s).", nullptr, int(names.size())));
}

void MetricsBrowser::filterOnServer()
{
    const QString text = m_filter->text();
    if (!promql() || !m_truncated)
        return;
    if (text.isEmpty()) {
        m_metricModel->setStringList(m_allNames);
        return;
    }
    const QString matcher =
        QStringLiteral("{__name__=~") +
        promqlQuote(QStringLiteral("(?i).*") + promqlRegexEscape(text) + QStringLiteral(".*")) +
        u'}';
    StringListReply *r = promql()->labelValuesInRange(QStringLiteral("__name__"), {matcher},
                                                      m_startMs, m_endMs, m_nameLimit);
    track(r, &m_namesReply);
    setStatus(tr("Loading metric names…"));
    connect(r, &DataSourceReply::finished, this, [this, r, text] {
        r->deleteLater();
        m_namesReply = nullptr;
        if (r->error().isError()) {
            if (r->error().kind != DataSourceError::Kind::Cancelled)
                setStatus(r->error().message(), true);
        } else if (text == m_filter->text()) {
            m_metricModel->setStringList(r->result());
            setStatus(tr("%n metric(s).", nullptr, int(r->result().size())));
        }
        Q_EMIT lookupFinished();
    });
}

QStringList MetricsBrowser::visibleMetrics() const
{
    QStringList out;
    for (int i = 0; i < m_proxy->rowCount(); ++i)
        out << m_proxy->index(i, 0).data().toString();
    return out;
}

bool MetricsBrowser::selectMetric(const QString &metric)
{
    for (int i = 0; i < m_proxy->rowCount(); ++i) {
        const QModelIndex idx = m_proxy->index(i, 0);
        if (idx.data().toString() == metric) {
            m_metricView->setCurrentIndex(idx);
            m_metricView->scrollTo(idx);
            return true;
        }
    }
    return false;
}

void MetricsBrowser::onMetricChanged()
{
    const QModelIndex idx = m_metricView->currentIndex();
    const QString metric = idx.isValid() ? idx.data().toString() : QString();
    // HELP/TYPE of the metric.
    QString help;
    if (m_source && !metric.isEmpty()) {
        const auto &meta = PromqlLookupCache::forDataSource(m_source)->metadata();
        auto it = meta.constFind(metric);
        for (const char *suffix : {"_bucket", "_count", "_sum"})
            if (it == meta.cend() && metric.endsWith(QLatin1String(suffix)))
                it = meta.constFind(metric.left(metric.size() - qsizetype(strlen(suffix))));
        if (it != meta.cend())
            help = it->type.isEmpty() ? it->help : it->type + QStringLiteral(" — ") + it->help;
    }
    m_help->setText(help);
    if (metric == m_metric)
        return;
    m_metric = metric;
    m_label.clear();
    m_checked.clear();
    m_labels->clear();
    m_values->clear();
    updateSelector();
    if (!promql() || metric.isEmpty())
        return;
    StringListReply *r = promql()->labelNames({metric}, m_startMs, m_endMs);
    track(r, &m_labelsReply);
    connect(r, &DataSourceReply::finished, this, [this, r] {
        r->deleteLater();
        m_labelsReply = nullptr;
        if (r->error().isError()) {
            if (r->error().kind != DataSourceError::Kind::Cancelled)
                setStatus(r->error().message(), true);
        } else {
            for (const QString &name : r->result()) {
                if (name == QLatin1String("__name__"))
                    continue;
                auto *item = new QListWidgetItem(name, m_labels);
                item->setData(Qt::UserRole, name);
            }
        }
        Q_EMIT lookupFinished();
    });
}

bool MetricsBrowser::selectLabel(const QString &label)
{
    for (int i = 0; i < m_labels->count(); ++i)
        if (m_labels->item(i)->data(Qt::UserRole).toString() == label) {
            m_labels->setCurrentRow(i);
            return true;
        }
    return false;
}

void MetricsBrowser::onLabelChanged()
{
    QListWidgetItem *item = m_labels->currentItem();
    const QString label = item ? item->data(Qt::UserRole).toString() : QString();
    if (label == m_label)
        return;
    m_label = label;
    m_filling = true;
    m_values->clear();
    m_filling = false;
    if (!promql() || label.isEmpty())
        return;
    // The values this label can take given the other labels' choices.
    StringListReply *r = promql()->labelValuesInRange(label, {selectorWithout(label)}, m_startMs,
                                                      m_endMs, ValueLimit);
    track(r, &m_valuesReply);
    connect(r, &DataSourceReply::finished, this, [this, r, label] {
        r->deleteLater();
        m_valuesReply = nullptr;
        if (r->error().isError()) {
            if (r->error().kind != DataSourceError::Kind::Cancelled)
                setStatus(r->error().message(), true);
        } else if (label == m_label) {
            m_filling = true;
            const QStringList checked = m_checked.value(label);
            for (const QString &v : r->result()) {
                auto *item = new QListWidgetItem(v, m_values);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(checked.contains(v) ? Qt::Checked : Qt::Unchecked);
            }
            if (r->result().size() >= ValueLimit)
                setStatus(tr("Showing the first %n values.", nullptr, ValueLimit));
            m_filling = false;
        }
        Q_EMIT lookupFinished();
    });
}

bool MetricsBrowser::setValueChecked(const QString &value, bool checked)
{
    for (int i = 0; i < m_values->count(); ++i)
        if (m_values->item(i)->text() == value) {
            m_values->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    return false;
}

void MetricsBrowser::onValueChanged(QListWidgetItem *item)
{
    if (m_filling || m_label.isEmpty())
        return;
    QStringList &values = m_checked[m_label];
    const QString v = item->text();
    if (item->checkState() == Qt::Checked) {
        if (!values.contains(v))
            values << v;
    } else {
        values.removeAll(v);
    }
    if (values.isEmpty())
        m_checked.remove(m_label);
    // Labels with a choice are shown in bold.
    for (int i = 0; i < m_labels->count(); ++i) {
        QListWidgetItem *l = m_labels->item(i);
        QFont f = l->font();
        f.setBold(m_checked.contains(l->data(Qt::UserRole).toString()));
        l->setFont(f);
    }
    updateSelector();
}

QString MetricsBrowser::matcherFor(const QString &label) const
{
    const QStringList values = m_checked.value(label);
    if (values.isEmpty())
        return {};
    if (values.size() == 1)
        return label + u'=' + promqlQuote(values.first());
    QStringList escaped;
    for (const QString &v : values)
        escaped << promqlRegexEscape(v);
    return label + QStringLiteral("=~") + promqlQuote(escaped.join(u'|'));
}

QString MetricsBrowser::selectorWithout(const QString &except) const
{
    if (m_metric.isEmpty())
        return {};
    QStringList labels = m_checked.keys();
    labels.sort();
    QStringList matchers;
    for (const QString &l : labels)
        if (l != except)
            matchers << matcherFor(l);
    if (matchers.isEmpty())
        return m_metric;
    return m_metric + u'{' + matchers.join(QStringLiteral(", ")) + u'}';
}

QString MetricsBrowser::selector() const
{
    return selectorWithout({});
}

void MetricsBrowser::updateSelector()
{
    const QString s = selector();
    m_selectorEdit->setText(s);
    m_use->setEnabled(!s.isEmpty());
    m_seriesCount = -1;
    if (m_countReply) {
        m_countReply->abort();
        m_countReply->deleteLater();
        m_countReply = nullptr;
    }
    if (s.isEmpty()) {
        m_countTimer.stop();
        return;
    }
    setStatus(tr("Counting series…"));
    m_countTimer.start();
}

void MetricsBrowser::countSeries()
{
    const QString s = selector();
    if (!promql() || s.isEmpty())
        return;
    QueryRequest q;
    q.expr = QStringLiteral("count(") + s + u')';
    q.instant = true;
    q.timeMs = m_endMs;
    QueryReply *r = promql()->query(q);
    track(r, &m_countReply);
    connect(r, &DataSourceReply::finished, this, [this, r, s] {
        r->deleteLater();
        m_countReply = nullptr;
        if (r->error().isError()) {
            if (r->error().kind != DataSourceError::Kind::Cancelled)
                setStatus(r->error().message(), true);
        } else if (s == selector()) {
            const QueryResult &res = r->result();
            qint64 n = 0;
            if (!res.frames.empty() && !res.frames.front().values.empty())
                n = qint64(std::llround(res.frames.front().values.front()));
            m_seriesCount = n;
            setStatus(tr("%n series match.", nullptr, int(n)));
            Q_EMIT seriesCountChanged(n);
        }
        Q_EMIT lookupFinished();
    });
}

void MetricsBrowser::openFor(PromqlEditor *editor, QWidget *parent)
{
    auto *dialog = new QDialog(parent ? parent : editor->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Metrics browser"));
    auto *layout = new QVBoxLayout(dialog);
    auto *browser = new MetricsBrowser(dialog);
    layout->addWidget(browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    QPointer<PromqlEditor> target(editor);
    connect(browser, &MetricsBrowser::selectorChosen, dialog, [dialog, target](const QString &s) {
        if (target)
            target->insertText(s);
        dialog->accept();
    });
    browser->setTimeRange(editor->completer()->startMs(), editor->completer()->endMs());
    browser->setDataSource(editor->dataSource());
    dialog->resize(860, 560);
    dialog->show();
}

} // namespace pharos
