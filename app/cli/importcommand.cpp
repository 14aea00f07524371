#include "app/cli/importcommand.h"

#include "dashboards/grafana/importer.h"
#include "datasources/datasourceregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

namespace pharos {

namespace {

bool writeJson(const QString &path, const QJsonObject &json, QString *error)
{
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("ImportCommand", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString defaultDataSourceName(const DataSourceRegistry *registry)
{
    if (!registry)
        return QString();
    const DataSource *override = registry->overrideSource();
    const DataSource *first = nullptr;
    for (const DataSource *d : registry->dataSources()) {
        if (d == override)
            continue;
        if (d->settings().isDefault)
            return d->settings().name;
        if (!first)
            first = d;
    }
    return first ? first->settings().name : QString();
}

MigrationOptions migrationOptionsFor(const DataSourceRegistry *registry)
{
    MigrationOptions options;
    if (!registry)
        return options;
    // A snapshot of the registry, so the migration can run on a worker thread while the
    // registry changes on the UI thread. Names win over uids, as in DataSourceRegistry.
    QHash<QString, QJsonObject> byName, byUid;
    for (const DataSource *d : registry->dataSources()) {
        if (d == registry->overrideSource())
            continue;
        const QJsonObject ref{{QStringLiteral("type"), d->settings().type},
                              {QStringLiteral("uid"), d->settings().uid}};
        if (!byName.contains(d->settings().name))
            byName.insert(d->settings().name, ref);
        if (!d->settings().uid.isEmpty() && !byUid.contains(d->settings().uid))
            byUid.insert(d->settings().uid, ref);
    }
    const DataSource *def = registry->defaultSource();
    if (def && def != registry->overrideSource())
        options.defaultDataSource = QJsonObject{{QStringLiteral("type"), def->settings().type},
                                                {QStringLiteral("uid"), def->settings().uid}};
    options.lookupDataSource = [byName, byUid](const QString &name) {
        const auto it = byName.constFind(name);
        if (it != byName.constEnd())
            return *it;
        return byUid.value(name);
    };
    return options;
}

int runImportCommand(const CommandLineOptions &options, const DataSourceRegistry *registry,
                     QTextStream &out, QTextStream &err)
{
    QString error;
    const auto source = readImportSource(options.file, &error);
    if (!source) {
        err << error << Qt::endl;
        return 2;
    }
    QHash<QString, QString> values;
    if (!parseInputArguments(options.inputs, source->inputs, &values, &error)) {
        err << error << Qt::endl;
        return 2;
    }
    const auto result = importDashboard(*source, values, defaultDataSourceName(registry),
                                        migrationOptionsFor(registry), &error);
    if (!result) {
        err << QCoreApplication::translate("ImportCommand", "%1: %2")
                   .arg(QDir::toNativeSeparators(options.file), error)
            << Qt::endl;
        return 2;
    }
    for (const QString &name : result->unresolvedInputs)
        err << QCoreApplication::translate(
                   "ImportCommand",
                   "Input %1 has no value and no data source is configured; the dashboard "
                   "uses the default data source wherever it refers to it. Give one with "
                   "--input %1=NAME.")
                   .arg(name)
            << Qt::endl;

    if (!options.report.isEmpty() && !writeJson(options.report, result->report.toJson(), &error)) {
        err << error << Qt::endl;
        return 2;
    }
    const ImportReport &r = result->report;
    const QString summary =
        QCoreApplication::translate("ImportCommand",
                                    "Imported %1 panel(s) from schema %2 to %3: %4 converted, "
                                    "%5 unchanged, %6 unsupported (shown as placeholders).")
            .arg(r.panels.size())
            .arg(r.fromSchemaVersion)
            .arg(r.toSchemaVersion)
            .arg(r.count(ImportReportEntry::Status::Converted))
            .arg(r.count(ImportReportEntry::Status::Unchanged))
            .arg(r.count(ImportReportEntry::Status::Unsupported));
    if (options.output.isEmpty()) {
        out << QString::fromUtf8(
            QJsonDocument(result->dashboard.toJson()).toJson(QJsonDocument::Indented));
        out.flush();
        err << summary << Qt::endl;
        return 0;
    }
    if (!writeJson(options.output, result->dashboard.toJson(), &error)) {
        err << error << Qt::endl;
        return 2;
    }
    out << summary << Qt::endl << QDir::toNativeSeparators(options.output) << Qt::endl;
    return 0;
}

} // namespace pharos
