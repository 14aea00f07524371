#include "app/editor/dashboardeditor.h"

#include "app/view/dashboarddocument.h"
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/paneltypes.h"
#include "panels/panelwidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

// ---------------------------------------------------------------------------------------------
// PanelGallery

PanelGallery::PanelGallery(QWidget *parent) : QDialog(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("panelGallery"));
    setWindowTitle(tr("Add panel"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Choose a visualization:"), this);
    layout->addWidget(label);
    m_list->setObjectName(QStringLiteral("panelGalleryList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setGridSize(QSize(150, 60));
    m_list->setWordWrap(true);
    m_list->setMinimumSize(640, 160);
    for (const PanelTypeInfo &type : paneltypes::all()) {
        auto *item = new QListWidgetItem(type.displayName(), m_list);
        item->setData(Qt::UserRole, type.id);
        item->setToolTip(type.id);
    }
    m_list->setCurrentRow(0);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
}

QString PanelGallery::selectedType() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

// ---------------------------------------------------------------------------------------------
// DashboardEditor

namespace {
constexpr int CornerSize = 16;
const char *const GripName = "resizeGrip";
} // namespace

DashboardEditor::DashboardEditor(DashboardDocument *document, DashboardView *view, QWidget *window)
    : QObject(window), m_document(document), m_view(view), m_window(window)
{
    createActions();
    connect(m_document, &DashboardDocument::changed, this, [this](DashboardDocument::Change c) {
        if (c == DashboardDocument::Change::Reset) {
            m_hovered = 0;
            m_selected = 0;
        }
        updateDecorations();
        updateActions();
    });
    qApp->installEventFilter(this);
    updateActions();
}

DashboardEditor::~DashboardEditor()
{
    qApp->removeEventFilter(this);
}

void DashboardEditor::createActions()
{
    auto make = [this](const QString &text, const char *name) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        m_window->addAction(a);
        return a;
    };
    m_editModeAction = make(tr("Edit mode"), "editModeAction");
    m_editModeAction->setCheckable(true);
    m_editModeAction->setToolTip(tr("Edit the dashboard: move, resize, add and remove panels"));
    connect(m_editModeAction, &QAction::toggled, this, &DashboardEditor::setEditing);

    m_addPanelAction = make(tr("Add panel…"), "addPanelAction");
    m_addPanelAction->setShortcut(QKeySequence(Qt::Key_A, Qt::Key_P));
    connect(m_addPanelAction, &QAction::triggered, this, &DashboardEditor::showGallery);
    m_addRowAction = make(tr("Add row"), "addRowAction");
    connect(m_addRowAction, &QAction::triggered, this, [this] { addRow(); });
    m_duplicateAction = make(tr("Duplicate panel"), "duplicatePanelAction");
    m_duplicateAction->setShortcuts(
        {QKeySequence(Qt::Key_P, Qt::Key_D), QKeySequence(Qt::CTRL | Qt::Key_D)});
    connect(m_duplicateAction, &QAction::triggered, this,
            [this] { duplicatePanel(currentPanel()); });
    m_deleteAction = make(tr("Remove panel"), "removePanelAction");
    m_deleteAction->setShortcuts({QKeySequence(Qt::Key_P, Qt::Key_R), QKeySequence::Delete});
    connect(m_deleteAction, &QAction::triggered, this, [this] { deletePanel(currentPanel()); });
    m_copyAction = make(tr("Copy panel"), "copyPanelAction");
    m_copyAction->setShortcut(QKeySequence::Copy);
    connect(m_copyAction, &QAction::triggered, this, [this] { copyPanel(currentPanel()); });
    m_pasteAction = make(tr("Paste panel"), "pastePanelAction");
    m_pasteAction->setShortcut(QKeySequence::Paste);
    connect(m_pasteAction, &QAction::triggered, this, [this] { pastePanel(); });
    m_viewPanelAction = make(tr("View panel"), "viewPanelAction");
    m_viewPanelAction->setShortcut(QKeySequence(Qt::Key_V));
    connect(m_viewPanelAction, &QAction::triggered, this, [this] { viewPanel(currentPanel()); });
    m_exitViewAction = make(tr("Back to the dashboard"), "exitViewAction");
    m_exitViewAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_exitViewAction, &QAction::triggered, this, &DashboardEditor::exitViewPanel);
    m_editPanelAction = make(tr("Edit panel…"), "editPanelAction");
    m_editPanelAction->setShortcut(QKeySequence(Qt::Key_E));
    connect(m_editPanelAction, &QAction::triggered, this, [this] {
        const int id = currentPanel();
        if (id != 0)
            Q_EMIT editPanelRequested(id);
    });

    QUndoStack *stack = m_document->undoStack();
    m_undoAction = stack->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction = stack->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_window->addAction(m_undoAction);
    m_window->addAction(m_redoAction);
}

void DashboardEditor::updateActions()
{
    const bool has = m_document->hasDashboard();
    const bool panels = has && !m_document->dashboard().panels().isEmpty();
    m_editModeAction->setEnabled(has);
    m_addPanelAction->setEnabled(has && m_editing);
    m_addRowAction->setEnabled(has && m_editing);
    m_duplicateAction->setEnabled(panels && m_editing);
    m_deleteAction->setEnabled(panels && m_editing);
    m_pasteAction->setEnabled(has && m_editing);
    m_copyAction->setEnabled(panels);
    m_viewPanelAction->setEnabled(panels);
    m_editPanelAction->setEnabled(panels);
    m_exitViewAction->setEnabled(m_view->viewPanel() != 0);
    // Ctrl+Z belongs to undo in edit mode only (in view mode it zooms out).
    if (m_editing) {
        m_undoAction->setShortcut(QKeySequence::Undo);
        m_redoAction->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    } else {
        m_undoAction->setShortcuts({});
        m_redoAction->setShortcuts({});
    }
}

void DashboardEditor::setEditing(bool editing)
{
    if (editing && !m_document->hasDashboard())
        editing = false;
    if (m_editing == editing) {
        m_editModeAction->setChecked(editing);
        return;
    }
    if (!editing && m_drag != DragKind::None) {
        m_document->commitPreview(m_drag == DragKind::Move ? tr("Move panel") : tr("Resize panel"));
        m_drag = DragKind::None;
    }
    m_editing = editing;
    m_editModeAction->setChecked(editing);
    updateActions();
    updateDecorations();
    Q_EMIT editingChanged(editing);
}

void DashboardEditor::updateDecorations()
{
    for (PanelWidget *w : m_view->panelWidgets()) {
        QLabel *grip = w->findChild<QLabel *>(QLatin1String(GripName), Qt::FindDirectChildrenOnly);
        if (!m_editing) {
            delete grip;
            w->unsetCursor();
            continue;
        }
        if (!grip) {
            grip = new QLabel(QStringLiteral("◢"), w);
            grip->setObjectName(QLatin1String(GripName));
            grip->setAttribute(Qt::WA_TransparentForMouseEvents);
            grip->setToolTip(tr("Drag to resize"));
            grip->setStyleSheet(QStringLiteral("QLabel { color: #8e8e8e; }"));
            grip->resize(CornerSize, CornerSize);
            grip->setAlignment(Qt::AlignRight | Qt::AlignBottom);
            w->installEventFilter(this); // keeps the grip in the corner on resize
        }
        grip->move(w->width() - CornerSize, w->height() - CornerSize);
        grip->show();
        grip->raise();
    }
}

int DashboardEditor::currentPanel() const
{
    const int id = m_hovered ? m_hovered : m_selected;
    if (id == 0 || !m_document->hasDashboard())
        return 0;
    if (!dashboardedit::findPanel(m_document->json(), id).isEmpty())
        return id;
    // A repeated panel's copy stands for the panel it repeats (Grafana edits that one).
    for (const PanelModel &p : m_view->expandedPanels())
        if (p.id == id && p.repeatSourceId != 0)
            return p.repeatSourceId;
    return 0;
}

int DashboardEditor::addPanel(const QString &type)
{
    if (!m_document->hasDashboard() || !paneltypes::find(type))
        return 0;
    const QJsonObject json = m_document->json();
    int id = 0;
    const QJsonObject next = dashboardedit::addPanel(
        json, dashboardedit::newPanel(type, dashboardedit::nextPanelId(json), tr("New panel")),
        &id);
    if (!m_document->replaceDashboardJson(next,
                                          tr("Add %1 panel").arg(paneltypes::displayName(type))))
        return 0;
    m_selected = id;
    return id;
}

int DashboardEditor::addRow()
{
    if (!m_document->hasDashboard())
        return 0;
    int id = 0;
    const QJsonObject next = dashboardedit::addRow(m_document->json(), tr("Row title"), &id);
    return m_document->replaceDashboardJson(next, tr("Add row")) ? id : 0;
}

bool DashboardEditor::movePanel(int panelId, const GridPos &pos)
{
    if (!m_document->hasDashboard())
        return false;
    const QJsonObject json = m_document->json();
    const QJsonObject next = dashboardedit::movePanel(json, panelId, pos);
    if (next == json)
        return false;
    return m_document->replaceDashboardJson(next, tr("Move panel"));
}

int DashboardEditor::duplicatePanel(int panelId)
{
    if (!m_document->hasDashboard() || panelId == 0)
        return 0;
    int id = 0;
    const QJsonObject next = dashboardedit::duplicatePanel(m_document->json(), panelId, &id);
    if (id == 0 || !m_document->replaceDashboardJson(next, tr("Duplicate panel")))
        return 0;
    m_selected = id;
    return id;
}

bool DashboardEditor::deletePanel(int panelId)
{
    if (!m_document->hasDashboard() || panelId == 0)
        return false;
    const QJsonObject json = m_document->json();
    const QJsonObject next = dashboardedit::removePanel(json, panelId);
    if (next == json)
        return false;
    if (m_hovered == panelId)
        m_hovered = 0;
    if (m_selected == panelId)
        m_selected = 0;
    if (m_view->viewPanel() == panelId)
        exitViewPanel();
    return m_document->replaceDashboardJson(next, tr("Remove panel"));
}

bool DashboardEditor::copyPanel(int panelId)
{
    if (!m_document->hasDashboard() || panelId == 0)
        return false;
    const QJsonObject panel = dashboardedit::findPanel(m_document->json(), panelId);
    if (panel.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(
        QString::fromUtf8(dashboardedit::panelClipboardText(panel)));
    Q_EMIT message(tr("Panel copied"));
    return true;
}

int DashboardEditor::pastePanel()
{
    if (!m_document->hasDashboard())
        return 0;
    QString error;
    const QJsonObject panel = dashboardedit::panelFromClipboardText(
        QGuiApplication::clipboard()->text().toUtf8(), &error);
    if (panel.isEmpty()) {
        Q_EMIT message(error);
        return 0;
    }
    int id = 0;
    const QJsonObject next = dashboardedit::addPanel(m_document->json(), panel, &id);
    if (!m_document->replaceDashboardJson(next, tr("Paste panel"), &error)) {
        Q_EMIT message(error);
        return 0;
    }
    m_selected = id;
    return id;
}

void DashboardEditor::viewPanel(int panelId)
{
    if (panelId == 0)
        return;
    m_view->setViewPanel(panelId);
    updateActions();
}

void DashboardEditor::exitViewPanel()
{
    m_view->setViewPanel(0);
    updateActions();
}

void DashboardEditor::showGallery()
{
    if (!m_document->hasDashboard() || !m_editing)
        return;
    if (!m_gallery) {
        m_gallery = new PanelGallery(m_window);
        connect(m_gallery, &QDialog::accepted, this,
                [this] { addPanel(m_gallery->selectedType()); });
    }
    m_gallery->open();
}

PanelWidget *DashboardEditor::panelAt(QObject *receiver, const QPoint &globalPos) const
{
    // Only events for the canvas or a widget on it; the panel is found by position, so that
    // an event sent to the canvas itself (or a child that grabbed the mouse) finds it too.
    QWidget *canvas = m_view->canvas();
    bool onCanvas = false;
    for (QObject *o = receiver; o && !onCanvas; o = o->parent())
        onCanvas = o == canvas;
    if (!onCanvas)
        return nullptr;
    const QPoint pos = canvas->mapFromGlobal(globalPos);
    for (PanelWidget *p : m_view->panelWidgets()) {
        if (p->isVisible() && p->geometry().contains(pos))
            return p;
    }
    return nullptr;
}

DashboardEditor::DragKind DashboardEditor::hitTest(PanelWidget *panel, const QPoint &pos) const
{
    if (pos.x() >= panel->width() - CornerSize && pos.y() >= panel->height() - CornerSize)
        return DragKind::Resize;
    int headerBottom = 24;
    if (const QWidget *title = panel->findChild<QWidget *>(QStringLiteral("panelTitle")))
        headerBottom = std::max(headerBottom, title->geometry().bottom() + 3);
    if (pos.y() >= 0 && pos.y() <= headerBottom)
        return DragKind::Move;
    return DragKind::None;
}

double DashboardEditor::columnPitch() const
{
    const int gridWidth = m_view->canvas()->width() - 2 * DashboardView::Padding;
    return double(gridWidth - grid::Margin * (grid::Columns - 1)) / grid::Columns + grid::Margin;
}

int DashboardEditor::rowAt(QObject *receiver, const QPoint &globalPos) const
{
    QWidget *canvas = m_view->canvas();
    bool onCanvas = false;
    for (QObject *o = receiver; o && !onCanvas; o = o->parent())
        onCanvas = o == canvas;
    if (!onCanvas)
        return 0;
    const QPoint pos = canvas->mapFromGlobal(globalPos);
    for (int id : m_view->rowIds()) {
        const QWidget *header = m_view->rowHeader(id);
        if (header && header->isVisible() && header->geometry().contains(pos))
            return id;
    }
    return 0;
}

void DashboardEditor::dragTo(const QPoint &globalPos)
{
    const QPoint d = globalPos - m_dragStart;
    if (!m_dragMoved && d.manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragMoved = true;
    const int dx = int(std::lround(d.x() / std::max(1.0, columnPitch())));
    const int dy = int(std::lround(double(d.y()) / (grid::RowHeight + grid::Margin)));
    GridPos target = m_dragStartPos;
    if (m_drag == DragKind::Move) {
        target.x = std::clamp(m_dragStartPos.x + dx, 0, grid::Columns - m_dragStartPos.w);
        target.y = std::max(0, m_dragStartPos.y + dy);
    } else {
        target.w = std::clamp(m_dragStartPos.w + dx, 1, grid::Columns - m_dragStartPos.x);
        target.h = std::max(1, m_dragStartPos.h + dy);
    }
    if (target == m_dragLast)
        return;
    m_dragLast = target;
    m_document->preview(dashboardedit::movePanel(m_dragBase, m_dragPanel, target));
}

bool DashboardEditor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
        if (auto *p = qobject_cast<PanelWidget *>(watched)) {
            if (QWidget *grip =
                    p->findChild<QWidget *>(QLatin1String(GripName), Qt::FindDirectChildrenOnly))
                grip->move(p->width() - CornerSize, p->height() - CornerSize);
        }
        break;
    case QEvent::Leave:
        if (auto *p = qobject_cast<PanelWidget *>(watched); p && p->panelId() == m_hovered)
            m_hovered = 0;
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        if (!watched->isWidgetType())
            break;
        auto *me = static_cast<QMouseEvent *>(event);
        PanelWidget *panel = panelAt(watched, me->globalPosition().toPoint());
        if (!panel) {
            // A row header: in edit mode a drag moves the row (and the panels it holds); a
            // click without a drag still folds it.
            const int row = rowAt(watched, me->globalPosition().toPoint());
            if (row == 0)
                break;
            m_selected = row;
            if (!m_editing || me->button() != Qt::LeftButton || m_drag != DragKind::None)
                break;
            const QJsonObject json = m_document->json();
            const QJsonObject model = dashboardedit::findPanel(json, row);
            if (model.isEmpty())
                break;
            m_drag = DragKind::Move;
            m_dragIsRow = true;
            m_dragMoved = false;
            m_dragPanel = row;
            m_dragStart = me->globalPosition().toPoint();
            m_dragStartPos = dashboardedit::gridPosOf(model);
            m_dragLast = m_dragStartPos;
            m_dragBase = json;
            m_document->beginPreview();
            return true;
        }
        m_selected = panel->panelId();
        if (!m_editing || me->button() != Qt::LeftButton || m_drag != DragKind::None)
            break;
        const QPoint pos = panel->mapFromGlobal(me->globalPosition().toPoint());
        if (qobject_cast<QAbstractButton *>(panel->childAt(pos))) // the header's menu button
            break;
        const DragKind kind = hitTest(panel, pos);
        if (kind == DragKind::None)
            break;
        const QJsonObject json = m_document->json();
        const QJsonObject model = dashboardedit::findPanel(json, panel->panelId());
        bool topLevel = false;
        for (const QJsonValue &v : json.value(QLatin1String("panels")).toArray())
            topLevel =
                topLevel || v.toObject().value(QLatin1String("id")).toInt() == panel->panelId();
        if (model.isEmpty() || !topLevel)
            break;
        m_drag = kind;
        m_dragIsRow = false;
        m_dragMoved = true;
        m_dragPanel = panel->panelId();
        m_dragStart = me->globalPosition().toPoint();
        m_dragStartPos = dashboardedit::gridPosOf(model);
        m_dragLast = m_dragStartPos;
        m_dragBase = json;
        m_document->beginPreview();
        return true;
    }
    case QEvent::MouseMove: {
        auto *me = static_cast<QMouseEvent *>(event);
        if (m_drag != DragKind::None) {
            dragTo(me->globalPosition().toPoint());
            return true;
        }
        if (!watched->isWidgetType())
            break;
        if (const int row = rowAt(watched, me->globalPosition().toPoint()))
            m_hovered = row;
        if (PanelWidget *panel = panelAt(watched, me->globalPosition().toPoint())) {
            m_hovered = panel->panelId();
            if (m_editing) {
                const DragKind kind =
                    hitTest(panel, panel->mapFromGlobal(me->globalPosition().toPoint()));
                if (kind == DragKind::Move)
                    panel->setCursor(Qt::SizeAllCursor);
                else if (kind == DragKind::Resize)
                    panel->setCursor(Qt::SizeFDiagCursor);
                else
                    panel->unsetCursor();
            }
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        if (m_drag == DragKind::None)
            break;
        auto *me = static_cast<QMouseEvent *>(event);
        if (me->button() != Qt::LeftButton)
            return true;
        dragTo(me->globalPosition().toPoint());
        const DragKind kind = m_drag;
        m_drag = DragKind::None;
        if (m_dragIsRow && !m_dragMoved) { // a click on a row header: fold or unfold it
            m_document->cancelPreview();
            m_view->toggleRow(m_dragPanel);
            return true;
        }
        m_document->commitPreview(m_dragIsRow              ? tr("Move row")
                                  : kind == DragKind::Move ? tr("Move panel")
                                                           : tr("Resize panel"));
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pharos
