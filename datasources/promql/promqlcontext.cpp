#include "datasources/promql/promqlcontext.h"

#include "datasources/promql/promqlcatalogue.h"
#include "datasources/promql/promqllexer.h"

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
        else if (t.isBracket() && !stack.isEmpty() &&
                 promqlBracketPartner(tokens[stack.last()].kind) == t.kind)
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

} // namespace pharos
