#pragma once

#include "datasources/datasource.h"

#include <QString>
#include <memory>
#include <vector>

namespace pharos {

/// The answer of one target (query) of a panel.
struct TargetResult
{
    QString refId;
    QString expr;         // after macro and variable substitution
    QString legendFormat; // as written on the target; panels apply it per frame
    bool instant = false;
    QueryResult result;
    DataSourceError error;
    /// > 0 when the data source backs off after repeated failures: the query is retried in
    /// this many milliseconds (errorMessage() says "retrying in N s").
    qint64 retryInMs = 0;
};

/// Everything a panel needs to draw one refresh. Shared immutably between the scheduler
/// and the widgets (`PanelDataPtr`), so large frames are never copied.
struct PanelData
{
    int panelId = 0;
    quint64 generation = 0; // the refresh that produced it
    qint64 fromMs = 0;      // the resolved time range
    qint64 toMs = 0;
    QString timeInfo;      // the panel's own time (timeFrom/timeShift): "Last 2 hours", ""
    qint64 intervalMs = 0; // $__interval
    qint64 stepMs = 0;     // range-query step actually sent
    std::vector<TargetResult> targets;

    /// True when any target failed (cancelled requests never count).
    bool hasError() const;
    /// One line per failed target: "A: <message>", with "(retrying in N s)" while its data
    /// source backs off. Empty if none failed.
    QString errorMessage() const;
    /// True when no target returned a single sample.
    bool isEmpty() const;
};

using PanelDataPtr = std::shared_ptr<const PanelData>;

/// A new, empty PanelData for a panel's answer. When its last owner lets go (often the UI
/// thread, replacing it with the next refresh), one of BackgroundFreeFrames frames or more is
/// freed on a worker thread.
std::shared_ptr<PanelData> makePanelData();

} // namespace pharos
