#pragma once

#include "app/settings/dashboardsettingswidgets.h"
#include "dashboards/time/timerange.h"
#include "dashboards/variables/variables.h"

#include <QPointer>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace pharos {

class DataSourceRegistry;
class PromqlEditor;

/// The variables page of the Dashboard settings: `templating.list` entries of every type
/// (query, custom, interval, datasource, constant, textbox, adhoc), with their options, and a
/// preview that runs the selected variable's query on the data source (asynchronously).
/// Entries keep every key they had; only what is edited changes.
class VariablesEditor : public JsonListEditor
{
    Q_OBJECT
public:
    explicit VariablesEditor(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~VariablesEditor() override;

    /// The range and zone the preview queries over (the dashboard's default range).
    void setPreviewTimeRange(const TimeRange &range, const QString &timezone);

    /// Translated problems of the names (empty, reserved, invalid characters, duplicates).
    QStringList nameErrors() const;

    /// The preview's values of the last run (texts), its message, and whether it runs.
    QStringList previewValues() const;
    QString previewMessage() const;
    bool isPreviewRunning() const { return m_preview != nullptr; }

    /// The type names in the type box's order.
    static QStringList typeNames();

public Q_SLOTS:
    /// Runs the selected variable (with the others it depends on) and lists its values.
    void runPreview();

Q_SIGNALS:
    void previewFinished();

protected:
    QJsonObject newEntry() const override;
    QJsonObject duplicated(const QJsonObject &entry) const override;
    QString itemText(const QJsonObject &entry) const override;
    void loadForm(const QJsonObject &entry) override;

private:
    void buildForm();
    void updateVisibility(const QString &type);
    void edit(const std::function<void(QJsonObject &)> &change);
    void changeType(const QString &type);
    void writeQuery(QJsonObject &o, const QString &text) const;
    void fillDataSources(const QJsonValue &current);
    QJsonValue dataSourceFromCombo() const;
    void updateNameError();
    void updateEditorDataSource();
    void finishPreview(const QString &name, quint64 generation);
    QString uniqueName(const QString &base) const;

    DataSourceRegistry *m_registry;
    TimeRange m_range;
    QString m_timezone;
    std::unique_ptr<FormGrid> m_formLayout;
    QComboBox *m_type = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_label = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_hide = nullptr;
    QComboBox *m_datasource = nullptr;
    QWidget *m_queryBox = nullptr;
    QLineEdit *m_query = nullptr;     // the other types' query text
    PromqlEditor *m_promql = nullptr; // query variables: highlighting and autocomplete
    QLineEdit *m_regex = nullptr;
    QComboBox *m_sort = nullptr;
    QComboBox *m_refresh = nullptr;
    QCheckBox *m_multi = nullptr;
    QCheckBox *m_includeAll = nullptr;
    QLineEdit *m_allValue = nullptr;
    QCheckBox *m_auto = nullptr;
    QSpinBox *m_autoCount = nullptr;
    QLineEdit *m_autoMin = nullptr;
    QPushButton *m_previewButton = nullptr;
    QListWidget *m_previewList = nullptr;
    QLabel *m_previewStatus = nullptr;
    QPointer<VariableSet> m_preview;
    quint64 m_previewGeneration = 0;
};

} // namespace pharos
