// File › Import in the main window: inputs dialog (default data source preselected), the
// migrated dashboard shown as a new unsaved document, and the import report dialog listing
// every input panel with its types, status and notes.
#include "app/import/importdialog.h"
#include "app/import/importreportdialog.h"
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"
#include "testpaths.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace pharos;

class TestImportUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void inputsDialogDefaults();
    void importShowsMigratedDashboardAndReport();
    void importCancelledKeepsCurrent();
    void importErrorIsShown();

private:
    static QString corpus(const char *name)
    {
        return QStringLiteral(PHAROS_CORPUS_DIR "/") + QLatin1String(name);
    }
    static void addSources(DataSourceRegistry *registry)
    {
        DataSourceSettings a;
        a.uid = QStringLiteral("uid-a");
        a.name = QStringLiteral("Alpha");
        a.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        registry->add(a);
        DataSourceSettings b = a;
        b.uid = QStringLiteral("uid-b");
        b.name = QStringLiteral("Beta");
        b.isDefault = true;
        registry->add(b);
    }
    QTemporaryDir m_dir;
};

void TestImportUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
}

void TestImportUi::inputsDialogDefaults()
{
    DataSourceRegistry registry;
    addSources(&registry);
    QList<ImportInput> inputs;
    ImportInput ds;
    ds.name = QStringLiteral("DS_PROMETHEUS");
    ds.label = QStringLiteral("Prometheus");
    ds.kind = ImportInput::Kind::DataSource;
    ds.pluginId = QStringLiteral("prometheus");
    ImportInput c;
    c.name = QStringLiteral("VAR_CLUSTER");
    c.kind = ImportInput::Kind::Constant;
    c.defaultValue = QStringLiteral("prod");
    inputs << ds << c;
    ImportDialog dialog(QStringLiteral("D"), inputs, &registry);
    QComboBox *box = dialog.dataSourceBox(QStringLiteral("DS_PROMETHEUS"));
    QVERIFY(box);
    QCOMPARE(box->count(), 2);
    QCOMPARE(box->currentData().toString(), QStringLiteral("Beta")); // the default one
    QLineEdit *edit = dialog.valueEdit(QStringLiteral("VAR_CLUSTER"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("prod"));
    QHash<QString, QString> v = dialog.values();
    QCOMPARE(v.value(QStringLiteral("DS_PROMETHEUS")), QStringLiteral("Beta"));
    QCOMPARE(v.value(QStringLiteral("VAR_CLUSTER")), QStringLiteral("prod"));
    box->setCurrentIndex(box->findData(QStringLiteral("Alpha")));
    edit->setText(QStringLiteral("staging"));
    v = dialog.values();
    QCOMPARE(v.value(QStringLiteral("DS_PROMETHEUS")), QStringLiteral("Alpha"));
    QCOMPARE(v.value(QStringLiteral("VAR_CLUSTER")), QStringLiteral("staging"));
}

void TestImportUi::importShowsMigratedDashboardAndReport()
{
    DataSourceRegistry registry;
    addSources(&registry);
    MainWindow window(&registry);
    window.show();
    QList<ImportInput> asked;
    window.setImportInputsHandler([&](const QList<ImportInput> &inputs) {
        asked = inputs;
        return std::optional<QHash<QString, QString>>(
            QHash<QString, QString>{{QStringLiteral("DS_PROMETHEUS"), QStringLiteral("Alpha")}});
    });
    const QString path = corpus("ingress-nginx_nginx_sv16.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();

    QVERIFY(window.importFile(path));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().name, QStringLiteral("DS_PROMETHEUS"));
    QVERIFY(window.hasDashboard());
    QCOMPARE(window.dashboard()->schemaVersion(), 41);
    QVERIFY(window.isModified());
    QVERIFY(window.filePath().isEmpty()); // Save asks where; the import stays untouched
    const QByteArray json = QJsonDocument(window.dashboard()->toJson()).toJson();
    QVERIFY(!json.contains("${DS_PROMETHEUS}"));
    // The chosen data source is referenced by its uid.
    QVERIFY(json.contains("\"uid-a\""));
    for (const PanelModel &p : window.dashboard()->allPanels()) {
        QVERIFY2(p.type != QLatin1String("graph") && p.type != QLatin1String("singlestat"),
                 qPrintable(p.title));
        QVERIFY2(registry.resolve(p.datasource) == registry.byUid(QStringLiteral("uid-a")) ||
                     p.datasource.toObject()
                         .value(QLatin1String("uid"))
                         .toString()
                         .startsWith(QLatin1Char('$')),
                 qPrintable(p.title));
    }
    // Every panel is on screen as a widget.
    QTRY_COMPARE(window.view()->panelWidgets().size(), window.dashboard()->allPanels().size());

    // The report dialog lists all 14 input panels.
    QVERIFY(window.importReportDialog());
    QTRY_VERIFY(window.importReportDialog()->isVisible());
    QTreeWidget *tree = window.importReportDialog()->tree();
    QCOMPARE(tree->topLevelItemCount(), 14);
    QCOMPARE(window.lastImportReport().panels.size(), 14);
    int singlestats = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        if (item->text(1) == QLatin1String("singlestat")) {
            ++singlestats;
            QCOMPARE(item->text(2), QStringLiteral("stat"));
            QCOMPARE(item->text(3),
                     ImportReportDialog::statusText(ImportReportEntry::Status::Converted));
            QVERIFY(!item->text(4).isEmpty());
        }
    }
    QCOMPARE(singlestats, 5);
    QVERIFY(window.importReportDialog()->summary().contains(QLatin1String("16")));

    // The file on disk is unchanged.
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), before);
    window.setUnsavedChangesHandler([] { return QMessageBox::Discard; });
}

void TestImportUi::importCancelledKeepsCurrent()
{
    DataSourceRegistry registry;
    addSources(&registry);
    MainWindow window(&registry);
    QVERIFY(window.openFile(corpus("kube-prometheus_grafana-overview.json")));
    const QString title = window.dashboard()->title();
    window.setImportInputsHandler(
        [](const QList<ImportInput> &) { return std::optional<QHash<QString, QString>>(); });
    QVERIFY(!window.importFile(corpus("ingress-nginx_nginx_sv16.json")));
    QCOMPARE(window.dashboard()->title(), title);
    QVERIFY(!window.isModified());
}

void TestImportUi::importErrorIsShown()
{
    DataSourceRegistry registry;
    MainWindow window(&registry);
    QVERIFY(!window.importFile(QStringLiteral("/nonexistent/x.json")));
    QVERIFY(window.lastError().contains(QLatin1String("/nonexistent/x.json")));
    QVERIFY(!window.hasDashboard());
}

QTEST_MAIN(TestImportUi)
#include "test_import_ui.moc"
