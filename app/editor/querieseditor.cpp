#include "app/editor/querieseditor.h"
#include "datasources/datasourceref.h"

#include "dashboards/query/queryplan.h"

#include "app/editor/promqleditor.h"
#include "app/editor/querycard.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/query/interval.h"
#include "dashboards/query/paneldata.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/interpolation.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasource.h"
#include "datasources/datasourceregistry.h"

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

} // namespace

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
                datasourceref::isSet(m_cards.last()->json().value(keyDatasource())))
                ref = m_cards.last()->json().value(keyDatasource());
            else if (m_registry)
                ref = sourceRef(m_registry->defaultSource());
        } else if (datasourceref::isSet(panelRef())) {
            ref = panelRef();
        }
        if (!ref.isUndefined() && !ref.isNull())
            t.insert(keyDatasource(), ref);
        QueryCard *card = addCard(t, int(m_cards.size()));
        renumber();
        card->expr()->setFocus();
        edited();
    });

    if (m_registry)
        connect(m_registry, &DataSourceRegistry::changed, this, [this] {
            const bool loading = m_loading;
            m_loading = true;
            fillSourceCombo(m_panelDs, panelRef(), true, m_mixedView);
            for (QueryCard *c : std::as_const(m_cards)) {
                fillSourceCombo(c->datasourceCombo(), c->json().value(keyDatasource()), false,
                                false);
                updateCardSource(c);
            }
            m_loading = loading;
        });

    setPanel(QJsonObject());
}

QueriesEditor::~QueriesEditor()
{
    m_loading = true;
    for (QueryCard *c : std::as_const(m_cards))
        disconnectCard(c);
    qDeleteAll(m_cards);
}

void QueriesEditor::disconnectCard(QueryCard *card)
{
    QObject::disconnect(card, nullptr, this, nullptr);
    const QList<QObject *> children = card->findChildren<QObject *>();
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
        m_cards[i]->setRaw(m_originalTargets[i]);
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
    for (const QueryCard *c : m_cards)
        targets.append(c->target());
    if (targets != m_originalTargets)
        out.insert(QStringLiteral("targets"), targets);
    return out;
}

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
        if (isValidQueryInterval(text))
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
        for (QueryCard *c : std::as_const(m_cards)) {
            if (!datasourceref::isSet(c->json().value(keyDatasource())) && !previous.isUndefined())
                c->json().insert(keyDatasource(), previous);
        }
        m_values.insert(keyDatasource(), ref);
        m_loading = true;
        for (QueryCard *c : std::as_const(m_cards))
            fillSourceCombo(c->datasourceCombo(), c->json().value(keyDatasource()), false, false);
        m_loading = false;
        setMixedView(true);
    } else {
        m_values.insert(keyDatasource(), ref);
        // The targets that name a data source move to the panel's, as in Grafana.
        for (QueryCard *c : std::as_const(m_cards)) {
            if (datasourceref::isSet(c->json().value(keyDatasource())))
                c->json().insert(keyDatasource(), ref);
        }
        setMixedView(false);
        // The variable or unknown entry is no longer the choice: rebuild the list.
        m_loading = true;
        fillSourceCombo(m_panelDs, ref, true, false);
        m_loading = false;
    }
    for (QueryCard *c : std::as_const(m_cards))
        updateCardSource(c);
    edited();
}

void QueriesEditor::onCardDatasource(QueryCard *card, int index)
{
    if (index == card->datasourceCombo()->property("shownIndex").toInt())
        return;
    card->datasourceCombo()->setProperty("shownIndex", index);
    const QJsonValue ref = card->datasourceCombo()->itemData(index).toJsonValue();
    card->json().insert(keyDatasource(), ref);
    updateCardSource(card);
    edited();
}

void QueriesEditor::setMixedView(bool mixed)
{
    m_mixedView = mixed;
    for (QueryCard *c : std::as_const(m_cards)) {
        c->setDatasourceVisible(mixed);
    }
}

void QueriesEditor::updateCardSource(QueryCard *card)
{
    QJsonValue ref = card->json().value(keyDatasource());
    if (!datasourceref::isSet(ref) || datasourceref::isMixed(ref))
        ref = panelRef();
    DataSource *ds = nullptr;
    if (m_registry) {
        bool mixed = false;
        ds = m_registry->resolve(interpolatedRef(ref), nullptr, &mixed);
        if (!ds && mixed)
            ds = m_registry->resolve(QJsonValue(QJsonValue::Null));
    }
    card->expr()->setDataSource(ds);
}

QString QueriesEditor::nextRefId() const
{
    QStringList used;
    for (const QueryCard *c : m_cards)
        used << c->json().value(QLatin1String("refId")).toString() << c->typedRefId();
    for (int n = 0;; ++n) {
        const QString id = refIdName(n);
        if (!used.contains(id))
            return id;
    }
}

void QueriesEditor::loadCard(QueryCard *card, const QJsonObject &t)
{
    const bool loading = m_loading;
    m_loading = true;
    card->expr()->setVariableSet(m_variables);
    card->expr()->setTimeRange(m_fromMs, m_toMs);
    card->load(t);
    fillSourceCombo(card->datasourceCombo(), t.value(keyDatasource()), false, false);
    card->setDatasourceVisible(m_mixedView);
    updateCardSource(card);

    m_loading = loading;
}

QueryCard *QueriesEditor::addCard(const QJsonObject &target, int index)
{
    const bool loading = m_loading;
    m_loading = true;
    auto *card = new QueryCard;
    card->json() = target;
    card->setRefIdTaken([this, card](const QString &id) {
        for (const QueryCard *c : std::as_const(m_cards))
            if (c != card && c->json().value(QLatin1String("refId")).toString() == id)
                return true;
        return false;
    });
    connect(card, &QueryCard::edited, this, &QueriesEditor::edited);
    connect(card, &QueryCard::runRequested, this, &QueriesEditor::runRequested);
    connect(card, &QueryCard::datasourceActivated, this,
            [this, card](int index) { onCardDatasource(card, index); });
    connect(card, &QueryCard::duplicateRequested, this, [this, card] {
        QJsonObject copy = card->json();
        copy.insert(QStringLiteral("refId"), nextRefId());
        addCard(copy, int(m_cards.indexOf(card)) + 1);
        renumber();
        edited();
    });
    connect(card, &QueryCard::removeRequested, this, [this, card] {
        removeCard(int(m_cards.indexOf(card)));
        edited();
    });
    connect(card, &QueryCard::moveRequested, this, [this, card](int delta) {
        const int i = int(m_cards.indexOf(card));
        const int to = i + delta;
        if (i >= 0 && to >= 0 && to < m_cards.size()) {
            moveCard(i, to);
            edited();
        }
    });

    loadCard(card, target);
    m_cards.insert(index, card);
    m_cardsLayout->insertWidget(index, card);
    card->show(); // now, not when the layout gets to it
    m_loading = loading;
    return card;
}

void QueriesEditor::removeCard(int index)
{
    if (index < 0 || index >= m_cards.size())
        return;
    QueryCard *card = m_cards.takeAt(index);
    disconnectCard(card);
    m_cardsLayout->removeWidget(card);
    card->hide();
    card->setParent(nullptr);
    card->deleteLater(); // the click that removes it may still be on the stack
    renumber();
}

void QueriesEditor::moveCard(int from, int to)
{
    QueryCard *card = m_cards.takeAt(from);
    m_cards.insert(to, card);
    m_cardsLayout->removeWidget(card);
    m_cardsLayout->insertWidget(to, card);
    renumber();
}

void QueriesEditor::renumber()
{
    for (int i = 0; i < m_cards.size(); ++i)
        m_cards[i]->setIndex(i, int(m_cards.size()));
}

void QueriesEditor::clearCards()
{
    for (QueryCard *c : std::as_const(m_cards)) {
        disconnectCard(c);
        m_cardsLayout->removeWidget(c);
        c->hide();
        c->setParent(nullptr);
        c->deleteLater();
    }
    m_cards.clear();
}

void QueriesEditor::setVariableSet(VariableSet *variables)
{
    m_variables = variables;
    for (QueryCard *c : std::as_const(m_cards)) {
        c->expr()->setVariableSet(variables);
        updateCardSource(c);
    }
}

void QueriesEditor::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    for (QueryCard *c : std::as_const(m_cards))
        c->expr()->setTimeRange(fromMs, toMs);
}

void QueriesEditor::setResults(const PanelData &data)
{
    for (QueryCard *c : std::as_const(m_cards)) {
        const QString refId = c->json().value(QLatin1String("refId")).toString();
        const QString query = c->expr()->query();
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
            c->expr()->clearServerError();
        else
            c->expr()->setServerError(message);
        c->setServerError(message);
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
    return m_cards[row]->expr();
}

} // namespace pharos
