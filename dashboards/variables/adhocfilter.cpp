#include "dashboards/variables/adhocfilter.h"

#include <QSet>

namespace pharos {

namespace {

bool identStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_') ||
           c == QLatin1Char(':');
}

bool identChar(QChar c)
{
    return identStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`');
}

/// Index one past the string literal starting at `i` (a quote).
int skipString(const QString &s, int i)
{
    const QChar q = s.at(i);
    int k = i + 1;
    while (k < s.size() && s.at(k) != q) {
        if (q != QLatin1Char('`') && s.at(k) == QLatin1Char('\\'))
            ++k;
        ++k;
    }
    return std::min(int(s.size()), k + 1);
}

/// Index one past the bracket closing the one at `i`, skipping strings.
int skipBalanced(const QString &s, int i, QChar open, QChar close)
{
    int depth = 0;
    int k = i;
    while (k < s.size()) {
        const QChar c = s.at(k);
        if (isQuote(c)) {
            k = skipString(s, k);
            continue;
        }
        if (c == open)
            ++depth;
        else if (c == close && --depth == 0)
            return k + 1;
        ++k;
    }
    return int(s.size());
}

QString squeeze(QString s)
{
    s.remove(QLatin1Char(' '));
    s.remove(QLatin1Char('\t'));
    s.remove(QLatin1Char('\n'));
    return s;
}

/// `{...}` (from `i` at the '{') with the matchers added.
QString injectBraces(const QString &s, int i, int *end, const QStringList &matchers)
{
    *end = skipBalanced(s, i, QLatin1Char('{'), QLatin1Char('}'));
    const bool closed = *end > i && s.at(*end - 1) == QLatin1Char('}');
    QString inner = s.mid(i + 1, (closed ? *end - 1 : *end) - i - 1);
    const QString existing = squeeze(inner);
    QStringList add;
    for (const QString &m : matchers) {
        const QString sq = squeeze(m);
        if (!(existing == sq || existing.startsWith(sq + QLatin1Char(',')) ||
              existing.contains(QLatin1Char(',') + sq + QLatin1Char(',')) ||
              existing.endsWith(QLatin1Char(',') + sq)))
            add << m;
    }
    if (!add.isEmpty()) {
        const QString trimmed = inner.trimmed();
        if (trimmed.isEmpty())
            inner = add.join(QLatin1Char(','));
        else if (trimmed.endsWith(QLatin1Char(',')))
            inner = inner + add.join(QLatin1Char(','));
        else
            inner = inner + QLatin1Char(',') + add.join(QLatin1Char(','));
    }
    return QLatin1Char('{') + inner + QLatin1Char('}');
}

} // namespace

QString adhocMatcherText(const AdhocFilter &f)
{
    const bool regex = f.op == QLatin1String("=~") || f.op == QLatin1String("!~");
    const QString value = regex ? promqlStringEscape(f.value) : promqlStringEscape(f.value);
    return f.key + f.op + QLatin1Char('"') + value + QLatin1Char('"');
}

QString injectAdhocFilters(const QString &expr, const QList<AdhocFilter> &filters)
{
    static const QSet<QString> ops{QStringLiteral("="), QStringLiteral("!="), QStringLiteral("=~"),
                                   QStringLiteral("!~")};
    QStringList matchers;
    for (const AdhocFilter &f : filters) {
        if (f.key.isEmpty() || !ops.contains(f.op))
            continue;
        bool validKey = identStart(f.key.at(0)) && !f.key.contains(QLatin1Char(':'));
        for (const QChar c : f.key)
            validKey = validKey && identChar(c);
        if (validKey)
            matchers << adhocMatcherText(f);
    }
    if (matchers.isEmpty() || expr.trimmed().isEmpty())
        return expr;

    static const QSet<QString> grouping{
        QStringLiteral("by"),       QStringLiteral("without"),    QStringLiteral("on"),
        QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right")};
    static const QSet<QString> keywords{QStringLiteral("and"),    QStringLiteral("or"),
                                        QStringLiteral("unless"), QStringLiteral("bool"),
                                        QStringLiteral("offset"), QStringLiteral("atan2"),
                                        QStringLiteral("inf"),    QStringLiteral("nan")};
    static const QSet<QString> aggregations{
        QStringLiteral("sum"),     QStringLiteral("min"),        QStringLiteral("max"),
        QStringLiteral("avg"),     QStringLiteral("group"),      QStringLiteral("stddev"),
        QStringLiteral("stdvar"),  QStringLiteral("count"),      QStringLiteral("count_values"),
        QStringLiteral("bottomk"), QStringLiteral("topk"),       QStringLiteral("quantile"),
        QStringLiteral("limitk"),  QStringLiteral("limit_ratio")};

    const QString &s = expr;
    const int n = int(s.size());
    QString out;
    out.reserve(n + 32 * int(matchers.size()));
    int i = 0;
    auto nextNonSpace = [&](int from) {
        while (from < n && s.at(from).isSpace())
            ++from;
        return from;
    };
    while (i < n) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('#')) {
            const int e = int(s.indexOf(QLatin1Char('\n'), i));
            const int end = e < 0 ? n : e;
            out += s.mid(i, end - i);
            i = end;
            continue;
        }
        if (isQuote(c)) {
            const int end = skipString(s, i);
            out += s.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == QLatin1Char('[')) {
            const int end = skipBalanced(s, i, QLatin1Char('['), QLatin1Char(']'));
            out += s.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == QLatin1Char('{')) {
            int end = i;
            out += injectBraces(s, i, &end, matchers);
            i = end;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && s.at(i + 1).isDigit())) {
            int end = i;
            while (end < n && (identChar(s.at(end)) || s.at(end) == QLatin1Char('.')))
                ++end;
            out += s.mid(i, end - i);
            i = end;
            continue;
        }
        if (identStart(c)) {
            int end = i;
            while (end < n && identChar(s.at(end)))
                ++end;
            const QString ident = s.mid(i, end - i);
            const QString lower = ident.toLower();
            out += ident;
            i = end;
            const int next = nextNonSpace(i);
            const QChar nc = next < n ? s.at(next) : QChar();
            if (grouping.contains(lower)) {
                if (nc == QLatin1Char('(')) {
                    const int close = skipBalanced(s, next, QLatin1Char('('), QLatin1Char(')'));
                    out += s.mid(i, close - i);
                    i = close;
                }
                continue;
            }
            if (keywords.contains(lower) || nc == QLatin1Char('('))
                continue;
            if (aggregations.contains(lower) && identStart(nc)) {
                int we = next;
                while (we < n && identChar(s.at(we)))
                    ++we;
                const QString w = s.mid(next, we - next).toLower();
                if (w == QLatin1String("by") || w == QLatin1String("without"))
                    continue;
            }
            // A metric name: the selector is this name plus an optional {...}.
            if (nc == QLatin1Char('{')) {
                out += s.mid(i, next - i);
                int braceEnd = next;
                out += injectBraces(s, next, &braceEnd, matchers);
                i = braceEnd;
            } else {
                out += QLatin1Char('{') + matchers.join(QLatin1Char(',')) + QLatin1Char('}');
            }
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace pharos
