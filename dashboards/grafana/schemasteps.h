#pragma once

// The per-version schema steps of a panel, as Grafana's DashboardMigrator has them: one
// function per schemaVersion, walked in order by GrafanaMigrator (grafanamigrator.cpp).

#include <QJsonObject>
#include <QString>
#include <functional>
#include <span>

namespace pharos::migration {

/// Adds a (translated) note to the import report entry of `panel`.
using PanelNote = std::function<void(const QJsonObject &panel, const QString &text)>;

/// The change schema `version` made to a panel: it applies to every panel (rows and the
/// panels in rows included) of a dashboard whose schemaVersion is below `version`.
struct PanelSchemaStep
{
    int version;
    void (*migrate)(QJsonObject &panel, const PanelNote &note);
};

/// The panel steps, in version order.
std::span<const PanelSchemaStep> panelSchemaSteps();

} // namespace pharos::migration
