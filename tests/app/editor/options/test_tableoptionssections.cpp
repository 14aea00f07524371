// The table panel's options: the "Table" section and the table properties of the overrides
// editor, driven with real mouse and key events. Checks the JSON written, that loading and
// storing every table panel of the Grafana corpus changes nothing, and the effect on a real
// rendered TablePanel (widths, alignment, hidden and renamed columns, threshold colours).
#include "app/editor/options/overrideseditor.h"
#include "app/editor/options/paneloptionsection.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/options/tableoptionssections.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/table/tablepanel.h"
#include "testpaths.h"
#include "tests/panels/panelfixture.h"

#include "widgettesting.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace pharos;
using namespace pharos::testing;

namespace {

QJsonObject object(const char *text)
{
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &err).object();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return o;
}

/// Types `text` over the value of a spin box, then Enter.
void typeInto(QSpinBox *spin, const QString &text)
{
    QVERIFY(spin);
    spin->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(spin->window()));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

/// The "Table" section of tablePanelSections().
PanelOptionsSection *tableSection(QWidget *host)
{
    const QList<PanelOptionsSection *> sections = tablePanelSections(host);
    for (PanelOptionsSection *s : sections) {
        if (s->title() == QLatin1String("Table"))
            return s;
    }
    return nullptr;
}

QStringList tablePanelsOf(const Dashboard &d, QList<QJsonObject> *out)
{
    QStringList titles;
    for (const PanelModel &p : d.allPanels()) {
        if (p.type == QLatin1String("table")) {
            out->append(p.json);
            titles << p.title;
        }
    }
    return titles;
}

/// Three handlers with their status code, values 5, 100 and 20.
PanelDataPtr handlerRows()
{
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"handler", "/a"}, {"code", "200"}}, kT0, 0, {5}));
    frames.push_back(makeFrame({{"handler", "/b"}, {"code", "200"}}, kT0, 0, {100}));
    frames.push_back(makeFrame({{"handler", "/c"}, {"code", "500"}}, kT0, 0, {20}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    t.back().result.type = ResultType::Vector;
    return makeData(std::move(t), kT0 - 60'000, kT0, 0);
}

/// Clicks a check box on its indicator (its text, if any, is beside it).
void clickCheckBox(QCheckBox *box)
{
    QVERIFY(box);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

/// The view row whose cell in `column` shows `text`; -1 when none.
int rowShowing(const QAbstractItemModel *m, int column, const QString &text)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, column).data().toString() == text)
            return r;
    }
    return -1;
}

QStringList visibleHeaders(const QTableView *view)
{
    QStringList out;
    const QAbstractItemModel *m = view->model();
    for (int c = 0; c < m->columnCount(); ++c) {
        if (!view->isColumnHidden(c))
            out << m->headerData(c, Qt::Horizontal).toString();
    }
    return out;
}

/// The shown headers, left to right (an "organize" transformation may move columns).
QStringList shownHeaders(const QTableView *view)
{
    QStringList out;
    const QHeaderView *h = view->horizontalHeader();
    for (int v = 0; v < h->count(); ++v) {
        const int c = h->logicalIndex(v);
        if (!view->isColumnHidden(c))
            out << view->model()->headerData(c, Qt::Horizontal).toString();
    }
    return out;
}

/// How far (px) from the left edge of the cell its text starts: the first pixel column of
/// the cell that differs clearly from the cell's own background. -1 when there is no text.
int textOffset(const QImage &img, const QRect &cell)
{
    const QRect r = cell.adjusted(1, 2, -3, -2);
    const QColor bg = img.pixelColor(r.left(), r.top());
    for (int x = r.left(); x <= r.right(); ++x) {
        for (int y = r.top(); y <= r.bottom(); ++y) {
            if (!near(img.pixelColor(x, y), bg, 90))
                return x - cell.left();
        }
    }
    return -1;
}

} // namespace

class TestTableOptionsSections : public QObject
{
    Q_OBJECT
private slots:
    void editsWriteGrafanaKeys();
    void corpusTablesRoundTrip();
    void olderAndUnknownCellTypesKept();
    void overridesOfferTableProperties();
    void renderedTableFollowsOptions();
    void corpusOverridesRenameAndHide();
    void corpusValueColumnsByQuery();
    void corpusOrganizeRenamesForOverrides();
    void columnFilterFiltersRows();
    void backgroundModeAndWholeRow();
    void inTheOptionsPane();
};

void TestTableOptionsSections::editsWriteGrafanaKeys()
{
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    QVERIFY(section);
    QSignalSpy spy(section, &PanelOptionsSection::changed);
    const QJsonObject panel = object(R"({"type": "table", "title": "Handlers",
        "options": {"showHeader": true, "cellHeight": "sm"},
        "fieldConfig": {"defaults": {"unit": "short",
            "custom": {"align": "auto", "cellOptions": {"type": "auto"}, "inspect": false}},
          "overrides": []}})");
    section->load(panel);
    QCOMPARE(spy.count(), 0);
    host.resize(500, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));

    auto *header = section->findChild<QCheckBox *>("showHeader");
    auto *width = section->findChild<QSpinBox *>("columnWidth");
    auto *minWidth = section->findChild<QSpinBox *>("minColumnWidth");
    auto *align = section->findChild<QComboBox *>("columnAlign");
    auto *cellType = section->findChild<QComboBox *>("cellType");
    QVERIFY(header && width && minWidth && align && cellType);
    QVERIFY(header->isChecked());
    QCOMPARE(width->text(), QStringLiteral("Auto"));
    QCOMPARE(align->currentText(), QStringLiteral("Auto"));
    QCOMPARE(cellType->currentText(), QStringLiteral("Auto"));

    clickCheckBox(header);
    QCOMPARE(spy.count(), 1);
    typeInto(width, QStringLiteral("120"));
    QCOMPARE(spy.count(), 2); // one edit for the typed number, not one per digit
    typeInto(minWidth, QStringLiteral("80"));
    chooseItem(align, QStringLiteral("Center"));
    chooseItem(cellType, QStringLiteral("Colored background"));
    auto *cellHeight = section->findChild<QComboBox *>("cellHeight");
    QVERIFY(cellHeight);
    QCOMPARE(cellHeight->currentText(), QStringLiteral("Small"));
    chooseItem(cellHeight, QStringLiteral("Large"));
    QVERIFY(spy.count() >= 6);

    QJsonObject out = panel;
    section->store(out);
    QCOMPARE(out, object(R"({"type": "table", "title": "Handlers",
        "options": {"showHeader": false, "cellHeight": "lg"},
        "fieldConfig": {"defaults": {"unit": "short",
            "custom": {"align": "center", "cellOptions": {"type": "color-background"},
                       "inspect": false, "width": 120, "minWidth": 80}},
          "overrides": []}})"));

    // Back to Auto: the width key goes, the alignment is the file's own "auto" again.
    typeInto(width, QStringLiteral("0"));
    QCOMPARE(width->value(), 0);
    chooseItem(align, QStringLiteral("Auto"));
    clickCheckBox(header);
    out = panel;
    section->store(out);
    QCOMPARE(out, object(R"({"type": "table", "title": "Handlers",
        "options": {"showHeader": true, "cellHeight": "lg"},
        "fieldConfig": {"defaults": {"unit": "short",
            "custom": {"align": "auto", "cellOptions": {"type": "color-background"},
                       "inspect": false, "minWidth": 80}},
          "overrides": []}})"));

    // The footer: switched on it writes the calculation shown (Total), then the mean.
    auto *footer = section->findChild<QCheckBox *>("showFooter");
    auto *reducer = section->findChild<QComboBox *>("footerReducer");
    auto *countRows = section->findChild<QCheckBox *>("footerCountRows");
    QVERIFY(footer && reducer && countRows);
    QVERIFY(!footer->isChecked());
    QVERIFY(!reducer->isEnabled());
    QCOMPARE(reducer->currentText(), QStringLiteral("Total"));
    clickCheckBox(footer);
    QVERIFY(reducer->isEnabled());
    out = panel;
    section->store(out);
    QCOMPARE(out.value("options").toObject().value("footer").toObject(),
             object(R"({"show": true, "reducer": ["sum"]})"));
    chooseItem(reducer, QStringLiteral("Mean"));
    clickCheckBox(countRows);
    QVERIFY(!reducer->isEnabled());
    out = panel;
    section->store(out);
    QCOMPARE(out.value("options").toObject().value("footer").toObject(),
             object(R"({"show": true, "reducer": ["mean"], "countRows": true})"));

    // Loading another panel shows its values, silently.
    const int before = spy.count();
    section->load(object(R"({"type": "table", "options": {"showHeader": false},
        "fieldConfig": {"defaults": {"custom": {"width": 90, "align": "right",
            "cellOptions": {"type": "color-text"}}}}})"));
    QCOMPARE(spy.count(), before);
    QVERIFY(!header->isChecked());
    QCOMPARE(width->value(), 90);
    QCOMPARE(minWidth->text(), QStringLiteral("Auto"));
    QCOMPARE(align->currentData().toString(), QStringLiteral("right"));
    QCOMPARE(cellType->currentData().toString(), QStringLiteral("color-text"));
}

void TestTableOptionsSections::corpusTablesRoundTrip()
{
    const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY2(files.size() >= 17, qPrintable(dir.absolutePath()));
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    QVERIFY(section);
    QSignalSpy spy(section, &PanelOptionsSection::changed);
    int tables = 0;
    QStringList alignments;
    for (const QString &file : files) {
        QString error;
        const auto d = loadDashboardFile(dir.filePath(file), &error);
        QVERIFY2(d, qPrintable(error));
        QList<QJsonObject> panels;
        const QStringList titles = tablePanelsOf(*d, &panels);
        for (int i = 0; i < panels.size(); ++i) {
            section->load(panels[i]);
            QJsonObject out = panels[i];
            section->store(out);
            QVERIFY2(out == panels[i], qPrintable(file + QLatin1String(": ") + titles[i]));
            // stored into an empty object, nothing is written either
            QJsonObject empty;
            section->store(empty);
            QVERIFY(empty.isEmpty());
            alignments << section->findChild<QComboBox *>("columnAlign")->currentData().toString();
            ++tables;
        }
    }
    QCOMPARE(spy.count(), 0);
    // The old tables (sv14, sv16, sv18) are migrated to "table" too.
    QVERIFY2(tables >= 15, qPrintable(QString::number(tables)));
    QVERIFY(alignments.contains(QLatin1String("auto")));
}

void TestTableOptionsSections::olderAndUnknownCellTypesKept()
{
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    auto *cellType = section->findChild<QComboBox *>("cellType");
    auto *width = section->findChild<QSpinBox *>("columnWidth");

    // A gauge cell (not drawn by Pharos) is listed as is and kept with its mode.
    const QJsonObject gauge = object(R"({"type": "table", "fieldConfig": {"defaults": {"custom":
        {"cellOptions": {"type": "gauge", "mode": "lcd"}, "width": "150"}}}})");
    section->load(gauge);
    QCOMPARE(cellType->currentText(), QStringLiteral("gauge"));
    QCOMPARE(width->value(), 150);
    typeInto(width, QStringLiteral("160"));
    QJsonObject out = gauge;
    section->store(out);
    QCOMPARE(out, object(R"({"type": "table", "fieldConfig": {"defaults": {"custom":
        {"cellOptions": {"type": "gauge", "mode": "lcd"}, "width": 160}}}})"));
    // The same width typed again writes the file's own value back ("150", a string).
    typeInto(width, QStringLiteral("150"));
    out = gauge;
    section->store(out);
    QCOMPARE(out, gauge);

    // A file before schema 38 with displayMode: shown as its cell type, replaced once edited.
    const QJsonObject old = object(R"({"type": "table", "fieldConfig": {"defaults": {"custom":
        {"displayMode": "color-background-solid"}}}})");
    section->load(old);
    QCOMPARE(cellType->currentData().toString(), QStringLiteral("color-background"));
    QCOMPARE(section->findChild<QComboBox *>("backgroundMode")->currentData().toString(),
             QStringLiteral("basic"));
    out = old;
    section->store(out);
    QCOMPARE(out, old);
    chooseItem(cellType, QStringLiteral("Colored text"));
    out = old;
    section->store(out);
    QCOMPARE(out, object(R"({"type": "table", "fieldConfig": {"defaults": {"custom":
        {"cellOptions": {"type": "color-text"}}}}})"));
}

void TestTableOptionsSections::overridesOfferTableProperties()
{
    const QStringList table = OverridesEditor::commonProperties(QStringLiteral("table"));
    for (const char *id : {"displayName", "unit", "custom.width", "custom.minWidth", "custom.align",
                           "custom.cellOptions", "custom.hidden", "custom.filterable"})
        QVERIFY2(table.contains(QLatin1String(id)), id);
    QVERIFY(!table.contains(QLatin1String("custom.drawStyle")));
    QVERIFY(!OverridesEditor::commonProperties(QStringLiteral("timeseries"))
                 .contains(QLatin1String("custom.hidden")));

    // A file's table overrides (the prometheus mixin writes hidden as the string "true")
    // are shown in their editors and kept as they are.
    OverridesEditor editor;
    editor.setPanelType(QStringLiteral("table"));
    const QJsonArray file = QJsonDocument::fromJson(R"([
        {"matcher": {"id": "byName", "options": "Time"},
         "properties": [{"id": "custom.hidden", "value": "true"},
                        {"id": "custom.align", "value": null},
                        {"id": "custom.cellOptions", "value": {"type": "color-background", "mode": "basic"}},
                        {"id": "custom.width", "value": 75}]}])")
                                .array();
    editor.setOverrides(file);
    QCOMPARE(editor.overrides(), file);
    QVERIFY(editor.propertyWidget<QCheckBox>(0, 0)->isChecked());
    QCOMPARE(editor.propertyWidget<QComboBox>(0, 1)->currentData().toString(),
             QStringLiteral("auto"));
    QCOMPARE(editor.propertyWidget<QComboBox>(0, 2)->currentText(),
             QStringLiteral("Colored background"));
    QCOMPARE(editor.propertyWidget<QSpinBox>(0, 3)->value(), 75);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // unchecking writes a real boolean
    clickCheckBox(editor.propertyWidget<QCheckBox>(0, 0));
    QCOMPARE(editor.overrides()
                 .at(0)
                 .toObject()
                 .value("properties")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value("value"),
             QJsonValue(false));
}

void TestTableOptionsSections::renderedTableFollowsOptions()
{
    // The section: every column 120 px, centred, coloured background by thresholds.
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    host.resize(500, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QJsonObject panel = object(R"({"id": 3, "type": "table", "title": "Handlers",
        "fieldConfig": {"defaults": {"unit": "short", "color": {"mode": "thresholds"},
            "thresholds": {"mode": "absolute",
              "steps": [{"color": "green", "value": null}, {"color": "red", "value": 50}]}},
          "overrides": []},
        "options": {"showHeader": true},
        "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})");
    section->load(panel);
    typeInto(section->findChild<QSpinBox *>("columnWidth"), QStringLiteral("120"));
    chooseItem(section->findChild<QComboBox *>("columnAlign"), QStringLiteral("Center"));
    chooseItem(section->findChild<QComboBox *>("cellType"), QStringLiteral("Colored background"));
    chooseItem(section->findChild<QComboBox *>("cellHeight"), QStringLiteral("Medium"));
    clickCheckBox(section->findChild<QCheckBox *>("showFooter"));
    section->store(panel);
    QCOMPARE(panel.value("options").toObject().value("cellHeight").toString(),
             QStringLiteral("md"));

    // The overrides: hide "code"; "handler" renamed, 200 px wide, left aligned, plain cells.
    OverridesEditor editor;
    editor.setPanelType(QStringLiteral("table"));
    editor.setFieldNames({"code", "handler", "Value"});
    editor.resize(600, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QCoreApplication::processEvents();
    chooseItem(editor.overrideWidget<QComboBox>("name", 0), QStringLiteral("code"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 0), QStringLiteral("Hide in table"));
    QVERIFY(editor.propertyWidget<QCheckBox>(0, 0)->isChecked());
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QCoreApplication::processEvents();
    chooseItem(editor.overrideWidget<QComboBox>("name", 1), QStringLiteral("handler"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 1), QStringLiteral("Display name"));
    auto *display = editor.propertyWidget<QLineEdit>(1, 0);
    QVERIFY(display);
    QTest::keyClicks(display, QStringLiteral("Handler"));
    QTest::keyClick(display, Qt::Key_Return);
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 1), QStringLiteral("Column width"));
    typeInto(editor.propertyWidget<QSpinBox>(1, 1), QStringLiteral("200"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 1),
               QStringLiteral("Column alignment"));
    chooseItem(editor.propertyWidget<QComboBox>(1, 2), QStringLiteral("Left"));
    chooseItem(editor.overrideWidget<QComboBox>("addProperty", 1), QStringLiteral("Cell type"));
    chooseItem(editor.propertyWidget<QComboBox>(1, 3), QStringLiteral("Auto"));
    const QJsonArray overrides = editor.overrides();
    QCOMPARE(overrides, QJsonDocument::fromJson(R"([
        {"matcher": {"id": "byName", "options": "code"},
         "properties": [{"id": "custom.hidden", "value": true}]},
        {"matcher": {"id": "byName", "options": "handler"},
         "properties": [{"id": "displayName", "value": "Handler"},
                        {"id": "custom.width", "value": 200},
                        {"id": "custom.align", "value": "left"},
                        {"id": "custom.cellOptions", "value": {"type": "auto"}}]}])")
                            .array());
    QJsonObject fc = panel.value("fieldConfig").toObject();
    fc.insert("overrides", overrides);
    panel.insert("fieldConfig", fc);

    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(QJsonDocument(panel).toJson(QJsonDocument::Compact))));
    auto *table = qobject_cast<TablePanel *>(w.get());
    QVERIFY(table);
    w->resize(700, 300);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    table->setData(handlerRows());
    QCoreApplication::processEvents();
    QTableView *view = table->view();
    const QAbstractItemModel *m = view->model();

    // code is gone, handler renamed
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("code"));
    // the names the editor offers to "Fields with name" are the original ones
    QCOMPARE(table->columnNames(), (QStringList{"code", "handler", "Value"}));
    QCOMPARE(TablePanel::columnNamesFor(table->model(), *handlerRows()),
             (QStringList{"code", "handler", "Value"}));
    QVERIFY(view->isColumnHidden(0));
    QCOMPARE(visibleHeaders(view), (QStringList{"Handler", "Value"}));
    QVERIFY(!table->selectionAsTsv().contains(QLatin1String("code")));
    QVERIFY(table->selectionAsTsv().startsWith(QLatin1String("Handler\tValue\n")));
    // widths: the override's 200 px, the section's 120 px (the last column does not stretch)
    QCOMPARE(view->columnWidth(1), 200);
    QCOMPARE(view->columnWidth(2), 120);
    QCOMPARE(view->horizontalHeader()->sectionSize(2), 120);
    // rows of the "md" cell height
    QCOMPARE(view->rowHeight(0), 42);
    QCOMPARE(view->rowViewportPosition(2) - view->rowViewportPosition(1), 42);

    // Pixels: Value cells filled by thresholds (5 green, 100 red), text centred; handler
    // cells plain and left aligned.
    const QImage img = view->viewport()->grab().toImage().convertToFormat(QImage::Format_ARGB32);
    const int lowRow = rowShowing(m, 2, QStringLiteral("5"));
    const int highRow = rowShowing(m, 2, QStringLiteral("100"));
    QVERIFY(lowRow >= 0 && highRow >= 0);
    const QRect low = view->visualRect(m->index(lowRow, 2));
    const QRect high = view->visualRect(m->index(highRow, 2));
    QVERIFY2(near(pixelAt(img, QPointF(low.left() + 3, low.center().y())), grafanaColor("green")),
             qPrintable(pixelAt(img, QPointF(low.left() + 3, low.center().y())).name()));
    QVERIFY(near(pixelAt(img, QPointF(high.left() + 3, high.center().y())), grafanaColor("red")));
    const QRect handler = view->visualRect(m->index(highRow, 1));
    const QColor plain = pixelAt(img, QPointF(handler.left() + 3, handler.center().y()));
    QVERIFY2(!near(plain, grafanaColor("red")) && !near(plain, grafanaColor("green")),
             qPrintable(plain.name()));
    const int valueOffset = textOffset(img, high);
    const int handlerOffset = textOffset(img, handler);
    // "100" centred in 120 px starts near 50 px (left aligned: ~4 px, right aligned: ~95 px)
    QVERIFY2(valueOffset > 35 && valueOffset < 65, qPrintable(QString::number(valueOffset)));
    QVERIFY2(handlerOffset >= 0 && handlerOffset < 15, qPrintable(QString::number(handlerOffset)));
    QCOMPARE(Qt::Alignment(m->index(0, 2).data(Qt::TextAlignmentRole).toInt()) &
                 Qt::AlignHorizontal_Mask,
             Qt::AlignHCenter);

    // The footer: the sum of Value (5 + 100 + 20) under it, "Total" in the first shown
    // column, the footer's columns where the table's are.
    QTableView *footer = table->footer();
    QVERIFY(footer);
    QVERIFY(footer->isVisible());
    QVERIFY(footer->geometry().top() >= view->geometry().bottom());
    QCOMPARE(table->footerText(2), QStringLiteral("125"));
    QCOMPARE(table->footerText(1), QStringLiteral("Total"));
    QVERIFY(footer->isColumnHidden(0));
    QCOMPARE(footer->columnViewportPosition(2), view->columnViewportPosition(2));
    QCOMPARE(footer->columnWidth(1), 200);
    const QImage foot = footer->viewport()->grab().toImage();
    const QRect sumCell = footer->visualRect(footer->model()->index(0, 2));
    QVERIFY(textOffset(foot, sumCell) > 35); // centred like its column

    // With the header switched off in the section, the rendered table has none.
    QWidget host2;
    PanelOptionsSection *again = tableSection(&host2);
    host2.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host2));
    again->load(panel);
    clickCheckBox(again->findChild<QCheckBox *>("showHeader"));
    clickCheckBox(again->findChild<QCheckBox *>("footerCountRows"));
    again->store(panel);
    std::unique_ptr<PanelWidget> w2(
        PanelWidget::create(makeModel(QJsonDocument(panel).toJson(QJsonDocument::Compact))));
    auto *table2 = qobject_cast<TablePanel *>(w2.get());
    w2->resize(700, 300);
    w2->show();
    QVERIFY(QTest::qWaitForWindowExposed(w2.get()));
    table2->setData(handlerRows());
    QVERIFY(table2->view()->horizontalHeader()->isHidden());
    QCOMPARE(table2->footerText(1), QStringLiteral("Count: 3"));
    QVERIFY(table2->footerText(2).isEmpty());
}

void TestTableOptionsSections::corpusOverridesRenameAndHide()
{
    // kube-prometheus "Prometheus Stats": overrides rename job/instance/version and hide
    // columns with custom.hidden "true" (a string, as the mixin writes it).
    QString error;
    const auto d = loadDashboardFile(
        QStringLiteral(PHAROS_CORPUS_DIR "/kube-prometheus_prometheus.json"), &error);
    QVERIFY2(d, qPrintable(error));
    std::optional<PanelModel> stats;
    for (const PanelModel &p : d->allPanels()) {
        if (p.type == QLatin1String("table") && p.title == QLatin1String("Prometheus Stats"))
            stats = p;
    }
    QVERIFY(stats);
    std::unique_ptr<PanelWidget> w(PanelWidget::create(*stats));
    auto *table = qobject_cast<TablePanel *>(w.get());
    QVERIFY(table);
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"job", "prometheus"}, {"instance", "p:9090"}, {"version", "2.42"}},
                               kT0, 0, {1}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    table->setData(makeData(std::move(t), kT0 - 60'000, kT0, 0));
    const QStringList headers = visibleHeaders(table->view());
    QVERIFY2(headers.contains(QLatin1String("Job")) &&
                 headers.contains(QLatin1String("Instance")) &&
                 headers.contains(QLatin1String("Version")),
             qPrintable(headers.join(QLatin1Char(','))));
    // An override on a column named Value hides it in a table whose value column is "Value".
    PanelModel hidden = *stats;
    QJsonObject fc = hidden.json.value("fieldConfig").toObject();
    QJsonArray overrides = fc.value("overrides").toArray();
    overrides.append(QJsonDocument::fromJson(R"({"matcher": {"id": "byRegexp", "options": "/^Val/"},
        "properties": [{"id": "custom.hidden", "value": "true"}]})")
                         .object());
    fc.insert("overrides", overrides);
    hidden.json.insert("fieldConfig", fc);
    std::unique_ptr<PanelWidget> w2(PanelWidget::create(hidden));
    auto *table2 = qobject_cast<TablePanel *>(w2.get());
    std::vector<Frame> frames2;
    frames2.push_back(makeFrame({{"job", "prometheus"}}, kT0, 0, {1}));
    std::vector<TargetResult> t2;
    t2.push_back(makeTarget("A", std::move(frames2)));
    table2->setData(makeData(std::move(t2), kT0 - 60'000, kT0, 0));
    QCOMPARE(visibleHeaders(table2->view()), QStringList{QStringLiteral("Job")});
}

void TestTableOptionsSections::corpusValueColumnsByQuery()
{
    // ingress-nginx: five instant table queries; overrides name the columns "Value #A"...
    QString error;
    const auto d =
        loadDashboardFile(QStringLiteral(PHAROS_CORPUS_DIR "/ingress-nginx_nginx.json"), &error);
    QVERIFY2(d, qPrintable(error));
    std::optional<PanelModel> latency;
    for (const PanelModel &p : d->allPanels()) {
        if (p.type == QLatin1String("table") &&
            p.title.startsWith(QLatin1String("Ingress Percentile Response Times")))
            latency = p;
    }
    QVERIFY(latency);
    std::unique_ptr<PanelWidget> w(PanelWidget::create(*latency));
    auto *table = qobject_cast<TablePanel *>(w.get());
    QVERIFY(table);
    std::vector<TargetResult> t;
    int n = 0;
    for (const char *refId : {"A", "B", "C", "D", "E"}) {
        std::vector<Frame> frames;
        frames.push_back(makeFrame({{"ingress", "shop"}}, kT0, 0, {0.25 * ++n}));
        frames.push_back(makeFrame({{"ingress", "api"}}, kT0, 0, {0.5 * n}));
        t.push_back(makeTarget(refId, std::move(frames)));
    }
    table->setData(makeData(std::move(t), kT0 - 60'000, kT0, 0));
    const QStringList headers = visibleHeaders(table->view());
    QCOMPARE(headers.mid(0, 5),
             (QStringList{"Ingress", "P50 Latency", "P90 Latency", "P99 Latency", "IN"}));
    QCOMPARE(table->view()->model()->rowCount(), 2); // a row per ingress, not per series
    // each column has its override's unit: A is dtdurations (s), D is Bps with 2 decimals
    const QAbstractItemModel *m = table->view()->model();
    const int shop = rowShowing(m, 0, QStringLiteral("shop"));
    QVERIFY(shop >= 0);
    QCOMPARE(m->index(shop, 4).data().toString(), QStringLiteral("1.00 B/s"));
}

void TestTableOptionsSections::corpusOrganizeRenamesForOverrides()
{
    // kube-prometheus "CPU Quota": seven table queries joined by namespace; an "organize"
    // transformation renames "Value #A".. to "Pods".., and a byRegexp "/%/" override gives the
    // renamed percentage columns the percentunit unit.
    QString error;
    const auto d = loadDashboardFile(
        QStringLiteral(PHAROS_CORPUS_DIR "/kube-prometheus_k8s-resources-cluster.json"), &error);
    QVERIFY2(d, qPrintable(error));
    std::optional<PanelModel> quota;
    for (const PanelModel &p : d->allPanels()) {
        if (p.type == QLatin1String("table") && p.title == QLatin1String("CPU Quota"))
            quota = p;
    }
    QVERIFY(quota);
    QCOMPARE(quota->targets.size(), 7);
    std::unique_ptr<PanelWidget> w(PanelWidget::create(*quota));
    auto *table = qobject_cast<TablePanel *>(w.get());
    QVERIFY(table);
    std::vector<TargetResult> t;
    for (int i = 0; i < 7; ++i) {
        std::vector<Frame> frames;
        frames.push_back(makeFrame({{"namespace", "default"}}, kT0, 0, {0.5 + i}));
        frames.push_back(makeFrame({{"namespace", "monitoring"}}, kT0, 0, {0.25}));
        t.push_back(makeTarget(quota->targets[i].refId, std::move(frames)));
    }
    table->setData(makeData(std::move(t), kT0 - 60'000, kT0, 0));
    QCOMPARE(shownHeaders(table->view()),
             (QStringList{"Namespace", "Pods", "Workloads", "CPU Usage", "CPU Requests",
                          "CPU Requests %", "CPU Limits", "CPU Limits %"}));
    QVERIFY(table->columnNames().contains(QLatin1String("CPU Requests %")));
    const QAbstractItemModel *m = table->view()->model();
    QCOMPARE(m->rowCount(), 2);
    const int def = rowShowing(m, 0, QStringLiteral("default"));
    QVERIFY(def >= 0);
    // "CPU Requests %" is Value #E (the fifth query: 4.5) in percentunit
    int requestsPct = -1;
    for (int c = 0; c < m->columnCount(); ++c) {
        if (m->headerData(c, Qt::Horizontal).toString() == QLatin1String("CPU Requests %"))
            requestsPct = c;
    }
    QVERIFY(requestsPct >= 0);
    QCOMPARE(m->index(def, requestsPct).data().toString(), QStringLiteral("450%"));
    // the copied text follows the shown order
    QVERIFY(table->selectionAsTsv().startsWith(QLatin1String("Namespace\tPods\tWorkloads")));
}

void TestTableOptionsSections::columnFilterFiltersRows()
{
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QJsonObject panel = object(R"({"id": 4, "type": "table", "title": "Handlers",
        "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []},
        "options": {"showHeader": true, "footer": {"show": true, "reducer": ["sum"]}},
        "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})");
    section->load(panel);
    auto *filter = section->findChild<QCheckBox *>("columnFilter");
    QVERIFY(filter);
    QVERIFY(!filter->isChecked());
    clickCheckBox(filter);
    section->store(panel);
    QCOMPARE(json::valueAt(panel, "fieldConfig.defaults.custom.filterable"), QJsonValue(true));

    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(QJsonDocument(panel).toJson(QJsonDocument::Compact))));
    auto *table = qobject_cast<TablePanel *>(w.get());
    QVERIFY(table);
    w->resize(600, 300);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    table->setData(handlerRows());
    QCoreApplication::processEvents();
    QTableView *view = table->view();
    QHeaderView *header = view->horizontalHeader();
    const int code = table->columnNames().indexOf(QLatin1String("code"));
    QCOMPARE(code, 0);
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(table->footerText(2), QStringLiteral("125"));

    // the funnel is drawn in the header
    const QRect icon = table->filterIconRect(code);
    QVERIFY(icon.isValid());
    const QImage img = header->viewport()->grab().toImage();
    QVERIFY2(countColor(img, QColor(0x80, 0x80, 0x80), icon.left(), icon.right(), icon.top(),
                        icon.bottom(), 12) > 10,
             "no funnel in the header");

    // a click on it opens the values (and does not sort)
    const int sortedBy = header->sortIndicatorSection();
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, icon.center());
    QTRY_VERIFY(table->filterList() && table->filterList()->isVisible());
    QCOMPARE(header->sortIndicatorSection(), sortedBy);
    QCOMPARE(header->sortIndicatorOrder(), order);
    QListWidget *list = table->filterList();
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("200"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("500"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);
    QCOMPARE(table->columnFilter(code), QStringList{QStringLiteral("500")});
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("/c"));
    QCOMPARE(table->footerText(2), QStringLiteral("20")); // the footer sums the rows shown

    // a refresh keeps the filter
    table->setData(handlerRows());
    QCOMPARE(view->model()->rowCount(), 1);

    // Clear filter
    auto *clear = table->findChild<QPushButton *>("clearFilter");
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY(!table->filterList());
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(table->columnFilter(code).isEmpty());

    // without custom.filterable there is no funnel, and a click sorts
    std::unique_ptr<PanelWidget> plain(PanelWidget::create(makeModel(R"({"id": 5, "type": "table",
        "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})")));
    auto *plainTable = qobject_cast<TablePanel *>(plain.get());
    plainTable->setData(handlerRows());
    QVERIFY(!plainTable->filterIconRect(0).isValid());
    QVERIFY(
        plainTable->view()->model()->headerData(0, Qt::Horizontal, Qt::DecorationRole).isNull());
}

void TestTableOptionsSections::backgroundModeAndWholeRow()
{
    QWidget host;
    PanelOptionsSection *section = tableSection(&host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    const QJsonObject original = object(R"({"id": 6, "type": "table", "title": "Rows",
        "fieldConfig": {"defaults": {"unit": "short", "color": {"mode": "thresholds"},
            "thresholds": {"mode": "absolute",
              "steps": [{"color": "green", "value": null}, {"color": "red", "value": 50}]}},
          "overrides": []},
        "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})");
    section->load(original);
    auto *mode = section->findChild<QComboBox *>("backgroundMode");
    auto *row = section->findChild<QCheckBox *>("applyToRow");
    QVERIFY(mode && row);
    QVERIFY(!mode->isEnabled()); // only for coloured backgrounds
    chooseItem(section->findChild<QComboBox *>("cellType"), QStringLiteral("Colored background"));
    QVERIFY(mode->isEnabled());
    QJsonObject gradient = original;
    section->store(gradient);
    QCOMPARE(json::valueAt(gradient, "fieldConfig.defaults.custom.cellOptions"),
             QJsonValue(object(R"({"type": "color-background"})")));
    chooseItem(mode, QStringLiteral("Solid"));
    clickCheckBox(row);
    QJsonObject solid = original;
    section->store(solid);
    QCOMPARE(json::valueAt(solid, "fieldConfig.defaults.custom.cellOptions"),
             QJsonValue(object(R"({"type": "color-background", "mode": "basic",
                                   "applyToRow": true})")));

    const auto render = [](const QJsonObject &panel, QImage *img, QRect *value, QRect *handler) {
        auto *w = PanelWidget::create(makeModel(QJsonDocument(panel).toJson()));
        auto *table = qobject_cast<TablePanel *>(w);
        w->resize(600, 300);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        table->setData(handlerRows());
        QCoreApplication::processEvents();
        const QAbstractItemModel *m = table->view()->model();
        const int high = rowShowing(m, 2, QStringLiteral("100"));
        QVERIFY(high >= 0);
        *value = table->view()->visualRect(m->index(high, 2));
        *handler = table->view()->visualRect(m->index(high, 1));
        *img = table->view()->viewport()->grab().toImage();
        delete w;
    };
    QImage img;
    QRect value, handler;
    // gradient: darker on the left than on the right; the rest of the row is plain
    render(gradient, &img, &value, &handler);
    const QColor left = pixelAt(img, QPointF(value.left() + 2, value.top() + 2));
    const QColor right = pixelAt(img, QPointF(value.right() - 2, value.bottom() - 2));
    QVERIFY2(left.lightness() < right.lightness(), qPrintable(left.name() + right.name()));
    QVERIFY(near(right, grafanaColor("red"), 12));
    QVERIFY(!near(pixelAt(img, QPointF(handler.left() + 2, handler.center().y())),
                  grafanaColor("red")));
    // solid, whole row: the handler cell of that row is red too
    render(solid, &img, &value, &handler);
    QVERIFY(near(pixelAt(img, QPointF(value.left() + 2, value.top() + 2)), grafanaColor("red"), 6));
    QVERIFY(
        near(pixelAt(img, QPointF(value.right() - 2, value.bottom() - 2)), grafanaColor("red"), 6));
    QVERIFY(near(pixelAt(img, QPointF(handler.left() + 2, handler.center().y())),
                 grafanaColor("red"), 6));
}

void TestTableOptionsSections::inTheOptionsPane()
{
    // The panel editor's Options pane shows the Table section for a table, and its overrides
    // offer the column properties, not the time-series ones.
    PanelOptionsEditor pane;
    pane.resize(500, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QString error;
    const auto d = loadDashboardFile(
        QStringLiteral(PHAROS_CORPUS_DIR "/kube-prometheus_prometheus.json"), &error);
    QVERIFY2(d, qPrintable(error));
    QJsonObject table;
    for (const PanelModel &p : d->allPanels()) {
        if (p.type == QLatin1String("table"))
            table = p.json;
    }
    QVERIFY(!table.isEmpty());
    pane.setPanel(table);
    QVERIFY(pane.section(QStringLiteral("Table")));
    QCOMPARE(pane.applyTo(table), table);
    OverridesEditor *overrides = pane.overridesEditor();
    QVERIFY(overrides);
    QVERIFY(overrides->overrideCount() > 0);
    auto *add = overrides->overrideWidget<QComboBox>("addProperty", 0);
    QVERIFY(add);
    QVERIFY(add->findText(QStringLiteral("Column width")) > 0);
    QCOMPARE(add->findText(QStringLiteral("Draw style")), -1);
}

QTEST_MAIN(TestTableOptionsSections)
#include "test_tableoptionssections.moc"
