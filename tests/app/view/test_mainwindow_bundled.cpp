// The main window opens the bundled "Go service — golden signals" dashboard against a real
// Prometheus and every panel draws real data: series pixels and legends, stats with units,
// table rows with handler names, no errors.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/stat/statpanel.h"
#include "panels/table/tablepanel.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"

#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestMainWindowBundled : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPanelDrawsData();

private:
    QTemporaryDir m_config;
    test::PrometheusFixture m_prom;
};

void TestMainWindowBundled::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

static int countColour(const QImage &image, const QRect &area, const QColor &colour)
{
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= 40 &&
                std::abs(c.green() - colour.green()) <= 40 &&
                std::abs(c.blue() - colour.blue()) <= 40)
                ++n;
        }
    }
    return n;
}

void TestMainWindowBundled::everyPanelDrawsData()
{
    DataSourceRegistry registry;
    DataSourceSettings settings;
    settings.name = QStringLiteral("fixture");
    settings.url = m_prom.url();
    settings.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    registry.setOverride(registry.add(settings));

    MainWindow window(&registry);
    window.resize(1600, 2000);
    window.setStartupOverrides(QStringLiteral("now-1m"), QStringLiteral("now"),
                               QStringLiteral("2s"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openFile(QStringLiteral(":/dashboards/go-service-golden-signals.json")),
             qPrintable(window.lastError()));
    QCOMPARE(window.dashboard()->title(), QStringLiteral("Go service — golden signals"));
    QVERIFY(window.windowTitle().contains(window.dashboard()->title()));

    const QList<PanelWidget *> panels = window.view()->panelWidgets();
    QCOMPARE(panels.size(), 14);
    for (PanelWidget *p : panels)
        QVERIFY2(window.view()->isPanelInView(p->panelId()), qPrintable(p->model().title));
    // A freshly started Prometheus needs a few scrapes before every rate() has two samples:
    // the dashboard refreshes every 2 s until every panel shows data.
    // Counters such as prometheus_http_requests_total{code="200"} only appear once the
    // server has answered requests, so a graph's first series needs a few refreshes before
    // it has a line (not a single point) to draw.
    auto hasLine = [](PanelWidget *p) {
        auto *ts = qobject_cast<TimeSeriesPanel *>(p);
        if (!ts)
            return true;
        if (ts->series().empty())
            return false;
        const auto &values = ts->series().front().frame->values;
        return std::count_if(values.cbegin(), values.cend(),
                             [](double v) { return std::isfinite(v); }) >= 3;
    };
    auto allDrawn = [&panels, &hasLine] {
        return std::all_of(panels.cbegin(), panels.cend(), [&hasLine](PanelWidget *p) {
            return p->data() != nullptr && p->statusText().isEmpty() && hasLine(p);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDrawn(), 60000);
    QueryScheduler *scheduler = window.view()->scheduler();
    scheduler->setRefreshInterval(QString());
    QTRY_VERIFY_WITH_TIMEOUT(scheduler->isIdle(), 30000);
    QTest::qWait(50);

    int timeseries = 0, stats = 0, tables = 0;
    for (PanelWidget *p : panels) {
        const QString title = p->model().title;
        QVERIFY2(!p->hasError(), qPrintable(title + ": " + p->statusText()));
        QVERIFY2(p->statusText().isEmpty(), qPrintable(title + ": " + p->statusText()));
        if (auto *ts = qobject_cast<TimeSeriesPanel *>(p)) {
            ++timeseries;
            QVERIFY2(!ts->series().empty(), qPrintable(title));
            const QImage image = ts->plotImage();
            QVERIFY2(!image.isNull(), qPrintable(title));
            const QRect plot = ts->plotRect().toAlignedRect();
            const qreal dpr = image.devicePixelRatio();
            const QRect plotPx(QPoint(int(plot.left() * dpr), int(plot.top() * dpr)),
                               QPoint(int(plot.right() * dpr), int(plot.bottom() * dpr)));
            // The first series' colour is drawn in the plot area (the lines; a flat zero line
            // sits on the bottom edge, hence the margin).
            const QColor colour = ts->series().front().color;
            QVERIFY2(countColour(image, plotPx.adjusted(-3, -3, 3, 3), colour) > 20,
                     qPrintable(title + " has no pixels of " + colour.name()));
            const QStringList legend = ts->legendEntries();
            QCOMPARE(legend.size(), int(ts->series().size()));
            for (const QString &entry : legend)
                QVERIFY2(!entry.trimmed().isEmpty(), qPrintable(title));
            if (p->panelId() == 7)
                QVERIFY2(legend.contains(QStringLiteral("200")), qPrintable(legend.join('|')));
            if (p->panelId() == 9)
                QCOMPARE(legend, (QStringList{"p50", "p95", "p99"}));
            if (p->panelId() == 8)
                QCOMPARE(legend, QStringList{"5xx ratio"});
        } else if (auto *stat = qobject_cast<StatPanel *>(p)) {
            ++stats;
            const QStringList texts = stat->statTexts();
            QVERIFY2(!texts.isEmpty(), qPrintable(title));
            static const QHash<int, QString> units{{1, "req/s"}, {2, "%"}, {3, "s"},
                                                   {4, "%"},     {5, "B"}, {6, ""}};
            const QString text = texts.first();
            QVERIFY2(
                QRegularExpression(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?")).match(text).hasMatch(),
                qPrintable(title + ": " + text));
            QVERIFY2(text.endsWith(units.value(p->panelId())), qPrintable(title + ": " + text));
            if (p->panelId() == 6) // goroutines: a plain count
                QVERIFY2(text.toDouble() >= 1, qPrintable(text));
        } else if (auto *table = qobject_cast<TablePanel *>(p)) {
            ++tables;
            QAbstractItemModel *model = table->proxyModel();
            QVERIFY2(model->rowCount() > 0, qPrintable(title));
            int handlerColumn = -1;
            for (int c = 0; c < model->columnCount(); ++c) {
                if (model->headerData(c, Qt::Horizontal).toString() == QLatin1String("handler"))
                    handlerColumn = c;
            }
            QVERIFY(handlerColumn >= 0);
            QStringList handlers;
            for (int r = 0; r < model->rowCount(); ++r)
                handlers << model->index(r, handlerColumn).data().toString();
            QVERIFY2(std::all_of(handlers.cbegin(), handlers.cend(),
                                 [](const QString &h) { return h.startsWith('/'); }),
                     qPrintable(handlers.join(',')));
            const QString value = model->index(0, model->columnCount() - 1).data().toString();
            QVERIFY2(value.endsWith(QStringLiteral("req/s")), qPrintable(value));
        }
    }
    QCOMPARE(timeseries, 7);
    QCOMPARE(stats, 6);
    QCOMPARE(tables, 1);
    registry.setOverride(nullptr);
}

QTEST_MAIN(TestMainWindowBundled)
#include "test_mainwindow_bundled.moc"
