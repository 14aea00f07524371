// `pharos export` (the built binary, run as a user would): a PNG of the requested width with
// every panel drawn, against a real Prometheus; against a closed port it fails, naming a panel
// and the reason.
#include "app/view/dashboardview.h"
#include "dashboards/model/dashboard.h"
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportsEveryPanel();
    void closedPortFails();
    void missingFile();
    void helpAndVersionNeedNoDisplay();

private:
    int run(const QStringList &args, QByteArray *out, QByteArray *err);
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
    const QString m_bundled =
        QStringLiteral(PHAROS_SOURCE_DIR "/resources/dashboards/go-service-golden-signals.json");
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos")),
             "the pharos binary is not built");
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

int TestExport::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // export must pick offscreen itself
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestExport::exportsEveryPanel()
{
    const QString png = m_dir.filePath(QStringLiteral("out.png"));
    QByteArray out, err;
    const int code =
        run({QStringLiteral("export"), m_bundled, QStringLiteral("-o"), png,
             QStringLiteral("--datasource"), m_prom.url().toString(),
             // The fixture scrapes every second: steps and $__rate_interval follow it.
             QStringLiteral("--scrape-interval"), QStringLiteral("1s"), QStringLiteral("--width"),
             QStringLiteral("1400"), QStringLiteral("--from"), QStringLiteral("now-1m")},
            &out, &err);
    QVERIFY2(code == 0, err.constData());
    QVERIFY2(out.contains(png.toUtf8()), out.constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1400);

    QFile f(m_bundled);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto dashboard = Dashboard::fromJson(f.readAll());
    QVERIFY(dashboard);
    const QList<grid::Placed> layout =
        grid::layoutDashboard(dashboard->panels(), grid::initialCollapsedRows(dashboard->panels()));
    QCOMPARE(layout.size(), 14);
    QCOMPARE(image.height(),
             grid::unitsToPixels(grid::layoutHeightUnits(layout)) + 2 * DashboardView::Padding);
    for (const grid::Placed &p : layout) {
        // The panel's content (below its title bar): many pixels differ from its background.
        QRect r = grid::toPixels(p.pos, 1400 - 2 * DashboardView::Padding)
                      .translated(DashboardView::Padding, DashboardView::Padding)
                      .adjusted(8, 28, -8, -8);
        const QRgb background = image.pixel(r.left() + 1, r.bottom() - 1);
        QHash<QRgb, int> colours;
        int differing = 0;
        for (int y = r.top(); y <= r.bottom(); ++y) {
            for (int x = r.left(); x <= r.right(); ++x) {
                const QRgb c = image.pixel(x, y);
                ++colours[c];
                if (c != background)
                    ++differing;
            }
        }
        const int area = r.width() * r.height();
        const auto *panel = [&]() -> const PanelModel * {
            for (const PanelModel &m : dashboard->panels())
                if (m.id == p.panelId)
                    return &m;
            return nullptr;
        }();
        QVERIFY(panel);
        if (panel->type == QLatin1String("timeseries")) {
            // Lines in the first palette colour (Grafana classic green, #7eb26d).
            int green = 0;
            for (int y = r.top(); y <= r.bottom(); ++y) {
                for (int x = r.left(); x <= r.right(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (std::abs(c.red() - 0x7e) < 40 && std::abs(c.green() - 0xb2) < 40 &&
                        std::abs(c.blue() - 0x6d) < 40)
                        ++green;
                }
            }
            QVERIFY2(green > 20,
                     qPrintable(QStringLiteral("panel %1 has no series pixels").arg(p.panelId)));
        }
        QVERIFY2(differing > area / 100 && colours.size() > 8,
                 qPrintable(QStringLiteral("panel %1 looks blank: %2 of %3 pixels differ, %4 "
                                           "colours")
                                .arg(p.panelId)
                                .arg(differing)
                                .arg(area)
                                .arg(colours.size())));
    }
}

void TestExport::closedPortFails()
{
    const quint16 port = test::PrometheusFixture::freePort();
    const QString png = m_dir.filePath(QStringLiteral("down.png"));
    QByteArray out, err;
    const int code =
        run({QStringLiteral("export"), m_bundled, QStringLiteral("-o"), png,
             QStringLiteral("--datasource"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
            &out, &err);
    QVERIFY2(code != 0 && code != -1, err.constData());
    const QString text = QString::fromUtf8(err);
    QVERIFY2(text.contains(QStringLiteral("Panel “Requests / s” (id 1)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Connection refused")), qPrintable(text));
}

void TestExport::missingFile()
{
    QByteArray out, err;
    const QString missing = m_dir.filePath(QStringLiteral("nope.json"));
    const int code = run({QStringLiteral("export"), missing, QStringLiteral("-o"),
                          m_dir.filePath(QStringLiteral("x.png"))},
                         &out, &err);
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("nope.json"), err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

void TestExport::helpAndVersionNeedNoDisplay()
{
    // run() removes DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM: like an SSH session.
    QByteArray out, err;
    QCOMPARE(run({QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.contains("export"), out.constData());
    QVERIFY2(out.contains("--datasource"), out.constData());
    QCOMPARE(run({QStringLiteral("--version")}, &out, &err), 0);
    QVERIFY2(out.startsWith("pharos "), out.constData());
}

QTEST_MAIN(TestExport)
#include "test_export.moc"
