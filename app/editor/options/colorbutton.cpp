#include "app/editor/options/colorbutton.h"

#include "dashboards/fields/fieldconfig.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace pharos {

namespace {

QIcon swatchIcon(const QString &color, int size = 16)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setPen(QColor(0x80, 0x80, 0x80));
    const std::optional<quint32> rgb = parseGrafanaColor(color);
    if (rgb) {
        p.setBrush(QColor::fromRgba(*rgb));
    } else {
        p.setBrush(Qt::NoBrush);
    }
    p.drawRect(0, 0, size - 1, size - 1);
    if (!rgb)
        p.drawLine(0, size - 1, size - 1, 0); // no colour
    return QIcon(pm);
}

} // namespace

QStringList grafanaNamedPalette()
{
    static const char *const hues[] = {"red", "orange", "yellow", "green", "blue", "purple"};
    static const char *const shades[] = {"super-light-", "light-", "", "semi-dark-", "dark-"};
    QStringList out;
    for (const char *h : hues) {
        for (const char *s : shades)
            out << QString::fromLatin1(s) + QString::fromLatin1(h);
    }
    return out;
}

ColorPopup::ColorPopup(const QString &current, bool allowNone, QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    grid->setSpacing(2);
    const QStringList names = grafanaNamedPalette();
    for (int i = 0; i < names.size(); ++i) {
        const QString name = names.at(i);
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("swatch-") + name);
        b->setIcon(swatchIcon(name, 18));
        b->setToolTip(name);
        b->setAutoRaise(true);
        b->setCheckable(true);
        b->setChecked(name == current);
        connect(b, &QToolButton::clicked, this, [this, name] { emit picked(name); });
        // one column per hue, shades from light (top) to dark
        grid->addWidget(b, i % 5, i / 5);
    }
    layout->addLayout(grid);
    if (allowNone) {
        auto *none = new QPushButton(tr("No colour"), this);
        none->setObjectName(QStringLiteral("swatch-none"));
        connect(none, &QPushButton::clicked, this, [this] { emit picked(QString()); });
        layout->addWidget(none);
    }
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Custom:"), this));
    m_custom = new QLineEdit(this);
    m_custom->setObjectName(QStringLiteral("customColor"));
    m_custom->setPlaceholderText(QStringLiteral("#73bf69"));
    if (!grafanaNamedPalette().contains(current))
        m_custom->setText(current);
    row->addWidget(m_custom);
    layout->addLayout(row);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("customColorError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    connect(m_custom, &QLineEdit::returnPressed, this, &ColorPopup::acceptCustom);
}

void ColorPopup::acceptCustom()
{
    const QString text = m_custom->text().trimmed();
    if (!parseGrafanaColor(text)) {
        m_error->setText(
            tr("\"%1\" is not a colour: use #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a "
               "palette name.")
                .arg(text));
        m_error->show();
        return;
    }
    emit picked(text);
}

ColorButton::ColorButton(QWidget *parent) : QToolButton(parent)
{
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(this, &QToolButton::clicked, this, &ColorButton::openPopup);
    updateLook();
}

void ColorButton::setColor(const QString &color)
{
    m_color = color;
    updateLook();
}

void ColorButton::updateLook()
{
    setIcon(swatchIcon(m_color));
    setText(m_color.isEmpty() ? tr("No colour") : m_color);
    setToolTip(tr("Colour: click to choose"));
}

void ColorButton::openPopup()
{
    if (m_popup)
        m_popup->close();
    m_popup = new ColorPopup(m_color, m_allowNone, this);
    connect(m_popup, &ColorPopup::picked, this, [this](const QString &c) {
        if (m_popup)
            m_popup->close();
        if (c == m_color)
            return;
        setColor(c);
        emit colorChanged(c);
    });
    m_popup->adjustSize();
    m_popup->move(mapToGlobal(QPoint(0, height())));
    m_popup->show();
    m_popup->customEdit()->setFocus();
}

} // namespace pharos
