#include "dashboards/grafana/importinputs.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pharos {

namespace {

QJsonValue substitute(const QJsonValue &v, const QHash<QString, QString> &resolved)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (!s.contains(QLatin1String("${")))
            return v;
        if (s.startsWith(QLatin1String("${")) && s.endsWith(QLatin1Char('}'))) {
            const QString name = s.mid(2, s.size() - 3);
            if (const auto it = resolved.constFind(name); it != resolved.constEnd())
                return *it;
        }
        QString out = s;
        for (auto it = resolved.constBegin(); it != resolved.constEnd(); ++it)
            out.replace(QStringLiteral("${%1}").arg(it.key()), it.value());
        return out;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = substitute(a.at(i), resolved);
        return a;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = substitute(it.value(), resolved);
        return o;
    }
    return v;
}

} // namespace

QList<ImportInput> dashboardInputs(const QJsonObject &dashboard)
{
    QJsonObject d = dashboard;
    if (!d.contains(QLatin1String("__inputs")) && d.value(QLatin1String("dashboard")).isObject())
        d = d.value(QLatin1String("dashboard")).toObject();
    QList<ImportInput> out;
    for (const QJsonValue &v : d.value(QLatin1String("__inputs")).toArray()) {
        const QJsonObject o = v.toObject();
        ImportInput in;
        in.name = o.value(QLatin1String("name")).toString().trimmed();
        if (in.name.isEmpty())
            continue;
        in.label = o.value(QLatin1String("label")).toString();
        if (in.label.isEmpty())
            in.label = in.name;
        in.description = o.value(QLatin1String("description")).toString();
        const QString type = o.value(QLatin1String("type")).toString();
        if (type == QLatin1String("datasource"))
            in.kind = ImportInput::Kind::DataSource;
        else if (type == QLatin1String("constant"))
            in.kind = ImportInput::Kind::Constant;
        in.pluginId = o.value(QLatin1String("pluginId")).toString();
        const QJsonValue value = o.value(QLatin1String("value"));
        in.defaultValue = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
        out.append(in);
    }
    return out;
}

QStringList applyImportInputs(QJsonObject *dashboard, const QHash<QString, QString> &values,
                              const QString &defaultDataSource)
{
    const QList<ImportInput> inputs = dashboardInputs(*dashboard);
    QHash<QString, QString> resolved;
    QStringList unresolved;
    for (const ImportInput &in : inputs) {
        QString value = values.value(in.name);
        if (value.isEmpty()) {
            if (in.kind == ImportInput::Kind::DataSource)
                value = defaultDataSource;
            else
                value = in.defaultValue;
        }
        if (value.isEmpty())
            unresolved << in.name;
        else
            resolved.insert(in.name, value);
    }
    if (resolved.isEmpty()) {
        if (unresolved.isEmpty())
            dashboard->remove(QLatin1String("__inputs"));
        return unresolved;
    }
    QJsonObject out;
    for (auto it = dashboard->constBegin(); it != dashboard->constEnd(); ++it) {
        if (it.key() == QLatin1String("__inputs"))
            out.insert(it.key(), it.value());
        else
            out.insert(it.key(), substitute(it.value(), resolved));
    }
    if (unresolved.isEmpty())
        out.remove(QLatin1String("__inputs"));
    *dashboard = out;
    return unresolved;
}

bool parseInputArguments(const QStringList &arguments, const QList<ImportInput> &inputs,
                         QHash<QString, QString> *values, QString *error)
{
    for (const QString &arg : arguments) {
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? QString() : arg.left(eq).trimmed();
        if (eq <= 0 || name.isEmpty()) {
            *error = QCoreApplication::translate(
                         "pharos::ImportInputs",
                         "--input: \"%1\" is not NAME=VALUE, e.g. DS_PROMETHEUS=Prometheus.")
                         .arg(arg);
            return false;
        }
        const bool known = std::any_of(inputs.cbegin(), inputs.cend(),
                                       [&](const ImportInput &in) { return in.name == name; });
        if (!known) {
            QStringList names;
            for (const ImportInput &in : inputs)
                names << in.name;
            *error = names.isEmpty()
                         ? QCoreApplication::translate("pharos::ImportInputs",
                                                       "--input: the dashboard has no input "
                                                       "\"%1\"; it declares no inputs.")
                               .arg(name)
                         : QCoreApplication::translate(
                               "pharos::ImportInputs",
                               "--input: the dashboard has no input \"%1\"; its inputs are: %2.")
                               .arg(name, names.join(QLatin1String(", ")));
            return false;
        }
        values->insert(name, arg.mid(eq + 1).trimmed());
    }
    return true;
}

} // namespace pharos
