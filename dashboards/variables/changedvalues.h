#pragma once

#include <QJsonArray>
#include <QStringList>

namespace pharos {

class VariableSet;

/// "Save current variable values", as Grafana offers it when saving (the app asks
/// the question).
///
/// The names of the variables whose selection (values, or ad hoc filters) differs from the
/// `current` (or `filters`) saved in `fileList`, the file's `templating.list`, and also from
/// `openedList` (the selection the dashboard opened with, DashboardView::openedVariables();
/// empty = unknown), so a default picked by Pharos itself (no `current` in the file) is not
/// a change. Constants, and variables the file does not have, are ignored.
QStringList changedVariableValues(const VariableSet &variables, const QJsonArray &fileList,
                                  const QJsonArray &openedList = {});

} // namespace pharos
