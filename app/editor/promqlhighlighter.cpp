#include "app/editor/promqlhighlighter.h"

#include <QGuiApplication>
#include <QTextBlock>
#include <QTextDocument>
#include <cmath>

namespace pharos {

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

} // namespace

namespace promqlcolor {

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

} // namespace promqlcolor

namespace {

using promqlcolor::contrast;
using promqlcolor::mix;

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

} // namespace pharos
