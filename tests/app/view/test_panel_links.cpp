// Panel links: the ⋮ menu of a panel opens its web links with the dashboard's time range, and
// says so in the status bar when a link cannot be opened. Panel and dashboard links with any
// other scheme (javascript:, file:, data:, mailto:) reach the desktop only after the user
// confirms a question naming the URL.
#include "app/mainwindow.h"
#include "app/view/dashboardlinksbar.h"
#include "app/view/dashboardview.h"
#include "countingdatasource.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include "widgettesting.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
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
    void unsafeLinksAsk();

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
    // Links are resolved once the local-dashboard index has finished its scan (a worker).
    QTRY_VERIFY(w.localDashboards()->isReady());

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

void TestPanelLinks::unsafeLinksAsk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    const QStringList schemes{"https", "javascript", "file", "data", "mailto"};
    for (const QString &scheme : schemes)
        QDesktopServices::setUrlHandler(scheme, this, "openWeb");

    const QJsonObject panel{
        {"id", 7},
        {"type", "timeseries"},
        {"title", "Linked"},
        {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up"}}}},
        {"links", QJsonArray{QJsonObject{{"title", "JS"}, {"url", "javascript:alert(1)"}},
                             QJsonObject{{"title", "Passwords"}, {"url", "file:///etc/passwd"}},
                             QJsonObject{{"title", "Data"}, {"url", "data:text/html,<b>hi</b>"}},
                             QJsonObject{{"title", "Mail"}, {"url", "mailto:ops@example.com"}},
                             QJsonObject{{"title", "Web"}, {"url", "https://ok.example/"}}}}};
    const QJsonObject d{
        {"title", "unsafe links"},
        {"links",
         QJsonArray{QJsonObject{
             {"type", "link"}, {"title", "Dashboard JS"}, {"url", "javascript:alert(2)"}}}},
        {"panels",
         QJsonArray{
             panel,
             QJsonObject{{"id", 8},
                         {"type", "text"},
                         {"title", "Text"},
                         {"gridPos", QJsonObject{{"x", 12}, {"y", 0}, {"w", 12}, {"h", 8}}},
                         {"options", QJsonObject{{"mode", "markdown"},
                                                 {"content", "[mail](mailto:a@b.example) "
                                                             "[web](https://ok.example/t)"}}}}}}};
    const QString path = dir.filePath(QStringLiteral("unsafe.json"));
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
    // Links are resolved once the local-dashboard index has finished its scan (a worker).
    QTRY_VERIFY(w.localDashboards()->isReady());
    QList<QUrl> asked;
    bool answer = false;
    w.setUnsafeLinkHandler([&](const QUrl &url) {
        asked << url;
        return answer;
    });
    const QList<QAction *> links = linkActions(w.view()->panelWidget(7)->menuButton()->menu());
    QCOMPARE(links.size(), 5);
    m_opened.clear();

    // Declined: nothing reaches QDesktopServices::openUrl.
    for (int i = 0; i < 4; ++i)
        links.at(i)->trigger();
    QCOMPARE(asked.size(), 4);
    QCOMPARE(asked.at(0).toString(), QStringLiteral("javascript:alert(1)"));
    QCOMPARE(asked.at(1).toString(), QStringLiteral("file:///etc/passwd"));
    QCOMPARE(asked.at(2).scheme(), QStringLiteral("data"));
    QCOMPARE(asked.at(3).scheme(), QStringLiteral("mailto"));
    QCOMPARE(m_opened.size(), 0);
    QVERIFY2(statusText(w).contains(QStringLiteral("Did not open")), qPrintable(statusText(w)));
    // The dashboard's own links bar asks too.
    QList<QToolButton *> bar;
    for (QWidget *b : w.linksBar()->buttons())
        bar << qobject_cast<QToolButton *>(b);
    QCOMPARE(bar.size(), 1);
    bar.first()->click();
    QTRY_COMPARE(asked.size(), 5);
    QCOMPARE(asked.last().toString(), QStringLiteral("javascript:alert(2)"));
    QCOMPARE(m_opened.size(), 0);

    // A web link opens without asking.
    links.at(4)->trigger();
    QCOMPARE(asked.size(), 5);
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("https://ok.example/"))});

    // Confirmed: it is handed to the desktop.
    answer = true;
    links.at(0)->trigger();
    QCOMPARE(m_opened.size(), 2);
    QCOMPARE(m_opened.last().toString(), QStringLiteral("javascript:alert(1)"));

    // A text panel's links: the web one opens, mailto: asks first.
    answer = false;
    m_opened.clear();
    auto *browser =
        w.view()->panelWidget(8)->findChild<QTextBrowser *>(QStringLiteral("textPanelBrowser"));
    QVERIFY(browser);
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("https://ok.example/t")));
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("https://ok.example/t"))});
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("mailto:a@b.example")));
    QCOMPARE(asked.last().toString(), QStringLiteral("mailto:a@b.example"));
    QCOMPARE(m_opened.size(), 1);
    answer = true;
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("mailto:a@b.example")));
    QCOMPARE(m_opened.size(), 2);
    QCOMPARE(m_opened.last().scheme(), QStringLiteral("mailto"));

    // The real question names the URL; Cancel (the default) keeps it closed.
    w.setUnsafeLinkHandler({});
    m_opened.clear();
    QString question;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        question = box->text();
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
    });
    links.at(0)->trigger();
    QVERIFY2(question.contains(QStringLiteral("javascript:alert(1)")), qPrintable(question));
    QCOMPARE(m_opened.size(), 0);
    for (const QString &scheme : schemes)
        QDesktopServices::unsetUrlHandler(scheme);
}

QTEST_MAIN(TestPanelLinks)
#include "test_panel_links.moc"
