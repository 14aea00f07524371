#include "datasources/promql/promqlcompletion.h"

#include "datasources/datasource.h"
#include "datasources/promql/promqlcatalogue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <climits>

namespace pharos {

namespace {

using C = PromqlCompletionContext::Kind;

enum LookupType { AllNames = 0, PrefixNames = 1, Metadata = 2, LabelNames = 3, LabelValues = 4 };

const QStringList &builtinVariables()
{
    static const QStringList v = {
        QStringLiteral("__rate_interval"), QStringLiteral("__interval"),
        QStringLiteral("__interval_ms"),   QStringLiteral("__range"),
        QStringLiteral("__range_s"),       QStringLiteral("__range_ms"),
    };
    return v;
}

} // namespace

PromqlCompleter::PromqlCompleter(QObject *parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &PromqlCompleter::startLookups);
}

PromqlCompleter::~PromqlCompleter()
{
    cancel();
}

void PromqlCompleter::setDataSource(DataSource *source)
{
    if (m_source == source)
        return;
    cancel();
    m_source = source;
}

void PromqlCompleter::setTimeRange(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
}

PromqlLookupCache *PromqlCompleter::cache() const
{
    return PromqlLookupCache::forDataSource(m_source);
}

void PromqlCompleter::cancel()
{
    m_debounce.stop();
    m_active = false;
    m_wanted.clear();
    const auto replies = m_inFlight;
    m_inFlight.clear();
    m_inFlightLookup.clear();
    for (const QPointer<DataSourceReply> &r : replies) {
        if (r) {
            r->abort();
            r->deleteLater();
        }
    }
}

void PromqlCompleter::fetchNow()
{
    m_debounce.stop();
    startLookups();
}

bool PromqlCompleter::isFetching() const
{
    return m_active && (!m_wanted.isEmpty() || !m_inFlight.isEmpty());
}

const PromqlLookupCache::Strings *PromqlCompleter::metricNames(const QString &prefix,
                                                               bool *complete) const
{
    *complete = false;
    PromqlLookupCache *c = cache();
    if (!c)
        return nullptr;
    const PromqlLookupCache::Strings *all = c->find(QStringLiteral("names"));
    if (!all)
        return nullptr;
    if (!all->truncated || prefix.isEmpty()) {
        *complete = !all->truncated;
        return all;
    }
    // A large server: the names containing this text (or the start of it, when the server
    // sent all the names containing that).
    for (int len = int(prefix.size()); len >= 1; --len) {
        const PromqlLookupCache::Strings *p = c->find(QStringLiteral("names:") + prefix.left(len));
        if (p && (!p->truncated || len == prefix.size())) {
            *complete = true;
            return p;
        }
    }
    return all;
}

QList<PromqlCompleter::Lookup> PromqlCompleter::lookupsFor(const PromqlCompletionContext &ctx) const
{
    QList<Lookup> out;
    if (!m_source)
        return out;
    switch (ctx.kind) {
    case C::FunctionOrMetric: {
        PromqlLookupCache *c = cache();
        const PromqlLookupCache::Strings *all = c->find(QStringLiteral("names"));
        if (!all) {
            out << Lookup{QStringLiteral("names"), AllNames, {}, {}};
        } else if (all->truncated && !ctx.prefix.isEmpty()) {
            bool complete = false;
            metricNames(ctx.prefix, &complete);
            if (!complete)
                out << Lookup{QStringLiteral("names:") + ctx.prefix, PrefixNames, ctx.prefix, {}};
        }
        if (!c->hasMetadata())
            out << Lookup{QStringLiteral("meta"), Metadata, {}, {}};
        break;
    }
    case C::LabelName: {
        const QString sel = ctx.selector();
        out << Lookup{QStringLiteral("labels:") + sel, LabelNames, {}, sel};
        break;
    }
    case C::LabelValue: {
        if (ctx.prefix.startsWith(u'$'))
            break; // a variable: nothing to look up
        const QString sel = ctx.selector();
        out << Lookup{QStringLiteral("values:") + ctx.label + u'\n' + sel, LabelValues, ctx.label,
                      sel};
        break;
    }
    default:
        break;
    }
    return out;
}

bool PromqlCompleter::isCached(const Lookup &l) const
{
    PromqlLookupCache *c = cache();
    if (!c)
        return true;
    if (l.type == Metadata)
        return c->hasMetadata();
    return c->find(l.key) != nullptr;
}

void PromqlCompleter::complete(const QString &text, int cursor)
{
    m_text = text;
    m_cursor = cursor;
    m_active = true;
    const PromqlCompletionContext ctx = promqlCompletionContext(text, cursor);
    QList<Lookup> wanted;
    for (const Lookup &l : lookupsFor(ctx))
        if (!isCached(l))
            wanted << l;
    // Abort what the new request does not need.
    QStringList keys;
    for (const Lookup &l : wanted)
        keys << l.key;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (!keys.contains(it.key())) {
            if (it.value()) {
                it.value()->abort();
                it.value()->deleteLater();
            }
            m_inFlightLookup.remove(it.key());
            it = m_inFlight.erase(it);
        } else {
            ++it;
        }
    }
    m_wanted = wanted;
    bool needStart = false;
    for (const Lookup &l : wanted)
        if (!m_inFlight.contains(l.key))
            needStart = true;
    if (needStart)
        m_debounce.start(); // restarts: typing keeps postponing the lookup
    else
        m_debounce.stop();
    Q_EMIT candidatesReady(ctx, candidates(ctx));
}

void PromqlCompleter::startLookups()
{
    PromqlSource *promql = m_source ? m_source->promql() : nullptr;
    if (!m_active || !promql)
        return;
    for (const Lookup &l : std::as_const(m_wanted)) {
        if (m_inFlight.contains(l.key) || isCached(l))
            continue;
        DataSourceReply *r = nullptr;
        switch (l.type) {
        case AllNames:
            r = promql->labelValuesInRange(QStringLiteral("__name__"), {}, m_startMs, m_endMs,
                                           m_metricNameLimit);
            break;
        case PrefixNames:
            r = promql->labelValuesInRange(
                QStringLiteral("__name__"),
                // Every name containing the text (any case): the word-start and substring
                // matches rank after the prefix ones, as for a small server.
                {QStringLiteral("{__name__=~") +
                 promqlQuote(QStringLiteral("(?i).*") + promqlRegexEscape(l.arg) +
                             QStringLiteral(".*")) +
                 u'}'},
                m_startMs, m_endMs, m_metricNameLimit);
            break;
        case Metadata:
            r = promql->metadata({}, MetadataLimit);
            break;
        case LabelNames:
            r = promql->labelNames(l.selector.isEmpty() ? QStringList() : QStringList{l.selector},
                                   m_startMs, m_endMs);
            break;
        case LabelValues:
            r = promql->labelValuesInRange(
                l.arg, l.selector.isEmpty() ? QStringList() : QStringList{l.selector}, m_startMs,
                m_endMs, LabelValueLimit);
            break;
        }
        if (!r)
            continue;
        ++m_requestCount;
        m_inFlight.insert(l.key, r);
        m_inFlightLookup.insert(l.key, l);
        const QString key = l.key;
        connect(r, &DataSourceReply::finished, this, [this, key] { onReplyFinished(key); });
    }
}

void PromqlCompleter::onReplyFinished(const QString &key)
{
    QPointer<DataSourceReply> r = m_inFlight.take(key);
    const Lookup l = m_inFlightLookup.take(key);
    if (!r)
        return;
    r->deleteLater();
    if (r->error().isError()) {
        if (r->error().kind != DataSourceError::Kind::Cancelled)
            Q_EMIT lookupFailed(r->error().message());
        m_wanted.erase(std::remove_if(m_wanted.begin(), m_wanted.end(),
                                      [&](const Lookup &w) { return w.key == key; }),
                       m_wanted.end());
        return;
    }
    PromqlLookupCache *c = cache();
    if (!c)
        return;
    switch (l.type) {
    case AllNames:
    case PrefixNames: {
        QStringList names = static_cast<StringListReply *>(r.data())->result();
        const bool truncated = names.size() >= m_metricNameLimit;
        c->insert(key, std::move(names), truncated);
        break;
    }
    case Metadata: {
        MetricMetadataMap meta = static_cast<MetadataReply *>(r.data())->result();
        c->setMetadata(std::move(meta));
        break;
    }
    case LabelNames: {
        QStringList names = static_cast<StringListReply *>(r.data())->result();
        names.removeAll(QStringLiteral("__name__"));
        const bool truncated = names.size() > LabelNameLimit;
        if (truncated)
            names.resize(LabelNameLimit);
        c->insert(key, std::move(names), truncated);
        break;
    }
    case LabelValues: {
        QStringList values = static_cast<StringListReply *>(r.data())->result();
        const bool truncated = values.size() >= LabelValueLimit;
        c->insert(key, std::move(values), truncated);
        break;
    }
    }
    if (m_active)
        answer();
}

void PromqlCompleter::answer()
{
    const PromqlCompletionContext ctx = promqlCompletionContext(m_text, m_cursor);
    m_wanted.clear();
    for (const Lookup &l : lookupsFor(ctx))
        if (!isCached(l))
            m_wanted << l;
    Q_EMIT candidatesReady(ctx, candidates(ctx));
    // Data that arrived may call for more (e.g. a large server's names for this prefix).
    bool needStart = false;
    for (const Lookup &l : std::as_const(m_wanted))
        if (!m_inFlight.contains(l.key))
            needStart = true;
    if (needStart)
        startLookups();
}

QList<PromqlCompletionItem> PromqlCompleter::candidates(const PromqlCompletionContext &ctx) const
{
    using I = PromqlCompletionItem;
    QList<I> out;
    const QString &prefix = ctx.prefix;
    PromqlLookupCache *c = cache();
    const QList<PromqlCatalogueEntry> &catalogue = PromqlCatalogue::entries();
    enum { CatalogueList = 0, NameList = 1 };

    auto catalogueItem = [&](const PromqlCatalogueEntry &e) {
        const bool isFn = e.takesArguments();
        I item;
        item.kind = e.kind == PromqlCatalogueEntry::Kind::Function      ? I::Kind::Function
                    : e.kind == PromqlCatalogueEntry::Kind::Aggregation ? I::Kind::Aggregation
                                                                        : I::Kind::Keyword;
        item.label = e.nameString();
        item.detail = e.signatureString();
        item.documentation = e.description();
        item.insertText = item.label;
        if (isFn) {
            int after = ctx.replaceStart + ctx.replaceLength;
            const bool parenFollows = after < m_text.size() && m_text.at(after) == u'(';
            if (!parenFollows) {
                item.insertText += QStringLiteral("()");
                item.cursorOffset = int(item.label.size()) + 1;
            }
        }
        return item;
    };
    // Catalogue entries (functions, or the others) as strings, for the ranker.
    auto catalogueNames = [&](bool functions) {
        QList<QPair<int, QString>> names;
        for (int i = 0; i < catalogue.size(); ++i)
            if (catalogue.at(i).takesArguments() == functions)
                names.append({i, catalogue.at(i).nameString()});
        return names;
    };

    switch (ctx.kind) {
    case C::None:
        break;
    case C::FunctionOrMetric: {
        // Functions, aggregations and metric names ranked together: what matches best first,
        // whatever its kind.
        const QList<QPair<int, QString>> fns = catalogueNames(true);
        bool complete = false;
        const PromqlLookupCache::Strings *entry = metricNames(prefix, &complete);
        const QStringList names = entry ? entry->values : QStringList();
        PromqlMatchRanker ranker(prefix);
        for (int i = 0; i < fns.size(); ++i)
            ranker.add(fns.at(i).second, CatalogueList, i);
        if (entry && entry->folded)
            ranker.addFolded(names, *entry->folded, NameList,
                             m_maxItems > 0 ? std::max(1, m_maxItems - ranker.count()) : INT_MAX);
        else
            for (int i = 0; i < names.size(); ++i)
                ranker.add(names.at(i), NameList, i);
        const auto best = ranker.take(m_maxItems, [&](int list, int i) -> const QString & {
            return list == CatalogueList ? fns.at(i).second : names.at(i);
        });
        const MetricMetadataMap empty;
        const auto &meta = c ? c->metadata() : empty;
        for (const PromqlRankedMatch &m : best) {
            if (m.list == CatalogueList) {
                out << catalogueItem(catalogue.at(fns.at(m.index).first));
                continue;
            }
            const QString &name = names.at(m.index);
            I item;
            item.kind = I::Kind::Metric;
            item.label = name;
            item.insertText = name;
            auto it = meta.constFind(name);
            if (it == meta.cend()) {
                // Histogram/summary series carry the metadata of their family.
                for (const char *suffix : {"_bucket", "_count", "_sum", "_total"}) {
                    const QLatin1String s(suffix);
                    if (name.endsWith(s)) {
                        it = meta.constFind(name.left(name.size() - s.size()));
                        if (it != meta.cend())
                            break;
                    }
                }
            }
            if (it != meta.cend()) {
                item.detail = it->type;
                item.documentation = it->help;
            }
            out << item;
        }
        break;
    }
    case C::Keyword: {
        const QList<QPair<int, QString>> words = catalogueNames(false);
        PromqlMatchRanker ranker(prefix);
        for (int i = 0; i < words.size(); ++i)
            ranker.add(words.at(i).second, CatalogueList, i);
        for (const PromqlRankedMatch &m : ranker.take(
                 m_maxItems, [&](int, int i) -> const QString & { return words.at(i).second; }))
            out << catalogueItem(catalogue.at(words.at(m.index).first));
        break;
    }
    case C::LabelName:
    case C::LabelValue: {
        if (ctx.kind == C::LabelValue && ctx.prefix.startsWith(u'$')) {
            // A variable as the value: job=~"$job".
            QStringList names = m_variables;
            for (const QString &b : builtinVariables())
                if (!names.contains(b))
                    names << b;
            for (int i : promqlRankCandidates(names, ctx.prefix.mid(1), m_maxItems)) {
                I item;
                item.kind = I::Kind::Variable;
                item.label = u'$' + names.at(i);
                item.insertText = item.label;
                if (ctx.quote.isNull())
                    item.insertText = u'"' + item.insertText + u'"';
                else if (!ctx.closingQuote)
                    item.insertText += ctx.quote;
                out << item;
            }
            break;
        }
        if (!c)
            break;
        QString key;
        if (ctx.kind == C::LabelName)
            key = QStringLiteral("labels:") + ctx.selector();
        else
            key = QStringLiteral("values:") + ctx.label + u'\n' + ctx.selector();
        const PromqlLookupCache::Strings *s = c->find(key);
        if (!s)
            break;
        QStringList values = s->values;
        if (ctx.kind == C::LabelName && !ctx.grouping)
            for (const QString &used : ctx.usedLabels)
                values.removeAll(used);
        for (int i : promqlRankCandidates(values, prefix, m_maxItems)) {
            const QString &v = values.at(i);
            I item;
            item.label = v;
            if (ctx.kind == C::LabelName) {
                item.kind = I::Kind::Label;
                item.insertText = v;
                if (!ctx.grouping && !ctx.operatorFollows) {
                    item.insertText = v + QStringLiteral("=\"\"");
                    item.cursorOffset = int(v.size()) + 2;
                }
            } else {
                item.kind = I::Kind::LabelValue;
                if (ctx.quote.isNull()) {
                    item.insertText = promqlQuote(v);
                } else {
                    QString escaped = promqlQuote(v).mid(1);
                    escaped.chop(1);
                    if (ctx.quote == u'`')
                        escaped = v;
                    else if (ctx.quote == u'\'')
                        escaped.replace(QStringLiteral("\\\""), QStringLiteral("\""))
                            .replace(u'\'', QStringLiteral("\\'"));
                    item.insertText = escaped;
                    if (!ctx.closingQuote)
                        item.insertText += ctx.quote;
                }
            }
            out << item;
        }
        break;
    }
    case C::Duration: {
        // In the order of their length of time, not ranked: these are few and all short.
        static const QStringList durations = {QStringLiteral("$__rate_interval"),
                                              QStringLiteral("$__interval"),
                                              QStringLiteral("$__range"),
                                              QStringLiteral("1m"),
                                              QStringLiteral("5m"),
                                              QStringLiteral("10m"),
                                              QStringLiteral("15m"),
                                              QStringLiteral("30m"),
                                              QStringLiteral("1h"),
                                              QStringLiteral("6h"),
                                              QStringLiteral("12h"),
                                              QStringLiteral("1d"),
                                              QStringLiteral("7d")};
        for (const QString &d : durations) {
            if (!d.startsWith(prefix, Qt::CaseInsensitive))
                continue;
            I item;
            item.kind = d.startsWith(u'$') ? I::Kind::Variable : I::Kind::Duration;
            item.label = d;
            item.insertText = d;
            out << item;
        }
        break;
    }
    case C::Variable: {
        QStringList names = m_variables;
        for (const QString &b : builtinVariables())
            if (!names.contains(b))
                names << b;
        for (int i : promqlRankCandidates(names, prefix, m_maxItems)) {
            I item;
            item.kind = I::Kind::Variable;
            item.label = u'$' + names.at(i);
            item.insertText = item.label;
            out << item;
        }
        break;
    }
    }
    if (m_maxItems > 0 && out.size() > m_maxItems)
        out.resize(m_maxItems);
    return out;
}

} // namespace pharos
