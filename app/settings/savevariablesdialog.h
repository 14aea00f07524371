#pragma once

#include "dashboards/variables/changedvalues.h"

#include <QStringList>
#include <optional>

class QWidget;

namespace pharos {

/// Asks whether to write the current values as the new defaults: a Save/Cancel question
/// with an "Update default variable values" check box (unchecked). Returns nullopt when
/// cancelled, else whether the box was checked. `changed` comes from changedVariableValues()
/// (dashboards/variables/changedvalues.h).
std::optional<bool> askSaveVariableValues(QWidget *parent, const QStringList &changed);

} // namespace pharos
