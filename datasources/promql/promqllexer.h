#pragma once

// PromQL lexing shared by the editor (highlighting, bracket matching, completion) and, later,
// the built-in "Local" data source's evaluator. QtCore only.

#include <QList>
#include <QString>
#include <QStringView>

namespace pharos {

/// What a token is. The lexer resolves identifiers by their context: inside `{...}` and
/// inside the parentheses of by/without/on/ignoring/group_left/group_right they are label
/// names; followed by `(` and known they are functions or aggregations; keywords and the
/// word operators (and, or, unless, atan2) are recognised; everything else is a metric name.
enum class PromqlTokenKind : quint8 {
    MetricName,
    LabelName,
    Function,    // a known function followed by "(" (also start()/end() after @)
    Aggregation, // sum, avg, topk, ... followed by "(" or by/without
    Keyword,     // by, without, on, ignoring, group_left, group_right, offset, bool
    Operator,    // + - * / % ^ == != < > <= >= = =~ !~ and or unless atan2
    Number,      // 1, 1.5, 1e3, 0x1f, .5, Inf, NaN
    Duration,    // 5m, 1h30m, 500ms
    String,      // "..." '...' `...` (see PromqlToken::unterminated)
    Comment,     // # to the end of the line
    Variable,    // Grafana variables: $var, ${var:fmt}, [[var]]
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Colon, // subquery step separator inside [...]
    At,    // @ modifier
    Error, // a character PromQL does not know
};

/// One token: its kind and where it is in the text (QChar offsets).
struct PromqlToken
{
    PromqlTokenKind kind = PromqlTokenKind::Error;
    int start = 0;
    int length = 0;
    /// Strings: no closing quote before the end of the line (raw strings: of the text).
    bool unterminated = false;

    int end() const { return start + length; }
    QStringView text(QStringView source) const { return source.mid(start, length); }
    bool isBracket() const
    {
        return kind >= PromqlTokenKind::LeftParen && kind <= PromqlTokenKind::RightBracket;
    }
    bool isOpening() const
    {
        return kind == PromqlTokenKind::LeftParen || kind == PromqlTokenKind::LeftBrace ||
               kind == PromqlTokenKind::LeftBracket;
    }
    bool operator==(const PromqlToken &) const = default;
};

/// Splits PromQL (with Grafana variables) into tokens. Whitespace is skipped. Never fails:
/// unknown characters become Error tokens, unterminated strings run to the end of the line.
QList<PromqlToken> lexPromql(QStringView text);

/// Stable lower-case name of a kind ("metric", "label", "function", ...), for tests and tools.
QString promqlTokenKindName(PromqlTokenKind kind);

/// The bracket kind that pairs with `bracket`: RightParen for LeftParen, LeftBrace for
/// RightBrace, ... (LeftBracket for anything that is not a bracket).
PromqlTokenKind promqlBracketPartner(PromqlTokenKind bracket);

/// The index of the bracket token matching the bracket token `index` (same nesting level),
/// or -1 when it has none. Strings and comments never count.
int matchingPromqlBracket(const QList<PromqlToken> &tokens, int index);

/// Where a Prometheus parse error points. Prometheus writes "<line>:<column>: parse error:
/// <text>" (1-based line; column counted in UTF-8 bytes from 1), possibly after a prefix such
/// as `invalid parameter "query": `. Returns false when `serverMessage` names no position.
/// On success *offset is the QChar offset in `query` (clamped to its length) and *message
/// the text after "parse error: ".
bool promqlErrorPosition(const QString &serverMessage, const QString &query, int *offset,
                         QString *message = nullptr);

} // namespace pharos

namespace pharos {

/// `value` as a double-quoted PromQL string literal (backslash, quote and newline escaped).
QString promqlQuote(const QString &value);
/// Escapes the RE2 metacharacters of `value` (for =~ matchers).
QString promqlRegexEscape(const QString &value);

} // namespace pharos
