// Many series: 20,000 real series in Prometheus (pushed through a pushgateway it scrapes). A
// panel draws at most its series limit (2,000 by default, --max-series or the setting) and says
// "Showing 2,000 of 20,000 series"; a time series draws 2,000 legend entries and lines; stat,
// gauge and bar gauge draw their values (never a blank panel), in cells of at least a minimum
// size, scrolling when they do not all fit. `pharos export` writes the values and names the
// notice on the command line.
#include "app/cli/commandline.h"
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/time/timerange.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/gauge/gaugepanel.h"
#include "panels/panelwidget.h"
#include "panels/stat/statpanel.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <array>

using namespace pharos;

namespace {

constexpr int kSeries = 20000;

QJsonObject panel(int id, const QString &type, int x, int y, int w, int h)
{
    return QJsonObject{
        {"id", id},
        {"type", type},
        {"title", type},
        {"gridPos", QJsonObject{{"x", x}, {"y", y}, {"w", w}, {"h", h}}},
        {"options",
         QJsonObject{{"reduceOptions", QJsonObject{{"calcs", QJsonArray{"lastNotNull"}}}},
                     {"graphMode", "none"}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "pharos_many"}}}}};
}

QJsonObject dashboardJson()
{
    return QJsonObject{
        {"title", "many series"},
        {"time", QJsonObject{{"from", "now-2m"}, {"to", "now"}}},
        {"panels", QJsonArray{panel(1, "stat", 0, 0, 12, 8), panel(2, "timeseries", 12, 0, 12, 8),
                              panel(3, "gauge", 0, 8, 12, 8), panel(4, "bargauge", 12, 8, 12, 8)}}};
}

/// Pixels of `image` inside `r` that differ from the colour at r's bottom-left corner.
int ink(const QImage &image, const QRect &r)
{
    const QRect area = r.intersected(image.rect());
    if (area.isEmpty())
        return 0;
    const QRgb background = image.pixel(area.left(), area.bottom());
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (image.pixel(x, y) != background)
                ++n;
        }
    }
    return n;
}

/// What the panel's content area shows on screen (the grab of the visible part).
int visibleInk(QWidget *content)
{
    return ink(content->grab().toImage(), QRect(QPoint(0, 0), content->size()));
}

} // namespace

class TestManySeries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void panelsDrawTheirLimit();
    void limitIsSettable();
    void exportDrawsStatAndNamesNotice();
    void cleanupTestCase();

private:
    int run(const QStringList &args, QByteArray *out, QByteArray *err);
    bool showAndWait(DashboardView &view);
    test::PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
    QTemporaryDir m_dir;
    QString m_file;
};

void TestManySeries::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_prom.enablePushgateway();
    m_prom.setStartTimeoutMs(60000);
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    QByteArray body;
    body.reserve(kSeries * 40);
    for (int i = 0; i < kSeries; ++i)
        body += "pharos_many{idx=\"" + QByteArray::number(i).rightJustified(5, '0') + "\"} " +
                QByteArray::number(i % 100) + '\n';
    if (!m_prom.push(QStringLiteral("pharos_many"), body, &error))
        QFAIL(qPrintable(error));
    QVERIFY2(m_prom.waitForSeries(QStringLiteral("count_over_time(pharos_many[1m]) >= 2"), kSeries,
                                  120000),
             "the 20,000 pushed series never reached Prometheus");
    DataSourceSettings s;
    s.name = QStringLiteral("prom");
    s.uid = QStringLiteral("prom-uid");
    s.url = m_prom.url();
    s.isDefault = true;
    s.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    s.http.timeoutMs = 60000;
    m_registry.add(s);
    m_file = m_dir.filePath(QStringLiteral("many.json"));
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(dashboardJson()).toJson());
}

void TestManySeries::cleanupTestCase()
{
    PanelWidget::setDefaultMaxSeries(PanelWidget::DefaultMaxSeries);
}

bool TestManySeries::showAndWait(DashboardView &view)
{
    QString error;
    const auto d = Dashboard::fromJson(QJsonDocument(dashboardJson()).toJson(), &error);
    if (!d)
        return false;
    view.resize(1200, 900);
    view.setDashboard(*d);
    view.scheduler()->setTimeRange(TimeRange{QStringLiteral("now-2m"), QStringLiteral("now")});
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    QSignalSpy idle(view.scheduler(), &QueryScheduler::idle);
    view.scheduler()->refresh();
    return QTest::qWaitFor(
        [&] {
            for (PanelWidget *w : view.panelWidgets()) {
                if (!w->data() || w->data()->hasError())
                    return false;
            }
            return view.scheduler()->isIdle();
        },
        120000);
}

void TestManySeries::panelsDrawTheirLimit()
{
    QCOMPARE(PanelWidget::defaultMaxSeries(), 2000);
    DashboardView view(&m_registry);
    QVERIFY(showAndWait(view));
    const QString notice = QStringLiteral("Showing 2,000 of 20,000 series");
    for (PanelWidget *w : view.panelWidgets()) {
        QVERIFY2(w->bannerText().contains(notice),
                 qPrintable(w->model().type + ": " + w->bannerText()));
        QCOMPARE(w->seriesBeforeLimit(), qsizetype(kSeries));
        QCOMPARE(w->statusText(), QString()); // neither "No data" nor an error
    }

    auto *ts = qobject_cast<TimeSeriesPanel *>(view.panelWidget(2));
    QVERIFY(ts);
    QCOMPARE(ts->legendEntries().size(), 2000);
    QVERIFY2(ts->legendEntries().first().contains(QStringLiteral("idx=")),
             qPrintable(ts->legendEntries().first()));
    QVERIFY2(visibleInk(ts) > 2000, "the time series panel draws nothing");

    auto *stat = qobject_cast<StatPanel *>(view.panelWidget(1));
    QVERIFY(stat);
    QCOMPARE(stat->stats().size(), 2000);
    QVERIFY(!stat->statTexts().first().isEmpty());
    // Cells of at least the minimum size: the view is taller than the panel and scrolls.
    QWidget *statView = stat->statView();
    const QSize grid = stat->layoutGrid(statView->size());
    QVERIFY(grid.width() * grid.height() >= 2000);
    QVERIFY(statView->width() / grid.width() >= stat->minCellSize().width());
    QVERIFY(statView->height() / grid.height() >= stat->minCellSize().height());
    auto *statScroll = stat->findChild<QScrollArea *>(QStringLiteral("vizScrollArea"));
    QVERIFY(statScroll);
    QVERIFY(statScroll->verticalScrollBar()->maximum() > 0);
    QVERIFY2(visibleInk(statScroll->viewport()) > 500, "the stat panel is blank");
    // Scrolled to the end, the last values are drawn too.
    statScroll->verticalScrollBar()->setValue(statScroll->verticalScrollBar()->maximum());
    QVERIFY2(visibleInk(statScroll->viewport()) > 200, "the end of the stat panel is blank");

    auto *gauge = qobject_cast<GaugePanel *>(view.panelWidget(3));
    QVERIFY(gauge);
    QCOMPARE(int(gauge->gauges().size()), 2000);
    auto *gaugeScroll = gauge->findChild<QScrollArea *>(QStringLiteral("vizScrollArea"));
    QVERIFY(gaugeScroll);
    QVERIFY(gaugeScroll->verticalScrollBar()->maximum() > 0);
    QVERIFY2(visibleInk(gaugeScroll->viewport()) > 500, "the gauge panel is blank");

    auto *bars = qobject_cast<BarGaugePanel *>(view.panelWidget(4));
    QVERIFY(bars);
    QCOMPARE(int(bars->bars().size()), 2000);
    // Too many for vertical bars: horizontal bars of at least 16 px, scrolling.
    QVERIFY(!bars->isVertical());
    QVERIFY(bars->barRect(0).height() + bars->nameRect(0).height() >= 15.9);
    auto *barScroll = bars->findChild<QScrollArea *>(QStringLiteral("vizScrollArea"));
    QVERIFY(barScroll);
    QVERIFY(barScroll->verticalScrollBar()->maximum() > 0);
    QVERIFY2(visibleInk(barScroll->viewport()) > 500, "the bar gauge panel is blank");
}

void TestManySeries::limitIsSettable()
{
    MainWindow::saveSeriesLimitSetting(PanelWidget::DefaultMaxSeries);
    // The setting (Tools › Series limit per panel…) is read back from the settings file.
    QCOMPARE(MainWindow::seriesLimitSetting(), 2000);
    MainWindow::saveSeriesLimitSetting(300);
    QCOMPARE(MainWindow::seriesLimitSetting(), 300);
    PanelWidget::setDefaultMaxSeries(MainWindow::seriesLimitSetting());
    DashboardView view(&m_registry);
    QVERIFY(showAndWait(view));
    auto *stat = qobject_cast<StatPanel *>(view.panelWidget(1));
    QVERIFY(stat);
    QCOMPARE(stat->stats().size(), 300);
    QVERIFY2(stat->bannerText().contains(QStringLiteral("Showing 300 of 20,000 series")),
             qPrintable(stat->bannerText()));
    // A limit above the count: everything is drawn and the notice goes away.
    stat->setMaxSeries(50000);
    QCOMPARE(stat->stats().size(), kSeries);
    QCOMPARE(stat->seriesLimitNotice(), QString());
    QVERIFY(!stat->bannerText().contains(QStringLiteral("series")));
    MainWindow::saveSeriesLimitSetting(PanelWidget::DefaultMaxSeries);
    PanelWidget::setDefaultMaxSeries(PanelWidget::DefaultMaxSeries);

    // --max-series on the command line; nonsense is refused.
    QCOMPARE(parseCommandLine({"pharos", "--max-series", "500", m_file}).maxSeries, 500);
    QCOMPARE(parseCommandLine({"pharos", "export", m_file, "-o", "x.png", "--max-series", "7"})
                 .maxSeries,
             7);
    const CommandLineOptions bad = parseCommandLine({"pharos", "--max-series", "0"});
    QCOMPARE(bad.mode, CommandLineOptions::Mode::Error);
    QVERIFY2(bad.message.contains(QStringLiteral("--max-series")), qPrintable(bad.message));
}

int TestManySeries::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"), args);
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestManySeries::exportDrawsStatAndNamesNotice()
{
    // The observed case: a time series and a stat over 20,000 series.
    QJsonObject doc = dashboardJson();
    doc.insert("panels",
               QJsonArray{panel(1, "stat", 0, 0, 12, 8), panel(2, "timeseries", 12, 0, 12, 8)});
    const QString file = m_dir.filePath(QStringLiteral("export.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(doc).toJson());
    f.close();
    // {setting, --max-series (0: none), the limit applied}: the option wins over the setting.
    const QList<std::array<int, 3>> cases{{2000, 0, 2000}, {300, 500, 500}, {300, 0, 300}};
    for (const auto &[setting, option, limit] : cases) {
        MainWindow::saveSeriesLimitSetting(setting);
        const QString png =
            m_dir.filePath(QStringLiteral("out-%1-%2.png").arg(setting).arg(option));
        QStringList args{QStringLiteral("export"),
                         file,
                         QStringLiteral("-o"),
                         png,
                         QStringLiteral("--datasource"),
                         m_prom.url().toString(),
                         QStringLiteral("--scrape-interval"),
                         QStringLiteral("1s"),
                         QStringLiteral("--width"),
                         QStringLiteral("1200"),
                         QStringLiteral("--from"),
                         QStringLiteral("now-2m")};
        if (option > 0)
            args << QStringLiteral("--max-series") << QString::number(option);
        QByteArray out, err;
        const int code = run(args, &out, &err);
        QVERIFY2(code == 0, err.constData());
        const QString shown = limit == 2000 ? QStringLiteral("2,000") : QString::number(limit);
        for (const char *title : {"stat", "timeseries"}) {
            const QString line =
                QStringLiteral("Note: panel “%1” (id %2): Showing %3 of 20,000 series")
                    .arg(QLatin1String(title))
                    .arg(QLatin1String(title) == QLatin1String("stat") ? 1 : 2)
                    .arg(shown);
            QVERIFY2(QString::fromUtf8(err).contains(line), err.constData());
        }
        const QImage image(png);
        QVERIFY(!image.isNull());
        // The stat's content (under its title and the notice) is not blank.
        const QRect stat = grid::toPixels(GridPos{0, 0, 12, 8}, 1200 - 2 * DashboardView::Padding)
                               .translated(DashboardView::Padding, DashboardView::Padding)
                               .adjusted(8, 60, -8, -8);
        QVERIFY2(ink(image, stat) > 1000, "the exported stat panel is blank");
        const QRect ts = grid::toPixels(GridPos{12, 0, 12, 8}, 1200 - 2 * DashboardView::Padding)
                             .translated(DashboardView::Padding, DashboardView::Padding)
                             .adjusted(8, 60, -8, -8);
        QVERIFY2(ink(image, ts) > 1000, "the exported time series panel is blank");
    }
    MainWindow::saveSeriesLimitSetting(PanelWidget::DefaultMaxSeries);
}

QTEST_MAIN(TestManySeries)
#include "test_many_series.moc"
