#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QListWidget>
#include <QTest>
#include <QTreeWidget>

using namespace pharos;
using namespace pharos::testing;

class TestTimeSeriesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void legendFromLegendFormat();
    void tableLegendValues();
    void legendUpdatedInPlace();
    void clickIsolatesSeries();
    void tooltipListsValues();
    void hiddenLegend();
    void defaultNames();
};

static QByteArray panelJson(const char *legend, const char *unit = "reqps")
{
    return QByteArray(R"({"id": 7, "type": "timeseries", "title": "Traffic",
      "fieldConfig": {"defaults": {"unit": ")") +
           unit + R"(", "color": {"mode": "palette-classic"},
         "custom": {"lineWidth": 1, "fillOpacity": 0}}},
      "options": {"legend": )" +
           legend + R"(, "tooltip": {"mode": "multi", "sort": "desc"}},
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{code}}"}]})";
}

static PanelDataPtr twoSeries()
{
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"code", "200"}, {"job", "p"}}, kT0, 10'000, {1, 2, 3, 4, 5}));
    frames.push_back(makeFrame({{"code", "500"}, {"job", "p"}}, kT0, 10'000, {10, 20, 30, 40, 50}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{code}}"));
    return makeData(std::move(t), kT0, kT0 + 40'000, 10'000);
}

void TestTimeSeriesPanel::legendFromLegendFormat()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(
        panelJson(R"({"displayMode": "list", "placement": "bottom", "showLegend": true})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    QVERIFY(p);
    p->resize(800, 400);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(twoSeries());
    QCOMPARE(p->legendEntries(), (QStringList{"200", "500"}));
    auto *list = qobject_cast<QListWidget *>(p->legendWidget());
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("200"));
    QCOMPARE(p->statusText(), QString());
    // the lines are drawn in palette order
    const QImage img = p->plotImage();
    const QRect plot = p->plotRect().toRect();
    QVERIFY(countColor(img, classicPaletteColor(0), plot.left(), plot.right(), plot.top(),
                       plot.bottom()) > 50);
    QVERIFY(countColor(img, classicPaletteColor(1), plot.left(), plot.right(), plot.top(),
                       plot.bottom()) > 50);
}

void TestTimeSeriesPanel::tableLegendValues()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(panelJson(
        R"({"displayMode": "table", "placement": "bottom", "calcs": ["min", "max", "mean", "last"]})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    QVERIFY(p);
    p->resize(800, 400);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(twoSeries());
    QCOMPARE(p->legendCalcs(), (QStringList{"min", "max", "mean", "last"}));
    const QList<QStringList> v = p->legendValues();
    QCOMPARE(v.size(), 2);
    QCOMPARE(v[0], (QStringList{"1 req/s", "5 req/s", "3 req/s", "5 req/s"}));
    QCOMPARE(v[1], (QStringList{"10 req/s", "50 req/s", "30 req/s", "50 req/s"}));
    auto *table = qobject_cast<QTreeWidget *>(p->legendWidget());
    QVERIFY(table);
    QCOMPARE(table->topLevelItemCount(), 2);
    QCOMPARE(table->headerItem()->text(1), QStringLiteral("Min"));
    QCOMPARE(table->topLevelItem(1)->text(0), QStringLiteral("500"));
    QCOMPARE(table->topLevelItem(1)->text(2), QStringLiteral("50 req/s"));
}

void TestTimeSeriesPanel::legendUpdatedInPlace()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(
        panelJson(R"({"displayMode": "table", "placement": "bottom", "calcs": ["max"]})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    QVERIFY(p);
    p->resize(800, 400);
    p->setData(twoSeries());
    auto *table = qobject_cast<QTreeWidget *>(p->legendWidget());
    QVERIFY(table);
    QTreeWidgetItem *first = table->topLevelItem(0);
    QTreeWidgetItem *second = table->topLevelItem(1);
    p->legendClicked(1, Qt::ControlModifier); // hide "500"
    QCOMPARE(second->foreground(0).color(), QColor(0xa0, 0xa0, 0xa0));

    // The same series with new values: the entries are kept and show the new values.
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"code", "200"}, {"job", "p"}}, kT0, 10'000, {1, 2, 3, 4, 7}));
    frames.push_back(makeFrame({{"code", "500"}, {"job", "p"}}, kT0, 10'000, {10, 20, 30, 40, 60}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{code}}"));
    p->setData(makeData(std::move(t), kT0, kT0 + 40'000, 10'000));
    QCOMPARE(table->topLevelItemCount(), 2);
    QCOMPARE(table->topLevelItem(0), first);
    QCOMPARE(table->topLevelItem(1), second);
    QCOMPARE(first->text(1), QStringLiteral("7 req/s"));
    QCOMPARE(second->text(1), QStringLiteral("60 req/s"));
    QVERIFY(!p->isSeriesVisible(1));
    QCOMPARE(second->foreground(0).color(), QColor(0xa0, 0xa0, 0xa0));
    p->legendClicked(1, Qt::ControlModifier); // show it again
    QVERIFY(second->foreground(0).color() != QColor(0xa0, 0xa0, 0xa0));

    // Other series: new entries with the new names.
    std::vector<Frame> other;
    other.push_back(makeFrame({{"code", "404"}}, kT0, 10'000, {1, 2}));
    std::vector<TargetResult> t2;
    t2.push_back(makeTarget("A", std::move(other), "{{code}}"));
    p->setData(makeData(std::move(t2), kT0, kT0 + 40'000, 10'000));
    QCOMPARE(table->topLevelItemCount(), 1);
    QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("404"));
    QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("2 req/s"));
    QCOMPARE(p->legendEntries(), (QStringList{"404"}));
}

void TestTimeSeriesPanel::clickIsolatesSeries()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(
        makeModel(panelJson(R"({"displayMode": "list", "placement": "bottom"})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    p->resize(800, 400);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(twoSeries());
    auto *list = qobject_cast<QListWidget *>(p->legendWidget());
    QVERIFY(list);
    const QColor c0 = classicPaletteColor(0), c1 = classicPaletteColor(1);
    const auto count = [&](const QColor &c) {
        const QImage img = p->plotImage();
        const QRect plot = p->plotRect().toRect();
        return countColor(img, c, plot.left(), plot.right(), plot.top(), plot.bottom());
    };
    QVERIFY(count(c0) > 50);
    QVERIFY(count(c1) > 50);

    // Click "500": only it remains.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QVERIFY(!p->isSeriesVisible(0));
    QVERIFY(p->isSeriesVisible(1));
    QCOMPARE(count(c0), 0);
    QVERIFY(count(c1) > 50);

    // Click it again: all back.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QVERIFY(p->isSeriesVisible(0));
    QVERIFY(count(c0) > 50);

    // Ctrl-click toggles one series only.
    p->legendClicked(0, Qt::ControlModifier);
    QVERIFY(!p->isSeriesVisible(0));
    QVERIFY(p->isSeriesVisible(1));
    QCOMPARE(count(c0), 0);
    p->legendClicked(0, Qt::ControlModifier);
    QVERIFY(p->isSeriesVisible(0));
}

void TestTimeSeriesPanel::tooltipListsValues()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(panelJson(R"({"displayMode": "list"})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    p->resize(800, 400);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(twoSeries());
    const TimeSeriesRenderer &r = p->renderer();
    p->plotImage();
    const QPoint pos(int(r.timeToX(double(kT0 + 20'000))), int(r.plotRect().center().y()));
    const QString text = p->tooltipTextAt(pos);
    const QStringList lines = text.split('\n');
    QCOMPARE(lines.size(), 3);                           // time + two series
    QCOMPARE(lines[1], QStringLiteral("500: 30 req/s")); // sorted descending
    QCOMPARE(lines[2], QStringLiteral("200: 3 req/s"));
    QVERIFY(p->tooltipTextAt(QPoint(0, 0)).isEmpty()); // outside the plot

    // Hover paints the overlay without re-rendering the lines.
    const int renders = p->renderCount();
    QTest::mouseMove(p->plotWidget(), pos);
    QTest::mouseMove(p->plotWidget(), pos + QPoint(10, 0));
    p->plotWidget()->repaint();
    QCOMPARE(p->renderCount(), renders);
    // a resize does re-render
    p->resize(700, 400);
    p->plotImage();
    QVERIFY(p->renderCount() > renders);
}

void TestTimeSeriesPanel::defaultNames()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(panelJson(R"({"displayMode": "list"})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    std::vector<TargetResult> t;
    std::vector<Frame> a;
    a.push_back(makeFrame({{"__name__", "up"}, {"job", "p"}}, kT0, 10'000, {1, 2}));
    t.push_back(makeTarget("A", std::move(a), ""));
    std::vector<Frame> b;
    b.push_back(makeFrame({}, kT0, 10'000, {1, 2}));
    t.push_back(makeTarget("B", std::move(b), "__auto"));
    t.back().expr = QStringLiteral("sum(rate(x[1m]))");
    p->setData(makeData(std::move(t), kT0, kT0 + 10'000, 10'000));
    QCOMPARE(p->legendEntries(), (QStringList{"up{job=\"p\"}", "sum(rate(x[1m]))"}));
}

void TestTimeSeriesPanel::hiddenLegend()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(
        makeModel(panelJson(R"({"displayMode": "list", "showLegend": false})"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    p->setData(twoSeries());
    QVERIFY(p->legendEntries().isEmpty());
    QVERIFY(!p->legendWidget());
}

QTEST_MAIN(TestTimeSeriesPanel)
#include "test_timeseriespanel.moc"
