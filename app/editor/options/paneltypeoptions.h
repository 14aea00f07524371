#pragma once

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace pharos {

class PanelOptionsSection;

/// What the panel editor's Options pane shows for one panel type, between "Panel options"
/// (every type) and the field sections. Registered per type in paneltypeoptions.cpp.
struct PanelTypeOptions
{
    /// The type's own sections (legend, graph styles, value options…), top to bottom.
    std::function<QList<PanelOptionsSection *>(QWidget *parent)> sections;
    bool standardOptions = true;  // "Standard options": unit, decimals, min, max
    bool fieldOptions = true;     // "Thresholds", "Value mappings" and "Overrides"
    bool thresholdsStyle = false; // the Thresholds section offers "Show thresholds"
};

/// The options of `type`. A type Pharos does not draw gets the common sections only.
PanelTypeOptions panelTypeOptions(const QString &type);

} // namespace pharos
