// What the package installs and the app uses: the icon at every hicolor size (generated from the
// SVG), the installed data folder found next to the binary (translations, bundled dashboards),
// and one application id across the .desktop file, the metainfo and the icon.
#include "app/installeddata.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <algorithm>
#include <cstdlib>

class TestInstalledData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applicationIconHasEverySize();
    void pngIconsMatchTheSvg_data();
    void pngIconsMatchTheSvg();
    void installedFoldersAreFoundNextToTheBinary();
    void buildTreeUsesTheResources();
    void installedCatalogueTranslates();
    void oneApplicationId();
};

namespace {
const QList<int> iconSizes{16, 32, 48, 64, 128, 256};
const QString iconDir = QStringLiteral(PHAROS_SOURCE_DIR "/resources/icons/hicolor");
QString id()
{
    return pharos::applicationId();
}
} // namespace

void TestInstalledData::applicationIconHasEverySize()
{
    const QIcon icon = pharos::applicationIcon();
    QVERIFY(!icon.isNull());
    for (const int size : iconSizes) {
        QVERIFY2(icon.availableSizes().contains(QSize(size, size)),
                 qPrintable(QStringLiteral("no %1 px icon").arg(size)));
        const QImage image = icon.pixmap(QSize(size, size)).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // Drawn, not blank: the tile's centre is opaque.
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
    }
}

void TestInstalledData::pngIconsMatchTheSvg_data()
{
    QTest::addColumn<int>("size");
    for (const int size : iconSizes)
        QTest::newRow(qPrintable(QString::number(size))) << size;
}

// The committed PNGs are what scripts/make-icons renders from the SVG now.
void TestInstalledData::pngIconsMatchTheSvg()
{
    QFETCH(int, size);
    const QString rsvg = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    QVERIFY2(!rsvg.isEmpty(), "rsvg-convert is not installed (apt-get install librsvg2-bin)");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("icon.png"));
    QProcess p;
    p.start(rsvg, {QStringLiteral("--width"), QString::number(size), QStringLiteral("--height"),
                   QString::number(size), QStringLiteral("--output"), out,
                   iconDir + QStringLiteral("/scalable/apps/") + id() + QStringLiteral(".svg")});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    const QString committed =
        iconDir + QStringLiteral("/%1x%1/apps/").arg(size) + id() + QStringLiteral(".png");
    const QImage expected = QImage(out).convertToFormat(QImage::Format_ARGB32);
    const QImage actual = QImage(committed).convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(actual.size(), QSize(size, size));
    QCOMPARE(expected.size(), actual.size());
    int worst = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const QRgb a = actual.pixel(x, y);
            const QRgb e = expected.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(a) - qRed(e)), std::abs(qGreen(a) - qGreen(e)),
                              std::abs(qBlue(a) - qBlue(e)), std::abs(qAlpha(a) - qAlpha(e))});
        }
    QVERIFY2(worst <= 8, qPrintable(QStringLiteral("%1 differs from the SVG by %2; run "
                                                   "scripts/make-icons")
                                        .arg(committed)
                                        .arg(worst)));
}

void TestInstalledData::installedFoldersAreFoundNextToTheBinary()
{
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    QDir root(prefix.path());
    QVERIFY(root.mkpath(QStringLiteral("bin")));
    QVERIFY(root.mkpath(QStringLiteral("share/pharos/dashboards")));
    QVERIFY(root.mkpath(QStringLiteral("share/pharos/translations")));
    const QString bin = root.filePath(QStringLiteral("bin"));
    const QString data = QDir(root.filePath(QStringLiteral("share/pharos"))).canonicalPath();
    QCOMPARE(pharos::installedDataDir(bin), data);
    QCOMPARE(pharos::bundledDashboardsDir(bin), data + QStringLiteral("/dashboards"));
    QCOMPARE(pharos::translationsDir(bin), data + QStringLiteral("/translations"));

    // A folder missing from the installation falls back to the resources.
    QVERIFY(QDir(data + QStringLiteral("/translations")).removeRecursively());
    QCOMPARE(pharos::translationsDir(bin), QStringLiteral(":/i18n"));
}

void TestInstalledData::buildTreeUsesTheResources()
{
    // The test runs from the build tree: nothing installed next to it.
    QCOMPARE(pharos::installedDataDir(), QString());
    QCOMPARE(pharos::bundledDashboardsDir(), QStringLiteral(":/dashboards"));
    QCOMPARE(pharos::translationsDir(), QStringLiteral(":/i18n"));
    QVERIFY(QFile::exists(pharos::bundledDashboardsDir() +
                          QStringLiteral("/go-service-golden-signals.json")));
}

// The catalogue the install rule copies (app/CMakeLists.txt) loads from the installed folder
// the way main.cpp loads it.
void TestInstalledData::installedCatalogueTranslates()
{
    const QString built = QStringLiteral(PHAROS_BINARY_DIR "/app/pharos_zh_CN.qm");
    QVERIFY2(QFile::exists(built), qPrintable(built));
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    QDir root(prefix.path());
    QVERIFY(root.mkpath(QStringLiteral("bin")));
    QVERIFY(root.mkpath(QStringLiteral("share/pharos/translations")));
    QVERIFY(QFile::copy(built, root.filePath(QStringLiteral("share/pharos/translations/"
                                                            "pharos_zh_CN.qm"))));
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("pharos_zh_CN.qm"),
                            pharos::translationsDir(root.filePath(QStringLiteral("bin")))));
    const QString noData = translator.translate("pharos::PanelWidget", "No data");
    QVERIFY2(!noData.isEmpty() && noData != QLatin1String("No data"), qPrintable(noData));
}

void TestInstalledData::oneApplicationId()
{
    const QString desktopPath =
        QStringLiteral(PHAROS_SOURCE_DIR "/packaging/") + id() + QStringLiteral(".desktop");
    QVERIFY2(QFile::exists(desktopPath), qPrintable(desktopPath));
    QFile desktop(desktopPath);
    QVERIFY(desktop.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString entry = QString::fromUtf8(desktop.readAll());
    QVERIFY2(entry.contains(QStringLiteral("\nIcon=") + id() + QLatin1Char('\n')), "Icon=");
    QVERIFY(entry.contains(QStringLiteral("\nExec=pharos %f\n")));

    QFile metainfo(QStringLiteral(PHAROS_BINARY_DIR "/packaging/") + id() +
                   QStringLiteral(".metainfo.xml"));
    QVERIFY2(metainfo.open(QIODevice::ReadOnly), qPrintable(metainfo.fileName()));
    const QString xml = QString::fromUtf8(metainfo.readAll());
    QVERIFY(xml.contains(QStringLiteral("<id>") + id() + QStringLiteral("</id>")));
    QVERIFY(xml.contains(QStringLiteral(">") + id() + QStringLiteral(".desktop</launchable>")));
    QVERIFY(xml.contains(QStringLiteral("<release version=\"" PHAROS_VERSION "\"")));
    QVERIFY(
        QFile::exists(iconDir + QStringLiteral("/scalable/apps/") + id() + QStringLiteral(".svg")));
}

QTEST_MAIN(TestInstalledData)
#include "test_installed_data.moc"
