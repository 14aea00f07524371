#pragma once

#include "datasources/datasource.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <memory>

namespace pharos {

class CredentialStore;

/// The configured data sources of a session, and the resolution of the data-source
/// references found in dashboard files.
class DataSourceRegistry : public QObject
{
    Q_OBJECT
public:
    explicit DataSourceRegistry(QObject *parent = nullptr);
    ~DataSourceRegistry() override;

    /// Where data sources with secrets get them from. When set, add() (and setCredentialStore()
    /// for those already added) reads each data source's secrets asynchronously and hands them
    /// to it (requests wait until then). Not owned.
    void setCredentialStore(CredentialStore *store);
    CredentialStore *credentialStore() const { return m_credentials; }
    /// Reads the secrets of `source` again (after they were changed in the keychain).
    void reloadSecrets(DataSource *source);

    /// Creates the data source for `settings.type` (datasourcefactory.h) and owns it.
    DataSource *add(const DataSourceSettings &settings);
    void remove(const QString &name);
    void clear();
    QList<DataSource *> dataSources() const;
    DataSource *byName(const QString &name) const;
    DataSource *byUid(const QString &uid) const;
    /// The one marked default, else the first, else nullptr.
    DataSource *defaultSource() const;

    /// When set (`--datasource URL`), every reference resolves to this data source.
    void setOverride(DataSource *source);
    DataSource *overrideSource() const;

    /// Resolves a panel's or target's `datasource` field as Grafana files write it:
    /// null, "", "default", a variable ("$ds", "${DS_X}", "[[ds]]", {uid:"$ds"}) -> default;
    /// a name or uid string, or {type, uid} -> that data source.
    /// "-- Mixed --" / {uid:"-- Mixed --"} -> nullptr with *isMixed = true (targets decide).
    /// "-- Grafana --" and unknown names -> nullptr and a translated *error such as
    /// "Data source \"X\" is not configured."
    DataSource *resolve(const QJsonValue &ref, QString *error = nullptr,
                        bool *isMixed = nullptr) const;

Q_SIGNALS:
    void changed();
    /// Any data source's health() changed.
    void healthChanged(pharos::DataSource *source);

private:
    std::vector<std::unique_ptr<DataSource>> m_sources;
    DataSource *m_override = nullptr;
    CredentialStore *m_credentials = nullptr;
};

} // namespace pharos
