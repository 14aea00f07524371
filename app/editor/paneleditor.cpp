#include "app/editor/paneleditor.h"

#include "app/editor/dashboardeditor.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/promqleditor.h"
#include "app/editor/querieseditor.h"
#include "app/view/dashboarddocument.h"
#include "app/view/dashboardview.h"
#include "app/view/timerangepicker.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/paneltypes.h"
#include "dashboards/query/queryscheduler.h"
#include "panels/panelseries.h"
#include "panels/panelwidget.h"
#include "panels/table/tablepanel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pharos {

namespace {

constexpr int PreviewHeightUnits = 9; // the preview panel's grid height (it fills the view)

QJsonArray targetsOf(const QJsonObject &panel)
{
    return panel.value(QLatin1String("targets")).toArray();
}

bool isInside(const QObject *object, const QWidget *window)
{
    for (const QObject *o = object; o; o = o->parent())
        if (o == window)
            return true;
    return false;
}

} // namespace

/// One edit in the panel editor: the panel JSON before and after. The first redo() is the
/// edit the user just made (already shown); later ones restore `after`.
class PanelEditCommand : public QUndoCommand
{
public:
    PanelEditCommand(PanelEditor *editor, QJsonObject before, QJsonObject after, int mergeKey)
        : QUndoCommand(QCoreApplication::translate("pharos::PanelEditor", "Edit panel")),
          m_editor(editor), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeKey(mergeKey)
    {
    }
    void undo() override { m_editor->restore(m_before); }
    void redo() override
    {
        if (m_first)
            m_first = false;
        else
            m_editor->restore(m_after);
    }
    int id() const override { return m_mergeKey >= 0 ? 0x7e1 : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const PanelEditCommand *>(other);
        if (o->m_mergeKey != m_mergeKey)
            return false;
        m_after = o->m_after;
        return true;
    }

private:
    PanelEditor *m_editor;
    QJsonObject m_before;
    QJsonObject m_after;
    int m_mergeKey;
    bool m_first = true;
};

PanelEditor::PanelEditor(DashboardDocument *document, DataSourceRegistry *registry, QWidget *parent)
    : QDialog(parent), m_document(document), m_registry(registry), m_stack(new QUndoStack(this)),
      m_previewTimer(new QTimer(this)), m_preview(new DashboardView(registry)),
      m_queries(new QueriesEditor(registry)), m_options(new PanelOptionsEditor),
      m_tabs(new QTabWidget), m_pendingLabel(new QLabel),
      m_applyButton(new QPushButton(tr("Apply"))), m_discardButton(new QPushButton(tr("Discard")))
{
    setObjectName(QStringLiteral("panelEditor"));
    setWindowModality(Qt::WindowModal);
    setSizeGripEnabled(true);
    resize(1280, 820);

    m_preview->setObjectName(QStringLiteral("panelEditorPreview"));
    m_queries->setObjectName(QStringLiteral("queriesEditor"));
    m_options->setObjectName(QStringLiteral("panelOptionsEditor"));
    m_applyButton->setObjectName(QStringLiteral("applyPanel"));
    m_discardButton->setObjectName(QStringLiteral("discardPanel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingQueries"));
    m_applyButton->setDefault(false);
    m_applyButton->setAutoDefault(false);
    m_discardButton->setAutoDefault(false);
    m_applyButton->setToolTip(tr("Write the changes into the dashboard and go back to it"));
    m_discardButton->setToolTip(tr("Go back to the dashboard without these changes"));

    // Tool bar: undo, redo, refresh; the pending-query notice; Discard and Apply.
    auto *bar = new QToolBar;
    m_undoAction = m_stack->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("panelEditorUndo"));
    m_redoAction = m_stack->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("panelEditorRedo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_refreshAction = new QAction(tr("Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("panelEditorRefresh"));
    m_refreshAction->setToolTip(tr("Run the queries again (Shift+Enter in a query)"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &PanelEditor::runQueries);
    auto *saveAction = new QAction(tr("Save dashboard"), this);
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (apply())
            Q_EMIT saveRequested();
    });
    for (QAction *a : {m_undoAction, m_redoAction, m_refreshAction, saveAction}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    m_tableViewAction = new QAction(tr("Table view"), this);
    m_tableViewAction->setObjectName(QStringLiteral("panelEditorTableView"));
    m_tableViewAction->setCheckable(true);
    m_tableViewAction->setToolTip(tr("Show the data of the queries as a table"));
    connect(m_tableViewAction, &QAction::toggled, this, &PanelEditor::updatePreview);
    m_timePicker = new TimeRangePicker;
    m_timePicker->setObjectName(QStringLiteral("panelEditorTimeRange"));
    connect(m_timePicker, &TimeRangePicker::timeRangeChanged, this, [this](const TimeRange &r) {
        m_range = r;
        m_preview->scheduler()->setTimeRange(r);
        updateCompletionRange();
        m_preview->scheduler()->refresh();
    });
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_tableViewAction);
    bar->addWidget(m_timePicker);
    bar->addAction(m_refreshAction);
    m_pendingLabel->setText(tr("The queries changed: press Shift+Enter or Refresh to run them."));
    m_pendingLabel->setVisible(false);
    auto *top = new QHBoxLayout;
    top->addWidget(bar);
    top->addWidget(m_pendingLabel);
    top->addStretch(1);
    top->addWidget(m_discardButton);
    top->addWidget(m_applyButton);
    connect(m_applyButton, &QPushButton::clicked, this, &PanelEditor::apply);
    connect(m_discardButton, &QPushButton::clicked, this, &PanelEditor::discard);

    // Preview above the queries, the options on the right.
    auto *queriesScroll = new QScrollArea;
    queriesScroll->setWidgetResizable(true);
    queriesScroll->setWidget(m_queries);
    m_tabs->addTab(queriesScroll, tr("Queries"));
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_preview);
    left->addWidget(m_tabs);
    left->setChildrenCollapsible(false);
    m_preview->setMinimumHeight(200);
    // The panel fills the preview (view-panel mode): nothing to scroll.
    m_preview->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tabs->setMinimumHeight(160);
    left->setSizes({440, 340});      // the preview a little larger than the queries, as in Grafana
    m_options->setMinimumWidth(360); // the pane scrolls by itself
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("panelEditorSplitter"));
    split->addWidget(left);
    split->addWidget(m_options);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({880, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &PanelEditor::updatePreview);
    connect(m_queries, &QueriesEditor::changed, this, &PanelEditor::onEdited);
    connect(m_options, &PanelOptionsEditor::changed, this, &PanelEditor::onEdited);
    connect(m_queries, &QueriesEditor::runRequested, this, &PanelEditor::runQueries);
    connect(m_preview->scheduler(), &QueryScheduler::panelDataReady, this,
            &PanelEditor::onPreviewData);
    connect(m_stack, &QUndoStack::indexChanged, this, &PanelEditor::updateTitle);
    // Closed: the preview stops querying and lets its data go.
    connect(this, &QDialog::finished, this, [this] {
        m_previewTimer->stop();
        m_preview->clear();
        m_lastData.reset();
    });
    // An expression runs when the user leaves it, as Grafana's query editor does.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (qobject_cast<PromqlEditor *>(old) && isInside(old, this) && now != old &&
            m_runTargets != targetsOf(m_current))
            runQueries();
    });
    qApp->installEventFilter(this);
}

PanelEditor::~PanelEditor()
{
    qApp->removeEventFilter(this);
    // The stack, deleted with the children, clears itself and signals: not to us any more.
    disconnect(m_stack, nullptr, this, nullptr);
}

bool PanelEditor::openPanel(int panelId, const TimeRange &range, const QJsonArray &variables,
                            const QTimeZone &zone)
{
    if (!m_document->hasDashboard())
        return false;
    const QJsonObject dashboard = m_document->json();
    const QJsonObject panel = dashboardedit::findPanel(dashboard, panelId);
    if (panel.isEmpty() || panel.value(QLatin1String("type")).toString() == QLatin1String("row"))
        return false;
    m_panelId = panelId;
    m_original = panel;
    m_current = panel;
    m_runTargets = targetsOf(panel);
    m_range = range;
    m_stack->clear();
    m_lastData.reset();

    // The preview's dashboard: the same settings and variable values, the panel alone.
    m_dashboardJson = dashboard;
    if (!variables.isEmpty()) {
        QJsonObject templating = m_dashboardJson.value(QLatin1String("templating")).toObject();
        templating.insert(QLatin1String("list"), variables);
        m_dashboardJson.insert(QLatin1String("templating"), templating);
    }
    m_dashboardJson.remove(QLatin1String("links"));
    m_previewShown = false;
    m_preview->setTimeZone(zone);
    m_preview->scheduler()->setTimeRange(range);
    m_timePicker->setTimeZone(zone);
    m_timePicker->setTimeRange(range);

    m_restoring = true;
    m_queries->setPanel(panel);
    m_options->setPanel(panel);
    m_restoring = false;
    m_queries->setVariableSet(m_preview->variables());
    updatePreview();
    updateCompletionRange();
    updateTitle();
    return true;
}

void PanelEditor::onEdited()
{
    if (m_restoring)
        return;
    const QJsonObject next = m_options->applyTo(m_queries->applyTo(m_current));
    if (next == m_current)
        return;
    const QJsonObject before = m_current;
    m_current = next;
    const bool targetsChanged = targetsOf(before) != targetsOf(next);
    // Typing an expression waits for a run; any other change of the queries (legend,
    // format, hide, a new query…) runs at once, as in Grafana.
    const bool typingExpr =
        targetsChanged && qobject_cast<PromqlEditor *>(QApplication::focusWidget());
    m_stack->push(new PanelEditCommand(this, before, next, mergeKeyForFocus()));
    if (targetsChanged && !typingExpr)
        m_runTargets = targetsOf(next);
    schedulePreview(false);
}

int PanelEditor::mergeKeyForFocus()
{
    // Consecutive edits in the same field are one step; another field starts a new one.
    QWidget *focus = QApplication::focusWidget();
    if (!focus || focus != m_mergeFocus) {
        m_mergeFocus = focus;
        ++m_mergeKey;
    }
    return focus ? m_mergeKey : -1;
}

void PanelEditor::restore(const QJsonObject &panel)
{
    m_current = panel;
    m_restoring = true;
    m_queries->setPanel(panel);
    m_options->setPanel(panel);
    m_restoring = false;
    m_mergeFocus = nullptr; // an undo ends the step being typed
    ++m_mergeKey;
    schedulePreview(true);
}

void PanelEditor::runQueries()
{
    m_runTargets = targetsOf(m_current);
    if (m_previewTimer->isActive())
        m_previewTimer->stop();
    updatePreview();
    m_preview->scheduler()->refresh();
}

void PanelEditor::schedulePreview(bool runTargets)
{
    if (runTargets)
        m_runTargets = targetsOf(m_current);
    m_pendingLabel->setVisible(m_runTargets != targetsOf(m_current));
    m_previewTimer->start();
}

void PanelEditor::updatePreview()
{
    m_pendingLabel->setVisible(m_runTargets != targetsOf(m_current));
    QJsonObject panel = m_current;
    panel.insert(QLatin1String("targets"), m_runTargets);
    if (m_tableViewAction->isChecked()) {
        // The data as it comes, whatever the panel draws: a plain table of the same queries.
        QJsonObject table{{QLatin1String("type"), QLatin1String(paneltype::Table)}};
        for (const char *key : {"id", "title", "datasource", "targets", "interval", "maxDataPoints",
                                "timeFrom", "timeShift"})
            if (panel.contains(QLatin1String(key)))
                table.insert(QLatin1String(key), panel.value(QLatin1String(key)));
        panel = table;
    }
    panel = dashboardedit::withGridPos(panel, GridPos{0, 0, 24, PreviewHeightUnits});
    QJsonObject dashboard = m_dashboardJson;
    dashboard.insert(QLatin1String("panels"), QJsonArray{panel});
    QString error;
    const auto parsed = Dashboard::fromObject(dashboard, &error);
    if (!parsed)
        return;
    if (!m_previewShown) {
        m_previewShown = true;
        m_preview->setDashboard(*parsed, m_range);
        m_preview->scheduler()->refresh();
    } else if (!m_preview->updatePanels(*parsed)) {
        m_preview->setDashboard(*parsed, m_range);
        m_preview->scheduler()->refresh();
    }
    m_preview->setViewPanel(m_panelId);
}

void PanelEditor::updateCompletionRange()
{
    // Label lookups of the query editors cover the range the preview shows.
    if (const auto resolved =
            m_range.resolve(QDateTime::currentDateTimeUtc(), m_preview->timeZone()))
        m_queries->setTimeRange(resolved->fromMs, resolved->toMs);
}

void PanelEditor::onPreviewData(int panelId, PanelDataPtr data)
{
    if (panelId != m_panelId || !data)
        return;
    m_lastData = data;
    m_queries->setResults(*data);
    // The series names, for the overrides' name matcher.
    QStringList names;
    if (PanelWidget *widget = m_preview->panelWidget(panelId)) {
        if (widget->model().type == QLatin1String(paneltype::Table)) {
            // a table's fields are its columns ("job", "Value #A", or their new names)
            names = TablePanel::columnNamesFor(widget->model(), *data);
        } else {
            QSet<QString> seen; // a panel may have thousands of series
            for (const PanelSeries &s : collectSeries(widget->model(), *data))
                if (!seen.contains(s.name)) {
                    seen.insert(s.name);
                    names << s.name;
                }
        }
    }
    m_options->setFieldNames(names);
}

bool PanelEditor::apply()
{
    if (!hasChanges()) {
        m_closing = true;
        accept();
        m_closing = false;
        return true;
    }
    QString error;
    if (!m_document->replacePanelJson(m_panelId, m_current, tr("Edit panel"), &error)) {
        QMessageBox::warning(this, tr("Cannot apply the panel"), error);
        return false;
    }
    m_original = m_current;
    Q_EMIT applied(m_panelId);
    m_closing = true;
    accept();
    m_closing = false;
    return true;
}

void PanelEditor::discard()
{
    m_current = m_original;
    m_closing = true;
    QDialog::reject();
    m_closing = false;
}

void PanelEditor::reject()
{
    // Esc and the window's close button (QDialog's closeEvent() calls this): ask first when
    // there are unapplied changes.
    if (askToClose())
        QDialog::reject();
}

bool PanelEditor::askToClose()
{
    if (m_closing || !hasChanges())
        return true;
    QMessageBox::StandardButton answer;
    if (m_askClose) {
        answer = m_askClose();
    } else {
        answer = QMessageBox::question(
            this, tr("Unapplied changes"),
            tr("The panel has changes that are not in the dashboard yet."),
            QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Apply);
    }
    if (answer == QMessageBox::Apply)
        return apply(), false; // apply() closes
    if (answer == QMessageBox::Discard) {
        discard();
        return false; // discard() closed it
    }
    return false;
}

bool PanelEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+Z and Ctrl+Shift+Z are the editor's undo everywhere inside it, text fields
    // included: a field's own undo would not know the other fields.
    if ((event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        isVisible() && watched->isWidgetType() && isInside(watched, this)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo = key->matches(QKeySequence::Redo) ||
                          key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
        if (undo || redo) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept(); // deliver the key press (here), not a shortcut
                return true;
            }
            if (undo)
                m_stack->undo();
            else
                m_stack->redo();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void PanelEditor::updateTitle()
{
    const QString title = m_current.value(QLatin1String("title")).toString();
    setWindowTitle((hasChanges() ? QStringLiteral("*") : QString()) +
                   tr("Edit panel: %1")
                       .arg(title.isEmpty() ? paneltypes::displayName(
                                                  m_current.value(QLatin1String("type")).toString())
                                            : title));
}

} // namespace pharos
