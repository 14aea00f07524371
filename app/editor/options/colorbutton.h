#pragma once

#include <QFrame>
#include <QPointer>
#include <QToolButton>

class QLineEdit;
class QLabel;

namespace pharos {

/// The palette a ColorButton offers: Grafana's named colours, five shades per hue
/// ("super-light-red" .. "dark-red"), hue by hue.
QStringList grafanaNamedPalette();

/// The popup of a ColorButton: a swatch per named colour (object name "swatch-<name>"), an
/// optional "No colour" button ("swatch-none") and a field for a custom colour ("#rrggbb",
/// "rgb(...)", "rgba(...)" or a palette name; object name "customColor").
class ColorPopup : public QFrame
{
    Q_OBJECT
public:
    ColorPopup(const QString &current, bool allowNone, QWidget *parent);
    QLineEdit *customEdit() const { return m_custom; }

signals:
    /// A colour was picked ("" = no colour).
    void picked(const QString &color);

private:
    void acceptCustom();
    QLineEdit *m_custom = nullptr;
    QLabel *m_error = nullptr;
};

/// A button showing a Grafana colour (a name like "semi-dark-red" or CSS "#73bf69"); a click
/// opens a ColorPopup. The colour is kept exactly as written ("green" stays "green").
class ColorButton : public QToolButton
{
    Q_OBJECT
public:
    explicit ColorButton(QWidget *parent = nullptr);

    QString color() const { return m_color; }
    /// Sets the colour without emitting colorChanged.
    void setColor(const QString &color);
    /// Whether the popup offers "No colour" (value mappings may keep the usual colour).
    void setAllowNone(bool allow) { m_allowNone = allow; }
    /// The open popup, or null.
    ColorPopup *popup() const { return m_popup; }

signals:
    void colorChanged(const QString &color);

private:
    void openPopup();
    void updateLook();
    QString m_color;
    bool m_allowNone = false;
    QPointer<ColorPopup> m_popup;
};

} // namespace pharos
