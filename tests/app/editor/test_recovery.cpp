// Crash safety with the real binary: edits made through the editing code (test control
// channel on stdin, PHAROS_EDIT_CONTROL=1) reach a recovery file within seconds; after a
// SIGKILL the next start offers them (PHAROS_RECOVERY answers the offer) and restoring gives
// the edited dashboard, still unsaved and tied to its original file; saving removes the
// recovery file. Discarding removes it too, and a clean exit leaves none. Changes not yet
// applied in the panel editor are kept as well.
#include "dashboards/model/dashboardedit.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

namespace {

const QString Binary = QStringLiteral(PHAROS_BINARY_DIR "/app/pharos");

/// One running pharos with the control channel.
class Pharos
{
public:
    Pharos(const QTemporaryDir &dir, const QString &recoveryAnswer, const QStringList &args = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), dir.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("PHAROS_EDIT_CONTROL"), QStringLiteral("1"));
        env.insert(QStringLiteral("PHAROS_RECOVERY"), recoveryAnswer);
        env.remove(QStringLiteral("PHAROS_RECOVERY_INTERVAL_MS")); // the real interval
        process.setProcessEnvironment(env);
        process.start(Binary, QStringList{QStringLiteral("--datasource"),
                                          QStringLiteral("http://127.0.0.1:9")} +
                                  args);
    }
    ~Pharos()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

    /// Sends a command and returns its answer line ("" on timeout).
    QString command(const QString &line)
    {
        process.write(line.toUtf8() + '\n');
        QElapsedTimer timer;
        timer.start();
        while (!process.canReadLine() && timer.elapsed() < 20000 &&
               process.state() == QProcess::Running)
            process.waitForReadyRead(200);
        return QString::fromUtf8(process.readLine()).trimmed();
    }
    QJsonObject state()
    {
        const QString answer = command(QStringLiteral("state"));
        if (!answer.startsWith(QLatin1String("ok ")))
            return {};
        return QJsonDocument::fromJson(answer.mid(3).toUtf8()).object();
    }
    QString stderrText()
    {
        m_err += QString::fromUtf8(process.readAllStandardError());
        return m_err;
    }

    QProcess process;

private:
    QString m_err;
};

QString recoveryDir(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("state/pharos/recovery"));
}

QStringList recoveryFiles(const QTemporaryDir &dir)
{
    return QDir(recoveryDir(dir)).entryList({QStringLiteral("*.json")}, QDir::Files);
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonArray panelsOf(const QJsonObject &dashboard)
{
    return dashboard.value(QLatin1String("panels")).toArray();
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(Binary), "build the pharos binary first"); }
    void killedWhileEditingThenRestored();
    void discardedAndCleanExit();
    void killedInThePanelEditorThenRestored();

private:
    QString writeOriginal(const QTemporaryDir &dir);
};

QString TestRecovery::writeOriginal(const QTemporaryDir &dir)
{
    QJsonObject d = pharos::dashboardedit::newDashboard(QStringLiteral("Original"));
    d = pharos::dashboardedit::addPanel(
        d, pharos::dashboardedit::newPanel(QStringLiteral("timeseries"), 1, QStringLiteral("CPU")));
    const QString path = dir.filePath(QStringLiteral("original.json"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(d).toJson());
    return path;
}

void TestRecovery::killedWhileEditingThenRestored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString original = writeOriginal(dir);
    const QByteArray originalBytes = [&] {
        QFile f(original);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    QJsonObject edited;
    {
        Pharos first(dir, QStringLiteral("restore"), {original});
        QVERIFY2(first.process.waitForStarted(10000), qPrintable(first.process.errorString()));
        // Wait until the file is open.
        QTRY_VERIFY_WITH_TIMEOUT(panelsOf(first.state().value("dashboard").toObject()).size() == 1,
                                 20000);
        QCOMPARE(first.command(QStringLiteral("edit on")), QStringLiteral("ok"));
        const QString added = first.command(QStringLiteral("add stat"));
        QVERIFY2(added.startsWith(QLatin1String("ok ")), qPrintable(added));
        const int stat = added.mid(3).toInt();
        QCOMPARE(first.command(QStringLiteral("move %1 12 0 12 8").arg(stat)),
                 QStringLiteral("ok"));
        QVERIFY(first.command(QStringLiteral("add text")).startsWith(QLatin1String("ok ")));
        QCOMPARE(first.command(QStringLiteral("undo")), QStringLiteral("ok")); // the text panel
        const QJsonObject state = first.state();
        QVERIFY(state.value("modified").toBool());
        QCOMPARE(state.value("path").toString(), original);
        edited = state.value("dashboard").toObject();
        QCOMPARE(panelsOf(edited).size(), 2);

        // The recovery file appears within a few seconds, with these edits and the path.
        const QString recoveryAnswer = first.command(QStringLiteral("recovery"));
        QVERIFY(recoveryAnswer.startsWith(QLatin1String("ok ")));
        const QString recoveryFile = recoveryAnswer.mid(3);
        QVERIFY(recoveryFile.startsWith(recoveryDir(dir)));
        QTRY_COMPARE_WITH_TIMEOUT(readJson(recoveryFile).value("dashboard").toObject(), edited,
                                  15000);
        QCOMPARE(readJson(recoveryFile).value("path").toString(), original);

        // Crash.
        ::kill(pid_t(first.process.processId()), SIGKILL);
        QVERIFY(first.process.waitForFinished(10000));
        QCOMPARE(first.process.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFile::exists(recoveryFile)); // left behind
    }
    // The dashboard file itself was never touched.
    {
        QFile f(original);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), originalBytes);
    }

    // The next start offers the edits and restores them.
    Pharos second(dir, QStringLiteral("restore"));
    QVERIFY(second.process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(second.stderrText().contains(QLatin1String("Restored the unsaved")),
                             20000);
    QVERIFY2(second.stderrText().contains(
                 QStringLiteral("found unsaved edits of the dashboard “Original”")),
             qPrintable(second.stderrText()));
    QVERIFY(second.stderrText().contains(original));
    const QJsonObject restored = second.state();
    QCOMPARE(restored.value("dashboard").toObject(), edited);
    QVERIFY(restored.value("modified").toBool()); // still unsaved
    QCOMPARE(restored.value("path").toString(), original);
    // The old session's file is gone; this session keeps its own while the edits are unsaved.
    const QString ownFile = second.command(QStringLiteral("recovery")).mid(3);
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(dir), QStringList{QFileInfo(ownFile).fileName()},
                              15000);
    // Undo is a fresh history after a restore: nothing to undo, the edits stay.
    QVERIFY(second.command(QStringLiteral("undo")).startsWith(QLatin1String("error")));

    // Save writes the edits to the original file and removes the recovery file.
    QCOMPARE(second.command(QStringLiteral("save")), QStringLiteral("ok"));
    QCOMPARE(readJson(original).value("panels").toArray(), panelsOf(edited));
    QVERIFY(!second.state().value("modified").toBool());
    QCOMPARE(recoveryFiles(dir), QStringList());
    QCOMPARE(second.command(QStringLiteral("quit")), QStringLiteral("ok"));
    QVERIFY(second.process.waitForFinished(10000));
    QCOMPARE(second.process.exitStatus(), QProcess::NormalExit);
}

void TestRecovery::discardedAndCleanExit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        Pharos first(dir, QStringLiteral("restore"));
        QVERIFY(first.process.waitForStarted(10000));
        QCOMPARE(first.command(QStringLiteral("new")), QStringLiteral("ok"));
        QVERIFY(first.command(QStringLiteral("add gauge")).startsWith(QLatin1String("ok ")));
        QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(dir).size(), 1, 15000);
        // A new, never-saved dashboard is recoverable too (no path).
        const QJsonObject r = readJson(QDir(recoveryDir(dir)).filePath(recoveryFiles(dir).first()));
        QCOMPARE(r.value("path").toString(), QString());
        QCOMPARE(panelsOf(r.value("dashboard").toObject()).size(), 1);
        ::kill(pid_t(first.process.processId()), SIGKILL);
        QVERIFY(first.process.waitForFinished(10000));
    }
    QCOMPARE(recoveryFiles(dir).size(), 1);
    {
        // Discard: the edits are deleted, nothing is restored.
        Pharos second(dir, QStringLiteral("discard"));
        QVERIFY(second.process.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(second.stderrText().contains(QLatin1String("Discarded")), 20000);
        QVERIFY(second.stderrText().contains(QLatin1String("a new dashboard, never saved")));
        QVERIFY(second.state().value("dashboard").toObject().isEmpty());
        QCOMPARE(recoveryFiles(dir), QStringList());
        // Unsaved edits, then a normal exit (the user discards): no file is left.
        QCOMPARE(second.command(QStringLiteral("new")), QStringLiteral("ok"));
        QVERIFY(second.command(QStringLiteral("add text")).startsWith(QLatin1String("ok ")));
        QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(dir).size(), 1, 15000);
        QCOMPARE(second.command(QStringLiteral("quit")), QStringLiteral("ok"));
        QVERIFY(second.process.waitForFinished(10000));
        QCOMPARE(second.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(recoveryFiles(dir), QStringList());
    }
    // Nothing to offer at the next start.
    Pharos third(dir, QStringLiteral("restore"));
    QVERIFY(third.process.waitForStarted(10000));
    QVERIFY(third.state().value("dashboard").toObject().isEmpty());
    QVERIFY(!third.stderrText().contains(QLatin1String("unsaved edits")));
}

void TestRecovery::killedInThePanelEditorThenRestored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString original = writeOriginal(dir);
    auto firstTitle = [](const QJsonObject &dashboard) {
        return panelsOf(dashboard).first().toObject().value("title").toString();
    };
    {
        Pharos first(dir, QStringLiteral("restore"), {original});
        QVERIFY2(first.process.waitForStarted(10000), qPrintable(first.process.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(panelsOf(first.state().value("dashboard").toObject()).size() == 1,
                                 20000);
        // A title typed in the panel editor, not applied: the dashboard is unchanged...
        QCOMPARE(first.command(QStringLiteral("editpanel 1")), QStringLiteral("ok"));
        QCOMPARE(first.command(QStringLiteral("paneltitle Busy CPU")), QStringLiteral("ok"));
        const QJsonObject state = first.state();
        QVERIFY(!state.value("modified").toBool());
        QCOMPARE(firstTitle(state.value("dashboard").toObject()), QStringLiteral("CPU"));
        // ...but the recovery file has the edit within seconds.
        const QString recoveryFile = first.command(QStringLiteral("recovery")).mid(3);
        QTRY_COMPARE_WITH_TIMEOUT(firstTitle(readJson(recoveryFile).value("dashboard").toObject()),
                                  QStringLiteral("Busy CPU"), 15000);
        ::kill(pid_t(first.process.processId()), SIGKILL);
        QVERIFY(first.process.waitForFinished(10000));
    }
    // Restored as unsaved edits of the original file.
    Pharos second(dir, QStringLiteral("restore"));
    QVERIFY(second.process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(second.stderrText().contains(QLatin1String("Restored the unsaved")),
                             20000);
    const QJsonObject restored = second.state();
    QVERIFY(restored.value("modified").toBool());
    QCOMPARE(restored.value("path").toString(), original);
    QCOMPARE(firstTitle(restored.value("dashboard").toObject()), QStringLiteral("Busy CPU"));

    // Saved, then edited in the panel editor again: the file comes back for the unapplied
    // edit; Apply and Save leave no recovery file and write the title.
    QCOMPARE(second.command(QStringLiteral("save")), QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(dir), QStringList(), 15000);
    QCOMPARE(second.command(QStringLiteral("editpanel 1")), QStringLiteral("ok"));
    QCOMPARE(second.command(QStringLiteral("paneltitle Idle CPU")), QStringLiteral("ok"));
    const QString ownFile = second.command(QStringLiteral("recovery")).mid(3);
    QTRY_COMPARE_WITH_TIMEOUT(firstTitle(readJson(ownFile).value("dashboard").toObject()),
                              QStringLiteral("Idle CPU"), 15000);
    QCOMPARE(second.command(QStringLiteral("panelapply")), QStringLiteral("ok"));
    QVERIFY(second.state().value("modified").toBool());
    QCOMPARE(second.command(QStringLiteral("save")), QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles(dir), QStringList(), 15000);
    QCOMPARE(firstTitle(readJson(original)), QStringLiteral("Idle CPU"));
    QCOMPARE(second.command(QStringLiteral("quit")), QStringLiteral("ok"));
    QVERIFY(second.process.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "test_recovery.moc"
