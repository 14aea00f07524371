#pragma once

#include "app/editor/options/paneloptionsection.h"

#include <QJsonValue>
#include <QList>
#include <functional>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QWidget;

namespace pharos {

class PanelOptionsSection;

/// The options sections of the table panel: "Table" (show header, cell height, and the column
/// options of fieldConfig.defaults.custom: width, minimum width, alignment, cell type, column
/// filter; the
/// footer: shown, calculation, row count). The
/// per-column options Grafana keeps as overrides (hide, rename, width, alignment or cell type of
/// one column) are edited in the "Overrides" section (OverridesEditor offers custom.width,
/// custom.minWidth, custom.align, custom.cellOptions and custom.hidden for tables).
/// The sections are created with `parent`.
QList<PanelOptionsSection *> tablePanelSections(QWidget *parent);

/// "Table": a QFormLayout with a QLabel per row. Widgets (object names):
/// - "showHeader" (QCheckBox): options.showHeader (Grafana's default: shown);
/// - "cellHeight" (QComboBox, data "sm", "md", "lg"): options.cellHeight (rows of 36, 42 or
///   48 px; Grafana's default "sm");
/// - "columnWidth" (QSpinBox, 0 shows "Auto"): fieldConfig.defaults.custom.width in px;
/// - "minColumnWidth" (QSpinBox, 0 shows "Auto"): fieldConfig.defaults.custom.minWidth;
/// - "columnAlign" (QComboBox, data "auto", "left", "center", "right"): custom.align;
/// - "cellType" (QComboBox, data "auto", "color-text", "color-background"):
///   custom.cellOptions.type. A file's other cell type (gauge, sparkline...) is listed and
///   kept; an older custom.displayMode is shown and replaced by cellOptions once edited.
/// - "backgroundMode" (QComboBox, data "gradient", "basic") and "applyToRow" (QCheckBox):
///   custom.cellOptions.mode and .applyToRow of a color-background cell (enabled for it);
/// - "columnFilter" (QCheckBox): custom.filterable (a funnel in the headers filters rows);
/// - "showFooter" (QCheckBox): options.footer.show; switched on without a calculation in
///   the file, it also writes options.footer.reducer;
/// - "footerReducer" (QComboBox, data a calc id: "sum", "mean", "lastNotNull"...):
///   options.footer.reducer ([id]);
/// - "footerCountRows" (QCheckBox): options.footer.countRows (the footer counts the rows).
/// store() writes only the options the user changed; an option set back to what was loaded
/// writes the loaded JSON back, and "Auto" removes the key.
class TableOptionsSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    explicit TableOptionsSection(QWidget *parent = nullptr);
    QString title() const override;
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;

private:
    /// One option: its JSON path, what the file had, what the widget showed after load(),
    /// and the widget's current value (Undefined = remove the key).
    struct Option
    {
        QString path;
        QJsonValue loaded = QJsonValue(QJsonValue::Undefined);
        QJsonValue shownAtLoad = QJsonValue(QJsonValue::Undefined);
        bool touched = false;
        std::function<QJsonValue()> current;
    };
    void edited(int option);
    void updateFooterRows();
    void updateBackgroundRows();

    QCheckBox *m_showHeader = nullptr;
    QComboBox *m_cellHeight = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_minWidth = nullptr;
    QComboBox *m_align = nullptr;
    QComboBox *m_cellType = nullptr;
    QComboBox *m_backgroundMode = nullptr;
    QCheckBox *m_applyToRow = nullptr;
    QCheckBox *m_filterable = nullptr;
    QCheckBox *m_footerShow = nullptr;
    QComboBox *m_footerReducer = nullptr;
    QCheckBox *m_footerCountRows = nullptr;
    QList<Option> m_options;
    QJsonValue m_loadedDisplayMode = QJsonValue(QJsonValue::Undefined);
    bool m_loading = false;
};

} // namespace pharos
