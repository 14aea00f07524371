#include "app/cli/commandline.h"

#include "dashboards/query/interval.h"
#include "dashboards/time/timerange.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace pharos {

namespace {

bool validTime(const QString &expr, bool roundUp, QString *error)
{
    QString why;
    if (parseTimeExpression(expr, QDateTime::currentDateTimeUtc(), QTimeZone::utc(), roundUp, &why))
        return true;
    *error = why;
    return false;
}

} // namespace

namespace {
QString commandName(const QStringList &arguments)
{
    static const QStringList withValue{QStringLiteral("--datasource"),
                                       QStringLiteral("--from"),
                                       QStringLiteral("--to"),
                                       QStringLiteral("--refresh"),
                                       QStringLiteral("--lang"),
                                       QStringLiteral("--width"),
                                       QStringLiteral("-o"),
                                       QStringLiteral("--output"),
                                       QStringLiteral("--input"),
                                       QStringLiteral("--report"),
                                       QStringLiteral("--provision"),
                                       QStringLiteral("--var"),
                                       QStringLiteral("--scrape-interval"),
                                       QStringLiteral("--max-series")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            return arg;
        if (withValue.contains(arg))
            ++i; // skip the option's value
    }
    return QString();
}
} // namespace

bool isExportCommand(const QStringList &arguments)
{
    return commandName(arguments) == QLatin1String("export");
}

bool isImportCommand(const QStringList &arguments)
{
    return commandName(arguments) == QLatin1String("import");
}

bool isInspectCommand(const QStringList &arguments)
{
    return commandName(arguments) == QLatin1String("inspect");
}

CommandLineOptions parseCommandLine(const QStringList &arguments)
{
    CommandLineOptions o;
    const bool isExport = isExportCommand(arguments);
    const bool isImport = isImportCommand(arguments);
    const bool isInspect = isInspectCommand(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        isImport ? QCoreApplication::translate(
                       "CommandLine",
                       "Migrates a Grafana dashboard (schema 14 to 41) to the current schema, "
                       "maps its inputs, and reports what happened to every panel.")
        : isExport ? QCoreApplication::translate(
                         "CommandLine",
                         "Renders a Grafana dashboard with live data to a PNG file, without a "
                         "display.")
                   : QCoreApplication::translate(
                         "CommandLine",
                         "Pharos shows Grafana dashboards with live Prometheus data.\n"
                         "Use \"pharos export FILE -o OUT.png\" to render a dashboard to a PNG."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dsOption(
        QStringList{QStringLiteral("datasource")},
        QCoreApplication::translate("CommandLine",
                                    "Use the Prometheus server at <url> for every panel."),
        QCoreApplication::translate("CommandLine", "url"));
    const QCommandLineOption scrapeOption(
        QStringList{QStringLiteral("scrape-interval")},
        QCoreApplication::translate("CommandLine",
                                    "The --datasource server's scrape interval, e.g. 15s (the "
                                    "default): the lower limit of query steps and "
                                    "$__rate_interval."),
        QCoreApplication::translate("CommandLine", "duration"));
    const QCommandLineOption fromOption(
        QStringList{QStringLiteral("from")},
        QCoreApplication::translate("CommandLine", "Start of the time range, e.g. now-6h."),
        QCoreApplication::translate("CommandLine", "expr"));
    const QCommandLineOption toOption(
        QStringList{QStringLiteral("to")},
        QCoreApplication::translate("CommandLine", "End of the time range, e.g. now."),
        QCoreApplication::translate("CommandLine", "expr"));
    const QCommandLineOption refreshOption(
        QStringList{QStringLiteral("refresh")},
        QCoreApplication::translate("CommandLine", "Refresh interval, e.g. 10s, or off."),
        QCoreApplication::translate("CommandLine", "interval"));
    const QCommandLineOption langOption(
        QStringList{QStringLiteral("lang")},
        QCoreApplication::translate("CommandLine", "User interface language, e.g. zh_CN or en."),
        QCoreApplication::translate("CommandLine", "language"));
    const QCommandLineOption outOption(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("CommandLine", "The PNG file to write."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption widthOption(
        QStringList{QStringLiteral("width")},
        QCoreApplication::translate("CommandLine", "Width of the image in pixels (default 1600)."),
        QCoreApplication::translate("CommandLine", "pixels"));
    const QCommandLineOption inputOption(
        QStringList{QStringLiteral("input")},
        QCoreApplication::translate(
            "CommandLine",
            "Value of a dashboard input, e.g. DS_PROMETHEUS=Prometheus (a data source name) or "
            "VAR_X=value (a constant). Repeat for each input; data sources default to the "
            "default data source."),
        QCoreApplication::translate("CommandLine", "name=value"));
    const QCommandLineOption reportOption(
        QStringList{QStringLiteral("report")},
        QCoreApplication::translate("CommandLine",
                                    "Write the import report (one entry per panel) as JSON."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption jsonOutOption(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("CommandLine",
                                    "The dashboard JSON file to write (default: standard output)."),
        QCoreApplication::translate("CommandLine", "file"));
    if (isImport) {
        parser.addPositionalArgument(
            QStringLiteral("import"),
            QCoreApplication::translate("CommandLine", "Import a dashboard."));
        parser.addPositionalArgument(
            QCoreApplication::translate("CommandLine", "file"),
            QCoreApplication::translate("CommandLine", "The Grafana dashboard JSON file."));
        parser.addOption(jsonOutOption);
        parser.addOption(inputOption);
        parser.addOption(reportOption);
        parser.addOption(dsOption);
    } else {
        parser.addOption(dsOption);
        parser.addOption(scrapeOption);
        parser.addOption(fromOption);
        parser.addOption(toOption);
    }
    const QCommandLineOption varOption(
        QStringList{QStringLiteral("var")},
        QCoreApplication::translate("CommandLine",
                                    "Value(s) of a dashboard variable, e.g. job=api or "
                                    "instance=a,b. Repeat for each variable."),
        QCoreApplication::translate("CommandLine", "name=values"));
    const QCommandLineOption inspectWidthOption(
        QStringList{QStringLiteral("width")},
        QCoreApplication::translate("CommandLine",
                                    "Dashboard width in pixels for the panels' data points "
                                    "(default 1600)."),
        QCoreApplication::translate("CommandLine", "pixels"));
    const QCommandLineOption maxSeriesOption(
        QStringList{QStringLiteral("max-series")},
        QCoreApplication::translate("CommandLine",
                                    "The most series one panel draws (default 2000, or the "
                                    "setting); a panel with more shows the first ones and says "
                                    "so."),
        QCoreApplication::translate("CommandLine", "count"));
    if (!isImport && !isInspect)
        parser.addOption(maxSeriesOption);
    if (isImport) {
        // options and arguments added above
    } else if (isInspect) {
        parser.addPositionalArgument(
            QStringLiteral("inspect"),
            QCoreApplication::translate("CommandLine",
                                        "Print every panel's queries after interpolation as "
                                        "JSON."));
        parser.addPositionalArgument(
            QCoreApplication::translate("CommandLine", "file"),
            QCoreApplication::translate("CommandLine", "The dashboard JSON file."));
        parser.addOption(varOption);
        parser.addOption(inspectWidthOption);
    } else if (isExport) {
        parser.addPositionalArgument(
            QStringLiteral("export"),
            QCoreApplication::translate("CommandLine", "Export a dashboard."));
        parser.addPositionalArgument(
            QCoreApplication::translate("CommandLine", "file"),
            QCoreApplication::translate("CommandLine", "The dashboard JSON file."));
        parser.addOption(outOption);
        parser.addOption(widthOption);
    } else {
        parser.addOption(refreshOption);
        parser.addPositionalArgument(
            QCoreApplication::translate("CommandLine", "file"),
            QCoreApplication::translate("CommandLine", "A dashboard JSON file to open."),
            QCoreApplication::translate("CommandLine", "[file]"));
    }
    parser.addOption(langOption);
    const QCommandLineOption provisionOption(
        QStringList{QStringLiteral("provision")},
        QCoreApplication::translate("CommandLine",
                                    "Apply a Grafana data-source provisioning file (YAML)."),
        QCoreApplication::translate("CommandLine", "file"));
    parser.addOption(provisionOption);
    const QCommandLineOption verboseOption(
        QStringList{QStringLiteral("verbose")},
        QCoreApplication::translate("CommandLine",
                                    "Log every HTTP request (method, URL, status, size, "
                                    "duration; never a secret) and debug messages to stderr."));
    parser.addOption(verboseOption);

    auto fail = [&](const QString &message) {
        o.mode = CommandLineOptions::Mode::Error;
        o.message =
            message + QLatin1Char('\n') +
            QCoreApplication::translate("CommandLine", "Run \"pharos --help\" for the usage.");
        return o;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        o.mode = CommandLineOptions::Mode::Help;
        o.message = parser.helpText();
        return o;
    }
    if (parser.isSet(versionOption)) {
        o.mode = CommandLineOptions::Mode::Version;
        o.message = QStringLiteral("pharos %1\n").arg(QStringLiteral(PHAROS_VERSION));
        return o;
    }

    QStringList positional = parser.positionalArguments();
    if (isImport) {
        o.mode = CommandLineOptions::Mode::Import;
        positional.removeFirst();
        if (positional.isEmpty())
            return fail(
                QCoreApplication::translate("CommandLine", "import: missing the dashboard file."));
        if (positional.size() > 1)
            return fail(
                QCoreApplication::translate("CommandLine", "import: unexpected argument \"%1\".")
                    .arg(positional.at(1)));
        o.file = positional.first();
        if (parser.isSet(jsonOutOption)) {
            o.output = parser.value(jsonOutOption);
            if (o.output.isEmpty())
                return fail(
                    QCoreApplication::translate("CommandLine", "import: -o needs a file name."));
        }
        o.inputs = parser.values(inputOption);
        for (const QString &in : std::as_const(o.inputs)) {
            const qsizetype eq = in.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return fail(QCoreApplication::translate(
                                "CommandLine",
                                "--input: \"%1\" is not NAME=VALUE, e.g. DS_PROMETHEUS=Prometheus.")
                                .arg(in));
        }
        if (parser.isSet(reportOption)) {
            o.report = parser.value(reportOption);
            if (o.report.isEmpty())
                return fail(
                    QCoreApplication::translate("CommandLine", "--report needs a file name."));
        }
    } else if (isInspect) {
        o.mode = CommandLineOptions::Mode::Inspect;
        positional.removeFirst();
        if (positional.isEmpty())
            return fail(
                QCoreApplication::translate("CommandLine", "inspect: missing the dashboard file."));
        if (positional.size() > 1)
            return fail(
                QCoreApplication::translate("CommandLine", "inspect: unexpected argument \"%1\".")
                    .arg(positional.at(1)));
        o.file = positional.first();
        o.vars = parser.values(varOption);
        for (const QString &v : std::as_const(o.vars)) {
            if (v.indexOf(QLatin1Char('=')) <= 0)
                return fail(QCoreApplication::translate(
                                "CommandLine", "--var: \"%1\" is not NAME=VALUES, e.g. job=api.")
                                .arg(v));
        }
        if (parser.isSet(inspectWidthOption)) {
            bool ok = false;
            const int w = parser.value(inspectWidthOption).toInt(&ok);
            if (!ok || w < 200 || w > 20000)
                return fail(QCoreApplication::translate(
                                "CommandLine",
                                "--width: \"%1\" is not a width between 200 and 20000 pixels.")
                                .arg(parser.value(inspectWidthOption)));
            o.width = w;
        }
    } else if (isExport) {
        o.mode = CommandLineOptions::Mode::Export;
        positional.removeFirst();
        if (positional.isEmpty())
            return fail(
                QCoreApplication::translate("CommandLine", "export: missing the dashboard file."));
        if (positional.size() > 1)
            return fail(
                QCoreApplication::translate("CommandLine", "export: unexpected argument \"%1\".")
                    .arg(positional.at(1)));
        o.file = positional.first();
        if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
            return fail(QCoreApplication::translate(
                "CommandLine", "export: missing the output file (-o OUT.png)."));
        o.output = parser.value(outOption);
        if (parser.isSet(widthOption)) {
            bool ok = false;
            const int w = parser.value(widthOption).toInt(&ok);
            if (!ok || w < 200 || w > 20000)
                return fail(QCoreApplication::translate(
                                "CommandLine",
                                "--width: \"%1\" is not a width between 200 and 20000 pixels.")
                                .arg(parser.value(widthOption)));
            o.width = w;
        }
    } else {
        if (positional.size() > 1)
            return fail(
                QCoreApplication::translate(
                    "CommandLine", "Unexpected argument \"%1\": give at most one dashboard file.")
                    .arg(positional.at(1)));
        if (!positional.isEmpty())
            o.file = positional.first();
        if (parser.isSet(refreshOption)) {
            const QString r = parser.value(refreshOption).trimmed();
            if (r.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
                o.refresh = QStringLiteral("off");
            } else {
                const auto ms = parseDurationMs(r);
                if (!ms || *ms <= 0)
                    return fail(QCoreApplication::translate(
                                    "CommandLine",
                                    "--refresh: \"%1\" is not a duration such as 10s, 1m or off.")
                                    .arg(r));
                o.refresh = r;
            }
        }
    }

    if (parser.isSet(dsOption)) {
        const QString text = parser.value(dsOption).trimmed();
        const QUrl url = QUrl::fromUserInput(text);
        const QString scheme = url.scheme();
        if (text.isEmpty() || !url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return fail(QCoreApplication::translate("CommandLine",
                                                    "--datasource: \"%1\" is not an http(s) URL.")
                            .arg(text));
        o.datasource = url.toString();
    }
    if (!isImport && parser.isSet(scrapeOption)) {
        const QString text = parser.value(scrapeOption).trimmed();
        const auto ms = parseDurationMs(text);
        if (!ms || *ms <= 0)
            return fail(
                QCoreApplication::translate(
                    "CommandLine", "--scrape-interval: \"%1\" is not a duration such as 15s or 1m.")
                    .arg(text));
        if (o.datasource.isEmpty())
            return fail(QCoreApplication::translate("CommandLine",
                                                    "--scrape-interval needs --datasource."));
        o.scrapeIntervalMs = int(std::min<qint64>(*ms, 24LL * 3600 * 1000));
    }
    QString error;
    if (!isImport && parser.isSet(fromOption)) {
        o.from = parser.value(fromOption).trimmed();
        if (!validTime(o.from, false, &error))
            return fail(QCoreApplication::translate("CommandLine", "--from: %1").arg(error));
    }
    if (!isImport && parser.isSet(toOption)) {
        o.to = parser.value(toOption).trimmed();
        if (!validTime(o.to, true, &error))
            return fail(QCoreApplication::translate("CommandLine", "--to: %1").arg(error));
    }
    if (!isImport && !isInspect && parser.isSet(maxSeriesOption)) {
        bool ok = false;
        const QString text = parser.value(maxSeriesOption).trimmed();
        const int n = text.toInt(&ok);
        if (!ok || n < 1 || n > MaxSeriesLimit)
            return fail(QCoreApplication::translate(
                            "CommandLine", "--max-series: \"%1\" is not a count between 1 and %2.")
                            .arg(text)
                            .arg(MaxSeriesLimit));
        o.maxSeries = n;
    }
    o.provisionFiles = parser.values(provisionOption);
    o.verbose = parser.isSet(verboseOption);
    if (parser.isSet(langOption)) {
        o.language = parser.value(langOption).trimmed();
        if (o.language.isEmpty())
            return fail(QCoreApplication::translate(
                "CommandLine", "--lang: give a language such as zh_CN or en."));
    }
    return o;
}

} // namespace pharos
