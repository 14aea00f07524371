#pragma once

#include "datasources/datasource.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace pharos {

/// The settings of the `alertmanager` data source type, kept in DataSourceSettings::jsonData
/// as Grafana's Alertmanager data source keeps them.
struct AlertmanagerOptions
{
    /// Which server implements the API ("implementation"). Grafana's default is Mimir.
    enum class Implementation {
        Prometheus, // the Prometheus Alertmanager: the API is at <url>/api/v2
        Mimir,      // Grafana Mimir: at <url>/alertmanager/api/v2
        Cortex,     // Cortex: at <url>/alertmanager/api/v2
    };

    Implementation implementation = Implementation::Mimir;

    static AlertmanagerOptions fromJson(const QJsonObject &jsonData);
    /// Keeps the keys of `jsonData` it does not own (e.g. handleGrafanaManagedAlerts).
    QJsonObject toJson(QJsonObject jsonData = {}) const;
    /// The options of a data source's settings / stores them there.
    static AlertmanagerOptions of(const DataSourceSettings &settings);
    void storeIn(DataSourceSettings *settings) const;

    /// "/alertmanager" for Mimir and Cortex, else empty: what comes before /api/v2.
    QString apiPrefix() const;
    /// The URL requests go to: `url` + apiPrefix().
    QUrl effectiveUrl(const QUrl &url) const;

    bool operator==(const AlertmanagerOptions &o) const = default;
};

/// "prometheus", "mimir", "cortex".
QString alertmanagerImplementationName(AlertmanagerOptions::Implementation implementation);
/// Parses an implementation name (case-insensitive); false when unknown.
bool alertmanagerImplementationFromName(const QString &name,
                                        AlertmanagerOptions::Implementation *implementation);
/// Display name: "Prometheus", "Mimir", "Cortex".
QString alertmanagerImplementationDisplayName(AlertmanagerOptions::Implementation implementation);

} // namespace pharos
