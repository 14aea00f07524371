#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace pharos {

/// One entry of a shared dashboard's `__inputs`: a data source to choose or a constant.
struct ImportInput
{
    enum class Kind { DataSource, Constant, Other };
    QString name;        // e.g. "DS_PROMETHEUS", "VAR_CLUSTER"
    QString label;       // what Grafana shows, e.g. "Prometheus"
    QString description; // may be empty
    Kind kind = Kind::Other;
    QString pluginId;     // data sources: "prometheus"
    QString defaultValue; // constants: the exported value
};

/// The `__inputs` of a dashboard (the object itself or an API envelope).
QList<ImportInput> dashboardInputs(const QJsonObject &dashboard);

/// Replaces every `${NAME}` of the given inputs in the dashboard's strings (keys are kept):
/// a string that is exactly `${NAME}` becomes the value; inside longer strings the text is
/// substituted. `values` maps input names to a data source name (or uid) or a constant.
/// Inputs without a value use `defaultDataSource` (data sources) or their exported value
/// (constants); an input still without a value stays as written. `__inputs` is removed
/// when every input got a value. Returns the names of the inputs that stayed unresolved.
QStringList applyImportInputs(QJsonObject *dashboard, const QHash<QString, QString> &values,
                              const QString &defaultDataSource = QString());

/// Parses `--input NAME=VALUE` arguments. Returns false with a translated *error on a
/// malformed one or a name the dashboard does not declare.
bool parseInputArguments(const QStringList &arguments, const QList<ImportInput> &inputs,
                         QHash<QString, QString> *values, QString *error);

} // namespace pharos
