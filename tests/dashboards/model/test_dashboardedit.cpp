// The pure edit operations: add, move, resize, remove, duplicate, paste; push-down and
// float-up on the 24-column grid; collapsed rows keep their panels; the result always loads.
#include "dashboards/layout/layout.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/paneltypes.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace pharos;
namespace de = pharos::dashboardedit;

namespace {

QHash<int, GridPos> positions(const QJsonObject &dashboard)
{
    QHash<int, GridPos> out;
    for (const QJsonValue &v : dashboard.value(QLatin1String("panels")).toArray())
        out.insert(v.toObject().value(QLatin1String("id")).toInt(), de::gridPosOf(v.toObject()));
    return out;
}

QString describe(const GridPos &p)
{
    return QStringLiteral("(x %1 y %2 w %3 h %4)").arg(p.x).arg(p.y).arg(p.w).arg(p.h);
}

#define COMPARE_POS(actual, expected) QCOMPARE(describe(actual), describe(expected))

/// Two half-width panels side by side on top, one full-width panel below.
QJsonObject threePanels(int *a, int *b, int *c)
{
    QJsonObject d = de::newDashboard(QStringLiteral("t"));
    d = de::addPanel(d, de::newPanel(QStringLiteral("timeseries"), 0), c);
    d = de::movePanel(d, *c, GridPos{0, 0, 24, 8});
    d = de::addPanel(d, de::newPanel(QStringLiteral("stat"), 0), b);
    d = de::movePanel(d, *b, GridPos{12, 0, 12, 8});
    d = de::addPanel(d, de::newPanel(QStringLiteral("gauge"), 0), a);
    return d;
}

} // namespace

class TestDashboardEdit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newDashboardLoads()
    {
        const QJsonObject d = de::newDashboard(QStringLiteral("My board"));
        QString error;
        const auto dash = Dashboard::fromObject(d, &error);
        QVERIFY2(dash, qPrintable(error));
        QCOMPARE(dash->title(), QStringLiteral("My board"));
        QVERIFY(dash->panels().isEmpty());
        QCOMPARE(de::nextPanelId(d), 1);
    }

    void everyGalleryTypeIsAValidPanel()
    {
        QJsonObject d = de::newDashboard(QString());
        QStringList types;
        for (const PanelTypeInfo &t : paneltypes::all())
            types << t.id;
        QCOMPARE(types.size(), 8);
        for (const QString &type : types)
            d = de::addPanel(d, de::newPanel(type, 0, type));
        const auto dash = Dashboard::fromObject(d);
        QVERIFY(dash);
        QCOMPARE(dash->panels().size(), 8);
        QStringList seen;
        QSet<int> ids;
        for (const PanelModel &p : dash->panels()) {
            seen << p.type;
            ids.insert(p.id);
            QVERIFY(p.id > 0);
            if (p.type != QLatin1String("text")) {
                QCOMPARE(p.targets.size(), 1);
                QCOMPARE(p.targets.first().refId, QStringLiteral("A"));
            }
        }
        QCOMPARE(ids.size(), 8);
        seen.sort();
        QStringList expected = types;
        expected.sort();
        QCOMPARE(seen, expected);
        // The last one added is on top; nothing overlaps.
        QCOMPARE(dash->panels().first().type, QStringLiteral("piechart"));
        QVERIFY(layout::overlapProblems(d.value(QLatin1String("panels")).toArray()).isEmpty());
    }

    void addPushesDown()
    {
        int a = 0, b = 0, c = 0;
        const QJsonObject d = threePanels(&a, &b, &c);
        const auto pos = positions(d);
        COMPARE_POS(pos.value(a), (GridPos{0, 0, 12, 8}));
        COMPARE_POS(pos.value(b), (GridPos{12, 0, 12, 8}));
        COMPARE_POS(pos.value(c), (GridPos{0, 8, 24, 8}));
        // Saved in y-then-x order.
        const QJsonArray panels = d.value(QLatin1String("panels")).toArray();
        QCOMPARE(panels.at(0).toObject().value(QLatin1String("id")).toInt(), a);
        QCOMPARE(panels.at(1).toObject().value(QLatin1String("id")).toInt(), b);
        QCOMPARE(panels.at(2).toObject().value(QLatin1String("id")).toInt(), c);
    }

    void moveFloatsUpAndPushesDown()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        // Move A far down: it lands below C, B stays, C floats up under B's row.
        d = de::movePanel(d, a, GridPos{0, 30, 12, 8});
        auto pos = positions(d);
        COMPARE_POS(pos.value(b), (GridPos{12, 0, 12, 8}));
        COMPARE_POS(pos.value(c), (GridPos{0, 8, 24, 8}));
        COMPARE_POS(pos.value(a), (GridPos{0, 16, 12, 8}));
        // Move C (full width) to the top: B is pushed down below it, A floats up beside B.
        d = de::movePanel(d, c, GridPos{0, 0, 24, 8});
        pos = positions(d);
        COMPARE_POS(pos.value(c), (GridPos{0, 0, 24, 8}));
        COMPARE_POS(pos.value(b), (GridPos{12, 8, 12, 8}));
        COMPARE_POS(pos.value(a), (GridPos{0, 8, 12, 8}));
        QVERIFY(layout::overlapProblems(d.value(QLatin1String("panels")).toArray()).isEmpty());
    }

    void dragDownOverAPanelSwaps()
    {
        QJsonObject d = de::newDashboard(QString());
        int top = 0, bottom = 0;
        d = de::addPanel(d, de::newPanel(QStringLiteral("stat"), 0), &bottom);
        d = de::addPanel(d, de::newPanel(QStringLiteral("stat"), 0), &top);
        COMPARE_POS(positions(d).value(top), (GridPos{0, 0, 12, 8}));
        COMPARE_POS(positions(d).value(bottom), (GridPos{0, 8, 12, 8}));
        // Half-way down: nothing changes yet (the panel floats back up).
        QJsonObject half = de::movePanel(d, top, GridPos{0, 4, 12, 8});
        COMPARE_POS(positions(half).value(top), (GridPos{0, 0, 12, 8}));
        // All the way onto the lower panel: they swap.
        d = de::movePanel(d, top, GridPos{0, 8, 12, 8});
        COMPARE_POS(positions(d).value(bottom), (GridPos{0, 0, 12, 8}));
        COMPARE_POS(positions(d).value(top), (GridPos{0, 8, 12, 8}));
    }

    void resizePushesDownAndClamps()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        // A grows to 18 wide and 10 high: B (in the way) goes below it, C below both.
        d = de::movePanel(d, a, GridPos{0, 0, 18, 10});
        auto pos = positions(d);
        COMPARE_POS(pos.value(a), (GridPos{0, 0, 18, 10}));
        COMPARE_POS(pos.value(b), (GridPos{12, 10, 12, 8}));
        COMPARE_POS(pos.value(c), (GridPos{0, 18, 24, 8}));
        // Sizes are clamped to the grid.
        d = de::movePanel(d, a, GridPos{20, -3, 40, 0});
        pos = positions(d);
        COMPARE_POS(pos.value(a), (GridPos{0, 0, 24, 1}));
        QVERIFY(layout::overlapProblems(d.value(QLatin1String("panels")).toArray()).isEmpty());
        // Unknown ids change nothing.
        QCOMPARE(de::movePanel(d, 999, GridPos{0, 0, 1, 1}), d);
    }

    void removeFloatsUp()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        d = de::removePanel(d, b);
        d = de::removePanel(d, a);
        const auto pos = positions(d);
        QCOMPARE(pos.size(), 1);
        COMPARE_POS(pos.value(c), (GridPos{0, 0, 24, 8}));
        QCOMPARE(de::removePanel(d, 12345), d);
    }

    void duplicateBesideOrBelow()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        QJsonObject before = d;
        int copyA = 0;
        d = de::duplicatePanel(d, a, &copyA);
        QVERIFY(copyA > c);
        auto pos = positions(d);
        // A is 12 wide at x 0: its copy goes to x 12 and pushes B down.
        COMPARE_POS(pos.value(copyA), (GridPos{12, 0, 12, 8}));
        COMPARE_POS(pos.value(b), (GridPos{12, 8, 12, 8}));
        const QJsonObject copy = de::findPanel(d, copyA);
        QJsonObject original = de::findPanel(before, a);
        original.remove(QLatin1String("gridPos"));
        original.remove(QLatin1String("id"));
        QJsonObject stripped = copy;
        stripped.remove(QLatin1String("gridPos"));
        stripped.remove(QLatin1String("id"));
        QCOMPARE(stripped, original);
        // C is full width: its copy goes below it.
        int copyC = 0;
        d = de::duplicatePanel(d, c, &copyC);
        pos = positions(d);
        COMPARE_POS(pos.value(copyC), (GridPos{0, pos.value(c).y + 8, 24, 8}));
        QVERIFY(layout::overlapProblems(d.value(QLatin1String("panels")).toArray()).isEmpty());
    }

    void rowsAndCollapsedRowsMoveTheirPanels()
    {
        QJsonObject d = de::newDashboard(QString());
        int p1 = 0, row = 0;
        d = de::addPanel(d, de::newPanel(QStringLiteral("stat"), 0), &p1);
        d = de::addRow(d, QStringLiteral("Row A"), &row);
        auto pos = positions(d);
        COMPARE_POS(pos.value(row), (GridPos{0, 0, 24, 1}));
        COMPARE_POS(pos.value(p1), (GridPos{0, 1, 12, 8}));
        // A collapsed row with a child, below a panel: moving the row moves the child.
        QJsonObject child = de::newPanel(QStringLiteral("gauge"), 50);
        child = de::withGridPos(child, GridPos{0, 10, 6, 4});
        QJsonObject collapsed{{QStringLiteral("type"), QStringLiteral("row")},
                              {QStringLiteral("id"), 40},
                              {QStringLiteral("collapsed"), true},
                              {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), 0},
                                                                      {QStringLiteral("y"), 9},
                                                                      {QStringLiteral("w"), 24},
                                                                      {QStringLiteral("h"), 1}}},
                              {QStringLiteral("panels"), QJsonArray{child}}};
        QJsonArray panels = d.value(QLatin1String("panels")).toArray();
        panels.append(collapsed);
        d.insert(QStringLiteral("panels"), panels);
        d = de::movePanel(d, 40, GridPos{5, 0, 3, 3}); // a row stays full width, 1 high
        pos = positions(d);
        COMPARE_POS(pos.value(40), (GridPos{0, 0, 24, 1}));
        const QJsonObject movedChild = de::findPanel(d, 50);
        COMPARE_POS(de::gridPosOf(movedChild), (GridPos{0, 1, 6, 4}));
        // Removing the collapsed row's child works; removing the row removes it.
        QVERIFY(!de::findPanel(de::removePanel(d, 50), 40).isEmpty());
        QVERIFY(de::findPanel(de::removePanel(d, 50), 50).isEmpty());
        QVERIFY(de::findPanel(de::removePanel(d, 40), 50).isEmpty());
        QVERIFY(de::nextPanelId(d) > 50);
    }

    void replacePanelKeepsIdAndLaysOut()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        QJsonObject p = de::findPanel(d, b);
        p.insert(QStringLiteral("title"), QStringLiteral("Renamed"));
        p.insert(QStringLiteral("id"), 777);
        d = de::replacePanel(d, b, p);
        QCOMPARE(de::findPanel(d, b).value(QLatin1String("title")).toString(),
                 QStringLiteral("Renamed"));
        QVERIFY(de::findPanel(d, 777).isEmpty());
        p = de::withGridPos(de::findPanel(d, b), GridPos{0, 0, 12, 8});
        d = de::replacePanel(d, b, p); // onto A's place: A is pushed down
        const auto pos = positions(d);
        COMPARE_POS(pos.value(b), (GridPos{0, 0, 12, 8}));
        QVERIFY(pos.value(a).y >= 8);
    }

    void clipboardRoundTripAndGrafanaPanels()
    {
        int a = 0, b = 0, c = 0;
        QJsonObject d = threePanels(&a, &b, &c);
        const QJsonObject panel = de::findPanel(d, b);
        const QByteArray text = de::panelClipboardText(panel);
        QString error;
        const QJsonObject back = de::panelFromClipboardText(text, &error);
        QCOMPARE(back, panel);
        int pasted = 0;
        d = de::addPanel(d, back, &pasted);
        QVERIFY(pasted != b); // the id was taken: a fresh one
        QCOMPARE(positions(d).value(pasted).y, 0);

        // A real panel from a Grafana export (the corpus), pasted in.
        QDir corpus(QStringLiteral(PHAROS_CORPUS_DIR));
        const QStringList files = corpus.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        QFile f(corpus.filePath(files.first()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject dash = QJsonDocument::fromJson(f.readAll()).object();
        if (dash.value(QLatin1String("dashboard")).isObject())
            dash = dash.value(QLatin1String("dashboard")).toObject();
        QJsonObject grafanaPanel;
        for (const QJsonValue &v : dash.value(QLatin1String("panels")).toArray()) {
            if (v.toObject().value(QLatin1String("type")).toString() != QLatin1String("row")) {
                grafanaPanel = v.toObject();
                break;
            }
        }
        QVERIFY(!grafanaPanel.isEmpty());
        const QJsonObject read = de::panelFromClipboardText(
            QJsonDocument(grafanaPanel).toJson(QJsonDocument::Compact), &error);
        QCOMPARE(read, grafanaPanel);

        // Not a panel.
        error.clear();
        QVERIFY(de::panelFromClipboardText("hello", &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(de::panelFromClipboardText("{\"a\": 1}", &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(de::panelFromClipboardText("[1,2]", &error).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDashboardEdit)
#include "test_dashboardedit.moc"
