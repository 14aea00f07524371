// The panel editor on the real main window (offscreen) against a real Prometheus: it opens on
// `e` over a panel and from the panel menu, previews the panel with the dashboard's data,
// runs an edited expression on Shift+Enter (not per key), undoes and redoes inside the editor
// (typing in a field is one step), and Apply writes one undo step into the dashboard while
// Discard and a cancelled close leave it as it was. Also the Table view, a change of
// visualization, and the editor's own time range.
#include "app/editor/dashboardeditor.h"
#include "app/editor/metricsbrowser.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/paneleditor.h"
#include "app/editor/promqleditor.h"
#include "app/editor/querieseditor.h"
#include "app/mainwindow.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/stat/statpanel.h"
#include "panels/table/tablepanel.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"
#include "widgettesting.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace pharos;
using pharos::test::PrometheusFixture;

namespace {

const char *DashboardJson = R"json({
  "title": "Editor test", "uid": "editor-test", "schemaVersion": 39,
  "time": {"from": "now-2m", "to": "now"},
  "panels": [
    {"id": 2, "type": "timeseries", "title": "Targets up",
     "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
     "targets": [{"refId": "A", "expr": "up", "legendFormat": "{{job}}"}]},
    {"id": 3, "type": "stat", "title": "Scrapes",
     "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
     "targets": [{"refId": "A", "expr": "count(up)"
}]
}
  ]
  })json";

QString exprOf(const PanelDataPtr &data)
{
    return data && !data->targets.empty() ? data->targets.front().expr : QString();
}

QString titleOf(const QJsonObject &panel)
{
    return panel.value(QLatin1String("title")).toString();
}

} // namespace

class TestPanelEditor : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;
    QTemporaryDir m_dir;
    QString m_path;
    DataSourceRegistry m_registry;

    std::unique_ptr<MainWindow> openWindow()
    {
        auto w = std::make_unique<MainWindow>(&m_registry);
        w->resize(1400, 900);
        if (!w->openFile(m_path))
            return nullptr;
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }

    /// Opens the editor on `panelId` with `e` while the mouse is over the panel.
    PanelEditor *editWithKey(MainWindow &w, int panelId)
    {
        PanelWidget *panel = w.view()->panelWidget(panelId);
        if (!panel)
            return nullptr;
        // Shortcuts go to the active window (the editor was, while it was open).
        w.activateWindow();
        if (!QTest::qWaitForWindowActive(&w))
            return nullptr;
        QWidget *canvas = w.view()->canvas();
        // Moves that always change the position, so the view sees the mouse over the panel.
        QTest::mouseMove(canvas, panel->geometry().topLeft() + QPoint(30, 40));
        QTest::mouseMove(canvas, panel->geometry().center());
        QTest::keyClick(canvas, Qt::Key_E);
        return w.panelEditor() && w.panelEditor()->isVisible() ? w.panelEditor() : nullptr;
    }

    /// Waits for preview data whose first query is `expr`.
    bool waitForPreview(PanelEditor *editor, const QString &expr)
    {
        return PrometheusFixture::waitFor(
            [&] {
                const PanelDataPtr d = editor->previewData();
                return d && exprOf(d) == expr && !d->hasError() && !d->isEmpty();
            },
            20000);
    }

    static QLineEdit *titleEdit(PanelEditor *editor)
    {
        return editor->optionsEditor()->findChild<QLineEdit *>(QStringLiteral("title"));
    }

    static void retype(QWidget *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void initTestCase();
    void opensOnKeyAndFromTheMenu();
    void editUndoRedoApply();
    void discardAndCloseQuestion();
    void tableViewAndOwnTimeRange();
    void metricsBrowserWritesTheQuery();
};

void TestPanelEditor::initTestCase()
{
    m_prom.addSelfScrapeJob(QStringLiteral("second"));
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    QVERIFY(m_prom.waitForSeries(QStringLiteral("up"), 2));
    // A line needs a few samples of each series.
    QVERIFY(m_prom.waitForSeries(QStringLiteral("count_over_time(up[1m]) >= 4"), 2));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("editor.json"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(DashboardJson);
    f.close();
    DataSourceSettings settings;
    settings.name = QStringLiteral("fixture");
    settings.url = m_prom.url();
    settings.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    m_registry.setOverride(m_registry.add(settings));
}

void TestPanelEditor::opensOnKeyAndFromTheMenu()
{
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(!w->editor()->isEditing()); // `e` works in view mode too, as in Grafana
    auto *main = qobject_cast<TimeSeriesPanel *>(w->view()->panelWidget(2));
    QVERIFY(main);
    QTRY_COMPARE_WITH_TIMEOUT(main->legendEntries().size(), 2, 20000);

    PanelEditor *editor = editWithKey(*w, 2);
    QVERIFY(editor);
    QCOMPARE(editor->panelId(), 2);
    QVERIFY(editor->windowTitle().contains(QStringLiteral("Targets up")));
    // The preview shows the panel alone, with the dashboard's data.
    QVERIFY(waitForPreview(editor, QStringLiteral("up")));
    auto *preview = qobject_cast<TimeSeriesPanel *>(editor->preview()->panelWidget(2));
    QVERIFY(preview);
    QCOMPARE(editor->preview()->panelWidgets().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(preview->legendEntries(), main->legendEntries(), 10000);
    QVERIFY(main->legendEntries().contains(QStringLiteral("second")));
    QCOMPARE(editor->queriesEditor()->queryCount(), 1);
    QCOMPARE(editor->queriesEditor()->exprEditor(0)->query(), QStringLiteral("up"));
    QCOMPARE(titleEdit(editor)->text(), QStringLiteral("Targets up"));

    // Esc with no change closes without a question.
    bool asked = false;
    editor->setCloseQuestionHandler([&] {
        asked = true;
        return QMessageBox::Cancel;
    });
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(!editor->isVisible());
    QVERIFY(!asked);

    // The panel menu: View and Edit above the links; Edit opens the editor on that panel.
    QMenu *menu = w->view()->panelWidget(3)->menuButton()->menu();
    QAction *edit = nullptr;
    for (QAction *a : menu->actions())
        if (a->objectName() == QLatin1String("panelMenuEdit"))
            edit = a;
    QVERIFY(edit);
    QVERIFY(w->view()->panelWidget(3)->menuButton()->isVisibleTo(w->view()->panelWidget(3)));
    edit->trigger();
    QVERIFY(w->panelEditor()->isVisible());
    QCOMPARE(w->panelEditor()->panelId(), 3);
    QVERIFY(waitForPreview(w->panelEditor(), QStringLiteral("count(up)")));
    QCOMPARE(w->panelEditor()->preview()->panelWidget(3)->model().type, QStringLiteral("stat"));
    w->panelEditor()->discard();
}

void TestPanelEditor::editUndoRedoApply()
{
    auto w = openWindow();
    QVERIFY(w);
    const QJsonObject original = w->document()->json();
    const int docSteps = w->document()->undoStack()->count();
    PanelEditor *editor = editWithKey(*w, 2);
    QVERIFY(editor);
    QVERIFY(waitForPreview(editor, QStringLiteral("up")));
    QUndoStack *stack = editor->undoStack();
    QCOMPARE(stack->count(), 0);

    // Typing a title: one undo step, shown in the preview at once.
    QVERIFY(titleEdit(editor));
    retype(titleEdit(editor), QStringLiteral("Scrape health"));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(titleOf(editor->panelJson()), QStringLiteral("Scrape health"));
    QTRY_VERIFY(
        editor->preview()->panelWidget(2)->titleText().contains(QStringLiteral("Scrape health")));
    QVERIFY(editor->windowTitle().startsWith(QLatin1Char('*')));

    // Typing an expression waits for Shift+Enter: no query per key.
    PromqlEditor *expr = editor->queriesEditor()->exprEditor(0);
    QVERIFY(expr);
    retype(expr, QStringLiteral("up{job=\"second\"}"));
    expr->hideCompletion();
    QCOMPARE(stack->count(), 2);
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("pendingQueries"))->isVisible());
    QTest::qWait(500);
    QCOMPARE(exprOf(editor->previewData()), QStringLiteral("up"));
    QTest::keyClick(expr, Qt::Key_Return, Qt::ShiftModifier);
    QVERIFY(waitForPreview(editor, QStringLiteral("up{job=\"second\"}")));
    QCOMPARE(editor->previewData()->targets.front().result.frames.size(), size_t(1));
    QVERIFY(!editor->findChild<QLabel *>(QStringLiteral("pendingQueries"))->isVisible());

    // Ctrl+Z in the expression is the editor's undo: the whole typed query goes, and the
    // preview runs the old one again. Ctrl+Shift+Z brings it back.
    QTest::keyClick(expr, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->queriesEditor()->exprEditor(0)->query(), QStringLiteral("up"));
    QVERIFY(waitForPreview(editor, QStringLiteral("up")));
    QCOMPARE(titleOf(editor->panelJson()), QStringLiteral("Scrape health"));
    QTest::keyClick(editor->queriesEditor()->exprEditor(0), Qt::Key_Z,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor->queriesEditor()->exprEditor(0)->query(), QStringLiteral("up{job=\"second\"}"));
    QVERIFY(waitForPreview(editor, QStringLiteral("up{job=\"second\"}")));
    // Undo both, redo both.
    stack->undo();
    stack->undo();
    QCOMPARE(titleEdit(editor)->text(), QStringLiteral("Targets up"));
    QCOMPARE(editor->panelJson(), dashboardedit::findPanel(original, 2));
    QVERIFY(!editor->hasChanges());
    stack->redo();
    stack->redo();
    QCOMPARE(titleEdit(editor)->text(), QStringLiteral("Scrape health"));

    // Apply: one undo step of the dashboard; the dashboard shows the edited panel.
    QTest::mouseClick(editor->applyButton(), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    QCOMPARE(w->document()->undoStack()->count(), docSteps + 1);
    QVERIFY(w->isModified());
    const QJsonObject applied = dashboardedit::findPanel(w->document()->json(), 2);
    QCOMPARE(titleOf(applied), QStringLiteral("Scrape health"));
    QCOMPARE(applied.value(QLatin1String("targets"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("expr")),
             QJsonValue(QStringLiteral("up{job=\"second\"}")));
    QCOMPARE(applied.value(QLatin1String("gridPos")),
             dashboardedit::findPanel(original, 2).value(QLatin1String("gridPos")));
    QTRY_VERIFY(w->view()->panelWidget(2)->titleText().contains(QStringLiteral("Scrape health")));
    QTRY_COMPARE_WITH_TIMEOUT(exprOf(w->view()->panelWidget(2)->data()),
                              QStringLiteral("up{job=\"second\"}"), 20000);
    // The dashboard's undo takes the whole edit back.
    w->editor()->undoAction()->trigger();
    QCOMPARE(w->document()->json(), original);
    QTRY_VERIFY(w->view()->panelWidget(2)->titleText().contains(QStringLiteral("Targets up")));
}

void TestPanelEditor::discardAndCloseQuestion()
{
    auto w = openWindow();
    QVERIFY(w);
    const QJsonObject original = w->document()->json();
    const int docSteps = w->document()->undoStack()->count();

    PanelEditor *editor = editWithKey(*w, 2);
    QVERIFY(editor);
    retype(titleEdit(editor), QStringLiteral("Thrown away"));
    QVERIFY(editor->hasChanges());
    QTest::mouseClick(editor->discardButton(), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    QCOMPARE(w->document()->json(), original);
    QCOMPARE(w->document()->undoStack()->count(), docSteps);

    // Reopened, it starts from the dashboard's panel again.
    editor = editWithKey(*w, 2);
    QVERIFY(editor);
    QCOMPARE(titleEdit(editor)->text(), QStringLiteral("Targets up"));
    QCOMPARE(editor->undoStack()->count(), 0);
    retype(titleEdit(editor), QStringLiteral("Kept"));

    // Closing with changes asks: Cancel stays, Apply applies and closes.
    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    editor->setCloseQuestionHandler([&] {
        ++asked;
        return answer;
    });
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(asked, 1);
    QVERIFY(editor->isVisible());
    QCOMPARE(w->document()->json(), original);
    editor->close();
    QCOMPARE(asked, 2);
    QVERIFY(editor->isVisible());
    answer = QMessageBox::Apply;
    editor->close();
    QCOMPARE(asked, 3);
    QVERIFY(!editor->isVisible());
    QCOMPARE(titleOf(dashboardedit::findPanel(w->document()->json(), 2)), QStringLiteral("Kept"));
    QCOMPARE(w->document()->undoStack()->count(), docSteps + 1);
}

void TestPanelEditor::tableViewAndOwnTimeRange()
{
    auto w = openWindow();
    QVERIFY(w);
    const TimeRange dashboardRange = w->timeRangePicker()->timeRange();
    PanelEditor *editor = editWithKey(*w, 2);
    QVERIFY(editor);
    QVERIFY(waitForPreview(editor, QStringLiteral("up")));

    // Table view: the same queries' data as a table, one row per series; the panel itself
    // stays a time series.
    editor->tableViewAction()->trigger();
    QTRY_VERIFY(qobject_cast<TablePanel *>(editor->preview()->panelWidget(2)));
    auto *table = qobject_cast<TablePanel *>(editor->preview()->panelWidget(2));
    QTRY_COMPARE_WITH_TIMEOUT(table->view()->model()->rowCount(), 2, 20000);
    QCOMPARE(editor->panelJson().value(QLatin1String("type")).toString(),
             QStringLiteral("timeseries"));
    QVERIFY(!editor->hasChanges());
    editor->tableViewAction()->trigger();
    QTRY_VERIFY(qobject_cast<TimeSeriesPanel *>(editor->preview()->panelWidget(2)));

    // Another visualization: the preview becomes a stat showing the same data (two
    // series, two values); undo brings the time series back.
    auto *type = editor->optionsEditor()->typeCombo();
    testing::chooseItem(type, type->itemText(type->findData(QStringLiteral("stat"))));
    QCOMPARE(editor->panelJson().value(QLatin1String("type")).toString(), QStringLiteral("stat"));
    QTRY_VERIFY(qobject_cast<StatPanel *>(editor->preview()->panelWidget(2)));
    QTRY_COMPARE_WITH_TIMEOUT(
        qobject_cast<StatPanel *>(editor->preview()->panelWidget(2))->statTexts().size(), 2, 20000);
    editor->undoStack()->undo();
    QCOMPARE(type->currentData().toString(), QStringLiteral("timeseries"));
    QTRY_VERIFY(qobject_cast<TimeSeriesPanel *>(editor->preview()->panelWidget(2)));
    QVERIFY(!editor->hasChanges());

    // The editor's time range changes the preview only.
    const PanelDataPtr before = editor->previewData();
    QVERIFY(before);
    QCOMPARE(before->toMs - before->fromMs, qint64(2 * 60 * 1000));
    TimeRangePicker *picker = editor->timeRangePicker();
    picker->fromEdit()->setText(QStringLiteral("now-30s"));
    picker->toEdit()->setText(QStringLiteral("now"));
    QVERIFY(picker->apply());
    QVERIFY(PrometheusFixture::waitFor(
        [&] {
            const PanelDataPtr d = editor->previewData();
            return d && d->toMs - d->fromMs == 30 * 1000;
        },
        20000));
    QCOMPARE(w->timeRangePicker()->timeRange(), dashboardRange);
    QCOMPARE(w->view()->panelWidget(2)->data()->toMs - w->view()->panelWidget(2)->data()->fromMs,
             qint64(2 * 60 * 1000));
    editor->discard();
}

void TestPanelEditor::metricsBrowserWritesTheQuery()
{
    auto w = openWindow();
    QVERIFY(w);
    PanelEditor *editor = editWithKey(*w, 3);
    QVERIFY(editor);
    QVERIFY(waitForPreview(editor, QStringLiteral("count(up)")));
    // Select "up" inside count(...), then build the selector in the browser.
    PromqlEditor *expr = editor->queriesEditor()->exprEditor(0);
    QTextCursor c = expr->textCursor();
    c.setPosition(6);
    c.setPosition(8, QTextCursor::KeepAnchor);
    expr->setTextCursor(c);
    auto *browse =
        editor->queriesEditor()->findChild<QPushButton *>(QStringLiteral("metricsBrowser-0"));
    QVERIFY(browse);
    QTest::mouseClick(browse, Qt::LeftButton);
    auto *browser = editor->findChild<MetricsBrowser *>();
    QVERIFY(browser);
    QVERIFY(PrometheusFixture::waitFor(
        [&] { return browser->selectMetric(QStringLiteral("prometheus_build_info")); }, 20000));
    QVERIFY(PrometheusFixture::waitFor(
        [&] { return browser->seriesCount() >= 0 && !browser->isBusy(); }, 20000));
    QTest::mouseClick(browser->useButton(), Qt::LeftButton);
    QCOMPARE(expr->query(), QStringLiteral("count(prometheus_build_info)"));
    // A change that does not come from typing runs at once: the preview counts build infos.
    QVERIFY(waitForPreview(editor, QStringLiteral("count(prometheus_build_info)")));
    QCOMPARE(editor->undoStack()->count(), 1);
    editor->discard();
}

QTEST_MAIN(TestPanelEditor)
#include "test_panel_editor.moc"
