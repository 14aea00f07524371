// Dashboard links: the links bar right of the variables bar shows the dashboard's `links` (type
// link and dashboards-by-tag, as a drop-down or one button each); a link with keepTime and
// includeVars opens another local dashboard (by its Grafana /d/<uid> URL or by tag) with the
// same time range and variable values; web links get the time and variables in their URL;
// panel links to /d/<uid> open the local dashboard; an unknown uid is explained.
#include "app/mainwindow.h"
#include "app/view/dashboardlinksbar.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "countingdatasource.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include "widgettesting.h"

#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QUrlQuery>
#include <QtTest>

using namespace pharos;
using pharos::testing::linkActions;

class TestDashboardLinks : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void openWeb(const QUrl &url) { m_opened << url; }

private Q_SLOTS:
    void initTestCase();
    void linkByUidKeepsTimeAndVariables();
    void dashboardsByTagDropdownAndButtons();
    void webLinkCarriesTimeAndVariables();
    void panelLinkToLocalDashboard();
    void unknownUidIsExplained();
    void repeatedPanelLinkUsesItsValue();
    void cleanupTestCase();

private:
    /// A window showing dashboard A with the range now-15m..now, job=beta, env=staging.
    std::unique_ptr<MainWindow> openA();
    QString m_a, m_b;
    QTemporaryDir m_dir;
    DataSourceRegistry m_registry;
    test::CountingDataSource m_source;
    QList<QUrl> m_opened;
};

namespace {

QJsonObject variables(const QString &env)
{
    const QJsonObject job{{"name", "job"},
                          {"type", "custom"},
                          {"query", "alpha,beta,gamma"},
                          {"current", QJsonObject{{"value", "alpha"}, {"text", "alpha"}}}};
    const QJsonObject envVar{{"name", "env"},
                             {"type", "textbox"},
                             {"query", env},
                             {"current", QJsonObject{{"value", env}, {"text", env}}}};
    return QJsonObject{{"list", QJsonArray{job, envVar}}};
}

bool write(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(o).toJson());
    return true;
}

QString statusText(MainWindow &w)
{
    QStringList texts;
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}

QList<QToolButton *> barButtons(MainWindow &w)
{
    QList<QToolButton *> out;
    for (QWidget *b : w.linksBar()->buttons())
        out << qobject_cast<QToolButton *>(b);
    return out;
}

} // namespace

void TestDashboardLinks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_registry.setOverride(&m_source);
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openWeb");

    const QJsonObject panel{
        {"id", 1},
        {"type", "timeseries"},
        {"title", "Up of $job"},
        {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up{job=\"$job\"}"}}}},
        {"links", QJsonArray{QJsonObject{{"title", "B for this job"},
                                         {"url", "/d/dash-b/b?var-job=${job}&${__url_time_range}"}},
                             QJsonObject{{"title", "Gone"}, {"url", "/d/no-such-uid/x"}}}}};
    const QJsonArray links{
        QJsonObject{{"title", "To B"},
                    {"type", "link"},
                    {"url", "/d/dash-b/b-slug"},
                    {"keepTime", true},
                    {"includeVars", true},
                    {"tooltip", "Go to B"},
                    {"icon", "dashboard"}},
        QJsonObject{{"title", "Team"},
                    {"type", "dashboards"},
                    {"tags", QJsonArray{"team"}},
                    {"asDropdown", true},
                    {"keepTime", true},
                    {"includeVars", true}},
        QJsonObject{{"title", "Docs"},
                    {"type", "link"},
                    {"url", "https://docs.example/runbook?job=$job"},
                    {"keepTime", true},
                    {"includeVars", true},
                    {"targetBlank", true},
                    {"icon", "doc"}},
        QJsonObject{{"title", "Team list"}, {"type", "dashboards"}, {"tags", QJsonArray{"team"}}}};
    const QJsonObject a{{"uid", "dash-a"},
                        {"title", "A"},
                        {"tags", QJsonArray{"team"}},
                        {"time", QJsonObject{{"from", "now-6h"}, {"to", "now"}}},
                        {"templating", variables("prod")},
                        {"links", links},
                        {"panels", QJsonArray{panel}}};
    QJsonObject bPanel = panel;
    bPanel.remove("links");
    const QJsonObject b{{"uid", "dash-b"},
                        {"title", "B"},
                        {"tags", QJsonArray{"team", "extra"}},
                        {"time", QJsonObject{{"from", "now-24h"}, {"to", "now"}}},
                        {"templating", variables("dev")},
                        {"panels", QJsonArray{bPanel}}};
    const QJsonObject c{
        {"uid", "dash-c"}, {"title", "C"}, {"tags", QJsonArray{"other"}}, {"panels", QJsonArray{}}};
    m_a = m_dir.filePath(QStringLiteral("a.json"));
    m_b = m_dir.filePath(QStringLiteral("b.json"));
    QVERIFY(write(m_a, a));
    QVERIFY(write(m_b, b));
    QVERIFY(write(m_dir.filePath(QStringLiteral("c.json")), c));
    QVERIFY(write(m_dir.filePath(QStringLiteral("not-a-dashboard.json")), {{"hello", 1}}));
}

void TestDashboardLinks::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

std::unique_ptr<MainWindow> TestDashboardLinks::openA()
{
    auto w = std::make_unique<MainWindow>(&m_registry);
    if (!w->openFile(m_a))
        return nullptr;
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    w->applyTimeRange(TimeRange{QStringLiteral("now-15m"), QStringLiteral("now")});
    VariableSet *vars = w->view()->variables();
    vars->setCurrent(QStringLiteral("job"), QStringLiteral("beta"));
    vars->setCurrent(QStringLiteral("env"), QStringLiteral("staging"));
    if (!QTest::qWaitFor([&] { return w->localDashboards()->isReady() && !vars->isBusy(); }))
        return nullptr;
    return w;
}

static void checkOpenedB(MainWindow &w, const QString &b, const QString &env)
{
    QCOMPARE(w.filePath(), b);
    QCOMPARE(w.dashboard()->title(), QStringLiteral("B"));
    // B has no links: the links row is hidden.
    QVERIFY(w.linksBar()->isHidden());
    QCOMPARE(w.timeRangePicker()->timeRange().from, QStringLiteral("now-15m"));
    QCOMPARE(w.timeRangePicker()->timeRange().to, QStringLiteral("now"));
    VariableSet *vars = w.view()->variables();
    QTRY_VERIFY(!vars->isBusy());
    QCOMPARE(vars->find(QStringLiteral("job"))->currentValues, QStringList{"beta"});
    QCOMPARE(vars->find(QStringLiteral("env"))->currentValues, QStringList{env});
    // The panels query with the values: the title is interpolated with them.
    QTRY_COMPARE(w.view()->panelWidget(1)->titleText(), QStringLiteral("Up of beta"));
}

void TestDashboardLinks::linkByUidKeepsTimeAndVariables()
{
    auto w = openA();
    QVERIFY(w);
    QVERIFY(w->linksBar()->isVisible());
    const QList<QToolButton *> buttons = barButtons(*w);
    QCOMPARE(buttons.size(), 4); // To B, Team (drop-down), Docs, B (Team list)
    QCOMPARE(buttons[0]->text(), QStringLiteral("To B"));
    QCOMPARE(buttons[0]->toolTip(), QStringLiteral("Go to B"));
    QVERIFY(!buttons[0]->icon().isNull());
    for (QToolButton *b : buttons)
        QVERIFY(b->isVisible() && b->isEnabled());

    QSignalSpy loaded(w.get(), &MainWindow::loadFinished);
    buttons[0]->click();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.last().at(1).toBool(), true);
    checkOpenedB(*w, m_b, QStringLiteral("staging"));
}

void TestDashboardLinks::dashboardsByTagDropdownAndButtons()
{
    auto w = openA();
    QVERIFY(w);
    const QList<QToolButton *> buttons = barButtons(*w);
    QCOMPARE(buttons.size(), 4);
    // The drop-down lists the dashboards tagged "team" next to A (not A itself, not C, not
    // the file that is no dashboard).
    QMenu *menu = buttons[1]->menu();
    QVERIFY(menu);
    QStringList titles;
    for (QAction *a : menu->actions())
        titles << a->text();
    QCOMPARE(titles, QStringList{QStringLiteral("B")});
    QCOMPARE(buttons[3]->text(), QStringLiteral("B"));
    QCOMPARE(w->linksBar()->linkIndexOf(buttons[3]), 3);

    // "Team list" keeps neither the time nor the variables: B's own.
    {
        QSignalSpy loaded(w.get(), &MainWindow::loadFinished);
        buttons[3]->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(w->filePath(), m_b);
        QCOMPARE(w->timeRangePicker()->timeRange().from, QStringLiteral("now-24h"));
        QCOMPARE(w->view()->variables()->find(QStringLiteral("job"))->currentValues,
                 QStringList{"alpha"});
    }
    // The drop-down entry keeps both.
    w = openA();
    QVERIFY(w);
    QSignalSpy loaded(w.get(), &MainWindow::loadFinished);
    barButtons(*w)[1]->menu()->actions().at(0)->trigger();
    QVERIFY(loaded.wait(10000));
    checkOpenedB(*w, m_b, QStringLiteral("staging"));
}

void TestDashboardLinks::webLinkCarriesTimeAndVariables()
{
    auto w = openA();
    QVERIFY(w);
    m_opened.clear();
    barButtons(*w)[2]->click();
    QTRY_COMPARE(m_opened.size(), 1);
    const QUrl url = m_opened.first();
    QCOMPARE(url.host(), QStringLiteral("docs.example"));
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("job")), QStringLiteral("beta")); // $job
    QCOMPARE(q.queryItemValue(QStringLiteral("from")), QStringLiteral("now-15m"));
    QCOMPARE(q.queryItemValue(QStringLiteral("to")), QStringLiteral("now"));
    QCOMPARE(q.allQueryItemValues(QStringLiteral("var-job")), QStringList{"beta"});
    QCOMPARE(q.allQueryItemValues(QStringLiteral("var-env")), QStringList{"staging"});
    QVERIFY(statusText(*w).contains(QStringLiteral("docs.example")));
    QCOMPARE(w->filePath(), m_a); // still on A
}

void TestDashboardLinks::panelLinkToLocalDashboard()
{
    auto w = openA();
    QVERIFY(w);
    PanelWidget *p = w->view()->panelWidget(1);
    QVERIFY(p);
    QMenu *menu = p->menuButton()->menu();
    QVERIFY(menu);
    QCOMPARE(linkActions(menu).value(0)->text(), QStringLiteral("B for this job"));
    QSignalSpy loaded(w.get(), &MainWindow::loadFinished);
    linkActions(menu).at(0)->trigger();
    QVERIFY(loaded.wait(10000));
    // var-job from the URL, the range from ${__url_time_range}; env is B's own.
    checkOpenedB(*w, m_b, QStringLiteral("dev"));
}

void TestDashboardLinks::unknownUidIsExplained()
{
    auto w = openA();
    QVERIFY(w);
    QMenu *menu = w->view()->panelWidget(1)->menuButton()->menu();
    m_opened.clear();
    linkActions(menu).at(1)->trigger();
    QTRY_VERIFY2(statusText(*w).contains(QStringLiteral("no-such-uid")),
                 qPrintable(statusText(*w)));
    QVERIFY(statusText(*w).contains(QStringLiteral("cannot be opened")));
    QCOMPARE(w->filePath(), m_a);
    QCOMPARE(m_opened.size(), 0);
}

void TestDashboardLinks::repeatedPanelLinkUsesItsValue()
{
    // A panel repeated over a multi-value job: each clone's link carries its own job, not the
    // whole selection.
    QJsonObject job{{"name", "job"},
                    {"type", "custom"},
                    {"query", "alpha,beta,gamma"},
                    {"multi", true},
                    {"current", QJsonObject{{"value", QJsonArray{"alpha", "gamma"}},
                                            {"text", QJsonArray{"alpha", "gamma"}}}}};
    const QJsonObject panel{
        {"id", 1},
        {"type", "timeseries"},
        {"title", "Up of $job"},
        {"repeat", "job"},
        {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up{job=\"$job\"}"}}}},
        {"links", QJsonArray{QJsonObject{{"title", "Runbook"},
                                         {"url", "https://docs.example/runbook?job=${job}"}}}}};
    const QString path = m_dir.filePath(QStringLiteral("repeated.json"));
    QVERIFY(write(path, QJsonObject{{"uid", "dash-r"},
                                    {"title", "R"},
                                    {"templating", QJsonObject{{"list", QJsonArray{job}}}},
                                    {"panels", QJsonArray{panel}}}));
    MainWindow w(&m_registry);
    QVERIFY(w.openFile(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_COMPARE(w.view()->panelWidgets().size(), 2);
    PanelWidget *gamma = nullptr;
    for (PanelWidget *p : w.view()->panelWidgets()) {
        if (p->titleText() == QStringLiteral("Up of gamma"))
            gamma = p;
    }
    QVERIFY(gamma);
    QVERIFY(gamma->panelId() != 1); // a clone, not the original
    m_opened.clear();
    linkActions(gamma->menuButton()->menu()).at(0)->trigger();
    QTRY_COMPARE(m_opened.size(), 1);
    QCOMPARE(QUrlQuery(m_opened.first()).queryItemValue(QStringLiteral("job")),
             QStringLiteral("gamma"));
}

QTEST_MAIN(TestDashboardLinks)
#include "test_dashboard_links.moc"
