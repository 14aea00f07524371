#include "datasources/promql/promqllexer.h"

#include "datasources/promql/promqlcatalogue.h"

#include <QRegularExpression>

namespace pharos {

namespace {

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9') || c == u':';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isUnit(QChar c)
{
    return c == u's' || c == u'm' || c == u'h' || c == u'd' || c == u'w' || c == u'y';
}

// What an open bracket was opened by, for classifying identifiers inside it.
enum class Opener { Paren, LabelList, Brace, Bracket };

} // namespace

QList<PromqlToken> lexPromql(QStringView text)
{
    using K = PromqlTokenKind;
    QList<PromqlToken> out;
    QList<Opener> stack;
    const int n = int(text.size());
    int i = 0;
    auto add = [&](K kind, int start, int end, bool unterminated = false) {
        out.append(PromqlToken{kind, start, end - start, unterminated});
    };
    auto lastSignificant = [&]() -> const PromqlToken * {
        for (qsizetype k = out.size() - 1; k >= 0; --k)
            if (out[k].kind != K::Comment)
                return &out[k];
        return nullptr;
    };
    auto nextNonSpace = [&](int from) {
        while (from < n && text[from].isSpace())
            ++from;
        return from;
    };

    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        const bool inBrackets = !stack.isEmpty() && stack.last() == Opener::Bracket;
        const bool inBraces = !stack.isEmpty() && stack.last() == Opener::Brace;

        if (c == u'#') {
            while (i < n && text[i] != u'\n')
                ++i;
            add(K::Comment, start, i);
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = text[i];
                if (c != u'`' && d == u'\\' && i + 1 < n && text[i + 1] != u'\n') {
                    i += 2;
                    continue;
                }
                if (c != u'`' && d == u'\n')
                    break;
                ++i;
                if (d == c) {
                    closed = true;
                    break;
                }
            }
            add(K::String, start, i, !closed);
            continue;
        }
        // Grafana variables: $name, ${name...}, [[name]]
        if (c == u'$') {
            ++i;
            if (i < n && text[i] == u'{') {
                while (i < n && text[i] != u'}' && text[i] != u'\n')
                    ++i;
                if (i < n && text[i] == u'}')
                    ++i;
            } else {
                while (i < n && (isIdentChar(text[i]) && text[i] != u':'))
                    ++i;
            }
            add(K::Variable, start, i);
            continue;
        }
        if (c == u'[' && i + 1 < n && text[i + 1] == u'[') {
            int j = i + 2;
            while (j < n && (isIdentChar(text[j]) || text[j] == u'.'))
                ++j;
            if (j > i + 2 && j + 1 < n && text[j] == u']' && text[j + 1] == u']') {
                i = j + 2;
                add(K::Variable, start, i);
                continue;
            }
        }
        if (isDigit(c) || (c == u'.' && i + 1 < n && isDigit(text[i + 1]))) {
            // Duration: (digits unit)+ with units ms s m h d w y.
            int j = i;
            bool duration = false;
            while (j < n && isDigit(text[j])) {
                int k = j;
                while (k < n && isDigit(text[k]))
                    ++k;
                if (k < n && isUnit(text[k])) {
                    int u = k + 1;
                    if (text[k] == u'm' && u < n && text[u] == u's')
                        ++u;
                    if (u < n && isIdentStart(text[u]))
                        break; // "5min": not a duration
                    duration = true;
                    j = u;
                } else {
                    break;
                }
            }
            if (duration && (j >= n || !isDigit(text[j]))) {
                i = j;
                add(K::Duration, start, i);
                continue;
            }
            // Number: hex, decimal with fraction and exponent.
            if (c == u'0' && i + 1 < n && (text[i + 1] == u'x' || text[i + 1] == u'X')) {
                i += 2;
                while (i < n && (isDigit(text[i]) ||
                                 (text[i].toLower() >= u'a' && text[i].toLower() <= u'f')))
                    ++i;
            } else {
                while (i < n && isDigit(text[i]))
                    ++i;
                if (i < n && text[i] == u'.') {
                    ++i;
                    while (i < n && isDigit(text[i]))
                        ++i;
                }
                if (i < n && (text[i] == u'e' || text[i] == u'E')) {
                    int k = i + 1;
                    if (k < n && (text[k] == u'+' || text[k] == u'-'))
                        ++k;
                    if (k < n && isDigit(text[k])) {
                        i = k;
                        while (i < n && isDigit(text[i]))
                            ++i;
                    }
                }
            }
            add(K::Number, start, i);
            continue;
        }
        if (isIdentStart(c) || (c == u':' && !inBrackets)) {
            while (i < n && isIdentChar(text[i]))
                ++i;
            // Inside [...] a colon separates the subquery step: "5m:1m" never reaches here
            // (durations), but "$x:1m" or "a:b" in brackets should not swallow the colon.
            if (inBrackets) {
                int colon = int(text.mid(start, i - start).indexOf(u':'));
                if (colon > 0)
                    i = start + colon;
            }
            const QStringView word = text.mid(start, i - start);
            const QString lower = word.toString().toLower();
            const int next = nextNonSpace(i);
            const bool parenFollows = next < n && text[next] == u'(';
            K kind = K::MetricName;
            const PromqlToken *prev = lastSignificant();
            if (inBraces || (!stack.isEmpty() && stack.last() == Opener::LabelList)) {
                kind = K::LabelName;
            } else if (PromqlCatalogue::isKeyword(word)) {
                kind = K::Keyword;
            } else if (PromqlCatalogue::isWordOperator(word)) {
                kind = K::Operator;
            } else if (PromqlCatalogue::isAggregation(word)) {
                bool agg = parenFollows;
                if (!agg && next < n) {
                    int e = next;
                    while (e < n && isIdentChar(text[e]))
                        ++e;
                    const QString w = text.mid(next, e - next).toString().toLower();
                    agg = w == QLatin1String("by") || w == QLatin1String("without");
                }
                kind = agg ? K::Aggregation : K::MetricName;
            } else if (parenFollows && PromqlCatalogue::isFunction(word)) {
                kind = K::Function;
            } else if (parenFollows && prev && prev->kind == K::At &&
                       (word == QLatin1String("start") || word == QLatin1String("end"))) {
                kind = K::Function;
            } else if (lower == QLatin1String("inf") || lower == QLatin1String("nan")) {
                kind = K::Number;
            }
            add(kind, start, i);
            continue;
        }
        auto two = [&](const char *s) {
            return i + 1 < n && text[i] == QLatin1Char(s[0]) && text[i + 1] == QLatin1Char(s[1]);
        };
        if (two("==") || two("!=") || two("<=") || two(">=") || two("=~") || two("!~")) {
            i += 2;
            add(K::Operator, start, i);
            continue;
        }
        switch (c.unicode()) {
        case u'+':
        case u'-':
        case u'*':
        case u'/':
        case u'%':
        case u'^':
        case u'<':
        case u'>':
        case u'=':
            ++i;
            add(K::Operator, start, i);
            continue;
        case u'(': {
            const PromqlToken *prev = lastSignificant();
            const bool labelList = prev && prev->kind == K::Keyword &&
                                   PromqlCatalogue::takesLabelList(prev->text(text));
            stack.append(labelList ? Opener::LabelList : Opener::Paren);
            ++i;
            add(K::LeftParen, start, i);
            continue;
        }
        case u'{':
            stack.append(Opener::Brace);
            ++i;
            add(K::LeftBrace, start, i);
            continue;
        case u'[':
            stack.append(Opener::Bracket);
            ++i;
            add(K::LeftBracket, start, i);
            continue;
        case u')':
            if (!stack.isEmpty() &&
                (stack.last() == Opener::Paren || stack.last() == Opener::LabelList))
                stack.removeLast();
            ++i;
            add(K::RightParen, start, i);
            continue;
        case u'}':
            if (!stack.isEmpty() && stack.last() == Opener::Brace)
                stack.removeLast();
            ++i;
            add(K::RightBrace, start, i);
            continue;
        case u']':
            if (!stack.isEmpty() && stack.last() == Opener::Bracket)
                stack.removeLast();
            ++i;
            add(K::RightBracket, start, i);
            continue;
        case u',':
            ++i;
            add(K::Comma, start, i);
            continue;
        case u':':
            ++i;
            add(K::Colon, start, i);
            continue;
        case u'@':
            ++i;
            add(K::At, start, i);
            continue;
        default:
            ++i;
            add(K::Error, start, i);
            continue;
        }
    }
    return out;
}

QString promqlTokenKindName(PromqlTokenKind kind)
{
    using K = PromqlTokenKind;
    switch (kind) {
    case K::MetricName:
        return QStringLiteral("metric");
    case K::LabelName:
        return QStringLiteral("label");
    case K::Function:
        return QStringLiteral("function");
    case K::Aggregation:
        return QStringLiteral("aggregation");
    case K::Keyword:
        return QStringLiteral("keyword");
    case K::Operator:
        return QStringLiteral("operator");
    case K::Number:
        return QStringLiteral("number");
    case K::Duration:
        return QStringLiteral("duration");
    case K::String:
        return QStringLiteral("string");
    case K::Comment:
        return QStringLiteral("comment");
    case K::Variable:
        return QStringLiteral("variable");
    case K::LeftParen:
        return QStringLiteral("(");
    case K::RightParen:
        return QStringLiteral(")");
    case K::LeftBrace:
        return QStringLiteral("{");
    case K::RightBrace:
        return QStringLiteral("}");
    case K::LeftBracket:
        return QStringLiteral("[");
    case K::RightBracket:
        return QStringLiteral("]");
    case K::Comma:
        return QStringLiteral(",");
    case K::Colon:
        return QStringLiteral(":");
    case K::At:
        return QStringLiteral("@");
    case K::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

PromqlTokenKind promqlBracketPartner(PromqlTokenKind bracket)
{
    using K = PromqlTokenKind;
    switch (bracket) {
    case K::LeftParen:
        return K::RightParen;
    case K::RightParen:
        return K::LeftParen;
    case K::LeftBrace:
        return K::RightBrace;
    case K::RightBrace:
        return K::LeftBrace;
    case K::LeftBracket:
        return K::RightBracket;
    default:
        return K::LeftBracket;
    }
}

int matchingPromqlBracket(const QList<PromqlToken> &tokens, int index)
{
    using K = PromqlTokenKind;
    if (index < 0 || index >= tokens.size() || !tokens[index].isBracket())
        return -1;
    const PromqlToken &t = tokens[index];
    const K open = t.kind;
    const K close = promqlBracketPartner(open);
    const int dir = t.isOpening() ? 1 : -1;
    int depth = 0;
    for (int k = index; k >= 0 && k < tokens.size(); k += dir) {
        if (tokens[k].kind == open)
            ++depth;
        else if (tokens[k].kind == close && --depth == 0)
            return k;
    }
    return -1;
}

bool promqlErrorPosition(const QString &serverMessage, const QString &query, int *offset,
                         QString *message)
{
    static const QRegularExpression re(QStringLiteral("(\\d+):(\\d+): parse error: (.*)$"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(serverMessage);
    if (!m.hasMatch())
        return false;
    const int line = m.captured(1).toInt();
    const int column = m.captured(2).toInt();
    if (line < 1 || column < 1)
        return false;
    // Find the start of the line, then walk `column - 1` UTF-8 bytes.
    int pos = 0;
    for (int l = 1; l < line; ++l) {
        const int nl = int(query.indexOf(u'\n', pos));
        if (nl < 0) {
            pos = int(query.size());
            break;
        }
        pos = nl + 1;
    }
    qsizetype bytes = column - 1;
    while (bytes > 0 && pos < query.size()) {
        const QChar c = query[pos];
        if (c.isHighSurrogate() && pos + 1 < query.size()) {
            bytes -= 4;
            pos += 2;
            continue;
        }
        const ushort u = c.unicode();
        bytes -= u < 0x80 ? 1 : (u < 0x800 ? 2 : 3);
        ++pos;
    }
    *offset = std::min(pos, int(query.size()));
    if (message)
        *message = m.captured(3).trimmed();
    return true;
}

} // namespace pharos

namespace pharos {

QString promqlQuote(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        if (c == u'\n') {
            out += QLatin1String("\\n");
            continue;
        }
        out += c;
    }
    out += u'"';
    return out;
}

QString promqlRegexEscape(const QString &value)
{
    static const QString special = QStringLiteral("\\^$.|?*+()[]{}");
    QString out;
    out.reserve(value.size() + 4);
    for (const QChar c : value) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace pharos
