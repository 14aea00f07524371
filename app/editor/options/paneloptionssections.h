#pragma once

#include "app/editor/options/paneloptionsection.h"

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QVBoxLayout;

namespace pharos {

class OverridesEditor;
class StandardOptionsEditor;
class ThresholdsEditor;
class ValueMappingsEditor;

/// A section's state around one editor widget of one JSON value (thresholds, mappings,
/// overrides): load() of the value the editor already shows, with no edit since, leaves the
/// editor alone (its focus, cursor and open rows stay); the value is written only after an
/// edit.
class EditorValueState
{
public:
    /// Shows `value` with `show(value)` unless the editor shows it already.
    template <typename Show> void load(const QJsonValue &value, Show &&show)
    {
        if (m_dirty || !m_shown || value != m_shownValue) {
            m_loading = true;
            show(value);
            m_loading = false;
            m_shownValue = value;
            m_shown = true;
        }
        m_dirty = false;
    }
    /// The editor changed: true for a user edit (then the section emits changed()), false
    /// while load() fills it.
    bool edited()
    {
        if (m_loading)
            return false;
        m_dirty = true;
        return true;
    }
    bool isDirty() const { return m_dirty; }

private:
    bool m_dirty = false;
    QJsonValue m_shownValue;
    bool m_shown = false;
    bool m_loading = false;
};

/// A section whose options are bound to JSON paths of the panel ("options.legend.placement",
/// "fieldConfig.defaults.custom.lineWidth"). Only the paths the user edited are written by
/// store(), so a panel loaded and stored without an edit is unchanged, and keys the file did
/// not have are not added. Controls show the file's value, or Grafana's default when the key
/// is absent; a value the control does not know (a combo item) is added to it so that it is
/// shown as it is.
///
/// Edits are recorded on the controls' change signals (not only on user-interaction signals),
/// so tests may set a control's value directly; load() never records or emits.
class FormOptionsSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    explicit FormOptionsSection(const QString &title, QWidget *parent = nullptr);

    QString title() const override { return m_title; }
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;

    /// The recorded edits (path, value; Undefined removes), in the order first made.
    const QList<QPair<QString, QJsonValue>> &edits() const { return m_edits; }

protected:
    struct Choice
    {
        QString label; // translated
        QJsonValue value;
    };
    QFormLayout *form() const { return m_form; }
    /// A combo over `choices`; the file's value at `path` selects the item (absent: the item
    /// of `fallback`). Picking an item writes its value.
    QComboBox *addCombo(const QString &label, const QString &name, const QString &path,
                        const QList<Choice> &choices, const QJsonValue &fallback);
    /// An integer spin box; writes a number.
    QSpinBox *addSpin(const QString &label, const QString &name, const QString &path, int min,
                      int max, int fallback, const QString &suffix = {});
    /// A check box; writes true/false.
    QCheckBox *addCheck(const QString &label, const QString &name, const QString &path,
                        bool fallback);
    /// A line edit; writes the text (emptied, the key is removed unless the file had it).
    QLineEdit *addText(const QString &label, const QString &name, const QString &path,
                       const QString &placeholder = {});
    /// A line edit for a number; an empty text removes the key, a text that is no number is
    /// flagged (red) and not written.
    QLineEdit *addNumber(const QString &label, const QString &name, const QString &path,
                         const QString &placeholder = {});

    /// Records an edit (the last value per path wins) and emits changed() (unless `notify`
    /// is false: more edits follow); ignored while loading.
    void setEdit(const QString &path, const QJsonValue &value, bool notify = true);
    bool isLoading() const { return m_loading; }
    /// The panel of the last load().
    const QJsonObject &loadedPanel() const { return m_panel; }
    /// The value at `path`: the user's edit if any, else the loaded panel's.
    QJsonValue currentValue(const QString &path) const;
    /// Called by load() after the bound controls were set (still loading).
    virtual void afterLoad() {}
    /// Adds a function load() calls with the panel (to show it in a control of one's own).
    void addLoader(std::function<void(const QJsonObject &)> loader);

private:
    QString m_title;
    QFormLayout *m_form = nullptr;
    QJsonObject m_panel;
    QList<QPair<QString, QJsonValue>> m_edits;
    QList<std::function<void(const QJsonObject &)>> m_loaders;
    bool m_loading = false;
};

/// "Panel options": title ("title"), description ("description", a QPlainTextEdit) and
/// transparent background ("transparent").
class GeneralOptionsSection : public FormOptionsSection
{
    Q_OBJECT
public:
    explicit GeneralOptionsSection(QWidget *parent = nullptr);
};

/// "Standard options": a StandardOptionsEditor over fieldConfig.defaults (unit, decimals,
/// min, max). Only the keys the user changed are written.
class StandardOptionsSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    explicit StandardOptionsSection(QWidget *parent = nullptr);
    QString title() const override;
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;
    StandardOptionsEditor *editor() const { return m_editor; }

private:
    StandardOptionsEditor *m_editor = nullptr;
    QJsonObject m_loaded; // fieldConfig.defaults as loaded
    QStringList m_touched;
    bool m_loading = false;
};

/// "Thresholds": a ThresholdsEditor over fieldConfig.defaults.thresholds and, for time
/// series, "Show thresholds" (combo "thresholdsStyle", custom.thresholdsStyle.mode: off,
/// line, dashed, area, line+area, dashed+area).
class ThresholdsSection : public FormOptionsSection
{
    Q_OBJECT
public:
    ThresholdsSection(bool withStyle, QWidget *parent = nullptr);
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;
    ThresholdsEditor *editor() const { return m_editor; }

private:
    ThresholdsEditor *m_editor = nullptr;
    EditorValueState m_state;
};

/// "Value mappings": a ValueMappingsEditor over fieldConfig.defaults.mappings.
class ValueMappingsSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    explicit ValueMappingsSection(QWidget *parent = nullptr);
    QString title() const override;
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;
    ValueMappingsEditor *editor() const { return m_editor; }

private:
    ValueMappingsEditor *m_editor = nullptr;
    EditorValueState m_state;
};

/// "Overrides": an OverridesEditor over fieldConfig.overrides; setFieldNames() feeds its
/// name matcher.
class OverridesSection : public PanelOptionsSection
{
    Q_OBJECT
public:
    explicit OverridesSection(QWidget *parent = nullptr);
    QString title() const override;
    void load(const QJsonObject &panel) override;
    void store(QJsonObject &panel) const override;
    void setFieldNames(const QStringList &names) override;
    OverridesEditor *editor() const { return m_editor; }

private:
    OverridesEditor *m_editor = nullptr;
    EditorValueState m_state;
};

} // namespace pharos
