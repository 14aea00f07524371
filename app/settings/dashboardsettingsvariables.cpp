#include "app/settings/dashboardsettingsvariables.h"

#include "app/editor/promqleditor.h"
#include "dashboards/model/settingschecks.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pharos {

namespace {

constexpr int MaxPreviewItems = 1000;

QString typeOf(const QJsonObject &o)
{
    return o.value(QLatin1String("type")).toString();
}

/// The classic text of a variable's query (objects give their `query`/structured text).
QString queryText(const QJsonObject &o)
{
    return Variable::fromJson(o).query;
}

QString dataSourceText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return v.toObject().value(QLatin1String("uid")).toString();
    return {};
}

} // namespace

VariablesEditor::VariablesEditor(DataSourceRegistry *registry, QWidget *parent)
    : JsonListEditor(QStringLiteral("variable"), parent), m_registry(registry)
{
    setObjectName(QStringLiteral("variablesEditor"));
    buildForm();
    selectionChanged();
}

VariablesEditor::~VariablesEditor() = default;

QStringList VariablesEditor::typeNames()
{
    return {QStringLiteral("query"),      QStringLiteral("custom"),   QStringLiteral("interval"),
            QStringLiteral("datasource"), QStringLiteral("constant"), QStringLiteral("textbox"),
            QStringLiteral("adhoc")};
}

void VariablesEditor::buildForm()
{
    auto *outer = new QVBoxLayout(formHost());
    outer->setContentsMargins(0, 0, 0, 0);
    // The fields keep their height; the preview list takes what is left.
    auto *fields = new QWidget(formHost());
    fields->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_formLayout = std::make_unique<FormGrid>(fields);
    outer->addWidget(fields);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("variableType"));
    const QStringList display = {tr("Query"),         tr("Custom"),   tr("Interval"),
                                 tr("Data source"),   tr("Constant"), tr("Text box"),
                                 tr("Ad hoc filters")};
    for (int i = 0; i < typeNames().size(); ++i)
        m_type->addItem(display.at(i), typeNames().at(i));
    m_formLayout->addRow(tr("Type"), m_type);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("variableName"));
    m_formLayout->addRow(tr("Name"), m_name);
    m_nameError = new QLabel(this);
    m_nameError->setObjectName(QStringLiteral("variableNameError"));
    m_nameError->setStyleSheet(QStringLiteral("color: #c4162a"));
    m_nameError->setWordWrap(true);
    m_formLayout->addRow(QString(), m_nameError);
    m_formLayout->labelForField(m_nameError)->setVisible(false); // shown with the error

    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("variableLabel"));
    m_label->setPlaceholderText(tr("Shown instead of the name"));
    m_formLayout->addRow(tr("Label"), m_label);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("variableDescription"));
    m_formLayout->addRow(tr("Description"), m_description);
    m_hide = new QComboBox(this);
    m_hide->setObjectName(QStringLiteral("variableHide"));
    m_hide->addItems({tr("Show label and value"), tr("Hide the label"), tr("Hide the variable")});
    m_formLayout->addRow(tr("Display"), m_hide);

    m_datasource = new QComboBox(this);
    m_datasource->setObjectName(QStringLiteral("variableDatasource"));
    m_formLayout->addRow(tr("Data source"), m_datasource);
    // One row for the query: a PromQL editor for query variables, a line for the others.
    m_queryBox = new QWidget(this);
    auto *queryLayout = new QVBoxLayout(m_queryBox);
    queryLayout->setContentsMargins(0, 0, 0, 0);
    m_query = new QLineEdit(m_queryBox);
    m_query->setObjectName(QStringLiteral("variableQuery"));
    queryLayout->addWidget(m_query);
    m_promql = new PromqlEditor(m_queryBox);
    m_promql->setObjectName(QStringLiteral("variablePromql"));
    m_promql->setToolTip(tr("label_values(metric, label), label_values(label), label_names(), "
                            "metrics(regex), query_result(expr) or a series selector. "
                            "Shift+Enter runs the preview."));
    m_promql->setFixedHeight(m_promql->fontMetrics().lineSpacing() * 3 + 12);
    queryLayout->addWidget(m_promql);
    m_formLayout->addRow(tr("Query"), m_queryBox);
    m_regex = new QLineEdit(this);
    m_regex->setObjectName(QStringLiteral("variableRegex"));
    m_regex->setPlaceholderText(tr("/pattern/ — capture groups pick the value"));
    m_formLayout->addRow(tr("Regex"), m_regex);
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("variableSort"));
    m_sort->addItems(
        {tr("Disabled"), tr("Alphabetical (asc)"), tr("Alphabetical (desc)"), tr("Numerical (asc)"),
         tr("Numerical (desc)"), tr("Alphabetical, case-insensitive (asc)"),
         tr("Alphabetical, case-insensitive (desc)"), tr("Natural (asc)"), tr("Natural (desc)")});
    m_formLayout->addRow(tr("Sort"), m_sort);
    m_refresh = new QComboBox(this);
    m_refresh->setObjectName(QStringLiteral("variableRefresh"));
    m_refresh->addItems(
        {tr("Never (keep saved values)"), tr("On dashboard load"), tr("On time range change")});
    m_formLayout->addRow(tr("Refresh"), m_refresh);

    m_multi = new QCheckBox(tr("Multi-value"), this);
    m_multi->setObjectName(QStringLiteral("variableMulti"));
    m_formLayout->addRow(QString(), m_multi);
    m_includeAll = new QCheckBox(tr("Include All option"), this);
    m_includeAll->setObjectName(QStringLiteral("variableIncludeAll"));
    m_formLayout->addRow(QString(), m_includeAll);
    m_allValue = new QLineEdit(this);
    m_allValue->setObjectName(QStringLiteral("variableAllValue"));
    m_allValue->setPlaceholderText(tr("blank = every value, e.g. .*"));
    m_formLayout->addRow(tr("Custom all value"), m_allValue);

    m_auto = new QCheckBox(tr("Auto option"), this);
    m_auto->setObjectName(QStringLiteral("variableAuto"));
    m_formLayout->addRow(QString(), m_auto);
    m_autoCount = new QSpinBox(this);
    m_autoCount->setObjectName(QStringLiteral("variableAutoCount"));
    m_autoCount->setRange(1, 10000);
    m_formLayout->addRow(tr("Step count"), m_autoCount);
    m_autoMin = new QLineEdit(this);
    m_autoMin->setObjectName(QStringLiteral("variableAutoMin"));
    m_formLayout->addRow(tr("Min interval"), m_autoMin);

    auto *preview = new QGroupBox(tr("Preview of values"), this);
    auto *pl = new QVBoxLayout(preview);
    auto *row = new QHBoxLayout;
    m_previewButton = new QPushButton(tr("Run query"), preview);
    m_previewButton->setObjectName(QStringLiteral("variablePreviewButton"));
    row->addWidget(m_previewButton);
    m_previewStatus = new QLabel(preview);
    m_previewStatus->setObjectName(QStringLiteral("variablePreviewStatus"));
    m_previewStatus->setWordWrap(true);
    m_previewStatus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_previewStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addStretch(1);
    pl->addLayout(row);
    pl->addWidget(m_previewStatus);
    m_previewList = new QListWidget(preview);
    m_previewList->setObjectName(QStringLiteral("variablePreviewList"));
    m_previewList->setUniformItemSizes(true);
    m_previewList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_previewList->setMinimumHeight(60);
    pl->addWidget(m_previewList, 1);
    outer->addWidget(preview, 1);

    // Edits write into the selected entry at once.
    connect(m_type, &QComboBox::activated, this,
            [this](int i) { changeType(m_type->itemData(i).toString()); });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("name"), t); });
        updateNameError();
    });
    auto optionalText = [this](QLineEdit *e, const char *key) {
        connect(e, &QLineEdit::textEdited, this, [this, key](const QString &t) {
            edit([&](QJsonObject &o) {
                if (t.isEmpty())
                    o.remove(QLatin1String(key));
                else
                    o.insert(QLatin1String(key), t);
            });
        });
    };
    optionalText(m_label, "label");
    optionalText(m_description, "description");
    optionalText(m_allValue, "allValue");
    connect(m_regex, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("regex"), t); });
    });
    connect(m_autoMin, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("auto_min"), t); });
    });
    connect(m_query, &QLineEdit::textEdited, this,
            [this](const QString &t) { edit([&](QJsonObject &o) { writeQuery(o, t); }); });
    connect(m_promql, &PromqlEditor::queryChanged, this, [this](const QString &t) {
        if (typeOf(currentEntry()) == QLatin1String("query"))
            edit([&](QJsonObject &o) { writeQuery(o, t); });
    });
    connect(m_promql, &PromqlEditor::runRequested, this, &VariablesEditor::runPreview);
    auto intCombo = [this](QComboBox *c, const char *key) {
        connect(c, &QComboBox::activated, this, [this, key](int i) {
            edit([&](QJsonObject &o) { o.insert(QLatin1String(key), i); });
        });
    };
    intCombo(m_hide, "hide");
    intCombo(m_sort, "sort");
    intCombo(m_refresh, "refresh");
    auto check = [this](QCheckBox *c, const char *key) {
        connect(c, &QCheckBox::toggled, this, [this, key](bool on) {
            edit([&](QJsonObject &o) { o.insert(QLatin1String(key), on); });
        });
    };
    check(m_multi, "multi");
    check(m_includeAll, "includeAll");
    check(m_auto, "auto");
    connect(m_includeAll, &QCheckBox::toggled, m_allValue, &QWidget::setEnabled);
    connect(m_autoCount, &QSpinBox::valueChanged, this, [this](int n) {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("auto_count"), n); });
    });
    connect(m_datasource, &QComboBox::activated, this, [this] {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("datasource"), dataSourceFromCombo()); });
        updateEditorDataSource();
    });
    connect(m_previewButton, &QPushButton::clicked, this, &VariablesEditor::runPreview);
    connect(this, &JsonListEditor::changed, this, &VariablesEditor::updateNameError);
}

void VariablesEditor::setPreviewTimeRange(const TimeRange &range, const QString &timezone)
{
    m_range = range;
    m_timezone = timezone;
}

QString VariablesEditor::uniqueName(const QString &base) const
{
    QStringList names;
    for (const QJsonValue &v : entries())
        names << v.toObject().value(QLatin1String("name")).toString();
    for (int i = 0;; ++i) {
        const QString n = base + QString::number(i);
        if (!names.contains(n))
            return n;
    }
}

QJsonObject VariablesEditor::newEntry() const
{
    // What Grafana writes for a new query variable.
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("query")},
                       {QStringLiteral("name"), uniqueName(QStringLiteral("query"))},
                       {QStringLiteral("hide"), 0},
                       {QStringLiteral("refresh"), 1},
                       {QStringLiteral("regex"), QString()},
                       {QStringLiteral("sort"), 0},
                       {QStringLiteral("multi"), false},
                       {QStringLiteral("includeAll"), false},
                       {QStringLiteral("options"), QJsonArray()},
                       {QStringLiteral("current"), QJsonObject()},
                       {QStringLiteral("query"), QString()},
                       {QStringLiteral("definition"), QString()},
                       {QStringLiteral("datasource"), QJsonValue(QJsonValue::Null)}};
}

QJsonObject VariablesEditor::duplicated(const QJsonObject &entry) const
{
    QJsonObject copy = entry;
    copy.insert(QLatin1String("name"), uniqueName(entry.value(QLatin1String("name")).toString() +
                                                  QStringLiteral("_copy")));
    return copy;
}

QString VariablesEditor::itemText(const QJsonObject &entry) const
{
    const int t = typeNames().indexOf(typeOf(entry));
    const QString type = t >= 0 ? m_type->itemText(t) : typeOf(entry);
    return QStringLiteral("$%1  —  %2").arg(entry.value(QLatin1String("name")).toString(), type);
}

void VariablesEditor::edit(const std::function<void(QJsonObject &)> &change)
{
    if (isLoadingForm() || currentRow() < 0)
        return;
    QJsonObject o = currentEntry();
    change(o);
    updateCurrent(o);
}

void VariablesEditor::writeQuery(QJsonObject &o, const QString &text) const
{
    if (typeOf(o) != QLatin1String("query")) {
        o.insert(QLatin1String("query"), text);
        return;
    }
    // Keep the form the entry had: Grafana 10+ writes an object, older files a string.
    const QJsonValue old = o.value(QLatin1String("query"));
    if (old.isObject()) {
        QJsonObject q = old.toObject();
        for (const char *k :
             {"qryType", "label", "metric", "labelFilters", "varQuery", "seriesQuery"})
            q.remove(QLatin1String(k));
        q.insert(QLatin1String("query"), text);
        if (!q.contains(QLatin1String("refId")))
            q.insert(QLatin1String("refId"),
                     QStringLiteral("PrometheusVariableQueryEditor-VariableQuery"));
        o.insert(QLatin1String("query"), q);
    } else {
        o.insert(QLatin1String("query"), text);
    }
    o.insert(QLatin1String("definition"), text);
}

void VariablesEditor::changeType(const QString &type)
{
    edit([&](QJsonObject &o) {
        if (typeOf(o) == type)
            return;
        o.insert(QLatin1String("type"), type);
        o.remove(QLatin1String("options"));
        o.insert(QLatin1String("current"), QJsonObject());
        o.remove(QLatin1String("definition"));
        o.remove(QLatin1String("auto"));
        o.remove(QLatin1String("auto_count"));
        o.remove(QLatin1String("auto_min"));
        o.remove(QLatin1String("filters"));
        QString query;
        if (type == QLatin1String("interval")) {
            query = QStringLiteral("1m,10m,30m,1h,6h,12h,1d,7d,14d,30d");
            o.insert(QLatin1String("auto"), false);
            o.insert(QLatin1String("auto_count"), 30);
            o.insert(QLatin1String("auto_min"), QStringLiteral("10s"));
            o.insert(QLatin1String("refresh"), 2);
        } else if (type == QLatin1String("datasource")) {
            query = QStringLiteral("prometheus");
            o.remove(QLatin1String("datasource"));
        } else if (type == QLatin1String("constant")) {
            o.insert(QLatin1String("hide"), 2);
        } else if (type == QLatin1String("adhoc")) {
            o.insert(QLatin1String("filters"), QJsonArray());
        } else if (type == QLatin1String("query")) {
            o.insert(QLatin1String("refresh"), 1);
            o.insert(QLatin1String("definition"), QString());
        }
        if (type == QLatin1String("adhoc"))
            o.remove(QLatin1String("query"));
        else
            o.insert(QLatin1String("query"), query);
        if (type != QLatin1String("query") && type != QLatin1String("custom") &&
            type != QLatin1String("datasource")) {
            o.insert(QLatin1String("multi"), false);
            o.insert(QLatin1String("includeAll"), false);
        }
    });
    selectionChanged(); // the form shows the fields of the new type
}

void VariablesEditor::updateVisibility(const QString &type)
{
    const bool query = type == QLatin1String("query");
    const bool custom = type == QLatin1String("custom");
    const bool interval = type == QLatin1String("interval");
    const bool ds = type == QLatin1String("datasource");
    const bool adhoc = type == QLatin1String("adhoc");
    const bool options = query || custom || ds;
    m_formLayout->setRowVisible(m_datasource, query || adhoc);
    m_formLayout->setRowVisible(m_queryBox, !adhoc);
    m_query->setVisible(!query);
    m_promql->setVisible(query);
    m_formLayout->setRowVisible(m_regex, query || ds);
    m_formLayout->setRowVisible(m_sort, query);
    m_formLayout->setRowVisible(m_refresh, query);
    m_formLayout->setRowVisible(m_multi, options);
    m_formLayout->setRowVisible(m_includeAll, options);
    m_formLayout->setRowVisible(m_allValue, query || custom);
    m_formLayout->setRowVisible(m_auto, interval);
    m_formLayout->setRowVisible(m_autoCount, interval);
    m_formLayout->setRowVisible(m_autoMin, interval);
    QString queryLabel = tr("Query");
    QString placeholder = QStringLiteral("label_values(up, job)");
    if (custom) {
        queryLabel = tr("Values");
        placeholder = tr("a, b, c or key : value, …");
    } else if (interval) {
        queryLabel = tr("Values");
        placeholder = QStringLiteral("1m,10m,1h");
    } else if (ds) {
        queryLabel = tr("Type");
        placeholder = QStringLiteral("prometheus");
    } else if (type == QLatin1String("constant")) {
        queryLabel = tr("Value");
        placeholder.clear();
    } else if (type == QLatin1String("textbox")) {
        queryLabel = tr("Default value");
        placeholder.clear();
    }
    if (auto *l = qobject_cast<QLabel *>(m_formLayout->labelForField(m_queryBox)))
        l->setText(queryLabel);
    if (auto *l = qobject_cast<QLabel *>(m_formLayout->labelForField(m_regex)))
        l->setText(ds ? tr("Instance name filter") : tr("Regex"));
    m_query->setPlaceholderText(placeholder);
    m_previewButton->setEnabled(type != QLatin1String("textbox") && !adhoc);
}

void VariablesEditor::fillDataSources(const QJsonValue &current)
{
    m_datasource->clear();
    m_datasource->addItem(tr("Default"), QVariant::fromValue(QJsonValue(QJsonValue::Null)));
    if (m_registry) {
        for (DataSource *ds : m_registry->dataSources()) {
            const DataSourceSettings &s = ds->settings();
            const QJsonValue ref = s.uid.isEmpty()
                                       ? QJsonValue(s.name)
                                       : QJsonValue(QJsonObject{{QStringLiteral("type"), s.type},
                                                                {QStringLiteral("uid"), s.uid}});
            m_datasource->addItem(s.name, QVariant::fromValue(ref));
        }
    }
    const QString self = currentEntry().value(QLatin1String("name")).toString();
    for (const QJsonValue &v : entries()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QLatin1String("name")).toString();
        if (typeOf(o) != QLatin1String("datasource") || name.isEmpty() || name == self)
            continue;
        const QString uid = QStringLiteral("${%1}").arg(name);
        m_datasource->addItem(uid, QVariant::fromValue(QJsonValue(QJsonObject{
                                       {QStringLiteral("type"), QStringLiteral("prometheus")},
                                       {QStringLiteral("uid"), uid}})));
    }
    // Select the entry's reference: the same JSON, else the same uid or name.
    const QJsonValue wanted = current.isUndefined() ? QJsonValue(QJsonValue::Null) : current;
    int index = -1;
    for (int i = 0; i < m_datasource->count() && index < 0; ++i) {
        if (m_datasource->itemData(i).toJsonValue() == wanted)
            index = i;
    }
    const QString text = dataSourceText(wanted);
    for (int i = 1; i < m_datasource->count() && index < 0 && !text.isEmpty(); ++i) {
        const QJsonValue item = m_datasource->itemData(i).toJsonValue();
        if (dataSourceText(item) == text || m_datasource->itemText(i) == text ||
            (text.startsWith(QLatin1Char('$')) &&
             dataSourceText(item) == QStringLiteral("${%1}").arg(text.mid(1))))
            index = i;
    }
    if (index < 0 && (wanted.isNull() || text == QLatin1String("default")))
        index = 0;
    if (index < 0) { // an unknown reference: keep it as written
        m_datasource->addItem(text, QVariant::fromValue(wanted));
        index = m_datasource->count() - 1;
    }
    m_datasource->setCurrentIndex(index);
}

void VariablesEditor::updateEditorDataSource()
{
    // Completion looks names up where the variable runs: its data source (a variable data
    // source or an unknown one: the default), and offers the other variables.
    DataSource *source = nullptr;
    if (m_registry) {
        QString error;
        bool mixed = false;
        source = m_registry->resolve(dataSourceFromCombo(), &error, &mixed);
        if (!source)
            source = m_registry->defaultSource();
    }
    m_promql->setDataSource(source);
    QStringList names;
    const QString self = currentEntry().value(QLatin1String("name")).toString();
    for (const QJsonValue &v : entries()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty() && name != self)
            names << name;
    }
    m_promql->setVariableNames(names);
}

QJsonValue VariablesEditor::dataSourceFromCombo() const
{
    return m_datasource->currentData().toJsonValue();
}

void VariablesEditor::loadForm(const QJsonObject &entry)
{
    const QString type = typeOf(entry).isEmpty() ? QStringLiteral("query") : typeOf(entry);
    const int t = typeNames().indexOf(type);
    const QSignalBlocker b1(m_autoCount);
    m_type->setCurrentIndex(t);
    m_name->setText(entry.value(QLatin1String("name")).toString());
    m_label->setText(entry.value(QLatin1String("label")).toString());
    m_description->setText(entry.value(QLatin1String("description")).toString());
    m_hide->setCurrentIndex(std::clamp(entry.value(QLatin1String("hide")).toInt(0), 0, 2));
    fillDataSources(entry.value(QLatin1String("datasource")));
    m_query->setText(entry.isEmpty() ? QString() : queryText(entry));
    m_promql->setQuery(m_query->text());
    updateEditorDataSource();
    m_regex->setText(entry.value(QLatin1String("regex")).toString());
    m_sort->setCurrentIndex(std::clamp(entry.value(QLatin1String("sort")).toInt(0), 0, 8));
    m_refresh->setCurrentIndex(std::clamp(entry.value(QLatin1String("refresh")).toInt(1), 0, 2));
    m_multi->setChecked(entry.value(QLatin1String("multi")).toBool(false));
    m_includeAll->setChecked(entry.value(QLatin1String("includeAll")).toBool(false));
    m_allValue->setText(entry.value(QLatin1String("allValue")).toString());
    m_allValue->setEnabled(m_includeAll->isChecked());
    m_auto->setChecked(entry.value(QLatin1String("auto")).toBool(false));
    m_autoCount->setValue(std::max(1, entry.value(QLatin1String("auto_count")).toInt(30)));
    m_autoMin->setText(entry.value(QLatin1String("auto_min")).toString(QStringLiteral("10s")));
    updateVisibility(type);
    updateNameError();
    m_previewList->clear();
    m_previewStatus->clear();
}

QStringList VariablesEditor::nameErrors() const
{
    QStringList errors, names;
    for (const QJsonValue &v : entries()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        if (const QString e = dashboardsettings::variableNameError(name, names); !e.isEmpty())
            errors << e;
        names << name;
    }
    return errors;
}

void VariablesEditor::updateNameError()
{
    if (!m_nameError)
        return;
    QStringList others;
    const int row = currentRow();
    const QJsonArray all = entries();
    for (int i = 0; i < all.size(); ++i) {
        if (i != row)
            others << all.at(i).toObject().value(QLatin1String("name")).toString();
    }
    const QString error =
        row < 0 ? QString() : dashboardsettings::variableNameError(m_name->text(), others);
    m_nameError->setText(error);
    m_nameError->setVisible(!error.isEmpty());
}

QStringList VariablesEditor::previewValues() const
{
    QStringList out;
    for (int i = 0; i < m_previewList->count(); ++i)
        out << m_previewList->item(i)->text();
    return out;
}

QString VariablesEditor::previewMessage() const
{
    return m_previewStatus->text();
}

void VariablesEditor::runPreview()
{
    const QJsonObject entry = currentEntry();
    const QString name = entry.value(QLatin1String("name")).toString();
    m_previewList->clear();
    if (m_preview) {
        m_preview->disconnect(this);
        m_preview->deleteLater();
        m_preview = nullptr;
    }
    if (currentRow() < 0)
        return;
    if (!m_nameError->text().isEmpty()) {
        m_previewStatus->setText(m_nameError->text());
        Q_EMIT previewFinished();
        return;
    }
    // The whole list, so that the variables this one depends on are computed too; this one
    // is queried even when it keeps saved values.
    QJsonArray list = entries();
    const int row = currentRow();
    QJsonObject self = list.at(row).toObject();
    if (self.value(QLatin1String("refresh")).toInt(1) == 0)
        self.insert(QLatin1String("refresh"), 1);
    self.remove(QLatin1String("options"));
    list.replace(row, self);

    QString error;
    const auto resolved =
        m_range.resolve(QDateTime::currentDateTimeUtc(), dashboardTimeZone(m_timezone), &error);
    if (!resolved) {
        m_previewStatus->setText(tr("Invalid default time range: %1").arg(error));
        Q_EMIT previewFinished();
        return;
    }
    auto *set = new VariableSet(m_registry, this);
    m_preview = set;
    const quint64 generation = ++m_previewGeneration;
    set->setDefinitions(list);
    set->setTimeRange(*resolved);
    m_previewStatus->setText(tr("Running…"));
    connect(set, &VariableSet::updated, this,
            [this, name, generation] { finishPreview(name, generation); });
    set->refresh();
}

void VariablesEditor::finishPreview(const QString &name, quint64 generation)
{
    if (generation != m_previewGeneration || !m_preview)
        return;
    VariableSet *set = m_preview;
    m_preview = nullptr;
    set->disconnect(this);
    set->deleteLater();
    const Variable *v = set->find(name);
    m_previewList->clear();
    if (!v) {
        m_previewStatus->setText(tr("The variable cannot be computed."));
        Q_EMIT previewFinished();
        return;
    }
    QString error = v->error;
    if (error.isEmpty() && !set->cycleError().isEmpty() && v->isQueried() && v->options.isEmpty())
        error = set->cycleError();
    // On an error the options are stale (or only "All"): show the error alone.
    const int shown = error.isEmpty() ? std::min<int>(int(v->options.size()), MaxPreviewItems) : 0;
    for (int i = 0; i < shown; ++i)
        m_previewList->addItem(v->options.at(i).text);
    if (!error.isEmpty())
        m_previewStatus->setText(tr("Error: %1").arg(error));
    else if (v->options.size() > shown)
        m_previewStatus->setText(
            tr("%1 values; the first %2 are shown.").arg(v->options.size()).arg(shown));
    else
        m_previewStatus->setText(tr("%1 values").arg(v->options.size()));
    m_previewStatus->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c4162a"));
    Q_EMIT previewFinished();
}

} // namespace pharos
