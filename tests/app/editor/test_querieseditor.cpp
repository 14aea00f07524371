// The Queries tab of the panel editor, driven offscreen with QTest mouse and key events:
// adding, duplicating, removing, hiding and reordering targets; legend, type, min step and
// format; the query options (with Grafana's validation) and their effect on the panel's time;
// the data source picker and Mixed; the corpus panels' JSON unchanged without edits;
// completion of a metric name from a real Prometheus inside a query card; and a real server
// error marked at its position by setResults().
#include "app/editor/promqleditor.h"
#include "app/editor/querieseditor.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"
#include "dashboards/query/queryplan.h"
#include "dashboards/time/timenavigation.h"
#include "dashboards/time/timerange.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"
#include "panels/timeseries/timeseriespanel.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeZone>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace pharos;
using pharos::test::PrometheusFixture;

namespace {

QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject promRef(const QString &uid)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("prometheus")},
                       {QStringLiteral("uid"), uid}};
}

QJsonArray targetsOf(const QJsonObject &panel)
{
    return panel.value(QLatin1String("targets")).toArray();
}

QStringList refIds(const QJsonObject &panel)
{
    QStringList out;
    for (const QJsonValue &t : targetsOf(panel))
        out << t.toObject().value(QLatin1String("refId")).toString();
    return out;
}

// Every panel of a dashboard file: top level, inside rows (old schema) and collapsed rows.
void collectPanels(const QJsonArray &panels, QList<QJsonObject> *out)
{
    for (const QJsonValue &v : panels) {
        const QJsonObject p = v.toObject();
        out->append(p);
        collectPanels(p.value(QLatin1String("panels")).toArray(), out);
    }
}

// Selects `index` in a combo with the keyboard (emits activated(), as a user does).
void choose(QComboBox *combo, int index)
{
    QVERIFY(combo);
    QVERIFY(index >= 0 && index < combo->count());
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentIndex(), index);
}

// Replaces a line edit's text by typing, then presses Enter (what commits it).
void retype(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    if (!text.isEmpty())
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestQueriesEditor : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;
    DataSourceRegistry m_registry;
    DataSource *m_promSource = nullptr;
    DataSource *m_other = nullptr;

    template <class T> static T *child(QWidget &w, const QString &name)
    {
        T *c = w.findChild<T *>(name);
        if (!c)
            qWarning("no widget named %s", qPrintable(name));
        return c;
    }
    static void click(QWidget &w, const QString &name)
    {
        QAbstractButton *b = child<QAbstractButton>(w, name);
        QVERIFY2(b, qPrintable(name));
        QVERIFY2(b->isEnabled(), qPrintable(name));
        QTest::mouseClick(b, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        DataSourceSettings s;
        s.name = QStringLiteral("prom");
        s.uid = QStringLiteral("prom");
        s.url = m_prom.url();
        s.isDefault = true;
        s.jsonData.insert(QStringLiteral("scrapeIntervalMs"), 1000);
        DataSourceSettings o;
        o.name = QStringLiteral("other");
        o.uid = QStringLiteral("other");
        o.url = QUrl(QStringLiteral("http://127.0.0.1:9"));
        m_other = m_registry.add(o);
        m_promSource = m_registry.add(s);
        QVERIFY(m_promSource && m_other);
        QVERIFY(m_prom.waitForSeries(QStringLiteral("prometheus_http_requests_total")));
    }

    // Every corpus panel with targets comes back unchanged, without a changed() signal, and
    // its targets show in the cards.
    void corpusPanelsRoundTrip()
    {
        const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(files.size() >= 17, qPrintable(dir.absolutePath()));
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        QSignalSpy changed(&e, &QueriesEditor::changed);
        int panelsChecked = 0;
        int targetsChecked = 0;
        int legendAuto = 0, legendCustom = 0, instants = 0, withRefs = 0;
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
            QList<QJsonObject> panels;
            collectPanels(doc.value(QLatin1String("panels")).toArray(), &panels);
            for (const QJsonValue &row : doc.value(QLatin1String("rows")).toArray())
                collectPanels(row.toObject().value(QLatin1String("panels")).toArray(), &panels);
            for (const QJsonObject &p : std::as_const(panels)) {
                if (!p.contains(QLatin1String("targets")))
                    continue;
                e.setPanel(p);
                QCoreApplication::sendPostedEvents(); // as the event loop would
                QCOMPARE(e.applyTo(p), p);
                // Other keys of the panel given to applyTo are left alone too.
                QJsonObject retitled = p;
                retitled.insert(QStringLiteral("title"), QStringLiteral("changed elsewhere"));
                QCOMPARE(e.applyTo(retitled), retitled);
                const QJsonArray targets = targetsOf(p);
                QCOMPARE(e.queryCount(), int(targets.size()));
                for (int i = 0; i < targets.size(); ++i) {
                    const QJsonObject t = targets[i].toObject();
                    const QString n = QString::number(i);
                    QCOMPARE(e.exprEditor(i)->query(), t.value(QLatin1String("expr")).toString());
                    QCOMPARE(child<QLineEdit>(e, QStringLiteral("refId-") + n)->text(),
                             t.value(QLatin1String("refId")).toString());
                    const QString legend = t.value(QLatin1String("legendFormat")).toString();
                    auto *mode = child<QComboBox>(e, QStringLiteral("legendMode-") + n);
                    auto *text = child<QLineEdit>(e, QStringLiteral("legend-") + n);
                    if (legend == QLatin1String("__auto")) {
                        QCOMPARE(mode->currentText(), QStringLiteral("Auto"));
                        ++legendAuto;
                    } else if (legend.isEmpty()) {
                        QCOMPARE(mode->currentText(), QStringLiteral("Verbose"));
                    } else {
                        QCOMPARE(mode->currentText(), QStringLiteral("Custom"));
                        QCOMPARE(text->text(), legend);
                        ++legendCustom;
                    }
                    if (t.value(QLatin1String("instant")).toBool() &&
                        !t.value(QLatin1String("range")).toBool(false)) {
                        QCOMPARE(
                            child<QComboBox>(e, QStringLiteral("queryType-") + n)->currentText(),
                            QStringLiteral("Instant"));
                        ++instants;
                    }
                    if (t.contains(QLatin1String("datasource")))
                        ++withRefs;
                    // Cards are reused from panel to panel: nothing of the last one stays.
                    QCOMPARE(child<QToolButton>(e, QStringLiteral("hide-") + n)->isChecked(),
                             t.value(QLatin1String("hide")).toBool(false));
                    QCOMPARE(child<QLineEdit>(e, QStringLiteral("minStep-") + n)->text(),
                             t.value(QLatin1String("interval")).toString());
                    const QString format = t.value(QLatin1String("format")).toString();
                    QCOMPARE(child<QComboBox>(e, QStringLiteral("format-") + n)
                                 ->currentData()
                                 .toString(),
                             format.isEmpty() ? QStringLiteral("time_series") : format);
                    ++targetsChecked;
                }
                ++panelsChecked;
            }
        }
        // Broken targets are kept as they are too.
        const QJsonObject broken =
            parseObject(R"({"type": "timeseries", "targets": [null, 3, {"refId": "A"}]})");
        e.setPanel(broken);
        QCOMPARE(e.queryCount(), 3);
        QCOMPARE(e.applyTo(broken), broken);
        QCOMPARE(changed.count(), 0);
        QVERIFY2(panelsChecked > 200, qPrintable(QString::number(panelsChecked)));
        QVERIFY(targetsChecked > panelsChecked);
        // The corpus exercises every branch checked above.
        QVERIFY(legendAuto > 0);
        QVERIFY(legendCustom > 0);
        QVERIFY(instants > 0);
        QVERIFY(withRefs > 0);
    }

    void addDuplicateHideReorderRemove()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries", "title": "t",
            "datasource": {"type": "prometheus", "uid": "prom"},
            "targets": [{"refId": "A", "expr": "up", "exemplar": true,
                         "datasource": {"type": "prometheus", "uid": "prom"}}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        QSignalSpy changed(&e, &QueriesEditor::changed);

        // Add: the next free refId, with the panel's data source.
        click(e, QStringLiteral("addQuery"));
        QCOMPARE(e.queryCount(), 2);
        QCOMPARE(changed.count(), 1);
        QJsonObject out = e.applyTo(panel);
        QCOMPARE(targetsOf(out)[1].toObject(),
                 (QJsonObject{{QStringLiteral("refId"), QStringLiteral("B")},
                              {QStringLiteral("datasource"), promRef(QStringLiteral("prom"))}}));
        QCOMPARE(out.value(QLatin1String("datasource")), panel.value(QLatin1String("datasource")));

        // Typing the query: one changed() per key.
        PromqlEditor *b = e.exprEditor(1);
        QVERIFY(b);
        QCOMPARE(b->objectName(), QStringLiteral("expr-1"));
        QCOMPARE(b->dataSource(), m_promSource);
        b->setFocus();
        changed.clear();
        QTest::keyClicks(b, QStringLiteral("sum(up)"));
        b->hideCompletion();
        QCOMPARE(changed.count(), 7);
        QCOMPARE(targetsOf(e.applyTo(panel))[1].toObject().value(QLatin1String("expr")).toString(),
                 QStringLiteral("sum(up)"));

        // Duplicate A: a copy named C right after it, every key kept.
        click(e, QStringLiteral("duplicate-0"));
        out = e.applyTo(panel);
        QCOMPARE(refIds(out), (QStringList{"A", "C", "B"}));
        QJsonObject copy = targetsOf(panel)[0].toObject();
        copy.insert(QStringLiteral("refId"), QStringLiteral("C"));
        QCOMPARE(targetsOf(out)[1].toObject(), copy);
        QCOMPARE(child<QLineEdit>(e, QStringLiteral("refId-1"))->text(), QStringLiteral("C"));
        QCOMPARE(e.exprEditor(1)->query(), QStringLiteral("up"));

        // Hide C, and show it again (the key it did not have goes away).
        click(e, QStringLiteral("hide-1"));
        QCOMPARE(targetsOf(e.applyTo(panel))[1].toObject().value(QLatin1String("hide")),
                 QJsonValue(true));
        click(e, QStringLiteral("hide-1"));
        QCOMPARE(targetsOf(e.applyTo(panel))[1].toObject(), copy);
        click(e, QStringLiteral("hide-2"));
        // A hidden target is not run.
        {
            const auto dash = Dashboard::fromObject(
                QJsonObject{{QStringLiteral("panels"), QJsonArray{e.applyTo(panel)}}});
            QVERIFY(dash);
            const PanelQueryPlan plan = planPanelQueries(
                dash->panels().first(), ResolvedTimeRange{0, 3600000}, 500, &m_registry, nullptr);
            QStringList planned;
            for (const PlannedQuery &q : plan.queries)
                planned << q.refId;
            QCOMPARE(planned, (QStringList{"A", "C"}));
        }

        // Reorder: the first has no "up", the last no "down".
        QVERIFY(!child<QToolButton>(e, QStringLiteral("up-0"))->isEnabled());
        QVERIFY(!child<QToolButton>(e, QStringLiteral("down-2"))->isEnabled());
        click(e, QStringLiteral("up-2"));
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"A", "B", "C"}));
        QCOMPARE(e.exprEditor(1)->query(), QStringLiteral("sum(up)"));
        QCOMPARE(child<QLineEdit>(e, QStringLiteral("refId-1"))->text(), QStringLiteral("B"));
        QCOMPARE(child<QToolButton>(e, QStringLiteral("hide-1"))->isChecked(), true);
        click(e, QStringLiteral("down-0"));
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"B", "A", "C"}));

        // Remove A.
        changed.clear();
        click(e, QStringLiteral("remove-1"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(e.queryCount(), 2);
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"B", "C"}));
        QCOMPARE(child<QLineEdit>(e, QStringLiteral("refId-1"))->text(), QStringLiteral("C"));
        QVERIFY(!e.findChild<QWidget *>(QStringLiteral("refId-2")));

        // Rename: a duplicate name is flagged and not written; a free one is.
        changed.clear();
        auto *refId0 = child<QLineEdit>(e, QStringLiteral("refId-0"));
        retype(refId0, QStringLiteral("C"));
        auto *error0 = child<QLabel>(e, QStringLiteral("error-0"));
        QVERIFY(error0->isVisible());
        QVERIFY2(error0->text().contains(QStringLiteral("already named")),
                 qPrintable(error0->text()));
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"B", "C"}));
        retype(refId0, QStringLiteral("Errors"));
        QVERIFY(!error0->isVisible());
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"Errors", "C"}));
        QVERIFY(changed.count() >= 1);
        // The next new query takes the first free letter.
        click(e, QStringLiteral("addQuery"));
        QCOMPARE(refIds(e.applyTo(panel)), (QStringList{"Errors", "C", "A"}));

        // Showing the panel again (an undo) keeps the cards, their editors and the focus.
        PromqlEditor *first = e.exprEditor(0);
        first->setFocus();
        QCOMPARE(e.focusWidget(), first);
        const QJsonObject now = e.applyTo(panel);
        changed.clear();
        e.setPanel(now);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(e.exprEditor(0), first);
        QCOMPARE(e.focusWidget(), first);
        QCOMPARE(e.applyTo(now), now);
        e.setPanel(panel);
        QCOMPARE(e.queryCount(), 1);
        QCOMPARE(e.applyTo(panel), panel);
        QVERIFY(!e.findChild<QWidget *>(QStringLiteral("refId-1")));
        e.setPanel(now);
        QCOMPARE(e.queryCount(), 3);
        QCOMPARE(e.applyTo(now), now);

        // Collapse shows the query in the header.
        click(e, QStringLiteral("collapse-1"));
        QVERIFY(!e.exprEditor(1)->isVisible());
        auto *summary = child<QLabel>(e, QStringLiteral("summary-1"));
        QVERIFY(summary->isVisible());
        QCOMPARE(summary->text(), QStringLiteral("up"));
        click(e, QStringLiteral("collapse-1"));
        QVERIFY(e.exprEditor(1)->isVisible());
    }

    void targetOptions()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries",
            "targets": [{"refId": "A", "expr": "up", "legendFormat": "{{job}}"}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        auto target = [&] { return targetsOf(e.applyTo(panel))[0].toObject(); };
        auto *mode = child<QComboBox>(e, QStringLiteral("legendMode-0"));
        auto *legend = child<QLineEdit>(e, QStringLiteral("legend-0"));
        QCOMPARE(mode->currentIndex(), 2);
        QVERIFY(legend->isVisible());
        QCOMPARE(legend->text(), QStringLiteral("{{job}}"));
        // The per-target data source only shows for Mixed panels.
        QVERIFY(!child<QComboBox>(e, QStringLiteral("datasource-0"))->isVisible());

        choose(mode, 0);
        QCOMPARE(target().value(QLatin1String("legendFormat")).toString(),
                 QStringLiteral("__auto"));
        QVERIFY(!legend->isVisible());
        choose(mode, 1);
        QCOMPARE(target().value(QLatin1String("legendFormat")), QJsonValue(QString()));
        choose(mode, 2);
        QVERIFY(legend->isVisible());
        retype(legend, QStringLiteral("{{instance}} up"));
        QCOMPARE(target().value(QLatin1String("legendFormat")).toString(),
                 QStringLiteral("{{instance}} up"));

        // Type: Grafana's "range" and "instant" booleans.
        auto *type = child<QComboBox>(e, QStringLiteral("queryType-0"));
        QCOMPARE(type->currentIndex(), 0);
        choose(type, 1);
        QCOMPARE(target().value(QLatin1String("range")), QJsonValue(false));
        QCOMPARE(target().value(QLatin1String("instant")), QJsonValue(true));
        choose(type, 2);
        QCOMPARE(target().value(QLatin1String("range")), QJsonValue(true));
        QCOMPARE(target().value(QLatin1String("instant")), QJsonValue(true));

        // Min step: invalid text is flagged and not written.
        auto *minStep = child<QLineEdit>(e, QStringLiteral("minStep-0"));
        auto *error = child<QLabel>(e, QStringLiteral("error-0"));
        retype(minStep, QStringLiteral("fast"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("fast")), qPrintable(error->text()));
        QVERIFY(!target().contains(QLatin1String("interval")));
        retype(minStep, QStringLiteral("2m"));
        QVERIFY(!error->isVisible());
        QCOMPARE(target().value(QLatin1String("interval")).toString(), QStringLiteral("2m"));

        // Format.
        auto *format = child<QComboBox>(e, QStringLiteral("format-0"));
        QCOMPARE(format->currentIndex(), 0);
        choose(format, 2);
        QCOMPARE(target().value(QLatin1String("format")).toString(), QStringLiteral("heatmap"));
        choose(format, 1);
        QCOMPARE(target().value(QLatin1String("format")).toString(), QStringLiteral("table"));

        // What was written is what the queries run: both types, a 2m step at least.
        const auto dash = Dashboard::fromObject(
            QJsonObject{{QStringLiteral("panels"), QJsonArray{e.applyTo(panel)}}});
        QVERIFY(dash);
        const PanelModel &model = dash->panels().first();
        QCOMPARE(model.targets.first().legendFormat, QStringLiteral("{{instance}} up"));
        QCOMPARE(model.targets.first().format, QStringLiteral("table"));
        const PanelQueryPlan plan =
            planPanelQueries(model, ResolvedTimeRange{0, 3600000}, 1000, &m_registry, nullptr);
        QCOMPARE(plan.queries.size(), 2);
        QCOMPARE(plan.queries[0].instant, false);
        QCOMPARE(plan.queries[0].request.promql.stepMs, qint64(120000));
        QCOMPARE(plan.queries[1].instant, true);
        QCOMPARE(plan.queries[0].legendFormat, QStringLiteral("{{instance}} up"));

        // Run: the button and Shift+Enter.
        QSignalSpy run(&e, &QueriesEditor::runRequested);
        click(e, QStringLiteral("runQueries"));
        QCOMPARE(run.count(), 1);
        e.exprEditor(0)->setFocus();
        QTest::keyClick(e.exprEditor(0), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(run.count(), 2);
        QCOMPARE(e.exprEditor(0)->query(), QStringLiteral("up"));
    }

    // The legend modes as a rendered time series panel shows them (frames built here, named
    // by what the editor wrote and the query plan passes on).
    void legendModesRendered()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries",
            "options": {"legend": {"displayMode": "list", "placement": "bottom",
                                   "showLegend": true}},
            "targets": [{"refId": "A", "expr": "up", "legendFormat": "{{job}}"}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        auto legends = [&] {
            const auto dash = Dashboard::fromObject(
                QJsonObject{{QStringLiteral("panels"), QJsonArray{e.applyTo(panel)}}});
            if (!dash)
                return QStringList{QStringLiteral("(no dashboard)")};
            const PanelModel model = dash->panels().first();
            const PanelQueryPlan plan =
                planPanelQueries(model, ResolvedTimeRange{0, 60000}, 500, &m_registry, nullptr);
            if (plan.queries.size() != 1)
                return QStringList{QStringLiteral("(no query)")};
            auto data = std::make_shared<PanelData>();
            data->fromMs = 0;
            data->toMs = 60000;
            TargetResult t;
            t.refId = plan.queries[0].refId;
            t.expr = plan.queries[0].request.promql.expr;
            t.legendFormat = plan.queries[0].legendFormat;
            t.result.type = ResultType::Matrix;
            for (const char *instance : {"a:9100", "b:9100"}) {
                Frame f;
                f.labels = Labels{{QStringLiteral("__name__"), QStringLiteral("up")},
                                  {QStringLiteral("instance"), QLatin1String(instance)},
                                  {QStringLiteral("job"), QStringLiteral("node")}};
                f.timestamps = {0, 30000, 60000};
                f.values = {1, 1, 1};
                t.result.frames.push_back(std::move(f));
            }
            data->targets.push_back(std::move(t));
            std::unique_ptr<PanelWidget> w(PanelWidget::create(model));
            w->resize(600, 300);
            w->setData(data);
            auto *ts = qobject_cast<TimeSeriesPanel *>(w.get());
            return ts ? ts->legendEntries() : QStringList{QStringLiteral("(not a time series)")};
        };
        QCOMPARE(legends(), (QStringList{"node", "node"}));
        auto *mode = child<QComboBox>(e, QStringLiteral("legendMode-0"));
        choose(mode, 0); // Auto: the labels the series do not share
        QCOMPARE(legends(), (QStringList{"a:9100", "b:9100"}));
        choose(mode, 1); // Verbose: every label
        QCOMPARE(legends(), (QStringList{R"(up{instance="a:9100", job="node"})",
                                         R"(up{instance="b:9100", job="node"})"}));
        choose(mode, 2);
        retype(child<QLineEdit>(e, QStringLiteral("legend-0")), QStringLiteral("{{instance}} up"));
        QCOMPARE(legends(), (QStringList{"a:9100 up", "b:9100 up"}));
    }

    void queryOptions()
    {
        const QJsonObject panel =
            parseObject(R"({"type": "timeseries", "targets": [{"refId": "A", "expr": "up"}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        QSignalSpy changed(&e, &QueriesEditor::changed);
        auto *error = child<QLabel>(e, QStringLiteral("queryOptionsError"));
        QVERIFY(!error->isVisible());
        // Collapsed to a summary until opened.
        auto *mdp = child<QLineEdit>(e, QStringLiteral("maxDataPoints"));
        auto *summary = child<QLabel>(e, QStringLiteral("queryOptionsSummary"));
        QVERIFY(!mdp->isVisible());
        QCOMPARE(summary->text(),
                 QStringLiteral("Max data points: auto  ·  Min interval: no limit"));
        click(e, QStringLiteral("queryOptionsToggle"));
        QVERIFY(mdp->isVisible());

        retype(mdp, QStringLiteral("many"));
        QVERIFY(error->isVisible());
        QVERIFY(!e.applyTo(panel).contains(QLatin1String("maxDataPoints")));
        QCOMPARE(changed.count(), 0);
        retype(mdp, QStringLiteral("50"));
        QVERIFY(!error->isVisible());
        QCOMPARE(e.applyTo(panel).value(QLatin1String("maxDataPoints")), QJsonValue(50));

        auto *minInterval = child<QLineEdit>(e, QStringLiteral("minInterval"));
        retype(minInterval, QStringLiteral("5 minutes"));
        QVERIFY(error->isVisible());
        QVERIFY(!e.applyTo(panel).contains(QLatin1String("interval")));
        retype(minInterval, QStringLiteral(">30s"));
        QVERIFY(!error->isVisible());
        QCOMPARE(e.applyTo(panel).value(QLatin1String("interval")).toString(),
                 QStringLiteral(">30s"));

        // Relative time accepts Grafana's "now-…" expressions; the time shift does not.
        auto *timeFrom = child<QLineEdit>(e, QStringLiteral("timeFrom"));
        auto *timeShift = child<QLineEdit>(e, QStringLiteral("timeShift"));
        retype(timeFrom, QStringLiteral("2x"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("2x")));
        retype(timeFrom, QStringLiteral("now-5m"));
        QVERIFY(!error->isVisible());
        QCOMPARE(e.applyTo(panel).value(QLatin1String("timeFrom")).toString(),
                 QStringLiteral("now-5m"));
        retype(timeFrom, QStringLiteral("2h"));
        retype(timeShift, QStringLiteral("now-5m"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("now-5m")), qPrintable(error->text()));
        QVERIFY(!e.applyTo(panel).contains(QLatin1String("timeShift")));
        retype(timeShift, QStringLiteral("1h"));
        QVERIFY(!error->isVisible());

        QJsonObject out = e.applyTo(panel);
        QCOMPARE(out.value(QLatin1String("timeFrom")).toString(), QStringLiteral("2h"));
        QCOMPARE(out.value(QLatin1String("timeShift")).toString(), QStringLiteral("1h"));
        QVERIFY(!out.contains(QLatin1String("hideTimeOverride")));
        QCOMPARE(summary->text(), QStringLiteral("Max data points: 50  ·  Min interval: >30s  ·  "
                                                 "Relative time: 2h  ·  Time shift: 1h"));

        // The effect on the panel: its own range and the header text.
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);
        const TimeRange dashboardRange;
        const ResolvedTimeRange resolved = *dashboardRange.resolve(now, QTimeZone::utc());
        auto effect = [&](const QJsonObject &json) {
            PanelModel m;
            m.json = json;
            return applyPanelTimeOverride(panelTimeOverride(m), dashboardRange, resolved, now,
                                          QTimeZone::utc());
        };
        PanelTimeResult r = effect(out);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.range.toMs - r.range.fromMs, qint64(2 * 3600 * 1000));
        QCOMPARE(r.range.toMs, now.toMSecsSinceEpoch() - 3600 * 1000);
        QCOMPARE(r.info, QStringLiteral("Last 2 hours timeshift -1h"));

        auto *hide = child<QCheckBox>(e, QStringLiteral("hideTimeOverride"));
        QTest::mouseClick(hide, Qt::LeftButton, {}, QPoint(4, hide->height() / 2));
        QVERIFY(hide->isChecked());
        out = e.applyTo(panel);
        QCOMPARE(out.value(QLatin1String("hideTimeOverride")), QJsonValue(true));
        QCOMPARE(effect(out).info, QString());
        QTest::mouseClick(hide, Qt::LeftButton, {}, QPoint(4, hide->height() / 2));
        QVERIFY(!e.applyTo(panel).contains(QLatin1String("hideTimeOverride")));

        // Clearing an option the file had writes null, as Grafana does; one it did not have
        // goes away.
        const QJsonObject withOptions = parseObject(R"({"type": "timeseries", "timeFrom": "6h",
            "maxDataPoints": 300, "targets": []})");
        e.setPanel(withOptions);
        QCOMPARE(timeFrom->text(), QStringLiteral("6h"));
        QCOMPARE(mdp->text(), QStringLiteral("300"));
        QVERIFY(timeShift->text().isEmpty());
        QCOMPARE(e.applyTo(withOptions), withOptions);
        retype(timeFrom, QString());
        retype(timeShift, QStringLiteral("1d"));
        retype(timeShift, QString());
        out = e.applyTo(withOptions);
        QCOMPARE(out.value(QLatin1String("timeFrom")), QJsonValue(QJsonValue::Null));
        QVERIFY(!out.contains(QLatin1String("timeShift")));
        QCOMPARE(out.value(QLatin1String("maxDataPoints")), QJsonValue(300));
    }

    void dataSources()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries",
            "datasource": {"type": "prometheus", "uid": "prom"},
            "targets": [{"refId": "A", "expr": "up",
                         "datasource": {"type": "prometheus", "uid": "prom"}},
                        {"refId": "B", "expr": "up"}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        auto *picker = child<QComboBox>(e, QStringLiteral("panelDatasource"));
        QStringList items;
        for (int i = 0; i < picker->count(); ++i)
            items << picker->itemText(i);
        QCOMPARE(items, (QStringList{"prom (default)", "other", "-- Mixed --"}));
        QCOMPARE(picker->currentIndex(), 0);
        QCOMPARE(e.exprEditor(0)->dataSource(), m_promSource);

        // Another data source: the panel and the targets naming one move to it.
        choose(picker, 1);
        QJsonObject out = e.applyTo(panel);
        QCOMPARE(out.value(QLatin1String("datasource")).toObject(), promRef("other"));
        QCOMPARE(targetsOf(out)[0].toObject().value(QLatin1String("datasource")).toObject(),
                 promRef("other"));
        QVERIFY(!targetsOf(out)[1].toObject().contains(QLatin1String("datasource")));
        QCOMPARE(e.exprEditor(0)->dataSource(), m_other);
        QCOMPARE(e.exprEditor(1)->dataSource(), m_other);

        // Mixed: each target names its own, and can change it.
        choose(picker, 2);
        out = e.applyTo(panel);
        QCOMPARE(out.value(QLatin1String("datasource")).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")},
                              {QStringLiteral("uid"), QStringLiteral("-- Mixed --")}}));
        QCOMPARE(targetsOf(out)[1].toObject().value(QLatin1String("datasource")).toObject(),
                 promRef("other"));
        auto *ds1 = child<QComboBox>(e, QStringLiteral("datasource-1"));
        QVERIFY(ds1->isVisible());
        QCOMPARE(ds1->currentText(), QStringLiteral("other"));
        choose(ds1, 0);
        out = e.applyTo(panel);
        QCOMPARE(targetsOf(out)[1].toObject().value(QLatin1String("datasource")).toObject(),
                 promRef("prom"));
        QCOMPARE(targetsOf(out)[0].toObject().value(QLatin1String("datasource")).toObject(),
                 promRef("other"));
        QCOMPARE(e.exprEditor(1)->dataSource(), m_promSource);
        QCOMPARE(e.exprEditor(0)->dataSource(), m_other);
        // A new query in a Mixed panel takes the last query's data source.
        click(e, QStringLiteral("addQuery"));
        QCOMPARE(
            targetsOf(e.applyTo(panel))[2].toObject().value(QLatin1String("datasource")).toObject(),
            promRef("prom"));
        QVERIFY(child<QComboBox>(e, QStringLiteral("datasource-2"))->isVisible());

        // A panel whose targets use different sources shows as Mixed and is left as it is.
        const QJsonObject split = parseObject(R"({"type": "timeseries", "datasource": "prom",
            "targets": [{"refId": "A", "expr": "up", "datasource": "prom"},
                        {"refId": "B", "expr": "up", "datasource": {"uid": "other"}}]})");
        e.setPanel(split);
        QCOMPARE(picker->currentText(), QStringLiteral("-- Mixed --"));
        QVERIFY(child<QComboBox>(e, QStringLiteral("datasource-0"))->isVisible());
        QCOMPARE(child<QComboBox>(e, QStringLiteral("datasource-1"))->currentText(),
                 QStringLiteral("other"));
        QCOMPARE(e.exprEditor(1)->dataSource(), m_other);
        QCOMPARE(e.applyTo(split), split);

        // A data source variable is shown as written and kept.
        const QJsonObject variable = parseObject(R"({"type": "timeseries",
            "datasource": {"type": "prometheus", "uid": "${DS_PROMETHEUS}"},
            "targets": [{"refId": "A", "expr": "up"}]})");
        e.setPanel(variable);
        QCOMPARE(picker->currentText(), QStringLiteral("${DS_PROMETHEUS}"));
        QCOMPARE(e.exprEditor(0)->dataSource(), m_promSource); // the default
        QCOMPARE(e.applyTo(variable), variable);
        // An unknown one says so.
        const QJsonObject unknown = parseObject(R"({"type": "timeseries",
            "datasource": "Thanos EU", "targets": [{"refId": "A", "expr": "up"}]})");
        e.setPanel(unknown);
        QCOMPARE(picker->currentText(), QStringLiteral("Thanos EU (not configured)"));
        QCOMPARE(e.applyTo(unknown), unknown);
    }

    // Completion of a metric name from the real Prometheus, inside a query card.
    void completionInCard()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries",
            "datasource": {"type": "prometheus", "uid": "prom"},
            "targets": [{"refId": "A", "expr": ""}]})");
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);
        e.setTimeRange(QDateTime::currentMSecsSinceEpoch() - 3600000,
                       QDateTime::currentMSecsSinceEpoch());
        PromqlEditor *editor = e.exprEditor(0);
        QVERIFY(editor);
        QCOMPARE(editor->dataSource(), m_promSource);
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("prometheus_http_req"));
        const QString wanted = QStringLiteral("prometheus_http_requests_total");
        auto row = [&] {
            const auto &items = editor->completionPopup()->items();
            for (int i = 0; i < items.size(); ++i)
                if (items[i].label == wanted)
                    return i;
            return -1;
        };
        QVERIFY2(PrometheusFixture::waitFor(
                     [&] { return editor->isCompletionVisible() && row() >= 0; }, 20000),
                 qPrintable(editor->completionPopup()->statusText()));
        editor->completionPopup()->setCurrentRow(row());
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->query(), wanted);
        QCOMPARE(targetsOf(e.applyTo(panel))[0].toObject().value(QLatin1String("expr")).toString(),
                 wanted);
    }

    // A query Grafana's builder wrote is code once typed in; Grafana then opens it as code.
    void builderQueryBecomesCode()
    {
        const QJsonObject panel = parseObject(R"({"type": "timeseries",
            "targets": [{"refId": "A", "expr": "up", "editorMode": "builder", "range": true}]})");
        QueriesEditor e(&m_registry);
        e.show();
        e.setPanel(panel);
        QCOMPARE(e.applyTo(panel), panel);
        PromqlEditor *editor = e.exprEditor(0);
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral(" > 0"));
        editor->hideCompletion();
        const QJsonObject t = targetsOf(e.applyTo(panel))[0].toObject();
        QCOMPARE(t, (QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")},
                                 {QStringLiteral("expr"), QStringLiteral("up > 0")},
                                 {QStringLiteral("editorMode"), QStringLiteral("code")},
                                 {QStringLiteral("range"), true}}));
    }

    // setResults marks a real server error at its position and clears it on success.
    void serverErrorFromResults()
    {
        const QString bad = QStringLiteral("sum(rate(up[5m])) + * 2");
        const QString good = QStringLiteral("sum(up)");
        QJsonObject panel{{QStringLiteral("type"), QStringLiteral("timeseries")},
                          {QStringLiteral("targets"),
                           QJsonArray{QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")},
                                                  {QStringLiteral("expr"), bad}},
                                      QJsonObject{{QStringLiteral("refId"), QStringLiteral("B")},
                                                  {QStringLiteral("expr"), good}}}}};
        QueriesEditor e(&m_registry);
        e.resize(700, 900);
        e.show();
        e.setPanel(panel);

        auto run = [&](const QString &refId, const QString &expr) {
            QueryRequest req;
            req.expr = expr;
            req.instant = true;
            req.timeMs = QDateTime::currentMSecsSinceEpoch();
            std::unique_ptr<QueryReply> reply(m_promSource->promql()->query(req));
            [&] {
                QVERIFY(PrometheusFixture::waitFor([&] { return reply->isFinished(); }, 20000));
            }();
            TargetResult t;
            t.refId = refId;
            t.expr = expr;
            t.instant = true;
            t.error = reply->error();
            t.result = reply->result();
            return t;
        };
        PanelData data;
        data.targets.push_back(run(QStringLiteral("A"), bad));
        data.targets.push_back(run(QStringLiteral("B"), good));
        QCOMPARE(data.targets[0].error.kind, DataSourceError::Kind::QueryError);
        QVERIFY(!data.targets[1].error.isError());
        QSignalSpy changed(&e, &QueriesEditor::changed);
        e.setResults(data);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(e.exprEditor(0)->errorOffset(), int(bad.indexOf(u'*')));
        QCOMPARE(e.exprEditor(0)->errorMessage(), data.targets[0].error.message());
        QCOMPARE(e.exprEditor(1)->errorOffset(), -1);
        QVERIFY(e.exprEditor(1)->errorMessage().isEmpty());
        // The message is also shown under the query.
        auto *shown = child<QLabel>(e, QStringLiteral("serverError-0"));
        QVERIFY(shown->isVisible());
        QCOMPARE(shown->text(), data.targets[0].error.message());
        QVERIFY(!child<QLabel>(e, QStringLiteral("serverError-1"))->isVisible());

        // A result for a text the user no longer has does not move the marker.
        PanelData stale;
        stale.targets.push_back(run(QStringLiteral("B"), QStringLiteral("sum(up) by (")));
        QVERIFY(stale.targets[0].error.isError());
        e.setResults(stale);
        QCOMPARE(e.exprEditor(1)->errorOffset(), -1);
        QVERIFY(e.exprEditor(1)->errorMessage().isEmpty());

        // With variables, the text sent differs from the query: the message shows, without a
        // marker at a position of another text.
        const QString withVariable = QStringLiteral("rate(up[$__rate_interval]) + * 2");
        e.setPanel(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("timeseries")},
                        {QStringLiteral("targets"),
                         QJsonArray{QJsonObject{{QStringLiteral("refId"), QStringLiteral("A")},
                                                {QStringLiteral("expr"), withVariable}},
                                    QJsonObject{{QStringLiteral("refId"), QStringLiteral("B")},
                                                {QStringLiteral("expr"), good}}}}});
        PanelData interpolated;
        interpolated.targets.push_back(
            run(QStringLiteral("A"), QStringLiteral("rate(up[4s]) + * 2")));
        QVERIFY(interpolated.targets[0].error.isError());
        e.setResults(interpolated);
        QCOMPARE(shown->text(), interpolated.targets[0].error.message());
        QVERIFY(shown->isVisible());
        QCOMPARE(e.exprEditor(0)->errorOffset(), -1);

        // A is hidden (not run): its marker goes away with the next results.
        click(e, QStringLiteral("hide-0"));
        PanelData next;
        next.targets.push_back(run(QStringLiteral("B"), good));
        e.setResults(next);
        QCOMPARE(e.exprEditor(0)->errorOffset(), -1);
        QVERIFY(e.exprEditor(0)->errorMessage().isEmpty());
        QVERIFY(!shown->isVisible());
    }
};

QTEST_MAIN(TestQueriesEditor)
#include "test_querieseditor.moc"
