#pragma once

#include "app/editor/promqlcompletionpopup.h"
#include "app/editor/promqlhighlighter.h"
#include "datasources/promql/promqlcompletion.h"
#include "datasources/promql/promqllexer.h"

#include <QPlainTextEdit>
#include <QPointer>

class QLabel;

namespace pharos {

class DataSource;
class VariableSet;

/// A PromQL code editor: syntax highlighting, bracket matching, autocomplete of functions,
/// metric names (with HELP/TYPE), label names and values of the metric under the cursor,
/// durations and variables (looked up on the data source, debounced, limited and cached),
/// server parse errors marked at their position, Shift+Enter to run.
///
/// Keys: Ctrl+Space completes now; in the list, Up/Down/PageUp/PageDown move, Enter or Tab
/// accept, Esc closes. Completion opens by itself while typing words, after "{", ",", "=",
/// a quote, "[", "(" and "$".
class PromqlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PromqlEditor(QWidget *parent = nullptr);
    ~PromqlEditor() override;

    QString query() const { return toPlainText(); }
    /// Replaces the text (no completion opens) and clears the error marker.
    void setQuery(const QString &query);

    /// Inserts `text` at the cursor, replacing the selection (e.g. a selector from the
    /// metrics browser).
    void insertText(const QString &text);

    /// Where names, labels and values are looked up (nullptr: functions and variables only).
    void setDataSource(DataSource *source);
    DataSource *dataSource() const;
    /// Offers the variables of `variables` after "$" (names are read at each completion).
    void setVariableSet(VariableSet *variables);
    /// Offers these variable names (without "$") in addition to the variable set's.
    void setVariableNames(const QStringList &names) { m_variableNames = names; }
    /// Label lookups are restricted to this range (unix ms; 0 = the server's default).
    void setTimeRange(qint64 startMs, qint64 endMs);

    PromqlCompleter *completer() const { return m_completer; }
    PromqlHighlighter *highlighter() const { return m_highlighter; }
    PromqlCompletionPopup *completionPopup() const { return m_popup; }
    bool isCompletionVisible() const;
    /// Opens completion at the cursor now (what Ctrl+Space does).
    void triggerCompletion();
    /// Accepts the current candidate of the open list. False when none.
    bool acceptCompletion();
    void hideCompletion();

    /// Shows a server error. When it names a position ("1:14: parse error: ..."), the token
    /// there is underlined and the message shows as its tooltip. Cleared by the next edit.
    void setServerError(const QString &message);
    /// Shows a server error whose position the caller worked out: the token at `offset` (a
    /// QChar offset in query()) is marked; -1 shows the message without a marker.
    void setServerErrorAt(const QString &message, int offset);
    void clearServerError();
    /// QChar offset of the error marker in query(), or -1.
    int errorOffset() const { return m_errorOffset; }
    QString errorMessage() const { return m_errorMessage; }

    /// Offsets of the highlighted brackets: the one at the cursor and its partner (-1 when
    /// it has none, then the first is shown as unmatched). Both -1 when none is highlighted.
    std::pair<int, int> highlightedBrackets() const { return m_brackets; }
    /// What hovering at `position` shows: the server error at the marker, the signature and
    /// description of a function, aggregation or keyword, or a metric's TYPE and HELP (when
    /// the data source's metadata is cached). Empty when nothing.
    QString toolTipAt(int position) const;

    /// The signature hint: while the cursor is inside the parentheses of a function or
    /// aggregation call (or its by/without label list), a small label under the cursor shows
    /// the signature with the current argument in bold. Esc hides it until the cursor leaves
    /// that call.
    QLabel *signatureHint() const { return m_hint; }
    bool isSignatureHintVisible() const;
    /// The call the hint describes (invalid when none).
    const PromqlCallContext &signatureContext() const { return m_call; }
    /// The hint as rich text (what the label shows), or "" when no call is around the cursor.
    QString signatureHintHtml() const { return m_hintHtml; }

    /// The backgrounds of matching brackets and of an unmatched one, derived from the
    /// palette (Highlight or red blended into Base, keeping Text readable on them).
    static QColor bracketMatchColor(const QPalette &palette);
    static QColor bracketMismatchColor(const QPalette &palette);
    /// The same for the application's palette.
    static QColor bracketMatchColor();
    static QColor bracketMismatchColor();

Q_SIGNALS:
    /// Shift+Enter.
    void runRequested();
    void queryChanged(const QString &query);
    /// A completion lookup failed (also shown in the list).
    void lookupFailed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void requestCompletion(bool now);
    void onCandidates(const PromqlCompletionContext &context,
                      const QList<PromqlCompletionItem> &items);
    void updateExtraSelections();
    void placePopup();
    void updateSignatureHint();
    void placeSignatureHint();
    QStringList variableNames() const;

    PromqlHighlighter *m_highlighter;
    PromqlCompleter *m_completer;
    PromqlCompletionPopup *m_popup;
    QPointer<VariableSet> m_variables;
    QStringList m_variableNames;
    PromqlCompletionContext m_context;
    QString m_contextText;     // the text the shown candidates were computed for
    QString m_shownPrefix;     // what was typed when the shown candidates were ranked
    int m_shownStart = -1;     // where the completed word starts
    bool m_completing = false; // completion is wanted at the cursor
    bool m_editing = false;    // a change of ours moves the cursor
    int m_errorOffset = -1;
    int m_errorLength = 0;
    QString m_errorMessage;
    std::pair<int, int> m_brackets{-1, -1};
    QLabel *m_hint = nullptr;
    PromqlCallContext m_call;
    QString m_hintHtml;
    int m_hintDismissedAt = -1; // the "(" of the call whose hint Esc hid
};

} // namespace pharos
