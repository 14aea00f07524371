#include "app/settings/dashboardsettings.h"

#include "app/backgroundjob.h"
#include "app/settings/dashboardsettingslinks.h"
#include "app/settings/dashboardsettingsvariables.h"
#include "dashboards/model/settingschecks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimeZone>
#include <QVBoxLayout>

namespace pharos {

namespace {

const QStringList &defaultRefreshIntervals()
{
    // Grafana's choices when `timepicker.refresh_intervals` is absent.
    static const QStringList list = {
        QStringLiteral("5s"), QStringLiteral("10s"), QStringLiteral("30s"), QStringLiteral("1m"),
        QStringLiteral("5m"), QStringLiteral("15m"), QStringLiteral("30m"), QStringLiteral("1h"),
        QStringLiteral("2h"), QStringLiteral("1d")};
    return list;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (e.isString())
            out << e.toString();
    }
    return out;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = p.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

const char *const ErrorStyle = "color: #c4162a";

struct ApplyOutcome
{
    std::optional<Dashboard> dashboard;
    QString error;
    int offset = -1;
};

} // namespace

DashboardSettingsDialog::DashboardSettingsDialog(DataSourceRegistry *registry, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("dashboardSettings"));
    setWindowTitle(tr("Dashboard settings"));
    resize(1000, 860);
    auto *layout = new QVBoxLayout(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    layout->addWidget(m_tabs, 1);

    buildGeneralPage();
    m_variables = new VariablesEditor(registry, this);
    m_tabs->addTab(m_variables, tr("Variables"));
    m_links = new LinksEditor(this);
    m_tabs->addTab(m_links, tr("Links"));
    m_tabs->addTab(buildJsonPage(), tr("JSON model"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(this);
    m_applyButton = m_buttons->addButton(tr("Apply"), QDialogButtonBox::ApplyRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setToolTip(tr("Check the settings and apply them to the dashboard"));
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(m_buttons);
    connect(m_applyButton, &QPushButton::clicked, this, &DashboardSettingsDialog::apply);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DashboardSettingsDialog::tabChanged);
}

DashboardSettingsDialog::~DashboardSettingsDialog() = default;

void DashboardSettingsDialog::buildGeneralPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_title = new QLineEdit(page);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    form->addRow(tr("Title"), m_title);
    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setMaximumHeight(80);
    form->addRow(tr("Description"), m_description);
    m_tags = new TagsEdit(page);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    form->addRow(tr("Tags"), m_tags);
    m_uid = new QLineEdit(page);
    m_uid->setObjectName(QStringLiteral("uidEdit"));
    m_uid->setToolTip(tr("Up to 40 letters, digits, “-” and “_”. Links and the Grafana API "
                         "find the dashboard by it."));
    form->addRow(tr("UID"), m_uid);
    m_uidError = new QLabel(page);
    m_uidError->setObjectName(QStringLiteral("uidError"));
    m_uidError->setStyleSheet(QLatin1String(ErrorStyle));
    m_uidError->setWordWrap(true);
    m_uidError->hide();
    form->addRow(QString(), m_uidError);
    m_editable = new QCheckBox(tr("Editable"), page);
    m_editable->setObjectName(QStringLiteral("editableCheck"));
    form->addRow(QString(), m_editable);

    m_timezone = new QComboBox(page);
    m_timezone->setObjectName(QStringLiteral("timezoneCombo"));
    m_timezone->setEditable(true);
    m_timezone->setInsertPolicy(QComboBox::NoInsert);
    fillTimeZones();
    auto *completer = new QCompleter(m_timezone->model(), m_timezone);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_timezone->setCompleter(completer);
    m_timezone->lineEdit()->setPlaceholderText(tr("Type to search, e.g. Berlin"));
    form->addRow(tr("Time zone"), m_timezone);
    m_weekStart = new QComboBox(page);
    m_weekStart->setObjectName(QStringLiteral("weekStartCombo"));
    m_weekStart->addItem(tr("Default"), QString());
    m_weekStart->addItem(tr("Saturday"), QStringLiteral("saturday"));
    m_weekStart->addItem(tr("Sunday"), QStringLiteral("sunday"));
    m_weekStart->addItem(tr("Monday"), QStringLiteral("monday"));
    form->addRow(tr("Week start"), m_weekStart);

    auto *timeRow = new QHBoxLayout;
    m_from = new QLineEdit(page);
    m_from->setObjectName(QStringLiteral("timeFromEdit"));
    m_to = new QLineEdit(page);
    m_to->setObjectName(QStringLiteral("timeToEdit"));
    timeRow->addWidget(m_from);
    timeRow->addWidget(new QLabel(tr("to"), page));
    timeRow->addWidget(m_to);
    form->addRow(tr("Default time range"), timeRow);
    m_timeError = new QLabel(page);
    m_timeError->setObjectName(QStringLiteral("timeError"));
    m_timeError->setStyleSheet(QLatin1String(ErrorStyle));
    m_timeError->setWordWrap(true);
    m_timeError->hide();
    form->addRow(QString(), m_timeError);

    m_refresh = new QComboBox(page);
    m_refresh->setObjectName(QStringLiteral("refreshCombo"));
    m_refresh->setEditable(true);
    m_refresh->setInsertPolicy(QComboBox::NoInsert);
    form->addRow(tr("Auto refresh"), m_refresh);
    m_intervals = new QLineEdit(page);
    m_intervals->setObjectName(QStringLiteral("refreshIntervalsEdit"));
    m_intervals->setToolTip(tr("The refresh choices offered, separated by commas"));
    form->addRow(tr("Refresh choices"), m_intervals);
    m_tooltip = new QComboBox(page);
    m_tooltip->setObjectName(QStringLiteral("graphTooltipCombo"));
    m_tooltip->addItems(dashboardsettings::graphTooltipNames());
    form->addRow(tr("Graph tooltip"), m_tooltip);
    m_tabs->addTab(page, tr("General"));

    connect(m_uid, &QLineEdit::textChanged, this, &DashboardSettingsDialog::validateUidField);
    connect(m_from, &QLineEdit::textChanged, this, &DashboardSettingsDialog::validateTimeFields);
    connect(m_to, &QLineEdit::textChanged, this, &DashboardSettingsDialog::validateTimeFields);
    connect(m_intervals, &QLineEdit::editingFinished, this,
            [this] { fillRefreshChoices(splitList(m_intervals->text()), refreshValue()); });
}

QWidget *DashboardSettingsDialog::buildJsonPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("The dashboard as Grafana JSON. Edits are checked when you "
                               "apply them or leave this page."),
                            page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_json = new QPlainTextEdit(page);
    m_json->setObjectName(QStringLiteral("jsonEditor"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setTabChangesFocus(false);
    layout->addWidget(m_json, 1);
    m_jsonError = new QLabel(page);
    m_jsonError->setObjectName(QStringLiteral("jsonError"));
    m_jsonError->setStyleSheet(QLatin1String(ErrorStyle));
    m_jsonError->setWordWrap(true);
    m_jsonError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_jsonError);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingJson)
            m_jsonDirty = true;
    });
    return page;
}

void DashboardSettingsDialog::fillTimeZones()
{
    m_timezone->addItem(tr("Default"), QString());
    m_timezone->addItem(tr("Browser time (local)"), QStringLiteral("browser"));
    m_timezone->addItem(tr("Coordinated Universal Time (UTC)"), QStringLiteral("utc"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        const QString name = QString::fromUtf8(id);
        m_timezone->addItem(name, name);
    }
}

QString DashboardSettingsDialog::timezoneValue() const
{
    const QString text = m_timezone->currentText().trimmed();
    const int index = m_timezone->findText(text, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index >= 0)
        return m_timezone->itemData(index).toString();
    return text;
}

void DashboardSettingsDialog::selectTimezone(const QString &zone)
{
    int index = -1;
    for (int i = 0; i < m_timezone->count() && index < 0; ++i) {
        const QString data = m_timezone->itemData(i).toString();
        if (data == zone || (i < 3 && data.compare(zone, Qt::CaseInsensitive) == 0))
            index = i;
    }
    if (index < 0) { // a zone this system does not know: keep it as written
        m_timezone->addItem(zone, zone);
        index = m_timezone->count() - 1;
    }
    m_timezone->setCurrentIndex(index);
}

void DashboardSettingsDialog::fillRefreshChoices(const QStringList &intervals,
                                                 const QString &current)
{
    m_refresh->clear();
    m_refresh->addItem(tr("Off"), QString());
    for (const QString &i : intervals)
        m_refresh->addItem(i, i);
    int index = current.isEmpty() ? 0 : m_refresh->findData(current);
    if (index < 0) {
        m_refresh->addItem(current, current);
        index = m_refresh->count() - 1;
    }
    m_refresh->setCurrentIndex(index);
}

QString DashboardSettingsDialog::refreshValue() const
{
    const QString text = m_refresh->currentText().trimmed();
    const int index = m_refresh->findText(text, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index >= 0)
        return m_refresh->itemData(index).toString();
    if (text.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return {};
    return text;
}

DashboardSettingsDialog::General DashboardSettingsDialog::readGeneral(const QJsonObject &d)
{
    General g;
    g.title = d.value(QLatin1String("title")).toString();
    g.description = d.value(QLatin1String("description")).toString();
    g.uid = d.value(QLatin1String("uid")).toString();
    g.timezone = d.value(QLatin1String("timezone")).toString();
    const QJsonObject time = d.value(QLatin1String("time")).toObject();
    g.from = time.value(QLatin1String("from")).toString(QStringLiteral("now-6h"));
    g.to = time.value(QLatin1String("to")).toString(QStringLiteral("now"));
    const QJsonValue refresh = d.value(QLatin1String("refresh"));
    g.refresh = refresh.isString() ? refresh.toString() : QString();
    g.weekStart = d.value(QLatin1String("weekStart")).toString();
    g.tags = stringList(d.value(QLatin1String("tags")));
    const QJsonValue intervals =
        d.value(QLatin1String("timepicker")).toObject().value(QLatin1String("refresh_intervals"));
    g.intervals = intervals.isArray() ? stringList(intervals) : defaultRefreshIntervals();
    g.editable = d.value(QLatin1String("editable")).toBool(true);
    g.tooltip = std::clamp(d.value(QLatin1String("graphTooltip")).toInt(0), 0, 2);
    return g;
}

DashboardSettingsDialog::General DashboardSettingsDialog::formGeneral() const
{
    General g;
    g.title = m_title->text();
    g.description = m_description->toPlainText();
    g.uid = m_uid->text().trimmed();
    g.timezone = timezoneValue();
    g.from = m_from->text().trimmed();
    g.to = m_to->text().trimmed();
    g.refresh = refreshValue();
    g.weekStart = m_weekStart->currentData().toString();
    g.tags = m_tags->tags();
    g.intervals = splitList(m_intervals->text());
    g.editable = m_editable->isChecked();
    g.tooltip = m_tooltip->currentIndex();
    return g;
}

void DashboardSettingsDialog::loadForms(const QJsonObject &d)
{
    m_base = d;
    m_loaded = readGeneral(d);
    const General &g = m_loaded;
    m_title->setText(g.title);
    m_description->setPlainText(g.description);
    m_tags->setTags(g.tags);
    m_uid->setText(g.uid);
    m_editable->setChecked(g.editable);
    selectTimezone(g.timezone);
    m_weekStart->setCurrentIndex(std::max(0, m_weekStart->findData(g.weekStart)));
    if (m_weekStart->findData(g.weekStart) < 0 && !g.weekStart.isEmpty()) {
        m_weekStart->addItem(g.weekStart, g.weekStart);
        m_weekStart->setCurrentIndex(m_weekStart->count() - 1);
    }
    m_from->setText(g.from);
    m_to->setText(g.to);
    m_intervals->setText(g.intervals.join(QLatin1String(",")));
    fillRefreshChoices(g.intervals, g.refresh);
    m_tooltip->setCurrentIndex(g.tooltip);
    // A file whose General values the form cannot show exactly (e.g. a refresh of `false`)
    // must not count as changed: compare against what the form shows.
    m_loaded = formGeneral();

    const int variableRow = m_variables->currentRow();
    const int linkRow = m_links->currentRow();
    m_loadedVariables =
        d.value(QLatin1String("templating")).toObject().value(QLatin1String("list")).toArray();
    m_variables->setEntries(m_loadedVariables);
    m_loadedVariables = m_variables->entries(); // non-objects are dropped
    if (variableRow >= 0 && variableRow < m_variables->count())
        m_variables->setCurrentRow(variableRow);
    m_variables->setPreviewTimeRange(TimeRange{g.from, g.to}, g.timezone);
    m_loadedLinks = d.value(QLatin1String("links")).toArray();
    m_links->setEntries(m_loadedLinks);
    m_loadedLinks = m_links->entries();
    if (linkRow >= 0 && linkRow < m_links->count())
        m_links->setCurrentRow(linkRow);
    validateUidField();
    validateTimeFields();
}

QJsonObject DashboardSettingsDialog::collectForms() const
{
    QJsonObject d = m_base;
    const General f = formGeneral();
    const General &l = m_loaded;
    if (f.title != l.title)
        d.insert(QLatin1String("title"), f.title);
    if (f.description != l.description) {
        if (f.description.isEmpty())
            d.remove(QLatin1String("description"));
        else
            d.insert(QLatin1String("description"), f.description);
    }
    if (f.tags != l.tags)
        d.insert(QLatin1String("tags"), QJsonArray::fromStringList(f.tags));
    if (f.uid != l.uid)
        d.insert(QLatin1String("uid"), f.uid);
    if (f.editable != l.editable)
        d.insert(QLatin1String("editable"), f.editable);
    if (f.timezone != l.timezone)
        d.insert(QLatin1String("timezone"), f.timezone);
    if (f.weekStart != l.weekStart) {
        if (f.weekStart.isEmpty())
            d.remove(QLatin1String("weekStart"));
        else
            d.insert(QLatin1String("weekStart"), f.weekStart);
    }
    if (f.from != l.from || f.to != l.to) {
        QJsonObject time = d.value(QLatin1String("time")).toObject();
        time.insert(QLatin1String("from"), f.from);
        time.insert(QLatin1String("to"), f.to);
        d.insert(QLatin1String("time"), time);
    }
    if (f.refresh != l.refresh)
        d.insert(QLatin1String("refresh"), f.refresh);
    if (f.intervals != l.intervals) {
        QJsonObject picker = d.value(QLatin1String("timepicker")).toObject();
        picker.insert(QLatin1String("refresh_intervals"), QJsonArray::fromStringList(f.intervals));
        d.insert(QLatin1String("timepicker"), picker);
    }
    if (f.tooltip != l.tooltip)
        d.insert(QLatin1String("graphTooltip"), f.tooltip);
    const QJsonArray variables = m_variables->entries();
    if (variables != m_loadedVariables) {
        QJsonObject templating = d.value(QLatin1String("templating")).toObject();
        templating.insert(QLatin1String("list"), variables);
        d.insert(QLatin1String("templating"), templating);
    }
    const QJsonArray links = m_links->entries();
    if (links != m_loadedLinks)
        d.insert(QLatin1String("links"), links);
    return d;
}

void DashboardSettingsDialog::setDashboard(const Dashboard &dashboard)
{
    m_baselineDashboard = dashboard;
    m_baseline = dashboard.toJson();
    loadForms(m_baseline);
    if (m_tabs->currentIndex() == JsonPage)
        showJson(m_baseline);
    m_jsonDirty = false;
    m_jsonError->clear();
}

void DashboardSettingsDialog::dashboardChanged(const Dashboard &dashboard)
{
    if (!m_baselineDashboard || !hasChanges()) {
        setDashboard(dashboard);
        return;
    }
    // Forms edits are kept as differences from m_loaded; they now apply to the new document.
    // A state taken from an edited JSON model stays as the user wrote it.
    if (m_base == m_baseline)
        m_base = dashboard.toJson();
    m_baselineDashboard = dashboard;
    m_baseline = dashboard.toJson();
}

QJsonObject DashboardSettingsDialog::editedJson()
{
    if (m_tabs->currentIndex() == JsonPage && m_jsonDirty) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8());
        if (doc.isObject())
            return doc.object();
    }
    return collectForms();
}

bool DashboardSettingsDialog::hasChanges()
{
    return editedJson() != m_baseline;
}

void DashboardSettingsDialog::showJson(const QJsonObject &d)
{
    m_settingJson = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Indented)));
    m_settingJson = false;
    m_jsonDirty = false;
    m_jsonError->clear();
}

bool DashboardSettingsDialog::takeJsonText()
{
    // Only the syntax is checked here (the text becomes the forms' state); the settings rules,
    // the loader and the migration run on Apply, on a worker thread.
    const QByteArray text = m_json->toPlainText().toUtf8();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        const auto result = dashboardsettings::checkJsonText(text); // the message and position
        m_jsonError->setText(result.error);
        if (result.offset >= 0) {
            QTextCursor c = m_json->textCursor();
            c.setPosition(std::min(result.offset, m_json->document()->characterCount() - 1));
            m_json->setTextCursor(c);
        }
        return false;
    }
    loadForms(doc.object());
    m_jsonError->clear();
    m_jsonDirty = false;
    return true;
}

void DashboardSettingsDialog::tabChanged(int index)
{
    if (m_previousTab == JsonPage && index != JsonPage && m_jsonDirty) {
        if (!takeJsonText()) {
            const QSignalBlocker blocker(m_tabs);
            m_tabs->setCurrentIndex(JsonPage);
            setMessage(tr("Fix the JSON model first: %1").arg(m_jsonError->text()), true);
            return;
        }
    }
    if (index == JsonPage && m_previousTab != JsonPage)
        showJson(collectForms());
    m_previousTab = index;
}

void DashboardSettingsDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QLatin1String(ErrorStyle) : QString());
}

void DashboardSettingsDialog::reject()
{
    if (m_baselineDashboard && hasChanges()) {
        bool discard = false;
        if (m_askDiscard) {
            discard = m_askDiscard();
        } else {
            discard = QMessageBox::question(
                          this, tr("Unapplied changes"),
                          tr("The dashboard settings have changes that were not applied. "
                             "Discard them?"),
                          QMessageBox::Discard | QMessageBox::Cancel,
                          QMessageBox::Cancel) == QMessageBox::Discard;
        }
        if (!discard)
            return;
        setDashboard(*m_baselineDashboard); // opened again, it shows the dashboard as it is
        setMessage(QString(), false);
    }
    QDialog::reject();
}

QString DashboardSettingsDialog::message() const
{
    return m_message->text();
}

void DashboardSettingsDialog::validateUidField()
{
    const QString error = dashboardsettings::uidError(m_uid->text().trimmed());
    m_uidError->setText(error);
    m_uidError->setVisible(!error.isEmpty());
}

void DashboardSettingsDialog::validateTimeFields()
{
    QStringList errors;
    const QString from = m_from->text().trimmed();
    const QString to = m_to->text().trimmed();
    if (const QString e = dashboardsettings::timeExpressionError(from, false); !e.isEmpty())
        errors << e;
    if (const QString e = dashboardsettings::timeExpressionError(to, true); !e.isEmpty())
        errors << e;
    if (errors.isEmpty()) {
        QString error;
        if (!TimeRange{from, to}.resolve(QDateTime::currentDateTimeUtc(), QTimeZone::utc(), &error))
            errors << error;
        else
            m_variables->setPreviewTimeRange(TimeRange{from, to}, timezoneValue());
    }
    m_timeError->setText(errors.join(QLatin1Char('\n')));
    m_timeError->setVisible(!errors.isEmpty());
}

void DashboardSettingsDialog::apply()
{
    const quint64 generation = ++m_applyGeneration;
    m_applyButton->setEnabled(false);
    setMessage(tr("Checking…"), false);
    if (m_tabs->currentIndex() == JsonPage && m_jsonDirty) {
        const QByteArray text = m_json->toPlainText().toUtf8();
        runInBackground<ApplyOutcome>(
            this,
            [text] {
                auto r = dashboardsettings::checkJsonText(text);
                return ApplyOutcome{std::move(r.dashboard), r.error, r.offset};
            },
            [this, generation](ApplyOutcome o) {
                finishApply(generation, o.error, o.offset, o.dashboard);
            });
        return;
    }
    // The forms: their own checks first, shown next to the fields.
    QStringList errors;
    validateUidField();
    validateTimeFields();
    if (!m_uidError->text().isEmpty())
        errors << m_uidError->text();
    if (!m_timeError->text().isEmpty())
        errors << m_timeError->text();
    if (const QString e = dashboardsettings::refreshIntervalError(refreshValue()); !e.isEmpty())
        errors << e;
    for (const QString &e : m_variables->nameErrors())
        errors << tr("Variables: %1").arg(e);
    if (!errors.isEmpty()) {
        finishApply(generation, errors.join(QLatin1Char('\n')), -1, std::nullopt);
        return;
    }
    const QJsonObject object = collectForms();
    runInBackground<ApplyOutcome>(
        this,
        [object] {
            auto r = dashboardsettings::checkObject(object);
            return ApplyOutcome{std::move(r.dashboard), r.error, -1};
        },
        [this, generation](ApplyOutcome o) {
            finishApply(generation, o.error, o.offset, o.dashboard);
        });
}

void DashboardSettingsDialog::finishApply(quint64 generation, const QString &error, int offset,
                                          const std::optional<Dashboard> &dashboard)
{
    if (generation != m_applyGeneration)
        return; // a newer Apply runs
    m_doneGeneration = generation;
    m_applyButton->setEnabled(true);
    if (!dashboard) {
        const QString text = error.isEmpty() ? tr("The dashboard cannot be applied.") : error;
        setMessage(tr("Not applied: %1").arg(text), true);
        if (m_tabs->currentIndex() == JsonPage) {
            m_jsonError->setText(text);
            if (offset >= 0) {
                QTextCursor c = m_json->textCursor();
                c.setPosition(std::min(offset, m_json->document()->characterCount() - 1));
                m_json->setTextCursor(c);
                m_json->setFocus();
            }
        }
        Q_EMIT applyFailed(text);
        return;
    }
    const Dashboard applied = *dashboard;
    Q_EMIT applyRequested(applied);
    setDashboard(applied);
    setMessage(tr("Applied."), false);
}

} // namespace pharos
