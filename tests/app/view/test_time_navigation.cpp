// Time navigation in the main window with a real dashboard view: drag-zoom on a graph,
// zoom out with Ctrl+Z and a double-click, shift with t ← / t → and the tool bar, the
// picker's persisted history, per-panel timeFrom/timeShift reaching the queries, the
// dashboard's time zone, and the shared crosshair between panels.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "countingdatasource.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/time/timenavigation.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestTimeNavigation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dragZoomOutAndShift();
    void panelTimeOverridesReachQueries();
    void timeZoneAndSharedCrosshair();
    void historyPersists();

private:
    QString writeDashboard(const QString &name, const QJsonObject &extra);
    QTemporaryDir m_dir;
};

static QJsonObject panel(int id, int x, int y, const QString &expr, const QJsonObject &extra = {})
{
    QJsonObject p{{"id", id},
                  {"type", "timeseries"},
                  {"title", QStringLiteral("P%1").arg(id)},
                  {"gridPos", QJsonObject{{"x", x}, {"y", y}, {"w", 12}, {"h", 8}}},
                  {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", expr}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        p.insert(it.key(), it.value());
    return p;
}

QString TestTimeNavigation::writeDashboard(const QString &name, const QJsonObject &extra)
{
    QJsonObject d{
        {"title", name},
        {"time", QJsonObject{{"from", "now-6h"}, {"to", "now"}}},
        {"panels",
         QJsonArray{panel(1, 0, 0, "a"), panel(2, 12, 0, "b"),
                    panel(3, 0, 8, "c", QJsonObject{{"timeFrom", "2h"}, {"timeShift", "1h"}})}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        d.insert(it.key(), it.value());
    const QString path = m_dir.filePath(name + QStringLiteral(".json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    f.write(QJsonDocument(d).toJson());
    return path;
}

void TestTimeNavigation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
}

static PanelDataPtr waitData(MainWindow &w, int id, quint64 afterGeneration)
{
    PanelWidget *p = w.view()->panelWidget(id);
    if (!QTest::qWaitFor([&] { return p->data() && p->data()->generation > afterGeneration; },
                         10000))
        return nullptr;
    return p->data();
}

void TestTimeNavigation::dragZoomOutAndShift()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow w(&registry);
    QVERIFY(w.openFile(writeDashboard(QStringLiteral("nav"), {{"timezone", "utc"}})));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitData(w, 1, 0));

    // Drag across panel 1 from 20 % to 50 % of its plot.
    auto *ts = qobject_cast<TimeSeriesPanel *>(w.view()->panelWidget(1));
    QVERIFY(ts);
    QWidget *plot = ts->plotWidget();
    const QRectF r = ts->plotRect();
    const QPoint a(int(r.left() + r.width() * 0.2), int(r.center().y()));
    const QPoint b(int(r.left() + r.width() * 0.5), int(r.center().y()));
    const qint64 expectFrom = qint64(std::llround(ts->renderer().xToTime(a.x())));
    const qint64 expectTo = qint64(std::llround(ts->renderer().xToTime(b.x())));
    quint64 gen = w.view()->scheduler()->generation();
    QTest::mousePress(plot, Qt::LeftButton, {}, a);
    QTest::mouseMove(plot, b);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, b);

    // The picker shows the absolute range (in the dashboard's zone, UTC), the panels query it.
    const TimeRange zoomed = w.timeRangePicker()->timeRange();
    QCOMPARE(zoomed, zoomedTimeRange(expectFrom, expectTo));
    QCOMPARE(w.timeRangePicker()->text(), timeRangeDisplayText(zoomed, QTimeZone::utc()));
    QVERIFY(w.timeRangePicker()->text().contains(
        QDateTime::fromMSecsSinceEpoch(expectFrom, QTimeZone::utc()).toString("yyyy-MM-dd HH:mm")));
    PanelDataPtr d = waitData(w, 1, gen);
    QVERIFY(d);
    QCOMPARE(d->fromMs, expectFrom);
    QCOMPARE(d->toMs, expectTo);
    const QueryRequest q = source.lastRequest.value(QStringLiteral("a"));
    QVERIFY(q.stepMs > 0);
    QVERIFY(q.startMs <= expectFrom && q.startMs > expectFrom - q.stepMs);
    QVERIFY(q.endMs <= expectTo + q.stepMs && q.endMs > expectTo - q.stepMs);
    // Kept in the picker's recent ranges.
    QCOMPARE(w.timeRangePicker()->history().value(0), zoomed);

    // Ctrl+Z: twice the span around the same centre.
    const qint64 span = expectTo - expectFrom;
    const qint64 centre = expectFrom + span / 2;
    gen = w.view()->scheduler()->generation();
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    d = waitData(w, 1, gen);
    QVERIFY(d);
    QVERIFY(std::abs(d->toMs - d->fromMs - 2 * span) <= 2);
    QVERIFY(std::abs(d->fromMs + (d->toMs - d->fromMs) / 2 - centre) <= 2);

    // A double-click on the other graph: twice again.
    auto *ts2 = qobject_cast<TimeSeriesPanel *>(w.view()->panelWidget(2));
    gen = w.view()->scheduler()->generation();
    QTest::mouseDClick(ts2->plotWidget(), Qt::LeftButton, {}, ts2->plotRect().center().toPoint());
    d = waitData(w, 1, gen);
    QVERIFY(d);
    QVERIFY(std::abs(d->toMs - d->fromMs - 4 * span) <= 4);
    const qint64 from4 = d->fromMs, to4 = d->toMs;
    QVERIFY2(!isRelativeTime(w.timeRangePicker()->timeRange().to),
             qPrintable(w.timeRangePicker()->timeRange().to)); // still in the past

    // t ←: half the span back.
    gen = w.view()->scheduler()->generation();
    QTest::keyClick(&w, Qt::Key_T);
    QTest::keyClick(&w, Qt::Key_Left);
    d = waitData(w, 1, gen);
    QVERIFY(d);
    QCOMPARE(d->fromMs, from4 - (to4 - from4) / 2);
    QCOMPARE(d->toMs, to4 - (to4 - from4) / 2);
    // The tool bar's forward button: back where it was.
    gen = w.view()->scheduler()->generation();
    w.shiftForwardAction()->trigger();
    d = waitData(w, 1, gen);
    QVERIFY(d);
    QCOMPARE(d->fromMs, from4);
    QCOMPARE(d->toMs, to4);
    // t →, twice: passing now, the range becomes the live "last N" again.
    w.shiftForwardAction()->trigger();
    w.shiftForwardAction()->trigger();
    w.shiftForwardAction()->trigger();
    QVERIFY2(w.timeRangePicker()->timeRange().to == QStringLiteral("now"),
             qPrintable(w.timeRangePicker()->timeRange().to));
    // Zoom out by the tool bar button on a live range stays live.
    const TimeRange live = w.timeRangePicker()->timeRange();
    w.zoomOutAction()->trigger();
    QCOMPARE(w.timeRangePicker()->timeRange().to, QStringLiteral("now"));
    const auto before = live.resolve(QDateTime::currentDateTimeUtc(), QTimeZone::utc());
    const auto after =
        w.timeRangePicker()->timeRange().resolve(QDateTime::currentDateTimeUtc(), QTimeZone::utc());
    QVERIFY(before && after);
    QVERIFY(std::abs(after->spanMs() - 2 * before->spanMs()) <= 2000);
    registry.setOverride(nullptr);
}

void TestTimeNavigation::panelTimeOverridesReachQueries()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow w(&registry);
    QVERIFY(w.openFile(writeDashboard(QStringLiteral("overrides"), {})));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    PanelDataPtr d = waitData(w, 3, 0);
    QVERIFY(d);
    const ResolvedTimeRange dash = w.view()->scheduler()->resolvedRange();
    QCOMPARE(dash.spanMs(), qint64(6) * 3'600'000);
    // timeFrom 2h, timeShift 1h: [now-3h, now-1h].
    QCOMPARE(d->toMs, dash.toMs - 3'600'000);
    QCOMPARE(d->fromMs, dash.toMs - 3 * 3'600'000);
    const QueryRequest q = source.lastRequest.value(QStringLiteral("c"));
    QVERIFY(q.stepMs > 0);
    QVERIFY(q.startMs <= d->fromMs && q.startMs > d->fromMs - q.stepMs);
    QVERIFY(q.endMs > d->toMs - q.stepMs && q.endMs <= d->toMs + q.stepMs);
    // The other panels query the dashboard's range.
    const QueryRequest qa = source.lastRequest.value(QStringLiteral("a"));
    QVERIFY(qa.startMs <= dash.fromMs && qa.startMs > dash.fromMs - qa.stepMs);
    PanelWidget *p3 = w.view()->panelWidget(3);
    QCOMPARE(p3->timeInfoText(), QStringLiteral("Last 2 hours timeshift -1h"));
    QCOMPARE(w.view()->panelWidget(1)->timeInfoText(), QString());

    // An absolute dashboard range: timeFrom no longer applies, the shift does.
    const qint64 t0 = dash.toMs - 5 * 3'600'000;
    const quint64 gen = w.view()->scheduler()->generation();
    w.zoomToRange(t0, t0 + 3'600'000);
    d = waitData(w, 3, gen);
    QVERIFY(d);
    QCOMPARE(d->fromMs, t0 - 3'600'000);
    QCOMPARE(d->toMs, t0);
    QCOMPARE(p3->timeInfoText(), QStringLiteral("timeshift -1h"));
    registry.setOverride(nullptr);
}

void TestTimeNavigation::timeZoneAndSharedCrosshair()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow w(&registry);
    QVERIFY(w.openFile(writeDashboard(QStringLiteral("zone"),
                                      {{"timezone", "Asia/Kolkata"}, {"graphTooltip", 1}})));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(waitData(w, 1, 0));
    QVERIFY(waitData(w, 2, 0));
    const QTimeZone kolkata(QByteArrayLiteral("Asia/Kolkata"));
    QCOMPARE(w.view()->timeZone(), kolkata);
    QCOMPARE(w.timeRangePicker()->timeZone(), kolkata);
    auto *p1 = qobject_cast<TimeSeriesPanel *>(w.view()->panelWidget(1));
    auto *p2 = qobject_cast<TimeSeriesPanel *>(w.view()->panelWidget(2));
    QCOMPARE(p1->timeZone(), kolkata);
    // The axis labels are Kolkata's wall clock: the first label is the first tick after the
    // start in that zone.
    p1->plotImage();
    const QStringList labels = p1->renderer().xTickLabels();
    QVERIFY(!labels.isEmpty());
    const ResolvedTimeRange dash = w.view()->scheduler()->resolvedRange();
    const QDateTime startLocal = QDateTime::fromMSecsSinceEpoch(dash.fromMs, kolkata);
    // Six hours: ticks every hour or more, on the hour in Kolkata (UTC+5:30, so not on the
    // UTC hour).
    const QTime first = QTime::fromString(labels.first(), QStringLiteral("HH:mm"));
    QVERIFY2(first.isValid() && first.minute() == 0, qPrintable(labels.join(' ')));
    QVERIFY(first.hour() == (startLocal.time().hour() + 1) % 24 ||
            first.hour() == (startLocal.time().hour() + 2) % 24 ||
            first.hour() == (startLocal.time().hour() + 3) % 24);

    // Typing an absolute range in the picker reads it in the dashboard's zone.
    w.timeRangePicker()->fromEdit()->setText(QStringLiteral("2024-01-31 08:00:00"));
    w.timeRangePicker()->toEdit()->setText(QStringLiteral("2024-01-31 12:00:00"));
    const quint64 gen = w.view()->scheduler()->generation();
    QVERIFY(w.timeRangePicker()->apply());
    QVERIFY(waitData(w, 1, gen));
    QVERIFY(waitData(w, 2, gen));
    QCOMPARE(w.timeRangePicker()->timeRange().from, QStringLiteral("2024-01-31T02:30:00.000Z"));
    QCOMPARE(w.timeRangePicker()->text(),
             QStringLiteral("2024-01-31 08:00:00 to 2024-01-31 12:00:00"));

    // graphTooltip 1: hovering panel 1 draws the crosshair on panel 2 at the same time.
    const QImage before = p2->plotWidget()->grab().toImage();
    const QRectF r1 = p1->plotRect();
    // (sent to the window as the platform would: QTest's QWidget overload moves the cursor)
    const QPoint at(int(r1.left() + r1.width() * 0.3), int(r1.center().y()));
    QTest::mouseMove(w.windowHandle(), p1->plotWidget()->mapTo(&w, at));
    QTRY_VERIFY(p2->sharedHoverTime() >= 0);
    QCOMPARE(p2->sharedHoverTime(), p1->hoverTime());
    const QImage after = p2->plotWidget()->grab().toImage();
    const int x = int(p2->renderer().timeToX(double(p2->sharedHoverTime())));
    int changedInColumn = 0, changedElsewhere = 0;
    for (int y = 0; y < after.height(); ++y)
        for (int col = 0; col < after.width(); ++col)
            if (before.pixel(col, y) != after.pixel(col, y))
                ++(std::abs(col - x) <= 1 ? changedInColumn : changedElsewhere);
    QVERIFY2(changedInColumn > p2->plotRect().height() / 4,
             qPrintable(QString::number(changedInColumn)));
    QCOMPARE(changedElsewhere, 0);
    registry.setOverride(nullptr);
}

void TestTimeNavigation::historyPersists()
{
    const QString file = MainWindow::settingsPath();
    {
        TimeRangePicker picker;
        picker.setHistoryFile(file);
        for (int i = 1; i <= 12; ++i)
            picker.addToHistory(TimeRange{QStringLiteral("now-%1h").arg(i), "now"});
        picker.addToHistory(TimeRange{"now-5h", "now"}); // moves to the front, no duplicate
        QCOMPARE(picker.history().size(), TimeRangePicker::MaxHistory);
    }
    TimeRangePicker again;
    again.setHistoryFile(file);
    const QList<TimeRange> h = again.history();
    QCOMPARE(h.size(), TimeRangePicker::MaxHistory);
    QCOMPARE(h.at(0), (TimeRange{"now-5h", "now"}));
    QCOMPARE(h.at(1), (TimeRange{"now-12h", "now"}));
    QCOMPARE(h.at(2), (TimeRange{"now-11h", "now"}));
    QCOMPARE(h.count(TimeRange{"now-5h", "now"}), 1);
    // Shown in the popup's list, and a click applies it.
    QCOMPARE(again.historyList()->count(), TimeRangePicker::MaxHistory);
    QCOMPARE(again.historyList()->item(1)->text(), QStringLiteral("Last 12 hours"));
    QSignalSpy changed(&again, &TimeRangePicker::timeRangeChanged);
    QListWidget *list = again.historyList();
    again.popup()->show();
    QVERIFY(QTest::qWaitForWindowExposed(again.popup()));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(2)).center());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(again.timeRange(), (TimeRange{"now-11h", "now"}));
    // Choosing it moved it to the front of the stored history.
    TimeRangePicker third;
    third.setHistoryFile(file);
    QCOMPARE(third.history().value(0), (TimeRange{"now-11h", "now"}));
}

QTEST_MAIN(TestTimeNavigation)
#include "test_time_navigation.moc"
