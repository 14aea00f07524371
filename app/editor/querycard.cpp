#include "app/editor/querycard.h"

#include "app/editor/metricsbrowser.h"
#include "app/editor/promqleditor.h"
#include "dashboards/query/interval.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

// The card's strings keep the translation context they had when the card was part of
// QueriesEditor: QCoreApplication::translate("pharos::QueriesEditor", ...).

namespace pharos {

namespace {

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

bool isValidQueryInterval(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty() || s.contains(QLatin1Char('$')))
        return true;
    if (s.startsWith(QLatin1Char('>')))
        s.remove(0, 1);
    const auto ms = parseDurationMs(s.trimmed());
    return ms && *ms > 0;
}

QueryCard::QueryCard(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(6, 4, 6, 6);

    v->addLayout(buildHeader());
    v->addWidget(buildBody());
    connectEdits();
}

QHBoxLayout *QueryCard::buildHeader()
{
    // Header: collapse, refId, summary, hide, duplicate, remove, up, down.
    auto *header = new QHBoxLayout;
    auto tool = [&](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    m_collapse = tool(QString(), QCoreApplication::translate("pharos::QueriesEditor",
                                                             "Collapse or expand this query"));
    m_collapse->setArrowType(Qt::DownArrow);
    m_collapse->setAccessibleName(
        QCoreApplication::translate("pharos::QueriesEditor", "Collapse or expand this query"));
    m_collapse->setCheckable(true);
    m_refId = new QLineEdit(this);
    m_refId->setToolTip(QCoreApplication::translate(
        "pharos::QueriesEditor", "The query's name (refId), unique in the panel"));
    m_refId->setMaximumWidth(120);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->hide();
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_hide = tool(QCoreApplication::translate("pharos::QueriesEditor", "Hide"),
                  QCoreApplication::translate("pharos::QueriesEditor",
                                              "Hide this query's response (it is not run)"));
    m_hide->setCheckable(true);
    m_duplicate =
        tool(QCoreApplication::translate("pharos::QueriesEditor", "Duplicate"),
             QCoreApplication::translate("pharos::QueriesEditor", "Duplicate this query"));
    m_remove = tool(QCoreApplication::translate("pharos::QueriesEditor", "Remove"),
                    QCoreApplication::translate("pharos::QueriesEditor", "Remove this query"));
    m_up = tool(QString(), QCoreApplication::translate("pharos::QueriesEditor", "Move up"));
    m_up->setArrowType(Qt::UpArrow);
    m_up->setAccessibleName(QCoreApplication::translate("pharos::QueriesEditor", "Move up"));
    m_down = tool(QString(), QCoreApplication::translate("pharos::QueriesEditor", "Move down"));
    m_down->setArrowType(Qt::DownArrow);
    m_down->setAccessibleName(QCoreApplication::translate("pharos::QueriesEditor", "Move down"));
    header->addWidget(m_collapse);
    header->addWidget(m_refId);
    header->addWidget(m_summary, 1);
    header->addStretch();
    for (QToolButton *b : {m_hide, m_duplicate, m_remove, m_up, m_down})
        header->addWidget(b);
    return header;
}

QWidget *QueryCard::buildBody()
{
    // Body.
    m_body = new QWidget(this);
    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_datasourceLabel =
        new QLabel(QCoreApplication::translate("pharos::QueriesEditor", "Data source"), m_body);
    m_datasource = new QComboBox(m_body);
    m_datasource->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_datasourceLabel->setBuddy(m_datasource);
    form->addRow(m_datasourceLabel, m_datasource);
    m_expr = new PromqlEditor(m_body);
    // As tall as the query (2 to 12 lines).
    PromqlEditor *expr = m_expr;
    auto fit = [expr] {
        const int lines = std::clamp(int(expr->document()->size().height()), 2, 12);
        expr->setFixedHeight(expr->fontMetrics().lineSpacing() * lines +
                             int(2 * expr->document()->documentMargin()) + 2 * expr->frameWidth() +
                             2);
    };
    connect(expr->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            expr, fit);
    fit();
    m_expr->setPlaceholderText(QCoreApplication::translate(
        "pharos::QueriesEditor", "Enter a PromQL query (Shift+Enter to run)"));
    // Grafana's "Metrics browser" beside the query: pick a metric, labels and values; the
    // selector goes in at the cursor.
    m_browse = new QPushButton(
        QCoreApplication::translate("pharos::QueriesEditor", "Metrics browser…"), m_body);
    m_browse->setToolTip(QCoreApplication::translate(
        "pharos::QueriesEditor", "Build a selector from the metrics, labels and values the "
                                 "data source has"));
    connect(m_browse, &QPushButton::clicked, this,
            [expr] { MetricsBrowser::openFor(expr, expr->window()); });
    auto *queryRow = new QWidget(m_body);
    auto *queryLayout = new QHBoxLayout(queryRow);
    queryLayout->setContentsMargins(0, 0, 0, 0);
    queryLayout->addWidget(m_browse, 0, Qt::AlignTop);
    queryLayout->addWidget(m_expr, 1);
    form->addRow(QCoreApplication::translate("pharos::QueriesEditor", "Query"), queryRow);
    m_serverError = new QLabel(m_body);
    m_serverError->setWordWrap(true);
    m_serverError->setTextFormat(Qt::PlainText);
    m_serverError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverError->setStyleSheet(QStringLiteral("color: #d44a3a;"));
    m_serverError->hide();
    form->addRow(QString(), m_serverError);

    auto *legendRow = new QHBoxLayout;
    m_legendMode = new QComboBox(m_body);
    m_legendMode->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Auto"));
    m_legendMode->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Verbose"));
    m_legendMode->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Custom"));
    m_legendMode->setToolTip(QCoreApplication::translate(
        "pharos::QueriesEditor",
        "Auto: only the labels the series do not share; Verbose: the full series name; "
        "Custom: a text with {{label}} placeholders"));
    m_legend = new QLineEdit(m_body);
    m_legend->setPlaceholderText(QStringLiteral("{{label_name}}"));
    legendRow->addWidget(m_legendMode);
    legendRow->addWidget(m_legend, 1);
    legendRow->addStretch(0); // takes the room while the text is hidden
    form->addRow(QCoreApplication::translate("pharos::QueriesEditor", "Legend"), legendRow);

    auto *optionsRow = new QHBoxLayout;
    m_queryType = new QComboBox(m_body);
    m_queryType->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Range"));
    m_queryType->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Instant"));
    m_queryType->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Both"));
    m_minStep = new QLineEdit(m_body);
    m_minStep->setPlaceholderText(QCoreApplication::translate("pharos::QueriesEditor", "auto"));
    m_minStep->setToolTip(QCoreApplication::translate(
        "pharos::QueriesEditor", "The smallest step of the query, e.g. 30s or $__rate_interval"));
    m_format = new QComboBox(m_body);
    m_format->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Time series"),
                      QString::fromLatin1(kFormats[0]));
    m_format->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Table"),
                      QString::fromLatin1(kFormats[1]));
    m_format->addItem(QCoreApplication::translate("pharos::QueriesEditor", "Heatmap"),
                      QString::fromLatin1(kFormats[2]));
    auto *typeLabel =
        new QLabel(QCoreApplication::translate("pharos::QueriesEditor", "Type"), m_body);
    typeLabel->setBuddy(m_queryType);
    auto *stepLabel =
        new QLabel(QCoreApplication::translate("pharos::QueriesEditor", "Min step"), m_body);
    stepLabel->setBuddy(m_minStep);
    auto *formatLabel =
        new QLabel(QCoreApplication::translate("pharos::QueriesEditor", "Format"), m_body);
    formatLabel->setBuddy(m_format);
    optionsRow->addWidget(typeLabel);
    optionsRow->addWidget(m_queryType);
    optionsRow->addWidget(stepLabel);
    optionsRow->addWidget(m_minStep, 1);
    optionsRow->addWidget(formatLabel);
    optionsRow->addWidget(m_format);
    form->addRow(optionsRow);
    m_error = new QLabel(m_body);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d44a3a;"));
    m_error->hide();
    form->addRow(m_error);
    return m_body;
}

void QueryCard::connectEdits()
{
    // Edits.
    connect(m_collapse, &QToolButton::toggled, this, [this](bool collapsed) {
        m_collapse->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
        m_body->setVisible(!collapsed);
        const QString expr = m_expr->query().simplified();
        m_summary->setText(expr);
        m_summary->setToolTip(expr);
        m_summary->setVisible(collapsed);
    });
    connect(m_refId, &QLineEdit::editingFinished, this, &QueryCard::onRefIdEdited);
    connect(m_hide, &QToolButton::clicked, this, [this](bool hidden) {
        if (hidden)
            m_json.insert(QStringLiteral("hide"), true);
        else if (m_original.contains(QLatin1String("hide")))
            m_json.insert(QStringLiteral("hide"), false);
        else
            m_json.remove(QStringLiteral("hide"));
        updateHideButton();
        Q_EMIT edited();
    });
    connect(m_duplicate, &QToolButton::clicked, this, &QueryCard::duplicateRequested);
    connect(m_remove, &QToolButton::clicked, this, &QueryCard::removeRequested);
    connect(m_up, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(1); });
    connect(m_datasource, &QComboBox::activated, this, &QueryCard::datasourceActivated);
    connect(m_expr, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        const QString expr = m_expr->query();
        if (m_json.value(QLatin1String("expr")).toString() == expr &&
            m_json.contains(QLatin1String("expr")))
            return; // a format change, not an edit
        m_json.insert(QStringLiteral("expr"), expr);
        // Grafana opens a query written in its builder in the builder; this one is code now.
        if (m_json.value(QLatin1String("editorMode")).toString() == QLatin1String("builder"))
            m_json.insert(QStringLiteral("editorMode"), QStringLiteral("code"));
        Q_EMIT edited();
    });
    connect(m_expr, &PromqlEditor::runRequested, this, &QueryCard::runRequested);
    connect(m_legendMode, &QComboBox::activated, this, [this](int mode) {
        const QString key = QStringLiteral("legendFormat");
        m_legend->setVisible(mode == LegendCustom);
        if (mode == LegendAuto)
            m_json.insert(key, QStringLiteral("__auto"));
        else if (mode == LegendVerbose)
            m_json.insert(key, QString());
        else {
            m_json.insert(key, m_legend->text());
            m_legend->setFocus();
        }
        Q_EMIT edited();
    });
    connect(m_legend, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_json.insert(QStringLiteral("legendFormat"), text);
        Q_EMIT edited();
    });
    connect(m_queryType, &QComboBox::activated, this, [this](int type) {
        m_json.insert(QStringLiteral("range"), type != TypeInstant);
        m_json.insert(QStringLiteral("instant"), type != TypeRange);
        Q_EMIT edited();
    });
    connect(m_minStep, &QLineEdit::editingFinished, this, &QueryCard::onMinStepEdited);
    connect(m_format, &QComboBox::activated, this, [this](int index) {
        m_json.insert(QStringLiteral("format"), m_format->itemData(index).toString());
        Q_EMIT edited();
    });
}

QueryCard::~QueryCard()
{
    // The children outlive this object's members while QWidget deletes them: no signal of
    // theirs may reach the handlers above.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *o : children)
        QObject::disconnect(o, nullptr, this, nullptr);
}

void QueryCard::load(const QJsonObject &t)
{
    const bool loading = m_loading;
    m_loading = true;
    m_json = t;
    m_original = t;
    m_raw = t;
    m_refId->setText(t.value(QLatin1String("refId")).toString());
    m_refIdError = false;
    m_minStepError = false;
    updateErrors();
    m_hide->setChecked(t.value(QLatin1String("hide")).toBool(false));
    updateHideButton();
    const QString expr = t.value(QLatin1String("expr")).toString();
    if (m_expr->query() != expr) { // the same text keeps the cursor and the error
        m_expr->setQuery(expr);
        m_serverError->clear();
        m_serverError->hide();
    }
    m_summary->setText(expr.simplified());
    m_summary->setToolTip(expr.simplified());
    const QString legend = t.value(QLatin1String("legendFormat")).toString();
    const int mode = legend == QLatin1String("__auto") ? LegendAuto
                     : legend.isEmpty()                ? LegendVerbose
                                                       : LegendCustom;
    m_legendMode->setCurrentIndex(mode);
    m_legend->setText(mode == LegendCustom ? legend : QString());
    m_legend->setVisible(mode == LegendCustom);
    m_queryType->setCurrentIndex(queryTypeOf(t));
    m_minStep->setText(t.value(QLatin1String("interval")).toString());
    const QString format = t.value(QLatin1String("format")).toString();
    while (m_format->count() > int(std::size(kFormats)))
        m_format->removeItem(m_format->count() - 1);
    const int formatIndex = m_format->findData(format);
    if (formatIndex >= 0) {
        m_format->setCurrentIndex(formatIndex);
    } else if (format.isEmpty()) {
        m_format->setCurrentIndex(0);
    } else {
        m_format->addItem(format, format); // kept as written
        m_format->setCurrentIndex(m_format->count() - 1);
    }
    m_loading = loading;
}

QJsonValue QueryCard::target() const
{
    return m_json == m_original && !m_raw.isUndefined() ? m_raw : QJsonValue(m_json);
}

QString QueryCard::typedRefId() const
{
    return m_refId->text().trimmed();
}

void QueryCard::setDatasourceVisible(bool visible)
{
    m_datasource->setVisible(visible);
    m_datasourceLabel->setVisible(visible);
}

void QueryCard::setServerError(const QString &message)
{
    m_serverError->setText(message);
    m_serverError->setVisible(!message.isEmpty());
}

void QueryCard::setIndex(int index, int count)
{
    const QString n = QString::number(index);
    auto name = [&](QObject *o, const char *base) {
        o->setObjectName(QLatin1String(base) + QLatin1Char('-') + n);
    };
    name(this, "query");
    name(m_collapse, "collapse");
    name(m_refId, "refId");
    name(m_summary, "summary");
    name(m_hide, "hide");
    name(m_duplicate, "duplicate");
    name(m_remove, "remove");
    name(m_up, "up");
    name(m_down, "down");
    name(m_datasource, "datasource");
    name(m_expr, "expr");
    name(m_browse, "metricsBrowser");
    name(m_serverError, "serverError");
    name(m_legendMode, "legendMode");
    name(m_legend, "legend");
    name(m_queryType, "queryType");
    name(m_minStep, "minStep");
    name(m_format, "format");
    name(m_error, "error");
    m_up->setEnabled(index > 0);
    m_down->setEnabled(index + 1 < count);
}

void QueryCard::onRefIdEdited()
{
    const QString id = m_refId->text().trimmed();
    const bool taken = m_refIdTaken && m_refIdTaken(id);
    m_refIdError = id.isEmpty() || taken;
    if (id.isEmpty())
        m_refId->setToolTip(
            QCoreApplication::translate("pharos::QueriesEditor", "A query needs a name."));
    else if (taken)
        m_refId->setToolTip(QCoreApplication::translate("pharos::QueriesEditor",
                                                        "Another query is already named “%1”.")
                                .arg(id));
    updateErrors();
    if (m_refIdError || m_json.value(QLatin1String("refId")).toString() == id)
        return;
    m_json.insert(QStringLiteral("refId"), id);
    Q_EMIT edited();
}

void QueryCard::onMinStepEdited()
{
    const QString text = m_minStep->text().trimmed();
    m_minStepError = !isValidQueryInterval(text);
    m_minStepMessage =
        m_minStepError ? QCoreApplication::translate(
                             "pharos::QueriesEditor",
                             "Min step “%1” is not a valid interval: use a number and a unit, e.g. "
                             "30s or 1m.")
                             .arg(text)
                       : QString();
    updateErrors();
    if (m_minStepError)
        return;
    const QString key = QStringLiteral("interval");
    const QJsonValue before = m_json.value(key);
    if (text.isEmpty() && !m_original.contains(key))
        m_json.remove(key);
    else
        m_json.insert(key, text);
    if (m_json.value(key) != before)
        Q_EMIT edited();
}

void QueryCard::updateHideButton()
{
    const bool hidden = m_hide->isChecked();
    m_hide->setText(hidden ? QCoreApplication::translate("pharos::QueriesEditor", "Hidden")
                           : QCoreApplication::translate("pharos::QueriesEditor", "Hide"));
    m_hide->setToolTip(
        hidden ? QCoreApplication::translate("pharos::QueriesEditor",
                                             "This query is not run: click to show its response")
               : QCoreApplication::translate("pharos::QueriesEditor",
                                             "Hide this query's response (it is not run)"));
    QFont f = m_refId->font();
    f.setItalic(hidden);
    m_refId->setFont(f);
}

void QueryCard::updateErrors()
{
    QStringList messages;
    if (m_refIdError)
        messages << m_refId->toolTip();
    else
        m_refId->setToolTip(QCoreApplication::translate(
            "pharos::QueriesEditor", "The query's name (refId), unique in the panel"));
    if (m_minStepError)
        messages << m_minStepMessage;
    const QString bad = QStringLiteral("QLineEdit { border: 1px solid #d44a3a; }");
    m_refId->setStyleSheet(m_refIdError ? bad : QString());
    m_minStep->setStyleSheet(m_minStepError ? bad : QString());
    m_error->setText(messages.join(QLatin1Char('\n')));
    m_error->setVisible(!messages.isEmpty());
}

} // namespace pharos
