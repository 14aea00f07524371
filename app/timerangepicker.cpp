#include "timerangepicker.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace pharos {

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QToolButton(parent), m_popup(new QFrame(this, Qt::Popup))
{
    setObjectName(QStringLiteral("timeRangePicker"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("Time range"));

    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *outer = new QHBoxLayout(m_popup);

    auto *custom = new QVBoxLayout;
    custom->addWidget(new QLabel(tr("Absolute or relative time range"), m_popup));
    auto *form = new QFormLayout;
    m_from = new QLineEdit(m_popup);
    m_from->setPlaceholderText(tr("e.g. now-6h or 2024-01-31 08:00"));
    m_to = new QLineEdit(m_popup);
    m_to->setPlaceholderText(tr("e.g. now or now/d"));
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    custom->addLayout(form);
    m_error = new QLabel(m_popup);
    m_error->setObjectName(QStringLiteral("timeRangeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c4162a; }"));
    m_error->hide();
    custom->addWidget(m_error);
    auto *applyButton = new QPushButton(tr("Apply time range"), m_popup);
    applyButton->setDefault(true);
    custom->addWidget(applyButton);
    custom->addStretch(1);
    outer->addLayout(custom);

    auto *quickBox = new QVBoxLayout;
    quickBox->addWidget(new QLabel(tr("Quick ranges"), m_popup));
    m_quick = new QListWidget(m_popup);
    for (const TimeRange &r : quickRanges()) {
        auto *item = new QListWidgetItem(r.displayText(), m_quick);
        item->setData(Qt::UserRole, r.from);
        item->setData(Qt::UserRole + 1, r.to);
    }
    quickBox->addWidget(m_quick);
    outer->addLayout(quickBox);

    connect(applyButton, &QPushButton::clicked, this, [this] { apply(); });
    connect(m_from, &QLineEdit::returnPressed, this, [this] { apply(); });
    connect(m_to, &QLineEdit::returnPressed, this, [this] { apply(); });
    connect(m_from, &QLineEdit::textEdited, this, [this] { m_error->hide(); });
    connect(m_to, &QLineEdit::textEdited, this, [this] { m_error->hide(); });
    connect(m_quick, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        TimeRange r;
        r.from = item->data(Qt::UserRole).toString();
        r.to = item->data(Qt::UserRole + 1).toString();
        choose(r);
    });
    connect(this, &QToolButton::clicked, this, &TimeRangePicker::showPopup);
    setTimeRange(m_range);
}

void TimeRangePicker::setTimeRange(const TimeRange &range)
{
    m_range = range;
    setText(range.displayText());
    m_from->setText(range.from);
    m_to->setText(range.to);
    m_error->hide();
}

QString TimeRangePicker::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool TimeRangePicker::validate(TimeRange *range)
{
    TimeRange r;
    r.from = m_from->text().trimmed();
    r.to = m_to->text().trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    QStringList problems;
    if (r.from.isEmpty())
        problems << tr("From: enter a time such as now-6h.");
    else if (!parseTimeExpression(r.from, now, QTimeZone::systemTimeZone(), false, &error))
        problems << tr("From: %1").arg(error);
    if (r.to.isEmpty())
        problems << tr("To: enter a time such as now.");
    else if (!parseTimeExpression(r.to, now, QTimeZone::systemTimeZone(), true, &error))
        problems << tr("To: %1").arg(error);
    if (problems.isEmpty() && !r.resolve(now, QTimeZone::systemTimeZone(), &error))
        problems << error;
    if (!problems.isEmpty()) {
        m_error->setText(problems.join(QLatin1Char('\n')));
        m_error->show();
        return false;
    }
    m_error->hide();
    *range = r;
    return true;
}

bool TimeRangePicker::apply()
{
    TimeRange r;
    if (!validate(&r))
        return false;
    choose(r);
    return true;
}

void TimeRangePicker::choose(const TimeRange &range)
{
    setTimeRange(range);
    m_popup->hide();
    Q_EMIT timeRangeChanged(range);
}

void TimeRangePicker::showPopup()
{
    m_from->setText(m_range.from);
    m_to->setText(m_range.to);
    m_error->hide();
    m_popup->adjustSize();
    QPoint pos = mapToGlobal(QPoint(width(), height()));
    pos.rx() -= m_popup->width();
    if (QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        pos.setX(std::max(avail.left(), pos.x()));
    }
    m_popup->move(pos);
    m_popup->show();
    m_from->setFocus();
}

} // namespace pharos
