#pragma once

// Signature hints: the function call around the cursor and a catalogue signature split into
// its arguments. QtCore only.

#include <QString>
#include <QStringList>

namespace pharos {

/// The function call around the cursor, for a signature hint: the innermost call of a function
/// or aggregation whose parentheses hold the cursor (also when it is deeper inside a selector
/// or plain parentheses of an argument), or the by/without (...) label list of an aggregation.
struct PromqlCallContext
{
    QString function;      // as in the catalogue ("rate", "sum"); empty when not in a call
    int argument = -1;     // the argument the cursor is in, from 0; -1 in the label list
    bool grouping = false; // in the aggregation's by/without (...) label list
    int openParen = -1;    // offset of the "(" of the arguments or of the label list
    bool isValid() const { return !function.isEmpty(); }
};
PromqlCallContext promqlCallContext(const QString &text, int cursor);

/// A catalogue signature split to show one argument highlighted:
/// head + arguments joined by ", " + tail is the signature.
struct PromqlSignatureParts
{
    QString head;           // "clamp(" or "topk [by|without (label, …)] ("
    QStringList arguments;  // "v instant-vector", "min scalar", ...
    QString tail;           // ") → instant-vector"
    int groupingStart = -1; // aggregations: the "[by|without (label, …)]" part of head
    int groupingLength = 0;
    /// The last argument is "…": any number of further arguments.
    bool variadic() const
    {
        return !arguments.isEmpty() && arguments.last() == QStringLiteral("…");
    }
};
PromqlSignatureParts promqlSignatureParts(const QString &signature);

} // namespace pharos
