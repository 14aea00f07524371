#include "app/editor/promqleditor.h"

#include "app/editor/promqlcompletionpopup.h"
#include "app/editor/promqlhighlighter.h"
#include "dashboards/variables/variables.h"
#include "datasources/datasource.h"
#include "datasources/promql/promqlcatalogue.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QToolTip>
#include <algorithm>

namespace pharos {

// --- editor ----------------------------------------------------------------------------------

PromqlEditor::PromqlEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("PromQL query (Shift+Enter runs it, Ctrl+Space completes)"));
    setTabChangesFocus(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter = new PromqlHighlighter(document());
    m_highlighter->setPalette(palette());
    m_completer = new PromqlCompleter(this);
    m_popup = new PromqlCompletionPopup(this);
    m_popup->hide();
    connect(m_completer, &PromqlCompleter::candidatesReady, this, &PromqlEditor::onCandidates);
    connect(m_completer, &PromqlCompleter::lookupFailed, this, [this](const QString &message) {
        m_popup->setStatus(message);
        Q_EMIT lookupFailed(message);
    });
    connect(m_popup, &PromqlCompletionPopup::activated, this, [this](int row) {
        m_popup->setCurrentRow(row);
        acceptCompletion();
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_errorOffset >= 0 || !m_errorMessage.isEmpty())
            clearServerError();
        Q_EMIT queryChanged(toPlainText());
    });
    m_hint = new QLabel(this, Qt::ToolTip | Qt::FramelessWindowHint);
    m_hint->setObjectName(QStringLiteral("pharos_promql_signature_hint"));
    m_hint->setAttribute(Qt::WA_ShowWithoutActivating);
    m_hint->setAttribute(Qt::WA_WindowPropagation); // the editor's palette and font
    m_hint->setFocusPolicy(Qt::NoFocus);
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setFrameShape(QFrame::Box);
    m_hint->setContentsMargins(4, 2, 4, 2);
    m_hint->setForegroundRole(QPalette::ToolTipText);
    m_hint->setBackgroundRole(QPalette::ToolTipBase);
    m_hint->setAutoFillBackground(true);
    m_hint->hide();
    connect(this, &QPlainTextEdit::textChanged, this, &PromqlEditor::updateSignatureHint);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateExtraSelections();
        updateSignatureHint();
        if (!m_editing && isCompletionVisible())
            requestCompletion(false); // follows the cursor; closes outside a completable word
    });
    const int lineHeight = fontMetrics().lineSpacing();
    setMinimumHeight(lineHeight * 3 + 12);
}

PromqlEditor::~PromqlEditor() = default;

void PromqlEditor::setQuery(const QString &query)
{
    hideCompletion();
    m_editing = true;
    setPlainText(query);
    moveCursor(QTextCursor::End);
    m_editing = false;
    clearServerError();
}

void PromqlEditor::insertText(const QString &text)
{
    hideCompletion();
    QTextCursor c = textCursor();
    c.insertText(text);
    setTextCursor(c);
}

void PromqlEditor::setDataSource(DataSource *source)
{
    hideCompletion();
    m_completer->setDataSource(source);
}

DataSource *PromqlEditor::dataSource() const
{
    return m_completer->dataSource();
}

void PromqlEditor::setVariableSet(VariableSet *variables)
{
    m_variables = variables;
}

void PromqlEditor::setTimeRange(qint64 startMs, qint64 endMs)
{
    m_completer->setTimeRange(startMs, endMs);
}

QStringList PromqlEditor::variableNames() const
{
    QStringList names = m_variableNames;
    if (m_variables)
        for (const Variable &v : m_variables->variables())
            if (!names.contains(v.name))
                names << v.name;
    return names;
}

bool PromqlEditor::isCompletionVisible() const
{
    return m_popup->isVisible();
}

void PromqlEditor::triggerCompletion()
{
    m_completing = true;
    requestCompletion(true);
}

void PromqlEditor::hideCompletion()
{
    m_completing = false;
    m_popup->hide();
    m_popup->setStatus({});
    m_completer->cancel();
}

void PromqlEditor::requestCompletion(bool now)
{
    m_completing = true;
    m_completer->setVariables(variableNames());
    m_contextText = toPlainText();
    m_completer->complete(m_contextText, textCursor().position());
    if (now)
        m_completer->fetchNow();
}

void PromqlEditor::onCandidates(const PromqlCompletionContext &context,
                                const QList<PromqlCompletionItem> &items)
{
    if (!m_completing)
        return;
    m_context = context;
    if (context.kind == PromqlCompletionContext::Kind::None) {
        hideCompletion();
        return;
    }
    const bool fetching = m_completer->isFetching();
    // Nothing more to offer when the only candidate is exactly what is typed.
    const bool typedAlready =
        items.size() == 1 && !fetching &&
        (items.first().insertText == context.prefix || items.first().label == context.prefix);
    if ((items.isEmpty() && !fetching) || typedAlready) {
        m_popup->hide();
        if (!fetching)
            m_completing = typedAlready ? false : m_completing;
        return;
    }
    // Typing re-ranks the list: the best match becomes current again. Data arriving for the
    // same text keeps the candidate the user moved to.
    const bool sameText = m_popup->isVisible() && context.prefix == m_shownPrefix &&
                          context.replaceStart == m_shownStart;
    m_shownPrefix = context.prefix;
    m_shownStart = context.replaceStart;
    m_popup->setItems(items, sameText);
    if (items.isEmpty()) {
        if (!m_popup->isVisible())
            return; // wait for the server before opening
        m_popup->setStatus(tr("Loading…"));
    } else {
        m_popup->setStatus(fetching ? tr("Loading…") : QString());
    }
    placePopup();
    m_popup->show();
}

void PromqlEditor::placePopup()
{
    const QRect r = cursorRect();
    QPoint at = viewport()->mapToGlobal(r.bottomLeft() + QPoint(0, 2));
    if (const QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        if (at.y() + m_popup->height() > avail.bottom())
            at.setY(viewport()->mapToGlobal(r.topLeft()).y() - m_popup->height() - 2);
        at.setX(std::clamp(at.x(), avail.left(),
                           std::max(avail.left(), avail.right() - m_popup->width())));
    }
    m_popup->move(at);
    if (m_hint->isVisible())
        placeSignatureHint();
}

bool PromqlEditor::isSignatureHintVisible() const
{
    return m_hint->isVisible();
}

void PromqlEditor::updateSignatureHint()
{
    m_call = promqlCallContext(toPlainText(), textCursor().position());
    m_hintHtml.clear();
    const PromqlCatalogueEntry *e =
        m_call.isValid() ? PromqlCatalogue::find(m_call.function) : nullptr;
    if (e) {
        const PromqlSignatureParts parts = promqlSignatureParts(e->signatureString());
        auto bold = [](const QString &s) {
            return QStringLiteral("<b>%1</b>").arg(s.toHtmlEscaped());
        };
        QString head;
        if (m_call.grouping && parts.groupingStart >= 0)
            head = parts.head.left(parts.groupingStart).toHtmlEscaped() +
                   bold(parts.head.mid(parts.groupingStart, parts.groupingLength)) +
                   parts.head.mid(parts.groupingStart + parts.groupingLength).toHtmlEscaped();
        else
            head = parts.head.toHtmlEscaped();
        int current = m_call.argument;
        if (parts.variadic() && current >= parts.arguments.size() - 1)
            current = int(parts.arguments.size()) - 1;
        QStringList args;
        for (int i = 0; i < parts.arguments.size(); ++i)
            args << (i == current ? bold(parts.arguments.at(i))
                                  : parts.arguments.at(i).toHtmlEscaped());
        m_hintHtml = QStringLiteral("<span style=\"white-space:pre\">%1%2%3</span>")
                         .arg(head, args.join(QStringLiteral(", ")), parts.tail.toHtmlEscaped());
    }
    if (m_call.openParen != m_hintDismissedAt)
        m_hintDismissedAt = -1;
    const bool show = !m_hintHtml.isEmpty() && m_hintDismissedAt < 0 && isVisible() && hasFocus();
    if (!show) {
        m_hint->hide();
        return;
    }
    m_hint->setText(m_hintHtml);
    m_hint->adjustSize();
    placeSignatureHint();
    m_hint->show();
}

void PromqlEditor::placeSignatureHint()
{
    // Under the cursor line; above it while the completion list takes that place.
    const QRect r = cursorRect();
    const QSize size = m_hint->sizeHint();
    QPoint at = viewport()->mapToGlobal(r.bottomLeft() + QPoint(0, 2));
    const bool above = m_popup->isVisible();
    if (above)
        at.setY(viewport()->mapToGlobal(r.topLeft()).y() - size.height() - 2);
    if (const QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        if (!above && at.y() + size.height() > avail.bottom())
            at.setY(viewport()->mapToGlobal(r.topLeft()).y() - size.height() - 2);
        at.setX(
            std::clamp(at.x(), avail.left(), std::max(avail.left(), avail.right() - size.width())));
    }
    m_hint->move(at);
}

bool PromqlEditor::acceptCompletion()
{
    const int row = m_popup->currentRow();
    if (!m_popup->isVisible() || row < 0)
        return false;
    const PromqlCompletionItem item = m_popup->items().at(row);
    // The range to replace, for the text as it is now.
    const PromqlCompletionContext ctx =
        promqlCompletionContext(toPlainText(), textCursor().position());
    m_popup->hide();
    m_completing = false;
    m_completer->cancel();
    m_editing = true;
    QTextCursor c = textCursor();
    c.beginEditBlock();
    c.setPosition(ctx.replaceStart);
    c.setPosition(ctx.replaceStart + ctx.replaceLength, QTextCursor::KeepAnchor);
    c.insertText(item.insertText);
    c.endEditBlock();
    c.setPosition(ctx.replaceStart +
                  (item.cursorOffset >= 0 ? item.cursorOffset : int(item.insertText.size())));
    setTextCursor(c);
    m_editing = false;
    // Go on where the next thing is obvious: the argument of a function, the value of a label.
    if (item.cursorOffset >= 0)
        requestCompletion(false);
    return true;
}

void PromqlEditor::setServerError(const QString &message)
{
    int offset = -1;
    if (!promqlErrorPosition(message, toPlainText(), &offset))
        offset = -1;
    setServerErrorAt(message, offset);
}

void PromqlEditor::setServerErrorAt(const QString &message, int offset)
{
    m_errorMessage = message;
    m_errorOffset = -1;
    m_errorLength = 0;
    const QString text = toPlainText();
    if (offset >= 0) {
        offset = std::min(offset, int(text.size()));
        m_errorOffset = offset;
        m_errorLength = 1;
        for (const PromqlToken &t : lexPromql(text))
            if (t.start <= offset && offset < t.end()) {
                m_errorOffset = t.start;
                m_errorLength = t.length;
                break;
            }
    }
    updateExtraSelections();
}

void PromqlEditor::clearServerError()
{
    m_errorMessage.clear();
    m_errorOffset = -1;
    m_errorLength = 0;
    updateExtraSelections();
}

void PromqlEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString text = toPlainText();
    // Brackets: the one just before or at the cursor, and its partner.
    m_brackets = {-1, -1};
    const int pos = textCursor().position();
    const QList<PromqlToken> tokens = lexPromql(text);
    int at = -1;
    for (int i = 0; i < tokens.size(); ++i) {
        const PromqlToken &t = tokens[i];
        if (!t.isBracket())
            continue;
        if (t.start == pos - 1)
            at = i; // the bracket before the cursor wins
        else if (t.start == pos && at < 0)
            at = i;
    }
    if (at >= 0) {
        const int partner = matchingPromqlBracket(tokens, at);
        m_brackets = {tokens[at].start, partner >= 0 ? tokens[partner].start : -1};
        auto mark = [&](int offset, const QColor &color) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(document());
            s.cursor.setPosition(offset);
            s.cursor.setPosition(offset + 1, QTextCursor::KeepAnchor);
            s.format.setBackground(color);
            selections << s;
        };
        if (partner >= 0) {
            mark(tokens[at].start, bracketMatchColor(palette()));
            mark(tokens[partner].start, bracketMatchColor(palette()));
        } else {
            mark(tokens[at].start, bracketMismatchColor(palette()));
        }
    }
    if (m_errorOffset >= 0) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document());
        int from = std::min(m_errorOffset, int(text.size()));
        int to = std::min(m_errorOffset + std::max(1, m_errorLength), int(text.size()));
        if (from == to && from > 0)
            --from; // at the very end: mark the last character
        s.cursor.setPosition(from);
        s.cursor.setPosition(to, QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(Qt::red);
        s.format.setBackground(QColor(255, 0, 0, 40));
        s.format.setToolTip(m_errorMessage);
        selections << s;
    }
    setExtraSelections(selections);
}
namespace {

// `tint` blended into Base as far as the text stays readable on it.
QColor bracketBackground(const QPalette &palette, const QColor &tint)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (double t = 0.45; t > 0.1; t -= 0.05) {
        const QColor c = promqlcolor::mix(base, tint, t);
        if (promqlcolor::contrast(text, c) >= PromqlHighlighter::minimumContrast())
            return c;
    }
    return promqlcolor::mix(base, tint, 0.1);
}

} // namespace

QColor PromqlEditor::bracketMatchColor(const QPalette &palette)
{
    return bracketBackground(palette, palette.color(QPalette::Highlight));
}

QColor PromqlEditor::bracketMismatchColor(const QPalette &palette)
{
    return bracketBackground(palette, QColor(0xe5, 0x39, 0x35));
}

QColor PromqlEditor::bracketMatchColor()
{
    return bracketMatchColor(QGuiApplication::palette());
}

QColor PromqlEditor::bracketMismatchColor()
{
    return bracketMismatchColor(QGuiApplication::palette());
}

void PromqlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_highlighter->setPalette(palette());
        updateExtraSelections();
    }
}

void PromqlEditor::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        hideCompletion();
        Q_EMIT runRequested();
        event->accept();
        return;
    }
    if (key == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        triggerCompletion();
        event->accept();
        return;
    }
    if (isCompletionVisible()) {
        switch (key) {
        case Qt::Key_Up:
            m_popup->moveCurrent(-1);
            return;
        case Qt::Key_Down:
            m_popup->moveCurrent(1);
            return;
        case Qt::Key_PageUp:
            m_popup->moveCurrent(-8);
            return;
        case Qt::Key_PageDown:
            m_popup->moveCurrent(8);
            return;
        case Qt::Key_Escape:
            hideCompletion();
            if (m_hint->isVisible())
                placeSignatureHint(); // back under the line
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            if (acceptCompletion())
                return;
            break;
        default:
            break;
        }
    }
    if (key == Qt::Key_Escape && m_hint->isVisible()) {
        m_hintDismissedAt = m_call.openParen;
        m_hint->hide();
        event->accept();
        return;
    }
    m_editing = true;
    QPlainTextEdit::keyPressEvent(event);
    m_editing = false;
    const QString typed = event->text();
    if (key == Qt::Key_Backspace || key == Qt::Key_Delete) {
        if (isCompletionVisible())
            requestCompletion(false);
        return;
    }
    if (typed.isEmpty() || (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
        return;
    const QChar c = typed.back();
    static const QString triggers = QStringLiteral("_:{,=\"'[($~`");
    if (c.isLetterOrNumber() || triggers.contains(c)) {
        if (isCompletionVisible() || !c.isDigit())
            requestCompletion(false);
    } else if (isCompletionVisible()) {
        requestCompletion(false); // e.g. a space or ")" ends the word: the list closes
    }
}

QString PromqlEditor::toolTipAt(int position) const
{
    if (m_errorOffset >= 0 && position >= m_errorOffset &&
        position < m_errorOffset + std::max(1, m_errorLength))
        return m_errorMessage.toHtmlEscaped();
    const QString text = toPlainText();
    for (const PromqlToken &t : lexPromql(text)) {
        if (t.start > position)
            break;
        if (position >= t.end())
            continue;
        const QString word = t.text(text).toString();
        switch (t.kind) {
        case PromqlTokenKind::Function:
        case PromqlTokenKind::Aggregation:
        case PromqlTokenKind::Keyword:
        case PromqlTokenKind::Operator:
            if (const PromqlCatalogueEntry *e = PromqlCatalogue::find(word.toLower()))
                return QStringLiteral("<b>%1</b><br>%2")
                    .arg(e->signatureString().toHtmlEscaped(), e->description().toHtmlEscaped());
            return {};
        case PromqlTokenKind::MetricName: {
            if (!dataSource())
                return {};
            const auto &meta = PromqlLookupCache::forDataSource(dataSource())->metadata();
            auto it = meta.constFind(word);
            for (const char *suffix : {"_bucket", "_count", "_sum"})
                if (it == meta.cend() && word.endsWith(QLatin1String(suffix)))
                    it = meta.constFind(word.left(word.size() - qsizetype(strlen(suffix))));
            if (it == meta.cend())
                return {};
            return QStringLiteral("<b>%1</b> %2<br>%3")
                .arg(word.toHtmlEscaped(), it->type.toHtmlEscaped(), it->help.toHtmlEscaped());
        }
        default:
            return {};
        }
    }
    return m_errorMessage.toHtmlEscaped();
}

bool PromqlEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(cursorForPosition(help->pos()).position());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void PromqlEditor::focusOutEvent(QFocusEvent *event)
{
    hideCompletion();
    m_hint->hide();
    QPlainTextEdit::focusOutEvent(event);
}

void PromqlEditor::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    updateSignatureHint();
}

bool PromqlEditor::event(QEvent *event)
{
    if (event->type() == QEvent::Hide) {
        hideCompletion();
        m_hint->hide();
    }
    return QPlainTextEdit::event(event);
}

} // namespace pharos
