// Building a dashboard with the mouse and the keyboard on the real main window (offscreen),
// against a real Prometheus: File › New, the panel gallery, the panel editor on `e` (a query
// typed with autocomplete from the server, a unit and a threshold, Apply), drags that move
// and resize on the 24-column grid (live push-down and float-up, one undo step each),
// Ctrl+Z / Ctrl+Shift+Z in edit mode (t z still zooms out), Ctrl+S, and the saved file
// loading back the same. Also copy/paste of Grafana panel JSON (the pasted query draws
// Prometheus data), duplicate, delete, and v / Esc to view one panel.
#include "app/editor/dashboardeditor.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/options/thresholdseditor.h"
#include "app/editor/options/unitpicker.h"
#include "app/editor/paneleditor.h"
#include "app/editor/promqleditor.h"
#include "app/editor/querieseditor.h"
#include "app/mainwindow.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/model/jsonvalue.h"
#include "dashboards/query/queryscheduler.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace pharos;

namespace {

GridPos posOf(const MainWindow &w, int id)
{
    return dashboardedit::gridPosOf(dashboardedit::findPanel(w.document()->json(), id));
}

QString describe(const GridPos &p)
{
    return QStringLiteral("(x %1 y %2 w %3 h %4)").arg(p.x).arg(p.y).arg(p.w).arg(p.h);
}

#define COMPARE_POS(actual, expected) QCOMPARE(describe(actual), describe(expected))

/// The value of the second threshold step of a panel (its first above the base).
double secondThreshold(const QJsonObject &panel)
{
    return json::valueAt(panel, QStringLiteral("fieldConfig.defaults.thresholds"))
        .toObject()
        .value(QLatin1String("steps"))
        .toArray()
        .at(1)
        .toObject()
        .value(QLatin1String("value"))
        .toDouble(-1);
}

/// The row of `label` in the open completion list, -1 when it is not offered.
int candidateRow(PromqlEditor *e, const QString &label)
{
    const QList<PromqlCompletionItem> &items = e->completionPopup()->items();
    for (int i = 0; i < items.size(); ++i)
        if (items[i].label == label)
            return i;
    return -1;
}

/// The ids of the top-level panels, in document order.
QList<int> panelIds(const MainWindow &w)
{
    QList<int> ids;
    for (const PanelModel &p : w.dashboard()->panels())
        ids << p.id;
    return ids;
}

/// The grid width in pixels of the canvas (as DashboardView lays it out).
int gridWidth(const MainWindow &w)
{
    return w.view()->canvas()->width() - 2 * DashboardView::Padding;
}

/// The canvas point at grid position (x units, y units) plus an offset in pixels.
QPoint canvasPoint(const MainWindow &w, int x, int y, QPoint offset = {})
{
    const QRect r = grid::toPixels(GridPos{x, y, 1, 1}, gridWidth(w));
    return r.topLeft() + QPoint(DashboardView::Padding, DashboardView::Padding) + offset;
}

/// A drag with the left button on the canvas from `from` to `to`, in `steps` moves.
void drag(QWidget *canvas, QPoint from, QPoint to, int steps,
          const std::function<void(int)> &atStep = {})
{
    QTest::mouseMove(canvas, from);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / steps;
        QTest::mouseMove(canvas, p);
        if (atStep)
            atStep(i);
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
}

} // namespace

class TestDashboardEditing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buildMoveResizeUndoRedoSave();
    void copyPasteDuplicateDeleteAndViewPanel();

private:
    /// Clicks the gallery's item for `type` and its Add button; returns the new panel's id.
    int addFromGallery(MainWindow &w, const QString &type);
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
};

void TestDashboardEditing::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

int TestDashboardEditing::addFromGallery(MainWindow &w, const QString &type)
{
    QToolBar *bar = w.findChild<QToolBar *>(QStringLiteral("editToolBar"));
    if (!bar)
        return -1;
    QWidget *button = bar->widgetForAction(w.editor()->addPanelAction());
    if (!button || !button->isEnabled())
        return -2;
    QTest::mouseClick(button, Qt::LeftButton);
    PanelGallery *gallery = w.editor()->gallery();
    if (!gallery || !gallery->isVisible())
        return -3;
    QListWidget *list = gallery->list();
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == type)
            item = list->item(i);
    }
    if (!item)
        return -4;
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                      list->visualItemRect(item).center());
    if (gallery->selectedType() != type)
        return -5;
    const QList<int> before = panelIds(w);
    QTest::mouseClick(gallery->findChild<QPushButton *>(QStringLiteral("addButton")),
                      Qt::LeftButton);
    if (gallery->isVisible())
        return -6;
    // The window manager gives the focus back to the main window (offscreen: by hand).
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w))
        return -8;
    for (int id : panelIds(w)) {
        if (!before.contains(id))
            return id;
    }
    return -7;
}

void TestDashboardEditing::buildMoveResizeUndoRedoSave()
{
    DataSourceRegistry registry;
    DataSourceSettings settings;
    settings.name = QStringLiteral("fixture");
    settings.url = m_prom.url();
    settings.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    registry.setOverride(registry.add(settings));

    MainWindow w(&registry);
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.view()->setFocus();

    // File › New (Ctrl+N): an empty dashboard in edit mode.
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(w.hasDashboard());
    QVERIFY(w.dashboard()->panels().isEmpty());
    QVERIFY(w.editor()->isEditing());
    QVERIFY(w.editor()->editModeAction()->isChecked());
    QVERIFY(!w.isModified());
    const TimeRange range = w.timeRangePicker()->timeRange();

    // 1. A time-series panel from the gallery.
    const int ts = addFromGallery(w, QStringLiteral("timeseries"));
    QVERIFY2(ts > 0, qPrintable(QString::number(ts)));
    QCOMPARE(w.view()->panelWidgets().size(), 1);
    QCOMPARE(w.view()->panelWidget(ts)->model().type, QStringLiteral("timeseries"));
    QVERIFY(w.isModified());
    QVERIFY(w.isWindowModified()); // the "*" in the title

    // 2. `e` over the panel opens the panel editor; a query typed with autocomplete from
    // the real Prometheus (metric names from the server, picked with the keyboard).
    QTest::mouseMove(w.view()->canvas(), w.view()->panelWidget(ts)->geometry().center());
    QTest::keyClick(w.view()->canvas(), Qt::Key_E);
    PanelEditor *editor = w.panelEditor();
    QVERIFY(editor && editor->isVisible());
    QCOMPARE(editor->panelId(), ts);
    PromqlEditor *expr = editor->queriesEditor()->exprEditor(0);
    QVERIFY(expr);
    QTest::mouseClick(expr->viewport(), Qt::LeftButton);
    QTest::keyClicks(expr, QStringLiteral("prometheus_http_requests_t"));
    const QString metric = QStringLiteral("prometheus_http_requests_total");
    QVERIFY(test::PrometheusFixture::waitFor(
        [&] { return expr->isCompletionVisible() && candidateRow(expr, metric) >= 0; }, 20000));
    while (expr->completionPopup()->currentRow() < candidateRow(expr, metric))
        QTest::keyClick(expr, Qt::Key_Down);
    QTest::keyClick(expr, Qt::Key_Tab);
    QCOMPARE(expr->query(), metric);
    // The last minute in the editor's own picker (a fresh server has seconds of data; a 6 h
    // range steps past them), then run it in the preview.
    editor->timeRangePicker()->fromEdit()->setText(QStringLiteral("now-1m"));
    QVERIFY(editor->timeRangePicker()->apply());
    QTest::keyClick(expr, Qt::Key_Return, Qt::ShiftModifier);
    QVERIFY(test::PrometheusFixture::waitFor(
        [&] {
            const PanelDataPtr d = editor->previewData();
            return d && !d->targets.empty() && d->targets.front().expr == metric && !d->isEmpty();
        },
        20000));

    // 3. A unit from the searchable picker and a threshold at 50.
    StandardOptionsEditor *standard = editor->optionsEditor()->standardOptions();
    QVERIFY(standard);
    QLineEdit *unitSearch = standard->unitPicker()->searchEdit();
    QTest::mouseClick(unitSearch, Qt::LeftButton);
    QTest::keyClicks(unitSearch, QStringLiteral("reqps"));
    QTest::keyClick(unitSearch, Qt::Key_Return);
    QCOMPARE(standard->unitPicker()->unit(), QStringLiteral("reqps"));
    ThresholdsEditor *thresholds = editor->optionsEditor()->thresholdsEditor();
    QVERIFY(thresholds);
    QCOMPARE(thresholds->stepCount(), 2); // the new panel's green base and red at 80
    QLineEdit *limit = thresholds->valueEdit(1);
    QTest::mouseClick(limit, Qt::LeftButton);
    QTest::keyClick(limit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(limit, QStringLiteral("50"));
    QTest::keyClick(limit, Qt::Key_Return);
    QCOMPARE(json::valueAt(editor->panelJson(), QStringLiteral("fieldConfig.defaults.unit")),
             QJsonValue(QStringLiteral("reqps")));
    QCOMPARE(secondThreshold(editor->panelJson()), 50.0);
    // The preview formats with the unit at once.
    auto *preview = qobject_cast<TimeSeriesPanel *>(editor->preview()->panelWidget(ts));
    QVERIFY(preview);
    QTRY_VERIFY_WITH_TIMEOUT(preview->tooltipTextAtTime(editor->previewData()->toMs - 2000)
                                 .contains(QStringLiteral("req/s")),
                             20000);
    // Apply: one undo step of the dashboard.
    const int beforeApply = w.document()->undoStack()->count();
    QTest::mouseClick(editor->applyButton(), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    QCOMPARE(w.document()->undoStack()->count(), beforeApply + 1);
    QCOMPARE(w.view()->panelWidget(ts)->model().defaults.unit, QStringLiteral("reqps"));

    // 4. A stat panel: it lands on top, the time series is pushed down.
    const int stat = addFromGallery(w, QStringLiteral("stat"));
    QVERIFY2(stat > 0, qPrintable(QString::number(stat)));
    QCOMPARE(w.view()->panelWidget(stat)->model().type, QStringLiteral("stat"));
    COMPARE_POS(posOf(w, stat), (GridPos{0, 0, 12, 8}));
    COMPARE_POS(posOf(w, ts), (GridPos{0, 8, 12, 8}));
    QTRY_COMPARE(w.view()->panelWidget(ts)->geometry().top(),
                 canvasPoint(w, 0, 8).y()); // laid out where the model says

    QWidget *canvas = w.view()->canvas();
    QUndoStack *stack = w.document()->undoStack();
    const int stepsBefore = stack->count();

    // 5a. Drag the stat panel by its header 12 columns to the right. Half-way through, the
    // layout is already live: nothing has floated yet; at the end the time series has
    // floated up beside it. One undo step for the whole drag.
    const QPoint header = canvasPoint(w, 0, 0, QPoint(40, 10));
    const QPoint right = header + (canvasPoint(w, 12, 0) - canvasPoint(w, 0, 0));
    bool sawLive = false;
    drag(canvas, header, right, 6, [&](int step) {
        if (step == 6 && posOf(w, stat).x == 12 && posOf(w, ts).y == 0 &&
            w.view()->panelWidget(ts)->geometry().top() == canvasPoint(w, 0, 0).y())
            sawLive = true;
    });
    QVERIFY(sawLive);
    COMPARE_POS(posOf(w, stat), (GridPos{12, 0, 12, 8}));
    COMPARE_POS(posOf(w, ts), (GridPos{0, 0, 12, 8}));
    QCOMPARE(stack->count(), stepsBefore + 1);
    QCOMPARE(w.view()->panelWidget(stat)->geometry().left(), canvasPoint(w, 12, 0).x());

    // 5b. Resize the time series by its bottom-right corner: 4 columns wider (into the stat
    // panel, which is pushed down) and 2 units higher.
    const QRect tsRect = w.view()->panelWidget(ts)->geometry();
    const QPoint corner = tsRect.bottomRight() - QPoint(4, 4);
    const QPoint grown = corner + (canvasPoint(w, 4, 2) - canvasPoint(w, 0, 0));
    drag(canvas, corner, grown, 4);
    COMPARE_POS(posOf(w, ts), (GridPos{0, 0, 16, 10}));
    COMPARE_POS(posOf(w, stat), (GridPos{12, 10, 12, 8}));
    QCOMPARE(stack->count(), stepsBefore + 2);
    QTRY_COMPARE(w.view()->panelWidget(ts)->geometry().height(), grid::unitsToPixels(10));

    // 6. Undo twice with Ctrl+Z (edit mode: undo, not zoom out), then redo with Ctrl+Shift+Z.
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    COMPARE_POS(posOf(w, ts), (GridPos{0, 0, 12, 8}));
    COMPARE_POS(posOf(w, stat), (GridPos{12, 0, 12, 8}));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    COMPARE_POS(posOf(w, stat), (GridPos{0, 0, 12, 8}));
    COMPARE_POS(posOf(w, ts), (GridPos{0, 8, 12, 8}));
    QCOMPARE(w.timeRangePicker()->timeRange().from, range.from); // no zoom out happened
    QCOMPARE(w.timeRangePicker()->timeRange().to, range.to);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    COMPARE_POS(posOf(w, stat), (GridPos{12, 0, 12, 8}));
    COMPARE_POS(posOf(w, ts), (GridPos{0, 0, 12, 8}));
    QTRY_COMPARE(w.view()->panelWidget(stat)->geometry().left(), canvasPoint(w, 12, 0).x());
    // t z still zooms out in edit mode.
    QTest::keyClick(&w, Qt::Key_T);
    QTest::keyClick(&w, Qt::Key_Z);
    QVERIFY(w.timeRangePicker()->timeRange().from != range.from);
    COMPARE_POS(posOf(w, stat), (GridPos{12, 0, 12, 8})); // and undid nothing

    // 7. Save with Ctrl+S (a new dashboard: asks where).
    const QString path = m_dir.filePath(QStringLiteral("built.json"));
    w.setSaveAsPathHandler([path] { return path; });
    QVERIFY(w.isWindowModified());
    QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!w.isModified());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.filePath(), path);

    // The saved file loads back to the same dashboard.
    QString error;
    const auto saved = loadDashboardFile(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->panels().size(), 2);
    QHash<int, PanelModel> byId;
    for (const PanelModel &p : saved->panels())
        byId.insert(p.id, p);
    QCOMPARE(byId.value(ts).type, QStringLiteral("timeseries"));
    QCOMPARE(byId.value(stat).type, QStringLiteral("stat"));
    COMPARE_POS(byId.value(ts).gridPos, (GridPos{0, 0, 12, 8}));
    COMPARE_POS(byId.value(stat).gridPos, (GridPos{12, 0, 12, 8}));
    QCOMPARE(byId.value(ts).targets.size(), 1);
    QCOMPARE(byId.value(ts).targets.first().expr, metric);
    QCOMPARE(byId.value(ts).defaults.unit, QStringLiteral("reqps"));
    QCOMPARE(secondThreshold(byId.value(ts).json), 50.0);
    QCOMPARE(saved->toJson().value(QLatin1String("panels")),
             w.document()->json().value(QLatin1String("panels")));
    QCOMPARE(saved->title(), w.dashboard()->title());

    // Undo after the save marks the document modified again; the window asks on close.
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(w.isModified());
    int asked = 0;
    w.setUnsavedChangesHandler([&asked] {
        ++asked;
        return QMessageBox::Discard;
    });
    QVERIFY(w.close());
    QCOMPARE(asked, 1);
    registry.setOverride(nullptr);
}

void TestDashboardEditing::copyPasteDuplicateDeleteAndViewPanel()
{
    DataSourceRegistry registry;
    DataSourceSettings settings;
    settings.name = QStringLiteral("fixture");
    settings.url = m_prom.url();
    settings.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
    registry.setOverride(registry.add(settings));

    MainWindow w(&registry);
    w.resize(1400, 900);
    w.setStartupOverrides(QStringLiteral("now-5m"), QStringLiteral("now"), QString());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.view()->setFocus();
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(w.editor()->isEditing());

    // A panel copied from Grafana (as its "Copy" puts it on the clipboard), pasted with Ctrl+V.
    const QJsonObject grafanaPanel{
        {"type", "timeseries"},
        {"title", "Scrape duration"},
        {"id", 7},
        {"datasource", QJsonObject{{"type", "prometheus"}, {"uid", "${DS_PROMETHEUS}"}}},
        {"gridPos", QJsonObject{{"h", 6}, {"w", 8}, {"x", 4}, {"y", 3}}},
        {"fieldConfig",
         QJsonObject{{"defaults", QJsonObject{{"unit", "s"}}}, {"overrides", QJsonArray{}}}},
        {"targets", QJsonArray{QJsonObject{{"refId", "A"},
                                           {"expr", "scrape_duration_seconds{job=\"prometheus\"}"},
                                           {"legendFormat", "{{instance}}"}}}}};
    QGuiApplication::clipboard()->setText(
        QString::fromUtf8(QJsonDocument(grafanaPanel).toJson(QJsonDocument::Indented)));
    QTest::keyClick(&w, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(panelIds(w), QList<int>{7});
    COMPARE_POS(posOf(w, 7), (GridPos{0, 0, 8, 6})); // pasted at the top left, its own size
    // Its query runs against Prometheus and draws a series.
    PanelWidget *pasted = w.view()->panelWidget(7);
    QVERIFY(pasted);
    QTRY_VERIFY_WITH_TIMEOUT(pasted->data() && !pasted->data()->isEmpty(), 20000);
    QVERIFY2(!pasted->hasError(), qPrintable(pasted->statusText()));
    QCOMPARE(pasted->titleText(), QStringLiteral("Scrape duration"));

    // Not a panel on the clipboard: nothing is added, the status bar says why.
    QGuiApplication::clipboard()->setText(QStringLiteral("not json"));
    QTest::keyClick(&w, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(panelIds(w), QList<int>{7});

    // Hover the panel and duplicate it (p d): the copy goes beside it.
    QWidget *canvas = w.view()->canvas();
    QTest::mouseMove(canvas, canvasPoint(w, 2, 2));
    QCOMPARE(w.editor()->currentPanel(), 7);
    QTest::keyClick(&w, Qt::Key_P);
    QTest::keyClick(&w, Qt::Key_D);
    const QList<int> ids = panelIds(w);
    QCOMPARE(ids.size(), 2);
    const int copy = ids.at(0) == 7 ? ids.at(1) : ids.at(0);
    COMPARE_POS(posOf(w, copy), (GridPos{8, 0, 8, 6}));
    QCOMPARE(dashboardedit::findPanel(w.document()->json(), copy).value("targets"),
             grafanaPanel.value("targets"));

    // Copy (Ctrl+C) puts the hovered panel's JSON on the clipboard, as Grafana panel JSON.
    QTest::keyClick(&w, Qt::Key_C, Qt::ControlModifier);
    const QJsonObject onClipboard =
        QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).object();
    QCOMPARE(onClipboard, dashboardedit::findPanel(w.document()->json(), 7));

    // v shows the hovered panel alone, filling the view; Esc goes back.
    QTest::keyClick(&w, Qt::Key_V);
    QCOMPARE(w.view()->viewPanel(), 7);
    QTRY_VERIFY(!w.view()->panelWidget(copy)->isVisible());
    QVERIFY(w.view()->panelWidget(7)->width() > w.view()->viewport()->width() - 40);
    QTest::keyClick(&w, Qt::Key_Escape);
    QCOMPARE(w.view()->viewPanel(), 0);
    QTRY_VERIFY(w.view()->panelWidget(copy)->isVisible());

    // Delete the hovered panel: the copy keeps its place (panels float up, never sideways).
    QTest::keyClick(&w, Qt::Key_Delete);
    QCOMPARE(panelIds(w), QList<int>{copy});
    COMPARE_POS(posOf(w, copy), (GridPos{8, 0, 8, 6}));
    // Undo brings it back where it was, with its data source query.
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(panelIds(w).size(), 2);
    COMPARE_POS(posOf(w, 7), (GridPos{0, 0, 8, 6}));

    // Add row (tool bar): a row on top, the panels below it. Drag its header below the
    // panels: it moves there and they float up; a click on it without a drag folds it.
    QToolBar *bar = w.findChild<QToolBar *>(QStringLiteral("editToolBar"));
    QTest::mouseClick(bar->widgetForAction(w.editor()->addRowAction()), Qt::LeftButton);
    QCOMPARE(w.view()->rowIds().size(), 1);
    const int row = w.view()->rowIds().first();
    COMPARE_POS(posOf(w, row), (GridPos{0, 0, 24, 1}));
    COMPARE_POS(posOf(w, 7), (GridPos{0, 1, 8, 6}));
    const QPoint rowPoint = canvasPoint(w, 10, 0, QPoint(5, 10));
    drag(canvas, rowPoint, rowPoint + (canvasPoint(w, 0, 8) - canvasPoint(w, 0, 0)), 4);
    COMPARE_POS(posOf(w, 7), (GridPos{0, 0, 8, 6}));
    COMPARE_POS(posOf(w, copy), (GridPos{8, 0, 8, 6}));
    COMPARE_POS(posOf(w, row), (GridPos{0, 6, 24, 1}));
    QTRY_COMPARE(w.view()->rowHeader(row)->geometry().top(), canvasPoint(w, 0, 6).y());
    QVERIFY(!w.view()->isRowCollapsed(row));
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, canvasPoint(w, 10, 6, QPoint(5, 10)));
    QVERIFY(w.view()->isRowCollapsed(row));
    COMPARE_POS(posOf(w, row), (GridPos{0, 6, 24, 1}));  // a click moves nothing
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier); // undo the row move
    COMPARE_POS(posOf(w, row), (GridPos{0, 0, 24, 1}));
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier); // and the row
    QCOMPARE(w.view()->rowIds().size(), 0);
    COMPARE_POS(posOf(w, 7), (GridPos{0, 0, 8, 6}));

    // Leaving edit mode: Ctrl+Z zooms out again, the edit actions are off.
    w.editor()->editModeAction()->trigger();
    QVERIFY(!w.editor()->isEditing());
    QVERIFY(!w.editor()->addPanelAction()->isEnabled());
    const int steps = w.document()->undoStack()->index();
    const QString from = w.timeRangePicker()->timeRange().from;
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.document()->undoStack()->index(), steps);
    QVERIFY(w.timeRangePicker()->timeRange().from != from);

    w.setUnsavedChangesHandler([] { return QMessageBox::Discard; });
    registry.setOverride(nullptr);
}

QTEST_MAIN(TestDashboardEditing)
#include "test_dashboard_editing.moc"
