// The PromQL lexer (promqllexer.h) and completion analysis (promqlcompletion.h). The first
// byte's low 3 bits select the entry point, its upper bits a small parameter.
//  0: lexPromql and bracket matching          1: completion and call context at many cursors
//  2: "server message\nquery" through promqlErrorPosition
//  3: promqlQuote / promqlRegexEscape of the text (the quote must lex as one string)
//  4: "typed\ncandidate\n..." through promqlMatchRank / promqlRankCandidates
//  5: promqlSignatureParts of the text

#include "datasources/promql/promqlcompletion.h"
#include "datasources/promql/promqllexer.h"
#include "fuzzcommon.h"

#include <QSet>

using namespace pharos;

const int pharosFuzzModeCount = 6;

namespace {

QList<PromqlToken> lex(const QString &text)
{
    const QList<PromqlToken> tokens = lexPromql(text);
    int end = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const PromqlToken &t = tokens.at(i);
        PHAROS_FUZZ_CHECK(t.length > 0 && t.start >= end && t.end() <= text.size(),
                          QStringLiteral("token %1 at %2+%3 after %4 in %5 chars")
                              .arg(i)
                              .arg(t.start)
                              .arg(t.length)
                              .arg(end)
                              .arg(text.size()));
        PHAROS_FUZZ_CHECK(!promqlTokenKindName(t.kind).isEmpty(), QString::number(int(t.kind)));
        end = t.end();
    }
    return tokens;
}

void brackets(const QString &text)
{
    const QList<PromqlToken> tokens = lex(text);
    for (int i = 0; i < int(tokens.size()); ++i) {
        if (!tokens.at(i).isBracket())
            continue;
        const int m = matchingPromqlBracket(tokens, i);
        if (m < 0)
            continue;
        PHAROS_FUZZ_CHECK(m < int(tokens.size()) && tokens.at(m).isBracket() &&
                              tokens.at(m).isOpening() != tokens.at(i).isOpening() &&
                              matchingPromqlBracket(tokens, m) == i,
                          QStringLiteral("bracket %1 matches %2").arg(i).arg(m));
    }
}

void completion(const QString &text, int param)
{
    static PromqlCompleter *completer = [] {
        auto *c = new PromqlCompleter;
        c->setVariables(
            {QStringLiteral("job"), QStringLiteral("instance"), QStringLiteral("__rate_interval")});
        return c;
    }();
    const int n = int(text.size());
    const int stride = n <= 48 ? 1 : n / 24 + 1;
    for (int cursor = param % stride; cursor <= n; cursor += stride) {
        const PromqlCompletionContext c = promqlCompletionContext(text, cursor);
        const QString where = QStringLiteral("cursor %1 of %2: kind %3, replace %4+%5")
                                  .arg(cursor)
                                  .arg(n)
                                  .arg(int(c.kind))
                                  .arg(c.replaceStart)
                                  .arg(c.replaceLength);
        PHAROS_FUZZ_CHECK(c.replaceStart >= 0 && c.replaceLength >= 0 &&
                              c.replaceStart + c.replaceLength <= n,
                          where);
        if (c.kind != PromqlCompletionContext::Kind::None)
            PHAROS_FUZZ_CHECK(
                c.replaceStart <= cursor && cursor <= c.replaceStart + c.replaceLength, where);
        (void)c.selector();
        if (c.kind != PromqlCompletionContext::Kind::None && (cursor & 7) == 0)
            (void)completer->candidates(c);
        const PromqlCallContext call = promqlCallContext(text, cursor);
        if (call.isValid())
            PHAROS_FUZZ_CHECK(call.openParen >= 0 && call.openParen < cursor &&
                                  text.at(call.openParen) == QLatin1Char('('),
                              QStringLiteral("call %1 at %2, cursor %3")
                                  .arg(call.function)
                                  .arg(call.openParen)
                                  .arg(cursor));
    }
}

void errorPosition(const QString &text)
{
    const QStringList parts = pharos::fuzz::lines(text, 2);
    int offset = -1;
    QString message;
    if (promqlErrorPosition(parts.at(0), parts.at(1), &offset, &message))
        PHAROS_FUZZ_CHECK(offset >= 0 && offset <= parts.at(1).size(),
                          QStringLiteral("offset %1 of %2").arg(offset).arg(parts.at(1).size()));
}

void quote(const QString &text)
{
    const QString quoted = promqlQuote(text);
    const QList<PromqlToken> tokens = lex(quoted);
    PHAROS_FUZZ_CHECK(tokens.size() == 1 && tokens.front().kind == PromqlTokenKind::String &&
                          !tokens.front().unterminated && tokens.front().length == quoted.size(),
                      QLatin1String("promqlQuote gives no single string: ") + quoted);
    const QString escaped = promqlRegexEscape(text);
    PHAROS_FUZZ_CHECK(escaped.size() >= text.size(), escaped);
    (void)lex(QLatin1String("{a=~") + promqlQuote(escaped) + QLatin1Char('}'));
}

void rank(const QString &text, int param)
{
    const QStringList parts = text.split(QLatin1Char('\n'));
    const QString typed = parts.front();
    const QStringList candidates = parts.mid(1, 200);
    const int limit = param % 8 == 0 ? 0 : param % 8;
    const QList<int> order = promqlRankCandidates(candidates, typed, limit);
    if (limit > 0)
        PHAROS_FUZZ_CHECK(order.size() <= limit, QString::number(order.size()));
    QSet<int> seen;
    const QString lower = typed.toLower();
    int previous = 0;
    for (int i : order) {
        PHAROS_FUZZ_CHECK(i >= 0 && i < candidates.size() && !seen.contains(i), QString::number(i));
        seen.insert(i);
        const int r = int(promqlMatchRank(candidates.at(i), lower));
        PHAROS_FUZZ_CHECK(r >= previous && r != int(PromqlMatchRank::None),
                          QStringLiteral("rank %1 after %2").arg(r).arg(previous));
        previous = r;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int mode = data[0] % pharosFuzzModeCount;
    const int param = data[0] / pharosFuzzModeCount;
    const QString text = pharos::fuzz::text(data + 1, std::min<std::size_t>(size - 1, 1 << 16));
    switch (mode) {
    case 0:
        brackets(text);
        break;
    case 1:
        completion(text, param);
        break;
    case 2:
        errorPosition(text);
        break;
    case 3:
        quote(text);
        break;
    case 4:
        rank(text, param);
        break;
    case 5: {
        const PromqlSignatureParts parts = promqlSignatureParts(text);
        (void)parts.variadic();
        break;
    }
    }
    return 0;
}
