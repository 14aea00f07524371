#include "datasources/promql/promqlcompletion.h"

#include "datasources/datasource.h"
#include "datasources/promql/promqlcatalogue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <climits>
#include <cstring>

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

inline char16_t foldChar(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return char16_t(c + 32);
    if (c < 128)
        return c;
    return char16_t(QChar::toLower(char32_t(c)));
}

inline bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           (c >= 128 && QChar::isLetterOrNumber(char32_t(c)));
}

inline bool isWordStart(const char16_t *s, qsizetype i)
{
    if (i == 0)
        return true;
    const char16_t prev = s[i - 1];
    if (!isAsciiAlnum(prev))
        return true;
    return prev >= u'a' && prev <= u'z' && s[i] >= u'A' && s[i] <= u'Z';
}

// Candidates from several lists (catalogue, metric names, ...) ranked together.
struct RankedMatch
{
    PromqlMatchRank rank;
    int length;
    int list;
    int index;
};

class MatchRanker
{
public:
    explicit MatchRanker(const QString &typed) : m_typed(typed.toLower()) {}
    void add(QStringView name, int list, int index)
    {
        const PromqlMatchRank r = promqlMatchRank(name, m_typed);
        if (r != PromqlMatchRank::None)
            m_matches.push_back(RankedMatch{r, int(name.size()), list, index});
    }
    // The best `limit` (all when <= 0), best first. nameOf(list, index) gives the name back.
    // Adds the matches among `names` (the values of `folded`). The subsequence (fuzzy)
    // search, the slowest, only runs when fewer than `wanted` better matches exist.
    void addFolded(const QStringList &names, const PromqlLookupCache::Folded &folded, int list,
                   int wanted)
    {
        const int n = int(names.size());
        const qsizetype m = m_typed.size();
        if (m == 0) {
            for (int i = 0; i < n && (wanted <= 0 || i < wanted); ++i)
                m_matches.push_back(
                    RankedMatch{PromqlMatchRank::Prefix, int(names.at(i).size()), list, i});
            return;
        }
        QByteArray typed;
        typed.reserve(m);
        for (const QChar ch : m_typed) {
            if (ch.unicode() >= 128 || ch == u'\n') { // cannot occur in ASCII names
                return;
            }
            typed.append(char(ch.unicode()));
        }
        const char *buf = folded.text.constData();
        const size_t len = size_t(folded.text.size());
        std::vector<PromqlMatchRank> best(size_t(n), PromqlMatchRank::None);
        size_t pos = 0;
        int idx = 0;
        int found = 0;
        while (pos < len) {
            const void *hit = memmem(buf + pos, len - pos, typed.constData(), size_t(m));
            if (!hit)
                break;
            const int off = int(static_cast<const char *>(hit) - buf);
            while (idx + 1 < n && folded.starts[size_t(idx) + 1] <= off)
                ++idx;
            const int local = off - folded.starts[size_t(idx)];
            const QString &name = names.at(idx);
            PromqlMatchRank r;
            if (local == 0)
                r = name.size() == m ? PromqlMatchRank::Exact : PromqlMatchRank::Prefix;
            else if (isWordStart(reinterpret_cast<const char16_t *>(name.utf16()), local))
                r = PromqlMatchRank::WordStart;
            else
                r = PromqlMatchRank::Substring;
            PromqlMatchRank &b = best[size_t(idx)];
            if (b == PromqlMatchRank::None)
                ++found;
            if (r < b)
                b = r;
            pos = size_t(off) + 1;
        }
        const bool fuzzy = m > 1 && found < wanted;
        for (int i = 0; i < n; ++i) {
            PromqlMatchRank r = best[size_t(i)];
            if (r == PromqlMatchRank::None && fuzzy) {
                const char *p = buf + folded.starts[size_t(i)];
                const char *end =
                    buf + (i + 1 < n ? folded.starts[size_t(i) + 1] - 1 : int(len) - 1);
                qsizetype j = 0;
                while (j < m && p < end) {
                    const void *q = memchr(p, typed[j], size_t(end - p));
                    if (!q)
                        break;
                    p = static_cast<const char *>(q) + 1;
                    ++j;
                }
                if (j == m)
                    r = PromqlMatchRank::Fuzzy;
            }
            if (r != PromqlMatchRank::None)
                m_matches.push_back(RankedMatch{r, int(names.at(i).size()), list, i});
        }
    }
    int count() const { return int(m_matches.size()); }

    template <typename NameOf> std::vector<RankedMatch> take(int limit, NameOf nameOf)
    {
        if (m_typed.isEmpty()) {
            // Nothing typed: everything in the order given (catalogue, then names A to Z).
            if (limit > 0 && size_t(limit) < m_matches.size())
                m_matches.resize(size_t(limit));
            return std::move(m_matches);
        }
        auto less = [&](const RankedMatch &a, const RankedMatch &b) {
            if (a.rank != b.rank)
                return a.rank < b.rank;
            if (a.length != b.length)
                return a.length < b.length;
            const int c = QStringView(nameOf(a.list, a.index))
                              .compare(QStringView(nameOf(b.list, b.index)), Qt::CaseSensitive);
            if (c != 0)
                return c < 0;
            return a.list != b.list ? a.list < b.list : a.index < b.index;
        };
        if (limit > 0 && size_t(limit) < m_matches.size()) {
            std::partial_sort(m_matches.begin(), m_matches.begin() + limit, m_matches.end(), less);
            m_matches.resize(size_t(limit));
        } else {
            std::sort(m_matches.begin(), m_matches.end(), less);
        }
        return std::move(m_matches);
    }

private:
    QString m_typed;
    std::vector<RankedMatch> m_matches;
};

} // namespace

PromqlMatchRank promqlMatchRank(QStringView candidate, QStringView typed)
{
    const qsizetype n = candidate.size();
    const qsizetype m = typed.size();
    if (m == 0)
        return PromqlMatchRank::Prefix;
    if (m > n)
        return PromqlMatchRank::None;
    const char16_t *c = reinterpret_cast<const char16_t *>(candidate.utf16());
    const char16_t *t = reinterpret_cast<const char16_t *>(typed.utf16());
    const char16_t first = t[0];
    bool substring = false;
    for (qsizetype i = 0; i + m <= n; ++i) {
        if (foldChar(c[i]) != first)
            continue;
        qsizetype j = 1;
        while (j < m && foldChar(c[i + j]) == t[j])
            ++j;
        if (j < m)
            continue;
        if (i == 0)
            return n == m ? PromqlMatchRank::Exact : PromqlMatchRank::Prefix;
        if (isWordStart(c, i))
            return PromqlMatchRank::WordStart;
        substring = true;
    }
    if (substring)
        return PromqlMatchRank::Substring;
    qsizetype j = 0;
    for (qsizetype i = 0; i < n && n - i >= m - j; ++i)
        if (foldChar(c[i]) == t[j] && ++j == m)
            return PromqlMatchRank::Fuzzy;
    return PromqlMatchRank::None;
}

QList<int> promqlRankCandidates(const QStringList &candidates, const QString &typed, int limit)
{
    MatchRanker ranker(typed);
    for (int i = 0; i < candidates.size(); ++i)
        ranker.add(candidates.at(i), 0, i);
    QList<int> out;
    for (const RankedMatch &m :
         ranker.take(limit, [&](int, int i) -> const QString & { return candidates.at(i); }))
        out << m.index;
    return out;
}

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

// --- signature hints ---------------------------------------------------------------------

PromqlCallContext promqlCallContext(const QString &text, int cursor)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    const QList<PromqlToken> tokens = lexPromql(text);
    struct Frame
    {
        PromqlTokenKind open;
        int token;
        QString function; // a call or a label list of this function
        bool grouping = false;
        int argument = 0;
    };
    QList<Frame> stack;
    QHash<int, QString> closedCall;     // ")" token -> the aggregation call it closed
    QHash<int, QString> closedGrouping; // ")" token -> the aggregation whose labels it closed
    auto prevIndex = [&](int from) {
        for (int k = from - 1; k >= 0; --k)
            if (tokens[k].kind != T::Comment)
                return k;
        return -1;
    };
    for (int i = 0; i < tokens.size(); ++i) {
        const PromqlToken &t = tokens[i];
        // A token counts when it lies before the cursor ("rate(|" is inside, "rate|(" not).
        if (t.start >= cursor)
            break;
        if (t.kind == T::String && (cursor < t.end() || t.unterminated))
            break; // inside a string: its commas and brackets are text
        if (t.isOpening()) {
            Frame f{t.kind, i, {}, false, 0};
            if (t.kind == T::LeftParen) {
                const int p = prevIndex(i);
                const PromqlToken *pt = p >= 0 ? &tokens[p] : nullptr;
                if (pt && (pt->kind == T::Function || pt->kind == T::Aggregation)) {
                    f.function = pt->text(text).toString();
                    if (pt->kind == T::Aggregation)
                        f.function = f.function.toLower();
                } else if (pt && pt->kind == T::Keyword) {
                    const QString kw = pt->text(text).toString().toLower();
                    if (kw == QLatin1String("by") || kw == QLatin1String("without")) {
                        // sum by (...) (...)  or  sum(...) by (...)
                        const int a = prevIndex(p);
                        if (a >= 0 && tokens[a].kind == T::Aggregation) {
                            f.function = tokens[a].text(text).toString().toLower();
                            f.grouping = true;
                        } else if (a >= 0 && closedCall.contains(a)) {
                            f.function = closedCall.value(a);
                            f.grouping = true;
                        }
                    }
                } else if (pt && pt->kind == T::RightParen && closedGrouping.contains(p)) {
                    f.function = closedGrouping.value(p);
                }
            }
            stack.append(f);
        } else if (t.isBracket()) {
            if (!stack.isEmpty() && closerOf(stack.last().open) == t.kind) {
                const Frame f = stack.takeLast();
                if (t.kind == T::RightParen && !f.function.isEmpty()) {
                    if (f.grouping)
                        closedGrouping.insert(i, f.function);
                    else if (PromqlCatalogue::isAggregation(f.function))
                        closedCall.insert(i, f.function);
                }
            }
        } else if (t.kind == T::Comma && !stack.isEmpty()) {
            ++stack.last().argument;
        }
    }
    PromqlCallContext ctx;
    for (int k = int(stack.size()) - 1; k >= 0; --k) {
        const Frame &f = stack[k];
        if (f.function.isEmpty() || f.open != T::LeftParen)
            continue;
        if (!PromqlCatalogue::find(f.function))
            continue;
        ctx.function = f.function;
        ctx.grouping = f.grouping;
        ctx.argument = f.grouping ? -1 : f.argument;
        ctx.openParen = tokens[f.token].start;
        break;
    }
    return ctx;
}

PromqlSignatureParts promqlSignatureParts(const QString &signature)
{
    PromqlSignatureParts parts;
    int depth = 0;
    int open = -1;
    for (int i = 0; i < signature.size(); ++i) {
        const QChar c = signature.at(i);
        if (c == u'[') {
            if (depth == 0 && parts.groupingStart < 0)
                parts.groupingStart = i;
            ++depth;
        } else if (c == u']') {
            --depth;
            if (depth == 0 && parts.groupingStart >= 0 && parts.groupingLength == 0)
                parts.groupingLength = i + 1 - parts.groupingStart;
        } else if (c == u'(' && depth == 0) {
            open = i;
            break;
        }
    }
    if (open < 0) {
        parts.head = signature;
        parts.groupingStart = -1;
        parts.groupingLength = 0;
        return parts;
    }
    parts.head = signature.left(open + 1);
    int argStart = open + 1;
    depth = 0;
    int close = -1;
    for (int i = open + 1; i < signature.size(); ++i) {
        const QChar c = signature.at(i);
        if (c == u'(' || c == u'[') {
            ++depth;
        } else if ((c == u')' || c == u']') && depth > 0) {
            --depth;
        } else if (c == u')') {
            close = i;
            break;
        } else if (c == u',' && depth == 0) {
            parts.arguments << signature.mid(argStart, i - argStart).trimmed();
            argStart = i + 1;
        }
    }
    if (close < 0)
        close = int(signature.size());
    const QString last = signature.mid(argStart, close - argStart).trimmed();
    if (!last.isEmpty() || !parts.arguments.isEmpty())
        parts.arguments << last;
    parts.tail = signature.mid(close);
    return parts;
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
    auto folded = std::make_shared<Folded>();
    folded->starts.reserve(size_t(s.values.size()));
    qsizetype total = 0;
    for (const QString &v : std::as_const(s.values))
        total += v.size() + 1;
    folded->text.reserve(total);
    bool ascii = true;
    for (const QString &v : std::as_const(s.values)) {
        folded->starts.push_back(int(folded->text.size()));
        for (const QChar ch : v) {
            const char16_t u = ch.unicode();
            if (u >= 128 || u == u'\n') {
                ascii = false;
                break;
            }
            folded->text.append(char(foldChar(u)));
        }
        if (!ascii)
            break;
        folded->text.append('\n');
    }
    if (ascii)
        s.folded = std::move(folded);
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
                // Every name containing the text (any case): the word-start and substring
                // matches rank after the prefix ones, as for a small server.
                {QStringLiteral("{__name__=~") +
                 promqlQuote(QStringLiteral("(?i).*") + promqlRegexEscape(l.arg) +
                             QStringLiteral(".*")) +
                 u'}'},
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
        MatchRanker ranker(prefix);
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
        const QHash<QString, PromqlMetricMetadata> empty;
        const auto &meta = c ? c->metadata() : empty;
        for (const RankedMatch &m : best) {
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
        MatchRanker ranker(prefix);
        for (int i = 0; i < words.size(); ++i)
            ranker.add(words.at(i).second, CatalogueList, i);
        for (const RankedMatch &m : ranker.take(
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
