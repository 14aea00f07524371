#include "app/view/timerangepicker.h"

#include "dashboards/time/timenavigation.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
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

    auto *historyBox = new QVBoxLayout;
    historyBox->addWidget(new QLabel(tr("Recently used ranges"), m_popup));
    m_historyList = new QListWidget(m_popup);
    m_historyList->setObjectName(QStringLiteral("timeRangeHistory"));
    historyBox->addWidget(m_historyList);
    outer->addLayout(historyBox);
    connect(m_historyList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        TimeRange r;
        r.from = item->data(Qt::UserRole).toString();
        r.to = item->data(Qt::UserRole + 1).toString();
        choose(r);
    });

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
    setText(timeRangeDisplayText(range, m_zone));
    m_from->setText(displayTimeExpression(range.from, m_zone));
    m_to->setText(displayTimeExpression(range.to, m_zone));
    m_error->hide();
}

void TimeRangePicker::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    setTimeRange(m_range);
    rebuildHistoryList();
}

void TimeRangePicker::setHistoryFile(const QString &path)
{
    m_historyFile = path;
    loadHistory();
}

namespace {
const char *const HistoryKey = "timeRangeHistory";
}

void TimeRangePicker::loadHistory()
{
    m_history.clear();
    if (!m_historyFile.isEmpty()) {
        QSettings settings(m_historyFile, QSettings::IniFormat);
        const int n = settings.beginReadArray(QLatin1String(HistoryKey));
        for (int i = 0; i < n && m_history.size() < MaxHistory; ++i) {
            settings.setArrayIndex(i);
            TimeRange r{settings.value(QLatin1String("from")).toString(),
                        settings.value(QLatin1String("to")).toString()};
            if (!r.from.isEmpty() && !r.to.isEmpty() && !m_history.contains(r))
                m_history.append(r);
        }
        settings.endArray();
    }
    rebuildHistoryList();
}

void TimeRangePicker::addToHistory(const TimeRange &range)
{
    if (range.from.isEmpty() || range.to.isEmpty())
        return;
    if (!m_historyFile.isEmpty())
        loadHistory(); // another window may have added ranges
    m_history.removeAll(range);
    m_history.prepend(range);
    while (m_history.size() > MaxHistory)
        m_history.removeLast();
    if (!m_historyFile.isEmpty()) {
        QSettings settings(m_historyFile, QSettings::IniFormat);
        settings.remove(QLatin1String(HistoryKey));
        settings.beginWriteArray(QLatin1String(HistoryKey), int(m_history.size()));
        for (int i = 0; i < m_history.size(); ++i) {
            settings.setArrayIndex(i);
            settings.setValue(QLatin1String("from"), m_history[i].from);
            settings.setValue(QLatin1String("to"), m_history[i].to);
        }
        settings.endArray();
    }
    rebuildHistoryList();
}

void TimeRangePicker::rebuildHistoryList()
{
    m_historyList->clear();
    for (const TimeRange &r : std::as_const(m_history)) {
        auto *item = new QListWidgetItem(timeRangeDisplayText(r, m_zone), m_historyList);
        item->setData(Qt::UserRole, r.from);
        item->setData(Qt::UserRole + 1, r.to);
    }
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
    // Absolute times are read in the dashboard's zone and kept as ISO UTC.
    if (r.from.isEmpty())
        problems << tr("From: enter a time such as now-6h.");
    else if (const auto c = canonicalTimeExpression(r.from, m_zone, false, &error))
        r.from = *c;
    else
        problems << tr("From: %1").arg(error);
    if (r.to.isEmpty())
        problems << tr("To: enter a time such as now.");
    else if (const auto c = canonicalTimeExpression(r.to, m_zone, true, &error))
        r.to = *c;
    else
        problems << tr("To: %1").arg(error);
    if (problems.isEmpty() && !r.resolve(now, m_zone, &error))
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
    addToHistory(range);
    setTimeRange(range);
    m_popup->hide();
    Q_EMIT timeRangeChanged(range);
}

void TimeRangePicker::showPopup()
{
    m_from->setText(displayTimeExpression(m_range.from, m_zone));
    m_to->setText(displayTimeExpression(m_range.to, m_zone));
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
