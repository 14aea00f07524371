// The panel editor's Options pane: edits made with the mouse and keyboard write Grafana's
// keys (and only those), every corpus panel round-trips unchanged with no changed() signal,
// changing the visualization keeps what the types share, the search hides options, and the
// options have their effect on a real rendered time-series panel.
#include "app/editor/options/overrideseditor.h"
#include "app/editor/options/paneloptionsection.h"
#include "app/editor/options/paneloptionseditor.h"
#include "app/editor/options/thresholdseditor.h"
#include "app/editor/options/unitpicker.h"
#include "app/editor/options/valuemappingseditor.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardedit.h"
#include "dashboards/model/dashboardio.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/colors.h"
#include "panels/timeseries/timeseriespanel.h"
#include "testpaths.h"
#include "tests/panels/panelfixture.h"
#include "tests/panels/timeseries/timeseriesfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace pharos;
using namespace pharos::testing;

class TestPanelOptionsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void panelOptionsWritten();
    void timeSeriesOptionsWritten();
    void standardThresholdsMappingsOverrides();
    void corpusRoundTrip();
    void typeChangeKeepsSharedOptions();
    void searchHidesOptions();
    void collapseSection();
    void rendersBarsAndLineWidth();
    void rendersStacking();
    void rendersLegendTableWithCalcs();
    void rendersLegendListRightAndHidden();
    void rendersLogAxisAndPlacement();
    void rendersTooltipModes();
    void rendersThresholdLinesAndMappings();
    void rendersInterpolationPointsAndNulls();
    void rendersFillAndGradient();
    void rendersTitleDescriptionTransparent();

private:
    std::unique_ptr<PanelOptionsEditor> m_editor;
};

namespace {

const QString kCustom = QStringLiteral("fieldConfig.defaults.custom.");

QJsonObject timeseriesPanel()
{
    QJsonObject p = dashboardedit::newPanel(QStringLiteral("timeseries"), 7, QStringLiteral("CPU"));
    return p;
}

/// A bare time-series panel: no options or field config (Grafana's defaults apply).
QJsonObject barePanel()
{
    return QJsonObject{{"id", 3},
                       {"type", "timeseries"},
                       {"title", "Bare"},
                       {"gridPos", QJsonObject{{"x", 0}, {"y", 0}, {"w", 12}, {"h", 8}}},
                       {"targets", QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "up"}}}}};
}

template <typename T> T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget %s", name);
    return w;
}

/// Picks the item whose data is `value` with the keyboard (Up/Down on the focused combo).
bool pick(QComboBox *combo, const QVariant &value)
{
    const int target = combo->findData(value);
    if (target < 0)
        return false;
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    return combo->currentIndex() == target;
}

/// Replaces a spin box's value by typing.
void typeInto(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Enter);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Enter);
}

/// Ticks (or unticks) the reducer `id` in the legend's values list with the keyboard.
void toggleCalc(QListWidget *list, const QString &id)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == id) {
            list->setFocus();
            list->setCurrentRow(i);
            QTest::keyClick(list, Qt::Key_Space);
            return;
        }
    }
    QFAIL("no such calc");
}

/// The panel model of a panel JSON, parsed as a dashboard file is.
PanelModel modelOf(const QJsonObject &panel)
{
    QJsonObject dash{{"schemaVersion", 39}, {"title", "t"}, {"panels", QJsonArray{panel}}};
    const std::optional<Dashboard> d = Dashboard::fromObject(dash);
    if (!d || d->panels().isEmpty())
        return {};
    return d->panels().first();
}

/// A rendered time-series panel of `panel` with the series given (10 s apart).
struct Rendered : RenderedTimeSeries
{
    bool make(const QJsonObject &json, const std::vector<std::pair<QString, QList<double>>> &series,
              QSize size = QSize(800, 400))
    {
        return RenderedTimeSeries::make(modelOf(json), series, size);
    }
};

QJsonObject withTarget(QJsonObject p)
{
    p.insert("targets",
             QJsonArray{QJsonObject{{"refId", "A"}, {"expr", "x"}, {"legendFormat", "{{s}}"}}});
    return p;
}

} // namespace

void TestPanelOptionsEditor::initTestCase()
{
    m_editor = std::make_unique<PanelOptionsEditor>();
    m_editor->resize(420, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestPanelOptionsEditor::panelOptionsWritten()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = barePanel();
    QSignalSpy spy(&e, &PanelOptionsEditor::changed);
    e.setPanel(panel);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(e.panelType(), QStringLiteral("timeseries"));
    QCOMPARE(e.typeCombo()->currentText(), QStringLiteral("Time series"));
    QCOMPARE(e.applyTo(panel), panel);

    auto *title = child<QLineEdit>(&e, "title");
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Bare"));
    typeInto(title, QStringLiteral("Requests"));
    QVERIFY(spy.count() > 0);
    auto *description = child<QPlainTextEdit>(&e, "description");
    QVERIFY(description);
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("Per second"));
    auto *transparent = child<QCheckBox>(&e, "transparent");
    QVERIFY(transparent);
    QVERIFY(!transparent->isChecked());
    const int before = int(spy.count());
    QTest::mouseClick(transparent, Qt::LeftButton, {}, QPoint(6, transparent->height() / 2));
    QCOMPARE(spy.count(), before + 1);

    const QJsonObject out = e.applyTo(panel);
    QCOMPARE(out.value("title").toString(), QStringLiteral("Requests"));
    QCOMPARE(out.value("description").toString(), QStringLiteral("Per second"));
    QCOMPARE(out.value("transparent").toBool(), true);
    // Nothing else was written: no options, no fieldConfig, targets untouched.
    QVERIFY(!out.contains("options"));
    QVERIFY(!out.contains("fieldConfig"));
    QCOMPARE(out.value("targets"), panel.value("targets"));
    // applyTo() edits whatever panel it is given, keeping its other keys.
    QJsonObject other = panel;
    other.insert("targets", QJsonArray{});
    QCOMPARE(e.applyTo(other).value("targets"), QJsonValue(QJsonArray{}));
    QCOMPARE(e.applyTo(other).value("title").toString(), QStringLiteral("Requests"));
    // Emptied: a key the file had stays, empty; one it did not have is not written.
    typeInto(title, QString());
    typeInto(child<QLineEdit>(&e, "axisLabel"), QStringLiteral("x"));
    typeInto(child<QLineEdit>(&e, "axisLabel"), QString());
    QCOMPARE(e.applyTo(panel).value("title"), QJsonValue(QString()));
    QVERIFY(!e.applyTo(panel).contains("fieldConfig"));
}

void TestPanelOptionsEditor::timeSeriesOptionsWritten()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = barePanel();
    e.setPanel(panel);
    QSignalSpy spy(&e, &PanelOptionsEditor::changed);
    QVERIFY(e.section("Tooltip"));
    QVERIFY(e.section("Legend"));
    QVERIFY(e.section("Graph styles"));
    QVERIFY(e.section("Axis"));
    QStringList titles;
    for (PanelOptionsSection *s : e.sections())
        titles << s->title();
    QCOMPARE(titles.first(), QStringLiteral("Panel options"));
    QVERIFY(titles.indexOf("Tooltip") < titles.indexOf("Legend"));
    QVERIFY(titles.indexOf("Axis") < titles.indexOf("Standard options"));
    QCOMPARE(titles.mid(titles.indexOf("Standard options")),
             (QStringList{"Standard options", "Thresholds", "Value mappings", "Overrides"}));

    // Grafana's defaults are shown for absent keys.
    QCOMPARE(child<QComboBox>(&e, "legendMode")->currentData().toString(), QStringLiteral("list"));
    QVERIFY(child<QCheckBox>(&e, "showLegend")->isChecked());
    QCOMPARE(child<QSpinBox>(&e, "lineWidth")->value(), 1);
    QCOMPARE(child<QComboBox>(&e, "stacking")->currentData().toString(), QStringLiteral("none"));

    QVERIFY(pick(child<QComboBox>(&e, "tooltipMode"), "multi"));
    QVERIFY(pick(child<QComboBox>(&e, "tooltipSort"), "desc"));
    QVERIFY(pick(child<QComboBox>(&e, "legendMode"), "table"));
    QVERIFY(pick(child<QComboBox>(&e, "legendPlacement"), "right"));
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "mean");
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "max");
    QVERIFY(pick(child<QComboBox>(&e, "drawStyle"), "bars"));
    QVERIFY(pick(child<QComboBox>(&e, "lineInterpolation"), "smooth"));
    typeInto(child<QSpinBox>(&e, "lineWidth"), 3);
    typeInto(child<QSpinBox>(&e, "fillOpacity"), 40);
    QVERIFY(pick(child<QComboBox>(&e, "showPoints"), "always"));
    typeInto(child<QSpinBox>(&e, "pointSize"), 8);
    QVERIFY(pick(child<QComboBox>(&e, "stacking"), "percent"));
    QVERIFY(pick(child<QComboBox>(&e, "axisPlacement"), "right"));
    typeInto(child<QLineEdit>(&e, "axisLabel"), QStringLiteral("req/s"));
    typeInto(child<QLineEdit>(&e, "axisSoftMin"), QStringLiteral("0"));
    typeInto(child<QLineEdit>(&e, "axisSoftMax"), QStringLiteral("abc")); // not a number
    QVERIFY(!child<QComboBox>(&e, "logBase")->isEnabled());
    QVERIFY(pick(child<QComboBox>(&e, "scaleType"), "log"));
    QVERIFY(child<QComboBox>(&e, "logBase")->isEnabled());
    QVERIFY(pick(child<QComboBox>(&e, "logBase"), 10));
    QVERIFY(spy.count() >= 18);

    const QJsonObject out = e.applyTo(panel);
    const auto at = [&](const QString &path) { return json::valueAt(out, path); };
    QCOMPARE(at("options.tooltip.mode").toString(), QStringLiteral("multi"));
    QCOMPARE(at("options.tooltip.sort").toString(), QStringLiteral("desc"));
    QCOMPARE(at("options.legend.displayMode").toString(), QStringLiteral("table"));
    QCOMPARE(at("options.legend.placement").toString(), QStringLiteral("right"));
    QCOMPARE(at("options.legend.calcs"), QJsonValue(QJsonArray{"mean", "max"}));
    QVERIFY(at("options.legend.showLegend").isUndefined()); // not touched
    QCOMPARE(at(kCustom + "drawStyle").toString(), QStringLiteral("bars"));
    QCOMPARE(at(kCustom + "lineInterpolation").toString(), QStringLiteral("smooth"));
    QCOMPARE(at(kCustom + "lineWidth").toInt(), 3);
    QCOMPARE(at(kCustom + "fillOpacity").toInt(), 40);
    QCOMPARE(at(kCustom + "showPoints").toString(), QStringLiteral("always"));
    QCOMPARE(at(kCustom + "pointSize").toInt(), 8);
    QCOMPARE(at(kCustom + "stacking"),
             QJsonValue(QJsonObject{{"mode", "percent"}, {"group", "A"}}));
    QCOMPARE(at(kCustom + "axisPlacement").toString(), QStringLiteral("right"));
    QCOMPARE(at(kCustom + "axisLabel").toString(), QStringLiteral("req/s"));
    QCOMPARE(at(kCustom + "axisSoftMin").toDouble(), 0.0);
    QVERIFY(at(kCustom + "axisSoftMax").isUndefined());
    QCOMPARE(at(kCustom + "scaleDistribution"),
             QJsonValue(QJsonObject{{"type", "log"}, {"log", 10}}));
    // Keys nobody set stay absent.
    QVERIFY(at(kCustom + "gradientMode").isUndefined());
    QVERIFY(at(kCustom + "spanNulls").isUndefined());
    QVERIFY(at("fieldConfig.defaults.unit").isUndefined());

    // Back to linear: the log base goes; the legend hidden and shown again.
    QVERIFY(pick(child<QComboBox>(&e, "scaleType"), "linear"));
    QCOMPARE(json::valueAt(e.applyTo(panel), kCustom + "scaleDistribution"),
             QJsonValue(QJsonObject{{"type", "linear"}}));

    // A file's values are shown; a stacking group of its own survives an edit of the mode.
    QJsonObject file = timeseriesPanel();
    json::setValueAt(file, kCustom + "stacking", QJsonObject{{"mode", "none"}, {"group", "B"}});
    json::setValueAt(file, "options.legend.displayMode", "hidden");
    json::setValueAt(file, kCustom + "drawStyle", "weird"); // unknown: shown and kept
    e.setPanel(file);
    QCOMPARE(e.applyTo(file), file);
    QCOMPARE(child<QComboBox>(&e, "drawStyle")->currentText(), QStringLiteral("weird"));
    QVERIFY(!child<QCheckBox>(&e, "showLegend")->isChecked());
    QVERIFY(pick(child<QComboBox>(&e, "stacking"), "normal"));
    QTest::mouseClick(child<QCheckBox>(&e, "showLegend"), Qt::LeftButton, {}, QPoint(6, 8));
    const QJsonObject out2 = e.applyTo(file);
    QCOMPARE(json::valueAt(out2, kCustom + "stacking"),
             QJsonValue(QJsonObject{{"mode", "normal"}, {"group", "B"}}));
    QCOMPARE(json::valueAt(out2, "options.legend.displayMode").toString(), QStringLiteral("list"));
    QCOMPARE(json::valueAt(out2, "options.legend.showLegend").toBool(), true);
    QCOMPARE(json::valueAt(out2, kCustom + "drawStyle").toString(), QStringLiteral("weird"));
}

void TestPanelOptionsEditor::standardThresholdsMappingsOverrides()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = timeseriesPanel();
    e.setPanel(panel);
    QVERIFY(e.standardOptions());
    QVERIFY(e.thresholdsEditor());
    QVERIFY(e.mappingsEditor());
    QVERIFY(e.overridesEditor());
    e.setFieldNames({"a", "b"});
    QSignalSpy spy(&e, &PanelOptionsEditor::changed);

    // Unit: typed in the picker and taken with Enter.
    QLineEdit *unit = e.standardOptions()->unitPicker()->searchEdit();
    unit->setFocus();
    QTest::keyClicks(unit, QStringLiteral("bytes"));
    QTest::keyClick(unit, Qt::Key_Return);
    QCOMPARE(e.standardOptions()->unitPicker()->unit(), QStringLiteral("bytes"));
    QVERIFY(spy.count() > 0);
    // A threshold added.
    const int steps = e.thresholdsEditor()->stepCount();
    QTest::mouseClick(e.thresholdsEditor()->addButton(), Qt::LeftButton);
    QCOMPARE(e.thresholdsEditor()->stepCount(), steps + 1);
    QVERIFY(pick(child<QComboBox>(&e, "thresholdsStyle"), "line"));
    // A mapping and an override.
    QTest::mouseClick(e.mappingsEditor()->addButton(), Qt::LeftButton);
    QCOMPARE(e.mappingsEditor()->rowCount(), 1);
    QTest::mouseClick(e.overridesEditor()->addButton(), Qt::LeftButton);
    QCOMPARE(e.overridesEditor()->overrideCount(), 1);

    const QJsonObject out = e.applyTo(panel);
    QCOMPARE(json::valueAt(out, "fieldConfig.defaults.unit").toString(), QStringLiteral("bytes"));
    QCOMPARE(json::valueAt(out, "fieldConfig.defaults.thresholds.steps").toArray().size(),
             steps + 1);
    QCOMPARE(json::valueAt(out, kCustom + "thresholdsStyle.mode").toString(),
             QStringLiteral("line"));
    QCOMPARE(json::valueAt(out, "fieldConfig.defaults.mappings").toArray().size(), 1);
    QCOMPARE(json::valueAt(out, "fieldConfig.overrides").toArray().size(), 1);
    // The other defaults stay as they were.
    QCOMPARE(json::valueAt(out, "fieldConfig.defaults.color"),
             json::valueAt(panel, "fieldConfig.defaults.color"));
    QCOMPARE(json::valueAt(out, kCustom + "drawStyle"),
             json::valueAt(panel, kCustom + "drawStyle"));
}

void TestPanelOptionsEditor::corpusRoundTrip()
{
    QDir corpus(QStringLiteral(PHAROS_CORPUS_DIR));
    const QStringList files = corpus.entryList({QStringLiteral("*.json")}, QDir::Files);
    if (files.size() != 17)
        QFAIL(qPrintable(QStringLiteral("the corpus at %1 has %2 dashboards, expected 17")
                             .arg(corpus.absolutePath())
                             .arg(files.size())));
    // Every panel, grouped by type (as a user opens panels one after the other; the pane
    // rebuilds its sections only when the type changes).
    QList<std::pair<QString, PanelModel>> all;
    for (const QString &file : files) {
        QString error;
        const std::optional<Dashboard> d = loadDashboardFile(corpus.filePath(file), &error);
        QVERIFY2(d, qPrintable(error));
        for (const PanelModel &p : d->allPanels())
            all.append({file, p});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.second.type < b.second.type; });
    PanelOptionsEditor &e = *m_editor;
    QSignalSpy spy(&e, &PanelOptionsEditor::changed);
    int panels = 0;
    QSet<QString> types;
    for (const auto &[file, p] : std::as_const(all)) {
        e.setPanel(p.json);
        const QJsonObject out = e.applyTo(p.json);
        if (out != p.json)
            QFAIL(qPrintable(QStringLiteral("%1: panel %2 (%3) changed:\n%4\n%5")
                                 .arg(file, p.title, p.type,
                                      QString::fromUtf8(QJsonDocument(p.json).toJson()),
                                      QString::fromUtf8(QJsonDocument(out).toJson()))));
        QCOMPARE(e.panelType(), p.type);
        ++panels;
        types << p.type;
        QCoreApplication::processEvents(); // deferred deletions, as the event loop does
    }
    QCOMPARE(spy.count(), 0);
    QVERIFY(panels > 500);
    QVERIFY(types.contains("timeseries") && types.contains("stat") && types.contains("table"));
}

void TestPanelOptionsEditor::typeChangeKeepsSharedOptions()
{
    PanelOptionsEditor &e = *m_editor;
    QJsonObject panel = timeseriesPanel();
    json::setValueAt(panel, "fieldConfig.defaults.unit", "bytes");
    json::setValueAt(panel, "options.legend.calcs", QJsonArray{"max"});
    e.setPanel(panel);
    typeInto(child<QLineEdit>(&e, "title"), QStringLiteral("Memory"));
    QSignalSpy spy(&e, &PanelOptionsEditor::changed);

    QVERIFY(pick(e.typeCombo(), "stat"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(e.panelType(), QStringLiteral("stat"));
    QVERIFY(!e.section("Legend"));
    QVERIFY(!e.section("Graph styles"));
    QVERIFY(e.section("Panel options"));
    QVERIFY(e.section("Standard options"));
    QCOMPARE(child<QLineEdit>(&e, "title")->text(), QStringLiteral("Memory"));
    QCOMPARE(e.standardOptions()->unitPicker()->unit(), QStringLiteral("bytes"));

    QJsonObject stat = e.applyTo(panel);
    QCOMPARE(stat.value("type").toString(), QStringLiteral("stat"));
    QCOMPARE(stat.value("title").toString(), QStringLiteral("Memory"));
    QCOMPARE(json::valueAt(stat, "fieldConfig.defaults.unit").toString(), QStringLiteral("bytes"));
    QCOMPARE(json::valueAt(stat, "fieldConfig.defaults.thresholds"),
             json::valueAt(panel, "fieldConfig.defaults.thresholds"));
    QVERIFY(json::valueAt(stat, "options.reduceOptions").isObject());
    QVERIFY(json::valueAt(stat, "options.legend").isUndefined());
    QVERIFY(json::valueAt(stat, kCustom + "drawStyle").isUndefined());
    QCOMPARE(stat.value("targets"), panel.value("targets"));
    QCOMPARE(stat.value("gridPos"), panel.value("gridPos"));
    // What a stat panel renders.
    std::unique_ptr<PanelWidget> w(PanelWidget::create(modelOf(stat)));
    QCOMPARE(w->metaObject()->className(), "pharos::StatPanel");

    // Back to time series: its legend and graph styles come back as they were.
    QVERIFY(pick(e.typeCombo(), "timeseries"));
    QCOMPARE(spy.count(), 2);
    QVERIFY(e.section("Legend"));
    QJsonObject back = e.applyTo(panel);
    QCOMPARE(back.value("options"), panel.value("options"));
    QCOMPARE(json::valueAt(back, kCustom.chopped(1)), json::valueAt(panel, kCustom.chopped(1)));
    QCOMPARE(back.value("title").toString(), QStringLiteral("Memory"));
    // An edit after the change is written on top.
    QVERIFY(pick(child<QComboBox>(&e, "drawStyle"), "points"));
    QCOMPARE(json::valueAt(e.applyTo(panel), kCustom + "drawStyle").toString(),
             QStringLiteral("points"));
    // setPanel() starts over, silently.
    const int emitted = int(spy.count());
    e.setPanel(panel);
    QCOMPARE(e.applyTo(panel), panel);
    QCOMPARE(spy.count(), emitted);
}

void TestPanelOptionsEditor::searchHidesOptions()
{
    PanelOptionsEditor &e = *m_editor;
    e.setPanel(timeseriesPanel());
    const auto frameShown = [&](const QString &title) {
        PanelOptionsSection *s = e.section(title);
        return s && s->parentWidget()->isVisible() && s->isVisible();
    };
    auto *lineWidth = child<QSpinBox>(&e, "lineWidth");
    auto *drawStyle = child<QComboBox>(&e, "drawStyle");
    e.searchEdit()->setFocus();
    QTest::keyClicks(e.searchEdit(), QStringLiteral("width"));
    QVERIFY(frameShown("Graph styles"));
    QVERIFY(lineWidth->isVisible());
    QVERIFY(!drawStyle->isVisible());
    QVERIFY(!frameShown("Legend"));
    QVERIFY(!frameShown("Panel options"));
    QVERIFY(!frameShown("Value mappings"));

    // A section's title shows all of it.
    QTest::keyClick(e.searchEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(e.searchEdit(), QStringLiteral("LEGEND"));
    QVERIFY(frameShown("Legend"));
    QVERIFY(child<QComboBox>(&e, "legendPlacement")->isVisible());
    QVERIFY(!frameShown("Graph styles"));
    // Nothing matches: nothing shown.
    QTest::keyClick(e.searchEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(e.searchEdit(), QStringLiteral("zzzz"));
    for (PanelOptionsSection *s : e.sections())
        QVERIFY(!s->parentWidget()->isVisible());
    // Empty: everything back.
    QTest::keyClick(e.searchEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(e.searchEdit(), Qt::Key_Delete);
    for (PanelOptionsSection *s : e.sections())
        QVERIFY(s->parentWidget()->isVisible());
    QVERIFY(drawStyle->isVisible());
    QVERIFY(lineWidth->isVisible());
}

void TestPanelOptionsEditor::collapseSection()
{
    PanelOptionsEditor &e = *m_editor;
    e.setPanel(timeseriesPanel());
    PanelOptionsSection *axis = e.section("Axis");
    QVERIFY(axis);
    QToolButton *header = e.sectionHeader(axis);
    QVERIFY(header);
    QCOMPARE(header->text(), QStringLiteral("Axis"));
    QVERIFY(axis->isVisible());
    QTest::mouseClick(header, Qt::LeftButton);
    QVERIFY(!axis->isVisible());
    QVERIFY(header->isVisible());
    QTest::mouseClick(header, Qt::LeftButton);
    QVERIFY(axis->isVisible());
}

void TestPanelOptionsEditor::rendersBarsAndLineWidth()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    // Soft min 0 so that the bars stand on the bottom of the plot.
    typeInto(child<QLineEdit>(&e, "axisSoftMin"), QStringLiteral("0"));
    const QList<double> values{4, 6, 5, 7, 6, 8, 5, 6};
    Rendered lines;
    QVERIFY(lines.make(e.applyTo(panel), {{"a", values}}));
    const QColor c0 = classicPaletteColor(0);
    const int linePixels = lines.count(c0);
    QVERIFY(linePixels > 100);

    typeInto(child<QSpinBox>(&e, "lineWidth"), 6);
    Rendered wide;
    QVERIFY(wide.make(e.applyTo(panel), {{"a", values}}));
    QVERIFY2(wide.count(c0) > linePixels * 3,
             qPrintable(QStringLiteral("%1 vs %2").arg(wide.count(c0)).arg(linePixels)));

    typeInto(child<QSpinBox>(&e, "lineWidth"), 1);
    QVERIFY(pick(child<QComboBox>(&e, "drawStyle"), "bars"));
    typeInto(child<QSpinBox>(&e, "fillOpacity"), 100);
    Rendered bars;
    QVERIFY(bars.make(e.applyTo(panel), {{"a", values}}));
    // Bars fill the plot below the values: many more pixels of the colour, down to the bottom.
    QVERIFY2(bars.count(c0) > linePixels * 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(bars.count(c0)).arg(linePixels)));
    const double xMid = bars.panel->renderer().timeToX(double(kT0 + 30'000));
    QVERIFY(near(pixelAt(bars.img, QPointF(xMid, bars.plot.bottom() - 4)), c0));
    QVERIFY(!near(pixelAt(lines.img, QPointF(xMid, lines.plot.bottom() - 4)), c0));

    // Points: dots at the samples, no line between them.
    QVERIFY(pick(child<QComboBox>(&e, "drawStyle"), "points"));
    typeInto(child<QSpinBox>(&e, "fillOpacity"), 0);
    typeInto(child<QSpinBox>(&e, "pointSize"), 10);
    Rendered points;
    QVERIFY(points.make(e.applyTo(panel), {{"a", values}}));
    const TimeSeriesRenderer &r = points.panel->renderer();
    const QPointF sample(r.timeToX(double(kT0 + 30'000)), r.valueToY(7));
    QVERIFY(near(pixelAt(points.img, sample), c0));
    const QPointF between(r.timeToX(double(kT0 + 35'000)), r.valueToY(6.5));
    QVERIFY(near(pixelAt(lines.img, QPointF(lines.panel->renderer().timeToX(double(kT0 + 35'000)),
                                            lines.panel->renderer().valueToY(6.5))),
                 c0, 60, 40));
    QVERIFY(!near(pixelAt(points.img, between), c0, 60, 40));
}

void TestPanelOptionsEditor::rendersStacking()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    const std::vector<std::pair<QString, QList<double>>> series{{"a", QList<double>(6, 10.0)},
                                                                {"b", QList<double>(6, 10.0)}};
    Rendered plain;
    QVERIFY(plain.make(e.applyTo(panel), series));
    QVERIFY(plain.panel->renderer().yAxisMax() < 19);

    QVERIFY(pick(child<QComboBox>(&e, "stacking"), "normal"));
    Rendered stacked;
    QVERIFY(stacked.make(e.applyTo(panel), series));
    const TimeSeriesRenderer &r = stacked.panel->renderer();
    QVERIFY(r.yAxisMax() >= 20);
    // "b" is drawn on top of "a": at 20.
    const double x = r.timeToX(double(kT0 + 25'000));
    QVERIFY(near(pixelAt(stacked.img, QPointF(x, r.valueToY(20))), classicPaletteColor(1), 50));
    QVERIFY(near(pixelAt(stacked.img, QPointF(x, r.valueToY(10))), classicPaletteColor(0), 50));

    QVERIFY(pick(child<QComboBox>(&e, "stacking"), "percent"));
    Rendered percent;
    QVERIFY(percent.make(e.applyTo(panel), series));
    QCOMPARE(percent.panel->renderer().yTickLabels().last(), QStringLiteral("100%"));
}

void TestPanelOptionsEditor::rendersLegendTableWithCalcs()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    QVERIFY(pick(child<QComboBox>(&e, "legendMode"), "table"));
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "mean");
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "max");
    Rendered r;
    QVERIFY(r.make(e.applyTo(panel), {{"low", {1, 2, 3, 4, 5}}, {"high", {10, 20, 30, 40, 50}}}));
    auto *table = qobject_cast<QTreeWidget *>(r.panel->legendWidget());
    QVERIFY(table);
    QCOMPARE(table->headerItem()->text(1), QStringLiteral("Mean"));
    QCOMPARE(table->headerItem()->text(2), QStringLiteral("Max"));
    QCOMPARE(table->topLevelItemCount(), 2);
    QCOMPARE(table->topLevelItem(0)->text(0), QStringLiteral("low"));
    QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("3"));
    QCOMPARE(table->topLevelItem(0)->text(2), QStringLiteral("5"));
    QCOMPARE(table->topLevelItem(1)->text(1), QStringLiteral("30"));
    QCOMPARE(table->topLevelItem(1)->text(2), QStringLiteral("50"));

    // List mode shows the values after the name.
    QVERIFY(pick(child<QComboBox>(&e, "legendMode"), "list"));
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "mean"); // off again
    Rendered l;
    QVERIFY(l.make(e.applyTo(panel), {{"low", {1, 2, 3, 4, 5}}}));
    auto *list = qobject_cast<QListWidget *>(l.panel->legendWidget());
    QVERIFY(list);
    QCOMPARE(list->item(0)->text(), QStringLiteral("low  Max: 5"));
}

void TestPanelOptionsEditor::rendersLegendListRightAndHidden()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    Rendered bottom;
    QVERIFY(bottom.make(e.applyTo(panel), {{"a", {1, 2, 3}}}));
    QWidget *legend = bottom.panel->legendWidget();
    QVERIFY(legend);
    QVERIFY(legend->mapTo(bottom.panel, QPoint(0, 0)).y() >
            bottom.panel->plotWidget()->mapTo(bottom.panel, QPoint(0, 0)).y() + 100);

    QVERIFY(pick(child<QComboBox>(&e, "legendPlacement"), "right"));
    Rendered right;
    QVERIFY(right.make(e.applyTo(panel), {{"a", {1, 2, 3}}}));
    legend = right.panel->legendWidget();
    QVERIFY(legend);
    QVERIFY(legend->mapTo(right.panel, QPoint(0, 0)).x() >
            right.panel->plotWidget()->mapTo(right.panel, QPoint(0, 0)).x() + 300);

    QTest::mouseClick(child<QCheckBox>(&e, "showLegend"), Qt::LeftButton, {}, QPoint(6, 8));
    Rendered hidden;
    QVERIFY(hidden.make(e.applyTo(panel), {{"a", {1, 2, 3}}}));
    QVERIFY(!hidden.panel->legendWidget());
    QVERIFY(hidden.panel->legendEntries().isEmpty());
}

void TestPanelOptionsEditor::rendersLogAxisAndPlacement()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    const std::vector<std::pair<QString, QList<double>>> series{{"a", {1, 10, 100, 1000, 10000}}};
    Rendered linear;
    QVERIFY(linear.make(e.applyTo(panel), series));
    const QStringList linearTicks = linear.panel->renderer().yTickLabels();

    QVERIFY(pick(child<QComboBox>(&e, "scaleType"), "log"));
    QVERIFY(pick(child<QComboBox>(&e, "logBase"), 10));
    Rendered log;
    QVERIFY(log.make(e.applyTo(panel), series));
    const QStringList ticks = log.panel->renderer().yTickLabels();
    QVERIFY2(ticks.contains("10") && ticks.contains("100") && !linearTicks.contains("10"),
             qPrintable(ticks.join(' ') + " | " + linearTicks.join(' ')));
    // Equal ratios at equal distances.
    const TimeSeriesRenderer &r = log.panel->renderer();
    QVERIFY(std::abs((r.valueToY(10) - r.valueToY(100)) - (r.valueToY(100) - r.valueToY(1000))) <
            1.0);

    // Axis label and placement.
    typeInto(child<QLineEdit>(&e, "axisLabel"), QStringLiteral("requests"));
    QVERIFY(pick(child<QComboBox>(&e, "axisPlacement"), "right"));
    Rendered right;
    QVERIFY(right.make(e.applyTo(panel), series));
    QCOMPARE(right.panel->renderer().seriesAxis(0), 1);
    QVERIFY(right.panel->renderer().axisShown(1));
    QVERIFY(!right.panel->renderer().axisShown(0));
    QCOMPARE(right.panel->renderer().options().rightAxis.label, QStringLiteral("requests"));
    QVERIFY(pick(child<QComboBox>(&e, "axisPlacement"), "hidden"));
    Rendered hidden;
    QVERIFY(hidden.make(e.applyTo(panel), series));
    QVERIFY(!hidden.panel->renderer().axisShown(0));
    QVERIFY(!hidden.panel->renderer().axisShown(1));
    QVERIFY(hidden.plot.left() < right.plot.left() + right.plot.width() / 20 + 5);

    // Soft max raises the axis above the data.
    QVERIFY(pick(child<QComboBox>(&e, "axisPlacement"), "auto"));
    QVERIFY(pick(child<QComboBox>(&e, "scaleType"), "linear"));
    typeInto(child<QLineEdit>(&e, "axisSoftMax"), QStringLiteral("50000"));
    Rendered soft;
    QVERIFY(soft.make(e.applyTo(panel), series));
    QVERIFY(soft.panel->renderer().yAxisMax() >= 50000);
}

void TestPanelOptionsEditor::rendersTooltipModes()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    const std::vector<std::pair<QString, QList<double>>> series{{"a", {1, 2, 3}}, {"b", {5, 6, 7}}};
    Rendered single;
    QVERIFY(single.make(e.applyTo(panel), series));
    const TimeSeriesRenderer &r = single.panel->renderer();
    const QString one = single.panel->tooltipTextAtTime(kT0 + 10'000, r.valueToY(2));
    QVERIFY2(one.contains("a: 2") && !one.contains("b:"), qPrintable(one));

    QVERIFY(pick(child<QComboBox>(&e, "tooltipMode"), "multi"));
    QVERIFY(pick(child<QComboBox>(&e, "tooltipSort"), "desc"));
    Rendered all;
    QVERIFY(all.make(e.applyTo(panel), series));
    const QString both =
        all.panel->tooltipTextAtTime(kT0 + 10'000, all.panel->renderer().valueToY(2));
    QVERIFY2(both.contains("a: 2") && both.contains("b: 6"), qPrintable(both));
    QVERIFY(both.indexOf("b: 6") < both.indexOf("a: 2")); // descending

    QVERIFY(pick(child<QComboBox>(&e, "tooltipMode"), "none"));
    Rendered none;
    QVERIFY(none.make(e.applyTo(panel), series));
    QCOMPARE(none.panel->tooltipTextAtTime(kT0 + 10'000), QString());
}

void TestPanelOptionsEditor::rendersThresholdLinesAndMappings()
{
    PanelOptionsEditor &e = *m_editor;
    QJsonObject panel = withTarget(barePanel());
    json::setValueAt(
        panel, "fieldConfig.defaults.thresholds",
        QJsonObject{{"mode", "absolute"},
                    {"steps", QJsonArray{QJsonObject{{"color", "green"}, {"value", QJsonValue()}},
                                         QJsonObject{{"color", "#e02020"}, {"value", 50}}}}});
    e.setPanel(panel);
    const std::vector<std::pair<QString, QList<double>>> series{{"a", {0, 100, 0, 100, 0}}};
    Rendered off;
    QVERIFY(off.make(e.applyTo(panel), series));
    const QColor red(0xe0, 0x20, 0x20);
    const auto redAt50 = [&](const Rendered &x) {
        const int y = int(std::lround(x.panel->renderer().valueToY(50)));
        return countColor(x.img, red, x.plot.left(), x.plot.right(), y - 2, y + 3);
    };
    QVERIFY(redAt50(off) < 10);
    QVERIFY(pick(child<QComboBox>(&e, "thresholdsStyle"), "line"));
    Rendered line;
    QVERIFY(line.make(e.applyTo(panel), series));
    QVERIFY2(redAt50(line) > line.plot.width() / 2, qPrintable(QString::number(redAt50(line))));

    // A value mapping: the legend's "Last" shows its text.
    QVERIFY(pick(child<QComboBox>(&e, "legendMode"), "table"));
    toggleCalc(child<QListWidget>(&e, "legendCalcs"), "lastNotNull");
    ValueMappingsEditor *m = e.mappingsEditor();
    QTest::mouseClick(m->addButton(), Qt::LeftButton);
    auto *value = m->rowWidget<QLineEdit>("value", 0);
    auto *text = m->rowWidget<QLineEdit>("text", 0);
    QVERIFY(value && text);
    typeInto(value, QStringLiteral("0"));
    typeInto(text, QStringLiteral("idle"));
    const QJsonObject out = e.applyTo(panel);
    Rendered mapped;
    QVERIFY(mapped.make(out, series));
    auto *table = qobject_cast<QTreeWidget *>(mapped.panel->legendWidget());
    QVERIFY(table);
    QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("idle"));
    const QString tip = mapped.panel->tooltipTextAtTime(kT0 + 20'000);
    QVERIFY2(tip.contains("a: idle"), qPrintable(tip));
}

void TestPanelOptionsEditor::rendersInterpolationPointsAndNulls()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    const QColor c0 = classicPaletteColor(0);
    const std::vector<std::pair<QString, QList<double>>> zigzag{{"a", {0, 10, 0, 10, 0}}};
    const auto at = [](const Rendered &x, qint64 dt, double v) {
        const TimeSeriesRenderer &r = x.panel->renderer();
        return pixelAt(x.img, QPointF(r.timeToX(double(kT0 + dt)), r.valueToY(v)));
    };
    Rendered linear;
    QVERIFY(linear.make(e.applyTo(panel), zigzag));
    // Half way from 10 (at 10 s) to 0 (at 20 s): the line passes 5.
    QVERIFY(near(at(linear, 15'000, 5), c0, 60, 60));
    QVERIFY(!near(at(linear, 15'000, 10), c0, 60, 60));

    QVERIFY(pick(child<QComboBox>(&e, "lineInterpolation"), "stepAfter"));
    Rendered step;
    QVERIFY(step.make(e.applyTo(panel), zigzag));
    // Step after: the value holds until the next sample.
    QVERIFY(near(at(step, 15'000, 10), c0, 60, 60));
    QVERIFY(!near(at(step, 15'000, 5), c0, 60, 60));
    QVERIFY(pick(child<QComboBox>(&e, "lineInterpolation"), "linear"));

    // Points: never vs always with a large size, on a flat line.
    const std::vector<std::pair<QString, QList<double>>> flat{{"a", {5, 5, 5, 5, 5}}};
    const auto dotPixel = [&](const Rendered &x) {
        const TimeSeriesRenderer &r = x.panel->renderer();
        return pixelAt(x.img, QPointF(r.timeToX(double(kT0 + 20'000)), r.valueToY(5) - 4));
    };
    QVERIFY(pick(child<QComboBox>(&e, "showPoints"), "never"));
    Rendered never;
    QVERIFY(never.make(e.applyTo(panel), flat));
    QVERIFY(!near(dotPixel(never), c0, 60, 60));
    QVERIFY(pick(child<QComboBox>(&e, "showPoints"), "always"));
    typeInto(child<QSpinBox>(&e, "pointSize"), 14);
    Rendered always;
    QVERIFY(always.make(e.applyTo(panel), flat));
    QVERIFY(near(dotPixel(always), c0, 60, 60));
    QVERIFY(pick(child<QComboBox>(&e, "showPoints"), "never"));

    // Connect null values: a NaN breaks the line unless spanned.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::pair<QString, QList<double>>> holed{{"a", {5, 5, nan, 5, 5}}};
    const auto lineAt = [&](const Rendered &x, qint64 dt) { // pixels of the line near (dt, 5)
        const TimeSeriesRenderer &r = x.panel->renderer();
        const int px = int(r.timeToX(double(kT0 + dt))), py = int(r.valueToY(5));
        return countColor(x.img, c0, px - 1, px + 2, py - 3, py + 4, 60);
    };
    Rendered broken;
    QVERIFY(broken.make(e.applyTo(panel), holed));
    QCOMPARE(lineAt(broken, 20'000), 0);
    QVERIFY(lineAt(broken, 5'000) > 0);
    QVERIFY(pick(child<QComboBox>(&e, "spanNulls"), true));
    QCOMPARE(json::valueAt(e.applyTo(panel), kCustom + "spanNulls"), QJsonValue(true));
    Rendered spanned;
    QVERIFY(spanned.make(e.applyTo(panel), holed));
    QVERIFY(lineAt(spanned, 20'000) > 0);
}

void TestPanelOptionsEditor::rendersFillAndGradient()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    typeInto(child<QLineEdit>(&e, "axisSoftMin"), QStringLiteral("0"));
    const std::vector<std::pair<QString, QList<double>>> flat{{"a", {10, 10, 10, 10, 10}}};
    const auto alphaAt = [](const Rendered &x, double v) {
        const TimeSeriesRenderer &r = x.panel->renderer();
        return pixelAt(x.img, QPointF(r.timeToX(double(kT0 + 23'000)), r.valueToY(v))).alpha();
    };
    Rendered none;
    QVERIFY(none.make(e.applyTo(panel), flat));
    QVERIFY2(alphaAt(none, 4.3) < 40, qPrintable(QString::number(alphaAt(none, 4.3)))); // grid

    typeInto(child<QSpinBox>(&e, "fillOpacity"), 50);
    Rendered half;
    QVERIFY(half.make(e.applyTo(panel), flat));
    QVERIFY2(alphaAt(half, 4.3) > 90 && alphaAt(half, 4.3) < 170,
             qPrintable(QString::number(alphaAt(half, 4.3))));
    QVERIFY(std::abs(alphaAt(half, 8.3) - alphaAt(half, 1.3)) < 10); // even
    QVERIFY(pick(child<QComboBox>(&e, "gradientMode"), "opacity"));
    Rendered gradient;
    QVERIFY(gradient.make(e.applyTo(panel), flat));
    QVERIFY2(alphaAt(gradient, 8.3) > alphaAt(gradient, 1.3) + 20,
             qPrintable(
                 QStringLiteral("%1 %2").arg(alphaAt(gradient, 8.3)).arg(alphaAt(gradient, 1.3))));
}

void TestPanelOptionsEditor::rendersTitleDescriptionTransparent()
{
    PanelOptionsEditor &e = *m_editor;
    const QJsonObject panel = withTarget(barePanel());
    e.setPanel(panel);
    typeInto(child<QLineEdit>(&e, "title"), QStringLiteral("Latency"));
    auto *description = child<QPlainTextEdit>(&e, "description");
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("p99 over 5m"));
    Rendered framed;
    QVERIFY(framed.make(e.applyTo(panel), {{"a", {1, 2, 3}}}));
    auto *title = framed.panel->findChild<QLabel *>(QStringLiteral("panelTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Latency"));
    QCOMPARE(title->toolTip(), QStringLiteral("p99 over 5m"));

    QTest::mouseClick(child<QCheckBox>(&e, "transparent"), Qt::LeftButton, {}, QPoint(6, 8));
    QCOMPARE(e.applyTo(panel).value("transparent"), QJsonValue(true));
    Rendered transparent;
    QVERIFY(transparent.make(e.applyTo(panel), {{"a", {1, 2, 3}}}));
    // No border: the panel's left edge is the background, where the framed one has a line.
    const QImage a = framed.panel->grab().toImage();
    const QImage b = transparent.panel->grab().toImage();
    const int y = a.height() / 2;
    QCOMPARE(transparent.panel->frameShape(), QFrame::NoFrame);
    QVERIFY(a.pixelColor(0, y) != b.pixelColor(0, y));
    QCOMPARE(b.pixelColor(0, y), transparent.panel->palette().color(QPalette::Window));
}

QTEST_MAIN(TestPanelOptionsEditor)
#include "test_paneloptionseditor.moc"
