#include "promqlcompletion.h"

#include "datasource.h"
#include "promqlcatalogue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace pharos {

namespace {

using T = PromqlTokenKind;
using C = PromqlCompletionContext::Kind;

bool isWordToken(const PromqlToken &t, const QString &text)
{
    switch (t.kind) {
    case T::MetricName:
    case T::LabelName:
    case T::Function:
    case T::Aggregation:
    case T::Keyword:
    case T::Duration:
    case T::Number:
    case T::Variable:
        return true;
    case T::Operator:
        return t.length > 0 && text.at(t.start).isLetter();
    default:
        return false;
    }
}

bool isMatcherOp(const PromqlToken &t, const QString &text)
{
    if (t.kind != T::Operator)
        return false;
    const QStringView op = t.text(text);
    return op == u"=" || op == u"!=" || op == u"=~" || op == u"!~";
}

bool endsExpression(PromqlTokenKind k)
{
    switch (k) {
    case T::MetricName:
    case T::RightParen:
    case T::RightBrace:
    case T::RightBracket:
    case T::Number:
    case T::Duration:
    case T::String:
    case T::Variable:
        return true;
    default:
        return false;
    }
}

PromqlTokenKind closerOf(PromqlTokenKind open)
{
    switch (open) {
    case T::LeftParen:
        return T::RightParen;
    case T::LeftBrace:
        return T::RightBrace;
    default:
        return T::RightBracket;
    }
}

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

QString PromqlCompletionContext::selector() const
{
    QStringList kept;
    for (const QString &m : matchers)
        if (!m.contains(u'$') && !m.contains(QLatin1String("[[")))
            kept << m;
    if (metric.isEmpty() && kept.isEmpty())
        return {};
    if (kept.isEmpty())
        return metric;
    return metric + u'{' + kept.join(u',') + u'}';
}

PromqlCompletionContext promqlCompletionContext(const QString &text, int cursor)
{
    PromqlCompletionContext ctx;
    cursor = std::clamp(cursor, 0, int(text.size()));
    ctx.replaceStart = cursor;
    const QList<PromqlToken> tokens = lexPromql(text);

    int at = -1;
    int firstAfter = int(tokens.size());
    for (int i = 0; i < tokens.size(); ++i) {
        const PromqlToken &t = tokens[i];
        if (t.start >= cursor) {
            firstAfter = i;
            break;
        }
        if (t.kind == T::String) {
            if (t.start < cursor && (cursor < t.end() || (t.unterminated && cursor <= t.end()))) {
                at = i;
                firstAfter = i;
                break;
            }
        } else if (t.kind == T::Comment) {
            if (cursor <= t.end())
                return ctx; // None
        } else if (cursor <= t.end()) {
            if (isWordToken(t, text)) {
                at = i;
                firstAfter = i;
                break;
            }
            if (cursor < t.end())
                return ctx; // inside an operator
        }
    }

    // Open brackets before the word.
    QList<int> stack;
    for (int i = 0; i < firstAfter; ++i) {
        const PromqlToken &t = tokens[i];
        if (t.isOpening())
            stack.append(i);
        else if (t.isBracket() && !stack.isEmpty() && closerOf(tokens[stack.last()].kind) == t.kind)
            stack.removeLast();
    }
    auto prevIndex = [&](int from) {
        for (int k = from - 1; k >= 0; --k)
            if (tokens[k].kind != T::Comment)
                return k;
        return -1;
    };
    const int prev = prevIndex(firstAfter);
    const PromqlToken *word = at >= 0 ? &tokens[at] : nullptr;
    if (word) {
        ctx.replaceStart = word->start;
        ctx.replaceLength = word->length;
        ctx.prefix = text.mid(word->start, cursor - word->start);
    }

    if (word && word->kind == T::Variable) {
        ctx.kind = C::Variable;
        QString p = ctx.prefix.mid(1);
        if (p.startsWith(u'{'))
            p.remove(0, 1);
        ctx.prefix = p;
        return ctx;
    }

    const int top = stack.isEmpty() ? -1 : stack.last();
    const PromqlTokenKind topKind = top >= 0 ? tokens[top].kind : T::Error;

    if (topKind == T::LeftBrace) {
        if (top > 0 && tokens[top - 1].kind == T::MetricName)
            ctx.metric = tokens[top - 1].text(text).toString();
        // The matchers of these braces, except the one being typed.
        int close = matchingPromqlBracket(tokens, top);
        if (close < 0)
            close = int(tokens.size());
        for (int i = top + 1; i < close; ++i) {
            if (tokens[i].kind != T::LabelName)
                continue;
            const bool typing = i == at || (i + 1 < close && (i + 1 == at || i + 2 == at)) ||
                                (i + 1 < close && prev == i + 1);
            if (i + 2 < close && isMatcherOp(tokens[i + 1], text) &&
                tokens[i + 2].kind == T::String && !tokens[i + 2].unterminated && !typing) {
                const QString name = tokens[i].text(text).toString();
                const QString m = text.mid(tokens[i].start, tokens[i + 2].end() - tokens[i].start);
                if (name == QLatin1String("__name__") && tokens[i + 1].text(text) == u"=" &&
                    ctx.metric.isEmpty()) {
                    const QStringView v = tokens[i + 2].text(text);
                    ctx.metric = v.mid(1, v.size() - 2).toString();
                } else {
                    ctx.matchers << m;
                }
                ctx.usedLabels << name;
                i += 2;
            } else if (i != at) {
                ctx.usedLabels << tokens[i].text(text).toString();
            }
        }
        if (word && word->kind == T::String) {
            const int op = prevIndex(at);
            const int lbl = op >= 0 ? prevIndex(op) : -1;
            if (op >= 0 && lbl >= 0 && isMatcherOp(tokens[op], text) &&
                tokens[lbl].kind == T::LabelName) {
                ctx.kind = C::LabelValue;
                ctx.label = tokens[lbl].text(text).toString();
                ctx.quote = text.at(word->start);
                ctx.closingQuote = !word->unterminated;
                ctx.replaceStart = word->start + 1;
                ctx.replaceLength =
                    (ctx.closingQuote ? word->end() - 1 : word->end()) - ctx.replaceStart;
                ctx.prefix = text.mid(word->start + 1, cursor - word->start - 1);
                ctx.usedLabels.removeAll(ctx.label);
            }
            return ctx;
        }
        if (prev >= 0 && isMatcherOp(tokens[prev], text)) {
            const int lbl = prevIndex(prev);
            if (lbl >= 0 && tokens[lbl].kind == T::LabelName) {
                ctx.kind = C::LabelValue;
                ctx.label = tokens[lbl].text(text).toString();
                ctx.usedLabels.removeAll(ctx.label);
                if (!word) {
                    ctx.prefix.clear();
                    ctx.replaceStart = cursor;
                    ctx.replaceLength = 0;
                }
            }
            return ctx;
        }
        if (word && word->kind != T::LabelName)
            return ctx;
        ctx.kind = C::LabelName;
        int after = ctx.replaceStart + ctx.replaceLength;
        while (after < text.size() && text.at(after).isSpace())
            ++after;
        ctx.operatorFollows =
            after < text.size() && (text.at(after) == u'=' || text.at(after) == u'!');
        return ctx;
    }

    if (topKind == T::LeftParen && top > 0 && tokens[top - 1].kind == T::Keyword &&
        PromqlCatalogue::takesLabelList(tokens[top - 1].text(text))) {
        if (word && word->kind != T::LabelName && word->kind != T::MetricName)
            return ctx;
        ctx.kind = C::LabelName;
        ctx.grouping = true;
        for (const PromqlToken &t : tokens)
            if (t.kind == T::MetricName) {
                ctx.metric = t.text(text).toString();
                break;
            }
        return ctx;
    }

    if (topKind == T::LeftBracket) {
        if (word && word->kind != T::Duration && word->kind != T::Number &&
            word->kind != T::MetricName)
            return ctx;
        ctx.kind = C::Duration;
        return ctx;
    }

    if (word && word->kind == T::String)
        return ctx;
    if (word && (word->kind == T::Number || word->kind == T::Duration)) {
        if (prev >= 0 && tokens[prev].kind == T::Keyword &&
            tokens[prev].text(text).compare(QLatin1String("offset"), Qt::CaseInsensitive) == 0)
            ctx.kind = C::Duration;
        return ctx;
    }
    if (prev >= 0 && tokens[prev].kind == T::Keyword &&
        tokens[prev].text(text).compare(QLatin1String("offset"), Qt::CaseInsensitive) == 0) {
        ctx.kind = C::Duration;
        return ctx;
    }
    if (prev >= 0 && endsExpression(tokens[prev].kind)) {
        ctx.kind = C::Keyword;
        return ctx;
    }
    if (prev >= 0 && tokens[prev].kind == T::Keyword)
        return ctx; // by/without/on... expect "("
    ctx.kind = C::FunctionOrMetric;
    return ctx;
}

// --- cache -------------------------------------------------------------------------------

PromqlLookupCache::PromqlLookupCache(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("pharos_promql_lookup_cache"));
}

PromqlLookupCache *PromqlLookupCache::forDataSource(DataSource *source)
{
    if (!source)
        return nullptr;
    auto *c = source->findChild<PromqlLookupCache *>(QStringLiteral("pharos_promql_lookup_cache"),
                                                     Qt::FindDirectChildrenOnly);
    if (!c)
        c = new PromqlLookupCache(source);
    return c;
}

const PromqlLookupCache::Strings *PromqlLookupCache::find(const QString &key) const
{
    auto it = m_strings.constFind(key);
    if (it == m_strings.cend() || it->age.elapsed() >= expiryMs())
        return nullptr;
    return &*it;
}

void PromqlLookupCache::insert(const QString &key, QStringList values, bool truncated)
{
    Strings s;
    s.values = std::move(values);
    s.truncated = truncated;
    s.age.start();
    m_strings.insert(key, std::move(s));
}

void PromqlLookupCache::setMetadata(QHash<QString, PromqlMetricMetadata> metadata)
{
    m_metadata = std::move(metadata);
    m_metadataLoaded = true;
    m_metadataAge.start();
}

void PromqlLookupCache::addMetadata(const QString &metric, const PromqlMetricMetadata &meta)
{
    m_metadata.insert(metric, meta);
}

void PromqlLookupCache::clear()
{
    m_strings.clear();
    m_metadata.clear();
    m_metadataLoaded = false;
}

// --- completer ---------------------------------------------------------------------------

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

QStringList PromqlCompleter::metricNames(const QString &prefix, bool *complete) const
{
    *complete = false;
    PromqlLookupCache *c = cache();
    if (!c)
        return {};
    const PromqlLookupCache::Strings *all = c->find(QStringLiteral("names"));
    if (!all)
        return {};
    if (!all->truncated || prefix.isEmpty()) {
        *complete = !all->truncated;
        return all->values;
    }
    // A large server: the names of this prefix (or a shorter one with all its names).
    for (int len = int(prefix.size()); len >= 1; --len) {
        const PromqlLookupCache::Strings *p = c->find(QStringLiteral("names:") + prefix.left(len));
        if (p && (!p->truncated || len == prefix.size())) {
            *complete = true;
            return p->values;
        }
    }
    return all->values;
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
    if (!m_active || !m_source)
        return;
    for (const Lookup &l : std::as_const(m_wanted)) {
        if (m_inFlight.contains(l.key) || isCached(l))
            continue;
        DataSourceReply *r = nullptr;
        switch (l.type) {
        case AllNames:
            r = m_source->labelValuesInRange(QStringLiteral("__name__"), {}, m_startMs, m_endMs,
                                             m_metricNameLimit);
            break;
        case PrefixNames:
            r = m_source->labelValuesInRange(
                QStringLiteral("__name__"),
                {QStringLiteral("{__name__=~") +
                 promqlQuote(promqlRegexEscape(l.arg) + QStringLiteral(".*")) + u'}'},
                m_startMs, m_endMs, m_metricNameLimit);
            break;
        case Metadata:
            r = m_source->metadata({}, MetadataLimit);
            break;
        case LabelNames:
            r = m_source->labelNames(l.selector.isEmpty() ? QStringList() : QStringList{l.selector},
                                     m_startMs, m_endMs);
            break;
        case LabelValues:
            r = m_source->labelValuesInRange(
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
        QStringList names = r->strings();
        const bool truncated = names.size() >= m_metricNameLimit;
        c->insert(key, std::move(names), truncated);
        break;
    }
    case Metadata: {
        QHash<QString, PromqlMetricMetadata> meta;
        const QJsonObject o = r->object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonArray entries = it.value().toArray();
            if (entries.isEmpty())
                continue;
            const QJsonObject e = entries.first().toObject();
            meta.insert(it.key(), PromqlMetricMetadata{e.value(QLatin1String("type")).toString(),
                                                       e.value(QLatin1String("help")).toString(),
                                                       e.value(QLatin1String("unit")).toString()});
        }
        c->setMetadata(std::move(meta));
        break;
    }
    case LabelNames: {
        QStringList names = r->strings();
        names.removeAll(QStringLiteral("__name__"));
        const bool truncated = names.size() > LabelNameLimit;
        if (truncated)
            names.resize(LabelNameLimit);
        c->insert(key, std::move(names), truncated);
        break;
    }
    case LabelValues: {
        QStringList values = r->strings();
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
    auto matches = [&](const QString &s) { return s.startsWith(prefix, Qt::CaseInsensitive); };
    auto full = [&] { return m_maxItems > 0 && out.size() >= m_maxItems; };
    PromqlLookupCache *c = cache();

    auto addCatalogue = [&](bool functions) {
        for (const PromqlCatalogueEntry &e : PromqlCatalogue::entries()) {
            const bool isFn = e.takesArguments();
            if (isFn != functions || !matches(e.nameString()))
                continue;
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
            out << item;
        }
    };

    switch (ctx.kind) {
    case C::None:
        break;
    case C::FunctionOrMetric: {
        addCatalogue(true);
        bool complete = false;
        const QStringList names = metricNames(prefix, &complete);
        const QHash<QString, PromqlMetricMetadata> empty;
        const auto &meta = c ? c->metadata() : empty;
        auto addMetric = [&](const QString &name) {
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
        };
        // Prefix matches first, then names containing the text.
        for (const QString &n : names) {
            if (full())
                break;
            if (matches(n))
                addMetric(n);
        }
        if (!prefix.isEmpty())
            for (const QString &n : names) {
                if (full())
                    break;
                if (!matches(n) && n.contains(prefix, Qt::CaseInsensitive))
                    addMetric(n);
            }
        break;
    }
    case C::Keyword:
        addCatalogue(false);
        break;
    case C::LabelName:
    case C::LabelValue: {
        if (ctx.kind == C::LabelValue && ctx.prefix.startsWith(u'$')) {
            // A variable as the value: job=~"$job".
            const QString typed = ctx.prefix.mid(1);
            QStringList names = m_variables;
            for (const QString &b : builtinVariables())
                if (!names.contains(b))
                    names << b;
            for (const QString &v : names) {
                if (!v.startsWith(typed, Qt::CaseInsensitive))
                    continue;
                I item;
                item.kind = I::Kind::Variable;
                item.label = u'$' + v;
                item.insertText = u'$' + v;
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
        for (const QString &v : s->values) {
            if (full())
                break;
            if (!matches(v))
                continue;
            I item;
            item.label = v;
            if (ctx.kind == C::LabelName) {
                if (!ctx.grouping && ctx.usedLabels.contains(v))
                    continue;
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
            if (!matches(d))
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
        for (const QString &v : names) {
            if (!matches(v))
                continue;
            I item;
            item.kind = I::Kind::Variable;
            item.label = u'$' + v;
            item.insertText = u'$' + v;
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
