// Refresh rules as the app applies them: no overlapping refreshes (only the newest answer is
// shown), panels scrolled out of view do not query until scrolled in, and a hidden or
// minimised window does not refresh.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "countingdatasource.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "faultserver.h"
#include "panels/panelwidget.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestRefreshBehaviour : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void newestRefreshWins();
    void slowServerRequestIsCancelled();
    void scrolledOutPanelsWait();
    void hiddenWindowDoesNotRefresh();

private:
    QTemporaryDir m_dir;
};

static QJsonObject panel(int id, int y, const QString &expr, const QJsonValue &ds = {})
{
    QJsonObject p{{"id", id},
                  {"type", "timeseries"},
                  {"title", QStringLiteral("P%1").arg(id)},
                  {"gridPos", QJsonObject{{"x", 0}, {"y", y}, {"w", 24}, {"h", 8}}},
                  {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}}}}};
    if (!ds.isNull())
        p.insert("datasource", ds);
    return p;
}

static Dashboard stacked(int count)
{
    QJsonArray panels;
    for (int i = 1; i <= count; ++i)
        panels.append(panel(i, (i - 1) * 8, QStringLiteral("q%1").arg(i)));
    const auto d = Dashboard::fromJson(
        QJsonDocument(QJsonObject{{"title", "stacked"}, {"panels", panels}}).toJson());
    if (!d)
        qFatal("bad test dashboard");
    return *d;
}

void TestRefreshBehaviour::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
}

void TestRefreshBehaviour::newestRefreshWins()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    DashboardView view(&registry);
    view.resize(800, 600);
    view.setDashboard(stacked(1));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy ready(view.scheduler(), &QueryScheduler::panelDataReady);

    source.delaysMs = {800, 10}; // the first refresh is slow, the second fast
    view.scheduler()->refresh();
    const quint64 first = view.scheduler()->generation();
    QTest::qWait(50);
    view.scheduler()->refresh();
    const quint64 second = view.scheduler()->generation();
    QVERIFY(second > first);
    QTRY_COMPARE(ready.size(), 1);
    QTest::qWait(1000); // well past the slow answer: it must not replace the newer one
    QCOMPARE(ready.size(), 1);
    PanelDataPtr data = view.panelWidget(1)->data();
    QVERIFY(data);
    QCOMPARE(data->generation, second);
    QCOMPARE(data->targets.front().result.frames.front().values.front(), 2.0); // 2nd query
    registry.setOverride(nullptr);
}

void TestRefreshBehaviour::slowServerRequestIsCancelled()
{
    // A real HTTP request that never gets an answer is aborted by the next refresh.
    test::FaultServer stall(test::FaultServer::Mode::Stall);
    QVERIFY(stall.start());
    DataSourceRegistry registry;
    DataSourceSettings s;
    s.name = QStringLiteral("stall");
    s.url = stall.url();
    registry.setOverride(registry.add(s));
    DashboardView view(&registry);
    view.resize(800, 600);
    view.setDashboard(stacked(1));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scheduler()->refresh();
    QTRY_COMPARE(stall.openConnections(), 1);
    for (int i = 0; i < 3; ++i) {
        view.scheduler()->refresh();
        QTRY_COMPARE(stall.requests().size(), i + 2);
        QTRY_COMPARE(stall.openConnections(), 1); // the older request was closed (cancelled)
    }
    QVERIFY(!view.scheduler()->isIdle());
    registry.setOverride(nullptr);
}

void TestRefreshBehaviour::scrolledOutPanelsWait()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    DashboardView view(&registry);
    view.resize(800, 500); // shows the first two panels (296 px each + gutter)
    view.setDashboard(stacked(8));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scheduler()->refresh();
    QTRY_VERIFY(view.scheduler()->isIdle());
    QCOMPARE(source.counts.value("q1"), 1);
    QCOMPARE(source.counts.value("q2"), 1);
    for (int i = 3; i <= 8; ++i)
        QCOMPARE(source.counts.value(QStringLiteral("q%1").arg(i)), 0);
    QVERIFY(!view.isPanelInView(8));

    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    QVERIFY(view.isPanelInView(8));
    QVERIFY(!view.isPanelInView(1));
    QTRY_VERIFY(view.panelWidget(8)->data() != nullptr);
    QCOMPARE(source.counts.value("q8"), 1);
    QCOMPARE(source.counts.value("q4"), 0); // scrolled past, never in view
    QCOMPARE(source.counts.value("q1"), 1);

    // The next refresh queries only what is in view now.
    view.scheduler()->refresh();
    QTRY_VERIFY(view.scheduler()->isIdle());
    QCOMPARE(source.counts.value("q8"), 2);
    QCOMPARE(source.counts.value("q1"), 1);
    registry.setOverride(nullptr);
}

void TestRefreshBehaviour::hiddenWindowDoesNotRefresh()
{
    const QString path = m_dir.filePath(QStringLiteral("one.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(stacked(1).toJson()).toJson());
    }
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow window(&registry);
    window.resize(900, 600);
    window.setStartupOverrides({}, {}, QStringLiteral("1s"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(source.total >= 3, 10000); // refreshes every second

    window.hide();
    const int whileHidden = source.total;
    QTest::qWait(2500);
    QCOMPARE(source.total, whileHidden);
    window.show();
    QTRY_VERIFY(source.total > whileHidden); // catches up once shown

    window.showMinimized();
    QTRY_VERIFY(window.isMinimized());
    QTest::qWait(100);
    const int whileMinimised = source.total;
    QTest::qWait(2500);
    QCOMPARE(source.total, whileMinimised);
    window.showNormal();
    QTRY_VERIFY(source.total > whileMinimised);
    registry.setOverride(nullptr);
}

QTEST_MAIN(TestRefreshBehaviour)
#include "test_refresh_behaviour.moc"
