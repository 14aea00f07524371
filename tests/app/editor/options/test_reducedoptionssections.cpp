// The options sections of stat, gauge, bar gauge, pie chart, text and heatmap panels: edits
// made with the keyboard and mouse write Grafana's keys, every corpus panel round-trips
// unchanged, and what is set shows in a real rendered panel.
#include "app/editor/options/colorbutton.h"
#include "app/editor/options/paneloptionsection.h"
#include "app/editor/options/paneltypeoptions.h"
#include "app/editor/options/reducedoptionssections.h"
#include "dashboards/grafana/importer.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/jsonvalue.h"
#include "panels/bargauge/bargaugepanel.h"
#include "panels/colors.h"
#include "panels/gauge/gaugepanel.h"
#include "panels/heatmap/heatmappanel.h"
#include "panels/piechart/piechartpanel.h"
#include "panels/stat/statpanel.h"
#include "panels/text/textpanel.h"
#include "testpaths.h"
#include "tests/panels/panelfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace pharos;
using namespace pharos::testing;

namespace {

QJsonObject parse(const QByteArray &text)
{
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(text, &err).object();
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(err.errorString()));
    return o;
}

/// The sections of `type` in a shown host widget, loaded with `panel`.
struct Sections
{
    QWidget host;
    QList<PanelOptionsSection *> list;
    QList<QSignalSpy *> spies;

    explicit Sections(const QString &type)
    {
        auto *layout = new QVBoxLayout(&host);
        list = panelTypeOptions(type).sections(&host);
        for (PanelOptionsSection *s : std::as_const(list)) {
            layout->addWidget(s);
            spies << new QSignalSpy(s, &PanelOptionsSection::changed);
        }
        host.resize(420, 900);
        host.show();
    }
    ~Sections() { qDeleteAll(spies); }

    void load(const QJsonObject &panel)
    {
        for (PanelOptionsSection *s : std::as_const(list))
            s->load(panel);
    }
    QJsonObject store(QJsonObject panel) const
    {
        for (PanelOptionsSection *s : std::as_const(list))
            s->store(panel);
        return panel;
    }
    int changes() const
    {
        int n = 0;
        for (QSignalSpy *spy : spies)
            n += int(spy->count());
        return n;
    }
    template <typename T> T *find(const char *name) const
    {
        for (PanelOptionsSection *s : list)
            if (T *w = s->findChild<T *>(QLatin1String(name)))
                return w;
        return nullptr;
    }
    QStringList titles() const
    {
        QStringList out;
        for (PanelOptionsSection *s : list)
            out << s->title();
        return out;
    }
};

/// Picks the item whose data is `value` with the keyboard (Home, then Down).
bool choose(QComboBox *combo, const QString &value)
{
    if (!combo)
        return false;
    const int target = combo->findData(value);
    if (target < 0)
        return false;
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < target; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    return combo->currentIndex() == target;
}

/// Toggles a check box with the space bar.
bool toggle(QCheckBox *box)
{
    if (!box)
        return false;
    const bool before = box->isChecked();
    QTest::keyClick(box, Qt::Key_Space);
    return box->isChecked() != before;
}

/// The panel as the dashboard model reads it (typed defaults, targets).
PanelModel modelOf(const QJsonObject &panel)
{
    const auto d = Dashboard::fromObject(
        QJsonObject{{"schemaVersion", 41}, {"title", "t"}, {"panels", QJsonArray{panel}}});
    if (!d || d->allPanels().isEmpty())
        qFatal("test panel does not load");
    return d->allPanels().first();
}

/// A panel widget of `panel` shown at `size` with `data` drawn.
std::unique_ptr<PanelWidget> render(const QJsonObject &panel, const PanelDataPtr &data,
                                    QSize size = QSize(400, 220))
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(modelOf(panel)));
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    w->setData(data);
    return w;
}

/// Series "a", "b"... each with the given values, 10 s apart.
PanelDataPtr seriesData(const QList<QList<double>> &values)
{
    std::vector<Frame> frames;
    for (int i = 0; i < values.size(); ++i)
        frames.push_back(makeFrame({{"s", QString(QChar(u'a' + i))}}, kT0, 10'000, values[i]));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{s}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000 * 10, 10'000);
}

QByteArray reducedPanel(const char *type, const char *options = "{}")
{
    return QByteArray(R"({"id": 3, "type": ")") + type + R"(", "title": "P",
      "gridPos": {"h": 8, "w": 12, "x": 0, "y": 0},
      "fieldConfig": {"defaults": {"unit": "none", "color": {"mode": "thresholds"},
        "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null},
                                                     {"color": "red", "value": 80}]}},
        "overrides": []},
      "options": )" +
           options + R"(,
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})";
}

/// A mouse move over `w` at `pos` (the views show their tooltips on mouse moves).
void hover(QWidget *w, QPointF pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, w->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

const QStringList kTypes{"stat", "gauge", "bargauge", "piechart", "text", "heatmap"};

} // namespace

class TestReducedOptionsSections : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sectionsPerType();
    void corpusRoundTrip();
    void statEditsWriteGrafanaKeys();
    void editBackRestoresTheFile();
    void statReducerChangesTheValue();
    void allValues();
    void statColorModeFillsTheBackground();
    void statGraphModeNoneRemovesTheSparkline();
    void statTextAlignment();
    void textSize();
    void statWideLayout();
    void statPercentChange();
    void gaugeOptions();
    void barGaugeOptions();
    void pieChartOptions();
    void textOptions();
    void heatmapOptions();
    void barGaugeValueAndName();
    void heatmapAxisAndCells();
    void heatmapFilterAndSteps();
    void tooltips();
};

void TestReducedOptionsSections::sectionsPerType()
{
    QWidget parent;
    QVERIFY(!panelTypeOptions("timeseries").sections(&parent).isEmpty());
    QVERIFY(!panelTypeOptions("table").sections(&parent).isEmpty());
    QVERIFY(!panelTypeOptions("graph").sections); // a type Pharos does not draw
    const QHash<QString, QStringList> titles{
        {"stat", {"Value options", "Stat styles", "Text size"}},
        {"gauge", {"Value options", "Gauge", "Text size"}},
        {"bargauge", {"Value options", "Bar gauge", "Text size"}},
        {"piechart", {"Value options", "Pie chart", "Tooltip", "Legend"}},
        {"text", {"Text"}},
        {"heatmap", {"Y Axis", "Colors", "Cell display", "Tooltip", "Legend"}}};
    for (const QString &type : kTypes) {
        Sections s(type);
        QCOMPARE(s.titles(), titles.value(type));
        // Every row has a label the options search can match.
        for (PanelOptionsSection *section : std::as_const(s.list)) {
            auto *form = qobject_cast<QFormLayout *>(section->layout());
            QVERIFY2(form, qPrintable(section->title()));
            QVERIFY(form->rowCount() > 0);
            for (int r = 0; r < form->rowCount(); ++r) {
                auto *label =
                    qobject_cast<QLabel *>(form->itemAt(r, QFormLayout::LabelRole)
                                               ? form->itemAt(r, QFormLayout::LabelRole)->widget()
                                               : nullptr);
                QVERIFY2(label && !label->text().isEmpty(),
                         qPrintable(section->title() + QString::number(r)));
            }
        }
    }
}

void TestReducedOptionsSections::corpusRoundTrip()
{
    const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 17);
    QHash<QString, int> tested;
    QHash<QString, std::shared_ptr<Sections>> sections;
    int shownFromFile = 0;
    for (const QString &name : files) {
        QString error;
        const auto source = readImportSource(dir.filePath(name), &error);
        QVERIFY2(source, qPrintable(error));
        QHash<QString, QString> values;
        for (const ImportInput &in : source->inputs)
            values.insert(in.name, QStringLiteral("Prometheus"));
        const auto result = importDashboard(*source, values, QString(), {}, &error);
        QVERIFY2(result, qPrintable(error));
        QList<QJsonObject> panels;
        std::function<void(const QJsonArray &)> walk = [&](const QJsonArray &list) {
            for (const QJsonValue &v : list) {
                panels << v.toObject();
                walk(v.toObject().value(QLatin1String("panels")).toArray());
            }
        };
        walk(result->dashboard.toJson().value(QLatin1String("panels")).toArray());
        for (const QJsonObject &panel : std::as_const(panels)) {
            const QString type = panel.value(QLatin1String("type")).toString();
            if (!kTypes.contains(type))
                continue;
            auto &s = sections[type];
            if (!s)
                s = std::make_shared<Sections>(type);
            const int before = s->changes();
            s->load(panel);
            QCOMPARE(s->changes(), before); // load() never emits changed()
            const QJsonObject back = s->store(panel);
            QVERIFY2(back == panel, qPrintable(name + QLatin1String(": ") +
                                               panel.value(QLatin1String("title")).toString()));
            ++tested[type];
            // The file's values are the ones shown.
            const QJsonValue colorMode = json::valueAt(panel, "options.colorMode");
            if (type == QLatin1String("stat") && colorMode.isString()) {
                QCOMPARE(s->find<QComboBox>("colorMode")->currentData().toString(),
                         colorMode.toString());
                ++shownFromFile;
            }
            const QJsonArray calcs = json::valueAt(panel, "options.reduceOptions.calcs").toArray();
            if (type != QLatin1String("heatmap") && type != QLatin1String("text") &&
                !calcs.isEmpty())
                QCOMPARE(s->find<QComboBox>("reducer")->currentData().toString(),
                         calcs.first().toString());
            const QJsonValue unfilled = json::valueAt(panel, "options.showUnfilled");
            if (type == QLatin1String("bargauge") && unfilled.isBool())
                QCOMPARE(s->find<QCheckBox>("showUnfilled")->isChecked(), unfilled.toBool());
        }
    }
    // The corpus has stat (singlestats migrated too), gauge, bar gauge and heatmap panels.
    QVERIFY2(tested.value("stat") >= 24, qPrintable(QString::number(tested.value("stat"))));
    QVERIFY(tested.value("gauge") >= 13);
    QVERIFY(tested.value("bargauge") >= 8);
    QVERIFY(tested.value("heatmap") >= 5);
    QVERIFY(shownFromFile >= 18);
}

void TestReducedOptionsSections::statEditsWriteGrafanaKeys()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel("stat", R"({"wideLayout": true})"));
    s.load(panel);
    QCOMPARE(s.changes(), 0);
    QCOMPARE(s.store(panel), panel);
    // Defaults shown for what the file does not set.
    QCOMPARE(s.find<QComboBox>("reducer")->currentData().toString(), QStringLiteral("lastNotNull"));
    QCOMPARE(s.find<QComboBox>("colorMode")->currentData().toString(), QStringLiteral("value"));
    QCOMPARE(s.find<QComboBox>("graphMode")->currentData().toString(), QStringLiteral("area"));

    QVERIFY(choose(s.find<QComboBox>("reducer"), "max"));
    QVERIFY(s.changes() > 0);
    QVERIFY(choose(s.find<QComboBox>("colorMode"), "background"));
    QVERIFY(choose(s.find<QComboBox>("graphMode"), "none"));
    QVERIFY(choose(s.find<QComboBox>("textMode"), "value_and_name"));
    QVERIFY(choose(s.find<QComboBox>("orientation"), "vertical"));
    QVERIFY(choose(s.find<QComboBox>("justifyMode"), "center"));
    QVERIFY(choose(s.find<QComboBox>("fields"), "/^Time$/"));
    const QJsonObject out = s.store(panel);
    const QJsonObject options = out.value("options").toObject();
    QCOMPARE(options.value("reduceOptions").toObject().value("calcs").toArray(), QJsonArray{"max"});
    QCOMPARE(options.value("reduceOptions").toObject().value("fields").toString(),
             QStringLiteral("/^Time$/"));
    QCOMPARE(options.value("colorMode").toString(), QStringLiteral("background"));
    QCOMPARE(options.value("graphMode").toString(), QStringLiteral("none"));
    QCOMPARE(options.value("textMode").toString(), QStringLiteral("value_and_name"));
    QCOMPARE(options.value("orientation").toString(), QStringLiteral("vertical"));
    QCOMPARE(options.value("justifyMode").toString(), QStringLiteral("center"));
    QCOMPARE(options.value("wideLayout").toBool(), true); // a key no option owns is kept
    // Everything else is as it was.
    QJsonObject rest = out;
    rest.remove("options");
    QJsonObject restIn = panel;
    restIn.remove("options");
    QCOMPARE(rest, restIn);

    // Reloading shows what was written, without a signal.
    const int n = s.changes();
    s.load(out);
    QCOMPARE(s.changes(), n);
    QCOMPARE(s.find<QComboBox>("colorMode")->currentData().toString(),
             QStringLiteral("background"));
    QCOMPARE(s.store(out), out);
}

void TestReducedOptionsSections::editBackRestoresTheFile()
{
    // A value Pharos does not know is kept; set back to it, the file's JSON comes back.
    Sections s("stat");
    const QJsonObject panel = parse(
        reducedPanel("stat", R"({"reduceOptions": {"calcs": ["allValues", "mean"], "values": false},
                    "colorMode": "value"})"));
    s.load(panel);
    QComboBox *reducer = s.find<QComboBox>("reducer");
    QCOMPARE(reducer->currentData().toString(), QStringLiteral("allValues"));
    QVERIFY(choose(reducer, "mean"));
    QCOMPARE(json::valueAt(s.store(panel), "options.reduceOptions.calcs").toArray(),
             QJsonArray{"mean"});
    QVERIFY(choose(reducer, "allValues"));
    QCOMPARE(s.store(panel), panel); // both calcs again
    // A key the file did not have: set and set back, it is removed again.
    QVERIFY(choose(s.find<QComboBox>("graphMode"), "none"));
    QCOMPARE(json::valueAt(s.store(panel), "options.graphMode").toString(), QStringLiteral("none"));
    QVERIFY(choose(s.find<QComboBox>("graphMode"), "area"));
    QCOMPARE(s.store(panel), panel);
    // Applied to an already edited panel, the key goes back too.
    QJsonObject edited = panel;
    json::setValueAt(edited, "options.graphMode", "none");
    QCOMPARE(s.store(edited), panel);
}

void TestReducedOptionsSections::statReducerChangesTheValue()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel("stat"));
    s.load(panel);
    const PanelDataPtr data = seriesData({{5, 42, 7}});
    auto w = render(s.store(panel), data);
    auto *stat = qobject_cast<StatPanel *>(w.get());
    QVERIFY(stat);
    QCOMPARE(stat->statTexts(), QStringList{"7"}); // last
    QVERIFY(choose(s.find<QComboBox>("reducer"), "max"));
    w = render(s.store(panel), data);
    stat = qobject_cast<StatPanel *>(w.get());
    QCOMPARE(stat->statTexts(), QStringList{"42"});
    QVERIFY(choose(s.find<QComboBox>("reducer"), "mean"));
    w = render(s.store(panel), data);
    QCOMPARE(qobject_cast<StatPanel *>(w.get())->statTexts(), QStringList{"18"});
    // Fields: the time of the last point instead of its value.
    QVERIFY(choose(s.find<QComboBox>("reducer"), "lastNotNull"));
    QVERIFY(choose(s.find<QComboBox>("fields"), "/^Time$/"));
    w = render(s.store(panel), data);
    stat = qobject_cast<StatPanel *>(w.get());
    QVERIFY(stat->showsTime());
    QVERIFY2(stat->statTexts().value(0).contains(QLatin1Char(':')),
             qPrintable(stat->statTexts().value(0)));
}

void TestReducedOptionsSections::allValues()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel("stat", R"({"graphMode": "area"})"));
    s.load(panel);
    QVERIFY(s.find<QComboBox>("reducer")->isEnabled());
    QVERIFY(!s.find<QSpinBox>("limit")->isEnabled());
    QVERIFY(choose(s.find<QComboBox>("values"), "true"));
    QVERIFY(!s.find<QComboBox>("reducer")->isEnabled());
    QVERIFY(s.find<QSpinBox>("limit")->isEnabled());
    QCOMPARE(json::valueAt(s.store(panel), "options.reduceOptions.values"), QJsonValue(true));
    QVERIFY(json::valueAt(s.store(panel), "options.reduceOptions.limit").isUndefined());
    const PanelDataPtr data = seriesData({{5, 42, 7}, {1, 2}});
    auto w = render(s.store(panel), data);
    auto *stat = qobject_cast<StatPanel *>(w.get());
    QCOMPARE(stat->statTexts(), (QStringList{"5", "42", "7", "1", "2"}));
    QVERIFY(!stat->stats().first().frame); // no sparkline per value
    // A limit of 2 (typed in the spin box).
    auto *limit = s.find<QSpinBox>("limit");
    limit->selectAll();
    QTest::keyClicks(limit, "2");
    QCOMPARE(json::valueAt(s.store(panel), "options.reduceOptions.limit").toInt(), 2);
    w = render(s.store(panel), data);
    QCOMPARE(qobject_cast<StatPanel *>(w.get())->statTexts(), (QStringList{"5", "42"}));

    // The gauge too: one gauge per value.
    Sections g("gauge");
    const QJsonObject gauge = parse(reducedPanel("gauge"));
    g.load(gauge);
    QVERIFY(choose(g.find<QComboBox>("values"), "true"));
    w = render(g.store(gauge), data);
    QCOMPARE(qobject_cast<GaugePanel *>(w.get())->gaugeTexts(),
             (QStringList{"5", "42", "7", "1", "2"}));
}

void TestReducedOptionsSections::statColorModeFillsTheBackground()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel("stat", R"({"graphMode": "none"})"));
    s.load(panel);
    const PanelDataPtr data = seriesData({{10, 95}}); // 95 >= 80: red
    const QColor red = grafanaColor("red");
    auto corner = [&](PanelWidget *w) {
        const QImage img = qobject_cast<StatPanel *>(w)->statView()->grab().toImage();
        return countColor(img, red, 4, 14, img.height() - 14, img.height() - 4, 30);
    };
    auto w = render(s.store(panel), data);
    QCOMPARE(corner(w.get()), 0); // value mode: only the digits are red
    QVERIFY(choose(s.find<QComboBox>("colorMode"), "background_solid"));
    w = render(s.store(panel), data);
    QCOMPARE(corner(w.get()), 100);
    QVERIFY(choose(s.find<QComboBox>("colorMode"), "none"));
    w = render(s.store(panel), data);
    const QImage img = qobject_cast<StatPanel *>(w.get())->statView()->grab().toImage();
    QCOMPARE(countColor(img, red, 0, img.width(), 0, img.height(), 30), 0);
}

void TestReducedOptionsSections::statGraphModeNoneRemovesTheSparkline()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel(
        "stat", R"({"colorMode": "value", "textMode": "none"})")); // no text: only the graph
    s.load(panel);
    const PanelDataPtr data = seriesData({{1, 5, 2, 8, 3, 9, 4, 10, 2, 6}}); // < 80: green
    const QColor green = grafanaColor("green");
    auto ink = [&](PanelWidget *w) {
        const QImage img = qobject_cast<StatPanel *>(w)->statView()->grab().toImage();
        return countColor(img, green, 0, img.width(), 0, img.height(), 30);
    };
    auto w = render(s.store(panel), data);
    QVERIFY2(ink(w.get()) > 100, qPrintable(QString::number(ink(w.get())))); // area sparkline
    QVERIFY(choose(s.find<QComboBox>("graphMode"), "none"));
    w = render(s.store(panel), data);
    QCOMPARE(ink(w.get()), 0);
    // Text mode back to auto: the value is drawn again.
    QVERIFY(choose(s.find<QComboBox>("textMode"), "auto"));
    w = render(s.store(panel), data);
    QVERIFY(ink(w.get()) > 20);
}

void TestReducedOptionsSections::statTextAlignment()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel(
        "stat", R"({"graphMode": "none", "orientation": "vertical", "textMode": "value"})"));
    s.load(panel);
    const PanelDataPtr data = seriesData({{1, 2}, {3, 4}}); // green values
    const QColor green = grafanaColor("green");
    auto leftRight = [&](PanelWidget *w) {
        const QImage img = qobject_cast<StatPanel *>(w)->statView()->grab().toImage();
        return std::pair{countColor(img, green, 0, img.width() / 3, 0, img.height(), 30),
                         countColor(img, green, img.width() / 3, img.width(), 0, img.height(), 30)};
    };
    // auto: several stats are left-aligned.
    auto w = render(s.store(panel), data, QSize(600, 220));
    auto [left, right] = leftRight(w.get());
    QVERIFY2(left > 20 && right == 0, qPrintable(QString("%1 %2").arg(left).arg(right)));
    QVERIFY(choose(s.find<QComboBox>("justifyMode"), "center"));
    w = render(s.store(panel), data, QSize(600, 220));
    std::tie(left, right) = leftRight(w.get());
    QVERIFY2(left == 0 && right > 20, qPrintable(QString("%1 %2").arg(left).arg(right)));
    // Orientation horizontal: the two stats side by side.
    QVERIFY(choose(s.find<QComboBox>("orientation"), "horizontal"));
    w = render(s.store(panel), data, QSize(600, 220));
    auto *stat = qobject_cast<StatPanel *>(w.get());
    QCOMPARE(stat->layoutGrid(stat->statView()->size()), QSize(2, 1));
}

void TestReducedOptionsSections::textSize()
{
    // The value's height in pixels, auto then fixed, in a stat, a gauge and a bar gauge.
    const PanelDataPtr data = seriesData({{10, 50}});
    const QColor green = grafanaColor("green");
    const auto inkHeight = [&](const QImage &img) {
        const QImage im = img.convertToFormat(QImage::Format_ARGB32);
        int top = im.height(), bottom = -1;
        for (int y = 0; y < im.height(); ++y)
            for (int x = 0; x < im.width(); ++x)
                if (near(im.pixelColor(x, y), green, 30)) {
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
        return bottom - top + 1;
    };
    for (const char *type : {"stat", "gauge", "bargauge"}) {
        Sections s(type);
        QJsonObject panel = parse(reducedPanel(type, R"({"graphMode": "none", "text": {},
            "showThresholdMarkers": false, "displayMode": "basic", "showUnfilled": false,
            "orientation": "horizontal"})"));
        json::setValueAt(panel, "fieldConfig.defaults.min", 0);
        json::setValueAt(panel, "fieldConfig.defaults.max", 1000);
        s.load(panel);
        QCOMPARE(s.find<QSpinBox>("valueSize")->value(), 0);
        QCOMPARE(s.store(panel), panel);
        auto *value = s.find<QSpinBox>("valueSize");
        value->selectAll();
        QTest::keyClicks(value, "12");
        QVERIFY(s.find<QSpinBox>("titleSize"));
        const QJsonObject out = s.store(panel);
        QCOMPARE(json::valueAt(out, "options.text"), QJsonValue(parse(R"({"valueSize": 12})")));
        const auto image = [&](const QJsonObject &p) {
            auto w = render(p, data, QSize(400, 260));
            if (auto *st = qobject_cast<StatPanel *>(w.get()))
                return st->statView()->grab().toImage();
            if (auto *g = qobject_cast<GaugePanel *>(w.get())) {
                // The value only: the middle of the arc, without the band.
                const QImage img = g->gaugeView()->grab().toImage();
                const QPointF l = g->valueBandPoint(0, 0), r = g->valueBandPoint(0, 1);
                const double radius = (r.x() - l.x()) / (2 * std::cos(M_PI / 6));
                const QPointF c((l.x() + r.x()) / 2, l.y() - radius / 2);
                return img.copy(
                    QRectF(c.x() - 0.6 * radius, c.y() - 0.6 * radius, 1.2 * radius, 1.1 * radius)
                        .toRect());
            }
            if (auto *b = qobject_cast<BarGaugePanel *>(w.get())) {
                // Only the value's text is green here: the bar is cut off the image.
                const QRectF v = b->barRect(0);
                return b->barView()->grab().toImage().copy(int(v.right()) + 1, 0, 400, 400);
            }
            return QImage();
        };
        const int autoHeight = inkHeight(image(panel));
        const int fixedHeight = inkHeight(image(out));
        // Digits are about 0.7 of the pixel size tall.
        QVERIFY2(fixedHeight >= 6 && fixedHeight <= 12,
                 qPrintable(QString("%1 %2").arg(type).arg(fixedHeight)));
        QVERIFY2(autoHeight > fixedHeight + 4,
                 qPrintable(QString("%1 %2 %3").arg(type).arg(autoHeight).arg(fixedHeight)));
    }
}

void TestReducedOptionsSections::statWideLayout()
{
    Sections s("stat");
    const QJsonObject panel = parse(reducedPanel("stat", R"({"graphMode": "none"})"));
    s.load(panel);
    QVERIFY(s.find<QCheckBox>("wideLayout")->isChecked());
    QVERIFY(s.find<QCheckBox>("wideLayout")->isEnabled()); // text mode auto
    QVERIFY(choose(s.find<QComboBox>("textMode"), "value"));
    QVERIFY(!s.find<QCheckBox>("wideLayout")->isEnabled());
    QVERIFY(choose(s.find<QComboBox>("textMode"), "value_and_name"));
    QVERIFY(s.find<QCheckBox>("wideLayout")->isEnabled());
    const PanelDataPtr data = seriesData({{1, 42.5}}); // green value (< 80)
    const QColor green = grafanaColor("green");
    const auto halves = [&](PanelWidget *w) {
        const QImage img = qobject_cast<StatPanel *>(w)->statView()->grab().toImage();
        return std::pair{countColor(img, green, 0, img.width() / 2, 0, img.height(), 30),
                         countColor(img, green, img.width() / 2, img.width(), 0, img.height(), 30)};
    };
    // A wide cell: the (small) name left, the (large) value right; both in the value's colour.
    auto w = render(s.store(panel), data, QSize(700, 140));
    auto [left, right] = halves(w.get());
    QVERIFY2(left > 0 && right > 5 * left, qPrintable(QString("%1 %2").arg(left).arg(right)));
    QVERIFY(toggle(s.find<QCheckBox>("wideLayout")));
    QCOMPARE(json::valueAt(s.store(panel), "options.wideLayout"), QJsonValue(false));
    // Off: the name above the value, both centred: the value's ink on both sides.
    w = render(s.store(panel), data, QSize(700, 140));
    std::tie(left, right) = halves(w.get());
    QVERIFY2(left > 300 && right > 300, qPrintable(QString("%1 %2").arg(left).arg(right)));
}

void TestReducedOptionsSections::statPercentChange()
{
    QCOMPARE(StatPanel::percentChangeText(12.345), QStringLiteral("12.3%"));
    QCOMPARE(StatPanel::percentChangeText(-1.5), QStringLiteral("1.50%"));
    QCOMPARE(StatPanel::percentChangeText(250), QStringLiteral("250%"));
    Sections s("stat");
    // Colour mode none: green or red pixels can only come from the percent change.
    const QJsonObject panel = parse(
        reducedPanel("stat", R"({"graphMode": "none", "colorMode": "none", "textMode": "value"})"));
    s.load(panel);
    QVERIFY(!s.find<QCheckBox>("showPercentChange")->isChecked());
    QVERIFY(!s.find<QComboBox>("percentChangeColorMode")->isEnabled());
    const PanelDataPtr data = seriesData({{50, 70, 100}}); // +100 %
    const auto inks = [&](PanelWidget *w) {
        const QImage img = qobject_cast<StatPanel *>(w)->statView()->grab().toImage();
        return std::pair{
            countColor(img, grafanaColor("green"), 0, img.width(), 0, img.height(), 30),
            countColor(img, grafanaColor("red"), 0, img.width(), 0, img.height(), 30)};
    };
    auto w = render(s.store(panel), data);
    auto *stat = qobject_cast<StatPanel *>(w.get());
    QVERIFY(!stat->stats().first().percentChange);
    QCOMPARE(inks(w.get()), (std::pair{0, 0}));

    QVERIFY(toggle(s.find<QCheckBox>("showPercentChange")));
    QVERIFY(s.find<QComboBox>("percentChangeColorMode")->isEnabled());
    QCOMPARE(json::valueAt(s.store(panel), "options.showPercentChange"), QJsonValue(true));
    w = render(s.store(panel), data);
    stat = qobject_cast<StatPanel *>(w.get());
    QCOMPARE(stat->stats().first().percentChange.value_or(0), 100.0);
    auto [green, red] = inks(w.get());
    QVERIFY2(green > 20 && red == 0, qPrintable(QString("%1 %2").arg(green).arg(red))); // up

    QVERIFY(choose(s.find<QComboBox>("percentChangeColorMode"), "inverted"));
    QCOMPARE(json::valueAt(s.store(panel), "options.percentChangeColorMode").toString(),
             QStringLiteral("inverted"));
    w = render(s.store(panel), data);
    std::tie(green, red) = inks(w.get());
    QVERIFY2(green == 0 && red > 20, qPrintable(QString("%1 %2").arg(green).arg(red)));
}

void TestReducedOptionsSections::gaugeOptions()
{
    Sections s("gauge");
    const QJsonObject panel = parse(reducedPanel("gauge"));
    s.load(panel);
    QCOMPARE(s.find<QCheckBox>("showThresholdMarkers")->isChecked(), true);
    QCOMPARE(s.find<QCheckBox>("showThresholdLabels")->isChecked(), false);
    const PanelDataPtr data = seriesData({{10, 50}, {20, 30}});
    // Markers: the outer ring shows the red step at 90 % of the range (0..100 with min/max).
    QJsonObject withRange = panel;
    json::setValueAt(withRange, "fieldConfig.defaults.min", 0);
    json::setValueAt(withRange, "fieldConfig.defaults.max", 100);
    s.load(withRange);
    auto w = render(s.store(withRange), data, QSize(600, 260));
    auto *g = qobject_cast<GaugePanel *>(w.get());
    QVERIFY(g);
    QImage img = g->gaugeView()->grab().toImage();
    QVERIFY(near(pixelAt(img, g->markerPoint(0, 0.95)), grafanaColor("red")));

    QVERIFY(toggle(s.find<QCheckBox>("showThresholdMarkers")));
    QVERIFY(toggle(s.find<QCheckBox>("showThresholdLabels")));
    QVERIFY(choose(s.find<QComboBox>("orientation"), "vertical"));
    const QJsonObject out = s.store(withRange);
    QCOMPARE(json::valueAt(out, "options.showThresholdMarkers").toBool(true), false);
    QCOMPARE(json::valueAt(out, "options.showThresholdLabels").toBool(false), true);
    QCOMPARE(json::valueAt(out, "options.orientation").toString(), QStringLiteral("vertical"));
    w = render(out, data, QSize(600, 260));
    g = qobject_cast<GaugePanel *>(w.get());
    QVERIFY(!g->showThresholdMarkers());
    QVERIFY(g->showThresholdLabels());
    // Vertical: the second gauge under the first.
    QVERIFY(g->valueBandPoint(1, 0.5).y() > g->valueBandPoint(0, 0.5).y() + 50);
    QCOMPARE(g->valueBandPoint(1, 0.5).x(), g->valueBandPoint(0, 0.5).x());
    img = g->gaugeView()->grab().toImage();
    QVERIFY(!near(pixelAt(img, g->markerPoint(0, 0.95)), grafanaColor("red")));
    QVERIFY(choose(s.find<QComboBox>("orientation"), "horizontal"));
    w = render(s.store(withRange), data, QSize(600, 260));
    g = qobject_cast<GaugePanel *>(w.get());
    QCOMPARE(g->valueBandPoint(1, 0.5).y(), g->valueBandPoint(0, 0.5).y());
    QVERIFY(g->valueBandPoint(1, 0.5).x() > g->valueBandPoint(0, 0.5).x() + 50);
}

void TestReducedOptionsSections::barGaugeOptions()
{
    Sections s("bargauge");
    const QJsonObject panel =
        parse(reducedPanel("bargauge", R"({"orientation": "horizontal", "displayMode": "basic"})"));
    QJsonObject withRange = panel;
    json::setValueAt(withRange, "fieldConfig.defaults.min", 0);
    json::setValueAt(withRange, "fieldConfig.defaults.max", 100);
    s.load(withRange);
    QCOMPARE(s.find<QComboBox>("displayMode")->currentData().toString(), QStringLiteral("basic"));
    QCOMPARE(s.find<QCheckBox>("showUnfilled")->isChecked(), true);
    const PanelDataPtr data = seriesData({{10, 25}});
    auto unfilledPixel = [](BarGaugePanel *b) {
        const QImage img = b->barView()->grab().toImage();
        const QRectF bar = b->barRect(0);
        return img.pixelColor(int(bar.left() + bar.width() * 0.8), int(bar.center().y()));
    };
    auto w = render(s.store(withRange), data);
    auto *b = qobject_cast<BarGaugePanel *>(w.get());
    QVERIFY(b);
    const QColor faint = unfilledPixel(b);
    const QColor background = b->barView()->palette().color(QPalette::Window);
    QVERIFY2(faint != background, qPrintable(faint.name()));

    QVERIFY(toggle(s.find<QCheckBox>("showUnfilled")));
    QCOMPARE(json::valueAt(s.store(withRange), "options.showUnfilled").toBool(true), false);
    w = render(s.store(withRange), data);
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(unfilledPixel(b).rgb(), background.rgb());

    QVERIFY(choose(s.find<QComboBox>("displayMode"), "lcd"));
    QVERIFY(choose(s.find<QComboBox>("orientation"), "vertical"));
    const QJsonObject out = s.store(withRange);
    QCOMPARE(json::valueAt(out, "options.displayMode").toString(), QStringLiteral("lcd"));
    w = render(out, data);
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(b->displayMode(), QStringLiteral("lcd"));
    QVERIFY(b->isVertical());
    QVERIFY(b->lcdCells(0) > 3);
    // LCD: a lit cell at the bottom of the bar in green, gaps between cells.
    const QImage img = b->barView()->grab().toImage();
    const QRectF bar = b->barRect(0);
    QVERIFY(
        near(img.pixelColor(int(bar.center().x()), int(bar.bottom() - 5)), grafanaColor("green")));
}

void TestReducedOptionsSections::pieChartOptions()
{
    Sections s("piechart");
    QJsonObject panel = parse(reducedPanel("piechart", R"({"legend": {"showLegend": true,
        "displayMode": "list", "placement": "right", "values": []}})"));
    json::setValueAt(panel, "fieldConfig.defaults.color.mode", "palette-classic");
    s.load(panel);
    QCOMPARE(s.store(panel), panel);
    const PanelDataPtr data = seriesData({{30, 60}, {10, 30}, {5, 10}});
    QVERIFY(choose(s.find<QComboBox>("pieType"), "donut"));
    QTest::keyClick(s.find<QCheckBox>("pieLabelName"), Qt::Key_Space);
    QTest::keyClick(s.find<QCheckBox>("pieLabelPercent"), Qt::Key_Space);
    QVERIFY(choose(s.find<QComboBox>("legendMode"), "table"));
    QVERIFY(choose(s.find<QComboBox>("legendPlacement"), "bottom"));
    QTest::keyClick(s.find<QCheckBox>("legendValuePercent"), Qt::Key_Space);
    QJsonObject out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.pieType").toString(), QStringLiteral("donut"));
    QCOMPARE(json::valueAt(out, "options.displayLabels").toArray(),
             (QJsonArray{"name", "percent"}));
    QCOMPARE(json::valueAt(out, "options.legend").toObject(),
             parse(R"({"showLegend": true, "displayMode": "table", "placement": "bottom",
                       "values": ["percent"]})"));
    auto w = render(out, data, QSize(400, 400));
    auto *p = qobject_cast<PieChartPanel *>(w.get());
    QVERIFY(p);
    QVERIFY(p->isDonut());
    QCOMPARE(p->legendHeader(), (QStringList{"Name", "Percent"}));
    QCOMPARE(p->legendLines().value(0), QStringLiteral("a\t60%"));
    QImage img = p->chartView()->grab().toImage();
    // Donut: the centre is empty.
    QVERIFY(!near(pixelAt(img, p->pieCenter()), classicPaletteColor(0)));
    // The legend is under the pie (the pie's area ends at twice its centre's y): swatches
    // below it.
    QVERIFY(countColor(img, classicPaletteColor(2), 0, img.width(), int(2 * p->pieCenter().y()),
                       img.height(), 5) > 20);

    // Legend off: the other legend options are disabled, the pie takes the room.
    QVERIFY(toggle(s.find<QCheckBox>("legendVisible")));
    QVERIFY(!s.find<QComboBox>("legendMode")->isEnabled());
    out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.legend.showLegend").toBool(true), false);
    w = render(out, data, QSize(400, 400));
    p = qobject_cast<PieChartPanel *>(w.get());
    QVERIFY(!p->legendVisible());
    img = p->chartView()->grab().toImage();
    QCOMPARE(p->pieCenter().y(), img.height() / 2.0);
}

void TestReducedOptionsSections::textOptions()
{
    Sections s("text");
    const QJsonObject panel = parse(R"({"id": 2, "type": "text", "title": "T",
        "gridPos": {"h": 4, "w": 8, "x": 0, "y": 0},
        "options": {"mode": "markdown", "content": "# Hello"}})");
    s.load(panel);
    QCOMPARE(s.find<QPlainTextEdit>("content")->toPlainText(), QStringLiteral("# Hello"));
    QCOMPARE(s.store(panel), panel);
    QCOMPARE(s.changes(), 0);
    auto *content = s.find<QPlainTextEdit>("content");
    content->moveCursor(QTextCursor::End);
    QTest::keyClicks(content, " <b>world</b>");
    QVERIFY(s.changes() > 0);
    QVERIFY(choose(s.find<QComboBox>("textContentMode"), "html"));
    const QJsonObject out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.content").toString(),
             QStringLiteral("# Hello <b>world</b>"));
    QCOMPARE(json::valueAt(out, "options.mode").toString(), QStringLiteral("html"));
    auto w = render(out, makeData({}, kT0, kT0 + 1000, 1000));
    auto *t = qobject_cast<TextPanel *>(w.get());
    QVERIFY(t);
    // HTML: the markdown heading marks are text, the <b> is bold.
    QCOMPARE(t->renderedText().trimmed(), QStringLiteral("# Hello world"));
    QVERIFY(t->renderedHtml().contains(QLatin1String("font-weight")));
    QVERIFY(choose(s.find<QComboBox>("textContentMode"), "markdown"));
    w = render(s.store(panel), makeData({}, kT0, kT0 + 1000, 1000));
    QCOMPARE(qobject_cast<TextPanel *>(w.get())->renderedText().trimmed(),
             QStringLiteral("Hello world"));

    // Code with line numbers.
    QVERIFY(!s.find<QCheckBox>("showLineNumbers")->isEnabled());
    QVERIFY(choose(s.find<QComboBox>("textContentMode"), "code"));
    QVERIFY(toggle(s.find<QCheckBox>("showLineNumbers")));
    QCOMPARE(json::valueAt(s.store(panel), "options.code"),
             QJsonValue(parse(R"({"showLineNumbers": true})")));
    w = render(s.store(panel), makeData({}, kT0, kT0 + 1000, 1000));
    QCOMPARE(qobject_cast<TextPanel *>(w.get())->renderedText(),
             QStringLiteral("1  # Hello <b>world</b>"));

    // An old file with content on the panel itself: shown, and kept when not edited.
    const QJsonObject old = parse(R"({"id": 2, "type": "text", "title": "T", "mode": "html",
        "content": "<i>old</i>"})");
    s.load(old);
    QCOMPARE(s.find<QPlainTextEdit>("content")->toPlainText(), QStringLiteral("<i>old</i>"));
    QCOMPARE(s.find<QComboBox>("textContentMode")->currentData().toString(),
             QStringLiteral("html"));
    QCOMPARE(s.store(old), old);
}

void TestReducedOptionsSections::heatmapOptions()
{
    Sections s("heatmap");
    const QJsonObject panel = parse(R"({"id": 4, "type": "heatmap", "title": "H",
        "gridPos": {"h": 8, "w": 12, "x": 0, "y": 0},
        "options": {"calculate": false, "color": {"mode": "scheme", "scheme": "Oranges",
          "exponent": 0.5, "fill": "dark-orange", "reverse": false, "scale": "exponential"},
          "legend": {"show": true}, "yAxis": {"axisPlacement": "left", "unit": "s"}},
        "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})");
    s.load(panel);
    QCOMPARE(s.store(panel), panel);
    QCOMPARE(s.find<QComboBox>("heatmapScheme")->currentData().toString(),
             QStringLiteral("Oranges"));
    QVERIFY(!s.find<ColorButton>("heatmapFill")->isEnabled()); // scheme mode
    const PanelDataPtr data = seriesData({{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {10, 9, 8, 7, 6}});
    auto heat = [&](const QJsonObject &p) { return render(p, data, QSize(500, 300)); };
    auto w = heat(s.store(panel));
    auto *h = qobject_cast<HeatmapPanel *>(w.get());
    QVERIFY(h);
    const QColor orangeTop = h->colorFor(h->scaleMax());

    QVERIFY(choose(s.find<QComboBox>("heatmapScheme"), "Blues"));
    QVERIFY(toggle(s.find<QCheckBox>("heatmapReverse")));
    w = heat(s.store(panel));
    h = qobject_cast<HeatmapPanel *>(w.get());
    const QColor bluesReversedTop = h->colorFor(h->scaleMax());
    QVERIFY(bluesReversedTop != orangeTop);
    QVERIFY(bluesReversedTop.blue() > bluesReversedTop.red()); // the light end of Blues
    // The drawn cell has that colour.
    const QImage img = h->heatmapView()->grab().toImage();
    QVERIFY(
        near(pixelAt(img, h->cellRect(0, 9).bottomLeft() + QPointF(3, -3)), bluesReversedTop, 12));

    // Opacity mode with a fill colour picked in the colour popup, linear scale.
    QVERIFY(choose(s.find<QComboBox>("heatmapColorMode"), "opacity"));
    auto *fill = s.find<ColorButton>("heatmapFill");
    QVERIFY(fill->isEnabled());
    QTest::mouseClick(fill, Qt::LeftButton);
    QVERIFY(fill->popup());
    QTest::mouseClick(fill->popup()->findChild<QToolButton *>(QStringLiteral("swatch-blue")),
                      Qt::LeftButton);
    QTRY_VERIFY(!fill->popup());
    QVERIFY(choose(s.find<QComboBox>("heatmapScale"), "linear"));
    QVERIFY(!s.find<QDoubleSpinBox>("heatmapExponent")->isEnabled());
    auto *maxEdit = s.find<QLineEdit>("heatmapColorMax");
    QTest::keyClicks(maxEdit, "20");
    QVERIFY(toggle(s.find<QCheckBox>("heatmapLegend")));
    auto *decimals = s.find<QSpinBox>("heatmapDecimals");
    QTest::keyClick(decimals, Qt::Key_Up);
    QTest::keyClick(decimals, Qt::Key_Up);
    const QJsonObject out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.color.mode").toString(), QStringLiteral("opacity"));
    QCOMPARE(json::valueAt(out, "options.color.fill").toString(), QStringLiteral("blue"));
    QCOMPARE(json::valueAt(out, "options.color.scale").toString(), QStringLiteral("linear"));
    QCOMPARE(json::valueAt(out, "options.color.max").toDouble(), 20.0);
    QCOMPARE(json::valueAt(out, "options.legend.show").toBool(true), false);
    QCOMPARE(json::valueAt(out, "options.yAxis.decimals").toInt(-1), 1);
    QCOMPARE(json::valueAt(out, "options.yAxis.axisPlacement").toString(), QStringLiteral("left"));
    w = heat(out);
    h = qobject_cast<HeatmapPanel *>(w.get());
    QCOMPARE(h->scaleMax(), 20.0);
    // Linear opacity: 10 of 20 is half-way between 0.1 and 1 alpha, in the fill's hue.
    const QColor c = h->colorFor(10);
    QCOMPARE(c.rgb(), grafanaColor("blue").rgb());
    QVERIFY(std::abs(c.alphaF() - 0.55) < 0.02);
    // Clearing the max: the key goes back to what the file had (none).
    maxEdit->selectAll();
    QTest::keyClick(maxEdit, Qt::Key_Delete);
    QVERIFY(json::valueAt(s.store(panel), "options.color.max").isUndefined());
}

void TestReducedOptionsSections::barGaugeValueAndName()
{
    Sections s("bargauge");
    QJsonObject panel = parse(reducedPanel("bargauge", R"({"orientation": "horizontal"})"));
    json::setValueAt(panel, "fieldConfig.defaults.max", 100);
    s.load(panel);
    QCOMPARE(s.find<QComboBox>("valueMode")->currentData().toString(), QStringLiteral("color"));
    const PanelDataPtr data = seriesData({{10, 25}, {10, 50}});
    const QColor green = grafanaColor("green");
    auto w = render(s.store(panel), data, QSize(500, 200));
    auto *b = qobject_cast<BarGaugePanel *>(w.get());
    QVERIFY(b);
    QRectF value = b->valueRect(0);
    QVERIFY(value.width() > 10);
    QVERIFY(b->nameRect(0).height() > 5); // the name above the bar
    QVERIFY(b->nameRect(0).bottom() <= b->barRect(0).top());
    auto inkIn = [&](BarGaugePanel *bar, const QRectF &r) {
        const QImage img = bar->barView()->grab().toImage();
        return countColor(img, green, int(r.left()), int(r.right()), int(r.top()), int(r.bottom()),
                          30);
    };
    QVERIFY(inkIn(b, value) > 10); // the value in its (green) colour

    // Text colour: no green in the value's place.
    QVERIFY(choose(s.find<QComboBox>("valueMode"), "text"));
    QCOMPARE(json::valueAt(s.store(panel), "options.valueMode").toString(), QStringLiteral("text"));
    w = render(s.store(panel), data, QSize(500, 200));
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(inkIn(b, b->valueRect(0)), 0);
    // Hidden: the bar takes the value's room.
    QVERIFY(choose(s.find<QComboBox>("valueMode"), "hidden"));
    w = render(s.store(panel), data, QSize(500, 200));
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(b->valueRect(0).width(), 0.0);
    QCOMPARE(b->barRect(0).right(), double(b->barView()->width()));

    // Names left of the bars, then none.
    QVERIFY(choose(s.find<QComboBox>("namePlacement"), "left"));
    QCOMPARE(json::valueAt(s.store(panel), "options.namePlacement").toString(),
             QStringLiteral("left"));
    w = render(s.store(panel), data, QSize(500, 200));
    b = qobject_cast<BarGaugePanel *>(w.get());
    QVERIFY(b->nameRect(0).width() > 5);
    QCOMPARE(b->nameRect(0).right(), b->barRect(0).left());
    QCOMPARE(b->nameRect(0).top(), b->barRect(0).top());
    QVERIFY(choose(s.find<QComboBox>("namePlacement"), "hidden"));
    w = render(s.store(panel), data, QSize(500, 200));
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(b->nameRect(0).height(), 0.0);
    QCOMPARE(b->barRect(0).top(), 0.0);
    const double autoHeight = b->barRect(0).height();
    QVERIFY(autoHeight > 60); // two bars share the panel's height

    // Manual size: bars at most 30 px tall.
    QVERIFY(!s.find<QSpinBox>("maxVizHeight")->isEnabled());
    QVERIFY(choose(s.find<QComboBox>("sizing"), "manual"));
    auto *maxHeight = s.find<QSpinBox>("maxVizHeight");
    QVERIFY(maxHeight->isEnabled());
    QCOMPARE(maxHeight->value(), 300);
    maxHeight->selectAll();
    QTest::keyClicks(maxHeight, "30");
    const QJsonObject sized = s.store(panel);
    QCOMPARE(json::valueAt(sized, "options.sizing").toString(), QStringLiteral("manual"));
    QCOMPARE(json::valueAt(sized, "options.maxVizHeight").toInt(), 30);
    QVERIFY(json::valueAt(sized, "options.minVizHeight").isUndefined()); // not touched
    w = render(sized, data, QSize(500, 200));
    b = qobject_cast<BarGaugePanel *>(w.get());
    QCOMPARE(b->barRect(0).height(), 30.0);
    QCOMPARE(b->barRect(1).top(), 36.0); // the next bar right under it (6 px apart)
}

void TestReducedOptionsSections::heatmapAxisAndCells()
{
    Sections s("heatmap");
    const QJsonObject panel = parse(R"({"id": 4, "type": "heatmap", "title": "H",
        "options": {"color": {"mode": "scheme", "scheme": "Greens", "scale": "linear"},
                    "yAxis": {"unit": "s"}},
        "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})");
    s.load(panel);
    QCOMPARE(s.find<QSpinBox>("cellGap")->value(), 1); // Grafana's default
    QCOMPARE(s.store(panel), panel);
    // Eleven points: the last column ends where the time range does.
    const PanelDataPtr data = seriesData({QList<double>(11, 5), QList<double>(11, 5)});
    const auto heatmapOf = [&](const QJsonObject &p) { return render(p, data, QSize(500, 300)); };
    auto w = heatmapOf(panel);
    auto *h = qobject_cast<HeatmapPanel *>(w.get());
    QVERIFY(h);
    QVERIFY(h->cellRect(0, 1).top() > h->cellRect(1, 1).top()); // row 0 at the bottom
    const double leftWithAxis = h->cellRect(0, 1).left();
    QVERIFY(leftWithAxis > 10);

    QVERIFY(toggle(s.find<QCheckBox>("heatmapReverseY")));
    QVERIFY(choose(s.find<QComboBox>("heatmapAxisPlacement"), "right"));
    auto *gap = s.find<QSpinBox>("cellGap");
    gap->selectAll();
    QTest::keyClicks(gap, "0");
    QJsonObject out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.yAxis"),
             QJsonValue(parse(R"({"unit": "s", "reverse": true, "axisPlacement": "right"})")));
    QCOMPARE(json::valueAt(out, "options.cellGap").toInt(), 0);
    w = render(out, data, QSize(500, 300));
    h = qobject_cast<HeatmapPanel *>(w.get());
    QVERIFY(h->cellRect(0, 1).top() < h->cellRect(1, 1).top()); // row 0 at the top
    QVERIFY(h->cellRect(0, 1).left() < leftWithAxis);
    QVERIFY(h->cellRect(0, 10).right() < h->heatmapView()->width() - 10); // labels on the right
    // No gap: the cell's first row of pixels is coloured.
    const QColor cell = h->colorFor(5);
    QRectF r = h->cellRect(1, 2);
    QImage img = h->heatmapView()->grab().toImage();
    QVERIFY(near(img.pixelColor(int(r.center().x()), int(std::ceil(r.top()))), cell, 8));

    gap->selectAll();
    QTest::keyClicks(gap, "4");
    QVERIFY(choose(s.find<QComboBox>("heatmapAxisPlacement"), "hidden"));
    out = s.store(panel);
    w = render(out, data, QSize(500, 300));
    h = qobject_cast<HeatmapPanel *>(w.get());
    QCOMPARE(h->cellGap(), 4);
    QVERIFY(h->cellRect(0, 10).right() > h->heatmapView()->width() - 10); // no labels
    r = h->cellRect(1, 2);
    img = h->heatmapView()->grab().toImage();
    QVERIFY(!near(img.pixelColor(int(r.center().x()), int(std::ceil(r.top())) + 1), cell, 8));
    QVERIFY(near(img.pixelColor(int(r.left()) + 3, int(r.center().y())), cell, 8));

    // Cell values: by default ("auto") a cell as big as these shows its count; "never" none.
    const auto textInk = [](HeatmapPanel *hp, const QRectF &cr) {
        const QImage im = hp->heatmapView()->grab().toImage();
        const QColor fill = hp->colorFor(5);
        int n = 0;
        for (int y = int(cr.top()) + 5; y < int(cr.bottom()) - 1; ++y)
            for (int x = int(cr.left()) + 1; x < int(cr.right()) - 5; ++x)
                if (!near(im.pixelColor(x, y), fill, 40))
                    ++n;
        return n;
    };
    QCOMPARE(s.find<QComboBox>("showValue")->currentData().toString(), QStringLiteral("auto"));
    QVERIFY2(textInk(h, r) > 5, qPrintable(QString::number(textInk(h, r))));
    QVERIFY(choose(s.find<QComboBox>("showValue"), "never"));
    QCOMPARE(json::valueAt(s.store(panel), "options.showValue").toString(),
             QStringLiteral("never"));
    w = heatmapOf(s.store(panel));
    h = qobject_cast<HeatmapPanel *>(w.get());
    QCOMPARE(textInk(h, h->cellRect(1, 2)), 0);
}

void TestReducedOptionsSections::heatmapFilterAndSteps()
{
    Sections s("heatmap");
    const QJsonObject panel = parse(R"({"id": 4, "type": "heatmap", "title": "H",
        "options": {"color": {"mode": "scheme", "scheme": "Greens", "scale": "linear"}},
        "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})");
    s.load(panel);
    QCOMPARE(s.find<QSpinBox>("heatmapSteps")->value(), 64);
    QCOMPARE(s.find<QLineEdit>("hideBelow")->text(), QString());
    const PanelDataPtr data =
        seriesData({{0, 1, 4, 6, 10, 0, 1, 4, 6, 10, 10}, {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}});
    auto w = render(panel, data, QSize(500, 300));
    auto *h = qobject_cast<HeatmapPanel *>(w.get());
    QVERIFY(!h->colorFor(0).isValid()); // empty cells are not drawn
    QVERIFY(h->colorFor(5).isValid());
    QVERIFY(h->colorFor(1) != h->colorFor(4));

    auto *below = s.find<QLineEdit>("hideBelow");
    QTest::keyClicks(below, "5");
    auto *steps = s.find<QSpinBox>("heatmapSteps");
    steps->selectAll();
    QTest::keyClicks(steps, "2");
    const QJsonObject out = s.store(panel);
    QCOMPARE(json::valueAt(out, "options.filterValues"), QJsonValue(parse(R"({"le": 5})")));
    QCOMPARE(json::valueAt(out, "options.color.steps").toInt(), 2);
    w = render(out, data, QSize(500, 300));
    h = qobject_cast<HeatmapPanel *>(w.get());
    QCOMPARE(h->colorSteps(), 2);
    QVERIFY(!h->colorFor(5).isValid()); // at or below 5: empty
    QVERIFY(!h->colorFor(4).isValid());
    // Two colours: 6 and 10 fall in the top half of 0..10.
    QCOMPARE(h->colorFor(6), h->colorFor(10));
    // The row of fives is not drawn: its cells show the background.
    const QImage img = h->heatmapView()->grab().toImage();
    const QRectF r = h->cellRect(1, 3);
    QCOMPARE(img.pixelColor(int(r.left()) + 3, int(r.bottom()) - 3),
             h->heatmapView()->palette().color(QPalette::Window));
    const QRectF drawn = h->cellRect(0, 3); // 6
    QVERIFY(
        near(img.pixelColor(int(drawn.left()) + 3, int(drawn.bottom()) - 3), h->colorFor(6), 8));
}

void TestReducedOptionsSections::tooltips()
{
    // Pie chart: the slice under the mouse, all of them, or none; shown on a real mouse move.
    Sections s("piechart");
    QJsonObject panel = parse(reducedPanel("piechart", R"({"legend": {"showLegend": false}})"));
    json::setValueAt(panel, "fieldConfig.defaults.color.mode", "palette-classic");
    s.load(panel);
    QCOMPARE(s.find<QComboBox>("tooltipMode")->currentData().toString(), QStringLiteral("single"));
    const PanelDataPtr data = seriesData({{30, 60}, {10, 30}, {5, 10}});
    auto w = render(s.store(panel), data, QSize(400, 400));
    auto *p = qobject_cast<PieChartPanel *>(w.get());
    const QPointF at = p->slicePoint(1);
    QCOMPARE(p->toolTipAt(at), QStringLiteral("b: 30 (30%)"));
    hover(p->chartView(), at);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("b: 30 (30%)"));
    QToolTip::hideText();

    QVERIFY(choose(s.find<QComboBox>("tooltipMode"), "multi"));
    QCOMPARE(json::valueAt(s.store(panel), "options.tooltip.mode").toString(),
             QStringLiteral("multi"));
    w = render(s.store(panel), data, QSize(400, 400));
    p = qobject_cast<PieChartPanel *>(w.get());
    QCOMPARE(p->toolTipAt(p->slicePoint(1)),
             QStringLiteral("b: 30 (30%)\na: 60 (60%)\nc: 10 (10%)"));
    QVERIFY(choose(s.find<QComboBox>("tooltipMode"), "none"));
    w = render(s.store(panel), data, QSize(400, 400));
    p = qobject_cast<PieChartPanel *>(w.get());
    QCOMPARE(p->toolTipAt(p->slicePoint(1)), QString());

    // Heatmap: hidden, and an old heatmap's tooltip.show false reads as hidden.
    Sections h("heatmap");
    const QJsonObject heat = parse(R"({"id": 4, "type": "heatmap", "title": "H",
        "options": {"tooltip": {"show": false}},
        "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})");
    h.load(heat);
    QCOMPARE(h.find<QComboBox>("tooltipMode")->currentData().toString(), QStringLiteral("none"));
    QCOMPARE(h.find<QComboBox>("tooltipMode")->count(), 2); // single, hidden
    const PanelDataPtr counts = seriesData({{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}});
    w = render(heat, counts, QSize(500, 300));
    QVERIFY(!qobject_cast<HeatmapPanel *>(w.get())->tooltipShown());
    QVERIFY(choose(h.find<QComboBox>("tooltipMode"), "single"));
    const QJsonObject out = h.store(heat);
    QCOMPARE(json::valueAt(out, "options.tooltip"),
             QJsonValue(parse(R"({"show": false, "mode": "single"})")));
    w = render(out, counts, QSize(500, 300));
    auto *hp = qobject_cast<HeatmapPanel *>(w.get());
    QVERIFY(hp->tooltipShown());
    hover(hp->heatmapView(), hp->cellRect(0, 5).center());
    QTRY_VERIFY(QToolTip::text().contains(QLatin1String("Value: 6")));
    QToolTip::hideText();
}

QTEST_MAIN(TestReducedOptionsSections)
#include "test_reducedoptionssections.moc"
