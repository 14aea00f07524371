// Pharos: opens Grafana dashboards with live Prometheus data, or exports them to PNG.
#include "app/applogging.h"
#include "app/cli/commandline.h"
#include "app/cli/datasourcecommand.h"
#include "app/cli/exporter.h"
#include "app/cli/importcommand.h"
#include "app/cli/inspect.h"
#include "app/editor/editcontrol.h"
#include "app/editor/recovery.h"
#include "app/installeddata.h"
#include "app/mainwindow.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/config/provisioning.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "panels/panelwidget.h"

#include <QApplication>

#include <QEventLoop>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

/// --lang, looked up before the full parse so that --help is already translated.
QString languageArgument(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return QString::fromLocal8Bit(argv[i] + 7);
    }
    return {};
}

void installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    if (locale.language() == QLocale::Chinese) {
        // The installed catalogue (/usr/share/pharos/translations), else the embedded one.
        auto *pharos = new QTranslator(&app);
        if (pharos->load(QStringLiteral("pharos_zh_CN.qm"), pharos::translationsDir()))
            QCoreApplication::installTranslator(pharos);
    }
    auto *qt = new QTranslator(&app);
    if (locale.language() != QLocale::English &&
        qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

/// Applies provisioning files before anything reads the data sources. Waits in a local event
/// loop (before any window exists; keychain jobs only, no network). Returns false on failure
/// (message on `err`).
bool applyProvisioning(const QStringList &files, pharos::CredentialStore *store, QTextStream &err)
{
    if (files.isEmpty())
        return true;
    auto *job = new pharos::ProvisioningJob(files, store);
    QEventLoop loop;
    bool ok = false;
    QObject::connect(job, &pharos::ProvisioningJob::finished, &loop, [&] {
        ok = job->ok();
        for (const QString &w : job->warnings())
            err << w << Qt::endl;
        if (!ok)
            err << job->errorString() << Qt::endl;
        loop.quit();
    });
    job->start();
    loop.exec();
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    // export renders without a display; import needs none
    // --help and --version print and exit: they need no display either.
    const bool printsOnly =
        std::any_of(rawArguments.cbegin() + 1, rawArguments.cend(), [](const QString &a) {
            return a == QLatin1String("--help") || a == QLatin1String("-h") ||
                   a == QLatin1String("--help-all") || a == QLatin1String("--version") ||
                   a == QLatin1String("-v");
        });
    if (pharos::isExportCommand(rawArguments) || pharos::isImportCommand(rawArguments) ||
        pharos::isInspectCommand(rawArguments) || printsOnly)
        qputenv("QT_QPA_PLATFORM", "offscreen");

    if (pharos::isDataSourceCommand(rawArguments)) {
        // `pharos datasource ...` needs no display.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("pharos"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PHAROS_VERSION));
        QCoreApplication::setOrganizationName(QStringLiteral("pharos"));
        installTranslations(app, languageArgument(argc, argv));
        QTextStream out(stdout);
        QTextStream err(stderr);
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        return pharos::runDataSourceCommand(app.arguments(), out, err, &in);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pharos"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pharos"));
    QApplication::setApplicationVersion(QStringLiteral(PHAROS_VERSION));
    QApplication::setOrganizationName(QStringLiteral("pharos"));
    QApplication::setWindowIcon(pharos::applicationIcon());
    QGuiApplication::setDesktopFileName(pharos::applicationId());
    installTranslations(app, languageArgument(argc, argv));

    const pharos::CommandLineOptions options = pharos::parseCommandLine(app.arguments());
    QTextStream out(stdout);
    QTextStream err(stderr);
    switch (options.mode) {
    case pharos::CommandLineOptions::Mode::Help:
    case pharos::CommandLineOptions::Mode::Version:
        out << options.message;
        out.flush();
        return 0;
    case pharos::CommandLineOptions::Mode::Error:
        err << options.message << Qt::endl;
        return 2;
    default:
        break;
    }
    if (options.verbose)
        pharos::enableVerboseLogging();

    // Secrets come from the keychain; provisioning files (the provisioning/ folder, then
    // --provision) are applied before the data sources are read.
    pharos::CredentialStore credentials;
    if (!applyProvisioning(pharos::Provisioning::defaultFiles(), &credentials, err))
        err << QCoreApplication::translate("main", "Continuing without those provisioned data "
                                                   "sources.")
            << Qt::endl;
    if (!applyProvisioning(options.provisionFiles, &credentials, err))
        return 1;

    pharos::DataSourceRegistry registry;
    registry.setCredentialStore(&credentials);
    for (const pharos::DataSourceSettings &s : pharos::DataSourceStore::load())
        registry.add(s);
    if (!options.datasource.isEmpty()) {
        pharos::DataSourceSettings s;
        s.uid = QStringLiteral("pharos-command-line");
        s.name = QCoreApplication::translate("main", "Command line (%1)").arg(options.datasource);
        s.url = QUrl(options.datasource);
        if (options.scrapeIntervalMs > 0) {
            // --datasource names a Prometheus-compatible server.
            pharos::PrometheusOptions prometheus;
            prometheus.scrapeIntervalMs = options.scrapeIntervalMs;
            prometheus.storeIn(&s);
        }
        registry.setOverride(registry.add(s));
    }

    // The per-panel series limit: --max-series, else the setting (default 2,000).
    pharos::PanelWidget::setDefaultMaxSeries(
        options.maxSeries > 0 ? options.maxSeries : pharos::MainWindow::seriesLimitSetting());

    if (options.mode == pharos::CommandLineOptions::Mode::Export)
        return pharos::exportDashboard(options, &registry, out, err);
    if (options.mode == pharos::CommandLineOptions::Mode::Import)
        return pharos::runImportCommand(options, &registry, out, err);
    if (options.mode == pharos::CommandLineOptions::Mode::Inspect)
        return pharos::runInspectCommand(options, &registry, out, err);

    pharos::MainWindow window(&registry);
    window.setCredentialStore(&credentials);
    window.setStartupOverrides(options.from, options.to, options.refresh);
    window.show();
    if (!options.file.isEmpty()) {
        // The window shows why the file cannot be opened; the command line says it too.
        const quint64 id = window.startOpenFile(options.file);
        QObject::connect(&window, &pharos::MainWindow::loadFinished, &window,
                         [&window, &err, id](quint64 finished, bool shown) {
                             if (finished == id && !shown && !window.lastError().isEmpty())
                                 err << window.lastError() << Qt::endl;
                         });
    }
    if (registry.dataSources().isEmpty())
        QTimer::singleShot(0, &window, &pharos::MainWindow::offerDataSourceSetup);
    if (qEnvironmentVariableIntValue("PHAROS_EDIT_CONTROL") == 1)
        new pharos::EditControl(&window); // tests only: commands on stdin
    // Unsaved edits of a session that crashed: offered once the window is up.
    QTimer::singleShot(0, &window, [&window] { pharos::offerRecovery(&window); });
    return app.exec();
}
