// "Save current variable values": File › Save asks when the selections differ from the
// file's defaults; with "Update default variable values" the saved templating carries the
// current values (and ad hoc filters), without it the file's templating is kept as it was;
// cancelling the question cancels the save. The real question box is answered too.
#include "app/mainwindow.h"
#include "app/view/dashboardview.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasourceregistry.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace pharos;

namespace {

QJsonArray templating()
{
    return QJsonArray{
        QJsonObject{{"name", "host"},
                    {"type", "custom"},
                    {"query", "a,b,c"},
                    {"multi", true},
                    {"includeAll", true},
                    {"current", QJsonObject{{"text", "a"}, {"value", "a"}}},
                    {"description", "kept as written"}},
        QJsonObject{{"name", "note"},
                    {"type", "textbox"},
                    {"query", "x"},
                    {"current", QJsonObject{{"text", "x"}, {"value", "x"}}}},
        QJsonObject{{"name", "filters"},
                    {"type", "adhoc"},
                    {"datasource", QJsonObject{{"type", "prometheus"}, {"uid", "p"}}},
                    {"filters", QJsonArray{}}},
        QJsonObject{{"name", "k"}, {"type", "constant"}, {"query", "1"}},
        // No saved selection: Pharos picks the first option, which is not a change.
        QJsonObject{{"name", "fresh"}, {"type", "custom"}, {"query", "p,q"}},
    };
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject entry(const QJsonObject &dashboard, const QString &name)
{
    for (const QJsonValue &v : dashboard.value("templating").toObject().value("list").toArray())
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestSaveVariables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saveKeepsOrUpdatesDefaults();
    void questionBoxAnswered();

private:
    QString writeDashboard();

    QTemporaryDir m_dir;
    DataSourceRegistry m_registry;
};

void TestSaveVariables::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TestSaveVariables::writeDashboard()
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("d%1.json").arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(QJsonDocument(QJsonObject{{"title", "save"},
                                      {"schemaVersion", 39},
                                      {"panels", QJsonArray{}},
                                      {"templating", QJsonObject{{"list", templating()}}}})
                .toJson());
    return path;
}

void TestSaveVariables::saveKeepsOrUpdatesDefaults()
{
    const QString path = writeDashboard();
    MainWindow window(&m_registry);
    QVERIFY2(window.openFile(path), qPrintable(window.lastError()));
    QStringList asked;
    std::optional<bool> answer = false;
    window.setSaveVariablesHandler([&](const QStringList &changed) {
        asked = changed;
        return answer;
    });

    // Nothing changed: no question, the templating is saved as read.
    QCOMPARE(window.view()->variables()->find("fresh")->currentValues, QStringList{"p"});
    QVERIFY(window.save());
    QVERIFY(asked.isEmpty());
    QCOMPARE(readJson(path).value("templating").toObject().value("list").toArray(), templating());

    // New selections.
    VariableSet *vars = window.view()->variables();
    QVERIFY(vars->setCurrent("host", QStringList{"b", "c"}));
    QVERIFY(vars->setCurrent("note", QStringLiteral("y")));
    QVERIFY(vars->setAdhocFilters("filters", {AdhocFilter{"job", "!=", "x"}}));
    QVERIFY(vars->setCurrent("fresh", QStringLiteral("q")));

    // Not updating: the file's templating stays exactly as it was.
    QVERIFY(window.save());
    QCOMPARE(asked, QStringList({"host", "note", "filters", "fresh"}));
    QCOMPARE(readJson(path).value("templating").toObject().value("list").toArray(), templating());

    // Cancelled: nothing written.
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    answer = std::nullopt;
    QVERIFY(!window.save());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    // Updating: the current values become the defaults; the rest of each entry is kept.
    answer = true;
    asked.clear();
    QVERIFY(window.save());
    QCOMPARE(asked, QStringList({"host", "note", "filters", "fresh"}));
    const QJsonObject saved = readJson(path);
    const QJsonObject host = entry(saved, "host");
    QCOMPARE(host.value("current").toObject().value("value").toArray(), QJsonArray({"b", "c"}));
    QCOMPARE(host.value("current").toObject().value("text").toArray(), QJsonArray({"b", "c"}));
    QCOMPARE(host.value("query").toString(), QStringLiteral("a,b,c"));
    QCOMPARE(host.value("description").toString(), QStringLiteral("kept as written"));
    QCOMPARE(entry(saved, "note").value("current").toObject().value("value").toString(),
             QStringLiteral("y"));
    QCOMPARE(entry(saved, "filters").value("filters").toArray(),
             QJsonArray({QJsonObject{{"key", "job"}, {"operator", "!="}, {"value", "x"}}}));
    QCOMPARE(entry(saved, "fresh").value("current").toObject().value("value").toString(),
             QStringLiteral("q"));
    QCOMPARE(entry(saved, "k").value("query").toString(), QStringLiteral("1"));
    QCOMPARE(entry(saved, "k").value("current").toObject().value("value").toString(),
             QStringLiteral("1"));

    // Saved defaults match the selection now: the next save does not ask.
    asked.clear();
    QVERIFY(window.save());
    QVERIFY(asked.isEmpty());

    // Reopened, the file selects the saved values.
    MainWindow again(&m_registry);
    QVERIFY(again.openFile(path));
    QCOMPARE(again.view()->variables()->find("host")->currentValues, QStringList({"b", "c"}));
    QCOMPARE(again.view()->variables()->find("note")->currentValues, QStringList{"y"});
    QCOMPARE(again.view()->variables()->find("filters")->filters.size(), 1);
}

void TestSaveVariables::questionBoxAnswered()
{
    const QString path = writeDashboard();
    MainWindow window(&m_registry);
    window.show();
    QVERIFY(window.openFile(path));
    QVERIFY(window.view()->variables()->setCurrent("host", QStringLiteral("c")));
    bool seen = false;
    QString text;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        seen = true;
        text = box->text();
        auto *check = box->findChild<QCheckBox *>("updateVariableDefaults");
        if (check)
            check->setChecked(true);
        box->button(QMessageBox::Save)->click();
    });
    QVERIFY(window.save());
    QVERIFY(seen);
    QVERIFY2(text.contains(QLatin1String("host")), qPrintable(text));
    QCOMPARE(entry(readJson(path), "host").value("current").toObject().value("value").toArray(),
             QJsonArray{"c"});
}

QTEST_MAIN(TestSaveVariables)
#include "test_save_variables.moc"
