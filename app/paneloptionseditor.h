#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace pharos {

class PanelOptionsSection;

/// The Options pane of the panel editor: the visualization (panel type) picker, a search
/// field over option names, and the sections for the panel's type, top to bottom:
/// "Panel options" (title, description, transparent), the type's own sections (legend,
/// tooltip, graph styles and axis for time series; reducedPanelSections();
/// tablePanelSections()), "Standard options" (unit, decimals, min, max), "Thresholds",
/// "Value mappings" and "Overrides".
///
/// setPanel() shows a panel without emitting changed(); applyTo() writes the options back
/// into a panel JSON, leaving the keys no section owns (targets, gridPos, datasource…)
/// untouched. Changing the visualization rebuilds the sections for the new type, keeps what
/// the types share (title, fieldConfig.defaults, thresholds, mappings, overrides) and
/// emits changed().
class PanelOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PanelOptionsEditor(QWidget *parent = nullptr);

    void setPanel(const QJsonObject &panel);
    QJsonObject applyTo(const QJsonObject &panel) const;
    /// The panel type shown ("timeseries").
    QString panelType() const;

    /// The series names of the last preview: offered by the overrides' name matcher.
    void setFieldNames(const QStringList &names);

    QComboBox *typeCombo() const;
    QLineEdit *searchEdit() const;
    /// The sections shown now, top to bottom.
    QList<PanelOptionsSection *> sections() const;
    /// The section with this (translated) title; nullptr when none.
    PanelOptionsSection *section(const QString &title) const;

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_type = nullptr;
    QLineEdit *m_search = nullptr;
    QList<PanelOptionsSection *> m_sections;
    QJsonObject m_panel;
};

} // namespace pharos
