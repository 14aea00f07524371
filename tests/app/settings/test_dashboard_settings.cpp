// The Dashboard settings window, driven with QTest events on its real widgets inside the main
// window: General settings reach the applied JSON (and the view), invalid uid and time
// expressions are refused with a message, a query variable previews the jobs of a real
// Prometheus, variables are reordered, duplicated and deleted, links are added, and the JSON
// model refuses a syntax error (line/column) and applies a valid edit through the migration.
#include "app/editor/promqleditor.h"
#include "app/mainwindow.h"
#include "app/settings/dashboardsettings.h"
#include "app/settings/dashboardsettingslinks.h"
#include "app/settings/dashboardsettingsvariables.h"
#include "app/settings/dashboardsettingswidgets.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardview.h"
#include "app/view/refreshpicker.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboardio.h"
#include "datasources/datasourceregistry.h"
#include "panels/timeseries/crosshair.h"
#include "prometheusfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace pharos;

class TestDashboardSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void generalSettingsApplied();
    void invalidUidAndTimeRefused();
    void queryVariablePreviewListsRealJobs();
    void variablesReorderDuplicateDelete();
    void variableTypes();
    void addLink();
    void jsonModel();
    void closeAsksAboutUnappliedChanges();
    void structuredQueryKeepsItsForm();
    void applyIsOneUndoStep();
    void panelEditWhileSettingsOpenIsKept();

private:
    DashboardSettingsDialog *openSettings();
    void showTab(int index);
    void apply(bool expectSuccess);
    template <typename T> T *child(const char *name)
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void setText(QLineEdit *edit, const QString &text);
    /// Types a query variable's query into its PromQL editor (completion may pop up; Esc
    /// closes it at the end).
    void typeQuery(const QString &text)
    {
        auto *editor = child<PromqlEditor>("variablePromql");
        QVERIFY(editor->isVisible());
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Escape);
        QCOMPARE(editor->query(), text);
    }
    void clickListRow(QListWidget *list, int row);
    /// Clicks a check box on its indicator (a wide box ignores clicks beyond its text).
    static void toggle(QCheckBox *box)
    {
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    }

    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
    std::unique_ptr<DataSourceRegistry> m_registry;
    std::unique_ptr<MainWindow> m_window;
    DashboardSettingsDialog *m_dialog = nullptr;
    QString m_path;
};

static QJsonObject baseDashboard()
{
    return QJsonObject{
        {"title", "Before"},
        {"uid", "before-uid"},
        {"tags", QJsonArray{"old", "keep"}},
        {"schemaVersion", 41},
        {"timezone", "utc"},
        {"time", QJsonObject{{"from", "now-6h"}, {"to", "now"}}},
        {"refresh", "30s"},
        {"graphTooltip", 0},
        {"x-unknown", QJsonObject{{"kept", true}}},
        {"links", QJsonArray{QJsonObject{
                      {"title", "First"}, {"type", "link"}, {"url", "https://example.com/first"}}}},
        {"templating",
         QJsonObject{
             {"list",
              QJsonArray{
                  QJsonObject{{"name", "a"}, {"type", "custom"}, {"query", "1,2"}},
                  QJsonObject{{"name", "b"}, {"type", "custom"}, {"query", "3"}},
                  QJsonObject{{"name", "c"}, {"type", "constant"}, {"query", "x"}, {"hide", 2}}}}}},
        {"panels", QJsonArray{QJsonObject{
                       {"id", 1},
                       {"type", "timeseries"},
                       {"title", "Up"},
                       {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
                       {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up"}}}}}}}};
}

void TestDashboardSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_prom.addSelfScrapeJob(QStringLiteral("second-job"));
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    // Both jobs have data before the preview runs.
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up{job=\"second-job\"}")));
}

void TestDashboardSettings::init()
{
    m_registry = std::make_unique<DataSourceRegistry>();
    DataSourceSettings settings;
    settings.name = QStringLiteral("prom");
    settings.uid = QStringLiteral("prom-uid");
    settings.url = m_prom.url();
    settings.isDefault = true;
    m_registry->add(settings);
    m_path = m_dir.filePath(QStringLiteral("dash.json"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(baseDashboard()).toJson());
    f.close();
    m_window = std::make_unique<MainWindow>(m_registry.get());
    QVERIFY(m_window->openFile(m_path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->isModified());
    m_dialog = openSettings();
    QVERIFY(m_dialog);
}

void TestDashboardSettings::cleanup()
{
    m_dialog = nullptr;
    m_window.reset();
    m_registry.reset();
}

DashboardSettingsDialog *TestDashboardSettings::openSettings()
{
    QAction *action = m_window->dashboardSettingsAction();
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    DashboardSettingsDialog *d = m_window->dashboardSettings();
    if (d && !QTest::qWaitForWindowExposed(d))
        return nullptr;
    return d;
}

void TestDashboardSettings::showTab(int index)
{
    QTabBar *bar = m_dialog->tabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    QCOMPARE(m_dialog->tabs()->currentIndex(), index);
}

void TestDashboardSettings::setText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestDashboardSettings::clickListRow(QListWidget *list, int row)
{
    const QRect r = list->visualItemRect(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
}

void TestDashboardSettings::apply(bool expectSuccess)
{
    QSignalSpy ok(m_dialog, &DashboardSettingsDialog::applyRequested);
    QSignalSpy failed(m_dialog, &DashboardSettingsDialog::applyFailed);
    QTest::mouseClick(m_dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() == 1, 10000);
    if (expectSuccess && ok.count() != 1)
        QFAIL(qPrintable(QStringLiteral("Apply failed: ") + m_dialog->message()));
    if (!expectSuccess)
        QCOMPARE(failed.count(), 1);
}

void TestDashboardSettings::generalSettingsApplied()
{
    setText(child<QLineEdit>("titleEdit"), QStringLiteral("After"));
    // Tags: add two by typing (Enter, and a comma list with the Add button), remove a chip.
    TagsEdit *tags = m_dialog->tagsEdit();
    QTest::keyClicks(tags->input(), QStringLiteral("prod"));
    QTest::keyClick(tags->input(), Qt::Key_Return);
    QTest::keyClicks(tags->input(), QStringLiteral("team-a, keep"));
    QTest::mouseClick(tags->findChild<QPushButton *>(QStringLiteral("tagAdd")), Qt::LeftButton);
    QVERIFY(tags->chip(QStringLiteral("old")));
    QTest::mouseClick(tags->chip(QStringLiteral("old")), Qt::LeftButton);
    QCOMPARE(tags->tags(), (QStringList{"keep", "prod", "team-a"}));

    setText(child<QLineEdit>("uidEdit"), QStringLiteral("My_uid-2"));
    QVERIFY(child<QLabel>("uidError")->isHidden());
    // The time zone box is searchable; a typed IANA id is taken.
    auto *zone = child<QComboBox>("timezoneCombo");
    QVERIFY(zone->findText(QStringLiteral("Europe/Berlin")) > 0);
    setText(zone->lineEdit(), QStringLiteral("Europe/Berlin"));
    setText(child<QLineEdit>("timeFromEdit"), QStringLiteral("now-24h"));
    setText(child<QLineEdit>("timeToEdit"), QStringLiteral("now-1h"));
    QVERIFY(child<QLabel>("timeError")->isHidden());
    setText(child<QLineEdit>("refreshIntervalsEdit"), QStringLiteral("10s,1m,5m"));
    QTest::keyClick(child<QLineEdit>("refreshIntervalsEdit"), Qt::Key_Return);
    auto *refresh = child<QComboBox>("refreshCombo");
    QCOMPARE(refresh->count(), 5); // Off, the three choices, and the file's 30s
    setText(refresh->lineEdit(), QStringLiteral("1m"));
    auto *tooltip = child<QComboBox>("graphTooltipCombo");
    tooltip->setFocus();
    QTest::keyClick(tooltip, Qt::Key_Down);
    QTest::keyClick(tooltip, Qt::Key_Down);
    QCOMPARE(tooltip->currentIndex(), 2);
    auto *week = child<QComboBox>("weekStartCombo");
    week->setFocus();
    QTest::keyClick(week, Qt::Key_Down); // saturday
    QTest::keyClick(week, Qt::Key_Down); // sunday... then monday
    QTest::keyClick(week, Qt::Key_Down);
    toggle(child<QCheckBox>("editableCheck"));

    apply(true);
    QVERIFY(m_window->isModified());
    const QJsonObject d = m_window->dashboard()->toJson();
    QCOMPARE(d.value("title").toString(), QStringLiteral("After"));
    QCOMPARE(d.value("tags").toArray(), (QJsonArray{"keep", "prod", "team-a"}));
    QCOMPARE(d.value("uid").toString(), QStringLiteral("My_uid-2"));
    QCOMPARE(d.value("timezone").toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(d.value("time").toObject().value("from").toString(), QStringLiteral("now-24h"));
    QCOMPARE(d.value("time").toObject().value("to").toString(), QStringLiteral("now-1h"));
    QCOMPARE(d.value("refresh").toString(), QStringLiteral("1m"));
    QCOMPARE(d.value("timepicker").toObject().value("refresh_intervals").toArray(),
             (QJsonArray{"10s", "1m", "5m"}));
    QCOMPARE(d.value("graphTooltip").toInt(-1), 2);
    QCOMPARE(d.value("weekStart").toString(), QStringLiteral("monday"));
    QCOMPARE(d.value("editable").toBool(true), false);
    // What the settings do not touch is kept: panels, variables, links, unknown keys.
    QCOMPARE(d.value("x-unknown"), baseDashboard().value("x-unknown"));
    QCOMPARE(d.value("panels").toArray().size(), 1);
    QCOMPARE(d.value("templating"), baseDashboard().value("templating"));
    QCOMPARE(d.value("links"), baseDashboard().value("links"));
    // The window shows it: title, zone of the view, the new default range in the picker.
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("After")));
    QCOMPARE(m_window->view()->timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(m_window->view()->crosshair()->mode(), 2);
    QCOMPARE(m_window->timeRangePicker()->timeRange().from, QStringLiteral("now-24h"));
    // The refresh picker offers the dashboard's choices and runs the new interval.
    QComboBox *picker = m_window->refreshPicker()->comboBox();
    QStringList choices;
    for (int i = 1; i < picker->count(); ++i)
        choices << picker->itemData(i).toString();
    QCOMPARE(choices, (QStringList{"10s", "1m", "5m"}));
    QCOMPARE(m_window->refreshPicker()->interval(), QStringLiteral("1m"));

    // Saved and reloaded, the file has the same settings.
    const QString saved = m_dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(m_window->saveAs(saved));
    QString error;
    const auto reloaded = loadDashboardFile(saved, &error);
    QVERIFY2(reloaded, qPrintable(error));
    QCOMPARE(reloaded->toJson().value("uid").toString(), QStringLiteral("My_uid-2"));
    QCOMPARE(reloaded->toJson().value("graphTooltip").toInt(), 2);

    // Nothing changed: Apply keeps the document as it is.
    const QJsonObject before = m_window->dashboard()->toJson();
    apply(true);
    QCOMPARE(m_window->dashboard()->toJson(), before);
}

void TestDashboardSettings::invalidUidAndTimeRefused()
{
    auto *uid = child<QLineEdit>("uidEdit");
    auto *uidError = child<QLabel>("uidError");
    setText(uid, QStringLiteral("bad uid!"));
    QVERIFY(!uidError->isHidden());
    QVERIFY(uidError->text().contains(QStringLiteral("bad uid!")));
    apply(false);
    QVERIFY(m_dialog->message().contains(QStringLiteral("uid")));
    QCOMPARE(m_window->dashboard()->uid(), QStringLiteral("before-uid"));
    QVERIFY(!m_window->isModified());

    setText(uid, QString(41, QLatin1Char('x')));
    QVERIFY(uidError->text().contains(QStringLiteral("41")));
    apply(false);
    QCOMPARE(m_window->dashboard()->uid(), QStringLiteral("before-uid"));
    setText(uid, QString(40, QLatin1Char('x'))); // 40 is fine
    QVERIFY(uidError->isHidden());

    auto *from = child<QLineEdit>("timeFromEdit");
    auto *timeError = child<QLabel>("timeError");
    setText(from, QStringLiteral("now-3x"));
    QVERIFY(!timeError->isHidden());
    QVERIFY(timeError->text().contains(QStringLiteral("now-3x")));
    apply(false);
    QVERIFY(m_dialog->message().contains(QStringLiteral("now-3x")));
    QCOMPARE(m_window->dashboard()->timeFrom(), QStringLiteral("now-6h"));
    // Both ends valid but from after to.
    setText(from, QStringLiteral("now"));
    setText(child<QLineEdit>("timeToEdit"), QStringLiteral("now-1h"));
    QVERIFY(!timeError->isHidden());
    apply(false);
    QCOMPARE(m_window->dashboard()->timeFrom(), QStringLiteral("now-6h"));
    // An invalid refresh interval.
    setText(from, QStringLiteral("now-2h"));
    setText(child<QLineEdit>("timeToEdit"), QStringLiteral("now"));
    setText(child<QComboBox>("refreshCombo")->lineEdit(), QStringLiteral("soon"));
    apply(false);
    QVERIFY(m_dialog->message().contains(QStringLiteral("soon")));
    QVERIFY(!m_window->isModified());

    // Fixed, it applies.
    setText(child<QComboBox>("refreshCombo")->lineEdit(), QStringLiteral("5s"));
    apply(true);
    QCOMPARE(m_window->dashboard()->uid(), QString(40, QLatin1Char('x')));
    QCOMPARE(m_window->dashboard()->timeFrom(), QStringLiteral("now-2h"));
    QCOMPARE(m_window->dashboard()->refresh(), QStringLiteral("5s"));
}

void TestDashboardSettings::queryVariablePreviewListsRealJobs()
{
    showTab(DashboardSettingsDialog::VariablesPage);
    VariablesEditor *vars = m_dialog->variablesEditor();
    QCOMPARE(vars->count(), 3);
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    QCOMPARE(vars->count(), 4);
    QCOMPARE(vars->currentRow(), 1); // inserted after the selected first one
    setText(child<QLineEdit>("variableName"), QStringLiteral("job"));
    setText(child<QLineEdit>("variableLabel"), QStringLiteral("Job"));
    typeQuery(QStringLiteral("label_values(up, job)"));
    // Data source: the configured one (by {type, uid}).
    auto *ds = child<QComboBox>("variableDatasource");
    const int promIndex = ds->findText(QStringLiteral("prom"));
    QVERIFY(promIndex > 0);
    ds->setFocus();
    QTest::keyClick(ds, Qt::Key_Down);
    QCOMPARE(ds->currentIndex(), promIndex);
    auto *sort = child<QComboBox>("variableSort");
    sort->setFocus();
    QTest::keyClick(sort, Qt::Key_Down); // alphabetical asc
    toggle(child<QCheckBox>("variableMulti"));
    toggle(child<QCheckBox>("variableIncludeAll"));
    setText(child<QLineEdit>("variableAllValue"), QStringLiteral(".*"));

    // The preview runs the query on the real server and lists its jobs.
    const QJsonObject answer = m_prom.queryJson(QStringLiteral("/api/v1/label/job/values"));
    QStringList jobs;
    for (const QJsonValue &v : answer.value("data").toArray())
        jobs << v.toString();
    jobs.sort();
    QVERIFY(jobs.contains(QStringLiteral("second-job")));
    QVERIFY(jobs.contains(QStringLiteral("prometheus")));
    QSignalSpy previewed(vars, &VariablesEditor::previewFinished);
    // Shift+Enter in the query editor runs the preview.
    QTest::keyClick(child<PromqlEditor>("variablePromql"), Qt::Key_Return, Qt::ShiftModifier);
    QVERIFY(previewed.wait(15000));
    QCOMPARE(vars->previewValues(), QStringList{QStringLiteral("All")} + jobs);
    QVERIFY2(vars->previewMessage().contains(QString::number(jobs.size() + 1)),
             qPrintable(vars->previewMessage()));

    // A broken query shows the server's error in the preview.
    typeQuery(QStringLiteral("query_result(sum(up)"));
    QTest::mouseClick(child<QPushButton>("variablePreviewButton"), Qt::LeftButton);
    QVERIFY(previewed.wait(15000));
    QVERIFY2(vars->previewMessage().startsWith(QStringLiteral("Error")),
             qPrintable(vars->previewMessage()));
    QVERIFY(vars->previewValues().isEmpty());
    typeQuery(QStringLiteral("label_values(up, job)"));

    apply(true);
    const QJsonArray list = m_window->dashboard()->templatingList();
    QCOMPARE(list.size(), 4);
    const QJsonObject job = list.at(1).toObject();
    QCOMPARE(job.value("name").toString(), QStringLiteral("job"));
    QCOMPARE(job.value("label").toString(), QStringLiteral("Job"));
    QCOMPARE(job.value("type").toString(), QStringLiteral("query"));
    QCOMPARE(job.value("query").toString(), QStringLiteral("label_values(up, job)"));
    QCOMPARE(job.value("definition").toString(), QStringLiteral("label_values(up, job)"));
    QCOMPARE(job.value("datasource").toObject(),
             (QJsonObject{{"type", "prometheus"}, {"uid", "prom-uid"}}));
    QCOMPARE(job.value("sort").toInt(), 1);
    QCOMPARE(job.value("refresh").toInt(), 1);
    QVERIFY(job.value("multi").toBool());
    QVERIFY(job.value("includeAll").toBool());
    QCOMPARE(job.value("allValue").toString(), QStringLiteral(".*"));
    // The variable model reads it back as Grafana would.
    const Variable v = Variable::fromJson(job);
    QCOMPARE(v.type, VariableType::Query);
    QCOMPARE(v.query, QStringLiteral("label_values(up, job)"));
    QVERIFY(v.hasCustomAllValue);
}

void TestDashboardSettings::variablesReorderDuplicateDelete()
{
    showTab(DashboardSettingsDialog::VariablesPage);
    VariablesEditor *vars = m_dialog->variablesEditor();
    auto names = [&] {
        QStringList out;
        for (const QJsonValue &v : vars->entries())
            out << v.toObject().value("name").toString();
        return out;
    };
    QCOMPARE(names(), (QStringList{"a", "b", "c"}));
    clickListRow(vars->list(), 2);
    QCOMPARE(vars->currentRow(), 2);
    QTest::mouseClick(child<QPushButton>("variableUp"), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{"a", "c", "b"}));
    QCOMPARE(vars->currentRow(), 1);
    QTest::mouseClick(child<QPushButton>("variableUp"), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{"c", "a", "b"}));
    QVERIFY(!child<QPushButton>("variableUp")->isEnabled()); // first row
    QTest::mouseClick(child<QPushButton>("variableDown"), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{"a", "c", "b"}));

    // A drop inside the list moves the item in the model (what InternalMove does): the
    // entries follow.
    QVERIFY(vars->list()->model()->moveRow(QModelIndex(), 2, QModelIndex(), 0));
    QCOMPARE(names(), (QStringList{"b", "a", "c"}));
    QVERIFY(vars->list()->model()->moveRow(QModelIndex(), 0, QModelIndex(), 3));
    QCOMPARE(names(), (QStringList{"a", "c", "b"}));

    // Duplicate "a": a copy with a new name, right after it.
    clickListRow(vars->list(), 0);
    QTest::mouseClick(child<QPushButton>("variableDuplicate"), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{"a", "a_copy0", "c", "b"}));
    QCOMPARE(vars->entries().at(1).toObject().value("query").toString(), QStringLiteral("1,2"));

    // A duplicate name is shown and refused.
    setText(child<QLineEdit>("variableName"), QStringLiteral("b"));
    auto *nameError = child<QLabel>("variableNameError");
    QVERIFY(!nameError->isHidden());
    QVERIFY(nameError->text().contains(QStringLiteral("“b”")));
    apply(false);
    QVERIFY(m_dialog->message().contains(QStringLiteral("“b”")));
    setText(child<QLineEdit>("variableName"), QStringLiteral("__x"));
    QVERIFY(nameError->text().contains(QStringLiteral("__")));
    setText(child<QLineEdit>("variableName"), QStringLiteral("bad-name"));
    QVERIFY(nameError->text().contains(QStringLiteral("bad-name")));
    setText(child<QLineEdit>("variableName"), QStringLiteral("d"));
    QVERIFY(nameError->isHidden());

    // Delete "c".
    clickListRow(vars->list(), 2);
    QTest::mouseClick(child<QPushButton>("variableRemove"), Qt::LeftButton);
    QCOMPARE(names(), (QStringList{"a", "d", "b"}));

    apply(true);
    QStringList applied;
    for (const QJsonValue &v : m_window->dashboard()->templatingList())
        applied << v.toObject().value("name").toString();
    QCOMPARE(applied, (QStringList{"a", "d", "b"}));
}

void TestDashboardSettings::variableTypes()
{
    showTab(DashboardSettingsDialog::VariablesPage);
    VariablesEditor *vars = m_dialog->variablesEditor();
    auto *type = child<QComboBox>("variableType");
    auto *query = child<QLineEdit>("variableQuery");
    auto *preview = child<QPushButton>("variablePreviewButton");
    QSignalSpy previewed(vars, &VariablesEditor::previewFinished);
    auto chooseType = [&](const QString &name) {
        const int index = VariablesEditor::typeNames().indexOf(name);
        type->setFocus();
        while (type->currentIndex() < index)
            QTest::keyClick(type, Qt::Key_Down);
        while (type->currentIndex() > index)
            QTest::keyClick(type, Qt::Key_Up);
        QCOMPARE(vars->currentEntry().value("type").toString(), name);
    };
    auto previewValues = [&]() -> QStringList {
        previewed.clear();
        QTest::mouseClick(preview, Qt::LeftButton);
        if (previewed.isEmpty() && !previewed.wait(15000))
            return {QStringLiteral("<no preview>")};
        return vars->previewValues();
    };

    // custom: key : value pairs
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("custom"));
    setText(query, QStringLiteral("one : 1, two : 2"));
    QCOMPARE(previewValues(), (QStringList{"one", "two"}));

    // interval with auto
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("interval"));
    setText(query, QStringLiteral("1m,5m"));
    toggle(child<QCheckBox>("variableAuto"));
    setText(child<QLineEdit>("variableAutoMin"), QStringLiteral("30s"));
    auto *count = child<QSpinBox>("variableAutoCount");
    count->setFocus();
    QTest::keyClick(count, Qt::Key_Up);
    QCOMPARE(previewValues(), (QStringList{"auto", "1m", "5m"}));
    const QJsonObject interval = vars->currentEntry();
    QCOMPARE(interval.value("auto").toBool(), true);
    QCOMPARE(interval.value("auto_count").toInt(), 31);
    QCOMPARE(interval.value("auto_min").toString(), QStringLiteral("30s"));

    // datasource by type, with an instance-name regex
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("datasource"));
    QCOMPARE(query->text(), QStringLiteral("prometheus"));
    setText(child<QLineEdit>("variableRegex"), QStringLiteral("/pr.*/"));
    QCOMPARE(previewValues(), QStringList{"prom"});
    setText(child<QLineEdit>("variableRegex"), QStringLiteral("/nomatch/"));
    QCOMPARE(previewValues(), QStringList{});

    // constant, textbox, adhoc
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("constant"));
    setText(query, QStringLiteral("fixed"));
    QCOMPARE(previewValues(), QStringList{"fixed"});
    QCOMPARE(vars->currentEntry().value("hide").toInt(), 2);
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("textbox"));
    setText(query, QStringLiteral("typed"));
    QVERIFY(!preview->isEnabled());
    QTest::mouseClick(child<QPushButton>("variableAdd"), Qt::LeftButton);
    chooseType(QStringLiteral("adhoc"));
    QVERIFY(!query->isVisible());

    apply(true);
    QStringList types;
    for (const QJsonValue &v : m_window->dashboard()->templatingList())
        types << v.toObject().value("type").toString();
    QCOMPARE(types, (QStringList{"custom", "custom", "interval", "datasource", "constant",
                                 "textbox", "adhoc", "custom", "constant"}));
    const QJsonArray list = m_window->dashboard()->templatingList();
    QCOMPARE(list.at(1).toObject().value("query").toString(), QStringLiteral("one : 1, two : 2"));
    QCOMPARE(list.at(2).toObject().value("auto_min").toString(), QStringLiteral("30s"));
    QCOMPARE(list.at(3).toObject().value("query").toString(), QStringLiteral("prometheus"));
    QCOMPARE(list.at(3).toObject().value("regex").toString(), QStringLiteral("/nomatch/"));
    QCOMPARE(list.at(4).toObject().value("query").toString(), QStringLiteral("fixed"));
    QCOMPARE(list.at(5).toObject().value("query").toString(), QStringLiteral("typed"));
}

void TestDashboardSettings::addLink()
{
    showTab(DashboardSettingsDialog::LinksPage);
    LinksEditor *links = m_dialog->linksEditor();
    QCOMPARE(links->count(), 1);
    QTest::mouseClick(child<QPushButton>("linkAdd"), Qt::LeftButton);
    QCOMPARE(links->count(), 2);
    setText(child<QLineEdit>("linkTitle"), QStringLiteral("Docs"));
    setText(child<QLineEdit>("linkUrl"), QStringLiteral("https://example.com/docs?x=1"));
    setText(child<QLineEdit>("linkTooltip"), QStringLiteral("Read me"));
    toggle(child<QCheckBox>("linkKeepTime"));
    toggle(child<QCheckBox>("linkTargetBlank"));
    // A dashboards link by tags, moved first.
    QTest::mouseClick(child<QPushButton>("linkAdd"), Qt::LeftButton);
    auto *type = child<QComboBox>("linkType");
    type->setFocus();
    QTest::keyClick(type, Qt::Key_Down);
    setText(child<QLineEdit>("linkTitle"), QStringLiteral("Related"));
    auto *tags = links->findChild<TagsEdit *>(QStringLiteral("linkTags"));
    QVERIFY(tags && !tags->isHidden());
    QTest::keyClicks(tags->input(), QStringLiteral("k8s"));
    QTest::keyClick(tags->input(), Qt::Key_Return);
    toggle(child<QCheckBox>("linkAsDropdown"));
    toggle(child<QCheckBox>("linkIncludeVars"));
    QTest::mouseClick(child<QPushButton>("linkUp"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("linkUp"), Qt::LeftButton);
    QCOMPARE(links->currentRow(), 0);

    apply(true);
    const QJsonArray list = m_window->dashboard()->toJson().value("links").toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject related = list.at(0).toObject();
    QCOMPARE(related.value("type").toString(), QStringLiteral("dashboards"));
    QCOMPARE(related.value("title").toString(), QStringLiteral("Related"));
    QCOMPARE(related.value("tags").toArray(), QJsonArray{"k8s"});
    QVERIFY(related.value("asDropdown").toBool());
    QVERIFY(related.value("includeVars").toBool());
    QCOMPARE(list.at(1).toObject(), baseDashboard().value("links").toArray().at(0).toObject());
    const QJsonObject docs = list.at(2).toObject();
    QCOMPARE(docs.value("type").toString(), QStringLiteral("link"));
    QCOMPARE(docs.value("title").toString(), QStringLiteral("Docs"));
    QCOMPARE(docs.value("url").toString(), QStringLiteral("https://example.com/docs?x=1"));
    QCOMPARE(docs.value("tooltip").toString(), QStringLiteral("Read me"));
    QCOMPARE(docs.value("icon").toString(), QStringLiteral("external link"));
    QVERIFY(docs.value("keepTime").toBool());
    QVERIFY(docs.value("targetBlank").toBool());
    QVERIFY(!docs.value("includeVars").toBool());

    // Delete the first one.
    clickListRow(links->list(), 0);
    QTest::mouseClick(child<QPushButton>("linkRemove"), Qt::LeftButton);
    apply(true);
    QCOMPARE(m_window->dashboard()->toJson().value("links").toArray().size(), 2);
}

void TestDashboardSettings::jsonModel()
{
    // General edits show up in the JSON model.
    setText(child<QLineEdit>("titleEdit"), QStringLiteral("Shown in JSON"));
    showTab(DashboardSettingsDialog::JsonPage);
    QPlainTextEdit *editor = m_dialog->jsonEditor();
    QVERIFY(editor->toPlainText().contains(QStringLiteral("\"title\": \"Shown in JSON\"")));
    QVERIFY(editor->toPlainText().contains(QStringLiteral("\"x-unknown\"")));

    // A syntax error on line 3: refused with its line and column, nothing applied.
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Down);
    QTest::keyClick(editor, Qt::Key_Down);
    QTest::keyClick(editor, Qt::Key_Home);
    QTest::keyClicks(editor, QStringLiteral("oops "));
    apply(false);
    auto *jsonError = child<QLabel>("jsonError");
    QVERIFY2(jsonError->text().contains(QStringLiteral("line 3, column")),
             qPrintable(jsonError->text()));
    QVERIFY(m_dialog->message().contains(QStringLiteral("line 3")));
    QCOMPARE(editor->textCursor().blockNumber(), 2); // the cursor is put on the error
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Before"));
    QVERIFY(!m_window->isModified());
    // Leaving the page with the error is refused too.
    QTabBar *bar = m_dialog->tabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(0).center());
    QCOMPARE(m_dialog->tabs()->currentIndex(), int(DashboardSettingsDialog::JsonPage));

    // An object without panels is refused.
    auto replaceAll = [&](const QString &text) {
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, text);
    };
    replaceAll(QStringLiteral("{\"title\": \"no panels\"}"));
    apply(false);
    QVERIFY2(jsonError->text().contains(QStringLiteral("panels")), qPrintable(jsonError->text()));
    // A settings rule inside the JSON (uid) is refused.
    replaceAll(QStringLiteral("{\"uid\": \"a b\", \"panels\": []}"));
    apply(false);
    QVERIFY(jsonError->text().contains(QStringLiteral("a b")));
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Before"));

    // A valid legacy (schema 14) dashboard: applied through the migration.
    replaceAll(QStringLiteral(
        "{\"title\": \"From JSON\", \"schemaVersion\": 14, \"rows\": [{\"panels\": [{\"id\": 7, "
        "\"type\": \"graph\", \"span\": 6, \"targets\": [{\"refId\": \"A\", \"expr\": "
        "\"up\"}]}]}]}"));
    apply(true);
    QVERIFY(jsonError->text().isEmpty());
    QVERIFY(m_window->isModified());
    const Dashboard *d = m_window->dashboard();
    QCOMPARE(d->title(), QStringLiteral("From JSON"));
    QVERIFY(d->schemaVersion() > 14);
    QCOMPARE(d->panels().size(), 1);
    QCOMPARE(d->panels().at(0).id, 7);
    QCOMPARE(d->panels().at(0).type, QStringLiteral("timeseries"));
    QCOMPARE(d->panels().at(0).gridPos.w, 12);
    QCOMPARE(m_window->view()->panelWidgets().size(), 1);
    QVERIFY(m_window->view()->panelWidget(7));
    // The other pages show the applied dashboard.
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(0).center());
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("From JSON"));
    QCOMPARE(m_dialog->variablesEditor()->count(), 0);
}

void TestDashboardSettings::closeAsksAboutUnappliedChanges()
{
    int asked = 0;
    bool discard = false;
    m_dialog->setDiscardQuestion([&] {
        ++asked;
        return discard;
    });
    // Nothing changed: closes without asking.
    QTest::mouseClick(child<QPushButton>("closeButton"), Qt::LeftButton);
    QCOMPARE(asked, 0);
    QVERIFY(!m_dialog->isVisible());
    m_dialog = openSettings();
    setText(child<QLineEdit>("titleEdit"), QStringLiteral("Unapplied"));
    QTest::mouseClick(child<QPushButton>("closeButton"), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QVERIFY(m_dialog->isVisible()); // Cancel: stays, with the edit
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Unapplied"));
    discard = true;
    QTest::keyClick(m_dialog, Qt::Key_Escape);
    QCOMPARE(asked, 2);
    QVERIFY(!m_dialog->isVisible());
    m_dialog = openSettings();
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Before"));
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Before"));
}

void TestDashboardSettings::structuredQueryKeepsItsForm()
{
    // A Grafana 10+ variable (structured query object) typed into the JSON model; leaving the
    // page takes the text into the other pages.
    showTab(DashboardSettingsDialog::JsonPage);
    QPlainTextEdit *editor = m_dialog->jsonEditor();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(
        editor,
        QStringLiteral("{\"title\": \"S\", \"panels\": [], \"templating\": {\"list\": [{\"name\": "
                       "\"inst\", \"type\": \"query\", \"datasource\": {\"type\": \"prometheus\", "
                       "\"uid\": \"prom-uid\"}, \"definition\": \"label_values(up, instance)\", "
                       "\"query\": {\"qryType\": 1, \"label\": \"instance\", \"metric\": \"up\", "
                       "\"query\": \"label_values(up, instance)\", \"refId\": \"R\"}}]}}"));
    showTab(DashboardSettingsDialog::VariablesPage);
    VariablesEditor *vars = m_dialog->variablesEditor();
    QCOMPARE(vars->count(), 1);
    QCOMPARE(child<PromqlEditor>("variablePromql")->query(),
             QStringLiteral("label_values(up, instance)"));
    QCOMPARE(child<QComboBox>("variableDatasource")->currentText(), QStringLiteral("prom"));
    typeQuery(QStringLiteral("label_values(up{job=\"prometheus\"}, instance)"));
    QSignalSpy previewed(vars, &VariablesEditor::previewFinished);
    QTest::mouseClick(child<QPushButton>("variablePreviewButton"), Qt::LeftButton);
    QVERIFY(previewed.wait(15000));
    // The server's instances of that job (here: the server itself).
    const QJsonObject answer = m_prom.queryJson(QStringLiteral("/api/v1/label/instance/values"),
                                                QUrlQuery{{"match[]", "up{job=\"prometheus\"}"}});
    QStringList instances;
    for (const QJsonValue &v : answer.value("data").toArray())
        instances << v.toString();
    QVERIFY(!instances.isEmpty());
    QCOMPARE(vars->previewValues(), instances);

    apply(true);
    const QJsonObject v = m_window->dashboard()->templatingList().at(0).toObject();
    const QJsonObject q = v.value("query").toObject();
    QCOMPARE(q.value("query").toString(),
             QStringLiteral("label_values(up{job=\"prometheus\"}, instance)"));
    QCOMPARE(q.value("refId").toString(), QStringLiteral("R"));
    QVERIFY(!q.contains("qryType")); // the classic text decides now
    QCOMPARE(v.value("definition").toString(), q.value("query").toString());
    QCOMPARE(Variable::fromJson(v).query, q.value("query").toString());
}

void TestDashboardSettings::applyIsOneUndoStep()
{
    QUndoStack *stack = m_window->document()->undoStack();
    const int steps = stack->count();
    setText(child<QLineEdit>("titleEdit"), QStringLiteral("Undo me"));
    setText(child<QLineEdit>("uidEdit"), QStringLiteral("undo-uid"));
    QTest::keyClicks(m_dialog->tagsEdit()->input(), QStringLiteral("t1"));
    QTest::keyClick(m_dialog->tagsEdit()->input(), Qt::Key_Return);
    apply(true);
    QCOMPARE(stack->count(), steps + 1);
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Undo me"));
    QVERIFY(m_window->isModified());

    auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redo = m_window->findChild<QAction *>(QStringLiteral("redoAction"));
    QVERIFY(undo && redo);
    undo->trigger();
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Before"));
    QCOMPARE(m_window->dashboard()->uid(), QStringLiteral("before-uid"));
    QCOMPARE(m_window->dashboard()->toJson().value("tags").toArray(), (QJsonArray{"old", "keep"}));
    // The open settings show the dashboard as it is now.
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Before"));
    redo->trigger();
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Undo me"));
    QCOMPARE(m_window->dashboard()->uid(), QStringLiteral("undo-uid"));
    QCOMPARE(child<QLineEdit>("uidEdit")->text(), QStringLiteral("undo-uid"));
}

void TestDashboardSettings::panelEditWhileSettingsOpenIsKept()
{
    // An unapplied title in the settings, then a panel is edited in the dashboard.
    setText(child<QLineEdit>("titleEdit"), QStringLiteral("Both"));
    QJsonObject panel = m_window->dashboard()->panels().at(0).json;
    panel.insert("title", "Edited panel");
    QString error;
    QVERIFY2(m_window->document()->replacePanelJson(1, panel, QStringLiteral("Edit panel"), &error),
             qPrintable(error));
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Both")); // kept
    apply(true);
    QCOMPARE(m_window->dashboard()->title(), QStringLiteral("Both"));
    QCOMPARE(m_window->dashboard()->panels().at(0).title, QStringLiteral("Edited panel"));
}

QTEST_MAIN(TestDashboardSettings)
#include "test_dashboard_settings.moc"
