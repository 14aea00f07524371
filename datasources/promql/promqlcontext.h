#pragma once

// Where the cursor is in PromQL text, for completion: context analysis over the lexer (what
// kind of word is typed there, the selector and matchers around it). QtCore only.

#include <QChar>
#include <QString>
#include <QStringList>

namespace pharos {

/// What the text around the cursor asks for.
struct PromqlCompletionContext
{
    enum class Kind {
        None,             // inside a comment, a number, a string outside a selector, ...
        FunctionOrMetric, // an expression starts here: functions, aggregations, metric names
        Keyword,          // after an expression: operators and modifiers (by, offset, and, ...)
        LabelName,        // inside {...} of a selector, or in by/without/on/ignoring (...)
        LabelValue,       // after label=, label!=, label=~ or label!~ inside {...}
        Duration,         // inside [...]
        Variable,         // after $
    };
    Kind kind = Kind::None;
    QString prefix;               // what is typed of the word being completed (no quotes, no $)
    int replaceStart = 0;         // the text an accepted candidate replaces
    int replaceLength = 0;        //
    QString metric;               // the selector's metric name, if known
    QString label;                // LabelValue: the label whose value is typed
    QStringList matchers;         // the selector's other matchers as written: job="x", ...
    QStringList usedLabels;       // LabelName in {...}: labels already used in these braces
    QChar quote;                  // LabelValue: the opening quote already typed (null when none)
    bool closingQuote = false;    // LabelValue: the string already has its closing quote
    bool grouping = false;        // LabelName inside by/without/on/ignoring/group_x (...)
    bool operatorFollows = false; // LabelName in {...}: "=" or "!" already follows the word

    /// The series selector lookups are restricted to: metric{matchers}, or "" when nothing
    /// restricts them. Matchers holding Grafana variables are left out.
    QString selector() const;
    bool needsServer() const
    {
        return kind == Kind::FunctionOrMetric || kind == Kind::LabelName ||
               kind == Kind::LabelValue;
    }
};

/// Analyses `text` with the cursor at QChar offset `cursor`.
PromqlCompletionContext promqlCompletionContext(const QString &text, int cursor);

} // namespace pharos
