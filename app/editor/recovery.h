#pragma once

#include "dashboards/model/dashboard.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace pharos {

class DashboardDocument;
class MainWindow;

/// Crash safety: while a document has unsaved edits, they are written every few seconds to a
/// recovery file, atomically (QSaveFile), with the path of the original file. The file is
/// removed after a save, a discard, or a normal exit. Each running Pharos holds a lock beside
/// its file, so the next start can tell the files of a crashed session (lock stale) from those
/// of another running one.
///
/// The folder is $XDG_STATE_HOME/pharos/recovery when XDG_STATE_HOME is set, otherwise
/// QStandardPaths::AppLocalDataLocation/recovery.
class RecoveryWriter : public QObject
{
    Q_OBJECT
public:
    explicit RecoveryWriter(DashboardDocument *document, QObject *parent = nullptr);
    ~RecoveryWriter() override;

    static QString directory();
    /// This session's recovery file (it exists only while there are unsaved edits).
    QString filePath() const { return m_file; }
    /// Default 2000 ms (PHAROS_RECOVERY_INTERVAL_MS overrides it).
    void setInterval(int ms);
    /// Writes now when the document has unsaved edits not written yet; removes the file when
    /// it has none. Returns false (and logs to stderr) when the file cannot be written.
    bool sync();
    /// Removes this session's file.
    void remove();
    /// Edits that are not in the document yet (the panel editor's unapplied changes): the
    /// function returns the dashboard JSON with them, or nullopt when there are none. They are
    /// written like unsaved edits; call pendingEditsChanged() whenever they change.
    void setPendingEdits(std::function<std::optional<QJsonObject>()> pending)
    {
        m_pending = std::move(pending);
    }
    void pendingEditsChanged() { ++m_pendingSerial; }

private:
    DashboardDocument *m_document;
    QTimer *m_timer;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock;
    quint64 m_written = 0; // document revision in the file; 0 = no file
    std::function<std::optional<QJsonObject>()> m_pending;
    quint64 m_pendingSerial = 0;
    quint64 m_writtenPending = 0; // m_pendingSerial when the file was written
};

/// A recovery file left by a session that ended without saving.
struct RecoveredEdits
{
    QString file;         // the recovery file
    QString originalPath; // the dashboard's own file; empty for a new dashboard
    QString title;
    QDateTime written;
    QJsonObject dashboard;
};

/// Recovery files of sessions that are not running any more, newest first. Unreadable ones
/// are skipped (and left alone).
QList<RecoveredEdits> orphanedRecoveryFiles();
/// Removes a recovery file and its lock.
void removeRecoveryFile(const QString &file);

/// At start-up: offers each orphaned recovery file to the user (Restore / Discard / Later) and
/// restores the first one accepted into `window`. The environment variable PHAROS_RECOVERY
/// answers without a dialog: "restore", "discard" or "later" (for tests and scripts); the
/// offer and the answer are then printed on stderr. Returns the number of restored files.
int offerRecovery(MainWindow *window);

} // namespace pharos
