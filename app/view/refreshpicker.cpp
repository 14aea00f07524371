#include "app/view/refreshpicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QToolButton>

namespace pharos {

RefreshPicker::RefreshPicker(QWidget *parent)
    : QWidget(parent), m_button(new QToolButton(this)), m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("refreshPicker"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_button->setText(tr("Refresh now"));
    m_button->setToolTip(tr("Refresh every panel now"));
    m_button->setShortcut(QKeySequence::Refresh);
    layout->addWidget(m_button);
    m_combo->setToolTip(tr("Auto-refresh interval"));
    for (const QString &i : intervals())
        m_combo->addItem(i.isEmpty() ? tr("Off") : i, i);
    layout->addWidget(m_combo);
    connect(m_button, &QToolButton::clicked, this, &RefreshPicker::refreshRequested);
    connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT intervalChanged(interval()); });
}

QStringList RefreshPicker::intervals()
{
    return {QString(),
            QStringLiteral("5s"),
            QStringLiteral("10s"),
            QStringLiteral("30s"),
            QStringLiteral("1m"),
            QStringLiteral("5m"),
            QStringLiteral("15m"),
            QStringLiteral("1h")};
}

void RefreshPicker::setChoices(const QStringList &choices, const QString &interval)
{
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        m_combo->addItem(tr("Off"), QString());
        const QStringList list = choices.isEmpty() ? intervals().mid(1) : choices;
        for (const QString &i : list) {
            if (!i.trimmed().isEmpty() && m_combo->findData(i.trimmed()) < 0)
                m_combo->addItem(i.trimmed(), i.trimmed());
        }
    }
    setInterval(interval);
}

QString RefreshPicker::interval() const
{
    return m_combo->currentData().toString();
}

void RefreshPicker::setInterval(const QString &interval)
{
    QString value = interval.trimmed();
    if (value.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        value.clear();
    const QSignalBlocker blocker(m_combo);
    int index = m_combo->findData(value);
    if (index < 0) {
        m_combo->addItem(value, value);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

} // namespace pharos
