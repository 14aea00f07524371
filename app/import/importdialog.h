#pragma once

#include "dashboards/grafana/importinputs.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QLineEdit;

namespace pharos {

class DataSourceRegistry;

/// Asks for the values of a shared dashboard's `__inputs`: a configured data source for each
/// data-source input (the default data source is preselected) and a value for each constant
/// (its exported value is prefilled).
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QString &dashboardTitle, const QList<ImportInput> &inputs,
                 const DataSourceRegistry *registry, QWidget *parent = nullptr);

    /// Input name -> data source name or constant value.
    QHash<QString, QString> values() const;

    QComboBox *dataSourceBox(const QString &inputName) const { return m_boxes.value(inputName); }
    QLineEdit *valueEdit(const QString &inputName) const { return m_edits.value(inputName); }

private:
    QHash<QString, QComboBox *> m_boxes;
    QHash<QString, QLineEdit *> m_edits;
};

} // namespace pharos
