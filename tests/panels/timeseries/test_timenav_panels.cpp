// Time navigation on the time-series panel: drag selection and double-click (synthetic
// mouse events), the dashboard's time zone on axis labels and tooltips, the panel's own time
// in its header, and the shared crosshair / tooltip drawn on other panels.
#include "panelfixture.h"
#include "panels/timeseries/crosshair.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace pharos;
using namespace pharos::testing;

class TestTimeNavPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dragSelectsTimeRange();
    void shortDragAndOutsideDoNothing();
    void doubleClickZoomsOut();
    void axisLabelsFollowTimeZone();
    void tooltipTimeFollowsTimeZone();
    void sharedCrosshairDrawnOnOtherPanel();
    void crosshairModeZeroDrawsNothing();
    void headerShowsPanelTimeAndLinks();
};

static QByteArray panelJson(int id, const char *extra = "")
{
    return QStringLiteral(R"({"id": %1, "type": "timeseries", "title": "P%1", %2
      "options": {"legend": {"displayMode": "hidden", "showLegend": false},
                  "tooltip": {"mode": "single"}},
      "targets": [{"refId": "A", "expr": "x"}]})")
        .arg(id)
        .arg(QString::fromLatin1(extra))
        .toUtf8();
}

// One hour of data, one sample a minute, from kT0.
static PanelDataPtr hourOfData()
{
    QList<double> values;
    for (int i = 0; i <= 60; ++i)
        values << 10 + (i % 7);
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"job", "p"}}, kT0, 60'000, values));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    return makeData(std::move(t), kT0, kT0 + 3'600'000, 60'000);
}

// Each panel is its own window; they are placed side by side (panel id 2 to the right) so
// the pointer over one is never over the other.
static std::unique_ptr<TimeSeriesPanel> shownPanel(int id, const char *extra = "")
{
    auto *w = PanelWidget::create(makeModel(panelJson(id, extra)));
    auto *p = qobject_cast<TimeSeriesPanel *>(w);
    if (!p)
        qFatal("not a time-series panel");
    p->resize(700, 300);
    p->move(id == 2 ? 760 : 0, 0);
    p->show();
    if (!QTest::qWaitForWindowExposed(p))
        qFatal("panel not exposed");
    p->setData(hourOfData());
    return std::unique_ptr<TimeSeriesPanel>(p);
}

void TestTimeNavPanels::dragSelectsTimeRange()
{
    auto p = shownPanel(1);
    QSignalSpy selected(p.get(), &TimeSeriesPanel::timeRangeSelected);
    QWidget *plot = p->plotWidget();
    const QRectF r = p->plotRect();
    const QPoint a(int(r.left() + r.width() * 0.25), int(r.center().y()));
    const QPoint b(int(r.left() + r.width() * 0.75), int(r.center().y()));
    QTest::mousePress(plot, Qt::LeftButton, {}, a);
    QTest::mouseMove(plot, (a + b) / 2);
    QTest::mouseMove(plot, b);
    // While dragging, the selection is drawn.
    QVERIFY(!p->selectionRect().isEmpty());
    QCOMPARE(p->selectionRect().left(), double(a.x()));
    const QImage during = plot->grab().toImage();
    QTest::mouseRelease(plot, Qt::LeftButton, {}, b);
    QCOMPARE(selected.size(), 1);
    QVERIFY(p->selectionRect().isEmpty());
    const qint64 from = selected.at(0).at(0).toLongLong();
    const qint64 to = selected.at(0).at(1).toLongLong();
    // The times under the two x positions (one pixel is ~5 s here).
    const double msPerPx = 3'600'000.0 / r.width();
    QVERIFY2(std::abs(from - (kT0 + (a.x() - r.left()) * msPerPx)) <= 2 * msPerPx,
             qPrintable(QString::number(from - kT0)));
    QVERIFY(std::abs(to - (kT0 + (b.x() - r.left()) * msPerPx)) <= 2 * msPerPx);
    QVERIFY(to - from > 1'500'000 && to - from < 2'100'000);
    // The selection was shaded blue while dragging.
    const QColor mid = during.pixelColor((a.x() + b.x()) / 2, int(r.top()) + 5);
    QVERIFY2(mid.blue() > mid.red() + 20, qPrintable(mid.name()));

    // Dragging right to left selects the same way.
    QTest::mousePress(plot, Qt::LeftButton, {}, b);
    QTest::mouseMove(plot, a);
    QTest::mouseRelease(plot, Qt::LeftButton, {}, a);
    QCOMPARE(selected.size(), 2);
    QVERIFY(selected.at(1).at(0).toLongLong() < selected.at(1).at(1).toLongLong());
}

void TestTimeNavPanels::shortDragAndOutsideDoNothing()
{
    auto p = shownPanel(1);
    QSignalSpy selected(p.get(), &TimeSeriesPanel::timeRangeSelected);
    QWidget *plot = p->plotWidget();
    const QRectF r = p->plotRect();
    const QPoint a = r.center().toPoint();
    QTest::mouseClick(plot, Qt::LeftButton, {}, a); // a click is not a selection
    QTest::mousePress(plot, Qt::LeftButton, {}, a);
    QTest::mouseMove(plot, a + QPoint(2, 0));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, a + QPoint(2, 0));
    // Pressing on the axis labels (outside the plot) does not start a selection.
    const QPoint below(int(r.center().x()), int(r.bottom()) + 6);
    QTest::mousePress(plot, Qt::LeftButton, {}, below);
    QTest::mouseMove(plot, below + QPoint(100, 0));
    QTest::mouseRelease(plot, Qt::LeftButton, {}, below + QPoint(100, 0));
    QCOMPARE(selected.size(), 0);
}

void TestTimeNavPanels::doubleClickZoomsOut()
{
    auto p = shownPanel(1);
    QSignalSpy zoomOut(p.get(), &TimeSeriesPanel::zoomOutRequested);
    QSignalSpy selected(p.get(), &TimeSeriesPanel::timeRangeSelected);
    QTest::mouseDClick(p->plotWidget(), Qt::LeftButton, {}, p->plotRect().center().toPoint());
    QCOMPARE(zoomOut.size(), 1);
    QCOMPARE(selected.size(), 0);
}

void TestTimeNavPanels::axisLabelsFollowTimeZone()
{
    auto p = shownPanel(1);
    p->setTimeZone(QTimeZone::utc());
    p->plotImage();
    const QStringList utc = p->renderer().xTickLabels();
    // kT0 is 2023-11-14 22:13:20 UTC; the labels of one hour start at 22:15 or 22:20.
    QVERIFY(!utc.isEmpty());
    QVERIFY2(utc.first().startsWith(QStringLiteral("22:")), qPrintable(utc.join(' ')));
    const QTimeZone kolkata(QByteArrayLiteral("Asia/Kolkata")); // UTC+5:30, no DST
    QVERIFY(kolkata.isValid());
    p->setTimeZone(kolkata);
    p->plotImage();
    const QStringList ist = p->renderer().xTickLabels();
    QCOMPARE(ist.size(), utc.size());
    for (int i = 0; i < ist.size(); ++i) {
        const QTime a = QTime::fromString(utc[i], QStringLiteral("HH:mm"));
        const QTime b = QTime::fromString(ist[i], QStringLiteral("HH:mm"));
        QVERIFY2(a.isValid() && b.isValid(), qPrintable(utc[i] + " " + ist[i]));
        QCOMPARE(a.addSecs(5 * 3600 + 1800), b);
    }
    QVERIFY(ist.first().startsWith(QStringLiteral("03:")) ||
            ist.first().startsWith(QStringLiteral("04:")));
}

void TestTimeNavPanels::tooltipTimeFollowsTimeZone()
{
    auto p = shownPanel(1);
    p->setTimeZone(QTimeZone::utc());
    // The sample at kT0 + 10 min: 2023-11-14 22:23:20 UTC.
    const QString utc = p->tooltipTextAtTime(kT0 + 600'000);
    QVERIFY2(utc.startsWith(QStringLiteral("2023-11-14 22:23:20")), qPrintable(utc));
    p->setTimeZone(QTimeZone(QByteArrayLiteral("America/New_York"))); // UTC-5 in November
    const QString ny = p->tooltipTextAtTime(kT0 + 600'000);
    QVERIFY2(ny.startsWith(QStringLiteral("2023-11-14 17:23:20")), qPrintable(ny));
}

// A pointer move with no button, sent to the widget's window as the platform would (QTest's
// QWidget overload moves the global cursor instead, which lands on whatever window is there).
static void hoverAt(QWidget *w, const QPoint &pos)
{
    QTest::mouseMove(w->window()->windowHandle(), w->mapTo(w->window(), pos));
}

// Pixels that differ between two grabs, and the columns they lie in.
static int diffPixels(const QImage &a, const QImage &b, int *minX, int *maxX)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    *minX = INT_MAX;
    *maxX = -1;
    for (int row = 0; row < std::min(x.height(), y.height()); ++row)
        for (int col = 0; col < std::min(x.width(), y.width()); ++col)
            if (x.pixel(col, row) != y.pixel(col, row)) {
                ++n;
                *minX = std::min(*minX, col);
                *maxX = std::max(*maxX, col);
            }
    return n;
}

void TestTimeNavPanels::sharedCrosshairDrawnOnOtherPanel()
{
    auto a = shownPanel(1);
    auto b = shownPanel(2);
    CrosshairSync sync;
    sync.setMode(CrosshairSync::SharedCrosshair);
    sync.addPanel(a.get());
    sync.addPanel(b.get());
    const QImage before = b->plotWidget()->grab().toImage();

    // Hover panel a at 40 % of its width.
    const QRectF ra = a->plotRect();
    const QPoint at(int(ra.left() + ra.width() * 0.4), int(ra.center().y()));
    hoverAt(a->plotWidget(), at);
    QTRY_VERIFY(b->sharedHoverTime() >= 0);
    const qint64 t = a->hoverTime();
    QCOMPARE(b->sharedHoverTime(), t);
    const QImage with = b->plotWidget()->grab().toImage();
    int minX = 0, maxX = 0;
    const int changed = diffPixels(before, with, &minX, &maxX);
    // A vertical dashed line over the plot height at the same time, nothing else.
    const QRectF rb = b->plotRect();
    const double x = b->renderer().timeToX(double(t));
    QVERIFY2(changed > rb.height() / 4, qPrintable(QString::number(changed)));
    QVERIFY2(minX >= int(x) - 1 && maxX <= int(x) + 1,
             qPrintable(QStringLiteral("%1..%2 vs %3").arg(minX).arg(maxX).arg(x)));
    // Mode 1: no tooltip box on the other panel.
    QVERIFY(maxX - minX <= 2);

    // Mode 2: the other panel shows the values at that time too (a box beside the line).
    sync.setMode(CrosshairSync::SharedTooltip);
    hoverAt(a->plotWidget(), at + QPoint(1, 0));
    QTRY_COMPARE(b->sharedHoverTime(), a->hoverTime());
    const QImage tooltip = b->plotWidget()->grab().toImage();
    diffPixels(before, tooltip, &minX, &maxX);
    QVERIFY2(maxX - minX > 40, qPrintable(QStringLiteral("%1..%2").arg(minX).arg(maxX)));
    QVERIFY(!b->tooltipTextAtTime(b->sharedHoverTime()).isEmpty());

    // Leaving the panel removes the crosshair everywhere.
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(a->plotWidget(), &leave);
    QCOMPARE(b->sharedHoverTime(), qint64(-1));
    QCOMPARE(b->plotWidget()->grab().toImage(), before);
}

void TestTimeNavPanels::crosshairModeZeroDrawsNothing()
{
    auto a = shownPanel(1);
    auto b = shownPanel(2);
    CrosshairSync sync;
    sync.setMode(0);
    sync.addPanel(a.get());
    sync.addPanel(b.get());
    const QImage before = b->plotWidget()->grab().toImage();
    hoverAt(a->plotWidget(), a->plotRect().center().toPoint());
    QVERIFY(a->hoverTime() >= 0);
    QCOMPARE(b->sharedHoverTime(), qint64(-1));
    QCOMPARE(b->plotWidget()->grab().toImage(), before);
}

void TestTimeNavPanels::headerShowsPanelTimeAndLinks()
{
    auto p = shownPanel(3, R"("timeFrom": "2h", "timeShift": "1h",
        "links": [{"title": "Runbook", "url": "https://example.com/rb"},
                  {"title": "Other", "url": "/d/abc"}],)");
    // Before data arrives: what the panel asks for.
    std::unique_ptr<PanelWidget> fresh(
        PanelWidget::create(makeModel(panelJson(4, R"("timeFrom": "2h", "timeShift": "1h",)"))));
    QCOMPARE(fresh->timeInfoText(), QStringLiteral("Last 2 hours timeshift -1h"));
    // With data: what the scheduler applied.
    auto d = std::make_shared<PanelData>(*hourOfData());
    d->timeInfo = QStringLiteral("timeshift -1h");
    p->setData(d);
    QCOMPARE(p->timeInfoText(), QStringLiteral("timeshift -1h"));
    // hideTimeOverride hides it.
    std::unique_ptr<PanelWidget> hidden(PanelWidget::create(
        makeModel(panelJson(5, R"("timeFrom": "2h", "hideTimeOverride": true,)"))));
    QCOMPARE(hidden->timeInfoText(), QString());

    QCOMPARE(p->linkTitles(), (QStringList{"Runbook", "Other"}));
    QVERIFY(p->menuButton()->isVisible());
    QSignalSpy activated(p.get(), &PanelWidget::linkActivated);
    p->menuButton()->menu()->actions().at(1)->trigger();
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 3);
    QCOMPARE(activated.at(0).at(1).toInt(), 1);
    QVERIFY(!fresh->menuButton()->isVisibleTo(fresh.get())); // no links: no menu
}

QTEST_MAIN(TestTimeNavPanels)
#include "test_timenav_panels.moc"
