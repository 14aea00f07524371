// Extreme dashboard files, generated in a temporary folder: each opens, or is refused with a
// message naming the file and the reason, in the window and from `pharos export` (non-zero
// exit). 1,000 panels query only the visible ones; a 50 MB file loads off the UI thread;
// 100,000 levels of nesting are refused; invalid UTF-8 and numbers like 1e400 open as a
// browser reads them; duplicate keys keep the last value; wild gridPos values are clamped and
// laid out without overlaps.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "countingdatasource.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"
#include "panels/stat/statpanel.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace pharos;

namespace {

QJsonObject statPanel(int id, int x, int y, int w = 6, int h = 4)
{
    return QJsonObject{{"id", id},
                       {"type", "stat"},
                       {"title", QStringLiteral("P%1").arg(id)},
                       {"gridPos", QJsonObject{{"x", x}, {"y", y}, {"w", w}, {"h", h}}},
                       {"targets", QJsonArray{QJsonObject{
                                       {"refId", "A"}, {"expr", QStringLiteral("q%1").arg(id)}}}}};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestExtremeDashboards : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thousandPanelsQueryOnlyVisible();
    void fiftyMegabytesLoadOffTheUiThread();
    void deepNestingIsRefused();
    void invalidUtf8Opens();
    void duplicateKeysKeepTheLast();
    void hugeNumbersOpen();
    void wildGridPositionsAreClamped();

private:
    /// Runs `pharos export FILE -o OUT.png` and returns its exit code and stderr.
    int exportFile(const QString &file, QByteArray *err);
    QTemporaryDir m_dir;
    DataSourceRegistry m_registry;
    test::CountingDataSource m_source;
};

void TestExtremeDashboards::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_registry.setOverride(&m_source);
    QVERIFY2(QFile::exists(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos")),
             "the pharos binary is not built");
}

int TestExtremeDashboards::exportFile(const QString &file, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"),
            {QStringLiteral("export"), file, QStringLiteral("-o"),
             m_dir.filePath(QStringLiteral("export.png")), QStringLiteral("--datasource"),
             QStringLiteral("http://127.0.0.1:1")});
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestExtremeDashboards::thousandPanelsQueryOnlyVisible()
{
    QJsonArray panels;
    for (int i = 0; i < 1000; ++i)
        panels.append(statPanel(i + 1, (i % 4) * 6, (i / 4) * 4));
    const QString path = m_dir.filePath(QStringLiteral("thousand.json"));
    QVERIFY(writeFile(
        path, QJsonDocument(QJsonObject{{"title", "1,000 panels"}, {"panels", panels}}).toJson()));
    m_source.total = 0;
    m_source.counts.clear();
    MainWindow w(&m_registry);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(path));
    DashboardView *view = w.view();
    QTRY_COMPARE(view->panelWidgets().size(), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(m_source.total > 0 && view->scheduler()->isIdle(), 20000);
    QTest::qWait(200);
    // A 800 px window shows a few rows of four panels: only those queried.
    const int visibleRows = view->viewport()->height() / (4 * 38) + 2;
    QVERIFY2(m_source.total <= visibleRows * 4,
             qPrintable(QStringLiteral("%1 queries").arg(m_source.total)));
    QCOMPARE(m_source.counts.value(QStringLiteral("q1")), 1);
    QCOMPARE(m_source.counts.value(QStringLiteral("q1000")), 0);
    QVERIFY(view->panelWidget(1)->data());
    QVERIFY(!view->panelWidget(1000)->data());
    // Scrolled to the end: the last panels query, the rest still do not.
    const int before = m_source.total;
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    QTRY_COMPARE(m_source.counts.value(QStringLiteral("q1000")), 1);
    QTRY_VERIFY(view->scheduler()->isIdle());
    QVERIFY2(m_source.total - before <= visibleRows * 4,
             qPrintable(QStringLiteral("%1 more queries").arg(m_source.total - before)));
    QCOMPARE(m_source.counts.value(QStringLiteral("q500")), 0);
    QTRY_VERIFY(view->panelWidget(1000)->data());
}

void TestExtremeDashboards::fiftyMegabytesLoadOffTheUiThread()
{
    // 200 panels, each carrying 250 KB Pharos does not use (as Grafana snapshots carry their
    // data in the panels): kept, not drawn.
    QJsonArray panels;
    const QString filler(250 * 1024, QLatin1Char('x'));
    for (int i = 0; i < 200; ++i) {
        QJsonObject p = statPanel(i + 1, (i % 4) * 6, (i / 4) * 4);
        p.insert("snapshotData", QJsonArray{QJsonObject{{"fill", filler}}});
        panels.append(p);
    }
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{"title", "fifty"}, {"panels", panels}}).toJson();
    QVERIFY(bytes.size() > 50 * 1000 * 1000);
    const QString path = m_dir.filePath(QStringLiteral("fifty.json"));
    QVERIFY(writeFile(path, bytes));

    MainWindow w(&m_registry);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // A timer on the UI thread keeps firing while the file is read and parsed.
    int ticks = 0;
    bool loading = true;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (loading)
            ++ticks;
    });
    tick.start(5);
    QSignalSpy finished(&w, &MainWindow::loadFinished);
    QElapsedTimer clock;
    clock.start();
    const quint64 id = w.startOpenFile(path);
    QVERIFY(id != 0);
    QVERIFY(finished.wait(120000));
    loading = false;
    QCOMPARE(finished.first().at(0).toULongLong(), id);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(w.lastError()));
    qInfo("50 MB opened in %lld ms; the UI thread ran %d times meanwhile", clock.elapsed(), ticks);
    QVERIFY2(ticks >= 2, "the UI thread was blocked while the 50 MB file loaded");
    QCOMPARE(w.windowTitle().contains(QStringLiteral("fifty")), true);
    QTRY_COMPARE(w.view()->panelWidgets().size(), 200);
}

void TestExtremeDashboards::deepNestingIsRefused()
{
    QByteArray bytes = "{\"title\": \"deep\", \"panels\": [], \"x\": ";
    bytes += QByteArray(100000, '[');
    bytes += QByteArray(100000, ']');
    bytes += "}";
    const QString path = m_dir.filePath(QStringLiteral("deep.json"));
    QVERIFY(writeFile(path, bytes));

    QString error;
    QVERIFY(!loadDashboardFile(path, &error));
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("nested more than 1,024")),
             qPrintable(error));

    MainWindow w(&m_registry);
    w.show();
    QVERIFY(!w.openFile(path));
    QVERIFY2(w.lastError().contains(path) &&
                 w.lastError().contains(QStringLiteral("nested more than 1,024")),
             qPrintable(w.lastError()));

    QByteArray err;
    QCOMPARE(exportFile(path, &err), 2);
    QVERIFY2(err.contains(path.toUtf8()) && err.contains("nested more than 1,024"),
             err.constData());

    // `pharos FILE` (the window): the message box, and the same words on stderr.
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("PHAROS_RECOVERY"), QStringLiteral("later"));
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"),
              {path, QStringLiteral("--datasource"), QStringLiteral("http://127.0.0.1:1")});
    QVERIFY(gui.waitForStarted());
    QByteArray guiErr;
    QTRY_VERIFY_WITH_TIMEOUT((guiErr += gui.readAllStandardError()).contains("nested more than"),
                             60000);
    QVERIFY2(guiErr.contains(path.toUtf8()), guiErr.constData());
    gui.kill();
    gui.waitForFinished();
}

void TestExtremeDashboards::invalidUtf8Opens()
{
    QByteArray bytes =
        QJsonDocument(QJsonObject{{"title", "TITLE"}, {"panels", QJsonArray{statPanel(1, 0, 0)}}})
            .toJson();
    bytes.replace("TITLE", "caf\xe9 \xff\xfe ok"); // Latin-1 é and two bytes no UTF-8 has
    // Before the title (keys are written in order): a number beyond a double too.
    QVERIFY(bytes.contains("\"h\": 4"));
    bytes.replace("\"h\": 4", "\"h\": 1e400");
    const QString path = m_dir.filePath(QStringLiteral("latin1.json"));
    QVERIFY(writeFile(path, bytes));
    QString error;
    const auto d = loadDashboardFile(path, &error);
    QVERIFY2(d, qPrintable(error));
    // As a browser reads it: each invalid byte becomes U+FFFD.
    QCOMPARE(d->title(), QStringLiteral("caf\uFFFD \uFFFD\uFFFD ok"));
    QCOMPARE(d->panels().size(), 1);
    QCOMPARE(d->panels().first().gridPos.h, GridPos::MaxHeight);
    MainWindow w(&m_registry);
    QVERIFY(w.openFile(path));
    QVERIFY(w.windowTitle().contains(QStringLiteral("caf\uFFFD")));
}

void TestExtremeDashboards::duplicateKeysKeepTheLast()
{
    const QByteArray bytes = R"({"title": "first", "title": "second",
        "panels": [{"id": 1, "type": "stat", "type": "gauge", "title": "a",
                    "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4, "w": 12}}],
        "panels": [{"id": 2, "type": "stat", "title": "last panels",
                    "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4, "w": 12}}]})";
    const QString path = m_dir.filePath(QStringLiteral("dup.json"));
    QVERIFY(writeFile(path, bytes));
    QString error;
    const auto d = loadDashboardFile(path, &error);
    QVERIFY2(d, qPrintable(error));
    // JSON.parse (and so Grafana) keeps the last of duplicate keys.
    QCOMPARE(d->title(), QStringLiteral("second"));
    QCOMPARE(d->panels().size(), 1);
    QCOMPARE(d->panels().first().title, QStringLiteral("last panels"));
    QCOMPARE(d->panels().first().gridPos.w, 12);
}

void TestExtremeDashboards::hugeNumbersOpen()
{
    QByteArray bytes = R"({"title": "huge", "refresh": "", "panels": [
        {"id": 1, "type": "stat", "title": "1e400 everywhere",
         "gridPos": {"x": 1e400, "y": -1e400, "w": 1e400, "h": 1e400},
         "maxDataPoints": 1e400, "interval": "",
         "fieldConfig": {"defaults": {"decimals": 1e400, "min": -1e400, "max": 1e400,
                                      "thresholds": {"mode": "absolute", "steps": [
                                          {"color": "green", "value": null},
                                          {"color": "red", "value": 1e400}]}}},
         "options": {"reduceOptions": {"values": true, "limit": 1e400, "calcs": ["last"]},
                     "text": {"valueSize": 1e400}, "minVizWidth": 1e999},
         "targets": [{"refId": "A", "expr": "q1", "intervalFactor": 1e400}]},
        {"id": 2, "type": "gauge", "title": "tiny", "gridPos": {"x": 0, "y": 1e-400, "w": 12,
         "h": 8}, "fieldConfig": {"defaults": {"max": 1e-999}},
         "targets": [{"refId": "A", "expr": "q2"}]}]})";
    const QString path = m_dir.filePath(QStringLiteral("huge.json"));
    QVERIFY(writeFile(path, bytes));
    QString error;
    const auto d = loadDashboardFile(path, &error);
    QVERIFY2(d, qPrintable(error));
    const PanelModel &p = d->panels().at(0);
    QVERIFY(p.defaults.max && std::isfinite(*p.defaults.max) && *p.defaults.max > 1e300);
    QVERIFY(p.defaults.min && std::isfinite(*p.defaults.min) && *p.defaults.min < -1e300);
    QVERIFY(p.gridPos.x >= 0 && p.gridPos.w >= 1 && p.gridPos.x + p.gridPos.w <= 24);
    QCOMPARE(p.gridPos.y, 0);
    QCOMPARE(p.gridPos.h, GridPos::MaxHeight);
    QVERIFY(p.defaults.decimals && *p.defaults.decimals >= 0 && *p.defaults.decimals <= 20);
    QCOMPARE(d->panels().at(1).defaults.max, std::optional<double>(0.0));

    // Opened and drawn with data: values shown, no crash.
    MainWindow w(&m_registry);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(w.view()->panelWidget(1) && w.view()->panelWidget(1)->data(), 20000);
    auto *stat = qobject_cast<StatPanel *>(w.view()->panelWidget(1));
    QVERIFY(stat);
    QTRY_VERIFY(!stat->stats().isEmpty());
    QVERIFY(!stat->statTexts().first().isEmpty());
    QVERIFY(stat->geometry().height() <= grid::unitsToPixels(GridPos::MaxHeight));
}

void TestExtremeDashboards::wildGridPositionsAreClamped()
{
    const QJsonArray panels{statPanel(1, -5, -3, 1000000000, 1000000000),
                            statPanel(2, 1000000000, 1000000000, -2, 0),
                            statPanel(3, 0, 1000000000, 6, 4), statPanel(4, 0, 2000000000, 6, 4)};
    QJsonObject doc{{"title", "wild"}, {"panels", panels}};
    // Non-integers and strings as Grafana files sometimes hold them.
    QByteArray bytes = QJsonDocument(doc).toJson();
    bytes.replace("\"x\": -5", "\"x\": -5.5");
    bytes.replace("\"w\": 6,\n", "\"w\": 6.75,\n");
    const QString path = m_dir.filePath(QStringLiteral("wild.json"));
    QVERIFY(writeFile(path, bytes));
    QString error;
    const auto d = loadDashboardFile(path, &error);
    QVERIFY2(d, qPrintable(error));
    for (const PanelModel &p : d->panels()) {
        QVERIFY(p.gridPos.x >= 0 && p.gridPos.w >= 1 && p.gridPos.x + p.gridPos.w <= 24);
        QVERIFY(p.gridPos.y >= 0 && p.gridPos.y <= GridPos::MaxY);
        QVERIFY(p.gridPos.h >= 1 && p.gridPos.h <= GridPos::MaxHeight);
    }
    // Laid out without overlaps, stacked from the top (a y of 1e9 floats up at once).
    const QList<grid::Placed> placed = grid::layoutDashboard(d->panels(), {});
    QCOMPARE(placed.size(), 4);
    for (int i = 0; i < placed.size(); ++i) {
        for (int j = i + 1; j < placed.size(); ++j) {
            const GridPos &a = placed[i].pos, &b = placed[j].pos;
            QVERIFY2(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
                     qPrintable(QStringLiteral("panels %1 and %2 overlap").arg(i).arg(j)));
        }
    }
    QVERIFY(grid::layoutHeightUnits(placed) <= 3 * GridPos::MaxHeight + 8);

    MainWindow w(&m_registry);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(path));
    QTRY_COMPARE(w.view()->panelWidgets().size(), 4);
    const int canvasWidth = w.view()->canvas()->width();
    for (PanelWidget *p : w.view()->panelWidgets()) {
        QVERIFY(p->isVisible());
        QVERIFY(p->geometry().left() >= 0 && p->geometry().right() < canvasWidth);
        QVERIFY(p->height() >= 20 && p->height() <= grid::unitsToPixels(GridPos::MaxHeight));
    }
    QVERIFY(w.view()->contentHeight() < 4 * grid::unitsToPixels(GridPos::MaxHeight) + 100);
    // The panel at the top queries and draws.
    QTRY_VERIFY_WITH_TIMEOUT(w.view()->panelWidget(1)->data(), 20000);
}

QTEST_MAIN(TestExtremeDashboards)
#include "test_extreme_dashboards.moc"
