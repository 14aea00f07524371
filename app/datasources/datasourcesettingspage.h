#pragma once

#include "datasources/datasource.h"

#include <QStringList>
#include <QWidget>
#include <memory>

namespace pharos {

/// The part of the data source dialog that edits one type's own settings (its jsonData).
/// The dialog edits the common fields, the HTTP options and the secrets; each type brings a
/// page, registered in createSettingsPage().
class DataSourceSettingsPage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows the type's settings of `settings`.
    virtual void load(const DataSourceSettings &settings) = 0;
    /// Writes what is shown into `settings` (its jsonData); problems the user must fix go to
    /// *problems (translated).
    virtual void store(DataSourceSettings *settings, QStringList *problems) const = 0;

Q_SIGNALS:
    /// The user changed something that changes what the dialog shows.
    void changed();
};

/// The page for a data source type (DataSourceSettings::type), or nullptr when the type has
/// no settings of its own.
std::unique_ptr<DataSourceSettingsPage> createSettingsPage(const QString &type,
                                                           QWidget *parent = nullptr);

} // namespace pharos
