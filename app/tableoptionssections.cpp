#include "tableoptionssections.h"

#include "paneloptionsection.h"

namespace pharos {

QList<PanelOptionsSection *> tablePanelSections(QWidget *parent)
{
    Q_UNUSED(parent);
    return {};
}

} // namespace pharos
