#include "reducedoptionssections.h"

#include "paneloptionsection.h"

namespace pharos {

QList<PanelOptionsSection *> reducedPanelSections(const QString &type, QWidget *parent)
{
    Q_UNUSED(type);
    Q_UNUSED(parent);
    return {};
}

} // namespace pharos
