// The metrics browser against a real Prometheus: filter and pick a metric (HELP/TYPE shown),
// its labels, one and then two values; the selector and its series count match the server;
// "Use query" writes the selector into a PromQL editor; a large server is narrowed on the
// server by the filter.
#include "app/editor/metricsbrowser.h"
#include "app/editor/promqleditor.h"
#include "datasources/prometheus/prometheusdatasource.h"
#include "prometheusfixture.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace pharos;
using pharos::test::PrometheusFixture;

namespace {

QStringList texts(QListWidget *w)
{
    QStringList out;
    for (int i = 0; i < w->count(); ++i)
        out << w->item(i)->text();
    return out;
}

} // namespace

class TestMetricsBrowser : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;

    std::unique_ptr<PrometheusDataSource> makeSource()
    {
        DataSourceSettings s;
        s.name = QStringLiteral("prom");
        s.uid = QStringLiteral("prom");
        s.url = m_prom.url();
        return std::make_unique<PrometheusDataSource>(s);
    }

    QStringList serverStrings(const QString &path, const QString &match)
    {
        QStringList out;
        QUrl u = m_prom.url();
        u.setPath(path);
        if (!match.isEmpty())
            u.setQuery(QUrlQuery{{QStringLiteral("match[]"), match}});
        const QJsonObject o = QJsonDocument::fromJson(m_prom.get(u)).object();
        for (const QJsonValue &v : o.value(QLatin1String("data")).toArray())
            out << v.toString();
        return out;
    }

    qint64 serverCount(const QString &selector)
    {
        const QJsonObject o = m_prom.queryJson(
            QStringLiteral("/api/v1/query"),
            QUrlQuery{{QStringLiteral("query"), QStringLiteral("count(%1)").arg(selector)}});
        const QJsonArray result =
            o.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
        if (result.isEmpty())
            return 0;
        return result.first()
            .toObject()
            .value(QLatin1String("value"))
            .toArray()
            .at(1)
            .toString()
            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        QVERIFY(m_prom.waitForSeries(
            QStringLiteral("prometheus_http_requests_total{handler=\"/api/v1/query\"}")));
        QVERIFY(m_prom.waitForSeries(
            QStringLiteral("prometheus_http_requests_total{handler=\"/metrics\"}")));
    }

    void pickMetricLabelsValues()
    {
        auto source = makeSource();
        MetricsBrowser b;
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        b.setDataSource(source.get());
        const QString metric = QStringLiteral("prometheus_http_requests_total");
        QVERIFY(
            PrometheusFixture::waitFor([&] { return b.visibleMetrics().contains(metric); }, 20000));
        // The server's names (it may have gained some since the browser asked).
        const QStringList all =
            serverStrings(QStringLiteral("/api/v1/label/__name__/values"), QString());
        QVERIFY(b.visibleMetrics().size() > 100);
        for (const QString &m : b.visibleMetrics())
            QVERIFY2(all.contains(m), qPrintable(m));
        QTest::keyClicks(b.filterEdit(), QStringLiteral("HTTP_requests_tot"));
        const QStringList visible = b.visibleMetrics();
        QVERIFY(visible.contains(metric));
        for (const QString &m : visible)
            QVERIFY2(m.contains(QStringLiteral("http_requests_tot")), qPrintable(m));

        // Click the metric.
        QListView *view = b.metricView();
        const QModelIndex idx = view->model()->index(int(visible.indexOf(metric)), 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(idx).center());
        QCOMPARE(b.selectedMetric(), metric);
        QCOMPARE(b.selector(), metric);
        QVERIFY(PrometheusFixture::waitFor([&] { return b.labelList()->count() > 0; }, 20000));
        QStringList labels = serverStrings(QStringLiteral("/api/v1/labels"), metric);
        labels.removeAll(QStringLiteral("__name__"));
        QCOMPARE(texts(b.labelList()), labels);
        // HELP/TYPE of the metric.
        QVERIFY(PrometheusFixture::waitFor(
            [&] {
                for (QLabel *l : b.findChildren<QLabel *>())
                    if (l->text().startsWith(QStringLiteral("counter — ")))
                        return true;
                return false;
            },
            20000));
        QVERIFY(PrometheusFixture::waitFor([&] { return b.seriesCount() >= 0; }, 20000));
        QCOMPARE(b.seriesCount(), serverCount(metric));

        // Pick the label "handler": its values.
        QListWidget *labelList = b.labelList();
        const int row = int(texts(labelList).indexOf(QStringLiteral("handler")));
        QTest::mouseClick(labelList->viewport(), Qt::LeftButton, {},
                          labelList->visualItemRect(labelList->item(row)).center());
        QCOMPARE(b.currentLabel(), QStringLiteral("handler"));
        QVERIFY(PrometheusFixture::waitFor([&] { return b.valueList()->count() > 0; }, 20000));
        QCOMPARE(texts(b.valueList()),
                 serverStrings(QStringLiteral("/api/v1/label/handler/values"), metric));

        // Check one value with the keyboard (Space toggles the current item).
        QListWidget *values = b.valueList();
        values->setFocus();
        values->setCurrentRow(int(texts(values).indexOf(QStringLiteral("/api/v1/query"))));
        QTest::keyClick(values, Qt::Key_Space);
        const QString one = metric + QStringLiteral("{handler=\"/api/v1/query\"}");
        QCOMPARE(b.selector(), one);
        QVERIFY(
            PrometheusFixture::waitFor([&] { return b.seriesCount() >= 0 && !b.isBusy(); }, 20000));
        QCOMPARE(b.seriesCount(), serverCount(one));
        QVERIFY(b.seriesCount() >= 1);
        QVERIFY(b.statusText().contains(QString::number(b.seriesCount())));

        // A second value: a regex matcher.
        QVERIFY(b.setValueChecked(QStringLiteral("/metrics"), true));
        const QString two = metric + QStringLiteral("{handler=~\"/api/v1/query|/metrics\"}");
        QCOMPARE(b.selector(), two);
        QVERIFY(
            PrometheusFixture::waitFor([&] { return b.seriesCount() >= 0 && !b.isBusy(); }, 20000));
        QCOMPARE(b.seriesCount(), serverCount(two));
        QVERIFY(b.seriesCount() >= 2);

        QSignalSpy chosen(&b, &MetricsBrowser::selectorChosen);
        QTest::mouseClick(b.useButton(), Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).toString(), two);
    }

    void writesIntoEditor()
    {
        auto source = makeSource();
        PromqlEditor editor;
        editor.setDataSource(source.get());
        editor.setQuery(QStringLiteral("rate([5m])"));
        QTextCursor c = editor.textCursor();
        c.setPosition(5);
        editor.setTextCursor(c);
        editor.show();
        MetricsBrowser::openFor(&editor);
        auto *browser = editor.window()->findChild<MetricsBrowser *>();
        QVERIFY(browser);
        auto *dialog = qobject_cast<QDialog *>(browser->window());
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(PrometheusFixture::waitFor(
            [&] { return browser->selectMetric(QStringLiteral("up")); }, 20000));
        QTest::mouseClick(browser->useButton(), Qt::LeftButton);
        QCOMPARE(editor.query(), QStringLiteral("rate(up[5m])"));
        QTRY_VERIFY(!dialog->isVisible());
    }

    void largeServerFiltersOnServer()
    {
        auto source = makeSource();
        MetricsBrowser b;
        b.setMetricNameLimit(5);
        b.setDataSource(source.get());
        QVERIFY(PrometheusFixture::waitFor([&] { return b.visibleMetrics().size() == 5; }, 20000));
        QVERIFY(b.statusText().contains(QStringLiteral("first 5")));
        QTest::keyClicks(b.filterEdit(), QStringLiteral("TSDB_head_ser"));
        QVERIFY(PrometheusFixture::waitFor(
            [&] {
                return b.visibleMetrics().contains(QStringLiteral("prometheus_tsdb_head_series"));
            },
            20000));
        for (const QString &m : b.visibleMetrics())
            QVERIFY2(m.contains(QStringLiteral("tsdb_head_ser")), qPrintable(m));
    }
};

QTEST_MAIN(TestMetricsBrowser)
#include "test_metricsbrowser.moc"
