#include "app/editor/promqleditor.h"

#include "dashboards/variables/variables.h"
#include "datasources/datasource.h"
#include "datasources/promql/promqlcatalogue.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>

namespace pharos {

// --- highlighter ---------------------------------------------------------------------------

namespace {

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

bool isDark(const QPalette &palette)
{
    // Dark when the text is lighter than the background it is written on.
    return luminance(palette.color(QPalette::Text)) > luminance(palette.color(QPalette::Base));
}

// `color` moved towards white or black (whichever stands out more on `base`) until its
// contrast against `base` reaches `minimum`.
QColor readableOn(const QColor &color, const QColor &base, double minimum)
{
    if (contrast(color, base) >= minimum)
        return color;
    const QColor extreme = contrast(Qt::white, base) >= contrast(Qt::black, base)
                               ? QColor(Qt::white)
                               : QColor(Qt::black);
    QColor out = color;
    for (int step = 1; step <= 20 && contrast(out, base) < minimum; ++step)
        out = mix(color, extreme, step / 20.0);
    return out;
}

} // namespace

PromqlHighlighter::PromqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_palette(QGuiApplication::palette())
{
}

void PromqlHighlighter::setPalette(const QPalette &palette)
{
    if (palette == m_palette && !m_formats.isEmpty())
        return;
    m_palette = palette;
    m_formats.clear();
    rehighlight();
}

QTextCharFormat PromqlHighlighter::formatFor(PromqlTokenKind kind)
{
    return formatFor(kind, QGuiApplication::palette());
}

QTextCharFormat PromqlHighlighter::formatFor(PromqlTokenKind kind, const QPalette &palette)
{
    using K = PromqlTokenKind;
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    // One hue per meaning: the light-theme colour, and a lighter one for dark themes.
    auto colour = [&](QRgb light, QRgb onDark) {
        return readableOn(QColor::fromRgb(dark ? onDark : light), base, minimumContrast());
    };
    QTextCharFormat f;
    switch (kind) {
    case K::MetricName:
        f.setForeground(colour(0x1f5fbf, 0x79b8ff));
        break;
    case K::LabelName:
        f.setForeground(colour(0x8250df, 0xd2a8ff));
        break;
    case K::Function:
    case K::Aggregation:
        f.setForeground(colour(0x953800, 0xffa657));
        f.setFontWeight(QFont::Bold);
        break;
    case K::Keyword:
        f.setForeground(colour(0xcf222e, 0xff7b72));
        f.setFontWeight(QFont::Bold);
        break;
    case K::Operator:
        f.setForeground(colour(0xcf222e, 0xff7b72));
        break;
    case K::Number:
        f.setForeground(colour(0x0a6c74, 0x56d4dd));
        break;
    case K::Duration:
        f.setForeground(colour(0x9a6700, 0xe3b341));
        break;
    case K::String:
        f.setForeground(colour(0x117a2f, 0x7ee787));
        break;
    case K::Comment:
        f.setForeground(colour(0x6e7781, 0x8b949e));
        f.setFontItalic(true);
        break;
    case K::Variable:
        f.setForeground(colour(0xbf3989, 0xf778ba));
        f.setFontItalic(true);
        break;
    case K::Error:
        f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        f.setUnderlineColor(colour(0xd32f2f, 0xff6b6b));
        break;
    default:
        break;
    }
    return f;
}

void PromqlHighlighter::highlightBlock(const QString &text)
{
    Q_UNUSED(text);
    const QString full = document()->toPlainText();
    if (full != m_text || m_tokens.isEmpty()) {
        m_text = full;
        m_tokens = lexPromql(m_text);
    }
    const QTextBlock block = currentBlock();
    const int from = block.position();
    const int to = from + block.length();
    size_t state = 0;
    for (const PromqlToken &t : std::as_const(m_tokens)) {
        if (t.start >= to)
            break;
        state = state * 31 + size_t(t.kind) * 7 + size_t(t.start);
        if (t.end() <= from)
            continue;
        auto fit = m_formats.constFind(int(t.kind));
        if (fit == m_formats.cend())
            fit = m_formats.insert(int(t.kind), formatFor(t.kind, m_palette));
        const QTextCharFormat &f = *fit;
        if (f == QTextCharFormat())
            continue;
        const int s = std::max(t.start, from) - from;
        const int e = std::min(t.end(), to) - from;
        setFormat(s, e - s, f);
    }
    // The state changes when anything before the end of this block does, so the next block
    // is coloured again (a "{" opened here changes what the next line's words are).
    setCurrentBlockState(int(state & 0x3fffffff));
}

// --- completion list ------------------------------------------------------------------------

class PromqlCompletionModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;
    QList<PromqlCompletionItem> items;
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(items.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= items.size())
            return {};
        const PromqlCompletionItem &i = items.at(index.row());
        if (role == Qt::DisplayRole)
            return i.label;
        if (role == Qt::UserRole)
            return i.detail;
        if (role == Qt::UserRole + 1)
            return int(i.kind);
        return {};
    }
    void reset(QList<PromqlCompletionItem> list)
    {
        beginResetModel();
        items = std::move(list);
        endResetModel();
    }
};

namespace {

QString kindTag(PromqlCompletionItem::Kind k)
{
    using K = PromqlCompletionItem::Kind;
    switch (k) {
    case K::Function:
        return QStringLiteral("f");
    case K::Aggregation:
        return QStringLiteral("a");
    case K::Keyword:
        return QStringLiteral("k");
    case K::Metric:
        return QStringLiteral("m");
    case K::Label:
        return QStringLiteral("l");
    case K::LabelValue:
        return QStringLiteral("v");
    case K::Duration:
        return QStringLiteral("d");
    case K::Variable:
        return QStringLiteral("$");
    }
    return {};
}

// Kind tag, name, and the detail (TYPE or signature) right-aligned in grey.
class CompletionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString label = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        const bool selected = opt.state & QStyle::State_Selected;
        const QColor text =
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRect r = opt.rect.adjusted(4, 0, -4, 0);
        p->save();
        const auto kind = PromqlCompletionItem::Kind(index.data(Qt::UserRole + 1).toInt());
        const int tagW = opt.fontMetrics.horizontalAdvance(QLatin1Char('m')) + 6;
        QRect tag(r.left(), r.top() + 2, tagW, r.height() - 4);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x80, 0x80, 0x80, 60));
        p->drawRoundedRect(tag, 3, 3);
        p->setPen(text);
        p->drawText(tag, Qt::AlignCenter, kindTag(kind));
        r.setLeft(tag.right() + 6);
        const QString detail = index.data(Qt::UserRole).toString();
        const int labelW = opt.fontMetrics.horizontalAdvance(label);
        p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                    opt.fontMetrics.elidedText(label, Qt::ElideRight, r.width()));
        if (!detail.isEmpty() && labelW + 24 < r.width()) {
            QColor dim = text;
            dim.setAlpha(140);
            p->setPen(dim);
            const QRect dr(r.left() + labelW + 16, r.top(), r.width() - labelW - 16, r.height());
            p->drawText(dr, Qt::AlignVCenter | Qt::AlignRight,
                        opt.fontMetrics.elidedText(detail, Qt::ElideLeft, dr.width()));
        }
        p->restore();
    }
};

} // namespace

PromqlCompletionPopup::PromqlCompletionPopup(QWidget *parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint)
{
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_WindowPropagation); // the editor's palette and font
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::Box);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    m_list = new QListView(this);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true); // virtualised: 100,000 rows cost nothing
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_model = new PromqlCompletionModel(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CompletionDelegate(m_list));
    layout->addWidget(m_list, 1);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setContentsMargins(6, 4, 6, 4);
    m_details->setAutoFillBackground(true);
    layout->addWidget(m_details);
    m_status = new QLabel(this);
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->hide();
    layout->addWidget(m_status);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PromqlCompletionPopup::updateDetails);
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &i) { Q_EMIT activated(i.row()); });
    resize(460, 260);
}

void PromqlCompletionPopup::setItems(const QList<PromqlCompletionItem> &items, bool keepCurrent)
{
    // Keep the current candidate when it is still offered.
    QString current;
    if (keepCurrent && currentRow() >= 0)
        current = m_model->items.at(currentRow()).label;
    m_model->reset(items);
    int row = 0;
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i).label == current) {
            row = i;
            break;
        }
    setCurrentRow(items.isEmpty() ? -1 : row);
    updateDetails();
}

const QList<PromqlCompletionItem> &PromqlCompletionPopup::items() const
{
    return m_model->items;
}

int PromqlCompletionPopup::currentRow() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() && i.row() < m_model->items.size() ? i.row() : -1;
}

void PromqlCompletionPopup::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->items.size()) {
        m_list->setCurrentIndex({});
        return;
    }
    const QModelIndex i = m_model->index(row);
    m_list->setCurrentIndex(i);
    m_list->scrollTo(i);
}

void PromqlCompletionPopup::moveCurrent(int delta)
{
    const int n = int(m_model->items.size());
    if (n == 0)
        return;
    setCurrentRow(std::clamp(std::max(0, currentRow()) + delta, 0, n - 1));
}

void PromqlCompletionPopup::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString PromqlCompletionPopup::statusText() const
{
    return m_status->text();
}

QString PromqlCompletionPopup::detailsText() const
{
    return m_details->text();
}

void PromqlCompletionPopup::updateDetails()
{
    const int row = currentRow();
    if (row < 0) {
        m_details->clear();
        m_details->hide();
        return;
    }
    const PromqlCompletionItem &i = m_model->items.at(row);
    QString html;
    if (!i.detail.isEmpty())
        html += QStringLiteral("<b>%1</b>").arg(i.detail.toHtmlEscaped());
    if (!i.documentation.isEmpty()) {
        if (!html.isEmpty())
            html += QStringLiteral("<br>");
        html += i.documentation.toHtmlEscaped();
    }
    m_details->setText(html);
    m_details->setVisible(!html.isEmpty());
}

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
        const QColor c = mix(base, tint, t);
        if (contrast(text, c) >= PromqlHighlighter::minimumContrast())
            return c;
    }
    return mix(base, tint, 0.1);
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
