// Panel links: the ⋮ menu of a panel opens its web links with the dashboard's time range, and
// says so in the status bar when a link cannot be opened.
#include "countingdatasource.h"
#include "dashboardview.h"
#include "datasourceregistry.h"
#include "mainwindow.h"
#include "panelwidget.h"

#include "widgettesting.h"

#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace pharos;
using pharos::testing::linkActions;

class TestPanelLinks : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void openWeb(const QUrl &url) { m_opened << url; }

private Q_SLOTS:
    void linksOpenWithTimeRange();

private:
    QList<QUrl> m_opened;
};

static QString statusText(MainWindow &w)
{
    QStringList texts;
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}

void TestPanelLinks::linksOpenWithTimeRange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openWeb");

    const QJsonObject panel{
        {"id", 7},
        {"type", "timeseries"},
        {"title", "Linked"},
        {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up"}}}},
        {"links",
         QJsonArray{QJsonObject{{"title", "Runbook"},
                                {"url", "https://runbooks.example/api?${__url_time_range}"}},
                    QJsonObject{{"title", "Other dashboard"}, {"url", "/d/abc/other"}}}}};
    const QJsonObject d{
        {"title", "links"},
        {"time", QJsonObject{{"from", "2026-01-01T00:00:00Z"}, {"to", "2026-01-01T01:00:00Z"}}},
        {"timezone", "utc"},
        {"panels", QJsonArray{panel}}};
    const QString path = dir.filePath(QStringLiteral("links.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(d).toJson());
    f.close();

    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow w(&registry);
    QVERIFY(w.openFile(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    PanelWidget *p = w.view()->panelWidget(7);
    QVERIFY(p);
    QMenu *menu = p->menuButton()->menu();
    QVERIFY(menu);
    const QList<QAction *> links = linkActions(menu);
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.at(0)->text(), QStringLiteral("Runbook"));
    // The commands come first: view the panel alone, edit it.
    QCOMPARE(menu->actions().at(0)->text(), QStringLiteral("View"));
    QCOMPARE(menu->actions().at(1)->text(), QStringLiteral("Edit"));

    links.at(0)->trigger();
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().toString(),
             QStringLiteral("https://runbooks.example/api?from=1767225600000&to=1767229200000"));
    QVERIFY(statusText(w).contains(QStringLiteral("runbooks.example")));

    links.at(1)->trigger();
    QCOMPARE(m_opened.size(), 1);
    QVERIFY2(statusText(w).contains(QStringLiteral("cannot be opened")), qPrintable(statusText(w)));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

QTEST_MAIN(TestPanelLinks)
#include "test_panel_links.moc"
