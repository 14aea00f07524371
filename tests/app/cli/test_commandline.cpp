// The command line: window and export forms, validation of every option, help and version.
#include "app/cli/commandline.h"

#include <QCoreApplication>
#include <QtTest>

using pharos::CommandLineOptions;
using pharos::parseCommandLine;
using Mode = CommandLineOptions::Mode;

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void windowDefaults();
    void windowWithEverything();
    void exportForm();
    void errors_data();
    void errors();
    void helpAndVersion();
    void verbose();
};

static CommandLineOptions parse(QStringList args)
{
    args.prepend(QStringLiteral("pharos"));
    return parseCommandLine(args);
}

void TestCommandLine::windowDefaults()
{
    const CommandLineOptions o = parse({});
    QCOMPARE(o.mode, Mode::Window);
    QVERIFY(o.file.isEmpty());
    QVERIFY(o.datasource.isEmpty());
    QVERIFY(o.from.isEmpty());
    QVERIFY(o.refresh.isEmpty());
}

void TestCommandLine::windowWithEverything()
{
    const CommandLineOptions o =
        parse({QStringLiteral("dash.json"), QStringLiteral("--datasource"),
               QStringLiteral("http://127.0.0.1:9090"), QStringLiteral("--from"),
               QStringLiteral("now-1d/d"), QStringLiteral("--to"), QStringLiteral("now/d"),
               QStringLiteral("--refresh"), QStringLiteral("10s"), QStringLiteral("--lang"),
               QStringLiteral("zh_CN")});
    QCOMPARE(o.mode, Mode::Window);
    QCOMPARE(o.file, QStringLiteral("dash.json"));
    QCOMPARE(o.datasource, QStringLiteral("http://127.0.0.1:9090"));
    QCOMPARE(o.from, QStringLiteral("now-1d/d"));
    QCOMPARE(o.to, QStringLiteral("now/d"));
    QCOMPARE(o.refresh, QStringLiteral("10s"));
    QCOMPARE(o.language, QStringLiteral("zh_CN"));

    QCOMPARE(parse({QStringLiteral("--refresh"), QStringLiteral("off")}).refresh,
             QStringLiteral("off"));
    QCOMPARE(o.scrapeIntervalMs, 0); // the data source's default
    QCOMPARE(parse({QStringLiteral("export"), QStringLiteral("d.json"), QStringLiteral("-o"),
                    QStringLiteral("o.png"), QStringLiteral("--datasource"),
                    QStringLiteral("http://127.0.0.1:9090"), QStringLiteral("--scrape-interval"),
                    QStringLiteral("1m30s")})
                 .scrapeIntervalMs,
             90000);
    QCOMPARE(parse({QStringLiteral("--from=2024-01-31 08:00:00")}).from,
             QStringLiteral("2024-01-31 08:00:00"));
}

void TestCommandLine::exportForm()
{
    CommandLineOptions o = parse({QStringLiteral("export"), QStringLiteral("d.json"),
                                  QStringLiteral("-o"), QStringLiteral("out.png")});
    QCOMPARE(o.mode, Mode::Export);
    QCOMPARE(o.file, QStringLiteral("d.json"));
    QCOMPARE(o.output, QStringLiteral("out.png"));
    QCOMPARE(o.width, 1600);

    o = parse({QStringLiteral("export"), QStringLiteral("d.json"), QStringLiteral("-o"),
               QStringLiteral("x.png"), QStringLiteral("--width"), QStringLiteral("1200"),
               QStringLiteral("--datasource"), QStringLiteral("http://localhost:9090/prom"),
               QStringLiteral("--from"), QStringLiteral("now-6h"), QStringLiteral("--to"),
               QStringLiteral("now")});
    QCOMPARE(o.mode, Mode::Export);
    QCOMPARE(o.width, 1200);
    QCOMPARE(o.datasource, QStringLiteral("http://localhost:9090/prom"));
    QCOMPARE(o.from, QStringLiteral("now-6h"));

    // Options may stand before the command, including ones that take a value.
    o = parse({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--datasource"),
               QStringLiteral("http://127.0.0.1:9090"), QStringLiteral("export"),
               QStringLiteral("d.json"), QStringLiteral("-o"), QStringLiteral("out.png")});
    QCOMPARE(o.mode, Mode::Export);
    QCOMPARE(o.file, QStringLiteral("d.json"));
    QCOMPARE(o.output, QStringLiteral("out.png"));

    // A dashboard file that merely has an option value "export" in front is not the command.
    QVERIFY(!pharos::isExportCommand({QStringLiteral("pharos"), QStringLiteral("--from"),
                                      QStringLiteral("export"), QStringLiteral("d.json")}));
    QVERIFY(pharos::isExportCommand({QStringLiteral("pharos"), QStringLiteral("--lang=zh_CN"),
                                     QStringLiteral("export"), QStringLiteral("d.json")}));
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad from") << QStringList{"--from", "now-6x"} << "--from";
    QTest::newRow("bad to") << QStringList{"--to", "yesterday-ish"} << "--to";
    QTest::newRow("bad refresh") << QStringList{"--refresh", "often"} << "--refresh";
    QTest::newRow("zero refresh") << QStringList{"--refresh", "0s"} << "--refresh";
    QTest::newRow("bad url") << QStringList{"--datasource", "ftp://x"} << "--datasource";
    QTest::newRow("bad scrape interval")
        << QStringList{"--datasource", "http://a:9090", "--scrape-interval", "often"}
        << "--scrape-interval";
    QTest::newRow("scrape interval without datasource")
        << QStringList{"--scrape-interval", "1s"} << "--datasource";
    QTest::newRow("unknown option") << QStringList{"--colour"} << "colour";
    QTest::newRow("two files") << QStringList{"a.json", "b.json"} << "b.json";
    QTest::newRow("missing value") << QStringList{"--from"} << "from";
    QTest::newRow("export no file") << QStringList{"export"} << "export";
    QTest::newRow("export no output") << QStringList{"export", "d.json"} << "-o";
    QTest::newRow("export bad width")
        << QStringList{"export", "d.json", "-o", "o.png", "--width", "wide"} << "--width";
    QTest::newRow("export tiny width")
        << QStringList{"export", "d.json", "-o", "o.png", "--width", "10"} << "--width";
    QTest::newRow("export refresh")
        << QStringList{"export", "d.json", "-o", "o.png", "--refresh", "5s"} << "refresh";
}

void TestCommandLine::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CommandLineOptions o = parse(args);
    QCOMPARE(o.mode, Mode::Error);
    QVERIFY2(o.message.contains(mentions), qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("--help")), qPrintable(o.message));
}

void TestCommandLine::helpAndVersion()
{
    CommandLineOptions o = parse({QStringLiteral("--help")});
    QCOMPARE(o.mode, Mode::Help);
    for (const char *opt : {"--datasource", "--from", "--to", "--refresh", "--lang"})
        QVERIFY2(o.message.contains(QLatin1String(opt)), opt);
    o = parse({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(o.mode, Mode::Help);
    QVERIFY(o.message.contains(QStringLiteral("--width")));
    QVERIFY(o.message.contains(QStringLiteral("-o")));
    o = parse({QStringLiteral("--version")});
    QCOMPARE(o.mode, Mode::Version);
    QVERIFY(o.message.contains(QStringLiteral(PHAROS_VERSION)));
}

void TestCommandLine::verbose()
{
    QVERIFY(!parse({}).verbose);
    QVERIFY(!parse({QStringLiteral("export"), QStringLiteral("d.json"), QStringLiteral("-o"),
                    QStringLiteral("o.png")})
                 .verbose);
    CommandLineOptions o = parse({QStringLiteral("--verbose"), QStringLiteral("d.json")});
    QCOMPARE(o.mode, Mode::Window);
    QVERIFY(o.verbose);
    QCOMPARE(o.file, QStringLiteral("d.json"));
    // Every command takes it, before or after the command name.
    o = parse({QStringLiteral("--verbose"), QStringLiteral("export"), QStringLiteral("d.json"),
               QStringLiteral("-o"), QStringLiteral("o.png")});
    QCOMPARE(o.mode, Mode::Export);
    QVERIFY(o.verbose);
    QCOMPARE(o.file, QStringLiteral("d.json"));
    o = parse({QStringLiteral("import"), QStringLiteral("d.json"), QStringLiteral("--verbose")});
    QCOMPARE(o.mode, Mode::Import);
    QVERIFY(o.verbose);
    o = parse({QStringLiteral("inspect"), QStringLiteral("--verbose"), QStringLiteral("d.json")});
    QCOMPARE(o.mode, Mode::Inspect);
    QVERIFY(o.verbose);
    for (const QStringList &help :
         {QStringList{QStringLiteral("--help")},
          QStringList{QStringLiteral("export"), QStringLiteral("--help")}}) {
        o = parse(help);
        QVERIFY2(o.message.contains(QLatin1String("--verbose")), qPrintable(o.message));
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_commandline.moc"
