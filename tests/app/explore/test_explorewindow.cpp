// Explore against a real Prometheus, driven with QTest key and mouse events: a typed query
// draws a graph (legend entries, pixels of the series colour) and a table (the series and its
// value); a bad query shows the server's error on the panels, in the status line and at its
// position in the query; "Add to dashboard" emits a Grafana time-series panel that the main
// window appends to its dashboard (Tools › Explore).
#include "app/editor/promqleditor.h"
#include "app/explore/explorewindow.h"
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboard.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/table/tablepanel.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"
#include "tests/panels/panelfixture.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace pharos;
using pharos::test::PrometheusFixture;

class TestExploreWindow : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
    QTemporaryDir m_config; // the main window's settings go here, not to the user's

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        DataSourceSettings other;
        other.name = QStringLiteral("Closed port");
        other.uid = QStringLiteral("closed");
        other.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(PrometheusFixture::freePort()));
        m_registry.add(other);
        DataSourceSettings s;
        s.name = QStringLiteral("Local Prometheus");
        s.uid = QStringLiteral("local-prom");
        s.url = m_prom.url();
        s.isDefault = true;
        s.jsonData.insert(QStringLiteral("scrapeIntervalMs"),
                          1000); // the fixture's: the lower limit of the query step
        m_registry.add(s);
    }

    void runShowsGraphAndTable()
    {
        // A freshly started server has a few seconds of `up`: wait for a line worth
        // measuring, over a range short enough for it to be long.
        QVERIFY(m_prom.waitForSeries(QStringLiteral("count_over_time(up[1m]) >= 10"), 1, 30000));
        ExploreWindow w(&m_registry);
        w.setTimeRange(TimeRange{QStringLiteral("now-1m"), QStringLiteral("now")});
        w.setLegendFormat(QStringLiteral("{{job}}"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The default data source is chosen; both are offered.
        QCOMPARE(w.dataSourceCombo()->count(), 2);
        QCOMPARE(w.dataSourceCombo()->currentText(), QStringLiteral("Local Prometheus"));
        QSignalSpy done(&w, &ExploreWindow::queryFinished);
        QTest::keyClicks(w.editor(), QStringLiteral("up"));
        QTest::keyClick(w.editor(), Qt::Key_Escape);
        QTest::keyClick(w.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(done.wait(20000));
        QCOMPARE(w.errorText(), QString());
        QCOMPARE(w.editor()->query(), QStringLiteral("up"));

        // The graph: one series, legend from the legend format, drawn in its colour.
        TimeSeriesPanel *g = w.graph();
        QCOMPARE(g->legendEntries(), QStringList{QStringLiteral("prometheus")});
        QCOMPARE(g->series().size(), size_t(1));
        const QImage img = g->plotImage();
        const QRect plot = g->plotRect().toRect();
        const int pixels = testing::countColor(img, g->series().front().color, plot.left(),
                                               plot.right(), plot.top(), plot.bottom(), 30);
        QVERIFY2(pixels > 30, qPrintable(QString::number(pixels)));
        QVERIFY(w.statusLabel()->text().contains(QStringLiteral("1")));

        // Range: the table lists every sample of the range (time, labels, value 1).
        QCOMPARE(w.queryType(), ExploreWindow::QueryType::Range);
        QCOMPARE(w.tabs()->count(), 2);
        QVERIFY(w.tabs()->isTabVisible(0));
        w.tabs()->setCurrentIndex(1);
        QVERIFY(w.rangeTable()->isVisible());
        QAbstractItemModel *rm = w.rangeTable()->model();
        const qsizetype samples = g->data()->targets.front().result.sampleCount();
        QVERIFY2(samples >= 5, qPrintable(QString::number(samples)));
        QCOMPARE(rm->rowCount(), int(samples));
        QStringList headers;
        for (int c = 0; c < rm->columnCount(); ++c)
            headers << rm->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers.first(), QStringLiteral("Time"));
        QCOMPARE(headers.last(), QStringLiteral("Value"));
        const int jobColumn = int(headers.indexOf(QStringLiteral("job")));
        QVERIFY2(jobColumn > 0, qPrintable(headers.join(", ")));
        const Frame &frame = g->data()->targets.front().result.frames.front();
        qint64 previous = 0;
        for (int r = 0; r < rm->rowCount(); ++r) {
            QCOMPARE(rm->index(r, jobColumn).data().toString(), QStringLiteral("prometheus"));
            QCOMPARE(rm->index(r, rm->columnCount() - 1).data().toString(), QStringLiteral("1"));
            const qint64 ms = rm->index(r, 0).data(Qt::UserRole).toLongLong();
            QCOMPARE(ms, frame.timestamps[size_t(r)]); // one series: its samples in time order
            QVERIFY(ms > previous);
            previous = ms;
            QCOMPARE(rm->index(r, 0).data().toString(),
                     QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::systemTimeZone())
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        }

        // Instant: the toggle runs again; one row per series at the end of the range, and no
        // graph.
        QTest::mouseClick(w.instantButton(), Qt::LeftButton);
        QCOMPARE(w.queryType(), ExploreWindow::QueryType::Instant);
        QVERIFY(done.wait(20000));
        QCOMPARE(w.errorText(), QString());
        QVERIFY(!w.tabs()->isTabVisible(0));
        QVERIFY(w.table()->isVisible());
        QVERIFY(w.table()->data());
        QVERIFY(w.table()->data()->targets.front().instant);
        QAbstractItemModel *m = w.table()->view()->model();
        QCOMPARE(m->rowCount(), 1);
        QStringList cells;
        for (int c = 0; c < m->columnCount(); ++c)
            cells << m->index(0, c).data().toString();
        QVERIFY2(cells.contains(QStringLiteral("prometheus")), qPrintable(cells.join(", ")));
        QVERIFY2(cells.contains(QStringLiteral("1")), qPrintable(cells.join(", ")));
        QVERIFY(w.statusLabel()->text().contains(QStringLiteral("1")));
        // Back to Range: the graph again.
        QTest::mouseClick(w.rangeButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY(w.tabs()->isTabVisible(0));
        QCOMPARE(g->series().size(), size_t(1));
    }

    void badQueryShowsErrorAtPosition()
    {
        ExploreWindow w(&m_registry);
        w.setTimeRange(TimeRange{QStringLiteral("now-5m"), QStringLiteral("now")});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy done(&w, &ExploreWindow::queryFinished);
        const QString bad = QStringLiteral("sum(rate(up[1m])) + * 2");
        w.setQuery(bad);
        QTest::mouseClick(w.runButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY2(w.errorText().contains(QStringLiteral("parse error")), qPrintable(w.errorText()));
        QCOMPARE(w.statusLabel()->text(), w.errorText());
        QVERIFY(w.graph()->hasError());
        QVERIFY2(w.graph()->statusText().contains(QStringLiteral("parse error")),
                 qPrintable(w.graph()->statusText()));
        QCOMPARE(w.editor()->errorOffset(), int(bad.indexOf(u'*')));
        // The same in Instant: on the table.
        w.setQueryType(ExploreWindow::QueryType::Instant);
        QVERIFY(done.wait(20000));
        QVERIFY(w.table()->hasError());
        QVERIFY2(w.table()->statusText().contains(QStringLiteral("parse error")),
                 qPrintable(w.table()->statusText()));
        QCOMPARE(w.editor()->errorOffset(), int(bad.indexOf(u'*')));
        w.setQueryType(ExploreWindow::QueryType::Range);
        QVERIFY(done.wait(20000));

        // Leading blank lines and a macro before the error: still marked where it is typed.
        const QString withMacro = QStringLiteral("\n  sum(rate(up[$__rate_interval])) + * 2");
        w.setQuery(withMacro);
        QTest::mouseClick(w.runButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY2(w.errorText().contains(QStringLiteral("parse error")), qPrintable(w.errorText()));
        QCOMPARE(w.editor()->errorOffset(), int(withMacro.indexOf(u'*')));
        // An error inside what a macro became points at the macro.
        const QString inMacro = QStringLiteral("rate(up[$__rate_interval:$__rate_interval:])");
        w.setQuery(inMacro);
        QTest::mouseClick(w.runButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY2(w.errorText().contains(QStringLiteral("parse error")), qPrintable(w.errorText()));
        QVERIFY2(w.editor()->errorOffset() >= int(inMacro.indexOf(u'$')) &&
                     w.editor()->errorOffset() < int(inMacro.indexOf(u')')),
                 qPrintable(QString::number(w.editor()->errorOffset())));

        // Another data source: its failure is shown too.
        QVERIFY(w.setDataSource(QStringLiteral("Closed port")));
        w.setQuery(QStringLiteral("up"));
        QTest::mouseClick(w.runButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QVERIFY2(w.errorText().contains(QStringLiteral("refused")), qPrintable(w.errorText()));
        QCOMPARE(w.editor()->errorOffset(), -1);
    }

    void addToDashboard()
    {
        ExploreWindow w(&m_registry);
        w.show();
        QSignalSpy add(&w, &ExploreWindow::addToDashboardRequested);
        QVERIFY(!w.addButton()->isEnabled());
        QTest::keyClicks(w.editor(), QStringLiteral("rate(prometheus_http_requests_total[1m])"));
        QTest::keyClick(w.editor(), Qt::Key_Escape);
        w.setLegendFormat(QStringLiteral("{{handler}}"));
        QVERIFY(w.addButton()->isEnabled());
        QTest::mouseClick(w.addButton(), Qt::LeftButton);
        QCOMPARE(add.count(), 1);
        const QJsonObject panel = add.first().at(0).toJsonObject();
        QCOMPARE(panel.value(QLatin1String("type")).toString(), QStringLiteral("timeseries"));
        const QJsonObject target =
            panel.value(QLatin1String("targets")).toArray().first().toObject();
        QCOMPARE(target.value(QLatin1String("refId")).toString(), QStringLiteral("A"));
        QCOMPARE(target.value(QLatin1String("expr")).toString(),
                 QStringLiteral("rate(prometheus_http_requests_total[1m])"));
        QCOMPARE(target.value(QLatin1String("legendFormat")).toString(),
                 QStringLiteral("{{handler}}"));
        QCOMPARE(panel.value(QLatin1String("datasource")).toObject().value(QLatin1String("uid")),
                 QJsonValue(QStringLiteral("local-prom")));

        // Appended under the existing panels with a new id; the model reads it back.
        const QJsonObject existing{
            {QStringLiteral("schemaVersion"), 39},
            {QStringLiteral("panels"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("id"), 4},
                             {QStringLiteral("type"), QStringLiteral("stat")},
                             {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                                     {QStringLiteral("y"), 2},
                                                                     {QStringLiteral("w"), 6},
                                                                     {QStringLiteral("h"), 5}}}}}}};
        const auto d = Dashboard::fromObject(ExploreWindow::appendPanel(existing, panel));
        QVERIFY(d);
        QCOMPARE(d->panels().size(), 2);
        const PanelModel &p = d->panels().at(1);
        QCOMPARE(p.id, 5);
        QCOMPARE(p.gridPos.y, 7);
        QCOMPARE(p.type, QStringLiteral("timeseries"));
        QCOMPARE(p.targets.size(), 1);
        QCOMPARE(p.targets.first().expr,
                 QStringLiteral("rate(prometheus_http_requests_total[1m])"));
        QVERIFY(p.targets.first().range);
        QVERIFY(!p.targets.first().instant);

        // Instant: a table panel with an instant, table-format target.
        QTest::mouseClick(w.instantButton(), Qt::LeftButton);
        QTest::mouseClick(w.addButton(), Qt::LeftButton);
        QCOMPARE(add.count(), 2);
        const QJsonObject table = add.at(1).at(0).toJsonObject();
        QCOMPARE(table.value(QLatin1String("type")).toString(), QStringLiteral("table"));
        const QJsonObject it = table.value(QLatin1String("targets")).toArray().first().toObject();
        QCOMPARE(it.value(QLatin1String("instant")), QJsonValue(true));
        QCOMPARE(it.value(QLatin1String("range")), QJsonValue(false));
        QCOMPARE(it.value(QLatin1String("format")).toString(), QStringLiteral("table"));
        QCOMPARE(it.value(QLatin1String("expr")).toString(),
                 QStringLiteral("rate(prometheus_http_requests_total[1m])"));
        QCOMPARE(it.value(QLatin1String("datasource")).toObject().value(QLatin1String("uid")),
                 QJsonValue(QStringLiteral("local-prom")));
        const auto d2 = Dashboard::fromObject(ExploreWindow::appendPanel(existing, table));
        QVERIFY(d2);
        const PanelModel &tp = d2->panels().at(1);
        QCOMPARE(tp.type, QStringLiteral("table"));
        QVERIFY(tp.targets.first().instant);
        QVERIFY(!tp.targets.first().range);
        QCOMPARE(tp.targets.first().format, QStringLiteral("table"));
    }

    void mainWindowOpensExploreAndAddsPanels()
    {
        MainWindow mw(&m_registry);
        mw.show();
        QVERIFY(mw.exploreAction());
        QCOMPARE(mw.exploreAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        mw.exploreAction()->trigger();
        ExploreWindow *w = mw.exploreWindow();
        QVERIFY(w);
        QVERIFY(w->isVisible());
        QCOMPARE(w->timeRange(), mw.timeRangePicker()->timeRange());
        w->setQuery(QStringLiteral("up"));
        QTest::mouseClick(w->addButton(), Qt::LeftButton);
        QVERIFY(mw.dashboard());
        QVERIFY(mw.isModified());
        QCOMPARE(mw.dashboard()->panels().size(), 1);
        QCOMPARE(mw.dashboard()->panels().first().targets.first().expr, QStringLiteral("up"));
        QTest::mouseClick(w->addButton(), Qt::LeftButton);
        QCOMPARE(mw.dashboard()->panels().size(), 2);
        QCOMPARE(mw.dashboard()->panels().at(1).id, 2);
        QCOMPARE(mw.dashboard()->panels().at(1).gridPos.y, 8);
        // The view shows the new panels.
        QVERIFY(mw.view()->panelWidget(2));
        // An instant query becomes a table panel showing the instant result: one row, up = 1.
        w->setQueryType(ExploreWindow::QueryType::Instant);
        QTest::mouseClick(w->addButton(), Qt::LeftButton);
        QCOMPARE(mw.dashboard()->panels().size(), 3);
        const PanelModel &added = mw.dashboard()->panels().at(2);
        QCOMPARE(added.type, QStringLiteral("table"));
        QVERIFY(added.targets.first().instant);
        auto *table = qobject_cast<TablePanel *>(mw.view()->panelWidget(added.id));
        QVERIFY(table);
        QVERIFY(PrometheusFixture::waitFor([&] { return table->view()->model()->rowCount() == 1; },
                                           20000));
        QVERIFY(table->data()->targets.front().instant);
        QStringList cells;
        for (int c = 0; c < table->view()->model()->columnCount(); ++c)
            cells << table->view()->model()->index(0, c).data().toString();
        QVERIFY2(cells.contains(QStringLiteral("prometheus")), qPrintable(cells.join(", ")));
    }
};

QTEST_MAIN(TestExploreWindow)
#include "test_explorewindow.moc"
