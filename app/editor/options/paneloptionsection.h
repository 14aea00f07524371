#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWidget>

namespace pharos {

/// One group of options in the panel editor's Options pane: "Panel options", "Standard
/// options", "Legend", "Graph styles", "Stat styles", "Table"…
///
/// A section edits some keys of a Grafana panel's JSON (options, fieldConfig, title…):
/// load() shows them, store() writes them back, leaving every key it does not own untouched
/// (a file's unknown options survive an edit). Sections lay their options out in a
/// QFormLayout with a QLabel per row, so that the editor's search can match option names
/// and hide the rows that do not match (see PanelOptionsEditor).
class PanelOptionsSection : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// The translated title shown over the section ("Legend").
    virtual QString title() const = 0;
    /// Shows the panel's values. Must not emit changed().
    virtual void load(const QJsonObject &panel) = 0;
    /// Writes the section's keys into `panel`; every other key stays as it is.
    virtual void store(QJsonObject &panel) const = 0;
    /// The series or field names of the last preview (for pickers that name a field).
    virtual void setFieldNames(const QStringList &names) { Q_UNUSED(names); }

Q_SIGNALS:
    /// The user changed something (never emitted by load()).
    void changed();
};

} // namespace pharos
