#include "app/editor/editcontrol.h"

#include "app/editor/dashboardeditor.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/paneleditor.h"
#include "app/editor/recovery.h"
#include "app/mainwindow.h"
#include "app/view/dashboarddocument.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QSocketNotifier>
#include <cstdio>
#include <unistd.h>

namespace pharos {

EditControl::EditControl(MainWindow *window)
    : QObject(window), m_window(window),
      m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &EditControl::readLines);
}

void EditControl::readLines()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier->setEnabled(false); // stdin closed
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(newline)).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        const QByteArray answer = run(line).toUtf8() + '\n';
        std::fwrite(answer.constData(), 1, size_t(answer.size()), stdout);
        std::fflush(stdout);
    }
}

QString EditControl::run(const QString &line)
{
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString command = words.value(0);
    DashboardEditor *editor = m_window->editor();
    DashboardDocument *doc = m_window->document();
    auto ok = [](const QString &rest = {}) {
        return rest.isEmpty() ? QStringLiteral("ok") : QStringLiteral("ok ") + rest;
    };
    auto intArg = [&words](int i) { return words.value(i).toInt(); };
    if (command == QLatin1String("new"))
        return m_window->newDashboard() ? ok() : QStringLiteral("error cancelled");
    if (command == QLatin1String("edit")) {
        editor->setEditing(words.value(1) != QLatin1String("off"));
        return ok();
    }
    if (!doc->hasDashboard() && command != QLatin1String("state") &&
        command != QLatin1String("quit") && command != QLatin1String("recovery"))
        return QStringLiteral("error no dashboard");
    if (command == QLatin1String("add")) {
        const int id = editor->addPanel(words.value(1));
        return id > 0 ? ok(QString::number(id)) : QStringLiteral("error cannot add");
    }
    if (command == QLatin1String("row"))
        return ok(QString::number(editor->addRow()));
    if (command == QLatin1String("move") && words.size() == 6) {
        const GridPos pos{intArg(2), intArg(3), intArg(4), intArg(5)};
        return editor->movePanel(intArg(1), pos) ? ok() : QStringLiteral("error unchanged");
    }
    if (command == QLatin1String("duplicate")) {
        const int id = editor->duplicatePanel(intArg(1));
        return id > 0 ? ok(QString::number(id)) : QStringLiteral("error cannot duplicate");
    }
    if (command == QLatin1String("delete"))
        return editor->deletePanel(intArg(1)) ? ok() : QStringLiteral("error no such panel");
    if (command == QLatin1String("undo") || command == QLatin1String("redo")) {
        QAction *a = command == QLatin1String("undo") ? editor->undoAction() : editor->redoAction();
        if (!a->isEnabled())
            return QStringLiteral("error nothing to %1").arg(command);
        a->trigger();
        return ok();
    }
    if (command == QLatin1String("editpanel"))
        return m_window->editPanel(intArg(1)) ? ok() : QStringLiteral("error no such panel");
    if (command == QLatin1String("paneltitle") || command == QLatin1String("panelapply")) {
        PanelEditor *panelEditor = m_window->panelEditor();
        if (!panelEditor || !panelEditor->isVisible())
            return QStringLiteral("error the panel editor is not open");
        if (command == QLatin1String("panelapply"))
            return panelEditor->apply() ? ok() : QStringLiteral("error not applied");
        auto *title = panelEditor->optionsEditor()->findChild<QLineEdit *>(QStringLiteral("title"));
        if (!title)
            return QStringLiteral("error no title field");
        // As typing does: the field's edit signals reach the editor.
        title->setFocus();
        title->selectAll();
        title->insert(line.section(QLatin1Char(' '), 1, -1, QString::SectionSkipEmpty));
        return ok();
    }
    if (command == QLatin1String("save"))
        return m_window->save() ? ok() : QStringLiteral("error ") + m_window->lastError();
    if (command == QLatin1String("state")) {
        QJsonObject o{{QStringLiteral("path"), doc->filePath()},
                      {QStringLiteral("modified"), doc->isModified()},
                      {QStringLiteral("editing"), editor->isEditing()},
                      {QStringLiteral("dashboard"), doc->json()}};
        return ok(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    if (command == QLatin1String("recovery"))
        return ok(m_window->recoveryWriter() ? m_window->recoveryWriter()->filePath() : QString());
    if (command == QLatin1String("quit")) {
        m_window->setUnsavedChangesHandler([] { return QMessageBox::Discard; });
        m_window->close();
        return ok();
    }
    return QStringLiteral("error unknown command: ") + command;
}

} // namespace pharos
