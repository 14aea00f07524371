#pragma once

#include "timerange.h"

#include <QToolButton>

class QLabel;
class QLineEdit;
class QListWidget;
#include <QFrame>

namespace pharos {

/// A tool button showing the current range ("Last 6 hours"); its popup offers the quick
/// ranges and From/To fields for relative expressions (now-6h, now/d, now-1d/d) or absolute
/// date-times, validated inline, and Apply.
class TimeRangePicker : public QToolButton
{
    Q_OBJECT
public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    TimeRange timeRange() const { return m_range; }
    /// Shows `range` without emitting timeRangeChanged.
    void setTimeRange(const TimeRange &range);

    /// The popup's parts (tests drive them directly).
    QWidget *popup() const { return m_popup; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QListWidget *quickList() const { return m_quick; }
    QString errorText() const;
    /// Validates the fields; on success applies them (emits timeRangeChanged) and returns true.
    bool apply();

Q_SIGNALS:
    void timeRangeChanged(const pharos::TimeRange &range);

private:
    void showPopup();
    bool validate(TimeRange *range);
    void choose(const TimeRange &range);

    TimeRange m_range;
    QFrame *m_popup;
    QListWidget *m_quick;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_error;
};

} // namespace pharos
