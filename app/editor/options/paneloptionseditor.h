#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace pharos {

class OverridesEditor;
class PanelOptionsSection;
class StandardOptionsEditor;
class ThresholdsEditor;
class ValueMappingsEditor;

/// The Options pane of the panel editor: the visualization (panel type) picker, a search
/// field over option names, and the sections for the panel's type, top to bottom:
/// "Panel options" (title, description, transparent), the type's own sections (legend,
/// tooltip, graph styles and axis for time series…: panelTypeOptions()), "Standard options"
/// (unit, decimals, min, max), "Thresholds", "Value mappings" and "Overrides".
///
/// setPanel() shows a panel without emitting changed(); applyTo() writes the options back
/// into a panel JSON, leaving the keys no section owns (targets, gridPos, datasource…)
/// untouched. Changing the visualization rebuilds the sections for the new type, keeps what
/// the types share (title, fieldConfig.defaults, thresholds, mappings, overrides) and
/// emits changed().
///
/// Object names of the controls (for tests and automation):
/// - the pane: "type" (QComboBox, item data = Grafana type id), "search" (QLineEdit),
///   "optionsScroll" (QScrollArea); each section's header is a QToolButton named
///   "sectionHeader" whose text is the section title (click: collapse / expand).
/// - Panel options: "title" (QLineEdit), "description" (QPlainTextEdit), "transparent"
///   (QCheckBox).
/// - Tooltip: "tooltipMode" (single, multi, none), "tooltipSort" (none, asc, desc).
/// - Legend: "showLegend" (QCheckBox), "legendMode" (list, table), "legendPlacement"
///   (bottom, right), "legendCalcs" (QListWidget of checkable items, data = reducer id).
/// - Graph styles: "drawStyle" (line, bars, points), "lineInterpolation", "lineWidth"
///   (QSpinBox), "fillOpacity" (QSpinBox), "gradientMode", "showPoints", "pointSize"
///   (QSpinBox), "spanNulls", "stacking" (none, normal, percent).
/// - Axis: "axisPlacement" (auto, left, right, hidden), "axisLabel", "axisSoftMin",
///   "axisSoftMax" (QLineEdit), "scaleType" (linear, log), "logBase" (2, 10).
/// - Thresholds (time series): "thresholdsStyle" (off, line, dashed, area, line+area,
///   dashed+area); the editors' own names are in their headers (unitpicker.h,
///   thresholdseditor.h, valuemappingseditor.h, overrideseditor.h).
/// Every combo's item data is the JSON value written.
class PanelOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PanelOptionsEditor(QWidget *parent = nullptr);
    ~PanelOptionsEditor() override;

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
    /// The collapse / expand header of a section; nullptr when none.
    QToolButton *sectionHeader(PanelOptionsSection *section) const;

    /// The mounted option editors; nullptr when the panel type has none.
    StandardOptionsEditor *standardOptions() const;
    ThresholdsEditor *thresholdsEditor() const;
    ValueMappingsEditor *mappingsEditor() const;
    OverridesEditor *overridesEditor() const;

Q_SIGNALS:
    void changed();

private:
    void rebuildSections(const QString &type);
    void loadSections(const QJsonObject &panel);
    void typePicked(int index);
    void applySearch();
    void fillTypeCombo(const QString &type);

    QComboBox *m_type = nullptr;
    QLineEdit *m_search = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    QList<PanelOptionsSection *> m_sections;
    QList<QToolButton *> m_headers; // per section
    QString m_sectionsType;         // the type the sections were made for
    struct SectionSet
    {
        QList<PanelOptionsSection *> sections;
        QList<QToolButton *> headers;
    };
    /// The sections of the other types met, out of the pane (unparented) until shown again.
    QHash<QString, SectionSet> m_cache;
    QJsonObject m_panel;
    /// After a change of type: the panel's options as they were made for the new type (the
    /// sections then only add the user's later edits); empty before any change of type.
    QJsonObject m_carried;
    bool m_typeChanged = false;
    /// Per type left: its options and custom field config, restored when it is picked again.
    QHash<QString, QJsonObject> m_typeCache;
    QStringList m_fieldNames;
    /// The form rows the search hid.
    QList<QPair<QPointer<QFormLayout>, int>> m_searchHidden;
    bool m_loading = false;
};

} // namespace pharos
