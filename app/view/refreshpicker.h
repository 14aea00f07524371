#pragma once

#include <QWidget>

class QComboBox;
class QToolButton;

namespace pharos {

/// "Refresh now" plus the auto-refresh interval: Off, 5s, 10s, 30s, 1m, 5m, 15m, 1h.
class RefreshPicker : public QWidget
{
    Q_OBJECT
public:
    explicit RefreshPicker(QWidget *parent = nullptr);

    /// The choices as Grafana writes them ("" = off).
    static QStringList intervals();
    /// "" when off.
    QString interval() const;
    /// Selects `interval` (adding it when it is not one of the standard choices), without
    /// emitting intervalChanged. "" or "off" selects Off.
    void setInterval(const QString &interval);
    /// The choices besides Off (a dashboard's `timepicker.refresh_intervals`; an empty list
    /// restores the standard ones) and the selected interval (added when it is not one of
    /// them), without emitting intervalChanged.
    void setChoices(const QStringList &choices, const QString &interval);
    QComboBox *comboBox() const { return m_combo; }
    QToolButton *refreshButton() const { return m_button; }

Q_SIGNALS:
    void intervalChanged(const QString &interval);
    void refreshRequested();

private:
    QToolButton *m_button;
    QComboBox *m_combo;
};

} // namespace pharos
