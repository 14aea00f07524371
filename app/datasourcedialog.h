#pragma once

#include "datasource.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pharos {

class DataSourceRegistry;

/// Edits the configured data sources: name, URL, timeout, scrape interval and the default
/// flag. "Save & Test" stores them (DataSourceStore), updates the registry, then tests the
/// selected one asynchronously and shows the server's version or exactly what failed.
class DataSourceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DataSourceDialog(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~DataSourceDialog() override;

    /// Re-reads the stored data sources.
    void reload();
    QList<DataSourceSettings> dataSources() const { return m_sources; }

    // The parts (tests drive them).
    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QSpinBox *timeoutEdit() const { return m_timeout; }
    QLineEdit *scrapeIntervalEdit() const { return m_scrape; }
    QCheckBox *defaultCheck() const { return m_default; }
    QPushButton *saveAndTestButton() const { return m_saveTest; }
    /// The result line: "Testing…", the success text with the version, or the failure.
    QString resultText() const;
    bool isTesting() const { return !m_reply.isNull(); }

    void addDataSource();
    void removeCurrent();
    /// Validates and stores the form, then starts the test. False when the form is invalid
    /// or storing failed (the reason is the result text).
    bool saveAndTest();

Q_SIGNALS:
    /// The stored data sources (and the registry) changed.
    void dataSourcesChanged();
    /// The test ended; `ok` false when it failed.
    void testFinished(bool ok, const QString &text);

private:
    void showCurrent();
    bool commitForm(QString *error);
    void refreshList();
    void syncRegistry();
    void setResult(const QString &text, bool error);

    DataSourceRegistry *m_registry;
    QList<DataSourceSettings> m_sources;
    int m_current = -1;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QSpinBox *m_timeout;
    QLineEdit *m_scrape;
    QCheckBox *m_default;
    QPushButton *m_saveTest;
    QLabel *m_result;
    QPointer<DataSourceReply> m_reply;
};

} // namespace pharos
