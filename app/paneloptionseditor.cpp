#include "paneloptionseditor.h"

#include "paneloptionsection.h"

#include <QComboBox>
#include <QLineEdit>

// Placeholder until the options pane lands: keeps the panel's options unchanged.

namespace pharos {

PanelOptionsEditor::PanelOptionsEditor(QWidget *parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_search(new QLineEdit(this))
{
}

void PanelOptionsEditor::setPanel(const QJsonObject &panel)
{
    m_panel = panel;
}

QJsonObject PanelOptionsEditor::applyTo(const QJsonObject &panel) const
{
    return panel;
}

QString PanelOptionsEditor::panelType() const
{
    return m_panel.value(QLatin1String("type")).toString();
}

void PanelOptionsEditor::setFieldNames(const QStringList &names)
{
    Q_UNUSED(names);
}

QComboBox *PanelOptionsEditor::typeCombo() const
{
    return m_type;
}

QLineEdit *PanelOptionsEditor::searchEdit() const
{
    return m_search;
}

QList<PanelOptionsSection *> PanelOptionsEditor::sections() const
{
    return m_sections;
}

PanelOptionsSection *PanelOptionsEditor::section(const QString &title) const
{
    for (PanelOptionsSection *s : m_sections)
        if (s->title() == title)
            return s;
    return nullptr;
}

} // namespace pharos
