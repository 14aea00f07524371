#include "datasources/promql/promqlsignatures.h"

#include "datasources/promql/promqlcatalogue.h"
#include "datasources/promql/promqllexer.h"

#include <QHash>
#include <algorithm>

namespace pharos {

namespace {
using T = PromqlTokenKind;
} // namespace

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
            if (!stack.isEmpty() && promqlBracketPartner(stack.last().open) == t.kind) {
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

} // namespace pharos
