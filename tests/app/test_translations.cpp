// The Simplified Chinese UI ships complete: the .ts file has no unfinished or empty entries, the
// compiled catalogue is embedded in the application, and it really translates the app's strings.
#include "prometheusfixture.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tsFileIsComplete();
    void embeddedCatalogueTranslates();
    void langOptionTranslatesTheApp_data();
    void langOptionTranslatesTheApp();
};

void TestTranslations::tsFileIsComplete()
{
    QFile ts(QStringLiteral(PHAROS_SOURCE_DIR "/translations/pharos_zh_CN.ts"));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QStringList problems;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("obsolete") ||
                type == QLatin1String("vanished"))
                problems << type + QLatin1String(": ") + source;
            else if (text.trimmed().isEmpty())
                problems << QLatin1String("empty: ") + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 50, qPrintable(QStringLiteral("only %1 messages").arg(messages)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::embeddedCatalogueTranslates()
{
    // The app library embeds the compiled catalogue under :/i18n.
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/pharos_zh_CN.qm")),
             "the zh_CN catalogue is not embedded in the application");
    QVERIFY(!translator.isEmpty());
    const QString noData = translator.translate("pharos::PanelWidget", "No data");
    QVERIFY2(!noData.isEmpty() && noData != QLatin1String("No data"), qPrintable(noData));
    const QString refused = translator.translate(
        "pharos::DataSourceError",
        "Connection refused: nothing is listening at the data source URL. Is the server running?");
    QVERIFY2(refused.contains(QStringLiteral("拒绝")), qPrintable(refused));
}

void TestTranslations::langOptionTranslatesTheApp_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expectedPanel");
    QTest::addColumn<QString>("expectedReason");
    QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("面板") << QStringLiteral("拒绝");
    QTest::newRow("en") << "en" << QStringLiteral("Panel") << QStringLiteral("Connection refused");
}

// End to end: the real binary, told `--lang`, reports a failed export in that language.
void TestTranslations::langOptionTranslatesTheApp()
{
    QFETCH(QString, lang);
    QFETCH(QString, expectedPanel);
    QFETCH(QString, expectedReason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 closedPort = pharos::test::PrometheusFixture::freePort();
    QProcess pharos;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // No display and no platform: export must choose the offscreen platform by itself, even
    // with options in front of the command.
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    pharos.setProcessEnvironment(env);
    pharos.start(
        QStringLiteral(PHAROS_BINARY_DIR "/app/pharos"),
        {QStringLiteral("--lang"), lang, QStringLiteral("export"),
         QStringLiteral(PHAROS_SOURCE_DIR "/resources/dashboards/go-service-golden-signals.json"),
         QStringLiteral("-o"), dir.filePath(QStringLiteral("out.png")),
         QStringLiteral("--datasource"), QStringLiteral("http://127.0.0.1:%1").arg(closedPort)});
    QVERIFY2(pharos.waitForFinished(60000), "pharos export did not finish");
    const QString err = QString::fromUtf8(pharos.readAllStandardError());
    QCOMPARE(pharos.exitStatus(), QProcess::NormalExit);
    QVERIFY2(pharos.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(expectedPanel), qPrintable(err));
    QVERIFY2(err.contains(expectedReason), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
