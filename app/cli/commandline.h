#pragma once

#include <QString>
#include <QStringList>

namespace pharos {

/// What the command line asked for.
struct CommandLineOptions
{
    enum class Mode { Window, Export, Import, Inspect, Help, Version, Error };
    Mode mode = Mode::Window;
    QString file;               // dashboard file (window: optional; export, import: required)
    QString output;             // export: -o (PNG); import: -o (JSON; empty = stdout)
    QStringList inputs;         // import: --input NAME=VALUE, as given
    QString report;             // import: --report REPORT.json
    QString datasource;         // --datasource URL (empty = configured data sources)
    int scrapeIntervalMs = 0;   // --scrape-interval of that server (0 = the default, 15 s)
    QString from;               // --from (empty = the dashboard's)
    QString to;                 // --to
    QString refresh;            // --refresh (empty = the dashboard's); "off" allowed
    QString language;           // --lang, e.g. zh_CN (empty = system locale)
    int width = 1600;           // export, inspect: --width
    int maxSeries = 0;          // window, export: --max-series (0 = the setting, 2,000)
    QStringList vars;           // inspect: --var NAME=V1,V2, as given
    QStringList provisionFiles; // --provision FILE (repeatable): data-source provisioning YAML
    bool verbose = false;       // --verbose: debug logging and the HTTP request log on stderr
    QString message;            // Help/Version: text for stdout; Error: text for stderr
};

/// The largest --max-series (and series-limit setting) accepted.
constexpr int MaxSeriesLimit = 1000000;

/// Parses `arguments` (argv including the program name). Never exits; the caller prints
/// `message` and returns the exit code (0 for Help/Version, 2 for Error).
CommandLineOptions parseCommandLine(const QStringList &arguments);
/// True when the first positional argument (after any options) is the `export` command.
bool isExportCommand(const QStringList &arguments);
/// True when the first positional argument is the `import` command.
bool isImportCommand(const QStringList &arguments);
/// True when the first positional argument is the `inspect` command.
bool isInspectCommand(const QStringList &arguments);

} // namespace pharos
