#include "app/editor/recovery.h"

#include "app/mainwindow.h"
#include "app/view/dashboarddocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>

namespace pharos {

namespace {

const QLatin1String FormatKey("pharosRecovery");

QString lockPathFor(const QString &file)
{
    QString base = file;
    if (base.endsWith(QLatin1String(".json")))
        base.chop(5);
    return base + QLatin1String(".lock");
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace

RecoveryWriter::RecoveryWriter(DashboardDocument *document, QObject *parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    const QString dir = directory();
    QDir().mkpath(dir);
    const QString base = dir + QStringLiteral("/session-%1-%2")
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
    m_file = base + QLatin1String(".json");
    m_lock = std::make_unique<QLockFile>(base + QLatin1String(".lock"));
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale
    if (!m_lock->tryLock(0))
        printErr(tr("Cannot lock the recovery file %1.").arg(QDir::toNativeSeparators(base)));
    int interval = qEnvironmentVariableIntValue("PHAROS_RECOVERY_INTERVAL_MS");
    m_timer->setInterval(interval > 0 ? interval : 2000);
    connect(m_timer, &QTimer::timeout, this, [this] { sync(); });
    m_timer->start();
    connect(m_document, &DashboardDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified && !(m_pending && m_pending()))
            remove(); // saved, or back to the saved state
    });
}

RecoveryWriter::~RecoveryWriter()
{
    // A normal exit: the user saved or discarded (or had nothing to lose).
    remove();
    if (m_lock)
        m_lock->unlock();
}

QString RecoveryWriter::directory()
{
    const QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (!state.isEmpty())
        return QDir(state).filePath(QStringLiteral("pharos/recovery"));
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QLatin1String("/recovery");
}

void RecoveryWriter::setInterval(int ms)
{
    m_timer->setInterval(std::max(100, ms));
}

bool RecoveryWriter::sync()
{
    const std::optional<QJsonObject> pending =
        m_pending && m_document->hasDashboard() ? m_pending() : std::nullopt;
    if (!m_document->hasDashboard() || (!m_document->isModified() && !pending)) {
        remove();
        return true;
    }
    if (m_written == m_document->revision() && m_writtenPending == m_pendingSerial &&
        QFileInfo::exists(m_file))
        return true;
    QJsonObject o;
    o.insert(FormatKey, 1);
    o.insert(QStringLiteral("path"), m_document->filePath());
    o.insert(QStringLiteral("title"), m_document->dashboard().title());
    o.insert(QStringLiteral("written"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("dashboard"), pending ? *pending : m_document->json());
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printErr(tr("Cannot write the recovery file %1: %2")
                     .arg(QDir::toNativeSeparators(m_file), file.errorString()));
        return false;
    }
    m_written = m_document->revision();
    m_writtenPending = m_pendingSerial;
    return true;
}

void RecoveryWriter::remove()
{
    if (QFileInfo::exists(m_file))
        QFile::remove(m_file);
    m_written = 0;
}

QList<RecoveredEdits> orphanedRecoveryFiles()
{
    QList<RecoveredEdits> out;
    const QDir dir(RecoveryWriter::directory());
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files);
    for (const QFileInfo &info : files) {
        QLockFile lock(lockPathFor(info.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its session is still running
        lock.unlock();
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        if (o.value(FormatKey).toInt() != 1 || !o.value(QLatin1String("dashboard")).isObject())
            continue;
        RecoveredEdits r;
        r.file = info.absoluteFilePath();
        r.originalPath = o.value(QLatin1String("path")).toString();
        r.title = o.value(QLatin1String("title")).toString();
        r.written =
            QDateTime::fromString(o.value(QLatin1String("written")).toString(), Qt::ISODateWithMs);
        if (!r.written.isValid())
            r.written = info.lastModified();
        r.dashboard = o.value(QLatin1String("dashboard")).toObject();
        out.append(r);
    }
    std::sort(out.begin(), out.end(), [](const RecoveredEdits &a, const RecoveredEdits &b) {
        return a.written > b.written;
    });
    return out;
}

void removeRecoveryFile(const QString &file)
{
    QFile::remove(file);
    QFile::remove(lockPathFor(file));
}

int offerRecovery(MainWindow *window)
{
    const QString preset = qEnvironmentVariable("PHAROS_RECOVERY").trimmed().toLower();
    int restored = 0;
    for (const RecoveredEdits &r : orphanedRecoveryFiles()) {
        const QString name = r.title.isEmpty()
                                 ? QCoreApplication::translate("pharos::Recovery", "Untitled")
                                 : r.title;
        const QString where =
            r.originalPath.isEmpty()
                ? QCoreApplication::translate("pharos::Recovery", "a new dashboard, never saved")
                : QDir::toNativeSeparators(r.originalPath);
        const QString offer =
            QCoreApplication::translate("pharos::Recovery",
                                        "Pharos found unsaved edits of the dashboard “%1” (%2) "
                                        "from a session that did not end normally; they were "
                                        "last written on %3.")
                .arg(name, where,
                     QLocale().toString(r.written.toLocalTime(), QLocale::ShortFormat));
        enum class Answer { Restore, Discard, Later } answer = Answer::Later;
        if (!preset.isEmpty()) {
            printErr(offer);
            if (preset == QLatin1String("restore"))
                answer = Answer::Restore;
            else if (preset == QLatin1String("discard"))
                answer = Answer::Discard;
        } else {
            QMessageBox box(
                QMessageBox::Question,
                QCoreApplication::translate("pharos::Recovery", "Restore unsaved edits"), offer,
                QMessageBox::NoButton, window);
            box.setInformativeText(QCoreApplication::translate(
                "pharos::Recovery", "Restore them now? Discard deletes them for good."));
            QPushButton *restore =
                box.addButton(QCoreApplication::translate("pharos::Recovery", "Restore"),
                              QMessageBox::AcceptRole);
            QPushButton *discard = box.addButton(QMessageBox::Discard);
            box.addButton(QCoreApplication::translate("pharos::Recovery", "Later"),
                          QMessageBox::RejectRole);
            box.setDefaultButton(restore);
            box.exec();
            if (box.clickedButton() == restore)
                answer = Answer::Restore;
            else if (box.clickedButton() == discard)
                answer = Answer::Discard;
        }
        if (answer == Answer::Discard) {
            removeRecoveryFile(r.file);
            if (!preset.isEmpty())
                printErr(QCoreApplication::translate("pharos::Recovery",
                                                     "Discarded the unsaved edits of “%1”.")
                             .arg(name));
            continue;
        }
        if (answer == Answer::Later || restored > 0)
            continue;
        QString error;
        const auto dashboard = Dashboard::fromObject(r.dashboard, &error);
        if (!dashboard) {
            printErr(QCoreApplication::translate("pharos::Recovery", "Cannot restore %1: %2")
                         .arg(QDir::toNativeSeparators(r.file), error));
            continue;
        }
        if (!window->showRecoveredDashboard(*dashboard, r.originalPath))
            continue;
        ++restored;
        // The edits now live in this session (and its own recovery file).
        if (window->recoveryWriter())
            window->recoveryWriter()->sync();
        removeRecoveryFile(r.file);
        if (!preset.isEmpty())
            printErr(QCoreApplication::translate("pharos::Recovery",
                                                 "Restored the unsaved edits of “%1”.")
                         .arg(name));
    }
    return restored;
}

} // namespace pharos
