#pragma once

#include "dashboards/time/timerange.h"

#include <QToolButton>

class QLabel;
class QLineEdit;
class QListWidget;
#include <QFrame>

namespace pharos {

/// A tool button showing the current range ("Last 6 hours"); its popup offers the quick
/// ranges, the recently used ranges (most recent first, kept in a settings file), and
/// From/To fields for relative expressions (now-6h, now/d, now-1d/d) or absolute date-times,
/// validated inline, and Apply. Absolute times are shown and typed in the dashboard's zone
/// and kept as ISO 8601 UTC.
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
    QListWidget *historyList() const { return m_historyList; }
    QString errorText() const;
    /// Validates the fields; on success applies them (emits timeRangeChanged) and returns true.
    bool apply();

    /// The dashboard's zone: absolute times are shown and read in it.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    /// The recent ranges are stored in this INI file (empty: kept in memory only).
    void setHistoryFile(const QString &path);
    /// Recently used ranges, most recent first (at most MaxHistory).
    QList<TimeRange> history() const { return m_history; }
    /// Puts `range` first in the history (no duplicates) and saves it.
    void addToHistory(const TimeRange &range);
    static constexpr int MaxHistory = 10;

Q_SIGNALS:
    void timeRangeChanged(const pharos::TimeRange &range);

private:
    void showPopup();
    bool validate(TimeRange *range);
    void choose(const TimeRange &range);
    void loadHistory();
    void rebuildHistoryList();

    TimeRange m_range;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_historyFile;
    QList<TimeRange> m_history;
    QListWidget *m_historyList;
    QFrame *m_popup;
    QListWidget *m_quick;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_error;
};

} // namespace pharos
