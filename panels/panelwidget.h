#pragma once

#include "dashboards/model/dashboard.h"
#include "dashboards/query/paneldata.h"

#include <QFrame>
#include <QTimeZone>
#include <QUrl>

class QAction;
class QLabel;
class QToolButton;

namespace pharos {

/// The frame every panel is drawn in: title bar (description as tooltip), content, and a
/// message area that shows "Loading…", "No data" or the error of a failed query. When some
/// targets fail and others return data, the data is drawn and the error shows as a banner.
class PanelWidget : public QFrame
{
    Q_OBJECT
public:
    /// Creates the widget for `model.type`: timeseries, stat, table, gauge, bargauge, heatmap,
    /// text, piechart; anything else gets a placeholder naming the type.
    static PanelWidget *create(const PanelModel &model, QWidget *parent = nullptr);
    ~PanelWidget() override;

    const PanelModel &model() const { return m_model; }
    int panelId() const { return m_model.id; }

    void setLoading(bool loading);
    void setData(PanelDataPtr data);
    PanelDataPtr data() const { return m_data; }

    /// What the message area shows now ("No data", an error...), empty when data is drawn.
    QString statusText() const;
    /// True when the last data had an error (shown on the panel).
    bool hasError() const;
    /// The width in pixels of the plotting area, used as the default maxDataPoints.
    virtual int plotWidthHint() const;
    /// The banner text (a partial failure, the series-limit notice and/or an unknown-unit
    /// warning), empty when none.
    QString bannerText() const;
    /// The most series a panel draws (default 2,000; at least 1). Data with more series is cut
    /// to the first ones in query order and the panel shows "Showing 2,000 of 20,000 series".
    /// Applies to panels created afterwards and to the next data of existing ones.
    static int defaultMaxSeries();
    static void setDefaultMaxSeries(int limit);
    static constexpr int DefaultMaxSeries = 2000;
    /// This panel's limit (defaultMaxSeries() unless set).
    int maxSeries() const { return m_maxSeries; }
    void setMaxSeries(int limit);
    /// The series count of the last data before the limit cut it, 0 when it was not cut.
    qsizetype seriesBeforeLimit() const { return m_seriesBeforeLimit; }
    /// The series-limit notice ("Showing 2,000 of 20,000 series"), empty when not cut.
    QString seriesLimitNotice() const;
    /// The title as shown.
    QString titleText() const;
    /// Replaces the title and description (a variable changed their interpolation).
    void setTitle(const QString &title, const QString &description);
    /// The panel's own time as shown in its header ("Last 2 hours timeshift -1h"), or "".
    QString timeInfoText() const;
    /// The dashboard's time zone (axis labels, tooltips). The base class ignores it.
    virtual void setTimeZone(const QTimeZone &zone);
    /// The titles of the panel's links (`links[]`), shown in the header menu.
    QStringList linkTitles() const { return m_linkTitles; }
    void setLinkTitles(const QStringList &titles);
    /// Commands shown in the panel menu above the links ("View", "Edit"…); not owned (give
    /// them this widget as parent). The menu button shows when there are commands or links.
    void setMenuActions(const QList<QAction *> &actions);
    /// The header menu button (present when the panel has links), for tests.
    QToolButton *menuButton() const { return m_menuButton; }

Q_SIGNALS:
    /// A panel link was chosen in the header menu: its index in the panel's `links`.
    void linkActivated(int panelId, int linkIndex);
    /// A link inside the content (a text panel's anchor) that is not http(s): whoever shows
    /// the panel decides whether to open it (the main window asks first).
    void urlActivated(const QUrl &url);

protected:
    explicit PanelWidget(const PanelModel &model, QWidget *parent = nullptr);
    /// The type-specific content widget, placed under the title.
    void setContentWidget(QWidget *content);
    /// Draws `data` (already checked to be non-null). Return false when there was nothing
    /// to draw, so the frame shows "No data".
    virtual bool updateContent(const PanelDataPtr &data) = 0;

    /// Re-evaluates what the frame shows (message, banner, content) for the current data;
    /// runs updateContent() once when there is data to draw.
    void refreshState();
    /// Updates the message, banner and content visibility only (no updateContent()).
    void applyState();

private:
    /// m_received cut to m_maxSeries series (or m_received itself when within the limit).
    void applySeriesLimit();

    PanelModel m_model;
    PanelDataPtr m_received; // as the scheduler delivered it
    PanelDataPtr m_data;     // what is drawn: m_received within the series limit
    int m_maxSeries = DefaultMaxSeries;
    qsizetype m_seriesBeforeLimit = 0;
    QLabel *m_title = nullptr;
    QLabel *m_timeInfo = nullptr;
    QToolButton *m_menuButton = nullptr;
    QStringList m_linkTitles;
    QList<QAction *> m_menuActions;
    QLabel *m_message = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_content = nullptr;
    bool m_loading = false;
    bool m_contentDrawn = false; // the last updateContent() drew something
    int m_messageStyle = -1;     // 0 = neutral, 1 = error; -1 = not set yet
};

} // namespace pharos
