#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QRadioButton;
class QToolButton;
class QVBoxLayout;

namespace pharos {

class ColorButton;

/// Edits Grafana thresholds (`fieldConfig.defaults.thresholds`): the mode (absolute or
/// percentage) and the steps, each a value and a colour. The first step is the Base step
/// (value null, below every other step); the others are kept sorted by value. Rows show the
/// Base step first; each row has a colour button (Grafana's named palette or a custom
/// colour), a value field (object names "color-<i>", "value-<i>", "remove-<i>") and a
/// remove button; "Add threshold" adds a step above the highest.
class ThresholdsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ThresholdsEditor(QWidget *parent = nullptr);

    /// Shows `thresholds` ({"mode", "steps": [{"color", "value"}]}) without emitting
    /// changed(). The first step becomes the Base step; an empty object gives Grafana's
    /// default (green base, red at 80).
    void setThresholds(const QJsonObject &thresholds);
    /// {"mode": "absolute"|"percentage", "steps": [{"color": ..., "value": null}, ...]}.
    QJsonObject thresholds() const;

    int stepCount() const { return int(m_steps.size()); }
    QRadioButton *absoluteButton() const { return m_absolute; }
    QRadioButton *percentageButton() const { return m_percentage; }
    QToolButton *addButton() const { return m_add; }
    QLineEdit *valueEdit(int row) const;
    ColorButton *colorButton(int row) const;
    QToolButton *removeButton(int row) const;
    /// The message about a value that is not a number (empty when none).
    QString errorText() const;

signals:
    void changed();

private:
    struct Step
    {
        std::optional<double> value;
        QString color;
    };
    void normalize();
    void rebuild();
    void valueEdited(int row);
    void addStep();
    void removeStep(int row);

    QString m_mode = QStringLiteral("absolute");
    QList<Step> m_steps;
    QRadioButton *m_absolute = nullptr;
    QRadioButton *m_percentage = nullptr;
    QWidget *m_rows = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QToolButton *m_add = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pharos
