// The main window's file handling (load errors, modified mark, save, unsaved-changes question,
// recent files under XDG_CONFIG_HOME), the pickers, the data-source dialog's Save & Test
// against a real Prometheus and a closed port, and the no-data-source message.
#include "app/datasources/datasourcedialog.h"
#include "app/datasources/datasourcemanager.h"
#include "app/datasources/prometheussettingspage.h"
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "app/view/refreshpicker.h"
#include "app/view/timerangepicker.h"
#include "countingdatasource.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "prometheusfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace pharos;

class TestAppWindows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadErrorsKeepTheAppRunning();
    void largeDashboardOpensOffTheUiThread();
    void newestOpenWins();
    void modifiedSaveAndClose();
    void recentFiles();
    void timeRangePicker();
    void refreshPicker();
    void noDataSourceConfigured();
    void dataSourceDialogSaveAndTest();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QString bundledCopy(const QString &name);
    QString largeDashboard(const QString &name, int panels);
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
};

void TestAppWindows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

QString TestAppWindows::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

QString TestAppWindows::bundledCopy(const QString &name)
{
    QFile f(QStringLiteral(":/dashboards/go-service-golden-signals.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("bundled dashboard missing");
    return writeFile(name, f.readAll());
}

void TestAppWindows::loadErrorsKeepTheAppRunning()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow window(&registry);
    window.show();
    const QString good = bundledCopy(QStringLiteral("good.json"));
    QVERIFY(window.openFile(good));

    QSignalSpy errors(&window, &MainWindow::errorShown);
    const QString broken =
        writeFile(QStringLiteral("broken.json"), "{\"title\": \"x\", \"panels\": [");
    QVERIFY(!window.openFile(broken));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(window.lastError().contains(QStringLiteral("broken.json")),
             qPrintable(window.lastError()));
    QCOMPARE(window.filePath(), good); // the shown dashboard stays
    QCOMPARE(window.view()->panelWidgets().size(), 14);

    const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
    QVERIFY(!window.openFile(missing));
    QVERIFY2(window.lastError().contains(QStringLiteral("missing.json")),
             qPrintable(window.lastError()));
    QVERIFY(window.isVisible());
    registry.setOverride(nullptr);
}

// A schema 27 dashboard of `panels` graph panels (each migrated to timeseries on open).
QString TestAppWindows::largeDashboard(const QString &name, int panels)
{
    QJsonArray list;
    for (int i = 0; i < panels; ++i) {
        list.append(QJsonObject{
            {QStringLiteral("id"), i + 1},
            {QStringLiteral("type"), QStringLiteral("graph")},
            {QStringLiteral("title"), QStringLiteral("Panel %1").arg(i + 1)},
            {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), (i % 4) * 6},
                                                    {QStringLiteral("y"), (i / 4) * 4},
                                                    {QStringLiteral("w"), 6},
                                                    {QStringLiteral("h"), 4}}},
            {QStringLiteral("yaxes"),
             QJsonArray{QJsonObject{{QStringLiteral("format"), QStringLiteral("bytes")}},
                        QJsonObject{{QStringLiteral("format"), QStringLiteral("short")}}}},
            {QStringLiteral("targets"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("refId"), QStringLiteral("A")},
                 {QStringLiteral("expr"), QStringLiteral("up{instance=\"i%1\"}").arg(i)}}}}});
    }
    const QJsonObject dashboard{{QStringLiteral("title"), QStringLiteral("Large %1").arg(name)},
                                {QStringLiteral("schemaVersion"), 27},
                                {QStringLiteral("panels"), list}};
    return writeFile(name, QJsonDocument(dashboard).toJson());
}

static QString statusText(const MainWindow &window)
{
    auto *label = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    return label ? label->text() : QStringLiteral("<no status label>");
}

// Opening returns to the event loop at once: the file is read, parsed and migrated on a
// worker thread while the old dashboard stays and the status bar says what is opening; then
// the new dashboard is shown.
void TestAppWindows::largeDashboardOpensOffTheUiThread()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow window(&registry);
    window.show();
    const QString small = bundledCopy(QStringLiteral("small.json"));
    QVERIFY(window.openFile(small));
    const QString title = window.dashboard()->title();
    const QString large = largeDashboard(QStringLiteral("large.json"), 2000);

    QSignalSpy finished(&window, &MainWindow::loadFinished);
    const quint64 id = window.startOpenFile(large);
    QVERIFY(id != 0);
    // Back from the call, nothing of the large file is shown yet.
    QVERIFY(window.isLoading());
    QCOMPARE(window.filePath(), small);
    QCOMPARE(window.dashboard()->title(), title);
    QCOMPARE(window.view()->panelWidgets().size(), 14);
    QVERIFY2(statusText(window).contains(QLatin1String("large.json")),
             qPrintable(statusText(window)));
    QCOMPARE(finished.size(), 0);

    // The event loop runs: the load finishes and the dashboard appears.
    QVERIFY(finished.wait(300000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<quint64>(), id);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(!window.isLoading());
    QCOMPARE(window.filePath(), large);
    QCOMPARE(window.dashboard()->title(), QStringLiteral("Large large.json"));
    QCOMPARE(window.dashboard()->allPanels().size(), 2000);
    QCOMPARE(window.dashboard()->allPanels().last().type, QStringLiteral("timeseries"));
    QCOMPARE(window.view()->panelWidgets().size(), 2000);
    QVERIFY(!statusText(window).contains(QLatin1String("large.json")));
    registry.setOverride(nullptr);
}

// Opening a second file while the first is still loading: the newest wins, whichever
// finishes first; the superseded load ends without showing anything.
void TestAppWindows::newestOpenWins()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow window(&registry);
    window.show();
    const QString large = largeDashboard(QStringLiteral("superseded.json"), 2000);
    const QString small = bundledCopy(QStringLiteral("newest.json"));

    QSignalSpy finished(&window, &MainWindow::loadFinished);
    const quint64 first = window.startOpenFile(large);
    const quint64 second = window.startOpenFile(small);
    QVERIFY(first != 0 && second != 0 && first != second);
    QVERIFY(!window.hasDashboard());
    while (finished.size() < 2)
        QVERIFY(finished.wait(300000));
    QHash<quint64, bool> shown;
    for (const QList<QVariant> &args : finished)
        shown.insert(args.at(0).value<quint64>(), args.at(1).toBool());
    QCOMPARE(shown.value(first, true), false);
    QCOMPARE(shown.value(second, false), true);
    QCOMPARE(window.filePath(), small);
    QCOMPARE(window.view()->panelWidgets().size(), 14);
    QVERIFY(window.dashboard()->title() != QStringLiteral("Large superseded.json"));
    // No error for the superseded file, and it is not in the recent list.
    QVERIFY(window.lastError().isEmpty());
    QVERIFY(!window.recentFiles().contains(QFileInfo(large).absoluteFilePath()));
    registry.setOverride(nullptr);
}

void TestAppWindows::modifiedSaveAndClose()
{
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    const QString path = bundledCopy(QStringLiteral("edit.json"));
    MainWindow window(&registry);
    window.show();
    QVERIFY(window.openFile(path));
    QVERIFY(!window.isModified());
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("Go service")));
    QCOMPARE(window.timeRangePicker()->timeRange().from, QStringLiteral("now-15m"));
    QCOMPARE(window.refreshPicker()->interval(), QStringLiteral("10s"));
    QCOMPARE(window.view()->scheduler()->refreshInterval(), QStringLiteral("10s"));

    // Change the range and refresh, then make them the default: the document is modified.
    window.timeRangePicker()->fromEdit()->setText(QStringLiteral("now-1d/d"));
    window.timeRangePicker()->toEdit()->setText(QStringLiteral("now/d"));
    QVERIFY(window.timeRangePicker()->apply());
    QCOMPARE(window.view()->scheduler()->timeRange().from, QStringLiteral("now-1d/d"));
    window.refreshPicker()->comboBox()->setCurrentIndex(
        window.refreshPicker()->comboBox()->findData(QStringLiteral("1m")));
    QCOMPARE(window.view()->scheduler()->refreshInterval(), QStringLiteral("1m"));
    QVERIFY(!window.isModified());
    window.saveTimeAndRefreshAsDefault();
    QVERIFY(window.isModified());
    QVERIFY(window.isWindowModified());

    // Closing asks; Cancel keeps the window open.
    int asked = 0;
    window.setUnsavedChangesHandler([&asked] {
        ++asked;
        return QMessageBox::Cancel;
    });
    QVERIFY(!window.close());
    QCOMPARE(asked, 1);
    QVERIFY(window.isVisible());
    // Opening another file asks too.
    QVERIFY(!window.openFile(path));
    QCOMPARE(asked, 2);

    QVERIFY(window.save());
    QVERIFY(!window.isModified());
    const auto saved = loadDashboardFile(path);
    QVERIFY(saved);
    QCOMPARE(saved->timeFrom(), QStringLiteral("now-1d/d"));
    QCOMPARE(saved->timeTo(), QStringLiteral("now/d"));
    QCOMPARE(saved->refresh(), QStringLiteral("1m"));
    QCOMPARE(saved->allPanels().size(), 14);

    // Save As writes the new file and takes its name.
    const QString other = m_dir.filePath(QStringLiteral("edit-copy.json"));
    QVERIFY(window.saveAs(other));
    QCOMPARE(window.filePath(), other);
    QVERIFY(QFile::exists(other));

    // (Saving the same defaults again changes nothing: pick another refresh first.)
    window.refreshPicker()->comboBox()->setCurrentIndex(
        window.refreshPicker()->comboBox()->findData(QStringLiteral("5m")));
    window.saveTimeAndRefreshAsDefault();
    QVERIFY(window.isModified());
    window.setUnsavedChangesHandler([&asked] {
        ++asked;
        return QMessageBox::Discard;
    });
    QVERIFY(window.close());
    QCOMPARE(asked, 3);
    registry.setOverride(nullptr);
}

void TestAppWindows::recentFiles()
{
    QFile::remove(MainWindow::settingsPath());
    DataSourceRegistry registry;
    test::CountingDataSource source;
    registry.setOverride(&source);
    MainWindow window(&registry);
    QStringList opened;
    for (int i = 0; i < 12; ++i) {
        const QString path = bundledCopy(QStringLiteral("recent-%1.json").arg(i));
        QVERIFY(window.openFile(path));
        opened.prepend(QFileInfo(path).absoluteFilePath());
    }
    QCOMPARE(window.recentFiles(), opened.mid(0, 10));
    QVERIFY(MainWindow::settingsPath().startsWith(m_dir.filePath(QStringLiteral("config"))));
    QVERIFY(QFile::exists(MainWindow::settingsPath()));
    // Re-opening moves a file to the front without duplicating it.
    QVERIFY(window.openFile(opened.at(5)));
    QCOMPARE(window.recentFiles().first(), opened.at(5));
    QCOMPARE(window.recentFiles().count(opened.at(5)), 1);
    registry.setOverride(nullptr);
}

void TestAppWindows::timeRangePicker()
{
    TimeRangePicker picker;
    QSignalSpy changed(&picker, &TimeRangePicker::timeRangeChanged);
    QVERIFY(picker.quickList()->count() >= 6);
    QCOMPARE(picker.quickList()->item(0)->text(), quickRanges().first().displayText());

    picker.fromEdit()->setText(QStringLiteral("now-6x"));
    picker.toEdit()->setText(QStringLiteral("now"));
    QVERIFY(!picker.apply());
    QVERIFY2(picker.errorText().startsWith(QStringLiteral("From:")),
             qPrintable(picker.errorText()));
    QCOMPARE(changed.size(), 0);

    picker.fromEdit()->setText(QStringLiteral("now"));
    picker.toEdit()->setText(QStringLiteral("now-1h"));
    QVERIFY(!picker.apply()); // from after to
    QVERIFY(!picker.errorText().isEmpty());

    picker.fromEdit()->setText(QStringLiteral("2024-01-31 08:00:00"));
    picker.toEdit()->setText(QStringLiteral("2024-01-31 12:00:00"));
    QVERIFY2(picker.apply(), qPrintable(picker.errorText()));
    QCOMPARE(changed.size(), 1);
    // Read in the picker's zone (local by default), kept as ISO UTC, shown as typed.
    QCOMPARE(picker.timeRange().from,
             QDateTime(QDate(2024, 1, 31), QTime(8, 0), QTimeZone::systemTimeZone())
                 .toUTC()
                 .toString(Qt::ISODateWithMs));
    QCOMPARE(picker.fromEdit()->text(), QStringLiteral("2024-01-31 08:00:00"));

    picker.fromEdit()->setText(QStringLiteral("now/d"));
    picker.toEdit()->setText(QStringLiteral("now/d"));
    QVERIFY2(picker.apply(), qPrintable(picker.errorText()));
    QCOMPARE(picker.text(), picker.timeRange().displayText());

    // A quick range applies at once.
    QListWidgetItem *item = picker.quickList()->item(2);
    QTest::mouseClick(picker.quickList()->viewport(), Qt::LeftButton, {},
                      picker.quickList()->visualItemRect(item).center());
    QCOMPARE(picker.timeRange(), quickRanges().at(2));
}

void TestAppWindows::refreshPicker()
{
    RefreshPicker picker;
    QStringList shown;
    for (int i = 0; i < picker.comboBox()->count(); ++i)
        shown << picker.comboBox()->itemData(i).toString();
    QCOMPARE(shown, (QStringList{"", "5s", "10s", "30s", "1m", "5m", "15m", "1h"}));
    QSignalSpy changed(&picker, &RefreshPicker::intervalChanged);
    QSignalSpy now(&picker, &RefreshPicker::refreshRequested);
    picker.setInterval(QStringLiteral("30s"));
    QCOMPARE(picker.interval(), QStringLiteral("30s"));
    QCOMPARE(changed.size(), 0);
    picker.comboBox()->setCurrentIndex(0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(picker.interval(), QString());
    picker.setInterval(QStringLiteral("2m")); // a file's own value is kept
    QCOMPARE(picker.interval(), QStringLiteral("2m"));
    QTest::mouseClick(picker.refreshButton(), Qt::LeftButton);
    QCOMPARE(now.size(), 1);
}

void TestAppWindows::noDataSourceConfigured()
{
    DataSourceRegistry registry; // nothing configured, no --datasource
    MainWindow window(&registry);
    window.resize(1600, 2000);
    window.show();
    QVERIFY(window.openFile(bundledCopy(QStringLiteral("nods.json"))));
    QTRY_VERIFY(window.view()->scheduler()->isIdle());
    for (PanelWidget *p : window.view()->panelWidgets()) {
        QVERIFY(p->hasError());
        QVERIFY2(p->statusText().contains(QStringLiteral("No data source is configured")),
                 qPrintable(p->statusText()));
    }
}

void TestAppWindows::dataSourceDialogSaveAndTest()
{
    QFile::remove(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
    DataSourceRegistry registry;
    CredentialStore credentials;
    DataSourceManager manager(&registry, &credentials);
    manager.setConfirmHandler([](const QString &) { return true; });
    manager.show();
    QCOMPARE(manager.table()->topLevelItemCount(), 0);

    DataSourceDialog *dialog = manager.addDataSource();
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &DataSourceDialog::testFinished);
    dialog->nameEdit()->setText(QStringLiteral("local"));
    dialog->urlEdit()->setText(m_prom.url().toString());
    dialog->timeoutEdit()->setValue(5);
    qobject_cast<PrometheusSettingsPage *>(dialog->typePage())
        ->scrapeIntervalEdit()
        ->setText(QStringLiteral("1s"));
    dialog->defaultCheck()->setChecked(true);
    QVERIFY(dialog->saveAndTest());
    QVERIFY(dialog->isTesting()); // the UI is not blocked while testing
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog->resultText()));
    const QString version = m_prom.queryJson(QStringLiteral("/api/v1/status/buildinfo"))
                                .value("data")
                                .toObject()
                                .value("version")
                                .toString();
    QVERIFY(!version.isEmpty());
    QVERIFY2(dialog->resultText().contains(version), qPrintable(dialog->resultText()));

    // Persisted (under XDG_CONFIG_HOME), in the registry and in the manager's list.
    QList<DataSourceSettings> stored = DataSourceStore::load();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().name, QStringLiteral("local"));
    QCOMPARE(stored.first().http.timeoutMs, 5000);
    QCOMPARE(PrometheusOptions::of(stored.first()).scrapeIntervalMs, 1000);
    QVERIFY(stored.first().isDefault);
    QVERIFY(registry.byName(QStringLiteral("local")));
    QCOMPARE(registry.defaultSource(), registry.byName(QStringLiteral("local")));
    QCOMPARE(manager.table()->topLevelItemCount(), 1);

    // A second one at a closed port: the failure is shown exactly.
    dialog = manager.addDataSource();
    QSignalSpy finished2(dialog, &DataSourceDialog::testFinished);
    dialog->nameEdit()->setText(QStringLiteral("down"));
    dialog->urlEdit()->setText(
        QStringLiteral("http://127.0.0.1:%1").arg(test::PrometheusFixture::freePort()));
    QVERIFY(dialog->saveAndTest());
    QVERIFY(finished2.wait(30000));
    QVERIFY(!finished2.last().at(0).toBool());
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Connection refused")),
             qPrintable(dialog->resultText()));
    QCOMPARE(DataSourceStore::load().size(), 2);

    // Invalid input is refused with the reason, nothing stored.
    dialog->urlEdit()->setText(QStringLiteral("not a url at all ::"));
    dialog->nameEdit()->setText(QStringLiteral("local"));
    QVERIFY(!dialog->saveAndTest());
    QVERIFY(dialog->resultText().contains(QStringLiteral("already called")));
    QVERIFY(dialog->resultText().contains(QStringLiteral("URL")));
    QCOMPARE(DataSourceStore::load().at(1).name, QStringLiteral("down"));

    manager.reload();
    QCOMPARE(manager.table()->topLevelItemCount(), 2);
    manager.setCurrentRow(manager.rowOf(QStringLiteral("down")));
    QVERIFY(manager.removeCurrent());
    QCOMPARE(DataSourceStore::load().size(), 1);
    QVERIFY(!registry.byName(QStringLiteral("down")));
    QCOMPARE(manager.table()->topLevelItemCount(), 1);
}

QTEST_MAIN(TestAppWindows)
#include "test_app_windows.moc"
