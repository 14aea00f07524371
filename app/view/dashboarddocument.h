#pragma once

#include "dashboards/model/dashboard.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUndoCommand>
#include <optional>

class QUndoStack;

namespace pharos {

/// One open dashboard as an editable document: the Dashboard, the file it came from, whether
/// it has unsaved changes, and the QUndoStack that every edit goes through. The main window
/// owns one (MainWindow::document()); the view, the title bar ("*"), Save and the recovery
/// file all follow it.
///
/// How to edit it (panel editor, settings dialog, JSON model editor, ...):
///
///   // a whole new dashboard JSON (settings, JSON model): validated, one undo step
///   QString error;
///   if (!doc->replaceDashboardJson(json, tr("Change dashboard settings"), &error))
///       showTheError(error);
///   // one panel (panel editor "Apply"): keeps the panel's id, one undo step
///   doc->replacePanelJson(panelId, panelJson, tr("Edit panel"));
///   // your own QUndoCommand: call doc->setJson() in its redo() and undo()
///   doc->undoStack()->push(new MyCommand(doc, ...));
///
/// Commands pushed with the same non-negative `mergeKey` one after the other merge into one
/// undo step (typing in a field: one step, not one per key).
///
/// Each change emits changed(): Layout when only grid positions changed (the view moves the
/// panels it has), Content otherwise (the view rebuilds its panels and queries again), Reset
/// when another dashboard was loaded (the undo history is gone).
class DashboardDocument : public QObject
{
    Q_OBJECT
public:
    enum class Change { Layout, Content, Reset };
    Q_ENUM(Change)

    explicit DashboardDocument(QObject *parent = nullptr);
    ~DashboardDocument() override;

    bool hasDashboard() const { return m_dashboard.has_value(); }
    /// The dashboard; only valid when hasDashboard().
    const Dashboard &dashboard() const { return *m_dashboard; }
    QJsonObject json() const { return m_dashboard ? m_dashboard->toJson() : QJsonObject(); }
    /// The file it is saved to; empty for a new or imported dashboard.
    QString filePath() const { return m_path; }
    void setFilePath(const QString &path) { m_path = path; }

    /// Unsaved changes: the undo stack is away from its clean state, or the dashboard came
    /// unsaved (imported, restored from a recovery file).
    bool isModified() const;
    QUndoStack *undoStack() const { return m_stack; }
    /// Grows on every change (for the recovery file: write when it moved).
    quint64 revision() const { return m_revision; }

    /// Replaces the document (open, import, new, restore): clears the undo history.
    /// `modified` marks it unsaved until the next save.
    void reset(const Dashboard &dashboard, const QString &path, bool modified);
    void clear();

    /// Replaces the whole dashboard JSON as one undo step. False with *error (translated)
    /// when it is not a dashboard; nothing changes then. No step when nothing changed.
    bool replaceDashboardJson(const QJsonObject &json, const QString &text,
                              QString *error = nullptr, int mergeKey = -1);
    /// Replaces one panel's JSON (top level or in a collapsed row; its id is kept; a changed
    /// gridPos is laid out as a move) as one undo step. False with *error when there is no
    /// such panel.
    bool replacePanelJson(int panelId, const QJsonObject &panel, const QString &text,
                          QString *error = nullptr, int mergeKey = -1);

    /// Live edits (a drag): beginPreview() remembers the current JSON; preview() shows
    /// intermediate states without undo steps; commitPreview() pushes one step from the
    /// remembered state to the current one (none when they are equal); cancelPreview()
    /// goes back to the remembered state.
    void beginPreview();
    void preview(const QJsonObject &json);
    void commitPreview(const QString &text);
    void cancelPreview();
    bool inPreview() const { return m_previewBase.has_value(); }

    /// Sets the JSON without an undo step: for QUndoCommand::redo()/undo() only.
    void setJson(const QJsonObject &json);

    /// After a successful save to `path`: clean state, no "unsaved" mark.
    void markSaved(const QString &path);
    /// Marks the document unsaved without an undo step (e.g. the import of a file).
    void markModified();

Q_SIGNALS:
    void changed(pharos::DashboardDocument::Change change);
    void modifiedChanged(bool modified);

private:
    void emitModified();

    std::optional<Dashboard> m_dashboard;
    QString m_path;
    QUndoStack *m_stack;
    bool m_unsavedOrigin = false;
    bool m_lastModified = false;
    quint64 m_revision = 0;
    std::optional<QJsonObject> m_previewBase;
};

/// The generic undo step: the dashboard JSON before and after. redo() applies `after`,
/// undo() `before`. With the same mergeKey (>= 0) consecutive steps merge.
class ReplaceDashboardCommand : public QUndoCommand
{
public:
    ReplaceDashboardCommand(DashboardDocument *document, QJsonObject before, QJsonObject after,
                            const QString &text, int mergeKey = -1, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    DashboardDocument *m_document;
    QJsonObject m_before;
    QJsonObject m_after;
    int m_mergeKey;
};

} // namespace pharos
