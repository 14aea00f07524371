#pragma once

#include "datasources/promql/promqllexer.h"

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pharos {

namespace promqlcolor {
/// The WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b);
/// `a` blended towards `b` by `t` (0 to 1).
QColor mix(const QColor &a, const QColor &b, double t);
} // namespace promqlcolor

/// Colours PromQL by the lexer's tokens (metric names, labels, strings, numbers, durations,
/// functions, aggregations, keywords, operators, variables, comments; unknown characters get a
/// red wavy underline). The whole document is lexed, so braces opened on one line classify
/// the words of the next.
class PromqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PromqlHighlighter(QTextDocument *document);
    /// The format of a token kind on `palette` (brackets, commas, colons and @ get the
    /// default). The colours are derived from the palette: hues that keep their meaning,
    /// lighter on a dark Base, darker on a light one, each with a contrast of at least
    /// minimumContrast() against Base.
    static QTextCharFormat formatFor(PromqlTokenKind kind, const QPalette &palette);
    /// The same for the application's palette.
    static QTextCharFormat formatFor(PromqlTokenKind kind);
    /// WCAG contrast ratio every token colour reaches against the palette's Base.
    static constexpr double minimumContrast() { return 4.5; }
    /// Recolours the document for `palette` (the editor's, when it changes).
    void setPalette(const QPalette &palette);
    const QPalette &palette() const { return m_palette; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QString m_text;
    QList<PromqlToken> m_tokens;
    QPalette m_palette;
    QHash<int, QTextCharFormat> m_formats;
};

} // namespace pharos
