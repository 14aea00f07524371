#include "app/view/dashboardlinksbar.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QStyle>
#include <QToolButton>

namespace pharos {

DashboardLinksBar::DashboardLinksBar(LocalDashboardIndex *index, QWidget *parent)
    : QWidget(parent), m_index(index), m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("dashboardLinks"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    connect(m_index, &LocalDashboardIndex::ready, this, &DashboardLinksBar::rebuild);
}

void DashboardLinksBar::setLinks(const QList<DashboardLink> &links, const QString &currentPath)
{
    m_links = links;
    m_currentPath = currentPath;
    rebuild();
}

QIcon DashboardLinksBar::linkIcon(const QString &name) const
{
    // Grafana's link icons, drawn with the platform style's nearest standard icons.
    QStyle::StandardPixmap sp;
    if (name == QLatin1String("external link"))
        sp = QStyle::SP_ArrowForward;
    else if (name == QLatin1String("dashboard"))
        sp = QStyle::SP_FileDialogDetailedView;
    else if (name == QLatin1String("question"))
        sp = QStyle::SP_MessageBoxQuestion;
    else if (name == QLatin1String("info"))
        sp = QStyle::SP_MessageBoxInformation;
    else if (name == QLatin1String("doc"))
        sp = QStyle::SP_FileIcon;
    else if (name == QLatin1String("cloud"))
        sp = QStyle::SP_DriveNetIcon;
    else if (name == QLatin1String("bolt"))
        sp = QStyle::SP_MessageBoxWarning;
    else
        return {};
    return style()->standardIcon(sp);
}

void DashboardLinksBar::rebuild()
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    m_buttonLinks.clear();
    int current = -1;
    auto button = [this, &current](const QString &text, const QString &tip,
                                   const QString &iconName) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        const QIcon icon = linkIcon(iconName);
        b->setIcon(icon);
        b->setToolButtonStyle(icon.isNull() ? Qt::ToolButtonTextOnly
                                            : Qt::ToolButtonTextBesideIcon);
        m_layout->addWidget(b);
        b->show(); // at once, not when the layout gets to it
        m_buttons << b;
        m_buttonLinks.insert(b, current);
        return b;
    };
    for (int i = 0; i < m_links.size(); ++i) {
        const DashboardLink &l = m_links[i];
        current = i;
        if (l.type == QLatin1String("dashboards")) {
            const QList<LocalDashboardInfo> found = m_index->isReady()
                                                        ? m_index->withTags(l.tags, m_currentPath)
                                                        : QList<LocalDashboardInfo>{};
            if (l.asDropdown) {
                QToolButton *b = button(l.title.isEmpty() ? tr("Dashboards") : l.title, l.tooltip,
                                        l.icon.isEmpty() ? QStringLiteral("dashboard") : l.icon);
                b->setPopupMode(QToolButton::InstantPopup);
                auto *menu = new QMenu(b);
                for (const LocalDashboardInfo &d : found)
                    menu->addAction(d.title, this,
                                    [this, i, p = d.path] { Q_EMIT dashboardClicked(i, p); });
                if (found.isEmpty())
                    menu->addAction(m_index->isReady() ? tr("No matching dashboards")
                                                       : tr("Looking for dashboards…"))
                        ->setEnabled(false);
                b->setMenu(menu);
            } else {
                for (const LocalDashboardInfo &d : found) {
                    QToolButton *b = button(d.title, l.tooltip.isEmpty() ? d.path : l.tooltip,
                                            QStringLiteral("dashboard"));
                    connect(b, &QToolButton::clicked, this,
                            [this, i, p = d.path] { Q_EMIT dashboardClicked(i, p); });
                }
            }
        } else {
            QToolButton *b =
                button(l.title.isEmpty() ? l.url : l.title, l.tooltip.isEmpty() ? l.url : l.tooltip,
                       l.icon.isEmpty() ? QStringLiteral("external link") : l.icon);
            connect(b, &QToolButton::clicked, this, [this, i] { Q_EMIT linkClicked(i); });
        }
    }
    Q_EMIT rebuilt(); // the holder shows or hides the bar (a tool bar hides its action)
}

} // namespace pharos
