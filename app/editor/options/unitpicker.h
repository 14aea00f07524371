#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace pharos {

/// One entry of the unit catalogue the picker offers.
struct UnitInfo
{
    QString id;       // Grafana unit id ("bytes", "reqps", ...)
    QString name;     // translated display name ("bytes(IEC)")
    QString category; // translated Grafana category ("Data", "Time", ...)
};

/// Grafana's unit ids that Pharos formats, grouped by Grafana's categories, in display order.
/// Aliases Pharos also formats ("us" for "µs") are not listed; unitInfo() knows them.
QList<UnitInfo> unitCatalogue();
/// The catalogue entry of `id` (aliases resolve to their unit's name); nullopt when unknown.
std::optional<UnitInfo> unitInfo(const QString &id);

/// A searchable unit picker: a field where the user types a unit id, part of a name or a
/// custom unit ("suffix:req", "prefix:€"), above a list of Grafana's units grouped by
/// category and filtered by what is typed ("byt" keeps the bytes units). Enter or a click on
/// a unit picks it; a text that is neither a unit id Pharos formats nor a custom unit is
/// flagged with a message and not taken. The label under the field names the unit.
class UnitPicker : public QWidget
{
    Q_OBJECT
public:
    explicit UnitPicker(QWidget *parent = nullptr);

    /// The unit id ("" = none set).
    QString unit() const { return m_unit; }
    /// Shows `unit` without emitting changed(). An unknown id is kept (so a file's unit is
    /// never lost) and flagged.
    void setUnit(const QString &unit);

    QLineEdit *searchEdit() const { return m_edit; }
    QTreeWidget *list() const { return m_list; }
    /// The name of the unit, or the message about a bad id.
    QLabel *statusLabel() const { return m_status; }
    /// The ids the list currently shows (after filtering), in order.
    QStringList visibleIds() const;

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void commitText();
    void pick(const QString &id);
    void showStatus();
    QLineEdit *m_edit = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QString m_unit;
    QString m_error;
};

/// The standard options of a field config: unit (a UnitPicker), decimals (auto or 0..20),
/// min and max (empty = auto). Edits a `fieldConfig.defaults` object (or an override's
/// equivalent): setConfig() takes it, config() returns it with "unit", "decimals", "min" and
/// "max" set or removed and every other key untouched.
class StandardOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StandardOptionsEditor(QWidget *parent = nullptr);

    void setConfig(const QJsonObject &defaults);
    QJsonObject config() const;

    UnitPicker *unitPicker() const { return m_unit; }
    QSpinBox *decimalsBox() const { return m_decimals; }
    QLineEdit *minEdit() const { return m_min; }
    QLineEdit *maxEdit() const { return m_max; }
    /// The message about a min or max that is not a number (empty when both are fine).
    QString errorText() const;

signals:
    void changed();

private:
    void numberEdited(QLineEdit *edit, const char *key);
    QJsonObject m_config;
    UnitPicker *m_unit = nullptr;
    QSpinBox *m_decimals = nullptr;
    QLineEdit *m_min = nullptr;
    QLineEdit *m_max = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pharos
