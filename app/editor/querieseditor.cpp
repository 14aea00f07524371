#include "app/editor/querieseditor.h"
#include "datasources/datasourceref.h"

#include "dashboards/query/queryplan.h"

#include "app/editor/metricsbrowser.h"
#include "app/editor/promqleditor.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/query/interval.h"
#include "dashboards/query/paneldata.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasource.h"
#include "datasources/datasourceregistry.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace pharos {

namespace {

QString keyDatasource()
{
    return QStringLiteral("datasource");
}

QJsonValue sourceRef(const DataSource *ds)
{
    if (!ds)
        return QJsonValue(QJsonValue::Undefined);
    if (ds->settings().uid.isEmpty())
        return ds->settings().name;
    return QJsonObject{{QStringLiteral("type"), ds->settings().type},
                       {QStringLiteral("uid"), ds->settings().uid}};
}

/// "A" .. "Z", "AA", "AB", ... for n = 0, 1, ...
QString refIdName(int n)
{
    QString s;
    ++n;
    while (n > 0) {
        --n;
        s.prepend(QChar(u'A' + n % 26));
        n /= 26;
    }
    return s;
}

enum LegendMode { LegendAuto, LegendVerbose, LegendCustom };
enum QueryType { TypeRange, TypeInstant, TypeBoth };

QueryType queryTypeOf(const QJsonObject &target)
{
    const bool instant = target.value(QLatin1String("instant")).toBool(false);
    const QJsonValue r = target.value(QLatin1String("range"));
    bool range = r.isBool() ? r.toBool() : !instant;
    if (!instant && !range)
        range = true;
    if (instant && range)
        return TypeBoth;
    return instant ? TypeInstant : TypeRange;
}

const char *const kFormats[] = {"time_series", "table", "heatmap"};

} // namespace

struct QueriesEditor::Card
{
    QJsonObject json;     // the target as it will be written
    QJsonObject original; // the target as loaded (or created)
    QJsonValue raw;       // as the file had it (kept when unedited, even if not an object)
    bool refIdError = false;
    bool minStepError = false;
    QString minStepMessage;

    QFrame *frame = nullptr;
    QToolButton *collapse = nullptr;
    QLineEdit *refId = nullptr;
    QLabel *summary = nullptr;
    QToolButton *hide = nullptr;
    QToolButton *duplicate = nullptr;
    QToolButton *remove = nullptr;
    QToolButton *up = nullptr;
    QToolButton *down = nullptr;
    QWidget *body = nullptr;
    QLabel *datasourceLabel = nullptr;
    QComboBox *datasource = nullptr;
    PromqlEditor *expr = nullptr;
    QPushButton *browse = nullptr;
    QComboBox *legendMode = nullptr;
    QLineEdit *legend = nullptr;
    QComboBox *queryType = nullptr;
    QLineEdit *minStep = nullptr;
    QComboBox *format = nullptr;
    QLabel *error = nullptr;
    QLabel *serverError = nullptr;
};

QueriesEditor::QueriesEditor(DataSourceRegistry *registry, QWidget *parent)
    : QWidget(parent), m_registry(registry)
{
    // No scroll area of its own: the panel editor puts the tab in one.
    QWidget *content = this;
    auto *layout = new QVBoxLayout(this);

    // Data source and Run.
    auto *top = new QHBoxLayout;
    auto *dsLabel = new QLabel(tr("Data source"), content);
    m_panelDs = new QComboBox(content);
    m_panelDs->setObjectName(QStringLiteral("panelDatasource"));
    m_panelDs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    dsLabel->setBuddy(m_panelDs);
    m_run = new QPushButton(tr("Run queries"), content);
    m_run->setObjectName(QStringLiteral("runQueries"));
    m_run->setToolTip(tr("Query again now (Shift+Enter in a query)"));
    top->addWidget(dsLabel);
    top->addWidget(m_panelDs);
    top->addStretch(1);
    top->addWidget(m_run);
    layout->addLayout(top);
    connect(m_panelDs, &QComboBox::activated, this, &QueriesEditor::onPanelDatasource);
    connect(m_run, &QPushButton::clicked, this, &QueriesEditor::runRequested);

    // Query options: collapsed to a summary line, as in Grafana.
    auto *optionsHeader = new QHBoxLayout;
    m_optionsToggle = new QToolButton(content);
    m_optionsToggle->setObjectName(QStringLiteral("queryOptionsToggle"));
    m_optionsToggle->setText(tr("Query options"));
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setAutoRaise(true);
    m_optionsSummary = new QLabel(content);
    m_optionsSummary->setObjectName(QStringLiteral("queryOptionsSummary"));
    m_optionsSummary->setTextFormat(Qt::PlainText);
    m_optionsSummary->setForegroundRole(QPalette::PlaceholderText);
    m_optionsSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    optionsHeader->addWidget(m_optionsToggle);
    optionsHeader->addWidget(m_optionsSummary, 1);
    layout->addLayout(optionsHeader);
    auto *options = new QFrame(content);
    options->setFrameShape(QFrame::StyledPanel);
    m_optionsBody = options;
    options->hide();
    connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool open) {
        m_optionsToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_optionsBody->setVisible(open);
    });
    auto *form = new QFormLayout(options);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto makeEdit = [&](const QString &name, const QString &placeholder, const QString &tip) {
        auto *e = new QLineEdit(options);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setToolTip(tip);
        return e;
    };
    m_maxDataPoints =
        makeEdit(QStringLiteral("maxDataPoints"), tr("auto (panel width)"),
                 tr("The most points a query returns per series; the step grows to fit."));
    m_minInterval = makeEdit(QStringLiteral("minInterval"), tr("No limit"),
                             tr("A lower limit for $__interval and the step, e.g. 30s or >1m."));
    m_timeFrom = makeEdit(QStringLiteral("timeFrom"), QStringLiteral("1h"),
                          tr("This panel's own relative time range, e.g. 1h or now/d; "
                             "replaces a relative dashboard time range."));
    m_timeShift = makeEdit(QStringLiteral("timeShift"), QStringLiteral("1h"),
                           tr("Moves this panel's time range back, e.g. 1h or 1d."));
    m_hideTime = new QCheckBox(tr("Hide time info"), options);
    m_hideTime->setObjectName(QStringLiteral("hideTimeOverride"));
    m_hideTime->setToolTip(tr("Do not show the panel's own time range in its header."));
    form->addRow(tr("Max data points"), m_maxDataPoints);
    form->addRow(tr("Min interval"), m_minInterval);
    form->addRow(tr("Relative time"), m_timeFrom);
    form->addRow(tr("Time shift"), m_timeShift);
    form->addRow(QString(), m_hideTime);
    layout->addWidget(options);
    m_optionsError = new QLabel(content);
    m_optionsError->setObjectName(QStringLiteral("queryOptionsError"));
    m_optionsError->setWordWrap(true);
    m_optionsError->setStyleSheet(QStringLiteral("color: #d44a3a;"));
    m_optionsError->hide();
    layout->addWidget(m_optionsError);
    const std::pair<QLineEdit *, QString> edits[] = {
        {m_maxDataPoints, QStringLiteral("maxDataPoints")},
        {m_minInterval, QStringLiteral("interval")},
        {m_timeFrom, QStringLiteral("timeFrom")},
        {m_timeShift, QStringLiteral("timeShift")},
    };
    for (const auto &[edit, key] : edits) {
        const QString k = key;
        // Checked and written when the user is done (Enter or leaving the field), as Grafana
        // does: half-typed durations ("1" on the way to "1h") are neither flagged nor run.
        connect(edit, &QLineEdit::editingFinished, this,
                [this, k, e = edit] { onOptionEdited(k, e->text()); });
    }
    connect(m_hideTime, &QCheckBox::clicked, this, [this](bool checked) {
        const QString key = QStringLiteral("hideTimeOverride");
        if (checked)
            m_values.insert(key, true);
        else if (m_original.contains(key))
            m_values.insert(key, false);
        else
            m_values.remove(key);
        updateOptionsSummary();
        edited();
    });

    // The queries.
    m_cardsLayout = new QVBoxLayout;
    m_cardsLayout->setSpacing(8);
    layout->addLayout(m_cardsLayout);
    m_add = new QPushButton(tr("Add query"), content);
    m_add->setObjectName(QStringLiteral("addQuery"));
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    layout->addLayout(addRow);
    layout->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, [this] {
        QJsonObject t{{QStringLiteral("refId"), nextRefId()}};
        QJsonValue ref;
        if (m_mixedView) {
            if (!m_cards.isEmpty() &&
                datasourceref::isSet(m_cards.last()->json.value(keyDatasource())))
                ref = m_cards.last()->json.value(keyDatasource());
            else if (m_registry)
                ref = sourceRef(m_registry->defaultSource());
        } else if (datasourceref::isSet(panelRef())) {
            ref = panelRef();
        }
        if (!ref.isUndefined() && !ref.isNull())
            t.insert(keyDatasource(), ref);
        Card *card = addCard(t, int(m_cards.size()));
        renumber();
        card->expr->setFocus();
        edited();
    });

    if (m_registry)
        connect(m_registry, &DataSourceRegistry::changed, this, [this] {
            const bool loading = m_loading;
            m_loading = true;
            fillSourceCombo(m_panelDs, panelRef(), true, m_mixedView);
            for (Card *c : std::as_const(m_cards)) {
                fillSourceCombo(c->datasource, c->json.value(keyDatasource()), false, false);
                updateCardSource(c);
            }
            m_loading = loading;
        });

    setPanel(QJsonObject());
}

QueriesEditor::~QueriesEditor()
{
    m_loading = true;
    for (Card *c : std::as_const(m_cards))
        disconnectCard(c);
    qDeleteAll(m_cards);
}

void QueriesEditor::disconnectCard(Card *card)
{
    QObject::disconnect(card->frame, nullptr, this, nullptr);
    const QList<QObject *> children = card->frame->findChildren<QObject *>();
    for (QObject *o : children)
        QObject::disconnect(o, nullptr, this, nullptr);
}

void QueriesEditor::edited()
{
    if (!m_loading)
        Q_EMIT changed();
}

QJsonValue QueriesEditor::panelRef() const
{
    return m_values.value(keyDatasource());
}

QJsonValue QueriesEditor::interpolatedRef(const QJsonValue &ref) const
{
    if (!m_variables || !datasourceref::hasVariable(datasourceref::text(ref)))
        return ref;
    const QString text = interpolate(datasourceref::text(ref), m_variables->context());
    if (text == datasourceref::text(ref))
        return ref;
    return text; // a data source variable holds a name (or uid)
}

void QueriesEditor::fillSourceCombo(QComboBox *combo, const QJsonValue &ref, bool withMixed,
                                    bool mixedSelected)
{
    combo->clear();
    QList<DataSource *> sources = m_registry ? m_registry->dataSources() : QList<DataSource *>();
    DataSource *def = m_registry ? m_registry->defaultSource() : nullptr;
    std::stable_sort(sources.begin(), sources.end(), [def](DataSource *a, DataSource *b) {
        if ((a == def) != (b == def))
            return a == def;
        return a->settings().name.localeAwareCompare(b->settings().name) < 0;
    });
    for (DataSource *ds : std::as_const(sources)) {
        combo->addItem(ds == def ? tr("%1 (default)").arg(ds->settings().name)
                                 : ds->settings().name,
                       QVariant::fromValue(sourceRef(ds)));
    }
    if (withMixed)
        combo->addItem(tr("-- Mixed --"), QVariant::fromValue(QJsonValue(datasourceref::mixed())));
    [&] {
        if (mixedSelected && withMixed) {
            combo->setCurrentIndex(combo->count() - 1);
            return;
        }
        if (!datasourceref::isSet(ref)) {
            combo->setCurrentIndex(sources.isEmpty() ? -1 : 0);
            return;
        }
        if (datasourceref::hasVariable(datasourceref::text(ref))) {
            combo->insertItem(0, datasourceref::text(ref), QVariant::fromValue(ref));
            combo->setCurrentIndex(0);
            return;
        }
        DataSource *ds = m_registry ? m_registry->resolve(ref) : nullptr;
        const int index = ds ? int(sources.indexOf(ds)) : -1;
        if (index >= 0) {
            combo->setCurrentIndex(index);
            return;
        }
        combo->insertItem(0, tr("%1 (not configured)").arg(datasourceref::text(ref)),
                          QVariant::fromValue(ref));
        combo->setCurrentIndex(0);
    }();
    // Choosing the entry shown already changes nothing.
    combo->setProperty("shownIndex", combo->currentIndex());
}

void QueriesEditor::setPanel(const QJsonObject &panel)
{
    m_loading = true;
    static const char *const owned[] = {"datasource", "maxDataPoints", "interval",
                                        "timeFrom",   "timeShift",     "hideTimeOverride"};
    m_original = QJsonObject();
    for (const char *k : owned) {
        const QString key = QLatin1String(k);
        if (panel.contains(key))
            m_original.insert(key, panel.value(key));
    }
    m_values = m_original;
    m_optionErrors.clear();
    m_originalTargets = panel.value(QLatin1String("targets")).toArray();
    loadPanelOptions();

    // Mixed: the panel says so, or its targets name different data sources.
    bool mixed = datasourceref::isMixed(panelRef());
    if (!mixed && m_registry) {
        DataSource *panelSource = m_registry->resolve(interpolatedRef(panelRef()));
        for (const QJsonValue &v : std::as_const(m_originalTargets)) {
            const QJsonValue ref = v.toObject().value(keyDatasource());
            if (!datasourceref::isSet(ref) || datasourceref::isMixed(ref))
                continue;
            if (datasourceref::hasVariable(datasourceref::text(ref))
                    ? datasourceref::text(ref) != datasourceref::text(panelRef())
                    : m_registry->resolve(ref) != panelSource) {
                mixed = true;
                break;
            }
        }
    }
    m_mixedView = mixed;
    fillSourceCombo(m_panelDs, panelRef(), true, mixed);

    // The cards there are show the new targets (an undo keeps the focus and what is
    // collapsed); the others are added or removed.
    const int count = int(m_originalTargets.size());
    while (m_cards.size() > count)
        removeCard(int(m_cards.size()) - 1);
    for (int i = 0; i < count; ++i) {
        if (i < m_cards.size())
            loadCard(m_cards[i], m_originalTargets[i].toObject());
        else
            addCard(m_originalTargets[i].toObject(), i);
        m_cards[i]->raw = m_originalTargets[i];
    }
    setMixedView(mixed);
    renumber();
    m_loading = false;
}

void QueriesEditor::loadPanelOptions()
{
    auto text = [&](const QString &key) {
        const QJsonValue v = m_values.value(key);
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble());
        return QString();
    };
    m_maxDataPoints->setText(text(QStringLiteral("maxDataPoints")));
    m_minInterval->setText(text(QStringLiteral("interval")));
    m_timeFrom->setText(text(QStringLiteral("timeFrom")));
    m_timeShift->setText(text(QStringLiteral("timeShift")));
    m_hideTime->setChecked(m_values.value(QLatin1String("hideTimeOverride")).toBool(false));
    for (QLineEdit *e : {m_maxDataPoints, m_minInterval, m_timeFrom, m_timeShift}) {
        e->setStyleSheet(QString());
    }
    m_optionsError->clear();
    m_optionsError->hide();
    updateOptionsSummary();
}

void QueriesEditor::updateOptionsSummary()
{
    auto text = [&](const char *key) {
        const QJsonValue v = m_values.value(QLatin1String(key));
        return v.isDouble() ? QString::number(v.toDouble()) : v.toString().trimmed();
    };
    QStringList parts;
    const QString mdp = text("maxDataPoints");
    parts << tr("Max data points: %1").arg(mdp.isEmpty() ? tr("auto") : mdp);
    const QString interval = text("interval");
    parts << tr("Min interval: %1").arg(interval.isEmpty() ? tr("no limit") : interval);
    if (!text("timeFrom").isEmpty())
        parts << tr("Relative time: %1").arg(text("timeFrom"));
    if (!text("timeShift").isEmpty())
        parts << tr("Time shift: %1").arg(text("timeShift"));
    if (m_values.value(QLatin1String("hideTimeOverride")).toBool(false))
        parts << tr("Time info hidden");
    m_optionsSummary->setText(parts.join(QStringLiteral("  ·  ")));
}

QJsonObject QueriesEditor::applyTo(const QJsonObject &panel) const
{
    QJsonObject out = panel;
    static const char *const owned[] = {"datasource", "maxDataPoints", "interval",
                                        "timeFrom",   "timeShift",     "hideTimeOverride"};
    for (const char *k : owned) {
        const QString key = QLatin1String(k);
        const QJsonValue now = m_values.value(key);
        if (now != m_original.value(key))
            json::setValueAt(out, key, now);
    }
    QJsonArray targets;
    for (const Card *c : m_cards)
        targets.append(c->json == c->original && !c->raw.isUndefined() ? c->raw
                                                                       : QJsonValue(c->json));
    if (targets != m_originalTargets)
        out.insert(QStringLiteral("targets"), targets);
    return out;
}

namespace {

/// Empty when `text` is a min interval / min step the query plan applies: "30s", ">1m",
/// "1m30s", or one holding a variable ("$__rate_interval").
bool validInterval(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty() || s.contains(QLatin1Char('$')))
        return true;
    if (s.startsWith(QLatin1Char('>')))
        s.remove(0, 1);
    const auto ms = parseDurationMs(s.trimmed());
    return ms && *ms > 0;
}

} // namespace

void QueriesEditor::onOptionEdited(const QString &key, const QString &rawText)
{
    const QString text = rawText.trimmed();
    // Cleared: back to no key (or null, as Grafana writes a cleared option, when it had one).
    const QJsonValue empty =
        m_original.contains(key) ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);
    QJsonValue value;
    QString error;
    if (text.isEmpty()) {
        value = empty;
    } else if (key == QLatin1String("maxDataPoints")) {
        bool ok = false;
        const int n = text.toInt(&ok);
        if (ok && n > 0)
            value = n;
        else
            error = tr("Max data points must be a whole number greater than 0.");
    } else if (key == QLatin1String("interval")) {
        if (validInterval(text))
            value = text;
        else
            error = tr("Min interval “%1” is not a valid interval: use a number and a unit, "
                       "e.g. 30s, 1m or >1m.")
                        .arg(text);
    } else {
        // Checked as the panel renderer applies it (dashboards/timenavigation).
        PanelTimeOverride o;
        (key == QLatin1String("timeFrom") ? o.timeFrom : o.timeShift) = text;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TimeRange dashboardRange;
        const auto resolved = dashboardRange.resolve(now, QTimeZone::utc());
        const PanelTimeResult r = applyPanelTimeOverride(
            o, dashboardRange, resolved.value_or(ResolvedTimeRange{}), now, QTimeZone::utc());
        if (!r.error.isEmpty() || !resolved) {
            error = key == QLatin1String("timeFrom")
                        ? tr("Relative time “%1” is not valid: use e.g. 1h, 2d, now/d or "
                             "now-5m.")
                              .arg(text)
                        : tr("Time shift “%1” is not valid: use a duration such as 1h or 2d.")
                              .arg(text);
        } else {
            value = text;
        }
    }
    setOptionError(key, error);
    if (!error.isEmpty() || value == m_values.value(key))
        return;
    if (value.isUndefined())
        m_values.remove(key);
    else
        m_values.insert(key, value);
    updateOptionsSummary();
    edited();
}

void QueriesEditor::setOptionError(const QString &key, const QString &message)
{
    if (message.isEmpty())
        m_optionErrors.remove(key);
    else
        m_optionErrors.insert(key, message);
    const std::pair<QString, QLineEdit *> fields[] = {
        {QStringLiteral("maxDataPoints"), m_maxDataPoints},
        {QStringLiteral("interval"), m_minInterval},
        {QStringLiteral("timeFrom"), m_timeFrom},
        {QStringLiteral("timeShift"), m_timeShift},
    };
    QStringList messages;
    for (const auto &[k, edit] : fields) {
        const bool bad = m_optionErrors.contains(k);
        edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid #d44a3a; }")
                                : QString());
        edit->setToolTip(bad ? m_optionErrors.value(k) : QString());
        if (bad)
            messages << m_optionErrors.value(k);
    }
    m_optionsError->setText(messages.join(QLatin1Char('\n')));
    m_optionsError->setVisible(!messages.isEmpty());
}

void QueriesEditor::onPanelDatasource(int index)
{
    if (index == m_panelDs->property("shownIndex").toInt())
        return;
    m_panelDs->setProperty("shownIndex", index);
    const QJsonValue ref = m_panelDs->itemData(index).toJsonValue();
    if (datasourceref::isMixed(ref)) {
        // Every target keeps the data source it used: name it.
        QJsonValue previous = panelRef();
        if (!datasourceref::isSet(previous) && m_registry)
            previous = sourceRef(m_registry->defaultSource());
        for (Card *c : std::as_const(m_cards)) {
            if (!datasourceref::isSet(c->json.value(keyDatasource())) && !previous.isUndefined())
                c->json.insert(keyDatasource(), previous);
        }
        m_values.insert(keyDatasource(), ref);
        m_loading = true;
        for (Card *c : std::as_const(m_cards))
            fillSourceCombo(c->datasource, c->json.value(keyDatasource()), false, false);
        m_loading = false;
        setMixedView(true);
    } else {
        m_values.insert(keyDatasource(), ref);
        // The targets that name a data source move to the panel's, as in Grafana.
        for (Card *c : std::as_const(m_cards)) {
            if (datasourceref::isSet(c->json.value(keyDatasource())))
                c->json.insert(keyDatasource(), ref);
        }
        setMixedView(false);
        // The variable or unknown entry is no longer the choice: rebuild the list.
        m_loading = true;
        fillSourceCombo(m_panelDs, ref, true, false);
        m_loading = false;
    }
    for (Card *c : std::as_const(m_cards))
        updateCardSource(c);
    edited();
}

void QueriesEditor::onCardDatasource(Card *card, int index)
{
    if (index == card->datasource->property("shownIndex").toInt())
        return;
    card->datasource->setProperty("shownIndex", index);
    const QJsonValue ref = card->datasource->itemData(index).toJsonValue();
    card->json.insert(keyDatasource(), ref);
    updateCardSource(card);
    edited();
}

void QueriesEditor::setMixedView(bool mixed)
{
    m_mixedView = mixed;
    for (Card *c : std::as_const(m_cards)) {
        c->datasource->setVisible(mixed);
        c->datasourceLabel->setVisible(mixed);
    }
}

void QueriesEditor::updateCardSource(Card *card)
{
    QJsonValue ref = card->json.value(keyDatasource());
    if (!datasourceref::isSet(ref) || datasourceref::isMixed(ref))
        ref = panelRef();
    DataSource *ds = nullptr;
    if (m_registry) {
        bool mixed = false;
        ds = m_registry->resolve(interpolatedRef(ref), nullptr, &mixed);
        if (!ds && mixed)
            ds = m_registry->resolve(QJsonValue(QJsonValue::Null));
    }
    card->expr->setDataSource(ds);
}

QString QueriesEditor::nextRefId() const
{
    QStringList used;
    for (const Card *c : m_cards)
        used << c->json.value(QLatin1String("refId")).toString() << c->refId->text().trimmed();
    for (int n = 0;; ++n) {
        const QString id = refIdName(n);
        if (!used.contains(id))
            return id;
    }
}

void QueriesEditor::loadCard(Card *card, const QJsonObject &t)
{
    const bool loading = m_loading;
    m_loading = true;
    card->json = t;
    card->original = t;
    card->raw = t;
    card->refId->setText(t.value(QLatin1String("refId")).toString());
    card->refIdError = false;
    card->minStepError = false;
    updateCardErrors(card);
    card->hide->setChecked(t.value(QLatin1String("hide")).toBool(false));
    updateHideButton(card);
    card->expr->setVariableSet(m_variables);
    card->expr->setTimeRange(m_fromMs, m_toMs);
    const QString expr = t.value(QLatin1String("expr")).toString();
    if (card->expr->query() != expr) { // the same text keeps the cursor and the error
        card->expr->setQuery(expr);
        card->serverError->clear();
        card->serverError->hide();
    }
    card->summary->setText(expr.simplified());
    card->summary->setToolTip(expr.simplified());
    const QString legend = t.value(QLatin1String("legendFormat")).toString();
    const int mode = legend == QLatin1String("__auto") ? LegendAuto
                     : legend.isEmpty()                ? LegendVerbose
                                                       : LegendCustom;
    card->legendMode->setCurrentIndex(mode);
    card->legend->setText(mode == LegendCustom ? legend : QString());
    card->legend->setVisible(mode == LegendCustom);
    card->queryType->setCurrentIndex(queryTypeOf(t));
    card->minStep->setText(t.value(QLatin1String("interval")).toString());
    const QString format = t.value(QLatin1String("format")).toString();
    while (card->format->count() > int(std::size(kFormats)))
        card->format->removeItem(card->format->count() - 1);
    const int formatIndex = card->format->findData(format);
    if (formatIndex >= 0) {
        card->format->setCurrentIndex(formatIndex);
    } else if (format.isEmpty()) {
        card->format->setCurrentIndex(0);
    } else {
        card->format->addItem(format, format); // kept as written
        card->format->setCurrentIndex(card->format->count() - 1);
    }
    fillSourceCombo(card->datasource, t.value(keyDatasource()), false, false);
    card->datasource->setVisible(m_mixedView);
    card->datasourceLabel->setVisible(m_mixedView);
    updateCardSource(card);

    m_loading = loading;
}

QueriesEditor::Card *QueriesEditor::addCard(const QJsonObject &target, int index)
{
    auto *card = new Card;
    card->json = target;
    const bool loading = m_loading;
    m_loading = true;

    card->frame = new QFrame;
    card->frame->setFrameShape(QFrame::StyledPanel);
    auto *v = new QVBoxLayout(card->frame);
    v->setContentsMargins(6, 4, 6, 6);

    // Header: collapse, refId, summary, hide, duplicate, remove, up, down.
    auto *header = new QHBoxLayout;
    auto tool = [&](const QString &text, const QString &tip) {
        auto *b = new QToolButton(card->frame);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    card->collapse = tool(QString(), tr("Collapse or expand this query"));
    card->collapse->setArrowType(Qt::DownArrow);
    card->collapse->setAccessibleName(tr("Collapse or expand this query"));
    card->collapse->setCheckable(true);
    card->refId = new QLineEdit(card->frame);
    card->refId->setToolTip(tr("The query's name (refId), unique in the panel"));
    card->refId->setMaximumWidth(120);
    card->summary = new QLabel(card->frame);
    card->summary->setTextFormat(Qt::PlainText);
    card->summary->hide();
    card->summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    card->hide = tool(tr("Hide"), tr("Hide this query's response (it is not run)"));
    card->hide->setCheckable(true);
    card->duplicate = tool(tr("Duplicate"), tr("Duplicate this query"));
    card->remove = tool(tr("Remove"), tr("Remove this query"));
    card->up = tool(QString(), tr("Move up"));
    card->up->setArrowType(Qt::UpArrow);
    card->up->setAccessibleName(tr("Move up"));
    card->down = tool(QString(), tr("Move down"));
    card->down->setArrowType(Qt::DownArrow);
    card->down->setAccessibleName(tr("Move down"));
    header->addWidget(card->collapse);
    header->addWidget(card->refId);
    header->addWidget(card->summary, 1);
    header->addStretch();
    for (QToolButton *b : {card->hide, card->duplicate, card->remove, card->up, card->down})
        header->addWidget(b);
    v->addLayout(header);

    // Body.
    card->body = new QWidget(card->frame);
    auto *form = new QFormLayout(card->body);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    card->datasourceLabel = new QLabel(tr("Data source"), card->body);
    card->datasource = new QComboBox(card->body);
    card->datasource->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    card->datasourceLabel->setBuddy(card->datasource);
    form->addRow(card->datasourceLabel, card->datasource);
    card->expr = new PromqlEditor(card->body);
    // As tall as the query (2 to 12 lines).
    PromqlEditor *expr = card->expr;
    auto fit = [expr] {
        const int lines = std::clamp(int(expr->document()->size().height()), 2, 12);
        expr->setFixedHeight(expr->fontMetrics().lineSpacing() * lines +
                             int(2 * expr->document()->documentMargin()) + 2 * expr->frameWidth() +
                             2);
    };
    connect(expr->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            expr, fit);
    fit();
    card->expr->setPlaceholderText(tr("Enter a PromQL query (Shift+Enter to run)"));
    // Grafana's "Metrics browser" beside the query: pick a metric, labels and values; the
    // selector goes in at the cursor.
    card->browse = new QPushButton(tr("Metrics browser…"), card->body);
    card->browse->setToolTip(tr("Build a selector from the metrics, labels and values the "
                                "data source has"));
    connect(card->browse, &QPushButton::clicked, this,
            [expr] { MetricsBrowser::openFor(expr, expr->window()); });
    auto *queryRow = new QWidget(card->body);
    auto *queryLayout = new QHBoxLayout(queryRow);
    queryLayout->setContentsMargins(0, 0, 0, 0);
    queryLayout->addWidget(card->browse, 0, Qt::AlignTop);
    queryLayout->addWidget(card->expr, 1);
    form->addRow(tr("Query"), queryRow);
    card->serverError = new QLabel(card->body);
    card->serverError->setWordWrap(true);
    card->serverError->setTextFormat(Qt::PlainText);
    card->serverError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    card->serverError->setStyleSheet(QStringLiteral("color: #d44a3a;"));
    card->serverError->hide();
    form->addRow(QString(), card->serverError);

    auto *legendRow = new QHBoxLayout;
    card->legendMode = new QComboBox(card->body);
    card->legendMode->addItem(tr("Auto"));
    card->legendMode->addItem(tr("Verbose"));
    card->legendMode->addItem(tr("Custom"));
    card->legendMode->setToolTip(
        tr("Auto: only the labels the series do not share; Verbose: the full series name; "
           "Custom: a text with {{label}} placeholders"));
    card->legend = new QLineEdit(card->body);
    card->legend->setPlaceholderText(QStringLiteral("{{label_name}}"));
    legendRow->addWidget(card->legendMode);
    legendRow->addWidget(card->legend, 1);
    legendRow->addStretch(0); // takes the room while the text is hidden
    form->addRow(tr("Legend"), legendRow);

    auto *optionsRow = new QHBoxLayout;
    card->queryType = new QComboBox(card->body);
    card->queryType->addItem(tr("Range"));
    card->queryType->addItem(tr("Instant"));
    card->queryType->addItem(tr("Both"));
    card->minStep = new QLineEdit(card->body);
    card->minStep->setPlaceholderText(tr("auto"));
    card->minStep->setToolTip(tr("The smallest step of the query, e.g. 30s or $__rate_interval"));
    card->format = new QComboBox(card->body);
    card->format->addItem(tr("Time series"), QString::fromLatin1(kFormats[0]));
    card->format->addItem(tr("Table"), QString::fromLatin1(kFormats[1]));
    card->format->addItem(tr("Heatmap"), QString::fromLatin1(kFormats[2]));
    auto *typeLabel = new QLabel(tr("Type"), card->body);
    typeLabel->setBuddy(card->queryType);
    auto *stepLabel = new QLabel(tr("Min step"), card->body);
    stepLabel->setBuddy(card->minStep);
    auto *formatLabel = new QLabel(tr("Format"), card->body);
    formatLabel->setBuddy(card->format);
    optionsRow->addWidget(typeLabel);
    optionsRow->addWidget(card->queryType);
    optionsRow->addWidget(stepLabel);
    optionsRow->addWidget(card->minStep, 1);
    optionsRow->addWidget(formatLabel);
    optionsRow->addWidget(card->format);
    form->addRow(optionsRow);
    card->error = new QLabel(card->body);
    card->error->setWordWrap(true);
    card->error->setStyleSheet(QStringLiteral("color: #d44a3a;"));
    card->error->hide();
    form->addRow(card->error);
    v->addWidget(card->body);

    // Edits.
    connect(card->collapse, &QToolButton::toggled, this, [card](bool collapsed) {
        card->collapse->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
        card->body->setVisible(!collapsed);
        const QString expr = card->expr->query().simplified();
        card->summary->setText(expr);
        card->summary->setToolTip(expr);
        card->summary->setVisible(collapsed);
    });
    connect(card->refId, &QLineEdit::editingFinished, this, [this, card] {
        const QString id = card->refId->text().trimmed();
        bool taken = false;
        for (const Card *c : std::as_const(m_cards))
            if (c != card && c->json.value(QLatin1String("refId")).toString() == id)
                taken = true;
        card->refIdError = id.isEmpty() || taken;
        if (id.isEmpty())
            card->refId->setToolTip(tr("A query needs a name."));
        else if (taken)
            card->refId->setToolTip(tr("Another query is already named “%1”.").arg(id));
        updateCardErrors(card);
        if (card->refIdError || card->json.value(QLatin1String("refId")).toString() == id)
            return;
        card->json.insert(QStringLiteral("refId"), id);
        edited();
    });
    connect(card->hide, &QToolButton::clicked, this, [this, card](bool hidden) {
        if (hidden)
            card->json.insert(QStringLiteral("hide"), true);
        else if (card->original.contains(QLatin1String("hide")))
            card->json.insert(QStringLiteral("hide"), false);
        else
            card->json.remove(QStringLiteral("hide"));
        updateHideButton(card);
        edited();
    });
    connect(card->duplicate, &QToolButton::clicked, this, [this, card] {
        QJsonObject copy = card->json;
        copy.insert(QStringLiteral("refId"), nextRefId());
        addCard(copy, int(m_cards.indexOf(card)) + 1);
        renumber();
        edited();
    });
    connect(card->remove, &QToolButton::clicked, this, [this, card] {
        removeCard(int(m_cards.indexOf(card)));
        edited();
    });
    connect(card->up, &QToolButton::clicked, this, [this, card] {
        const int i = int(m_cards.indexOf(card));
        if (i > 0) {
            moveCard(i, i - 1);
            edited();
        }
    });
    connect(card->down, &QToolButton::clicked, this, [this, card] {
        const int i = int(m_cards.indexOf(card));
        if (i >= 0 && i + 1 < m_cards.size()) {
            moveCard(i, i + 1);
            edited();
        }
    });
    connect(card->datasource, &QComboBox::activated, this,
            [this, card](int index) { onCardDatasource(card, index); });
    connect(card->expr, &QPlainTextEdit::textChanged, this, [this, card] {
        if (m_loading)
            return;
        const QString expr = card->expr->query();
        if (card->json.value(QLatin1String("expr")).toString() == expr &&
            card->json.contains(QLatin1String("expr")))
            return; // a format change, not an edit
        card->json.insert(QStringLiteral("expr"), expr);
        // Grafana opens a query written in its builder in the builder; this one is code now.
        if (card->json.value(QLatin1String("editorMode")).toString() == QLatin1String("builder"))
            card->json.insert(QStringLiteral("editorMode"), QStringLiteral("code"));
        edited();
    });
    connect(card->expr, &PromqlEditor::runRequested, this, &QueriesEditor::runRequested);
    connect(card->legendMode, &QComboBox::activated, this, [this, card](int mode) {
        const QString key = QStringLiteral("legendFormat");
        card->legend->setVisible(mode == LegendCustom);
        if (mode == LegendAuto)
            card->json.insert(key, QStringLiteral("__auto"));
        else if (mode == LegendVerbose)
            card->json.insert(key, QString());
        else {
            card->json.insert(key, card->legend->text());
            card->legend->setFocus();
        }
        edited();
    });
    connect(card->legend, &QLineEdit::textEdited, this, [this, card](const QString &text) {
        card->json.insert(QStringLiteral("legendFormat"), text);
        edited();
    });
    connect(card->queryType, &QComboBox::activated, this, [this, card](int type) {
        card->json.insert(QStringLiteral("range"), type != TypeInstant);
        card->json.insert(QStringLiteral("instant"), type != TypeRange);
        edited();
    });
    connect(card->minStep, &QLineEdit::editingFinished, this, [this, card] {
        const QString text = card->minStep->text().trimmed();
        card->minStepError = !validInterval(text);
        card->minStepMessage =
            card->minStepError
                ? tr("Min step “%1” is not a valid interval: use a number and a unit, e.g. "
                     "30s or 1m.")
                      .arg(text)
                : QString();
        updateCardErrors(card);
        if (card->minStepError)
            return;
        const QString key = QStringLiteral("interval");
        const QJsonValue before = card->json.value(key);
        if (text.isEmpty() && !card->original.contains(key))
            card->json.remove(key);
        else
            card->json.insert(key, text);
        if (card->json.value(key) != before)
            edited();
    });
    connect(card->format, &QComboBox::activated, this, [this, card](int index) {
        card->json.insert(QStringLiteral("format"), card->format->itemData(index).toString());
        edited();
    });

    loadCard(card, target);
    m_cards.insert(index, card);
    m_cardsLayout->insertWidget(index, card->frame);
    card->frame->show(); // now, not when the layout gets to it
    m_loading = loading;
    return card;
}

void QueriesEditor::updateHideButton(Card *card)
{
    const bool hidden = card->hide->isChecked();
    card->hide->setText(hidden ? tr("Hidden") : tr("Hide"));
    card->hide->setToolTip(hidden ? tr("This query is not run: click to show its response")
                                  : tr("Hide this query's response (it is not run)"));
    QFont f = card->refId->font();
    f.setItalic(hidden);
    card->refId->setFont(f);
}

void QueriesEditor::updateCardErrors(Card *card)
{
    QStringList messages;
    if (card->refIdError)
        messages << card->refId->toolTip();
    else
        card->refId->setToolTip(tr("The query's name (refId), unique in the panel"));
    if (card->minStepError)
        messages << card->minStepMessage;
    const QString bad = QStringLiteral("QLineEdit { border: 1px solid #d44a3a; }");
    card->refId->setStyleSheet(card->refIdError ? bad : QString());
    card->minStep->setStyleSheet(card->minStepError ? bad : QString());
    card->error->setText(messages.join(QLatin1Char('\n')));
    card->error->setVisible(!messages.isEmpty());
}

void QueriesEditor::removeCard(int index)
{
    if (index < 0 || index >= m_cards.size())
        return;
    Card *card = m_cards.takeAt(index);
    disconnectCard(card);
    m_cardsLayout->removeWidget(card->frame);
    card->frame->hide();
    card->frame->setParent(nullptr);
    card->frame->deleteLater(); // the click that removes it may still be on the stack
    delete card;
    renumber();
}

void QueriesEditor::moveCard(int from, int to)
{
    Card *card = m_cards.takeAt(from);
    m_cards.insert(to, card);
    m_cardsLayout->removeWidget(card->frame);
    m_cardsLayout->insertWidget(to, card->frame);
    renumber();
}

void QueriesEditor::renumber()
{
    for (int i = 0; i < m_cards.size(); ++i) {
        Card *c = m_cards[i];
        const QString n = QString::number(i);
        auto name = [&](QObject *o, const char *base) {
            o->setObjectName(QLatin1String(base) + QLatin1Char('-') + n);
        };
        name(c->frame, "query");
        name(c->collapse, "collapse");
        name(c->refId, "refId");
        name(c->summary, "summary");
        name(c->hide, "hide");
        name(c->duplicate, "duplicate");
        name(c->remove, "remove");
        name(c->up, "up");
        name(c->down, "down");
        name(c->datasource, "datasource");
        name(c->expr, "expr");
        name(c->browse, "metricsBrowser");
        name(c->serverError, "serverError");
        name(c->legendMode, "legendMode");
        name(c->legend, "legend");
        name(c->queryType, "queryType");
        name(c->minStep, "minStep");
        name(c->format, "format");
        name(c->error, "error");
        c->up->setEnabled(i > 0);
        c->down->setEnabled(i + 1 < m_cards.size());
    }
}

void QueriesEditor::clearCards()
{
    for (Card *c : std::as_const(m_cards)) {
        disconnectCard(c);
        m_cardsLayout->removeWidget(c->frame);
        c->frame->hide();
        c->frame->setParent(nullptr);
        c->frame->deleteLater();
        delete c;
    }
    m_cards.clear();
}

void QueriesEditor::setVariableSet(VariableSet *variables)
{
    m_variables = variables;
    for (Card *c : std::as_const(m_cards)) {
        c->expr->setVariableSet(variables);
        updateCardSource(c);
    }
}

void QueriesEditor::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    for (Card *c : std::as_const(m_cards))
        c->expr->setTimeRange(fromMs, toMs);
}

void QueriesEditor::setResults(const PanelData &data)
{
    for (Card *c : std::as_const(m_cards)) {
        const QString refId = c->json.value(QLatin1String("refId")).toString();
        const QString query = c->expr->query();
        QString message;
        bool stale = false;
        bool sameText = true;
        for (const TargetResult &t : data.targets) {
            if (t.refId != refId)
                continue;
            // A result for an older text would mark the wrong position; with variables the
            // text sent differs from the one shown, so the error has no position here.
            const bool same = t.expr.trimmed() == query.trimmed();
            if (!query.contains(QLatin1Char('$')) && !same)
                stale = true;
            if (t.error.isError() && t.error.kind != DataSourceError::Kind::Cancelled &&
                message.isEmpty()) {
                message = t.error.message();
                sameText = same;
            }
        }
        if (stale)
            continue;
        if (message.isEmpty() || !sameText)
            c->expr->clearServerError();
        else
            c->expr->setServerError(message);
        c->serverError->setText(message);
        c->serverError->setVisible(!message.isEmpty());
    }
}

int QueriesEditor::queryCount() const
{
    return int(m_cards.size());
}

PromqlEditor *QueriesEditor::exprEditor(int row) const
{
    if (row < 0 || row >= m_cards.size())
        return nullptr;
    return m_cards[row]->expr;
}

} // namespace pharos
