#include "app/settings/savevariablesdialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QMessageBox>

namespace pharos {

std::optional<bool> askSaveVariableValues(QWidget *parent, const QStringList &changed)
{
    QMessageBox box(QMessageBox::Question,
                    QCoreApplication::translate("pharos::SaveVariables", "Save dashboard"),
                    QCoreApplication::translate(
                        "pharos::SaveVariables",
                        "The selected values of these variables differ from the dashboard's "
                        "defaults: %1.")
                        .arg(changed.join(QLatin1String(", "))),
                    QMessageBox::Save | QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("saveVariablesQuestion"));
    auto *update = new QCheckBox(
        QCoreApplication::translate("pharos::SaveVariables", "Update default variable values"),
        &box);
    update->setObjectName(QStringLiteral("updateVariableDefaults"));
    box.setCheckBox(update);
    box.setDefaultButton(QMessageBox::Save);
    if (box.exec() != QMessageBox::Save)
        return std::nullopt;
    return update->isChecked();
}

} // namespace pharos
