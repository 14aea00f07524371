#pragma once

#include "dashboards/model/dashboard.h"

#include <QDialog>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace pharos {

class DataSourceRegistry;
class LinksEditor;
class TagsEdit;
class VariablesEditor;

/// Dashboard settings: General (title, description, tags, uid, editable, time zone, default
/// time range, refresh and its choices, graph tooltip, week start), Variables, Links and the
/// JSON model. It edits a copy of the dashboard JSON; Apply checks it (on a worker thread:
/// settings rules, then the real loader and migration) and hands the result over as one
/// change with applyRequested(). Problems are shown in the window and nothing is applied.
///
/// The JSON model shows the forms' state; editing it and applying (or leaving the tab) takes
/// the text as the new state. A syntax error names its line and column and moves the cursor
/// there.
class DashboardSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DashboardSettingsDialog(DataSourceRegistry *registry, QWidget *parent = nullptr);
    ~DashboardSettingsDialog() override;

    /// Loads every page from `dashboard` (the new baseline; unapplied edits are dropped).
    void setDashboard(const Dashboard &dashboard);
    /// The dashboard changed elsewhere (a panel edit, undo, the variables bar). Without
    /// unapplied edits the pages show it; with them, they stay, and Apply writes them onto
    /// the changed dashboard (what they did not touch keeps the new state).
    void dashboardChanged(const Dashboard &dashboard);

    /// The dashboard object as the forms (or the edited JSON model) describe it now.
    QJsonObject editedJson();
    /// True when the forms or the JSON model differ from the baseline.
    bool hasChanges();

    /// Starts Apply (asynchronous): the outcome is applyRequested() or applyFailed().
    void apply();
    bool isApplying() const { return m_applyGeneration != m_doneGeneration; }

    /// The message area (errors of the last Apply, or "Applied").
    QString message() const;

    QTabWidget *tabs() const { return m_tabs; }
    VariablesEditor *variablesEditor() const { return m_variables; }
    LinksEditor *linksEditor() const { return m_links; }
    QPlainTextEdit *jsonEditor() const { return m_json; }
    TagsEdit *tagsEdit() const { return m_tags; }
    QPushButton *applyButton() const { return m_applyButton; }

    enum Page { GeneralPage, VariablesPage, LinksPage, JsonPage };

    /// Close: with unapplied changes, asks first (Discard drops them, Cancel stays).
    void reject() override;
    /// Replaces the unapplied-changes question (tests): true to discard and close.
    void setDiscardQuestion(std::function<bool()> ask) { m_askDiscard = std::move(ask); }

Q_SIGNALS:
    /// Apply succeeded: replace the dashboard with `dashboard` (one undoable change).
    void applyRequested(const pharos::Dashboard &dashboard);
    /// Apply was refused; `message` is what the window shows.
    void applyFailed(const QString &message);

private:
    struct General
    {
        QString title, description, uid, timezone, from, to, refresh, weekStart;
        QStringList tags, intervals;
        bool editable = true;
        int tooltip = 0;
        bool operator==(const General &) const = default;
    };
    static General readGeneral(const QJsonObject &d);
    General formGeneral() const;
    void loadForms(const QJsonObject &d);
    QJsonObject collectForms() const;
    void buildGeneralPage();
    QWidget *buildJsonPage();
    void tabChanged(int index);
    void showJson(const QJsonObject &d);
    bool takeJsonText();
    void setMessage(const QString &text, bool error);
    void finishApply(quint64 generation, const QString &error, int offset,
                     const std::optional<Dashboard> &dashboard);
    void validateUidField();
    void validateTimeFields();
    void fillTimeZones();
    QString timezoneValue() const;
    void selectTimezone(const QString &zone);
    void fillRefreshChoices(const QStringList &intervals, const QString &current);
    QString refreshValue() const;

    DataSourceRegistry *m_registry;
    std::function<bool()> m_askDiscard;
    std::optional<Dashboard> m_baselineDashboard;
    QJsonObject m_baseline; // the applied dashboard
    QJsonObject m_base;     // what the forms were loaded from (baseline or a JSON edit)
    General m_loaded;       // the General values of m_base
    QJsonArray m_loadedVariables;
    QJsonArray m_loadedLinks;
    int m_previousTab = 0;
    bool m_jsonDirty = false;
    bool m_settingJson = false;
    quint64 m_applyGeneration = 0;
    quint64 m_doneGeneration = 0;

    QTabWidget *m_tabs;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    TagsEdit *m_tags = nullptr;
    QLineEdit *m_uid = nullptr;
    QLabel *m_uidError = nullptr;
    QCheckBox *m_editable = nullptr;
    QComboBox *m_timezone = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLabel *m_timeError = nullptr;
    QComboBox *m_refresh = nullptr;
    QLineEdit *m_intervals = nullptr;
    QComboBox *m_tooltip = nullptr;
    QComboBox *m_weekStart = nullptr;
    VariablesEditor *m_variables = nullptr;
    LinksEditor *m_links = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_jsonError = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_applyButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace pharos
