#include "datasources/datasourceregistry.h"

#include "datasources/config/credentialstore.h"
#include "datasources/datasourcefactory.h"
#include "datasources/datasourceref.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>

namespace pharos {

namespace {

bool isBuiltIn(const QString &s)
{
    return s == QLatin1String("-- Grafana --") || s == QLatin1String("-- Dashboard --") ||
           s == QLatin1String("grafana");
}

} // namespace

DataSourceRegistry::DataSourceRegistry(QObject *parent) : QObject(parent) {}

DataSourceRegistry::~DataSourceRegistry() = default;

void DataSourceRegistry::setCredentialStore(CredentialStore *store)
{
    m_credentials = store;
    for (const auto &s : m_sources) {
        if (s->settings().hasSecrets() && !s->secretsReady())
            reloadSecrets(s.get());
    }
}

void DataSourceRegistry::reloadSecrets(DataSource *source)
{
    if (!m_credentials || !source || !source->settings().hasSecrets())
        return;
    QPointer<DataSource> guard(source);
    CredentialJob *job = m_credentials->read(source->settings().secretRef());
    connect(job, &CredentialJob::finished, this, [job, guard] {
        if (!guard)
            return;
        if (job->error() == CredentialJob::Error::None)
            guard->setSecrets(job->secrets());
        else if (job->error() == CredentialJob::Error::NotFound)
            guard->setSecretsUnavailable(
                tr("no secrets are stored for \"%1\"; enter them again in the data source "
                   "settings")
                    .arg(guard->settings().name));
        else
            guard->setSecretsUnavailable(job->errorString());
    });
}

DataSource *DataSourceRegistry::add(const DataSourceSettings &settings)
{
    std::unique_ptr<DataSource> source = createDataSource(settings);
    DataSource *raw = source.get();
    connect(raw, &DataSource::healthChanged, this, [this, raw] { Q_EMIT healthChanged(raw); });
    m_sources.push_back(std::move(source));
    if (settings.hasSecrets())
        reloadSecrets(raw);
    Q_EMIT changed();
    return raw;
}

void DataSourceRegistry::remove(const QString &name)
{
    for (auto it = m_sources.begin(); it != m_sources.end(); ++it) {
        if ((*it)->settings().name == name) {
            if (m_override == it->get())
                m_override = nullptr;
            m_sources.erase(it);
            Q_EMIT changed();
            return;
        }
    }
}

void DataSourceRegistry::clear()
{
    m_override = nullptr;
    m_sources.clear();
    Q_EMIT changed();
}

QList<DataSource *> DataSourceRegistry::dataSources() const
{
    QList<DataSource *> list;
    for (const auto &s : m_sources)
        list << s.get();
    return list;
}

DataSource *DataSourceRegistry::byName(const QString &name) const
{
    for (const auto &s : m_sources) {
        if (s->settings().name == name)
            return s.get();
    }
    return nullptr;
}

DataSource *DataSourceRegistry::byUid(const QString &uid) const
{
    if (uid.isEmpty())
        return nullptr;
    for (const auto &s : m_sources) {
        if (s->settings().uid == uid)
            return s.get();
    }
    return nullptr;
}

DataSource *DataSourceRegistry::defaultSource() const
{
    for (const auto &s : m_sources) {
        if (s->settings().isDefault)
            return s.get();
    }
    return m_sources.empty() ? nullptr : m_sources.front().get();
}

void DataSourceRegistry::setOverride(DataSource *source)
{
    m_override = source;
    Q_EMIT changed();
}

DataSource *DataSourceRegistry::overrideSource() const
{
    return m_override;
}

DataSource *DataSourceRegistry::resolve(const QJsonValue &ref, QString *error, bool *mixed) const
{
    if (mixed)
        *mixed = false;
    if (error)
        error->clear();

    auto fallback = [&]() -> DataSource * {
        DataSource *d = m_override ? m_override : defaultSource();
        if (!d && error)
            *error = tr("No data source is configured.");
        return d;
    };
    auto notConfigured = [&](const QString &what) -> DataSource * {
        if (m_override)
            return m_override;
        if (error)
            *error = tr("Data source \"%1\" is not configured.").arg(what);
        return nullptr;
    };
    auto builtIn = [&](const QString &what) -> DataSource * {
        if (error)
            *error = tr("Data source \"%1\" is not supported by Pharos.").arg(what);
        return nullptr;
    };
    auto mixedResult = [&]() -> DataSource * {
        if (mixed)
            *mixed = true;
        return nullptr;
    };
    auto byKey = [&](const QString &key) -> DataSource * {
        if (DataSource *d = byUid(key))
            return m_override ? m_override : d;
        if (DataSource *d = byName(key))
            return m_override ? m_override : d;
        return nullptr;
    };

    if (ref.isNull() || ref.isUndefined())
        return fallback();
    if (ref.isString()) {
        const QString s = ref.toString().trimmed();
        if (s.isEmpty() || s.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0 ||
            datasourceref::isVariable(s))
            return fallback();
        if (datasourceref::isMixed(s))
            return mixedResult();
        if (isBuiltIn(s))
            return builtIn(s);
        if (DataSource *d = byKey(s))
            return d;
        return notConfigured(s);
    }
    if (ref.isObject()) {
        const QJsonObject o = ref.toObject();
        const QString uid = o.value(QLatin1String("uid")).toString().trimmed();
        const QString type = o.value(QLatin1String("type")).toString();
        if (datasourceref::isMixed(uid))
            return mixedResult();
        if (isBuiltIn(uid) || (type == QLatin1String("datasource") && uid.isEmpty()) ||
            type == QLatin1String("grafana"))
            return builtIn(uid.isEmpty() ? type : uid);
        if (uid.isEmpty() || datasourceref::isVariable(uid) ||
            uid.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0)
            return fallback();
        if (DataSource *d = byKey(uid))
            return d;
        return notConfigured(uid);
    }
    if (error)
        *error = tr("Invalid data source reference.");
    return nullptr;
}

} // namespace pharos
