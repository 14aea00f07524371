// `pharos export` (the built binary) renders the gauge, bar gauge, heatmap, pie chart, text and
// stat panels against a real Prometheus: threshold colours where the gauge arc and bars are,
// palette colours for the pie, heatmap cells from Prometheus' own histogram; panels on missing
// metrics show "No data" without failing the export; the text panel's remote image is never
// fetched (a local server sees no connection).
#include "app/view/dashboardview.h"
#include "faultserver.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestExportPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rendersPanelTypes();

private:
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
};

static QJsonObject target(const QString &expr, const QString &format = "time_series",
                          const QString &legend = {})
{
    return QJsonObject{
        {"refId", "A"}, {"expr", expr}, {"format", format}, {"legendFormat", legend}};
}

static QJsonObject panel(int id, const QString &type, GridPos pos, const QJsonObject &t,
                         const QJsonObject &defaults = {}, const QJsonObject &options = {})
{
    QJsonObject p{{"id", id},
                  {"type", type},
                  {"title", QStringLiteral("%1 %2").arg(type).arg(id)},
                  {"gridPos", QJsonObject{{"x", pos.x}, {"y", pos.y}, {"w", pos.w}, {"h", pos.h}}},
                  {"fieldConfig", QJsonObject{{"defaults", defaults}, {"overrides", QJsonArray()}}},
                  {"options", options}};
    if (!t.isEmpty())
        p.insert("targets", QJsonArray{t});
    return p;
}

static QJsonObject steps(const QString &base, double at, const QString &above)
{
    return QJsonObject{{"mode", "absolute"},
                       {"steps", QJsonArray{QJsonObject{{"color", base}, {"value", QJsonValue()}},
                                            QJsonObject{{"color", above}, {"value", at}}}}};
}

/// Pixels of `img` inside `r` for which `match` holds.
template <typename F> static int count(const QImage &img, const QRect &r, F match)
{
    int n = 0;
    for (int y = std::max(0, r.top()); y <= std::min(img.height() - 1, r.bottom()); ++y)
        for (int x = std::max(0, r.left()); x <= std::min(img.width() - 1, r.right()); ++x)
            if (match(img.pixelColor(x, y)))
                ++n;
    return n;
}

static bool near(const QColor &c, const QColor &want, int tol = 12)
{
    return std::abs(c.red() - want.red()) <= tol && std::abs(c.green() - want.green()) <= tol &&
           std::abs(c.blue() - want.blue()) <= tol;
}

void TestExportPanels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos")),
             "the pharos binary is not built");
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

void TestExportPanels::rendersPanelTypes()
{
    test::FaultServer images(test::FaultServer::Mode::Http500);
    QVERIFY(images.start());

    const GridPos gaugePos{0, 0, 8, 8}, barPos{8, 0, 8, 8}, heatPos{16, 0, 8, 8};
    const GridPos piePos{0, 8, 8, 8}, textPos{8, 8, 8, 8}, missingPos{16, 8, 8, 8};
    QJsonObject gaugeDefaults{{"min", 0}, {"max", 2}, {"thresholds", steps("blue", 0.5, "purple")}};
    QJsonObject barDefaults{{"min", 0}, {"max", 1}, {"thresholds", steps("green", 0.5, "red")}};
    const QJsonArray panels{
        panel(1, "gauge", gaugePos, target("max(up{job=\"prometheus\"})"), gaugeDefaults,
              QJsonObject{{"reduceOptions", QJsonObject{{"calcs", QJsonArray{"lastNotNull"}}}}}),
        panel(2, "bargauge", barPos, target("max(up{job=\"prometheus\"})"), barDefaults,
              QJsonObject{{"displayMode", "basic"}, {"orientation", "horizontal"}}),
        panel(3, "heatmap", heatPos,
              target("sum(increase(prometheus_http_request_duration_seconds_bucket[30s])) by (le)",
                     "heatmap", "{{le}}"),
              QJsonObject(),
              QJsonObject{{"color", QJsonObject{{"mode", "opacity"}, {"fill", "#ff00ff"}}}}),
        panel(4, "piechart", piePos,
              target("sum by (job) (prometheus_http_requests_total)", "time_series", "{{job}}"),
              QJsonObject{{"color", QJsonObject{{"mode", "fixed"}, {"fixedColor", "#00c0c0"}}}},
              QJsonObject{{"pieType", "pie"}}),
        panel(5, "text", textPos, QJsonObject(), QJsonObject(),
              QJsonObject{{"mode", "markdown"},
                          {"content", QStringLiteral("# Notes\n\n![remote](%1/img.png)\n\n"
                                                     "<img src=\"%1/raw.png\">\n\nend")
                                          .arg(images.url().toString())}}),
        panel(6, "gauge", missingPos, target("pharos_metric_that_does_not_exist"), gaugeDefaults),
    };
    const QJsonObject dashboard{{"title", "panel types"},
                                {"schemaVersion", 39},
                                {"time", QJsonObject{{"from", "now-2m"}, {"to", "now"}}},
                                {"panels", panels}};
    const QString json = m_dir.filePath("panels.json");
    {
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(dashboard).toJson());
    }
    const QString png = m_dir.filePath("panels.png");
    const int width = 1400;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"),
            {"export", json, "-o", png, "--datasource", m_prom.url().toString(),
             "--scrape-interval", "1s", "--width", QString::number(width)});
    // Keep this event loop running so that the image server could accept a connection.
    QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 120000);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
    QCOMPARE(images.connectionCount(), 0);

    const QImage img = QImage(png).convertToFormat(QImage::Format_ARGB32);
    QVERIFY(!img.isNull());
    QCOMPARE(img.width(), width);
    const int gridWidth = width - 2 * DashboardView::Padding;
    auto rectOf = [&](const GridPos &pos) {
        return grid::toPixels(pos, gridWidth)
            .translated(DashboardView::Padding, DashboardView::Padding);
    };
    // Gauge: up = 1 of 0..2 is purple; the arc fills half, the markers show blue and purple.
    const int purple =
        count(img, rectOf(gaugePos), [](QColor c) { return near(c, QColor(0xB8, 0x77, 0xD9)); });
    const int blue =
        count(img, rectOf(gaugePos), [](QColor c) { return near(c, QColor(0x57, 0x94, 0xF2)); });
    QVERIFY2(purple > 800, qPrintable(QString::number(purple)));
    QVERIFY2(blue > 50, qPrintable(QString::number(blue)));
    // Bar gauge: the bar is full and red.
    const int red =
        count(img, rectOf(barPos), [](QColor c) { return near(c, QColor(0xF2, 0x49, 0x5C)); });
    QVERIFY2(red > 5000, qPrintable(QString::number(red)));
    // Heatmap: magenta cells of varying opacity from Prometheus' own request histogram.
    const int magenta = count(img, rectOf(heatPos), [](QColor c) {
        return c.red() > c.green() + 60 && c.blue() > c.green() + 60;
    });
    QVERIFY2(magenta > 100, qPrintable(QString::number(magenta)));
    // Pie chart: one job, one full slice in the fixed colour.
    const int cyan =
        count(img, rectOf(piePos), [](QColor c) { return near(c, QColor(0x00, 0xc0, 0xc0)); });
    QVERIFY2(cyan > 5000, qPrintable(QString::number(cyan)));
    // The gauge on a missing metric drew nothing (its panel shows "No data").
    const int missing =
        count(img, rectOf(missingPos), [](QColor c) { return near(c, QColor(0xB8, 0x77, 0xD9)); });
    QCOMPARE(missing, 0);
}

QTEST_MAIN(TestExportPanels)
#include "test_export_panels.moc"
