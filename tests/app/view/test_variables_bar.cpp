// The variables bar above the dashboard, against a real Prometheus scraping itself under two
// jobs plus a pushgateway (job "pushgateway") holding pharos_load for three instances:
// choosing a job in the bar refreshes the chained instance variable from the server and the
// panels' queries and legends follow; multi-select with All, "select all visible" and clear;
// a textbox; ad hoc filter chips; labels and hide; loading and cycle errors on the controls;
// a 100,000-value custom variable whose picker filters to the exact count.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "app/view/variablepicker.h"
#include "app/view/variablesbar.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace pharos;

namespace {

QJsonObject queryVar(const QString &name, const QString &query, bool multi,
                     const QJsonObject &current)
{
    return QJsonObject{{"name", name},        {"type", "query"},   {"query", query},
                       {"refresh", 1},        {"sort", 1},         {"multi", multi},
                       {"includeAll", multi}, {"current", current}};
}

QJsonObject panel(int id, const QString &title, int y, const QString &expr, const QString &legend)
{
    return QJsonObject{{"id", id},
                       {"type", "timeseries"},
                       {"title", title},
                       {"gridPos", QJsonObject{{"x", 0}, {"y", y}, {"w", 24}, {"h", 6}}},
                       {"targets", QJsonArray{QJsonObject{
                                       {"refId", "A"}, {"expr", expr}, {"legendFormat", legend}}}}};
}

QStringList bigValues()
{
    QStringList values;
    values.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        values << QStringLiteral("v%1").arg(i);
    return values;
}

} // namespace

class TestVariablesBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void barDrivesChainedVariablesAndPanels();
    void loadingAndCycleErrorOnControls();
    void noVisibleVariablesHidesBar();

private:
    QString writeDashboard(const QJsonObject &dashboard);
    bool settle(MainWindow &window);
    static void clickRow(VariablePicker *picker, int row);

    test::PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
    QTemporaryDir m_dir;
};

void TestVariablesBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_prom.addSelfScrapeJob(QStringLiteral("prom2"));
    m_prom.enablePushgateway();
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    const QByteArray body = "pharos_load{instance=\"host-a\"} 1\n"
                            "pharos_load{instance=\"host-b\"} 2\n"
                            "pharos_load{instance=\"host-c\"} 3\n";
    if (!m_prom.push(QStringLiteral("pharos_push"), body, &error))
        QFAIL(qPrintable(error));
    QVERIFY2(m_prom.waitForSeries(QStringLiteral("count_over_time(pharos_load[1m]) >= 3"), 3),
             "the pushed series never reached Prometheus");
    QVERIFY(
        m_prom.waitForSeries(QStringLiteral("count_over_time(up{job=\"pushgateway\"}[1m]) >= 3")));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up{job=\"prom2\"}")));
    DataSourceSettings s;
    s.name = QStringLiteral("prom");
    s.uid = QStringLiteral("prom-uid");
    s.url = m_prom.url();
    s.isDefault = true;
    s.jsonData.insert(QStringLiteral("scrapeIntervalMs"),
                      1000); // the fixture's: the lower limit of the query step
    m_registry.add(s);
    QVERIFY(m_dir.isValid());
}

QString TestVariablesBar::writeDashboard(const QJsonObject &dashboard)
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("d%1.json").arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(QJsonDocument(dashboard).toJson());
    return path;
}

/// Waits until the variables are computed and every panel has its data.
bool TestVariablesBar::settle(MainWindow &window)
{
    return test::PrometheusFixture::waitFor(
        [&window] {
            if (window.view()->variables()->isBusy() || !window.view()->scheduler()->isIdle())
                return false;
            for (PanelWidget *w : window.view()->panelWidgets())
                if (w && !w->data())
                    return false;
            return true;
        },
        20000);
}

void TestVariablesBar::clickRow(VariablePicker *picker, int row)
{
    QListView *list = picker->listView();
    const QRect r = list->visualRect(picker->model()->index(row));
    QVERIFY(r.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
}

void TestVariablesBar::barDrivesChainedVariablesAndPanels()
{
    const QString promInstance = m_prom.url().authority();
    const QString pushInstance = m_prom.pushgatewayUrl().authority();
    const QStringList big = bigValues();
    const QJsonObject dashboard{
        {"title", "bar"},
        {"schemaVersion", 39},
        {"time", QJsonObject{{"from", "now-5m"}, {"to", "now"}}},
        {"templating",
         QJsonObject{
             {"list",
              QJsonArray{
                  queryVar("job", "label_values(up, job)", false,
                           {{"text", "prom2"}, {"value", "prom2"}}),
                  queryVar("instance", "label_values(up{job=\"$job\"}, instance)", true,
                           {{"text", "All"}, {"value", "$__all"}}),
                  queryVar("host", "label_values(pharos_load, instance)", true,
                           {{"text", "All"}, {"value", "$__all"}}),
                  QJsonObject{{"name", "note"},
                              {"type", "textbox"},
                              {"label", "Note"},
                              {"query", "hello"},
                              {"current", QJsonObject{{"text", "hello"}, {"value", "hello"}}}},
                  QJsonObject{{"name", "secret"}, {"type", "constant"}, {"query", "k"}},
                  QJsonObject{{"name", "gone"}, {"type", "custom"}, {"query", "x,y"}, {"hide", 2}},
                  QJsonObject{{"name", "quiet"},
                              {"type", "custom"},
                              {"label", "Quiet"},
                              {"query", "x,y"},
                              {"hide", 1}},
                  QJsonObject{{"name", "big"},
                              {"type", "custom"},
                              {"label", "Big"},
                              {"query", big.join(QLatin1Char(','))}},
                  QJsonObject{
                      {"name", "filters"},
                      {"type", "adhoc"},
                      {"datasource", QJsonObject{{"type", "prometheus"}, {"uid", "prom-uid"}}}},
              }}}},
        {"panels",
         QJsonArray{panel(1, "Up of $job", 0, "up{job=\"$job\", instance=~\"$instance\"}",
                          "{{job}} {{instance}} $note"),
                    panel(2, "Load", 6, "pharos_load{instance=~\"$host\"}", "{{instance}}")}}};

    MainWindow window(&m_registry);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openFile(writeDashboard(dashboard)), qPrintable(window.lastError()));
    QVERIFY(settle(window));

    VariablesBar *bar = window.variablesBar();
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->variables(), window.view()->variables());
    // Above the dashboard.
    QVERIFY(bar->mapTo(&window, QPoint(0, 0)).y() <
            window.view()->mapTo(&window, QPoint(0, 0)).y());
    // Constants and hide 2 have no control; hide 1 hides only the label.
    QCOMPARE(bar->controlNames(),
             QStringList({"job", "instance", "host", "note", "quiet", "big", "filters"}));
    QCOMPARE(bar->control("job")->labelText(), QStringLiteral("job"));
    QCOMPARE(bar->control("note")->labelText(), QStringLiteral("Note"));
    QCOMPARE(bar->control("quiet")->labelText(), QString());
    QVERIFY(bar->control("quiet")->pickerButton()->isVisible());

    auto *up = qobject_cast<TimeSeriesPanel *>(window.view()->panelWidget(1));
    auto *load = qobject_cast<TimeSeriesPanel *>(window.view()->panelWidget(2));
    QVERIFY(up && load);
    QCOMPARE(bar->control("job")->displayText(), QStringLiteral("prom2"));
    QCOMPARE(bar->control("instance")->displayText(), QStringLiteral("All"));
    QCOMPARE(up->titleText(), QStringLiteral("Up of prom2"));
    QCOMPARE(up->legendEntries(), QStringList{QStringLiteral("prom2 %1 hello").arg(promInstance)});

    // Choose the pushgateway job in the picker: filter, click.
    VariableControl *job = bar->control("job");
    job->openPicker();
    VariablePicker *picker = job->picker();
    QVERIFY(picker && picker->isVisible());
    QCOMPARE(picker->model()->totalCount(), 3); // prom2, prometheus, pushgateway
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("PUSH"));
    QCOMPARE(picker->model()->visibleCount(), 1);
    QCOMPARE(picker->model()->optionAt(0).value, QStringLiteral("pushgateway"));
    clickRow(picker, 0);
    QVERIFY(!picker->isVisible()); // single value: chosen and closed
    QVERIFY(settle(window));
    QCOMPARE(job->displayText(), QStringLiteral("pushgateway"));
    // The chained variable was queried again from the server.
    const Variable *instance = window.view()->variables()->find("instance");
    QCOMPARE(instance->options.size(), 2);
    QCOMPARE(instance->options.at(1).value, pushInstance);
    QCOMPARE(up->titleText(), QStringLiteral("Up of pushgateway"));
    QVERIFY2(up->data()->targets[0].expr.startsWith(
                 QLatin1String("up{job=\"pushgateway\", instance=~\"")),
             qPrintable(up->data()->targets[0].expr));
    QCOMPARE(up->legendEntries(),
             QStringList{QStringLiteral("pushgateway %1 hello").arg(pushInstance)});

    // Multi-value: uncheck All by checking two hosts; applied when the popup closes.
    VariableControl *host = bar->control("host");
    QCOMPARE(load->legendEntries(), QStringList({"host-a", "host-b", "host-c"}));
    host->openPicker();
    picker = host->picker();
    QCOMPARE(picker->model()->totalCount(), 4); // All + three hosts
    QVERIFY(picker->model()->isChecked(0));     // All
    QVERIFY(picker->selectAllButton()->isVisible());
    clickRow(picker, 1);
    clickRow(picker, 3);
    QVERIFY(!picker->model()->isChecked(0));
    QCOMPARE(picker->model()->selectedValues(), QStringList({"host-a", "host-c"}));
    QVERIFY(picker->isVisible()); // multi: stays open
    picker->hide();
    QVERIFY(settle(window));
    QCOMPARE(host->displayText(), QStringLiteral("host-a + host-c"));
    QCOMPARE(load->legendEntries(), QStringList({"host-a", "host-c"}));

    // Clear, filter, select all visible.
    host->openPicker();
    QTest::mouseClick(picker->clearButton(), Qt::LeftButton);
    QCOMPARE(picker->model()->selectedCount(), 0);
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("-b"));
    QCOMPARE(picker->model()->visibleCount(), 1);
    QTest::mouseClick(picker->selectAllButton(), Qt::LeftButton);
    QCOMPARE(picker->model()->selectedValues(), QStringList{"host-b"});
    picker->hide();
    QVERIFY(settle(window));
    QCOMPARE(load->legendEntries(), QStringList{"host-b"});

    // All again.
    host->openPicker();
    QCOMPARE(picker->filterEdit()->text(), QString()); // a fresh filter each time
    clickRow(picker, 0);
    QCOMPARE(picker->model()->selectedValues(), QStringList{QString(kAllValue)});
    picker->hide();
    QVERIFY(settle(window));
    QCOMPARE(host->displayText(), QStringLiteral("All"));
    QCOMPARE(load->legendEntries(), QStringList({"host-a", "host-b", "host-c"}));

    // Textbox: applied on Enter.
    QLineEdit *note = bar->control("note")->textEdit();
    QVERIFY(note);
    QCOMPARE(note->text(), QStringLiteral("hello"));
    note->selectAll();
    QTest::keyClicks(note, QStringLiteral("world"));
    QTest::keyClick(note, Qt::Key_Return);
    QVERIFY(settle(window));
    QCOMPARE(up->legendEntries(),
             QStringList{QStringLiteral("pushgateway %1 world").arg(pushInstance)});

    // Ad hoc filter chips: instance = host-c narrows every query of the data source.
    AdhocFiltersEditor *filters = bar->control("filters")->adhocEditor();
    QVERIFY(filters);
    QCOMPARE(filters->chipCount(), 0);
    QTest::mouseClick(filters->addButton(), Qt::LeftButton);
    QCOMPARE(filters->chipCount(), 1);
    QTest::keyClicks(filters->keyEdit(0), QStringLiteral("instance"));
    QTest::keyClick(filters->keyEdit(0), Qt::Key_Return);
    QTest::keyClicks(filters->valueEdit(0), QStringLiteral("host-c"));
    QTest::keyClick(filters->valueEdit(0), Qt::Key_Return);
    QVERIFY(settle(window));
    QCOMPARE(window.view()->variables()->find("filters")->filters.size(), 1);
    QCOMPARE(load->legendEntries(), QStringList{"host-c"});
    QVERIFY2(load->data()->targets[0].expr.contains(QLatin1String("instance=\"host-c\"")),
             qPrintable(load->data()->targets[0].expr));
    filters->operatorBox(0)->setCurrentText(QStringLiteral("!="));
    QVERIFY(settle(window));
    QCOMPARE(load->legendEntries(), QStringList({"host-a", "host-b"}));
    QTest::mouseClick(filters->removeButton(0), Qt::LeftButton);
    QVERIFY(settle(window));
    QCOMPARE(window.view()->variables()->find("filters")->filters.size(), 0);
    QCOMPARE(filters->chipCount(), 0);
    for (QWidget *chip : filters->findChildren<QWidget *>("adhocChip"))
        QVERIFY(!chip->isVisible()); // gone at once (deleted later)
    QCOMPARE(load->legendEntries(), QStringList({"host-a", "host-b", "host-c"}));

    // 100,000 values: the picker filters to the exact count.
    VariableControl *bigControl = bar->control("big");
    bigControl->openPicker();
    picker = bigControl->picker();
    QCOMPARE(picker->model()->totalCount(), 100000);
    QCOMPARE(picker->model()->visibleCount(), 100000);
    QVERIFY(picker->listView()->uniformItemSizes());
    int expected = 0;
    for (const QString &v : big)
        expected += v.contains(QLatin1String("9999")) ? 1 : 0;
    QCOMPARE(expected, 19); // 9999, 19999 ... 99999 and 99990 ... 99998
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("9999"));
    QCOMPARE(picker->model()->visibleCount(), 19);
    QCOMPARE(picker->countLabel()->text(), QStringLiteral("19 of 100000 shown"));
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("8"));
    QCOMPARE(picker->model()->visibleCount(), 1);
    QCOMPARE(picker->model()->optionAt(0).value, QStringLiteral("v99998"));
    picker->filterEdit()->clear();
    QCOMPARE(picker->model()->visibleCount(), 100000);
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("v12345"));
    QCOMPARE(picker->model()->visibleCount(), 1);
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QCOMPARE(window.view()->variables()->find("big")->currentValues, QStringList{"v12345"});
    QCOMPARE(bigControl->displayText(), QStringLiteral("v12345"));
}

void TestVariablesBar::loadingAndCycleErrorOnControls()
{
    VariableSet set(&m_registry);
    VariablesBar bar;
    bar.setVariables(&set);
    set.setDefinitions(QJsonArray{
        queryVar("job", "label_values(up, job)", false, {}),
        queryVar("a", "label_values(up{job=\"$b\"}, job)", false, {}),
        queryVar("b", "label_values(up{job=\"$a\"}, job)", false, {}),
        queryVar("broken", "label_values(up{, job)", false, {}),
    });
    QCOMPARE(bar.controlNames(), QStringList({"job", "a", "b", "broken"}));
    QVERIFY(!bar.isHidden());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    set.setTimeRange({now - 5 * 60 * 1000, now});
    set.refresh();
    // Loading shows at once (the server has not answered: no event loop ran yet).
    QVERIFY(bar.control("job")->isLoading());
    QCOMPARE(bar.control("job")->findChild<QLabel *>("variableStatus")->text(),
             QStringLiteral("loading…"));
    // The cycle is named on both of its variables.
    for (const char *name : {"a", "b"}) {
        const QString error = bar.control(name)->errorText();
        QVERIFY2(error.contains(QLatin1String("a")) && error.contains(QLatin1String("b")) &&
                     error == set.cycleError(),
                 qPrintable(error));
    }
    QVERIFY(!set.cycleError().isEmpty());
    QVERIFY(test::PrometheusFixture::waitFor([&set] { return !set.isBusy(); }, 20000));
    QVERIFY(!bar.control("job")->isLoading());
    QCOMPARE(bar.control("job")->errorText(), QString());
    QCOMPARE(bar.control("job")->displayText(), QStringLiteral("prom2")); // first, sorted
    // A failing query says why on its control.
    QVERIFY(!bar.control("broken")->errorText().isEmpty());
    QCOMPARE(bar.control("broken")->errorText(), set.find("broken")->error);
    QCOMPARE(bar.control("a")->errorText(), set.cycleError()); // still there
}

void TestVariablesBar::noVisibleVariablesHidesBar()
{
    MainWindow window(&m_registry);
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QJsonObject dashboard{
        {"title", "quiet"},
        {"schemaVersion", 39},
        {"templating",
         QJsonObject{
             {"list",
              QJsonArray{
                  QJsonObject{{"name", "c"}, {"type", "constant"}, {"query", "x"}},
                  QJsonObject{{"name", "h"}, {"type", "custom"}, {"query", "1,2"}, {"hide", 2}}}}}},
        {"panels", QJsonArray{panel(1, "Up $c $h", 0, "up", "{{job}}")}}};
    QVERIFY2(window.openFile(writeDashboard(dashboard)), qPrintable(window.lastError()));
    QVERIFY(window.variablesBar()->isHidden());
    QVERIFY(window.variablesBar()->controlNames().isEmpty());
    QVERIFY(settle(window));
    QCOMPARE(window.view()->panelWidget(1)->titleText(), QStringLiteral("Up x 1"));
}

QTEST_MAIN(TestVariablesBar)
#include "test_variables_bar.moc"
