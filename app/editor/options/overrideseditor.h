#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace pharos {

/// Edits Grafana field overrides (`fieldConfig.overrides`). Each override has a matcher,
/// "Fields with name" (byName; the names come from setFieldNames(), any text may be typed)
/// or "Fields with name matching regex" (byRegexp), and properties chosen from the common
/// ones: unit, decimals, min, max, color (fixed), displayName; for time series
/// custom.fillOpacity, custom.lineWidth, custom.drawStyle, custom.axisPlacement,
/// custom.stacking; for tables custom.width, custom.minWidth (px), custom.align,
/// custom.cellOptions ({"type": auto / color-text / color-background}), custom.hidden and
/// custom.filterable.
/// setPanelType() limits the menu to what that panel type draws (no type: everything).
/// Overrides and properties can be added and removed. Other matchers and properties read from
/// a file are kept unchanged and shown read-only.
///
/// Widgets of override i are named "matcher-i" (QComboBox), "name-i" (editable QComboBox),
/// "addProperty-i" (QComboBox), "deleteOverride-i"; of its property j "prop-i-j" (the value
/// editor: UnitPicker, QSpinBox, QLineEdit, ColorButton, QCheckBox or QComboBox) and
/// "removeProp-i-j".
class OverridesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit OverridesEditor(QWidget *parent = nullptr);

    /// The series names offered by "Fields with name" (e.g. from the preview's data).
    void setFieldNames(const QStringList &names);
    /// Shows `overrides` without emitting changed().
    void setOverrides(const QJsonArray &overrides);
    QJsonArray overrides() const;

    /// The property ids the editor offers, in menu order (every panel type).
    static QStringList commonProperties();
    /// The property ids offered for panels of `panelType` ("timeseries", "table", "stat"...;
    /// empty = every type).
    static QStringList commonProperties(const QString &panelType);
    /// Offers only the properties panels of `type` draw (see commonProperties(type)).
    void setPanelType(const QString &type);

    int overrideCount() const { return int(m_overrides.size()); }
    QToolButton *addButton() const { return m_add; }
    /// The widget of override `i` named `name` ("matcher", "name", ...), or null.
    template <typename T> T *overrideWidget(const char *name, int i) const
    {
        return m_listWidget->findChild<T *>(QString::fromLatin1(name) + QLatin1Char('-') +
                                            QString::number(i));
    }
    /// The value editor of property `j` of override `i`, or null.
    template <typename T> T *propertyWidget(int i, int j) const
    {
        return m_listWidget->findChild<T *>(QStringLiteral("prop-%1-%2").arg(i).arg(j));
    }
    QToolButton *removePropertyButton(int i, int j) const;
    QString errorText() const;

signals:
    void changed();

private:
    struct Property
    {
        QString id;
        QJsonValue value;
    };
    struct Override
    {
        QString matcher = QStringLiteral("byName");
        QJsonValue options = QString();
        QList<Property> properties;
    };
    void rebuild();
    QWidget *propertyEditor(int i, int j, QWidget *parent);
    void setPropertyValue(int i, int j, const QJsonValue &value);
    void setError(const QString &text);

    QList<Override> m_overrides;
    QStringList m_fieldNames;
    QString m_panelType;
    QWidget *m_listWidget = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
    QToolButton *m_add = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pharos
