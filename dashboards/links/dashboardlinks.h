#pragma once

// Dashboard and panel links: parsing `links[]`, building a link's URL with the time range and
// variables, deciding where a URL leads (a local dashboard, the web, or unsafe), and the index
// of local dashboards that links of type "dashboards" list. QtCore only.

#include "dashboards/time/timerange.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace pharos {

/// One entry of a dashboard's `links[]` or a panel's `links[]`.
struct DashboardLink
{
    QString title;
    QString type = QStringLiteral("link"); // "link" or "dashboards"
    QString url;
    QString tooltip;
    QStringList tags; // type "dashboards": the dashboards having all these tags
    bool asDropdown = false;
    bool includeVars = false;
    bool keepTime = false;
    bool targetBlank = false;
    QString icon; // Grafana's icon name: "external link", "dashboard", "doc", "info", ...
};
/// The entries of a `links` array (dashboard or panel links; panel links are type "link").
QList<DashboardLink> parseDashboardLinks(const QJsonValue &links);

/// What a link's URL is built from at the moment it is opened.
struct LinkContext
{
    TimeRange range;            // the dashboard's range as chosen
    ResolvedTimeRange resolved; // and resolved now
    /// The current variable values in dashboard order (for includeVars, $__all_variables).
    QList<QPair<QString, QStringList>> variables;
    /// The dashboard's variable interpolation ($var, ${var:format}); empty = none.
    std::function<QString(const QString &)> interpolate;
};

/// "from=now-6h&to=now" (relative ends as written, absolute ones as epoch ms).
QString urlTimeRangeParams(const TimeRange &range, const ResolvedTimeRange &resolved);
/// "var-job=a&var-job=b&var-env=prod" (percent-encoded).
QString urlVariablesParams(const QList<QPair<QString, QStringList>> &variables);
/// The URL of a link: `$__url_time_range`, `${__url_time_range}`, `$__all_variables` and
/// `${__all_variables}` replaced, variables interpolated, then the time (keepTime) and the
/// variables (includeVars) appended to the query.
QUrl linkUrl(const DashboardLink &link, const LinkContext &context);
/// A local dashboard file's URL with the time and variables a link keeps.
QUrl localDashboardUrl(const QString &path, const DashboardLink &link, const LinkContext &context);

class LocalDashboardIndex;

/// Where a link's URL leads.
struct LinkTarget
{
    enum class Kind {
        LocalDashboard, // a dashboard file Pharos opens (`path`)
        Web,            // http or https: opened in the browser (`url`)
        Unsafe,         // any other scheme (javascript:, file:, data:, mailto:...): only
                        // handed to the desktop after the user confirms it
        Unresolved      // neither: `error` says why (translated)
    };
    Kind kind = Kind::Unresolved;
    QString path;
    QUrl url;
    QString error;
};
/// Decides where `url` leads: a Grafana dashboard URL (`/d/<uid>/...`, relative or on any
/// host) whose uid a local dashboard has opens that file; a local `.json` path or file URL
/// (relative to `baseDir`) opens that file; http and https open in the browser; every other
/// scheme, and file: URLs that are not dashboards, is Unsafe (ask before opening).
LinkTarget resolveLinkTarget(const QUrl &url, const LocalDashboardIndex &index,
                             const QString &baseDir = {});

/// What a link hands to the dashboard it opens: Grafana's `from`/`to` and `var-<name>`
/// query parameters of its URL.
struct LinkState
{
    QString from; // empty: the dashboard's own
    QString to;
    QList<QPair<QString, QStringList>> variables;
};
LinkState linkStateFromUrl(const QUrl &url);

/// A dashboard file found on disk: what links of type "dashboards" match on.
struct LocalDashboardInfo
{
    QString path;
    QString title;
    QString uid;
    QStringList tags;
};

/// Reads the title, uid and tags of every *.json dashboard in `dirs` and of the `files`
/// (unreadable or invalid files are left out). Sorted by title. Runs on any thread.
QList<LocalDashboardInfo> scanLocalDashboards(const QStringList &dirs, const QStringList &files);

/// The dashboards next to the open one and in the recent files, scanned on a pool thread.
class LocalDashboardIndex : public QObject
{
    Q_OBJECT
public:
    explicit LocalDashboardIndex(QObject *parent = nullptr);
    /// Starts a scan; ready() follows (a newer scan replaces an older one's result).
    void scan(const QStringList &dirs, const QStringList &files);
    bool isReady() const { return m_ready; }
    const QList<LocalDashboardInfo> &dashboards() const { return m_dashboards; }
    /// The dashboards having every tag in `tags` (all of them when `tags` is empty), except
    /// `excludePath`.
    QList<LocalDashboardInfo> withTags(const QStringList &tags,
                                       const QString &excludePath = {}) const;
    /// The path of the dashboard with this uid, or "".
    QString pathOfUid(const QString &uid) const;
    /// Runs `action` now if the index is ready, else once the running scan is (in `context`).
    void whenReady(QObject *context, std::function<void()> action);

Q_SIGNALS:
    void ready();

private:
    QList<LocalDashboardInfo> m_dashboards;
    quint64 m_generation = 0;
    bool m_ready = false;
};

} // namespace pharos
