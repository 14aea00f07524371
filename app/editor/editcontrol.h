#pragma once

#include <QObject>

class QSocketNotifier;

namespace pharos {

class MainWindow;

/// A test-only control channel (for tests that drive the real binary, e.g. the crash-safety
/// test): when PHAROS_EDIT_CONTROL=1, Pharos reads one command per line from stdin and
/// answers one line on stdout, "ok ..." or "error ...". The commands call the same editing
/// code as the menus, the mouse and the keyboard (DashboardEditor, MainWindow):
///
///   new                      File › New
///   edit on|off              the edit-mode toggle
///   add TYPE                 a panel from the gallery       -> "ok ID"
///   row                      Add row                        -> "ok ID"
///   move ID X Y W H          a drag that ends at that grid position
///   duplicate ID | delete ID
///   undo | redo
///   editpanel ID             the panel editor on panel ID (key e)
///   paneltitle TEXT          types TEXT as the edited panel's title (the Options pane)
///   panelapply               the panel editor's Apply
///   save                     File › Save (to the document's file)
///   state                    -> "ok {"path":..., "modified":..., "dashboard":{...}}"
///   recovery                 -> "ok <this session's recovery file>"
///   quit                     closes the window (no question: unsaved edits are discarded)
///
/// Not a user feature; nothing is read from stdin without the variable.
class EditControl : public QObject
{
    Q_OBJECT
public:
    explicit EditControl(MainWindow *window);
    /// Runs one command line and returns the answer line (without newline).
    QString run(const QString &line);

private:
    void readLines();
    MainWindow *m_window;
    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
};

} // namespace pharos
