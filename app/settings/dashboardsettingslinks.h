#pragma once

#include "app/settings/dashboardsettingswidgets.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;

namespace pharos {

/// The links page of the Dashboard settings: the dashboard's `links` array (type link with a
/// URL, or dashboards by tags), with title, tooltip, icon, dropdown, time, variables and new
/// tab options. Entries keep every key they had; only what is edited changes.
class LinksEditor : public JsonListEditor
{
    Q_OBJECT
public:
    explicit LinksEditor(QWidget *parent = nullptr);

    /// Grafana's link icons, in the icon box's order.
    static QStringList iconNames();

protected:
    QJsonObject newEntry() const override;
    QString itemText(const QJsonObject &entry) const override;
    void loadForm(const QJsonObject &entry) override;

private:
    void edit(const std::function<void(QJsonObject &)> &change);
    void updateVisibility(bool dashboards);

    QFormLayout *m_formLayout;
    QComboBox *m_type;
    QLineEdit *m_title;
    QLineEdit *m_url;
    TagsEdit *m_tags;
    QCheckBox *m_asDropdown;
    QLineEdit *m_tooltip;
    QComboBox *m_icon;
    QCheckBox *m_includeVars;
    QCheckBox *m_keepTime;
    QCheckBox *m_targetBlank;
};

} // namespace pharos
