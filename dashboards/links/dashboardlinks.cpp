#include "dashboards/links/dashboardlinks.h"

#include "dashboards/time/timenavigation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QUrlQuery>
#include <algorithm>

namespace pharos {

QList<DashboardLink> parseDashboardLinks(const QJsonValue &links)
{
    QList<DashboardLink> result;
    for (const QJsonValue &v : links.toArray()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            continue;
        DashboardLink l;
        l.title = o.value(QLatin1String("title")).toString();
        l.type = o.value(QLatin1String("type")).toString(QStringLiteral("link"));
        if (l.type.isEmpty())
            l.type = QStringLiteral("link");
        l.url = o.value(QLatin1String("url")).toString();
        l.tooltip = o.value(QLatin1String("tooltip")).toString();
        for (const QJsonValue &t : o.value(QLatin1String("tags")).toArray())
            if (!t.toString().isEmpty())
                l.tags << t.toString();
        l.asDropdown = o.value(QLatin1String("asDropdown")).toBool(false);
        l.includeVars = o.value(QLatin1String("includeVars")).toBool(false);
        l.keepTime = o.value(QLatin1String("keepTime")).toBool(false);
        l.targetBlank = o.value(QLatin1String("targetBlank")).toBool(false);
        l.icon = o.value(QLatin1String("icon")).toString();
        result << l;
    }
    return result;
}

namespace {

QString urlTimeValue(const QString &expr, qint64 ms)
{
    return isRelativeTime(expr) ? expr.trimmed() : QString::number(ms);
}

QString encode(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

/// Replaces `$name` and `${name}` (not a longer name starting the same way).
QString replaceBuiltin(QString text, const QString &name, const QString &value)
{
    text.replace(QLatin1String("${") + name + QLatin1Char('}'), value);
    const QString plain = QLatin1Char('$') + name;
    qsizetype i = 0;
    while ((i = text.indexOf(plain, i)) >= 0) {
        const qsizetype end = i + plain.size();
        if (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == u'_')) {
            i = end;
            continue;
        }
        text.replace(i, plain.size(), value);
        i += value.size();
    }
    return text;
}

void appendContextParams(QUrlQuery &query, const DashboardLink &link, const LinkContext &context)
{
    if (link.keepTime) {
        query.removeAllQueryItems(QStringLiteral("from"));
        query.removeAllQueryItems(QStringLiteral("to"));
        query.addQueryItem(QStringLiteral("from"),
                           encode(urlTimeValue(context.range.from, context.resolved.fromMs)));
        query.addQueryItem(QStringLiteral("to"),
                           encode(urlTimeValue(context.range.to, context.resolved.toMs)));
    }
    if (link.includeVars) {
        for (const auto &[name, values] : context.variables) {
            const QString key = QLatin1String("var-") + name;
            query.removeAllQueryItems(encode(key));
            for (const QString &v : values)
                query.addQueryItem(encode(key), encode(v));
        }
    }
}

} // namespace

QString urlTimeRangeParams(const TimeRange &range, const ResolvedTimeRange &resolved)
{
    return QStringLiteral("from=%1&to=%2")
        .arg(encode(urlTimeValue(range.from, resolved.fromMs)),
             encode(urlTimeValue(range.to, resolved.toMs)));
}

QString urlVariablesParams(const QList<QPair<QString, QStringList>> &variables)
{
    QStringList parts;
    for (const auto &[name, values] : variables)
        for (const QString &v : values)
            parts << encode(QLatin1String("var-") + name) + QLatin1Char('=') + encode(v);
    return parts.join(QLatin1Char('&'));
}

QUrl linkUrl(const DashboardLink &link, const LinkContext &context)
{
    QString text = link.url.trimmed();
    text = replaceBuiltin(text, QStringLiteral("__url_time_range"),
                          urlTimeRangeParams(context.range, context.resolved));
    text = replaceBuiltin(text, QStringLiteral("__all_variables"),
                          urlVariablesParams(context.variables));
    if (context.interpolate)
        text = context.interpolate(text);
    QUrl url(text, QUrl::TolerantMode);
    if (!link.keepTime && !link.includeVars)
        return url;
    QUrlQuery query(url);
    appendContextParams(query, link, context);
    url.setQuery(query);
    return url;
}

QUrl localDashboardUrl(const QString &path, const DashboardLink &link, const LinkContext &context)
{
    QUrl url = QUrl::fromLocalFile(path);
    QUrlQuery query;
    appendContextParams(query, link, context);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

LinkTarget resolveLinkTarget(const QUrl &url, const LocalDashboardIndex &index,
                             const QString &baseDir)
{
    LinkTarget t;
    t.url = url;
    const QString scheme = url.scheme().toLower();
    const QString path = url.path();
    // Grafana's dashboard URLs: /d/<uid> or /d/<uid>/<slug>, behind any prefix or host.
    static const QRegularExpression dashboardPath(QStringLiteral("(?:^|/)d/([^/?#]+)"));
    const QRegularExpressionMatch m = dashboardPath.match(path);
    const bool web = scheme == QLatin1String("http") || scheme == QLatin1String("https");
    if (m.hasMatch() && (scheme.isEmpty() || web)) {
        const QString uid = m.captured(1);
        const QString local = index.pathOfUid(uid);
        if (!local.isEmpty()) {
            t.kind = LinkTarget::Kind::LocalDashboard;
            t.path = local;
            return t;
        }
        if (web) { // another Grafana: its page in the browser
            t.kind = LinkTarget::Kind::Web;
            return t;
        }
        t.error = QCoreApplication::translate(
                      "pharos::DashboardLinks",
                      "This link cannot be opened: no local dashboard has the uid \"%1\".")
                      .arg(uid);
        return t;
    }
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if ((scheme == QLatin1String("file") && json) || (scheme.isEmpty() && json) ||
        (scheme == QLatin1String("qrc"))) {
        QString file = scheme == QLatin1String("file")  ? url.toLocalFile()
                       : scheme == QLatin1String("qrc") ? QLatin1Char(':') + path
                                                        : path;
        if (QFileInfo(file).isRelative() && !file.startsWith(QLatin1Char(':')) &&
            !baseDir.isEmpty())
            file = QDir(baseDir).filePath(file);
        if (QFileInfo::exists(file)) {
            t.kind = LinkTarget::Kind::LocalDashboard;
            t.path = QFileInfo(file).absoluteFilePath();
            if (file.startsWith(QLatin1Char(':')))
                t.path = file;
            return t;
        }
        t.error = QCoreApplication::translate("pharos::DashboardLinks",
                                              "This link cannot be opened: %1 does not exist.")
                      .arg(QDir::toNativeSeparators(file));
        return t;
    }
    if (web && url.isValid()) {
        t.kind = LinkTarget::Kind::Web;
        return t;
    }
    // Any other scheme (javascript:, data:, mailto:, a file that is no dashboard, a custom
    // scheme): the desktop may run a program with it, so only after asking.
    if (!scheme.isEmpty() && url.isValid()) {
        t.kind = LinkTarget::Kind::Unsafe;
        return t;
    }
    t.error = QCoreApplication::translate("pharos::DashboardLinks",
                                          "This link cannot be opened from Pharos: %1")
                  .arg(url.toDisplayString());
    return t;
}

LinkState linkStateFromUrl(const QUrl &url)
{
    LinkState s;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("from")) {
            s.from = value;
        } else if (key == QLatin1String("to")) {
            s.to = value;
        } else if (key.startsWith(QLatin1String("var-")) && key.size() > 4) {
            const QString name = key.mid(4);
            auto it = std::find_if(s.variables.begin(), s.variables.end(),
                                   [&](const auto &p) { return p.first == name; });
            if (it == s.variables.end())
                s.variables.append({name, {value}});
            else
                it->second.append(value);
        }
    }
    return s;
}

QList<LocalDashboardInfo> scanLocalDashboards(const QStringList &dirs, const QStringList &files)
{
    QStringList paths;
    QSet<QString> seen;
    auto add = [&](const QString &p) {
        const QString abs = QFileInfo(p).absoluteFilePath();
        if (!seen.contains(abs)) {
            seen.insert(abs);
            paths << abs;
        }
    };
    for (const QString &d : dirs) {
        if (d.isEmpty())
            continue;
        const QDir dir(d);
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name))
            add(dir.filePath(name));
    }
    for (const QString &f : files)
        if (!f.isEmpty())
            add(f);

    QList<LocalDashboardInfo> result;
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        QJsonObject o = doc.object();
        if (o.value(QLatin1String("dashboard")).isObject())
            o = o.value(QLatin1String("dashboard")).toObject();
        if (o.isEmpty() ||
            !(o.contains(QLatin1String("panels")) || o.contains(QLatin1String("rows")) ||
              o.contains(QLatin1String("title"))))
            continue;
        LocalDashboardInfo info;
        info.path = path;
        info.title = o.value(QLatin1String("title")).toString();
        if (info.title.isEmpty())
            info.title = QFileInfo(path).completeBaseName();
        info.uid = o.value(QLatin1String("uid")).toString();
        for (const QJsonValue &t : o.value(QLatin1String("tags")).toArray())
            info.tags << t.toString();
        result << info;
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const LocalDashboardInfo &a, const LocalDashboardInfo &b) {
                         return a.title.localeAwareCompare(b.title) < 0;
                     });
    return result;
}

LocalDashboardIndex::LocalDashboardIndex(QObject *parent) : QObject(parent) {}

void LocalDashboardIndex::scan(const QStringList &dirs, const QStringList &files)
{
    const quint64 generation = ++m_generation;
    m_ready = false;
    QPointer<LocalDashboardIndex> guard(this);
    // Reading and parsing files never happens on the UI thread. The result is handed back
    // through the application object (alive for the whole run), where `guard` is checked.
    QThreadPool::globalInstance()->start([guard, generation, dirs, files] {
        QList<LocalDashboardInfo> list = scanLocalDashboards(dirs, files);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, generation, list = std::move(list)]() mutable {
                if (!guard || guard->m_generation != generation)
                    return;
                guard->m_dashboards = std::move(list);
                guard->m_ready = true;
                Q_EMIT guard->ready();
            },
            Qt::QueuedConnection);
    });
}

QList<LocalDashboardInfo> LocalDashboardIndex::withTags(const QStringList &tags,
                                                        const QString &excludePath) const
{
    const QString excluded =
        excludePath.isEmpty() ? QString() : QFileInfo(excludePath).absoluteFilePath();
    QList<LocalDashboardInfo> result;
    for (const LocalDashboardInfo &d : m_dashboards) {
        if (d.path == excluded)
            continue;
        const bool all = std::all_of(tags.cbegin(), tags.cend(), [&](const QString &t) {
            return d.tags.contains(t, Qt::CaseInsensitive);
        });
        if (all)
            result << d;
    }
    return result;
}

void LocalDashboardIndex::whenReady(QObject *context, std::function<void()> action)
{
    if (m_ready) {
        action();
        return;
    }
    auto *connection = new QMetaObject::Connection;
    *connection = connect(this, &LocalDashboardIndex::ready, context,
                          [connection, action = std::move(action)] {
                              QObject::disconnect(*connection);
                              delete connection;
                              action();
                          });
}

QString LocalDashboardIndex::pathOfUid(const QString &uid) const
{
    if (uid.isEmpty())
        return {};
    for (const LocalDashboardInfo &d : m_dashboards)
        if (d.uid == uid)
            return d.path;
    return {};
}

} // namespace pharos
