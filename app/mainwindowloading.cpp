// MainWindow's loading: opening and importing dashboard files on worker threads, one load
// at a time (the newest wins), and showing the loaded dashboard.
#include "app/mainwindow.h"

#include "app/backgroundjob.h"
#include "app/cli/commandline.h"
#include "app/cli/importcommand.h"
#include "app/datasources/datasourcemanager.h"
#include "app/editor/dashboardeditor.h"
#include "app/editor/paneleditor.h"
#include "app/editor/recovery.h"
#include "app/explore/explorewindow.h"
#include "app/import/importdialog.h"
#include "app/import/importreportdialog.h"
#include "app/installeddata.h"
#include "app/settings/dashboardsettings.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardlinksbar.h"
#include "app/view/dashboardview.h"
#include "app/view/refreshpicker.h"
#include "app/view/timerangepicker.h"
#include "app/view/variablesbar.h"
#include "dashboards/grafana/importer.h"
#include "dashboards/layout/repeat.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/query/queryscheduler.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/variables.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "panels/panelwidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace pharos {

void MainWindow::open()
{
    const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open dashboard"), dir, tr("Grafana dashboards (*.json);;All files (*)"));
    if (!path.isEmpty())
        startOpenFile(path);
}

namespace {
struct OpenOutcome
{
    std::optional<Dashboard> dashboard;
    QString error;
};
struct ReadOutcome
{
    std::optional<ImportSource> source;
    QString error;
};
struct ImportOutcome
{
    std::optional<ImportResult> result;
    QString error;
};
} // namespace

quint64 MainWindow::beginLoad(const QString &path)
{
    m_loadingId = ++m_lastLoadId;
    m_status->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    return m_loadingId;
}

void MainWindow::endLoad(quint64 id, bool shown)
{
    if (id == m_loadingId) {
        m_loadingId = 0;
        if (!shown)
            m_status->clear();
    }
    Q_EMIT loadFinished(id, shown);
}

quint64 MainWindow::startOpenFile(const QString &path)
{
    if (!maybeSave())
        return 0;
    const quint64 id = beginLoad(path);
    runInBackground<OpenOutcome>(
        this,
        [path] {
            OpenOutcome outcome;
            outcome.dashboard = loadDashboardFile(path, &outcome.error);
            return outcome;
        },
        [this, id, path](OpenOutcome outcome) {
            if (id != m_lastLoadId) // a newer open or import won
                return endLoad(id, false);
            if (!outcome.dashboard) {
                // The error first: whoever waits for the load can read lastError().
                showError(tr("Cannot open dashboard"), outcome.error.isEmpty()
                                                           ? tr("Cannot open %1.").arg(path)
                                                           : outcome.error);
                endLoad(id, false);
                return;
            }
            m_status->clear();
            m_dashboard = std::move(outcome.dashboard);
            m_path = path;
            addRecent(path);
            m_document->reset(*m_dashboard, path, false);
            applyDashboard();
            endLoad(id, true);
        });
    return id;
}

bool MainWindow::waitForLoad(quint64 id)
{
    if (id == 0)
        return false;
    QEventLoop loop;
    bool shown = false;
    connect(this, &MainWindow::loadFinished, &loop, [&](quint64 finished, bool ok) {
        if (finished == id) {
            shown = ok;
            loop.quit();
        }
    });
    loop.exec();
    return shown;
}

bool MainWindow::openFile(const QString &path)
{
    return waitForLoad(startOpenFile(path));
}

bool MainWindow::importFile(const QString &path)
{
    return waitForLoad(startImportFile(path));
}

void MainWindow::importDialog()
{
    const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Grafana dashboard"), dir,
                                     tr("Grafana dashboards (*.json);;All files (*)"));
    if (!path.isEmpty())
        startImportFile(path);
}

quint64 MainWindow::startImportFile(const QString &path)
{
    if (!maybeSave())
        return 0;
    const quint64 id = beginLoad(path);
    runInBackground<ReadOutcome>(
        this,
        [path] {
            ReadOutcome outcome;
            outcome.source = readImportSource(path, &outcome.error);
            return outcome;
        },
        [this, id](ReadOutcome outcome) {
            continueImport(id, std::move(outcome.source), outcome.error);
        });
    return id;
}

void MainWindow::continueImport(quint64 id, std::optional<ImportSource> source,
                                const QString &error)
{
    if (id != m_lastLoadId)
        return endLoad(id, false);
    if (!source) {
        endLoad(id, false);
        showError(tr("Cannot import dashboard"), error);
        return;
    }
    QHash<QString, QString> values;
    if (!source->inputs.isEmpty()) {
        if (m_askInputs) {
            const auto answer = m_askInputs(source->inputs);
            if (!answer)
                return endLoad(id, false);
            values = *answer;
        } else {
            ImportDialog dialog(source->json.value(QLatin1String("title")).toString(),
                                source->inputs, m_registry, this);
            if (dialog.exec() != QDialog::Accepted)
                return endLoad(id, false);
            values = dialog.values();
        }
        if (id != m_lastLoadId) // another file was opened while the dialog was up
            return endLoad(id, false);
    }
    runInBackground<ImportOutcome>(
        this,
        [source = std::move(*source), values, defaultName = defaultDataSourceName(m_registry),
         options = migrationOptionsFor(m_registry)] {
            ImportOutcome outcome;
            outcome.result = importDashboard(source, values, defaultName, options, &outcome.error);
            return outcome;
        },
        [this, id](ImportOutcome outcome) {
            finishImport(id, std::move(outcome.result), outcome.error);
        });
}

void MainWindow::finishImport(quint64 id, std::optional<ImportResult> result, const QString &error)
{
    if (id != m_lastLoadId)
        return endLoad(id, false);
    if (!result) {
        endLoad(id, false);
        showError(tr("Cannot import dashboard"), error);
        return;
    }
    m_status->clear();
    m_dashboard = result->dashboard;
    m_importReport = result->report;
    m_path.clear(); // a new dashboard: Save asks where, the imported file stays as it is
    m_document->reset(*m_dashboard, QString(), true);
    applyDashboard();

    if (m_reportDialog)
        m_reportDialog->deleteLater();
    m_reportDialog = new ImportReportDialog(m_dashboard->title(), m_importReport, this);
    m_reportDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reportDialog->open(); // window-modal, does not block the event loop
    endLoad(id, true);
}

ImportReportDialog *MainWindow::importReportDialog() const
{
    return m_reportDialog;
}

} // namespace pharos
