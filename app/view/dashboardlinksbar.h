#pragma once

#include "dashboards/links/dashboardlinks.h"

#include <QHash>
#include <QIcon>
#include <QList>
#include <QString>
#include <QWidget>

class QHBoxLayout;

namespace pharos {

/// The dashboard's links as tool buttons, right of the variables: a "link" opens its URL;
/// "dashboards" lists the matching local dashboards, as a drop-down menu or one button each.
class DashboardLinksBar : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardLinksBar(LocalDashboardIndex *index, QWidget *parent = nullptr);
    void setLinks(const QList<DashboardLink> &links, const QString &currentPath);
    const QList<DashboardLink> &links() const { return m_links; }
    /// The buttons shown (tests): tool buttons, in link order.
    QList<QWidget *> buttons() const { return m_buttons; }
    /// The link index of button `i` (tests).
    int linkIndexOf(QWidget *button) const { return m_buttonLinks.value(button, -1); }

Q_SIGNALS:
    /// A "link" entry was clicked.
    void linkClicked(int linkIndex);
    /// A dashboard of a "dashboards" entry was chosen.
    void dashboardClicked(int linkIndex, const QString &path);
    /// The buttons were made again (links set, or the local dashboards were found).
    void rebuilt();

private:
    void rebuild();
    QIcon linkIcon(const QString &name) const;

    LocalDashboardIndex *m_index;
    QList<DashboardLink> m_links;
    QString m_currentPath;
    QHBoxLayout *m_layout;
    QList<QWidget *> m_buttons;
    QHash<QWidget *, int> m_buttonLinks;
};

} // namespace pharos
