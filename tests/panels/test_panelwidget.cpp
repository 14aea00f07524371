#include "panelfixture.h"
#include "panels/panelwidget.h"
#include "panels/placeholderpanel.h"
#include "panels/stat/statpanel.h"
#include "panels/table/tablepanel.h"
#include "panels/timeseries/timeseriespanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestPanelWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void factoryTypes();
    void loading();
    void loadingDoesNotRedraw();
    void noData_data();
    void noData();
    void errorText();
    void partialErrorBanner();
    void errorAfterData();
    void unknownUnitWarning();
    void placeholderNamesType();
};

static QByteArray json(const char *type, const char *unit = "short")
{
    return QByteArray(R"({"id": 3, "type": ")") + type + R"(", "title": "Panel )" + type +
           R"(", "description": "About it", "fieldConfig": {"defaults": {"unit": ")" + unit +
           R"("}}, "targets": [{"refId": "A", "expr": "up"}, {"refId": "B", "expr": "x"}]})";
}

static std::vector<Frame> someFrames()
{
    std::vector<Frame> f;
    f.push_back(makeFrame({{"job", "p"}}, kT0, 10'000, {1, 2, 3}));
    return f;
}

void TestPanelWidget::factoryTypes()
{
    std::unique_ptr<PanelWidget> a(PanelWidget::create(makeModel(json("timeseries"))));
    std::unique_ptr<PanelWidget> b(PanelWidget::create(makeModel(json("stat"))));
    std::unique_ptr<PanelWidget> c(PanelWidget::create(makeModel(json("table"))));
    std::unique_ptr<PanelWidget> d(PanelWidget::create(makeModel(json("grafana-worldmap-panel"))));
    QVERIFY(qobject_cast<TimeSeriesPanel *>(a.get()));
    QVERIFY(qobject_cast<StatPanel *>(b.get()));
    QVERIFY(qobject_cast<TablePanel *>(c.get()));
    QVERIFY(qobject_cast<PlaceholderPanel *>(d.get()));
    const char *drawn[] = {"gauge", "bargauge", "heatmap", "text", "piechart"};
    for (const char *type : drawn) {
        std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json(type))));
        QVERIFY2(!qobject_cast<PlaceholderPanel *>(w.get()), type);
        QCOMPARE(w->model().type, QString::fromLatin1(type));
    }
    QCOMPARE(a->panelId(), 3);
    QCOMPARE(a->titleText(), QStringLiteral("Panel timeseries"));
}

void TestPanelWidget::loading()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("timeseries"))));
    w->setLoading(true);
    QCOMPARE(w->statusText(), QStringLiteral("Loading…"));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", someFrames()));
    w->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    QCOMPARE(w->statusText(), QString());
    // loading again keeps the previous data on screen
    w->setLoading(true);
    QCOMPARE(w->statusText(), QString());
}

void TestPanelWidget::loadingDoesNotRedraw()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("timeseries"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    QVERIFY(p);
    p->resize(400, 300);
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", someFrames()));
    p->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    const QImage drawn = p->plotImage();
    const int renders = p->renderCount();
    QVERIFY(renders >= 1);
    // A refresh starting only toggles the message: the old data is not drawn again.
    p->setLoading(true);
    p->setLoading(false);
    p->setLoading(true);
    QCOMPARE(p->plotImage(), drawn);
    QCOMPARE(p->renderCount(), renders);
    QCOMPARE(p->statusText(), QString());
    // New data: drawn exactly once more.
    std::vector<TargetResult> t2;
    t2.push_back(makeTarget("A", someFrames()));
    p->setData(makeData(std::move(t2), kT0, kT0 + 20'000, 10'000));
    p->plotImage();
    QCOMPARE(p->renderCount(), renders + 1);
}

void TestPanelWidget::noData_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("timeseries") << "timeseries";
    QTest::newRow("stat") << "stat";
    QTest::newRow("table") << "table";
}

void TestPanelWidget::noData()
{
    QFETCH(QString, type);
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json(type.toUtf8().constData()))));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", {}));
    t.push_back(makeTarget("B", {}));
    t.back().result.frames.push_back(Frame{}); // a series without samples
    w->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    QCOMPARE(w->statusText(), QStringLiteral("No data"));
    QVERIFY(!w->hasError());
}

void TestPanelWidget::errorText()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("timeseries"))));
    w->resize(400, 300);
    std::vector<TargetResult> t;
    t.push_back(makeFailedTarget("A", "parse error at char 5: unexpected identifier"));
    auto data = makeData(std::move(t), kT0, kT0 + 20'000, 10'000);
    w->setData(data);
    QVERIFY(w->hasError());
    const QString status = w->statusText();
    QVERIFY2(status.contains(QLatin1String("parse error at char 5")), qPrintable(status));
    QVERIFY(status.startsWith(QLatin1String("A: ")));
    QCOMPARE(status, data->errorMessage());
    QVERIFY(w->bannerText().isEmpty());
}

void TestPanelWidget::partialErrorBanner()
{
    for (const char *type : {"timeseries", "stat", "table"}) {
        std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json(type))));
        std::vector<TargetResult> t;
        t.push_back(makeTarget("A", someFrames()));
        t.push_back(makeFailedTarget("B", "boom"));
        w->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
        QVERIFY(w->hasError());
        QCOMPARE(w->statusText(), QString()); // the data is drawn
        QVERIFY2(w->bannerText().contains(QLatin1String("B: ")), qPrintable(w->bannerText()));
        QVERIFY(w->bannerText().contains(QLatin1String("boom")));
    }
}

void TestPanelWidget::errorAfterData()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("timeseries"))));
    auto *p = qobject_cast<TimeSeriesPanel *>(w.get());
    p->resize(400, 300);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", someFrames()));
    p->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    QCOMPARE(p->legendEntries().size(), 1);
    std::vector<TargetResult> bad;
    bad.push_back(makeFailedTarget("A", "server down"));
    p->setData(makeData(std::move(bad), kT0, kT0 + 20'000, 10'000));
    QVERIFY(p->statusText().contains(QLatin1String("server down")));
    // The previous drawing stays valid memory even though the panel shows the error.
    QVERIFY(!p->plotImage().isNull());
    QVERIFY(p->plotWidget()->isHidden() || !p->plotWidget()->isVisible());
}

void TestPanelWidget::unknownUnitWarning()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("stat", "furlongs"))));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", someFrames()));
    w->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    QVERIFY(w->bannerText().contains(QLatin1String("furlongs")));
    QCOMPARE(qobject_cast<StatPanel *>(w.get())->statTexts(), QStringList{"3 furlongs"});

    std::unique_ptr<PanelWidget> ok(PanelWidget::create(makeModel(json("stat", "bytes"))));
    QVERIFY(ok->bannerText().isEmpty());
}

void TestPanelWidget::placeholderNamesType()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json("grafana-worldmap-panel"))));
    auto *p = qobject_cast<PlaceholderPanel *>(w.get());
    QVERIFY(p);
    QCOMPARE(p->placeholderText(),
             QStringLiteral("Panel type “grafana-worldmap-panel” is not supported yet; it is kept "
                            "unchanged when saving."));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", someFrames()));
    w->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    QCOMPARE(w->statusText(), QString());
}

QTEST_MAIN(TestPanelWidget)
#include "test_panelwidget.moc"
