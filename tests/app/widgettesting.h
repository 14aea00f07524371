#pragma once
// Helpers for the widget tests of app/: choosing in a combo box as a user does, and the
// link entries of a panel menu.

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QMenu>
#include <QTest>

namespace pharos::testing {

/// Picks `text` in a combo box the way a user does: opens its list and clicks the item.
inline void chooseItem(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    QVERIFY(QTest::qWaitForWindowExposed(view->window()));
    const QRect r = view->visualRect(view->model()->index(target, 0));
    QVERIFY(r.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, r.center());
    QTRY_VERIFY(!view->window()->isVisible());
    QCoreApplication::processEvents();
}

/// The link entries of a panel menu (the menu also has View and Edit above them).
inline QList<QAction *> linkActions(QMenu *menu)
{
    QList<QAction *> links;
    for (QAction *a : menu->actions())
        if (a->objectName().startsWith(QLatin1String("panelLink-")))
            links << a;
    return links;
}

} // namespace pharos::testing
