#pragma once

#include "dashboards/model/dashboard.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

class QAction;
class QListWidget;
class QUndoStack;

namespace pharos {

class DashboardDocument;
class DashboardView;
class PanelWidget;

/// "Add panel": the panel types as a list to pick from (double-click or Add).
class PanelGallery : public QDialog
{
    Q_OBJECT
public:
    explicit PanelGallery(QWidget *parent = nullptr);
    /// The list (one item per type; the item's Qt::UserRole is the Grafana type id).
    QListWidget *list() const { return m_list; }
    QString selectedType() const;

private:
    QListWidget *m_list;
};

/// The edit mode of a dashboard: every edit goes through the document's undo stack.
///
/// In edit mode the mouse moves a panel by its header (a row by its header; a click still
/// folds it) and resizes it by its bottom-right corner on the 24-column grid (the others push down
/// and float up live; one undo step per drag). The actions (menus, tool bar, shortcuts) add panels
/// from the gallery and rows, duplicate, delete, copy and paste panels (Grafana panel JSON on the
/// clipboard), undo and redo. `v` shows the panel under the mouse (or the last one clicked) alone
/// and Esc comes back; `e` asks for the panel editor (editPanelRequested()).
class DashboardEditor : public QObject
{
    Q_OBJECT
public:
    DashboardEditor(DashboardDocument *document, DashboardView *view, QWidget *window);
    ~DashboardEditor() override;

    bool isEditing() const { return m_editing; }
    void setEditing(bool editing);

    /// The actions, to put in menus and tool bars (all are added to the window too, for
    /// their shortcuts).
    QAction *editModeAction() const { return m_editModeAction; }
    QAction *addPanelAction() const { return m_addPanelAction; }
    QAction *addRowAction() const { return m_addRowAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *pasteAction() const { return m_pasteAction; }
    QAction *viewPanelAction() const { return m_viewPanelAction; }
    QAction *exitViewAction() const { return m_exitViewAction; }
    QAction *editPanelAction() const { return m_editPanelAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    /// The operations behind the actions and the mouse; each is one undo step. They return
    /// the new panel's id (0 on failure) or whether something changed.
    int addPanel(const QString &type);
    int addRow();
    bool movePanel(int panelId, const GridPos &pos);
    int duplicatePanel(int panelId);
    bool deletePanel(int panelId);
    bool copyPanel(int panelId);
    int pastePanel();
    void viewPanel(int panelId);
    void exitViewPanel();

    /// The panel the keyboard acts on: the one under the mouse, else the last one clicked.
    int currentPanel() const;
    void setCurrentPanel(int panelId) { m_selected = panelId; }

    /// Opens the panel gallery (window-modal, returns at once); the pick adds a panel.
    void showGallery();
    PanelGallery *gallery() const { return m_gallery; }

    /// The edit-mode shortcuts that collide with view-mode ones are given out here:
    /// the main window calls it and takes Ctrl+Z for zoom out when this returns false.
    bool ownsUndoShortcuts() const { return m_editing; }

Q_SIGNALS:
    void editingChanged(bool editing);
    /// `e` or "Edit panel…": open the panel editor on panelId. Nothing in this class opens
    /// it; the panel editor connects here.
    void editPanelRequested(int panelId);
    /// A short message for the status bar (a paste that was not a panel...).
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class DragKind { None, Move, Resize };
    void createActions();
    void updateActions();
    void updateDecorations();
    PanelWidget *panelAt(QObject *receiver, const QPoint &globalPos) const;
    /// The id of the row whose header is at globalPos, 0 when none.
    int rowAt(QObject *receiver, const QPoint &globalPos) const;
    DragKind hitTest(PanelWidget *panel, const QPoint &pos) const;
    /// Pixels per grid column and per row unit at the current width.
    double columnPitch() const;
    void dragTo(const QPoint &globalPos);

    DashboardDocument *m_document;
    DashboardView *m_view;
    QWidget *m_window;
    bool m_editing = false;
    int m_hovered = 0;
    int m_selected = 0;
    QPointer<PanelGallery> m_gallery;

    DragKind m_drag = DragKind::None;
    int m_dragPanel = 0;
    QPoint m_dragStart;
    GridPos m_dragStartPos;
    GridPos m_dragLast;
    QJsonObject m_dragBase;
    bool m_dragIsRow = false;
    bool m_dragMoved = false; // past the start distance (a row click folds it instead)

    QAction *m_editModeAction = nullptr;
    QAction *m_addPanelAction = nullptr;
    QAction *m_addRowAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_viewPanelAction = nullptr;
    QAction *m_exitViewAction = nullptr;
    QAction *m_editPanelAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
};

} // namespace pharos
