#pragma once

#include "datasources/datasource.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pharos {

class CredentialStore;
class DataSourceDialog;
class DataSourceRegistry;

/// Applies the stored list to the registry in place: data sources are matched by uid (then
/// name) and updated with setSettings(), so their health and connections survive an edit;
/// new ones are added, missing ones removed. The command-line override is left alone.
void applyDataSourcesToRegistry(DataSourceRegistry *registry,
                                const QList<DataSourceSettings> &sources);

/// The "Data sources" window: every configured data source with its kind, URL, default
/// marker and health (green, red with the last error as tooltip, grey while unknown), and
/// Add, Edit, Remove (which deletes the secrets too), Set default and Check health. Add and
/// Edit open a DataSourceDialog. A data source with TLS verification off is shown with a
/// warning.
class DataSourceManager : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, UrlColumn, DefaultColumn, HealthColumn, ColumnCount };

    DataSourceManager(DataSourceRegistry *registry, CredentialStore *credentials,
                      QWidget *parent = nullptr);
    ~DataSourceManager() override;

    /// Re-reads the stored data sources and shows them.
    void reload();
    QList<DataSourceSettings> dataSources() const { return m_sources; }

    QTreeWidget *table() const { return m_table; }
    int currentRow() const;
    void setCurrentRow(int row);
    /// The row of the data source called `name`, -1 if none.
    int rowOf(const QString &name) const;
    /// The health cell of a row: its text and tooltip (the last error when failing).
    QString healthText(int row) const;
    QString healthToolTip(int row) const;
    /// The colour of the health marker (green, red, grey).
    QColor healthColor(int row) const;
    /// The warnings shown for a row (e.g. TLS verification off), empty when none.
    QString warningText(int row) const;

    /// Opens the editor for a new data source / the current one (non-modal, returned for tests).
    DataSourceDialog *addDataSource();
    DataSourceDialog *editCurrent();
    DataSourceDialog *editor() const;
    /// Removes the current data source (after asking; see setConfirmHandler()).
    bool removeCurrent();
    /// Makes the current data source the default.
    bool setCurrentDefault();
    /// Tests every data source now; health updates as the answers come.
    void checkHealth();
    /// The last error (storing failed...), shown under the list.
    QString statusText() const;

    /// Replaces the "Remove …?" question (tests): return true to go on.
    void setConfirmHandler(std::function<bool(const QString &question)> handler)
    {
        m_confirm = std::move(handler);
    }

Q_SIGNALS:
    /// The stored data sources (and the registry) changed.
    void dataSourcesChanged();

private:
    DataSourceDialog *openEditor(const DataSourceSettings &settings, bool isNew);
    void refreshTable();
    void updateHealth(int row);
    void connectHealth();
    bool store(const QString &doneText);
    void setStatus(const QString &text, bool error);
    void updateButtons();
    DataSource *sourceOf(int row) const;

    DataSourceRegistry *m_registry;
    QPointer<CredentialStore> m_credentials;
    QList<DataSourceSettings> m_sources;
    QTreeWidget *m_table;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_setDefault;
    QLabel *m_status;
    QPointer<DataSourceDialog> m_editor;
    QList<QPointer<DataSourceReply>> m_checks;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace pharos
