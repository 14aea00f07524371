#pragma once

#include <QList>

class QWidget;

namespace pharos {

class PanelOptionsSection;

/// The options sections of the table panel: "Table" (show header, and the column options of
/// fieldConfig.defaults.custom: width, minimum width, alignment, cell type, filter) and the
/// per-column options that Grafana keeps as overrides (hide, rename, width of one column).
/// The sections are created with `parent`.
QList<PanelOptionsSection *> tablePanelSections(QWidget *parent);

} // namespace pharos
